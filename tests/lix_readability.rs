//! Readability (LIX) as issue 12 defines it: worked examples pinned, the
//! checker's warnings above 35 (citizen texts) and 45 (handbook), and
//! `bti-check --lix`, worst first.

use std::process::Command;

use bti_veileder::model::check::{self, LIX_CITIZEN, LIX_HANDBOOK};
use bti_veileder::model::lix::{counts, score, Counts};
use bti_veileder::model::Severity;

fn lix(text: &str) -> String {
    format!("{:.2}", counts(text).lix().unwrap())
}

#[test]
fn numbers_are_not_words_and_a_colon_ends_a_sentence() {
    // "Ring hvis du er usikker" | "de svarer hele døgnet": 9 words, 2 sentences,
    // 1 long ("usikker"): 9/2 + 100·1/9 = 15.61.
    let text = "Ring **116 111** hvis du er usikker: de svarer hele døgnet.";
    assert_eq!(
        counts(text),
        Counts {
            words: 9,
            long_words: 1,
            sentences: 2
        }
    );
    assert_eq!(lix(text), "15.61");
}

#[test]
fn each_list_item_is_a_sentence_and_a_link_keeps_only_its_label() {
    // "Du kan" | "ringe Alarmtelefonen" | "sende en e-post" | "møte opp på kontoret":
    // 11 words, 4 sentences, 2 long: 11/4 + 100·2/11 = 20.93.
    let text = "Du kan:\n- ringe [Alarmtelefonen](https://www.116111.no)\n- sende en e-post\n- møte opp på kontoret";
    assert_eq!(
        counts(text),
        Counts {
            words: 11,
            long_words: 2,
            sentences: 4
        }
    );
    assert_eq!(lix(text), "20.93");
}

#[test]
fn accented_letters_are_letters() {
    // Kaféen (6), på, hjørnet (7), serverte (8), crème, brûlée: 6 words, 2 long: 6 + 33.33.
    let text = "Kaféen på hjørnet serverte crème brûlée.";
    assert_eq!(lix(text), "39.33");
}

/// 24 words in one sentence, 5 long: 24 + 100·5/24 = 44.83.
const HEAVY: &str = "Hvis du er bekymret for et barn i nabolaget, kan du alltid ringe barneverntjenesten i kommunen og fortelle hva du har sett og hørt.";

#[test]
fn a_text_of_twenty_words_or_more_gets_a_score() {
    assert_eq!(format!("{:.2}", score(HEAVY).unwrap()), "44.83");
    assert_eq!(score("Ring 112 hvis noen er i fare nå."), None);
}

const MINIMAL: &str = include_str!("fixtures/minimal.json");

fn with(from: &str, to: &str) -> String {
    assert!(MINIMAL.contains(from), "fixture lacks {from:?}");
    MINIMAL.replacen(from, to, 1)
}

#[test]
fn a_citizen_text_over_35_is_a_warning_and_a_handbook_text_only_over_45() {
    assert_eq!((LIX_CITIZEN, LIX_HANDBOOK), (35.0, 45.0));
    // In the guide: 44.83 is over the citizens' limit.
    let guide = with("\"Barnevernet vurderer.\"", &format!("\"{HEAVY}\""));
    let checked = check::load_str(&guide);
    let p = checked
        .problems
        .iter()
        .find(|p| p.path == "guide.nodes[ring-barnevern].what_happens")
        .unwrap_or_else(|| panic!("{:#?}", checked.problems));
    assert_eq!(p.severity, Severity::Warning);
    assert_eq!(p.message, "Teksten er tung å lese: LIX 45, mens grensen for tekster til innbyggere er 35. Del opp lange setninger, og bytt lange ord med kortere der det går.");
    // In the handbook the same text passes (44.83 ≤ 45) but is still scored.
    let handbook = with("\"Barnehagene i kommunen.\"", &format!("\"{HEAVY}\""));
    let checked = check::load_str(&handbook);
    assert_eq!(checked.problems, vec![]);
    assert_eq!(checked.lix.len(), 1);
    assert_eq!(checked.lix[0].path, "services[barnehage].description");
    // One more long word tips it over.
    let heavier = HEAVY.replace("barn i", "spedbarn i");
    let handbook = with("\"Barnehagene i kommunen.\"", &format!("\"{heavier}\""));
    let checked = check::load_str(&handbook);
    assert_eq!(checked.problems.len(), 1, "{:#?}", checked.problems);
    assert_eq!(checked.problems[0].message, "Teksten er tung å lese: LIX 49, mens grensen for håndboken er 45. Del opp lange setninger, og bytt lange ord med kortere der det går.");
}

#[test]
fn only_bokmal_and_nynorsk_are_scored() {
    let text = with(
        "\"Barnevernet vurderer.\"",
        &format!("{{\"nb\": \"Barnevernet vurderer.\", \"nn\": \"{HEAVY}\", \"en\": \"{HEAVY}\"}}"),
    )
    .replacen(
        "{ \"lang\": \"nb\", \"reviewed\": true }",
        "{ \"lang\": \"nb\", \"reviewed\": true }, { \"lang\": \"nn\", \"reviewed\": true }, { \"lang\": \"en\", \"reviewed\": true }",
        1,
    );
    let checked = check::load_str(&text);
    let scored: Vec<(&str, &str)> = checked
        .lix
        .iter()
        .map(|l| (l.path.as_str(), l.lang.as_str()))
        .collect();
    assert_eq!(
        scored,
        [("guide.nodes[ring-barnevern].what_happens.nn", "nn")]
    );
}

#[test]
fn bti_check_lix_lists_every_score_worst_first_with_its_place() {
    let dir = std::env::temp_dir().join(format!("bti-lix-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let heavier = HEAVY.replace("barn i", "spedbarn i");
    let text = with("\"Barnehagene i kommunen.\"", &format!("\"{HEAVY}\"")).replacen(
        "\"Barnevernet vurderer.\"",
        &format!("\"{heavier}\""),
        1,
    );
    std::fs::write(dir.join("testby.json"), text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_bti-check"))
        .current_dir(&dir)
        .args(["--lix", "testby.json"])
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        " 49.0  nb  guide.nodes[ring-barnevern].what_happens  (over grensen)\n 44.8  nb  services[barnehage].description\nbti-check: 2 tekster med LIX, 1 over grensen (35 for innbyggertekster, 45 for håndboken)\n"
    );
}
