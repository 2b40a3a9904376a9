//! The national template and a kommune's overlay (`model::template`): add,
//! replace fields, remove, a stale stamp, an unknown id, and the example
//! kommune, which is itself an overlay whose published files are committed.

use std::path::Path;
use std::process::Command;

use bti_veileder::model::json::{self, Value};
use bti_veileder::model::template::{self, stamp};
use bti_veileder::model::{check, Problem, Severity};

const TEMPLATE: &str = r#"{
  "meta": {"kommune": "[PLASSHOLDER: kommunens navn]", "version": "2026.1", "updated": "2026-11-30", "editor": "BTI"},
  "contacts": [
    {"id": "alarmtelefonen", "name": "Alarmtelefonen", "phone": "116 111", "scope": "national"},
    {"id": "barnevern", "name": "Barneverntjenesten", "status": "utkast"}
  ],
  "levels": [
    {"id": "niva-1", "number": 1, "title": "Nivå 1", "purpose": "P.", "applies_when": "A.", "lead": "L.",
     "steps": [
       {"id": "n1-oppstart", "title": "Oppstart", "what": "W.", "how": "H.", "who": "W."},
       {"id": "n1-planlegging", "title": "Planlegging", "what": "W.", "how": "H.", "who": {"nb": "Stafettholderen", "nn": "Stafetthaldaren"}}
     ]}
  ]
}"#;

fn parse(text: &str, source: u16) -> Value {
    json::parse_source(text, source).unwrap()
}

fn apply(overlay: &str) -> (Value, Vec<Problem>) {
    template::apply(parse(TEMPLATE, 1), parse(overlay, 0))
}

fn steps(doc: &Value) -> Vec<String> {
    let level = &doc.get("levels").unwrap();
    let json::Kind::Array(levels) = &level.kind else {
        panic!()
    };
    let json::Kind::Array(steps) = &levels[0].get("steps").unwrap().kind else {
        panic!()
    };
    steps
        .iter()
        .map(|s| s.get("id").unwrap().as_str().unwrap().to_string())
        .collect()
}

fn step<'a>(doc: &'a Value, id: &str) -> &'a Value {
    let json::Kind::Array(levels) = &doc.get("levels").unwrap().kind else {
        panic!()
    };
    let json::Kind::Array(steps) = &levels[0].get("steps").unwrap().kind else {
        panic!()
    };
    steps
        .iter()
        .find(|s| s.get("id").unwrap().as_str() == Some(id))
        .unwrap()
}

/// The stamp of the template's step n1-planlegging as it stands.
fn planning_stamp() -> String {
    let t = parse(TEMPLATE, 1);
    stamp(step(&t, "n1-planlegging"))
}

#[test]
fn the_stamp_is_sha256_of_the_bokmal_base_in_canonical_json() {
    // Keys sorted, no whitespace, texts reduced to bokmål:
    // {"id":"s1","title":"Planlegging","who":"Stafettholderen"}; its SHA-256
    // (computed independently with Python's hashlib) starts e701637e.
    let item = parse(
        r#"{"who": {"nn": "Stafetthaldaren", "nb": "Stafettholderen"}, "title": "Planlegging", "id": "s1"}"#,
        0,
    );
    assert_eq!(stamp(&item), "e701637e");
    // The nynorsk text is a translation: changing it leaves the stamp alone.
    let translated = parse(
        r#"{"id": "s1", "title": "Planlegging", "who": {"nb": "Stafettholderen", "nn": "Anna"}}"#,
        0,
    );
    assert_eq!(stamp(&translated), "e701637e");
}

