// Redaktør: the content studio. Opens a kommune's content files, edits them in
// CodeMirror, checks them with the widget's own checker (wasm), shows the real
// widget in a preview frame, and saves the files back. Nothing leaves the PC:
// no request but the page's own files, nothing written to storage.
import { EditorState, Compartment } from '@codemirror/state';
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  drawSelection, highlightSpecialChars,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import { bracketMatching, foldGutter, foldKeymap, syntaxHighlighting, defaultHighlightStyle, ensureSyntaxTree, indentOnInput } from '@codemirror/language';
import { lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint';
import { json } from '@codemirror/lang-json';
import schema from '../content/schema.json';
import newFile from './ny-fil.json';
import { decode, arrange, extendsOf, partsOf, baseName, SECTION_KEYS } from './files.js';
import { fieldsOf, typeAt } from './schema.js';
import { FIELDS } from './fields.js';
import { pathAt, nodeAt, setChange } from './jsonedit.js';
import { PHRASES } from './phrases.js';

const $ = (id) => document.getElementById(id);
const LANG_NAMES = { nb: 'Bokmål', nn: 'Nynorsk', en: 'English', ar: 'العربية', so: 'Soomaali', ti: 'ትግርኛ', uk: 'Українська', pl: 'Polski', se: 'Davvisámegiella' };
const GUIDE_KEYS = ['guide', 'glossary'];
const HANDBOOK_KEYS = SECTION_KEYS.filter((k) => !GUIDE_KEYS.includes(k));
const ITEM_TYPES = Object.keys(FIELDS).filter((t) => t !== 'Content');
const TEMPLATE = 'bti-mal.json';

/** Open files: the main file first. { name, state, saved, handle, diagnostics, template } */
let files = [];
let active = 0;
let core = null;
let report = null;
let checkTimer = 0;
let lastCheckMs = 0; // for the bench: check and report parse, last time
let formTimer = 0;
let previewSeq = 0;
let view = null;
let formPath = null;
let parsedCache = { doc: null, value: undefined };
const previewFrame = $('preview');
// The frame may have loaded before this module ran.
let previewLoaded = false;
const previewReady = new Promise((resolve) => {
  const doc = previewFrame.contentDocument;
  if (doc && doc.readyState === 'complete' && doc.URL !== 'about:blank') resolve();
  else previewFrame.addEventListener('load', resolve, { once: true });
}).then(() => {
  previewLoaded = true;
});
let previewShown = 0;
const timing = { lastInput: 0, problems: 0, preview: 0 };
// For the end-to-end test and scripts/bench-studio.mjs: read-only views of the state.
window.__studio = { timing, get report() { return report; }, get view() { return view; }, get seq() { return previewSeq; }, get shown() { return previewShown; } };

// ---------- editor ----------

const readOnly = new Compartment();
function extensions(lineBreak = '\n', fixed = false) {
  return [
    // Keeps a Windows file's CRLF line ends: the file is saved as it was written.
    EditorState.lineSeparator.of(lineBreak),
    EditorState.phrases.of(PHRASES),
    lineNumbers(), highlightActiveLineGutter(), foldGutter(), lintGutter(),
    highlightSpecialChars(), history(), drawSelection(), indentOnInput(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }), bracketMatching(),
    highlightActiveLine(), highlightSelectionMatches(), json(),
    keymap.of([...defaultKeymap, ...searchKeymap, ...historyKeymap, ...foldKeymap, ...lintKeymap]),
    // tabindex: axe counts the scroller's content as focusable only with it (contenteditable alone is not enough for it).
    EditorView.contentAttributes.of({ 'aria-label': 'JSON-innholdet i filen', spellcheck: 'false', tabindex: '0' }),
    readOnly.of(EditorState.readOnly.of(fixed)),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) {
        timing.lastInput = performance.now();
        scheduleCheck();
        updateSaveState();
        if (!u.transactions.some((t) => t.isUserEvent('input.form'))) scheduleForm(true);
      } else if (u.selectionSet) scheduleForm(false);
      if (u.docChanged || u.selectionSet) scheduleLix();
    }),
  ];
}

function mountEditor() {
  // Inside a shadow root CodeMirror styles itself with a constructed stylesheet,
  // which a page CSP of style-src 'self' allows; in the document it would add <style>.
  const host = $('editor-host');
  const shadow = host.attachShadow({ mode: 'open' });
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = 'redaktor-editor.css';
  shadow.appendChild(link);
  const parent = document.createElement('div');
  parent.className = 'st-cm';
  shadow.appendChild(parent);
  view = new EditorView({ parent, root: shadow, state: EditorState.create({ doc: '', extensions: extensions() }) });
}

// sliceDoc, not doc.toString(): it joins lines with the file's own line break.
const textOf = (i) => (i === active ? view.state : files[i].state).sliceDoc();
const dirty = (i) => !files[i].template && textOf(i) !== files[i].saved;

