// Chromium through playwright-core, launched and set up exactly as the full e2e
// suite does it (helpers.mjs: launchBrowser, openPage with its request recording
// and off-machine blocking).

import { launchBrowser, openPage } from '../e2e/helpers.mjs';
import { handleFrameApi } from './common.mjs';

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
  return handleFrameApi(frame, page, timeouts, {
    clickEl: (el) => el.click({ timeout: timeouts.step }),
    // Playwright's own selectOption: sets the option and fires input/change (no native popup in headless).
    selectEl: (el, value) => el.selectOption(value, { timeout: timeouts.step }),
  });
}
