// Shared plumbing for the browser tests: a static server for the repo root on
// 127.0.0.1, headless Debian Chromium through playwright-core, and checks that
// every test wants (console errors, requests that leave the machine, axe-core).

import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS = path.join(ROOT, 'test-results');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Serves ROOT on 127.0.0.1 at a free port, never cached. Returns { url, close }.
 * With testhooks, /pkg/ is answered from pkg-test/ (the build with debugPanic and
 * the in-wasm timings), so pages and request URLs stay the same.
 */
export async function startServer({ testhooks = false } = {}) {
  const server = http.createServer(async (req, res) => {
    try {
      let { pathname } = new URL(req.url, 'http://127.0.0.1');
      if (testhooks) pathname = pathname.replace(/^\/pkg\//, '/pkg-test/');
      let file = path.normalize(path.join(ROOT, decodeURIComponent(pathname)));
      if (file !== ROOT && !file.startsWith(ROOT + path.sep)) {
        res.writeHead(403).end('Forbidden');
        return;
      }
      let stat = await fsp.stat(file).catch(() => null);
      if (stat?.isDirectory()) {
        file = path.join(file, 'index.html');
        stat = await fsp.stat(file).catch(() => null);
      }
      if (!stat?.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end('Not found');
        return;
      }
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': stat.size,
        'Cache-Control': 'no-store',
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      fs.createReadStream(file).pipe(res);
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Fails every test in a file early, with a message that says what to do. */
export function assertWidgetBuilt({ testhooks = false } = {}) {
  const glue = path.join(ROOT, testhooks ? 'pkg-test' : 'pkg', 'bti-veileder.js');
  assert.ok(fs.existsSync(glue), `${glue} is missing: build the widget first with \`make build\``);
}

/**
 * The map of plain to content-hashed names that scripts/hash-names.mjs wrote into
 * the shipped loader (pkg/bti-veileder.js), without its marker key. pkg-test/ keeps
 * the plain names, so with testhooks the map is empty.
 */
export function pkgFiles({ testhooks = false } = {}) {
  if (testhooks) return {};
  const loader = fs.readFileSync(path.join(ROOT, 'pkg', 'bti-veileder.js'), 'utf8');
  const found = loader.match(/\{"bti:files":1[^}]*\}/);
  assert.ok(found, 'pkg/bti-veileder.js has the file map scripts/hash-names.mjs writes: build the widget with `make build`');
  const { 'bti:files': _, ...map } = JSON.parse(found[0]);
  return map;
}

/**
 * Holds back every request `page` makes to `url` (a glob, as page.route takes)
 * until the returned function is called; then they go on as normal.
 */
export async function holdBack(page, url) {
  let release;
  const gate = new Promise((r) => (release = r));
  await page.route(url, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/** The name in pkg/ of a file the loader fetches (e.g. 'bti-guide_bg.wasm' -> 'bti-guide_bg.1a2b3c4d.wasm'). */
export function pkgFile(name, options) {
  return pkgFiles(options)[name] ?? name;
}

// Runs in every frame before the page's own scripts (also under a page CSP,
// because init scripts are not subject to it). Records the widget's lifecycle
// events and CSP violations; capture listeners on window see them whether or
// not the events bubble.
function recorder() {
  window.__bti = { events: [], csp: [] };
  for (const type of ['bti-ready', 'bti-error']) {
    window.addEventListener(
      type,
      (e) => {
        const t = e.target;
        window.__bti.events.push({
          type,
          id: t?.id || '',
          tag: t?.localName || '',
          message: e.detail?.message ?? null,
        });
      },
      true,
    );
  }
  document.addEventListener(
    'securitypolicyviolation',
    (e) => {
      window.__bti.csp.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    },
    true,
  );
}

/**
 * A fresh context and page, with everything the tests check recorded:
 * `errors` (console errors and uncaught exceptions, in any frame) and
 * `requests` (every URL the browser asked for, in any frame or worker).
 */
export async function openPage(browser, { viewport = { width: 1280, height: 900 }, bypassCSP = false, device = {} } = {}) {
  // Reduced motion, so no test races a smooth scroll (the guide scrolls each new screen into view).
  const context = await browser.newContext({ viewport, bypassCSP, locale: 'nb-NO', serviceWorkers: 'block', reducedMotion: 'reduce', ...device });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  await context.addInitScript(recorder);
  const errors = [];
  const requests = [];
  context.on('request', (req) => requests.push(req.url()));
  // Safety net: whatever asks for the outside world (a CDN, the quick exit's
  // default destination) is recorded above and then stopped here.
  await context.route((url) => externalRequests([url.href]).length > 0, (route) => route.abort('blockedbyclient'));
  const page = await context.newPage();
  page.on('console', (msg) => {
    // A failed load names its URL only in the location, so keep both.
    if (msg.type() === 'error') errors.push(`console: ${msg.text()} [${msg.location()?.url ?? ''}]`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return { context, page, errors, requests };
}

/** Requests to anything but the local test server (data: and blob: stay in the browser). */
export function externalRequests(requests) {
  return requests.filter((u) => {
    if (/^(data|blob|about):/.test(u)) return false;
    try {
      return new URL(u).hostname !== '127.0.0.1';
    } catch {
      return true;
    }
  });
}

// Chromium asks for /favicon.ico on its own; a 404 for it says nothing about the widget.
const IGNORED_ERRORS = [/favicon\.ico/];

export function relevantErrors(errors) {
  return errors.filter((e) => !IGNORED_ERRORS.some((re) => re.test(e)));
}

/** The checks every normal test ends with. */
export function assertClean({ errors, requests }) {
  assert.deepEqual(relevantErrors(errors), [], 'no console errors or uncaught exceptions');
  assert.deepEqual(externalRequests(requests), [], 'no request leaves 127.0.0.1');
}

/** Waits until the widget with `id` (or any widget, without id) reported `type` in `frame`. */
export async function waitForWidgetEvent(frame, type = 'bti-ready', id = null, timeout = 15_000) {
  try {
    await frame.waitForFunction(
      ([t, i]) => window.__bti?.events.some((e) => e.type === t && (i === null || e.id === i)),
      [type, id],
      { timeout },
    );
  } catch (err) {
    const seen = await frame.evaluate(() => window.__bti?.events ?? null).catch(() => null);
    throw new Error(`widget${id ? ` #${id}` : ''} did not dispatch ${type} within ${timeout} ms; events seen: ${JSON.stringify(seen)}`, { cause: err });
  }
}

export function widgetEvents(frame) {
  return frame.evaluate(() => window.__bti?.events ?? []);
}

export function cspViolations(frame) {
  return frame.evaluate(() => window.__bti?.csp ?? []);
}

/** Waits for a locator to be visible, with a failure message a person can act on. */
export async function expectVisible(locator, what, timeout = 10_000) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch (err) {
    throw new assert.AssertionError({ message: `expected to see ${what} within ${timeout} ms (${locator})` });
  }
}

/** Waits for a locator to have no visible match. */
export async function expectHidden(locator, what, timeout = 10_000) {
  try {
    await locator.first().waitFor({ state: 'hidden', timeout });
  } catch (err) {
    throw new assert.AssertionError({ message: `expected ${what} to be gone within ${timeout} ms (${locator})` });
  }
}

/** Polls `fn` until it returns a truthy value; returns that value. */
export async function poll(fn, what, { timeout = 10_000, interval = 100 } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) throw new assert.AssertionError({ message: `timed out after ${timeout} ms waiting for ${what} (last value: ${JSON.stringify(last)})` });
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * Runs axe-core on the page (it walks open shadow roots). The script is added
 * as a <script> tag, which a page CSP blocks: open such pages with
 * `openPage(browser, { bypassCSP: true })` when they need an axe run.
 * Returns { violations, summary }.
 */
export async function runAxe(page, { include = null } = {}) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!hasAxe) {
    await page.addScriptTag({ path: path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
  }
  const violations = await page.evaluate(async (inc) => {
    const result = await window.axe.run(inc ?? document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  }, include);
  const summary = violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `  - ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`)
          .join('\n') +
        (v.nodes.length > 5 ? `\n  … and ${v.nodes.length - 5} more` : ''),
    )
    .join('\n');
  return { violations, summary };
}

/** Full-page screenshot into test-results/ (gitignored); returns the file path. */
export async function screenshot(page, name) {
  await fsp.mkdir(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Starts the server and the browser once per test file.
 * Use as: const env = useEnvironment({ before, after }); then env.url and env.browser inside tests.
 */
export function useEnvironment({ before, after }, { requireBuild = true, testhooks = false } = {}) {
  const env = { url: null, browser: null, server: null };
  before(async () => {
    if (requireBuild) assertWidgetBuilt({ testhooks });
    env.server = await startServer({ testhooks });
    env.url = env.server.url;
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * Horizontal overflow at the page's width: the document's scrollWidth and the
 * element reaching furthest right (looking into shadow roots), so a failure
 * names what to fix. Fails when the page scrolls sideways.
 */
export async function assertNoSidewaysScroll(page, width, what = '') {
  const { scrollWidth, widest } = await page.evaluate((limit) => {
    let widest = null;
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        const right = el.getBoundingClientRect().right;
        if (right > limit + 1 && (!widest || right > widest.right)) {
          widest = { right: Math.round(right), tag: el.localName, cls: String(el.className || ''), text: (el.textContent || '').trim().slice(0, 40) };
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return { scrollWidth: document.documentElement.scrollWidth, widest };
  }, width);
  assert.ok(scrollWidth <= width, `${what ? `${what}: ` : ''}scrollWidth is ${scrollWidth} px at ${width} px; widest element: ${JSON.stringify(widest)}`);
}

/**
 * The element that has focus, looking through shadow roots: its tag, role,
 * text (spaces collapsed) and href, and the outermost shadow host on the way
 * (`host.id`, `host.tag`), or null when focus is in the page itself.
 */
export function deepFocus(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    let host = null;
    while (el?.shadowRoot?.activeElement) {
      host ??= { id: el.id, tag: el.localName };
      el = el.shadowRoot.activeElement;
    }
    return {
      tag: el?.localName ?? null,
      role: el?.getAttribute?.('role') ?? null,
      text: (el?.textContent ?? '').trim().replace(/\s+/g, ' '),
      href: el?.getAttribute?.('href') ?? null,
      host,
    };
  });
}

/** Presses Tab (or Shift+Tab) until `match(deepFocus())` holds; fails naming what it went through. */
export async function tabTo(page, match, what, { back = false, max = 80 } = {}) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await deepFocus(page);
    seen.push(`${f.tag}:${f.text.slice(0, 40)}`);
    if (match(f)) return f;
  }
  throw new assert.AssertionError({ message: `${what}: not reached after ${max} presses; went through ${seen.join(' | ')}` });
}
