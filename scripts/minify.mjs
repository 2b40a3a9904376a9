// Minifies what pkg/ ships to readers: the loader, the wasm-bindgen glue, the
// embed and print scripts, and the stylesheet. Every byte is paid on mobile data.
import { readFile, writeFile } from 'node:fs/promises';
import { minify } from 'terser';
import { minify as minifyCss } from 'csso';

const scripts = [
  ['pkg/bti-veileder.js', false],
  ['pkg/embed.js', false],
  ['pkg/print.js', false],
  ['pkg/bti-guide.js', true],
  ['pkg/bti-core.js', true],
  ['pkg/bti-studio.js', true],
];
for (const [file, module] of scripts) {
  const code = await readFile(file, 'utf8');
  const out = await minify(code, { module, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (!out.code) throw new Error(`terser returned nothing for ${file}`);
  await writeFile(file, out.code);
}
for (const file of ['pkg/bti-veileder.css', 'pkg/bti-handbook.css']) {
  const css = await readFile(file, 'utf8');
  await writeFile(file, minifyCss(css, { restructure: true }).css);
}
