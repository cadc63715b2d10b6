#!/bin/sh
# GraphML export of the fixture store: golden output at actor and country
# level, XSD validation, networkx reads it, -o writes the same bytes.
# UPDATE_GOLDEN=1 rewrites the expected files.
set -e
out=tests/out/t0500
golden=tests/golden/store
shared=${ENTENTE_SHARED:-../shared}
rm -rf "$out" && mkdir -p "$out"
./tests/unit/test_store --load "$out/db" $golden/triples.jsonl

for level in actor country; do
	./entente export --db "$out/db" --format graphml --level $level >"$out/$level.graphml"
	if [ -n "$UPDATE_GOLDEN" ]; then cp "$out/$level.graphml" $golden/$level.graphml; fi
	cmp $golden/$level.graphml "$out/$level.graphml"
done

# -o: the same bytes, and no temporary file left behind
./entente export --db "$out/db" --format graphml -o "$out/o.graphml" 2>"$out/err"
cmp "$out/actor.graphml" "$out/o.graphml"
grep -q "wrote 18 nodes and 19 edges" "$out/err"
[ -z "$(ls "$out" | grep tmp)" ]

if command -v xmllint >/dev/null && [ -f "$shared/schemas/graphml/graphml.xsd" ]; then
	for level in actor country; do
		xmllint --nonet --noout --schema "$shared/schemas/graphml/graphml.xsd" "$out/$level.graphml"
	done
else
	echo "skip: xmllint or $shared/schemas absent"
fi

if python3 -c 'import networkx' 2>/dev/null; then
	python3 - "$out" <<'PY'
import sys, networkx as nx
out = sys.argv[1]
g = nx.read_graphml(out + "/actor.graphml")
assert g.is_directed() and g.is_multigraph()
assert g.number_of_nodes() == 18 and g.number_of_edges() == 19, g
labels = {d["label"] for _, d in g.nodes(data=True)}
assert {"Hulusi Akar", "Benjamin Gantz", "Turkey", "Mehmet Akar"} <= labels, labels
for u, v, k, d in g.edges(keys=True, data=True):
    assert k.startswith("r") and d["date"] and d["start"] <= d["end"], (k, d)
    assert isinstance(d["negated"], bool) and isinstance(d["weight"], float)
c = nx.read_graphml(out + "/country.graphml")
assert c.number_of_nodes() == 5, c.nodes
# Akar met Gantz (actor level) is TUR -> ISR CONSULT at country level
w = [d for u, v, d in c.edges(data=True)
     if (u, v) == ("TUR", "ISR") and d["relation"] == "CONSULT" and d["period"] == "2022-11"]
assert len(w) == 1 and w[0]["count"] == 2, w
print("networkx ok")
PY
else
	echo "skip: networkx not importable"
fi
