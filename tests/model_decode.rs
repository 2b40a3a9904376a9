//! The decoder (`model::decoder`): exact messages and places, golden files of
//! what it makes of the minimal fixture and of a corpus of single faults, and
//! properties over random documents (never a panic, places inside the file,
//! a clean decode reads back the same).

use bti_veileder::model::decode::{decode, decode_value};
use bti_veileder::model::decoder::{Decode, Decoder};
use bti_veileder::model::json::{self, Seg};
use bti_veileder::model::{Level, Node, Part, Scope, Text};
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
    assert_eq!(e.unwrap_err(), err("[1].x", "Ukjent felt «x». Rett navnet, eller fjern feltet hvis det ikke hører hjemme her. Tillatte felt her: src, section, lang. Elementet [1] blir ikke vist før dette er rettet."));
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
        Err("Ugyldig verdi 300: her må det stå et helt tall fra 0 til 255. Rett verdien.".into())
    );
    assert_eq!(
        n("-1"),
        Err("Ugyldig verdi -1: her må det stå et helt tall fra 0 til 255. Rett verdien.".into())
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
        "Ukjent felt «title». Rett navnet, eller fjern feltet hvis det ikke hører hjemme her. Tillatte felt her: id, label, next, editor_note, status, valid_from."
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
    assert!(e.1.starts_with("Ukjent felt «x`expected». Rett navnet, eller fjern feltet hvis det ikke hører hjemme her. Tillatte felt her: src, section, lang."));
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
    assert!(
        paths.contains(&"tools[samtykke].document.document"),
        "{paths:?}"
    );
}

#[test]
fn parts_list_problems_are_told_with_their_path() {
    let tree = json::parse(r#"[{"src": "a.json"}]"#).unwrap();
    let e = decode_value::<Vec<Part>>(&tree, &[Seg::Key("parts".into())]).unwrap_err();
    assert_eq!(e, "parts[0]: Feltet «section» mangler. Legg det til. Elementet parts[0] blir ikke vist før dette er rettet.");
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
    fn what_decodes_cleanly_reads_back_the_same(edits in prop::collection::vec(edit(), 1..6)) {
        let mut doc: J = serde_json::from_str(MINIMAL).unwrap();
        for e in &edits {
            apply(&mut doc, e);
        }
        let decoded = decode(&json::parse(&serde_json::to_string_pretty(&doc).unwrap()).unwrap());
        if let (Some(content), true) = (&decoded.content, decoded.problems.is_empty()) {
            let again = decode(&json::parse(&serde_json::to_string(content).unwrap()).unwrap());
            prop_assert_eq!(&again.problems, &vec![]);
            prop_assert_eq!(again.content.as_ref(), Some(content));
        }
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

/// Compares `actual` with the committed golden file; `BLESS=1 cargo test` rewrites it.
fn golden(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expected == actual,
        "tests/golden/{name} differs from what the decoder gives now (if the change is meant, run BLESS=1 cargo test --test model_decode and review the diff):\n{actual}"
    );
}

/// What the decoder makes of the minimal fixture, every default filled in.
#[test]
fn golden_decoded_minimal_fixture() {
    let decoded = decode(&json::parse(MINIMAL).unwrap());
    assert_eq!(decoded.problems, vec![]);
    let text = serde_json::to_string_pretty(&decoded.content.unwrap()).unwrap() + "\n";
    golden("minimal.decoded.json", &text);
}

/// One fault per line of the corpus, each put into the minimal fixture: every
/// message the decoder gives for it, with its place.
#[test]
fn golden_messages_for_single_faults() {
    let faults: &[(&str, &str)] = &[
        ("\"format\": 1,", "\"format\": \"1\","),
        ("\"format\": 1,", "\"format\": 1.5,"),
        ("\"format\": 1,", "\"format\": -1,"),
        ("\"format\": 1,", "\"fromat\": 1,"),
        ("\"kommune\": \"Testkommune\"", "\"kommune\": 7"),
        (
            "\"kommune\": \"Testkommune\"",
            "\"kommune\": {\"en\": \"Testby\"}",
        ),
        ("\"updated\": \"2026-03-01\",", ""),
        ("\"scope\": \"national\"", "\"scope\": \"nasjonal\""),
        ("\"type\": \"question\"", "\"type\": \"spørsmål\""),
        ("\"type\": \"question\",", ""),
        ("\"topics\": [\"usikker\"]", "\"topics\": \"usikker\""),
        ("\"topics\": [\"usikker\"]", "\"topics\": [\"krig\"]"),
        ("\"next\": \"ring-alarm\"", "\"next\": 3"),
        ("\"number\": 0,", "\"number\": 256,"),
        ("\"group\": \"basis\",", "\"group\": \"skole\","),
        (
            "\"topics\": [\"usikker\"],",
            "\"topics\": [\"usikker\"], \"not_sure_ok\": \"ja\",",
        ),
    ];
    let mut out = String::new();
    for (from, to) in faults {
        assert!(MINIMAL.contains(from), "the fixture has {from}");
        let text = MINIMAL.replacen(from, to, 1);
        out.push_str(&format!("## {from} → {to}\n"));
        let tree = json::parse(&text).unwrap();
        for p in decode(&tree).problems {
            out.push_str(&format!(
                "{}:{} {}: {}\n",
                p.line, p.column, p.path, p.message
            ));
        }
    }
    golden("messages.txt", &out);
}
