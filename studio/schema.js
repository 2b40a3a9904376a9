// Reads content/schema.json into what the form pane and the author guide need:
// for each type its fields with Norwegian label, help, kind, limit and whether
// required. Pure: runs in the browser and in node (scripts/gen-les-meg.mjs).
import { FIELDS, LIMITS } from './fields.js';

// Texts (a string, or one per language): the kind of field each text type gives.
// The schema now names short, rich and answer texts apart; plain Text is read by its description.
const TEXTS = { '#/definitions/Text': null, '#/definitions/ShortText': 'short', '#/definitions/RichText': 'rich', '#/definitions/AnswerText': 'answer' };

function refOf(p) {
  if (!p) return null;
  if (p.$ref) return p.$ref;
  for (const k of ['allOf', 'anyOf', 'oneOf']) {
    const r = (p[k] || []).map((x) => x.$ref).find(Boolean);
    if (r) return r;
  }
  return null;
}
const nameOf = (ref) => ref && ref.replace('#/definitions/', '');

/** The schema's types by name, with Node split into Question and Result. */
export function types(schema) {
  const out = { Content: schema };
  for (const [name, def] of Object.entries(schema.definitions)) {
    if (name === 'Node') {
      // The schema gives the guide node as anyOf (earlier oneOf) of question and result.
      for (const alt of def.oneOf || def.anyOf || []) {
        const t = alt.properties.type.enum[0];
        out[t === 'question' ? 'Question' : 'Result'] = alt;
      }
    } else out[name] = def;
  }
  return out;
}

function enumOf(all, ref) {
  const def = all[nameOf(ref)];
  if (!def) return null;
  if (def.enum) return def.enum;
  if (def.oneOf && def.oneOf.every((x) => x.enum)) return def.oneOf.flatMap((x) => x.enum);
  return null;
}

/**
 * The fields of `type`: [{ key, label, help, required, kind, values, limit, ref, description }].
 * kind: text | rich | string | bool | number | enum | list (of ids or values) | object | objects.
 */
export function fieldsOf(schema, type) {
  const all = types(schema);
  const def = all[type];
  if (!def || !def.properties) return [];
  const names = FIELDS[type] || {};
  const required = new Set(def.required || []);
  const order = Object.keys(names);
  const rank = (k) => (order.includes(k) ? order.indexOf(k) : order.length);
  const keys = Object.keys(def.properties).sort((a, b) => rank(a) - rank(b));
  return keys.map((key) => {
    const p = def.properties[key];
    const ref = refOf(p);
    const t = [].concat(p.type || []);
    const description = p.description || '';
    let kind = 'object';
    let values = null;
    let limit = null;
    let item = null;
    if (ref in TEXTS) {
      const which = TEXTS[ref];
      kind = which === 'rich' || (which === null && /\brich\b/i.test(description)) ? 'rich' : 'text';
      const answer = which === 'answer' || (which === null && type === 'Answer' && key === 'label');
      limit = kind === 'rich' ? LIMITS.rich : answer ? LIMITS.answer : LIMITS.short;
    } else if (ref && enumOf(all, ref)) {
      kind = 'enum';
      values = enumOf(all, ref);
    } else if (p.enum) {
      kind = 'enum';
      values = p.enum;
    } else if (ref) {
      kind = 'object';
      item = nameOf(ref);
    } else if (t.includes('array')) {
      const ir = refOf(p.items);
      if (!ir) kind = 'list';
      else if (enumOf(all, ir)) {
        kind = 'list';
        values = enumOf(all, ir);
      } else {
        kind = 'objects';
        item = nameOf(ir) === 'Node' ? 'Node' : nameOf(ir);
      }
    } else if (t.includes('boolean')) kind = 'bool';
    else if (t.includes('integer') || t.includes('number')) kind = 'number';
    else if (t.includes('string')) kind = 'string';
    const [label, help] = names[key] || [null, ''];
    return { key, label, help, required: required.has(key), kind, values, limit, item, description, default: p.default };
  });
}

/**
 * The type of the value at `path` in `doc` (parsed JSON), e.g.
 * ['contacts', 2] -> 'Contact', ['guide', 'nodes', 4] -> 'Question' or 'Result'.
 * Null for a path into a text or a list of ids.
 */
export function typeAt(schema, doc, path) {
  let type = 'Content';
  let value = doc;
  let inArrayOf = null;
  for (const seg of path) {
    if (inArrayOf) {
      if (typeof seg !== 'number') return null;
      value = value?.[seg];
      type = inArrayOf === 'Node' ? (value?.type === 'result' ? 'Result' : 'Question') : inArrayOf;
      inArrayOf = null;
      continue;
    }
    const f = fieldsOf(schema, type).find((x) => x.key === seg);
    if (!f) return null;
    value = value?.[seg];
    if (f.kind === 'object') type = f.item;
    else if (f.kind === 'objects') {
      inArrayOf = f.item;
      type = null;
    } else return null;
  }
  return inArrayOf ? null : type;
}
