//! The guide's screens, shared by the live guide (buttons, state in memory) and
//! the static export (one page per question, answers as links, no script).

use std::rc::Rc;

use yew::prelude::*;

use super::result::ResultScreen;
use crate::components::common::contact::ContactLine;
use crate::components::common::emergency::EmergencyBox;
use crate::components::common::rich::Rich;
use crate::guide::{GuideAction, GuideState};
use crate::i18n::{fill, Lang};
use crate::load::Loaded;
use crate::model::{Guide, Node, Question};

/// How the answers of a question are offered.
#[derive(Clone, PartialEq)]
pub enum Answers {
    /// Buttons that tell the live guide.
    Buttons(Callback<GuideAction>),
    /// Links to the next question's page (`<node id>.html`).
    Links,
}

/// The file a static export writes a guide node to; the start node is `index.html`.
pub fn node_file(guide: &Guide, id: &str) -> String {
    if id == guide.start {
        "index.html".to_string()
    } else {
        format!("{}.html", crate::handbook::route::encode(id))
    }
}

/// A question screen. `number` is the question's 1-based number on the
/// reader's way, 0 where the way is not known (a static page reached by several
/// ways). A plain function, not a component: the guide build stays smaller.
pub fn question_screen(
    q: &Question,
    number: usize,
    lang: Lang,
    heading: &NodeRef,
    heading_id: AttrValue,
    answers: &Answers,
    guide: &Guide,
) -> Html {
    let s = lang.strings();
    let code = lang.code();
    html! {
        <section class="bti-question" aria-labelledby={heading_id.clone()}>
            if number > 0 {
                <p class="bti-progress">{ fill(s.step_of, &[&number.to_string()]) }</p>
            }
            <h3 class="bti-question__title" id={heading_id.clone()} tabindex="-1" ref={heading.clone()} lang={q.title.fallback_lang(code)}>{ q.title.get(code) }</h3>
            if let Some(help) = &q.help { <Rich text={help.clone()} lang={code} /> }
            <ul class="bti-answers" aria-labelledby={heading_id}>
                { for q.answers.iter().map(|a| {
                    let lang = a.label.fallback_lang(code);
                    let label = a.label.get(code);
                    match answers {
                        Answers::Links => html! {
                            <li><a class="bti-answer" href={node_file(guide, &a.next)} {lang}>{ label }</a></li>
                        },
                        Answers::Buttons(dispatch) => {
                            let id = a.id.clone();
                            let onclick = dispatch.reform(move |_: MouseEvent| GuideAction::Answer(id.clone()));
                            html! { <li><button type="button" class="bti-answer" {onclick} {lang}>{ label }</button></li> }
                        }
                    }
                }) }
            </ul>
            if number == 1 { <p class="bti-private">{ s.private_note }</p> }
        </section>
    }
}

/// The emergency box with the content's own local numbers under the national ones.
pub fn local_emergency(loaded: &Loaded, guide: &Guide, lang: Lang, compact: bool) -> Html {
    let s = lang.strings();
    let content = &loaded.content;
    let example = content.meta.example;
    let local: Vec<_> = guide
        .emergency_contacts
        .iter()
        .filter_map(|id| content.contacts.iter().find(|c| &c.id == id).cloned())
        .collect();
    html! {
        <EmergencyBox {lang} {compact}>
            if !local.is_empty() {
                <h3 class="bti-emergency__local-title">{ s.local_numbers }</h3>
                <ul class="bti-contact-lines">
                    { for local.into_iter().map(|c| html! { <ContactLine contact={c} {lang} {example} /> }) }
                </ul>
            }
        </EmergencyBox>
    }
}

#[derive(Properties, PartialEq)]
pub struct GuidePageProps {
    pub loaded: Rc<Loaded>,
    pub guide: Rc<Guide>,
    pub lang: Lang,
    /// The node this page shows.
    pub node: AttrValue,
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
