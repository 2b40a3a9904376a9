//! One failing fixture per content rule: each test breaks the valid minimal
//! fixture in one place and checks the exact message, path and position.

use bti_veileder::model::check::{self, Checked};
use bti_veileder::model::{Problem, Severity};

const MINIMAL: &str = include_str!("fixtures/minimal.json");

/// The minimal fixture with the first `from` replaced by `to`.
fn with(from: &str, to: &str) -> String {
    assert!(MINIMAL.contains(from), "fixture lacks {from:?}");
    MINIMAL.replacen(from, to, 1)
}

/// 1-based line and column of the first `needle` in `text` (at `nth` occurrence).
fn pos_of(text: &str, needle: &str, nth: usize) -> (u32, u32) {
    let at = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("no {needle:?}"))
        .0;
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line as u32, col as u32)
}

fn find<'a>(checked: &'a Checked, path: &str) -> &'a Problem {
    checked
        .problems
        .iter()
        .find(|p| p.path == path)
        .unwrap_or_else(|| panic!("no problem at {path}; got {:#?}", checked.problems))
}

/// Asserts exactly one problem at `path`, at the `needle` position, with this message.
fn assert_problem(
    text: &str,
    path: &str,
    needle: (&str, usize),
    severity: Severity,
    message: &str,
) -> Checked {
    let checked = check::load_str(text);
    let p = find(&checked, path);
    assert_eq!(p.message, message);
    assert_eq!(p.severity, severity);
    assert_eq!(
        (p.line, p.column),
        pos_of(text, needle.0, needle.1),
        "position of {path}"
    );
    assert_eq!(
        checked.problems.iter().filter(|q| q.path == path).count(),
        1
    );
    checked
}

fn error(text: &str, path: &str, needle: (&str, usize), message: &str) -> Checked {
    assert_problem(text, path, needle, Severity::Error, message)
}

fn paths(checked: &Checked) -> Vec<&str> {
    checked.problems.iter().map(|p| p.path.as_str()).collect()
}

#[test]
fn minimal_fixture_has_no_problems() {
    let checked = check::load_str(MINIMAL);
    assert_eq!(checked.problems, vec![]);
    assert!(checked.content.is_some());
}

#[test]
fn unreadable_json_is_fatal_with_its_position() {
    let text = with("\"version\": \"1\",", "\"version\": \"1\"");
    let checked = check::load_str(&text);
    assert!(checked.content.is_none());
    let p = &checked.problems[0];
    assert!(p.fatal);
    assert_eq!(
        p.message,
        "Filen er ikke gyldig JSON: Mangler komma eller } etter verdien."
    );
    assert_eq!((p.line, p.column), pos_of(&text, "\"updated\"", 0));
}

#[test]
fn missing_meta_is_fatal() {
    let text = with("\"meta\": {", "\"metadata\": {");
    let checked = check::load_str(&text);
    assert!(checked.content.is_none());
    let p = checked
        .problems
        .iter()
        .find(|p| p.fatal)
        .expect("a fatal problem");
    assert_eq!(p.path, "");
    assert_eq!(p.message, "Feltet «meta» mangler. Legg det til.");
}

#[test]
fn unknown_field_drops_only_that_array_item() {
    let text = with("{ \"id\": \"bti\",", "{ \"id\": \"bti\", \"farge\": 1,");
    let checked = error(
        &text,
        "glossary[bti].farge",
        ("\"farge\"", 0),
        "Ukjent felt «farge». Rett navnet, eller fjern feltet hvis det ikke hører hjemme her. Tillatte felt her: id, term, definition, editor_note, status, valid_from. Elementet glossary[bti] blir ikke vist før dette er rettet.",
    );
    let content = checked.content.expect("rest is kept");
    assert!(content.glossary.is_empty());
    assert_eq!(content.contacts.len(), 2);
    assert_eq!(checked.problems.len(), 1);
}

