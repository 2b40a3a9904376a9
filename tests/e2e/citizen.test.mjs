// The citizen guide "Bekymret for noen?" on a phone (360 px, touch): three
// complete paths to a result with the right contacts and sections, the answer
// summary, back and restart, an address bar and history that never change, quick
// exit by button and by Shift×3, what is fetched and stored (nothing), the
// emergency box when content is slow or broken, and axe/reflow/target sizes.

import test, { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, useEnvironment, externalRequests, assertClean, relevantErrors, openPage, waitForWidgetEvent, expectVisible, expectHidden, poll, runAxe, screenshot, deepFocus, assertNoSidewaysScroll, holdBack } from './helpers.mjs';

const env = useEnvironment({ before, after });

const INDEX = JSON.parse(fs.readFileSync(path.join(ROOT, 'content', 'eksempel-kommune.json'), 'utf8'));
const GUIDE = JSON.parse(fs.readFileSync(path.join(ROOT, 'content', 'eksempel-kommune.guide.json'), 'utf8')).guide;
const nb = (t) => (typeof t === 'string' ? t : t?.nb ?? '');
const NODES = new Map(GUIDE.nodes.map((n) => [n.id, n]));
const CONTACTS = new Map(INDEX.contacts.map((c) => [c.id, c]));
const EXAMPLE = INDEX.meta.example === true;
const CONTENT = /\/eksempel-kommune\.json(\?.*)?$/;
const FIRST_QUESTION = nb(NODES.get(GUIDE.start).title);
const EXIT_TARGET = 'tests/exit-target.html';
const EMERGENCY = ['tel:112', 'tel:113', 'tel:110', 'tel:116111'];
const MOBILE = { width: 360, height: 740 };

/** "116 111" → "tel:116111"; the widget's own rule decides which numbers are dialable, this only mirrors the format. */
const tel = (phone) => 'tel:' + phone.replace(/[\s\u00a0]/g, '');

// Three paths, by the labels a reader sees. Each answer's `next` is checked against the content below.
const PATHS = [
  {
    name: 'own child exposed to violence at home',
    answers: ['Et barn i familien min', 'Barnet blir slått, truet eller lever med vold hjemme', 'Nei, ikke akkurat nå'],
    result: 'r-vold-barn',
  },
  {
    name: 'a friend or young person who self-harms',
    answers: ['En ungdom eller en venn', 'Hen skader seg selv'],
    result: 'r-selvskading',
  },
  {
    name: 'an adult exposed to violence',
    answers: ['En voksen', 'Vold eller trusler fra en partner eller noen i familien'],
    result: 'r-vold-voksen',
  },
];

/** The questions passed on a path, checked against the content graph. */
function walkContent(p) {
  const asked = [];
  let node = NODES.get(GUIDE.start);
  for (const label of p.answers) {
    assert.equal(node.type, 'question', `${p.name}: "${label}" answers a question`);
    const a = node.answers.find((x) => nb(x.label) === label);
    assert.ok(a, `${p.name}: "${nb(node.title)}" offers "${label}"`);
    asked.push({ question: nb(node.title), answer: label });
    node = NODES.get(a.next);
  }
  assert.equal(node.id, p.result, `${p.name} ends on ${p.result}`);
  return { asked, result: node };
}

/** A phone: touch, mobile viewport, with everything openPage records. */
async function openPhone({ viewport = MOBILE } = {}) {
  const s = await openPage(env.browser, { viewport, device: { hasTouch: true, isMobile: true } });
  return { ...s, widget: s.page.locator('bti-veileder') };
}

async function openGuide(opts) {
  const s = await openPhone(opts);
  await s.page.goto(env.url + 'index.html');
  await waitForWidgetEvent(s.page, 'bti-ready');
  await expectVisible(s.widget.getByRole('heading', { name: FIRST_QUESTION, level: 3 }), 'the first question');
  return s;
}

function where(page) {
  return page.evaluate(() => ({ href: location.href, history: history.length }));
}

async function tapAnswer(s, label) {
  await s.widget.getByRole('button', { name: label, exact: true }).tap();
}

async function expectScreen(s, title, what) {
  await expectVisible(s.widget.getByRole('heading', { name: title, level: 3, exact: true }), `${what}: the heading "${title}"`);
  const f = await poll(async () => {
    const f = await deepFocus(s.page);
    return f.text === title ? f : null;
  }, `focus on "${title}" (${what})`, { timeout: 3000 });
  assert.equal(f.tag, 'h3');
}

