#!/bin/sh
# tests/bench-kb.sh: time loading the real Phoenix dictionaries, and matching
# at every token of the CaRB sentences when they are there (make bench-kb).
# Skips, successfully, when the dictionaries are not there.
dir=${1:-/work/shared/dictionaries}
text=${2:-$dir/../eval/carb-dev.txt}
if [ ! -r "$dir/Phoenix.Countries.actors.txt" ]; then
	echo "bench-kb: no Phoenix dictionaries in '$dir', skipped"
	exit 0
fi
if [ -r "$text" ]; then
	./tests/bench/bench_kb --scan "$dir" <"$text" 2>&1 | grep -v ': warning: '
else
	./tests/bench/bench_kb "$dir" 2>&1 | grep -v ': warning: '
fi