#[test]
fn wrong_type_of_text_drops_the_item() {
    let text = with("\"title\": \"Verdier\"", "\"title\": 5");
    let checked = error(
        &text,
        "publication.kommune[verdier].title",
        ("5,", 0),
        "Teksten må være en tekst i anførselstegn eller et objekt med språkkoder, f.eks. {\"nb\": \"…\", \"en\": \"…\"}. Rett verdien. Elementet publication.kommune[verdier] blir ikke vist før dette er rettet.",
    );
    assert!(checked.content.unwrap().publication.kommune.is_empty());
}

#[test]
fn missing_field_in_array_item_is_reported_at_the_item() {
    let text = with("\"term\": \"BTI\", ", "");
    error(
        &text,
        "glossary[bti]",
        ("{ \"id\": \"bti\"", 0),
        "Feltet «term» mangler. Legg det til. Elementet glossary[bti] blir ikke vist før dette er rettet.",
    );
}

#[test]
fn later_items_keep_their_file_position_after_a_drop() {
    // glossary[x] is dropped; the bad term of the next one is still found at its place in the file.
    let text = with(
        "{ \"id\": \"bti\", \"term\": \"BTI\", \"definition\": \"Bedre tverrfaglig innsats.\" }",
        "{ \"id\": \"x\", \"ukjent\": 1 }, { \"id\": \"bti\", \"term\": {\"en\": \"BTI\"}, \"definition\": \"D.\" }",
    );
    let checked = check::load_str(&text);
    let p = find(&checked, "glossary[bti].term");
    assert_eq!((p.line, p.column), pos_of(&text, "{\"en\"", 0));
}

#[test]
fn repeated_id_drops_the_later_item() {
    let page = "{ \"id\": \"verdier\", \"title\": \"Verdier\", \"body\": \"Vi jobber sammen.\" }";
    let text = with(page, &format!("{page},\n      {page}"));
    let checked = error(
        &text,
        "publication.kommune[1].id",
        ("\"verdier\"", 1),
        "Id-en «verdier» er brukt av flere sider (første gang på linje 31). Gi elementet en egen id; dette elementet blir ikke vist.",
    );
    assert_eq!(checked.content.unwrap().publication.kommune.len(), 1);
}

#[test]
fn id_with_capitals_or_spaces_is_refused() {
    let text = with("\"id\": \"bti\"", "\"id\": \"Bedre TI\"");
    error(
        &text,
        "glossary[Bedre TI].id",
        ("\"Bedre TI\"", 0),
        "Id-en «Bedre TI» kan bare ha små bokstaver a–z, tall, - og _. Rett den (og alle steder som viser til den).",
    );
}

#[test]
fn unknown_tool_in_a_step_drops_just_that_link() {
    let text = with(
        "\"tools\": [\"samtykke\"]",
        "\"tools\": [\"samtykke\", \"mangler\"]",
    );
    let checked = error(
        &text,
        "levels[niva-0].steps[undring].tools[1]",
        ("\"mangler\"", 0),
        "Fant ingen verktøy med id «mangler». Legg den til i «tools», eller rett id-en. Lenken blir ikke vist.",
    );
    assert_eq!(
        checked.content.unwrap().levels[0].steps[0].tools,
        vec!["samtykke"]
    );
}

#[test]
fn unknown_law_and_role_in_a_step_are_reported() {
    let text = with("\"laws\": [\"bvl-13-2\"]", "\"laws\": [\"bvl-99\"]");
    error(&text, "levels[niva-0].steps[undring].laws[0]", ("\"bvl-99\"", 0),
        "Fant ingen lovhenvisning med id «bvl-99». Legg den til i «laws», eller rett id-en. Lenken blir ikke vist.");
    let text = with("\"roles\": [\"stafettholder\"]", "\"roles\": [\"stafett\"]");
    error(&text, "levels[niva-0].steps[undring].roles[0]", ("\"stafett\"", 0),
        "Fant ingen rolle med id «stafett». Legg den til i «roles», eller rett id-en. Lenken blir ikke vist.");
}

