#!/usr/bin/env bash
# The main job: sets up what is missing, builds the package, and runs the demo
# (scripts/demo.mjs): emulator, relay Worker and page on 127.0.0.1. `--once` sends
# one text, prints its message id, and exits. `SINCH_API=conversation scripts/demo.sh`
# runs it all on the Conversation API (the emulator's, or real Sinch's with SINCH_PROJECT_ID,
# SINCH_APP_ID, SINCH_KEY_ID, SINCH_KEY_SECRET and SINCH_REGION: see scripts/demo.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
exec node scripts/demo.mjs "$@"
