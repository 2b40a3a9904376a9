//! Draft marks and the publish gate: `editor_note` and `"status": "utkast"` on
//! every kind of item, placeholder texts, contacts nobody can reach, and
//! `bti-check --publish`, which writes the split files only when nothing of
//! that remains.

use std::path::{Path, PathBuf};
use std::process::Command;

use bti_veileder::model::check::{self, Checked};
use bti_veileder::model::{load_split, Gate, Part, Problem, Severity};

#[path = "support/fixture.rs"]
mod fixture;
use fixture::with;

fn at<'a>(checked: &'a Checked, path: &str) -> &'a Problem {
    checked
        .problems
        .iter()
        .find(|p| p.path == path)
        .unwrap_or_else(|| panic!("no problem at {path}; got {:#?}", checked.problems))
}

const DRAFT: &str =
    "Elementet er et utkast. Gjør det ferdig og fjern \"status\": \"utkast\" før publisering.";

#[test]
fn every_kind_of_item_takes_a_draft_mark_and_a_note() {
    // One item of each kind, marked as a draft with a note.
    let mark = r#""status": "utkast", "editor_note": "Sjekk dette.", "#;
    let cases = [
        ("\"id\": \"alarmtelefonen\",", "contacts[alarmtelefonen]"),
        ("\"id\": \"verdier\",", "publication.kommune[verdier]"),
        ("\"id\": \"niva-0\",", "levels[niva-0]"),
        ("\"id\": \"undring\",", "levels[niva-0].steps[undring]"),
        ("\"id\": \"barnehage\",", "services[barnehage]"),
        ("\"id\": \"samtykke\",", "tools[samtykke]"),
        ("\"id\": \"stafettholder\",", "roles[stafettholder]"),
        ("\"id\": \"hvem\",", "guide.nodes[hvem]"),
        ("\"id\": \"barn\",", "guide.nodes[hvem].answers[barn]"),
        ("\"id\": \"ring-barnevern\",", "guide.nodes[ring-barnevern]"),
        ("\"id\": \"bti\",", "glossary[bti]"),
    ];
    for (id, path) in cases {
        let text = with(&[(id, &format!("{id} {mark}"))]);
        let checked = check::load_str(&text);
        assert_eq!(checked.errors(), 0, "{path}: {:#?}", checked.problems);
        let draft = at(&checked, &format!("{path}.status"));
        assert_eq!(draft.message, DRAFT, "{path}");
        assert_eq!(draft.severity, Severity::Warning);
        assert_eq!(draft.gate, Some(Gate::Draft), "{path}");
        let note = at(&checked, &format!("{path}.editor_note"));
        assert_eq!(note.message, "Merknad til redaktøren: Sjekk dette.");
        assert_eq!(note.gate, None, "a note is free text and never blocks");
    }
}

#[test]
fn a_law_marked_as_a_draft_counts_among_the_unchecked_laws() {
    let text = with(&[(
        "\"id\": \"bvl-13-2\",",
        "\"id\": \"bvl-13-2\", \"status\": \"utkast\",",
    )]);
    let checked = check::load_str(&text);
    let p = at(&checked, "laws[bvl-13-2].status");
    assert_eq!(p.message, DRAFT);
    assert_eq!(p.gate, Some(Gate::Law));
}

#[test]
fn placeholder_texts_are_warnings_that_block_publishing() {
    for (text, mark) in [
        ("PLASSHOLDER: skriv navnet", "PLASSHOLDER"),
        ("Ring oss på TODO.", "TODO"),
        ("Ring XXX.", "XXX"),
        ("Skriv til …fyll inn adresse…", "fyll inn"),
        ("Plassholder for adressen", "PLASSHOLDER"),
    ] {
        let content = with(&[(
            "\"what_happens\": \"Barnevernet vurderer.\"",
            &format!("\"what_happens\": {{\"nb\": \"Barnevernet vurderer.\", \"en\": \"{text}\"}}"),
        )]);
        let checked = check::load_str(&content);
        let p = checked
            .problems
            .iter()
            .find(|p| p.path == "guide.nodes[ring-barnevern].what_happens.en" && p.gate.is_some())
            .unwrap_or_else(|| panic!("{text}: {:#?}", checked.problems));
        assert_eq!(
            p.message,
            format!("Teksten har plassholderen «{mark}». Skriv inn kommunens egen opplysning før publisering.")
        );
        assert_eq!(p.severity, Severity::Warning);
        assert_eq!(p.gate, Some(Gate::Placeholder));
    }
    // Ordinary words that merely contain the letters are no placeholders.
    let plain = with(&[(
        "\"Barnevernet vurderer.\"",
        "\"Todo-listen og xxx-filene teller ikke.\"",
    )]);
    assert_eq!(check::load_str(&plain).problems, vec![]);
}

