//! What real documents needed (issue 12, point 6): structured address and
//! opening hours for contacts, "gjelder fra" dates, a tool with several
//! documents, a decision that sends a report to barnevernet, and references
//! that are not laws.

use bti_veileder::model::check;
use bti_veileder::model::{DecisionAction, SourceKind, Weekday};

#[path = "support/fixture.rs"]
mod fixture;
use fixture::{errors, with};

const BARNEVERN: &str = "\"email\": \"barnevern@test.kommune.no\"";

#[test]
fn a_contact_has_a_structured_address_and_opening_hours_beside_free_text() {
    let text = with(&[(
        BARNEVERN,
        r#""email": "barnevern@test.kommune.no",
      "hours": "Hverdager 08–15:30",
      "address": { "street": "Postboks 1", "postal_code": "9999", "city": "Testby" },
      "opening_hours": [
        { "days": ["mandag", "tirsdag", "onsdag", "torsdag", "fredag"], "opens": "08:00", "closes": "15:30" },
        { "days": ["lørdag", "søndag"], "opens": "00:00", "closes": "24:00" }
      ]"#,
    )]);
    let checked = check::load_str(&text);
    assert_eq!(errors(&checked), []);
    let content = checked.content.unwrap();
    let c = &content.contacts[1];
    let address = c.address.as_ref().unwrap();
    assert_eq!(
        (address.postal_code.as_str(), address.city.as_str()),
        ("9999", "Testby")
    );
    assert_eq!(c.opening_hours[0].days.len(), 5);
    assert_eq!(c.opening_hours[1].days, [Weekday::Lordag, Weekday::Sondag]);
    assert_eq!(c.hours.as_ref().unwrap().get("nb"), "Hverdager 08–15:30");
}

#[test]
fn a_bad_postal_code_and_opening_time_are_errors_at_their_place() {
    let text = with(&[(
        BARNEVERN,
        r#""email": "barnevern@test.kommune.no",
      "address": { "postal_code": "999", "city": " " },
      "opening_hours": [
        { "days": [], "opens": "8:00", "closes": "15:30" },
        { "days": ["fredag"], "opens": "15:30", "closes": "08:00" }
      ]"#,
    )]);
    assert_eq!(errors(&check::load_str(&text)), [
        ("contacts[barnevernet].address.postal_code", "Postnummeret «999» er ugyldig. Skriv fire sifre, f.eks. \"9999\"."),
        ("contacts[barnevernet].address.city", "Poststedet er tomt. Skriv stedet, f.eks. \"Eksempelby\"."),
        ("contacts[barnevernet].opening_hours[0].days", "Ingen dager er valgt. Skriv minst én dag, f.eks. [\"mandag\", \"tirsdag\"]."),
        ("contacts[barnevernet].opening_hours[0].opens", "Klokkeslettet «8:00» er ugyldig. Skriv det som TT:MM, f.eks. 08:00 eller 15:30."),
        ("contacts[barnevernet].opening_hours[1].closes", "Stengetiden 08:00 er ikke etter åpningstiden 15:30. Rett en av dem (bruk 24:00 for midnatt)."),
    ]);
}

#[test]
fn any_item_can_say_when_it_applies_from() {
    let text = with(&[(
        "\"id\": \"samtykke\",",
        "\"id\": \"samtykke\", \"valid_from\": \"2027-01-01\",",
    )]);
    let checked = check::load_str(&text);
    assert_eq!(errors(&checked), []);
    assert_eq!(
        checked.content.unwrap().tools[0].valid_from.as_deref(),
        Some("2027-01-01")
    );
    let text = with(&[(
        "\"id\": \"undring\",",
        "\"id\": \"undring\", \"valid_from\": \"1. januar\",",
    )]);
    assert_eq!(
        errors(&check::load_str(&text)),
        [(
            "levels[niva-0].steps[undring].valid_from",
            "Datoen «1. januar» er ugyldig. Skriv en ekte dato som ÅÅÅÅ-MM-DD, f.eks. 2026-03-01.",
        )]
    );
}

#[test]
fn a_tool_has_several_documents_such_as_language_versions_of_a_letter() {
    let text = with(&[(
        "\"document\": { \"label\": \"Last ned\", \"href\": \"/dokumenter/samtykke.pdf\" }",
        r#""document": { "label": "Last ned", "href": "/dokumenter/samtykke.pdf" },
      "documents": [
        { "label": "Informasjonsbrev på engelsk", "href": "/dokumenter/brev-en.pdf", "lang": "en" },
        { "label": "Informasjonsbrev på tigrinja", "href": "/dokumenter/brev-ti.pdf", "lang": "ti" },
        { "label": "Brev", "href": "javascript:alert(1)", "lang": "Engelsk" }
      ]"#,
    )]);
    let checked = check::load_str(&text);
    assert_eq!(errors(&checked), [
        ("tools[samtykke].documents[2].lang", "«Engelsk» er ikke en språkkode. Bruk to eller tre små bokstaver, f.eks. nb, en, ar."),
        ("tools[samtykke].documents[2].href", "Lenken «javascript:alert(1)» er ikke tillatt og blir ikke vist. Rett lenken så den starter med https:, tel: eller mailto: (eller er en relativ adresse)."),
    ]);
    let tool = &checked.content.unwrap().tools[0];
    let langs: Vec<_> = tool.documents.iter().map(|d| d.lang.as_deref()).collect();
    assert_eq!(
        langs,
        [Some("en"), Some("ti")],
        "the unsafe link is left out"
    );
}

#[test]
fn a_decision_can_send_a_report_to_barnevernet() {
    let text = with(&[(
        "{ \"label\": \"Gå videre\", \"to_level\": \"niva-1\" }",
        "{ \"label\": \"Gå videre\", \"to_level\": \"niva-1\" }, { \"label\": \"Send bekymringsmelding til barnevernet\", \"action\": \"bekymringsmelding\" }",
    )]);
    let checked = check::load_str(&text);
    assert_eq!(errors(&checked), []);
    let content = checked.content.unwrap();
    let d = &content.levels[0].steps[0].decisions[1];
    assert_eq!(d.action, Some(DecisionAction::Bekymringsmelding));
    assert_eq!(d.to_level, None);
}

#[test]
fn references_that_are_not_laws_are_sources_a_step_points_to() {
    let text = with(&[
        (
            "\"roles\": [\"stafettholder\"],",
            "\"roles\": [\"stafettholder\"], \"sources\": [\"veileder-samarbeid\", \"ukjent\"],",
        ),
        (
            "  \"roles\": [\n",
            r#"  "sources": [
    { "id": "veileder-samarbeid", "kind": "veileder", "title": "Samarbeid om tjenester til barn", "publisher": "Helsedirektoratet", "url": "https://www.helsedirektoratet.no/veiledere", "last_checked": "2026-11-01" },
    { "id": "rapport", "kind": "rapport", "title": "En rapport", "url": "www.example.no" }
  ],
  "roles": [
"#,
        ),
    ]);
    let checked = check::load_str(&text);
    assert_eq!(errors(&checked), [
        ("sources[rapport].url", "Lenken «www.example.no» må være en https:-adresse. Rett lenken; den blir ikke vist."),
        ("levels[niva-0].steps[undring].sources[1]", "Fant ingen kilde med id «ukjent». Legg den til i «sources», eller rett id-en. Lenken blir ikke vist."),
    ]);
    let content = checked.content.unwrap();
    assert_eq!(content.sources[0].kind, SourceKind::Veileder);
    assert_eq!(content.levels[0].steps[0].sources, ["veileder-samarbeid"]);
}
