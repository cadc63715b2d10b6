#!/bin/sh
# Organisations known only by their kind take its sector: a company
# (Inc, Corp) is BUS, a department GOV, "the Bank of Japan" its country's
# central bank (JPNGOVBUS), named in full; a title without a country of
# its own still makes a government code (GOV), "Chancellor of the
# Exchequer Nigel Lawson" too.
. "$(dirname "$0")/lib.sh"

PY=$(python_with json)
[ -n "$PY" ] || { echo "skip: no python3"; exit 0; }
expect_status 0 $E extract --lines --date 1987-03-02 tests/golden/actors/codes.txt
"$PY" - "$TMP/out" <<'PYEOF' || fail "actor codes"
import json, sys
ts = [json.loads(l) for l in open(sys.argv[1])]
want = {"1": ("Texaco Inc", "BUS"), "2": ("Bank of Japan", "JPNGOVBUS"),
        "3": ("Agriculture Department", "GOV"), "4": ("John Harlowe", "GOV"), "5": ("Nigel Lawson", "GOV")}
bad = 0
for art, (entity, code) in sorted(want.items()):
    got = [(t["subject"]["entity"], t["subject"]["code"]) for t in ts if t["article"] == art]
    if (entity, code) not in got:
        print("line %s: want %r, got %r" % (art, (entity, code), got))
        bad += 1
sys.exit(1 if bad else 0)
PYEOF
finish
