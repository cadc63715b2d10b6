# tests/cli/lib.sh: sourced by every CLI test. Runs from the repo root with
# ./entente built; TMP is a fresh directory removed at exit.
set -u
cd "$(dirname "$0")/../.." || exit 2
E=./entente
TMP=$(mktemp -d "${TMPDIR:-/tmp}/entente-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
SHARED=${ENTENTE_SHARED:-../shared}
fails=0

fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}

# expect_status <want> <cmd...>: run cmd, stdout to $TMP/out, stderr to $TMP/err
expect_status() {
	want=$1; shift
	"$@" >"$TMP/out" 2>"$TMP/err"
	got=$?
	[ "$got" = "$want" ] || fail "'$*' exited $got, want $want; stderr: $(head -c 400 "$TMP/err")"
}

# A python3 that can import the given modules, or empty.
python_with() {
	for py in python3 /usr/bin/python3; do
		if command -v "$py" >/dev/null 2>&1 && "$py" -c "import $1" 2>/dev/null; then
			echo "$py"
			return
		fi
	done
}

finish() {
	if [ "$fails" -gt 0 ]; then
		echo "$fails check(s) failed"
		exit 1
	fi
	echo "ok"
	exit 0
}
