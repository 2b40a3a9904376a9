// The studio's preview frame: the real widget, fed the studio's in-memory
// content through element.content. Takes messages from its parent only (same
// origin), keeps the guide's place across updates by replaying the answers,
// and never takes the keyboard away from the editor.
const root = document.getElementById('preview-root');
let el = null;
let clicks = []; // the answers chosen, as indexes on each question screen
let replaying = false;
let pending = null; // { seq, replayList }
let lastText = '';
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

function onShown(ok) {
  loading = false;
  if (!pending) return;
  const { seq, replayList } = pending;
  pending = null;
  if (ok && replayList && replayList.length && el.getAttribute('start') !== 'handbook') {
    replay(replayList).then(() => tell(seq));
  } else tell(seq);
}

window.addEventListener('message', (e) => {
  if (e.origin !== location.origin || e.source !== parent) return;
  const m = e.data;
  if (!m || m.type !== 'bti-studio-content') return;
  const show = m.show || null;
  if (show && show.hash) history.replaceState(null, '', `#bti/${show.hash}`);
  if (show && show.clicks) clicks = show.clicks.slice();
  const replayList = clicks.slice();
  if (!el) {
    el = document.createElement('bti-veileder');
    el.setAttribute('start', m.start);
    el.setAttribute('lang', m.lang);
    el.addEventListener('click', track, true);
    el.addEventListener('bti-ready', () => onShown(true));
    el.addEventListener('bti-error', () => onShown(false));
    el.content = m.content;
    loading = true;
    lastText = JSON.stringify(m.content);
    pending = { seq: m.seq, replayList };
    root.replaceChildren(el);
    return;
  }
  const text = JSON.stringify(m.content);
  const same = text === lastText && el.getAttribute('start') === m.start && el.getAttribute('lang') === m.lang;
  lastText = text;
  if (same && loading) {
    // Still drawing the last content: go there once it is shown.
    if (show && show.clicks) clicks = show.clicks.slice();
    pending = { seq: m.seq, replayList: clicks.slice() };
    return;
  }
  if (same) {
    // Nothing for the widget to redraw: only go where the studio asked.
    if (show && show.hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
    if (show && show.clicks) {
      clicks = [];
      pending = { seq: m.seq, replayList: show.clicks.slice() };
      frame().then(() => onShown(true));
    } else tell(m.seq);
    return;
  }
  if (el.getAttribute('start') !== m.start) {
    clicks = show && show.clicks ? show.clicks.slice() : [];
    el.setAttribute('start', m.start);
  }
  if (el.getAttribute('lang') !== m.lang) el.setAttribute('lang', m.lang);
  pending = { seq: m.seq, replayList: clicks.slice() };
  loading = true;
  el.content = m.content;
  if (show && show.hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
});
