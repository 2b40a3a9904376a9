// Which of the three builds an instance loads, and what each says about problems
// in the content: the handbook's build (bti-core) names where a fatal problem is;
// with `debug`, the studio's build (bti-studio) lists every problem in full words.

import test, { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, useEnvironment, openPage, assertClean, waitForWidgetEvent, expectVisible, pkgFile } from './helpers.mjs';

const env = useEnvironment({ before, after });

const INDEX = JSON.parse(fs.readFileSync(path.join(ROOT, 'content', 'eksempel-kommune.json'), 'utf8'));

/** The example's index with `change` applied, served in its place (pretty-printed, so lines are stable). */
async function serveIndex(page, change) {
  const index = structuredClone(INDEX);
  change(index);
  await page.route('**/content/eksempel-kommune.json', (route) =>
    route.fulfill({ contentType: 'application/json; charset=utf-8', body: JSON.stringify(index, null, 2) }),
  );
}

const withScriptLink = (index) => {
  index.contacts[0].url = 'javascript:alert(1)';
};

/** The wasm files the page asked for, by plain build name. */
function builds(requests) {
  const names = { 'bti-guide': pkgFile('bti-guide_bg.wasm'), 'bti-core': pkgFile('bti-core_bg.wasm'), 'bti-studio': 'bti-studio_bg.wasm' };
  const asked = requests.map((u) => path.basename(new URL(u).pathname));
  return Object.keys(names).filter((b) => asked.includes(names[b]));
}

const embed = (query) => 'pkg/embed.html?src=../content/eksempel-kommune.json&' + query;

test('the handbook loads bti-core: a bad link is left out, and no editor list is shown', async () => {
  const s = await openPage(env.browser);
  try {
    await serveIndex(s.page, withScriptLink);
    await s.page.goto(env.url + embed('start=handbook'));
    await waitForWidgetEvent(s.page, 'bti-ready');
    await expectVisible(s.page.getByRole('heading', { level: 2 }).first(), 'the handbook front page');
    assert.deepEqual(builds(s.requests), ['bti-core'], 'only the handbook build is fetched');
    assert.equal(await s.page.locator('.bti-debug').count(), 0, 'staff never see the editor list');
    assert.equal(await s.page.locator('a[href^="javascript"]').count(), 0, 'no script link anywhere');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});

for (const start of ['handbook', 'guide']) {
  test(`with debug, the ${start} loads the studio's build and lists every problem in full words with its place`, async () => {
    const s = await openPage(env.browser);
    try {
      await serveIndex(s.page, withScriptLink);
      await s.page.goto(env.url + embed(`start=${start}&debug=`));
      await waitForWidgetEvent(s.page, 'bti-ready');
      const list = s.page.locator('.bti-debug');
      await expectVisible(list.getByText('contacts[alarmtelefonen].url', { exact: false }), 'the editor list naming the bad link');
      const text = await list.textContent();
      assert.match(text, /eksempel-kommune\.json:\d+:\d+: error: contacts\[alarmtelefonen\]\.url: Lenken «javascript:alert\(1\)» er ikke tillatt/, 'file, line, column, path and the reason in words');
      assert.match(text, /warning: meta\.example/, 'warnings are listed too');
      assert.deepEqual(builds(s.requests), ['bti-studio'], 'only the studio build is fetched');
      assertClean(s);
    } finally {
      await s.context.close();
    }
  });
}

test('a fatal problem in the handbook names the file, line, column and field, without a dangling colon', async () => {
  const s = await openPage(env.browser);
  try {
    await serveIndex(s.page, (index) => {
      index.meta.languages = 'nb';
    });
    await s.page.goto(env.url + embed('start=handbook'));
    await waitForWidgetEvent(s.page, 'bti-error');
    const box = s.page.getByRole('alert');
    await expectVisible(box, 'the error box');
    const text = (await box.textContent()).replace(/\s+/g, ' ');
    assert.match(text, /eksempel-kommune\.json:\d+:\d+: error: meta\.languages(?!:)/, `the place, and nothing after it: ${text}`);
    assert.deepEqual(builds(s.requests), ['bti-core']);
  } finally {
    await s.context.close();
  }
});

test('an element switched from the handbook to the guide loads the guide build and shows the guide', async () => {
  const s = await openPage(env.browser);
  try {
    await s.page.goto(env.url + embed('start=handbook'));
    await waitForWidgetEvent(s.page, 'bti-ready');
    assert.deepEqual(builds(s.requests), ['bti-core']);
    await s.page.evaluate(() => document.querySelector('bti-veileder').setAttribute('start', 'guide'));
    // bti-core has no guide screens: only the guide build can draw this.
    await expectVisible(s.page.getByRole('heading', { name: 'Bekymret for noen?' }), 'the guide after the switch');
    await expectVisible(s.page.getByRole('button', { name: 'Et barn jeg kjenner', exact: false }).first(), 'its first answers');
    assert.deepEqual(builds(s.requests), ['bti-guide', 'bti-core'], 'the guide build is fetched for the guide');
    assertClean(s);
  } finally {
    await s.context.close();
  }
});
