#!/usr/bin/env bash
# Gates: rustfmt, and clippy with warnings as errors for the native code (all
# targets: lib, binaries, tests) and for the library as each wasm32 build.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --check || { echo "lint: cargo fmt --check failed; run: cargo fmt" >&2; exit 1; }
cargo clippy --quiet --all-targets -- -D warnings
# The three shipped wasm builds, as scripts/build.sh makes them: the citizen guide
# (bti-guide), the staff handbook (bti-core) and the studio's (bti-studio).
cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features --features guide -- -D warnings
cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features --features handbook -- -D warnings
cargo clippy --quiet --lib --target wasm32-unknown-unknown --features studio -- -D warnings
# The test-hooks builds of pkg-test/ (guide and handbook).
cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features --features guide,testhooks -- -D warnings
cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features --features handbook,testhooks -- -D warnings
echo "lint: fmt and clippy (native, and the guide, handbook and studio wasm builds, with and without testhooks) are clean"
