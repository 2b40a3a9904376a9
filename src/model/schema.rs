//! The JSON Schemas editors use for completion and checking, generated from the
//! types (never written by hand). Native only: the wasm does not carry schemars.

use serde_json::Value;

use super::merge::section_keys;
use super::types::{Content, Section};

/// The schema of a whole content file (or an index file), as committed in `content/schema.json`.
pub fn content_schema() -> String {
    to_text(content_value())
}

/// The schema of a part file, as committed in `content/part-schema.json`: only the
/// sections' keys at the top, and nothing required anywhere, because a translation
/// overlay holds only the texts of one language.
pub fn part_schema() -> String {
    let mut schema = content_value();
    drop_required(&mut schema);
    if let Some(obj) = schema.as_object_mut() {
        obj.insert("title".into(), "BTI content part".into());
        obj.insert(
            "description".into(),
            "One part of a split publication: a section (guide or handbook) in full, or a translation overlay with one language's texts.".into(),
        );
        if let Some(Value::Object(props)) = obj.get_mut("properties") {
            let keep: Vec<&str> = [Section::Guide, Section::Handbook]
                .iter()
                .flat_map(|s| section_keys(*s).iter().copied())
                .chain(["$schema"])
                .collect();
            props.retain(|k, _| keep.contains(&k.as_str()));
        }
    }
    to_text(schema)
}

/// The schema of a kommune's overlay of the template, as committed in
/// `content/overlay-schema.json`: every field optional except `id`, plus
/// `extends`, `template_version`, and `based_on` and `remove` on every item.
pub fn overlay_schema() -> String {
    let mut schema = content_value();
    drop_required(&mut schema);
    mark_items(&mut schema);
    if let Some(obj) = schema.as_object_mut() {
        obj.insert("title".into(), "BTI-tilpasning av malen".into());
        obj.insert(
            "description".into(),
            "En kommunes endringer av den nasjonale malen, element for element (etter id): legg til, bytt ut felt, eller fjern med \"remove\": true.".into(),
        );
        if let Some(Value::Object(props)) = obj.get_mut("properties") {
            props.insert(
                "extends".into(),
                serde_json::json!({
                    "description": "Stien til malens indeksfil, relativ til denne filen, f.eks. \"../mal/bti-mal.json\".",
                    "type": "string",
                    "minLength": 1
                }),
            );
            props.insert(
                "template_version".into(),
                serde_json::json!({
                    "description": "Malversjonen (malens meta.version) tilpasningen er skrevet mot.",
                    "type": "string"
                }),
            );
        }
    }
    to_text(schema)
}

/// Adds `based_on` and `remove` to every object schema with an `id`, and requires the id.
fn mark_items(v: &mut Value) {
    match v {
        Value::Object(map) => {
            let has_id = map
                .get("properties")
                .and_then(Value::as_object)
                .is_some_and(|p| p.contains_key("id"));
            if has_id {
                map.insert("required".into(), serde_json::json!(["id"]));
                if let Some(Value::Object(props)) = map.get_mut("properties") {
                    props.insert(
                        "based_on".into(),
                        serde_json::json!({
                            "description": "Malelementet denne tilpasningen bygger på: de 8 første heks-sifrene av SHA-256. Fylles inn av bti-check --stamp.",
                            "type": "string",
                            "pattern": "^[0-9a-f]{8}$"
                        }),
                    );
                    props.insert(
                        "remove".into(),
                        serde_json::json!({
                            "description": "true fjerner malelementet med denne id-en.",
                            "type": "boolean"
                        }),
                    );
                }
            }
            map.values_mut().for_each(mark_items);
        }
        Value::Array(items) => items.iter_mut().for_each(mark_items),
        _ => {}
    }
}

fn content_value() -> Value {
    let mut schema = serde_json::to_value(schemars::schema_for!(Content)).unwrap_or(Value::Null);
    tighten(&mut schema);
    schema
}

/// Ids: what `check` accepts (a–z, 0–9, - and _).
pub const ID: &str = "^[a-z0-9_-]+$";
/// `YYYY-MM-DD` from 1900 (that the day exists in its month is checked by bti-check only).
pub const DATE: &str = "^(19|[2-9][0-9])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
/// [`links::tel_href`](super::links::tel_href): spaces anywhere, optional +47 before 8 digits.
const PHONE_BODY: &str = "(?:(?:\\+[ \\u00a0]*4[ \\u00a0]*7[ \\u00a0]*)?[2-9](?:[ \\u00a0]*[0-9]){7}|1[ \\u00a0]*1[ \\u00a0]*[023]|1(?:[ \\u00a0]*[0-9]){3}|0(?:[ \\u00a0]*[0-9]){4}|1[ \\u00a0]*1[ \\u00a0]*6(?:[ \\u00a0]*[0-9]){3})";
/// Characters no link may hold anywhere (see [`links::safe_href`](super::links::safe_href)).
const LINK_GUARD: &str =
    "^(?!.*[\\s\\u0000-\\u001f\\u007f\\\\\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\ufeff])";
