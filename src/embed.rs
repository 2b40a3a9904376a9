//! The mount API the loader (`bti-veileder.js`) calls: the only place that knows
//! about the host element. Attributes are read here and become `AppProps`.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};
use yew::{AppHandle, AttrValue};

use crate::components::app::{App, AppProps};
use crate::handbook::route::namespace;
use crate::i18n::Lang;
use crate::load::Start;

thread_local! {
    static PANIC_HANDLER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    static NEXT_INSTANCE: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
    static PREFETCH: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

#[wasm_bindgen(start)]
pub fn start() {
    // Through Yew, or Yew would put its own console-only hook in place on first render.
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = info.to_string();
        // With panic = "abort" the module is dead after this returns; the loader
        // replaces every instance with the static emergency box.
        PANIC_HANDLER.with(|h| {
            if let Ok(h) = h.try_borrow() {
                if let Some(f) = h.as_ref() {
                    let _ = f.call1(&JsValue::NULL, &JsValue::from_str(&message));
                }
            }
        });
    }));
}

/// The loader registers the function that takes over when Rust panics.
#[wasm_bindgen(js_name = setPanicHandler)]
pub fn set_panic_handler(handler: js_sys::Function) {
    PANIC_HANDLER.with(|h| *h.borrow_mut() = Some(handler));
}

/// The loader starts fetching the content while the wasm is still on its way, and
/// registers the function that hands those fetches over: `url -> Promise<Response>`,
/// or `undefined` when it has none for that URL (then the widget fetches it itself).
#[wasm_bindgen(js_name = setPrefetch)]
pub fn set_prefetch(take: js_sys::Function) {
    PREFETCH.with(|p| *p.borrow_mut() = Some(take));
}

/// The loader's fetch of `url`, if it started one.
pub(crate) fn prefetched(url: &str) -> Option<js_sys::Promise> {
    PREFETCH.with(|p| {
        let p = p.try_borrow().ok()?;
        let taken = p
            .as_ref()?
            .call1(&JsValue::NULL, &JsValue::from_str(url))
            .ok()?;
        taken.dyn_into::<js_sys::Promise>().ok()
    })
}

#[cfg(feature = "testhooks")]
pub use testhooks::*;

/// Entry points for the browser tests and `make bench`, in pkg-test/ only.
#[cfg(feature = "testhooks")]
mod testhooks {
    use wasm_bindgen::prelude::*;

    fn now() -> f64 {
        web_sys::window()
            .and_then(|w| w.performance())
            .map(|p| p.now())
            .unwrap_or(0.0)
    }

    /// For the end-to-end test of the panic fallback.
    #[wasm_bindgen(js_name = debugPanic)]
    pub fn debug_panic() {
        panic!("debugPanic called");
    }

    /// Parse and check of one self-contained content file, in milliseconds;
    /// negative when the file has a fatal problem.
    #[wasm_bindgen(js_name = benchCheck)]
    pub fn bench_check(json: &str) -> f64 {
        let t0 = now();
        let checked = crate::model::load_str(json);
        let ms = now() - t0;
        if checked.content.is_some() {
            ms
        } else {
            -1.0
        }
    }

    /// Search as a person types: every prefix of every query (one per line)
    /// searched on the index of `json` in bokmål. Returns the time of each
    /// keystroke in milliseconds, after the index build time as element 0.
    #[cfg(feature = "handbook")]
    #[wasm_bindgen(js_name = benchSearch)]
    pub fn bench_search(json: &str, queries: &str) -> Vec<f64> {
        let Some(content) = crate::model::load_str(json).content else {
            return Vec::new();
        };
        let t0 = now();
        let index = crate::search::Index::build(&content, "nb");
        let mut out = vec![now() - t0];
        for q in queries.lines() {
            let mut typed = String::new();
            for c in q.chars() {
                typed.push(c);
                let t0 = now();
                let hits = index.search(&typed, 30);
                out.push(now() - t0);
                std::hint::black_box(hits);
            }
        }
        out
    }
}

/// One mounted widget.
#[wasm_bindgen]
pub struct Widget {
    handle: Option<AppHandle<App>>,
    props: AppProps,
}

#[wasm_bindgen]
impl Widget {
    /// Renders into `root` (inside the shadow root) for the element `host`;
    /// `base` is the URL of the folder the loader came from.
    #[wasm_bindgen(constructor)]
    pub fn new(root: Element, host: HtmlElement, base: Option<String>) -> Widget {
        let instance = NEXT_INSTANCE.with(|n| {
            let v = n.get();
            n.set(v.wrapping_add(1));
            v
        });
        let base = AttrValue::from(base.unwrap_or_default());
        let props = read_props(&host, instance, None, base);
        let handle = yew::Renderer::<App>::with_root_and_props(root, props.clone()).render();
        Widget {
            handle: Some(handle),
            props,
        }
    }

    /// Re-reads the host's attributes after one of them changed.
    pub fn update(&mut self) {
        let props = read_props(
            &self.props.host,
            self.props.instance,
            self.props.inline.clone(),
            self.props.base.clone(),
        );
        self.apply(props);
    }

    /// Content given as JSON text (the loader stringifies `element.content`).
    #[wasm_bindgen(js_name = setContent)]
    pub fn set_content(&mut self, json: String) {
        let mut props = self.props.clone();
        props.inline = Some(AttrValue::from(json));
        self.apply(props);
    }

    pub fn destroy(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
    }
}

impl Widget {
    fn apply(&mut self, props: AppProps) {
        if props != self.props {
            self.props = props.clone();
            if let Some(handle) = self.handle.as_mut() {
                handle.update(props);
            }
        }
    }
}

fn attr(host: &HtmlElement, name: &str) -> Option<String> {
    host.get_attribute(name)
        .or_else(|| host.get_attribute(&format!("data-{name}")))
        .filter(|v| !v.trim().is_empty())
}

fn read_props(
    host: &HtmlElement,
    instance: u32,
    inline: Option<AttrValue>,
    base: AttrValue,
) -> AppProps {
    let page_lang = host
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("lang"))
        .unwrap_or_default();
    let lang = Lang::from_tag(&attr(host, "lang").unwrap_or(page_lang));
    let id = host.get_attribute("id");
    AppProps {
        host: host.clone(),
        instance,
        src: attr(host, "src").map(AttrValue::from),
        inline,
        start: Start::from_attr(attr(host, "start").as_deref()),
        lang,
        ns: AttrValue::from(namespace(id.as_deref())),
        memory_routing: attr(host, "routing").as_deref() == Some("memory"),
        exit_url: attr(host, "exit-url").map(AttrValue::from),
        debug: host.has_attribute("debug") || host.has_attribute("data-debug"),
        base,
        print_all: attr(host, "print").as_deref() == Some("all"),
    }
}
