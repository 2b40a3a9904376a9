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

#[derive(Properties, PartialEq)]
pub struct QuestionScreenProps {
    pub question: Question,
    /// 1-based number of this question on the reader's way; 0 where the way is
    /// not known (a static page reached by several ways).
    pub number: usize,
    pub lang: Lang,
    pub heading: NodeRef,
    pub heading_id: AttrValue,
    pub answers: Answers,
    /// Where the answers lead, for `Answers::Links`.
    #[prop_or_default]
    pub guide: Option<Rc<Guide>>,
}

#[function_component(QuestionScreen)]
pub fn question_screen(props: &QuestionScreenProps) -> Html {
    let s = props.lang.strings();
    let code = props.lang.code();
    let q = &props.question;
    let heading_id = props.heading_id.clone();
    html! {
        <section class="bti-question" aria-labelledby={heading_id.clone()}>
            if props.number > 0 {
                <p class="bti-progress">{ fill(s.step_of, &[&props.number.to_string()]) }</p>
            }
            <h3 class="bti-question__title" id={heading_id.clone()} tabindex="-1" ref={props.heading.clone()} lang={q.title.fallback_lang(code)}>{ q.title.get(code) }</h3>
            if let Some(help) = &q.help { <Rich text={help.clone()} lang={code} /> }
            <ul class="bti-answers" aria-labelledby={heading_id}>
                { for q.answers.iter().map(|a| {
                    let lang = a.label.fallback_lang(code);
                    let label = a.label.get(code);
                    match (&props.answers, &props.guide) {
                        (Answers::Links, Some(guide)) => html! {
                            <li><a class="bti-answer" href={node_file(guide, &a.next)} {lang}>{ label }</a></li>
                        },
                        (Answers::Buttons(dispatch), _) => {
                            let id = a.id.clone();
                            let onclick = dispatch.reform(move |_: MouseEvent| GuideAction::Answer(id.clone()));
                            html! { <li><button type="button" class="bti-answer" {onclick} {lang}>{ label }</button></li> }
                        }
                        (Answers::Links, None) => html! { <li>{ label }</li> },
                    }
                }) }
            </ul>
            if props.number == 1 { <p class="bti-private">{ s.private_note }</p> }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct LocalEmergencyProps {
    pub loaded: Rc<Loaded>,
    pub guide: Rc<Guide>,
    pub lang: Lang,
    pub compact: bool,
}

/// The emergency box with the content's own local numbers under the national ones.
#[function_component(LocalEmergency)]
pub fn local_emergency(props: &LocalEmergencyProps) -> Html {
    let s = props.lang.strings();
    let content = &props.loaded.content;
    let example = content.meta.example;
    let local: Vec<_> = props
        .guide
        .emergency_contacts
        .iter()
        .filter_map(|id| content.contacts.iter().find(|c| &c.id == id).cloned())
        .collect();
    html! {
        <EmergencyBox lang={props.lang} compact={props.compact}>
            if !local.is_empty() {
                <h3 class="bti-emergency__local-title">{ s.local_numbers }</h3>
                <ul class="bti-contact-lines">
                    { for local.into_iter().map(|c| html! { <ContactLine contact={c} lang={props.lang} {example} /> }) }
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
        Some(Node::Question(q)) => html! {
            <QuestionScreen question={q.clone()} number={usize::from(at_start)} lang={props.lang}
                heading={NodeRef::default()} heading_id={heading_id.clone()} answers={Answers::Links} guide={guide.clone()} />
        },
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
            <LocalEmergency loaded={props.loaded.clone()} guide={guide.clone()} lang={props.lang} compact={matches!(node, Some(Node::Question(_)))} />
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
