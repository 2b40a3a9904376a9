// WebKit: Debian's webkit2gtk-driver (WebKitWebDriver + MiniBrowser) on a virtual
// display (Xvfb), driven over plain W3C WebDriver with the tiny client in
// webdriver.mjs. The adapter starts Xvfb and WebKitWebDriver itself, on a free
// display and a free port, and stops both in close(), also when a test failed;
// an exit hook kills them if the test process ends without running close().

import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebDriver, ELEMENT, keyCode } from './webdriver.mjs';
import { callExpression, locate, waitFor, waitForTarget, describeTarget, freePort } from './common.mjs';

export const MINIBROWSER = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const WEBKITWEBDRIVER = process.env.WEBKITWEBDRIVER || 'WebKitWebDriver';
export const XVFB = process.env.XVFB || 'Xvfb';

export function createEngine() {
  // MiniBrowser under Xvfb renders in software; starting it takes ~8 s here, a scenario
  // 1–3 s. The waits are three times Chromium's, for busy CI machines.
  const timeouts = { launch: 60_000, ready: 45_000, step: 15_000, nav: 30_000, test: 180_000 };
  const children = [];
  let tmp = null;
  let driver = null;
  const killAll = () => {
    for (const c of children) signalGroup(c, 'SIGKILL');
  };
  // The children run detached (own process groups), so a signal to this process would
  // not reach them: pass it on, then end as the signal would have.
  const onSignal = (signal) => {
    killAll();
    process.kill(process.pid, signal);
  };

  const engine = {
    name: 'webkit',
    timeouts,
    version: null,
    async launch() {
      process.once('exit', killAll);
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      for (const [what, file] of [['MiniBrowser', MINIBROWSER]]) {
        if (!fs.existsSync(file)) throw new Error(`${what} is missing at ${file}: install webkit2gtk-driver (scripts/setup.sh test)`);
      }
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bti-webkit-'));
      // GTK's "animations off" is what WebKitGTK reports as prefers-reduced-motion: reduce,
      // as the Chromium runs do: no smooth scrolling to race a click.
      fs.mkdirSync(path.join(tmp, 'config', 'gtk-3.0'), { recursive: true });
      fs.writeFileSync(path.join(tmp, 'config', 'gtk-3.0', 'settings.ini'), '[Settings]\ngtk-enable-animations=0\n');
      // MiniBrowser's toolbar holds the window at least ~450 px wide; squeezing its GTK
      // widgets (not the page: WebKit draws web content itself) lets a phone width fit.
      fs.writeFileSync(path.join(tmp, 'config', 'gtk-3.0', 'gtk.css'), '* { min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; font-size: 1px; }\n');

      const display = await startXvfb(children, timeouts.launch);
      const port = await freePort();
      const env = {
        ...process.env,
        DISPLAY: `:${display}`,
        HOME: tmp,
        XDG_CONFIG_HOME: path.join(tmp, 'config'),
        XDG_CACHE_HOME: path.join(tmp, 'cache'),
        XDG_DATA_HOME: path.join(tmp, 'data'),
        // No GPU here: accelerated compositing through software GL made the suite
        // 1.5–2× slower (23–30 s against 15 s); layout, DOM and input are the same.
        WEBKIT_DISABLE_COMPOSITING_MODE: '1',
        LIBGL_ALWAYS_SOFTWARE: '1',
      };
      const wd = spawnChild(children, WEBKITWEBDRIVER, [`--port=${port}`, '--host=127.0.0.1'], env, 'WebKitWebDriver');
      driver = new WebDriver(`http://127.0.0.1:${port}`);
      await Promise.race([driver.waitReady(timeouts.launch), wd.failed]);
      try {
        await driver.newSession(
          {
            browserName: 'MiniBrowser',
            'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
          },
          timeouts.launch,
        );
      } catch (err) {
        throw new Error(`WebKitWebDriver could not start MiniBrowser (${MINIBROWSER}) on display :${display}: ${err.message}; WebKitWebDriver said: ${wd.output().slice(-800)}`);
      }
      await driver.setTimeouts({ script: timeouts.step, pageLoad: timeouts.nav, implicit: 0 });
      const caps = driver.capabilities ?? {};
      const pkg = debianVersion('webkit2gtk-driver');
      engine.version = `WebKitGTK ${caps.browserVersion ?? '?'} (${caps.browserName ?? 'MiniBrowser'}; webkit2gtk-driver ${pkg}; W3C WebDriver; Xvfb :${display})`;
    },
    async newPage({ width, height }) {
      // One window per session: every scenario starts from a blank document.
      await driver.navigate('about:blank');
      const page = frameApi(driver, null, timeouts);
      await setViewport(driver, width, height);
      return Object.assign(page, {
        async goto(url) {
          await driver.navigate(url);
          await installErrorRecorder(page);
        },
        url: () => driver.url(),
        async press(key) {
          const value = keyCode(key);
          await driver.performActions([{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }]);
        },
        back: () => driver.back(),
        setViewport: (w, h) => setViewport(driver, w, h),
        // WebDriver classic has no console or page-error events: errors are collected
        // by listeners added right after each load, so errors during the load itself go unseen.
        errors: async () => (await page.evaluate(() => window.__smokeErrors ?? []).catch(() => [])),
        // No network events either: the resource timing entries of the page and its frames.
        requests: () => page.evaluate(() => {
          const names = (w) => {
            const own = [w.location.href, ...w.performance.getEntriesByType('resource').map((e) => e.name)];
            for (const f of w.document.querySelectorAll('iframe')) {
              try {
                if (f.contentWindow?.performance) own.push(...names(f.contentWindow));
              } catch { /* cross-origin: its requests were listed in the parent as the iframe's URL */ }
            }
            return own;
          };
          return names(window);
        }),
        async screenshot(file) {
          fs.writeFileSync(file, Buffer.from(await driver.screenshot(), 'base64'));
        },
        close: async () => {},
      });
    },
    async close() {
      try {
        await driver?.deleteSession();
      } catch {
        // The processes are killed below either way.
      } finally {
        driver = null;
        await Promise.all(children.splice(0).map(stop));
        process.removeListener('exit', killAll);
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
        if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
        tmp = null;
      }
    },
  };
  return engine;
}

