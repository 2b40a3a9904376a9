# bti-veileder: the two commands a newcomer needs are `make demo` and `make test`.
# Both install what is missing (see scripts/setup.sh) and say clearly what failed.
.PHONY: demo test check build setup check-content size clean export bench
PORT ?= 8080

demo: build
	@echo ""
	@echo "Demo: http://127.0.0.1:$(PORT)/  (intranett: http://127.0.0.1:$(PORT)/intranett.html)"
	@echo "Stop with Ctrl+C."
	python3 -m http.server --bind 127.0.0.1 $(PORT)

test:
	bash scripts/test.sh

# The fast loop: formatting, clippy (native and wasm32) and the native tests.
check:
	bash scripts/lint.sh
	cargo test --quiet

build:
	bash scripts/build.sh

setup:
	bash scripts/setup.sh test

check-content:
	cargo run --quiet --release --bin bti-check -- content/eksempel-kommune.json

# The example content as static HTML pages (no script) in export/; see README.
export:
	cargo run --quiet --release --bin bti-export -- content/eksempel-kommune.json --out export
	@echo "Static pages: export/index.html"

size: build
	bash scripts/size.sh

clean:
	rm -rf pkg pkg-test test-results target export bench/*.json bench/export

# Speed, measured and reported (never asserted): Lighthouse on the embed pages and
# their static twins, the demo pages, and in-browser timings from pkg-test/.
# Writes bench/results.json. BENCH_RUNS=5 by default.
bench: build
	node scripts/bench.mjs
	node scripts/bench-studio.mjs
