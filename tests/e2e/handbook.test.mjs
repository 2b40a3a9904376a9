// The staff handbook as staff use it on the intranet (intranett.html, where the
// widget is <bti-veileder id="handbok">, so its routes are #bti-handbok/…):
// keyboard navigation and focus, the "Jeg jobber i …" service filter, the level
// finder, search while typing, deep links, back/forward, print, axe-core and
// reflow on every page type, and screenshots for review.

import test, { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, useEnvironment, openPage, assertClean, waitForWidgetEvent, expectVisible, expectHidden, poll, runAxe, screenshot, deepFocus, tabTo, assertNoSidewaysScroll } from './helpers.mjs';

const env = useEnvironment({ before, after });

// Expectations come from the example content itself, so a content edit does not
// silently turn a test into one that checks nothing.
const HB = JSON.parse(fs.readFileSync(path.join(ROOT, 'content', 'eksempel-kommune.handbook.json'), 'utf8'));
const nb = (t) => (typeof t === 'string' ? t : t?.nb ?? '');
const LEVELS = HB.levels;
const LEVEL0 = LEVELS.find((l) => l.number === 0);
const LEVEL3 = LEVELS.find((l) => l.number === 3);
const FIRST_STEP = LEVEL0.steps[0];
const ALL_STEPS = LEVELS.flatMap((l) => l.steps.map((st) => ({ level: l, step: st })));
const SCHOOL = HB.services.find((sv) => nb(sv.name) === 'Skole og SFO');
const CONSENT_TOOL = HB.tools.find((t) => /^Samtykkeskjema/.test(nb(t.title)));
const LAW = HB.laws.find((l) => l.id === 'bvl-13-2') ?? HB.laws.find((l) => l.url);
const lawName = (l) => (l.paragraph ? `${nb(l.act)} ${l.paragraph}` : nb(l.act));
const stepsUsing = (key, id) => ALL_STEPS.filter(({ step }) => (step[key] ?? []).includes(id));
const TOOL_WITH_STEPS = CONSENT_TOOL;
const ROLE_WITH_STEPS = HB.roles.find((r) => stepsUsing('roles', r.id).length > 0);
const SOURCE = (HB.sources ?? []).find((x) => x.url && stepsUsing('sources', x.id).length > 0);
const REPORT_STEP = ALL_STEPS.find(({ step }) => (step.decisions ?? []).some((d) => d.action === 'bekymringsmelding'));

const NS = '#bti-handbok';
const START_HERE = 'Jeg er bekymret for et barn – hvor starter jeg?';
const FINDER = 'Hvilket nivå er vi på?';
// The widget does not repeat a "Nivå 0:" the content title already starts with.
const levelTitle = (l) => `Nivå ${l.number}: ${nb(l.title).replace(/^[^:]{0,24}\d[^:]*:\s*/, '')}`;
const frontTitle = 'BTI-håndbok – Eksempel kommune';

test('the content the tests rely on is there', () => {
  assert.ok(LEVEL0 && LEVEL3 && FIRST_STEP, 'levels 0 and 3 with steps');
  assert.ok(SCHOOL, 'a service named "Skole og SFO"');
  assert.ok(CONSENT_TOOL, 'the consent form tool');
  assert.ok(LAW?.url, 'a law with a Lovdata url');
  assert.ok(stepsUsing('laws', LAW.id).length > 0, `law ${LAW.id} is used in a step`);
  assert.ok(ROLE_WITH_STEPS, 'a role used in a step');
  const withSchool = FIRST_STEP.service_notes.filter((n) => n.service === SCHOOL.id);
  assert.ok(withSchool.length === 1 && FIRST_STEP.service_notes.length > 1, 'the first step has a school note and others');
});

async function openHandbook(hash = '', { width = 1280, height = 900 } = {}) {
  const s = await openPage(env.browser, { viewport: { width, height } });
  await s.page.goto(env.url + 'intranett.html' + hash);
  await waitForWidgetEvent(s.page, 'bti-ready', 'handbok');
  s.widget = s.page.locator('#handbok');
  return s;
}

