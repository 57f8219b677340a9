#!/usr/bin/env bash
# The main job: sets up what is missing, builds the package, and runs the demo
# (scripts/demo.mjs): emulator, relay Worker and page on 127.0.0.1. `--once` sends
# one text, prints its message id, and exits.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
exec node scripts/demo.mjs "$@"