// ---------- opening ----------

function notice(lines, kind = 'info') {
  const box = $('notice');
  box.replaceChildren(...[].concat(lines).map((l) => Object.assign(document.createElement('p'), { textContent: l })));
  box.dataset.kind = kind;
  box.hidden = !lines.length;
}

async function openFiles(list) {
  // list: [{ file: File, handle?: FileSystemFileHandle }]
  if (files.some((_, i) => dirty(i)) && !confirm('Du har endringer som ikke er lagret. Vil du åpne andre filer likevel?')) return;
  const messages = [];
  const decoded = [];
  for (const { file, handle } of list) {
    if (file.size > 2 * 1024 * 1024) {
      messages.push(decode(file.name, { length: file.size }).error);
      continue;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const d = decode(file.name, bytes);
    if (d.error) messages.push(d.error);
    else {
      if (d.bom) messages.push(`«${file.name}» begynte med et usynlig BOM-tegn (byte order mark). Det er fjernet her, og filen lagres uten det, slik den bør være.`);
      decoded.push({ name: file.name, text: d.text, handle: handle || null, bom: d.bom });
    }
  }
  const { main, parts, messages: more } = arrange(decoded);
  messages.push(...more);
  if (!main) {
    notice(messages.length ? messages : ['Ingen filer ble åpnet.'], 'error');
    return;
  }
  load([main, ...parts]);
  notice(messages, messages.length ? 'warning' : 'info');
}

let filesGen = 0;
function load(list) {
  filesGen++;
  files = list.map((f) => ({
    name: f.name,
    handle: f.handle || null,
    saved: f.bom ? null : f.text,
    state: EditorState.create({ doc: f.text, extensions: extensions(f.text.includes('\r\n') ? '\r\n' : '\n', Boolean(f.template)) }),
    diagnostics: [],
    template: Boolean(f.template),
  }));
  active = 0;
  view.setState(files[0].state);
  document.body.dataset.open = 'true';
  renderTabs();
  updateSaveState();
  runCheck();
  renderForm(true);
}

function switchTo(i, focus = true) {
  if (i === active) return;
  files[active].state = view.state;
  active = i;
  view.setState(files[i].state);
  view.dispatch(setDiagnostics(view.state, files[i].diagnostics));
  renderTabs();
  renderForm(true);
  if (focus) view.focus();
}

const tabLabel = (i) => files[i].name + (files[i].template ? ' (malen, kan ikke endres)' : dirty(i) ? ' •' : '');

function renderTabs() {
  const tabs = $('tabs');
  tabs.replaceChildren(...files.map((f, i) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.setAttribute('role', 'tab');
    b.id = `tab-${i}`;
    b.setAttribute('aria-selected', String(i === active));
    b.setAttribute('aria-controls', 'editor-host');
    b.tabIndex = i === active ? 0 : -1;
    b.textContent = tabLabel(i);
    b.addEventListener('click', () => switchTo(i));
    b.addEventListener('keydown', (e) => {
      const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (!d) return;
      e.preventDefault();
      const n = (i + d + files.length) % files.length;
      switchTo(n, false);
      $(`tab-${n}`).focus();
    });
    return b;
  }));
  $('editor-host').setAttribute('aria-labelledby', `tab-${active}`);
}

// ---------- checking ----------

function scheduleCheck() {
  clearTimeout(checkTimer);
  // Soon after typing stops (a key held down repeats about every 30 ms): the check
  // runs in a worker, typing never waits for it, and runCheck runs one at a time.
  checkTimer = setTimeout(runCheck, 16);
}

// The checker runs in a worker (pkg/redaktor-worker.js) with the full wasm build.
const worker = new Worker(new URL('redaktor-worker.js', import.meta.url), { type: 'module' });
const base = new URL('./', import.meta.url).href;
let nextId = 0;
const waiting = new Map();
worker.onmessage = (e) => {
  const w = waiting.get(e.data.id);
  waiting.delete(e.data.id);
  if (!w) return;
  if (e.data.error) w.reject(new Error(e.data.error));
  else w.resolve(e.data);
};
worker.onerror = () => {
  for (const w of waiting.values()) w.reject(new Error('bti-studio.js eller bti-studio_bg.wasm kunne ikke lastes'));
  waiting.clear();
};
function ask(message) {
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, base, ...message });
  });
}
function loadCore() {
  return ask({});
}

/** Char column (1-based, Unicode scalar values) to an offset in `doc`. */
function offsetOf(doc, line, column) {
  if (!line) return 0;
  const l = doc.line(Math.min(Math.max(1, line), doc.lines));
  let off = 0;
  let n = 1;
  for (const ch of l.text) {
    if (n >= column) break;
    off += ch.length;
    n++;
  }
  return l.from + off;
}

