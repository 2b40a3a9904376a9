//! The JSON Schema says what bti-check says, wherever a schema can say it
//! (issue 12, point 4). A corpus of single-fault files, each the valid minimal
//! fixture broken in one place, goes through bti-check and through ajv, an
//! independent validator (npm, run by `tests/support/schema-validate.mjs`).
//! Both must reject every fault, except those only the checker can see:
//! references between items, the guide's graph, unique ids, calendar dates,
//! links inside rich text, the order of levels and contacts nobody can reach.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use bti_veileder::model::check;

const MINIMAL: &str = include_str!("fixtures/minimal.json");

/// Who can see a fault.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Seen {
    /// The schema and the checker both reject it.
    Both,
    /// Only the checker: the reason a schema cannot say it.
    CheckerOnly(&'static str),
}
use Seen::*;

const CROSS_REFERENCE: &str = "a reference to an id elsewhere in the content";

/// (name, what to replace, what with, who sees it). Each edit must match the fixture.
fn corpus() -> Vec<(&'static str, String, String, Seen)> {
    let long = |n: usize| "a".repeat(n);
    let raw: Vec<(&str, &str, String, Seen)> = vec![
        ("unknown top-level field", "\"format\": 1,", "\"format\": 1, \"farge\": 1,".into(), Both),
        ("unknown field in meta", "\"version\": \"1\",", "\"version\": \"1\", \"versjon\": \"2\",".into(), Both),
        ("unknown field in a contact", "\"scope\": \"national\"", "\"scope\": \"national\", \"fax\": \"1\"".into(), Both),
        ("unknown field in a question node", "\"title\": \"Hvem er du bekymret for?\",", "\"title\": \"Hvem er du bekymret for?\", \"farge\": \"rød\",".into(), Both),
        ("unknown field in a result node", "\"what_happens\": \"Barnevernet vurderer.\"", "\"what_happens\": \"Barnevernet vurderer.\", \"ikon\": \"x\"".into(), Both),
        ("unknown field in an answer", "\"label\": \"Et barn\",", "\"label\": \"Et barn\", \"farge\": \"rød\",".into(), Both),
        ("unknown field in a step", "\"what\": \"Hva.\",", "\"what\": \"Hva.\", \"hvorfor\": \"Fordi.\",".into(), Both),
        ("unknown field in a link", "\"href\": \"/dokumenter/samtykke.pdf\" }", "\"href\": \"/dokumenter/samtykke.pdf\", \"target\": \"_blank\" }".into(), Both),
        ("text without bokmål", "\"name\": \"Barnehage\",", "\"name\": {\"en\": \"Kindergarten\"},".into(), Both),
        ("empty text", "\"title\": \"Samtykkeskjema\",", "\"title\": \"\",".into(), Both),
        ("empty bokmål in a text object", "\"term\": \"BTI\"", "\"term\": {\"nb\": \"\", \"en\": \"BTI\"}".into(), Both),
        ("text of the wrong type", "\"kommune\": \"Testkommune\"", "\"kommune\": 7".into(), Both),
        ("title too long", "\"title\": \"Samtykkeskjema\",", format!("\"title\": \"{}\",", long(121)), Both),
        ("answer label too long", "\"label\": \"Et barn\",", format!("\"label\": \"{}\",", long(81)), Both),
        ("rich text too long", "\"body\": \"Vi jobber sammen.\"", format!("\"body\": \"{}\"", long(4001)), Both),
        ("id with capitals", "\"id\": \"bti\"", "\"id\": \"BTI\"".into(), Both),
        ("id with a space", "\"id\": \"verdier\"", "\"id\": \"våre verdier\"".into(), Both),
        ("date in Norwegian order", "\"updated\": \"2026-03-01\"", "\"updated\": \"01.03.2026\"".into(), Both),
        ("month 13", "\"updated\": \"2026-03-01\"", "\"updated\": \"2026-13-01\"".into(), Both),
        ("last_checked without leading zeros", "\"last_checked\": \"2026-02-01\"", "\"last_checked\": \"2026-2-1\"".into(), Both),
        ("phone number of six digits", "\"phone\": \"116 111\"", "\"phone\": \"22 40 00\"".into(), Both),
        ("phone number with a letter O", "\"phone\": \"+47 22 40 00 40\"", "\"phone\": \"+47 22 40 00 4O\"".into(), Both),
        ("+47 before an emergency number", "\"phone\": \"+47 22 40 00 40\"", "\"phone\": \"+47 112\"".into(), Both),
        ("e-mail without @", "\"email\": \"barnevern@test.kommune.no\"", "\"email\": \"barnevern.test.kommune.no\"".into(), Both),
        ("e-mail domain without a dot", "\"email\": \"barnevern@test.kommune.no\"", "\"email\": \"barnevern@kommune\"".into(), Both),
        ("javascript: link", "\"url\": \"https://www.116111.no\"", "\"url\": \"javascript:alert(1)\"".into(), Both),
        ("protocol-relative link", "\"url\": \"https://www.116111.no\"", "\"url\": \"//evil.example/\"".into(), Both),
        ("data: link in a document", "\"href\": \"/dokumenter/samtykke.pdf\"", "\"href\": \"data:text/html,x\"".into(), Both),
        ("link with a space", "\"href\": \"/dokumenter/samtykke.pdf\"", "\"href\": \"/dokumenter/samtykke skjema.pdf\"".into(), Both),
        ("quick exit over http", "\"exit_url\": \"https://www.yr.no\"", "\"exit_url\": \"http://www.yr.no\"".into(), Both),
        ("law link that is not a web address", "\"url\": \"https://lovdata.no/lov/2021-06-18-97\"", "\"url\": \"lovdata.no/lov\"".into(), Both),
        ("format 2", "\"format\": 1,", "\"format\": 2,".into(), Both),
        ("level number 7", "\"number\": 0,", "\"number\": 7,".into(), Both),
        ("level number 256", "\"number\": 0,", "\"number\": 256,".into(), Both),
        ("level without steps", "\"steps\": [ { \"id\": \"oppstart-1\", \"title\": \"Oppstart\", \"what\": \"W.\", \"how\": \"H.\", \"who\": \"W.\" } ] },", "\"steps\": [] },".into(), Both),
        ("three levels", ",\n    { \"id\": \"niva-3\", \"number\": 3, \"title\": \"Nivå 3\", \"purpose\": \"P.\", \"applies_when\": \"A.\", \"lead\": \"L.\",\n      \"steps\": [ { \"id\": \"oppstart-3\", \"title\": \"Oppstart\", \"what\": \"W.\", \"how\": \"H.\", \"who\": \"W.\" } ] }", String::new(), Both),
        ("result without topics", "\"topics\": [\"omsorgssvikt\"],", "\"topics\": [],".into(), Both),
        ("result without contacts", "\"contacts\": [\"alarmtelefonen\"],", "\"contacts\": [],".into(), Both),
        ("question without answers", "\"answers\": [\n          { \"id\": \"barn\", \"label\": \"Et barn\", \"next\": \"ring-barnevern\" },\n          { \"id\": \"usikker\", \"label\": \"Jeg vet ikke\", \"next\": \"ring-alarm\" }\n        ]", "\"answers\": []".into(), Both),
        ("unknown topic", "\"topics\": [\"usikker\"]", "\"topics\": [\"krig\"]".into(), Both),
        ("unknown scope", "\"scope\": \"national\"", "\"scope\": \"nasjonal\"".into(), Both),
        ("unknown node type", "\"type\": \"result\",", "\"type\": \"resultat\",".into(), Both),
        ("missing required field", "\"now\": \"Ring barnevernet.\",\n", String::new(), Both),
        ("yes/no as text", "\"topics\": [\"usikker\"],", "\"topics\": [\"usikker\"], \"not_sure_ok\": \"ja\",".into(), Both),
        ("language code that is a word", "{ \"lang\": \"nb\", \"reviewed\": true }", "{ \"lang\": \"nb\", \"reviewed\": true }, { \"lang\": \"engelsk\" }".into(), Both),
        ("blank version", "\"version\": \"1\",", "\"version\": \" \",".into(), Both),
        ("postal code of three digits", "\"email\": \"barnevern@test.kommune.no\"", "\"email\": \"barnevern@test.kommune.no\", \"address\": {\"postal_code\": \"999\", \"city\": \"Testby\"}".into(), Both),
        ("opening time without a leading zero", "\"email\": \"barnevern@test.kommune.no\"", "\"email\": \"barnevern@test.kommune.no\", \"opening_hours\": [{\"days\": [\"mandag\"], \"opens\": \"8:00\", \"closes\": \"15:30\"}]".into(), Both),
        ("opening hours without days", "\"email\": \"barnevern@test.kommune.no\"", "\"email\": \"barnevern@test.kommune.no\", \"opening_hours\": [{\"days\": [], \"opens\": \"08:00\", \"closes\": \"15:30\"}]".into(), Both),
        ("valid_from that is no date", "\"id\": \"undring\",", "\"id\": \"undring\", \"valid_from\": \"snart\",".into(), Both),
        ("unknown decision action", "\"to_level\": \"niva-1\"", "\"to_level\": \"niva-1\", \"action\": \"melding\"".into(), Both),
        ("reference to an unknown tool", "\"tools\": [\"samtykke\"]", "\"tools\": [\"samtykk\"]".into(), CheckerOnly(CROSS_REFERENCE)),
        ("answer leading nowhere", "\"next\": \"ring-alarm\"", "\"next\": \"ring-alrm\"".into(), CheckerOnly(CROSS_REFERENCE)),
        ("unknown start node", "\"start\": \"hvem\",", "\"start\": \"hvem-er-det\",".into(), CheckerOnly(CROSS_REFERENCE)),
        ("unknown emergency contact", "\"emergency_contacts\": [\"barnevernet\"]", "\"emergency_contacts\": [\"barnevernvakt\"]".into(), CheckerOnly(CROSS_REFERENCE)),
        ("decision to an unknown level", "\"to_level\": \"niva-1\"", "\"to_level\": \"niva-9\"".into(), CheckerOnly(CROSS_REFERENCE)),
        ("service note for an unknown service", "{ \"service\": \"barnehage\",", "{ \"service\": \"skole\",".into(), CheckerOnly(CROSS_REFERENCE)),
        ("a result's contact nobody can reach", "\"phone\": \"+47 22 40 00 40\",\n      \"email\": \"barnevern@test.kommune.no\"", "\"scope\": \"local\"".into(), CheckerOnly(CROSS_REFERENCE)),
        ("repeated id", "{ \"id\": \"verdier\", \"title\": \"Verdier\", \"body\": \"Vi jobber sammen.\" }", "{ \"id\": \"verdier\", \"title\": \"Verdier\", \"body\": \"Vi jobber sammen.\" }, { \"id\": \"verdier\", \"title\": \"Igjen\", \"body\": \"To ganger.\" }".into(), CheckerOnly("unique ids across items")),
        ("node nobody reaches", "\"nodes\": [", "\"nodes\": [\n      { \"type\": \"result\", \"id\": \"glemt\", \"title\": \"Glemt\", \"topics\": [\"annet\"], \"now\": \"N.\", \"contacts\": [\"alarmtelefonen\"], \"what_happens\": \"W.\" },".into(), CheckerOnly("the guide's graph")),
        ("30 February", "\"updated\": \"2026-03-01\"", "\"updated\": \"2026-02-30\"".into(), CheckerOnly("days per month in the calendar")),
        ("javascript: link inside rich text", "\"note\": \"Gratis og **anonymt**. Se [nettsiden](https://www.116111.no).\"", "\"note\": \"Se [nettsiden](javascript:alert(1)).\"".into(), CheckerOnly("links inside rich text markup")),
        ("closing before opening", "\"email\": \"barnevern@test.kommune.no\"", "\"email\": \"barnevern@test.kommune.no\", \"opening_hours\": [{\"days\": [\"mandag\"], \"opens\": \"15:30\", \"closes\": \"08:00\"}]".into(), CheckerOnly("comparing two fields")),
        ("levels out of order", "\"number\": 0,", "\"number\": 1,".into(), CheckerOnly("the order of items in a list")),
    ];
    raw.into_iter()
        .map(|(name, from, to, seen)| {
            assert!(MINIMAL.contains(from), "{name}: the fixture lacks {from:?}");
            (name, from.to_string(), to, seen)
        })
        .collect()
}

