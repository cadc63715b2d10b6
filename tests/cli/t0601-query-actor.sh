#!/bin/sh
# query actor: canonical name, type, codes over time, aliases, countries,
# relations and partners. UPDATE_GOLDEN=1 rewrites the expected files.
set -e
out=tests/out/t0601
golden=tests/golden/store
rm -rf "$out" && mkdir -p "$out"
./tests/unit/test_store --load "$out/db" $golden/triples.jsonl

check() {
	name=$1; shift
	./entente query "$@" --db "$out/db" >"$out/$name"
	if [ -n "$UPDATE_GOLDEN" ]; then cp "$out/$name" $golden/$name.expected; fi
	cmp $golden/$name.expected "$out/$name"
}
check actor-turkey actor türkiye
check actor-akar actor akar
check actor-gantz-json actor "Benjamin Gantz" --json

grep -q "^Turkey$" "$out/actor-turkey"
grep -q "aliases: .*Ankara.*Turkish\|aliases: .*Turkish.*Ankara" "$out/actor-turkey"
# the bare "Akar" of the fixture names two different people
[ "$(grep -c '^[A-Z]' "$out/actor-akar")" -eq 2 ]

# in text, the 20 most frequent of the 26 aliases (the name and 25
# phrases) and how many more; --json all
python3 - "$out/many.jsonl" <<'PYEOF'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(25):
        t = {"article": "many-%d" % i, "sentence": 0,
             "subject": {"text": "Envoy Number %d" % i, "entity": "Jane Envoy", "type": "person",
                         "code": "KENGOV", "country": "KEN", "role": "envoy"},
             "relation": {"text": "met", "lemma": "meet", "event": "CONSULT", "cameo": "040", "quad": 1},
             "object": {"text": "Somalia", "entity": "Somalia", "type": "country", "code": "SOM",
                        "country": "SOM", "role": None},
             "args": [], "date": "2022-01-%02d" % (i + 1), "date_end": None, "date_precision": "day",
             "date_source": "text", "mode": None, "negated": False, "confidence": 0.8,
             "evidence": "Envoy Number %d met Somalia." % i}
        f.write(json.dumps(t) + "\n")
PYEOF
./tests/unit/test_store --load "$out/many.db" "$out/many.jsonl"
./entente query actor "Jane Envoy" --db "$out/many.db" >"$out/many.txt"
grep -q "aliases: .*, and 6 more (--json lists them all)$" "$out/many.txt"
[ "$(grep -o 'Envoy Number' "$out/many.txt" | wc -l)" -eq 19 ]
./entente query actor "Jane Envoy" --json --db "$out/many.db" >"$out/many.json"
[ "$(grep -o 'Envoy Number' "$out/many.json" | wc -l)" -eq 25 ]
