// The content studio (pkg/redaktor.html) as a kommune's editor uses it: open the
// example with a syntax error, find and fix it from the problem list, change a
// contact's phone in the form pane and see it in the preview, save (download and
// in place), with the keyboard only where it matters. Nothing may leave the page's
// own files, nothing may be written to storage, and the page's CSP must hold.

import test, { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useEnvironment, openPage, assertClean, runAxe, poll, expectVisible, screenshot, ROOT } from './helpers.mjs';

const env = useEnvironment({ before, after });
const CONTENT = path.join(ROOT, 'content');
const PARTS = fs.readdirSync(CONTENT).filter((f) => /^eksempel-kommune\..+\.json$/.test(f));
const INDEX = fs.readFileSync(path.join(CONTENT, 'eksempel-kommune.json'), 'utf8');

// The studio's own files and the widget's: nothing else may be asked for.
// The widget's files may carry their content hash (scripts/hash-names.mjs).
const ALLOWED = /^\/pkg\/(redaktor(-editor|-forhandsvisning|-worker)?\.(html|js|css)|bti-(core|guide|studio)(_bg(\.[0-9a-f]{8})?\.wasm|(\.[0-9a-f]{8})?\.js)|bti-veileder(\.js|(\.[0-9a-f]{8})?\.css)|bti-handbook(\.[0-9a-f]{8})?\.css|i18n\/[a-z]+(\.[0-9a-f]{8})?\.json|mal\/bti-mal(\.[a-z]+)*\.json)$/;

/** Counts every write to storage, in the page and in the preview frame. */
function storageSpy() {
  window.__writes = [];
  const note = (what) => window.__writes.push(what);
  for (const s of ['localStorage', 'sessionStorage']) {
    try {
      const proto = Object.getPrototypeOf(window[s]);
      const set = proto.setItem;
      proto.setItem = function (k, v) {
        note(`${s}.setItem(${k})`);
        return set.call(this, k, v);
      };
    } catch {}
  }
  const open = indexedDB.open.bind(indexedDB);
  indexedDB.open = (...a) => {
    note('indexedDB.open');
    return open(...a);
  };
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(document, 'cookie', { get: () => cookie.get.call(document), set: (v) => { note('cookie'); cookie.set.call(document, v); } });
  if (window.caches) {
    const copen = caches.open.bind(caches);
    caches.open = (...a) => {
      note('caches.open');
      return copen(...a);
    };
  }
}

async function studio({ picker = 'none', bypassCSP = false } = {}) {
  const s = await openPage(env.browser, { viewport: { width: 1400, height: 1000 }, bypassCSP });
  await s.context.addInitScript(storageSpy);
  if (picker === 'none') await s.context.addInitScript(() => { delete window.showOpenFilePicker; });
  await s.page.goto(env.url + 'pkg/redaktor.html');
  await expectVisible(s.page.getByRole('button', { name: 'Åpne filer' }), 'the Åpne filer button');
  // The note for a page opened from file:// goes once the script runs.
  await poll(() => s.page.evaluate(() => !document.getElementById('starting')), 'the start note to go');
  return s;
}

async function chooseFiles(page, files) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Åpne filer' }).click();
  await (await chooser).setFiles(files);
}

const editorText = (page) => page.evaluate(() => window.__studio.view.state.sliceDoc());
const cursorLine = (page) => page.evaluate(() => {
  const s = window.__studio.view.state;
  return s.doc.lineAt(s.selection.main.head).number;
});
const previewFrame = (page) => page.frameLocator('#preview');
async function previewDone(page) {
  // The first preview starts the widget's wasm in the frame: on a busy CI machine
  // that alone can take seconds, so this waits longer than poll's default.
  let state = 'nothing sent';
  try {
    await poll(() => page.evaluate(() => {
      const { seq, shown } = window.__studio;
      return seq > 0 && shown === seq ? true : `sent ${seq}, shown ${shown}`;
    }).then((v) => v === true || ((state = v), false)), 'the preview to show the latest content', { timeout: 30_000 });
  } catch (err) {
    err.message += ` (${state})`;
    throw err;
  }
}
async function placeCursor(page, needle) {
  await page.evaluate((n) => {
    const v = window.__studio.view;
    const at = v.state.doc.toString().indexOf(n);
    if (at < 0) throw new Error(`not in the editor: ${n}`);
    v.dispatch({ selection: { anchor: at + 1 } });
    v.focus();
  }, needle);
}

