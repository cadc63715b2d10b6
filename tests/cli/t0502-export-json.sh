#!/bin/sh
# JSON export: golden output, networkx.node_link_graph() with the default
# call, schemas/graph.schema.json, and the --at/--since/--until/
# --actors-only filters. UPDATE_GOLDEN=1 rewrites the expected files.
set -e
out=tests/out/t0502
golden=tests/golden/store
rm -rf "$out" && mkdir -p "$out"
./tests/unit/test_store --load "$out/db" $golden/triples.jsonl

for level in actor country; do
	ENTENTE_DB="$out/db" ./entente export --format=json --level=$level >"$out/$level.json"
	if [ -n "$UPDATE_GOLDEN" ]; then cp "$out/$level.json" $golden/$level.json; fi
	cmp $golden/$level.json "$out/$level.json"
done

edges() { grep -c '"source": ' "$1" || true; }
./entente export --db "$out/db" --format json --at 2022-11-24 >"$out/at.json"
[ "$(edges "$out/at.json")" -eq 9 ]
./entente export --db "$out/db" --format json --since 2023 --until 2023-06 >"$out/range.json"
[ "$(edges "$out/range.json")" -eq 4 ]
./entente export --db "$out/db" --format json --actors-only >"$out/actors.json"
[ "$(edges "$out/actors.json")" -eq 15 ]
! grep -q '"type": "thing"' "$out/actors.json"

if python3 -c 'import networkx' 2>/dev/null; then
	python3 - "$out" <<'PY'
import json, sys, networkx as nx
out = sys.argv[1]
for level, nodes, edges in (("actor", 18, 19), ("country", 5, 13)):
    g = nx.node_link_graph(json.load(open("%s/%s.json" % (out, level))))
    assert isinstance(g, nx.MultiDiGraph), type(g)
    assert (g.number_of_nodes(), g.number_of_edges()) == (nodes, edges), (level, g)
    assert all(d["date"] for _, _, d in g.edges(data=True))
try:
    import jsonschema
except ImportError:
    print("skip: jsonschema not importable")
else:
    schema = json.load(open("schemas/graph.schema.json"))
    for f in ("actor", "country", "at", "actors"):
        jsonschema.validate(json.load(open("%s/%s.json" % (out, f))), schema)
print("networkx ok")
PY
else
	echo "skip: networkx not importable"
fi
