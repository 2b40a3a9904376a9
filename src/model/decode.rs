//! Lenient decoding of a parsed document into [`Content`]: an array item that
//! does not fit the types (unknown field, wrong type, missing field) is reported
//! at its exact place and left out, and the rest is kept. Errors outside arrays
//! in `meta` or `guide` (or a missing `meta`) are fatal; elsewhere the offending
//! field is left out so its default applies.

use std::collections::HashSet;

use super::de::{self, DeError};
use super::json::{self, Kind, Seg};
use super::problem::{Problem, Severity};
use super::types::Content;

/// What was left out of the document, in the file's own coordinates, so paths
/// into the decoded content can be turned back into paths into the file.
#[derive(Debug, Default, Clone)]
pub struct Removals {
    removed: HashSet<Vec<Seg>>,
}

impl Removals {
    /// Turns a path into the current (already thinned) document into a path into the file.
    pub fn to_original(&self, path: &[Seg]) -> Vec<Seg> {
        let mut out: Vec<Seg> = Vec::with_capacity(path.len());
        for seg in path {
            match seg {
                Seg::Key(_) => out.push(seg.clone()),
                Seg::Index(i) => {
                    let mut seen = 0;
                    let mut j = 0;
                    loop {
                        out.push(Seg::Index(j));
                        let gone = self.removed.contains(&out);
                        out.pop();
                        if !gone {
                            if seen == *i {
                                break;
                            }
                            seen += 1;
                        }
                        j += 1;
                    }
                    out.push(Seg::Index(j));
                }
            }
        }
        out
    }

    /// Records that the item at `path` (current coordinates) was left out.
    pub fn record(&mut self, path: &[Seg]) {
        let original = self.to_original(path);
        self.removed.insert(original);
    }
}

pub struct Decoded {
    pub content: Option<Content>,
    pub removals: Removals,
    pub problems: Vec<Problem>,
}

/// Decodes `tree`, leaving out what does not fit; see the module doc.
pub fn decode(tree: &json::Value) -> Decoded {
    let mut value = tree.clone();
    let mut removals = Removals::default();
    let mut problems = Vec::new();
    // Each round removes one piece of the document, so this ends; the bound is a safety net.
    for _ in 0..100_000 {
        let err = match de::from_tree::<Content>(&value) {
            Ok(content) => return Decoded { content: Some(content), removals, problems },
            Err(err) => err,
        };
        // For an unknown field the path is the object that has it; the key is added below.
        let DeError { path, message: raw, .. } = err;
        let unknown = unknown_field(&raw);
        let mut full = path.clone();
        if let Some(field) = &unknown {
            full.push(Seg::Key(field.clone()));
        }
        let original = removals.to_original(&full);
        let mut problem = Problem::at(Some(tree), &original, Severity::Error, translate(&raw));
        if unknown.is_some() {
            let parent = removals.to_original(&path);
            if let Some(pos) = unknown.as_deref().and_then(|f| tree.key_pos(&parent, f)) {
                problem.line = pos.line;
                problem.column = pos.column;
            }
        }
        let last_index = path.iter().rposition(|s| matches!(s, Seg::Index(_)));
        let target: Vec<Seg> = match last_index {
            Some(i) => {
                problem.message.push_str(&format!(
                    " Elementet {} blir ikke vist før dette er rettet.",
                    json::format_path(&removals.to_original(&path[..=i]))
                ));
                path[..=i].to_vec()
            }
            None if unknown.is_some() => full,
            None if path.is_empty() || matches!(path.first(), Some(Seg::Key(k)) if k == "meta" || k == "guide") => {
                problem.fatal = true;
                problems.push(problem);
                return Decoded { content: None, removals, problems };
            }
            None => {
                problem.message.push_str(" Feltet blir ikke brukt før dette er rettet.");
                path
            }
        };
        problems.push(problem);
        if !remove(&mut value, &target) {
            // Nothing could be removed, so the next round would fail the same way.
            if let Some(p) = problems.last_mut() {
                p.fatal = true;
            }
            return Decoded { content: None, removals, problems };
        }
        removals.record(&target);
    }
    Decoded { content: None, removals, problems }
}

