//! The root component: loads content and shows the loading, error or ready state.

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};
use yew::prelude::*;

use crate::components::common::emergency::EmergencyBox;
use crate::components::common::error_view::ErrorView;
use crate::components::common::lang_switcher::LangSwitcher;
use crate::components::guide::GuideView;
#[cfg(feature = "handbook")]
use crate::components::handbook::{HandbookView, NavMode, PrintAll};
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

    let switcher = match &state.phase {
        Phase::Ready(loaded) if !props.print_all => html! {
            <LangSwitcher lang={wanted} available={loaded.langs.clone()} onchange={onlang} instance={props.instance} />
        },
        _ => html! {},
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
            // The guide keeps its first screen for the question (the example's local
            // numbers say themselves that they cannot be dialled): its notice goes last.
            let example = loaded
                .content
                .meta
                .example
                .then(|| html! { <p class="bti-notice">{ strings.example_notice }</p> });
            let (notice_first, notice_last) = if props.start == Start::Guide {
                (None, example)
            } else {
                (example, None)
            };
            html! {
            <>
                { notice_first }
                if !loaded.langs.iter().any(|l| l == lang.code()) {
                    <p class="bti-notice bti-notice--lang" lang={lang.code()}>{ strings.content_nb_only }</p>
                }
                if props.debug && !loaded.problems.is_empty() {
                    <section class="bti-debug" aria-label={strings.debug_title}>
                        <h2 class="bti-debug__title">{ strings.debug_title }</h2>
                        <ul>{ for loaded.problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                    </section>
                }
                { match props.start {
                    Start::Guide => html! { <GuideView loaded={loaded.clone()} {lang} instance={props.instance} exit_url={props.exit_url.clone()} switcher={switcher.clone()} /> },
                    #[cfg(feature = "handbook")]
                    Start::Handbook if props.print_all => html! { <PrintAll loaded={loaded.clone()} {lang} /> },
                    #[cfg(not(feature = "handbook"))]
                    Start::Handbook => html! { <p>{ strings.not_found }</p> },
                    #[cfg(feature = "handbook")]
                    Start::Handbook => html! { <HandbookView loaded={loaded.clone()} {lang} ns={props.ns.clone()} mode={if props.memory_routing { NavMode::Memory } else { NavMode::Hash }} instance={props.instance} base={props.base.clone()} src={props.src.clone()} switcher={switcher.clone()} /> },
                } }
                { notice_last }
            </>
            }
        }
    };

    html! {
        <div class="bti-root" lang={lang.code()} dir={lang.dir()}>
            { body }
        </div>
    }
}
