#!/bin/sh
# --actors and --agents read the PETRARCH/Phoenix formats: a person's code
# depends on the date of the event; bad dictionary lines are named with
# file and line and skipped, and the run ends with status 1.
. "$(dirname "$0")/lib.sh"

D=tests/golden/dict/actors.txt
printf 'Yildirimoglu met Russian officials in Moscow.\n' >"$TMP/a.txt"

expect_status 1 $E extract --actors "$D" --date 2015-06-01 "$TMP/a.txt"
grep -q "$D:7" "$TMP/err" || fail "the entry without a code is not named by file and line: $(cat "$TMP/err")"
grep '"lemma":"meet"' "$TMP/out" | grep -q '"entity":"Kemal Yildirimoglu"' ||
	fail "the dictionary's synonym did not name the actor"
grep '"lemma":"meet"' "$TMP/out" | grep -q '"code":"TURGOV"' ||
	fail "2015: Yildirimoglu is TURGOV"

$E extract --actors "$D" --date 2020-06-01 "$TMP/a.txt" >"$TMP/out" 2>/dev/null
grep '"lemma":"meet"' "$TMP/out" | grep -q '"code":"TUROPP"' ||
	fail "2020: Yildirimoglu is TUROPP (opposition)"

# without the dictionary he is just a name
$E extract --date 2015-06-01 "$TMP/a.txt" >"$TMP/out" 2>/dev/null
grep '"lemma":"meet"' "$TMP/out" | grep -q '"code":"TURGOV"' &&
	fail "TURGOV without the dictionary: the test proves nothing"

expect_status 3 $E extract --actors "$TMP/missing.txt" "$TMP/a.txt"
grep -q "missing.txt" "$TMP/err" || fail "an unreadable dictionary is not named"
finish
