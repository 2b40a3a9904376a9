//! A kommune's content as an overlay of the national template (`content/mal/`).
//! Native only: merging and stamping happen in bti-check at publish time, so the
//! citizen's wasm never carries them.
//!
//! Rules for the overlay (the kommune's files), applied to the merged template:
//! - `extends` names the template's index file, `template_version` the template
//!   version the overlay was written against (a warning when the template moved on).
//! - `meta` and other objects merge field by field; a text, a list of ids, a
//!   number or a link given in the overlay replaces the template's whole value
//!   (a replaced text keeps none of the template's translations).
//! - Lists of items (objects with `id`; service notes by `service`) merge by id:
//!   - an item the template has gets the overlay's fields (`"remove": true`
//!     removes it instead);
//!   - an item the template lacks is added at the end of its list, unless it
//!     carries `based_on` or `remove`: then it overrides an item the template no
//!     longer has, which is an error at its place.
//! - `based_on` is [`stamp`] of the template item when the override was made;
//!   when the template item changes, a warning names it.

use sha2::{Digest, Sha256};

use super::json::{self, Kind, Member, Seg, Value};
use super::merge::TEXT_FIELDS;
use super::problem::{Problem, Severity};
use super::types::BASE_LANG;

/// Top-level fields of an overlay index that only the merge reads.
pub const OVERLAY_KEYS: &[&str] = &["extends", "template_version"];

/// Fields of an overlay item that only the merge reads.
pub const ITEM_KEYS: &[&str] = &["based_on", "remove"];

/// The first 8 hex digits of SHA-256 over the item's bokmål base in canonical
/// JSON (keys sorted, no whitespace; translations and nested items left out).
pub fn stamp(item: &Value) -> String {
    let mut text = String::new();
    canonical(item, None, &mut text);
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().take(4).map(|b| format!("{b:02x}")).collect()
}

/// Canonical JSON of `v` as [`stamp`] hashes it. `field` is the member name `v`
/// stands under (a text field is reduced to its bokmål).
pub fn canonical(v: &Value, field: Option<&str>, out: &mut String) {
    let is_text = field.is_some_and(|f| TEXT_FIELDS.contains(&f));
    match &v.kind {
        Kind::Object(members) if is_text => {
            let nb = members.iter().find(|m| m.key == BASE_LANG);
            match nb {
                Some(m) => canonical(&m.value, None, out),
                None => out.push_str("\"\""),
            }
        }
        Kind::Object(members) => {
            let mut sorted: Vec<&Member> = members
                .iter()
                .filter(|m| !ITEM_KEYS.contains(&m.key.as_str()) && !is_item_list(&m.value))
                .collect();
            sorted.sort_by(|a, b| a.key.cmp(&b.key));
            out.push('{');
            for (i, m) in sorted.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&quote(&m.key));
                out.push(':');
                canonical(&m.value, Some(&m.key), out);
            }
            out.push('}');
        }
        Kind::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(item, None, out);
            }
            out.push(']');
        }
        _ => scalar(v, out),
    }
}

fn scalar(v: &Value, out: &mut String) {
    match &v.kind {
        Kind::Null => out.push_str("null"),
        Kind::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Kind::Number(n) => out.push_str(n.as_str()),
        Kind::String(s) => out.push_str(&quote(s)),
        Kind::Array(_) | Kind::Object(_) => {}
    }
}

fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// The value in the layout bti-check writes: two spaces per level, members in
/// their order, a newline at the end.
pub fn pretty(v: &Value) -> String {
    let mut out = String::new();
    write_pretty(v, 0, &mut out);
    out.push('\n');
    out
}

fn write_pretty(v: &Value, indent: usize, out: &mut String) {
    let pad = |n: usize, out: &mut String| out.extend(std::iter::repeat_n(' ', n));
    match &v.kind {
        Kind::Array(items) if !items.is_empty() => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n");
                }
                pad(indent + 2, out);
                write_pretty(item, indent + 2, out);
            }
            out.push('\n');
            pad(indent, out);
            out.push(']');
        }
        Kind::Object(members) if !members.is_empty() => {
            out.push_str("{\n");
            for (i, m) in members.iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n");
                }
                pad(indent + 2, out);
                out.push_str(&quote(&m.key));
                out.push_str(": ");
                write_pretty(&m.value, indent + 2, out);
            }
            out.push('\n');
            pad(indent, out);
            out.push('}');
        }
        Kind::Array(_) => out.push_str("[]"),
        Kind::Object(_) => out.push_str("{}"),
        _ => scalar(v, out),
    }
}

