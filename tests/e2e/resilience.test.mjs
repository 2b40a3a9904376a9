// What happens when things go wrong or change under the widget: a Rust panic,
// no WebAssembly, attributes changed on a live element, the element removed.

import test, { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useEnvironment, openPage, assertClean, waitForWidgetEvent, widgetEvents, expectVisible, poll } from './helpers.mjs';

// debugPanic is a test hook: this file loads pkg-test/ in place of pkg/.
const env = useEnvironment({ before, after }, { testhooks: true });

/** The tel: links and the reload link each widget on the page shows. */
function fallbackState(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('bti-veileder')].map((el) => {
      const root = el.shadowRoot;
      return {
        id: el.id,
        tel: [...root.querySelectorAll('a[href^="tel:"]')].map((a) => a.getAttribute('href')),
        reload: [...root.querySelectorAll('a')].some((a) => a.textContent.trim() === 'Last inn siden på nytt'),
        heading: root.querySelector('h2')?.textContent ?? '',
      };
    }),
  );
}

test('a panic in the wasm replaces every instance on the page with the static emergency box', async () => {
  const s = await openPage(env.browser);
  try {
    await s.page.goto(env.url + 'tests/two.html');
    await waitForWidgetEvent(s.page, 'bti-ready', 'a');
    await waitForWidgetEvent(s.page, 'bti-ready', 'b');
    await s.page.evaluate(() => {
      try { window.__btiCores.guide.debugPanic(); } catch (e) { /* the trap ends the call */ }
    });
    const state = await poll(async () => {
      const st = await fallbackState(s.page);
      return st.every((w) => w.reload) ? st : null;
    }, 'both widgets to show the reload link');
    for (const w of state) {
      assert.equal(w.heading, 'Er noen i fare nå?', `#${w.id} shows the emergency heading`);
      for (const tel of ['tel:112', 'tel:113', 'tel:110', 'tel:116111']) assert.ok(w.tel.includes(tel), `#${w.id} links ${tel}`);
    }
    const errors = (await widgetEvents(s.page)).filter((e) => e.type === 'bti-error');
    assert.deepEqual(errors.map((e) => e.id).sort(), ['a', 'b'], 'each instance reports bti-error');
  } finally {
    await s.context.close();
  }
});

test('without WebAssembly the loader shows the emergency box instead of a blank widget', async () => {
  const s = await openPage(env.browser);
  try {
    await s.context.addInitScript(() => { delete window.WebAssembly; });
    await s.page.goto(env.url + 'index.html');
    await waitForWidgetEvent(s.page, 'bti-error');
    const [w] = await fallbackState(s.page);
    assert.equal(w.heading, 'Er noen i fare nå?');
    assert.ok(w.tel.includes('tel:112') && w.tel.includes('tel:116111'), JSON.stringify(w));
    await expectVisible(s.page.locator('bti-veileder').getByText('WebAssembly'), 'the reason naming WebAssembly');
  } finally {
    await s.context.close();
  }
});

test('changing lang and start on a live element updates it; removing it leaves no errors', async () => {
  const s = await openPage(env.browser);
  try {
    await s.page.goto(env.url + 'index.html');
    await waitForWidgetEvent(s.page, 'bti-ready');
    const widget = s.page.locator('bti-veileder');
    await s.page.evaluate(() => document.querySelector('bti-veileder').setAttribute('lang', 'en'));
    await expectVisible(widget.getByRole('region', { name: 'Is someone in danger now?' }).getByText('Is someone in danger now?', { exact: true }), 'the English emergency block');
    await s.page.evaluate(() => document.querySelector('bti-veileder').setAttribute('start', 'handbook'));
    await expectVisible(widget.getByRole('link', { name: /^Level 0/ }), 'the handbook in English after start changed');
    await s.page.evaluate(() => document.querySelector('bti-veileder').remove());
    await s.page.waitForTimeout(300);
    assert.equal(await s.page.locator('bti-veileder').count(), 0);
    await s.page.evaluate(() => {
      const el = document.createElement('bti-veileder');
      el.setAttribute('src', 'content/eksempel-kommune.json');
      document.querySelector('main').appendChild(el);
    });
    await expectVisible(s.page.locator('bti-veileder').getByRole('heading', { name: 'Bekymret for noen?' }), 'a new element mounts again');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});
