// The studio's preview frame: the real widget, fed the studio's in-memory
// content through element.content. Takes messages from its parent only (same
// origin), keeps the guide's place across updates by replaying the answers,
// and never takes the keyboard away from the editor.
const root = document.getElementById('preview-root');
let el = null;
let clicks = []; // the answers chosen, as indexes on each question screen
let replaying = false;
let pending = null; // { seq, replayList }
let loading = false; // content given, widget not yet ready

// The guide focuses and scrolls each new screen; while the studio replays
// answers that must not pull focus out of the editor or scroll the studio.
const focus = HTMLElement.prototype.focus;
HTMLElement.prototype.focus = function (options) {
  if (!replaying) focus.call(this, options);
};
const scroll = Element.prototype.scrollIntoView;
Element.prototype.scrollIntoView = function (arg) {
  if (!replaying) scroll.call(this, arg);
};

const tell = (seq) => parent.postMessage({ type: 'bti-studio-shown', seq, clicks }, location.origin);

function track(e) {
  if (replaying) return;
  const target = e.composedPath()[0];
  const button = target && target.closest && target.closest('button');
  if (!button) return;
  const shadow = el.shadowRoot;
  if (button.classList.contains('bti-answer')) {
    clicks.push([...shadow.querySelectorAll('.bti-answer')].indexOf(button));
  } else if (button.classList.contains('bti-summary__change')) {
    clicks = clicks.slice(0, [...shadow.querySelectorAll('.bti-summary__change')].indexOf(button));
  } else if (button.closest('.bti-guide__nav')) {
    const nav = [...button.closest('.bti-guide__nav').querySelectorAll('button')];
    if (nav.indexOf(button) === 0) clicks.pop();
    else clicks = [];
  }
}

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

const screenTitle = () => {
  const h = el.shadowRoot && el.shadowRoot.querySelector('.bti-question__title, .bti-result__title');
  return h ? h.textContent : null;
};
async function until(test) {
  for (let n = 0; n < 30 && !test(); n++) await frame();
}

// From the first question, whatever the widget kept: restart, then answer again.
async function replay(list) {
  replaying = true;
  try {
    await frame();
    await until(screenTitle);
    const restart = el.shadowRoot.querySelectorAll('.bti-guide__nav button')[1];
    if (restart) {
      restart.click();
      await until(() => !el.shadowRoot.querySelector('.bti-guide__nav'));
    }
    const done = [];
    for (const i of list) {
      const answers = [...el.shadowRoot.querySelectorAll('.bti-answer')];
      if (!answers[i]) break;
      const before = screenTitle();
      answers[i].click();
      done.push(i);
      await until(() => screenTitle() !== before);
    }
    clicks = done;
  } finally {
    replaying = false;
  }
}

// One content at a time: while the widget draws one, only the newest message
// waits, so the widget never gets a content equal to what it already shows
// (it would not redraw, and the studio would wait for nothing).
let rendered = ''; // the content the widget shows or is drawing, as JSON text
let queued = null;

function onShown(ok) {
  loading = false;
  if (queued) {
    const m = queued;
    queued = null;
    apply(m);
    return;
  }
  if (!pending) return;
  const { seq, replayList } = pending;
  pending = null;
  if (ok && replayList && replayList.length && el.getAttribute('start') !== 'handbook') {
    loading = true; // messages that come while answering wait too
    replay(replayList).then(() => {
      tell(seq);
      onShown(true);
    });
  } else tell(seq);
}

function apply(m) {
  const show = m.show || null;
  if (show && show.hash) history.replaceState(null, '', `#bti/${show.hash}`);
  if (show && show.clicks) clicks = show.clicks.slice();
  const text = JSON.stringify(m.content);
  if (!el) {
    el = document.createElement('bti-veileder');
    el.setAttribute('start', m.start);
    el.setAttribute('lang', m.lang);
    el.addEventListener('click', track, true);
    el.addEventListener('bti-ready', () => onShown(true));
    // Before its content arrives the widget may say it has no src: not an answer to us.
    el.addEventListener('bti-error', (e) => {
      if (!/attributtet src/.test((e.detail && e.detail.message) || '')) onShown(false);
    });
    el.content = m.content;
    rendered = text;
    loading = true;
    pending = { seq: m.seq, replayList: clicks.slice() };
    root.replaceChildren(el);
    return;
  }
  if (text === rendered && el.getAttribute('start') === m.start && el.getAttribute('lang') === m.lang) {
    // Nothing for the widget to redraw: only go where the studio asked.
    if (show && show.hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
    pending = { seq: m.seq, replayList: show && show.clicks ? show.clicks.slice() : [] };
    loading = true; // newer messages wait until this one is done
    frame().then(() => onShown(true));
    return;
  }
  if (el.getAttribute('start') !== m.start) {
    if (!(show && show.clicks)) clicks = [];
    el.setAttribute('start', m.start);
  }
  if (el.getAttribute('lang') !== m.lang) el.setAttribute('lang', m.lang);
  pending = { seq: m.seq, replayList: clicks.slice() };
  loading = true;
  rendered = text;
  el.content = m.content;
  if (show && show.hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

window.addEventListener('message', (e) => {
  if (e.origin !== location.origin || e.source !== parent) return;
  const m = e.data;
  if (!m || m.type !== 'bti-studio-content') return;
  if (loading) {
    // Keep a request to show something even when newer content overtakes it.
    queued = { ...m, show: m.show || (queued && queued.show) || null };
    return;
  }
  apply(m);
});