#[test]
fn service_note_for_unknown_service_is_dropped() {
    let text = with("{ \"service\": \"barnehage\"", "{ \"service\": \"skole\"");
    let checked = error(
        &text,
        "levels[niva-0].steps[undring].service_notes[skole].service",
        ("\"skole\"", 0),
        "Fant ingen tjeneste med id «skole». Legg den til i «services», eller rett id-en. Merknaden blir ikke vist.",
    );
    assert!(checked.content.unwrap().levels[0].steps[0]
        .service_notes
        .is_empty());
}

#[test]
fn unknown_contact_in_service_and_note_is_reported() {
    let text = with(
        "\"contacts\": [\"barnevernet\"] }",
        "\"contacts\": [\"ppt\"] }",
    );
    error(&text, "levels[niva-0].steps[undring].service_notes[barnehage].contacts[0]", ("\"ppt\"", 0),
        "Fant ingen kontakt med id «ppt». Legg den til i «contacts», eller rett id-en. Lenken blir ikke vist.");
    let text = with(
        "\"description\": \"Barnehagene i kommunen.\",\n      \"contacts\": [\"barnevernet\"]",
        "\"description\": \"Barnehagene i kommunen.\",\n      \"contacts\": [\"ppt\"]",
    );
    error(&text, "services[barnehage].contacts[0]", ("\"ppt\"", 0),
        "Fant ingen kontakt med id «ppt». Legg den til i «contacts», eller rett id-en. Lenken blir ikke vist.");
}

#[test]
fn decision_to_unknown_level_is_dropped() {
    let text = with("\"to_level\": \"niva-1\"", "\"to_level\": \"niva-9\"");
    let checked = error(
        &text,
        "levels[niva-0].steps[undring].decisions[0].to_level",
        ("\"niva-9\"", 0),
        "Fant ikke nivået «niva-9». Rett id-en til et av nivåene i «levels». Beslutningen blir ikke vist.",
    );
    assert!(checked.content.unwrap().levels[0].steps[0]
        .decisions
        .is_empty());
}

#[test]
fn levels_must_be_numbered_in_order() {
    let text = with(
        "\"id\": \"niva-1\", \"number\": 1",
        "\"id\": \"niva-1\", \"number\": 2",
    );
    error(&text, "levels[niva-1].number", ("2, \"title\": \"Nivå 1\"", 0),
        "Nivå 2 står som nummer 2 i listen. Nivåene må komme i rekkefølgen 0, 1, 2, 3; flytt det eller rett nummeret.");
}

#[test]
fn a_level_needs_steps() {
    let step = "[ { \"id\": \"oppstart-3\", \"title\": \"Oppstart\", \"what\": \"W.\", \"how\": \"H.\", \"who\": \"W.\" } ]";
    let text = with(step, "[]");
    error(
        &text,
        "levels[niva-3].steps",
        ("[]", 0),
        "Nivået har ingen steg. Legg til stegene i den rekkefølgen de gjøres.",
    );
}

#[test]
fn grunnmodell_needs_four_levels() {
    let level = "{ \"id\": \"niva-3\", \"number\": 3, \"title\": \"Nivå 3\", \"purpose\": \"P.\", \"applies_when\": \"A.\", \"lead\": \"L.\",\n      \"steps\": [ { \"id\": \"oppstart-3\", \"title\": \"Oppstart\", \"what\": \"W.\", \"how\": \"H.\", \"who\": \"W.\" } ] }";
    let text = with(&format!(",\n    {level}"), "");
    error(
        &text,
        "levels",
        ("[\n    {\n      \"id\": \"niva-0\"", 0),
        "Grunnmodellen skal ha fire nivåer (0, 1, 2 og 3), men har 3. Legg til eller fjern nivåer.",
    );
}

