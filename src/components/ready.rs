//! The widget's screen once its content is here: the guide or the handbook, with
//! the notices around them. Free of the page (no host element, no `window`), so
//! the same markup is rendered natively for a pre-rendered first screen
//! (`bti-export --first-screen`) as the live widget draws in the browser.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::common::lang_switcher::LangSwitcher;
#[cfg(feature = "guide")]
use crate::components::guide::GuideView;
#[cfg(feature = "handbook")]
use crate::components::handbook::{HandbookView, NavMode, PrintAll};
use crate::i18n::Lang;
use crate::load::{Loaded, Start};

#[derive(Properties, PartialEq, Clone)]
pub struct ReadyProps {
    pub loaded: Rc<Loaded>,
    /// The language the screen is drawn in (its strings are here).
    pub lang: Lang,
    /// The language the reader asked for (the switcher shows it).
    pub wanted: Lang,
    pub onlang: Callback<Lang>,
    pub start: Start,
    pub instance: u32,
    /// Where quick exit goes, already checked.
    pub exit: String,
    pub debug: bool,
    pub print_all: bool,
    pub ns: AttrValue,
    pub memory_routing: bool,
    pub base: AttrValue,
    pub src: Option<AttrValue>,
}

/// The markup itself: a plain function, so the live widget (`App`) pays for no
/// extra component; the export renders it through [`Ready`].
#[inline]
pub fn ready_view(props: &ReadyProps) -> Html {
    let (loaded, lang) = (&props.loaded, props.lang);
    let strings = lang.strings();
    let switcher = if props.print_all {
        html! {}
    } else {
        html! {
            <LangSwitcher lang={props.wanted} available={loaded.langs.clone()} onchange={props.onlang.clone()} instance={props.instance} />
        }
    };
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
                #[cfg(feature = "guide")]
                Start::Guide => html! { <GuideView loaded={loaded.clone()} {lang} instance={props.instance} exit={props.exit.clone()} {switcher} /> },
                #[cfg(feature = "handbook")]
                Start::Handbook if props.print_all => html! { <PrintAll loaded={loaded.clone()} {lang} /> },
                // Each build draws its own; the loader picks the build by the start.
                #[cfg(not(feature = "guide"))]
                Start::Guide => html! { <p>{ strings.not_found }</p> },
                #[cfg(not(feature = "handbook"))]
                Start::Handbook => html! { <p>{ strings.not_found }</p> },
                #[cfg(feature = "handbook")]
                Start::Handbook => html! { <HandbookView loaded={loaded.clone()} {lang} ns={props.ns.clone()} mode={if props.memory_routing { NavMode::Memory } else { NavMode::Hash }} instance={props.instance} base={props.base.clone()} src={props.src.clone()} {switcher} /> },
            } }
            { notice_last }
        </>
    }
}

/// [`ready_view`] as a component, for the server renderer.
#[cfg(not(target_arch = "wasm32"))]
#[function_component(Ready)]
pub fn ready(props: &ReadyProps) -> Html {
    ready_view(props)
}
