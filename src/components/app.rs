//! The root component: loads content and shows the loading, error or ready state.

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};
use yew::prelude::*;

use crate::components::common::emergency::EmergencyBox;
use crate::components::common::error_view::ErrorView;
use crate::components::common::DEFAULT_EXIT;
use crate::components::ready::{ready_view, ReadyProps};
use crate::hooks::load::{use_load, use_ui_strings};
use crate::i18n::Lang;
use crate::load::{LoadError, Phase, Source, Start};

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

fn dispatch(host: &HtmlElement, name: &str, detail: Option<&str>) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    if let Some(message) = detail {
        let obj = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &obj,
            &JsValue::from_str("message"),
            &JsValue::from_str(message),
        );
        init.set_detail(&obj);
    }
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// Where quick exit goes: the attribute, else the content's setting, else a neutral
/// default. Only https or a page on the host's own origin is accepted.
fn exit_target(attr: Option<&str>, content: Option<&str>) -> String {
    let window = web_sys::window();
    let base = window
        .as_ref()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let origin = window
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    [attr, content]
        .into_iter()
        .flatten()
        .filter_map(|u| web_sys::Url::new_with_base(u, &base).ok())
        .find(|u| u.protocol() == "https:" || u.origin() == origin)
        .map(|u| u.href())
        .unwrap_or_else(|| DEFAULT_EXIT.to_string())
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let attempt = use_state(|| 0u32);
    // The reader's choice in the switcher wins until the page changes the attribute.
    let chosen = use_state(|| None::<Lang>);
    {
        let chosen = chosen.clone();
        use_effect_with(props.lang, move |_| chosen.set(None));
    }
    let wanted = chosen.unwrap_or(props.lang);
    // Render in a language only once its strings are here: a change of `lang` is
    // then a change of props, so every component redraws in the new language.
    let lang = use_ui_strings(wanted, props.base.clone());
    let strings = lang.strings();
    let source = Source {
        src: props.src.clone(),
        inline: props.inline.clone(),
        start: props.start,
        attempt: *attempt,
    };
    let outcome = {
        let host = props.host.clone();
        Callback::from(move |result: Result<(), LoadError>| match result {
            Ok(()) => dispatch(&host, "bti-ready", None),
            Err(e) => dispatch(&host, "bti-error", Some(&e.message(wanted.strings()))),
        })
    };
    let state = use_load(source, wanted, outcome);

    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |_| attempt.set(attempt.wrapping_add(1)))
    };
    let onlang = {
        let chosen = chosen.clone();
        Callback::from(move |l: Lang| chosen.set(Some(l)))
    };

    let body = match &state.phase {
        Phase::Loading => html! {
            <>
                if props.start == Start::Guide { <EmergencyBox {lang} compact=true /> }
                <p class="bti-loading" role="status">{ strings.loading }</p>
            </>
        },
        Phase::Failed(e) => html! {
            <>
                <EmergencyBox {lang} />
                <ErrorView {lang} message={e.message(strings)} onretry={retry} />
            </>
        },
        Phase::Ready(loaded) => {
            let exit = exit_target(
                props.exit_url.as_deref(),
                loaded.content.meta.exit_url.as_deref(),
            );
            ready_view(&ReadyProps {
                loaded: loaded.clone(),
                lang,
                wanted,
                onlang,
                start: props.start,
                instance: props.instance,
                exit,
                debug: props.debug,
                print_all: props.print_all,
                ns: props.ns.clone(),
                memory_routing: props.memory_routing,
                base: props.base.clone(),
                src: props.src.clone(),
            })
        }
    };

    // A new root for each phase: Yew would otherwise reuse the loading line's <p>
    // for the last paragraph of the first screen and move it down (CLS 0.1).
    let phase = match &state.phase {
        Phase::Loading => "l",
        Phase::Failed(_) => "f",
        Phase::Ready(_) => "r",
    };
    html! {
        <div class="bti-root" key={phase} lang={lang.code()} dir={lang.dir()}>
            { body }
        </div>
    }
}