#[test]
fn guide_start_must_exist_or_the_guide_is_fatal() {
    let text = with("\"start\": \"hvem\"", "\"start\": \"hvor\"");
    let checked = error(&text, "guide.start", ("\"hvor\"", 0),
        "Startsteget «hvor» finnes ikke i veilederen. Rett «start» til id-en til det første spørsmålet.");
    assert!(checked.problems.iter().any(|p| p.fatal));
    assert!(checked.content.is_none());
}

#[test]
fn answer_to_unknown_node_is_dropped() {
    let text = with("\"next\": \"ring-alarm\"", "\"next\": \"ring-alarmen\"");
    let checked = error(&text, "guide.nodes[hvem].answers[usikker].next", ("\"ring-alarmen\"", 0),
        "Svaret leder til «ring-alarmen», men det finnes ikke i veilederen. Rett «next» til id-en til et spørsmål eller resultat. Svaret blir ikke vist.");
    // The result it should have led to is now unreachable.
    error(
        &text,
        "guide.nodes[ring-alarm]",
        (
            "{\n        \"type\": \"result\",\n        \"id\": \"ring-alarm\"",
            0,
        ),
        "Steget «ring-alarm» kan ikke nås fra starten. La et svar lede hit, eller fjern steget.",
    );
    assert!(
        checked.content.is_some(),
        "an unreachable node is not fatal"
    );
}

#[test]
fn question_without_answers_is_fatal() {
    let text = with("\"next\": \"ring-barnevern\" },\n          { \"id\": \"usikker\", \"label\": \"Jeg vet ikke\", \"next\": \"ring-alarm\" }",
        "\"next\": \"nowhere\" }");
    let checked = check::load_str(&text);
    let p = find(&checked, "guide.nodes[hvem].answers");
    assert!(p.fatal);
    assert_eq!(
        p.message,
        "Spørsmålet har ingen svar som leder videre. Legg til minst ett svar med «next»."
    );
    assert!(checked.content.is_none());
}

#[test]
fn loop_without_a_way_out_is_fatal() {
    let text = with("\"next\": \"ring-alarm\" }", "\"next\": \"sirkel\" }").replacen(
        "\"nodes\": [",
        "\"nodes\": [\n      { \"type\": \"question\", \"id\": \"sirkel\", \"title\": \"Rundt\", \"answers\": [ { \"id\": \"igjen\", \"label\": \"Igjen\", \"next\": \"sirkel\" } ] },",
        1,
    );
    let checked = error(&text, "guide.nodes[sirkel]", ("{ \"type\": \"question\", \"id\": \"sirkel\"", 0),
        "Fra spørsmålet «sirkel» kommer man aldri fram til et resultat (svarene går i ring). La minst ett svar lede mot et resultat.");
    assert!(find(&checked, "guide.nodes[sirkel]").fatal);
    assert!(checked.content.is_none());
}

#[test]
fn repeated_guide_node_id_is_fatal() {
    let text = with("\"id\": \"ring-alarm\"", "\"id\": \"ring-barnevern\"");
    let checked = error(
        &text,
        "guide.nodes[2].id",
        ("\"ring-barnevern\"", 2),
        "Id-en «ring-barnevern» er brukt av flere steg i veilederen (første gang på linje 112). Gi hvert steg en egen id.",
    );
    assert!(checked.content.is_none());
}

#[test]
fn result_needs_a_contact() {
    let text = with("\"contacts\": [\"alarmtelefonen\"]", "\"contacts\": []");
    error(
        &text,
        "guide.nodes[ring-alarm].contacts",
        ("[]", 0),
        "Resultatet har ingen kontakt. Legg til minst én kontakt, den som passer best først.",
    );
}

#[test]
fn emergency_contact_must_exist() {
    let text = with(
        "\"emergency_contacts\": [\"barnevernet\"]",
        "\"emergency_contacts\": [\"legevakt\"]",
    );
    error(&text, "guide.emergency_contacts[0]", ("\"legevakt\"", 0),
        "Fant ingen kontakt med id «legevakt». Legg den til i «contacts», eller rett id-en. Lenken blir ikke vist.");
}

