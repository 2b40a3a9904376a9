// Content for make bench: the example kommune as one self-contained file, and a
// generated file of about 1 MB (40 services, 300 steps, 200 tools, 100 guide
// nodes) made by copying the example's items under new ids. Written to bench/
// (not committed). Usage: node scripts/bench-content.mjs
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

const dir = new URL('../content/', import.meta.url);
const read = (f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8'));

/** The example: the index and its bokmål guide and handbook parts, merged. */
export function exampleContent() {
  const doc = read('eksempel-kommune.json');
  delete doc.parts;
  delete doc.$schema;
  for (const f of ['eksempel-kommune.guide.json', 'eksempel-kommune.handbook.json']) {
    for (const [k, v] of Object.entries(read(f))) if (k !== '$schema') doc[k] = v;
  }
  return doc;
}

function allIds(node, ids = new Set()) {
  if (Array.isArray(node)) node.forEach((n) => allIds(n, ids));
  else if (node && typeof node === 'object') {
    if (typeof node.id === 'string') ids.add(node.id);
    Object.values(node).forEach((n) => allIds(n, ids));
  }
  return ids;
}

/**
 * A deep copy whose ids, and every string naming one of them, get `suffix`; but
 * not the contacts it refers to (a service and its contact often share an id).
 */
function renamed(node, ids, suffix) {
  if (Array.isArray(node)) return node.map((n) => renamed(n, ids, suffix));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === 'contacts' ? v : renamed(v, ids, suffix)]));
  return typeof node === 'string' && ids.has(node) ? node + suffix : node;
}

/** Copies of `list`'s items under new ids until it holds `count`. */
function grow(list, count, ids, tag) {
  const model = list.slice();
  for (let n = 0; list.length < count; n++) {
    const item = model[n % model.length];
    const own = allIds(item);
    list.push(renamed(item, own, `-${tag}${Math.floor(n / model.length) + 1}`));
  }
}

export function bigContent() {
  const doc = exampleContent();
  const ids = allIds(doc);
  grow(doc.services, 40, ids, 's');
  grow(doc.tools, 200, ids, 't');
  // 300 steps across the four levels.
  doc.levels.forEach((level, i) => grow(level.steps, i < 3 ? 75 : 300 - 3 * 75, ids, `l${i}s`));
  // About 100 guide nodes: whole copies of the guide tree, each reached by one more
  // answer on the first question.
  const nodes = doc.guide.nodes;
  const tree = nodes.slice();
  const nodeIds = new Set(tree.map((n) => n.id));
  const start = nodes.find((n) => n.id === doc.guide.start);
  for (let round = 1; nodes.length + tree.length <= 105; round++) {
    nodes.push(...tree.map((n) => renamed(n, nodeIds, `-g${round}`)));
    start.answers.push({ id: `a-kopi-${round}`, label: `Kopi ${round} av veilederen`, next: `${start.id}-g${round}` });
  }
  // The rest of the way to about 1 MB: more laws, roles and glossary terms.
  grow(doc.laws, 100, ids, 'l');
  grow(doc.roles, 40, ids, 'r');
  grow(doc.glossary, 300, ids, 'o');
  return doc;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(new URL('../bench/', import.meta.url), { recursive: true });
  for (const [name, doc] of [['example-content.json', exampleContent()], ['big-content.json', bigContent()]]) {
    const text = JSON.stringify(doc, null, 2);
    writeFileSync(new URL(`../bench/${name}`, import.meta.url), text);
    console.log(`bench-content: bench/${name} ${text.length} bytes`);
  }
}
