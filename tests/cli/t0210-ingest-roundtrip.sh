#!/bin/sh
# t0210: samples -> ingest -> store -> three exports, end to end.
#  - ingesting the same inputs again adds nothing (articles, relations,
#    actors, mentions, aliases counted with sqlite3);
#  - GraphML validates against the GraphML XSD, GEXF against gexf.rng
#    ($SHARED/schemas; skipped when absent or without xmllint);
#  - networkx reads GraphML and node-link JSON; node and edge counts agree
#    across GraphML, GEXF and JSON and with the store (edges = dated
#    relations, nodes = actors of dated relations);
#  - a person named in full and then by surname in one article is one node
#    (tests/golden/e2e/gantz-ankara.txt);
#  - the country level has USA -> RUS CONSULT in 2018-07 (Helsinki summit,
#    samples/01) and the actor level Donald Trump -> Vladimir Putin.
. "$(dirname "$0")/lib.sh"

command -v sqlite3 >/dev/null || { echo "skip: no sqlite3 CLI (apt-get install sqlite3)"; exit 0; }
db=$TMP/world.db

ingest_all() {
	while IFS='	' read -r f d; do
		$E ingest --db "$db" --date "$d" "samples/$f" 2>>"$TMP/ingest.err" ||
			fail "ingest samples/$f exited $?"
	done <samples/dates.tsv
	$E ingest --db "$db" samples/articles.jsonl 2>>"$TMP/ingest.err" || fail "ingest samples/articles.jsonl exited $?"
	$E ingest --db "$db" --date 2022-10-27 tests/golden/e2e/gantz-ankara.txt 2>>"$TMP/ingest.err" ||
		fail "ingest gantz-ankara.txt exited $?"
}
counts() {
	sqlite3 "$db" "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM relations),
		(SELECT count(*) FROM actors), (SELECT count(*) FROM mentions), (SELECT sum(count) FROM aliases),
		(SELECT count(*) FROM relations WHERE date IS NOT NULL),
		(SELECT count(*) FROM (SELECT subject FROM relations WHERE date IS NOT NULL
		                       UNION SELECT object FROM relations WHERE date IS NOT NULL))"
}

ingest_all
first=$(counts)
echo "store after first ingest (articles|relations|actors|mentions|aliases|dated|actors of dated): $first"
want_articles=$(( $(wc -l <samples/dates.tsv) + $(grep -c . samples/articles.jsonl) + 1 ))
[ "${first%%|*}" = "$want_articles" ] || fail "stored ${first%%|*} articles, want $want_articles"
rels=$(echo "$first" | cut -d'|' -f2)
[ "$rels" -ge 50 ] || fail "only $rels relations from the samples"

# What ingest says it stored is what the store holds.
said=$(sed -n 's/.*stored [0-9]* articles* ([0-9]* already present), \([0-9]*\) relations.*/\1/p' "$TMP/ingest.err" |
	awk '{ s += $1 } END { print s + 0 }')
if [ "$said" != "$rels" ]; then
	fail "ingest reports $said relations stored, the store holds $rels"
fi

: >"$TMP/ingest.err"
ingest_all
second=$(counts)
[ "$first" = "$second" ] || fail "re-ingest changed the store: $first -> $second"
grep -q "stored 0 articles" "$TMP/ingest.err" || fail "re-ingest does not say it stored 0 articles: $(head -3 "$TMP/ingest.err")"
grep -q "stored [1-9]" "$TMP/ingest.err" && fail "re-ingest stored something: $(grep 'stored [1-9]' "$TMP/ingest.err")"
# the same article under another file name is the same text: not added either
cp samples/01-helsinki-summit.txt "$TMP/copy.txt"
$E ingest --db "$db" --date 2018-07-16 "$TMP/copy.txt" 2>"$TMP/err" || fail "ingest of a copy exited $?"
[ "$(counts)" = "$first" ] || fail "a copy of an article under another name was added: $(cat "$TMP/err")"

integrity=$(sqlite3 "$db" "PRAGMA integrity_check; PRAGMA foreign_key_check;")
[ "$integrity" = "ok" ] || fail "store not consistent: $integrity"

for level in actor country; do
	for f in graphml gexf json; do
		$E export --db "$db" --format $f --level $level -o "$TMP/$level.$f" 2>"$TMP/export-$level-$f.err" ||
			fail "export $f $level exited $?: $(cat "$TMP/export-$level-$f.err")"
	done
done

schemas=$SHARED/schemas
if command -v xmllint >/dev/null && [ -f "$schemas/graphml/graphml.xsd" ] && [ -f "$schemas/gexf/gexf.rng" ]; then
	for level in actor country; do
		xmllint --nonet --noout --schema "$schemas/graphml/graphml.xsd" "$TMP/$level.graphml" 2>"$TMP/xl" ||
			fail "$level.graphml invalid: $(head -5 "$TMP/xl")"
		xmllint --nonet --noout --relaxng "$schemas/gexf/gexf.rng" "$TMP/$level.gexf" 2>"$TMP/xl" ||
			fail "$level.gexf invalid: $(head -5 "$TMP/xl")"
	done