let checking = false;
let checkAgain = false;
async function runCheck() {
  clearTimeout(checkTimer);
  if (!files.length) return;
  // One check at a time; edits made meanwhile get one more check after it.
  if (checking) {
    checkAgain = true;
    return;
  }
  checking = true;
  await ensureTemplate();
  const gen = filesGen;
  const t0 = performance.now();
  files[active].state = view.state;
  const names = files.map((f) => f.name);
  const texts = files.map((_, i) => textOf(i));
  let answer;
  try {
    answer = await ask({ names, texts });
  } catch (err) {
    notice([`Sjekkeren stoppet: ${err.message}`], 'error');
    return;
  } finally {
    checking = false;
  }
  // Edited, or other files opened, while the worker was busy: check again.
  if (checkAgain || gen !== filesGen) {
    checkAgain = false;
    runCheck();
    return;
  }
  timing.wasm = answer.ms;
  report = JSON.parse(answer.answer);
  lastCheckMs = performance.now() - t0;
  // The preview first: the frame's widget then works while the list below is built.
  sendPreview();
  for (const [i, f] of files.entries()) {
    const doc = i === active ? view.state.doc : f.state.doc;
    const tree = i === active ? ensureSyntaxTree(view.state, doc.length, 200) : null;
    f.diagnostics = report.problems.filter((p) => p.file === i).map((p) => {
      const from = offsetOf(doc, p.line, p.column);
      let to = Math.min(doc.lineAt(from).to, from + 1);
      const node = tree && tree.resolveInner(from, 1);
      if (node && node.from === from) to = Math.min(node.to, doc.lineAt(from).to);
      return { from, to: Math.max(to, from), severity: p.severity, message: p.message, source: p.path || undefined };
    });
  }
  view.dispatch(setDiagnostics(view.state, files[active].diagnostics));
  timing.diagnostics = performance.now() - t0 - lastCheckMs;
  renderProblems();
  renderPublish();
  timing.problems = performance.now();
  timing.check = timing.problems - t0;
  updateLanguages();
}

function renderProblems() {
  const order = { error: 0, warning: 1 };
  const list = report.problems
    .map((p, n) => ({ ...p, n }))
    .sort((a, b) => order[a.severity] - order[b.severity] || a.file - b.file || a.line - b.line || a.column - b.column);
  const fatal = report.problems.some((p) => p.fatal);
  const counts = `${report.errors} feil, ${report.warnings} ${report.warnings === 1 ? 'advarsel' : 'advarsler'}`;
  $('status').textContent = report.problems.length === 0
    ? 'Ingen feil eller advarsler.'
    : counts + (fatal ? '. Forhåndsvisningen venter til de alvorlige feilene er rettet.' : '.');
  $('status').dataset.kind = report.errors ? 'error' : report.warnings ? 'warning' : 'ok';
  const shown = list.slice(0, 500);
  $('problems').replaceChildren(...shown.map((p) => {
    const li = document.createElement('li');
    li.appendChild(problemButton(p));
    return li;
  }));
  if (list.length > shown.length) {
    const li = document.createElement('li');
    li.textContent = `… og ${list.length - shown.length} til. Rett de første, så kommer resten.`;
    $('problems').appendChild(li);
  }
}

function goTo(file, line, column) {
  switchTo(file, false);
  const pos = offsetOf(view.state.doc, line, column);
  view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
  view.focus();
}

// ---------- the national template ----------

// The template's files ship in pkg/mal/, next to this page: fetched once, same origin.
const templateCache = new Map();
function fetchTemplate(file) {
  if (!templateCache.has(file)) {
    const get = async (name) => {
      const r = await fetch(new URL(`mal/${name}`, base), { credentials: 'same-origin' });
      if (!r.ok) throw new Error(`${r.status}`);
      return { name: `mal/${name}`, text: await r.text(), template: true };
    };
    templateCache.set(file, get(file).then(async (index) => {
      const parts = await Promise.all(partsOf(index.text).map((p) => get(baseName(p.src))));
      return [index, ...parts];
    }).catch(() => null));
  }
  return templateCache.get(file);
}

/** An overlay's template, when she has not opened it herself: fetched and shown as read-only tabs. */
async function ensureTemplate() {
  const wanted = extendsOf(textOf(0));
  const file = wanted && baseName(wanted);
  const have = files.findIndex((f) => f.template);
  if (file && files.some((f) => !f.template && baseName(f.name) === file)) return;
  if (have >= 0 && (!file || baseName(files[have].name) !== file)) {
    // The overlay no longer extends this template: close its tabs.
    if (active >= have) switchTo(0, false);
    files = files.filter((f) => !f.template);
    renderTabs();
  }
  if (!file || files.some((f) => f.template)) return;
  const list = await fetchTemplate(file);
  if (!list || files.some((f) => f.template) || baseName(extendsOf(textOf(0)) || '') !== file) return;
  files.push(...list.map((f) => ({
    name: f.name, handle: null, saved: f.text, template: true, diagnostics: [],
    state: EditorState.create({ doc: f.text, extensions: extensions('\n', true) }),
  })));
  renderTabs();
}

