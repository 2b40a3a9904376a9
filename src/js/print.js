/*
 * The print view: pkg/print.html?src=…&lang=…&print=all|#bti/… renders only the
 * handbook content (none of the host page's header, menus or footer) and opens
 * the print dialog once the content is shown. Same-origin content only.
 */
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var widget = document.createElement('bti-veileder');
  var src = params.get('src');
  if (src) {
    var url = new URL(src, location.href);
    if (url.origin === location.origin) widget.setAttribute('src', url.href);
  }
  widget.setAttribute('start', 'handbook');
  var lang = params.get('lang');
  if (lang) widget.setAttribute('lang', lang);
  var what = params.get('print') || 'all';
  if (what === 'all') {
    widget.setAttribute('print', 'all');
    widget.setAttribute('routing', 'memory');
  } else if (what.charAt(0) === '#') {
    // Show the one page: the route's namespace becomes this element's id.
    var ns = what.slice(1).split('/')[0];
    if (ns.indexOf('bti-') === 0) widget.id = decodeURIComponent(ns.slice(4));
    history.replaceState(null, '', what);
  }
  widget.addEventListener('bti-ready', function () {
    setTimeout(function () { if (!params.has('noprint')) window.print(); }, 300);
  });
  document.getElementById('app').appendChild(widget);
})();
