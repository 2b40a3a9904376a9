// The widget as hosts meet it: where it can be embedded, that it stays itself
// on a hostile page, and what readers see when the content cannot be loaded.

import test, { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT,
  pkgFiles,
  useEnvironment,
  openPage,
  assertClean,
  externalRequests,
  waitForWidgetEvent,
  widgetEvents,
  cspViolations,
  expectVisible,
  expectHidden,
  poll,
  screenshot,
} from './helpers.mjs';

const env = useEnvironment({ before, after });

const CONTENT = /\/eksempel-kommune\.json(\?.*)?$/;
const EMERGENCY_NUMBERS = ['tel:112', 'tel:113', 'tel:110', 'tel:116111'];

/** What the host's shadow root holds: its mode, the app root's lang, the tel: links it shows. */
function inspectShadow(frame, selector) {
  return frame.evaluate((sel) => {
    const host = document.querySelector(sel);
    const shadow = host?.shadowRoot ?? null;
    const root = shadow?.querySelector('.bti-root') ?? null;
    const tel = shadow
      ? [...shadow.querySelectorAll('a[href^="tel:"]')].filter((a) => a.getClientRects().length > 0).map((a) => a.getAttribute('href'))
      : [];
    return { found: !!host, mode: shadow?.mode ?? null, rootLang: root?.getAttribute('lang') ?? null, tel };
  }, selector);
}

async function expectEmergencyBox(frame, selector) {
  // The guide's question screens show the compact block (a region named by its bold title), failures the full box.
  await expectVisible(frame.locator(selector).getByRole('region', { name: 'Er noen i fare nå?' }).getByText('Er noen i fare nå?', { exact: true }).first(), 'the "Er noen i fare nå?" box');
  const { tel } = await inspectShadow(frame, selector);
  for (const number of EMERGENCY_NUMBERS) assert.ok(tel.includes(number), `emergency box links ${number}; links seen: ${tel}`);
}

async function expectGuideStart(scope) {
  await expectVisible(scope.getByRole('heading', { name: 'Bekymret for noen?', level: 2 }), 'the guide heading "Bekymret for noen?"');
  await expectVisible(scope.getByText('Hvem er du bekymret for?'), 'the first question');
  await expectVisible(scope.getByRole('button', { name: /barn i familien min/ }), 'the answer "… barn i familien min …"');
}

