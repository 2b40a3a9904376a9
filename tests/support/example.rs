//! Loads a split content index and its parts from disk, as bti-check does:
//! shared by the tests that look at the example kommune's content.

use std::path::Path;

use bti_veileder::model::{check, json, Checked, Part};

/// Path of the example kommune's index, from the crate root.
pub const EXAMPLE: &str = "content/eksempel-kommune.json";

/// Checks the index at `name` (relative to the crate root) with all its parts.
pub fn load(name: &str) -> Checked {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {name}: {e}"));
    let parts: Vec<Part> = json::parse(&text)
        .ok()
        .and_then(|t| t.get("parts").map(json::Value::to_serde))
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default();
    let texts: Vec<String> = parts
        .iter()
        .map(|p| {
            let file = path.parent().unwrap().join(&p.src);
            std::fs::read_to_string(&file)
                .unwrap_or_else(|e| panic!("{name} names {}, which cannot be read: {e}", p.src))
        })
        .collect();
    let with_text: Vec<(Part, &str)> = parts
        .iter()
        .cloned()
        .zip(texts.iter().map(String::as_str))
        .collect();
    if parts.is_empty() {
        check::load_str(&text)
    } else {
        check::load_split(&text, &with_text)
    }
}
