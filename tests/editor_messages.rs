//! Messages an editor understands (issue 12, point 5), word for word.

#[path = "support/cli.rs"]
mod cli;

#[path = "support/fixture.rs"]
mod fixture;
use fixture::{errors, with, MINIMAL};

/// Runs bti-check on one file, `testby.json`, with these bytes.
fn check_bytes(name: &str, bytes: &[u8]) -> (i32, String) {
    cli::bti_check(name, &[("testby.json", bytes)])
}

#[test]
fn a_byte_order_mark_is_accepted_with_a_warning() {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(MINIMAL.as_bytes());
    let (code, out) = check_bytes("bom", &bytes);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out, "testby.json:1:1: warning: Filen starter med et BOM-tegn (U+FEFF). Nettlesere hopper over det, men mange andre JSON-lesere avviser filen. Lagre filen som UTF-8 uten BOM.\nbti-check: 0 feil, 1 advarsler i 1 fil(er)\n");
}

#[test]
fn invalid_utf8_is_reported_at_its_line_and_column() {
    // "Testkommune" with a Latin-1 "ø" (0xF8) after "Test": line 4, column 21.
    let text = MINIMAL.replacen("\"Testkommune\"", "\"Test\u{1}kommune\"", 1);
    let bytes: Vec<u8> = text
        .bytes()
        .map(|b| if b == 1 { 0xF8 } else { b })
        .collect();
    let (code, out) = check_bytes("utf8", &bytes);
    assert_eq!(code, 1, "{out}");
    assert_eq!(out, "testby.json:4:21: error: Filen er ikke gyldig UTF-8 her. Lagre den som UTF-8 (ikke Latin-1 eller Windows-1252), og rett tegnet på dette stedet.\nbti-check: 1 feil, 0 advarsler i 1 fil(er)\n");
}

use bti_veileder::model::check;

fn pair<'a>(path: &'a str, message: &'a str) -> (&'a str, &'a str) {
    (path, message)
}

#[test]
fn a_near_miss_of_an_allowed_field_asks_mente_du() {
    let text = with(&[(
        "\"description\": \"Skjema for samtykke.\"",
        "\"descripton\": \"Skjema for samtykke.\"",
    )]);
    let checked = check::load_str(&text);
    let e = errors(&checked);
    assert_eq!(e[0], pair("tools[samtykke].descripton", "Ukjent felt «descripton»: mente du «description»? Rett navnet. Tillatte felt her: id, title, description, document, documents, editor_note, status, valid_from. Elementet tools[samtykke] blir ikke vist før dette er rettet."));
}

#[test]
fn one_typo_in_an_item_gives_one_error_not_one_per_reference_to_it() {
    // The tool is left out; the step that uses it says nothing more.
    let text = with(&[(
        "\"description\": \"Skjema for samtykke.\"",
        "\"descripton\": \"Skjema for samtykke.\"",
    )]);
    let checked = check::load_str(&text);
    assert_eq!(errors(&checked).len(), 1, "{:#?}", checked.problems);
    let content = checked.content.unwrap();
    assert!(content.tools.is_empty());
    assert!(
        content.levels[0].steps[0].tools.is_empty(),
        "the dead link is left out quietly"
    );
    // A plain wrong reference is still an error.
    let text = with(&[("\"tools\": [\"samtykke\"]", "\"tools\": [\"samtykk\"]")]);
    assert_eq!(errors(&check::load_str(&text)), [pair("levels[niva-0].steps[undring].tools[0]", "Fant ingen verktøy med id «samtykk». Legg den til i «tools», eller rett id-en. Lenken blir ikke vist.")]);
}

#[test]
fn every_unknown_field_of_an_item_is_reported_in_one_run() {
    let text = with(&[(
        "{ \"id\": \"bti\", \"term\": \"BTI\",",
        "{ \"id\": \"bti\", \"farge\": \"rød\", \"term\": \"BTI\", \"bilde\": \"x.png\",",
    )]);
    assert_eq!(errors(&check::load_str(&text)), [
        pair("glossary[bti].farge", "Ukjent felt «farge». Rett navnet, eller fjern feltet hvis det ikke hører hjemme her. Tillatte felt her: id, term, definition, editor_note, status, valid_from."),
        pair("glossary[bti].bilde", "Ukjent felt «bilde». Rett navnet, eller fjern feltet hvis det ikke hører hjemme her. Tillatte felt her: id, term, definition, editor_note, status, valid_from. Elementet glossary[bti] blir ikke vist før dette er rettet."),
    ]);
}

#[test]
fn every_unknown_field_of_a_guide_node_is_reported_in_one_run() {
    let text = with(&[(
        "\"id\": \"ring-alarm\",",
        "\"id\": \"ring-alarm\", \"farge\": \"rød\", \"ikon\": \"telefon\",",
    )]);
    let checked = check::load_str(&text);
    let e = errors(&checked);
    assert_eq!(e[0], pair("guide.nodes[ring-alarm].farge", "Ukjent felt «farge». Rett navnet, eller fjern feltet hvis det ikke hører hjemme her. Tillatte felt her: id, title, not_sure_ok, topics, now, contacts, what_happens, talk, alternatives, editor_note, status, valid_from."));
    assert_eq!(e[1].0, "guide.nodes[ring-alarm].ikon");
}

#[test]
fn a_misplaced_step_is_recognised_and_reported_once() {
    let text = with(&[(
        "    { \"id\": \"niva-1\", \"number\": 1,",
        "    { \"id\": \"ekstra\", \"title\": \"Ekstra\", \"what\": \"W.\", \"how\": \"H.\", \"who\": \"W.\" },\n    { \"id\": \"niva-1\", \"number\": 1,",
    )]);
    let checked = check::load_str(&text);
    assert_eq!(errors(&checked), [pair("levels[ekstra]", "Dette ser ut som et steg. Steg hører hjemme i «steps» under et nivå. Flytt det dit. Elementet levels[ekstra] blir ikke vist før dette er rettet.")]);
    let p = checked
        .problems
        .iter()
        .find(|p| p.path == "levels[ekstra]")
        .unwrap();
    assert_eq!((p.line, p.column), (61, 5));
}