/**
 * Each child runs in a process group of its own (spawned detached), so that
 * MiniBrowser and its WebKit processes, started by WebKitWebDriver, go with it.
 */
function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** SIGTERM to the child's group, SIGKILL after 3 s; resolves when the child is gone. */
function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) {
    signalGroup(child, 'SIGKILL'); // whatever it left behind in its group
    return null;
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      signalGroup(child, 'SIGKILL');
      resolve();
    });
    signalGroup(child, 'SIGTERM');
  });
}

/** Starts a child process; `failed` rejects if it dies, `output()` is what it printed. */
function spawnChild(children, cmd, args, env, name, stdio = ['ignore', 'pipe', 'pipe']) {
  let out = '';
  const child = spawn(cmd, args, { env, stdio, detached: true });
  children.push(child);
  child.stdout?.on('data', (d) => { out = (out + d).slice(-4000); });
  child.stderr?.on('data', (d) => { out = (out + d).slice(-4000); });
  const failed = new Promise((_, reject) => {
    child.once('error', (err) => reject(new Error(`${name} (${cmd}) could not start: ${err.message}; install webkit2gtk-driver and xvfb (scripts/setup.sh test)`)));
    child.once('exit', (code, sig) => reject(new Error(`${name} exited early (code ${code}, signal ${sig}): ${out.slice(-800)}`)));
  });
  failed.catch(() => {});
  return Object.assign(child, { failed, output: () => out });
}

/** Xvfb picks a free display itself (-displayfd) and writes its number when it is ready. */
async function startXvfb(children, timeout) {
  const x = spawnChild(children, XVFB, ['-displayfd', '3', '-screen', '0', '1600x1200x24', '-nolisten', 'tcp', '-noreset'], process.env, 'Xvfb', ['ignore', 'pipe', 'pipe', 'pipe']);
  const display = new Promise((resolve) => {
    let buf = '';
    x.stdio[3].on('data', (d) => {
      buf += d;
      const m = buf.match(/^(\d+)\n/);
      if (m) resolve(Number(m[1]));
    });
  });
  const timer = new Promise((_, reject) => setTimeout(() => reject(new Error(`Xvfb gave no display within ${timeout} ms: ${x.output()}`)), timeout).unref());
  return Promise.race([display, x.failed, timer]);
}

/** MiniBrowser's window has a toolbar: size the window so the page itself gets width × height. */
async function setViewport(driver, width, height) {
  await driver.setWindowRect({ width, height });
  const inner = await driver.executeSync('return [window.innerWidth, window.innerHeight]');
  const rect = await driver.windowRect();
  if (inner[0] !== width || inner[1] !== height) {
    await driver.setWindowRect({ width: rect.width + width - inner[0], height: rect.height + height - inner[1] });
  }
  const now = await driver.executeSync('return [window.innerWidth, window.innerHeight]');
  if (now[0] !== width || now[1] !== height) throw new Error(`WebKit viewport is ${now.join('×')}, wanted ${width}×${height}`);
}

function installErrorRecorder(page) {
  return page.evaluate(() => {
    if (window.__smokeErrors) return;
    window.__smokeErrors = [];
    window.addEventListener('error', (e) => window.__smokeErrors.push(`pageerror: ${e.message} [${e.filename}:${e.lineno}]`));
    window.addEventListener('unhandledrejection', (e) => window.__smokeErrors.push(`pageerror: unhandled rejection ${e.reason}`));
  });
}

function debianVersion(pkg) {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' });
  } catch {
    return '?';
  }
}

/**
 * evaluate/click/type/select/waitFor in the top document (frameSelector null) or in
 * the iframe it selects: WebDriver switches into the frame for each command and back.
 */
