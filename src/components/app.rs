//! The root component: loads content and shows the loading, error or ready state.

use std::rc::Rc;

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::components::common::emergency::EmergencyBox;
use crate::components::common::error_view::ErrorView;
use crate::components::guide::GuideView;
#[cfg(feature = "handbook")]
use crate::components::handbook::{HandbookView, PrintAll};
use crate::hooks::content::{load, Loaded};
use crate::i18n::Lang;
use crate::load::{LoadError, Start};

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The `<bti-veileder>` element, for events.
    pub host: HtmlElement,
    /// Number of this instance on the page, for unique ARIA ids.
    pub instance: u32,
    pub src: Option<AttrValue>,
    /// Content given as JSON text through `element.content`.
    pub inline: Option<AttrValue>,
    pub start: Start,
    pub lang: Lang,
    /// Hash namespace for handbook routes (`bti` or `bti-<id>`).
    pub ns: AttrValue,
    pub memory_routing: bool,
    pub exit_url: Option<AttrValue>,
    pub debug: bool,
    /// Where the widget's own files are (the loader's folder).
    pub base: AttrValue,
    /// `print="all"`: the whole handbook as one document (the print view).
    pub print_all: bool,
}

#[derive(Clone, PartialEq)]
enum State {
    Loading,
    Failed(LoadError),
    Ready(Rc<Loaded>),
}

fn dispatch(host: &HtmlElement, name: &str, detail: Option<&str>) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    if let Some(message) = detail {
        let obj = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&obj, &JsValue::from_str("message"), &JsValue::from_str(message));
        init.set_detail(&obj);
    }
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_state(|| State::Loading);
    let attempt = use_state(|| 0u32);
    // Only the newest load may set the state: a slow old response must not win.
    let generation = use_mut_ref(|| 0u32);
    let strings = props.lang.strings();

    {
        let state = state.clone();
        let host = props.host.clone();
        let deps = (props.src.clone(), props.inline.clone(), props.start, props.lang, *attempt);
        use_effect_with(deps, move |(src, inline, start, lang, _)| {
            let gen = {
                let mut g = generation.borrow_mut();
                *g = g.wrapping_add(1);
                *g
            };
            state.set(State::Loading);
            let (src, inline, start, lang) = (src.clone(), inline.clone(), *start, *lang);
            spawn_local(async move {
                let result = load(src.as_deref(), inline.as_deref(), start, lang.code()).await;
                if *generation.borrow() != gen {
                    return;
                }
                match result {
                    Ok(loaded) => {
                        state.set(State::Ready(loaded));
                        dispatch(&host, "bti-ready", None);
                    }
                    Err(e) => {
                        dispatch(&host, "bti-error", Some(&e.message(lang.strings())));
                        state.set(State::Failed(e));
                    }
                }
            });
        });
    }

    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |_| attempt.set(attempt.wrapping_add(1)))
    };

    let body = match &*state {
        State::Loading => html! {
            <>
                if props.start == Start::Guide { <EmergencyBox lang={props.lang} /> }
                <p class="bti-loading" role="status">{ strings.loading }</p>
            </>
        },
        State::Failed(e) => html! {
            <>
                <EmergencyBox lang={props.lang} />
                <ErrorView lang={props.lang} message={e.message(strings)} onretry={retry} />
            </>
        },
        State::Ready(loaded) => html! {
            <>
                if loaded.content.meta.example {
                    <p class="bti-notice">{ strings.example_notice }</p>
                }
                if props.debug && !loaded.problems.is_empty() {
                    <section class="bti-debug" aria-label={strings.debug_title}>
                        <h2 class="bti-debug__title">{ strings.debug_title }</h2>
                        <ul>{ for loaded.problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                    </section>
                }
                { match props.start {
                    Start::Guide => html! { <GuideView loaded={loaded.clone()} lang={props.lang} instance={props.instance} exit_url={props.exit_url.clone()} /> },
                    #[cfg(feature = "handbook")]
                    Start::Handbook if props.print_all => html! { <PrintAll loaded={loaded.clone()} lang={props.lang} /> },
                    #[cfg(not(feature = "handbook"))]
                    Start::Handbook => html! { <p>{ strings.not_found }</p> },
                    #[cfg(feature = "handbook")]
                    Start::Handbook => html! { <HandbookView loaded={loaded.clone()} lang={props.lang} ns={props.ns.clone()} memory={props.memory_routing} instance={props.instance} base={props.base.clone()} src={props.src.clone()} /> },
                } }
            </>
        },
    };

    html! {
        <div class="bti-root" lang={props.lang.code()} dir={props.lang.dir()}>
            { body }
        </div>
    }
}