// ---------------------------------------------------------------- three paths

for (const p of PATHS) {
  test(`path: ${p.name} → "${nb(NODES.get(p.result).title)}" with its contacts, sections and summary; URL and history never change`, async () => {
    const { asked, result } = walkContent(p);
    const s = await openGuide();
    try {
      const { page, widget } = s;
      const start = await where(page);
      for (const [i, label] of p.answers.entries()) {
        await expectVisible(widget.getByText(`Spørsmål ${i + 1}`, { exact: true }), `"Spørsmål ${i + 1}"`);
        await tapAnswer(s, label);
        assert.deepEqual(await where(page), start, `URL and history.length are unchanged after "${label}"`);
        if (i < p.answers.length - 1) await expectScreen(s, asked[i + 1].question, `after "${label}"`);
      }
      const title = nb(result.title);
      await expectScreen(s, title, 'the result');
      const region = widget.getByRole('region', { name: title });

      // Section headings, in order.
      const expectedSections = ['Dette kan du gjøre nå', 'Hvem du kan kontakte', 'Hva skjer etterpå?'];
      if (result.talk) expectedSections.push('Slik kan du snakke om det');
      if (result.alternatives) expectedSections.push('Hvis du ikke vil ringe');
      expectedSections.push('Du svarte');
      const known = new Set(['Dette kan du gjøre nå', 'Hvem du kan kontakte', 'Hva skjer etterpå?', 'Slik kan du snakke om det', 'Hvis du ikke vil ringe', 'Du svarte']);
      const h4 = (await region.getByRole('heading', { level: 4 }).allInnerTexts()).map((t) => t.trim());
      assert.deepEqual(h4.filter((t) => known.has(t)), expectedSections, `section headings in order (all h4: ${JSON.stringify(h4)})`);
      if (result.not_sure_ok) await expectVisible(region.getByText('Du trenger ikke være sikker. Det er nok at du er bekymret.'), 'the reassurance');

      // Contacts: every one named; national numbers dialable, local example numbers not.
      for (const id of result.contacts) {
        const c = CONTACTS.get(id);
        assert.ok(c, `contact ${id} exists`);
        await expectVisible(region.getByRole('heading', { name: nb(c.name), exact: true }), `the contact "${nb(c.name)}"`);
        if (!c.phone) continue;
        const asLink = region.getByRole('link', { name: c.phone, exact: true });
        if (EXAMPLE && c.scope === 'local') {
          assert.equal(await asLink.count(), 0, `${nb(c.name)}'s example number ${c.phone} is not a link`);
          await expectVisible(region.getByText(`${c.phone} (eksempelnummer, kan ikke ringes)`), `"${c.phone} (eksempelnummer, kan ikke ringes)"`);
          const dialable = await region.locator(`a[href="${tel(c.phone)}"]`).count();
          assert.equal(dialable, 0, `no tel: link to the example number ${c.phone}`);
        } else {
          assert.ok((await asLink.count()) >= 1, `${nb(c.name)}'s number ${c.phone} is a link`);
          assert.equal(await asLink.first().getAttribute('href'), tel(c.phone), `${nb(c.name)} links ${tel(c.phone)}`);
        }
      }
      // Where Alarmtelefonen is listed, 116 111 is a tel: link; every path has a local example number shown as text.
      if (result.contacts.includes('alarmtelefonen')) {
        assert.equal(await region.getByRole('link', { name: '116 111', exact: true }).first().getAttribute('href'), 'tel:116111');
      }
      const localIds = result.contacts.filter((id) => CONTACTS.get(id).scope === 'local');
      assert.ok(localIds.length > 0, 'this result has a local (example) contact to check');

      // "Du svarte": every question and answer, each with "Endre".
      const rows = await region.getByRole('term').allInnerTexts();
      assert.deepEqual(rows.map((t) => t.trim()), asked.map((a) => a.question), 'the summary lists the questions asked');
      const answersShown = (await region.getByRole('definition').allInnerTexts()).map((t) => t.replace(/\s*Endre\s*$/, '').trim());
      assert.deepEqual(answersShown, asked.map((a) => a.answer), 'the summary lists the answers given');
      const change = region.getByRole('button', { name: /^Endre/ });
      assert.equal(await change.count(), asked.length, 'one "Endre" per answer');
      for (const btn of await change.all()) assert.equal((await btn.innerText()).trim(), 'Endre');

      // "Endre" on the last answer reopens that question.
      const last = asked[asked.length - 1];
      await region.getByRole('button', { name: `Endre svaret på «${last.question}»` }).tap();
      await expectScreen(s, last.question, `after "Endre" on "${last.question}"`);
      assert.deepEqual(await where(page), start, 'URL and history.length unchanged after "Endre"');
      // Answering again leads to the same result.
      await tapAnswer(s, last.answer);
      await expectScreen(s, title, 'the result after answering the reopened question');
      // "Endre" on the first answer reopens the first question.
      await widget.getByRole('button', { name: `Endre svaret på «${FIRST_QUESTION}»` }).tap();
      await expectScreen(s, FIRST_QUESTION, 'after "Endre" on the first question');
      assert.deepEqual(await where(page), start, 'URL and history.length never changed during the walk');
      await screenshot(page, `citizen-${p.result}-360`);
      assertClean(s);
    } finally {
      await s.context.close();
    }
  });
}

