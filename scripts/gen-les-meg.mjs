// Writes the field tables of content/LES-MEG.md (the author guide) from
// content/schema.json and the Norwegian names in studio/fields.js, with an
// example value from the example kommune. `--check` only says whether the file
// is up to date (exit 1 when stale), for tests/e2e/les-meg.test.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fieldsOf, types } from '../studio/schema.js';
import { FIELDS } from '../studio/fields.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FILE = path.join(ROOT, 'content', 'LES-MEG.md');
const START = '<!-- felttabell: generert av scripts/gen-les-meg.mjs, ikke rediger for hånd -->';
const END = '<!-- felttabell slutt -->';

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'content', 'schema.json'), 'utf8'));
const read = (f) => JSON.parse(fs.readFileSync(path.join(ROOT, 'content', f), 'utf8'));

// The example kommune in one document (base parts only), for example values.
const example = read('eksempel-kommune.json');
for (const p of example.parts || []) if (!p.lang) Object.assign(example, read(p.src));

/** First example value of each Type.field, walking the example with its types. */
const examples = {};
function walk(value, type) {
  if (!value || typeof value !== 'object') return;
  for (const f of fieldsOf(schema, type)) {
    const v = value[f.key];
    if (v === undefined) continue;
    const k = `${type}.${f.key}`;
    if (!(k in examples) && !(Array.isArray(v) && !v.length)) examples[k] = v;
    if (f.kind === 'object') walk(v, f.item);
    if (f.kind === 'objects' && Array.isArray(v)) {
      for (const item of v) walk(item, f.item === 'Node' ? (item.type === 'result' ? 'Result' : 'Question') : f.item);
    }
  }
}
walk(example, 'Content');

const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n+/g, ' ');
function shown(f, v) {
  if (v === undefined) return '';
  if (f.kind === 'object' || f.kind === 'objects') return '';
  if (v && typeof v === 'object' && !Array.isArray(v)) v = v.nb ?? Object.values(v)[0];
  let s = Array.isArray(v) ? JSON.stringify(v.slice(0, 3)) : typeof v === 'string' ? JSON.stringify(v) : String(v);
  if (s.length > 60) s = s.slice(0, 57) + '…"';
  return '`' + s.replace(/`/g, "'") + '`';
}
function limit(f) {
  const parts = [];
  if (f.kind === 'rich') parts.push(`rik tekst, høyst ${f.limit} tegn`);
  else if (f.limit) parts.push(`høyst ${f.limit} tegn`);
  if (f.values) parts.push(`én av: ${f.values.join(', ')}`);
  if (f.kind === 'bool') parts.push('true eller false');
  if (f.kind === 'list') parts.push('liste');
  if (f.kind === 'objects') parts.push(`liste av ${FIELDS[f.item]?._?.[0] ?? 'spørsmål og resultater'}`);
  if (f.kind === 'object') parts.push(FIELDS[f.item]?._?.[0] ?? f.item);
  if (f.default !== undefined) parts.push(`standard: ${JSON.stringify(f.default)}`);
  return parts.join('; ');
}

export function tables() {
  const missing = [];
  const order = Object.keys(FIELDS);
  const all = Object.keys(types(schema)).filter((t) => fieldsOf(schema, t).length);
  for (const t of all) if (!order.includes(t)) missing.push(`${t} (hele typen)`);
  let out = '';
  for (const t of order) {
    const fields = fieldsOf(schema, t);
    if (!fields.length) continue;
    out += `\n### ${FIELDS[t]._[0]} (\`${t}\`)\n\n| Felt | Betyr | Må fylles ut | Grense | Eksempel |\n| --- | --- | --- | --- | --- |\n`;
    for (const f of fields) {
      if (!f.label) missing.push(`${t}.${f.key}`);
      const meaning = [f.label, f.help].filter(Boolean).join(': ');
      out += `| \`${f.key}\` | ${cell(meaning)} | ${f.required ? 'ja' : 'nei'} | ${cell(limit(f))} | ${cell(shown(f, examples[`${t}.${f.key}`]))} |\n`;
    }
  }
  if (missing.length) throw new Error(`studio/fields.js has no Norwegian name for: ${missing.join(', ')}`);
  for (const t of order) if (!all.includes(t)) throw new Error(`studio/fields.js names ${t}, which the schema no longer has`);
  return out;
}

export function render(current) {
  const a = current.indexOf(START);
  const b = current.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${FILE} lacks the markers ${START} … ${END}`);
  return current.slice(0, a + START.length) + '\n' + tables() + '\n' + current.slice(b);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const current = fs.readFileSync(FILE, 'utf8');
  const next = render(current);
  if (process.argv.includes('--check')) {
    if (next !== current) {
      console.error('content/LES-MEG.md is stale: run node scripts/gen-les-meg.mjs');
      process.exit(1);
    }
  } else if (next !== current) {
    fs.writeFileSync(FILE, next);
    console.log('gen-les-meg: content/LES-MEG.md updated');
  }
}