fn ajv(schemas: serde_json::Value, docs: &[(&str, String)]) -> Vec<(bool, Vec<String>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let input = serde_json::json!({
        "schemas": schemas,
        "docs": docs.iter().map(|(schema, text)| serde_json::json!({"schema": schema, "text": text})).collect::<Vec<_>>(),
    });
    let mut child = Command::new("node")
        .arg(root.join("tests/support/schema-validate.mjs"))
        .current_dir(root)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node runs (npm ci installs ajv)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "ajv failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let results: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    results
        .iter()
        .map(|r| {
            let errors = r["errors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e.as_str().unwrap_or("").to_string())
                .collect();
            (r["valid"].as_bool().unwrap(), errors)
        })
        .collect()
}

fn schema(file: &str) -> serde_json::Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(root.join(file)).unwrap()).unwrap()
}

#[test]
fn the_schema_and_the_checker_reject_the_same_single_faults() {
    let corpus = corpus();
    assert!(corpus.len() >= 40, "{} faults", corpus.len());
    let mut docs = vec![("content", MINIMAL.to_string())];
    docs.extend(
        corpus
            .iter()
            .map(|(_, from, to, _)| ("content", MINIMAL.replacen(from.as_str(), to, 1))),
    );
    let results = ajv(
        serde_json::json!({"content": schema("content/schema.json")}),
        &docs,
    );
    assert!(
        results[0].0,
        "the schema accepts the valid fixture: {:?}",
        results[0].1
    );
    assert_eq!(check::load_str(MINIMAL).errors(), 0);
    let mut wrong = Vec::new();
    let (mut both, mut checker_only) = (0, 0);
    for ((name, _, _, seen), ((_, text), (valid, errors))) in
        corpus.iter().zip(docs.iter().skip(1).zip(&results[1..]))
    {
        let checked = check::load_str(text);
        if checked.errors() == 0 {
            wrong.push(format!("bti-check accepts: {name}"));
        }
        match seen {
            Both if *valid => wrong.push(format!("the schema accepts: {name}")),
            Both => both += 1,
            CheckerOnly(why) if !*valid => wrong.push(format!(
                "the schema rejects «{name}», listed as checker-only ({why}): {errors:?}"
            )),
            CheckerOnly(_) => checker_only += 1,
        }
    }
    println!(
        "schema parity: {} single faults; {both} rejected by both bti-check and ajv, {checker_only} checker-only",
        corpus.len()
    );
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn the_committed_content_fits_its_schemas() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs = Vec::new();
    for (dir, index_schema, part_schema) in [
        ("content", "content", "part"),
        ("content/mal", "content", "part"),
        ("content/eksempel-kommune", "overlay", "overlay"),
    ] {
        let mut names: Vec<String> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.ends_with(".json") && !n.ends_with("schema.json"))
            .collect();
        names.sort();
        for name in names {
            let kind = if name.matches('.').count() == 1 {
                index_schema
            } else {
                part_schema
            };
            docs.push((
                kind,
                std::fs::read_to_string(root.join(dir).join(&name)).unwrap(),
            ));
        }
    }
    assert!(docs.len() >= 30, "{}", docs.len());
    let results = ajv(
        serde_json::json!({
            "content": schema("content/schema.json"),
            "part": schema("content/part-schema.json"),
            "overlay": schema("content/overlay-schema.json"),
        }),
        &docs,
    );
    let bad: Vec<_> = results
        .iter()
        .enumerate()
        .filter(|(_, (valid, _))| !valid)
        .map(|(i, (_, errors))| format!("{}: {errors:?}", &docs[i].1[..60.min(docs[i].1.len())]))
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
}
