//! The minimal content fixture and small edits of it, shared by the tests of
//! single rules and messages. Not every test file uses every helper.
#![allow(dead_code)]

use bti_veileder::model::check::Checked;

pub const MINIMAL: &str = include_str!("../fixtures/minimal.json");

/// The minimal fixture with each `(from, to)` replaced once; fails when a `from` is not there.
pub fn with(edits: &[(&str, &str)]) -> String {
    let mut text = MINIMAL.to_string();
    for (from, to) in edits {
        assert!(text.contains(from), "fixture lacks {from:?}");
        text = text.replacen(from, to, 1);
    }
    text
}

/// Every error as (path, message).
pub fn errors(checked: &Checked) -> Vec<(&str, &str)> {
    checked
        .problems
        .iter()
        .filter(|p| p.is_error())
        .map(|p| (p.path.as_str(), p.message.as_str()))
        .collect()
}