/// A list of items matched by id (or a service note's `service`).
fn is_item_list(v: &Value) -> bool {
    match &v.kind {
        Kind::Array(items) => {
            !items.is_empty()
                && items
                    .iter()
                    .all(|i| matches!(i.kind, Kind::Object(_)) && key_of(i).is_some())
        }
        _ => false,
    }
}

fn key_of(item: &Value) -> Option<(&'static str, &str)> {
    ["id", "service"]
        .into_iter()
        .find_map(|k| item.get(k).and_then(Value::as_str).map(|v| (k, v)))
}

/// What an item of the list `field` is called in a message, and its pronoun.
fn kind_of(field: &str, item: &Value) -> (&'static str, &'static str) {
    match field {
        "contacts" => ("kontakten", "den"),
        "kommune" | "etat" => ("siden", "den"),
        "levels" => ("nivå", "det"),
        "steps" => ("steg", "det"),
        "services" => ("tjenesten", "den"),
        "tools" => ("verktøyet", "det"),
        "laws" => ("lovhenvisningen", "den"),
        "roles" => ("rollen", "den"),
        "nodes" if item.get("type").and_then(Value::as_str) == Some("result") => {
            ("resultat", "det")
        }
        "nodes" => ("spørsmål", "det"),
        "answers" => ("svar", "det"),
        "glossary" => ("ordet", "det"),
        "service_notes" => ("tjenestemerknaden", "den"),
        _ => ("elementet", "det"),
    }
}

/// Problems with their paths as segments, named by id at the end of [`apply`].
type Found = Vec<(Problem, Vec<Seg>)>;

fn problem(
    value: &Value,
    path: &[Seg],
    severity: Severity,
    message: String,
) -> (Problem, Vec<Seg>) {
    (
        super::merge::problem_with(severity, value, path, message),
        path.to_vec(),
    )
}

/// Applies `overlay` (a kommune's merged files) to `template` (the merged
/// template), returning the kommune's whole document and the problems found.
pub fn apply(mut template: Value, overlay: Value) -> (Value, Vec<Problem>) {
    let named = overlay.clone();
    let mut problems: Found = Vec::new();
    let Kind::Object(members) = overlay.kind else {
        return (template, Vec::new());
    };
    let template_version = template
        .get("meta")
        .and_then(|m| m.get("version"))
        .and_then(Value::as_str)
        .map(str::to_string);
    let mut top = Vec::new();
    for m in members {
        match m.key.as_str() {
            "template_version" => {
                if let (Some(have), Some(now)) = (m.value.as_str(), &template_version) {
                    if have != now {
                        problems.push(problem(&m.value, &[Seg::Key(m.key.clone())], Severity::Warning, format!("Innholdet er tilpasset malversjon «{have}», men malen er nå «{now}». Se over varslene om endrede elementer, og skriv \"template_version\": \"{now}\" når dere er ferdige.")));
                    }
                }
            }
            "extends" | "parts" | "$schema" => {}
            _ => top.push(m),
        }
    }
    if let Kind::Object(base) = &mut template.kind {
        base.retain(|b| b.key != "parts" && b.key != "$schema");
    }
    merge_object(&mut template, top, &[], &mut problems);
    let problems = problems
        .into_iter()
        .map(|(mut p, raw)| {
            p.path = json::format_path_in(&named, &raw);
            p
        })
        .collect();
    (template, problems)
}

fn merge_object(base: &mut Value, over: Vec<Member>, path: &[Seg], problems: &mut Found) {
    let Kind::Object(base_members) = &mut base.kind else {
        return;
    };
    for m in over {
        if ITEM_KEYS.contains(&m.key.as_str()) {
            continue;
        }
        let mut p = path.to_vec();
        p.push(Seg::Key(m.key.clone()));
        let Some(b) = base_members.iter_mut().find(|b| b.key == m.key) else {
            let mut m = m;
            strip(&mut m.value);
            base_members.push(m);
            continue;
        };
        let is_text = TEXT_FIELDS.contains(&m.key.as_str());
        match m.value.kind {
            Kind::Object(inner) if !is_text && matches!(b.value.kind, Kind::Object(_)) => {
                merge_object(&mut b.value, inner, &p, problems)
            }
            Kind::Array(items) if is_item_list(&b.value) && all_keyed(&items) => {
                merge_items(&mut b.value, items, &m.key, &p, problems)
            }
            kind => {
                let mut v = Value {
                    pos: m.value.pos,
                    source: m.value.source,
                    kind,
                };
                strip(&mut v);
                b.value = v;
            }
        }
    }
}