#[test]
fn an_overlay_adds_items_replaces_fields_and_removes_items_by_id() {
    let overlay = format!(
        r#"{{
  "extends": "../mal/bti-mal.json",
  "meta": {{"kommune": "Testby"}},
  "contacts": [
    {{"id": "barnevern", "based_on": "{}", "phone": "22 40 00 40", "status": "klar"}},
    {{"id": "alarmtelefonen", "remove": true}},
    {{"id": "servicetorget", "name": "Servicetorget", "phone": "12 34 56 78"}}
  ],
  "levels": [{{"id": "niva-1", "steps": [
    {{"id": "n1-planlegging", "based_on": "{}", "who": "Teamleder i barnehagen"}},
    {{"id": "n1-ekstra", "title": "Ekstra", "what": "W.", "how": "H.", "who": "W."}}
  ]}}]
}}"#,
        stamp(&parse(
            r#"{"id": "barnevern", "name": "Barneverntjenesten", "status": "utkast"}"#,
            0
        )),
        planning_stamp()
    );
    let (doc, problems) = apply(&overlay);
    assert_eq!(problems, vec![]);
    // Replaced: the field, and all of it (the template's nynorsk goes too).
    let who = step(&doc, "n1-planlegging").get("who").unwrap();
    assert_eq!(who.as_str(), Some("Teamleder i barnehagen"));
    assert_eq!(
        step(&doc, "n1-planlegging").get("title").unwrap().as_str(),
        Some("Planlegging")
    );
    // Added at the end, in order; nothing of the merge's own fields is left.
    assert_eq!(steps(&doc), ["n1-oppstart", "n1-planlegging", "n1-ekstra"]);
    let text = template::pretty(&doc);
    assert!(
        !text.contains("based_on") && !text.contains("remove"),
        "{text}"
    );
    // Meta merges field by field.
    let meta = doc.get("meta").unwrap();
    assert_eq!(meta.get("kommune").unwrap().as_str(), Some("Testby"));
    assert_eq!(meta.get("version").unwrap().as_str(), Some("2026.1"));
    // The merged document is content the checker reads: the removed contact
    // is gone, the replaced one has its phone and is no longer a draft.
    let checked = check::load_tree(&doc);
    let content = checked.content.unwrap();
    let ids: Vec<&str> = content.contacts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["barnevern", "servicetorget"]);
    assert_eq!(content.contacts[0].phone.as_deref(), Some("22 40 00 40"));
    assert_eq!(
        content.contacts[0].status,
        Some(bti_veileder::model::Status::Klar)
    );
}

#[test]
fn a_changed_template_item_is_a_warning_at_the_override() {
    let overlay = r#"{
  "extends": "../mal/bti-mal.json",
  "levels": [{"id": "niva-1", "steps": [
    {"id": "n1-planlegging", "based_on": "0123abcd", "who": "Teamleder"}
  ]}]
}"#;
    let (_, problems) = apply(overlay);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    let p = &problems[0];
    assert_eq!(p.severity, Severity::Warning);
    assert_eq!(p.path, "levels[niva-1].steps[n1-planlegging].based_on");
    assert_eq!((p.source, p.line, p.column), (0, 4, 42));
    assert_eq!(p.message, "Malen har endret steg «n1-planlegging» siden dere tilpasset det. Sammenlign med malen, og kjør bti-check --stamp når dere har tatt stilling til endringen.");
}

#[test]
fn an_override_of_an_id_the_template_lacks_is_an_error_at_its_place() {
    let overlay = r#"{
  "extends": "../mal/bti-mal.json",
  "levels": [{"id": "niva-1", "steps": [
    {"id": "n1-planleging", "based_on": "0123abcd", "who": "Teamleder"}
  ]}]
}"#;
    let (doc, problems) = apply(overlay);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    let p = &problems[0];
    assert_eq!(p.severity, Severity::Error);
    assert_eq!(p.path, "levels[niva-1].steps[n1-planleging]");
    assert_eq!((p.source, p.line, p.column), (0, 4, 5));
    assert_eq!(p.message, "Malen har ikke steg «n1-planleging». Rett id-en, eller fjern elementet (fjern bare «based_on» hvis dere vil legge det til som nytt).");
    // Nothing was added in its place.
    assert_eq!(steps(&doc), ["n1-oppstart", "n1-planlegging"]);
    // Removing an id the template lacks is the same error.
    let (_, problems) =
        apply(r#"{"extends": "x", "contacts": [{"id": "politi", "remove": true}]}"#);
    assert_eq!(problems[0].message, "Malen har ikke kontakt «politi». Rett id-en, eller fjern elementet (fjern bare «based_on» hvis dere vil legge det til som nytt).");
}

#[test]
fn an_override_without_a_stamp_and_an_old_template_version_are_warnings() {
    let overlay = r#"{
  "extends": "../mal/bti-mal.json",
  "template_version": "2025.2",
  "contacts": [{"id": "barnevern", "phone": "22 40 00 40"}]
}"#;
    let (_, problems) = apply(overlay);
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(messages, [
        "Innholdet er tilpasset malversjon «2025.2», men malen er nå «2026.1». Se over varslene om endrede elementer, og skriv \"template_version\": \"2026.1\" når dere er ferdige.",
        "Tilpasningen av kontakt «barnevern» mangler «based_on», så ingen får vite når malen endrer den. Kjør bti-check --stamp.",
    ]);
}

