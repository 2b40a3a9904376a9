// Languages and accessibility: axe-core (WCAG 2.1 A/AA) on every screen type of
// the citizen guide and the staff handbook in nb, nn, en and ar at 320 and
// 1280 px; the language switcher keeps the reader's place; right-to-left
// details in Arabic (phone numbers stay left-to-right, the pager's arrows point
// the way the text runs); a keyboard-only walk through the guide; forced colours
// and 200 % zoom (screenshots for review, no sideways scrolling); WCAG 1.4.12
// text-spacing overrides; prefers-reduced-motion.
//
// The language is set with the element's `lang` attribute before the widget
// mounts: the served index.html / intranett.html is rewritten on the way to the
// browser (a copy of the page with `<bti-veileder lang="…">`).

import test, { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, useEnvironment, openPage, assertClean, waitForWidgetEvent, expectVisible, poll, runAxe, screenshot, deepFocus, tabTo, assertNoSidewaysScroll } from './helpers.mjs';

const env = useEnvironment({ before, after });

const LANGS = ['nb', 'nn', 'en', 'ar'];
const WIDTHS = [320, 1280];
const read = (f) => JSON.parse(fs.readFileSync(path.join(ROOT, 'content', f), 'utf8'));
const str = (t) => (typeof t === 'string' ? t : t?.nb ?? '');

// ---------------------------------------------------------------- content, per language

const GUIDE_NB = read('eksempel-kommune.guide.json').guide;
const GUIDE = { nb: new Map(GUIDE_NB.nodes.map((n) => [n.id, n])) };
for (const l of ['nn', 'en', 'ar']) GUIDE[l] = new Map(read(`eksempel-kommune.guide.${l}.json`).guide.nodes.map((n) => [n.id, n]));
const gTitle = (lang, id) => str(GUIDE[lang].get(id)?.title) || str(GUIDE.nb.get(id).title);
const gAnswer = (lang, qid, aid) => str(GUIDE[lang].get(qid)?.answers?.find((a) => a.id === aid)?.label);

// One path: start → q-familie-barn (a middle question) → q-vold-akutt → r-vold-barn (a result with Alarmtelefonen).
const GUIDE_PATH = [
  { q: GUIDE_NB.start, a: 'a-familie' },
  { q: 'q-familie-barn', a: 'a-vold' },
  { q: 'q-vold-akutt', a: 'a-nei' },
];
const RESULT = 'r-vold-barn';

const HB_NB = read('eksempel-kommune.handbook.json');
const HB = { nb: HB_NB, nn: read('eksempel-kommune.handbook.nn.json'), en: read('eksempel-kommune.handbook.en.json') };
// Arabic has no handbook content: it falls back to bokmål (with a note).
const hbFor = (lang) => HB[lang] ?? HB.nb;
const hasHandbookContent = (lang) => lang in HB;
const byId = (list, id) => (list ?? []).find((x) => x.id === id);
const STEP = HB_NB.levels[0].steps[0];
const STEP2 = HB_NB.levels[0].steps[1];
const stepTitle = (lang, id) => str(hbFor(lang).levels.flatMap((l) => l.steps ?? []).find((s) => s.id === id)?.title) || str(HB_NB.levels.flatMap((l) => l.steps).find((s) => s.id === id).title);
const TOOL = HB_NB.tools.find((t) => /^Samtykkeskjema/.test(str(t.title)));
const LAW = byId(HB_NB.laws, 'bvl-13-2');
const ROLE = HB_NB.roles[0];
const SERVICE = byId(HB_NB.services, 'skole-sfo');
const KOMMUNE = HB_NB.publication.kommune[0];
const field = (lang, kind, id, key) => {
  const list = kind === 'kommune' ? hbFor(lang).publication?.kommune : hbFor(lang)[kind];
  const base = kind === 'kommune' ? HB_NB.publication.kommune : HB_NB[kind];
  return str(byId(list, id)?.[key]) || str(byId(base, id)[key]);
};
const SEARCH_WORD = { nb: 'samtykke', nn: 'samtykke', en: 'consent', ar: 'samtykke' };

const NS = '#bti-handbok';
const H2 = 'main h2';

