// The guide on a phone, one question per screen: on every question of the
// example (the start included) the question and its first answer fit within
// 560 px of the widget's top at 360 px wide and 500 px at 320 px, because the
// emergency box is a compact two-line block there. After each answer the new
// screen sits at the top of the view, under the sticky quick-exit bar. Layout,
// not timing: deterministic.

import test, { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, useEnvironment, openPage, waitForWidgetEvent, expectVisible, assertClean } from './helpers.mjs';

const env = useEnvironment({ before, after });

const GUIDE = JSON.parse(fs.readFileSync(path.join(ROOT, 'content', 'eksempel-kommune.guide.json'), 'utf8')).guide;
const nb = (t) => (typeof t === 'string' ? t : t?.nb ?? '');
const NODES = new Map(GUIDE.nodes.map((n) => [n.id, n]));
const QUESTIONS = GUIDE.nodes.filter((n) => n.type === 'question');

/** Distance from the widget's top to the bottom of the first answer, and where the screen sits. */
function measure(page) {
  return page.evaluate(() => {
    const host = document.querySelector('bti-veileder');
    const root = host.shadowRoot;
    const first = root.querySelector('.bti-question .bti-answer');
    const screen = root.querySelector('.bti-question');
    const bar = root.querySelector('.bti-exit');
    const se = document.scrollingElement;
    return {
      fold: first.getBoundingClientRect().bottom - host.getBoundingClientRect().top,
      screenTop: screen.getBoundingClientRect().top,
      barBottom: bar.getBoundingClientRect().bottom,
      atEnd: se.scrollTop + innerHeight >= se.scrollHeight - 1,
      compact: !!root.querySelector('.bti-emergency--compact'),
    };
  });
}

for (const [width, limit] of [[360, 560], [320, 500]]) {
  test(`every question and its first answer fit within ${limit} px of the widget's top at ${width} px; each new question sits under the quick-exit bar`, async () => {
    const s = await openPage(env.browser, { viewport: { width, height: 640 }, device: { hasTouch: true, isMobile: true } });
    try {
      const { page } = s;
      const widget = page.locator('bti-veileder');
      await page.goto(env.url + 'index.html');
      await waitForWidgetEvent(page, 'bti-ready');
      const seen = new Map();
      // Depth first over the question graph: answer into each question, measure, go back.
      async function visit(node, depth) {
        await expectVisible(widget.getByRole('heading', { name: nb(node.title), level: 3, exact: true }), `the question "${nb(node.title)}"`);
        const m = await measure(page);
        assert.ok(m.compact, `"${nb(node.title)}": the emergency box is the compact block`);
        if (!seen.has(node.id)) seen.set(node.id, m.fold);
        assert.ok(m.fold <= limit, `"${nb(node.title)}" at ${width} px: first answer ends ${Math.round(m.fold)} px below the widget's top (at most ${limit})`);
        if (depth > 0) {
          assert.ok(
            // Just under the bar (a small gap is fine), or as high as the page can scroll.
            (m.screenTop >= m.barBottom - 1 && m.screenTop <= m.barBottom + 12) || (m.atEnd && m.screenTop >= m.barBottom - 1),
            `"${nb(node.title)}": the new question sits under the quick-exit bar (screen top ${Math.round(m.screenTop)}, bar bottom ${Math.round(m.barBottom)})`,
          );
        }
        for (const a of node.answers) {
          const next = NODES.get(a.next);
          if (next.type !== 'question') continue;
          await widget.getByRole('button', { name: nb(a.label), exact: true }).tap();
          await visit(next, depth + 1);
          await widget.getByRole('button', { name: 'Tilbake', exact: true }).tap();
          await expectVisible(widget.getByRole('heading', { name: nb(node.title), level: 3, exact: true }), `back on "${nb(node.title)}"`);
        }
      }
      await visit(NODES.get(GUIDE.start), 0);
      assert.deepEqual([...seen.keys()].sort(), QUESTIONS.map((q) => q.id).sort(), 'every question of the example was measured');
      console.log(`fold at ${width} px: ` + [...seen].map(([id, px]) => `${id} ${Math.round(px)}`).join(', '));
      assertClean(s);
    } finally {
      await s.context.close();
    }
  });
}
