//! bti-check on files an editor gets wrong: the index's `parts` list is read
//! with the widget's own decoder, so a broken list is an error at its place.

#[path = "support/cli.rs"]
mod cli;

#[test]
fn a_broken_parts_list_is_an_error_at_its_place_not_silently_no_parts() {
    let index = r#"{
  "meta": {"kommune": "Testby", "version": "1", "updated": "2026-11-30", "editor": "BTI"},
  "parts": [{"src": "veileder.json", "section": "gide"}]
}"#;
    let (code, text) = cli::bti_check("parts", &[("innhold.json", index.as_bytes())]);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("innhold.json:3:49: error: parts[0].section: Ukjent verdi «gide». Bruk en av disse: guide, handbook."),
        "{text}"
    );
}
