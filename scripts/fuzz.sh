#!/usr/bin/env bash
# Fuzzes the parsers with cargo-fuzz (libFuzzer, nightly): the callback parser, the
# signature verifier, the response parser and the media sniffer, each for a bounded
# time (default 60 s). Prints executions per target; exits non-zero on a crash,
# whose input is left in fuzz/artifacts/<target>/.   scripts/fuzz.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
cargo fuzz --version >/dev/null 2>&1 || cargo install cargo-fuzz --quiet

status=0
for target in callback_parse signature_verify response_parse media_sniff; do
  mkdir -p "fuzz/corpus/$target"
  cp -n "fuzz/seeds/$target/"* "fuzz/corpus/$target/" 2>/dev/null || true
  log="fuzz/target/$target.log"
  mkdir -p fuzz/target
  if (cd fuzz && cargo +nightly fuzz run "$target" "corpus/$target" -- \
      -max_total_time="$seconds" -print_final_stats=1) > "$log" 2>&1; then
    verdict="no crash"
  else
    verdict="CRASH (see $log and fuzz/artifacts/$target/)"
    status=1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  printf '%-18s %12s executions in %ss: %s\n' "$target" "${runs:-?}" "$seconds" "$verdict"
done
exit $status
