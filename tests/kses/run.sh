#!/usr/bin/env bash
# WordPress's sanitiser against our snippets and plugin: php -l on the plugin, then
# tests/kses/kses_test.php with Debian's wordpress package unpacked in
# target/wordpress/ (scripts/setup.sh test puts it there). Ends with cargo's
# "test result: …" line, which scripts/test.sh sums.
set -uo pipefail
cd "$(dirname "$0")/../.."
wp=target/wordpress/root/usr/share/wordpress
plugin=integrations/wordpress/bti-veileder/bti-veileder.php
command -v php >/dev/null || { echo "kses: php is missing; run: bash scripts/setup.sh test"; echo "test result: FAILED. 0 passed; 1 failed"; exit 1; }
[ -f "$wp/wp-includes/kses.php" ] || { echo "kses: $wp/wp-includes/kses.php is missing; run: bash scripts/setup.sh test"; echo "test result: FAILED. 0 passed; 1 failed"; exit 1; }

if php -l "$plugin"; then lint="ok. 1 passed; 0 failed"; else lint="FAILED. 0 passed; 1 failed"; fi
echo "test result: $lint"
php tests/kses/kses_test.php "$wp" .
