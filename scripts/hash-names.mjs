// Gives every file the loader fetches (the glue, the wasm, the style sheets and the
// UI strings the wasm fetches through the loader) a name with the first 8 hex
// digits of the sha256 of its bytes, e.g. bti-guide.3f2a9c1b.js, and writes the
// map of plain to hashed names into the minified pkg/bti-veileder.js, in place of
// the source's { 'bti:files': 1 }. A host can then cache those files for a year;
// the loader keeps its name, with a short cache (README: "Cache headers").
// Run by scripts/build.sh on the complete, minified pkg/ (not on pkg-test/, which
// keeps the plain names). The content studio's bti-studio files keep theirs: the
// loader never fetches them.
import { createHash } from 'node:crypto';
import { readFile, readdir, rename, writeFile } from 'node:fs/promises';

const dir = 'pkg';
const i18n = (await readdir(`${dir}/i18n`)).filter((f) => f.endsWith('.json')).sort();
const files = ['bti-guide.js', 'bti-guide_bg.wasm', 'bti-core.js', 'bti-core_bg.wasm', 'bti-veileder.css', 'bti-handbook.css', ...i18n.map((f) => `i18n/${f}`)];

const map = { 'bti:files': 1 };
for (const file of files) {
  const hash = createHash('sha256').update(await readFile(`${dir}/${file}`)).digest('hex').slice(0, 8);
  const hashed = file.replace(/\.[^./]+$/, `.${hash}$&`);
  await rename(`${dir}/${file}`, `${dir}/${hashed}`);
  map[file] = hashed;
}

const loaderFile = `${dir}/bti-veileder.js`;
const loader = await readFile(loaderFile, 'utf8');
const marker = /\{(["'])bti:files\1:1\}/g;
const found = loader.match(marker) ?? [];
if (found.length !== 1) throw new Error(`${loaderFile}: expected the placeholder {"bti:files":1} once, found it ${found.length} times`);
await writeFile(loaderFile, loader.replace(marker, () => JSON.stringify(map)));
console.log(`hash-names: ${files.length} files in ${dir}/ have hashed names`);
