//! Joins a split publication (an index file plus part files) into one document.
//!
//! - A part without `lang` adds its top-level sections to the index: a `guide`
//!   part may hold `guide` and `glossary`; a `handbook` part may hold
//!   `publication`, `levels`, `services`, `tools`, `laws` and `roles`. A section
//!   may come from one file only.
//! - A part with `lang` is a translation overlay with the same shape, holding only
//!   that language's texts. It is merged onto the base after all base parts:
//!   objects field by field, arrays of objects by `id` (service notes by
//!   `service`, items without either by position). An overlay item that the base
//!   lacks is an error.
//! - The rule for texts gives "the document in language L, with bokmål as
//!   fallback": an overlay string at a text field is added to the base text as
//!   language L (`"Hei"` + `"Hello"` becomes `{"nb": "Hei", "en": "Hello"}`; an
//!   existing `L` entry is replaced). Other values in the overlay (links,
//!   numbers, lists of ids) replace the base's.
//!
//! Values keep their `source` (file number), so problems point into the part file.

use super::json::{self, Kind, Member, Seg, Value};
use super::problem::{Problem, Severity};
use super::types::{Content, Part, Section, BASE_LANG};

/// The top-level keys a part of this section may hold.
pub fn section_keys(section: Section) -> &'static [&'static str] {
    match section {
        Section::Guide => &["guide", "glossary"],
        Section::Handbook => &[
            "publication",
            "levels",
            "services",
            "tools",
            "laws",
            "sources",
            "roles",
        ],
    }
}

/// Fields whose value is a [`Text`](super::types::Text). A test keeps this in step with the types.
pub const TEXT_FIELDS: &[&str] = &[
    "act",
    "alternatives",
    "applies_when",
    "body",
    "deadline",
    "definition",
    "description",
    "editor",
    "help",
    "hours",
    "how",
    "kommune",
    "label",
    "lead",
    "name",
    "note",
    "now",
    "publisher",
    "purpose",
    "routines",
    "summary",
    "talk",
    "term",
    "text",
    "title",
    "what",
    "what_happens",
    "who",
];

/// The parts to fetch to show `sections` in `lang`: the base part of each
/// section, then the `lang` overlays of those sections (none for bokmål).
pub fn parts_needed(index: &Content, sections: &[Section], lang: &str) -> Vec<Part> {
    let base = index
        .parts
        .iter()
        .filter(|p| p.lang.is_none() && sections.contains(&p.section));
    let overlays = index.parts.iter().filter(|p| {
        lang != BASE_LANG && p.lang.as_deref() == Some(lang) && sections.contains(&p.section)
    });
    base.chain(overlays).cloned().collect()
}

/// Merges the parts into the index (see the module doc). `parts` pairs each part
/// with its parsed file; parse part n with `json::parse_source(text, n)` (n from 1)
/// so problems name the right file. A document without parts passes through unchanged.
pub fn merge_parts(index: Value, parts: Vec<(Part, Value)>) -> Result<Value, Vec<Problem>> {
    match merge_all(index, parts) {
        (Some(v), problems) if problems.is_empty() => Ok(v),
        (_, problems) => Err(problems),
    }
}

/// [`merge_parts`] that goes on past a problem: the document as far as it could
/// be joined (what did not fit is left out), with every problem found, so a
/// checker can still check the rest. `None` when a part is not an object at all.
pub fn merge_all(mut index: Value, parts: Vec<(Part, Value)>) -> (Option<Value>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut broken = false;
    let (bases, overlays): (Vec<_>, Vec<_>) =
        parts.into_iter().partition(|(p, _)| p.lang.is_none());
    if let Kind::Object(members) = &mut index.kind {
        members.retain(|m| m.key != "parts");
    }
    for (part, value) in bases {
        let Kind::Object(members) = value.kind else {
            problems.push(not_object(&value, &part));
            broken = true;
            continue;
        };
        for m in members {
            if m.key == "$schema" {
                continue;
            }
            let path = [Seg::Key(m.key.clone())];
            if !section_keys(part.section).contains(&m.key.as_str()) {
                problems.push(misplaced(&m, &part));
            } else if index.get(&m.key).is_some() {
                problems.push(problem_at(
                    &m.value,
                    &path,
                    editor_msg!(
                        "«{}» står i to filer. Behold det bare i {}.",
                        m.key,
                        part.src
                    ),
                ));
            } else if let Kind::Object(index_members) = &mut index.kind {
                index_members.push(m);
            }
        }
    }
    for (part, value) in overlays {
        let lang = part.lang.clone().unwrap_or_default();
        let Kind::Object(members) = value.kind else {
            problems.push(not_object(&value, &part));
            broken = true;
            continue;
        };
        for m in members {
            if m.key == "$schema" {
                continue;
            }
            let path = vec![Seg::Key(m.key.clone())];
            if !section_keys(part.section).contains(&m.key.as_str()) {
                problems.push(misplaced(&m, &part));
                continue;
            }
            match index.get_mut(&m.key) {
                Some(base) => overlay(base, m.value, &m.key, &lang, path, &mut problems),
                None => problems.push(problem_at(
                    &m.value,
                    &path,
                    editor_msg!("Oversettelsen har «{}», men grunnteksten har det ikke. Legg det til på bokmål først.", m.key),
                )),
            }
        }
    }
    ((!broken).then_some(index), problems)
}

