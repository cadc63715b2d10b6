#!/bin/sh
# export misuse: help, unknown options, a missing database (not created),
# bad dates, bad formats; a failed export leaves the old output in place.
out=tests/out/t0503
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL: $*"; exit 1; }

./entente export --help >"$out/help" || fail "--help exit"
grep -q "^usage: entente export" "$out/help" || fail "--help text"
./entente export --bogus 2>"$out/err"; [ $? -eq 2 ] || fail "unknown option exit"
grep -q "unknown option '--bogus'" "$out/err" || fail "unknown option message"
./entente export --format json 2>"$out/err"; [ $? -eq 2 ] || fail "no db exit"
./entente export --db "$out/none.db" --format json 2>"$out/err"; [ $? -eq 3 ] || fail "missing db exit"
grep -q "cannot open database '$out/none.db'" "$out/err" || fail "missing db message"
[ ! -e "$out/none.db" ] || fail "missing database was created"
./tests/unit/test_store --load "$out/db" tests/golden/store/triples.jsonl || fail "load"
./entente export --db "$out/db" --format dot 2>"$out/err"; [ $? -eq 2 ] || fail "bad format"
./entente export --db "$out/db" --format json --since 2022-02-30 2>"$out/err"; [ $? -eq 2 ] || fail "bad date"
./entente export --db "$out/db" --format json --level planet 2>"$out/err"; [ $? -eq 2 ] || fail "bad level"
echo keep >"$out/old.json"
./entente export --db "$out/db" --format json -o "$out/nodir/x.json" 2>"$out/err"; [ $? -eq 3 ] || fail "unwritable exit"
printf 'not a database at all, just text, long enough to be a header %s\n' \
	xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx >"$out/junk.db"
./entente export --db "$out/junk.db" --format json -o "$out/old.json" 2>"$out/err"; [ $? -eq 3 ] || fail "junk db exit"
[ "$(cat "$out/old.json")" = keep ] || fail "failed export replaced the old file"
if [ -w /dev/full ]; then
	./entente export --db "$out/db" --format graphml >/dev/full 2>"$out/err"; [ $? -eq 3 ] || fail "full disk exit"
	grep -q "cannot write to standard output" "$out/err" || fail "full disk message"
fi
echo ok
