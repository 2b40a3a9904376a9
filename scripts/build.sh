#!/usr/bin/env bash
# Builds pkg/: loader, wasm-bindgen glue, wasm-opt'ed wasm, CSS, embed page, package.json.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build

cargo build --lib --release --target wasm32-unknown-unknown --quiet
rm -rf pkg && mkdir -p pkg
wasm-bindgen --target web --no-typescript --out-dir pkg --out-name bti-core \
  target/wasm32-unknown-unknown/release/bti_veileder.wasm
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  pkg/bti-core_bg.wasm -o pkg/bti-core_bg.wasm

cat styles/tokens.css styles/base.css styles/emergency.css styles/guide.css \
  styles/handbook.css styles/print.css > pkg/bti-veileder.css
cp src/js/loader.js pkg/bti-veileder.js
cp src/js/embed.html src/js/embed.js src/js/embed.css src/js/print.html src/js/print.js pkg/

version=$(awk -F'"' '/^version = /{print $2; exit}' Cargo.toml)
cat > pkg/package.json <<JSON
{
  "name": "bti-veileder",
  "version": "$version",
  "description": "BTI-håndbok og innbyggerveileder som én web-komponent",
  "license": "MIT OR Apache-2.0",
  "main": "bti-veileder.js",
  "files": ["bti-veileder.js", "bti-core.js", "bti-core_bg.wasm", "bti-veileder.css", "embed.html", "embed.js", "embed.css", "print.html", "print.js"]
}
JSON
echo "build: pkg/ is ready ($(du -sh pkg | cut -f1))"
