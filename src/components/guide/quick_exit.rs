//! Quick exit: the pinned "Forlat siden" button, a skip button first in the tab
//! order, and Shift pressed three times. Hides the widget at once, forgets the
//! answers, then replaces the page (no new history entry) with a neutral site.

use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::common::aria_id;

use crate::guide::shift::{KeyEvent, Outcome, ShiftCounter};
use crate::i18n::Lang;

/// Everything needed to leave: what to hide, what to forget, where to go.
#[derive(Clone, PartialEq)]
pub struct QuickExit {
    pub root: NodeRef,
    /// Forgets the answers.
    pub forget: Callback<()>,
    pub url: String,
}

impl QuickExit {
    pub fn leave(&self) {
        // Hide synchronously, before Yew's next render, so nothing lingers on screen.
        if let Some(el) = self.root.cast::<web_sys::Element>() {
            let _ = el.set_attribute("hidden", "");
        }
        self.forget.emit(());
        if let Some(w) = web_sys::window() {
            let _ = w.location().replace(&self.url);
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct QuickExitBarProps {
    pub exit: QuickExit,
    pub lang: Lang,
    pub instance: u32,
}

#[function_component(QuickExitBar)]
pub fn quick_exit_bar(props: &QuickExitBarProps) -> Html {
    let s = props.lang.strings();
    let announcement = use_state(String::new);
    // The listeners live as long as the bar; they read the newest exit (the
    // `exit-url` attribute may change) through this cell.
    let current = use_mut_ref(|| props.exit.clone());
    *current.borrow_mut() = props.exit.clone();
    {
        let announcement = announcement.clone();
        let lang = props.lang;
        use_effect_with((), move |_| {
            let counter = Rc::new(std::cell::RefCell::new(ShiftCounter::default()));
            let listen = |kind: &'static str| {
                let counter = counter.clone();
                let current = current.clone();
                let announcement = announcement.clone();
                web_sys::window().map(|w| {
                    EventListener::new(&w, kind, move |e| {
                        let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                            return;
                        };
                        let event = match (kind, e.key().as_str()) {
                            ("keydown", "Shift") => KeyEvent::ShiftDown,
                            ("keyup", "Shift") => KeyEvent::ShiftUp,
                            ("keydown", _) => KeyEvent::OtherDown,
                            _ => return,
                        };
                        let outcome = counter.borrow_mut().feed(event, e.time_stamp());
                        let s = lang.strings();
                        match outcome {
                            Outcome::Exit => current.borrow().leave(),
                            Outcome::Remaining(2) => announcement.set(s.shift_two_more.to_string()),
                            Outcome::Remaining(1) => announcement.set(s.shift_one_more.to_string()),
                            Outcome::Remaining(_) => announcement.set(String::new()),
                            Outcome::None => {}
                        }
                    })
                })
            };
            let listeners = (listen("keydown"), listen("keyup"));
            move || drop(listeners)
        });
    }
    let leave = {
        let exit = props.exit.clone();
        Callback::from(move |_: MouseEvent| exit.leave())
    };
    let note_id = aria_id(props.instance, "exit-note");
    html! {
        <>
            <button type="button" class="bti-skip" onclick={leave.clone()}>{ s.quick_exit_skip }</button>
            <div class="bti-exit">
                <details class="bti-exit__about">
                    <summary>{ s.quick_exit_about }</summary>
                    <p id={note_id.clone()} class="bti-exit__note">{ s.quick_exit_note }</p>
                </details>
                <button type="button" class="bti-exit__button" onclick={leave} aria-describedby={note_id}>{ s.quick_exit }</button>
            </div>
            <p class="bti-visually-hidden" role="status" aria-live="polite">{ (*announcement).clone() }</p>
        </>
    }
}
