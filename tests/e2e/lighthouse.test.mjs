// Lighthouse (accessibility and performance) on the two demo pages, offline:
// index.html (the citizen guide) as a phone, intranett.html (the staff handbook)
// as a desktop. Accessibility must score 1; the performance score is printed.
// throttlingMethod 'provided' measures the page as it loads here, without
// simulated slow network/CPU, so the run is quick and repeatable.

import test, { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, RESULTS, startServer, assertWidgetBuilt } from './helpers.mjs';

const CHROME = process.env.CHROMIUM || '/usr/bin/chromium';
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const DESKTOP_SCREEN = { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false };
const DESKTOP_UA = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';

const PAGES = [
  { page: 'index.html', formFactor: 'mobile', flags: {} },
  { page: 'intranett.html', formFactor: 'desktop', flags: { screenEmulation: DESKTOP_SCREEN, emulatedUserAgent: DESKTOP_UA } },
];

let server = null;
let lighthouse = null;
let chromeLauncher = null;
let unavailable = null; // why Lighthouse cannot run here, if it cannot

before(async () => {
  assertWidgetBuilt();
  server = await startServer();
  try {
    lighthouse = (await import('lighthouse')).default;
    chromeLauncher = await import('chrome-launcher');
  } catch (err) {
    unavailable = `cannot load lighthouse/chrome-launcher (npm install --save-dev lighthouse@13): ${err.message}`;
  }
  if (!unavailable && !fs.existsSync(CHROME)) unavailable = `no Chromium at ${CHROME}`;
});

after(async () => {
  await server?.close();
});

for (const p of PAGES) {
  test(`Lighthouse: ${p.page} (${p.formFactor}) scores 1 for accessibility; performance is reported`, { timeout: 180_000 }, async (t) => {
    if (unavailable) {
      t.skip(unavailable);
      return;
    }
    let chrome;
    try {
      chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: FLAGS, logLevel: 'error' });
    } catch (err) {
      t.skip(`chrome-launcher could not start ${CHROME}: ${err.message}`);
      return;
    }
    try {
      const result = await lighthouse(
        server.url + p.page,
        {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['accessibility', 'performance'],
          formFactor: p.formFactor,
          throttlingMethod: 'provided',
          ...p.flags,
        },
      );
      assert.ok(result?.lhr, 'Lighthouse returned a report');
      const { lhr } = result;
      fs.mkdirSync(RESULTS, { recursive: true });
      fs.writeFileSync(path.join(RESULTS, `lighthouse-${p.page.replace(/\W+/g, '-')}.json`), JSON.stringify(lhr, null, 1));
      assert.equal(lhr.runtimeError, undefined, `Lighthouse ran without a runtime error: ${JSON.stringify(lhr.runtimeError)}`);
      // The page really was ours and really loaded (not an error page that scores well).
      assert.equal(lhr.finalDisplayedUrl, server.url + p.page, 'the audited URL');
      const a11y = lhr.categories.accessibility;
      const perf = lhr.categories.performance;
      console.log(`Lighthouse ${p.page} (${p.formFactor}): accessibility ${a11y.score}, performance ${perf.score}` +
        ` (FCP ${lhr.audits['first-contentful-paint']?.displayValue ?? '?'}, LCP ${lhr.audits['largest-contentful-paint']?.displayValue ?? '?'},` +
        ` TBT ${lhr.audits['total-blocking-time']?.displayValue ?? '?'}, CLS ${lhr.audits['cumulative-layout-shift']?.displayValue ?? '?'})`);
      if (lhr.runWarnings?.length) console.log(`Lighthouse warnings for ${p.page}: ${lhr.runWarnings.join(' | ')}`);
      const failing = a11y.auditRefs
        .map((ref) => lhr.audits[ref.id])
        .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'notApplicable' && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual');
      if (a11y.score < 1) {
        for (const a of failing) console.log(`  failing accessibility audit: ${a.id} – ${a.title}`);
      }
      assert.ok(typeof perf.score === 'number', `a performance score was computed (got ${perf.score})`);
      assert.equal(a11y.score, 1, `accessibility score for ${p.page}; failing audits: ${failing.map((a) => `${a.id} (${a.title})`).join(', ') || 'none listed'}`);
    } finally {
      await chrome.kill();
    }
  });
}

test('Lighthouse is installed as a dev dependency, version 13', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.match(pkg.devDependencies?.lighthouse ?? '', /^\^?13\./, 'package.json devDependencies.lighthouse is 13.x');
});