test('index.html: the guide renders inside an open shadow root with the emergency box on top', async () => {
  const s = await openPage(env.browser);
  try {
    await s.page.goto(env.url + 'index.html');
    await waitForWidgetEvent(s.page, 'bti-ready');
    const shadow = await inspectShadow(s.page, 'bti-veileder');
    assert.equal(shadow.mode, 'open');
    assert.equal(shadow.rootLang, 'nb', '.bti-root carries lang="nb"');
    await expectGuideStart(s.page.locator('bti-veileder'));
    await expectEmergencyBox(s.page, 'bti-veileder');
    await expectVisible(s.page.locator('bti-veileder').getByRole('button', { name: 'Forlat siden', exact: true }), 'the quick exit button');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

test('intranett.html: the handbook renders inside an open shadow root with links to each level', async () => {
  const s = await openPage(env.browser);
  try {
    await s.page.goto(env.url + 'intranett.html');
    await waitForWidgetEvent(s.page, 'bti-ready', 'handbok');
    const shadow = await inspectShadow(s.page, '#handbok');
    assert.equal(shadow.mode, 'open');
    assert.equal(shadow.rootLang, 'nb');
    const widget = s.page.locator('#handbok');
    await expectVisible(widget.getByRole('heading', { name: /BTI/, level: 2 }), 'the handbook front page heading');
    for (const n of [0, 1, 2, 3]) {
      await expectVisible(widget.getByRole('link', { name: new RegExp(`^Nivå ${n}`) }), `a link to Nivå ${n}`);
    }
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

test('div form: <div data-bti-veileder> mounts the handbook and routes under #bti/', async () => {
  const s = await openPage(env.browser);
  try {
    await s.page.goto(env.url + 'tests/div-form.html');
    await waitForWidgetEvent(s.page, 'bti-ready');
    const widget = s.page.locator('[data-bti-veileder]');
    await expectVisible(widget.getByRole('heading', { name: /BTI/, level: 2 }), 'the handbook front page heading');
    await widget.getByRole('link', { name: /^Nivå 0/ }).first().click();
    await s.page.waitForURL(/#bti\/niva\/niva-0$/);
    await expectVisible(widget.getByRole('heading', { name: /Nivå 0/, level: 2 }), 'the Nivå 0 page heading');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

// Issue 14: what the loader fetches has a content-hashed name in pkg/ (scripts/hash-names.mjs),
// so a host may cache it for a year; the loader itself keeps its name.
const HASHED = ['bti-guide.js', 'bti-guide_bg.wasm', 'bti-core.js', 'bti-core_bg.wasm', 'bti-veileder.css', 'bti-handbook.css'];
const PKG = path.join(ROOT, 'pkg');

test('pkg/: each file in the loader\'s map has the hash of its bytes in its name, and no plain or stale copy is left', () => {
  const map = pkgFiles();
  const i18n = fs.readdirSync(path.join(ROOT, 'src', 'i18n')).filter((f) => f.endsWith('.json')).map((f) => `i18n/${f}`);
  assert.deepEqual(Object.keys(map).sort(), [...HASHED, ...i18n].sort(), 'the map names the glue, the wasm, the style sheets and the UI strings');
  for (const [plain, hashed] of Object.entries(map)) {
    const file = path.join(PKG, hashed);
    assert.ok(fs.existsSync(file), `pkg/${hashed} (for ${plain}) exists`);
    const hash = createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 8);
    assert.equal(hashed, plain.replace(/\.[^./]+$/, `.${hash}$&`), `pkg/${hashed} carries the sha256 of its bytes`);
    assert.ok(!fs.existsSync(path.join(PKG, plain)), `no unhashed pkg/${plain}`);
  }
  const shipped = new Set(Object.values(map));
  const all = fs.readdirSync(PKG, { recursive: true }).map((f) => f.split(path.sep).join('/'));
  const stray = all.filter((f) => /\.[0-9a-f]{8}\.(js|wasm|css|json)$/.test(f) && !shipped.has(f));
  assert.deepEqual(stray, [], 'no hashed file the loader does not name (an old build\'s)');
  assert.deepEqual(all.filter((f) => f.startsWith('i18n/') && !shipped.has(f)), [], 'no plain file in pkg/i18n/');
  const { files } = JSON.parse(fs.readFileSync(path.join(PKG, 'package.json'), 'utf8'));
  for (const hashed of shipped) assert.ok(files.includes(hashed.split('/')[0]), `package.json "files" lists ${hashed}`);
});

for (const c of [
  { what: 'the guide', query: 'start=guide&lang=nb', expectStart: expectGuideStart },
  {
    what: 'the handbook in nynorsk',
    query: 'start=handbook&lang=nn',
    expectStart: (scope) => expectVisible(scope.getByRole('heading', { name: /BTI/, level: 2 }), 'the handbook front page heading'),
  },
]) {
  test(`pkg/embed.html renders ${c.what} on a page of its own, every file but the loader by its hashed name`, async () => {
    const s = await openPage(env.browser);
    const statuses = [];
    s.page.on('response', (r) => statuses.push(`${r.status()} ${new URL(r.url()).pathname}`));
    try {
      await s.page.goto(env.url + `pkg/embed.html?src=../content/eksempel-kommune.json&${c.query}`);
      await c.expectStart(s.page);
      const map = pkgFiles();
      const hashed = new Set(Object.values(map).map((f) => '/pkg/' + f));
      // The page's own files keep their names, as the loader does.
      const plain = new Set(['/pkg/embed.html', '/pkg/embed.js', '/pkg/embed.css', '/pkg/bti-veileder.js']);
      const asked = [...new Set(s.requests.map((u) => new URL(u).pathname).filter((p) => p.startsWith('/pkg/')))];
      assert.deepEqual(asked.filter((p) => !hashed.has(p) && !plain.has(p)), [], `every file from pkg/ but the page's own is asked for by its hashed name: ${asked}`);
      const core = c.query.includes('handbook') ? 'bti-core' : 'bti-guide';
      for (const f of [`${core}.js`, `${core}_bg.wasm`, 'bti-veileder.css']) assert.ok(asked.includes('/pkg/' + map[f]), `${map[f]} is fetched: ${asked}`);
      if (c.query.includes('lang=nn')) {
        assert.ok(asked.includes('/pkg/' + map['i18n/nn.json']), `the wasm's UI strings come from ${map['i18n/nn.json']}: ${asked}`);
        // The widget renders in bokmål until the nynorsk strings are installed.
        await poll(async () => (await inspectShadow(s.page, 'bti-veileder')).rootLang === 'nn', 'the handbook in nynorsk (lang="nn")');
      }
      await poll(() => statuses.filter((l) => l.includes(' /pkg/')).length >= asked.length, 'a response to each request');
      assert.deepEqual(statuses.filter((l) => l.includes(' /pkg/') && !l.startsWith('200 ')), [], 'every file from pkg/ came');
      assertClean(s);
    } finally {
      await s.context.close();
    }
  });
}

test('tests/iframe.html: the guide renders in an iframe and the host grows it past 300 px', async () => {
  const s = await openPage(env.browser);
  try {
    await s.page.goto(env.url + 'tests/iframe.html');
    await expectGuideStart(s.page.frameLocator('#veileder'));
    const height = await poll(async () => {
      const box = await s.page.locator('#veileder').boundingBox();
      return box && box.height > 300 ? box.height : null;
    }, 'the iframe to be resized beyond 300 px by a bti-height message');
    assert.ok(height > 300);
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

test('tests/two.html: a guide and a handbook on one page run independently', async () => {
  const s = await openPage(env.browser);
  try {
    await s.page.goto(env.url + 'tests/two.html');
    await waitForWidgetEvent(s.page, 'bti-ready', 'a');
    await waitForWidgetEvent(s.page, 'bti-ready', 'b');
    const a = s.page.locator('#a');
    const b = s.page.locator('#b');
    await expectGuideStart(a);
    await expectVisible(b.getByRole('heading', { name: /BTI/, level: 2 }), 'the handbook front page in #b');
    assert.equal(await b.getByText('Hvem er du bekymret for?').count(), 0, 'the handbook does not show the guide');

    await a.getByRole('button', { name: /barn i familien min/ }).first().click();
    await expectHidden(a.getByText('Hvem er du bekymret for?'), 'the first question in #a');
    await expectVisible(b.getByRole('heading', { name: /BTI/, level: 2 }), 'the handbook front page in #b, untouched');
    const guideStepA = await a.getByRole('heading').allTextContents();

    await b.getByRole('link', { name: /^Nivå 0/ }).first().click();
    await expectVisible(b.getByRole('heading', { name: /Nivå 0/, level: 2 }), 'Nivå 0 in #b');
    assert.deepEqual(await a.getByRole('heading').allTextContents(), guideStepA, 'navigating #b leaves #a where it was');
    assert.equal(await s.page.evaluate(() => location.hash), '', 'routing="memory" leaves the address alone');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

/** The styles a reader sees on three typical elements of the guide's first screen. */
async function guideStyles(page) {
  const widget = page.locator('#w');
  const pick = (locator) =>
    locator.first().evaluate((el) => {
      const cs = getComputedStyle(el);
      return { fontSize: cs.fontSize, lineHeight: cs.lineHeight, color: cs.color, backgroundColor: cs.backgroundColor };
    });
  await expectGuideStart(widget);
  return {
    heading: await pick(widget.getByRole('heading', { name: 'Bekymret for noen?' })),
    paragraph: await pick(widget.locator('p').filter({ visible: true })),
    answerButton: await pick(widget.getByRole('button', { name: /barn i familien min/ })),
  };
}

test('tests/hostile.html: host CSS and a strict CSP change nothing in the widget', async () => {
  const plain = await openPage(env.browser);
  const hostile = await openPage(env.browser);
  try {
    await plain.page.goto(env.url + 'tests/plain.html');
    await waitForWidgetEvent(plain.page, 'bti-ready', 'w');
    const expected = await guideStyles(plain.page);

    await hostile.page.goto(env.url + 'tests/hostile.html');
    await waitForWidgetEvent(hostile.page, 'bti-ready', 'w');
    const actual = await guideStyles(hostile.page);
    await screenshot(hostile.page, 'hostile');

    assert.deepEqual(actual, expected, 'computed font-size, line-height, color and background-color match tests/plain.html');
    assert.deepEqual(await cspViolations(hostile.page), [], 'no securitypolicyviolation events');
    assertClean(hostile);
    assertClean(plain);
  } finally {
    await plain.context.close();
    await hostile.context.close();
  }
});

/** Error tests expect failed-load console messages, but never an uncaught exception or a request off the machine. */
function assertNoCrashNoLeak({ errors, requests }) {
  assert.deepEqual(errors.filter((e) => e.startsWith('pageerror:')), [], 'no uncaught exceptions');
  assert.deepEqual(externalRequests(requests), [], 'no request leaves 127.0.0.1');
}

test('network failure: the error names the problem, keeps the emergency box, and "Prøv igjen" recovers', async () => {
  const s = await openPage(env.browser);
  try {
    await s.page.route(CONTENT, (route) => route.abort());
    await s.page.goto(env.url + 'index.html');
    await waitForWidgetEvent(s.page, 'bti-error');
    const widget = s.page.locator('bti-veileder');
    await expectVisible(widget.getByRole('heading', { name: 'Vi fikk ikke lastet veilederen' }), 'the error heading');
    await expectEmergencyBox(s.page, 'bti-veileder');
    const [event] = (await widgetEvents(s.page)).filter((e) => e.type === 'bti-error');
    assert.ok(event.message, 'bti-error carries detail.message');

    await s.page.unroute(CONTENT);
    await widget.getByRole('button', { name: 'Prøv igjen' }).click();
    await expectGuideStart(widget);
    await expectHidden(widget.getByRole('heading', { name: 'Vi fikk ikke lastet veilederen' }), 'the error heading');
    assertNoCrashNoLeak(s);
  } finally {
    await s.context.close();
  }
});

test('HTTP 500: the error names the URL and "HTTP 500" and keeps the emergency box', async () => {
  const s = await openPage(env.browser);
  try {
    await s.page.route(CONTENT, (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Intern serverfeil' }));
    await s.page.goto(env.url + 'index.html');
    const widget = s.page.locator('bti-veileder');
    await expectVisible(widget.getByRole('heading', { name: 'Vi fikk ikke lastet veilederen' }), 'the error heading');
    await expectVisible(widget.getByText(/HTTP 500/), 'the text "HTTP 500"');
    await expectVisible(widget.getByText(/eksempel-kommune\.json/), 'the content URL');
    await expectVisible(widget.getByRole('button', { name: 'Prøv igjen' }), 'the "Prøv igjen" button');
    await expectEmergencyBox(s.page, 'bti-veileder');
    await screenshot(s.page, 'error-http-500');
    assertNoCrashNoLeak(s);
  } finally {
    await s.context.close();
  }
});

test('invalid JSON: the error says at which line and column', async () => {
  const s = await openPage(env.browser);
  try {
    // A trailing comma: the parser stops at the "}" on line 5, column 3.
    const body = '{\n  "format": 1,\n  "meta": {\n    "kommune": "Eksempel kommune",\n  }\n}\n';
    await s.page.route(CONTENT, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    await s.page.goto(env.url + 'index.html');
    const widget = s.page.locator('bti-veileder');
    await expectVisible(widget.getByRole('heading', { name: 'Vi fikk ikke lastet veilederen' }), 'the error heading');
    await expectVisible(widget.getByText(/linje 5, kolonne \d+/), 'the position "linje 5, kolonne N"');
    await expectEmergencyBox(s.page, 'bti-veileder');
    assertNoCrashNoLeak(s);
  } finally {
    await s.context.close();
  }
});

test('handbook: the browser back button returns to the front page without leaving the document', async () => {
  const s = await openPage(env.browser);
  try {
    await s.page.goto(env.url + 'intranett.html');
    await waitForWidgetEvent(s.page, 'bti-ready', 'handbok');
    const widget = s.page.locator('#handbok');
    await s.page.evaluate(() => {
      window.__sameDocument = true;
    });

    await widget.getByRole('link', { name: /^Nivå 0/ }).first().click();
    await s.page.waitForURL(/#bti-handbok\/niva\/niva-0$/);
    await expectVisible(widget.getByRole('heading', { name: /Nivå 0/, level: 2 }), 'the Nivå 0 page heading');

    await s.page.goBack({ waitUntil: 'commit' });
    await expectVisible(widget.getByRole('heading', { name: /BTI/, level: 2 }), 'the handbook front page again');
    await expectHidden(widget.getByRole('heading', { name: /Nivå 0/, level: 2 }), 'the Nivå 0 page heading');
    assert.equal(await s.page.evaluate(() => window.__sameDocument), true, 'back stayed in the same document');
    assert.ok(s.page.url().startsWith(env.url + 'intranett.html'), `still on intranett.html (${s.page.url()})`);
    assertClean(s);
  } finally {
    await s.context.close();
  }
});
