//! The content model: serde types, parsing and validation. No web dependencies,
//! so all of it is tested with plain `cargo test`.
pub mod types;

pub use types::*;