/// A problem at `value`, found while merging files (a part, an overlay).
pub(crate) fn problem_with(
    severity: Severity,
    value: &Value,
    path: &[Seg],
    message: String,
) -> Problem {
    Problem {
        severity,
        path: json::format_path(path),
        line: value.pos.line,
        column: value.pos.column,
        message,
        fatal: false,
        source: value.source,
        gate: None,
    }
}

fn problem_at(value: &Value, path: &[Seg], message: String) -> Problem {
    problem_with(Severity::Error, value, path, message)
}

fn not_object(value: &Value, part: &Part) -> Problem {
    let mut p = problem_at(
        value,
        &[],
        editor_msg!("Delfilen {} må være et JSON-objekt {{ … }}.", part.src),
    );
    p.fatal = true;
    p
}

fn misplaced(m: &Member, part: &Part) -> Problem {
    let allowed = section_keys(part.section).join(", ");
    problem_at(
        &m.value,
        &[Seg::Key(m.key.clone())],
        editor_msg!("«{}» hører ikke hjemme i denne delen. Her kan bare stå: {allowed}. Flytt det til riktig fil.", m.key),
    )
}

/// The value that matches an array item across base and overlay.
fn item_key(item: &Value) -> Option<(&'static str, &str)> {
    ["id", "service"]
        .into_iter()
        .find_map(|k| item.get(k).and_then(Value::as_str).map(|v| (k, v)))
}

fn overlay(
    base: &mut Value,
    over: Value,
    field: &str,
    lang: &str,
    path: Vec<Seg>,
    problems: &mut Vec<Problem>,
) {
    let is_text = TEXT_FIELDS.contains(&field);
    match (&mut base.kind, over.kind) {
        (Kind::String(_) | Kind::Object(_), Kind::String(s)) if is_text => {
            let translated = Value {
                pos: over.pos,
                source: over.source,
                kind: Kind::String(s),
            };
            set_language(base, lang, translated, over.pos);
        }
        (Kind::String(_), Kind::Object(entries)) if is_text => {
            for e in entries {
                set_language(base, &e.key, e.value, e.key_pos);
            }
        }
        (Kind::Object(base_members), Kind::Object(over_members)) => {
            for m in over_members {
                let mut p = path.clone();
                p.push(Seg::Key(m.key.clone()));
                match base_members.iter_mut().find(|b| b.key == m.key) {
                    Some(b) => overlay(&mut b.value, m.value, &m.key, lang, p, problems),
                    None if is_text => base_members.push(m),
                    None => problems.push(problem_at(
                        &m.value,
                        &p,
                        editor_msg!(
                            "Feltet «{}» finnes ikke i grunnteksten. Legg det til på bokmål først, eller fjern det fra oversettelsen.",
                            m.key
                        ),
                    )),
                }
            }
        }
        (Kind::Array(base_items), Kind::Array(over_items))
            if over_items.iter().any(|v| matches!(v.kind, Kind::Object(_))) =>
        {
            for (n, item) in over_items.into_iter().enumerate() {
                let mut p = path.clone();
                p.push(Seg::Index(n));
                let found = match item_key(&item) {
                    Some((k, v)) => base_items
                        .iter()
                        .position(|b| b.get(k).and_then(Value::as_str) == Some(v)),
                    None => (n < base_items.len()).then_some(n),
                };
                match (found, item_key(&item)) {
                    // An item is no text, whatever its list is called ("kommune" is both).
                    (Some(i), _) => overlay(&mut base_items[i], item, "", lang, p, problems),
                    (None, Some((k, v))) => problems.push(problem_at(
                        &item,
                        &p,
                        editor_msg!("Elementet med {k} «{v}» finnes ikke i grunnteksten. Rett {k}-en eller fjern elementet fra oversettelsen."),
                    )),
                    (None, None) => problems.push(problem_at(
                        &item,
                        &p,
                        "Oversettelsen har flere elementer her enn grunnteksten. Fjern det som er for mye.".into(),
                    )),
                }
            }
        }
        (_, kind) => {
            *base = Value {
                pos: over.pos,
                source: over.source,
                kind,
            }
        }
    }
}

/// Adds (or replaces) language `lang` in the text `base`, turning a plain string into `{"nb": …}` first.
fn set_language(base: &mut Value, lang: &str, text: Value, key_pos: json::Pos) {
    if let Kind::String(_) = base.kind {
        let nb = Value {
            pos: base.pos,
            source: base.source,
            kind: std::mem::replace(&mut base.kind, Kind::Null),
        };
        base.kind = Kind::Object(vec![Member {
            key: BASE_LANG.into(),
            key_pos: nb.pos,
            value: nb,
        }]);
    }
    if let Kind::Object(entries) = &mut base.kind {
        match entries.iter_mut().find(|e| e.key == lang) {
            Some(e) => e.value = text,
            None => entries.push(Member {
                key: lang.to_string(),
                key_pos,
                value: text,
            }),
        }
    }
}
