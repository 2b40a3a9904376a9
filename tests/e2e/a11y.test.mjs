// Accessibility of the demo pages with the widget in them: axe-core (WCAG 2.1
// A and AA, including the open shadow roots) at phone and desktop width, and
// reflow at 320 px (WCAG 1.4.10) without sideways scrolling.

import test, { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useEnvironment, openPage, assertClean, waitForWidgetEvent, expectVisible, expectHidden, runAxe, screenshot, assertNoSidewaysScroll } from './helpers.mjs';

const env = useEnvironment({ before, after });

// Each state: a page, the widget's id (null: the only one), and how to get there from the loaded page.
const STATES = [
  { name: 'index.html (guide start)', path: 'index.html', id: null, go: async () => {} },
  {
    name: 'index.html (guide, after one answer)',
    path: 'index.html',
    id: null,
    go: async (page) => {
      const widget = page.locator('bti-veileder');
      await widget.getByRole('button', { name: /barn i familien min/ }).first().click();
      await expectHidden(widget.getByText('Hvem er du bekymret for?'), 'the first question');
    },
  },
  { name: 'intranett.html (handbook front page)', path: 'intranett.html', id: 'handbok', go: async () => {} },
  {
    name: 'intranett.html (handbook, Nivå 0)',
    path: 'intranett.html',
    id: 'handbok',
    go: async (page) => {
      const widget = page.locator('#handbok');
      await widget.getByRole('link', { name: /^Nivå 0/ }).first().click();
      await expectVisible(widget.getByRole('heading', { name: /Nivå 0/, level: 2 }), 'the Nivå 0 page heading');
    },
  },
];

async function openState(state, width) {
  const s = await openPage(env.browser, { viewport: { width, height: 800 } });
  await s.page.goto(env.url + state.path);
  await waitForWidgetEvent(s.page, 'bti-ready', state.id);
  await state.go(s.page);
  return s;
}

for (const state of STATES) {
  for (const width of [320, 1280]) {
    test(`axe: ${state.name} at ${width} px has no WCAG 2.1 A/AA violations`, async () => {
      const s = await openState(state, width);
      try {
        await screenshot(s.page, `axe-${state.name}-${width}`);
        const { violations, summary } = await runAxe(s.page);
        assert.equal(violations.length, 0, `axe found ${violations.length} violation(s):\n${summary}`);
        assertClean(s);
      } finally {
        await s.context.close();
      }
    });
  }

  test(`reflow: ${state.name} at 320 px needs no horizontal scrolling`, async () => {
    const s = await openState(state, 320);
    try {
      await assertNoSidewaysScroll(s.page, 320, state.name);
      assertClean(s);
    } finally {
      await s.context.close();
    }
  });
}
