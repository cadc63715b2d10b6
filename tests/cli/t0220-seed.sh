#!/bin/sh
# t0220: the issue's acceptance check on the seed article
# ($SHARED/seeds/000_ce1fc8bd62071faf.txt, never copied into the repo;
# skipped when absent), published 2022-10-27:
#  - extract prints Akar -meet- Gantz dated 2022-10-27 and
#    Turkey (TUR) -expel- "... ambassador" dated 2018-05;
#  - after ingest the three exports validate and load, "Gantz" and
#    "Benjamin Gantz" are one node, and `query met Gantz` lists Akar.
. "$(dirname "$0")/lib.sh"

seed=$SHARED/seeds/000_ce1fc8bd62071faf.txt
if [ ! -f "$seed" ]; then
	echo "skip: seed article $seed absent"
	exit 0
fi
PY=$(python_with json)

expect_status 0 $E extract --date 2022-10-27 "$seed"
cp "$TMP/out" "$TMP/seed.jsonl"
"$PY" - "$TMP/seed.jsonl" <<'PY' || fail "seed triples (above)"
import json, sys
ts = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
def side(t, s):
    m = t[s]
    return ((m["text"] or "") + " | " + (m["entity"] or "")).lower()
meet = [t for t in ts if t["relation"]["lemma"] == "meet" and t["date"] == "2022-10-27" and
        (("akar" in side(t, "subject") and "gantz" in side(t, "object")) or
         ("gantz" in side(t, "subject") and "akar" in side(t, "object")))]
expel = [t for t in ts if t["relation"]["lemma"] == "expel" and t["date"] == "2018-05" and
         t["subject"]["code"] == "TUR" and "turkey" in side(t, "subject") and
         "ambassador" in t["object"]["text"].lower()]
ok = True
if not meet:
    print("FAIL: no Akar -meet- Gantz dated 2022-10-27; meet triples:",
          [(t["subject"]["text"], t["object"]["text"], t["date"]) for t in ts if t["relation"]["lemma"] == "meet"])
    ok = False
if not expel:
    print("FAIL: no Turkey(TUR) -expel- ambassador dated 2018-05; expel triples:",
          [(t["subject"]["text"], t["subject"]["code"], t["object"]["text"], t["date"]) for t in ts if t["relation"]["lemma"] == "expel"])
    ok = False
sys.exit(0 if ok else 1)
PY

db=$TMP/seed.db
expect_status 0 $E ingest --db "$db" --date 2022-10-27 "$seed"
grep -q "stored 1 article" "$TMP/err" || fail "ingest did not store the seed: $(cat "$TMP/err")"
for f in graphml gexf json; do
	expect_status 0 $E export --db "$db" --format $f -o "$TMP/seed.$f"
done
schemas=$SHARED/schemas
if command -v xmllint >/dev/null && [ -f "$schemas/graphml/graphml.xsd" ]; then
	xmllint --nonet --noout --schema "$schemas/graphml/graphml.xsd" "$TMP/seed.graphml" 2>"$TMP/xl" ||
		fail "seed.graphml invalid: $(head -5 "$TMP/xl")"
	xmllint --nonet --noout --relaxng "$schemas/gexf/gexf.rng" "$TMP/seed.gexf" 2>"$TMP/xl" ||
		fail "seed.gexf invalid: $(head -5 "$TMP/xl")"
else
	echo "skip: XML validation (xmllint or $schemas absent)"
fi
NX=$(python_with networkx)
if [ -n "$NX" ]; then
	"$NX" - "$TMP" <<'PY' || fail "seed exports (above)"
import json, sys
import networkx as nx
tmp = sys.argv[1]
g = nx.read_graphml(tmp + "/seed.graphml")
j = nx.node_link_graph(json.load(open(tmp + "/seed.json")), edges="edges")
ok = True
if (g.number_of_nodes(), g.number_of_edges()) != (j.number_of_nodes(), j.number_of_edges()):
    print("FAIL: GraphML and JSON disagree:", g, j); ok = False
for name, h in (("graphml", g), ("json", j)):
    gantz = [d.get("label") for n, d in h.nodes(data=True) if "gantz" in (d.get("label") or "").lower()]
    if gantz != ["Benjamin Gantz"]:
        print(f"FAIL: {name}: Gantz nodes {gantz}, want one 'Benjamin Gantz'"); ok = False
lab = {n: d.get("label") for n, d in g.nodes(data=True)}
if not any({lab[u], lab[v]} == {"Hulusi Akar", "Benjamin Gantz"} and d.get("lemma") == "meet"
           for u, v, d in g.edges(data=True)):
    print("FAIL: no Akar-Gantz meet edge in the GraphML"); ok = False
sys.exit(0 if ok else 1)
PY
else
	echo "skip: no python3 with networkx"
fi
n=$(sqlite3 "$db" "SELECT count(*) FROM actors WHERE surname = 'gantz'" 2>/dev/null) &&
	{ [ "$n" = 1 ] || fail "$n actors with surname gantz in the store"; }

expect_status 0 $E query met Gantz --db "$db"
grep -q "Akar" "$TMP/out" || fail "query met Gantz does not list Akar: $(cat "$TMP/out")"
grep -q "2022-10-27" "$TMP/out" || fail "query met Gantz: meeting not dated 2022-10-27: $(cat "$TMP/out")"
# the location keeps its own preposition, once ("in Ankara", not "in in")
grep -q " in in " "$TMP/out" && fail "query met prints 'in in <place>'"
expect_status 0 $E query met "Benjamin Gantz" --with Akar --db "$db"
grep -q "Hulusi Akar" "$TMP/out" || fail "query met 'Benjamin Gantz' --with Akar is empty"
finish
