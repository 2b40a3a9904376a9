// make bench: how fast the first screen comes on a slow phone, side by side with a
// static twin of the same screen, and in-browser timings from the wasm. Not part of
// make test: it measures and reports, it asserts nothing. Offline.
//
//   node scripts/bench.mjs   BENCH_RUNS=5 by default; BENCH_ONLY=lighthouse|timings;
//                            BENCH_PAGES="embed guide,twin guide" for a subset
//
// Prints one table and writes bench/results.json.
import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { exampleContent, bigContent } from './bench-content.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = path.join(ROOT, 'bench');
const CHROME = process.env.CHROMIUM || process.env.CHROME_PATH || '/usr/bin/chromium';
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const RUNS = Number(process.env.BENCH_RUNS || 5);
const ONLY = process.env.BENCH_ONLY || '';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
};

/** Serves ROOT as a CMS would: gzip for everything but images, revalidated (no-cache). */
function startServer() {
  const gz = new Map();
  const server = http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    if (pathname === '/__bench/blank.html') {
      res.writeHead(200, { 'Content-Type': MIME['.html'] }).end('<!doctype html><title>bench</title>');
      return;
    }
    let file = path.normalize(path.join(ROOT, decodeURIComponent(pathname)));
    if (!file.startsWith(ROOT)) return res.writeHead(403).end();
    const stat = await fsp.stat(file).catch(() => null);
    if (stat?.isDirectory()) file = path.join(file, 'index.html');
    const body = await fsp.readFile(file).catch(() => null);
    if (!body) return res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    const type = MIME[path.extname(file)] ?? 'application/octet-stream';
    const headers = { 'Content-Type': type, 'Cache-Control': 'no-cache' };
    if (/gzip/.test(req.headers['accept-encoding'] || '') && !type.startsWith('image/png')) {
      const key = `${file}:${stat.mtimeMs}`;
      if (!gz.has(key)) gz.set(key, zlib.gzipSync(body, { level: 6 }));
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Accept-Encoding';
      res.writeHead(200, headers).end(gz.get(key));
    } else {
      res.writeHead(200, headers).end(body);
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
  })));
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

const EMBED = 'pkg/embed.html?src=../content/eksempel-kommune.json&lang=nb&start=';

/**
 * The static twins: the same screens as static HTML from `bti-export` (the widget's
 * own components rendered natively, the same CSS, no script), written to
 * bench/export/. The debug build: its pages are the same as the release build's.
 */
