#!/bin/sh
# Every subcommand has --help (stdout, exit 0); misuse prints the usage on
# stderr and exits 2.
. "$(dirname "$0")/lib.sh"

expect_status 0 $E --help
grep -q "usage: entente" "$TMP/out" || fail "entente --help prints no usage"
expect_status 2 $E
grep -q "usage: entente" "$TMP/err" || fail "entente without a command prints no usage on stderr"
expect_status 2 $E frobnicate
grep -q "unknown command 'frobnicate'" "$TMP/err" || fail "unknown command not named"
for cmd in extract ingest export query parse; do
	expect_status 0 $E $cmd --help
	grep -q "usage: entente $cmd" "$TMP/out" || fail "$cmd --help prints no usage on stdout"
	expect_status 2 $E $cmd --no-such-option
	grep -q "usage: entente $cmd" "$TMP/err" || fail "$cmd: unknown option prints no usage on stderr"
done
expect_status 2 $E extract --date 2022-13-45 /dev/null
grep -q "not a date" "$TMP/err" || fail "a bad --date is not explained"
expect_status 2 $E extract --min-confidence 2 /dev/null
expect_status 2 $E ingest
grep -q "no database" "$TMP/err" || fail "ingest without --db is not explained"
finish
