//! Connects the handbook route to the URL hash (or to memory with `routing="memory"`).

use gloo_events::EventListener;
use yew::prelude::*;

use crate::handbook::route::{NavMode, Route};

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The current route and a way to go somewhere. In hash mode, going pushes a
/// history entry (so back/forward work) and the `hashchange` event updates the
/// route. In memory mode the route starts at `initial`; a static page is `initial`.
#[hook]
pub fn use_route(ns: AttrValue, mode: NavMode, initial: Route) -> (Route, Callback<Route>) {
    let memory = mode != NavMode::Hash;
    let route = {
        let ns = ns.clone();
        use_state(move || {
            if memory {
                initial
            } else {
                Route::from_hash(&current_hash(), &ns).unwrap_or_default()
            }
        })
    };
    {
        let route = route.clone();
        use_effect_with((ns.clone(), memory), move |(ns, memory)| {
            let ns = ns.clone();
            let listener = (!*memory).then(|| {
                web_sys::window().map(|w| {
                    EventListener::new(&w, "hashchange", move |_| {
                        if let Some(r) = Route::after_hash_change(&current_hash(), &ns) {
                            route.set(r);
                        }
                    })
                })
            });
            move || drop(listener)
        });
    }
    let go = {
        let route = route.clone();
        Callback::from(move |next: Route| {
            if memory {
                route.set(next);
            } else if let Some(w) = web_sys::window() {
                let _ = w.location().set_hash(&next.to_hash(&ns));
            }
        })
    };
    ((*route).clone(), go)
}