test('result: contact names are headings below "Hvem du kan kontakte", not beside it', async () => {
  const { result } = walkContent(PATHS[0]);
  const s = await openGuide();
  try {
    for (const a of PATHS[0].answers) await tapAnswer(s, a);
    const region = s.widget.getByRole('region', { name: nb(result.title) });
    await expectVisible(region.getByRole('heading', { name: 'Hvem du kan kontakte' }), 'the contacts heading');
    const levels = await region.evaluate((el, names) => {
      const hs = [...el.querySelectorAll('h1,h2,h3,h4,h5,h6')];
      const level = (h) => Number(h.localName[1]);
      const section = hs.find((h) => h.textContent.trim() === 'Hvem du kan kontakte');
      return { section: level(section), contacts: hs.filter((h) => names.includes(h.textContent.trim())).map((h) => `${h.localName} ${h.textContent.trim()}`) };
    }, result.contacts.map((id) => nb(CONTACTS.get(id).name)));
    for (const c of levels.contacts) {
      assert.ok(Number(c[1]) > levels.section, `contact heading "${c}" is nested under the h${levels.section} "Hvem du kan kontakte"`);
    }
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

// ---------------------------------------------------------------- back and restart

test('"Tilbake" goes one question back and "Start på nytt" to the first question, URL and history untouched', async () => {
  const s = await openGuide();
  try {
    const { page, widget } = s;
    const start = await where(page);
    await expectHidden(widget.getByRole('button', { name: 'Tilbake' }), '"Tilbake" on the first question');
    const [a1, a2] = PATHS[0].answers;
    const { asked } = walkContent(PATHS[0]);
    await tapAnswer(s, a1);
    await expectScreen(s, asked[1].question, 'second question');
    await tapAnswer(s, a2);
    await expectScreen(s, asked[2].question, 'third question');
    await widget.getByRole('button', { name: 'Tilbake' }).tap();
    await expectScreen(s, asked[1].question, 'after "Tilbake"');
    await widget.getByRole('button', { name: 'Tilbake' }).tap();
    await expectScreen(s, FIRST_QUESTION, 'after "Tilbake" twice');
    await expectHidden(widget.getByRole('button', { name: 'Start på nytt' }), '"Start på nytt" on the first question');

    for (const a of PATHS[0].answers) await tapAnswer(s, a);
    await expectScreen(s, nb(NODES.get(PATHS[0].result).title), 'the result');
    await widget.getByRole('button', { name: 'Start på nytt' }).tap();
    await expectScreen(s, FIRST_QUESTION, 'after "Start på nytt"');
    await expectHidden(widget.getByRole('heading', { name: 'Du svarte' }), 'the old summary');
    // The browser's own back button does not step through the guide: there is nothing to go back to.
    assert.deepEqual(await where(page), start, 'URL and history.length unchanged');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

// ---------------------------------------------------------------- quick exit

async function pointExitAtTestPage(s) {
  await s.page.evaluate((url) => document.querySelector('bti-veileder').setAttribute('exit-url', url), EXIT_TARGET);
  // Give the widget a moment to take the new attribute.
  await s.page.waitForTimeout(200);
}

async function expectOnExitPage(s, historyBefore) {
  await s.page.waitForURL((u) => u.pathname.endsWith('/' + EXIT_TARGET), { timeout: 5000 });
  assert.equal(await s.page.title(), 'Været i dag');
  assert.equal(await s.page.evaluate(() => history.length), historyBefore, 'leaving replaces the page: no new history entry');
}

test('quick exit: "Forlat siden" in the middle of a walk lands on the exit-url page', async () => {
  const s = await openGuide();
  try {
    await pointExitAtTestPage(s);
    await tapAnswer(s, PATHS[1].answers[0]);
    const { history } = await where(s.page);
    await s.widget.getByRole('button', { name: 'Forlat siden', exact: true }).tap();
    await expectOnExitPage(s, history);
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

// tests/two.html: the guide #a has exit-url="exit-target.html" from the start (and a
// memory-routed handbook #b beside it).
async function openTwo() {
  const s = await openPhone();
  await s.page.goto(env.url + 'tests/two.html');
  await waitForWidgetEvent(s.page, 'bti-ready', 'a');
  s.widget = s.page.locator('#a');
  await expectVisible(s.widget.getByRole('heading', { name: FIRST_QUESTION, level: 3 }), 'the first question');
  return s;
}

test('quick exit: Shift pressed three times leaves, after "Trykk Shift én gang til …" on the second', async () => {
  const s = await openTwo();
  try {
    await tapAnswer(s, PATHS[2].answers[0]);
    const { history } = await where(s.page);
    const live = s.widget.getByRole('status').filter({ hasText: /Shift/ });
    await s.page.keyboard.press('Shift');
    await poll(async () => (await s.widget.getByRole('status').allInnerTexts()).some((t) => t.includes('Trykk Shift to ganger til for å forlate siden.')), 'the live region "Trykk Shift to ganger til …" after one press', { timeout: 3000 });
    await s.page.keyboard.press('Shift');
    await poll(async () => (await s.widget.getByRole('status').allInnerTexts()).some((t) => t.includes('Trykk Shift én gang til for å forlate siden.')), 'the live region "Trykk Shift én gang til for å forlate siden."', { timeout: 3000 });
    assert.equal(await live.first().getAttribute('aria-live'), 'polite');
    assert.ok(s.page.url().endsWith('/tests/two.html'), 'still on the page after two presses');
    await s.page.keyboard.press('Shift');
    await expectOnExitPage(s, history);
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

test('quick exit: Shift+A (typing capitals) three times does not leave', async () => {
  const s = await openTwo();
  try {
    for (let i = 0; i < 3; i++) await s.page.keyboard.press('Shift+A');
    await s.page.keyboard.press('Shift+Tab');
    await s.page.waitForTimeout(800);
    assert.ok(s.page.url().endsWith('/tests/two.html'), `still on the page, at ${s.page.url()}`);
    await expectVisible(s.widget.getByRole('heading', { name: FIRST_QUESTION }), 'the guide');
    const announced = await s.page.locator('bti-veileder').getByRole('status').allInnerTexts();
    assert.ok(!announced.some((t) => /én gang til/.test(t)), `no "one more" announcement: ${JSON.stringify(announced)}`);
    // Two clean presses after the capitals still need a third.
    await s.page.keyboard.press('Shift');
    await s.page.keyboard.press('Shift');
    await s.page.waitForTimeout(500);
    assert.ok(s.page.url().endsWith('/tests/two.html'), 'two presses are not enough');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

test('quick exit: after exit-url is changed on the running element, Shift×3 goes to the new exit-url (as the button does)', async () => {
  const s = await openGuide();
  try {
    await pointExitAtTestPage(s);
    const { history } = await where(s.page);
    const navigations = [];
    s.page.on('request', (r) => { if (r.isNavigationRequest() && r.frame() === s.page.mainFrame()) navigations.push(r.url()); });
    for (let i = 0; i < 3; i++) await s.page.keyboard.press('Shift');
    await poll(async () => navigations.length > 0, 'a navigation after Shift×3', { timeout: 5000 });
    assert.deepEqual(navigations, [env.url + EXIT_TARGET], `Shift×3 leaves for the exit-url set on the element (${EXIT_TARGET}); it went to ${navigations}`);
    await expectOnExitPage(s, history);
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

// ---------------------------------------------------------------- requests and storage

test('a full walk fetches only the widget files and the index + guide parts, and stores nothing anywhere', async () => {
  const s = await openGuide();
  try {
    const { page, context } = s;
    for (const p of PATHS) {
      for (const a of p.answers) await tapAnswer(s, a);
      await expectScreen(s, nb(NODES.get(p.result).title), `result of ${p.name}`);
      await s.widget.getByRole('button', { name: 'Start på nytt' }).tap();
      await expectScreen(s, FIRST_QUESTION, 'restart');
    }
    const origin = new URL(env.url).origin;
    const seen = [...new Set(s.requests.map((u) => (u.startsWith(origin) ? u.slice(origin.length) : u)))];
    console.log(`requests during a guide walk (${s.requests.length} in all, ${seen.length} distinct):\n  ${seen.join('\n  ')}`);
    assert.deepEqual(externalRequests(s.requests), [], 'nothing leaves 127.0.0.1');
    const allowed = [
      /^\/index\.html$/,
      /^\/demo\.css$/,
      /^\/favicon\.ico$/,
      /^\/pkg\/bti-veileder\.js$/,
      // The loader picks one build per instance: the guide-only one, or the full one;
      // all but the loader by their content-hashed names.
      /^\/pkg\/bti-veileder\.[0-9a-f]{8}\.css$/,
      /^\/pkg\/bti-(guide|core)\.[0-9a-f]{8}\.js$/,
      /^\/pkg\/bti-(guide|core)_bg\.[0-9a-f]{8}\.wasm$/,
      /^\/content\/eksempel-kommune\.json$/,
      /^\/content\/eksempel-kommune\.guide\.json$/,
    ];
    const unexpected = seen.filter((u) => !allowed.some((re) => re.test(u)));
    assert.deepEqual(unexpected, [], 'only the page, the widget files and the index + guide content parts are fetched');
    assert.ok(seen.includes('/content/eksempel-kommune.guide.json'), 'the guide part is fetched');
    assert.equal(seen.filter((u) => u.endsWith('.wasm')).length, 1, 'one wasm file is fetched');
    assert.ok(!seen.some((u) => u.includes('handbook')), 'the handbook part is not fetched for the guide');

    const storage = await page.evaluate(async () => ({
      cookie: document.cookie,
      local: Object.keys(localStorage),
      session: Object.keys(sessionStorage),
      idb: (await indexedDB.databases()).map((d) => d.name),
      caches: typeof caches === 'undefined' ? [] : await caches.keys(),
    }));
    console.log(`storage after the walk: ${JSON.stringify(storage)}`);
    assert.deepEqual(storage, { cookie: '', local: [], session: [], idb: [], caches: [] }, 'no cookie, web storage, IndexedDB or Cache Storage');
    assert.deepEqual(await context.cookies(), [], 'no cookies in the browser context');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

// ---------------------------------------------------------------- emergency box

async function expectEmergency(s, what) {
  // On question screens (and while loading) the compact block: a region, its title in bold.
  const box = s.widget.getByRole('region', { name: 'Er noen i fare nå?' });
  await expectVisible(box.getByText('Er noen i fare nå?', { exact: true }), `the emergency box (${what})`);
  const hrefs = await box.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const n of EMERGENCY) assert.ok(hrefs.includes(n), `${what}: the emergency box links ${n}; links: ${hrefs}`);
  for (const n of ['112', '113', '110', '116 111']) await expectVisible(box.getByRole('link', { name: n, exact: true }), `the number ${n} (${what})`);
}

test('the emergency box shows while the content is still loading', async () => {
  const s = await openPhone();
  try {
    const release = await holdBack(s.page, CONTENT);
    await s.page.goto(env.url + 'index.html');
    await expectVisible(s.widget.getByRole('status').filter({ hasText: 'Laster veilederen …' }), 'the loading status');
    await expectEmergency(s, 'while loading');
    release();
    await waitForWidgetEvent(s.page, 'bti-ready');
    await expectVisible(s.widget.getByRole('heading', { name: FIRST_QUESTION }), 'the first question once loaded');
    await expectEmergency(s, 'once loaded');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

test('the emergency box shows when the content URL answers HTTP 500', async () => {
  const s = await openPhone();
  try {
    await s.page.route(CONTENT, (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Intern serverfeil' }));
    await s.page.goto(env.url + 'index.html');
    await waitForWidgetEvent(s.page, 'bti-error');
    await expectEmergency(s, 'after HTTP 500');
    await expectVisible(s.widget.getByRole('button', { name: 'Prøv igjen' }), '"Prøv igjen"');
    await expectHidden(s.widget.getByRole('heading', { name: FIRST_QUESTION }), 'the guide');
    await screenshot(s.page, 'citizen-http-500-360');
    // The only console error allowed is the browser's own note about the failed load.
    const errors = relevantErrors(s.errors).filter((e) => !/status of 500/.test(e));
    assert.deepEqual(errors, [], 'no other console errors or exceptions');
    assert.deepEqual(externalRequests(s.requests), []);
  } finally {
    await s.context.close();
  }
});

// ---------------------------------------------------------------- accessibility on a phone

const SCREENS = [
  { name: 'first question', answers: [], title: FIRST_QUESTION },
  { name: 'middle question', answers: PATHS[0].answers.slice(0, 2), title: walkContent(PATHS[0]).asked[2].question },
  { name: 'result', answers: PATHS[0].answers, title: nb(NODES.get(PATHS[0].result).title) },
];

async function openScreen(sc, viewport) {
  const s = await openGuide({ viewport });
  for (const a of sc.answers) await tapAnswer(s, a);
  await expectVisible(s.widget.getByRole('heading', { name: sc.title, level: 3 }), `the ${sc.name} "${sc.title}"`);
  return s;
}

for (const sc of SCREENS) {
  test(`axe at 360 px: ${sc.name} has no WCAG 2.1 A/AA violations`, async () => {
    const s = await openScreen(sc, MOBILE);
    try {
      await screenshot(s.page, `citizen-${sc.name}-360`);
      const { violations, summary } = await runAxe(s.page);
      assert.equal(violations.length, 0, `axe found ${violations.length} violation(s):\n${summary}`);
      assertClean(s);
    } finally {
      await s.context.close();
    }
  });
}

for (const sc of SCREENS) {
  test(`320 px: ${sc.name} needs no horizontal scrolling`, async () => {
    const s = await openScreen(sc, { width: 320, height: 700 });
    try {
      await assertNoSidewaysScroll(s.page, 320, sc.name);
      assertClean(s);
    } finally {
      await s.context.close();
    }
  });
}

test('answer buttons are at least 44 px tall and body text is at least 16 px', async () => {
  const s = await openGuide();
  try {
    let answered = 0;
    for (const sc of SCREENS) {
      for (; answered < sc.answers.length; answered++) await tapAnswer(s, sc.answers[answered]);
      await expectVisible(s.widget.getByRole('heading', { name: sc.title, level: 3 }), sc.title);
      if (sc.name !== 'result') {
        const buttons = s.widget.getByRole('list', { name: sc.title }).getByRole('button');
        const n = await buttons.count();
        assert.ok(n >= 2, `${sc.name}: answers found (${n})`);
        for (const b of await buttons.all()) {
          const box = await b.boundingBox();
          const label = (await b.innerText()).trim();
          assert.ok(box.height >= 44, `${sc.name}: answer "${label}" is ${box.height} px tall (min 44)`);
          const size = parseFloat(await b.evaluate((el) => getComputedStyle(el).fontSize));
          assert.ok(size >= 16, `${sc.name}: answer "${label}" text is ${size} px (min 16)`);
        }
      } else {
        const region = s.widget.getByRole('region', { name: sc.title });
        // Body text: the paragraphs and list items of "Dette kan du gjøre nå" and "Hva skjer etterpå?".
        const sizes = await region.evaluate((el) => {
          const out = [];
          for (const h of el.querySelectorAll('h4')) {
            if (!['Dette kan du gjøre nå', 'Hva skjer etterpå?'].includes(h.textContent.trim())) continue;
            for (let n = h.nextElementSibling; n && n.localName !== 'h4'; n = n.nextElementSibling) {
              for (const t of [n, ...n.querySelectorAll('p, li')]) {
                if (t.localName === 'p' || t.localName === 'li') out.push({ text: t.textContent.trim().slice(0, 40), size: parseFloat(getComputedStyle(t).fontSize) });
              }
            }
          }
          return out;
        });
        assert.ok(sizes.length > 0, 'body text found on the result');
        for (const t of sizes) assert.ok(t.size >= 16, `result text "${t.text}" is ${t.size} px (min 16)`);
      }
    }
    assertClean(s);
  } finally {
    await s.context.close();
  }
});
