//! The guide as static pages (bti-export): one page per node, answers as
//! links, no script. Rendered natively only, so none of it is in the wasm.

use std::rc::Rc;

use yew::prelude::*;

use super::result::ResultScreen;
use super::screens::{local_emergency, question_screen, Answers};
use crate::guide::GuideState;
use crate::i18n::Lang;
use crate::load::Loaded;
use crate::model::{Guide, Id, Node};

/// The file a static export writes a guide node to; the start node is `index.html`.
pub fn node_file(guide: &Guide, id: &str) -> String {
    if guide.start == id {
        "index.html".to_string()
    } else {
        format!("{}.html", crate::handbook::route::encode(id))
    }
}

#[derive(Properties, PartialEq)]
pub struct GuidePageProps {
    pub loaded: Rc<Loaded>,
    pub guide: Rc<Guide>,
    pub lang: Lang,
    /// The node this page shows.
    pub node: Id,
    /// Where "Forlat siden" goes.
    pub exit: AttrValue,
}

/// One node of the guide as a static page: works with no script at all. Quick
/// exit is a plain link, "Start på nytt" links to the first question, and the
/// browser's back button goes back.
#[function_component(GuidePage)]
pub fn guide_page(props: &GuidePageProps) -> Html {
    let s = props.lang.strings();
    let guide = &props.guide;
    let heading_id = AttrValue::from("bti0-q");
    let node = crate::guide::node(guide, &props.node);
    let at_start = props.node == guide.start;
    let screen = match node {
        Some(Node::Question(q)) => question_screen(
            q,
            usize::from(at_start),
            props.lang,
            &NodeRef::default(),
            heading_id.clone(),
            &Answers::Links,
            guide,
        ),
        Some(Node::Result(r)) => {
            let mut state = GuideState::new(guide.clone());
            state.current = r.id.clone();
            html! {
                <ResultScreen result={r.clone()} {state} loaded={props.loaded.clone()} lang={props.lang}
                    heading={NodeRef::default()} heading_id={heading_id.clone()} ondispatch={Callback::noop()} />
            }
        }
        None => html! { <p>{ s.not_found }</p> },
    };
    html! {
        <div class="bti-guide">
            <a class="bti-skip" href={props.exit.clone()}>{ s.quick_exit_skip }</a>
            <div class="bti-exit">
                <a class="bti-exit__button" href={props.exit.clone()}>{ s.quick_exit }</a>
            </div>
            { local_emergency(&props.loaded, guide, props.lang, matches!(node, Some(Node::Question(_)))) }
            <h2 class="bti-guide__title">{ s.guide_title }</h2>
            { screen }
            if !at_start {
                <div class="bti-guide__nav">
                    <a class="bti-button bti-button--secondary" href="index.html">{ s.restart }</a>
                </div>
            }
        </div>
    }
}