#[test]
fn phone_number_must_be_norwegian() {
    let text = with("\"phone\": \"116 111\"", "\"phone\": \"116 11\"");
    let checked = error(&text, "contacts[alarmtelefonen].phone", ("\"116 11\"", 0),
        "Telefonnummeret «116 11» er ikke et gyldig norsk nummer. Skriv 8 sifre (\"22 40 00 40\", gjerne med +47), et nødnummer (110, 112, 113) eller et kort nummer (\"116 111\", \"1412\", \"02800\"). Nummeret blir ikke vist.");
    assert_eq!(checked.content.unwrap().contacts[0].phone, None);
}

#[test]
fn email_must_look_like_an_address() {
    let text = with("barnevern@test.kommune.no", "barnevern.test.kommune.no");
    error(&text, "contacts[barnevernet].email", ("\"barnevern.test", 0),
        "E-postadressen «barnevern.test.kommune.no» er ugyldig. Skriv den som navn@domene.no. Den blir ikke vist.");
}

#[test]
fn unsafe_link_is_dropped() {
    let text = with(
        "\"href\": \"/dokumenter/samtykke.pdf\"",
        "\"href\": \"javascript:alert(1)\"",
    );
    let checked = error(&text, "tools[samtykke].document.href", ("\"javascript:", 0),
        "Lenken «javascript:alert(1)» er ikke tillatt og blir ikke vist. Rett lenken så den starter med https:, tel: eller mailto: (eller er en relativ adresse).");
    assert_eq!(checked.content.unwrap().tools[0].document, None);
}

#[test]
fn protocol_relative_contact_url_is_dropped() {
    let text = with(
        "\"url\": \"https://www.116111.no\"",
        "\"url\": \"//www.116111.no\"",
    );
    error(&text, "contacts[alarmtelefonen].url", ("\"//www", 0),
        "Lenken «//www.116111.no» er ikke tillatt og blir ikke vist. Rett lenken så den starter med https:, tel: eller mailto: (eller er en relativ adresse).");
}

#[test]
fn unsafe_link_inside_rich_text_is_reported() {
    let text = with("(https://www.116111.no).", "(data:text/html,x).");
    error(&text, "contacts[alarmtelefonen].note", ("\"Gratis", 0),
        "Lenken «data:text/html,x» i teksten er ikke trygg og vises som vanlig tekst. Rett lenken så den starter med https:, tel: eller mailto:.");
}

#[test]
fn law_url_must_be_a_web_address() {
    let text = with(
        "\"url\": \"https://lovdata.no/lov/2021-06-18-97\"",
        "\"url\": \"lovdata.no\"",
    );
    error(&text, "laws[bvl-13-2].url", ("\"lovdata.no\"", 0),
        "Lovlenken «lovdata.no» må være en https:-adresse, helst til Lovdata (https://lovdata.no/…). Rett lenken; den blir ikke vist.");
}

#[test]
fn exit_url_must_be_https() {
    let text = with(
        "\"exit_url\": \"https://www.yr.no\"",
        "\"exit_url\": \"http://www.yr.no\"",
    );
    let checked = error(&text, "meta.exit_url", ("\"http://www.yr.no\"", 0),
        "Hurtigutgangen «http://www.yr.no» må være en https:-adresse. Rett lenken så den starter med https://. Widgetens egen nøytrale side brukes til da.");
    assert_eq!(checked.content.unwrap().meta.exit_url, None);
}

#[test]
fn dates_must_be_real() {
    let text = with("\"updated\": \"2026-03-01\"", "\"updated\": \"2026-02-30\"");
    error(
        &text,
        "meta.updated",
        ("\"2026-02-30\"", 0),
        "Datoen «2026-02-30» er ugyldig. Skriv en ekte dato som ÅÅÅÅ-MM-DD, f.eks. 2026-03-01.",
    );
    let text = with(
        "\"last_checked\": \"2026-02-01\"",
        "\"last_checked\": \"1.2.2026\"",
    );
    error(
        &text,
        "laws[bvl-13-2].last_checked",
        ("\"1.2.2026\"", 0),
        "Datoen «1.2.2026» er ugyldig. Skriv en ekte dato som ÅÅÅÅ-MM-DD, f.eks. 2026-03-01.",
    );
}