const HTTPS: &str = "[hH][tT][tT][pP][sS]://[^/]";
const HTTP: &str = "[hH][tT][tT][pP]://[^/]";
/// An e-mail address as [`links::is_email`](super::links::is_email) takes it.
const EMAIL: &str = "^[^@\\s\\u0000-\\u001f\\u007f<>\"(),;:\\\\\\[\\]]+@[^@.\\s\\u0000-\\u001f\\u007f<>\"(),;:\\\\\\[\\]][^@\\s\\u0000-\\u001f\\u007f<>\"(),;:\\\\\\[\\]]*\\.[^@\\s\\u0000-\\u001f\\u007f<>\"(),;:\\\\\\[\\]]*[^@.\\s\\u0000-\\u001f\\u007f<>\"(),;:\\\\\\[\\]]$";
/// Longest short text (titles, names), answer label and rich text, as `check` has them.
use super::check::{ANSWER_MAX, RICH_MAX, SHORT_MAX};

fn phone() -> String {
    format!("^[ \\u00a0]*{PHONE_BODY}[ \\u00a0]*$")
}

/// Any link `safe_href` lets through: https:, http:, tel:, mailto: or relative.
fn safe_link() -> String {
    format!("{LINK_GUARD}(?:{HTTPS}|{HTTP}|[tT][eE][lL]:[ \\u00a0]*{PHONE_BODY}[ \\u00a0]*$|[mM][aA][iI][lL][tT][oO]:[^@]*@|(?![^:/?#]*:)(?!//).)")
}

/// Makes the generated schema say what the checker says wherever a schema can:
/// closed objects (guide nodes too), texts with non-empty bokmål and length
/// limits, patterns for ids, references, dates, phone numbers, e-mail addresses
/// and links, ranges and minimum list lengths. `format`s go (validators ignore them).
fn tighten(schema: &mut Value) {
    drop_formats(schema);
    let text = |max: usize, what: &str| {
        serde_json::json!({
            "description": format!("{what} Enten en tekst på bokmål, eller ett felt per språkkode der «nb» (bokmål) må være med, f.eks. {{\"nb\": \"…\", \"en\": \"…\"}}. Høyst {max} tegn per språk."),
            "anyOf": [
                {"type": "string", "minLength": 1, "maxLength": max},
                {
                    "type": "object",
                    "required": ["nb"],
                    "properties": {"nb": {"type": "string", "minLength": 1, "maxLength": max}},
                    "additionalProperties": {"type": "string", "maxLength": max}
                }
            ]
        })
    };
    let Some(defs) = schema.get_mut("definitions").and_then(Value::as_object_mut) else {
        return;
    };
    defs.remove("Text");
    defs.insert(
        "ShortText".into(),
        text(SHORT_MAX, "En kort tekst (tittel, navn)."),
    );
    defs.insert(
        "AnswerText".into(),
        text(ANSWER_MAX, "Et svaralternativ i veilederen."),
    );
    defs.insert(
        "RichText".into(),
        text(
            RICH_MAX,
            "En rik tekst: avsnitt, lister, uthevinger og lenker.",
        ),
    );
    if let Some(Value::Array(variants)) = defs
        .get_mut("Node")
        .and_then(|n| n.as_object_mut())
        .and_then(|n| n.remove("oneOf"))
    {
        let mut variants = variants;
        for v in &mut variants {
            if let Some(obj) = v.as_object_mut() {
                obj.insert("additionalProperties".into(), false.into());
            }
        }
        if let Some(node) = defs.get_mut("Node").and_then(Value::as_object_mut) {
            // anyOf, not oneOf: a translation's node has no "type" and fits both.
            node.insert("anyOf".into(), Value::Array(variants));
        }
    }
    for (name, def) in defs.iter_mut() {
        if name == "Node" {
            if let Some(Value::Array(variants)) = def.get_mut("anyOf") {
                for v in variants {
                    let kind = if v.pointer("/properties/answers").is_some() {
                        "Question"
                    } else {
                        "ResultNode"
                    };
                    fields(kind, v);
                }
            }
        } else {
            fields(name, def);
        }
    }
    fields("Content", schema);
}