// ---------- Klar til publisering? ----------

/** A problem as a button that puts the cursor at its place. */
function problemButton(p) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `st-problem st-problem--${p.severity}`;
  const sev = document.createElement('span');
  sev.className = 'st-problem__sev';
  sev.textContent = p.severity === 'error' ? 'Feil' : 'Advarsel';
  const where = `${files.length > 1 ? files[p.file].name + ': ' : ''}linje ${p.line}, kolonne ${p.column}`;
  b.append(sev, ` ${[where, p.path, p.message].filter(Boolean).join(' · ')}`);
  b.addEventListener('click', () => goTo(p.file, p.line, p.column));
  return b;
}

/** What stops publishing, grouped as bti-check --publish groups it, and what the template changed. */
function renderPublish() {
  const box = $('publish');
  const groups = [['Feil', report.problems.filter((p) => p.severity === 'error')]];
  report.gates.forEach((title, g) => groups.push([title, report.problems.filter((p) => p.gate === g)]));
  const left = groups.reduce((n, [, l]) => n + l.length, 0);
  const adapted = report.problems.filter((p) => p.template && p.severity === 'warning');
  const out = [];
  const status = para(left === 0
    ? 'Ja. Ingenting står i veien for publisering. Utvikleren publiserer med bti-check --publish.'
    : `Nei, ${left} ting står igjen. Klikk på en linje for å gå dit.`);
  status.id = 'publish-status';
  status.dataset.kind = left === 0 ? 'ok' : 'error';
  out.push(status);
  const section = (title, list, note) => {
    if (!list.length) return;
    const h = document.createElement('h3');
    h.textContent = `${title} (${list.length})`;
    out.push(h);
    if (note) out.push(para(note));
    const ol = document.createElement('ol');
    ol.className = 'st-problems st-problems--group';
    const shown = list.slice(0, 200);
    ol.append(...shown.map((p) => {
      const li = document.createElement('li');
      li.appendChild(problemButton(p));
      return li;
    }));
    if (list.length > shown.length) ol.appendChild(Object.assign(document.createElement('li'), { textContent: `… og ${list.length - shown.length} til.` }));
    out.push(ol);
  };
  for (const [title, list] of groups) section(title, list);
  section('Malen har endret seg', adapted, 'Dette stopper ikke publisering, men se over det: malen er endret etter at dere tilpasset disse.');
  box.replaceChildren(...out);
}

// ---------- readability (LIX) of the text under the cursor ----------

let lixTimer = 0;
let lixSeq = 0;
function scheduleLix() {
  clearTimeout(lixTimer);
  lixTimer = setTimeout(showLix, 150);
}

const decimal = (x) => String(x).replace('.', ',');

/** The text under the cursor: { text, section, lang } or a reason it has no LIX. */
function textAtCursor() {
  const state = view.state;
  const tree = ensureSyntaxTree(state, state.doc.length, 200);
  if (!tree) return null;
  const head = state.selection.main.head;
  let node = tree.resolveInner(head, -1);
  if (node.name !== 'String') node = tree.resolveInner(head, 1);
  // Keys are PropertyName nodes: only a value is a text.
  if (node.name !== 'String') return null;
  let text;
  try {
    text = JSON.parse(state.sliceDoc(node.from, node.to));
  } catch {
    return null;
  }
  const path = pathAt(tree, state.doc, node.from + 1);
  const last = path[path.length - 1];
  // A text with languages in it ({ "nb": …, "nn": … }), else the file's language.
  const keyed = typeof last === 'string' && last in LANG_NAMES;
  let lang = keyed ? last : null;
  if (!lang) {
    const part = partsOf(textOf(0)).find((p) => baseName(p.src) === baseName(files[active].name));
    lang = (part && part.lang) || 'nb';
  }
  // The field the text is the value of: the last key before a language key.
  const keys = path.filter((k) => typeof k === 'string');
  const field = keys[keys.length - (keyed ? 2 : 1)] || '';
  return { text, section: typeof path[0] === 'string' ? path[0] : '', field, lang };
}

