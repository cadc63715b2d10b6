#!/bin/sh
# t0900: the CaRB scorer (tests/eval/carb.py) on hand-worked cases; fast,
# needs only python3 and no shared data.
cd "$(dirname "$0")/../.." || exit 2
exec python3 tests/eval/test_carb.py
