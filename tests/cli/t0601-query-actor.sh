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
