//! Moves focus to a page's heading after the user navigated, never on first render
//! (the host page keeps its focus when the widget appears).

use yew::prelude::*;

/// Focuses `target` whenever `key` changes after the first render.
#[hook]
pub fn use_focus_on_change<K: PartialEq + Clone + 'static>(target: NodeRef, key: K) {
    let first = use_mut_ref(|| true);
    use_effect_with(key, move |_| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        if let Some(el) = target.cast::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    });
}
