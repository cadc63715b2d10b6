#!/bin/sh
# t0240: dates end to end.  tests/eval/check_dates.py runs `entente extract`
# on tests/golden/dates/dated-sentences.jsonl and reports the share of
# expected triples found with the right date at the right precision; the
# test fails below the ratchet in tests/golden/dates/min-share (raise it as
# the extractor improves; the target is 0.95).  The log lists every miss
# with what was found.  The checker's own tests run first.
. "$(dirname "$0")/lib.sh"

PY=$(python_with json)
[ -n "$PY" ] || { echo "skip: no python3"; exit 0; }
"$PY" tests/eval/test_check_dates.py >"$TMP/unit" 2>&1 || { cat "$TMP/unit"; fail "test_check_dates.py"; }
min=$(tr -dc '0-9.' <tests/golden/dates/min-share)
[ -n "$min" ] || fail "tests/golden/dates/min-share holds no number"
"$PY" tests/eval/check_dates.py --entente "$E" --min-share "${min:-1}" || fail "dates share below the ratchet $min"
finish
