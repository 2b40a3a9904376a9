// The studio sorts opened files by their top-level keys: a part file is one whose
// keys are all sections. The list must follow the part schema, or a part with a
// new section (as "sources" once was) is refused as "not a content file".
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.mjs';
import { SECTION_KEYS, role } from '../../studio/files.js';

test('the studio knows every section the part schema allows, and each makes a part', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'content/part-schema.json'), 'utf8'));
  const sections = Object.keys(schema.properties).filter((k) => k !== '$schema').sort();
  assert.deepEqual([...SECTION_KEYS].sort(), sections);
  for (const k of sections) assert.equal(role(JSON.stringify({ [k]: [] })), 'part', k);
});
