#!/bin/sh
# Readers: text files, JSON lines, directories, stdin, --lines, --date.
. "$(dirname "$0")/lib.sh"

mkdir -p "$TMP/news/sub"
printf 'Gantz met Akar in Ankara.\n' >"$TMP/news/one.txt"
printf '{"id":"j1","date":"2019-06-30","text":"Trump met Kim at Panmunjom."}\n' >"$TMP/news/sub/two.jsonl"
printf 'not an article\n' >"$TMP/news/notes.md"
expect_status 0 $E extract --date 2022-10-27 "$TMP/news"
grep -q '"article":"'"$TMP"'/news/one"' "$TMP/out" || fail "text file in a directory not read"
grep -q '"article":"j1"' "$TMP/out" || fail "JSONL file in a subdirectory not read"
grep -q "skipping '$TMP/news/notes.md'" "$TMP/err" || fail "a skipped file is not reported"
# --date fills in only where the article has none
grep '"article":"j1"' "$TMP/out" | grep -q '"date":"2019-06-30"' || fail "article date overridden"
grep '"article":"'"$TMP"'/news/one"' "$TMP/out" | grep -q '"date":"2022-10-27"' || fail "--date not applied"

# stdin, as text and as JSON lines
printf 'Gantz met Akar.\n' | $E extract >"$TMP/out" 2>"$TMP/err" || fail "stdin text"
grep -q '"article":"stdin"' "$TMP/out" || fail "stdin article has no id 'stdin'"
printf '{"id":"s1","text":"Gantz met Akar."}\n' | $E extract --jsonl - >"$TMP/out" 2>"$TMP/err" || fail "stdin jsonl"
grep -q '"article":"s1"' "$TMP/out" || fail "--jsonl did not read stdin as JSON lines"

# --lines: ids are line numbers from 1, blank lines keep the count
printf 'Gantz met Akar.\n\nTurkey expelled the ambassador.\n' >"$TMP/lines.txt"
expect_status 0 $E extract --lines "$TMP/lines.txt"
grep -q '"article":"1"' "$TMP/out" || fail "--lines: first line is not article 1"
grep -q '"article":"3"' "$TMP/out" || fail "--lines: third line is not article 3"
grep -q '"article":"2"' "$TMP/out" && fail "--lines: a blank line gave triples"

# a byte-order mark and curly quotes are fine
printf '\357\273\277\342\200\234We agree,\342\200\235 Gantz said.\n' >"$TMP/bom.txt"
expect_status 0 $E extract "$TMP/bom.txt"
finish
