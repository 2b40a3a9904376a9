<?php
/**
 * Our install snippets and the WordPress plugin's shortcode through WordPress's
 * real sanitiser: wp-includes/kses.php, formatting.php (esc_attr, esc_url),
 * plugin.php (filters) and shortcodes.php from Debian's wordpress package, with
 * stubs only for what needs a database or a running site.
 *
 * Usage: php tests/kses/kses_test.php <wordpress dir (holds wp-includes/)> <repo root>
 * Prints one line per check and cargo's summary line, "test result: ok. N passed; M failed".
 */

error_reporting( E_ALL );
[ , $wp, $repo ] = $argv + [ null, null, null ];
if ( ! $wp || ! is_file( "$wp/wp-includes/kses.php" ) || ! $repo ) {
	fwrite( STDERR, "usage: php kses_test.php <wordpress dir with wp-includes/kses.php> <repo root>\n" );
	exit( 2 );
}

define( 'ABSPATH', rtrim( $wp, '/' ) . '/' );
define( 'WPINC', 'wp-includes' );

// ------------------------------------------------------------------ stubs: no site, no database
function get_option( $name, $default = false ) {
	return [ 'blog_charset' => 'UTF-8', 'use_balanceTags' => 0 ][ $name ] ?? $default;
}
function wp_load_alloptions() { return [ 'blog_charset' => 'UTF-8' ]; }
function is_admin() { return false; }
// The list from wp-includes/functions.php 6.1 (that file needs a whole site to load).
function wp_allowed_protocols() {
	return [ 'http', 'https', 'ftp', 'ftps', 'mailto', 'news', 'irc', 'irc6', 'ircs', 'gopher', 'nntp', 'feed', 'telnet', 'mms', 'rtsp', 'sms', 'svn', 'tel', 'fax', 'xmpp', 'webcal', 'urn' ];
}
function _doing_it_wrong( $function, $message, $version ) {
	throw new RuntimeException( "_doing_it_wrong($function): $message" );
}
function __( $text, $domain = 'default' ) { return $text; }

// What the plugin calls to enqueue its script, recorded for the checks below.
$GLOBALS['bti_scripts'] = [ 'registered' => [], 'enqueued' => [] ];
function plugins_url( $path = '', $plugin = '' ) {
	return 'https://kommune.example/wp-content/plugins/' . basename( dirname( $plugin ) ) . '/' . ltrim( $path, '/' );
}
function wp_register_script( $handle, $src, $deps = [], $ver = false, $args = [] ) {
	$GLOBALS['bti_scripts']['registered'][ $handle ] = compact( 'src', 'deps', 'ver', 'args' );
	return true;
}
function wp_enqueue_script( $handle ) { $GLOBALS['bti_scripts']['enqueued'][] = $handle; }

require ABSPATH . WPINC . '/plugin.php';
require ABSPATH . WPINC . '/formatting.php';
require ABSPATH . WPINC . '/kses.php';
require ABSPATH . WPINC . '/shortcodes.php';

// ------------------------------------------------------------------ checks
$passed = 0;
$failed = 0;
function check( $name, $ok, $detail = '' ) {
	global $passed, $failed;
	if ( $ok ) {
		$passed++;
		echo "ok - $name\n";
	} else {
		$failed++;
		echo "not ok - $name\n" . ( '' === $detail ? '' : '    ' . str_replace( "\n", "\n    ", $detail ) . "\n" );
	}
}
function kept( $name, $html ) {
	$out = wp_kses_post( $html );
	check( "$name survives wp_kses_post unchanged", $out === $html, "in:  $html\nout: $out" );
}

/** The ```html blocks of README.md that contain $needle. */
function readme_blocks( $repo, $needle ) {
	preg_match_all( '/^```html\n(.*?)^```/ms', file_get_contents( "$repo/README.md" ), $m );
	return array_values( array_filter( $m[1], function ( $b ) use ( $needle ) { return false !== strpos( $b, $needle ); } ) );
}

// The README's div snippets: every block with the div form, whole.
$divs = readme_blocks( $repo, 'data-bti-veileder' );
check( 'README.md has a div snippet', count( $divs ) > 0 );
foreach ( $divs as $i => $block ) {
	kept( "README div snippet " . ( $i + 1 ), trim( $block ) );
}

