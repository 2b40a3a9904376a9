// What a host page adds next to the iframe embed: grow the iframe to the height
// the widget reports, so the page has one scrollbar. Only messages from that
// iframe, from the origin it was loaded from, with a sane number, are used.
(function () {
  'use strict';
  var frame = document.getElementById('veileder');
  if (!frame) return;
  var frameOrigin = new URL(frame.src, document.baseURI).origin;

  window.addEventListener('message', function (event) {
    if (event.origin !== frameOrigin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || data.type !== 'bti-height') return;
    var height = Number(data.height);
    if (!Number.isFinite(height) || height <= 0) return;
    frame.style.height = Math.min(Math.ceil(height), 20000) + 'px';
  });
})();