else
	echo "skip: XML validation (xmllint or $schemas absent)"
fi

PY=$(python_with networkx)
if [ -z "$PY" ]; then
	echo "skip: no python3 with networkx"
	finish
fi
"$PY" - "$TMP" "$first" <<'PY' || fail "export checks (above)"
import json, sys
import xml.etree.ElementTree as ET
import networkx as nx

tmp, counts = sys.argv[1], sys.argv[2].split("|")
dated, dated_actors = int(counts[5]), int(counts[6])
bad = []

def gexf_counts(path):
    ns = {"g": "http://gexf.net/1.3"}
    root = ET.parse(path).getroot()
    nodes = root.findall(".//g:nodes/g:node", ns)
    edges = root.findall(".//g:edges/g:edge", ns)
    spells = sum(len(e.findall("./g:spells/g:spell", ns)) for e in edges)
    kinds = {(e.get("source"), e.get("target"), e.get("kind")) for e in edges}
    return len(nodes), len(edges), spells, kinds, {n.get("id"): n.get("label") for n in nodes}

for level in ("actor", "country"):
    g = nx.read_graphml(f"{tmp}/{level}.graphml")
    j = nx.node_link_graph(json.load(open(f"{tmp}/{level}.json")), edges="edges")
    gn, ge, gspells, gkinds, glabels = gexf_counts(f"{tmp}/{level}.gexf")
    # GEXF at country level: one edge per (source, target, event) with a
    # spell per month, where GraphML and JSON have one edge per month.
    sizes = {"graphml": (g.number_of_nodes(), g.number_of_edges()),
             "json": (j.number_of_nodes(), j.number_of_edges()),
             "gexf": (gn, ge if level == "actor" else gspells)}
    if level == "country":
        kinds = {(u, v, d.get("relation")) for u, v, d in g.edges(data=True)}
        if kinds != gkinds:
            bad.append(f"country: GEXF edges {sorted(gkinds ^ kinds)[:5]} differ from GraphML's")
    print(level, sizes)
    if len(set(sizes.values())) != 1:
        bad.append(f"{level}: the three formats disagree: {sizes}")
    if set(g.nodes) != set(j.nodes) or set(g.nodes) != set(glabels):
        bad.append(f"{level}: node ids differ between formats")
    if level == "actor":
        if sizes["graphml"] != (dated_actors, dated):
            bad.append(f"actor level has {sizes['graphml']} nodes/edges, store has {dated_actors} actors of {dated} dated relations")
        gantz = [n for n, d in g.nodes(data=True) if "gantz" in d.get("label", "").lower()]
        if len(gantz) != 1:
            bad.append(f"Gantz is {len(gantz)} nodes: {[g.nodes[n]['label'] for n in gantz]}")
        lab = {n: d.get("label") for n, d in g.nodes(data=True)}
        tp = [d for u, v, d in g.edges(data=True)
              if lab[u] == "Donald Trump" and lab[v] == "Vladimir Putin" and d.get("lemma") == "meet"]
        if not any(d.get("date") == "2018-07-16" for d in tp):
            bad.append(f"actor level: no Donald Trump -meet-> Vladimir Putin on 2018-07-16: {tp}")
        for u, v, d in g.edges(data=True):
            if not (d.get("start", "") <= d.get("end", "")):
                bad.append(f"edge {u}->{v} starts after it ends: {d}")
                break
    else:
        ok = [d for u, v, d in g.edges(data=True)
              if (u, v) == ("USA", "RUS") and d.get("relation") == "CONSULT" and d.get("period") == "2018-07"]
        if len(ok) != 1:
            bad.append(f"country level: want one USA->RUS CONSULT edge in 2018-07, got {ok}")
        jok = [d for u, v, d in j.edges(data=True) if (u, v) == ("USA", "RUS") and d.get("relation") == "CONSULT"]
        if not jok:
            bad.append("country level JSON lacks USA->RUS CONSULT")
        # countries by ISO alpha-3; organisations without a country keep
        # their CAMEO code (IGO..., NGO..., ...), as graph.h documents
        for n in g.nodes:
            is_country = len(n) == 3 and n.isupper()
            is_org = len(n) > 3 and n.isupper() and n[:3] in ("IGO", "NGO", "IMG", "MNC", "UIS", "REB", "INS", "NGM")
            if not (is_country or is_org):
                bad.append(f"country level node {n!r} is neither an ISO alpha-3 nor an organisation code")
for b in bad:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
PY
finish
