//! Loads a split content index and its parts from disk, as bti-check and
//! bti-export do: shared by the tests that look at the example kommune's content.

use std::path::Path;

use bti_veileder::model::Checked;

/// Path of the example kommune's index, from the crate root.
pub const EXAMPLE: &str = "content/eksempel-kommune.json";

/// Checks the index at `name` (relative to the crate root) with all its parts.
pub fn load(name: &str) -> Checked {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    bti_veileder::export::load_path(&path).unwrap_or_else(|e| panic!("cannot load {name}: {e}"))
}
