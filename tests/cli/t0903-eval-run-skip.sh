#!/bin/sh
# t0903: make eval's runner skips the shared benchmarks, with a message, when
# SHARED is missing, and still runs the samples (here with a fake binary
# that finds nothing, which is not an error of the run).
cd "$(dirname "$0")/../.." || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
printf '#!/bin/sh\nexit 0\n' >"$tmp/entente"
chmod +x "$tmp/entente"
out=$(ENTENTE="$tmp/entente" sh tests/eval/run.sh "$tmp/no-such-dir" 2>&1) || {
	echo "run.sh failed:"; echo "$out"; exit 1; }
echo "$out"
echo "$out" | grep -q "no-such-dir not found; skipping CaRB, PLOVER and the seed" || exit 1
echo "$out" | grep -q "^samples: 0 of [0-9]* expectations found" || exit 1
