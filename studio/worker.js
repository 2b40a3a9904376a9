// The checker off the page's thread: the studio sends the open files, the
// worker answers with the report (JSON text), so typing never waits for a check.
let core = null;
function load(base) {
  if (!core) {
    core = import(new URL('bti-studio.js', base).href).then(async (m) => {
      await m.default({ module_or_path: new URL('bti-studio_bg.wasm', base).href });
      return m;
    });
  }
  return core;
}

self.onmessage = async (e) => {
  const { id, base, names, texts } = e.data; // or { id, base, lix: { text, section, field } }
  try {
    const m = await load(base);
    if (e.data.lix) {
      self.postMessage({ id, answer: m.studioLix(e.data.lix.text, e.data.lix.section, e.data.lix.field) });
      return;
    }
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
