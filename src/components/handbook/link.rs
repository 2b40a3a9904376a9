//! A link to a handbook route. In hash mode it is a plain link (middle-click and
//! "copy link" work); in memory mode the click is handled without touching the URL;
//! in a static export it points to the page's own file.

use yew::prelude::*;

pub use crate::handbook::route::NavMode;
use crate::handbook::route::Route;

/// How this instance navigates.
#[derive(Clone, PartialEq)]
pub struct Nav {
    pub ns: AttrValue,
    pub mode: NavMode,
    pub go: Callback<Route>,
}

impl Nav {
    /// The link target of `to`; `None` for a screen a static export does not have.
    pub fn href(&self, to: &Route) -> Option<String> {
        match self.mode {
            NavMode::Pages => to.page.file(),
            NavMode::Hash | NavMode::Memory => Some(to.to_hash(&self.ns)),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct RouteLinkProps {
    pub nav: Nav,
    pub to: Route,
    #[prop_or_default]
    pub children: Html,
}

#[function_component(RouteLink)]
pub fn route_link(props: &RouteLinkProps) -> Html {
    let onclick = {
        let nav = props.nav.clone();
        let to = props.to.clone();
        Callback::from(move |e: MouseEvent| {
            if nav.mode == NavMode::Memory {
                e.prevent_default();
                nav.go.emit(to.clone());
            }
        })
    };
    match props.nav.href(&props.to) {
        Some(href) => {
            html! { <a class="bti-link" {href} {onclick}>{ props.children.clone() }</a> }
        }
        None => props.children.clone(),
    }
}