/// The fixture with barnevernet's phone and e-mail taken away.
fn unreachable_barnevern(extra: &str) -> String {
    with(&[(
        "\"phone\": \"+47 22 40 00 40\",\n      \"email\": \"barnevern@test.kommune.no\"",
        &format!("\"scope\": \"local\"{extra}"),
    )])
}

const NO_CHANNEL_AT_USE: &str = "Kontakten «barnevernet» har verken telefon, e-post eller nettadresse, så den som leser dette kan ikke nå den. Legg til minst én av dem under «contacts».";

#[test]
fn a_contact_nobody_can_reach_is_a_warning_and_an_error_where_citizens_are_sent_to_it() {
    let checked = check::load_str(&unreachable_barnevern(""));
    let own = at(&checked, "contacts[barnevernet].id");
    assert_eq!(own.severity, Severity::Warning);
    assert_eq!(own.message, "Kontakten «barnevernet» har verken telefon, e-post eller nettadresse. Legg til minst én av dem, ellers kan ingen nå den.");
    for path in [
        "guide.emergency_contacts[0]",
        "guide.nodes[ring-barnevern].contacts[0]",
    ] {
        let p = at(&checked, path);
        assert_eq!(p.severity, Severity::Error, "{path}");
        assert_eq!(p.message, NO_CHANNEL_AT_USE, "{path}");
    }
    // The handbook may name it (services, service notes): no error there.
    assert_eq!(checked.errors(), 2, "{:#?}", checked.problems);
}

#[test]
fn a_draft_contact_without_channels_is_only_a_warning_where_it_is_used() {
    // The draft mark blocks publishing already; the template checks clean.
    let checked = check::load_str(&unreachable_barnevern(", \"status\": \"utkast\""));
    assert_eq!(checked.errors(), 0, "{:#?}", checked.problems);
    let p = at(&checked, "guide.nodes[ring-barnevern].contacts[0]");
    assert_eq!(
        (p.severity, p.message.as_str()),
        (Severity::Warning, NO_CHANNEL_AT_USE)
    );
}

