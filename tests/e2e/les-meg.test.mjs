// The author guide's field tables (content/LES-MEG.md) are generated from the
// schema: this fails when the schema changed and the guide was not regenerated,
// or when a field has no Norwegian name in studio/fields.js.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.mjs';
import { render } from '../../scripts/gen-les-meg.mjs';

test('content/LES-MEG.md has the field tables of the current schema', () => {
  const file = path.join(ROOT, 'content', 'LES-MEG.md');
  const current = fs.readFileSync(file, 'utf8');
  assert.equal(render(current), current, 'content/LES-MEG.md is stale: run node scripts/gen-les-meg.mjs and commit it');
});

test('every field of the schema has a row, with its Norwegian name', () => {
  const guide = fs.readFileSync(path.join(ROOT, 'content', 'LES-MEG.md'), 'utf8');
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'content', 'schema.json'), 'utf8'));
  for (const key of Object.keys(schema.definitions.Contact.properties)) {
    assert.match(guide, new RegExp(`\\| \`${key.replace('$', '\\$')}\` \\| [A-ZÆØÅ«]`), `a row for Contact.${key}`);
  }
  assert.match(guide, /\| `phone` \| Telefon: /);
});
