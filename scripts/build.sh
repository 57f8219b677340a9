#!/usr/bin/env bash
# Builds pkg/, the publishable npm package: the size-tuned .wasm (wasm-bindgen
# --target web glue, then wasm-opt from the npm binaryen package), the .d.ts, and
# one entry point per runtime (see js/package/ and the README). pkg/preflight/ is
# the same package built without the client: the media preflight alone.
set -euo pipefail
cd "$(dirname "$0")/.."

crate=sinch_whatsapp
wasm=target/wasm32-unknown-unknown/release/$crate.wasm

# build_variant OUT_DIR [cargo flags...]: one wasm build and its glue and entries in OUT_DIR.
build_variant() {
  local out=$1
  shift
  cargo build --quiet --release --lib --target wasm32-unknown-unknown "$@"
  wasm-bindgen --target web --out-dir "$out" --out-name "$crate" "$wasm"
  # Features rustc enables by default for wasm32-unknown-unknown; the input uses them.
  node_modules/.bin/wasm-opt -Oz -aimfs 0 -fimfs 0 -ocimfs 0 --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/${crate}_bg.wasm" -o "$out/${crate}_bg.wasm"
  cp js/package/*.js js/package/*.d.ts "$out/"
  # SinchError lives in a wasm-bindgen snippet whose folder name carries a hash.
  local runtime
  runtime=$(cd "$out" && ls snippets/*/js/runtime.js)
  printf 'export { SinchError } from "./%s";\n' "$runtime" > "$out/sinch_error.js"
  echo "built $out: $(wc -c < "$out/${crate}_bg.wasm") bytes of wasm, $(gzip -9c "$out/${crate}_bg.wasm" | wc -c) gzipped"
}

rm -rf pkg
build_variant pkg
build_variant pkg/preflight --no-default-features --features preflight
# Its own face: validateMedia, validateMediaBytes and SinchError alone (js/package/preflight/).
cp js/package/preflight/* pkg/preflight/
cp js/package/package.json pkg/
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
sed -i "s/\"version\": \"0.0.0\"/\"version\": \"$version\"/" pkg/package.json
cp README.md pkg/README.md
