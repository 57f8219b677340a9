#!/usr/bin/env bash
# The benchmarks against the budgets of issue 12 (bench/run.mjs): sets up what is
# missing, makes the media corpus, builds pkg/, prints each figure beside its budget
# (OK / MISSED) and the information rows, writes bench/out/results.json, and exits
# non-zero when a budget is missed.   scripts/bench.sh [--quick]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
bash tests/media/make-corpus.sh
exec node bench/run.mjs "$@"
