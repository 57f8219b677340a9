#!/usr/bin/env bash
# Installs what is missing, then runs every check: lints (and that the fuzz targets compile),
# native tests, the media corpus, the emulator's own tests, wasm-bindgen-test in Node, Chromium
# and a dedicated Worker, and the built package in Node, workerd and Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s\n' "$*"; }

step setup
scripts/setup.sh --browser

step lints
cargo fmt --check
cargo fmt --check --manifest-path fuzz/Cargo.toml
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --all-targets --target wasm32-unknown-unknown -- -D warnings
cargo clippy --quiet --lib --no-default-features --target wasm32-unknown-unknown -- -D warnings
# The fuzz targets compile and pass clippy on stable (fuzzing them needs nightly:
# scripts/fuzz.sh), so they cannot rot unseen. Clippy links nothing, so libfuzzer-sys is
# pointed at a libFuzzer archive (never read) instead of compiling libFuzzer's C++: from cold
# 14-25 s instead of 55-85 s (2 cores shared with a CI run), warm 0.5 s.
CUSTOM_LIBFUZZER_PATH=/nonexistent/libfuzzer.a cargo clippy --quiet --manifest-path fuzz/Cargo.toml --bins -- -D warnings

step "media corpus: real files made by ffmpeg, LibreOffice, ImageMagick, sox, the VisualOn AMR-WB encoder, tar"
bash tests/media/make-corpus.sh

step "native tests (core)"
cargo test --quiet

step "emulator tests"
node --test emulator/

step "wasm-bindgen-test: Node, headless Chromium, dedicated Worker"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
with_emulator() { node tests/support/with-emulator.mjs -- "$@"; }
with_emulator cargo test --target wasm32-unknown-unknown --test web
WASM_BINDGEN_USE_BROWSER=1 with_emulator cargo test --target wasm32-unknown-unknown --test web
WASM_BINDGEN_USE_DEDICATED_WORKER=1 with_emulator cargo test --target wasm32-unknown-unknown --test web

step "package build"
scripts/build.sh

step "TypeScript: the public types in every lib and module resolution, no any, as installed"
node --test tests/types/

step "package tests: Node, workerd (Miniflare), Chromium (direct and Vite)"
node --test --test-concurrency=1 tests/js/

step "consumer tests: the packed tarball in fresh Vite, webpack 5 and wrangler projects, require(), --conditions=browser, Bun and Deno"
node --test --test-concurrency=1 tests/consumers/
