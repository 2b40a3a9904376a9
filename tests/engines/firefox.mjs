// Firefox ESR (Debian's /usr/bin/firefox-esr) through puppeteer-core 24 over
// WebDriver BiDi. No geckodriver, and puppeteer-core downloads no browser.

import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { ROOT } from '../e2e/helpers.mjs';
import { handleFrameApi } from './common.mjs';

export const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';

export function createEngine() {
  // Firefox starts in ~10 s here (new profile each run); a scenario takes 1–3 s.
  // The waits are twice Chromium's, for busy CI machines.
  const timeouts = { launch: 60_000, ready: 30_000, step: 10_000, nav: 20_000, test: 120_000 };
  let browser = null;
  const engine = {
    name: 'firefox',
    timeouts,
    version: null,
    async launch() {
      try {
        browser = await puppeteer.launch({
          browser: 'firefox',
          executablePath: FIREFOX,
          headless: true,
          timeout: timeouts.launch,
          protocolTimeout: timeouts.test,
          extraPrefsFirefox: {
            'ui.prefersReducedMotion': 1, // as the Chromium runs: no smooth scrolling to race a click
            'intl.accept_languages': 'nb-NO, nb',
          },
        });
      } catch (err) {
        throw new Error(`Firefox could not start from ${FIREFOX} (install it with scripts/setup.sh test): ${err.message}`, { cause: err });
      }
      engine.version = `${await browser.version()} (puppeteer-core ${puppeteerVersion()}, WebDriver BiDi, ${FIREFOX})`;
    },
    async newPage({ width, height }) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      page.setDefaultTimeout(timeouts.step);
      page.setDefaultNavigationTimeout(timeouts.nav);
      const errors = [];
      const requests = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`console: ${msg.text()} [${msg.location()?.url ?? ''}]`);
      });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      page.on('request', (req) => requests.push(req.url()));
      try {
        await page.setViewport({ width, height });
      } catch (err) {
        // Firefox 140 ESR's BiDi lacks emulation.setScreenOrientationOverride, which puppeteer 24 uses here.
        throw new Error(`Firefox ${await browser.version()} cannot set the viewport over BiDi (153 ESR can: apt-get update && apt-get install firefox-esr): ${err.message}`);
      }
      const api = frameApi(page.mainFrame(), page, timeouts);
      return Object.assign(api, {
        async goto(url) {
          await page.goto(url, { waitUntil: 'load', timeout: timeouts.nav });
        },
        url: async () => page.url(),
        press: (key) => page.keyboard.press(key),
        // page.goBack() waits for a navigation event that Firefox does not send for a
        // same-document (hash) history entry, so it times out although Back worked. This
        // sends the same BiDi command (browsingContext.traverseHistory) without that wait;
        // the scenarios then wait for the page itself.
        back: async () => {
          const context = page.mainFrame().browsingContext;
          if (typeof context?.traverseHistory !== 'function') throw new Error('puppeteer-core changed: no BiDi browsingContext.traverseHistory');
          await context.traverseHistory(-1);
        },
        setViewport: (w, h) => page.setViewport({ width: w, height: h }),
        errors: async () => [...errors],
        requests: async () => [...requests],
        screenshot: (file) => page.screenshot({ path: file }),
        close: () => context.close(),
      });
    },
    async close() {
      await browser?.close();
      browser = null;
    },
  };
  return engine;
}

function puppeteerVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'puppeteer-core', 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

function frameApi(frame, page, timeouts) {
  return handleFrameApi(frame, page, timeouts, {
    // puppeteer scrolls the element into view and clicks its centre with BiDi input actions.
    clickEl: (el) => el.click(),
    // puppeteer's select() sets the option and fires input/change in the page (no native popup).
    selectEl: (el, value) => el.select(value),
  });
}
