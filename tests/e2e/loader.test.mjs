// The loader wherever a kommune's site puts it: as a module, async with a version
// query, added later by a tag manager, concatenated into a CMS bundle with
// data-base. Its waiting box while the wasm loads, and what it says when one of
// its files does not come (the URL and the HTTP status, not "your browser").

import test, { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, useEnvironment, openPage, assertClean, waitForWidgetEvent, widgetEvents, expectVisible, expectHidden, poll, pkgFile, holdBack } from './helpers.mjs';

const env = useEnvironment({ before, after });

const FIRST_QUESTION = 'Bekymret for noen?';

/** Opens `page`, waits for bti-ready from every id, and checks where the files came from. */
async function expectStarts(s, page, ids) {
  await s.page.goto(env.url + page);
  for (const id of ids) {
    await waitForWidgetEvent(s.page, 'bti-ready', id);
    await expectVisible(s.page.locator('#' + id).getByRole('heading', { name: FIRST_QUESTION }), `#${id} on ${page} showing the guide`);
  }
  const ours = s.requests.map((u) => new URL(u).pathname).filter((p) => /\/bti-(guide|core|veileder)[^/]*\.(js|wasm|css)$/.test(p));
  assert.ok(ours.includes('/pkg/' + pkgFile('bti-guide_bg.wasm')), `the wasm comes from /pkg/: ${ours}`);
  assert.deepEqual(ours.filter((p) => !p.startsWith('/pkg/')), [], 'no file of ours is asked for outside /pkg/');
  assertClean(s);
}

test('as <script type="module"> (no document.currentScript) the element and the div form start', async () => {
  const s = await openPage(env.browser);
  try {
    await expectStarts(s, 'tests/loader-module.html', ['w', 'd']);
  } finally {
    await s.context.close();
  }
});

test('as <script async> with a version query (?ver=, as WordPress adds) the widget starts', async () => {
  const s = await openPage(env.browser);
  try {
    await expectStarts(s, 'tests/loader-async.html', ['w']);
  } finally {
    await s.context.close();
  }
});

test('added by a tag manager after the page has loaded, the loader mounts the element and the div already there', async () => {
  const s = await openPage(env.browser);
  try {
    await expectStarts(s, 'tests/loader-tag-manager.html', ['w', 'd']);
  } finally {
    await s.context.close();
  }
});

