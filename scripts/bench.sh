#!/usr/bin/env bash
# The benchmarks (bench/run.mjs): sets up what is missing, makes the media corpus,
# builds pkg/, and prints the table (also bench/out/results.json). Figures only:
# it never fails on a number.   scripts/bench.sh [--quick]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
bash tests/media/make-corpus.sh
exec node bench/run.mjs "$@"