fn drop_formats(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if map.get("format").is_some_and(Value::is_string) {
                map.remove("format");
            }
            map.values_mut().for_each(drop_formats);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_formats),
        _ => {}
    }
}

/// The rules of the fields of one kind of object (`kind` is the Rust type's name).
fn fields(kind: &str, def: &mut Value) {
    let Some(props) = def.get_mut("properties").and_then(Value::as_object_mut) else {
        return;
    };
    for (field, prop) in props.iter_mut() {
        retext(kind, field, prop);
        let set = |prop: &mut Value, key: &str, value: Value| {
            if let Some(obj) = prop.as_object_mut() {
                obj.insert(key.into(), value);
            }
        };
        let items = |prop: &mut Value, key: &str, value: Value| {
            if let Some(obj) = prop.get_mut("items").and_then(Value::as_object_mut) {
                obj.insert(key.into(), value);
            }
        };
        match (kind, field.as_str()) {
            (_, "id") => set(prop, "pattern", ID.into()),
            ("Step", "tools" | "laws" | "roles")
            | ("ServiceNote" | "Service" | "ResultNode", "contacts")
            | ("Guide", "emergency_contacts") => items(prop, "pattern", ID.into()),
            ("ServiceNote", "service")
            | ("Decision", "to_level")
            | ("Guide", "start")
            | ("Answer", "next") => set(prop, "pattern", ID.into()),
            ("Meta", "updated") | ("Law" | "Source", "last_checked") | (_, "valid_from") => {
                set(prop, "pattern", DATE.into())
            }
            ("Step", "sources") => items(prop, "pattern", ID.into()),
            ("Address", "postal_code") => set(prop, "pattern", "^[0-9]{4}$".into()),
            ("Address", "city") => set(prop, "pattern", "\\S".into()),
            ("Opening", "opens" | "closes") => set(
                prop,
                "pattern",
                "^(?:[01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$".into(),
            ),
            ("Opening", "days") => set(prop, "minItems", 1.into()),
            ("Link", "lang") => set(prop, "pattern", "^[a-z]{1,3}$".into()),
            ("Source", "url") => set(
                prop,
                "pattern",
                format!("{LINK_GUARD}(?:{HTTPS}|{HTTP})").into(),
            ),
            ("Meta", "version") => set(prop, "pattern", "\\S".into()),
            ("Meta", "exit_url") => set(prop, "pattern", format!("{LINK_GUARD}{HTTPS}").into()),
            ("LanguageInfo", "lang") => set(prop, "pattern", "^[a-z]{1,3}$".into()),
            ("Contact", "phone") => set(prop, "pattern", phone().into()),
            ("Contact", "email") => set(prop, "pattern", EMAIL.into()),
            ("Contact", "url") | ("Link", "href") => set(prop, "pattern", safe_link().into()),
            ("Law", "url") => set(
                prop,
                "pattern",
                format!("{LINK_GUARD}(?:{HTTPS}|{HTTP})").into(),
            ),
            ("Level", "number") => {
                set(prop, "minimum", 0.into());
                set(prop, "maximum", 3.into());
            }
            ("Content", "format") => set(prop, "enum", serde_json::json!([1])),
            ("Content", "levels") => set(
                prop,
                "anyOf",
                serde_json::json!([{"maxItems": 0}, {"minItems": 4, "maxItems": 4}]),
            ),
            ("Level", "steps") | ("Question", "answers") | ("ResultNode", "topics") => {
                set(prop, "minItems", 1.into())
            }
            _ => {}
        }
        if (kind, field.as_str()) == ("ResultNode", "contacts") {
            set(prop, "minItems", 1.into());
        }
    }
}

/// Points a text field at the short, answer or rich text it is.
fn retext(kind: &str, field: &str, prop: &mut Value) {
    let target = match (kind, field) {
        ("Answer", "label") => "#/definitions/AnswerText",
        (
            _,
            "title" | "name" | "kommune" | "editor" | "hours" | "deadline" | "act" | "term"
            | "label" | "publisher",
        ) => "#/definitions/ShortText",
        _ => "#/definitions/RichText",
    };
    match prop {
        Value::Object(map) => {
            if map.get("$ref").and_then(Value::as_str) == Some("#/definitions/Text") {
                map.insert("$ref".into(), target.into());
            }
            map.values_mut().for_each(|v| retext(kind, field, v));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| retext(kind, field, v)),
        _ => {}
    }
}

fn drop_required(v: &mut Value) {
    match v {
        Value::Object(map) => {
            map.remove("required");
            map.values_mut().for_each(drop_required);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_required),
        _ => {}
    }
}

fn to_text(v: Value) -> String {
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}
