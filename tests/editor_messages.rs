//! Messages an editor understands (issue 12, point 5), word for word.

use std::process::Command;

const MINIMAL: &str = include_str!("fixtures/minimal.json");

/// Runs bti-check on one file with these bytes; exit code and output.
fn check_bytes(name: &str, bytes: &[u8]) -> (i32, String) {
    let dir = std::env::temp_dir().join(format!("bti-msg-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("testby.json"), bytes).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_bti-check"))
        .current_dir(&dir)
        .arg("testby.json")
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
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
