#!/bin/sh
# Bad input never crashes and never loses data: the bad record is named by
# file and line and skipped, the rest is read, and the exit status is 1.
. "$(dirname "$0")/lib.sh"

printf '%s\n' \
	'{"id":"a1","date":"2022-10-27","text":"Gantz met Akar in Ankara."}' \
	'{"id":"a2","text": "unterminated' \
	'{"id":"a3","title":"no text here"}' \
	'' \
	'{"id":"a4","date":"2021-05-03","text":"Turkey expelled the ambassador."}' >"$TMP/in.jsonl"
printf '{"id":"a5","text":"Bad \377 byte."}\n' >>"$TMP/in.jsonl"
expect_status 1 $E extract "$TMP/in.jsonl"
grep -q "malformed JSON at line 2 of '$TMP/in.jsonl'" "$TMP/err" || fail "malformed line not named: $(cat "$TMP/err")"
grep -q "no \"text\" string at line 3 of '$TMP/in.jsonl'" "$TMP/err" || fail "record without text not named"
grep -q "invalid UTF-8 at line 6 of '$TMP/in.jsonl'" "$TMP/err" || fail "invalid UTF-8 not named"
grep -q '"article":"a1"' "$TMP/out" || fail "good record before the bad ones lost"
grep -q '"article":"a4"' "$TMP/out" || fail "good record after the bad ones lost"

# invalid UTF-8 in a text file names its line
printf 'First line.\nSecond \300 line.\n' >"$TMP/bad.txt"
expect_status 1 $E extract "$TMP/bad.txt"
grep -q "invalid UTF-8 at line 2 of '$TMP/bad.txt'" "$TMP/err" || fail "bad text file not named"

# an unreadable file is reported, the others are read
printf 'Gantz met Akar.\n' >"$TMP/good.txt"
expect_status 1 $E extract "$TMP/missing.txt" "$TMP/good.txt"
grep -q "cannot open '$TMP/missing.txt'" "$TMP/err" || fail "missing file not named"
grep -q '"article":"'"$TMP"'/good"' "$TMP/out" || fail "file after the missing one not read"

# ingest keeps the good records too
expect_status 1 $E ingest --db "$TMP/w.db" "$TMP/in.jsonl"
grep -q "stored 2 articles" "$TMP/err" || fail "ingest did not store the two good articles: $(cat "$TMP/err")"
finish
