//! A link to a handbook route. In hash mode it is a plain link (middle-click and
//! "copy link" work); in memory mode the click is handled without touching the URL.

use yew::prelude::*;

use crate::handbook::route::Route;

/// How this instance navigates.
#[derive(Clone, PartialEq)]
pub struct Nav {
    pub ns: AttrValue,
    pub memory: bool,
    pub go: Callback<Route>,
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
            if nav.memory {
                e.prevent_default();
                nav.go.emit(to.clone());
            }
        })
    };
    html! { <a class="bti-link" href={props.to.to_hash(&props.nav.ns)} {onclick}>{ props.children.clone() }</a> }
}
