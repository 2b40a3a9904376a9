//! The content model: types, parsing, decoding and validation. No web dependencies,
//! so all of it is tested with plain `cargo test`.
pub mod check;
pub mod decode;
pub mod decoder;
pub mod json;
pub mod links;
pub mod merge;
pub mod problem;
pub mod rich;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod types;

pub use check::{load_split, load_str, Checked};
pub use problem::{Problem, Severity};
pub use types::*;