async function showLix() {
  const out = $('lix');
  if (!files.length) return;
  const at = textAtCursor();
  const seq = ++lixSeq;
  out.dataset.kind = '';
  if (!at) {
    out.textContent = 'Lesbarhet (LIX): sett markøren i en tekst.';
    return;
  }
  if (at.lang !== 'nb' && at.lang !== 'nn') {
    out.textContent = 'Lesbarhet (LIX) regnes bare for bokmål og nynorsk.';
    return;
  }
  let r;
  try {
    r = JSON.parse((await ask({ lix: at })).answer);
  } catch {
    return;
  }
  if (seq !== lixSeq) return;
  if (r === null) {
    // An id, a date, a number or an address: no text to read.
    out.textContent = 'Lesbarhet (LIX): sett markøren i en tekst.';
    return;
  }
  const who = r.limit === 45 ? 'håndboken' : 'tekster til innbyggere';
  if (r.score === null) {
    out.textContent = `Lesbarhet (LIX): teksten har ${r.words} ord. LIX regnes fra ${r.min_words} ord.`;
    return;
  }
  const over = r.score > r.limit;
  out.textContent = `Lesbarhet (LIX) for teksten ved markøren: ${decimal(r.score)}${over ? ', over grensen' : ''}. Grensen for ${who} er ${r.limit}. ${r.words} ord, ${r.sentences} ${r.sentences === 1 ? 'setning' : 'setninger'}, ${r.long_words} lange ord (over 6 bokstaver).`;
  out.dataset.kind = over ? 'warning' : 'ok';
}

// ---------- preview ----------

function mode() {
  return document.querySelector('input[name="visning"]:checked').value;
}

function sendPreview(show = null) {
  if (!report || !report.preview) return;
  // Posted at once when the frame is there, so the widget redraws in the same
  // frame as the problem list rather than one frame after it.
  if (!previewLoaded) {
    previewReady.then(() => sendPreview(show));
    return;
  }
  const seq = ++previewSeq;
  // The widget in the preview checks what it is given once more: give it only
  // the sections this view shows, as it would fetch them from a split publication.
  const drop = mode() === 'guide' ? HANDBOOK_KEYS : GUIDE_KEYS;
  const content = Object.fromEntries(Object.entries(report.preview).filter(([k]) => !drop.includes(k)));
  previewFrame.contentWindow.postMessage({
    type: 'bti-studio-content', seq, content,
    start: mode(), lang: $('lang').value || 'nb', show,
  }, location.origin);
}

window.addEventListener('message', (e) => {
  if (e.origin !== location.origin || e.source !== previewFrame.contentWindow) return;
  if (e.data && e.data.type === 'bti-studio-shown') {
    previewShown = e.data.seq;
    timing.preview = performance.now();
  }
});

function updateLanguages() {
  if (!report || !report.preview) return;
  const langs = ['nb', ...((report.preview.meta && report.preview.meta.languages) || []).map((l) => l.lang).filter((l) => l !== 'nb')];
  const select = $('lang');
  const current = [...select.options].map((o) => o.value).join();
  if (current === langs.join()) return;
  const was = select.value;
  select.replaceChildren(...langs.map((l) => {
    const o = document.createElement('option');
    o.value = l;
    o.textContent = LANG_NAMES[l] || l;
    o.lang = l;
    return o;
  }));
  select.value = langs.includes(was) ? was : 'nb';
}

function applyMode() {
  document.body.dataset.mode = mode();
}

/** Where the preview should go for the item under the cursor. */
function target() {
  const doc = parsed();
  if (doc === undefined) return null;
  const path = pathAt(ensureSyntaxTree(view.state, view.state.doc.length, 200), view.state.doc, view.state.selection.main.head);
  const merged = report && report.preview;
  const at = (p) => p.reduce((v, k) => (v == null ? v : v[k]), doc);
  for (let n = path.length; n >= 0; n--) {
    const p = path.slice(0, n);
    const type = typeAt(schema, doc, p);
    const v = at(p);
    const id = v && v.id;
    const hashes = { Level: 'niva', Step: 'steg', Service: 'tjenester', Tool: 'verktoy', Law: 'lover', Role: 'roller' };
    if (type in hashes && id) return { start: 'handbook', hash: `${hashes[type]}/${encodeURIComponent(id)}` };
    if (type === 'Page' && id) return { start: 'handbook', hash: `${p[1] === 'etat' ? 'etat' : 'kommune'}/${encodeURIComponent(id)}` };
    if ((type === 'Question' || type === 'Result') && id) return guideTarget(merged, (node) => node.id === id);
    if (type === 'Contact' && id && merged) {
      if (mode() === 'guide' || !(merged.services || []).some((s) => (s.contacts || []).includes(id))) {
        const t = guideTarget(merged, (node) => (node.contacts || []).includes(id));
        if (t) return t;
      }
      const s = (merged.services || []).find((x) => (x.contacts || []).includes(id));
      if (s) return { start: 'handbook', hash: `tjenester/${encodeURIComponent(s.id)}` };
    }
  }
  return null;
}

/** The answers to click, from the first question to the first node that fits. */
function guideTarget(merged, fits) {
  const guide = merged && merged.guide;
  if (!guide) return null;
  const nodes = new Map((guide.nodes || []).map((n) => [n.id, n]));
  const seen = new Set([guide.start]);
  const queue = [[guide.start, []]];
  while (queue.length) {
    const [id, clicks] = queue.shift();
    const node = nodes.get(id);
    if (!node) continue;
    if (fits(node)) return { start: 'guide', clicks };
    // The checker leaves out answers that lead nowhere; so does the screen.
    (node.answers || []).filter((a) => nodes.has(a.next)).forEach((a, i) => {
      if (!seen.has(a.next)) {
        seen.add(a.next);
        queue.push([a.next, [...clicks, i]]);
      }
    });
  }
  return null;
}

