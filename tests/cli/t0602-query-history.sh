#!/bin/sh
# query history: relations between two actors or their countries, both
# directions, oldest first, by month, with counts per event type.
# UPDATE_GOLDEN=1 rewrites the expected files.
set -e
out=tests/out/t0602
golden=tests/golden/store
rm -rf "$out" && mkdir -p "$out"
./tests/unit/test_store --load "$out/db" $golden/triples.jsonl

check() {
	name=$1; shift
	./entente query "$@" --db "$out/db" >"$out/$name"
	if [ -n "$UPDATE_GOLDEN" ]; then cp "$out/$name" $golden/$name.expected; fi
	cmp $golden/$name.expected "$out/$name"
}
check history-turkey-israel history Turkey Israel
check history-tur-isr-country history Turkey Israel --level country
check history-erdogan-netanyahu-json history erdogan netanyahu --json

# at actor level only the countries themselves: the 2018 expulsion of an
# ambassador is not there, at country level it is
! grep -q expelled "$out/history-turkey-israel"
grep -q "^2018-05 (SANCTION 1)$" "$out/history-tur-isr-country"
grep -q "^history of Turkey and Israel (countries): 10 relations" "$out/history-tur-isr-country"
# both directions
grep -q '"subject": "Benjamin Netanyahu", "object": "Recep Tayyip Erdoğan", "relation": "met"' \
	"$out/history-erdogan-netanyahu-json"
grep -q '"subject": "Recep Tayyip Erdoğan", "object": "Benjamin Netanyahu", "relation": "invited"' \
	"$out/history-erdogan-netanyahu-json"
