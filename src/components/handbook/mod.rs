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
use crate::hooks::content::Loaded;
use crate::hooks::focus::use_focus_on_change;
use crate::hooks::route::use_route;
use crate::i18n::{fill, Lang};

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

/// The breadcrumb trail to a route: (link target, label); the last is the current page.
fn crumbs(ctx: &HbCtx) -> Vec<(Option<Page>, String)> {
    let s = ctx.lang.strings();
    let code = ctx.lang.code();
    let c = &ctx.loaded.content;
    let title_of = |list: &[(String, String)], id: &str| {
        list.iter().find(|(i, _)| i == id).map(|(_, t)| t.clone()).unwrap_or_else(|| id.to_string())
    };
    let section = |page: Page, label: &str, item: Option<(&str, Vec<(String, String)>)>| {
        let mut v = vec![(Some(page), label.to_string())];
        if let Some((id, list)) = item {
            v.push((None, title_of(&list, id)));
        } else {
            v[0].0 = None;
        }
        v
    };
    let pairs = |it: Vec<(String, String)>| it;
    let mut trail = vec![(Some(Page::Front), s.front_page.to_string())];
    let rest = match &ctx.route.page {
        Page::Front => vec![],
        Page::Level(id) => match c.levels.iter().find(|l| &l.id == id) {
            Some(l) => vec![(None, fill(s.level, &[&l.number.to_string()]))],
            None => vec![(None, s.not_found.to_string())],
        },
        Page::Step(id) => match find_step(c, id) {
            Some((l, _, st)) => vec![
                (Some(Page::Level(l.id.clone())), fill(s.level, &[&l.number.to_string()])),
                (None, st.title.get(code).to_string()),
            ],
            None => vec![(None, s.not_found.to_string())],
        },
        Page::Tools(id) => section(Page::Tools(None), s.tools, id.as_deref().map(|i| (i, pairs(c.tools.iter().map(|t| (t.id.clone(), t.title.get(code).to_string())).collect())))),
        Page::Laws(id) => section(Page::Laws(None), s.laws, id.as_deref().map(|i| (i, pairs(c.laws.iter().map(|t| (t.id.clone(), t.title.get(code).to_string())).collect())))),
        Page::Roles(id) => section(Page::Roles(None), s.roles, id.as_deref().map(|i| (i, pairs(c.roles.iter().map(|t| (t.id.clone(), t.title.get(code).to_string())).collect())))),
        Page::Services(id) => section(Page::Services(None), s.services, id.as_deref().map(|i| (i, pairs(c.services.iter().map(|t| (t.id.clone(), t.name.get(code).to_string())).collect())))),
        Page::Kommune(id) => section(Page::Kommune(None), s.kommune_level, id.as_deref().map(|i| (i, pairs(c.publication.kommune.iter().map(|t| (t.id.clone(), t.title.get(code).to_string())).collect())))),
        Page::Etat(id) => section(Page::Etat(None), s.etat_level, id.as_deref().map(|i| (i, pairs(c.publication.etat.iter().map(|t| (t.id.clone(), t.title.get(code).to_string())).collect())))),
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
        nav: Nav { ns: props.ns.clone(), memory: props.memory, go },
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
