//! The handbook's tools: the search bar and search page, "Kopier lenke", and the
//! print buttons that open the same-origin print view.

use std::ops::Range;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::page::{use_hb, HbCtx, PageTitle};
use crate::handbook::route::{Page, Route};
use crate::i18n::fill;
use crate::search::{Hit, Index, Labels, Target};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The address of the print view for `what` (a route hash, or `all`).
fn print_url(ctx: &HbCtx, what: &str) -> Option<String> {
    let src = ctx.src.as_deref()?;
    let doc = window()?.document()?.base_uri().ok().flatten()?;
    let src = web_sys::Url::new_with_base(src, &doc).ok()?.href();
    let url = web_sys::Url::new_with_base("print.html", &ctx.base).ok()?;
    let q = url.search_params();
    q.set("src", &src);
    q.set("lang", ctx.lang.code());
    q.set("print", what);
    Some(url.href())
}

fn open_print(ctx: &HbCtx, what: &str) {
    if let (Some(w), Some(url)) = (window(), print_url(ctx, what)) {
        let _ = w.open_with_url_and_target_and_features(&url, "_blank", "noopener");
    }
}

#[function_component(Toolbar)]
pub fn toolbar() -> Html {
    let ctx = use_hb();
    let s = ctx.lang.strings();
    let input = use_node_ref();
    if matches!(ctx.route.page, Page::Search(_)) {
        return html! {};
    }
    let onsubmit = {
        let ctx = ctx.clone();
        let input = input.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let q = input
                .cast::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            ctx.nav.go.emit(ctx.to(Page::Search(q)));
        })
    };
    let print_all = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| open_print(&ctx, "all"))
    };
    html! {
        <div class="bti-toolbar">
            <form class="bti-search" role="search" {onsubmit}>
                <label class="bti-search__label" for={ctx.id("q")}>{ s.search_label }</label>
                <span class="bti-search__row">
                    <input class="bti-search__input" type="search" id={ctx.id("q")} ref={input} autocomplete="off" />
                    <button type="submit" class="bti-button">{ s.search_button }</button>
                </span>
            </form>
            if ctx.src.is_some() {
                <button type="button" class="bti-button bti-button--secondary bti-toolbar__print" onclick={print_all}>{ s.print_all }</button>
            }
        </div>
    }
}

/// "Kopier lenke" and "Skriv ut" under a step.
#[function_component(StepActions)]
pub fn step_actions() -> Html {
    let ctx = use_hb();
    let s = ctx.lang.strings();
    let status = use_state(String::new);
    let hash = ctx.route.to_hash(&ctx.nav.ns);
    let copy = {
        let status = status.clone();
        let hash = hash.clone();
        let lang = ctx.lang;
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
    let print = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| open_print(&ctx, &hash))
    };
    html! {
        <div class="bti-actions">
            <button type="button" class="bti-button bti-button--secondary" onclick={copy}>{ s.copy_link }</button>
            if ctx.src.is_some() {
                <button type="button" class="bti-button bti-button--secondary" onclick={print}>{ s.print }</button>
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
fn replace_hash(ctx: &HbCtx, q: &str) {
    if ctx.nav.memory {
        return;
    }
    if let Some(w) = window() {
        let hash = ctx.to(Page::Search(q.to_string())).to_hash(&ctx.nav.ns);
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash));
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct SearchPageProps {
    pub query: AttrValue,
}

#[function_component(SearchPage)]
pub fn search_page(props: &SearchPageProps) -> Html {
    let ctx = use_hb();
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
        let ctx = ctx.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                replace_hash(&ctx, &input.value());
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
            <PageTitle text={s.search_label} />
            <form class="bti-search" role="search" {onsubmit}>
                <label class="bti-search__label" for={ctx.id("sq")}>{ s.search_label }</label>
                <input class="bti-search__input" type="search" id={ctx.id("sq")} value={(*query).clone()} {oninput} autocomplete="off" />
            </form>
            { count_line(summary, #[cfg(feature = "testhooks")] search_us) }
            <ol class="bti-results">
                { for hits.iter().map(|h| html! {
                    <li class="bti-results__item">
                        <p class="bti-results__place">{ h.place.join(" › ") }</p>
                        <h3 class="bti-results__title">
                            <super::RouteLink nav={ctx.nav.clone()} to={Route { page: page_of(&h.target), service: ctx.route.service.clone() }}>{ marked(&h.title, &h.title_marks) }</super::RouteLink>
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
