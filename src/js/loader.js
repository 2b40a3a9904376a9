/*
 * bti-veileder loader: one classic script a kommune adds to its page.
 * Defines <bti-veileder>, also mounts on <div data-bti-veileder>, loads the wasm
 * once per page and shows a static emergency box whenever the widget cannot run.
 * No inline styles, no innerHTML: everything is built with DOM calls.
 */
(function () {
  'use strict';
  if (window.__btiVeilederLoaded) return;
  window.__btiVeilederLoaded = true;

  /* Where the other files are: the element's data-base, else the folder of this
     script. document.currentScript is null for type="module" and is the bundle
     when a CMS concatenates us, so then look for our <script> by its name. */
  var SELF = /\/bti-veileder\.js([?#]|$)/;
  function folder(script) {
    return script && SELF.test(script.src) ? new URL('./', script.src).href : null;
  }
  function findScript() {
    return [].reduce.call(document.querySelectorAll('script[src]'), function (found, s) {
      return found || folder(s);
    }, null);
  }
  var pageBase = folder(document.currentScript) || findScript();
  function baseOf(host) {
    var b = host.getAttribute('data-base');
    return b ? new URL(b.replace(/\/?$/, '/'), location.href).href : pageBase || (pageBase = findScript());
  }
  var records = [];
  var dead = false;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }

  /* While the guide starts: the compact block the widget itself shows on question
     screens, the same size, so the page does not jump when the widget replaces it. */
  function tel(number, shown) {
    return el('a', { 'class': 'bti-emergency__tel', href: 'tel:' + number }, [shown || number]);
  }
  function waitingBox() {
    return el('section', { 'class': 'bti-root bti-fallback', lang: 'nb', 'aria-label': 'Er noen i fare nå?' }, [
      el('div', { 'class': 'bti-emergency bti-emergency--compact' }, [
        el('p', { 'class': 'bti-emergency__line' }, [
          el('strong', {}, ['Er noen i fare nå?']), ' Ring ',
          el('span', { 'class': 'bti-emergency__tels' }, [tel('112'), ' · ', tel('113'), ' · ', tel('110')])
        ]),
        el('p', { 'class': 'bti-emergency__line' }, ['Bekymret for et barn? ', tel('116111', '116 111')]),
        // As in the widget: a native disclosure opens the full national list.
        el('details', { 'class': 'bti-emergency__more' }, [el('summary', {}, ['Flere numre']), fullList()])
      ])
    ]);
  }

  /* The national numbers with what each is for: in the full box, and in the
     waiting box's disclosure. */
  function fullList() {
    function num(tel, shown, what) {
      return el('li', { 'class': 'bti-emergency__item' }, [
        el('a', { 'class': 'bti-emergency__number', href: tel }, [shown]),
        ' ',
        el('span', { 'class': 'bti-emergency__what' }, [what])
      ]);
    }
    return el('div', {}, [
      el('ul', { 'class': 'bti-emergency__list' }, [
        num('tel:112', '112', 'politi'),
        num('tel:113', '113', 'ambulanse'),
        num('tel:110', '110', 'brann')
      ]),
      el('p', { 'class': 'bti-emergency__child' }, [
        'Bekymret for et barn eller en ungdom? ',
        el('a', { 'class': 'bti-emergency__number bti-emergency__number--inline', href: 'tel:116111' }, ['116 111']),
        ' – Alarmtelefonen for barn og unge, åpen hele døgnet, gratis.'
      ])
    ]);
  }

  /* Instead of the widget when it cannot start: the full national box, the reason
     and a reload link. */
  function staticBox(reason) {
    return el('section', { 'class': 'bti-root bti-fallback', lang: 'nb', role: 'alert' }, [
      el('div', { 'class': 'bti-emergency' }, [
        el('h2', { 'class': 'bti-emergency__title' }, ['Er noen i fare nå?']),
        el('p', { 'class': 'bti-emergency__lead' }, ['Ring']),
        fullList()
      ]),
      el('p', { 'class': 'bti-fallback__reason' }, [reason]),
      el('p', {}, [el('a', { 'class': 'bti-link', href: location.href }, ['Last inn siden på nytt'])])
    ]);
  }

  /* A file that did not come names its URL and HTTP status, so whoever installed
     the widget sees what to fix (and the citizen is not told her browser failed). */
  function fileError(url, status) {
    var e = new Error((status === 404 ? 'Fant ikke ' : 'Kunne ikke hente ') + url +
      (status ? ' (HTTP ' + status + ')' : ' (nettverksfeil)'));
    e.file = true;
    return e;
  }
  function fetchOk(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw fileError(url, r.status);
      return r;
    }, function () { throw fileError(url, 0); });
  }

  /* The content is fetched here, at once, in parallel with the glue and the wasm:
     the index, and as soon as it is parsed, the parts this start and language need
     (as model::merge::parts_needed picks them). The wasm takes each Response over
     (setPrefetch) instead of asking again, so nothing is fetched twice. */
  var prefetched = {};
  var indexParts = {};
  function takePrefetched(url) {
    var r = prefetched[url];
    delete prefetched[url];
    if (r) return r;
    // The wasm asks for <base>i18n/<code>.json by its plain name: fetch the hashed file.
    var ui = /^(.*\/)(i18n\/[^/]+)$/.exec(url);
    if (ui && FILES[ui[2]] && records.some(function (rec) { return rec.base === ui[1]; })) return fetch(ui[1] + FILES[ui[2]]);
  }
  function attrOf(host, name) {
    return (host.getAttribute(name) || host.getAttribute('data-' + name) || '').trim();
  }
  function noop() {}
  function prefetchContent(host) {
    var src = attrOf(host, 'src');
    if (!src || host.__btiContent !== undefined || typeof fetch !== 'function') return;
    var url = new URL(src, document.baseURI).href;
    if (!indexParts[url]) {
      var index = prefetched[url] = fetch(url);
      index.catch(noop); // a fetch nobody takes must not report an unhandled rejection
      indexParts[url] = index
        .then(function (r) { return r.ok ? r.clone().text() : ''; })
        .then(function (text) { return (text && JSON.parse(text).parts) || []; })
        .catch(function () { return []; }); // the widget fetches and reports it itself
    }
    var section = /^handbo(ok|k)$/.test(attrOf(host, 'start')) ? 'handbook' : 'guide';
    var langHost = host.closest('[lang]');
    var lang = (attrOf(host, 'lang') || (langHost && langHost.getAttribute('lang')) || 'nb').toLowerCase().split(/[-_]/)[0];
    // The reader's UI strings too (bokmål is built in): the wasm would ask only once it runs.
    var base = baseOf(host), strings = 'i18n/' + lang + '.json';
    if (/^(nn|en|ar|so|ti|uk|pl|se)$/.test(lang) && !prefetched[base + strings]) (prefetched[base + strings] = fetch(base + file(strings))).catch(noop);
    indexParts[url].then(function (parts) {
      (Array.isArray(parts) ? parts : []).forEach(function (p) {
        if (!p || typeof p.src !== 'string' || p.section !== section || (p.lang && (lang === 'nb' || p.lang !== lang))) return;
        var partUrl = new URL(p.src, url).href;
        if (!prefetched[partUrl]) (prefetched[partUrl] = fetch(partUrl)).catch(noop);
      });
    });
  }

  function dispatch(host, name, message) {
    host.dispatchEvent(new CustomEvent(name, {
      bubbles: true, composed: true, detail: message ? { message: message } : null
    }));
  }

  function showStatic(rec, reason) {
    var shadow = rec.shadow;
    rec.pre = null;
    shadow.adoptedStyleSheets = shadow.adoptedStyleSheets.filter(function (s) { return s !== reserveSheet; });
    while (shadow.firstChild) shadow.removeChild(shadow.firstChild);
    shadow.appendChild(staticBox(reason));
    rec.widget = null;
  }

  /* A Rust panic ends the wasm module for every instance on the page. */
  function onPanic(message) {
    if (dead) return;
    dead = true;
    if (window.console) console.error('bti-veileder stoppet: ' + message);
    records.forEach(function (rec) {
      showStatic(rec, 'Veilederen stoppet på grunn av en feil.');
      dispatch(rec.host, 'bti-error', 'Veilederen stoppet: ' + message);
    });
  }

  /* Room for the first screen while the widget loads, so the host page does not
     jump when it appears (CLS). Sized to the example content's first screen; a
     kommune whose first screen is taller or shorter sets --bti-reserve-height (and
     --bti-reserve-height-handbook) on the element from its own stylesheet. Built
     here, not fetched, so it holds from the first frame; a constructed sheet is
     not an inline style, and the page's CSP still applies to every style it has.
     The loader drops it once the widget has drawn its first screen. */
  var RESERVE = ':host{display:block!important;min-height:var(--bti-reserve-height,845px)!important}' +
    ':host([start^=handbo]),:host([data-start^=handbo]){min-height:var(--bti-reserve-height-handbook,2726px)!important}' +
    '@media (min-width:40em){:host{min-height:var(--bti-reserve-height,713px)!important}' +
    ':host([start^=handbo]),:host([data-start^=handbo]){min-height:var(--bti-reserve-height-handbook,1542px)!important}}';
  var reserveSheet = null;
  function reserved(list) {
    if (!reserveSheet && typeof CSSStyleSheet === 'function') {
      try {
        reserveSheet = new CSSStyleSheet();
        reserveSheet.replaceSync(RESERVE);
      } catch (e) { reserveSheet = false; }
    }
    // Last, so it wins over base.css's `all: initial !important` on :host.
    return (list || []).concat(reserveSheet ? [reserveSheet] : []);
  }

  /* The files below carry a hash of their bytes in their names in pkg/, so a host
     may cache them for a year: scripts/hash-names.mjs writes the map of plain to
     hashed names here (the key bti:files marks it). Without an entry (pkg-test/,
     the source) a file keeps its plain name. */
  var FILES = { 'bti:files': 1 };
  function file(name) {
    return FILES[name] || name;
  }

  /* One constructed stylesheet per file, shared by every instance on the page. */
  var sheets = {};
  function loadSheet(url) {
    if (!sheets[url]) {
      sheets[url] = fetchOk(url)
        .then(function (r) { return r.text(); })
        .then(function (css) {
          var sheet = new CSSStyleSheet();
          sheet.replaceSync(css);
          return sheet;
        });
    }
    return sheets[url];
  }
  function loadSheets(kind, base) {
    return Promise.all((kind === 'guide' ? ['bti-veileder.css'] : ['bti-veileder.css', 'bti-handbook.css'])
      .map(function (name) { return loadSheet(base + file(name)); }));
  }

  /* Three builds of the same code: "guide" (the citizen guide, small, for
     phones), "handbook" (the staff handbook) and "debug" (both, with every
     content problem in full words, for an editor who sets `debug`: the content
     studio's build). Each instance loads the one it needs. */
  var cores = {};
  var builds = { guide: 'bti-guide', handbook: 'bti-core', debug: 'bti-studio' };
  function coreKind(host) {
    var start = host.getAttribute('start') || host.getAttribute('data-start') || '';
    if (host.hasAttribute('debug') || host.hasAttribute('data-debug')) return 'debug';
    // `print` prints the handbook: it needs start="handbook" too (pkg/print.html sets both).
    return /^handbo/.test(start.trim()) ? 'handbook' : 'guide';
  }
  function loadCore(kind, base) {
    var plain = builds[kind];
    var name = base + plain;
    if (!cores[name]) {
      var glue = base + file(plain + '.js');
      // The wasm is fetched alongside the glue, so a missing file is named with its status.
      cores[name] = (typeof WebAssembly !== 'object')
        ? Promise.reject(new Error('WebAssembly er slått av eller mangler i denne nettleseren.'))
        : Promise.all([
          import(glue).catch(function (e) {
            // import() says only that it failed: ask again to learn the status.
            return fetch(glue).then(function (r) { throw r.ok ? e : fileError(glue, r.status); }, function () { throw e; });
          }),
          fetchOk(base + file(plain + '_bg.wasm'))
        ]).then(function (r) {
          var core = r[0];
          return core.default({ module_or_path: r[1] }).then(function () {
            core.setPanicHandler(onPanic);
            core.setPrefetch(takePrefetched);
            // testhooks:begin (pkg-test/ only: the tests and make bench reach the core here)
            window.__btiCores = window.__btiCores || {};
            window.__btiCores[kind] = core;
            // testhooks:end
            return core;
          });
        });
    }
    return cores[name];
  }

  function guard(rec, fn) {
    if (dead || !rec.widget) return;
    try { fn(rec.widget); } catch (e) { onPanic(String(e)); }
  }

  function fail(rec, err) {
    var message = (err && err.message) || String(err);
    if (rec.base) loadSheets('guide', rec.base).then(function (list) { rec.shadow.adoptedStyleSheets = list; }, function () {});
    showStatic(rec, (err && err.file ? 'Veilederen kunne ikke starte. ' : 'Veilederen kunne ikke starte i denne nettleseren. ') + message);
    dispatch(rec.host, 'bti-error', 'Kunne ikke starte: ' + message);
  }

  /* A first screen rendered ahead (bti-export --first-screen): the page shows it
     before any script runs, as a declarative shadow root. It stays until the
     widget has drawn the same screen underneath, hidden; then the two swap in one
     frame. A click on it meanwhile is not lost: quick exit leaves at once, and
     an answer, a link or a language choice is done again on the live screen
     (only if the control there reads the same, so changed content never gets a
     click it was not given). Keyboard focus moves across too. */
  var CONTROLS = 'a[href],button,select,summary';
  function controls(node) {
    return [].slice.call(node.querySelectorAll(CONTROLS));
  }
  function holdPre(rec, pre) {
    function note(target, value) {
      rec.pending = { i: controls(pre).indexOf(target), text: target.textContent, value: value };
    }
    pre.addEventListener('click', function (e) {
      var t = e.target.closest(CONTROLS);
      // tel:, mailto: and web links work as they are; a <summary> opens by itself.
      if (!t || t.tagName === 'SUMMARY' || (t.tagName === 'A' && t.getAttribute('href').charAt(0) !== '#')) return;
      e.preventDefault();
      if (!t.matches('.bti-exit__button,.bti-skip')) return note(t, null);
      pre.hidden = true;
      var attr = attrOf(rec.host, 'exit-url'), url = null;
      try { url = attr && new URL(attr, document.baseURI); } catch (x) { url = null; }
      location.replace(url && (url.protocol === 'https:' || url.origin === location.origin) ? url.href : pre.getAttribute('data-exit'));
    });
    pre.addEventListener('change', function (e) { note(e.target, e.target.value); });
  }
  function reveal(rec) {
    var pre = rec.pre, p = rec.pending;
    if (!pre) return;
    var focused = controls(pre).indexOf(rec.shadow.activeElement);
    rec.pre = rec.pending = null;
    rec.root.hidden = false;
    pre.remove();
    var live = controls(rec.root);
    if (live[focused]) live[focused].focus();
    var same = p && live[p.i];
    if (!same || same.textContent !== p.text) return;
    if (p.value === null) return same.click();
    same.value = p.value;
    same.dispatchEvent(new Event('change', { bubbles: true }));
  }

  function mount(host) {
    if (host.__bti) return;
    var shadow = host.shadowRoot || host.attachShadow({ mode: 'open' });
    var pre = shadow.querySelector('[data-bti-pre]');
    [].slice.call(shadow.childNodes).forEach(function (n) { if (n !== pre) shadow.removeChild(n); });
    var slot = document.createElement('slot'); // the page's own fallback text, until we start
    var root = el('div', { 'class': 'bti-mount' });
    if (pre) root.hidden = true;
    else shadow.appendChild(slot);
    shadow.appendChild(root);
    var base = baseOf(host);
    var rec = { host: host, shadow: shadow, widget: null, kind: coreKind(host), base: base, root: root, pre: pre, pending: null };
    // The room for the first screen, unless it is already there.
    rec.room = function (list) { return rec.pre ? (list || []) : reserved(list); };
    shadow.adoptedStyleSheets = rec.room();
    if (pre) holdPre(rec, pre);
    host.__bti = rec;
    records.push(rec);
    if (!base) {
      var e = new Error('Fant ikke adressen til bti-veileder.js. Gi elementet data-base="/sti/til/pkg/".');
      e.file = true;
      fail(rec, e);
      return;
    }
    // With the screen drawn ahead, the wasm and the content wait until it is on
    // screen: on a slow line its style sheet must not queue behind 150 KB of wasm.
    if (pre) afterFirstPaint(pre, function () { if (host.__bti === rec) start(host, rec); });
    else start(host, rec);
  }

  /* Runs `go` once the drawn-ahead screen's style sheets are in and it has been
     painted; in 3 s at the latest (a hidden frame gets no animation frames). */
  function afterFirstPaint(pre, go) {
    var done = false;
    function once() { if (!done) { done = true; go(); } }
    setTimeout(once, 3000);
    var waiting = [].filter.call(pre.querySelectorAll('link[rel=stylesheet]'), function (l) { return !l.sheet; });
    Promise.all(waiting.map(function (l) {
      return new Promise(function (resolve) {
        l.addEventListener('load', resolve);
        l.addEventListener('error', resolve);
      });
    })).then(function () {
      // Two frames: the first one that holds the screen has then been presented.
      requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(once, 0); }); });
    });
  }

  function start(host, rec) {
    var shadow = rec.shadow, base = rec.base, slot = shadow.querySelector('slot');
    prefetchContent(host);
    if (rec.kind === 'guide' && !rec.pre) {
      // The emergency numbers at once, styled, while the wasm is still on its way.
      loadSheets('guide', base).then(function (list) {
        if (host.__bti !== rec || rec.widget || dead || !slot.isConnected) return;
        shadow.adoptedStyleSheets = reserved(list);
        slot.replaceWith(waitingBox());
      }, function () {});
    }
    Promise.all([loadSheets(rec.kind, base), loadCore(rec.kind, base)]).then(function (r) {
      if (host.__bti !== rec) return;
      shadow.adoptedStyleSheets = r[0];
      if (dead) { showStatic(rec, 'Veilederen stoppet på grunn av en feil.'); return; }
      // Keep the room until the first screen (or the widget's own error) is drawn.
      shadow.adoptedStyleSheets = rec.room(r[0]);
      var drawn = function () {
        host.removeEventListener('bti-ready', drawn);
        host.removeEventListener('bti-error', drawn);
        // The widget draws in a microtask after the event: swap in the next frame,
        // or, for a screen drawn ahead in another language than bokmål, once the
        // widget has its strings too (up to a second more).
        var frames = 60;
        requestAnimationFrame(function swap() {
          if (host.__bti !== rec) return;
          var ahead = rec.pre && rec.pre.querySelector('.bti-root'), live = rec.root.querySelector('.bti-root');
          if (ahead && live && ahead.lang !== live.lang && frames--) return requestAnimationFrame(swap);
          reveal(rec);
          if (shadow.adoptedStyleSheets.indexOf(reserveSheet) >= 0) shadow.adoptedStyleSheets = r[0];
        });
      };
      host.addEventListener('bti-ready', drawn);
      host.addEventListener('bti-error', drawn);
      try {
        rec.widget = new r[1].Widget(rec.root, host, base);
        if (host.__btiContent !== undefined) rec.widget.setContent(JSON.stringify(host.__btiContent));
        Array.prototype.forEach.call(shadow.querySelectorAll('slot, .bti-fallback'), function (n) { n.remove(); });
      } catch (e) {
        onPanic(String(e));
      }
    }, function (err) {
      if (host.__bti === rec) fail(rec, err);
    });
  }

  function unmount(host) {
    var rec = host.__bti;
    if (!rec) return;
    guard(rec, function (w) { w.destroy(); w.free(); });
    records = records.filter(function (r) { return r !== rec; });
    host.__bti = null;
  }

  /* An attribute changed: update the running app, or restart it on the other
     build when it now needs the handbook (or no longer does). */
  function changed(host) {
    var rec = host.__bti;
    if (!rec) return;
    if (rec.kind !== coreKind(host)) { unmount(host); mount(host); return; }
    guard(rec, function (w) { w.update(); });
  }

  function setContent(host, value) {
    host.__btiContent = value;
    var rec = host.__bti;
    if (rec) guard(rec, function (w) { w.setContent(JSON.stringify(value)); });
  }

  var OBSERVED = ['src', 'start', 'lang', 'routing', 'debug', 'exit-url', 'id', 'print'];

  if (window.customElements && !customElements.get('bti-veileder')) {
    class BtiVeileder extends HTMLElement {
      static get observedAttributes() { return OBSERVED; }
      connectedCallback() { mount(this); }
      disconnectedCallback() {
        var host = this;
        // A move within the page disconnects and reconnects at once: keep the app then.
        queueMicrotask(function () { if (!host.isConnected) unmount(host); });
      }
      attributeChangedCallback() { changed(this); }
      get content() { return this.__btiContent; }
      set content(v) { setContent(this, v); }
    }
    customElements.define('bti-veileder', BtiVeileder);
  }

  /* The div form, for CMSs whose sanitisers strip unknown tags. */
  var divAttrs = OBSERVED.map(function (a) { return 'data-' + a; });
  function scanDivs(rootNode) {
    var found = rootNode.querySelectorAll ? rootNode.querySelectorAll('div[data-bti-veileder]') : [];
    Array.prototype.forEach.call(found, function (div) {
      if (div.__bti) return;
      mount(div);
      new MutationObserver(function () { changed(div); }).observe(div, { attributes: true, attributeFilter: divAttrs.concat(OBSERVED) });
    });
  }
  function watchDivs() {
    scanDivs(document);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (m) {
        Array.prototype.forEach.call(m.addedNodes, function (n) {
          if (n.nodeType !== 1) return;
          if (n.matches && n.matches('div[data-bti-veileder]')) scanDivs(n.parentNode || document);
          else scanDivs(n);
        });
        Array.prototype.forEach.call(m.removedNodes, function (n) {
          if (n.nodeType === 1 && n.__bti && !n.isConnected && n.tagName === 'DIV') unmount(n);
        });
      });
    }).observe(document.documentElement, { childList: true, subtree: true });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watchDivs);
  else watchDivs();
})();
