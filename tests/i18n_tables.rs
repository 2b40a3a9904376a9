//! Every language file has every UI string: a missing key would show bokmål in
//! the middle of another language without anyone noticing.

use bti_veileder::i18n::{install, Lang, KEYS};

#[test]
fn every_language_file_has_every_key_and_nothing_else() {
    let mut report = Vec::new();
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::Nb) {
        let path = format!(
            "{}/src/i18n/{}.json",
            env!("CARGO_MANIFEST_DIR"),
            lang.code()
        );
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        match install(lang, &text) {
            Ok(odd) if odd.is_empty() => {}
            Ok(odd) => report.push(format!(
                "{path}: missing, empty or unknown keys: {}",
                odd.join(", ")
            )),
            Err(e) => report.push(format!("{path}: {e}")),
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
    assert!(KEYS.len() > 100, "the tables cover the whole UI");
}

#[test]
fn placeholders_match_bokmal_in_every_language() {
    let nb = Lang::Nb.strings();
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::Nb) {
        let path = format!(
            "{}/src/i18n/{}.json",
            env!("CARGO_MANIFEST_DIR"),
            lang.code()
        );
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let _ = install(lang, &text);
        for key in KEYS {
            let count = |s: &str| (0..4).filter(|n| s.contains(&format!("{{{n}}}"))).count();
            let (a, b) = (
                nb.get(key).unwrap_or_default(),
                lang.strings().get(key).unwrap_or_default(),
            );
            assert_eq!(
                count(a),
                count(b),
                "{}: {key} uses other placeholders than bokmål: {b:?}",
                lang.code()
            );
        }
    }
}