fn all_keyed(items: &[Value]) -> bool {
    items.iter().all(|i| key_of(i).is_some())
}

fn merge_items(
    base: &mut Value,
    over: Vec<Value>,
    field: &str,
    path: &[Seg],
    problems: &mut Found,
) {
    let Kind::Array(base_items) = &mut base.kind else {
        return;
    };
    for (n, item) in over.into_iter().enumerate() {
        let mut p = path.to_vec();
        p.push(Seg::Index(n));
        let Some((k, id)) = key_of(&item).map(|(k, v)| (k, v.to_string())) else {
            continue;
        };
        let remove = matches!(item.get("remove").map(|v| &v.kind), Some(Kind::Bool(true)));
        let based_on = item.get("based_on").cloned();
        let found = base_items
            .iter()
            .position(|b| b.get(k).and_then(Value::as_str) == Some(id.as_str()));
        let Some(i) = found else {
            if remove || based_on.is_some() {
                let (kind, _) = kind_of(field, &item);
                problems.push(problem(&item, &p, Severity::Error, format!("Malen har ikke {} «{id}». Rett id-en, eller fjern elementet (fjern bare «based_on» hvis dere vil legge det til som nytt).", indefinite(kind))));
            } else {
                let mut item = item;
                strip(&mut item);
                base_items.push(item);
            }
            continue;
        };
        let (kind, pronoun) = kind_of(field, &base_items[i]);
        if remove {
            base_items.remove(i);
            continue;
        }
        let now = stamp(&base_items[i]);
        match based_on.as_ref().map(|v| (v, v.as_str())) {
            // Only a container of other overrides: nothing of its own to go stale.
            None if !replaces_fields(&item) => {}
            Some((v, Some(stamped))) if stamped != now => {
                let mut bp = p.clone();
                bp.push(Seg::Key("based_on".into()));
                problems.push(problem(v, &bp, Severity::Warning, format!("Malen har endret {} «{id}» siden dere tilpasset {pronoun}. Sammenlign med malen, og kjør bti-check --stamp når dere har tatt stilling til endringen.", indefinite(kind))));
            }
            Some(_) => {}
            None => problems.push(problem(&item, &p, Severity::Warning, format!("Tilpasningen av {} «{id}» mangler «based_on», så ingen får vite når malen endrer {pronoun}. Kjør bti-check --stamp.", indefinite(kind)))),
        }
        if let Kind::Object(members) = item.kind {
            merge_object(&mut base_items[i], members, &p, problems);
        }
    }
}

/// Whether an override changes fields of the item itself (not only items in its lists).
fn replaces_fields(item: &Value) -> bool {
    match &item.kind {
        Kind::Object(members) => members.iter().any(|m| {
            !matches!(m.key.as_str(), "id" | "service" | "based_on" | "remove")
                && !is_item_list(&m.value)
        }),
        _ => false,
    }
}

/// "steg" stays; "kontakten" becomes "kontakt" after "har ikke"/"endret".
fn indefinite(kind: &str) -> &str {
    match kind {
        "kontakten" => "kontakt",
        "siden" => "side",
        "tjenesten" => "tjeneste",
        "verktøyet" => "verktøy",
        "lovhenvisningen" => "lovhenvisning",
        "rollen" => "rolle",
        "ordet" => "ord",
        "tjenestemerknaden" => "tjenestemerknad",
        "elementet" => "element",
        k => k,
    }
}

/// Removes the merge's own fields from an added value.
fn strip(v: &mut Value) {
    match &mut v.kind {
        Kind::Object(members) => {
            members.retain(|m| !ITEM_KEYS.contains(&m.key.as_str()));
            members.iter_mut().for_each(|m| strip(&mut m.value));
        }
        Kind::Array(items) => items.iter_mut().for_each(strip),
        _ => {}
    }
}

