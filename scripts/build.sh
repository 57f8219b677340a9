#!/usr/bin/env bash
# Builds pkg/, the publishable npm package, as three entries, each its own
# size-tuned .wasm (wasm-bindgen --target web glue, then wasm-opt from the npm
# binaryen package) with only the JS and declarations it uses:
#   pkg/            sinch-whatsapp            client + callbacks + preflight
#   pkg/callbacks/  sinch-whatsapp/callbacks  parse + verify webhooks
#   pkg/preflight/  sinch-whatsapp/preflight  the media preflight
# Each has index.js (browsers/bundlers), node.js and workerd.js, and an index.d.ts
# put together from js/package/types/. Each of those three .js is one module
# (scripts/inline.mjs): its js/package/ entry with the glue, the JS faces and the
# entry's api file put in, so a runtime loads one file, not a chain of imports.
set -euo pipefail
cd "$(dirname "$0")/.."

crate=sinch_whatsapp
wasm=target/wasm32-unknown-unknown/release/$crate.wasm
types=js/package/types

# build_variant OUT_DIR FEATURES API JS_FILES DTS_FILES: one wasm build of FEATURES, its
# three entries made of the glue, the public surface API (a file in js/package/), the JS
# faces JS_FILES, and the declarations DTS_FILES (in js/package/types/).
build_variant() {
  local out=$1 features=$2 api=$3 js=$4 dts=$5
  cargo build --quiet --release --lib --target wasm32-unknown-unknown --no-default-features --features "$features"
  wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name "$crate" "$wasm"
  # Features rustc enables by default for wasm32-unknown-unknown; the input uses them.
  # --low-memory-unused: addresses below 1024 are never used (the stack grows down from 1 MiB
  # to 0 and the data starts at 1 MiB; the deepest nesting read is 127 levels), so constant
  # offsets fold into loads and stores. `-Oz`, then the control flow flattened and rebuilt
  # (`--flatten --rereloop`) and `-Oz` twice over it: −309 / −102 / −62 B gzip on the full,
  # callbacks and preflight wasm than one `-Oz`, with no measurable change in a send's or a
  # preflight's CPU (docs/size-and-speed-log.md, "Session 22, lead"). Inlining off
  # (`-aimfs 0 -fimfs 0`: repeated calls compress better than inlined copies), except for
  # functions with one caller (`-ocimfs` at its default): −166 / −31 B gzip on the
  # callbacks and preflight wasm, +6 on the full one (session 28).
  node_modules/.bin/wasm-opt -Oz --flatten --rereloop -Oz -Oz -aimfs 0 -fimfs 0 --low-memory-unused \
    --strip-debug --strip-producers --strip-target-features \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/${crate}_bg.wasm" -o "$out/${crate}_bg.wasm"
  # What a trapping panic leaves (scripts/traps.mjs says why each cut is safe): the functions
  # that only fill a stack frame and trap become a trap, `wasm-opt` drops the text addresses
  # their callers passed, and the texts nothing refers to any more are zeroed: −483 / −496 /
  # −508 B gzip on the callbacks, preflight and full wasm (session 28); the data segments'
  # trailing zeros then left out of the file: −8 / −7 / −4 more.
  node scripts/traps.mjs stub "$out/${crate}_bg.wasm"
  # The exports the glue never reads, and in an entry whose exports answer a `String` (no JS
  # value held) wasm-bindgen's externref table, its initialiser import and the glue's start
  # call (scripts/unused.mjs; the full entry keeps the table): the `./callbacks`,
  # `./preflight` and full apps −100, −90 and −24 B (session 28).
  node scripts/unused.mjs "$out/${crate}_bg.wasm"
  # `-Oz` twice over what those left: −6 / −4 / −2 B gzip on the callbacks, preflight and full
  # wasm than once (session 28).
  node_modules/.bin/wasm-opt -Oz -Oz -aimfs 0 -fimfs 0 --low-memory-unused \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/${crate}_bg.wasm" -o "$out/${crate}_bg.wasm"
  # The functions in the order that compresses best (scripts/order.mjs: greedy, each next the
  # body that deflates best after the last 8 KiB, four such orders judged by `gzip -9`):
  # −444 / −81 / −111 B gzip on the full, callbacks and preflight wasm, for 10 / 2 / 3 s of
  # CPU (session 29).
  node scripts/order.mjs "$out/${crate}_bg.wasm"
  node scripts/traps.mjs zero "$out/${crate}_bg.wasm"
  for file in index.js node.js workerd.js errors.js sinch_error.d.ts $js; do
    cp "js/package/$file" "$out/"
  done
  # client.js's Conversation API part: without the feature `conversation` (the bench's
  # build), a stub whose `project` is always undefined, so neither its wasm nor its JS ships.
  if [[ ,$features, != *,conversation,* && -e $out/conversation.js ]]; then
    echo 'export const project = () => undefined;' > "$out/conversation.js"
  fi
  cp "js/package/$api" "$out/api.js"
  # The glue without what no entry reaches (its initSync's deprecated form, the encodeInto
  # polyfill, …; scripts/glue.mjs says why each is unreachable), then one module per runtime.
  node scripts/glue.mjs "$out/$crate.js"
  node scripts/inline.mjs "$out/index.js" "$out/node.js" "$out/workerd.js"
  # Minified by terser (comments and whitespace out, syntax compressed, local variables
  # renamed; every function and class keeps its name, so stacks and `.name` read as in
  # js/package/; non-ASCII escaped), without the code nothing reaches (the glue's async
  # loader): less for a runtime to read and parse at import (README, "Startup"). node.js
  # (Node, Bun, Deno) in lines of at most 120 characters: an uncaught error prints the
  # source line of its throw, which in one line was the whole module (17 KB of stderr).
  for file in index.js node.js workerd.js; do
    lines=""
    [[ $file == node.js ]] && lines=",max_line_len=120"
    node_modules/.bin/terser "$out/$file" --module --compress --mangle --keep-fnames --keep-classnames \
      --format "ascii_only=true$lines,preamble=\"// Generated by scripts/build.sh from js/package/ and the wasm-bindgen glue (minified, names kept).\"" \
      -o "$out/$file"
  done
  for file in "$crate.js" api.js errors.js $js; do
    rm "$out/$file"
  done
  {
    echo "// Generated by scripts/build.sh from js/package/types/*.d.ts."
    echo 'export { SinchError, SinchErrorCode } from "./sinch_error.js";'
    for file in $dts; do cat "$types/$file"; done
    echo "export {}; // only what is marked export is public (not Recipients, Fields)"
  } > "$out/index.d.ts"
  echo "built $out: $(wc -c < "$out/${crate}_bg.wasm") bytes of wasm, $(gzip -9c "$out/${crate}_bg.wasm" | wc -c) gzipped"
}

