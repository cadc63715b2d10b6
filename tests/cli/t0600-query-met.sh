#!/bin/sh
# query met: every meeting of an actor matched by any alias, case- and
# accent-insensitively, oldest first, with place, article and evidence.
# UPDATE_GOLDEN=1 rewrites the expected files.
set -e
out=tests/out/t0600
golden=tests/golden/store
rm -rf "$out" && mkdir -p "$out"
./tests/unit/test_store --load "$out/db" $golden/triples.jsonl

check() {	# name, then the query arguments
	name=$1; shift
	./entente query "$@" --db "$out/db" >"$out/$name"
	if [ -n "$UPDATE_GOLDEN" ]; then cp "$out/$name" $golden/$name.expected; fi
	cmp $golden/$name.expected "$out/$name"
}
check met-gantz met gantz
check met-erdogan-json met ERDOGAN --json
check met-akar-gantz met "Hulusi Akar" --with "Israeli Defense Minister Benjamin Gantz"
check met-since met Erdoğan --since 2023 --json

# the same person by three aliases gives the same answer
./entente query met "Benjamin Gantz" --db "$out/db" | cmp - "$out/met-gantz"
./entente query met "his Israeli counterpart" --db "$out/db" | cmp - "$out/met-gantz"
# a negated relation ("did not recall") or a future one is no meeting
! grep -q "recall\|invite" "$out/met-erdogan-json"
# two meetings between Akar and Gantz on 2022-11-24, in Ankara
[ "$(grep -c '^2022-11-24 .* in Ankara' "$out/met-akar-gantz")" -eq 2 ]
if python3 -c 1 2>/dev/null; then
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [m["place"] for m in d] == ["Ankara", "New York"], d' "$out/met-erdogan-json"
fi
