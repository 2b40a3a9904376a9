#!/usr/bin/env bash
# The size budget: gzip -9 of what a citizen downloads before the first guide
# screen (loader + glue + wasm + CSS; content not counted). Fails above the budget.
set -euo pipefail
cd "$(dirname "$0")/.."
budget_kb=${BTI_SIZE_BUDGET_KB:-150}
total=0
for f in pkg/bti-veileder.js pkg/bti-core.js pkg/bti-core_bg.wasm pkg/bti-veileder.css; do
  [ -f "$f" ] || { echo "size: $f is missing; run make build" >&2; exit 1; }
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  printf 'size: %-22s %7d B raw %7d B gzip\n' "$(basename "$f")" "$raw" "$gz"
  total=$((total + gz))
done
printf 'size: total %d B gzip (%d.%d KB), budget %d KB\n' "$total" $((total / 1024)) $(((total % 1024) * 10 / 1024)) "$budget_kb"
if command -v twiggy >/dev/null; then
  echo "size: twiggy top 15 of the wasm:"
  twiggy top -n 15 pkg/bti-core_bg.wasm | sed 's/^/  /'
fi
if [ "$total" -gt $((budget_kb * 1024)) ]; then
  echo "size: FAILED: $total B gzip is over the budget of $budget_kb KB" >&2
  exit 1
fi
