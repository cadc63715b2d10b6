#!/bin/sh
# t0901: the PLOVER harness (tests/eval/plover.py) on hand-made records and
# predictions; fast, needs only python3 and no shared data.
cd "$(dirname "$0")/../.." || exit 2
exec python3 tests/eval/test_plover.py
