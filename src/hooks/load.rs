//! Connects the pure load state (`crate::load::LoadState`) to the network: each
//! change of source or language makes a numbered request, and only the answer
//! to the newest one counts.

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::hooks::content::{fetch_text, load};
use crate::i18n::Lang;
use crate::load::{LoadAction, LoadError, LoadState, Source};

/// Loads `source` in `lang` and tells `outcome` how it went (for the host's
/// `bti-ready` and `bti-error` events).
#[hook]
pub fn use_load(
    source: Source,
    lang: Lang,
    outcome: Callback<Result<(), LoadError>>,
) -> UseReducerHandle<LoadState> {
    let state = use_reducer(LoadState::default);
    let counter = use_mut_ref(|| 0u32);
    {
        let state = state.clone();
        use_effect_with((source, lang), move |(source, lang)| {
            let request = {
                let mut n = counter.borrow_mut();
                *n = n.wrapping_add(1);
                *n
            };
            state.dispatch(LoadAction::Request {
                source: source.clone(),
                lang: *lang,
                request,
            });
            let (source, lang) = (source.clone(), *lang);
            spawn_local(async move {
                let result = load(
                    source.src.as_deref(),
                    source.inline.as_deref(),
                    source.start,
                    lang.code(),
                )
                .await;
                // Only the newest request may tell the host; the reducer ignores the rest.
                if *counter.borrow() == request {
                    outcome.emit(result.as_ref().map(|_| ()).map_err(Clone::clone));
                }
                state.dispatch(LoadAction::Arrived { request, result });
            });
        });
    }
    state
}

/// Makes sure the UI strings for `lang` are installed, fetching
/// `<base>i18n/<code>.json` once per page. Returns the language to render in:
/// `lang` once its strings are here, bokmål until then.
#[hook]
pub fn use_ui_strings(lang: Lang, base: AttrValue) -> Lang {
    let arrived = use_state(|| 0u32);
    {
        let arrived = arrived.clone();
        use_effect_with(lang, move |lang| {
            let lang = *lang;
            if !lang.is_installed() {
                spawn_local(async move {
                    let url = format!("{base}i18n/{}.json", lang.code());
                    if let Ok(text) = fetch_text(&url).await {
                        if crate::i18n::install(lang, &text).is_ok() {
                            arrived.set(arrived.wrapping_add(1));
                        }
                    }
                });
            }
        });
    }
    if lang.is_installed() {
        lang
    } else {
        Lang::Nb
    }
}