#[test]
fn stamping_fills_in_based_on_for_every_override_and_only_those() {
    let mut overlay = parse(
        r#"{"levels": [{"id": "niva-1", "steps": [
  {"id": "n1-planlegging", "who": "Teamleder"},
  {"id": "n1-ny", "title": "Ny"}
]}]}"#,
        0,
    );
    let t = parse(TEMPLATE, 1);
    // niva-1 only holds the step's override: the step alone is stamped.
    assert_eq!(template::stamp_overlay(&t, &mut overlay), 1);
    let text = template::pretty(&overlay);
    assert!(
        text.contains(&format!(
            "\"id\": \"n1-planlegging\",\n          \"based_on\": \"{}\"",
            planning_stamp()
        )),
        "{text}"
    );
    assert!(
        !text.contains("\"id\": \"n1-ny\",\n          \"based_on\""),
        "{text}"
    );
    // A second run has nothing to do.
    assert_eq!(template::stamp_overlay(&t, &mut overlay), 0);
}

fn bti_check(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_bti-check"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn the_committed_example_is_a_fresh_publish_of_its_overlay() {
    let dir = std::env::temp_dir().join(format!("bti-publish-{}", std::process::id()));
    let out = dir.to_str().unwrap();
    let (code, text) = bti_check(&[
        "--publish",
        "--preview",
        "--out",
        out,
        "content/eksempel-kommune/eksempel-kommune.json",
    ]);
    assert_eq!(code, 0, "{text}");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names.len(), 10, "{names:?}");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    for name in &names {
        let fresh = std::fs::read_to_string(dir.join(name)).unwrap();
        let committed = std::fs::read_to_string(content.join(name)).unwrap_or_default();
        assert!(
            fresh == committed,
            "content/{name} is not what the overlay publishes. Run: cargo run --bin bti-check -- --publish --preview --out content content/eksempel-kommune/eksempel-kommune.json"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_example_overlay_and_the_template_check_without_errors_and_stamps_are_current() {
    for file in [
        "content/eksempel-kommune/eksempel-kommune.json",
        "content/mal/bti-mal.json",
    ] {
        let (code, text) = bti_check(&[file]);
        assert_eq!(code, 0, "{text}");
        assert!(text.contains(" 0 feil,"), "{text}");
        assert!(!text.contains("Malen har endret"), "{text}");
        assert!(!text.contains("mangler «based_on»"), "{text}");
    }
}

#[test]
fn the_template_is_marked_where_a_kommune_must_fill_in_and_cannot_be_published() {
    let (code, text) = bti_check(&[
        "--publish",
        "--out",
        "/nonexistent/bti",
        "content/mal/bti-mal.json",
    ]);
    assert_eq!(code, 1, "{text}");
    for group in ["\nUtkast (11):", "\nPlassholdere ("] {
        assert!(text.contains(group), "{group} in {text}");
    }
    assert!(text.contains("content/mal/bti-mal.json:"), "{text}");
    assert!(text.ends_with("Ingen filer er skrevet.\n"), "{text}");
}

#[test]
fn publishing_keeps_the_translations_of_items_in_a_list_named_like_a_text_field() {
    // "kommune" is both meta.kommune (a text) and publication.kommune (a list of pages).
    let doc = parse(
        r#"{"meta": {"kommune": {"nb": "Testby", "nn": "Testby"}, "version": "1", "updated": "2026-11-30", "editor": "BTI",
  "languages": [{"lang": "nb", "reviewed": true}, {"lang": "nn", "reviewed": true}]},
  "publication": {"kommune": [{"id": "planer", "title": {"nb": "Planer", "nn": "Planar"}, "body": "Vi har planer."}]}}"#,
        0,
    );
    let files = template::publish_files(&doc, "testby");
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "testby.json",
            "testby.handbook.json",
            "testby.handbook.nn.json"
        ]
    );
    assert!(
        files[2].1.contains("\"kommune\": [\n      {\n        \"id\": \"planer\",\n        \"title\": \"Planar\"\n      }\n    ]"),
        "{}",
        files[2].1
    );
    assert!(
        files[1].1.contains("\"title\": \"Planer\""),
        "{}",
        files[1].1
    );
}
