// Paths and edits in the editor's JSON through CodeMirror's syntax tree (Lezer),
// so a form edit changes only the bytes of that one value.
const VALUES = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null']);

const children = (node) => {
  const out = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
};
const keyOf = (doc, prop) => {
  const name = prop.getChild('PropertyName');
  if (!name) return null;
  try {
    return JSON.parse(doc.sliceString(name.from, name.to));
  } catch {
    return null;
  }
};
const valueOf = (prop) => children(prop).find((c) => VALUES.has(c.name)) || null;

/** The JSON path (keys and indexes) of the innermost value at `pos`. */
export function pathAt(tree, doc, pos) {
  let node = tree.resolveInner(pos, 1);
  const path = [];
  let prev = null;
  for (; node; prev = node, node = node.parent) {
    if (node.name === 'Property') {
      const k = keyOf(doc, node);
      if (k !== null) path.unshift(k);
    } else if (node.name === 'Array' && prev && VALUES.has(prev.name)) {
      path.unshift(children(node).filter((c) => VALUES.has(c.name)).findIndex((c) => c.from === prev.from));
    } else if (node.name === 'Array' && prev) {
      // Between items: count the items that end before `pos`.
      path.unshift(Math.max(0, children(node).filter((c) => VALUES.has(c.name) && c.to <= pos).length - 1));
    }
  }
  return path;
}

/** The syntax node of the value at `path`, or null. */
export function nodeAt(tree, doc, path) {
  let node = children(tree.topNode).find((c) => VALUES.has(c.name));
  for (const seg of path) {
    if (!node) return null;
    if (typeof seg === 'number') {
      if (node.name !== 'Array') return null;
      node = children(node).filter((c) => VALUES.has(c.name))[seg] || null;
    } else {
      if (node.name !== 'Object') return null;
      const prop = node.getChildren('Property').find((p) => keyOf(doc, p) === seg);
      node = prop ? valueOf(prop) : null;
    }
  }
  return node;
}

function indentOf(doc, pos) {
  const line = doc.lineAt(pos);
  return /^\s*/.exec(line.text)[0];
}

/**
 * The change that sets `path` to `value` (JSON-encoded), or removes it when
 * `value` is undefined. Adds a missing last key to its object, indented like
 * its neighbours, with the file's line break `nl`. Null when the object itself is not there.
 */
export function setChange(tree, doc, path, value, nl = '\n') {
  const encoded = value === undefined ? undefined : JSON.stringify(value);
  const target = nodeAt(tree, doc, path);
  if (target) {
    if (encoded !== undefined) return { from: target.from, to: target.to, insert: encoded };
    const prop = target.parent;
    if (!prop || prop.name !== 'Property') return null;
    const obj = prop.parent;
    const props = obj.getChildren('Property');
    const i = props.findIndex((p) => p.from === prop.from);
    if (i > 0) return { from: props[i - 1].to, to: prop.to, insert: '' };
    if (props.length > 1) return { from: prop.from, to: props[1].from, insert: '' };
    return { from: obj.from + 1, to: obj.to - 1, insert: '' };
  }
  if (encoded === undefined) return null;
  const key = path[path.length - 1];
  if (typeof key !== 'string') return null;
  const obj = nodeAt(tree, doc, path.slice(0, -1));
  if (!obj || obj.name !== 'Object') return null;
  const props = obj.getChildren('Property');
  if (props.length) {
    const last = props[props.length - 1];
    const ind = indentOf(doc, last.from);
    const sameLine = doc.lineAt(last.from).number === doc.lineAt(obj.from).number;
    const sep = sameLine ? ', ' : `,${nl}${ind}`;
    return { from: last.to, to: last.to, insert: `${sep}${JSON.stringify(key)}: ${encoded}` };
  }
  const ind = indentOf(doc, obj.from);
  return { from: obj.from + 1, to: obj.to - 1, insert: `${nl}${ind}  ${JSON.stringify(key)}: ${encoded}${nl}${ind}` };
}