function makeTwins() {
  const out = path.join(BENCH, 'export');
  const run = spawnSync('cargo', ['run', '--quiet', '--bin', 'bti-export', '--', 'content/eksempel-kommune.json', '--out', out],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) { console.error('bench: bti-export failed; the static twins are missing'); process.exit(1); }
  // The widget with its first screen drawn ahead (bti-export --first-screen --page).
  for (const start of ['guide', 'handbook']) {
    const ahead = spawnSync('cargo', ['run', '--quiet', '--bin', 'bti-export', '--', 'content/eksempel-kommune.json',
      '--first-screen', start, '--src', '/content/eksempel-kommune.json', '--base', '/pkg/', '--page',
      '--out', path.join(out, `first-screen-${start}.html`)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (ahead.status !== 0) { console.error(`bench: bti-export --first-screen ${start} failed`); process.exit(1); }
  }
  return { guide: 'bench/export/veileder/index.html', handbook: 'bench/export/handbok/index.html' };
}

async function lighthouseRuns(server, twins) {
  const lighthouse = (await import('lighthouse')).default;
  const desktop = (await import('lighthouse/core/config/desktop-config.js')).default;
  const chromeLauncher = await import('chrome-launcher');
  const pages = [
    { name: 'embed guide', url: EMBED + 'guide', twin: 'twin guide' },
    { name: 'first-screen guide', url: 'bench/export/first-screen-guide.html', twin: 'twin guide' },
    { name: 'twin guide', url: twins.guide },
    { name: 'embed handbook', url: EMBED + 'handbook', twin: 'twin handbook' },
    { name: 'first-screen handbook', url: 'bench/export/first-screen-handbook.html', twin: 'twin handbook' },
    { name: 'twin handbook', url: twins.handbook },
    { name: 'index.html', url: 'index.html' },
    { name: 'index.html desktop', url: 'index.html', desktop: true },
    { name: 'intranett.html', url: 'intranett.html' },
    { name: 'intranett.html desktop', url: 'intranett.html', desktop: true },
  ];
  // BENCH_PAGES="embed guide,twin guide" runs only those (for trying one lever quickly).
  const only = (process.env.BENCH_PAGES || '').split(',').map((x) => x.trim()).filter(Boolean);
  if (only.length) pages.splice(0, pages.length, ...pages.filter((p) => only.includes(p.name)));
  const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: FLAGS, logLevel: 'error' });
  const samples = Object.fromEntries(pages.map((p) => [p.name, []]));
  try {
    // Interleaved: run r of every page before run r + 1 of any, so a busy moment hits all alike.
    for (let r = 0; r < RUNS; r++) {
      for (const p of pages) {
        const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] };
        const { lhr } = await lighthouse(server.url + p.url, flags, p.desktop ? desktop : undefined);
        if (lhr.runtimeError) throw new Error(`${p.name}: ${lhr.runtimeError.message}`);
        const a = lhr.audits;
        samples[p.name].push({
          lcp: a['largest-contentful-paint'].numericValue, fcp: a['first-contentful-paint'].numericValue,
          tbt: a['total-blocking-time'].numericValue, cls: a['cumulative-layout-shift'].numericValue,
          bytes: a['total-byte-weight'].numericValue, score: lhr.categories.performance.score,
        });
        process.stderr.write(`bench: run ${r + 1}/${RUNS} ${p.name}: LCP ${Math.round(a['largest-contentful-paint'].numericValue)} ms\n`);
      }
    }
  } finally {
    await chrome.kill();
  }
  const rows = pages.map((p) => {
    const s = samples[p.name];
    const m = (k) => median(s.map((x) => x[k]));
    return { page: p.name, url: p.url, form: p.desktop ? 'desktop' : 'mobile', runs: s.length,
      lcp: m('lcp'), fcp: m('fcp'), tbt: m('tbt'), cls: m('cls'), bytes: m('bytes'), score: m('score'), twin: p.twin };
  });
  for (const row of rows) {
    const twin = rows.find((r) => r.page === row.twin);
    if (twin) row.lcpRatio = row.lcp / twin.lcp;
  }
  return rows;
}

/** In-browser timings from the wasm of pkg-test/ (benchCheck, benchSearch) and from clicks. */
async function timings(browser, server) {
  const contents = { example: exampleContent(), '1 MB': bigContent() };
  const out = [];
  for (const [name, doc] of Object.entries(contents)) {
    const file = `bench/${name === 'example' ? 'example' : 'big'}-content.json`;
    const text = JSON.stringify(doc, null, 2);
    await fsp.writeFile(path.join(ROOT, file), text);
    const page = await browser.newPage();
    await page.goto(server.url + '__bench/blank.html');
    const wasm = await page.evaluate(async ({ file, queries }) => {
      const text = await (await fetch('/' + file)).text();
      const res = {};
      for (const build of ['bti-guide', 'bti-core']) {
        const core = await import(`/pkg-test/${build}.js`);
        await core.default({ module_or_path: `/pkg-test/${build}_bg.wasm` });
        const check = [];
        for (let i = 0; i < 7; i++) check.push(core.benchCheck(text));
        res[build] = { check };
        if (core.benchSearch) {
          const t = Array.from(core.benchSearch(text, queries.join('\n')));
          res[build].indexBuild = t[0];
          res[build].keystrokes = t.slice(1);
        }
      }
      return res;
    }, { file, queries: ['samtykke', 'barnevern', 'stafettlogg', 'taushetsplikt', 'undring', 'foreldresamtale', 'skole', 'ansvarsgruppe', 'bekymringsmelding', 'barnekordinator'] });
    await page.close();
    out.push({ content: name, bytes: text.length, wasm, screenChange: await screenChange(browser, server, file) });
  }
  return out;
}

/**
 * Answer click to the next question: `work` is the click, Yew's render, focus and
 * scroll, with the style and layout they need (what must fit in one 16 ms frame);
 * `frame` adds the wait for the next frame after it, which at 60 Hz is up to 16 ms
 * whatever the widget does.
 */
