#!/bin/sh
# t0800: the key facts of samples/ must come out of `entente extract`.
# Runs tests/eval/check_samples.py on every sample article (the .txt files
# with their dates from samples/dates.tsv, and samples/articles.jsonl) and
# fails when any expected triple is missing.
#
# NOTE: this test is meant to FAIL until the extractor is good enough; it
# is the target the extractor works towards, not a regression test of the
# scorer (that one is t0801-samples-checker).  Its log lists each
# expectation as ok/MISSING with near misses.
cd "$(dirname "$0")/../.." || exit 2
[ -x ./entente ] || { echo "t0800: ./entente not built"; exit 1; }
exec python3 tests/eval/check_samples.py --entente ./entente --samples samples
