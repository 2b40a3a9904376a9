#!/usr/bin/env bash
# Installs what building and testing need, idempotently: quick when all is there.
#   scripts/setup.sh build   wasm target, wasm-bindgen-cli (Cargo.lock's version), npm dev tools
#   scripts/setup.sh test    the above plus Debian chromium, chromium-driver, fonts-noto-core, php-cli, twiggy,
#                            Debian's wordpress package unpacked in target/wordpress/ (for tests/kses),
#                            and the other engines' smoke suite: firefox-esr, webkit2gtk-driver, xvfb
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-build}

die() { printf 'setup: %s\n' "$*" >&2; exit 1; }
say() { printf 'setup: %s\n' "$*"; }

command -v cargo >/dev/null || die "cargo is missing. Install Rust (rustup) first: https://rustup.rs"
command -v npm >/dev/null || die "npm is missing. Install Node.js 20+ and npm (Debian: apt-get install nodejs npm)."

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown || die "could not add the wasm32 target; run: rustup target add wasm32-unknown-unknown"
fi

for c in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$c"; then
    say "adding the $c component"
    rustup component add "$c" || die "could not add $c; run: rustup component add $c"
  fi
done

want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
[ -n "$want" ] || die "no wasm-bindgen version in Cargo.lock"
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (had: ${have:-none}); this takes about 4 minutes once"
  # Without --locked: the registry snapshot here lacks one of its pinned dependencies.
  cargo install wasm-bindgen-cli --version "$want" --quiet || die "cargo install wasm-bindgen-cli --version $want failed"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dev tools from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error || die "npm ci failed"
fi

if [ "$what" = test ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  [ -d /usr/share/fonts/truetype/noto ] || missing+=(fonts-noto-core)
  command -v curl >/dev/null || missing+=(curl)   # bti-check --online and its test
  command -v php >/dev/null || missing+=(php-cli)  # tests/kses: WordPress's sanitiser
  # tests/engines: Firefox over WebDriver BiDi, WebKit (MiniBrowser) over WebDriver on a virtual display.
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null || missing+=(xvfb)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      say "installing ${missing[*]} from Debian"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
        || die "apt-get install ${missing[*]} failed"
    else
      die "missing ${missing[*]}; run as root: apt-get update && apt-get install -y ${missing[*]}"
    fi
  fi
  # WordPress's kses.php for tests/kses: the .deb unpacked, not installed (that would pull in apache2 and a database).
  wp=target/wordpress
  if [ ! -f "$wp/root/usr/share/wordpress/wp-includes/kses.php" ]; then
    say "fetching Debian's wordpress package into $wp/ (unpacked only)"
    mkdir -p "$wp"
    ( cd "$wp" && { apt-get download wordpress >/dev/null 2>&1 || { apt-get update -qq && apt-get download wordpress >/dev/null 2>&1; }; } ) \
      || die "apt-get download wordpress failed; as root run: apt-get update, then rerun this script"
    dpkg-deb -x "$(ls "$wp"/wordpress_*.deb | head -n 1)" "$wp/root" || die "dpkg-deb -x of the wordpress package failed"
  fi
  if ! command -v twiggy >/dev/null; then
    say "installing twiggy (wasm size profiler)"
    cargo install twiggy --quiet || die "cargo install twiggy failed"
  fi
fi
