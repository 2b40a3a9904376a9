// The content studio with the national template (issues 12 and 13): "Ny fil"
// starts a kommune's overlay of the template shipped in pkg/mal/, the studio
// checks and previews the overlay merged with its template as bti-check does,
// "Klar til publisering?" lists what blocks publishing in bti-check --publish's
// groups (each entry goes to its place), stale template stamps are listed, and
// the LIX of the text under the cursor is shown. Nothing beyond the page's own
// files is asked for, nothing is stored, and axe finds nothing.

import test, { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useEnvironment, openPage, assertClean, runAxe, poll, expectVisible, ROOT } from './helpers.mjs';

const env = useEnvironment({ before, after });
const MAL = path.join(ROOT, 'content', 'mal');
const OVERLAY = path.join(ROOT, 'content', 'eksempel-kommune');
const VERSION = JSON.parse(fs.readFileSync(path.join(MAL, 'bti-mal.json'), 'utf8')).meta.version;
const START = `{\n  "extends": "mal/bti-mal.json",\n  "template_version": "${VERSION}"\n}\n`;

// The studio's own files, the widget's, and the template's: nothing else may be asked for.
// The widget's files may carry their content hash (scripts/hash-names.mjs).
const ALLOWED = /^\/pkg\/(redaktor(-editor|-forhandsvisning|-worker)?\.(html|js|css)|bti-(core|guide|studio)(_bg(\.[0-9a-f]{8})?\.wasm|(\.[0-9a-f]{8})?\.js)|bti-veileder(\.js|(\.[0-9a-f]{8})?\.css)|bti-handbook(\.[0-9a-f]{8})?\.css|i18n\/[a-z]+(\.[0-9a-f]{8})?\.json|mal\/bti-mal(\.[a-z]+)*\.json)$/;

function storageSpy() {
  window.__writes = [];
  for (const s of ['localStorage', 'sessionStorage']) {
    try {
      const proto = Object.getPrototypeOf(window[s]);
      const set = proto.setItem;
      proto.setItem = function (k, v) {
        window.__writes.push(`${s}.setItem(${k})`);
        return set.call(this, k, v);
      };
    } catch {}
  }
  const open = indexedDB.open.bind(indexedDB);
  indexedDB.open = (...a) => {
    window.__writes.push('indexedDB.open');
    return open(...a);
  };
}

async function studio({ bypassCSP = false } = {}) {
  // axe injects an inline script: only the test that runs it lifts the CSP.
  const s = await openPage(env.browser, { viewport: { width: 1400, height: 1000 }, bypassCSP });
  await s.context.addInitScript(storageSpy);
  await s.context.addInitScript(() => { delete window.showOpenFilePicker; });
  s.asked = [];
  s.context.on('request', (r) => s.asked.push(new URL(r.url())));
  await s.page.goto(env.url + 'pkg/redaktor.html');
  await poll(() => s.page.evaluate(() => !document.getElementById('starting')), 'the studio to start');
  return s;
}

function assertOwnFilesOnly(s) {
  const outside = s.asked.filter((u) => u.origin !== new URL(env.url).origin || !ALLOWED.test(u.pathname));
  assert.deepEqual(outside.map(String), [], 'only the page\'s own files are asked for');
}

const editorText = (page) => page.evaluate(() => window.__studio.view.state.sliceDoc());
const cursorLine = (page) => page.evaluate(() => {
  const s = window.__studio.view.state;
  return s.doc.lineAt(s.selection.main.head).number;
});
const activeTab = (page) => page.locator('[role="tab"][aria-selected="true"]').textContent();
const groups = (page) => page.locator('#publish h3').allTextContents();

async function previewHeading(page, name) {
  await expectVisible(page.frameLocator('#preview').getByRole('heading', { name }), `«${name}» in the preview`, 20_000);
}

