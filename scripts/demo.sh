#!/usr/bin/env bash
# Sets up what is missing, builds the package and runs the demo (scripts/demo.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
node scripts/demo.mjs
