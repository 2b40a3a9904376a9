// Benchmark of the content studio: time from the last keystroke to an updated
// problem list and preview, for the example kommune (about 60 KB index plus
// parts) and for a generated 1 MB single file. Prints one line of figures.
// Needs pkg/ (make build) and Chromium; not a test: it asserts nothing.
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, openPage, ROOT } from '../tests/e2e/helpers.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 7);
const CONTENT = path.join(ROOT, 'content');
const read = (f) => fs.readFileSync(path.join(CONTENT, f), 'utf8');

/** A valid single file of at least 1 MB: the example's bokmål, with many more contacts. */
function bigFile() {
  const doc = JSON.parse(read('eksempel-kommune.json'));
  for (const p of doc.parts) if (!p.lang) Object.assign(doc, JSON.parse(read(p.src)));
  delete doc.parts;
  doc.meta.languages = [{ lang: 'nb', reviewed: true }];
  const strip = (v) => (Array.isArray(v) ? v.map(strip) : v && typeof v === 'object'
    ? ('nb' in v && Object.values(v).every((x) => typeof x === 'string') ? v.nb : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, strip(x)])))
    : v);
  const base = strip(doc);
  const note = 'Ring oss hvis du er bekymret for et barn. Vi svarer på hverdager, og du kan være anonym. '.repeat(5);
  for (let n = 0; JSON.stringify(base, null, 2).length < 1024 * 1024; n++) {
    for (let k = 0; k < 200; k++) base.contacts.push({ id: `ekstra-${n}-${k}`, name: `Ekstra kontakt ${n}-${k}`, phone: '22 40 00 40', hours: 'Hverdager 08–15:30', note });
  }
  return JSON.stringify(base, null, 2) + '\n';
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(page, needle) {
  await page.evaluate((n) => {
    const v = window.__studio.view;
    const at = v.state.doc.toString().indexOf(n) + n.length - 1;
    v.dispatch({ selection: { anchor: at } });
    v.focus();
  }, needle);
  const problems = [];
  const preview = [];
  const check = [];
  for (let i = 0; i < RUNS; i++) {
    const seq = await page.evaluate(() => window.__studio.seq);
    await page.keyboard.type(i % 2 ? 'x' : 'y');
    const t = await page.waitForFunction((s) => {
      const st = window.__studio;
      return st.seq > s && st.shown === st.seq && st.timing.preview >= st.timing.problems && st.timing.problems >= st.timing.lastInput
        ? { problems: st.timing.problems - st.timing.lastInput, preview: st.timing.preview - st.timing.lastInput, check: st.timing.check }
        : null;
    }, seq, { timeout: 30_000, polling: 5 }).then((h) => h.jsonValue());
    problems.push(t.problems);
    preview.push(t.preview);
    check.push(t.check);
    await page.waitForTimeout(200);
  }
  return { problems: median(problems), preview: median(preview), check: median(check) };
}

const server = await startServer();
const browser = await launchBrowser();
try {
  const { page, context } = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
  await context.addInitScript(() => { delete window.showOpenFilePicker; });
  // Opening the big file after editing the example asks before dropping the edits.
  page.on('dialog', (d) => d.accept());
  await page.goto(server.url + 'pkg/redaktor.html');
  const open = async (files) => {
    const chooser = page.waitForEvent('filechooser');
    await page.click('#open');
    await (await chooser).setFiles(files);
    const before = await page.evaluate(() => window.__studio.seq);
    await page.waitForFunction((s) => window.__studio.seq > s && window.__studio.shown === window.__studio.seq, before, { timeout: 30_000 });
  };
  const parts = fs.readdirSync(CONTENT).filter((f) => /^eksempel-kommune\..+\.json$/.test(f)).map((f) => path.join(CONTENT, f));
  await open([path.join(CONTENT, 'eksempel-kommune.json'), ...parts]);
  const example = await measure(page, '"version": "2026.1');
  const big = bigFile();
  await open([{ name: 'stor.json', mimeType: 'application/json', buffer: Buffer.from(big) }]);
  const large = await measure(page, '"version": "2026.1');
  const kb = Math.round(big.length / 1024);
  console.log(`bench-studio: keystroke to problems/preview, median of ${RUNS}: example ${example.problems.toFixed(0)}/${example.preview.toFixed(0)} ms (check itself ${example.check.toFixed(0)} ms); generated ${kb} KB file ${large.problems.toFixed(0)}/${large.preview.toFixed(0)} ms (check ${large.check.toFixed(0)} ms)`);
} finally {
  await browser.close();
  await server.close();
}
