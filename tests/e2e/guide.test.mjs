// The citizen guide as a reader uses it: loading, answering, going back,
// leaving quickly, and content handed over as an object.

import test, { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useEnvironment, openPage, assertClean, waitForWidgetEvent, expectVisible, expectHidden, poll, deepFocus, holdBack } from './helpers.mjs';

const env = useEnvironment({ before, after });

const CONTENT = /\/eksempel-kommune\.json(\?.*)?$/;
const FIRST_QUESTION = 'Hvem er du bekymret for?';

test('while the content loads, a status says "Laster veilederen …"', async () => {
  const s = await openPage(env.browser);
  try {
    const release = await holdBack(s.page, CONTENT);
    await s.page.goto(env.url + 'index.html');
    const widget = s.page.locator('bti-veileder');
    await expectVisible(widget.getByRole('status').filter({ hasText: 'Laster veilederen …' }), 'the loading status');
    release();
    await waitForWidgetEvent(s.page, 'bti-ready');
    await expectVisible(widget.getByText(FIRST_QUESTION), 'the first question');
    await expectHidden(widget.getByText('Laster veilederen …'), 'the loading status');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

test('answering shows the next question and moves focus to it; "Tilbake" and "Start på nytt" return to the start', async () => {
  const s = await openPage(env.browser);
  try {
    await s.page.goto(env.url + 'index.html');
    await waitForWidgetEvent(s.page, 'bti-ready');
    const widget = s.page.locator('bti-veileder');
    await expectVisible(widget.getByText(FIRST_QUESTION), 'the first question');

    await widget.getByRole('button', { name: /barn i familien min/ }).first().click();
    await expectHidden(widget.getByText(FIRST_QUESTION), 'the first question');
    const focused = await poll(async () => {
      const f = await deepFocus(s.page);
      return /^h[1-6]$/.test(f.tag) || f.role === 'heading' ? f : null;
    }, 'focus on the new question heading');
    assert.notEqual(focused.text, FIRST_QUESTION);
    await expectVisible(widget.getByRole('heading', { name: focused.text }), `the focused heading "${focused.text}"`);

    await widget.getByRole('button', { name: 'Tilbake' }).click();
    await expectVisible(widget.getByText(FIRST_QUESTION), 'the first question after "Tilbake"');

    await widget.getByRole('button', { name: /barn i familien min/ }).first().click();
    await expectHidden(widget.getByText(FIRST_QUESTION), 'the first question');
    await widget.getByRole('button', { name: 'Start på nytt' }).click();
    await expectVisible(widget.getByText(FIRST_QUESTION), 'the first question after "Start på nytt"');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

test('"Forlat siden" leaves for the exit-url at once', async () => {
  const s = await openPage(env.browser);
  try {
    await s.page.goto(env.url + 'tests/two.html');
    await waitForWidgetEvent(s.page, 'bti-ready', 'a');
    const exit = s.page.locator('#a').getByRole('button', { name: 'Forlat siden', exact: true });
    await expectVisible(exit, 'the quick exit button');
    await exit.click();
    await s.page.waitForURL(/\/tests\/exit-target\.html$/);
    assert.equal(await s.page.title(), 'Været i dag');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

// The smallest guide the content format allows: one question, one result.
const TINY_GUIDE = {
  format: 1,
  meta: { kommune: 'Testkommune', version: 'test', updated: '2026-01-01', editor: 'Testredaktør' },
  guide: {
    start: 'q1',
    nodes: [
      {
        type: 'question',
        id: 'q1',
        title: 'Gjelder det et testbarn?',
        answers: [{ id: 'ja', label: 'Ja, et testbarn', next: 'r1' }],
      },
      {
        type: 'result',
        id: 'r1',
        title: 'Testresultatet',
        topics: ['annet'],
        now: 'Gjør det du pleier.',
        contacts: [],
        what_happens: 'Ingenting skjer i en test.',
      },
    ],
  },
};

test('element.content = {...} renders content given as an object', async () => {
  const s = await openPage(env.browser);
  try {
    await s.page.goto(env.url + 'tests/plain.html');
    await waitForWidgetEvent(s.page, 'bti-ready', 'w');
    await s.page.evaluate((content) => {
      document.getElementById('w').content = content;
    }, TINY_GUIDE);
    const widget = s.page.locator('#w');
    await expectVisible(widget.getByText('Gjelder det et testbarn?'), 'the question from the object');
    await expectHidden(widget.getByText(FIRST_QUESTION), 'the question from the fetched file');
    await widget.getByRole('button', { name: 'Ja, et testbarn' }).click();
    await expectVisible(widget.getByRole('heading', { name: 'Testresultatet' }), 'the result from the object');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});