/// Fills in `based_on` in every item of `overlay` (one of the kommune's base
/// files, not a translation) that overrides an item of `template`. Returns how
/// many stamps were written or changed.
pub fn stamp_overlay(template: &Value, overlay: &mut Value) -> usize {
    let mut changed = 0;
    stamp_object(template, overlay, &mut changed);
    changed
}

fn stamp_object(template: &Value, overlay: &mut Value, changed: &mut usize) {
    let Kind::Object(members) = &mut overlay.kind else {
        return;
    };
    for m in members.iter_mut() {
        let Some(t) = template.get(&m.key) else {
            continue;
        };
        match &mut m.value.kind {
            Kind::Object(_) if !TEXT_FIELDS.contains(&m.key.as_str()) => {
                stamp_object(t, &mut m.value, changed)
            }
            Kind::Array(items) if is_item_list(t) => {
                let Kind::Array(t_items) = &t.kind else {
                    continue;
                };
                for item in items.iter_mut() {
                    let Some((k, id)) = key_of(item) else {
                        continue;
                    };
                    let Some(t_item) = t_items
                        .iter()
                        .find(|ti| ti.get(k).and_then(Value::as_str) == Some(id))
                    else {
                        continue;
                    };
                    if matches!(item.get("remove").map(|v| &v.kind), Some(Kind::Bool(true))) {
                        continue;
                    }
                    let now = stamp(t_item);
                    if !replaces_fields(item) {
                        stamp_object(t_item, item, changed);
                        continue;
                    }
                    if item.get("based_on").and_then(Value::as_str) != Some(now.as_str()) {
                        set_member(item, "based_on", now);
                        *changed += 1;
                    }
                    stamp_object(t_item, item, changed);
                }
            }
            _ => {}
        }
    }
}

/// Sets `key` to the string `value`, right after the item's id when new.
fn set_member(item: &mut Value, key: &str, value: String) {
    let pos = item.pos;
    let source = item.source;
    let Kind::Object(members) = &mut item.kind else {
        return;
    };
    let v = Value {
        pos,
        source,
        kind: Kind::String(value),
    };
    if let Some(m) = members.iter_mut().find(|m| m.key == key) {
        m.value = v;
        return;
    }
    let at = members
        .iter()
        .position(|m| m.key == "id" || m.key == "service")
        .map_or(0, |i| i + 1);
    members.insert(
        at,
        Member {
            key: key.into(),
            key_pos: pos,
            value: v,
        },
    );
}

/// The split files the widget loads, from a whole document with inline
/// translations: `NAME.json` (meta, contacts and the parts list, texts inline),
/// `NAME.guide.json` and `NAME.handbook.json` in bokmål, and one translation
/// overlay per section and language that has any text in it, in the order of
/// `meta.languages`. Returns (file name, text) pairs, the index first.
pub fn publish_files(doc: &Value, name: &str) -> Vec<(String, String)> {
    use super::merge::section_keys;
    use super::types::Section;

    let doc = &without_ready(doc);
    let Kind::Object(members) = &doc.kind else {
        return Vec::new();
    };
    let sections = [(Section::Guide, "guide"), (Section::Handbook, "handbook")];
    let in_section = |s: Section, key: &str| section_keys(s).contains(&key);
    let langs: Vec<String> = doc
        .get("meta")
        .and_then(|m| m.get("languages"))
        .map(|l| match &l.kind {
            Kind::Array(items) => items
                .iter()
                .filter_map(|i| i.get("lang").and_then(Value::as_str))
                .filter(|l| *l != BASE_LANG)
                .map(str::to_string)
                .collect(),
            _ => Vec::new(),
        })
        .unwrap_or_default();

    let mut files = Vec::new();
    let mut parts = Vec::new();
    for (section, word) in sections {
        let body: Vec<Member> = members
            .iter()
            .filter(|m| in_section(section, &m.key))
            .cloned()
            .collect();
        if body.is_empty() {
            continue;
        }
        let file = format!("{name}.{word}.json");
        let base = object(
            body.iter()
                .map(|m| member(&m.key, bokmal(&m.value, Some(&m.key))))
                .collect(),
        );
        files.push((file.clone(), pretty(&base)));
        parts.push(object(vec![
            member("src", string(&file)),
            member("section", string(word)),
        ]));
        for lang in &langs {
            let translated: Vec<Member> = body
                .iter()
                .filter_map(|m| Some(member(&m.key, only_lang(&m.value, &m.key, lang)?)))
                .collect();
            if translated.is_empty() {
                continue;
            }
            let file = format!("{name}.{word}.{lang}.json");
            files.push((file.clone(), pretty(&object(translated))));
            parts.push(object(vec![
                member("src", string(&file)),
                member("section", string(word)),
                member("lang", string(lang)),
            ]));
        }
    }
    let mut index: Vec<Member> = members
        .iter()
        .filter(|m| {
            !sections.iter().any(|(s, _)| in_section(*s, &m.key))
                && !matches!(m.key.as_str(), "parts" | "$schema")
        })
        .cloned()
        .collect();
    if !parts.is_empty() {
        let at = index
            .iter()
            .position(|m| m.key == "meta")
            .map_or(index.len(), |i| i + 1);
        index.insert(at, member("parts", array(parts)));
    }
    files.insert(0, (format!("{name}.json"), pretty(&object(index))));
    files
}