function frameApi(driver, frameSelector, timeouts) {
  const inFrame = async (fn) => {
    if (!frameSelector) return fn();
    const frame = await driver.executeSync('return document.querySelector(arguments[0])', [frameSelector]);
    if (!frame) throw new Error(`no frame ${frameSelector}`);
    await driver.switchToFrame(frame);
    try {
      return await fn();
    } finally {
      await driver.switchToParentFrame();
    }
  };
  // The commands as they run once the right document is selected.
  const here = {
    async evaluate(fn, args) {
      const script = `const done = arguments[arguments.length - 1];
Promise.resolve().then(() => ${callExpression(fn, args)}).then(
  (v) => done({ ok: v === undefined ? null : v }),
  (e) => done({ err: String((e && e.stack) || e) }));`;
      const r = await driver.executeAsync(script);
      if (r && 'err' in r) throw new Error(`in page: ${r.err}`);
      return r?.ok;
    },
    async element(target) {
      await waitForTarget({ evaluate: (fn, ...args) => here.evaluate(fn, args) }, target, timeouts.step);
      const el = await driver.executeSync(`return (${locate}).apply(null, arguments)`, [target]);
      if (!el?.[ELEMENT]) throw new Error(`not found: ${describeTarget(target)}`);
      return el;
    },
  };
  /**
   * WebDriver Element Click: scrolls into view, checks that the element is the one hit at
   * its centre, and clicks there with the engine's own mouse events. WebKitWebDriver 2.50
   * does that check without looking into shadow roots: the hit is the shadow host, so every
   * click inside the widget fails with "element click intercepted". Then, if the element
   * really is on top at its centre (asked of its own shadow root), the same real click is
   * made with WebDriver pointer actions at the element's centre.
   */
  here.click = async (el) => {
    try {
      await driver.click(el);
    } catch (err) {
      if (err.error !== 'element click intercepted') throw err;
      const onTop = await driver.executeSync(
        `const el = arguments[0]; el.scrollIntoView({ block: 'center', inline: 'center' });
         const r = el.getClientRects()[0]; const x = r.left + r.width / 2, y = r.top + r.height / 2;
         const hit = el.getRootNode().elementFromPoint(x, y);
         return hit === el || el.contains(hit);`,
        [el],
      );
      if (!onTop) throw err;
      await driver.performActions([
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', duration: 0, origin: el, x: 0, y: 0 },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ]);
    }
  };
  const api = {
    evaluate: (fn, ...args) => inFrame(() => here.evaluate(fn, args)),
    waitFor: (fn, args, what, timeout = timeouts.step) => waitFor(api, fn, args, what, timeout),
    async click(target) {
      if (frameSelector) {
        // WebKitWebDriver 2.50 scrolls only the frame's own document before an Element
        // Click in an iframe: an element below the window's fold is "clicked" at a point
        // outside the window and nothing happens, without an error. So first scroll the
        // parent until the element's centre is in the middle of the window.
        const y = await inFrame(async () => {
          const el = await here.element(target);
          return driver.executeSync('const r = arguments[0].getBoundingClientRect(); return r.top + r.height / 2;', [el]);
        });
        await driver.executeSync(
          'const f = document.querySelector(arguments[0]).getBoundingClientRect(); window.scrollBy(0, f.top + arguments[1] - innerHeight / 2);',
          [frameSelector, y],
        );
      }
      await inFrame(async () => here.click(await here.element(target)));
    },
    type: (target, text) =>
      inFrame(async () => {
        const el = await here.element(target);
        await here.click(el);
        await driver.sendKeys(el, text);
      }),
    // WebDriver's Element Click on an <option> selects it (the spec's special case: no native popup).
    select: (target, value) =>
      inFrame(async () => {
        await here.element(target);
        const option = { ...target, css: `${target.css} option[value="${value}"]`, visibleOnly: false };
        const el = await driver.executeSync(`return (${locate}).apply(null, arguments)`, [option]);
        if (!el?.[ELEMENT]) throw new Error(`not found: ${describeTarget(option)}`);
        try {
          await driver.click(el);
        } catch (err) {
          // The same shadow-root blind spot as in here.click, and an <option> has no box to
          // aim pointer actions at. Fallback, as Playwright's selectOption and puppeteer's
          // select() do anyway: choose the option in the page and fire input and change.
          if (err.error !== 'element click intercepted') throw err;
          await driver.executeSync(
            `const o = arguments[0]; const s = o.closest('select'); s.value = o.value;
             s.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
             s.dispatchEvent(new Event('change', { bubbles: true }));`,
            [el],
          );
        }
      }),
    async frame(selector) {
      if (frameSelector) throw new Error('nested frames are not supported');
      await waitFor(api, (s) => !!document.querySelector(s)?.contentDocument?.body, [selector], `the frame ${selector}`, timeouts.step);
      return frameApi(driver, selector, timeouts);
    },
  };
  return api;
}
