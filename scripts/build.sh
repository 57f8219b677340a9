#!/usr/bin/env bash
# Builds pkg/, the publishable npm package: the size-tuned .wasm (wasm-bindgen
# --target web glue, then wasm-opt from the npm binaryen package), the .d.ts, and
# one entry point per runtime (see js/package/ and the README).
set -euo pipefail
cd "$(dirname "$0")/.."

crate=sinch_whatsapp
cargo build --quiet --release --lib --target wasm32-unknown-unknown
rm -rf pkg
wasm-bindgen --target web --out-dir pkg --out-name "$crate" \
  "target/wasm32-unknown-unknown/release/$crate.wasm"
# Features rustc enables by default for wasm32-unknown-unknown; the input uses them.
node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "pkg/${crate}_bg.wasm" -o "pkg/${crate}_bg.wasm"

cp js/package/* pkg/
# SinchError lives in a wasm-bindgen snippet whose folder name carries a hash.
runtime=$(cd pkg && ls snippets/*/js/runtime.js)
printf 'export { SinchError } from "./%s";\n' "$runtime" > pkg/sinch_error.js
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
sed -i "s/\"version\": \"0.0.0\"/\"version\": \"$version\"/" pkg/package.json
cp README.md pkg/README.md
echo "built pkg/ $version: $(wc -c < "pkg/${crate}_bg.wasm") bytes of wasm, $(gzip -9c "pkg/${crate}_bg.wasm" | wc -c) gzipped"
