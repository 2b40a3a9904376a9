//! Split publications: base parts add sections, language overlays add texts by id.

use bti_veileder::model::check;
use bti_veileder::model::json::{self, parse_source};
use bti_veileder::model::merge::{merge_parts, parts_needed};
use bti_veileder::model::{Node, Part, Section, Text};

const INDEX: &str = include_str!("fixtures/split/index.json");
const GUIDE: &str = include_str!("fixtures/split/guide.json");
const GUIDE_EN: &str = include_str!("fixtures/split/guide.en.json");

fn part(section: Section, lang: Option<&str>, src: &str) -> Part {
    Part {
        src: src.into(),
        section,
        lang: lang.map(str::to_string),
    }
}

#[test]
fn overlay_adds_its_language_and_keeps_bokmal_as_fallback() {
    let checked = check::load_split(
        INDEX,
        &[
            (part(Section::Guide, None, "guide.json"), GUIDE),
            (part(Section::Guide, Some("en"), "guide.en.json"), GUIDE_EN),
        ],
    );
    assert_eq!(checked.errors(), 0, "{:#?}", checked.problems);
    let content = checked.content.unwrap();
    let guide = content.guide.unwrap();
    let Node::Question(q) = &guide.nodes[0] else {
        panic!()
    };
    assert_eq!(q.title.get("en"), "Who are you worried about?");
    assert_eq!(q.title.get("nb"), "Hvem er du bekymret for?");
    assert_eq!(q.answers[0].label.get("en"), "A child");
    assert_eq!(q.answers[0].next, "ring");
    assert_eq!(
        content.glossary[0].definition.get("en"),
        "Better interdisciplinary effort."
    );
    // A text the overlay leaves out stays bokmål only.
    assert_eq!(content.meta.kommune, Text::from("Testkommune"));
    assert!(
        content.parts.is_empty(),
        "the merged document is self-contained"
    );
}

#[test]
fn overlay_item_unknown_to_the_base_is_an_error_in_the_part_file() {
    let bad = GUIDE_EN.replace("\"id\": \"ring\"", "\"id\": \"ringe\"");
    let checked = check::load_split(
        INDEX,
        &[
            (part(Section::Guide, None, "guide.json"), GUIDE),
            (part(Section::Guide, Some("en"), "guide.en.json"), &bad),
        ],
    );
    // The translation that does not fit is left out; the rest is still checked.
    assert!(checked.content.is_some());
    let p = &checked.problems[0];
    assert_eq!(p.source, 2);
    assert_eq!(p.path, "guide.nodes[1]");
    assert_eq!((p.line, p.column), (6, 7));
    assert_eq!(p.message, "Elementet med id «ringe» finnes ikke i grunnteksten. Rett id-en eller fjern elementet fra oversettelsen.");
}

#[test]
fn section_in_the_wrong_part_is_an_error() {
    let index = parse_source(INDEX, 0).unwrap();
    let handbook = parse_source(
        "{\"levels\": [], \"guide\": {\"start\": \"x\", \"nodes\": []}}",
        1,
    )
    .unwrap();
    let problems = merge_parts(
        index,
        vec![(part(Section::Handbook, None, "h.json"), handbook)],
    )
    .unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "guide");
    assert_eq!(
        problems[0].message,
        "«guide» hører ikke hjemme i denne delen. Her kan bare stå: publication, levels, services, tools, laws, sources, roles. Flytt det til riktig fil."
    );
}

#[test]
fn problems_in_a_part_point_into_that_part() {
    let bad = GUIDE.replace(
        "\"now\": \"Ring nå.\",",
        "\"now\": \"Ring nå.\", \"farge\": 1,",
    );
    let checked = check::load_split(INDEX, &[(part(Section::Guide, None, "guide.json"), &bad)]);
    let p = checked
        .problems
        .iter()
        .find(|p| p.path == "guide.nodes[ring].farge")
        .expect("reported");
    assert_eq!(p.source, 1);
    assert_eq!(p.line, 7);
}

#[test]
fn single_file_passes_through_unchanged() {
    let text = include_str!("fixtures/minimal.json");
    let tree = json::parse(text).unwrap();
    assert_eq!(merge_parts(tree.clone(), vec![]).unwrap(), tree);
}

