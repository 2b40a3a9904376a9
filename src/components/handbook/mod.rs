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
pub use page::{Anchors, Links, PageTitle, Screen};
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
    let screen = Screen {
        loaded: props.loaded.clone(),
        lang: props.lang,
        links: Links {
            nav: Nav {
                ns: props.ns.clone(),
                mode: props.mode,
                go,
            },
            service: route.service.clone(),
        },
        anchors: Anchors {
            instance: props.instance,
            heading: heading.clone(),
        },
        today: page::today(),
    };
    let s = props.lang.strings();
    let skip = {
        let heading = heading.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(el) = heading.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        })
    };
    let heading_id = screen.anchors.heading_id();
    // Where the print view is, and the content it prints (only content given by `src`).
    let print = props.src.clone().map(|src| tools::Print {
        base: props.base.clone(),
        src,
    });
    let trail = crumbs(&props.loaded.content, props.lang, &route);
    let last = trail.len() - 1;
    let page = match &route.page {
        Page::Front => html! { <front::FrontPage screen={screen.clone()} /> },
        Page::Level(id) => html! { <steps::LevelPage screen={screen.clone()} id={id.clone()} /> },
        Page::Step(id) => {
            html! { <steps::StepPage screen={screen.clone()} id={id.clone()} route={route.clone()} print={print.clone()} /> }
        }
        Page::Finder => html! { <front::FinderPage screen={screen.clone()} /> },
        Page::Search(q) => {
            html! { <tools::SearchPage screen={screen.clone()} query={q.clone()} /> }
        }
        Page::NotFound(_) => screen.title(s.not_found),
        other => html! { <catalog::CatalogPage screen={screen.clone()} page={other.clone()} /> },
    };
    let toolbar = !matches!(route.page, Page::Search(_)) && !screen.links.static_pages();
    html! {
        <div class="bti-handbook">
            if screen.links.static_pages() {
                <a class="bti-skip" href={format!("#{heading_id}")}>{ s.skip_to_content }</a>
            } else {
                <button type="button" class="bti-skip" onclick={skip}>{ s.skip_to_content }</button>
            }
            { props.switcher.clone() }
            <nav class="bti-breadcrumb" aria-label={s.breadcrumb}>
                <ol>
                    { for trail.into_iter().enumerate().map(|(i, (to, label))| html! {
                        <li>{ match to {
                            Some(p) if i != last => screen.link(p, label),
                            _ => html! { <span aria-current="page">{ label }</span> },
                        } }</li>
                    }) }
                </ol>
            </nav>
            if toolbar {
                <tools::Toolbar screen={screen.clone()} print={print.clone()} />
            }
            <main class="bti-page" aria-labelledby={heading_id}>{ page }</main>
        </div>
    }
}
