// What the three engine adapters share. Each adapter (chromium.mjs, firefox.mjs,
// webkit.mjs) exports `createEngine()` returning
//
//   { name, timeouts, launch(), version, newPage(), close() }
//
// and newPage() resolves to a page with the same minimal API in every engine:
//
//   goto(url)                 load a URL and wait for its load event
//   url()                     the top document's URL
//   evaluate(fn, ...args)     run fn (self-contained function or its source; JSON in and out; may be async)
//   click(target)             a real click (the engine's own input, not element.click()) on the
//                             element `target` finds, waited for up to timeouts.step
//   type(target, text)        focus that element and type text with key events
//   select(target, value)     choose the <option value=…> of that <select>
//   press(key)                press and release a key ('Shift', 'Enter', 'Tab', a letter)
//   back()                    the browser's Back
//   setViewport(width, height)
//   frame(selector)           the same evaluate/click/type/select/waitFor inside a same-origin <iframe>
//   waitFor(fn, args, what, timeout = timeouts.step)   poll fn in the page until truthy; returns it
//   errors()                  console errors and uncaught exceptions the engine reported
//   screenshot(file)          a PNG of the viewport
//   close()
//
// A target is plain data, found by `locate` below inside the page:
//   { host: 'bti-veileder', css: 'button', text: 'Forlat siden' }      exact text, visible elements only
//   { host: '#handbok', css: 'a', contains: 'Nivå 0' }                 text contains
// Without host it searches the document; with host it searches that element's open shadow root.

import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { RESULTS } from '../e2e/helpers.mjs';

/** Runs in the page: the first visible element matching the target, or null. Must stay self-contained. */
export function locate(target) {
  let root = document;
  if (target.host) {
    const host = document.querySelector(target.host);
    if (!host || !host.shadowRoot) return null;
    root = host.shadowRoot;
  }
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
  for (const el of root.querySelectorAll(target.css)) {
    if (target.visibleOnly !== false && el.getClientRects().length === 0) continue;
    const t = norm(el.textContent);
    if (target.text !== undefined && t !== target.text) continue;
    if (target.contains !== undefined && !t.includes(target.contains)) continue;
    return el;
  }
  return null;
}

export const describeTarget = (t) =>
  `${t.host ? `${t.host} ›› ` : ''}${t.css}${t.text !== undefined ? ` "${t.text}"` : ''}${t.contains !== undefined ? ` containing "${t.contains}"` : ''}`;

/**
 * Polls `fn(...args)` in a page or frame (anything with evaluate) until it returns a
 * truthy value. Errors while a page navigates count as "not yet".
 */
export async function waitFor(ctx, fn, args, what, timeout) {
  const end = Date.now() + timeout;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await ctx.evaluate(fn, ...args);
      lastError = null;
      if (last) return last;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > end) {
      const detail = lastError ? `last error: ${lastError.message.split('\n')[0]}` : `last value: ${JSON.stringify(last)}`;
      throw new Error(`timed out after ${timeout} ms waiting for ${what} (${detail})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the target is there and visible (so that the click that follows can hit it). */
export function waitForTarget(ctx, target, timeout) {
  return waitFor(ctx, `(t) => !!(${locate})(t)`, [target], describeTarget(target), timeout);
}

/**
 * The expression that calls fn (a function or its source) with JSON arguments. The
 * adapters hand it to the engine's own evaluation, which a page's CSP does not
 * restrict; nothing here uses eval or new Function inside the page.
 */
export const callExpression = (fn, args) => `(${fn})(...${JSON.stringify(args)})`;

/** A free TCP port on 127.0.0.1 (asked of the kernel; a tiny race is accepted). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function resultFile(name) {
  fs.mkdirSync(RESULTS, { recursive: true });
  return path.join(RESULTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
}

/**
 * The page API on a frame of a library with element handles (playwright-core,
 * puppeteer-core), which differ only in how an element is clicked and how a
 * select is set: `clickEl(handle)` and `selectEl(handle, value)`.
 */
export function handleFrameApi(frame, page, timeouts, { clickEl, selectEl }) {
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
      await clickEl(await api.element(target));
    },
    async type(target, text) {
      await clickEl(await api.element(target));
      await page.keyboard.type(text);
    },
    async select(target, value) {
      await selectEl(await api.element(target), value);
    },
    async frame(selector) {
      const host = await frame.waitForSelector(selector, { timeout: timeouts.step });
      return handleFrameApi(await host.contentFrame(), page, timeouts, { clickEl, selectEl });
    },
  };
  return api;
}