// Each handbook screen: its route, and what shows that it is there (in `lang`).
const HANDBOOK_SCREENS = [
  { name: 'front', hash: '/', ready: { selector: `main a[href="${NS}/niva/${HB_NB.levels[0].id}"]` } },
  { name: 'level', hash: `/niva/${HB_NB.levels[0].id}`, ready: { selector: `main a[href="${NS}/steg/${STEP.id}"]` } },
  { name: 'step', hash: `/steg/${STEP.id}`, ready: { h2: (l) => stepTitle(l, STEP.id) } },
  { name: 'tools index', hash: '/verktoy', ready: { selector: `main a[href="${NS}/verktoy/${TOOL.id}"]` } },
  { name: 'tool detail', hash: `/verktoy/${TOOL.id}`, ready: { h2: (l) => field(l, 'tools', TOOL.id, 'title') } },
  { name: 'law detail', hash: `/lover/${LAW.id}`, ready: { h2Contains: (l) => field(l, 'laws', LAW.id, 'title') } },
  { name: 'role detail', hash: `/roller/${ROLE.id}`, ready: { h2: (l) => field(l, 'roles', ROLE.id, 'title') } },
  { name: 'service detail', hash: `/tjenester/${SERVICE.id}`, ready: { h2: (l) => field(l, 'services', SERVICE.id, 'name') } },
  { name: 'kommune page', hash: `/kommune/${KOMMUNE.id}`, ready: { h2: (l) => field(l, 'kommune', KOMMUNE.id, 'title') } },
  { name: 'finder question', hash: '/finn-niva', ready: { selector: 'main fieldset.bti-finder__q' } },
  // Nei, Ja, Nei, complex cooperation: the answers are UI strings, so pick them by position ([Ja, Nei] / [Enkelt, Sammensatt]).
  { name: 'finder result', hash: '/finn-niva', answers: [1, 0, 1, 1], ready: { selector: 'main .bti-finder__result' } },
  { name: 'search with results', hash: (l) => `/sok?q=${encodeURIComponent(SEARCH_WORD[l])}`, ready: { selector: 'main .bti-results__item a' } },
];

// ---------------------------------------------------------------- helpers