function showInPreview() {
  const t = target();
  if (!t) {
    notice(['Flytt markøren til et spørsmål, et resultat, en kontakt, et steg, en tjeneste, et verktøy, en lov eller en rolle, og prøv igjen.'], 'info');
    return;
  }
  document.querySelector(`input[name="visning"][value="${t.start}"]`).checked = true;
  applyMode();
  sendPreview(t);
}

// ---------- form pane ----------

function parsed() {
  const doc = view.state.doc;
  if (parsedCache.doc !== doc) {
    let value;
    try {
      value = JSON.parse(doc.toString());
    } catch {
      value = undefined;
    }
    parsedCache = { doc, value };
  }
  return parsedCache.value;
}

let formStale = false; // the document changed since the form was filled
function scheduleForm(docChanged) {
  clearTimeout(formTimer);
  formStale = formStale || docChanged;
  formTimer = setTimeout(() => {
    const stale = formStale;
    formStale = false;
    renderForm(stale);
  }, formStale ? 300 : 120);
}

/** The innermost item with a form around the cursor: [path, type]. */
function itemAtCursor(doc) {
  const tree = ensureSyntaxTree(view.state, view.state.doc.length, 200);
  if (!tree) return null;
  const path = pathAt(tree, view.state.doc, view.state.selection.main.head);
  for (let n = path.length; n > 0; n--) {
    const p = path.slice(0, n);
    const type = typeAt(schema, doc, p);
    if (type && ITEM_TYPES.includes(type)) return [p, type];
  }
  return null;
}

function renderForm(docChanged) {
  const pane = $('form');
  if (!files.length) return;
  const doc = parsed();
  if (doc === undefined) {
    pane.replaceChildren(para('Skjemaet vises når filen er gyldig JSON. Rett feilen i listen over.'));
    formPath = null;
    return;
  }
  const found = itemAtCursor(doc);
  if (!found) {
    pane.replaceChildren(para('Sett markøren i en kontakt, et steg, en tjeneste, et verktøy, en lov, et spørsmål eller et resultat, så vises feltene her.'));
    formPath = null;
    return;
  }
  const [path, type] = found;
  const key = JSON.stringify(path);
  if (key === formPath && !docChanged) return;
  // Keep what she is typing in: only refill fields she is not in.
  if (key === formPath && pane.contains(document.activeElement)) {
    fillForm(pane, path, type, doc);
    return;
  }
  formPath = key;
  pane.replaceChildren(buildForm(path, type, doc));
}

const para = (text) => Object.assign(document.createElement('p'), { textContent: text, className: 'st-hint' });
const valueAt = (doc, path) => path.reduce((v, k) => (v == null ? v : v[k]), doc);
const textValue = (v) => (v == null ? '' : typeof v === 'string' ? v : typeof v === 'object' ? (v.nb ?? '') : String(v));

function fieldValue(f, v) {
  if (f.kind === 'text' || f.kind === 'rich') return textValue(v);
  if (f.kind === 'list') return Array.isArray(v) ? v.join(', ') : '';
  if (f.kind === 'bool') return Boolean(v);
  return v == null ? '' : String(v);
}