test('concatenated into a CMS bundle with another name, data-base finds the files; without it the box says what to add', async () => {
  const s = await openPage(env.browser);
  try {
    const loader = fs.readFileSync(path.join(ROOT, 'pkg', 'bti-veileder.js'), 'utf8');
    await s.page.route('**/tests/assets/site-bundle.js', (route) =>
      route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: `window.siteMenu = { open: false };\n${loader}\nwindow.siteReady = true;\n` }),
    );
    await expectStarts(s, 'tests/loader-bundle.html', ['w', 'd']);
    assert.equal(await s.page.evaluate(() => window.siteReady), true, 'the rest of the bundle still runs');

    await s.page.evaluate(() => {
      const el = document.createElement('bti-veileder');
      el.id = 'nobase';
      el.setAttribute('src', '../content/eksempel-kommune.json');
      document.body.appendChild(el);
    });
    await waitForWidgetEvent(s.page, 'bti-error', 'nobase');
    const error = (await widgetEvents(s.page)).find((e) => e.type === 'bti-error' && e.id === 'nobase');
    assert.equal(error.message, 'Kunne ikke starte: Fant ikke adressen til bti-veileder.js. Gi elementet data-base="/sti/til/pkg/".');
    const box = s.page.locator('#nobase').getByRole('alert');
    await expectVisible(box.getByText('Gi elementet data-base="/sti/til/pkg/".', { exact: false }), 'the reason saying what to add');
    assert.equal(await box.getByRole('link', { name: '112', exact: true }).getAttribute('href'), 'tel:112');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

// The markup the widget's compact block has too (see issue 15), whitespace between tags removed.
const WAITING_BOX = `
<section class="bti-root bti-fallback" lang="nb" aria-label="Er noen i fare nå?">
  <div class="bti-emergency bti-emergency--compact">
    <p class="bti-emergency__line"><strong>Er noen i fare nå?</strong> Ring <span class="bti-emergency__tels"><a class="bti-emergency__tel" href="tel:112">112</a> · <a class="bti-emergency__tel" href="tel:113">113</a> · <a class="bti-emergency__tel" href="tel:110">110</a></span></p>
    <p class="bti-emergency__line">Bekymret for et barn? <a class="bti-emergency__tel" href="tel:116111">116 111</a></p>
    <details class="bti-emergency__more"><summary>Flere numre</summary><div>
      <ul class="bti-emergency__list">
        <li class="bti-emergency__item"><a class="bti-emergency__number" href="tel:112">112</a> <span class="bti-emergency__what">politi</span></li>
        <li class="bti-emergency__item"><a class="bti-emergency__number" href="tel:113">113</a> <span class="bti-emergency__what">ambulanse</span></li>
        <li class="bti-emergency__item"><a class="bti-emergency__number" href="tel:110">110</a> <span class="bti-emergency__what">brann</span></li>
      </ul>
      <p class="bti-emergency__child">Bekymret for et barn eller en ungdom? <a class="bti-emergency__number bti-emergency__number--inline" href="tel:116111">116 111</a> – Alarmtelefonen for barn og unge, åpen hele døgnet, gratis.</p>
    </div></details>
  </div>
</section>`.replace(/>\s*\n\s*</g, '><').trim();

/** The height of the compact emergency block in #w's shadow root. */
function compactHeight(page) {
  return page.evaluate(() => document.querySelector('#w').shadowRoot.querySelector('.bti-emergency--compact').getBoundingClientRect().height);
}

/** Opens tests/plain.html with the guide's wasm held back until `release()`. */
async function openHeldBack(viewport) {
  const s = await openPage(env.browser, { viewport });
  const release = await holdBack(s.page, '**/pkg/' + pkgFile('bti-guide_bg.wasm'));
  await s.page.goto(env.url + 'tests/plain.html');
  return { ...s, release, widget: s.page.locator('#w') };
}

for (const width of [360, 320]) {
  test(`while the wasm loads (${width} px), the loader shows the compact national block the widget shows, as tall; the widget replaces it`, async () => {
    const s = await openHeldBack({ width, height: 740 });
    try {
      const { page, widget } = s;
      const region = widget.getByRole('region', { name: 'Er noen i fare nå?' });
      await expectVisible(region, 'the waiting box');
      const html = await page.evaluate(() => document.querySelector('#w').shadowRoot.querySelector('.bti-fallback').outerHTML);
      assert.equal(html, WAITING_BOX);
      for (const n of ['112', '113', '110', '116 111']) await expectVisible(region.getByRole('link', { name: n, exact: true }), `the number ${n}`);
      const waiting = await compactHeight(page);
      s.release();
      await waitForWidgetEvent(page, 'bti-ready', 'w');
      await expectVisible(widget.getByRole('heading', { name: FIRST_QUESTION }), 'the guide once the wasm came');
      assert.equal(await page.evaluate(() => document.querySelector('#w').shadowRoot.querySelectorAll('.bti-fallback, slot').length), 0, 'the waiting box is gone');
      const widgetBlock = await compactHeight(page);
      assert.ok(Math.abs(widgetBlock - waiting) <= 1, `the widget's compact block (${widgetBlock} px) is as tall as the loader's (${waiting} px)`);
      assertClean(s);
    } finally {
      await s.context.close();
    }
  });
}

test('the waiting box opens the full national list on "Flere numre", a native disclosure like the widget\'s', async () => {
  const s = await openHeldBack({ width: 360, height: 740 });
  try {
    const { page, widget } = s;
    assert.equal(await widget.getByText('ambulanse', { exact: true }).isVisible(), false, 'closed at first');
    await widget.getByText('Flere numre', { exact: true }).click();
    await expectVisible(widget.getByText('ambulanse', { exact: true }), 'the full list');
    for (const n of ['112', '113', '110', '116 111']) assert.ok((await widget.getByRole('link', { name: n, exact: true }).count()) >= 1, `the number ${n}`);
    s.release();
    await waitForWidgetEvent(page, 'bti-ready', 'w');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

/** Opens `page` with `file` answered by `status`; returns the error event's message and the box. */
async function failWith(page, file, status) {
  const s = await openPage(env.browser);
  await s.page.route('**/pkg/' + pkgFile(file), (route) => route.fulfill({ status, contentType: 'text/plain', body: 'Not found' }));
  await s.page.goto(env.url + page);
  await waitForWidgetEvent(s.page, 'bti-error');
  const [error] = (await widgetEvents(s.page)).filter((e) => e.type === 'bti-error');
  return { s, error, box: s.page.locator('bti-veileder, [data-bti-veileder]').first().getByRole('alert') };
}

for (const [what, page, file, status, words] of [
  ['the guide wasm', 'tests/plain.html', 'bti-guide_bg.wasm', 404, 'Fant ikke'],
  ['the guide glue JS', 'tests/plain.html', 'bti-guide.js', 404, 'Fant ikke'],
  ['the stylesheet', 'tests/plain.html', 'bti-veileder.css', 404, 'Fant ikke'],
  ['the handbook stylesheet', 'tests/div-form.html', 'bti-handbook.css', 500, 'Kunne ikke hente'],
]) {
  test(`when ${what} answers HTTP ${status}, the box and bti-error name the URL and the status`, async () => {
    const { s, error, box } = await failWith(page, file, status);
    try {
      const reason = `${words} ${env.url}pkg/${pkgFile(file)} (HTTP ${status})`;
      assert.equal(error.message, `Kunne ikke starte: ${reason}`);
      await expectVisible(box.getByText(`Veilederen kunne ikke starte. ${reason}`, { exact: true }), 'the reason in the box');
      await expectHidden(box.getByText('nettleseren', { exact: false }), 'any blame on the browser', 1000);
      await expectVisible(box.getByRole('heading', { name: 'Er noen i fare nå?' }), 'the full emergency box');
      const hrefs = await box.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const n of ['tel:112', 'tel:113', 'tel:110', 'tel:116111']) assert.ok(hrefs.includes(n), `links ${n}: ${hrefs}`);
      assert.ok(hrefs.some((h) => h.startsWith(env.url)), 'a reload link');
    } finally {
      await s.context.close();
    }
  });
}

test('a data-base pointing at the wrong folder names a missing file under it', async () => {
  const s = await openPage(env.browser);
  try {
    await s.page.goto(env.url + 'tests/plain.html');
    await waitForWidgetEvent(s.page, 'bti-ready', 'w');
    await s.page.evaluate(() => {
      const el = document.createElement('bti-veileder');
      el.id = 'wrong';
      el.setAttribute('data-base', '/ikke-her/');
      el.setAttribute('src', '../content/eksempel-kommune.json');
      document.body.appendChild(el);
    });
    await waitForWidgetEvent(s.page, 'bti-error', 'wrong');
    const error = (await widgetEvents(s.page)).find((e) => e.type === 'bti-error' && e.id === 'wrong');
    const names = ['bti-guide.js', 'bti-guide_bg.wasm', 'bti-veileder.css'].map((f) => pkgFile(f).replace(/\./g, '\\.'));
    assert.match(error.message, new RegExp(`^Kunne ikke starte: Fant ikke ${env.url}ikke-her/(${names.join('|')}) \\(HTTP 404\\)$`));
    await poll(() => s.page.locator('#w').getByRole('heading', { name: FIRST_QUESTION }).isVisible(), 'the first widget still running');
  } finally {
    await s.context.close();
  }
});

test('the preload hints in README.md are used: each file is fetched once, with no unused-preload warning', async () => {
  const s = await openPage(env.browser);
  const warnings = [];
  s.page.on('console', (msg) => {
    if (msg.type() === 'warning' && /preload/i.test(msg.text())) warnings.push(msg.text());
  });
  try {
    const hints = (file, prefix) =>
      fs.readFileSync(path.join(ROOT, file), 'utf8').match(/<link rel="(module)?preload"[^>]*>/g).map((l) => l.replace(prefix, '/'));
    assert.deepEqual(hints('tests/loader-preload.html', '../'), hints('README.md', '/'), 'the page uses the hints README.md gives');
    // As a host writes them: HASH replaced by the hash in the name of the file in pkg/.
    const hashed = (html) => html.replace(/(bti-[\w-]+)\.HASH(\.\w+)/g, (_, name, ext) => pkgFile(name + ext));
    await s.page.route('**/tests/loader-preload.html', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: hashed(await response.text()) });
    });
    await expectStarts(s, 'tests/loader-preload.html', ['w']);
    const files = ['bti-guide.js', 'bti-guide_bg.wasm', 'bti-veileder.css'].map((f) => 'pkg/' + pkgFile(f));
    for (const file of [...files, 'content/eksempel-kommune.json']) {
      const n = s.requests.filter((u) => new URL(u).pathname === '/' + file).length;
      assert.equal(n, 1, `/${file} is fetched once (the preload is reused), not ${n} times`);
    }
    await s.page.waitForTimeout(3500); // Chromium warns about an unused preload after ~3 s
    assert.deepEqual(warnings, []);
  } finally {
    await s.context.close();
  }
});

