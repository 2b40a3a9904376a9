// The room the loader keeps for the first screen while the wasm is on its way, so
// the host page does not jump when the widget appears (issue 14: CLS). With the
// wasm held back (route interception) the element is measured while it waits and
// again once its first screen is drawn: the reserved box is at least as tall as
// that screen, and not more than a few pixels taller. A kommune overrides it with
// --bti-reserve-height / --bti-reserve-height-handbook.

import test, { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, useEnvironment, openPage, assertClean, waitForWidgetEvent, poll, pkgFile, holdBack } from './helpers.mjs';

const env = useEnvironment({ before, after });

const CASES = [
  // sheets: how many stylesheets the widget keeps once the room is given back.
  { page: 'index.html', selector: 'bti-veileder[start="guide"]', wasm: 'bti-guide_bg.wasm', what: 'the guide', sheets: 1 },
  { page: 'intranett.html', selector: '#handbok', wasm: 'bti-core_bg.wasm', what: 'the handbook', sheets: 2 },
];

/** Opens `page` with `wasm` held back until release(). */
async function openHeldBack(page, wasm, viewport, styles = null) {
  const s = await openPage(env.browser, { viewport });
  const release = await holdBack(s.page, '**/pkg/' + pkgFile(wasm));
  if (styles) await s.page.addInitScript((css) => {
    document.addEventListener('DOMContentLoaded', () => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = css;
      document.head.append(link);
    });
  }, styles);
  await s.page.goto(env.url + page);
  return { ...s, release };
}

function height(page, selector) {
  return page.evaluate((sel) => document.querySelector(sel).getBoundingClientRect().height, selector);
}

/** The element's height while it waits (the guide shows its waiting box, once its CSS came). */
async function reservedHeight(page, c) {
  await poll(() => page.evaluate(({ selector, sheets }) => {
    const root = document.querySelector(selector).shadowRoot;
    return root && (sheets === 1 ? root.querySelector('.bti-fallback') !== null : root.adoptedStyleSheets.length >= 1);
  }, c), 'the reserved room (and the guide\'s waiting box)');
  return height(page, c.selector);
}

/** Its height after the first screen is drawn and the room given back. */
async function firstScreenHeight(page, c) {
  await poll(() => page.evaluate(({ selector, sheets }) => {
    const root = document.querySelector(selector).shadowRoot;
    return root.adoptedStyleSheets.length === sheets && !root.querySelector('.bti-fallback, slot');
  }, c), 'the first screen, without the reserved room');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return height(page, c.selector);
}

for (const c of CASES) {
  for (const width of [360, 1280]) {
    test(`${c.page} at ${width} px: while the wasm loads, ${c.what} keeps room for its first screen (at least as tall, a few px at most taller)`, async () => {
      const s = await openHeldBack(c.page, c.wasm, { width, height: 900 });
      try {
        const reserved = await reservedHeight(s.page, c);
        s.release();
        await waitForWidgetEvent(s.page, 'bti-ready');
        const first = await firstScreenHeight(s.page, c);
        assert.ok(reserved >= first - 2, `the reserved box (${reserved} px) is at least as tall as the first screen (${first} px)`);
        assert.ok(reserved <= first + 8, `the reserved box (${reserved} px) is at most a few px taller than the first screen (${first} px)`);
        assertClean(s);
      } finally {
        await s.context.close();
      }
    });
  }
}

test('a host page sets the reserved height with --bti-reserve-height and --bti-reserve-height-handbook', async () => {
  for (const c of CASES) {
    const s = await openHeldBack(c.page, c.wasm, { width: 360, height: 900 }, '/tests/reserve-override.css');
    try {
      assert.equal(Math.round(await reservedHeight(s.page, c)), c.page === 'index.html' ? 1234 : 987, `${c.page}: the host's own value`);
      s.release();
      await waitForWidgetEvent(s.page, 'bti-ready');
      await firstScreenHeight(s.page, c); // waits until the room is given back
      assertClean(s);
    } finally {
      await s.context.close();
    }
  }
});

test('the room the demo pages and the README give before the loader runs is the loader\'s own', () => {
  const px = (text) => [...text.matchAll(/--bti-reserve-height(?:-handbook)?,\s*(\d+px)/g)].map((m) => m[1]);
  const loader = px(fs.readFileSync(path.join(ROOT, 'src/js/loader.js'), 'utf8'));
  assert.deepEqual(loader, ['845px', '2726px', '713px', '1542px']);
  assert.deepEqual(px(fs.readFileSync(path.join(ROOT, 'demo.css'), 'utf8')), loader, 'demo.css');
  assert.deepEqual(px(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')), loader, 'README.md');
});

for (const start of ['guide', 'handbook']) {
  test(`pkg/embed.html (${start}): nothing moves when the loading line gives way to the first screen (layout shift ≤ 0.001)`, async () => {
    const s = await openPage(env.browser, { viewport: { width: 412, height: 823 } });
    try {
      await s.page.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__shifts.push(e.value))).observe({ type: 'layout-shift', buffered: true });
      });
      // The content part comes late, so the widget's loading line is surely painted first.
      await s.page.route(`**/content/eksempel-kommune.${start}.json`, async (route) => {
        await new Promise((r) => setTimeout(r, 400));
        await route.continue();
      });
      await s.page.goto(`${env.url}pkg/embed.html?src=../content/eksempel-kommune.json&lang=nb&start=${start}`);
      await waitForWidgetEvent(s.page, 'bti-ready');
      await s.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100)))));
      const shifts = await s.page.evaluate(() => window.__shifts);
      const total = shifts.reduce((a, b) => a + b, 0);
      assert.ok(total <= 0.001, `layout shift ${total.toFixed(4)} (${shifts.map((v) => v.toFixed(4)).join(', ')})`);
      assertClean(s);
    } finally {
      await s.context.close();
    }
  });
}
