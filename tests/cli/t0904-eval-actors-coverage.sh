#!/bin/sh
# t0904: actors_coverage.py on a hand-made store: the coded share, the
# duplicate candidates and the nodes made of many actors; fast, needs
# neither the news corpus nor the extractor (make eval runs the real one).
cd "$(dirname "$0")/../.." || exit 2
exec python3 tests/eval/test_actors_coverage.py
