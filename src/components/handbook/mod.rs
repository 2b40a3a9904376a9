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

use crate::handbook::crumbs::crumbs;
use crate::handbook::route::{Page, Route};
use crate::hooks::focus::use_focus_on_change;
use crate::hooks::route::use_route;
use crate::i18n::Lang;
use crate::load::Loaded;

pub use link::{Nav, NavMode, RouteLink};
pub use page::{HbCtx, PageTitle};
pub use print::PrintAll;

#[derive(Properties, PartialEq)]
pub struct HandbookViewProps {
    pub loaded: Rc<Loaded>,
    pub lang: Lang,
    pub ns: AttrValue,
    pub mode: NavMode,
    /// The first screen in memory mode, and the page of a static export.
    #[prop_or_default]
    pub initial: Route,
    pub instance: u32,
    /// Where the widget's own files are (for the print view).
    pub base: AttrValue,
    /// The content URL as given, for the print view.
    pub src: Option<AttrValue>,
    /// The language switcher, placed after the skip button.
    #[prop_or_default]
    pub switcher: Html,
}

#[function_component(HandbookView)]
pub fn handbook_view(props: &HandbookViewProps) -> Html {
    let (route, go) = use_route(props.ns.clone(), props.mode, props.initial.clone());
    let heading = use_node_ref();
    use_focus_on_change(heading.clone(), route.clone());
    let ctx = Rc::new(HbCtx {
        nav: Nav {
            ns: props.ns.clone(),
            mode: props.mode,
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
    let trail = crumbs(&props.loaded.content, props.lang, &route);
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
                if props.mode == NavMode::Pages {
                    <a class="bti-skip" href={format!("#{}", ctx.heading_id)}>{ s.skip_to_content }</a>
                } else {
                    <button type="button" class="bti-skip" onclick={skip}>{ s.skip_to_content }</button>
                }
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
