//! The staff handbook: grunnmodell front page, level and step pages, tools, laws,
//! roles, services, the kommune and etat levels, the level finder and search,
//! routed by hash (or memory) under the instance's own namespace.

mod catalog;
mod front;
mod link;
mod page;
mod print;
mod steps;
mod tools;

use std::rc::Rc;

use yew::prelude::*;

use crate::handbook::find_step;
use crate::handbook::route::Page;
use crate::hooks::focus::use_focus_on_change;
use crate::hooks::route::use_route;
use crate::i18n::{fill, Lang};
use crate::load::Loaded;
use crate::model::Text;

pub use link::{Nav, RouteLink};
pub use page::{HbCtx, PageTitle};
pub use print::PrintAll;

#[derive(Properties, PartialEq)]
pub struct HandbookViewProps {
    pub loaded: Rc<Loaded>,
    pub lang: Lang,
    pub ns: AttrValue,
    pub memory: bool,
    pub instance: u32,
    /// Where the widget's own files are (for the print view).
    pub base: AttrValue,
    /// The content URL as given, for the print view.
    pub src: Option<AttrValue>,
    /// The language switcher, placed after the skip button.
    #[prop_or_default]
    pub switcher: Html,
}

/// The title of the item `id` names in `list` (the id itself if it is not there).
fn item_title<T>(
    id: &Option<String>,
    list: &[T],
    fields: impl Fn(&T) -> (&str, &Text),
    code: &str,
) -> Option<String> {
    let id = id.as_deref()?;
    let found = list.iter().map(&fields).find(|(i, _)| *i == id);
    Some(
        found
            .map(|(_, t)| t.get(code).to_string())
            .unwrap_or_else(|| id.to_string()),
    )
}

/// The breadcrumb trail to a route: (link target, label); the last is the current page.
fn crumbs(ctx: &HbCtx) -> Vec<(Option<Page>, String)> {
    let s = ctx.lang.strings();
    let code = ctx.lang.code();
    let c = &ctx.loaded.content;
    // A catalog index is the current page; on an item's page it is a link before the item.
    let section = |page: Page, label: &str, item: Option<String>| match item {
        Some(title) => vec![(Some(page), label.to_string()), (None, title)],
        None => vec![(None, label.to_string())],
    };
    let mut trail = vec![(Some(Page::Front), s.front_page.to_string())];
    let rest = match &ctx.route.page {
        Page::Front => vec![],
        Page::Level(id) => match c.levels.iter().find(|l| &l.id == id) {
            Some(l) => vec![(None, fill(s.level, &[&l.number.to_string()]))],
            None => vec![(None, s.not_found.to_string())],
        },
        Page::Step(id) => match find_step(c, id) {
            Some((l, _, st)) => vec![
                (
                    Some(Page::Level(l.id.clone())),
                    fill(s.level, &[&l.number.to_string()]),
                ),
                (None, st.title.get(code).to_string()),
            ],
            None => vec![(None, s.not_found.to_string())],
        },
        Page::Tools(id) => section(
            Page::Tools(None),
            s.tools,
            item_title(id, &c.tools, |t| (&t.id, &t.title), code),
        ),
        Page::Laws(id) => section(
            Page::Laws(None),
            s.laws,
            item_title(id, &c.laws, |t| (&t.id, &t.title), code),
        ),
        Page::Roles(id) => section(
            Page::Roles(None),
            s.roles,
            item_title(id, &c.roles, |t| (&t.id, &t.title), code),
        ),
        Page::Services(id) => section(
            Page::Services(None),
            s.services,
            item_title(id, &c.services, |t| (&t.id, &t.name), code),
        ),
        Page::Kommune(id) => section(
            Page::Kommune(None),
            s.kommune_level,
            item_title(id, &c.publication.kommune, |t| (&t.id, &t.title), code),
        ),
        Page::Etat(id) => section(
            Page::Etat(None),
            s.etat_level,
            item_title(id, &c.publication.etat, |t| (&t.id, &t.title), code),
        ),
        Page::Finder => vec![(None, s.finder_title.to_string())],
        Page::Search(_) => vec![(None, s.search_label.to_string())],
        Page::NotFound(_) => vec![(None, s.not_found.to_string())],
    };
    if rest.is_empty() {
        trail[0].0 = None;
    }
    trail.extend(rest);
    trail
}

#[function_component(HandbookView)]
pub fn handbook_view(props: &HandbookViewProps) -> Html {
    let (route, go) = use_route(props.ns.clone(), props.memory);
    let heading = use_node_ref();
    use_focus_on_change(heading.clone(), route.clone());
    let ctx = Rc::new(HbCtx {
        nav: Nav {
            ns: props.ns.clone(),
            memory: props.memory,
            go,
        },
        lang: props.lang,
        loaded: props.loaded.clone(),
        route: route.clone(),
        heading: heading.clone(),
        heading_id: format!("bti{}-h", props.instance).into(),
        instance: props.instance,
        base: props.base.clone(),
        src: props.src.clone(),
    });
    let s = props.lang.strings();
    let skip = {
        let heading = heading.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(el) = heading.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        })
    };
    let trail = crumbs(&ctx);
    let last = trail.len() - 1;
    let page = match &route.page {
        Page::Front => html! { <front::FrontPage /> },
        Page::Level(id) => html! { <steps::LevelPage id={id.clone()} /> },
        Page::Step(id) => html! { <steps::StepPage id={id.clone()} /> },
        Page::Finder => html! { <front::FinderPage /> },
        Page::Search(q) => html! { <tools::SearchPage query={q.clone()} /> },
        Page::NotFound(_) => html! { <PageTitle text={s.not_found} /> },
        _ => html! { <catalog::CatalogPage /> },
    };
    html! {
        <ContextProvider<Rc<HbCtx>> context={ctx.clone()}>
            <div class="bti-handbook">
                <button type="button" class="bti-skip" onclick={skip}>{ s.skip_to_content }</button>
                { props.switcher.clone() }
                <nav class="bti-breadcrumb" aria-label={s.breadcrumb}>
                    <ol>
                        { for trail.into_iter().enumerate().map(|(i, (to, label))| html! {
                            <li>{ match to {
                                Some(p) if i != last => html! { <RouteLink nav={ctx.nav.clone()} to={ctx.to(p)}>{ label }</RouteLink> },
                                _ => html! { <span aria-current="page">{ label }</span> },
                            } }</li>
                        }) }
                    </ol>
                </nav>
                <tools::Toolbar />
                <main class="bti-page" aria-labelledby={ctx.heading_id.clone()}>{ page }</main>
            </div>
        </ContextProvider<Rc<HbCtx>>>
    }
}
