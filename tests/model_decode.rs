//! The decoder (`model::decoder`): exact messages and places, its field lists
//! against the schema, and agreement with the serde decoder it replaced (kept in
//! `model_decode/legacy.rs` as the reference) and with serde_json.

#[path = "model_decode/legacy.rs"]
mod legacy;

use bti_veileder::model::decode::{decode, decode_value};
use bti_veileder::model::decoder::{Decode, Decoder, STRUCTS};
use bti_veileder::model::json::{self, Seg};
use bti_veileder::model::{Content, Level, Node, Part, Scope, Text};
use proptest::prelude::*;
use serde_json::Value as J;

const MINIMAL: &str = include_str!("fixtures/minimal.json");

/// Decodes `text` as a `T` on its own: the value, or the first problem as (path, message).
fn one<T: Decode>(text: &str) -> Result<T, (String, String)> {
    let tree = json::parse(text).unwrap();
    let mut d = Decoder::new();
    let out = d.run::<T>(&tree, &[]);
    match (out, d.problems().first()) {
        (Ok(v), None) => Ok(v),
        (_, Some(p)) => Err((p.path.clone(), p.message.clone())),
        (Err(_), None) => panic!("a failure without a problem"),
    }
}

fn err(path: &str, message: &str) -> (String, String) {
    (path.to_string(), message.to_string())
}

#[test]
fn unknown_field_in_an_array_item_is_named_with_the_allowed_fields() {
    let e = one::<Vec<Part>>(
        r#"[{"src": "a.json", "section": "guide"}, {"src": "b", "section": "guide", "x": 1}]"#,
    );
    assert_eq!(e.unwrap_err(), err("[1].x", "Ukjent felt «x». Fjern det eller rett navnet. Tillatte felt her: src, section, lang. Elementet [1] blir ikke vist før dette er rettet."));
}