// Issue 14: the content is fetched at once, in parallel with the glue and the wasm,
// and handed over to the wasm; nothing is fetched twice.
for (const c of [
  { page: 'tests/plain.html', wasm: 'bti-guide_bg.wasm', part: 'eksempel-kommune.guide.json', other: 'eksempel-kommune.handbook.json', id: 'w' },
  { page: 'intranett.html', wasm: 'bti-core_bg.wasm', part: 'eksempel-kommune.handbook.json', other: 'eksempel-kommune.guide.json', id: 'handbok' },
]) {
  test(`${c.page}: the loader fetches the content index and ${c.part} while the wasm is still on its way; each is fetched once`, async () => {
    const s = await openPage(env.browser);
    try {
      const release = await holdBack(s.page, '**/pkg/' + pkgFile(c.wasm));
      await s.page.goto(env.url + c.page);
      const count = (file) => s.requests.filter((u) => new URL(u).pathname === '/content/' + file).length;
      await poll(() => count('eksempel-kommune.json') === 1 && count(c.part) === 1, `the index and ${c.part} requested before the wasm came`);
      release();
      await waitForWidgetEvent(s.page, 'bti-ready', c.id);
      await s.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.equal(count('eksempel-kommune.json'), 1, 'the index is fetched once');
      assert.equal(count(c.part), 1, `${c.part} is fetched once`);
      assert.equal(count(c.other), 0, `${c.other} (not needed for this start) is not fetched`);
      assert.equal(s.requests.filter((u) => /\.(en|nn|ar|uk|pl)\.json$/.test(u)).length, 0, 'no other language is fetched');
      assertClean(s);
    } finally {
      await s.context.close();
    }
  });
}

test('in English, the loader fetches the content index, the guide parts and the UI strings before the wasm has come, each once', async () => {
  const s = await openPage(env.browser, { viewport: { width: 360, height: 740 } });
  const release = await holdBack(s.page, '**/pkg/' + pkgFile('bti-guide_bg.wasm'));
  try {
    await s.page.goto(env.url + 'pkg/embed.html?src=../content/eksempel-kommune.json&lang=en&start=guide');
    const strings = '/pkg/' + pkgFile('i18n/en.json');
    const wanted = ['/content/eksempel-kommune.json', '/content/eksempel-kommune.guide.json', '/content/eksempel-kommune.guide.en.json', strings];
    const asked = (end) => s.requests.filter((u) => new URL(u).pathname === end).length;
    await poll(() => wanted.every((end) => asked(end) === 1), `${wanted.join(', ')} requested while the wasm is held back`);
    release();
    await waitForWidgetEvent(s.page, 'bti-ready');
    await expectVisible(s.page.getByRole('button', { name: 'Leave this page' }), 'the guide in English');
    for (const end of wanted) assert.equal(asked(end), 1, `${end} is fetched once (the wasm takes the loader's response)`);
    assertClean(s);
  } finally {
    release();
    await s.context.close();
  }
});
