// The first screen drawn ahead (`bti-export --first-screen … --page`, issue 14):
// the page shows the widget's first screen as declarative shadow DOM before any
// script has run. With the wasm held back (route interception) the screen is
// there, readable and accessible; once the widget has drawn, the two swap without
// moving a pixel; a click made meanwhile is not lost, and quick exit leaves at once.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, RESULTS, useEnvironment, openPage, assertClean, waitForWidgetEvent, poll, runAxe, assertNoSidewaysScroll, pkgFile, holdBack } from './helpers.mjs';

const env = useEnvironment({ before, after });
const OUT = path.join(RESULTS, 'first-screen');

before(() => {
  for (const [start, lang] of [['guide', 'nb'], ['handbook', 'nb'], ['guide', 'en']]) {
    execFileSync('cargo', ['run', '--quiet', '--bin', 'bti-export', '--', 'content/eksempel-kommune.json',
      '--first-screen', start, '--src', '/content/eksempel-kommune.json', '--base', '/pkg/', '--pkg', 'pkg', '--page',
      '--lang', lang, '--out', path.join(OUT, `${start}${lang === 'nb' ? '' : '-' + lang}.html`)], { cwd: ROOT, stdio: 'inherit' });
  }
});

const WASM = { guide: 'bti-guide_bg.wasm', handbook: 'bti-core_bg.wasm' };

/** Opens the pre-rendered page for `start` with its wasm held back until release(). */
async function openHeldBack(start, viewport, options = {}, lang = 'nb') {
  const s = await openPage(env.browser, { viewport, ...options });
  const release = await holdBack(s.page, '**/pkg/' + pkgFile(WASM[start]));
  // The UI strings come after the content: the swap must still wait for them.
  if (lang !== 'nb') await s.page.route('**/pkg/' + pkgFile(`i18n/${lang}.json`), async (route) => {
    await new Promise((r) => setTimeout(r, 500));
    await route.continue();
  });
  await s.page.goto(`${env.url}test-results/first-screen/${start}${lang === 'nb' ? '' : '-' + lang}.html`);
  return { ...s, release };
}

/** Where the screen's landmarks are, relative to the element, and its height. */
function geometry(page) {
  return page.evaluate(() => {
    const host = document.querySelector('bti-veileder');
    const shown = [...host.shadowRoot.children].find((n) => !n.hidden && n.matches('.bti-mount'));
    const top = host.getBoundingClientRect().top;
    const marks = [...shown.querySelectorAll('h1, h2, h3, .bti-answer, .bti-exit__button, .bti-lang__select, .bti-notice, .bti-emergency__tel')]
      .map((n) => `${n.className || n.localName}@${Math.round(n.getBoundingClientRect().top - top)}`);
    const text = shown.textContent.replace(/\s+/g, ' ').trim();
    return { height: Math.round(host.getBoundingClientRect().height), marks, text, pre: shown.hasAttribute('data-bti-pre') };
  });
}

async function swapped(page) {
  await waitForWidgetEvent(page, 'bti-ready');
  await poll(() => page.evaluate(() => !document.querySelector('bti-veileder').shadowRoot.querySelector('[data-bti-pre]')), 'the live screen in place of the drawn-ahead one');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

const CASES = [['guide', 360, 'nb'], ['guide', 1280, 'nb'], ['handbook', 360, 'nb'], ['handbook', 1280, 'nb'], ['guide', 360, 'en']];
for (const [start, width, lang] of CASES) {
  test(`${start} at ${width} px${lang === 'nb' ? '' : ' in ' + lang}: the first screen is there before the wasm, and the live widget takes its place without moving a pixel`, async () => {
    const s = await openHeldBack(start, { width, height: 900 }, {}, lang);
    try {
      await poll(() => geometry(s.page).then((g) => g.pre && g.marks.length > 3), 'the drawn-ahead first screen');
      const ahead = await geometry(s.page);
      s.release();
      await swapped(s.page);
      const live = await geometry(s.page);
      assert.equal(live.pre, false, 'the live screen is shown');
      assert.ok(Math.abs(live.height - ahead.height) <= 1, `same height: ${ahead.height} px ahead, ${live.height} px live`);
      assert.deepEqual(live.marks, ahead.marks, 'every heading, answer and control at the same place');
      assert.equal(live.text, ahead.text, 'the live screen says word for word what the drawn-ahead one said');
      assertClean(s);
    } finally {
      await s.context.close();
    }
  });
}

test('before the wasm: the drawn-ahead guide passes axe, fits 320 px and its phone numbers are links', async () => {
  const s = await openHeldBack('guide', { width: 320, height: 740 }, { bypassCSP: true }); // axe is injected inline
  try {
    await poll(() => geometry(s.page).then((g) => g.pre), 'the drawn-ahead first screen');
    const { violations, summary } = await runAxe(s.page);
    assert.equal(violations.length, 0, summary);
    await assertNoSidewaysScroll(s.page, 320, 'the drawn-ahead guide');
    const tels = await s.page.locator('bti-veileder a[href^="tel:"]').count();
    assert.ok(tels >= 3, `the emergency numbers can be called at once (${tels} tel: links)`);
    s.release();
    await swapped(s.page);
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

test('an answer tapped before the wasm came is carried out once it has', async () => {
  const s = await openHeldBack('guide', { width: 360, height: 740 });
  try {
    const answer = s.page.locator('bti-veileder [data-bti-pre] .bti-answer').first();
    const label = (await answer.textContent()).trim();
    const question = await s.page.locator('bti-veileder [data-bti-pre] .bti-question__title').textContent();
    await answer.click();
    s.release();
    await swapped(s.page);
    await poll(async () => {
      const now = await s.page.locator('bti-veileder .bti-mount .bti-question__title').textContent();
      return now !== question;
    }, `the question after «${label}»`);
    const back = s.page.getByRole('button', { name: 'Tilbake' });
    assert.equal(await back.count(), 1, 'the guide is one answer in, so it offers the way back');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

test('quick exit in the drawn-ahead screen leaves at once, without waiting for the wasm', async () => {
  const s = await openHeldBack('guide', { width: 360, height: 740 });
  try {
    await s.page.locator('bti-veileder [data-bti-pre] .bti-exit__button').click();
    await poll(() => s.requests.some((u) => u.startsWith('https://www.yr.no')), 'the neutral page requested');
  } finally {
    s.release();
    await s.context.close();
  }
});