function buildForm(path, type, doc) {
  const item = valueAt(doc, path);
  const form = document.createElement('form');
  form.className = 'st-form';
  form.addEventListener('submit', (e) => e.preventDefault());
  const h = document.createElement('h3');
  h.textContent = `${FIELDS[type]._[0]}${item && item.id ? ` «${item.id}»` : ''}`;
  const where = para(path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, ''));
  where.className = 'st-form__path';
  form.append(h, where);
  for (const f of fieldsOf(schema, type)) {
    if (f.key === 'type') continue;
    const id = `f-${f.key}`;
    const wrap = document.createElement('div');
    wrap.className = `st-field st-field--${f.kind}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = f.label || f.key;
    if (f.required) {
      const r = document.createElement('span');
      r.className = 'st-field__req';
      r.textContent = ' (må fylles ut)';
      label.appendChild(r);
    }
    const helpParts = [f.help, f.limit ? `Høyst ${f.limit} tegn.` : '', f.values ? `Verdier: ${f.values.join(', ')}.` : '', `Felt: ${f.key}`].filter(Boolean);
    const help = para(helpParts.join(' '));
    help.id = `${id}-help`;
    help.className = 'st-field__help';
    let input;
    const v = item ? item[f.key] : undefined;
    if (f.kind === 'object' || f.kind === 'objects') {
      input = document.createElement('button');
      input.type = 'button';
      input.className = 'st-button st-button--small';
      input.textContent = v === undefined ? 'Finnes ikke ennå (skriv det i JSON)' : 'Gå til i JSON';
      input.disabled = v === undefined;
      input.addEventListener('click', () => goToPath([...path, f.key]));
    } else if (f.kind === 'bool') {
      input = document.createElement('input');
      input.type = 'checkbox';
    } else if (f.kind === 'enum') {
      input = document.createElement('select');
      const opts = f.required ? f.values : ['', ...f.values];
      input.replaceChildren(...opts.map((x) => Object.assign(document.createElement('option'), { value: x, textContent: x || '(ikke satt)' })));
    } else if (f.kind === 'rich') {
      input = document.createElement('textarea');
      input.rows = 5;
    } else {
      input = document.createElement('input');
      input.type = f.kind === 'number' ? 'number' : f.key === 'phone' ? 'tel' : f.key === 'email' ? 'email' : 'text';
      if (f.key === 'phone' || f.key === 'email') input.autocomplete = 'off';
    }
    input.id = id;
    input.dataset.key = f.key;
    input.setAttribute('aria-describedby', help.id);
    if (f.limit && input.tagName !== 'BUTTON') input.dataset.limit = f.limit;
    if (typeof v === 'object' && v && !Array.isArray(v) && (f.kind === 'text' || f.kind === 'rich')) {
      const langs = Object.keys(v).filter((l) => l !== 'nb');
      if (langs.length) help.textContent += ` Her redigeres bokmål; ${langs.join(', ')} står i JSON.`;
    }
    if (input.tagName !== 'BUTTON') {
      input.addEventListener('input', () => fromForm(path, f, input));
      if (f.kind === 'bool' || f.kind === 'enum') input.addEventListener('change', () => fromForm(path, f, input));
    }
    wrap.append(label, input, help);
    form.appendChild(wrap);
  }
  fillForm(form, path, type, doc, true);
  return form;
}

function fillForm(form, path, type, doc, all = false) {
  const item = valueAt(doc, path) || {};
  for (const f of fieldsOf(schema, type)) {
    const input = form.querySelector(`[data-key="${f.key}"]`);
    if (!input || input.tagName === 'BUTTON' || (!all && input === document.activeElement)) continue;
    const v = fieldValue(f, item[f.key]);
    if (f.kind === 'bool') input.checked = v;
    else if (input.value !== v) input.value = v;
  }
}

/** A form field changed: change that one value in the JSON. */
function fromForm(path, f, input) {
  const doc = parsed();
  if (doc === undefined) return;
  const item = valueAt(doc, path);
  if (!item) return;
  let target = [...path, f.key];
  let value;
  const raw = f.kind === 'bool' ? input.checked : input.value;
  if (f.kind === 'text' || f.kind === 'rich') {
    if (item[f.key] && typeof item[f.key] === 'object') target = [...target, 'nb'];
    value = raw;
  } else if (f.kind === 'list') {
    value = raw.split(',').map((s) => s.trim()).filter(Boolean);
  } else if (f.kind === 'number') {
    value = raw === '' ? undefined : Number(raw);
  } else value = raw;
  if (!f.required && (value === '' || (Array.isArray(value) && !value.length && item[f.key] === undefined))) value = undefined;
  if (f.kind === 'bool' && !f.required && value === false && item[f.key] === undefined) return;
  const tree = ensureSyntaxTree(view.state, view.state.doc.length, 500);
  const change = tree && setChange(tree, view.state.doc, target, value, view.state.lineBreak);
  if (!change) return;
  view.dispatch({ changes: change, userEvent: 'input.form' });
}

function goToPath(path) {
  const tree = ensureSyntaxTree(view.state, view.state.doc.length, 200);
  const node = tree && nodeAt(tree, view.state.doc, path);
  if (!node) return;
  view.dispatch({ selection: { anchor: node.from }, effects: EditorView.scrollIntoView(node.from, { y: 'center' }) });
  view.focus();
}

// ---------- saving ----------

function updateSaveState() {
  const any = files.some((_, i) => dirty(i));
  $('save').disabled = !files.length;
  $('save').setAttribute('aria-describedby', 'save-state');
  $('save-state').textContent = !files.length ? '' : any ? 'Endringer er ikke lagret.' : 'Alt er lagret.';
  const tab = $(`tab-${active}`);
  if (tab) tab.textContent = tabLabel(active);
}

async function save() {
  if (!files.length) return;
  files[active].state = view.state;
  const done = [];
  for (const [i, f] of files.entries()) {
    // Unchanged files stay as they are (a new file, or one opened with a BOM, counts as changed).
    if (f.template || (f.saved !== null && !dirty(i))) continue;
    const text = textOf(i);
    if (f.handle && f.handle.createWritable) {
      try {
        const w = await f.handle.createWritable();
        await w.write(text);
        await w.close();
        f.saved = text;
        done.push(`${f.name} er lagret.`);
        continue;
      } catch {
        // Not allowed (or the file moved): download instead.
      }
    }
    download(f.name, text);
    f.saved = text;
    done.push(`${f.name} er lastet ned. Legg den i stedet for den gamle filen.`);
  }
  notice(done.length ? done : ['Ingen endringer å lagre.'], 'info');
  renderTabs();
  updateSaveState();
}

function download(name, text) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function tidy() {
  const doc = parsed();
  if (doc === undefined) {
    notice(['Ryddig formatering går bare når filen er gyldig JSON. Rett feilen først.'], 'warning');
    return;
  }
  const nl = view.state.lineBreak;
  const text = JSON.stringify(doc, null, 2).replace(/\n/g, nl) + nl;
  if (text !== view.state.sliceDoc()) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, userEvent: 'input.format' });
  notice(['Filen er formatert ryddig. Angre med Ctrl+Z.'], 'info');
}

// ---------- wiring ----------

async function pickFiles() {
  if (window.showOpenFilePicker) {
    try {
      const handles = await window.showOpenFilePicker({ multiple: true, types: [{ description: 'Innholdsfiler (JSON)', accept: { 'application/json': ['.json'] } }] });
      await openFiles(await Promise.all(handles.map(async (handle) => ({ file: await handle.getFile(), handle }))));
    } catch (e) {
      if (e && e.name !== 'AbortError') $('file-input').click();
    }
  } else $('file-input').click();
}

/** "Ny fil": a kommune's overlay of the national template, with nothing of its own yet. */
async function newFromTemplate() {
  const list = await fetchTemplate(TEMPLATE);
  let version = null;
  try {
    version = list && JSON.parse(list[0].text).meta.version;
  } catch {
    version = null;
  }
  if (!version) {
    // No template next to the page: a small file with every section instead.
    load([{ name: 'innhold.json', text: JSON.stringify(newFile, null, 2) + '\n' }]);
    files[0].saved = null;
    updateSaveState();
    notice(['Malen ble ikke funnet i mappen «mal» ved siden av redaktor.html, så den nye filen er en liten fil med alle deler. Bytt ut alle «[FYLL INN …]» med kommunens egne opplysninger; listen over problemer viser hvor de står.'], 'warning');
    return;
  }
  const text = `{\n  "extends": "mal/${TEMPLATE}",\n  "template_version": ${JSON.stringify(version)}\n}\n`;
  load([{ name: 'innhold.json', text }]);
  files[0].saved = null;
  updateSaveState();
  notice([`Ny fil er laget fra den nasjonale malen (versjon ${version}). Filen din inneholder bare det kommunen endrer eller legger til; resten kommer fra malen, som vises i egne faner. «Klar til publisering?» viser hva kommunen må fylle inn.`], 'info');
}

function init() {
  $('starting').remove();
  mountEditor();
  $('open').addEventListener('click', pickFiles);
  $('file-input').addEventListener('change', (e) => {
    openFiles([...e.target.files].map((file) => ({ file })));
    e.target.value = '';
  });
  $('new').addEventListener('click', () => {
    if (files.some((_, i) => dirty(i)) && !confirm('Du har endringer som ikke er lagret. Vil du starte en ny fil likevel?')) return;
    newFromTemplate();
  });
  $('save').addEventListener('click', save);
  $('format').addEventListener('click', tidy);
  $('show').addEventListener('click', showInPreview);
  for (const r of document.querySelectorAll('input[name="visning"]')) r.addEventListener('change', () => { applyMode(); sendPreview(); });
  $('lang').addEventListener('change', () => sendPreview());
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 's') {
      e.preventDefault();
      save();
    }
  });
  document.addEventListener('dragover', (e) => {
    e.preventDefault();
    document.body.dataset.drop = 'true';
  });
  document.addEventListener('dragleave', (e) => {
    if (!e.relatedTarget) delete document.body.dataset.drop;
  });
  document.addEventListener('drop', async (e) => {
    e.preventDefault();
    delete document.body.dataset.drop;
    const items = [...(e.dataTransfer.items || [])].filter((it) => it.kind === 'file');
    const list = await Promise.all(items.map(async (it) => {
      const file = it.getAsFile();
      const handle = it.getAsFileSystemHandle ? await it.getAsFileSystemHandle().catch(() => null) : null;
      return { file, handle: handle && handle.kind === 'file' ? handle : null };
    }));
    if (list.length) openFiles(list);
  });
  window.addEventListener('beforeunload', (e) => {
    if (files.some((_, i) => dirty(i))) {
      e.preventDefault();
      e.returnValue = '';
    }
  });
  applyMode();
  loadCore().catch((err) => notice([`Sjekkeren kunne ikke starte: ${err.message}. Siden må åpnes fra en nettadresse (ikke som fil), og bti-studio.js og bti-studio_bg.wasm må ligge ved siden av redaktor.html.`], 'error'));
}

init();
