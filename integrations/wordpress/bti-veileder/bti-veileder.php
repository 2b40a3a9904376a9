<?php
/**
 * Plugin Name: BTI-veileder
 * Description: Innbyggerveilederen «Bekymret for noen?» og BTI-håndboka som kortkode: [bti_veileder src="/wp-content/uploads/bti/kommune.json" start="guide"].
 * Version:     0.1.0
 * License:     MIT OR Apache-2.0
 *
 * Install: copy the built pkg/ folder into this plugin's folder, so that
 * wp-content/plugins/bti-veileder/pkg/bti-veileder.js exists, then activate.
 * The shortcode prints the div form, which WordPress's sanitiser keeps; the
 * loader is enqueued only on pages that use the shortcode.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const BTI_VEILEDER_VERSION = '0.1.0';

function bti_veileder_register_script() {
	// In the footer, deferred where WordPress supports it (6.3+): the widget does not hold up the page.
	wp_register_script(
		'bti-veileder',
		plugins_url( 'pkg/bti-veileder.js', __FILE__ ),
		array(),
		BTI_VEILEDER_VERSION,
		array( 'in_footer' => true, 'strategy' => 'defer' )
	);
}
add_action( 'wp_enqueue_scripts', 'bti_veileder_register_script' );

/**
 * [bti_veileder src="/sti/til/kommune.json" start="guide|handbook" lang="nb" exit_url="/"]
 * `src` must be a full URL or start with "/": esc_url() would turn "content/x.json" into "http://content/x.json".
 */
function bti_veileder_shortcode( $atts ) {
	$atts = shortcode_atts(
		array(
			'src'      => '',
			'start'    => 'guide',
			'lang'     => '',
			'exit_url' => '',
		),
		$atts,
		'bti_veileder'
	);
	wp_enqueue_script( 'bti-veileder' );
	// data-base names the loader's folder, so the widget still finds its files
	// when an optimisation plugin concatenates the loader into a bundle.
	$html = '<div data-bti-veileder data-src="' . esc_url( $atts['src'] ) . '"'
		. ' data-start="' . esc_attr( $atts['start'] ) . '"'
		. ' data-base="' . esc_url( plugins_url( 'pkg/', __FILE__ ) ) . '"';
	if ( '' !== $atts['lang'] ) {
		$html .= ' data-lang="' . esc_attr( $atts['lang'] ) . '"';
	}
	if ( '' !== $atts['exit_url'] ) {
		$html .= ' data-exit-url="' . esc_url( $atts['exit_url'] ) . '"';
	}
	// The same words the loader shows while it starts, for readers without JavaScript.
	return $html . '><p>Er noen i fare nå? Ring <a href="tel:112">112</a>. Bekymret for et barn? Ring <a href="tel:116111">116 111</a>.</p></div>';
}
add_shortcode( 'bti_veileder', 'bti_veileder_shortcode' );