#[test]
fn parts_needed_gives_base_parts_then_the_language_overlay() {
    let index = check::load_str(INDEX).content.unwrap();
    let needed = parts_needed(&index, &[Section::Guide], "en");
    assert_eq!(
        needed.iter().map(|p| p.src.as_str()).collect::<Vec<_>>(),
        ["guide.json", "guide.en.json"]
    );
    assert_eq!(parts_needed(&index, &[Section::Guide], "nb").len(), 1);
    assert!(parts_needed(&index, &[Section::Handbook], "en").is_empty());
}

#[test]
fn a_duplicate_id_in_a_base_part_is_reported_when_translations_are_merged_too() {
    // Two terms with id "bti" in the base; the English overlay names "bti" once.
    let guide = GUIDE.replace(
        "\"glossary\": [ { \"id\": \"bti\", \"term\": \"BTI\", \"definition\": { \"nb\": \"Bedre tverrfaglig innsats.\" } } ]",
        "\"glossary\": [ { \"id\": \"bti\", \"term\": \"BTI\", \"definition\": { \"nb\": \"Bedre tverrfaglig innsats.\" } },\n    { \"id\": \"bti\", \"term\": \"Stafettlogg\", \"definition\": \"En logg.\" } ]",
    );
    assert_ne!(guide, GUIDE);
    for parts in [
        vec![(part(Section::Guide, None, "guide.json"), guide.as_str())],
        vec![
            (part(Section::Guide, None, "guide.json"), guide.as_str()),
            (part(Section::Guide, Some("en"), "guide.en.json"), GUIDE_EN),
        ],
    ] {
        let checked = check::load_split(INDEX, &parts);
        let dup: Vec<_> = checked
            .problems
            .iter()
            .filter(|p| p.path == "glossary[1].id")
            .collect();
        assert_eq!(
            dup.len(),
            1,
            "with {} parts: {:#?}",
            parts.len(),
            checked.problems
        );
        assert_eq!(dup[0].source, 1, "in the base part");
        assert_eq!(dup[0].line, 12);
    }
}

#[test]
fn a_problem_in_a_translation_does_not_hide_a_duplicate_id_in_the_base() {
    // The base has "bti" twice; the English overlay also names a term the base lacks.
    let guide = GUIDE.replace(
        "\"glossary\": [ { \"id\": \"bti\", \"term\": \"BTI\", \"definition\": { \"nb\": \"Bedre tverrfaglig innsats.\" } } ]",
        "\"glossary\": [ { \"id\": \"bti\", \"term\": \"BTI\", \"definition\": { \"nb\": \"Bedre tverrfaglig innsats.\" } },\n    { \"id\": \"bti\", \"term\": \"Stafettlogg\", \"definition\": \"En logg.\" } ]",
    );
    let guide_en = GUIDE_EN.replace(
        "\"glossary\": [ { \"id\": \"bti\",",
        "\"glossary\": [ { \"id\": \"logg\", \"term\": \"Log\" }, { \"id\": \"bti\",",
    );
    assert_ne!(guide_en, GUIDE_EN);
    let checked = check::load_split(
        INDEX,
        &[
            (part(Section::Guide, None, "guide.json"), guide.as_str()),
            (
                part(Section::Guide, Some("en"), "guide.en.json"),
                guide_en.as_str(),
            ),
        ],
    );
    let errors: Vec<(u16, &str, &str)> = checked
        .problems
        .iter()
        .filter(|p| p.is_error())
        .map(|p| (p.source, p.path.as_str(), p.message.as_str()))
        .collect();
    assert_eq!(errors, [
        (2, "glossary[0]", "Elementet med id «logg» finnes ikke i grunnteksten. Rett id-en eller fjern elementet fra oversettelsen."),
        (1, "glossary[1].id", "Id-en «bti» er brukt av flere ord i ordlisten (første gang på linje 11). Gi elementet en egen id; dette elementet blir ikke vist."),
    ]);
    // The rest of the content is still there to show.
    assert!(checked.content.is_some());
}