/** A page whose index.html / intranett.html carry `lang` on every <bti-veileder> before the widget mounts. */
async function openIn(lang, { width = 1280, height = 900, ...opts } = {}) {
  const s = await openPage(env.browser, { viewport: { width, height }, ...opts });
  if (lang) {
    await s.context.route(/\/(index|intranett)\.html(\?[^#]*)?$/, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/<bti-veileder\b/g, `<bti-veileder lang="${lang}"`);
      await route.fulfill({ response, body });
    });
  }
  return s;
}

/** The widget root's lang/dir and the main heading, through the shadow root. */
function rootState(page, host) {
  return page.evaluate((host) => {
    const sr = document.querySelector(host)?.shadowRoot;
    const root = sr?.querySelector('.bti-root');
    return {
      lang: root?.getAttribute('lang') ?? null,
      dir: root?.getAttribute('dir') ?? null,
      h2: (sr?.querySelector('main h2, .bti-page__title')?.textContent ?? '').trim(),
      h3: (sr?.querySelector('.bti-question__title, .bti-result h3, h3[tabindex="-1"]')?.textContent ?? '').trim(),
      langNote: !!sr?.querySelector('.bti-notice--lang'),
    };
  }, host);
}

async function expectRootLang(page, host, lang, what) {
  await poll(async () => (await rootState(page, host)).lang === lang, `the widget root to have lang="${lang}" (${what})`);
}

async function gotoGuide(s, lang) {
  await s.page.goto(env.url + 'index.html');
  await waitForWidgetEvent(s.page, 'bti-ready');
  s.widget = s.page.locator('bti-veileder');
  if (lang) await expectRootLang(s.page, 'bti-veileder', lang, 'guide');
  await expectGuideHeading(s, gTitle(lang ?? 'nb', GUIDE_NB.start), 'the first question');
}

async function expectGuideHeading(s, title, what) {
  await expectVisible(s.widget.getByRole('heading', { name: title, exact: true, level: 3 }), `${what}: "${title}"`);
}

async function answerGuide(s, lang, step) {
  const label = gAnswer(lang, step.q, step.a);
  assert.ok(label, `content has a ${lang} label for ${step.q}/${step.a}`);
  await s.widget.getByRole('button', { name: label, exact: true }).click();
}

async function gotoHandbook(s, lang, hash = '') {
  await s.page.goto(env.url + 'intranett.html' + (hash ? NS + hash : ''));
  await waitForWidgetEvent(s.page, 'bti-ready', 'handbok');
  s.widget = s.page.locator('#handbok');
  if (lang) await expectRootLang(s.page, '#handbok', lang, 'handbook');
}

/** Moves the handbook to `screen` inside the same document and waits until it shows. */
async function showHandbookScreen(s, lang, screen) {
  const hash = typeof screen.hash === 'function' ? screen.hash(lang) : screen.hash;
  // Leave the route first so a screen that repeats the previous route (the finder twice) starts fresh.
  await s.page.evaluate((h) => { location.hash = h; }, `${NS}/`);
  await s.page.evaluate((h) => { location.hash = h; }, NS + hash);
  const main = s.widget.locator('main');
  for (const i of screen.answers ?? []) {
    const buttons = main.locator('fieldset.bti-finder__q button');
    await buttons.first().waitFor({ state: 'visible' });
    const before = await main.locator('fieldset.bti-finder__q legend, fieldset.bti-finder__q h3').first().textContent().catch(() => '');
    await buttons.nth(i).click();
    await poll(async () => {
      const now = await main.locator('fieldset.bti-finder__q legend, fieldset.bti-finder__q h3').first().textContent({ timeout: 200 }).catch(() => null);
      return now !== before;
    }, `the finder to move on after answer ${i}`, { timeout: 5000 });
  }
  const r = screen.ready;
  const label = `${screen.name} (${lang}, ${NS}${hash})`;
  if (r.selector) await expectVisible(s.widget.locator(r.selector), `${label}: ${r.selector}`);
  if (r.h2) await expectVisible(s.widget.locator(H2).filter({ hasText: new RegExp(`^\\s*${escapeRe(r.h2(lang))}\\s*$`) }), `${label}: the heading "${r.h2(lang)}"`);
  if (r.h2Contains) await expectVisible(s.widget.locator(H2).filter({ hasText: r.h2Contains(lang) }), `${label}: a heading with "${r.h2Contains(lang)}"`);
  return label;
}

const escapeRe = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Waits until the widget element `tag` with `text` has focus. */
async function expectFocusOn(page, tag, text, what) {
  return poll(async () => {
    const f = await deepFocus(page);
    return f.host?.tag === 'bti-veileder' && f.tag === tag && f.text === text ? f : null;
  }, `focus on the ${tag} "${text}" (${what})`, { timeout: 5000 }).catch(async (err) => {
    throw new assert.AssertionError({ message: `${err.message}; focus is on ${JSON.stringify(await deepFocus(page))}` });
  });
}

// ---------------------------------------------------------------- 1. axe on every screen, per language and width

for (const lang of LANGS) {
  for (const width of WIDTHS) {
    test(`axe, guide in ${lang} at ${width} px: first question, a middle question and a result have no WCAG 2.1 A/AA violations`, async () => {
      const s = await openIn(lang, { width, height: 800 });
      try {
        const failures = [];
        const check = async (name) => {
          const st = await rootState(s.page, 'bti-veileder');
          assert.equal(st.lang, lang, `${name}: root lang`);
          assert.equal(st.dir, lang === 'ar' ? 'rtl' : 'ltr', `${name}: root dir`);
          assert.equal(st.langNote, false, `${name}: the guide has ${lang} content, so no "only in Norwegian" note`);
          const { violations, summary } = await runAxe(s.page);
          if (violations.length) failures.push(`${name}:\n${summary}`);
        };
        await gotoGuide(s, lang);
        await check('first question');
        await answerGuide(s, lang, GUIDE_PATH[0]);
        await expectGuideHeading(s, gTitle(lang, GUIDE_PATH[1].q), 'the middle question');
        await check('middle question');
        await answerGuide(s, lang, GUIDE_PATH[1]);
        await expectGuideHeading(s, gTitle(lang, GUIDE_PATH[2].q), 'the third question');
        await answerGuide(s, lang, GUIDE_PATH[2]);
        await expectGuideHeading(s, gTitle(lang, RESULT), 'the result');
        await check('result');
        assert.deepEqual(failures, [], `axe violations in the guide (${lang}, ${width} px):\n${failures.join('\n')}`);
        assertClean(s);
      } finally {
        await s.context.close();
      }
    });

    test(`axe, handbook in ${lang} at ${width} px: ${HANDBOOK_SCREENS.map((x) => x.name).join(', ')} have no WCAG 2.1 A/AA violations`, async () => {
      const s = await openIn(lang, { width, height: 800 });
      try {
        await gotoHandbook(s, lang);
        const failures = [];
        for (const screen of HANDBOOK_SCREENS) {
          const label = await showHandbookScreen(s, lang, screen);
          const st = await rootState(s.page, '#handbok');
          assert.equal(st.lang, lang, `${label}: root lang`);
          assert.equal(st.dir, lang === 'ar' ? 'rtl' : 'ltr', `${label}: root dir`);
          assert.equal(st.langNote, !hasHandbookContent(lang), `${label}: the "only in Norwegian" note is shown exactly when there is no ${lang} content`);
          const { violations, summary } = await runAxe(s.page);
          if (violations.length) failures.push(`${label}:\n${summary}`);
        }
        assert.deepEqual(failures, [], `axe violations in the handbook (${lang}, ${width} px):\n${failures.join('\n')}`);
        assertClean(s);
      } finally {
        await s.context.close();
      }
    });
  }
}

// Reflow in every language (WCAG 1.4.10): nothing, visible or hidden, may widen the page.
for (const lang of LANGS) {
  test(`reflow in ${lang} at 320 px: guide first question and result, handbook front and step need no sideways scrolling`, async () => {
    const s = await openIn(lang, { width: 320, height: 800 });
    try {
      const failures = [];
      const check = async (what) => {
        await assertNoSidewaysScroll(s.page, 320, `${what} (${lang})`).catch((err) => failures.push(err.message));
      };
      await gotoGuide(s, lang);
      await check('guide, first question');
      for (const step of GUIDE_PATH) await answerGuide(s, lang, step);
      await expectGuideHeading(s, gTitle(lang, RESULT), 'the result');
      await check('guide, result');
      await gotoHandbook(s, lang);
      await showHandbookScreen(s, lang, HANDBOOK_SCREENS[0]);
      await check('handbook, front');
      await showHandbookScreen(s, lang, HANDBOOK_SCREENS[2]);
      await check('handbook, step');
      assert.deepEqual(failures, [], `sideways scrolling in ${lang}:\n${failures.join('\n')}`);
      assertClean(s);
    } finally {
      await s.context.close();
    }
  });
}

// ---------------------------------------------------------------- 2. the language switcher

test('switcher, guide: on a middle question "English" shows the same question in English; العربية sets dir="rtl"; languages without content are marked', async () => {
  const s = await openIn(null, { width: 1280 });
  try {
    await gotoGuide(s, null);
    await answerGuide(s, 'nb', GUIDE_PATH[0]);
    const middle = GUIDE_PATH[1].q;
    await expectGuideHeading(s, gTitle('nb', middle), 'the middle question in bokmål');

    const select = s.widget.getByLabel('Språk', { exact: true });
    await expectVisible(select, 'the switcher labelled "Språk"');
    const options = await select.locator('option').evaluateAll((os) => os.map((o) => ({ value: o.value, text: o.textContent.trim(), lang: o.getAttribute('lang') })));
    const opt = (v) => options.find((o) => o.value === v);
    assert.match(opt('so')?.text ?? '', /^Soomaali – bare menyer og nødhjelp$/, `the Somali option is marked: ${JSON.stringify(options)}`);
    for (const v of ['ti', 'se']) assert.match(opt(v)?.text ?? '', /– bare menyer og nødhjelp$/, `the ${v} option is marked`);
    for (const [v, name] of [['nb', 'Norsk bokmål'], ['nn', 'Nynorsk'], ['en', 'English'], ['ar', 'العربية'], ['uk', 'Українська'], ['pl', 'Polski']]) {
      assert.equal(opt(v)?.text, name, `the ${v} option is "${name}" (guide content exists), unmarked`);
      assert.equal(opt(v)?.lang, v, `the ${v} option has lang="${v}"`);
    }

    await select.selectOption({ label: 'English' });
    await expectRootLang(s.page, 'bti-veileder', 'en', 'after choosing English');
    await expectGuideHeading(s, gTitle('en', middle), 'the same middle question in English');
    const en = await rootState(s.page, 'bti-veileder');
    assert.equal(en.dir, 'ltr');
    assert.match(await s.widget.getByText(/^(Question|Spørsmål) \d+$/).first().innerText(), /^Question 2$/, 'still on question 2, counted in English');
    await expectVisible(s.widget.getByRole('button', { name: gAnswer('en', middle, GUIDE_PATH[1].a), exact: true }), 'the English answer');

    // The label is in English now.
    await s.widget.getByLabel('Language', { exact: true }).selectOption({ label: 'العربية' });
    await expectRootLang(s.page, 'bti-veileder', 'ar', 'after choosing Arabic');
    await expectGuideHeading(s, gTitle('ar', middle), 'the same middle question in Arabic');
    const ar = await rootState(s.page, 'bti-veileder');
    assert.equal(ar.dir, 'rtl', 'Arabic sets dir="rtl" on the root');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

test('switcher, handbook: on a step deep link "English" shows the same step in English with the hash unchanged; languages without handbook content are marked', async () => {
  const s = await openIn(null, { width: 1280 });
  try {
    const hash = `${NS}/steg/${STEP.id}`;
    await gotoHandbook(s, null, `/steg/${STEP.id}`);
    await expectVisible(s.widget.getByRole('heading', { name: stepTitle('nb', STEP.id), level: 2 }), 'the step in bokmål');
    const select = s.widget.getByLabel('Språk', { exact: true });
    const options = await select.locator('option').evaluateAll((os) => Object.fromEntries(os.map((o) => [o.value, o.textContent.trim()])));
    assert.equal(options.so, 'Soomaali – bare menyer og nødhjelp', 'Somali is marked');
    assert.equal(options.ar, 'العربية – bare menyer og nødhjelp', 'Arabic has no handbook content: marked');
    assert.equal(options.en, 'English', 'English has handbook content: unmarked');
    assert.equal(options.nn, 'Nynorsk', 'Nynorsk has handbook content: unmarked');

    await select.selectOption({ label: 'English' });
    await expectRootLang(s.page, '#handbok', 'en', 'after choosing English');
    await expectVisible(s.widget.getByRole('heading', { name: stepTitle('en', STEP.id), level: 2, exact: true }), `the same step in English ("${stepTitle('en', STEP.id)}")`);
    assert.equal(await s.page.evaluate(() => location.hash), hash, 'the hash is unchanged');
    assert.equal((await rootState(s.page, '#handbok')).langNote, false, 'no "only in Norwegian" note in English');

    await s.widget.getByLabel('Language', { exact: true }).selectOption({ value: 'ar' });
    await expectRootLang(s.page, '#handbok', 'ar', 'after choosing Arabic');
    const ar = await poll(async () => {
      const st = await rootState(s.page, '#handbok');
      return st.langNote && st.h2 === stepTitle('nb', STEP.id) ? st : null;
    }, 'the step in bokmål with the "only in Norwegian" note in Arabic');
    assert.equal(ar.dir, 'rtl');
    assert.equal(await s.page.evaluate(() => location.hash), hash, 'the hash is still unchanged');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

/** The titles of the search hits on the handbook's search page. */
function hitTitles(s) {
  return s.widget.locator('main .bti-results__item a').allInnerTexts().then((t) => t.map((x) => x.trim()));
}

for (const [lang, label, word, title] of [
  ['en', 'English', 'consent', 'Consent form for interdisciplinary cooperation'],
  ['nn', 'Nynorsk', 'samtykke', 'Samtykkeskjema for tverrfagleg samarbeid'],
]) {
  test(`search after switching to ${label}: "${word}" finds the ${label} pages by their ${label} titles`, async () => {
    const s = await openIn(null, { width: 1280 });
    try {
      await gotoHandbook(s, null, '/sok?q=samtykke');
      await poll(async () => (await hitTitles(s)).includes('Samtykkeskjema for tverrfaglig samarbeid') || null, 'the bokmål hit first');
      await s.widget.getByLabel('Språk', { exact: true }).selectOption({ label });
      await expectRootLang(s.page, '#handbok', lang, `after choosing ${label}`);
      const field = s.widget.getByRole('searchbox');
      await field.fill(word);
      const titles = await poll(async () => {
        const t = await hitTitles(s);
        return t.includes(title) ? t : null;
      }, `"${title}" among the hits for "${word}" in ${label}`);
      assert.ok(!titles.includes('Samtykkeskjema for tverrfaglig samarbeid'), `no bokmål titles among the ${label} hits: ${JSON.stringify(titles)}`);
      assertClean(s);
    } finally {
      await s.context.close();
    }
  });
}

// ---------------------------------------------------------------- 3. right to left

/** Every tel: link in the widget: its text, and the direction of the text inside it. */
function telLinks(page, host) {
  return page.evaluate((host) => {
    const sr = document.querySelector(host).shadowRoot;
    return [...sr.querySelectorAll('a[href^="tel:"]')].map((a) => {
      const bdi = a.querySelector('bdi');
      return {
        href: a.getAttribute('href'),
        text: a.textContent.trim(),
        bdi: bdi ? { text: bdi.textContent.trim(), dir: bdi.getAttribute('dir'), direction: getComputedStyle(bdi).direction, unicodeBidi: getComputedStyle(bdi).unicodeBidi } : null,
      };
    });
  }, host);
}

test('RTL: in Arabic the phone numbers stay left-to-right (116 111 in a <bdi dir="ltr">), on the first screen and on a result', async () => {
  const s = await openIn('ar', { width: 360, height: 800 });
  try {
    await gotoGuide(s, 'ar');
    const check = async (where) => {
      const links = await telLinks(s.page, 'bti-veileder');
      const alarm = links.filter((l) => l.href === 'tel:116111');
      assert.ok(alarm.length >= 1, `${where}: a tel:116111 link (links: ${JSON.stringify(links)})`);
      for (const l of links) {
        assert.ok(l.bdi, `${where}: ${l.href} wraps its number in <bdi>: ${JSON.stringify(l)}`);
        assert.equal(l.bdi.dir, 'ltr', `${where}: ${l.href}'s <bdi> has dir="ltr"`);
        assert.equal(l.bdi.direction, 'ltr', `${where}: ${l.href}'s number is laid out left-to-right`);
      }
      for (const l of alarm) assert.equal(l.bdi.text, '116 111', `${where}: the Alarmtelefonen number reads "116 111"`);
      // And visually: "116" is left of "111".
      const order = await s.page.evaluate((host) => {
        const bdi = document.querySelector(host).shadowRoot.querySelector('a[href="tel:116111"] bdi');
        const text = bdi.firstChild;
        const r = document.createRange();
        r.setStart(text, 0); r.setEnd(text, 3);
        const first = r.getBoundingClientRect().left;
        r.setStart(text, 4); r.setEnd(text, 7);
        return { first, second: r.getBoundingClientRect().left };
      }, 'bti-veileder');
      assert.ok(order.first < order.second, `${where}: "116" is drawn left of "111" (${JSON.stringify(order)})`);
    };
    await check('first question');
    for (const step of GUIDE_PATH) await answerGuide(s, 'ar', step);
    await expectGuideHeading(s, gTitle('ar', RESULT), 'the result');
    const inResult = await s.page.evaluate(() => document.querySelector('bti-veileder').shadowRoot.querySelectorAll('.bti-result a[href="tel:116111"], section a[href="tel:116111"]').length);
    assert.ok(inResult >= 1, 'the result lists Alarmtelefonen with a tel: link');
    await check('result');
    await screenshot(s.page, 'i18n-ar-guide-result-360');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

test('RTL: the handbook step pager\'s "next" arrow points left in Arabic (and right in bokmål)', async () => {
  for (const [lang, next, prev] of [['ar', '←', '→'], ['nb', '→', '←']]) {
    const s = await openIn(lang, { width: 1280 });
    try {
      await gotoHandbook(s, lang, `/steg/${STEP2.id}`);
      const pager = s.widget.locator('nav.bti-pager');
      await expectVisible(pager, `the pager (${lang})`);
      const nextText = (await pager.locator('.bti-pager__next a').innerText()).trim();
      assert.ok(nextText.endsWith(next), `${lang}: the next-step link "${nextText}" ends with "${next}"`);
      const prevText = (await pager.locator('.bti-pager__prev a, a').first().innerText()).trim();
      assert.ok(prevText.startsWith(prev), `${lang}: the previous-step link "${prevText}" starts with "${prev}"`);
      if (lang === 'ar') await screenshot(s.page, 'i18n-ar-handbook-step-1280');
      assertClean(s);
    } finally {
      await s.context.close();
    }
  }
});

// ---------------------------------------------------------------- 4. keyboard only

test('keyboard only through the guide: quick exit first, answers by Enter/Space, focus on each new question and on the result', async () => {
  const s = await openIn(null, { width: 1280 });
  try {
    const { page } = s;
    await gotoGuide(s, null);
    await page.waitForTimeout(200);
    const first = await tabTo(page, (f) => f.host?.tag === 'bti-veileder', 'anything inside the widget');
    assert.deepEqual({ tag: first.tag, text: first.text }, { tag: 'button', text: 'Forlat siden raskt' }, 'the first Tab into the widget lands on the quick-exit skip button');
    await expectVisible(s.widget.getByRole('button', { name: 'Forlat siden raskt' }), 'the focused skip button on screen');

    // Answer 1 with Enter.
    let label = gAnswer('nb', GUIDE_PATH[0].q, GUIDE_PATH[0].a);
    await tabTo(page, (f) => f.host?.tag === 'bti-veileder' && f.tag === 'button' && f.text === label, `the answer "${label}"`);
    await page.keyboard.press('Enter');
    await expectFocusOn(page, 'h3', gTitle('nb', GUIDE_PATH[1].q), 'after answering with Enter');

    // Answer 2 with Space.
    label = gAnswer('nb', GUIDE_PATH[1].q, GUIDE_PATH[1].a);
    await tabTo(page, (f) => f.host?.tag === 'bti-veileder' && f.tag === 'button' && f.text === label, `the answer "${label}"`);
    await page.keyboard.press('Space');
    await expectFocusOn(page, 'h3', gTitle('nb', GUIDE_PATH[2].q), 'after answering with Space');

    // Answer 3: Tab past it, then Shift+Tab back to it, and Enter.
    label = gAnswer('nb', GUIDE_PATH[2].q, GUIDE_PATH[2].a);
    await tabTo(page, (f) => f.host?.tag === 'bti-veileder' && f.tag === 'button' && f.text === label, `the answer "${label}"`);
    await page.keyboard.press('Tab');
    const back = await tabTo(page, (f) => f.host?.tag === 'bti-veileder' && f.tag === 'button' && f.text === label, `the answer "${label}" going back`, { back: true, max: 3 });
    assert.equal(back.text, label);
    await page.keyboard.press('Enter');
    await expectFocusOn(page, 'h3', gTitle('nb', RESULT), 'on the result');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

// ---------------------------------------------------------------- 5. forced colours and 200 % zoom

async function guideQuestion(s) { await gotoGuide(s, null); }
async function guideResult(s) {
  await gotoGuide(s, null);
  for (const step of GUIDE_PATH) await answerGuide(s, 'nb', step);
  await expectGuideHeading(s, gTitle('nb', RESULT), 'the result');
}
async function handbookFront(s) {
  await gotoHandbook(s, null);
  await expectVisible(s.widget.locator(HANDBOOK_SCREENS[0].ready.selector), 'the handbook front page');
}
async function handbookStep(s) {
  await gotoHandbook(s, null, `/steg/${STEP.id}`);
  await expectVisible(s.widget.getByRole('heading', { name: stepTitle('nb', STEP.id), level: 2 }), 'the step');
}
const VIEWS = [['guide-question', guideQuestion], ['guide-result', guideResult], ['handbook-front', handbookFront], ['handbook-step', handbookStep]];

test('forced colours: guide question and result, handbook front and step at 360 and 1280 px (screenshots)', async () => {
  for (const width of [360, 1280]) {
    for (const [name, go] of VIEWS) {
      const s = await openIn(null, { width, height: 900 });
      try {
        await s.page.emulateMedia({ forcedColors: 'active' });
        await go(s);
        assert.equal(await s.page.evaluate(() => matchMedia('(forced-colors: active)').matches), true, 'forced colours are on');
        // In forced colours the answer buttons and links keep a visible boundary/colour from the system palette.
        const sys = await s.page.evaluate(() => {
          const sr = document.querySelector('bti-veileder').shadowRoot;
          const b = sr.querySelector('.bti-answer, .bti-button, .bti-skip');
          const cs = b ? getComputedStyle(b) : null;
          return cs ? { forcedColorAdjust: cs.forcedColorAdjust, borderStyle: cs.borderTopStyle, borderWidth: cs.borderTopWidth } : null;
        });
        if (sys) assert.notEqual(sys.forcedColorAdjust, 'none', `${name}: buttons follow the system colours (${JSON.stringify(sys)})`);
        await assertNoSidewaysScroll(s.page, width, `${name} in forced colours`);
        const file = await screenshot(s.page, `i18n-forced-colors-${name}-${width}`);
        assert.ok(fs.statSync(file).size > 1000, `${file} was written`);
        assertClean(s);
      } finally {
        await s.context.close();
      }
    }
  }
});

test('200 % zoom (640 px viewport at device scale 2): guide question and result, handbook front and step need no sideways scrolling (screenshots)', async () => {
  for (const [name, go] of VIEWS) {
    // openPage takes no device scale; build the same kind of context by hand.
    const context = await env.browser.newContext({ viewport: { width: 640, height: 900 }, deviceScaleFactor: 2, locale: 'nb-NO', serviceWorkers: 'block' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()} [${m.location()?.url ?? ''}]`); });
    await context.addInitScript(() => {
      window.__bti = { events: [], csp: [] };
      for (const type of ['bti-ready', 'bti-error']) window.addEventListener(type, (e) => window.__bti.events.push({ type, id: e.target?.id || '' }), true);
    });
    const z = { page, context };
    try {
      await go(z);
      await assertNoSidewaysScroll(page, 640, `${name} at 200 %`);
      const file = await screenshot(page, `i18n-zoom200-${name}-640`);
      assert.ok(fs.statSync(file).size > 1000, `${file} was written`);
      assert.deepEqual(errors.filter((e) => !/favicon/.test(e)), [], 'no console errors');
    } finally {
      await context.close();
    }
  }
});

// ---------------------------------------------------------------- 6. text spacing (WCAG 1.4.12)

const TEXT_SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p, li, dd, dt { margin-bottom: 2em !important; }
`;

for (const [name, go, host] of [['guide result', guideResult, 'bti-veileder'], ['handbook step', handbookStep, '#handbok']]) {
  test(`text spacing at 320 px: ${name} with WCAG 1.4.12 overrides has no sideways scroll and no clipped buttons, links or headings`, async () => {
    const s = await openIn(null, { width: 320, height: 800 });
    try {
      await go(s);
      const applied = await s.page.evaluate(([css, host]) => {
        const sr = document.querySelector(host).shadowRoot;
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        sr.adoptedStyleSheets = [...sr.adoptedStyleSheets, sheet];
        const p = sr.querySelector('p');
        return { letterSpacing: getComputedStyle(p).letterSpacing, fontSize: getComputedStyle(p).fontSize, lineHeight: getComputedStyle(p).lineHeight };
      }, [TEXT_SPACING, host]);
      assert.ok(Math.abs(parseFloat(applied.letterSpacing) - 0.12 * parseFloat(applied.fontSize)) < 0.5, `the overrides apply inside the shadow root: ${JSON.stringify(applied)}`);
      await s.page.waitForTimeout(100);
      await assertNoSidewaysScroll(s.page, 320, `${name} with text spacing`);
      const clipped = await s.page.evaluate((host) => {
        const sr = document.querySelector(host).shadowRoot;
        const out = [];
        for (const el of sr.querySelectorAll('button, a, h1, h2, h3, h4, h5, h6, summary, label, select, .bti-answer')) {
          if (!el.getClientRects().length) continue;
          const cs = getComputedStyle(el);
          if (cs.display === 'inline') continue; // inline boxes have no scroll box; their block parent is checked via scrollWidth of the page
          if (cs.clipPath !== 'none' && el !== document.activeElement && el !== sr.activeElement) continue; // visually hidden until focused (skip buttons)
          const w = el.scrollWidth > el.clientWidth + 1;
          const h = (cs.overflowY !== 'visible' || cs.height !== 'auto') && el.scrollHeight > el.clientHeight + 1;
          if (w || h) out.push({ tag: el.localName, cls: String(el.className), text: el.textContent.trim().slice(0, 50), scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, scrollHeight: el.scrollHeight, clientHeight: el.clientHeight });
        }
        return out;
      }, host);
      assert.deepEqual(clipped, [], `no button, link or heading overflows its box with text spacing on the ${name}`);
      await screenshot(s.page, `i18n-text-spacing-${name}-320`);
      assertClean(s);
    } finally {
      await s.context.close();
    }
  });
}

// ---------------------------------------------------------------- 7. reduced motion

test('prefers-reduced-motion: reduce turns off transitions and animations on the answer buttons', async () => {
  const s = await openIn(null, { width: 360, height: 800 });
  try {
    await s.page.emulateMedia({ reducedMotion: 'reduce' });
    await gotoGuide(s, null);
    assert.equal(await s.page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), true, 'reduced motion is emulated');
    const timing = async () => s.page.evaluate(() => [...document.querySelector('bti-veileder').shadowRoot.querySelectorAll('.bti-answer')].map((b) => {
      const cs = getComputedStyle(b);
      return { text: b.textContent.trim().slice(0, 30), transition: cs.transitionDuration, animation: cs.animationDuration, animationName: cs.animationName };
    }));
    const zero = (v) => v.split(',').every((x) => /^\s*0s\s*$/.test(x));
    const buttons = await timing();
    assert.ok(buttons.length >= 2, 'answer buttons are there');
    for (const b of buttons) {
      assert.ok(zero(b.transition), `"${b.text}": transition-duration is 0s, got ${b.transition}`);
      assert.ok(zero(b.animation), `"${b.text}": animation-duration is 0s, got ${b.animation}`);
    }
    // Also while hovered and focused (where transitions usually live).
    await s.widget.locator('.bti-answer').first().hover();
    await s.widget.locator('.bti-answer').first().focus();
    for (const b of await timing()) assert.ok(zero(b.transition) && zero(b.animation), `hovered/focused "${b.text}": ${JSON.stringify(b)}`);
    assertClean(s);
  } finally {
    await s.context.close();
  }
});
