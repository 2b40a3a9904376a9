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

/// For the guide: after each answer (`key` changed, never on first render) the
/// screen holding `target` jumps to the top of the view, just under the sticky
/// quick-exit bar (its `scroll-margin` in guide.css), and `target` gets focus.
/// The widget never asks for a smooth scroll, so readers who prefer reduced motion
/// get none from it.
#[hook]
pub fn use_focus_and_scroll_on_change<K: PartialEq + Clone + 'static>(target: NodeRef, key: K) {
    let first = use_mut_ref(|| true);
    use_effect_with(key, move |_| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        let Some(el) = target.cast::<web_sys::HtmlElement>() else {
            return;
        };
        if let Some(screen) = el.parent_element() {
            // Aligned to the top; never asked to be smooth.
            screen.scroll_into_view_with_bool(true);
        }
        // Already in view, so focusing scrolls no further.
        let _ = el.focus();
    });
}
