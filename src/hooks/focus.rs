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
/// screen holding `target` scrolls to the top of the view, just under the sticky
/// quick-exit bar (its `scroll-margin` in guide.css), and `target` gets focus.
/// Smooth, unless the reader asked for reduced motion.
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
        let reduced = web_sys::window()
            .and_then(|w| {
                w.match_media("(prefers-reduced-motion: reduce)")
                    .ok()
                    .flatten()
            })
            .is_some_and(|m| m.matches());
        let scroll = web_sys::ScrollIntoViewOptions::new();
        scroll.set_block(web_sys::ScrollLogicalPosition::Start);
        scroll.set_behavior(if reduced {
            web_sys::ScrollBehavior::Instant
        } else {
            web_sys::ScrollBehavior::Smooth
        });
        if let Some(screen) = el.parent_element() {
            screen.scroll_into_view_with_scroll_into_view_options(&scroll);
        }
        let focus = web_sys::FocusOptions::new();
        focus.set_prevent_scroll(true);
        let _ = el.focus_with_options(&focus);
    });
}
