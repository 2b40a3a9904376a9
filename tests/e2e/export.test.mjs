// The static export (`bti-export`, `make export`): the example content as plain
// HTML pages with the widget's CSS and no script. Readers without JavaScript
// walk the guide by links, the pages pass axe, and nothing scrolls sideways at
// 320 px.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, RESULTS, openPage, runAxe, assertNoSidewaysScroll, useEnvironment } from './helpers.mjs';

const OUT = path.join(RESULTS, 'export');
const env = useEnvironment({ before, after }, { requireBuild: false });

before(() => {
  execFileSync('cargo', ['run', '--quiet', '--bin', 'bti-export', '--', 'content/eksempel-kommune.json', '--out', OUT], {
    cwd: ROOT,
    stdio: 'inherit',
  });
});

const at = (file) => new URL(`test-results/export/${file}`, env.url).href;

const SAMPLES = [
  'index.html',
  'handbok/index.html',
  'handbok/steg-n1-planlegging.html',
  'handbok/verktoy.html',
  'handbok/lover-bvl-13-2.html',
  'handbok/tjenester-helsestasjon.html',
  'veileder/index.html',
  'veileder/r-vold-barn.html',
];

test('with JavaScript off, a reader walks the guide from the first question to a result by links', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  try {
    const page = await context.newPage();
    await page.goto(at('veileder/index.html'));
    const answers = page.locator('.bti-answer');
    assert.ok((await answers.count()) >= 2, 'the first question offers answers');
    let steps = 0;
    while ((await page.locator('.bti-result__title').count()) === 0) {
      assert.ok(steps++ < 10, 'a result is reached within 10 answers');
      await page.locator('.bti-answer').first().click();
      await page.waitForLoadState('domcontentloaded');
    }
    assert.ok(await page.locator('a[href^="tel:"]').count(), 'the result has numbers to call');
    await page.getByRole('link', { name: 'Start på nytt' }).click();
    await page.waitForLoadState('domcontentloaded');
    assert.match(page.url(), /veileder\/index\.html$/);
  } finally {
    await context.close();
  }
});

test('the handbook links from the front page to a step and back along the breadcrumb', async () => {
  const { context, page, errors } = await openPage(env.browser);
  try {
    await page.goto(at('handbok/index.html'));
    await page.getByRole('link', { name: 'Planlegging' }).first().click();
    await page.waitForLoadState('domcontentloaded');
    assert.equal(await page.locator('h2.bti-page__title').textContent(), 'Planlegging');
    assert.match(await page.title(), /^Planlegging – /);
    await page.locator('.bti-breadcrumb a', { hasText: 'Forsiden' }).click();
    await page.waitForLoadState('domcontentloaded');
    assert.match(page.url(), /handbok\/index\.html$/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

for (const file of SAMPLES) {
  test(`axe finds no WCAG 2.1 AA violation on the exported ${file}, and 320 px needs no sideways scroll`, async () => {
    const { context, page } = await openPage(env.browser, { viewport: { width: 320, height: 700 } });
    try {
      await page.goto(at(file));
      assert.equal(await page.locator('script').count(), 0, 'no script on an exported page');
      const { violations, summary } = await runAxe(page);
      assert.equal(violations.length, 0, summary);
      await assertNoSidewaysScroll(page, 320, file);
    } finally {
      await context.close();
    }
  });
}