/** bti-check --publish's groups for an overlay in `dir`, as "Tittel (N)". */
function publishGroups(file) {
  let out;
  try {
    out = execFileSync('cargo', ['run', '--quiet', '--bin', 'bti-check', '--', '--publish', '--out', path.join(path.dirname(file), 'ut'), file], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  } catch (e) {
    out = e.stdout; // exit 1: something blocks publishing
  }
  return [...out.matchAll(/^(.+) \((\d+)\):$/gm)].map((m) => `${m[1]} (${m[2]})`);
}

test('studio template: Ny fil is an overlay of the national template, checked and previewed merged, with what blocks publishing in bti-check --publish\'s groups', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bti-mal-'));
  fs.cpSync(MAL, path.join(dir, 'mal'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'innhold.json'), START);
  const expected = publishGroups(path.join(dir, 'innhold.json'));
  assert.ok(expected.some((g) => g.startsWith('Plassholdere (')), `bti-check lists placeholders: ${expected}`);

  const s = await studio({ bypassCSP: true });
  const { page } = s;
  try {
    await page.getByRole('button', { name: 'Ny fil' }).click();
    await poll(async () => (await editorText(page)) === START, 'the new file to be the bare overlay');
    await expectVisible(page.getByRole('tab', { name: 'mal/bti-mal.json (malen, kan ikke endres)' }), 'the template as a read-only tab');
    await previewHeading(page, 'Hvem er du bekymret for?');

    // "Klar til publisering?": the groups and counts bti-check --publish gives.
    await poll(async () => JSON.stringify(await groups(page)) === JSON.stringify(expected), `the publish list to show ${expected}`, { timeout: 15_000 });
    assert.match(await page.locator('#publish-status').textContent(), /^Nei, \d+ ting står igjen/);

    // An entry goes to its place: a placeholder in the template's files.
    const entry = page.locator('#publish h3', { hasText: /^Plassholdere/ }).locator('xpath=following-sibling::ol[1]').getByRole('button').first();
    const [, file, line] = /^Advarsel (\S+): linje (\d+),/.exec(await entry.textContent());
    await entry.click();
    assert.equal(await activeTab(page), `${file} (malen, kan ikke endres)`);
    assert.equal(await cursorLine(page), Number(line));
    // The template cannot be changed here.
    const before = await editorText(page);
    await page.keyboard.type('x');
    assert.equal(await editorText(page), before);

    // Her own kommune name replaces the template's placeholder in the merge.
    const count = async () => Number(/\((\d+)\)/.exec((await groups(page)).find((g) => g.startsWith('Plassholdere')))[1]);
    const placeholders = await count();
    await page.getByRole('tab', { name: 'innhold.json' }).click();
    await page.evaluate((v) => {
      const view = window.__studio.view;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: v } });
    }, START.replace('\n}', ',\n  "meta": { "kommune": "Testvik kommune" }\n}'));
    await poll(async () => (await count()) === placeholders - 1, 'one placeholder fewer');

    const { violations, summary } = await runAxe(page);
    assert.equal(violations.length, 0, `axe found ${violations.length} violation(s):\n${summary}`);
    assert.ok(s.asked.some((u) => u.pathname === '/pkg/mal/bti-mal.handbook.json'), 'the template came from pkg/mal/');
    assertOwnFilesOnly(s);
    assert.deepEqual(await page.evaluate(() => window.__writes), []);
    assertClean(s);
  } finally {
    page.on('dialog', (d) => d.accept());
    await s.context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('studio template: an opened overlay is merged with the template from pkg/mal/, and a stale stamp is listed under «Malen har endret seg»', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bti-overlay-'));
  const names = fs.readdirSync(OVERLAY).filter((f) => f.endsWith('.json'));
  for (const f of names) {
    let text = fs.readFileSync(path.join(OVERLAY, f), 'utf8');
    if (f === 'eksempel-kommune.handbook.json') {
      assert.match(text.split('\n')[6], /"based_on": "175b47b7",$/);
      text = text.replace('"based_on": "175b47b7"', '"based_on": "00000000"');
    }
    fs.writeFileSync(path.join(dir, f), text);
  }
  const s = await studio();
  const { page } = s;
  try {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Åpne filer' }).click();
    await (await chooser).setFiles(names.map((f) => path.join(dir, f)));
    await expectVisible(page.getByRole('tab', { name: 'mal/bti-mal.guide.json (malen, kan ikke endres)' }), 'the template fetched for the overlay');
    await poll(async () => (await groups(page)).includes('Malen har endret seg (1)'), 'the stale stamp to be listed', { timeout: 15_000 });
    const stale = page.locator('#publish').getByRole('button', { name: /Malen har endret side «om-bti» siden dere tilpasset den/ });
    assert.match(await stale.textContent(), /^Advarsel eksempel-kommune\.handbook\.json: linje 7, kolonne 21 · publication\.kommune\[om-bti\]\.based_on · /);
    // The same warning is in the problem list too.
    await expectVisible(page.locator('#problems').getByRole('button', { name: /Malen har endret side «om-bti»/ }), 'the warning among the problems');
    await stale.click();
    assert.equal(await activeTab(page), 'eksempel-kommune.handbook.json');
    assert.equal(await cursorLine(page), 7);
    // The example is example content: that blocks publishing, in its own group.
    assert.ok((await groups(page)).includes('Eksempelinnhold (1)'), String(await groups(page)));
    // Merged: the kommune's own guide result with the template's questions.
    await previewHeading(page, 'Hvem er du bekymret for?');
    assertOwnFilesOnly(s);
    assert.deepEqual(await page.evaluate(() => window.__writes), []);
    assertClean(s);
  } finally {
    await s.context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('studio: the LIX of the text under the cursor, with the limit of its section, for bokmål and nynorsk only', async () => {
  // 20 words, 1 sentence, 2 long words: 20 + 100·2/20 = 30 (the worked example of model::lix).
  const plain = 'Dette er en ganske vanlig setning med mange ord som ikke er veldig lange, og den fortsetter litt til her.';
  const hard = 'Barneverntjenesten vurderer bekymringsmeldingen grundig sammen med helsestasjonen, skolehelsetjenesten, familiekoordinatoren og pedagogisk-psykologisk tjeneste før kommunen iverksetter nødvendige hjelpetiltak for familien umiddelbart.';
  const doc = JSON.stringify({
    extends: 'mal/bti-mal.json',
    template_version: VERSION,
    guide: { nodes: [{ id: 'q-lix', text: plain }] },
    levels: [{ id: 'niva-1', purpose: { nb: hard, nn: plain, en: plain } }],
    contacts: [{ id: 'kort', note: 'Ring 112 nå.' }],
  }, null, 2);
  const s = await studio();
  const { page } = s;
  try {
    await page.getByRole('button', { name: 'Ny fil' }).click();
    await poll(async () => (await editorText(page)) === START, 'the new file');
    await page.evaluate((v) => {
      const view = window.__studio.view;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: v } });
    }, doc);
    const lix = page.locator('#lix');
    const at = async (needle, nth, want) => {
      await page.evaluate(([n, k]) => {
        const v = window.__studio.view;
        let i = -1;
        for (let j = 0; j <= k; j++) i = v.state.doc.toString().indexOf(n, i + 1);
        if (i < 0) throw new Error(`not in the editor: ${n}`);
        v.dispatch({ selection: { anchor: i + 3 } });
      }, [needle, nth]);
      await poll(async () => want.test(await lix.textContent()), `LIX ${want} at ${needle}`);
      return lix.textContent();
    };
    assert.equal(
      await at(plain.slice(0, 20), 0, /^Lesbarhet \(LIX\) for teksten ved markøren: 30\./),
      'Lesbarhet (LIX) for teksten ved markøren: 30. Grensen for tekster til innbyggere er 35. 20 ord, 1 setning, 2 lange ord (over 6 bokstaver).',
    );
    // A handbook text has the handbook's limit; this one is over it.
    assert.match(await at(hard.slice(0, 20), 0, /Grensen for håndboken er 45/), /: \d+(,\d)?, over grensen\. Grensen for håndboken er 45\./);
    // Nynorsk counts; English does not.
    await at(plain.slice(0, 20), 1, /: 30\. Grensen for håndboken er 45\./);
    await at(plain.slice(0, 20), 2, /^Lesbarhet \(LIX\) regnes bare for bokmål og nynorsk\.$/);
    // A key is no text (each check below changes what the line said before).
    await at('"extends"', 0, /^Lesbarhet \(LIX\): sett markøren i en tekst\.$/);
    await at('Ring 112', 0, /^Lesbarhet \(LIX\): teksten har 2 ord\. LIX regnes fra 20 ord\.$/);
    // Nor is an id.
    await at('"q-lix"', 0, /^Lesbarhet \(LIX\): sett markøren i en tekst\.$/);
    assertOwnFilesOnly(s);
  } finally {
    page.on('dialog', (d) => d.accept());
    await s.context.close();
  }
});

test('studio template: an overlay opened together with the template\'s own files keeps them, her parts first', async () => {
  const { arrange } = await import('../../studio/files.js');
  const read = (dir, f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') });
  const own = fs.readdirSync(OVERLAY).filter((f) => f.endsWith('.json')).map((f) => read(OVERLAY, f));
  const mal = fs.readdirSync(MAL).filter((f) => f.endsWith('.json')).map((f) => read(MAL, f));
  const { main, parts, messages } = arrange([...mal, ...own]);
  assert.deepEqual(messages, []);
  assert.equal(main.name, 'eksempel-kommune.json');
  const names = parts.map((p) => p.name);
  assert.equal(names.length, own.length - 1 + mal.length);
  const at = names.indexOf('bti-mal.json');
  assert.ok(names.slice(0, at).every((n) => n.startsWith('eksempel-kommune.')), names.join());
  assert.ok(names.slice(at).every((n) => n.startsWith('bti-mal.')), names.join());
  // Without the overlay, the template's index is a main file like any other.
  assert.equal(arrange(mal).main.name, 'bti-mal.json');
});
