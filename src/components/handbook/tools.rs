//! The handbook's tools: the search bar and search page, "Kopier lenke", and the
//! print buttons that open the same-origin print view.

use std::ops::Range;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::page::Links;
use super::page::Screen;
use crate::handbook::route::{NavMode, Page};
use crate::i18n::fill;
use crate::i18n::Lang;
use crate::search::{Hit, Index, Labels, Target};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Where the print view is (the widget's folder) and the content it prints.
#[derive(Clone, PartialEq)]
pub struct Print {
    pub base: AttrValue,
    pub src: AttrValue,
}

impl Print {
    /// The address of the print view for `what` (a route hash, or `all`).
    fn url(&self, lang: Lang, what: &str) -> Option<String> {
        let doc = window()?.document()?.base_uri().ok().flatten()?;
        let src = web_sys::Url::new_with_base(&self.src, &doc).ok()?.href();
        let url = web_sys::Url::new_with_base("print.html", &self.base).ok()?;
        let q = url.search_params();
        q.set("src", &src);
        q.set("lang", lang.code());
        q.set("print", what);
        Some(url.href())
    }

    fn open(&self, lang: Lang, what: &str) {
        if let (Some(w), Some(url)) = (window(), self.url(lang, what)) {
            let _ = w.open_with_url_and_target_and_features(&url, "_blank", "noopener");
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub screen: Screen,
    /// Set when the content came by `src`: the print view can load it again.
    pub print: Option<Print>,
}

/// The search bar and "Skriv ut hele håndboken" above every page but search.
#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let ctx = &props.screen;
    let s = ctx.lang.strings();
    let input = use_node_ref();
    let onsubmit = {
        let links = ctx.links.clone();
        let input = input.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let q = input
                .cast::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            links.nav.go.emit(links.to(Page::Search(q)));
        })
    };
    let print_all = props.print.clone().map(|print| {
        let lang = ctx.lang;
        Callback::from(move |_: MouseEvent| print.open(lang, "all"))
    });
    html! {
        <div class="bti-toolbar">
            <form class="bti-search" role="search" {onsubmit}>
                <label class="bti-search__label" for={ctx.anchors.id("q")}>{ s.search_label }</label>
                <span class="bti-search__row">
                    <input class="bti-search__input" type="search" id={ctx.anchors.id("q")} ref={input} autocomplete="off" />
                    <button type="submit" class="bti-button">{ s.search_button }</button>
                </span>
            </form>
            if let Some(onclick) = print_all {
                <button type="button" class="bti-button bti-button--secondary bti-toolbar__print" {onclick}>{ s.print_all }</button>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct StepActionsProps {
    pub lang: Lang,
    /// The step's own link (an address hash).
    pub hash: AttrValue,
    pub print: Option<Print>,
}

/// "Kopier lenke" and "Skriv ut" under a step.
#[function_component(StepActions)]
pub fn step_actions(props: &StepActionsProps) -> Html {
    let s = props.lang.strings();
    let status = use_state(String::new);
    let hash = props.hash.clone();
    let copy = {
        let status = status.clone();
        let hash = hash.clone();
        let lang = props.lang;
        Callback::from(move |_: MouseEvent| {
            let Some(w) = window() else { return };
            let href = w.location().href().unwrap_or_default();
            let url = format!("{}{}", href.split('#').next().unwrap_or(""), hash);
            let status = status.clone();
            let promise = w.navigator().clipboard().write_text(&url);
            wasm_bindgen_futures::spawn_local(async move {
                let s = lang.strings();
                match wasm_bindgen_futures::JsFuture::from(promise).await {
                    Ok(_) => status.set(s.link_copied.to_string()),
                    Err(_) => status.set(fill(s.copy_failed, &[&url])),
                }
            });
        })
    };
    let print = props.print.clone().map(|print| {
        let lang = props.lang;
        Callback::from(move |_: MouseEvent| print.open(lang, &hash))
    });
    html! {
        <div class="bti-actions">
            <button type="button" class="bti-button bti-button--secondary" onclick={copy}>{ s.copy_link }</button>
            if let Some(onclick) = print {
                <button type="button" class="bti-button bti-button--secondary" {onclick}>{ s.print }</button>
            }
            <p class="bti-actions__status" role="status">{ (*status).clone() }</p>
        </div>
    }
}

fn marked(text: &str, marks: &[Range<usize>]) -> Html {
    let mut out = Vec::new();
    let mut at = 0;
    for r in marks {
        if r.start < at
            || r.end > text.len()
            || !text.is_char_boundary(r.start)
            || !text.is_char_boundary(r.end)
        {
            continue;
        }
        out.push(html! { { text[at..r.start].to_string() } });
        out.push(html! { <mark>{ text[r.clone()].to_string() }</mark> });
        at = r.end;
    }
    out.push(html! { { text[at..].to_string() } });
    html! { <>{ for out }</> }
}

fn page_of(t: &Target) -> Page {
    match t {
        Target::Level(id) => Page::Level(id.clone()),
        Target::Step(id) => Page::Step(id.clone()),
        Target::Service(id) => Page::Services(Some(id.clone())),
        Target::Tool(id) => Page::Tools(Some(id.clone())),
        Target::Law(id) => Page::Laws(Some(id.clone())),
        Target::Role(id) => Page::Roles(Some(id.clone())),
        Target::Kommune(id) => Page::Kommune(Some(id.clone())),
        Target::Etat(id) => Page::Etat(Some(id.clone())),
        Target::Term(_) => Page::Front,
    }
}

/// Keeps the search words in the address without adding a history entry per keystroke.
fn replace_hash(links: &Links, q: &str) {
    if links.nav.mode != NavMode::Hash {
        return;
    }
    if let Some(w) = window() {
        let hash = links.to(Page::Search(q.to_string())).to_hash(&links.nav.ns);
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash));
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct SearchPageProps {
    pub screen: Screen,
    pub query: AttrValue,
}

#[function_component(SearchPage)]
pub fn search_page(props: &SearchPageProps) -> Html {
    let ctx = &props.screen;
    let s = ctx.lang.strings();
    let query = use_state(|| props.query.to_string());
    // Built again when the language or the content changes (a language switch keeps
    // this screen, and its hits must be in the new language).
    let index = {
        let ctx = ctx.clone();
        let deps = (ctx.lang, Rc::as_ptr(&ctx.loaded) as usize);
        use_memo(deps, move |_| {
            let s = ctx.lang.strings();
            let labels = Labels {
                level: s.level,
                tools: s.tools,
                laws: s.laws,
                roles: s.roles,
                services: s.services,
                kommune: s.kommune_level,
                etat: s.etat_level,
                glossary: s.glossary,
            };
            Index::build_with(&ctx.loaded.content, ctx.lang.code(), &labels)
        })
    };
    // The search time on the status line is a test hook (pkg-test/ only).
    #[cfg(feature = "testhooks")]
    let now = || {
        window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now())
    };
    #[cfg(feature = "testhooks")]
    let t0 = now();
    let hits: Vec<Hit> = index.search(&query, 30);
    #[cfg(feature = "testhooks")]
    let search_us = (((now() - t0) * 1000.0) as u32).to_string();
    let oninput = {
        let query = query.clone();
        let links = ctx.links.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                replace_hash(&links, &input.value());
                query.set(input.value());
            }
        })
    };
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    let summary = if query.trim().chars().count() < 2 {
        String::new()
    } else if hits.is_empty() {
        fill(s.search_none, &[query.trim()])
    } else {
        fill(s.search_count, &[&hits.len().to_string(), query.trim()])
    };
    html! {
        <>
            { ctx.title(s.search_label) }
            <form class="bti-search" role="search" {onsubmit}>
                <label class="bti-search__label" for={ctx.anchors.id("sq")}>{ s.search_label }</label>
                <input class="bti-search__input" type="search" id={ctx.anchors.id("sq")} value={(*query).clone()} {oninput} autocomplete="off" />
            </form>
            { count_line(summary, #[cfg(feature = "testhooks")] search_us) }
            <ol class="bti-results">
                { for hits.iter().map(|h| html! {
                    <li class="bti-results__item">
                        <p class="bti-results__place">{ h.place.join(" › ") }</p>
                        <h3 class="bti-results__title">
                            { ctx.link(page_of(&h.target), marked(&h.title, &h.title_marks)) }
                        </h3>
                        <p class="bti-results__snippet">{ marked(&h.snippet, &h.snippet_marks) }</p>
                    </li>
                }) }
            </ol>
        </>
    }
}

#[cfg(not(feature = "testhooks"))]
fn count_line(summary: String) -> Html {
    html! { <p class="bti-search__count" role="status">{ summary }</p> }
}

/// The same line with the search time for the tests (pkg-test/ only).
#[cfg(feature = "testhooks")]
fn count_line(summary: String, search_us: String) -> Html {
    html! { <p class="bti-search__count" role="status" data-search-us={search_us}>{ summary }</p> }
}