#[test]
fn every_text_needs_bokmal() {
    let text = with("\"title\": \"Verdier\"", "\"title\": {\"en\": \"Values\"}");
    let checked = error(&text, "publication.kommune[verdier].title", ("{\"en\"", 0),
        "Teksten mangler på bokmål. Legg til \"nb\": \"…\" (bokmål brukes når en oversettelse mangler).");
    let w = find(&checked, "publication.kommune[verdier].title.en");
    assert_eq!(w.severity, Severity::Warning);
    assert_eq!(
        w.message,
        "Språket «en» står ikke i meta.languages. Legg det til der, ellers kan ingen velge det."
    );
}

#[test]
fn titles_answers_and_rich_text_have_length_limits() {
    let long = "a".repeat(121);
    let text = with("\"title\": \"Verdier\"", &format!("\"title\": \"{long}\""));
    error(&text, "publication.kommune[verdier].title", (&format!("\"{long}"), 0),
        "Teksten er for lang (121 tegn). Korte tekster (titler, navn) kan ha høyst 120 tegn. Gjør den kortere.");
    let label = "å".repeat(81);
    let text = with("\"label\": \"Et barn\"", &format!("\"label\": \"{label}\""));
    error(
        &text,
        "guide.nodes[hvem].answers[barn].label",
        (&format!("\"{label}"), 0),
        "Teksten er for lang (81 tegn). Svaralternativer kan ha høyst 80 tegn. Gjør den kortere.",
    );
    let body = "b".repeat(4001);
    let text = with(
        "\"body\": \"Vi jobber sammen.\"",
        &format!("\"body\": \"{body}\""),
    );
    error(
        &text,
        "publication.kommune[verdier].body",
        (&format!("\"{body}"), 0),
        "Teksten er for lang (4001 tegn). Tekstfelt kan ha høyst 4000 tegn. Gjør den kortere.",
    );
}

#[test]
fn warnings_list_what_the_editor_must_check() {
    let text = with(
        "\"last_checked\": \"2026-02-01\"",
        "\"editor_note\": \"Sjekk paragrafen.\"",
    )
    .replacen(
        "{ \"lang\": \"nb\", \"reviewed\": true }",
        "{ \"lang\": \"nb\", \"reviewed\": true }, { \"lang\": \"en\" }",
        1,
    )
    .replacen("\"exit_url\"", "\"example\": true,\n    \"exit_url\"", 1);
    let checked = check::load_str(&text);
    assert_eq!(checked.errors(), 0, "{:#?}", checked.problems);
    assert_eq!(find(&checked, "laws[bvl-13-2]").message,
        "Lovhenvisningen er ikke sjekket mot Lovdata. Sjekk den, og skriv datoen i \"last_checked\" (ÅÅÅÅ-MM-DD).");
    assert_eq!(
        find(&checked, "laws[bvl-13-2].editor_note").message,
        "Merknad til redaktøren: Sjekk paragrafen."
    );
    assert_eq!(find(&checked, "meta.languages[1].reviewed").message,
        "Språket «en» er ikke gjennomgått av en kvalifisert person. Få teksten sjekket, og sett \"reviewed\": true.");
    assert!(find(&checked, "meta.languages[1]").message.ends_with(
        "tekster mangler på «en», f.eks. meta.kommune. De vises på bokmål til de er oversatt."
    ));
    assert_eq!(find(&checked, "meta.example").message,
        "Dette er eksempelinnhold: lokale telefonnumre kan ikke ringes. Bytt til kommunens egne opplysninger og sett \"example\": false før publisering.");
    assert!(checked
        .problems
        .iter()
        .all(|p| p.severity == Severity::Warning));
    assert_eq!(paths(&checked).len(), 5);
}
