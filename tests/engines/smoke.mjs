// The smoke suite, written once against the page API of common.mjs and run in
// each engine by chromium.test.mjs, firefox.test.mjs and webkit.test.mjs:
//   1. the citizen guide walked to a result, with a tel:112 link;
//   2. the handbook: front → a level → a step → search → Back;
//   3. a deep link to a handbook step;
//   4. the guide in an iframe (tests/iframe.html), grown by the host page;
//   5. a switch to Arabic, right-to-left;
//   6. quick exit to a local page, by the button and by Shift×3;
//   7. the strict-CSP hostile page (tests/hostile.html) looks like tests/plain.html and works.
// An engine that cannot start fails every test with the reason (the before hook
// throws); nothing is skipped.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, startServer, assertWidgetBuilt, externalRequests, relevantErrors } from '../e2e/helpers.mjs';
import { resultFile } from './common.mjs';

const read = (f) => JSON.parse(fs.readFileSync(path.join(ROOT, 'content', f), 'utf8'));
const nb = (t) => (typeof t === 'string' ? t : t?.nb ?? '');
const GUIDE = read('eksempel-kommune.guide.json').guide;
const NODES = new Map(GUIDE.nodes.map((n) => [n.id, n]));
const GUIDE_AR = new Map(read('eksempel-kommune.guide.ar.json').guide.nodes.map((n) => [n.id, n]));
const HB = read('eksempel-kommune.handbook.json');

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const FIRST_QUESTION = nb(NODES.get(GUIDE.start).title);
const EXIT_TARGET = 'tests/exit-target.html';

/** The labels of a walk from the start, and the question/result titles met on the way. */
function walk(answerIds) {
  let node = NODES.get(GUIDE.start);
  const steps = [];
  for (const id of answerIds) {
    const a = node.answers.find((x) => x.id === id);
    assert.ok(a, `${node.id} has the answer ${id}`);
    steps.push({ node: node.id, label: nb(a.label) });
    node = NODES.get(a.next);
  }
  return { steps, end: node };
}
const SELF_HARM = walk(['a-ungdom', 'a-selvskading']);
const FAMILY = walk(['a-familie']);

const LEVEL0 = HB.levels.find((l) => l.number === 0);
const STEP = LEVEL0.steps[0];
const DEEP_LEVEL = HB.levels.find((l) => l.number === 3) ?? HB.levels[HB.levels.length - 1];
const DEEP_STEP = DEEP_LEVEL.steps[DEEP_LEVEL.steps.length - 1];
const CONSENT_TOOL = HB.tools.find((t) => /^Samtykkeskjema/.test(nb(t.title)));
const FRONT_TITLE = 'BTI-håndbok – Eksempel kommune';
const levelTitle = (l) => `Nivå ${l.number}: ${nb(l.title).replace(/^[^:]{0,24}\d[^:]*:\s*/, '')}`;
const NS = '#bti-handbok';

// ---------------------------------------------------------------- in-page probes (self-contained)

/** The text of the widget's current heading (guide h3 or handbook main h2). */
function heading(host, css) {
  const el = document.querySelector(host)?.shadowRoot?.querySelector(css);
  return el ? el.textContent.replace(/\s+/g, ' ').trim() : null;
}

/** The element that has focus, through open shadow roots. */
function deepFocus() {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return { tag: el?.localName ?? null, text: (el?.textContent ?? '').replace(/\s+/g, ' ').trim() };
}

/** Computed styles a reader sees on three elements of the guide's first screen. */
function guideStyles(host) {
  const sr = document.querySelector(host).shadowRoot;
  const pick = (el) => {
    if (!el) return null;
    const cs = getComputedStyle(el);
    return { fontSize: cs.fontSize, lineHeight: cs.lineHeight, color: cs.color, backgroundColor: cs.backgroundColor, fontWeight: cs.fontWeight };
  };
  const visible = (els) => [...els].find((e) => e.getClientRects().length > 0);
  return {
    heading: pick([...sr.querySelectorAll('h2')].find((h) => h.textContent.trim() === 'Bekymret for noen?')),
    paragraph: pick(visible(sr.querySelectorAll('p'))),
    answerButton: pick([...sr.querySelectorAll('button')].find((b) => b.textContent.includes('barn i familien min'))),
  };
}

// ---------------------------------------------------------------- the suite

