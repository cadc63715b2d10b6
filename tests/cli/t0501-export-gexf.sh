#!/bin/sh
# GEXF export: golden output at both levels, RELAX NG validation, the
# dynamic parts (spells, kinds, weight attvalues) are there.
# UPDATE_GOLDEN=1 rewrites the expected files.
set -e
out=tests/out/t0501
golden=tests/golden/store
shared=${ENTENTE_SHARED:-../shared}
rm -rf "$out" && mkdir -p "$out"
./tests/unit/test_store --load "$out/db" $golden/triples.jsonl

for level in actor country; do
	./entente export --db "$out/db" --format gexf --level $level -o "$out/$level.gexf" 2>/dev/null
	if [ -n "$UPDATE_GOLDEN" ]; then cp "$out/$level.gexf" $golden/$level.gexf; fi
	cmp $golden/$level.gexf "$out/$level.gexf"
done

grep -q 'mode="dynamic" timeformat="date"' "$out/actor.gexf"
# every edge has a kind and a spell
[ "$(grep -c '<edge ' "$out/actor.gexf")" -eq 19 ]
[ "$(grep -c '<edge [^>]*kind="' "$out/actor.gexf")" -eq 19 ]
# country level: TUR->ISR CONSULT is one edge with a spell per month
grep -A40 'source="TUR" target="ISR" kind="CONSULT"' "$out/country.gexf" |
	sed '/<\/edge>/q' >"$out/consult"
[ "$(grep -c '<spell ' "$out/consult")" -eq 3 ]
grep -q '<attvalue for="weight" value="2" start="2022-11-01" end="2022-11-30"/>' "$out/consult"

if command -v xmllint >/dev/null && [ -f "$shared/schemas/gexf/gexf.rng" ]; then
	for level in actor country; do
		xmllint --nonet --noout --relaxng "$shared/schemas/gexf/gexf.rng" "$out/$level.gexf"
	done
else
	echo "skip: xmllint or $shared/schemas absent"
fi
