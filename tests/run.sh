#!/bin/sh
# tests/run.sh: the whole test suite (make check): unit tests, then CLI tests.
# Prints one line per test and closes with "N passed, N failed".
cd "$(dirname "$0")/.." || exit 2
pass=0
fail=0
failed=""
mkdir -p tests/out
for t in tests/unit/test_*.c; do
	[ -e "$t" ] || continue
	bin=${t%.c}
	name=$(basename "$bin")
	if "./$bin" >"tests/out/$name.log" 2>&1; then
		pass=$((pass + 1)); echo "ok   unit/$name"
	else
		fail=$((fail + 1)); failed="$failed unit/$name"
		echo "FAIL unit/$name"; tail -n 20 "tests/out/$name.log" | sed 's/^/     /'
	fi
done
for t in tests/cli/t*.sh; do
	[ -e "$t" ] || continue
	name=$(basename "$t" .sh)
	if sh "$t" >"tests/out/$name.log" 2>&1; then
		pass=$((pass + 1)); echo "ok   cli/$name"
	else
		fail=$((fail + 1)); failed="$failed cli/$name"
		echo "FAIL cli/$name"; tail -n 20 "tests/out/$name.log" | sed 's/^/     /'
	fi
done
[ -z "$failed" ] || echo "failed:$failed"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