export function smokeSuite(createEngine) {
  const engine = createEngine();
  const T = engine.timeouts;
  let server = null;
  let url = null;
  let launchError = new Error('not started');

  describe(`${engine.name}: smoke`, () => {
    before(async () => {
      server = await startServer();
      url = server.url;
    });

    after(async () => {
      await engine.close();
      await server?.close();
    });

    // Starting the engine is a test of its own, so that a missing or broken browser is a
    // counted failure with its reason, and every scenario after it fails with that reason too.
    test(`${engine.name} starts`, { timeout: T.launch + 5000 }, async (t) => {
      assertWidgetBuilt();
      const t0 = Date.now();
      try {
        await engine.launch();
        launchError = null;
      } catch (err) {
        launchError = err;
        throw err;
      }
      t.diagnostic(`${engine.version}; started in ${Date.now() - t0} ms`);
    });

    /** A scenario on a fresh page; on failure a screenshot goes to test-results/. */
    const scenario = (name, viewport, fn) =>
      test(name, { timeout: T.test }, async () => {
        if (launchError) throw new Error(`${engine.name} did not start: ${launchError.message}`);
        const page = await engine.newPage(viewport);
        try {
          await fn(page);
          assert.deepEqual(relevantErrors(await page.errors()), [], 'no console errors or uncaught exceptions');
          assert.deepEqual(externalRequests(await page.requests()), [], 'no request leaves 127.0.0.1');
        } catch (err) {
          await page.screenshot(resultFile(`engines-${engine.name}-${name}`)).catch(() => {});
          throw err;
        } finally {
          await page.close();
        }
      });

    const guideHeading = (page, host = 'bti-veileder') =>
      page.evaluate(heading, host, '.bti-question__title, .bti-result__title');
    const expectGuideHeading = (page, title, what, host = 'bti-veileder', timeout = T.step) =>
      page.waitFor(`(h, c, t) => (${heading})(h, c) === t`, [host, '.bti-question__title, .bti-result__title', title], `${what}: the heading "${title}"`, timeout).catch(async (err) => {
        throw new Error(`${err.message}; the heading is "${await guideHeading(page, host).catch(() => '?')}"`);
      });
    const openGuide = async (page, file = 'index.html', host = 'bti-veileder') => {
      await page.goto(url + file);
      await expectGuideHeading(page, FIRST_QUESTION, `${file}: the first question`, host, T.ready);
    };
    const answer = (page, label, host = 'bti-veileder') => page.click({ host, css: 'button', text: label });

    const hbHeading = (page) => page.evaluate(heading, '#handbok', 'main h2');
    const expectHbHeading = (page, title, what, timeout = T.step) =>
      page.waitFor(`(t) => (${heading})('#handbok', 'main h2') === t`, [title], `${what}: the h2 "${title}"`, timeout).catch(async (err) => {
        throw new Error(`${err.message}; the h2 is "${await hbHeading(page).catch(() => '?')}"`);
      });
    const hash = (page) => page.evaluate(() => location.hash);
    // WCAG 1.4.10 on a phone: nothing in the page, the widget included, scrolls sideways.
    const expectNoSidewaysScroll = async (page, what) => {
      const w = await page.evaluate(() => ({ page: document.scrollingElement.scrollWidth, viewport: innerWidth }));
      assert.ok(w.page <= w.viewport, `${what}: the page is ${w.page} px wide in a ${w.viewport} px viewport`);
    };
    const expectFocusOn = (page, tag, text, what) =>
      page.waitFor(`(tag, t) => { const f = (${deepFocus})(); return f.tag === tag && f.text === t; }`, [tag, text], `${what}: focus on the ${tag} "${text}"`).catch(async (err) => {
        throw new Error(`${err.message}; focus is on ${JSON.stringify(await page.evaluate(deepFocus).catch(() => '?'))}`);
      });

    // 1 ---------------------------------------------------------------
    scenario('guide: walked to a result on a phone, focus on each new heading, tel:112 on the result', PHONE, async (page) => {
      await openGuide(page);
      const start = await page.evaluate(() => ({ href: location.href, history: history.length }));
      for (const [i, st] of SELF_HARM.steps.entries()) {
        await answer(page, st.label);
        const next = i + 1 < SELF_HARM.steps.length ? NODES.get(SELF_HARM.steps[i + 1].node) : SELF_HARM.end;
        await expectGuideHeading(page, nb(next.title), `after "${st.label}"`);
        await expectFocusOn(page, 'h3', nb(next.title), `after "${st.label}"`);
      }
      const tel = await page.evaluate(() =>
        [...document.querySelector('bti-veileder').shadowRoot.querySelectorAll('a[href^="tel:"]')].filter((a) => a.getClientRects().length > 0).map((a) => a.getAttribute('href')),
      );
      assert.ok(tel.includes('tel:112'), `a visible tel:112 link on the result (tel: links: ${JSON.stringify(tel)})`);
      await expectNoSidewaysScroll(page, 'the result');
      assert.deepEqual(await page.evaluate(() => ({ href: location.href, history: history.length })), start, 'URL and history unchanged by the walk');
    });

    // 2 ---------------------------------------------------------------
    scenario('handbook: front → level → step → search → Back', DESKTOP, async (page) => {
      await page.goto(url + 'intranett.html');
      await expectHbHeading(page, FRONT_TITLE, 'the front page', T.ready);
      await page.click({ host: '#handbok', css: 'main a', text: levelTitle(LEVEL0) });
      await expectHbHeading(page, levelTitle(LEVEL0), 'the level page');
      await expectFocusOn(page, 'h2', levelTitle(LEVEL0), 'the level page');
      assert.equal(await hash(page), `${NS}/niva/${LEVEL0.id}`);
      await page.click({ host: '#handbok', css: 'main a', text: nb(STEP.title) });
      await expectHbHeading(page, nb(STEP.title), 'the step page');
      await expectFocusOn(page, 'h2', nb(STEP.title), 'the step page');
      assert.equal(await hash(page), `${NS}/steg/${STEP.id}`);

      await page.type({ host: '#handbok', css: 'form[role="search"] input[type="search"]' }, 'samtykke');
      await page.press('Enter');
      await expectHbHeading(page, 'Søk i håndboken', 'the search page');
      const titles = await page.waitFor(
        () => {
          const items = [...document.querySelector('#handbok').shadowRoot.querySelectorAll('main .bti-results__item h3')];
          return items.length >= 3 ? items.map((h) => h.textContent.trim()) : null;
        },
        [],
        'at least three search results',
      );
      assert.ok(titles.slice(0, 3).includes(nb(CONSENT_TOOL.title)), `"${nb(CONSENT_TOOL.title)}" among the first three: ${JSON.stringify(titles.slice(0, 5))}`);
      assert.equal(await hash(page), `${NS}/sok?q=samtykke`);

      await page.back();
      await expectHbHeading(page, nb(STEP.title), 'the step page after Back');
      assert.equal(await hash(page), `${NS}/steg/${STEP.id}`);
    });

    // 3 ---------------------------------------------------------------
    scenario('deep link: intranett.html#bti-handbok/steg/… opens that step, its level in the breadcrumb', DESKTOP, async (page) => {
      await page.goto(`${url}intranett.html${NS}/steg/${DEEP_STEP.id}`);
      await expectHbHeading(page, nb(DEEP_STEP.title), 'the deep-linked step', T.ready);
      await page.click({ host: '#handbok', css: 'nav a', contains: `Nivå ${DEEP_LEVEL.number}` });
      await expectHbHeading(page, levelTitle(DEEP_LEVEL), 'its level, from the breadcrumb');
      assert.equal(await hash(page), `${NS}/niva/${DEEP_LEVEL.id}`);
    });

    // 4 ---------------------------------------------------------------
    scenario('iframe: tests/iframe.html shows the guide, grows the iframe past 300 px, and an answer works inside', DESKTOP, async (page) => {
      await page.goto(url + 'tests/iframe.html');
      const frame = await page.frame('#veileder');
      await expectGuideHeading(frame, FIRST_QUESTION, 'the first question in the iframe', 'bti-veileder', T.ready);
      const h0 = await page.waitFor(() => {
        const h = document.querySelector('#veileder').getBoundingClientRect().height;
        return h > 300 ? h : null;
      }, [], 'the host to grow the iframe past 300 px (bti-height message)');
      await answer(frame, FAMILY.steps[0].label);
      await expectGuideHeading(frame, nb(FAMILY.end.title), 'the second question in the iframe');
      const h1 = await page.evaluate(() => document.querySelector('#veileder').getBoundingClientRect().height);
      assert.ok(h1 > 300, `the iframe stays taller than 300 px (${h0} → ${h1})`);
    });

    // 5 ---------------------------------------------------------------
    scenario('Arabic: the switcher on a question shows it in Arabic, right to left', PHONE, async (page) => {
      await openGuide(page);
      await answer(page, FAMILY.steps[0].label);
      const q = FAMILY.end;
      await expectGuideHeading(page, nb(q.title), 'the second question');
      await page.select({ host: 'bti-veileder', css: 'select.bti-lang__select' }, 'ar');
      const arTitle = nb(GUIDE_AR.get(q.id)?.title) || nb(q.title);
      await expectGuideHeading(page, arTitle, 'the same question in Arabic');
      const st = await page.evaluate(() => {
        const sr = document.querySelector('bti-veileder').shadowRoot;
        const root = sr.querySelector('.bti-root');
        const h3 = sr.querySelector('.bti-question__title');
        const btn = sr.querySelector('.bti-question button, .bti-answers button, button');
        const tel = sr.querySelector('a[href="tel:112"] bdi') ?? sr.querySelector('a[href="tel:112"]');
        return {
          lang: root.getAttribute('lang'),
          dir: root.getAttribute('dir'),
          direction: getComputedStyle(root).direction,
          headingAlign: getComputedStyle(h3).direction,
          // In RTL the heading's text starts at the right: its right edge meets its box's right edge.
          headingRightAligned: Math.abs(h3.getBoundingClientRect().right - h3.parentElement.getBoundingClientRect().right) < 40,
          telDirection: tel ? getComputedStyle(tel).direction : null,
          buttonDirection: btn ? getComputedStyle(btn).direction : null,
        };
      });
      assert.equal(st.lang, 'ar');
      assert.equal(st.dir, 'rtl');
      assert.equal(st.direction, 'rtl', 'the root is laid out right to left');
      assert.equal(st.headingAlign, 'rtl');
      assert.equal(st.buttonDirection, 'rtl');
      assert.equal(st.telDirection, 'ltr', 'the number 112 stays left to right');
      await expectNoSidewaysScroll(page, 'the question in Arabic');
    });

    // 6 ---------------------------------------------------------------
    scenario('quick exit: "Forlat siden" and Shift×3 replace the page with a local one', PHONE, async (page) => {
      const expectExitPage = async (historyBefore, how) => {
        await page.waitFor(() => location.pathname.endsWith('/tests/exit-target.html') && document.readyState === 'complete', [], `${how}: the exit page`, T.nav);
        assert.equal(await page.evaluate(() => document.title), 'Været i dag');
        assert.equal(await page.evaluate(() => history.length), historyBefore, `${how}: the page was replaced, no new history entry`);
      };
      await openGuide(page);
      await page.evaluate((u) => document.querySelector('bti-veileder').setAttribute('exit-url', u), EXIT_TARGET);
      await answer(page, SELF_HARM.steps[0].label);
      await expectGuideHeading(page, nb(NODES.get(SELF_HARM.steps[1].node).title), 'the second question');
      let history = await page.evaluate(() => history.length);
      await page.click({ host: 'bti-veileder', css: 'button', text: 'Forlat siden' });
      await expectExitPage(history, 'the button');

      // tests/two.html: guide #a has exit-url="exit-target.html" from the start.
      await openGuide(page, 'tests/two.html', '#a');
      history = await page.evaluate(() => history.length);
      for (let i = 0; i < 3; i++) await page.press('Shift');
      await expectExitPage(history, 'Shift×3');
    });

    // 7 ---------------------------------------------------------------
    scenario('hostile page: strict CSP and host CSS change nothing (styles as on tests/plain.html), and it works', DESKTOP, async (page) => {
      await openGuide(page, 'tests/plain.html', '#w');
      const expected = await page.evaluate(guideStyles, '#w');
      await openGuide(page, 'tests/hostile.html', '#w');
      const actual = await page.evaluate(guideStyles, '#w');
      assert.ok(expected.heading && expected.paragraph && expected.answerButton, `the probes found their elements: ${JSON.stringify(expected)}`);
      assert.deepEqual(actual, expected, 'computed styles on tests/hostile.html match tests/plain.html');
      await answer(page, FAMILY.steps[0].label, '#w');
      await expectGuideHeading(page, nb(FAMILY.end.title), 'the second question on the hostile page', '#w');
    });
  });
}
