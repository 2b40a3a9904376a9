//! Text shown in bokmål for want of a translation is marked as bokmål, and rich
//! text is parsed once per language, shared by every clone of the text.

use std::rc::Rc;

use bti_veileder::model::{rich, Text};

#[test]
fn only_untranslated_text_is_marked_as_bokmal() {
    let plain = Text::from("Hei");
    assert_eq!(
        plain.fallback_lang("nb"),
        None,
        "bokmål itself is never a fallback"
    );
    assert_eq!(plain.fallback_lang("so"), Some("nb"));
    let both: Text =
        bti_veileder::model::decode::from_str(r#"{"nb": "Hei", "en": "Hello"}"#).unwrap();
    assert_eq!(both.fallback_lang("en"), None);
    assert_eq!(both.fallback_lang("ar"), Some("nb"));
}

#[test]
fn rich_text_is_parsed_once_per_language_and_every_clone_shares_the_parse() {
    let text: Text =
        bti_veileder::model::decode::from_str(r#"{"nb": "**Hei**", "en": "*Hello*"}"#).unwrap();
    let nb = text.rich("nb");
    assert_eq!(*nb, rich::parse("**Hei**"));
    assert!(
        Rc::ptr_eq(&nb, &text.clone().rich("nb")),
        "a screen showing the text again gets the same parse, not a new one"
    );
    let en = text.rich("en");
    assert_eq!(*en, rich::parse("*Hello*"));
    assert!(
        !Rc::ptr_eq(&nb, &en),
        "a language switch gets the other language's parse"
    );
    assert!(
        Rc::ptr_eq(&text.rich("so"), &nb),
        "a language without a translation shows bokmål's parse"
    );
}

#[test]
fn a_text_keeps_its_languages_by_code_whatever_order_the_file_has() {
    let text: Text = bti_veileder::model::decode::from_str(
        r#"{"uk": "Привіт", "nb": "Hei", "en": "Hello", "ar": "مرحبا"}"#,
    )
    .unwrap();
    let Text::PerLang(map) = &text else {
        panic!("an object of languages is a per-language text: {text:?}");
    };
    let codes: Vec<&str> = map.keys().map(String::as_str).collect();
    assert_eq!(
        codes,
        ["ar", "en", "nb", "uk"],
        "sorted, as bti-check prints them"
    );
    assert_eq!(text.get("en"), "Hello");
    assert_eq!(
        text.get("so"),
        "Hei",
        "a missing language falls back to bokmål"
    );
    assert_eq!(
        format!("{map:?}"),
        r#"{"ar": "مرحبا", "en": "Hello", "nb": "Hei", "uk": "Привіт"}"#
    );
    assert_eq!(
        serde_json::to_string(&text).unwrap(),
        r#"{"ar":"مرحبا","en":"Hello","nb":"Hei","uk":"Привіт"}"#
    );
    let mut one = bti_veileder::model::LangMap::default();
    one.insert("nb".into(), "Hei".into());
    one.insert("en".into(), "Hello".into());
    one.insert("nb".into(), "Hallo".into());
    let pairs: Vec<(&str, &str)> = one.iter().map(|(l, s)| (l.as_str(), s.as_str())).collect();
    assert_eq!(
        pairs,
        [("en", "Hello"), ("nb", "Hallo")],
        "a second insert replaces"
    );
}
