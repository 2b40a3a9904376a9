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
    serde_json::to_value(schemars::schema_for!(Content)).unwrap_or(Value::Null)
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
