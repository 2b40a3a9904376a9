//! The guide's screens, shared by the live guide (buttons, state in memory) and
//! the static export (one page per question, answers as links, no script).

use yew::prelude::*;

use crate::components::common::contact::ContactLine;
use crate::components::common::emergency::EmergencyBox;
use crate::components::common::rich::Rich;
use crate::guide::GuideAction;
use crate::i18n::{fill, Lang};
use crate::load::Loaded;
use crate::model::{Guide, Question};

/// How the answers of a question are offered.
#[derive(Clone, PartialEq)]
pub enum Answers {
    /// Buttons that tell the live guide.
    Buttons(Callback<GuideAction>),
    /// Links to the next question's page (`<node id>.html`): the static pages,
    /// which are rendered natively only.
    #[cfg(not(target_arch = "wasm32"))]
    Links,
}

/// A question screen. `number` is the question's 1-based number on the
/// reader's way, 0 where the way is not known (a static page reached by several
/// ways). A plain function, not a component: the guide build stays smaller.
#[cfg_attr(target_arch = "wasm32", allow(unused_variables))]
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
                        #[cfg(not(target_arch = "wasm32"))]
                        Answers::Links => html! {
                            <li><a class="bti-answer" href={super::page::node_file(guide, &a.next)} {lang}>{ label }</a></li>
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