fn remove(value: &mut json::Value, path: &[Seg]) -> bool {
    let Some((last, parent_path)) = path.split_last() else {
        return false;
    };
    let mut here = value;
    for seg in parent_path {
        let next = match (seg, &mut here.kind) {
            (Seg::Key(k), Kind::Object(members)) => members.iter_mut().find(|m| &m.key == k).map(|m| &mut m.value),
            (Seg::Index(i), Kind::Array(items)) => items.get_mut(*i),
            _ => None,
        };
        match next {
            Some(v) => here = v,
            None => return false,
        }
    }
    match (last, &mut here.kind) {
        (Seg::Key(k), Kind::Object(members)) => match members.iter().position(|m| &m.key == k) {
            Some(i) => {
                members.remove(i);
                true
            }
            None => false,
        },
        (Seg::Index(i), Kind::Array(items)) if *i < items.len() => {
            items.remove(*i);
            true
        }
        _ => false,
    }
}

/// The field name in serde's "unknown field `x`, expected …".
fn unknown_field(raw: &str) -> Option<String> {
    raw.strip_prefix("unknown field `").and_then(|r| r.split('`').next()).map(str::to_string)
}

/// The names between backticks in serde's "expected one of `a`, `b`".
fn ticked(s: &str) -> String {
    s.split('`').skip(1).step_by(2).collect::<Vec<_>>().join(", ")
}

fn type_name(s: &str) -> &'static str {
    let s = s.trim();
    if s.starts_with("string") || s.starts_with("a string") {
        "tekst"
    } else if s.starts_with("integer") || s.starts_with("u8") || s.starts_with("u32") || s.starts_with("u64") {
        "et helt tall"
    } else if s.starts_with("floating") {
        "et desimaltall"
    } else if s.starts_with("boolean") || s.starts_with("a boolean") {
        "true eller false"
    } else if s.starts_with("map") || s.starts_with("struct") || s.starts_with("a map") {
        "et objekt { … }"
    } else if s.starts_with("sequence") || s.starts_with("a sequence") {
        "en liste [ … ]"
    } else if s.starts_with("null") || s.starts_with("unit") {
        "null"
    } else {
        "en annen type"
    }
}

/// Serde's English error, told in Norwegian with what to do.
pub fn translate(raw: &str) -> String {
    if let Some(field) = unknown_field(raw) {
        let allowed = raw.split_once("expected").map(|(_, e)| ticked(e)).unwrap_or_default();
        return if allowed.is_empty() {
            format!("Ukjent felt «{field}». Fjern det; her er ingen felt tillatt.")
        } else {
            format!("Ukjent felt «{field}». Fjern det eller rett navnet. Tillatte felt her: {allowed}.")
        };
    }
    if let Some(rest) = raw.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or("");
        if field == "type" {
            return "Feltet «type» mangler. Legg til \"type\": \"question\" eller \"type\": \"result\".".into();
        }
        return format!("Feltet «{field}» mangler. Legg det til.");
    }
    if let Some(rest) = raw.strip_prefix("unknown variant `") {
        let value = rest.split('`').next().unwrap_or("");
        let allowed = rest.split_once("expected").map(|(_, e)| ticked(e)).unwrap_or_default();
        return format!("Ukjent verdi «{value}». Bruk en av disse: {allowed}.");
    }
    if raw.contains("untagged enum Text") {
        return "Teksten må være en tekst i anførselstegn eller et objekt med språkkoder, f.eks. {\"nb\": \"…\", \"en\": \"…\"}. Rett verdien.".into();
    }
    if let Some(rest) = raw.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "Feil type: her står {}, men det skal være {}. Rett verdien.",
            type_name(found),
            type_name(expected)
        );
    }
    if let Some(rest) = raw.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let found = found.split('`').nth(1).unwrap_or(found);
        return format!("Ugyldig verdi {found}: det skal være {}. Rett verdien.", type_name(expected));
    }
    if raw.starts_with("invalid length") {
        return "Feil antall elementer. Rett listen.".into();
    }
    format!("Verdien passer ikke her ({raw}). Rett den etter content/schema.json.")
}
