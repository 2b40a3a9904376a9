// Chromium through playwright-core, launched and set up exactly as the full e2e
// suite does it (helpers.mjs: launchBrowser, openPage with its request recording
// and off-machine blocking).

import { launchBrowser, openPage } from '../e2e/helpers.mjs';
import { callExpression, locate, waitFor, waitForTarget, describeTarget } from './common.mjs';

export function createEngine() {
  const timeouts = { launch: 30_000, ready: 15_000, step: 5_000, nav: 10_000, test: 60_000 };
  let browser = null;
  const engine = {
    name: 'chromium',
    timeouts,
    version: null,
    async launch() {
      browser = await launchBrowser();
      engine.version = `Chromium ${browser.version()} (playwright-core, /usr/bin/chromium)`;
    },
    async newPage({ width, height }) {
      const s = await openPage(browser, { viewport: { width, height }, device: { reducedMotion: 'reduce' } });
      const { page } = s;
      const api = frameApi(page.mainFrame(), page, timeouts);
      return Object.assign(api, {
        async goto(url) {
          await page.goto(url, { waitUntil: 'load', timeout: timeouts.nav });
        },
        url: async () => page.url(),
        press: (key) => page.keyboard.press(key),
        back: () => page.goBack({ timeout: timeouts.nav }),
        setViewport: (w, h) => page.setViewportSize({ width: w, height: h }),
        errors: async () => [...s.errors],
        requests: async () => [...s.requests],
        screenshot: (file) => page.screenshot({ path: file }),
        close: () => s.context.close(),
      });
    },
    async close() {
      await browser?.close();
      browser = null;
    },
  };
  return engine;
}

function frameApi(frame, page, timeouts) {
  const api = {
    evaluate: (fn, ...args) => frame.evaluate(callExpression(fn, args)),
    waitFor: (fn, args, what, timeout = timeouts.step) => waitFor(api, fn, args, what, timeout),
    async element(target) {
      await waitForTarget(api, target, timeouts.step);
      const el = (await frame.evaluateHandle(callExpression(locate, [target]))).asElement();
      if (!el) throw new Error(`not found: ${describeTarget(target)}`);
      return el;
    },
    async click(target) {
      await (await api.element(target)).click({ timeout: timeouts.step });
    },
    async type(target, text) {
      await (await api.element(target)).click({ timeout: timeouts.step });
      await page.keyboard.type(text);
    },
    async select(target, value) {
      // Playwright's own selectOption: sets the option and fires input/change (no native popup in headless).
      await (await api.element(target)).selectOption(value, { timeout: timeouts.step });
    },
    async frame(selector) {
      const host = await frame.waitForSelector(selector, { timeout: timeouts.step });
      return frameApi(await host.contentFrame(), page, timeouts);
    },
  };
  return api;
}
