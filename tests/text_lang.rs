//! Text shown in bokmål for want of a translation is marked as bokmål.

use bti_veileder::model::Text;

#[test]
fn only_untranslated_text_is_marked_as_bokmal() {
    let plain = Text::Plain("Hei".into());
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
