#!/usr/bin/env bash
# Fuzzes every target with cargo-fuzz (libFuzzer, nightly) for a number of executions
# each (default 10 million, issue 12's bar): the callback parser, the signature
# verifier, the response parser, the media sniffer, the JSON reader against
# serde_json and a send prepared by both op tables. Prints each target's executions
# beside the bar and keeps each target's newest run (its time, bar and workers) in
# fuzz/out/results.json, so runs of a few targets add up to the whole set; exits
# non-zero on a crash (its input is left in fuzz/artifacts/<target>/) or when a
# target falls short.
#   scripts/fuzz.sh [executions] [target…]
#
# Fastest settings measured on this 2-core machine (README, "Benchmarks, soak and
# fuzzing"):
# - --sanitizer none: the crate forbids unsafe code, so AddressSanitizer finds
#   nothing a panic does not, at about 5x the cost per execution;
# - -O: release without debug assertions, as the package ships (23 % less CPU per
#   execution); the targets' own assert!s still run;
# - one libFuzzer process per core on the same corpus, the executions split
#   between them and summed.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10000000}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(callback_parse signature_verify response_parse media_sniff json_parse send_prepare)
workers=${FUZZ_WORKERS:-$(nproc)}

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
cargo fuzz --version >/dev/null 2>&1 || cargo install cargo-fuzz --quiet

build=(-O --sanitizer none)
bin=fuzz/target/x86_64-unknown-linux-gnu/release
mkdir -p fuzz/out
status=0
# Puts one target's run into fuzz/out/results.json in place of its previous one.
record() {
  node -e '
    const fs = require("fs"), [path, entry] = process.argv.slice(1);
    let old = { targets: [] };
    try { old = JSON.parse(fs.readFileSync(path, "utf8")); } catch {}
    const run = JSON.parse(entry);
    // An older file kept one time and bar for all its targets: carry them into each.
    const kept = (old.targets ?? []).filter((t) => t.target !== run.target)
      .map((t) => ({ at: old.at, bar: old.bar, ...t }));
    fs.writeFileSync(path, JSON.stringify({ targets: [...kept, run] }) + "\n");
  ' fuzz/out/results.json "$1"
}
for target in "${targets[@]}"; do
  (cd fuzz && cargo +nightly fuzz build "${build[@]}" "$target")
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
  flags=(-runs=$(((runs + workers - 1) / workers)) -print_final_stats=1
    -artifact_prefix="fuzz/artifacts/$target/")
  [ -f "fuzz/$target.dict" ] && flags+=(-dict="fuzz/$target.dict")
  # A run with fewer workers than the last must not count the last run's logs.
  rm -f "fuzz/out/$target".*.log
  start=$SECONDS
  pids=()
  for ((w = 0; w < workers; w++)); do
    "$bin/$target" "${flags[@]}" "fuzz/corpus/$target" "fuzz/seeds/$target" \
      > "fuzz/out/$target.$w.log" 2>&1 &
    pids+=($!)
  done
  crashed=0
  for pid in "${pids[@]}"; do wait "$pid" || crashed=1; done
  seconds=$((SECONDS - start))
  executed=$(cat "fuzz/out/$target".*.log | sed -n 's/^stat::number_of_executed_units: *//p' |
    awk '{ n += $1 } END { print n + 0 }')
  if [ $crashed = 1 ]; then
    verdict="CRASH (see fuzz/out/$target.*.log and fuzz/artifacts/$target/)"
    status=1
  elif [ "$executed" -lt "$runs" ]; then
    verdict="MISSED (fewer than $runs)"
    status=1
  else
    verdict="OK"
  fi
  printf '%-18s %12s executions in %5ss (%s/s), %s workers, bar >= %s: %s\n' "$target" "$executed" \
    "$seconds" "$((executed / (seconds > 0 ? seconds : 1)))" "$workers" "$runs" "$verdict"
  record "{\"target\":\"$target\",\"executions\":$executed,\"seconds\":$seconds,\"crashed\":$([ $crashed = 1 ] && echo true || echo false),\"at\":\"$(date -u +%FT%TZ)\",\"bar\":$runs,\"workers\":$workers}"
done
exit $status
