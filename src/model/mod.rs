//! The content model: types, parsing, decoding and validation. No web dependencies,
//! so all of it is tested with plain `cargo test`.
/// A message for the content's editor: the full Norwegian text in builds with the
/// `editor` feature, nothing in the citizen guide's build (which shows only where
/// a fatal problem is, and sends editors to `debug` or bti-check for the rest).
macro_rules! editor_msg {
    ($($t:tt)*) => {{
        #[cfg(feature = "editor")]
        let m = format!($($t)*);
        #[cfg(not(feature = "editor"))]
        let m = {
            // Never called: keeps the arguments "used" without linking any formatting.
            let _ = || format_args!($($t)*).as_str().map(str::len);
            String::new()
        };
        m
    }};
}

/// Gives a type that wraps a string the JSON Schema of a plain `String`, inline
/// (no definition of its own), so wrapping a string field leaves the generated
/// schemas as they were.
macro_rules! string_schema {
    ($ty:ty) => {
        #[cfg(not(target_arch = "wasm32"))]
        impl schemars::JsonSchema for $ty {
            fn is_referenceable() -> bool {
                false
            }
            fn schema_name() -> String {
                <String as schemars::JsonSchema>::schema_name()
            }
            fn json_schema(gen: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
                <String as schemars::JsonSchema>::json_schema(gen)
            }
        }
    };
}

pub mod check;
pub mod decode;
pub mod decoder;
pub mod id;
pub mod json;
pub mod links;
pub mod lix;
pub mod merge;
pub mod problem;
pub mod rich;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
// The studio's wasm (feature `studio`) merges overlays in the browser as bti-check does.
#[cfg(any(not(target_arch = "wasm32"), feature = "studio"))]
pub mod template;
pub mod types;
// The handbook's alone: the citizen guide's wasm links none of it (not even the
// generic code it shares, which would change what gets inlined there).
#[cfg(feature = "handbook")]
pub mod when;

pub use check::{load_split, load_str, Checked};
pub use problem::{Gate, Problem, Severity};
pub use types::*;