full_js="client.js conversation.js runtime.js callbacks.js preflight.js"
full_dts="client.d.ts client-api.d.ts callbacks.d.ts callbacks-api.d.ts media.d.ts preflight-api.d.ts"
# scripts/build.sh --full-into DIR FEATURES: only the full entry's files, built with
# FEATURES, into DIR (the bench builds it without `conversation` to weigh that backend).
if [[ ${1:-} == --full-into ]]; then
  build_variant "$2" "$3" api.js "$full_js" "$full_dts"
  exit
fi

rm -rf pkg
build_variant pkg client,conversation,callbacks,preflight api.js "$full_js" "$full_dts"
build_variant pkg/callbacks callbacks api-callbacks.js "callbacks.js" "callbacks.d.ts callbacks-api.d.ts"
build_variant pkg/preflight preflight api-preflight.js "preflight.js" "media.d.ts preflight-api.d.ts"
# The version and the repository links (repository, homepage, bugs) come from Cargo.toml.
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
repository=$(sed -n 's/^repository = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
sed -e "s/\"version\": \"0.0.0\"/\"version\": \"$version\"/" -e "s|@repository@|$repository|g" \
  js/package/package.json > pkg/package.json
# The package's own README (for npm users; the repo's README is for contributors) and LICENSE.
sed "s|@repository@|$repository|g" js/package/README.md > pkg/README.md
cp LICENSE pkg/
