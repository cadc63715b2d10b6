#!/bin/sh
# tests/bench-kb.sh: time loading the real Phoenix dictionaries (make bench-kb).
# Skips, successfully, when the dictionaries are not there.
dir=${1:-/work/shared/dictionaries}
if [ ! -r "$dir/Phoenix.Countries.actors.txt" ]; then
	echo "bench-kb: no Phoenix dictionaries in '$dir', skipped"
	exit 0
fi
./tests/bench/bench_kb "$dir" 2>&1 | grep -v ': warning: '