#[test]
fn missing_field_is_reported_at_the_object_that_lacks_it() {
    let e = one::<Vec<Part>>(r#"[{"section": "guide"}]"#);
    assert_eq!(
        e.unwrap_err(),
        err(
            "[0]",
            "Feltet «src» mangler. Legg det til. Elementet [0] blir ikke vist før dette er rettet."
        )
    );
}

#[test]
fn wrong_type_is_reported_at_the_value() {
    let e = one::<Vec<Part>>(r#"[{"src": 3, "section": "guide"}]"#);
    assert_eq!(e.unwrap_err().1, "Feil type: her står et helt tall, men det skal være tekst. Rett verdien. Elementet [0] blir ikke vist før dette er rettet.");
    let e = one::<Vec<Part>>(r#"{"src": "a"}"#);
    assert_eq!(
        e.unwrap_err(),
        err(
            "",
            "Feil type: her står et objekt { … }, men det skal være en liste [ … ]. Rett verdien."
        )
    );
    let e = one::<Part>(r#"[]"#);
    assert_eq!(
        e.unwrap_err().1,
        "Feil type: her står en liste [ … ], men det skal være et objekt { … }. Rett verdien."
    );
}

#[test]
fn integers_out_of_range_or_with_decimals_are_refused() {
    let n = |text: &str| one::<u8>(text).map_err(|e| e.1);
    assert_eq!(n("7"), Ok(7));
    assert_eq!(
        n("300"),
        Err("Ugyldig verdi 300: det skal være et helt tall. Rett verdien.".into())
    );
    assert_eq!(
        n("-1"),
        Err("Ugyldig verdi -1: det skal være et helt tall. Rett verdien.".into())
    );
    let float = Err(
        "Feil type: her står et desimaltall, men det skal være et helt tall. Rett verdien."
            .to_string(),
    );
    for text in ["1.5", "-0", "2.5e3", "1e2", "18446744073709551616"] {
        assert_eq!(n(text), float, "{text}");
    }
    assert_eq!(one::<u32>("4294967295"), Ok(u32::MAX));
    assert_eq!(one::<Option<u32>>("null"), Ok(None));
}

#[test]
fn unit_enums_come_from_strings() {
    assert_eq!(one::<Scope>(r#""national""#), Ok(Scope::National));
    assert_eq!(
        one::<Scope>(r#""global""#).unwrap_err().1,
        "Ukjent verdi «global». Bruk en av disse: national, local."
    );
    assert_eq!(
        one::<Scope>("3").unwrap_err().1,
        "Feil type: her står et helt tall, men det skal være tekst. Rett verdien."
    );
}

#[test]
fn node_type_is_checked_first_and_reported_at_the_tag() {
    let e = one::<Vec<Node>>(r#"[{"id": 5, "type": "answer"}]"#);
    assert_eq!(e.unwrap_err(), err("[0].type", "Ukjent verdi «answer». Bruk en av disse: question, result. Elementet [0] blir ikke vist før dette er rettet."));
    let e = one::<Vec<Node>>(r#"[{"id": "a"}]"#);
    assert_eq!(e.unwrap_err(), err("[0]", "Feltet «type» mangler. Legg til \"type\": \"question\" eller \"type\": \"result\". Elementet [0] blir ikke vist før dette er rettet."));
    let nodes: Vec<Node> =
        one(r#"[{"type": "question", "id": "q", "title": {"nb": "Hvem?"}, "answers": []}]"#)
            .unwrap();
    assert_eq!(nodes[0].id(), "q");
}

#[test]
fn a_problem_inside_a_node_drops_the_whole_node_and_is_reported_there() {
    let text = r#"[{"type": "question", "id": "q", "title": "T", "answers": [{"id": "a", "label": 5, "next": "n"}]}]"#;
    assert_eq!(one::<Vec<Node>>(text).unwrap_err(), err("[0]", "Teksten må være en tekst i anførselstegn eller et objekt med språkkoder, f.eks. {\"nb\": \"…\", \"en\": \"…\"}. Rett verdien. Elementet [0] blir ikke vist før dette er rettet."));
    let text = r#"[{"type": "question", "id": "q", "title": "T", "answers": [{"id": "a", "label": "L", "next": "n", "title": 1}]}]"#;
    let tree = json::parse(text).unwrap();
    let mut d = Decoder::new();
    let nodes = d.run::<Vec<Node>>(&tree, &[]).unwrap();
    assert!(nodes.is_empty());
    let p = &d.problems()[0];
    assert_eq!(p.path, "[0].title");
    assert!(p.message.starts_with(
        "Ukjent felt «title». Fjern det eller rett navnet. Tillatte felt her: id, label, next."
    ));
    // Serde pointed at the node's own `title`, the only place it knew.
    assert_eq!((p.line, p.column), (1, 34));
}

#[test]
fn names_with_backticks_or_the_word_expected_are_quoted_whole() {
    // Serde's English message cut these names short; ours quotes them as written.
    assert_eq!(
        one::<Scope>(r#""a`b expected""#).unwrap_err().1,
        "Ukjent verdi «a`b expected». Bruk en av disse: national, local."
    );
    let e = one::<Vec<Part>>(r#"[{"src": "a", "section": "guide", "x`expected": 1}]"#).unwrap_err();
    assert_eq!(e.0, "[0].x`expected");
    assert!(e.1.starts_with("Ukjent felt «x`expected». Fjern det eller rett navnet. Tillatte felt her: src, section, lang."));
}

#[test]
fn text_of_the_wrong_type_is_reported_at_the_text() {
    let e = one::<Vec<Level>>(r#"[{"id": "l", "number": 0, "title": 5}]"#);
    assert_eq!(e.unwrap_err().0, "[0].title");
    assert_eq!(one::<Text>(r#"{"nb": "Hei"}"#).unwrap().get("nb"), "Hei");
    assert!(one::<Text>(r#"{"nb": null}"#).is_err());
}

#[test]
fn unknown_field_named_like_its_parent_points_at_the_inner_key() {
    let text = MINIMAL.replace(
        r#""href": "/dokumenter/samtykke.pdf" }"#,
        r#""href": "/dokumenter/samtykke.pdf", "document": 1 }"#,
    );
    let checked = bti_veileder::model::load_str(&text);
    let paths: Vec<&str> = checked.problems.iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"tools[0].document.document"), "{paths:?}");
}

#[test]
fn parts_list_problems_are_told_with_their_path() {
    let tree = json::parse(r#"[{"src": "a.json"}]"#).unwrap();
    let e = decode_value::<Vec<Part>>(&tree, &[Seg::Key("parts".into())]).unwrap_err();
    assert_eq!(e, "parts[0]: Feltet «section» mangler. Legg det til. Elementet parts[0] blir ikke vist før dette er rettet.");
}

/// The decoder's field lists are the schema's: same properties, same required ones.
#[test]
fn decoder_fields_match_the_schema() {
    let schema: J = serde_json::from_str(&bti_veileder::model::schema::content_schema()).unwrap();
    let defs = &schema["definitions"];
    let node_variant = |tag: &str| {
        let variants = defs["Node"]["oneOf"].as_array().unwrap();
        let v = variants
            .iter()
            .find(|v| v["properties"]["type"]["enum"][0] == tag)
            .unwrap()
            .clone();
        let mut v = v;
        v["properties"].as_object_mut().unwrap().remove("type");
        let required: Vec<J> = v["required"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| *r != "type")
            .cloned()
            .collect();
        v["required"] = J::Array(required);
        v
    };
    assert_eq!(
        STRUCTS.len(),
        defs.as_object()
            .unwrap()
            .values()
            .filter(|d| d.get("properties").is_some())
            .count()
            + 3
    );
    for (name, fields) in STRUCTS {
        let def = match *name {
            "Content" => schema.clone(),
            "Question" => node_variant("question"),
            "ResultNode" => node_variant("result"),
            _ => defs[*name].clone(),
        };
        let props: Vec<&str> = def["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("{name}"))
            .keys()
            .map(String::as_str)
            .collect();
        let mut ours: Vec<&str> = fields.names.to_vec();
        ours.sort_unstable();
        assert_eq!(ours, props, "properties of {name}");
        let mut required: Vec<&str> = def["required"]
            .as_array()
            .map(|r| r.iter().filter_map(J::as_str).collect())
            .unwrap_or_default();
        required.sort_unstable();
        let mut ours: Vec<&str> = fields
            .names
            .iter()
            .zip(fields.required)
            .filter(|(_, r)| **r)
            .map(|(n, _)| *n)
            .collect();
        ours.sort_unstable();
        assert_eq!(ours, required, "required fields of {name}");
    }
}

/// The defaults the decoder fills in are the ones the schema documents: each
/// struct with defaults, decoded from its required fields only.
#[test]
fn decoder_defaults_match_the_schema() {
    use bti_veileder::model::*;
    let schema: J = serde_json::from_str(&bti_veileder::model::schema::content_schema()).unwrap();
    let defs = &schema["definitions"];
    fn defaults<T: Decode + serde::Serialize>(props: &J, text: &str) -> usize {
        let value = serde_json::to_value(one::<T>(text).unwrap()).unwrap();
        let mut n = 0;
        for (key, prop) in props.as_object().unwrap() {
            if let Some(default) = prop.get("default") {
                assert_eq!(&value[key], default, "default of {key} in {text}");
                n += 1;
            }
        }
        n
    }
    let text = r#""T""#;
    let checked = defaults::<Content>(
        &schema["properties"],
        r#"{"meta": {"kommune": "K", "version": "1", "updated": "2026-01-01", "editor": "E"}}"#,
    ) + defaults::<Meta>(
        &defs["Meta"]["properties"],
        r#"{"kommune": "K", "version": "1", "updated": "2026-01-01", "editor": "E"}"#,
    ) + defaults::<Contact>(
        &defs["Contact"]["properties"],
        r#"{"id": "c", "name": "N"}"#,
    ) + defaults::<LanguageInfo>(
        &defs["LanguageInfo"]["properties"],
        r#"{"lang": "nb"}"#,
    ) + defaults::<Law>(
        &defs["Law"]["properties"],
        &format!(r#"{{"id": "l", "act": {text}, "title": {text}, "summary": {text}, "url": "u"}}"#),
    ) + defaults::<Guide>(
        &defs["Guide"]["properties"],
        r#"{"start": "s", "nodes": []}"#,
    ) + defaults::<Publication>(&defs["Publication"]["properties"], "{}")
        + defaults::<Service>(
            &defs["Service"]["properties"],
            r#"{"id": "s", "name": "N", "group": "basis", "description": "D"}"#,
        )
        + defaults::<ServiceNote>(
            &defs["ServiceNote"]["properties"],
            r#"{"service": "s", "text": "T"}"#,
        )
        + defaults::<Step>(
            &defs["Step"]["properties"],
            r#"{"id": "s", "title": "T", "what": "W", "how": "H", "who": "W"}"#,
        )
        + defaults::<ResultNode>(
            &defs["Node"]["oneOf"][1]["properties"],
            r#"{"id": "r", "title": "T", "now": "N", "contacts": [], "what_happens": "W"}"#,
        );
    assert_eq!(
        checked,
        schema.to_string().matches("\"default\":").count(),
        "a struct with defaults is not checked here"
    );
}

fn dropped_paths(value: &J, path: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>) {
    match value {
        J::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Seg::Index(i));
                out.push(path.clone());
                dropped_paths(item, path, out);
                path.pop();
            }
        }
        J::Object(map) => {
            for (k, v) in map {
                path.push(Seg::Key(k.clone()));
                dropped_paths(v, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

/// Tree shapes the serde decoder read in ways no editor means (nodes and
/// answers written as arrays, read by position; a node `type` of 0 or 1, read
/// as a variant number). The new decoder refuses them; they are left out of
/// the comparison.
fn serde_quirk(tree: &J) -> bool {
    let Some(nodes) = tree
        .get("guide")
        .and_then(|g| g.get("nodes"))
        .and_then(J::as_array)
    else {
        return false;
    };
    nodes.iter().any(|n| {
        n.is_array()
            || n.get("type").is_some_and(J::is_number)
            || n.get("answers")
                .and_then(J::as_array)
                .is_some_and(|a| a.iter().any(J::is_array))
    })
}

/// Decodes `text` with both decoders and compares everything they say.
fn agree(text: &str) -> Result<(), TestCaseError> {
    let tree = json::parse(text).unwrap();
    if serde_quirk(&tree.to_serde()) {
        return Ok(());
    }
    let new = decode(&tree);
    let old = legacy::decode::decode(&tree);
    prop_assert_eq!(&new.problems, &old.problems, "{}", text);
    prop_assert_eq!(&new.content, &old.content);
    if let Some(content) = &new.content {
        let mut paths = Vec::new();
        dropped_paths(
            &serde_json::to_value(content).unwrap(),
            &mut Vec::new(),
            &mut paths,
        );
        for p in paths {
            prop_assert_eq!(new.removals.to_original(&p), old.removals.to_original(&p));
        }
        // Without problems the content is exactly what strict serde_json reads.
        if new.problems.is_empty() {
            let strict: Content = serde_json::from_value(tree.to_serde()).unwrap();
            prop_assert_eq!(&strict, content);
        }
    }
    Ok(())
}

#[test]
fn minimal_fixture_agrees() {
    agree(MINIMAL).unwrap();
    assert!(decode(&json::parse(MINIMAL).unwrap()).problems.is_empty());
}

fn leaf() -> impl Strategy<Value = J> {
    prop_oneof![
        Just(J::Null),
        Just(J::Bool(true)),
        (0u64..4).prop_map(J::from),
        Just(J::from(300)),
        Just(J::from(-1)),
        Just(J::from(4_294_967_296u64)),
        Just(serde_json::from_str::<J>("-0").unwrap()),
        Just(J::from(1.5)),
        Just(serde_json::from_str::<J>("18446744073709551616").unwrap()),
        prop::sample::select(vec![
            "", "x", "nb", "question", "result", "national", "local", "guide", "basis", "arena"
        ])
        .prop_map(J::from),
        Just(J::Array(vec![])),
        Just(serde_json::json!(["a"])),
        Just(serde_json::json!({})),
        Just(serde_json::json!({"nb": "x", "en": "y"})),
        Just(serde_json::json!({"nb": 5})),
    ]
}

const KEYS: &[&str] = &[
    "type",
    "id",
    "x",
    "nb",
    "title",
    "meta",
    "guide",
    "nodes",
    "answers",
    "kommune",
    "label",
    "document",
    "href",
    "number",
    "steps",
    "scope",
    "languages",
    "format",
    "contacts",
    "$schema",
];

#[derive(Debug, Clone)]
enum Edit {
    Replace(usize, J),
    Insert(usize, usize, J),
    Remove(usize),
    Repeat(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), leaf()).prop_map(|(at, v)| Edit::Replace(at, v)),
        (any::<usize>(), 0..KEYS.len(), leaf()).prop_map(|(at, k, v)| Edit::Insert(at, k, v)),
        any::<usize>().prop_map(Edit::Remove),
        any::<usize>().prop_map(Edit::Repeat),
    ]
}

/// Every value in `v`, depth first, as a mutable reference count.
fn count(v: &J) -> usize {
    1 + match v {
        J::Array(a) => a.iter().map(count).sum(),
        J::Object(m) => m.values().map(count).sum(),
        _ => 0,
    }
}

/// The `n`-th value in `v`, depth first.
fn nth(v: &mut J, n: usize) -> Option<&mut J> {
    if n == 0 {
        return Some(v);
    }
    let mut n = n - 1;
    let children: Vec<&mut J> = match v {
        J::Array(a) => a.iter_mut().collect(),
        J::Object(m) => m.values_mut().collect(),
        _ => return None,
    };
    for c in children {
        let size = count(c);
        if n < size {
            return nth(c, n);
        }
        n -= size;
    }
    None
}

fn apply(doc: &mut J, e: &Edit) {
    let total = count(doc);
    match e {
        Edit::Replace(at, v) => {
            if let Some(t) = nth(doc, 1 + at % (total - 1).max(1)) {
                *t = v.clone();
            }
        }
        Edit::Insert(at, k, v) => {
            if let Some(J::Object(m)) = nth(doc, at % total) {
                m.insert(KEYS[*k].to_string(), v.clone());
            }
        }
        Edit::Remove(at) => match nth(doc, at % total) {
            Some(J::Object(m)) if !m.is_empty() => {
                let key = m.keys().nth(at % m.len()).cloned().unwrap_or_default();
                m.remove(&key);
            }
            Some(J::Array(a)) if !a.is_empty() => {
                a.remove(at % a.len());
            }
            _ => {}
        },
        Edit::Repeat(at) => {
            if let Some(J::Array(a)) = nth(doc, at % total) {
                if let Some(first) = a.first().cloned() {
                    a.push(first);
                }
            }
        }
    }
}

/// Random documents of the content's own words, any shape.
fn tree() -> impl Strategy<Value = J> {
    leaf().prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(J::Array),
            prop::collection::btree_map(prop::sample::select(KEYS), inner, 0..6)
                .prop_map(|m| J::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn edited_fixture_decodes_as_serde_did(edits in prop::collection::vec(edit(), 1..6)) {
        let mut doc: J = serde_json::from_str(MINIMAL).unwrap();
        for e in &edits {
            apply(&mut doc, e);
        }
        agree(&serde_json::to_string_pretty(&doc).unwrap())?;
    }

    #[test]
    fn random_trees_decode_as_serde_did(doc in tree()) {
        agree(&serde_json::to_string(&doc).unwrap())?;
    }

    #[test]
    fn problems_point_into_the_tree(doc in tree(), edits in prop::collection::vec(edit(), 0..4)) {
        let mut doc = doc;
        for e in &edits {
            apply(&mut doc, e);
        }
        let text = serde_json::to_string_pretty(&doc).unwrap();
        let tree = json::parse(&text).unwrap();
        let decoded = decode(&tree);
        for p in &decoded.problems {
            prop_assert!(p.line >= 1 && p.column >= 1, "{:?}", p);
        }
        let _ = one::<Text>(&text);
        let _ = one::<Vec<Node>>(&text);
    }
}