fn value(kind: Kind) -> Value {
    Value {
        pos: json::Pos::default(),
        source: 0,
        kind,
    }
}

fn string(s: &str) -> Value {
    value(Kind::String(s.to_string()))
}

fn object(members: Vec<Member>) -> Value {
    value(Kind::Object(members))
}

fn array(items: Vec<Value>) -> Value {
    value(Kind::Array(items))
}

fn member(key: &str, v: Value) -> Member {
    Member {
        key: key.to_string(),
        key_pos: json::Pos::default(),
        value: v,
    }
}

/// `v` with every text reduced to its bokmål.
fn bokmal(v: &Value, field: Option<&str>) -> Value {
    let is_text = field.is_some_and(|f| TEXT_FIELDS.contains(&f));
    match &v.kind {
        Kind::Object(members) if is_text => members
            .iter()
            .find(|m| m.key == BASE_LANG)
            .map_or_else(|| v.clone(), |m| m.value.clone()),
        Kind::Object(members) => object(
            members
                .iter()
                .map(|m| member(&m.key, bokmal(&m.value, Some(&m.key))))
                .collect(),
        ),
        Kind::Array(items) => array(items.iter().map(|i| bokmal(i, None)).collect()),
        _ => v.clone(),
    }
}

/// Only the texts of `lang` in `v`, shaped as a translation overlay (items keep
/// their id; items without one keep their place as `{}`), or `None` if none.
fn only_lang(v: &Value, field: &str, lang: &str) -> Option<Value> {
    let is_text = TEXT_FIELDS.contains(&field);
    match &v.kind {
        Kind::Object(members) if is_text => members
            .iter()
            .find(|m| m.key == lang)
            .map(|m| m.value.clone()),
        Kind::Object(members) => {
            let inner: Vec<Member> = members
                .iter()
                .filter_map(|m| Some(member(&m.key, only_lang(&m.value, &m.key, lang)?)))
                .collect();
            if inner.is_empty() {
                return None;
            }
            let mut out: Vec<Member> = key_of(v)
                .map(|(k, id)| member(k, string(id)))
                .into_iter()
                .collect();
            out.extend(inner);
            Some(object(out))
        }
        Kind::Array(items) if items.iter().all(|i| matches!(i.kind, Kind::Object(_))) => {
            let keyed = all_keyed(items);
            let mut out: Vec<Value> = Vec::new();
            let mut pending = 0;
            for item in items {
                // An item is no text, whatever its list is called ("kommune" is both).
                match only_lang(item, "", lang) {
                    Some(t) => {
                        if !keyed {
                            out.extend(std::iter::repeat_n(object(Vec::new()), pending));
                            pending = 0;
                        }
                        out.push(t);
                    }
                    None => pending += 1,
                }
            }
            (!out.is_empty()).then(|| array(out))
        }
        _ => None,
    }
}

/// `v` without `"status": "klar"` (the same as no status) anywhere.
fn without_ready(v: &Value) -> Value {
    let mut v = v.clone();
    fn walk(v: &mut Value) {
        match &mut v.kind {
            Kind::Object(members) => {
                members.retain(|m| !(m.key == "status" && m.value.as_str() == Some("klar")));
                members.iter_mut().for_each(|m| walk(&mut m.value));
            }
            Kind::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    walk(&mut v);
    v
}