async function screenChange(browser, server, file) {
  const samples = [];
  for (let i = 0; i < 9; i++) {
    const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
    await page.goto(`${server.url}pkg-test/embed.html?src=/${file}&start=guide&lang=nb`);
    await page.waitForFunction(() => document.querySelector('bti-veileder')?.shadowRoot?.querySelector('.bti-answer'), null, { timeout: 30_000 });
    samples.push(await page.evaluate(() => new Promise((resolve) => {
      const root = document.querySelector('bti-veileder').shadowRoot;
      // The question's own heading (the emergency box has one too).
      const question = () => {
        const list = root.querySelector('.bti-answers');
        return list ? root.getElementById(list.getAttribute('aria-labelledby'))?.textContent : null;
      };
      const before = question();
      setTimeout(() => resolve(NaN), 10_000);
      const t0 = performance.now();
      const seen = new MutationObserver(() => {
        if (question() === before) return;
        seen.disconnect();
        // The widget's work: its render, focus and scroll, and the style and layout
        // they cost (forced here). Then the wait for the frame that shows it.
        void root.host.getBoundingClientRect();
        const work = performance.now() - t0;
        requestAnimationFrame(() => setTimeout(() => resolve({ work, frame: performance.now() - t0 })));
      });
      seen.observe(root, { subtree: true, childList: true, characterData: true });
      root.querySelector('.bti-answer').click();
    })));
    await page.close();
  }
  return samples;
}

function table(lh, tm) {
  const lines = [];
  const f = (v, d = 0) => (v === undefined ? '' : v.toFixed(d));
  if (lh) {
    lines.push(`Lighthouse ${lh[0]?.runs ?? 0} runs per page (median), simulated throttling, gzip`);
    lines.push('| page | form | LCP ms | FCP ms | TBT ms | CLS | KB | perf | LCP ÷ twin |');
    lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of lh) {
      lines.push(`| ${r.page} | ${r.form} | ${f(r.lcp)} | ${f(r.fcp)} | ${f(r.tbt)} | ${f(r.cls, 3)} | ${f(r.bytes / 1024, 1)} | ${f(r.score, 2)} | ${f(r.lcpRatio, 2)} |`);
    }
  }
  if (tm) {
    lines.push('', 'In-browser timings, pkg-test/ wasm, Chromium (median; p95 and max for keystrokes), ms');
    lines.push('| content | bytes | check guide build | check handbook build | index build | keystroke median | p95 | max | screen change: work | max | to next frame |');
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const t of tm) {
      const k = t.wasm['bti-core'].keystrokes;
      lines.push(`| ${t.content} | ${t.bytes} | ${f(median(t.wasm['bti-guide'].check), 1)} | ${f(median(t.wasm['bti-core'].check), 1)} | ${f(t.wasm['bti-core'].indexBuild, 1)} | ${f(median(k), 2)} | ${f(pct(k, 0.95), 2)} | ${f(Math.max(...k), 2)} | ${f(median(t.screenChange.map((x) => x.work)), 1)} | ${f(Math.max(...t.screenChange.map((x) => x.work)), 1)} | ${f(median(t.screenChange.map((x) => x.frame)), 1)} |`);
    }
  }
  return lines.join('\n');
}

for (const f of ['pkg/bti-veileder.js', 'pkg-test/bti-core_bg.wasm']) {
  if (!fs.existsSync(path.join(ROOT, f))) { console.error(`bench: ${f} is missing; run make build`); process.exit(1); }
}
await fsp.mkdir(BENCH, { recursive: true });
const server = await startServer();
const browser = await chromium.launch({ executablePath: CHROME, headless: true, args: FLAGS });
let lh = null;
let tm = null;
try {
  if (ONLY !== 'timings') {
    const twins = makeTwins();
    lh = await lighthouseRuns(server, twins);
  }
  if (ONLY !== 'lighthouse') tm = await timings(browser, server);
} finally {
  await browser.close();
  await server.close();
}
const results = { date: new Date().toISOString(), runs: RUNS, lighthouse: lh, timings: tm };
await fsp.writeFile(path.join(BENCH, 'results.json'), JSON.stringify(results, null, 1));
console.log(table(lh, tm));
console.log('\nbench: wrote bench/results.json');
