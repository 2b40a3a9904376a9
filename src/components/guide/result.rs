//! A result screen: what to do now, who to contact, what happens next, how to
//! talk about it, other ways than phoning, and the reader's own answers.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::common::contact::ContactCard;
use crate::components::common::emergency::tel;
use crate::components::common::rich::Rich;
use crate::guide::{GuideAction, GuideState};
use crate::i18n::{fill, Lang};
use crate::load::Loaded;
use crate::model::ResultNode;

#[derive(Properties, PartialEq)]
pub struct ResultScreenProps {
    pub result: ResultNode,
    pub state: GuideState,
    pub loaded: Rc<Loaded>,
    pub lang: Lang,
    pub heading: NodeRef,
    pub heading_id: AttrValue,
    pub ondispatch: Callback<GuideAction>,
}

#[function_component(ResultScreen)]
pub fn result_screen(props: &ResultScreenProps) -> Html {
    let s = props.lang.strings();
    let code = props.lang.code();
    let r = &props.result;
    let content = &props.loaded.content;
    let example = content.meta.example;
    let contacts: Vec<_> = r
        .contacts
        .iter()
        .filter_map(|id| content.contacts.iter().find(|c| &c.id == id).cloned())
        .collect();
    let summary = props.state.summary();
    html! {
        <section class="bti-result" aria-labelledby={props.heading_id.clone()}>
            <h3 class="bti-result__title" id={props.heading_id.clone()} tabindex="-1" ref={props.heading.clone()} lang={r.title.fallback_lang(code)}>{ r.title.get(code) }</h3>
            if r.is_urgent() {
                <p class="bti-danger">
                    <strong>{ s.danger_now }</strong>{ " " }{ s.emergency_call }{ " " }{ tel("tel:112", "112") }
                </p>
            }
            if r.not_sure_ok { <p class="bti-reassure">{ s.not_sure_ok }</p> }
            <h4>{ s.now_title }</h4>
            <Rich text={r.now.clone()} lang={code} />
            <h4>{ s.contacts_title }</h4>
            <ul class="bti-contacts">
                { for contacts.into_iter().map(|c| html! { <ContactCard contact={c} lang={props.lang} {example} level={5} /> }) }
            </ul>
            <h4>{ s.what_happens_title }</h4>
            <Rich text={r.what_happens.clone()} lang={code} />
            if let Some(talk) = &r.talk {
                <h4>{ s.talk_title }</h4>
                <Rich text={talk.clone()} lang={code} />
            }
            if let Some(alt) = &r.alternatives {
                <h4>{ s.alternatives_title }</h4>
                <Rich text={alt.clone()} lang={code} />
            }
            if !summary.is_empty() {
                <h4>{ s.you_answered }</h4>
                <dl class="bti-summary">
                    { for summary.iter().enumerate().map(|(i, (q, a))| {
                        let question = q.title.get(code).to_string();
                        let label = fill(s.change_answer, &[&question]);
                        let onclick = props.ondispatch.reform(move |_: MouseEvent| GuideAction::ChangeAt(i));
                        html! {
                            <div class="bti-summary__row">
                                <dt lang={q.title.fallback_lang(code)}>{ question }</dt>
                                <dd>
                                    <span lang={a.label.fallback_lang(code)}>{ a.label.get(code) }</span>{ " " }
                                    <button type="button" class="bti-summary__change" aria-label={label} {onclick}>{ s.change }</button>
                                </dd>
                            </div>
                        }
                    }) }
                </dl>
            }
        </section>
    }
}
