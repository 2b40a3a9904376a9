//! Renders rich text as DOM nodes. Content is never HTML: every piece becomes a
//! text node or one of a few fixed elements.

use yew::prelude::*;

use crate::model::Text;

#[derive(Properties, PartialEq)]
pub struct RichProps {
    pub text: Text,
    pub lang: &'static str,
}

#[function_component(Rich)]
pub fn rich(props: &RichProps) -> Html {
    let src = props.text.get(props.lang);
    html! {
        <div class="bti-rich">
            { for src.split("\n\n").filter(|p| !p.trim().is_empty()).map(|p| html! { <p>{ p.trim() }</p> }) }
        </div>
    }
}