/** Waits until the widget's h2 with `text` has focus. */
async function expectFocusOnHeading(page, text, what) {
  const f = await poll(async () => {
    const f = await deepFocus(page);
    return f.tag === 'h2' && f.host?.id === 'handbok' && f.text === text ? f : null;
  }, `focus on the h2 "${text}" (${what})`, { timeout: 5000 }).catch(async (err) => {
    const f = await deepFocus(page);
    throw new assert.AssertionError({ message: `${err.message}; focus is on ${JSON.stringify(f)}` });
  });
  return f;
}

function hashOf(page) {
  return page.evaluate(() => location.hash);
}

// ---------------------------------------------------------------- keyboard and focus

test('first load leaves focus where it was (on a front page and on a deep link)', async () => {
  for (const hash of ['', `${NS}/steg/${FIRST_STEP.id}`]) {
    const s = await openHandbook(hash);
    try {
      await expectVisible(s.widget.getByRole('heading', { level: 2 }), 'the page heading');
      await s.page.waitForTimeout(400);
      const f = await deepFocus(s.page);
      assert.equal(f.host?.id === 'handbok', false, `on first load of "intranett.html${hash}" focus must stay out of the widget; it is on ${JSON.stringify(f)}`);
      assert.equal(f.tag, 'body', `focus stays on the document body, got ${JSON.stringify(f)}`);
      assertClean(s);
    } finally {
      await s.context.close();
    }
  }
});

test('keyboard only: front → Nivå 0 → first step → Forsiden → "Jeg er bekymret …" → first step, focus on each new h2', async () => {
  const s = await openHandbook();
  try {
    const { page } = s;
    await expectVisible(s.widget.getByRole('heading', { name: frontTitle, level: 2 }), 'the front page heading');

    await tabTo(page, (f) => f.host?.id === 'handbok' && f.tag === 'a' && f.text === levelTitle(LEVEL0), `the level link "${levelTitle(LEVEL0)}"`);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.hash === `${NS}/niva/${LEVEL0.id}`);
    await expectFocusOnHeading(page, levelTitle(LEVEL0), 'after opening the level');

    await tabTo(page, (f) => f.host?.id === 'handbok' && f.tag === 'a' && f.text === nb(FIRST_STEP.title), `the step link "${nb(FIRST_STEP.title)}"`);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.hash === `${NS}/steg/${FIRST_STEP.id}`);
    await expectFocusOnHeading(page, nb(FIRST_STEP.title), 'after opening the step from the level');
    await expectVisible(s.widget.getByText(`Nivå 0 · Steg 1 av ${LEVEL0.steps.length}`), 'the step position "Nivå 0 · Steg 1 av N"');

    // Backwards through the toolbar to the breadcrumb's "Forsiden".
    await tabTo(page, (f) => f.host?.id === 'handbok' && f.tag === 'a' && f.text === 'Forsiden', 'the breadcrumb link "Forsiden"', { back: true });
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.hash === `${NS}/`);
    await expectFocusOnHeading(page, frontTitle, 'after going back to the front page');

    await tabTo(page, (f) => f.host?.id === 'handbok' && f.tag === 'a' && f.text === START_HERE, `the link "${START_HERE}"`);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.hash === `${NS}/steg/${FIRST_STEP.id}`);
    await expectFocusOnHeading(page, nb(FIRST_STEP.title), `after "${START_HERE}"`);
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