test('studio: fix a syntax error from the problem list, change a phone in the form, see it in the preview, download the same bytes', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bti-studio-'));
  // Line 2 of the index gets a second comma: a syntax error on a known line.
  assert.match(INDEX.split('\n')[1], /"format": 1,$/);
  const broken = INDEX.replace('"format": 1,', '"format": 1,,');
  fs.writeFileSync(path.join(dir, 'eksempel-kommune.json'), broken);
  const s = await studio();
  const { page } = s;
  try {
    await chooseFiles(page, [path.join(dir, 'eksempel-kommune.json'), ...PARTS.map((f) => path.join(CONTENT, f))]);
    await expectVisible(page.getByRole('tab', { name: 'eksempel-kommune.guide.json' }), 'a tab per part');
    await poll(async () => /1 feil/.test(await page.locator('#status').textContent()), 'the status to count the syntax error');
    const first = page.locator('#problems button').first();
    assert.match(await first.textContent(), /^Feil eksempel-kommune\.json: linje 2, kolonne 15 · Filen er ikke gyldig JSON/);
    assert.match(await page.locator('#status').textContent(), /Forhåndsvisningen venter/);

    // Keyboard: Tab reaches the problem, Enter puts the cursor on line 2 in the editor.
    await page.locator('#problems-title').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'st-problem st-problem--error');
    await page.keyboard.press('Enter');
    assert.equal(await cursorLine(page), 2);
    assert.ok(await page.evaluate(() => window.__studio.view.hasFocus), 'the editor has the keyboard');
    await page.keyboard.press('Delete');
    assert.equal(await editorText(page), INDEX);

    // Tab leaves the editor (no keyboard trap); Shift+Tab comes back to it.
    await page.keyboard.press('Tab');
    assert.notEqual(await page.evaluate(() => document.activeElement.id), 'editor-host', 'Tab moved out of the editor');
    await page.keyboard.press('Shift+Tab');
    assert.ok(await page.evaluate(() => window.__studio.view.hasFocus), 'Shift+Tab is back in the editor');

    // Fixed: the preview shows the guide (the first question).
    await previewDone(page);
    await expectVisible(previewFrame(page).getByRole('heading', { name: 'Hvem er du bekymret for?' }), 'the guide in the preview');
    assert.match(await page.locator('#status').textContent(), /^0 feil/);
    // The language switch shows the overlays' texts, merged as the widget merges them.
    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    await expectVisible(previewFrame(page).getByRole('heading', { name: 'Who are you worried about?' }), 'the English guide in the preview');
    await page.getByLabel('Språk', { exact: true }).selectOption('nb');
    await expectVisible(previewFrame(page).getByRole('heading', { name: 'Hvem er du bekymret for?' }), 'bokmål again');
    // F8 goes to the next problem: the first warning, on line 25.
    await page.evaluate(() => window.__studio.view.dispatch({ selection: { anchor: 0 } }));
    await page.keyboard.press('F8');
    await poll(async () => (await cursorLine(page)) === 25, 'F8 to move the cursor to the warning on line 25');

    // A contact in the form pane: the JSON changes in that one place only.
    await placeCursor(page, '"id": "barnevern"');
    await expectVisible(page.getByRole('heading', { name: 'Kontakt «barnevern»' }), 'the contact in the form pane');
    const phone = page.getByLabel('Telefon', { exact: true });
    assert.equal(await phone.inputValue(), '29 99 99 10');
    await phone.fill('29 99 99 77');
    const expected = INDEX.replace('"phone": "29 99 99 10"', '"phone": "29 99 99 77"');
    await poll(async () => (await editorText(page)) === expected, 'the JSON to hold the new number');
    // And the other way: typing in the JSON updates the form.
    await placeCursor(page, '29 99 99 77"');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('8');
    await poll(async () => (await phone.inputValue()) === '29 99 99 778', 'the form to show the number typed in the JSON');
    await page.keyboard.press('Backspace');
    await poll(async () => (await editorText(page)) === expected, 'the JSON back to the form\'s number');
    // Moving the cursor at once must not leave the form behind.
    await placeCursor(page, '"id": "barnevern"');
    await poll(async () => (await phone.inputValue()) === '29 99 99 77', 'the form to follow the Backspace in the JSON');

    // "Vis i forhåndsvisning" on the contact opens a result screen that lists it.
    await placeCursor(page, '"id": "barnevern"');
    await page.getByRole('button', { name: 'Vis i forhåndsvisning' }).click();
    await previewDone(page);
    await screenshot(page, 'studio-show-contact');
    await expectVisible(previewFrame(page).getByText('29 99 99 77'), 'the new number on a result screen');
    await expectVisible(previewFrame(page).locator('.bti-result__title'), 'a result screen');
    await screenshot(page, 'studio-result');

    // Another edit keeps the preview on that result screen.
    const title = await previewFrame(page).locator('.bti-result__title').textContent();
    await placeCursor(page, '"id": "barnevern"');
    await page.getByLabel('Åpningstid', { exact: true }).fill('Hverdager 08–16');
    await poll(async () => (await editorText(page)).includes('"Hverdager 08–16"'), 'the new opening hours in the JSON');
    await previewDone(page);
    assert.equal(await previewFrame(page).locator('.bti-result__title').textContent(), title, 'the preview kept its screen');
    await placeCursor(page, '"id": "barnevern"');
    await page.keyboard.press('Control+z');
    await poll(async () => (await editorText(page)) === expected, 'undo to bring the old hours back');

    // Save: no File System Access here, so a download with exactly the edited bytes.
    assert.match(await page.locator('#save-state').textContent(), /ikke lagret/);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Lagre' }).click();
    const file = await download;
    assert.equal(file.suggestedFilename(), 'eksempel-kommune.json');
    const saved = path.join(dir, 'saved.json');
    await file.saveAs(saved);
    assert.ok(fs.readFileSync(saved).equals(Buffer.from(expected, 'utf8')), 'the downloaded bytes are the edited text, unformatted');
    assert.match(await page.locator('#save-state').textContent(), /Alt er lagret/);

    // Nothing beyond the page's own files; nothing in storage; the CSP held.
    const asked = s.requests.filter((u) => !/^(blob|data):/.test(u)).map((u) => new URL(u));
    const outside = asked.filter((u) => u.origin !== new URL(env.url).origin || !ALLOWED.test(u.pathname));
    assert.deepEqual(outside.map(String), [], 'only the studio and widget files are requested');
    for (const frame of page.frames()) {
      assert.deepEqual(await frame.evaluate(() => window.__writes), [], `no storage writes in ${frame.url()}`);
      assert.deepEqual(await frame.evaluate(() => window.__bti.csp), [], `no CSP violations in ${frame.url()}`);
    }
    // CodeMirror's own styles apply under style-src 'self' (no <style> element needed).
    assert.equal(await page.locator('#editor-host .cm-gutters').evaluate((e) => getComputedStyle(e).display), 'flex');
    assertClean(s);
  } finally {
    await s.context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('studio: bad files get a Norwegian message saying what they are and what to do', async () => {
  const s = await studio();
  const { page } = s;
  page.on('dialog', (d) => (d.type() === 'confirm' ? d.accept() : undefined));
  const notice = page.locator('#notice');
  const cases = [
    [{ name: 'notater.json', mimeType: 'application/json', buffer: Buffer.from('Dette er ikke JSON') }, /«notater\.json» er ikke en innholdsfil/],
    [{ name: 'ansi.json', mimeType: 'application/json', buffer: Buffer.from([0x7b, 0x22, 0x6d, 0x65, 0x74, 0x61, 0x22, 0x3a, 0x22, 0xf8, 0x22, 0x7d]) }, /ikke lagret som UTF-8.*Koding: UTF-8/],
    [{ name: 'eksempel-kommune.guide.en.json', mimeType: 'application/json', buffer: fs.readFileSync(path.join(CONTENT, 'eksempel-kommune.guide.en.json')) }, /er en delfil.*åpne indeksfilen/],
    [{ name: 'tilfeldig.json', mimeType: 'application/json', buffer: Buffer.from('{"navn": "Kari", "alder": 40}') }, /«tilfeldig\.json» er ikke en innholdsfil for BTI-veilederen/],
    [{ name: 'rapport.docx', mimeType: 'application/octet-stream', buffer: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64)]) }, /ikke en tekstfil/],
    [{ name: 'stor.json', mimeType: 'application/json', buffer: Buffer.alloc(2 * 1024 * 1024 + 1, 0x20) }, /«stor\.json» er 2,0 MB og blir ikke åpnet/],
  ];
  try {
    for (const [file, message] of cases) {
      await chooseFiles(page, [file]);
      await poll(async () => message.test(await notice.textContent()), `the message for ${file.name} (${message})`);
    }
    assert.equal(await page.evaluate(() => document.body.dataset.open), 'false', 'none of them was opened');
    // Drag and drop opens files too.
    const dropped = fs.readFileSync(path.join(ROOT, 'studio', 'ny-fil.json'), 'utf8');
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'sluppet.json', { type: 'application/json' }));
      document.querySelector('#editor-host').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, dropped);
    await expectVisible(page.getByRole('tab', { name: 'sluppet.json' }), 'the dropped file open in a tab');
    assert.equal(await editorText(page), dropped);
    // A BOM is no reason to refuse: the file opens, and she is told it goes.
    await chooseFiles(page, [{ name: 'bom.json', mimeType: 'application/json', buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fs.readFileSync(path.join(ROOT, 'studio', 'ny-fil.json'))]) }]);
    await poll(async () => /BOM-tegn/.test(await notice.textContent()), 'the BOM notice');
    assert.ok(!(await editorText(page)).startsWith('\ufeff'));

    // A file written on Windows keeps its CRLF line ends when a field changes.
    const crlf = dropped.replace(/\n/g, '\r\n');
    await chooseFiles(page, [{ name: 'windows.json', mimeType: 'application/json', buffer: Buffer.from(crlf) }]);
    await placeCursor(page, '"id": "helsestasjon"');
    await page.getByLabel('Telefon', { exact: true }).fill('29 99 99 20');
    const want = crlf.replace('"[FYLL INN: telefonnummer]",\r\n      "editor_note": "Fyll inn kommunens eget nummer."', '"29 99 99 20",\r\n      "editor_note": "Fyll inn kommunens eget nummer."');
    assert.notEqual(want, crlf);
    await poll(async () => (await editorText(page)) === want, 'the JSON with the new number and CRLF kept');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Lagre' }).click();
    const saved = await (await download).path();
    assert.ok(fs.readFileSync(saved).equals(Buffer.from(want)), 'saved with CRLF, byte for byte');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

