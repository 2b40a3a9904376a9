//! bti-veileder: the BTI handbook and citizen guide as one embeddable widget.
pub mod model;
pub mod guide;
pub mod handbook;
pub mod i18n;
pub mod load;
#[cfg(feature = "handbook")]
pub mod search;

#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
mod hooks;
