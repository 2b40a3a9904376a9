import { chromium } from 'playwright-core';
import { startServer } from '../tests/e2e/helpers.mjs';
const srv = await startServer();
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new','--no-sandbox','--disable-gpu'] });
for (const [page, w, h] of [['intranett.html', 1350, 940], ['index.html', 1350, 940], ['pkg/embed.html?src=../content/eksempel-kommune.json&lang=nb&start=guide', 412, 823]]) {
  const p = await b.newPage({ viewport: { width: w, height: h } });
  await p.addInitScript(() => { window.__ls = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__ls.push({ v: e.value.toFixed(3), t: Math.round(e.startTime), src: e.sources.map((s) => (s.node?.nodeName || '?') + '.' + (s.node?.className || s.node?.id || '') + ' ' + JSON.stringify(s.previousRect) + '->' + JSON.stringify(s.currentRect)) }); }).observe({ type: 'layout-shift', buffered: true }); });
  await p.goto(srv.url + page);
  await p.waitForTimeout(2500);
  console.log(page, JSON.stringify(await p.evaluate(() => window.__ls), null, 0).slice(0, 1500));
}
await b.close(); await srv.close();
