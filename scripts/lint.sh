#!/usr/bin/env bash
# Gates: rustfmt, and clippy with warnings as errors for the native code (all
# targets: lib, binaries, tests) and for the library as wasm32 (both builds).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --check || { echo "lint: cargo fmt --check failed; run: cargo fmt" >&2; exit 1; }
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --lib --target wasm32-unknown-unknown -- -D warnings
cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings
# The studio's checker (pkg/bti-studio_bg.wasm).
cargo clippy --quiet --lib --target wasm32-unknown-unknown --features studio -- -D warnings
# The test-hooks builds of pkg-test/ (both).
cargo clippy --quiet --lib --target wasm32-unknown-unknown --features testhooks -- -D warnings
cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features --features testhooks -- -D warnings
echo "lint: fmt and clippy (native, wasm32 full, studio and guide builds, with and without testhooks) are clean"
