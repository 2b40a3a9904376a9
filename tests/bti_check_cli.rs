//! bti-check on files an editor gets wrong: the index's `parts` list is read
//! with the widget's own decoder, so a broken list is an error at its place.

use std::process::Command;

fn run(files: &[(&str, &str)]) -> (i32, String) {
    let dir = std::env::temp_dir().join(format!(
        "bti-cli-{}-{}",
        std::process::id(),
        files[0].0.len()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_bti-check"))
        .arg(dir.join(files[0].0))
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn a_broken_parts_list_is_an_error_at_its_place_not_silently_no_parts() {
    let index = r#"{
  "meta": {"kommune": "Testby", "version": "1", "updated": "2026-11-30", "editor": "BTI"},
  "parts": [{"src": "veileder.json", "section": "gide"}]
}"#;
    let (code, text) = run(&[("innhold.json", index)]);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("innhold.json:3:49: error: parts[0].section: Ukjent verdi «gide». Bruk en av disse: guide, handbook."),
        "{text}"
    );
}
