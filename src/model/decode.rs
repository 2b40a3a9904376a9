//! Lenient decoding of a parsed document into [`Content`]: an array item that
//! does not fit the types (unknown field, wrong type, missing field) is reported
//! at its exact place and left out, and the rest is kept. Errors outside arrays
//! in `meta` or `guide` (or a missing `meta`) are fatal; elsewhere the offending
//! field is left out so its default applies. The reading itself is in
//! [`decoder`](super::decoder).

use std::collections::HashSet;

use super::decoder::{Decode, Decoder};
use super::json::{self, Seg};
use super::problem::Problem;
use super::types::{Content, Id};

/// What was left out of the document, in the file's own coordinates, so paths
/// into the decoded content can be turned back into paths into the file.
#[derive(Debug, Default, Clone)]
pub struct Removals {
    /// The paths of the items left out. Few, so a list: every problem's path is
    /// turned back through it, and hashing whole paths for that was most of the
    /// checker's time on a large content with a few errors.
    removed: Vec<Vec<Seg>>,
}

impl Removals {
    /// Turns a path into the current (already thinned) document into a path into the file.
    pub fn to_original(&self, path: &[Seg]) -> Vec<Seg> {
        let mut out: Vec<Seg> = Vec::with_capacity(path.len());
        for seg in path {
            match seg {
                Seg::Key(_) => out.push(seg.clone()),
                Seg::Index(i) => {
                    // The i-th item still there is the original item j, the least
                    // j with j = i + (items left out of this list at or before j).
                    // Counted afresh each round (no sort: its code is a kilobyte of
                    // the citizen's download).
                    let parent = out.as_slice();
                    let gone_upto = |j: usize| {
                        self.removed
                            .iter()
                            .filter(|r| match r.split_last() {
                                Some((Seg::Index(k), p)) => *k <= j && p == parent,
                                _ => false,
                            })
                            .count()
                    };
                    let mut j = *i;
                    loop {
                        let next = i + gone_upto(j);
                        if next == j {
                            break;
                        }
                        j = next;
                    }
                    out.push(Seg::Index(j));
                }
            }
        }
        out
    }

    /// The items at `paths` (the file's coordinates; the same one may come twice).
    fn from_paths(paths: Vec<Vec<Seg>>) -> Removals {
        let mut removals = Removals::default();
        for path in paths {
            if !removals.removed.contains(&path) {
                removals.removed.push(path);
            }
        }
        removals
    }

    /// Records that the item at `path` (current coordinates) was left out.
    pub fn record(&mut self, path: &[Seg]) {
        let original = self.to_original(path);
        if !self.removed.contains(&original) {
            self.removed.push(original);
        }
    }
}

pub struct Decoded {
    pub content: Option<Content>,
    pub removals: Removals,
    pub problems: Vec<Problem>,
    /// Ids of the items left out: a reference to one is not an error of its own.
    pub dropped_ids: HashSet<Id>,
}

/// Decodes `tree`, leaving out what does not fit; see the module doc.
pub fn decode(tree: &json::Value) -> Decoded {
    let mut d = Decoder::new();
    let content = d.run::<Content>(tree, &[]);
    let Decoder {
        mut problems,
        raw_paths,
        dropped,
        ..
    } = d;
    name_items(tree, &mut problems, &raw_paths);
    if content.is_err() {
        // A failure that reaches the root leaves nothing to show.
        if let Some(p) = problems.last_mut() {
            p.fatal = true;
        }
    }
    // Only messages depend on them: the citizen guide's build keeps none.
    let dropped_ids = if cfg!(feature = "editor") {
        dropped
            .iter()
            .filter_map(|path| match tree.locate(path) {
                (v, used) if used == path.len() => v.get("id").and_then(json::Value::as_str),
                _ => None,
            })
            .map(Id::from)
            .collect()
    } else {
        HashSet::new()
    };
    let removals = Removals::from_paths(dropped);
    Decoded {
        content: content.ok(),
        removals,
        problems,
        dropped_ids,
    }
}

