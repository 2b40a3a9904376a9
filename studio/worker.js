// The checker off the page's thread: the studio sends the open files, the
// worker answers with the report (JSON text), so typing never waits for a check.
let core = null;
function load(base) {
  if (!core) {
    core = import(new URL('bti-core.js', base).href).then(async (m) => {
      await m.default({ module_or_path: new URL('bti-core_bg.wasm', base).href });
      return m;
    });
  }
  return core;
}

self.onmessage = async (e) => {
  const { id, base, names, texts } = e.data;
  try {
    const m = await load(base);
    if (!names) {
      self.postMessage({ id, ready: true });
      return;
    }
    const t0 = performance.now();
    const answer = m.studioCheck(names, texts);
    self.postMessage({ id, answer, ms: performance.now() - t0 });
  } catch (err) {
    self.postMessage({ id, error: String((err && err.message) || err) });
  }
};
