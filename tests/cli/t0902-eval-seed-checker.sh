#!/bin/sh
# t0902: check_seed.py on hand-made triples; fast, needs neither the seed
# nor the extractor (make eval runs the real check).
cd "$(dirname "$0")/../.." || exit 2
exec python3 tests/eval/test_check_seed.py
