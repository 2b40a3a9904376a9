#!/usr/bin/env bash
# Runs every test level and ends with one line "N passed, N failed" summing them:
# native cargo tests, the example content check, wasm-bindgen tests in headless
# Chromium, the size budget, WordPress's sanitiser on our snippets (tests/kses),
# Playwright end-to-end tests on the served demo, and a smoke suite in Chromium,
# Firefox and WebKit.
set -uo pipefail
cd "$(dirname "$0")/.."
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
mkdir -p test-results
scripts/setup.sh test || exit 1
scripts/build.sh || { echo "0 passed, 1 failed"; exit 1; }

passed=0
failed=0
declare -a summary

# cargo's "test result: ok. 12 passed; 0 failed; …" lines, summed.
count_cargo() {
  awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
       END { print p + 0, f + 0 }' "$1"
}

suite() { # name, counter, command…
  local name=$1 counter=$2; shift 2
  local log="test-results/$name.log" start=$SECONDS
  echo "=== $name: $*"
  "$@" > "$log" 2>&1
  local rc=$?
  local p f
  case $counter in
    cargo) read -r p f < <(count_cargo "$log") ;;
    node) p=$(grep -E '^# pass ' "$log" | awk '{print $3}'); f=$(grep -E '^# fail ' "$log" | awk '{print $3}') ;;
    single) if [ $rc -eq 0 ]; then p=1; f=0; else p=0; f=1; fi ;;
  esac
  p=${p:-0}; f=${f:-0}
  # A command that failed without a failing test counted still fails the suite.
  if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  if [ $rc -ne 0 ] || [ "$f" -ne 0 ]; then
    tail -n 60 "$log"
  else
    grep -E '^size:' "$log" || true
  fi
  passed=$((passed + p)); failed=$((failed + f))
  summary+=("$(printf '%-8s %4d passed, %3d failed  (%ds)' "$name" "$p" "$f" $((SECONDS - start)))")
}

suite lint    single bash scripts/lint.sh
suite native  cargo  cargo test --quiet
# The debug build the native suite just made: a release build of the native tools
# (LTO, one codegen unit) would cost minutes for a check that takes a second.
suite content single cargo run --quiet --bin bti-check -- content/eksempel-kommune.json
suite wasm    cargo  env CARGO_TARGET_DIR=target/wasmtest cargo test --target wasm32-unknown-unknown --test web
suite size    single bash scripts/size.sh
suite kses    cargo  bash tests/kses/run.sh
suite e2e     node   node --test --test-concurrency=1 tests/e2e/
# The smoke suite in Chromium, Firefox ESR and WebKit (tests/engines/): an engine that cannot start fails.
suite engines node   node --test --test-concurrency=1 tests/engines/

echo
printf '%s\n' "${summary[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
