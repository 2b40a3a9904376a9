//! Whole-content behaviour: round trip, never panicking, the committed schemas
//! and the example kommune's content.

use std::path::Path;

use bti_veileder::model::check;
use bti_veileder::model::{json, merge, rich, Content};
use proptest::prelude::*;

#[path = "support/example.rs"]
mod support;

const MINIMAL: &str = include_str!("fixtures/minimal.json");

#[test]
fn content_round_trips_through_json() {
    let content = check::load_str(MINIMAL).content.unwrap();
    let text = serde_json::to_string_pretty(&content).unwrap();
    let again: Content = bti_veileder::model::decode::from_str(&text).unwrap();
    assert_eq!(again, content);
    assert_eq!(check::load_str(&text).problems, vec![]);
}

#[test]
fn committed_schemas_are_generated_from_the_types() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (file, fresh, flag) in [
        (
            "content/schema.json",
            bti_veileder::model::schema::content_schema(),
            "--schema",
        ),
        (
            "content/part-schema.json",
            bti_veileder::model::schema::part_schema(),
            "--part-schema",
        ),
        (
            "content/overlay-schema.json",
            bti_veileder::model::schema::overlay_schema(),
            "--overlay-schema",
        ),
    ] {
        let committed = std::fs::read_to_string(root.join(file)).unwrap_or_default();
        assert!(
            committed == fresh,
            "{file} is stale. Regenerate it with: cargo run --bin bti-check -- {flag} > {file}"
        );
    }
}

/// Every field that holds a Text in the schema is in merge::TEXT_FIELDS, and nothing else is.
#[test]
fn merge_knows_every_text_field() {
    let schema: serde_json::Value =
        serde_json::from_str(&bti_veileder::model::schema::content_schema()).unwrap();
    let mut found = std::collections::BTreeSet::new();
    fn walk(v: &serde_json::Value, found: &mut std::collections::BTreeSet<String>) {
        if let Some(props) = v.get("properties").and_then(|p| p.as_object()) {
            for (k, p) in props {
                let p = p.to_string();
                if ["ShortText", "AnswerText", "RichText"]
                    .iter()
                    .any(|t| p.contains(&format!("#/definitions/{t}\"")))
                {
                    found.insert(k.clone());
                }
            }
        }
        match v {
            serde_json::Value::Object(m) => m.values().for_each(|x| walk(x, found)),
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, found)),
            _ => {}
        }
    }
    walk(&schema, &mut found);
    let listed: std::collections::BTreeSet<String> =
        merge::TEXT_FIELDS.iter().map(|s| s.to_string()).collect();
    assert_eq!(found, listed);
}

/// The example kommune's content, with its parts, has no errors.
#[test]
fn example_content_has_no_errors() {
    let name = support::EXAMPLE;
    let checked = support::load(name);
    let errors: Vec<_> = checked.problems.iter().filter(|p| p.is_error()).collect();
    assert!(
        errors.is_empty(),
        "{name} has errors (run bti-check on it): {errors:#?}"
    );
    assert!(checked.content.is_some());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_never_panics_the_parser_or_the_check(s in "\\PC{0,300}") {
        let _ = json::parse(&s);
        let _ = check::load_str(&s);
        let _ = rich::parse(&s);
        let _ = rich::plain(&s);
    }

    #[test]
    fn rich_text_from_markup_characters_never_panics(s in "[-*\\[\\]()\\\\a1. \n]{0,200}") {
        let _ = rich::parse(&s);
        let _ = rich::unsafe_links(&s);
    }

    #[test]
    fn mutated_content_never_panics_the_check(at in 0usize..MINIMAL.len(), len in 0usize..40, insert in "[\\[\\]{}\",:a-z0-9 ]{0,8}") {
        let mut bytes = MINIMAL.as_bytes().to_vec();
        let end = (at + len).min(bytes.len());
        bytes.splice(at..end, insert.bytes());
        let text = String::from_utf8_lossy(&bytes);
        let _ = check::load_str(&text);
    }
}

/// Editors read the schema's descriptions in their editor: every type and field
/// has one, in Norwegian.
#[test]
fn the_schema_describes_every_type_and_field_in_norwegian() {
    let schema: serde_json::Value =
        serde_json::from_str(&bti_veileder::model::schema::content_schema()).unwrap();
    let mut missing = Vec::new();
    let mut english = Vec::new();
    let defs = schema["definitions"].as_object().unwrap();
    for (name, def) in defs.iter().chain([(&"Content".to_string(), &schema)]) {
        let mut check = |what: String, v: &serde_json::Value| match v["description"].as_str() {
            None => missing.push(what),
            Some(d) => {
                let padded = format!(" {d} ");
                if [" the ", " of ", " is ", " and ", " or a "]
                    .iter()
                    .any(|w| padded.contains(w))
                {
                    english.push(format!("{what}: {d}"));
                }
            }
        };
        check(name.clone(), def);
        let variants = def["anyOf"].as_array().cloned().unwrap_or_default();
        for holder in std::iter::once(def).chain(variants.iter()) {
            if let Some(props) = holder["properties"].as_object() {
                for (field, p) in props {
                    check(format!("{name}.{field}"), p);
                }
            }
        }
    }
    assert_eq!(missing, Vec::<String>::new());
    assert_eq!(english, Vec::<String>::new());
}
