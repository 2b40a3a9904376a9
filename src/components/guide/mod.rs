//! The citizen guide "Bekymret for noen?": one question per screen, a result with
//! honest next steps. State lives in memory only and never reaches the URL,
//! the history or any storage.

#[cfg(not(target_arch = "wasm32"))]
#[cfg(not(target_arch = "wasm32"))]
mod page;
mod quick_exit;
mod result;
mod screens;

use std::rc::Rc;

use yew::prelude::*;

use crate::components::common::aria_id;

use crate::components::common::emergency::EmergencyBox;
use crate::guide::GuideAction;
use crate::hooks::focus::use_focus_and_scroll_on_change;
use crate::hooks::guide::use_guide;
use crate::i18n::Lang;
use crate::load::Loaded;
use crate::model::{Guide, Node};
#[cfg(not(target_arch = "wasm32"))]
pub use page::{node_file, GuidePage, GuidePageProps};
use quick_exit::{QuickExit, QuickExitBar};
use result::ResultScreen;
pub use screens::{local_emergency, question_screen, Answers};

#[derive(Properties, PartialEq)]
pub struct GuideViewProps {
    pub loaded: Rc<Loaded>,
    pub lang: Lang,
    pub instance: u32,
    /// Where quick exit goes, already checked (`App` takes the attribute or the
    /// content's setting; a pre-rendered screen the content's https address).
    pub exit: String,
    /// The language switcher, placed after the quick exit controls.
    #[prop_or_default]
    pub switcher: Html,
}

#[function_component(GuideView)]
pub fn guide_view(props: &GuideViewProps) -> Html {
    match props.loaded.guide.clone() {
        Some(guide) => html! {
            <GuideScreens {guide} lang={props.lang} instance={props.instance}
                exit={props.exit.clone()} loaded={props.loaded.clone()} switcher={props.switcher.clone()} />
        },
        None => html! { <EmergencyBox lang={props.lang} /> },
    }
}

#[derive(Properties, PartialEq)]
struct GuideScreensProps {
    guide: Rc<Guide>,
    loaded: Rc<Loaded>,
    lang: Lang,
    instance: u32,
    exit: String,
    switcher: Html,
}

#[function_component(GuideScreens)]
fn guide_screens(props: &GuideScreensProps) -> Html {
    let s = props.lang.strings();
    let state = use_guide(props.guide.clone());
    let heading = use_node_ref();
    let root = use_node_ref();
    use_focus_and_scroll_on_change(
        heading.clone(),
        (state.current.clone(), state.answered.len()),
    );
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: GuideAction| state.dispatch(action))
    };
    let quick_exit = QuickExit {
        root: root.clone(),
        forget: dispatch.reform(|()| GuideAction::Restart),
        url: props.exit.clone(),
    };
    let heading_id = aria_id(props.instance, "q");
    let node = state.current_node();
    let screen = match node {
        Some(Node::Question(q)) => question_screen(
            q,
            state.question_number(),
            props.lang,
            &heading,
            heading_id.clone(),
            &Answers::Buttons(dispatch.clone()),
            &props.guide,
        ),
        Some(Node::Result(r)) => html! {
            <ResultScreen result={r.clone()} state={(*state).clone()}
                loaded={props.loaded.clone()} lang={props.lang} heading={heading.clone()}
                heading_id={heading_id.clone()} ondispatch={dispatch.clone()} />
        },
        None => html! { <p>{ s.not_found }</p> },
    };

    html! {
        <div class="bti-guide" ref={root}>
            <QuickExitBar exit={quick_exit} lang={props.lang} instance={props.instance} />
            { props.switcher.clone() }
            { local_emergency(&props.loaded, &props.guide, props.lang, matches!(node, Some(Node::Question(_)))) }
            <h2 class="bti-guide__title">{ s.guide_title }</h2>
            { screen }
            if !state.answered.is_empty() {
                <div class="bti-guide__nav">
                    <button type="button" class="bti-button bti-button--secondary" onclick={dispatch.reform(|_: MouseEvent| GuideAction::Back)}>{ s.back }</button>
                    <button type="button" class="bti-button bti-button--secondary" onclick={dispatch.reform(|_: MouseEvent| GuideAction::Restart)}>{ s.restart }</button>
                </div>
            }
        </div>
    }
}
