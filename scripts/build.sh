#!/usr/bin/env bash
# Builds pkg/: loader, wasm-bindgen glue, wasm-opt'ed wasm, CSS, embed page, package.json;
# what the loader fetches gets a content-hashed name (scripts/hash-names.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build

rm -rf pkg pkg-test && mkdir -p pkg pkg-test
# Three builds of one crate: "bti-guide" (the citizen guide, what phones download),
# "bti-core" (the staff handbook) and "bti-studio" (both, with the editor's
# messages). The loader picks per instance.
build_core() { # out dir, name, cargo feature flags…
  local out=$1 name=$2; shift 2
  cargo build --lib --release --target wasm32-unknown-unknown --quiet "$@"
  wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name "$name" \
    target/wasm32-unknown-unknown/release/bti_veileder.wasm
  [ "$out" = pkg ] || return 0
  # twiggy reads the wasm before wasm-opt (it cannot parse the optimised one); keep it for scripts/size.sh.
  cp "pkg/${name}_bg.wasm" "target/${name}_bg.pre-opt.wasm"
  # --zero-filled-memory: the module defines its own memory, which starts zeroed.
  # --low-memory-unused: rustc's layout leaves the first 1 KB unused (data starts
  # above the 1 MB stack). Both let wasm-opt drop bytes (guide build -1.1 KB gzip).
  # Not --traps-never-happen: a panic traps, and the loader's panic box needs it to.
  node_modules/.bin/wasm-opt -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    --zero-filled-memory --low-memory-unused --strip-producers --strip-target-features \
    "pkg/${name}_bg.wasm" -o "pkg/${name}_bg.wasm"
}
build_core pkg bti-guide --no-default-features --features guide
# Staff read the handbook; the full words of every content problem are for
# editors, who set `debug` and get the studio's build below (-11.5 KB gzip).
build_core pkg bti-core --no-default-features --features handbook
# The content studio's checker (pkg/redaktor.html's worker), and the widget's build
# for `debug`: bti-core plus every problem in words and the template merge, so staff
# reading the handbook never download it.
build_core pkg bti-studio --features studio
# pkg-test/: the same widget with the test hooks (debugPanic, in-wasm timings,
# window.__btiCores), for the browser tests and make bench only; never shipped.
# Not wasm-opt'ed (its code runs as fast; only its size differs) to keep the build short.
build_core pkg-test bti-guide --no-default-features --features guide,testhooks
build_core pkg-test bti-core --no-default-features --features handbook,testhooks

# The citizen guide's stylesheet, and the handbook's additions fetched only with bti-core (and bti-studio).
cat styles/tokens.css styles/base.css styles/emergency.css styles/guide.css styles/print.css > pkg/bti-veileder.css
cp styles/handbook.css pkg/bti-handbook.css
# The loader's test hooks sit between "testhooks:begin" and "testhooks:end" lines.
sed '/testhooks:begin/,/testhooks:end/d' src/js/loader.js > pkg/bti-veileder.js
mkdir -p pkg/i18n && cp src/i18n/*.json pkg/i18n/
cp src/js/embed.html src/js/embed.js src/js/embed.css src/js/print.html src/js/print.js pkg/

node scripts/minify.mjs || { echo "build: minifying pkg/ failed" >&2; exit 1; }
node scripts/build-studio.mjs || { echo "build: the content studio (pkg/redaktor.html) failed" >&2; exit 1; }

# pkg-test/ keeps the plain names: the tests and make bench load its files directly.
for f in pkg/*; do
  case $(basename "$f") in bti-guide*|bti-core*|bti-veileder.js|package.json) ;; *) cp -r "$f" pkg-test/ ;; esac
done
cp src/js/loader.js pkg-test/bti-veileder.js
echo "build: pkg-test/ (with test hooks) is ready"

# The files the loader fetches get content-hashed names, and the loader their map.
node scripts/hash-names.mjs || { echo "build: hashing the file names in pkg/ failed" >&2; exit 1; }

# Everything built above ships, the content studio (redaktor*, bti-studio*, mal/) included.
files=$(cd pkg && node -e 'console.log(JSON.stringify(require("fs").readdirSync(".").filter((f) => f !== "package.json").sort()))')
version=$(awk -F'"' '/^version = /{print $2; exit}' Cargo.toml)
cat > pkg/package.json <<JSON
{
  "name": "bti-veileder",
  "version": "$version",
  "description": "BTI-håndbok og innbyggerveileder som én web-komponent",
  "license": "MIT OR Apache-2.0",
  "main": "bti-veileder.js",
  "files": $files
}
JSON
echo "build: pkg/ is ready ($(du -sh pkg | cut -f1))"