// The plugin's shortcode, run by WordPress's own shortcode parser.
add_action( 'wp_enqueue_scripts', function () {} ); // plugin.php's real add_action; keeps the hook table non-empty
require "$repo/integrations/wordpress/bti-veileder/bti-veileder.php";
do_action( 'wp_enqueue_scripts' );
$registered = $GLOBALS['bti_scripts']['registered']['bti-veileder'] ?? null;
check( 'the plugin registers the loader from its own pkg/ folder',
	$registered && 'https://kommune.example/wp-content/plugins/bti-veileder/pkg/bti-veileder.js' === $registered['src'],
	var_export( $registered, true ) );
check( 'no page without the shortcode enqueues the loader', [] === $GLOBALS['bti_scripts']['enqueued'] );

$shortcodes = [
	'[bti_veileder src="/wp-content/uploads/bti/kommune.json" start="guide"]',
	'[bti_veileder src="https://kommune.example/bti/kommune.json?v=2&x=1" start="handbook" lang="nn" exit_url="/"]',
	'[bti_veileder src="/bti/a.json" start=\'guide" onmouseover="alert(1)\']',
	'[bti_veileder src="javascript:alert(1)"]',
];
$outputs = [];
foreach ( $shortcodes as $code ) {
	$outputs[ $code ] = do_shortcode( $code );
	kept( "shortcode output of $code", $outputs[ $code ] );
}
check( 'a page with the shortcode enqueues the loader', in_array( 'bti-veileder', $GLOBALS['bti_scripts']['enqueued'], true ) );
$first = $outputs[ $shortcodes[0] ];
check( 'the shortcode prints the div form with src, start and the plugin\'s pkg/ as data-base',
	0 === strpos( $first, '<div data-bti-veileder data-src="/wp-content/uploads/bti/kommune.json" data-start="guide" data-base="https://kommune.example/wp-content/plugins/bti-veileder/pkg/">' ),
	$first );
check( 'the shortcode escapes & in URLs and keeps lang and the exit URL',
	false !== strpos( $outputs[ $shortcodes[1] ], 'data-src="https://kommune.example/bti/kommune.json?v=2&#038;x=1" data-start="handbook"' )
	&& false !== strpos( $outputs[ $shortcodes[1] ], 'data-lang="nn" data-exit-url="/"' ),
	$outputs[ $shortcodes[1] ] );
check( 'a quote in an attribute cannot add another attribute', false !== strpos( $outputs[ $shortcodes[2] ], 'data-start="guide&quot; onmouseover=&quot;alert(1)"' ), $outputs[ $shortcodes[2] ] );
check( 'a javascript: src is emptied by esc_url', false !== strpos( $outputs[ $shortcodes[3] ], 'data-src=""' ), $outputs[ $shortcodes[3] ] );

// What the sanitiser removes: the element form, script and iframe (README forms 1 and 3).
$element = readme_blocks( $repo, '<bti-veileder' );
check( 'README.md has an element snippet', count( $element ) > 0 );
foreach ( $element as $block ) {
	$out = wp_kses_post( $block );
	check( 'the <bti-veileder> element is stripped', false === stripos( $out, '<bti-veileder' ), $out );
	if ( false !== strpos( $block, 'href="tel:112"' ) ) {
		check( 'the element\'s fallback text stays', false !== strpos( $out, 'href="tel:112"' ), $out );
	}
	if ( false !== stripos( $block, '<script' ) ) {
		check( 'the <script> tag is stripped', false === stripos( $out, '<script' ), $out );
	}
}
$iframes = readme_blocks( $repo, '<iframe' );
check( 'README.md has an iframe snippet', count( $iframes ) > 0 );
foreach ( $iframes as $block ) {
	$out = wp_kses_post( $block );
	check( 'the <iframe> is stripped', false === stripos( $out, '<iframe' ), $out );
}
$module = '<script type="module" src="/pkg/bti-veileder.js"></script>';
check( 'a module <script> is stripped too', false === stripos( wp_kses_post( $module ), '<script' ) );

echo 'test result: ' . ( $failed ? 'FAILED' : 'ok' ) . ". $passed passed; $failed failed\n";
exit( $failed ? 1 : 0 );
