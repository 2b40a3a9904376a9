//! Connects the pure guide state (`crate::guide::GuideState`) to a screen.

use std::rc::Rc;

use yew::prelude::*;

use crate::guide::{GuideAction, GuideState};
use crate::model::Guide;

/// The reader's place in `guide`. A new guide (the same content in another
/// language) keeps the place where it can.
#[hook]
pub fn use_guide(guide: Rc<Guide>) -> UseReducerHandle<GuideState> {
    let state = {
        let guide = guide.clone();
        use_reducer(move || GuideState::new(guide))
    };
    {
        let state = state.clone();
        use_effect_with(Rc::as_ptr(&guide) as usize, move |_| {
            state.dispatch(GuideAction::Reload(guide))
        });
    }
    state
}
