// What a tag manager does: add the loader after the page has loaded.
window.addEventListener('load', function () {
  setTimeout(function () {
    var s = document.createElement('script');
    s.src = '../pkg/bti-veileder.js';
    document.body.appendChild(s);
  }, 50);
});
