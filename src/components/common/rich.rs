//! Renders rich text as DOM nodes. Content is never HTML: the parser in
//! `model::rich` gives data, and every piece becomes a text node or one of a few
//! fixed elements. Links were checked by the parser (unsafe ones are already plain
//! text). Phone numbers in contacts, not in rich text, get the example rule
//! (`components::common::contact`).

use yew::prelude::*;

use crate::model::rich::{Block, Inline};
use crate::model::Text;

#[derive(Properties, PartialEq)]
pub struct RichProps {
    pub text: Text,
    pub lang: &'static str,
}

fn inline(node: &Inline) -> Html {
    match node {
        Inline::Text(t) => html! { { t.clone() } },
        Inline::Strong(c) => html! { <strong>{ for c.iter().map(inline) }</strong> },
        Inline::Emphasis(c) => html! { <em>{ for c.iter().map(inline) }</em> },
        Inline::Link { href, children } => html! {
            <a class="bti-link" href={href.clone()}>{ for children.iter().map(inline) }</a>
        },
    }
}

fn block(b: &Block) -> Html {
    match b {
        Block::Paragraph(c) => html! { <p>{ for c.iter().map(inline) }</p> },
        Block::List {
            ordered: false,
            items,
        } => html! {
            <ul>{ for items.iter().map(|i| html! { <li>{ for i.iter().map(inline) }</li> }) }</ul>
        },
        Block::List {
            ordered: true,
            items,
        } => html! {
            <ol>{ for items.iter().map(|i| html! { <li>{ for i.iter().map(inline) }</li> }) }</ol>
        },
    }
}

#[function_component(Rich)]
pub fn rich(props: &RichProps) -> Html {
    // Parsed once per language for the loaded content, shared by every screen.
    let blocks = props.text.rich(props.lang);
    // Text shown in bokmål because it is not translated says so, for screen readers.
    let fallback = props.text.fallback_lang(props.lang);
    html! { <div class="bti-rich" lang={fallback}>{ for blocks.iter().map(block) }</div> }
}