/// Names list items by id in each problem's path, and in the "Elementet … blir
/// ikke vist" the decoder added (it wrote both with indices, not having the tree).
fn name_items(tree: &json::Value, problems: &mut [Problem], raw_paths: &[Vec<Seg>]) {
    // The citizen guide's build keeps plain indices (it has no messages to match).
    if !cfg!(feature = "editor") {
        return;
    }
    for (p, raw) in problems.iter_mut().zip(raw_paths) {
        p.path = json::format_path_in(tree, raw);
        for k in (1..=raw.len()).filter(|&k| matches!(raw[k - 1], Seg::Index(_))) {
            let old = format!("Elementet {} ", json::format_path(&raw[..k]));
            if p.message.contains(&old) {
                let new = format!("Elementet {} ", json::format_path_in(tree, &raw[..k]));
                p.message = p.message.replace(&old, &new);
            }
        }
    }
}

/// Decodes one value on its own, at `path` in the document (e.g. the index's
/// `parts` before the rest is fetched). Any problem is an error, told as
/// `path: message`, several joined by `; ` (the widget's one-line load error).
pub fn decode_value<T: Decode>(value: &json::Value, path: &[Seg]) -> Result<T, String> {
    decode_problems(value, path).map_err(|problems| {
        // Pushed, not format!-ed and joined: the wasm then needs no join for Strings.
        let mut told = String::new();
        for p in &problems {
            if !told.is_empty() {
                told.push_str("; ");
            }
            told.push_str(&p.path);
            told.push_str(": ");
            told.push_str(&p.message);
        }
        told
    })
}

/// [`decode_value`] with the problems themselves, places and all (for bti-check).
pub fn decode_problems<T: Decode>(value: &json::Value, path: &[Seg]) -> Result<T, Vec<Problem>> {
    let mut d = Decoder::new();
    match d.run::<T>(value, path) {
        Ok(v) if d.problems.is_empty() => Ok(v),
        _ => Err(d.problems),
    }
}

/// Parses `text` and decodes it as `T` with the production decoder; for tools
/// and tests that read one value on its own. Problems as in [`decode_value`].
pub fn from_str<T: Decode>(text: &str) -> Result<T, String> {
    let tree =
        json::parse(text).map_err(|e| format!("{}:{}: {}", e.pos.line, e.pos.column, e.message))?;
    decode_value(&tree, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(segs: &[&str]) -> Vec<Seg> {
        segs.iter()
            .map(|s| match s.parse() {
                Ok(i) => Seg::Index(i),
                Err(_) => Seg::Key((*s).into()),
            })
            .collect()
    }

    #[test]
    fn paths_after_removed_items_point_back_at_the_file() {
        let mut r = Removals::default();
        // Items 0 and 2 of "steps" are left out, the second one recorded in current coordinates.
        r.record(&path(&["steps", "0"]));
        r.record(&path(&["steps", "1"]));
        assert_eq!(r.to_original(&path(&["steps", "0"])), path(&["steps", "1"]));
        assert_eq!(
            r.to_original(&path(&["steps", "1", "tools", "0"])),
            path(&["steps", "3", "tools", "0"])
        );
        // Another list with the same indices is not affected.
        assert_eq!(r.to_original(&path(&["tools", "0"])), path(&["tools", "0"]));
        // The same item recorded twice is still one item.
        let mut twice = Removals::from_paths(vec![path(&["steps", "0"]), path(&["steps", "0"])]);
        assert_eq!(
            twice.to_original(&path(&["steps", "0"])),
            path(&["steps", "1"])
        );
        twice.record(&path(&["tools", "0"]));
        assert_eq!(
            twice.to_original(&path(&["tools", "0"])),
            path(&["tools", "1"])
        );
    }
}