#[test]
fn a_channel_given_but_invalid_is_not_reported_again_as_no_channel() {
    let text = with(&[("\"phone\": \"+47 22 40 00 40\",", "\"phone\": \"22 40\",")]);
    let text = text.replacen(
        "\"email\": \"barnevern@test.kommune.no\"",
        "\"scope\": \"local\"",
        1,
    );
    let checked = check::load_str(&text);
    let messages: Vec<&str> = checked
        .problems
        .iter()
        .map(|p| p.message.as_str())
        .collect();
    assert_eq!(messages.len(), 1, "{messages:#?}");
    assert!(messages[0].starts_with("Telefonnummeret «22 40» er ikke et gyldig norsk nummer."));
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("bti-gate-{}-{name}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn publish(dir: &Path, text: &str) -> (i32, String) {
    std::fs::write(dir.join("testby.json"), text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_bti-check"))
        .current_dir(dir)
        .args(["--publish", "--out", "ut", "testby.json"])
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn publish_refuses_and_lists_what_remains_grouped_with_places() {
    let dir = temp("refuse");
    let text = with(&[
        (
            "\"id\": \"undring\",",
            "\"id\": \"undring\", \"status\": \"utkast\",",
        ),
        ("\"title\": \"Verdier\"", "\"title\": \"PLASSHOLDER\""),
        (
            "      \"last_checked\": \"2026-02-01\"\n",
            "      \"paragraph\": \"§ 13-2\"\n",
        ),
        ("\"paragraph\": \"§ 13-2\",\n", ""),
        (
            "{ \"lang\": \"nb\", \"reviewed\": true }",
            "{ \"lang\": \"nb\" }",
        ),
        (
            "\"editor\": \"BTI-koordinator\",",
            "\"editor\": \"BTI-koordinator\", \"example\": true,",
        ),
        ("\"phone\": \"+47 22 40 00 40\",", "\"phone\": \"22 40\","),
    ]);
    let (code, out) = publish(&dir, &text);
    assert_eq!(code, 1, "{out}");
    assert_eq!(out, "\
Ikke klar til publisering. Dette må ordnes først:

Feil (1):
  testby.json:25:16: error: contacts[barnevernet].phone: Telefonnummeret «22 40» er ikke et gyldig norsk nummer. Skriv 8 sifre (\"22 40 00 40\", gjerne med +47), et nødnummer (110, 112, 113) eller et kort nummer (\"116 111\", \"1412\", \"02800\"). Nummeret blir ikke vist.

Utkast (1):
  testby.json:44:38: warning: levels[niva-0].steps[undring].status: Elementet er et utkast. Gjør det ferdig og fjern \"status\": \"utkast\" før publisering.

Plassholdere (1):
  testby.json:31:35: warning: publication.kommune[verdier].title: Teksten har plassholderen «PLASSHOLDER». Skriv inn kommunens egen opplysning før publisering.

Lovhenvisninger som ikke er sjekket (1):
  testby.json:86:5: warning: laws[bvl-13-2]: Lovhenvisningen er ikke sjekket mot Lovdata. Sjekk den, og skriv datoen i \"last_checked\" (ÅÅÅÅ-MM-DD).

Eksempelinnhold (1):
  testby.json:7:45: warning: meta.example: Dette er eksempelinnhold: lokale telefonnumre kan ikke ringes. Bytt til kommunens egne opplysninger og sett \"example\": false før publisering.

Språk som ikke er gjennomgått (1):
  testby.json:9:7: warning: meta.languages[0].reviewed: Språket «nb» er ikke gjennomgått av en kvalifisert person. Få teksten sjekket, og sett \"reviewed\": true.

bti-check: ikke publisert, 6 ting står igjen. Ingen filer er skrevet.
");
    assert!(!dir.join("ut").exists(), "nothing is written");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn publish_writes_split_files_that_load_as_the_same_content() {
    let dir = temp("write");
    // Inline translations, so the publish has overlays to write.
    let text = with(&[
        ("{ \"lang\": \"nb\", \"reviewed\": true }", "{ \"lang\": \"nb\", \"reviewed\": true }, { \"lang\": \"en\", \"reviewed\": true }"),
        ("\"title\": \"Hvem er du bekymret for?\"", "\"title\": {\"nb\": \"Hvem er du bekymret for?\", \"en\": \"Who are you worried about?\"}"),
        ("\"title\": \"Samtykkeskjema\"", "\"title\": {\"nb\": \"Samtykkeskjema\", \"en\": \"Consent form\"}"),
    ]);
    let (code, out) = publish(&dir, &text);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.ends_with("bti-check: publisert, 5 filer i ut\n"),
        "{out}"
    );
    let ut = dir.join("ut");
    let read = |name: &str| std::fs::read_to_string(ut.join(name)).unwrap();
    let index = read("testby.json");
    let parts: Vec<Part> = bti_veileder::model::decode::from_str::<Vec<Part>>(
        &serde_json::to_string(
            &serde_json::from_str::<serde_json::Value>(&index).unwrap()["parts"],
        )
        .unwrap(),
    )
    .unwrap();
    let srcs: Vec<&str> = parts.iter().map(|p| p.src.as_str()).collect();
    assert_eq!(
        srcs,
        [
            "testby.guide.json",
            "testby.guide.en.json",
            "testby.handbook.json",
            "testby.handbook.en.json"
        ]
    );
    let texts: Vec<String> = parts.iter().map(|p| read(&p.src)).collect();
    let with_text: Vec<(Part, &str)> = parts
        .iter()
        .cloned()
        .zip(texts.iter().map(String::as_str))
        .collect();
    let published = load_split(&index, &with_text);
    let original = check::load_str(&text);
    assert_eq!(published.errors(), 0, "{:#?}", published.problems);
    assert_eq!(published.warnings(), original.warnings());
    let mut a = published.content.unwrap();
    let b = original.content.unwrap();
    a.parts.clear();
    assert_eq!(a, b);
    // The bokmål part holds no other language.
    assert!(!texts[0].contains("Who are you"), "{}", texts[0]);
    std::fs::remove_dir_all(&dir).ok();
}
