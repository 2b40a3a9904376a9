/*
 * The iframe form: pkg/embed.html?src=…&start=guide&lang=nb shows the widget alone
 * and tells the parent page its height, so the host can size the iframe.
 * Only same-origin content is accepted, so nobody can dress up foreign content
 * in the kommune's address.
 */
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var app = document.getElementById('app');
  // A page made by bti-export --first-screen --page has its element, drawn ahead.
  var widget = app.querySelector('bti-veileder');
  if (!widget) create();
  function create() {
    widget = document.createElement('bti-veileder');
    var src = params.get('src');
    if (src) {
      var url = new URL(src, location.href);
      if (url.origin === location.origin) widget.setAttribute('src', url.href);
    }
    ['start', 'lang', 'exit-url', 'debug'].forEach(function (name) {
      var v = params.get(name);
      if (v !== null) widget.setAttribute(name, v);
    });
    widget.setAttribute('routing', 'memory');
    var fallback = document.getElementById('fallback');
    if (fallback) widget.appendChild(fallback);
    app.appendChild(widget);
  }

  var last = 0;
  function report() {
    var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (h !== last && window.parent !== window) {
      last = h;
      window.parent.postMessage({ type: 'bti-height', height: h }, '*');
    }
  }
  if (window.ResizeObserver) new ResizeObserver(report).observe(document.documentElement);
  window.addEventListener('load', report);
})();
