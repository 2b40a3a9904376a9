// A tiny W3C WebDriver client over HTTP with Node's fetch: just the commands the
// WebKit adapter needs. https://www.w3.org/TR/webdriver2/

export const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

// Key codes of the WebDriver "keys" table for the names the smoke suite uses.
const KEYS = { Shift: '\uE008', Enter: '\uE007', Tab: '\uE004', Escape: '\uE00C', Backspace: '\uE003' };
export const keyCode = (name) => {
  if (KEYS[name]) return KEYS[name];
  if ([...name].length === 1) return name;
  throw new Error(`webdriver: no key code for "${name}"`);
};

export class WebDriverError extends Error {
  constructor(method, path, status, value) {
    super(`${method} ${path}: HTTP ${status} ${value?.error ?? ''}: ${value?.message ?? JSON.stringify(value)}`.trim());
    this.error = value?.error;
  }
}

export class WebDriver {
  constructor(base) {
    this.base = base.replace(/\/$/, '');
    this.sessionId = null;
  }

  async request(method, path, body, { timeout = 60_000 } = {}) {
    const res = await fetch(this.base + path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeout),
    });
    const text = await res.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      throw new WebDriverError(method, path, res.status, { error: 'invalid response', message: text.slice(0, 300) });
    }
    if (!res.ok) throw new WebDriverError(method, path, res.status, json.value);
    return json.value;
  }

  /** Polls /status until the driver says it is ready. */
  async waitReady(timeout) {
    const end = Date.now() + timeout;
    let last;
    while (Date.now() < end) {
      try {
        const v = await this.request('GET', '/status', undefined, { timeout: 2000 });
        if (v?.ready !== false) return v;
        last = JSON.stringify(v);
      } catch (err) {
        last = err.message;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`WebDriver at ${this.base} not ready after ${timeout} ms (last: ${last})`);
  }

  async newSession(capabilities, timeout) {
    const v = await this.request('POST', '/session', { capabilities: { alwaysMatch: capabilities } }, { timeout });
    this.sessionId = v.sessionId;
    this.capabilities = v.capabilities;
    return v;
  }

  s(path, method = 'GET', body, options) {
    return this.request(method, `/session/${this.sessionId}${path}`, body, options);
  }

  async deleteSession() {
    if (!this.sessionId) return;
    const id = this.sessionId;
    this.sessionId = null;
    await this.request('DELETE', `/session/${id}`, undefined, { timeout: 10_000 });
  }

  setTimeouts(t) { return this.s('/timeouts', 'POST', t); }
  navigate(url) { return this.s('/url', 'POST', { url }); }
  url() { return this.s('/url'); }
  back() { return this.s('/back', 'POST', {}); }
  title() { return this.s('/title'); }
  windowRect() { return this.s('/window/rect'); }
  setWindowRect(rect) { return this.s('/window/rect', 'POST', rect); }
  switchToFrame(id) { return this.s('/frame', 'POST', { id }); }
  switchToParentFrame() { return this.s('/frame/parent', 'POST', {}); }
  click(el) { return this.s(`/element/${el[ELEMENT]}/click`, 'POST', {}); }
  sendKeys(el, text) { return this.s(`/element/${el[ELEMENT]}/value`, 'POST', { text }); }
  performActions(actions) { return this.s('/actions', 'POST', { actions }); }
  releaseActions() { return this.s('/actions', 'DELETE'); }
  // Only taken after a failure; WebKitWebDriver 2.50 sometimes never answers it.
  screenshot() { return this.s('/screenshot', 'GET', undefined, { timeout: 10_000 }); }
  executeSync(script, args = []) { return this.s('/execute/sync', 'POST', { script, args }); }
  executeAsync(script, args = []) { return this.s('/execute/async', 'POST', { script, args }); }
}
