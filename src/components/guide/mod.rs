//! The citizen guide "Bekymret for noen?": one question per screen, a result with
//! honest next steps. State lives in memory only and never reaches the URL.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::common::contact::ContactCard;
use crate::components::common::emergency::EmergencyBox;
use crate::components::common::rich::Rich;
use crate::guide::{GuideAction, GuideState};
use crate::hooks::content::Loaded;
use crate::hooks::focus::use_focus_on_change;
use crate::i18n::{fill, Lang};
use crate::model::{Guide, Node};

#[derive(Properties, PartialEq)]
pub struct GuideViewProps {
    pub loaded: Rc<Loaded>,
    pub lang: Lang,
    pub instance: u32,
    pub exit_url: Option<AttrValue>,
}

/// Where quick exit goes: the attribute, else the content's setting, else a neutral
/// default. Only https or a page on the host's own origin is accepted.
fn exit_target(attr: Option<&str>, content: Option<&str>) -> String {
    let window = web_sys::window();
    let base = window.as_ref().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    let origin = window.and_then(|w| w.location().origin().ok()).unwrap_or_default();
    [attr, content]
        .into_iter()
        .flatten()
        .filter_map(|u| web_sys::Url::new_with_base(u, &base).ok())
        .find(|u| u.protocol() == "https:" || u.origin() == origin)
        .map(|u| u.href())
        .unwrap_or_else(|| DEFAULT_EXIT.to_string())
}

/// A neutral page that says nothing about what the reader was doing.
const DEFAULT_EXIT: &str = "https://www.yr.no/";

#[function_component(GuideView)]
pub fn guide_view(props: &GuideViewProps) -> Html {
    let content = &props.loaded.content;
    let Some(guide) = content.guide.clone().map(Rc::new) else {
        return html! { <EmergencyBox lang={props.lang} /> };
    };
    html! { <GuideScreens guide={guide} lang={props.lang} instance={props.instance}
        exit={exit_target(props.exit_url.as_deref(), content.meta.exit_url.as_deref())}
        loaded={props.loaded.clone()} /> }
}

#[derive(Properties, PartialEq)]
struct GuideScreensProps {
    guide: Rc<Guide>,
    loaded: Rc<Loaded>,
    lang: Lang,
    instance: u32,
    exit: String,
}

#[function_component(GuideScreens)]
fn guide_screens(props: &GuideScreensProps) -> Html {
    let s = props.lang.strings();
    let code = props.lang.code();
    let state = use_state(|| GuideState::new(&props.guide));
    let heading = use_node_ref();
    use_focus_on_change(heading.clone(), (*state).clone());
    let dispatch = {
        let state = state.clone();
        let guide = props.guide.clone();
        Callback::from(move |action: GuideAction| state.set(state.apply(&guide, &action)))
    };
    let quick_exit = {
        let exit = props.exit.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().replace(&exit);
            }
        })
    };
    let heading_id = format!("bti{}-q", props.instance);
    let content = &props.loaded.content;
    let contact = |id: &String| content.contacts.iter().find(|c| &c.id == id).cloned();

    let screen = match state.current_node(&props.guide) {
        Some(Node::Question(q)) => html! {
            <section class="bti-question" aria-labelledby={heading_id.clone()}>
                <p class="bti-progress">{ fill(s.step_of, &[&state.question_number().to_string()]) }</p>
                <h3 class="bti-question__title" id={heading_id.clone()} tabindex="-1" ref={heading.clone()}>{ q.title.get(code) }</h3>
                if let Some(help) = &q.help { <Rich text={help.clone()} lang={code} /> }
                <ul class="bti-answers">
                    { for q.answers.iter().map(|a| {
                        let id = a.id.clone();
                        let onclick = dispatch.reform(move |_: MouseEvent| GuideAction::Answer(id.clone()));
                        html! { <li><button type="button" class="bti-answer" {onclick}>{ a.label.get(code) }</button></li> }
                    }) }
                </ul>
            </section>
        },
        Some(Node::Result(r)) => html! {
            <section class="bti-result" aria-labelledby={heading_id.clone()}>
                <h3 class="bti-result__title" id={heading_id.clone()} tabindex="-1" ref={heading.clone()}>{ r.title.get(code) }</h3>
                if r.not_sure_ok { <p class="bti-reassure">{ s.not_sure_ok }</p> }
                <h4>{ s.now_title }</h4>
                <Rich text={r.now.clone()} lang={code} />
                <h4>{ s.contacts_title }</h4>
                <ul class="bti-contacts">
                    { for r.contacts.iter().filter_map(contact).map(|c| html! {
                        <ContactCard contact={c} lang={props.lang} example={content.meta.example} />
                    }) }
                </ul>
                <h4>{ s.what_happens_title }</h4>
                <Rich text={r.what_happens.clone()} lang={code} />
                if let Some(talk) = &r.talk { <h4>{ s.talk_title }</h4><Rich text={talk.clone()} lang={code} /> }
                if let Some(alt) = &r.alternatives { <h4>{ s.alternatives_title }</h4><Rich text={alt.clone()} lang={code} /> }
            </section>
        },
        None => html! { <p>{ s.not_found }</p> },
    };

    html! {
        <div class="bti-guide">
            <div class="bti-exit">
                <button type="button" class="bti-exit__button" onclick={quick_exit}>{ s.quick_exit }</button>
            </div>
            <EmergencyBox lang={props.lang} />
            <h2 class="bti-guide__title">{ s.guide_title }</h2>
            { screen }
            <div class="bti-guide__nav">
                if !state.answered.is_empty() {
                    <button type="button" class="bti-button bti-button--secondary" onclick={dispatch.reform(|_: MouseEvent| GuideAction::Back)}>{ s.back }</button>
                    <button type="button" class="bti-button bti-button--secondary" onclick={dispatch.reform(|_: MouseEvent| GuideAction::Restart)}>{ s.restart }</button>
                }
            </div>
        </div>
    }
}
