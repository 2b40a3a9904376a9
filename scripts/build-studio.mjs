// Builds the content studio into pkg/: redaktor.html with its script (CodeMirror 6
// and studio/, bundled and minified by esbuild), its styles, and the preview
// frame. Run by scripts/build.sh after the wasm builds; the worker uses bti-studio's
// exports (bti-core plus the template merge), the preview frame bti-core.
import { build } from 'esbuild';
import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';

const common = { bundle: true, minify: true, format: 'esm', target: 'es2020', legalComments: 'none', logLevel: 'warning' };
await build({ ...common, entryPoints: ['studio/main.js'], outfile: 'pkg/redaktor.js', loader: { '.json': 'json' } });
await build({ ...common, entryPoints: ['studio/forhandsvisning.js'], outfile: 'pkg/redaktor-forhandsvisning.js' });
await build({ ...common, entryPoints: ['studio/worker.js'], outfile: 'pkg/redaktor-worker.js' });
for (const [from, to] of [
  ['studio/redaktor.html', 'pkg/redaktor.html'],
  ['studio/redaktor.css', 'pkg/redaktor.css'],
  ['studio/editor.css', 'pkg/redaktor-editor.css'],
  ['studio/forhandsvisning.html', 'pkg/redaktor-forhandsvisning.html'],
  ['studio/forhandsvisning.css', 'pkg/redaktor-forhandsvisning.css'],
]) await copyFile(from, to);
// The national template, for "Ny fil" and for checking an overlay: fetched same-origin from pkg/mal/.
await mkdir('pkg/mal', { recursive: true });
for (const f of await readdir('content/mal')) if (f.endsWith('.json')) await copyFile(`content/mal/${f}`, `pkg/mal/${f}`);
const size = (await stat('pkg/redaktor.js')).size;
console.log(`build-studio: pkg/redaktor.html ready (redaktor.js ${Math.round(size / 1024)} KB)`);