test('"Hopp til innholdet" is the first focusable thing in the widget and moves focus to the page heading', async () => {
  const s = await openHandbook(`${NS}/steg/${FIRST_STEP.id}`);
  try {
    const first = await tabTo(s.page, (f) => f.host?.id === 'handbok', 'anything inside the widget');
    assert.equal(first.tag, 'button', `first focusable in the widget is a button, got ${JSON.stringify(first)}`);
    assert.equal(first.text, 'Hopp til innholdet');
    await expectVisible(s.widget.getByRole('button', { name: 'Hopp til innholdet' }), 'the focused skip button');
    await s.page.keyboard.press('Enter');
    await expectFocusOnHeading(s.page, nb(FIRST_STEP.title), 'after "Hopp til innholdet"');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

// ---------------------------------------------------------------- service picker

test('"Jeg jobber i …": Skole og SFO filters the step\'s notes, survives a reload, and stores nothing', async () => {
  const s = await openHandbook();
  try {
    const { page, widget } = s;
    await expectVisible(widget.getByRole('heading', { name: 'Jeg jobber i …', level: 3 }), 'the "Jeg jobber i …" heading');
    await widget.getByRole('region', { name: 'Basistjenester' }).getByRole('link', { name: 'Skole og SFO', exact: true }).click();
    await page.waitForURL((u) => u.hash === `${NS}/?tjeneste=${SCHOOL.id}`);
    await expectVisible(widget.getByText('Viser det Skole og SFO gjør.'), 'the "Viser det Skole og SFO gjør." line');
    await expectVisible(widget.getByRole('link', { name: 'Vis alle tjenester' }), 'the "Vis alle tjenester" link');

    // The choice is carried along to the step.
    await widget.getByRole('link', { name: START_HERE }).click();
    const stepHash = `${NS}/steg/${FIRST_STEP.id}?tjeneste=${SCHOOL.id}`;
    await page.waitForURL((u) => u.hash === stepHash);
    const checkNotes = async (when) => {
      await expectVisible(widget.getByRole('heading', { name: 'Viser det Skole og SFO gjør.', level: 3 }), `the filtered notes heading (${when})`);
      await expectHidden(widget.getByRole('heading', { name: 'Hva tjenestene gjør', level: 3 }), `the unfiltered notes heading (${when})`);
      const notes = await widget.getByRole('heading', { level: 4 }).allInnerTexts();
      assert.deepEqual(notes.map((t) => t.trim()), ['Skole og SFO'], `only the school's note is shown (${when})`);
    };
    await checkNotes('after choosing');

    await page.reload();
    await waitForWidgetEvent(page, 'bti-ready', 'handbok');
    assert.equal(await hashOf(page), stepHash, 'the deep link is kept over a reload');
    await checkNotes('after a reload');

    // Without the filter the step shows every service's note.
    await page.goto(env.url + `intranett.html${NS}/steg/${FIRST_STEP.id}`);
    await expectVisible(widget.getByRole('heading', { name: 'Hva tjenestene gjør', level: 3 }), 'the unfiltered notes heading');
    const all = await widget.getByRole('heading', { level: 4 }).allInnerTexts();
    assert.equal(all.length, FIRST_STEP.service_notes.length, `every note is shown without a filter: ${all}`);

    const storage = await page.evaluate(() => ({
      local: Object.keys(localStorage),
      session: Object.keys(sessionStorage),
      cookie: document.cookie,
    }));
    assert.deepEqual(storage, { local: [], session: [], cookie: '' }, 'nothing in localStorage, sessionStorage or document.cookie');
    assert.deepEqual(await s.context.cookies(), [], 'no cookies');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

// ---------------------------------------------------------------- level finder

test('level finder: Nei, Ja, Nei, complex cooperation → Nivå 3 with a link to its first step', async () => {
  const s = await openHandbook();
  try {
    const { page, widget } = s;
    await widget.getByRole('link', { name: FINDER }).click();
    await page.waitForURL((u) => u.hash === `${NS}/finn-niva`);
    await expectFocusOnHeading(page, FINDER, 'after opening the finder');
    const steps = [
      ['Er det mistanke om vold eller overgrep, eller er barnet i fare?', 'Nei'],
      ['Vet dere hva bekymringen gjelder?', 'Ja'],
      ['Kan dere følge opp innenfor egen tjeneste, sammen med familien?', 'Nei'],
      ['Hvordan blir samarbeidet mellom tjenestene?', 'Sammensatt: det trengs et eget møtested eller en felles plan'],
    ];
    for (const [question, answer] of steps) {
      await expectVisible(widget.getByRole('heading', { name: question, level: 3 }), `the question "${question}"`);
      await widget.getByRole('group', { name: question }).getByRole('button', { name: answer, exact: true }).click();
    }
    const first = LEVEL3.steps[0];
    const result = `Dere er på Nivå 3. Start med steget «${nb(first.title)}».`;
    await expectVisible(widget.getByRole('heading', { name: result, level: 3 }), `the result "${result}"`);
    const f = await deepFocus(page);
    assert.equal(f.text, result, 'focus moves to the result');
    const open = widget.getByRole('link', { name: 'Gå til steget' });
    assert.equal(await open.getAttribute('href'), `${NS}/steg/${first.id}`);
    await expectVisible(widget.getByRole('link', { name: levelTitle(LEVEL3) }), 'the link to the level');
    await open.click();
    await page.waitForURL((u) => u.hash === `${NS}/steg/${first.id}`);
    await expectFocusOnHeading(page, nb(first.title), 'after "Gå til steget"');
    await expectVisible(widget.getByText(`Nivå 3 · Steg 1 av ${LEVEL3.steps.length}`), 'the step position on level 3');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

test('level finder: Ja to danger → go straight to barnevernet or the police', async () => {
  const s = await openHandbook(`${NS}/finn-niva`);
  try {
    const q = 'Er det mistanke om vold eller overgrep, eller er barnet i fare?';
    await s.widget.getByRole('group', { name: q }).getByRole('button', { name: 'Ja', exact: true }).click();
    const urgent = s.widget.getByRole('heading', { name: /Gå rett til barnevernet eller politiet/, level: 3 });
    await expectVisible(urgent, 'the urgent message');
    assert.match(await urgent.innerText(), /Ikke snakk med foreldrene først/);
    await expectHidden(s.widget.getByRole('button', { name: 'Nei', exact: true }), 'more questions');
    // "Tilbake" returns to the question.
    await s.widget.getByRole('button', { name: 'Tilbake' }).click();
    await expectVisible(s.widget.getByRole('heading', { name: q }), 'the danger question after "Tilbake"');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

// ---------------------------------------------------------------- search

test('search: results while typing "samtykke", the consent form among the first, <mark> highlights, places; the first result opens', async () => {
  const s = await openHandbook();
  try {
    const { page, widget } = s;
    await widget.getByRole('search').getByRole('button', { name: 'Søk' }).click();
    await page.waitForURL((u) => u.hash.startsWith(`${NS}/sok`));
    await expectFocusOnHeading(page, 'Søk i håndboken', 'after opening search');
    const box = widget.getByRole('searchbox', { name: 'Søk i håndboken' });
    const status = widget.getByRole('main').getByRole('status');
    const historyBefore = await page.evaluate(() => history.length);

    // Type one key at a time, never pressing Enter: the status follows every key from two letters on.
    await box.focus();
    const word = 'samtykke';
    for (let i = 0; i < word.length; i++) {
      await page.keyboard.type(word[i]);
      const typed = word.slice(0, i + 1);
      if (typed.length >= 2) {
        await poll(async () => (await status.innerText()).includes(`«${typed}»`), `the status to name «${typed}» while typing`, { timeout: 3000 });
      }
    }
    assert.match(await status.innerText(), /^\d+ treff for «samtykke»$/);
    assert.equal(await hashOf(page), `${NS}/sok?q=samtykke`, 'the search words are kept in the address');
    assert.equal(await page.evaluate(() => history.length), historyBefore, 'typing adds no history entries');

    const items = widget.getByRole('main').getByRole('listitem');
    const count = await items.count();
    assert.ok(count >= 3, `several results (got ${count})`);
    const titles = (await widget.getByRole('main').getByRole('heading', { level: 3 }).allInnerTexts()).map((t) => t.trim());
    assert.ok(titles.slice(0, 3).includes(nb(CONSENT_TOOL.title)), `"${nb(CONSENT_TOOL.title)}" is among the first three results: ${JSON.stringify(titles.slice(0, 5))}`);

    const marks = await widget.getByRole('main').locator('mark').allInnerTexts();
    assert.ok(marks.length >= count, `every result has a highlighted match (${marks.length} <mark> for ${count} results)`);
    for (const m of marks) assert.match(m.toLowerCase(), /samtykk/, `a <mark> holds the matched word, got "${m}"`);

    // Each result: its place, then the title.
    const places = await items.evaluateAll((lis) => lis.map((li) => li.querySelector('h3')?.previousElementSibling?.textContent?.trim() ?? ''));
    places.forEach((p, i) => assert.ok(p.length > 0, `result ${i + 1} ("${titles[i]}") shows its place`));
    const toolIndex = titles.indexOf(nb(CONSENT_TOOL.title));
    assert.equal(places[toolIndex], 'Verktøy', 'the consent form is placed under "Verktøy"');

    const firstLink = items.first().getByRole('link');
    const firstTitle = (await firstLink.innerText()).trim();
    await firstLink.click();
    await page.waitForURL((u) => !u.hash.startsWith(`${NS}/sok`));
    const h2 = widget.getByRole('heading', { level: 2 });
    const opened = await poll(async () => {
      const t = (await h2.innerText()).trim();
      return t !== 'Søk i håndboken' && t.includes(firstTitle) ? t : null;
    }, `the page of the first result "${firstTitle}"`);
    await expectFocusOnHeading(page, opened, 'after opening the first result');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

// How fast search answers is measured by make bench (scripts/bench.mjs), not here.
test('search while typing: every one of 10 queries typed key by key gets its status', async () => {
  const s = await openHandbook(`${NS}/sok?q=`);
  try {
    const { widget } = s;
    const box = widget.getByRole('searchbox', { name: 'Søk i håndboken' });
    const status = widget.getByRole('main').getByRole('status');
    const queries = ['samtykke', 'barnevern', 'stafettlogg', 'taushetsplikt', 'undring', 'foreldresamtale', 'skole', 'ansvarsgruppe', 'bekymringsmelding', 'barnekordinator'];
    // Each query typed as a person types it, one key at a time.
    for (const q of queries) {
      await box.fill('');
      await box.pressSequentially(q, { delay: 30 });
      await poll(async () => (await status.innerText()).includes(`«${q}»`), `the status for «${q}»`, { timeout: 3000 });
    }
    // The search time on the status line is a test hook of pkg-test/ only.
    assert.equal(await status.getAttribute('data-search-us'), null, 'the shipped build has no data-search-us');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

// ---------------------------------------------------------------- deep links and back links

test(`deep link to a law shows the law, its Lovdata link and "Brukes i" links to steps`, async () => {
  const s = await openHandbook(`${NS}/lover/${LAW.id}`);
  try {
    const { page, widget } = s;
    const title = `${lawName(LAW)}: ${nb(LAW.title)}`;
    await expectVisible(widget.getByRole('heading', { name: title, level: 2 }), `the law heading "${title}"`);
    const lovdata = widget.getByRole('link', { name: 'Les loven på Lovdata' });
    assert.equal(await lovdata.getAttribute('href'), LAW.url);
    await expectVisible(widget.getByRole('heading', { name: 'Brukes i', level: 3 }), 'the "Brukes i" heading');
    for (const { level, step } of stepsUsing('laws', LAW.id)) {
      const name = `Nivå ${level.number} › ${nb(step.title)}`;
      assert.equal(await widget.getByRole('link', { name, exact: true }).getAttribute('href'), `${NS}/steg/${step.id}`, `"Brukes i" links "${name}"`);
    }
    // The breadcrumb leads back to the laws index.
    await widget.getByRole('navigation', { name: 'Du er her' }).getByRole('link', { name: 'Lover' }).click();
    await page.waitForURL((u) => u.hash === `${NS}/lover`);
    await expectFocusOnHeading(page, 'Lover', 'on the laws index');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

for (const [kind, hashPart, item, key] of [
  ['tool', 'verktoy', TOOL_WITH_STEPS, 'tools'],
  ['role', 'roller', ROLE_WITH_STEPS, 'roles'],
]) {
  test(`${kind} detail page (${item?.id}) links back to every step that uses it`, async () => {
    const s = await openHandbook(`${NS}/${hashPart}/${item.id}`);
    try {
      const { page, widget } = s;
      await expectVisible(widget.getByRole('heading', { name: nb(item.title), level: 2 }), `the heading "${nb(item.title)}"`);
      const used = stepsUsing(key, item.id);
      const section = widget.getByRole('main');
      const links = section.getByRole('link', { name: /^Nivå \d › / });
      assert.equal(await links.count(), used.length, `"Brukes i" lists ${used.length} steps`);
      const { level, step } = used[used.length - 1];
      await section.getByRole('link', { name: `Nivå ${level.number} › ${nb(step.title)}`, exact: true }).click();
      await page.waitForURL((u) => u.hash === `${NS}/steg/${step.id}`);
      await expectFocusOnHeading(page, nb(step.title), 'after following a "Brukes i" link');
      // and the step links to the item.
      await expectVisible(widget.getByRole('main').getByRole('link', { name: nb(item.title), exact: true }), `the step's link back to "${nb(item.title)}"`);
      assertClean(s);
    } finally {
      await s.context.close();
    }
  });
}

// ---------------------------------------------------------------- history and host anchors

test('back/forward move between handbook screens in the same document; the host\'s #hovedinnhold anchor leaves the widget alone', async () => {
  const s = await openHandbook();
  try {
    const { page, widget } = s;
    await page.evaluate(() => { window.__sameDocument = true; });
    await widget.getByRole('link', { name: levelTitle(LEVEL0) }).click();
    await expectFocusOnHeading(page, levelTitle(LEVEL0), 'level');
    await widget.getByRole('main').getByRole('link', { name: nb(FIRST_STEP.title), exact: true }).click();
    await expectFocusOnHeading(page, nb(FIRST_STEP.title), 'step');

    await page.goBack();
    await expectVisible(widget.getByRole('heading', { name: levelTitle(LEVEL0), level: 2 }), 'the level page after Back');
    assert.equal(await hashOf(page), `${NS}/niva/${LEVEL0.id}`);
    await page.goBack();
    await expectVisible(widget.getByRole('heading', { name: frontTitle, level: 2 }), 'the front page after Back twice');
    await page.goForward();
    await expectVisible(widget.getByRole('heading', { name: levelTitle(LEVEL0), level: 2 }), 'the level page after Forward');
    await page.goForward();
    await expectVisible(widget.getByRole('heading', { name: nb(FIRST_STEP.title), level: 2 }), 'the step page after Forward twice');
    assert.equal(await page.evaluate(() => window.__sameDocument === true), true, 'back/forward never reloaded the document');

    // The host's skip link (its own anchor) changes the hash but not the widget's screen.
    await page.getByRole('link', { name: 'Hopp til hovedinnholdet' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.hash === '#hovedinnhold');
    await page.waitForTimeout(300);
    await expectVisible(widget.getByRole('heading', { name: nb(FIRST_STEP.title), level: 2 }), 'the step page after the host anchor');
    await expectHidden(widget.getByRole('heading', { name: /Fant ikke siden/ }), 'a not-found page');
    await page.goBack();
    await page.waitForURL((u) => u.hash === `${NS}/steg/${FIRST_STEP.id}`);
    await expectVisible(widget.getByRole('heading', { name: nb(FIRST_STEP.title), level: 2 }), 'the step page after Back from the anchor');
    assert.equal(await page.evaluate(() => window.__sameDocument === true), true, 'still the same document');

    // Loaded afresh with the host's anchor only: the front page. (A goto that only
    // changes the fragment would not reload, so leave the document first.)
    await page.goto('about:blank');
    await page.goto(env.url + 'intranett.html#hovedinnhold');
    await waitForWidgetEvent(page, 'bti-ready', 'handbok');
    await expectVisible(widget.getByRole('heading', { name: frontTitle, level: 2 }), 'the front page under #hovedinnhold');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

// ---------------------------------------------------------------- print

test('print media on a step page hides the breadcrumb, toolbar, actions and pager', async () => {
  const s = await openHandbook(`${NS}/steg/${LEVEL0.steps[1].id}`);
  try {
    const { page, widget } = s;
    const parts = {
      breadcrumb: widget.getByRole('navigation', { name: 'Du er her' }),
      toolbar: widget.getByRole('search'),
      'print-all button': widget.getByRole('button', { name: 'Skriv ut hele håndboken' }),
      'Kopier lenke': widget.getByRole('button', { name: 'Kopier lenke' }),
      'Skriv ut': widget.getByRole('button', { name: 'Skriv ut', exact: true }),
      pager: widget.getByRole('navigation', { name: 'Stegene' }),
      'skip button': widget.getByRole('button', { name: 'Hopp til innholdet' }),
    };
    for (const [name, loc] of Object.entries(parts)) {
      if (name !== 'skip button') await expectVisible(loc, `${name} on screen`);
    }
    await page.emulateMedia({ media: 'print' });
    for (const [name, loc] of Object.entries(parts)) {
      assert.equal(await loc.isVisible(), false, `${name} is hidden in print`);
    }
    await expectVisible(widget.getByRole('heading', { name: nb(LEVEL0.steps[1].title), level: 2 }), 'the step heading in print');
    await expectVisible(widget.getByRole('heading', { name: 'Hva', level: 3 }), 'the step text in print');
    await screenshot(page, 'handbook-step-print-media');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

test('pkg/print.html?print=all renders the whole handbook without the host page', async () => {
  const s = await openPage(env.browser);
  try {
    const { page } = s;
    const src = encodeURIComponent(env.url + 'content/eksempel-kommune.json');
    await page.goto(env.url + `pkg/print.html?src=${src}&print=all&noprint=1`);
    await waitForWidgetEvent(page, 'bti-ready');
    const w = page.locator('bti-veileder');
    await expectVisible(w.getByRole('heading', { name: frontTitle, level: 2 }), 'the handbook title');
    for (const l of LEVELS) {
      await expectVisible(w.getByRole('heading', { name: levelTitle(l), level: 2 }), `the level heading "${levelTitle(l)}"`);
    }
    const h3 = (await w.getByRole('heading', { level: 3 }).allInnerTexts()).map((t) => t.trim());
    const expected = {};
    for (const { step } of ALL_STEPS) expected[nb(step.title)] = (expected[nb(step.title)] ?? 0) + 1;
    for (const [title, n] of Object.entries(expected)) {
      const got = h3.filter((t) => t === title).length;
      assert.ok(got >= n, `step "${title}" appears as a heading ${n} time(s), got ${got}`);
    }
    // No host chrome, and none of the widget's own screen navigation.
    assert.equal(await page.getByRole('navigation').count(), 0, 'no navigation landmarks (host menus, breadcrumb, pager)');
    assert.equal(await page.getByRole('search').count(), 0, 'no search toolbar');
    assert.equal(await page.getByText('Intranett').count(), 0, 'nothing of the intranet page');
    assert.equal(await page.evaluate(() => location.hash), '', 'the print view does not write a route');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'handbook-print-all');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

// ---------------------------------------------------------------- axe-core and reflow

async function answerFinder(s, answers) {
  for (const a of answers) {
    await s.widget.getByRole('main').getByRole('button', { name: a, exact: true }).click();
  }
}

test('a source: its page links out and back to its steps; the step lists it; a decision says a bekymringsmelding goes to barnevernet', async () => {
  assert.ok(SOURCE, 'a source with a url, used in a step');
  assert.ok(REPORT_STEP, 'a step with a decision that sends a bekymringsmelding');
  let s = await openHandbook(`${NS}/kilder/${SOURCE.id}`);
  try {
    const { page, widget } = s;
    await expectVisible(widget.getByRole('heading', { name: nb(SOURCE.title), level: 2 }), 'the source heading');
    assert.equal(await widget.getByRole('link', { name: 'Les kilden' }).getAttribute('href'), SOURCE.url);
    const [{ level, step }] = stepsUsing('sources', SOURCE.id);
    await widget.getByRole('link', { name: `Nivå ${level.number} › ${nb(step.title)}`, exact: true }).click();
    await page.waitForURL((u) => u.hash === `${NS}/steg/${step.id}`);
    await expectVisible(widget.getByRole('heading', { name: 'Kilder', level: 3 }), 'the step\'s "Kilder" heading');
    await expectVisible(widget.getByRole('main').getByRole('link', { name: nb(SOURCE.title), exact: true }), 'the step lists the source');
    assertClean(s);
  } finally {
    await s.context.close();
  }
  s = await openHandbook(`${NS}/steg/${REPORT_STEP.step.id}`);
  try {
    await expectVisible(s.widget.getByText('Send bekymringsmelding til barnevernet.', { exact: true }), 'the decision says so in words');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

const PAGES = [
  { name: 'front', hash: '', heading: frontTitle },
  { name: 'level', hash: `/niva/${LEVEL0.id}`, heading: levelTitle(LEVEL0) },
  { name: 'step', hash: `/steg/${FIRST_STEP.id}`, heading: nb(FIRST_STEP.title) },
  { name: 'step with service filter', hash: `/steg/${FIRST_STEP.id}?tjeneste=${SCHOOL.id}`, heading: nb(FIRST_STEP.title) },
  { name: 'tools index', hash: '/verktoy', heading: 'Verktøy' },
  { name: 'tool detail', hash: `/verktoy/${CONSENT_TOOL.id}`, heading: nb(CONSENT_TOOL.title) },
  { name: 'laws index', hash: '/lover', heading: 'Lover' },
  { name: 'sources index', hash: '/kilder', heading: 'Kilder' },
  { name: 'source detail', hash: `/kilder/${SOURCE?.id}`, heading: nb(SOURCE?.title) },
  { name: 'law detail', hash: `/lover/${LAW.id}`, heading: `${lawName(LAW)}: ${nb(LAW.title)}` },
  { name: 'roles index', hash: '/roller', heading: 'Roller og arenaer' },
  { name: 'role detail', hash: `/roller/${ROLE_WITH_STEPS.id}`, heading: nb(ROLE_WITH_STEPS.title) },
  { name: 'services index', hash: '/tjenester', heading: 'Tjenester' },
  { name: 'service detail', hash: `/tjenester/${SCHOOL.id}`, heading: nb(SCHOOL.name) },
  { name: 'kommune index', hash: '/kommune', heading: 'Kommunenivå' },
  { name: 'kommune page', hash: `/kommune/${HB.publication.kommune[0].id}`, heading: nb(HB.publication.kommune[0].title) },
  { name: 'etat index', hash: '/etat', heading: 'Etatsnivå' },
  { name: 'etat page', hash: `/etat/${HB.publication.etat[0].id}`, heading: nb(HB.publication.etat[0].title) },
  { name: 'finder question', hash: '/finn-niva', heading: FINDER },
  { name: 'finder result', hash: '/finn-niva', heading: FINDER, go: (s) => answerFinder(s, ['Nei', 'Ja', 'Nei', 'Sammensatt: det trengs et eget møtested eller en felles plan']), expect: /Dere er på Nivå 3/ },
  { name: 'finder urgent', hash: '/finn-niva', heading: FINDER, go: (s) => answerFinder(s, ['Ja']), expect: /Gå rett til barnevernet/ },
  { name: 'search with results', hash: '/sok?q=samtykke', heading: 'Søk i håndboken', expect: /treff for «samtykke»/ },
  { name: 'not found', hash: '/finnes-ikke/heller-ikke', heading: 'Fant ikke siden. Den kan være flyttet eller fjernet.' },
];

async function openAt(p, width) {
  const s = await openHandbook(`${NS}${p.hash}`, { width, height: 800 });
  await expectVisible(s.widget.getByRole('heading', { name: p.heading, level: 2 }), `the ${p.name} heading "${p.heading}"`);
  if (p.go) await p.go(s);
  if (p.expect) await expectVisible(s.widget.getByText(p.expect), `${p.expect} on the ${p.name} page`);
  return s;
}

async function axeClean(s, label) {
  const { violations, summary } = await runAxe(s.page);
  assert.equal(violations.length, 0, `axe found ${violations.length} violation(s) on ${label}:\n${summary}`);
}

for (const p of PAGES) {
  test(`axe at 1280 px: ${p.name} (#bti-handbok${p.hash}) has no WCAG 2.1 A/AA violations`, async () => {
    const s = await openAt(p, 1280);
    try {
      await axeClean(s, `${p.name} at 1280 px`);
      assertClean(s);
    } finally {
      await s.context.close();
    }
  });
}

for (const p of PAGES.filter((x) => x.name === 'front' || x.name === 'step')) {
  test(`320 px: ${p.name} has no axe violations and no horizontal scroll`, async () => {
    const s = await openAt(p, 320);
    try {
      await assertNoSidewaysScroll(s.page, 320);
      await axeClean(s, `${p.name} at 320 px`);
      assertClean(s);
    } finally {
      await s.context.close();
    }
  });
}

// ---------------------------------------------------------------- screenshots

for (const width of [360, 1280]) {
  test(`screenshots at ${width} px: front, step, search, finder`, async () => {
    const shots = [
      PAGES.find((p) => p.name === 'front'),
      PAGES.find((p) => p.name === 'step'),
      PAGES.find((p) => p.name === 'search with results'),
      PAGES.find((p) => p.name === 'finder question'),
      PAGES.find((p) => p.name === 'finder result'),
    ];
    for (const p of shots) {
      const s = await openAt(p, width);
      try {
        const file = await screenshot(s.page, `handbook-${p.name}-${width}`);
        assert.ok(fs.statSync(file).size > 1000, `${file} was written`);
        assertClean(s);
      } finally {
        await s.context.close();
      }
    }
  });
}
