#!/bin/sh
# query misuse: help, unknown questions and options, wrong argument counts,
# a missing database (not created), an actor nobody knows.
out=tests/out/t0603
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL: $*"; exit 1; }

./entente query --help >"$out/help" || fail "--help exit"
grep -q "^usage: entente query met" "$out/help" || fail "--help text"
./entente query 2>/dev/null; [ $? -eq 2 ] || fail "no question"
./entente query where x --db x 2>/dev/null; [ $? -eq 2 ] || fail "unknown question"
./entente query met 2>/dev/null; [ $? -eq 2 ] || fail "met without actor"
./entente query history a --db x 2>/dev/null; [ $? -eq 2 ] || fail "history with one actor"
./entente query met a --frobnicate 2>/dev/null; [ $? -eq 2 ] || fail "unknown option"
./entente query met a --since 2022-13 --db x 2>/dev/null; [ $? -eq 2 ] || fail "bad date"
./entente query met a --db "$out/none.db" 2>"$out/err"; [ $? -eq 3 ] || fail "missing db exit"
grep -q "cannot open database '$out/none.db'" "$out/err" || fail "missing db message"
[ ! -e "$out/none.db" ] || fail "query created a database"
./tests/unit/test_store --load "$out/db" tests/golden/store/triples.jsonl || fail "load"
ENTENTE_DB="$out/db" ./entente query actor "Nobody Atall" 2>"$out/err"; [ $? -eq 1 ] || fail "unknown actor exit"
grep -q "no actor matches 'Nobody Atall'" "$out/err" || fail "unknown actor message"
ENTENTE_DB="$out/db" ./entente query met Greece >"$out/greece" 2>"$out/err" || fail "no meetings is not an error"
[ ! -s "$out/greece" ] && grep -q "no meetings of 'Greece'" "$out/err" || fail "no meetings message"
if [ -w /dev/full ]; then
	ENTENTE_DB="$out/db" ./entente query actor Turkey >/dev/full 2>/dev/null; [ $? -eq 3 ] || fail "full disk exit"
fi
echo ok
