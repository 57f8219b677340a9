#!/usr/bin/env bash
# Installs what the project needs and is missing; fast when all is present.
#   scripts/setup.sh            toolchain pieces and npm packages
#   scripts/setup.sh --browser  also Debian's chromium and chromium-driver
# Nothing is downloaded from outside the package registries (crates.io, npm, apt).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done

# The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
cargo metadata --format-version 1 --quiet >/dev/null # makes sure Cargo.lock exists
wanted=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$wanted" ]; then
  say "installing wasm-bindgen-cli $wanted (had: ${have:-none}); takes ~3 minutes"
  cargo install wasm-bindgen-cli --version "$wanted"
fi

# npm ci only when the lock file changed since the last install.
if ! cmp -s package-lock.json node_modules/.package-lock.snapshot 2>/dev/null; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.package-lock.snapshot
fi

if [ "${1:-}" = "--browser" ] && ! { command -v chromium && command -v chromedriver; } >/dev/null; then
  say "installing chromium and chromium-driver from apt"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
fi
say "ready"
