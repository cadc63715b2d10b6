#!/bin/sh
# t0801: check_samples.py itself, against a fake entente with canned
# triples, and the consistency of samples/ (--lint); fast, no extractor.
cd "$(dirname "$0")/../.." || exit 2
exec python3 tests/eval/test_check_samples.py
