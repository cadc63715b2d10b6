#!/bin/sh
# t0800: the key facts of samples/ must come out of `entente extract`.
# Runs tests/eval/check_samples.py on every sample article (the .txt files
# with their dates from samples/dates.tsv, and samples/articles.jsonl) and
# fails when any expected triple is missing.
#
# NOTE: this test is meant to FAIL until the extractor is good enough; it
# is the target the extractor works towards, not a regression test of the
# checker (that one is t0801-samples-checker).  Its log lists each
# expectation as ok/MISSING with near misses.
#
# A file samples/min-found holding one number N turns it into a ratchet:
# the test then passes when at least N expectations are found (and says
# when N can be raised).  Without the file every expectation is required.
cd "$(dirname "$0")/../.." || exit 2
[ -x ./entente ] || { echo "t0800: ./entente not built"; exit 1; }
min=
[ -f samples/min-found ] && min="--min-found $(tr -dc 0-9 <samples/min-found)"
exec python3 tests/eval/check_samples.py --entente ./entente --samples samples $min