test('studio: Ny fil, save in place through the File System Access API, tidy format on request, axe finds nothing', async () => {
  const s = await studio({ picker: 'stub', bypassCSP: true });
  const { page } = s;
  // "Open other files without saving the new one?": yes.
  page.on('dialog', (d) => (d.type() === 'confirm' ? d.accept() : undefined));
  try {
    // A picker that hands over one file and records what is written back.
    await page.evaluate(() => {
      window.__written = [];
      window.showOpenFilePicker = async () => [{
        kind: 'file',
        name: 'innhold.json',
        getFile: async () => new File([window.__startText], 'innhold.json', { type: 'application/json' }),
        createWritable: async () => {
          const chunks = [];
          return { write: async (t) => chunks.push(t), close: async () => window.__written.push(chunks.join('')) };
        },
      }];
    });
    // Ny fil: an overlay of the national template (tests/e2e/studio-template.test.mjs has the rest).
    await page.getByRole('button', { name: 'Ny fil' }).click();
    await poll(async () => /advarsler/.test(await page.locator('#status').textContent()), 'the new file to be checked');
    assert.ok(await page.locator('#problems button', { hasText: 'Plassholder' }).count() > 20, 'the placeholders are flagged');
    await previewDone(page);
    await expectVisible(previewFrame(page).getByRole('heading', { name: 'Hvem er du bekymret for?' }), 'the new file in the preview');
    // "Vis i forhåndsvisning" on a step (here in the template's tab) switches to the handbook and opens that step.
    await page.getByRole('tab', { name: /^mal\/bti-mal\.handbook\.json/ }).click();
    await placeCursor(page, '"id": "n0-undring"');
    await page.getByRole('button', { name: 'Vis i forhåndsvisning' }).click();
    await previewDone(page);
    assert.ok(await page.getByRole('radio', { name: 'Ansatt, håndbok' }).isChecked());
    await expectVisible(previewFrame(page).getByRole('heading', { name: 'Undring' }), 'the step in the handbook preview');
    const { violations, summary } = await runAxe(page);
    assert.equal(violations.length, 0, `axe found ${violations.length} violation(s):\n${summary}`);

    // Open through the picker, edit in the form, save in place (Ctrl+S).
    // The small file with every section (the start when no template is next to the page).
    const text = JSON.stringify(JSON.parse(fs.readFileSync(path.join(ROOT, 'studio', 'ny-fil.json'), 'utf8')), null, 2) + '\n';
    await page.evaluate((t) => { window.__startText = t; }, text);
    await page.getByRole('button', { name: 'Åpne filer' }).click();
    await poll(async () => (await page.locator('#save-state').textContent()) === 'Alt er lagret.', 'the picked file to open');
    await placeCursor(page, '"id": "helsestasjon"');
    await page.getByLabel('Telefon', { exact: true }).fill('29 99 99 20');
    const expected = text.replace('"phone": "[FYLL INN: telefonnummer]",\n      "editor_note": "Fyll inn kommunens eget nummer."', '"phone": "29 99 99 20",\n      "editor_note": "Fyll inn kommunens eget nummer."');
    assert.notEqual(expected, text);
    await poll(async () => (await editorText(page)) === expected, 'the JSON to hold the new number');
    await page.keyboard.press('Control+s');
    await poll(() => page.evaluate(() => window.__written.length === 1), 'the file to be written in place');
    assert.equal(await page.evaluate(() => window.__written[0]), expected);

    // Tidy format only on request; undo brings her own layout back.
    await page.evaluate(() => {
      const v = window.__studio.view;
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: '{"format":1,\n"meta":{"kommune":"X","version":"1","updated":"2026-11-30","editor":"Y"}}' } });
    });
    await page.getByRole('button', { name: 'Ryddig formatering' }).click();
    const tidy = await editorText(page);
    assert.equal(tidy, JSON.stringify({ format: 1, meta: { kommune: 'X', version: '1', updated: '2026-11-30', editor: 'Y' } }, null, 2) + '\n');
    assertClean(s);

    // Unsaved changes: leaving the page asks first.
    const asked = new Promise((resolve) => page.once('dialog', (d) => {
      resolve(d.type());
      d.accept();
    }));
    await page.close({ runBeforeUnload: true });
    const none = new Promise((resolve) => setTimeout(() => resolve('no dialog'), 5000));
    assert.equal(await Promise.race([asked, none]), 'beforeunload');
  } finally {
    await s.context.close();
  }
});
