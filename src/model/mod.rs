//! The content model: serde types, parsing and validation. No web dependencies,
//! so all of it is tested with plain `cargo test`.
pub mod json;
pub mod links;
pub mod rich;
pub mod types;

pub use types::*;
