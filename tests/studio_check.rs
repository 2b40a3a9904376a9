//! The studio's checker (the wasm export `studioCheck`) gives the very problems
//! `bti-check` gives for the same broken files: same file, line, column, path,
//! severity and Norwegian message.

use std::path::Path;
use std::process::Command;

use bti_veileder::model::Gate;
use bti_veileder::studio::check_files;

const FILES: &[&str] = &[
    "eksempel-kommune.json",
    "eksempel-kommune.guide.json",
    "eksempel-kommune.handbook.json",
    "eksempel-kommune.guide.en.json",
    "eksempel-kommune.handbook.en.json",
    "eksempel-kommune.guide.nn.json",
    "eksempel-kommune.handbook.nn.json",
    "eksempel-kommune.guide.ar.json",
    "eksempel-kommune.guide.uk.json",
    "eksempel-kommune.guide.pl.json",
];

/// The example with mistakes an editor makes, in the index and in two parts.
fn broken() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    FILES
        .iter()
        .map(|name| {
            let mut text = std::fs::read_to_string(dir.join(name)).unwrap();
            match *name {
                "eksempel-kommune.json" => {
                    text = text.replacen("\"phone\": \"116 111\"", "\"phone\": \"116 11x\"", 1)
                }
                "eksempel-kommune.guide.json" => {
                    text =
                        text.replacen("\"next\": \"q-kjent-barn\"", "\"next\": \"finnes-ikke\"", 1)
                }
                "eksempel-kommune.handbook.json" => {
                    text = text.replacen("\"undringssamtale\",", "\"finnes-ikke-verktøy\",", 1)
                }
                _ => {}
            }
            (name.to_string(), text)
        })
        .collect()
}

#[test]
fn studio_check_gives_the_problems_bti_check_gives() {
    let files = broken();
    let dir = std::env::temp_dir().join(format!("bti-studio-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in &files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_bti-check"))
        .arg("--json")
        .arg(dir.join(FILES[0]))
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let cli: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let from_cli: Vec<String> = cli
        .iter()
        .map(|p| {
            let file = Path::new(p["file"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            format!(
                "{file}:{}:{}: {}: {}: {}",
                p["line"],
                p["column"],
                p["severity"].as_str().unwrap(),
                p["path"].as_str().unwrap(),
                p["message"].as_str().unwrap()
            )
        })
        .collect();

    // The studio gets the files in another order than the index names them.
    let mut order: Vec<usize> = (0..files.len()).collect();
    order[1..].reverse();
    let names: Vec<String> = order.iter().map(|&i| files[i].0.clone()).collect();
    let texts: Vec<String> = order.iter().map(|&i| files[i].1.clone()).collect();
    let report = check_files(&names, &texts);
    let from_studio: Vec<String> = report
        .problems
        .iter()
        .map(|(file, p)| {
            format!(
                "{}:{}:{}: {}: {}: {}",
                names[*file],
                p.line,
                p.column,
                p.severity.as_str(),
                p.path,
                p.message
            )
        })
        .collect();

    assert_eq!(from_studio, from_cli);
    for wanted in ["116 11x", "finnes-ikke", "finnes-ikke-verktøy"] {
        assert!(
            from_studio.iter().any(|l| l.contains(wanted)),
            "no problem names {wanted}: {from_studio:#?}"
        );
    }
    assert!(report.preview.is_some(), "these mistakes are not fatal");
}

#[test]
fn the_preview_is_the_merged_document_the_widget_would_show() {
    let files = broken();
    let names: Vec<String> = files.iter().map(|f| f.0.clone()).collect();
    let texts: Vec<String> = files.iter().map(|f| f.1.clone()).collect();
    let merged = bti_veileder::studio::merge_files(&names, &texts).unwrap();
    let v: serde_json::Value = serde_json::from_str(&merged).unwrap();
    assert!(v.get("parts").is_none());
    assert!(v["guide"]["nodes"].as_array().unwrap().len() > 5);
    assert!(v["levels"].as_array().unwrap().len() == 4);
    // Overlays became per-language texts.
    assert!(
        v["levels"][0]["title"]["en"].is_string(),
        "{}",
        v["levels"][0]["title"]
    );
}

#[test]
fn the_new_file_shows_in_the_preview_and_every_placeholder_is_flagged() {
    let text = include_str!("../studio/ny-fil.json").to_string();
    let report = check_files(&["ny.json".to_string()], std::slice::from_ref(&text));
    assert!(report.preview.is_some(), "{:#?}", report.problems);
    let flagged = report
        .problems
        .iter()
        .filter(|(_, p)| p.gate == Some(Gate::Placeholder))
        .count();
    // A placeholder where a phone number belongs is an error of its own: it is not a number.
    let phones = text.matches("\"phone\": \"[FYLL INN").count();
    let written = text.matches("[FYLL INN").count() - phones;
    assert_eq!(flagged, written);
    assert!(written > 20);
    let bad_phones = report
        .problems
        .iter()
        .filter(|(_, p)| {
            p.path.ends_with(".phone") && p.severity == bti_veileder::model::Severity::Error
        })
        .count();
    assert_eq!(bad_phones, phones);
}

/// Open files as the studio gets them: (name, text).
type Files = Vec<(String, String)>;

/// The example kommune's overlay sources (`content/eksempel-kommune/`) with a
/// stale stamp and an override of an id the template lacks, and the template's
/// files as the studio names them when it fetches them from `pkg/mal/`.
fn overlay_broken() -> (Files, Files) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let read_dir = |dir: &Path| {
        let mut list: Vec<(String, String)> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read_to_string(&p).unwrap())
            })
            .collect();
        list.sort();
        list
    };
    let mut own = read_dir(&root.join("eksempel-kommune"));
    // The index first, as the studio keeps it.
    own.sort_by_key(|(n, _)| n != "eksempel-kommune.json");
    for (name, text) in &mut own {
        if name == "eksempel-kommune.handbook.json" {
            let stamp = text.split("\"based_on\": \"").nth(1).unwrap()[..8].to_string();
            *text = text.replacen(&stamp, "00000000", 1);
            *text = text.replacen(
                "\"kommune\": [",
                "\"kommune\": [\n      { \"id\": \"finnes-ikke-i-malen\", \"based_on\": \"12345678\" },",
                1,
            );
        }
        if name == "eksempel-kommune.json" {
            *text = text.replacen(
                "\"contacts\": [",
                "\"contacts\": [\n    { \"id\": \"kontakt-som-malen-ikke-har\", \"remove\": true },",
                1,
            );
        }
    }
    let template = read_dir(&root.join("mal"))
        .into_iter()
        .map(|(n, t)| (format!("mal/{n}"), t))
        .collect();
    (own, template)
}

#[test]
fn an_overlay_is_checked_with_its_template_as_bti_check_does() {
    let (own, template) = overlay_broken();
    let dir = std::env::temp_dir().join(format!("bti-studio-mal-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("eksempel-kommune")).unwrap();
    std::fs::create_dir_all(dir.join("mal")).unwrap();
    for (name, text) in &own {
        std::fs::write(dir.join("eksempel-kommune").join(name), text).unwrap();
    }
    for (name, text) in &template {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_bti-check"))
        .arg("--json")
        .arg(dir.join("eksempel-kommune/eksempel-kommune.json"))
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let cli: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let line = |file: &str,
                line: &serde_json::Value,
                col: &serde_json::Value,
                sev: &str,
                path: &str,
                msg: &str| {
        let file = Path::new(file)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        format!("{file}:{line}:{col}: {sev}: {path}: {msg}")
    };
    let mut from_cli: Vec<String> = cli
        .iter()
        .map(|p| {
            line(
                p["file"].as_str().unwrap(),
                &p["line"],
                &p["column"],
                p["severity"].as_str().unwrap(),
                p["path"].as_str().unwrap(),
                p["message"].as_str().unwrap(),
            )
        })
        .collect();

    let all: Vec<&(String, String)> = own.iter().chain(&template).collect();
    let names: Vec<String> = all.iter().map(|f| f.0.clone()).collect();
    let texts: Vec<String> = all.iter().map(|f| f.1.clone()).collect();
    let report = check_files(&names, &texts);
    let mut from_studio: Vec<String> = report
        .problems
        .iter()
        .map(|(file, p)| {
            line(
                &names[*file],
                &p.line.into(),
                &p.column.into(),
                p.severity.as_str(),
                &p.path,
                &p.message,
            )
        })
        .collect();
    // The same problems; the order of files differs (the studio gets them sorted by name).
    from_cli.sort();
    from_studio.sort();
    assert_eq!(from_studio, from_cli);
    for wanted in [
        "Malen har endret",
        "«finnes-ikke-i-malen»",
        "«kontakt-som-malen-ikke-har»",
    ] {
        assert!(
            from_studio.iter().any(|l| l.contains(wanted)),
            "no problem says {wanted}: {from_studio:#?}"
        );
    }
    // The overlay's merge problems are marked for the studio's list of them.
    let v: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    let marked: Vec<&str> = v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["template"] == true)
        .map(|p| p["message"].as_str().unwrap())
        .collect();
    assert_eq!(marked.len(), 3, "{marked:#?}");
    assert!(marked.iter().any(|m| m.starts_with("Malen har endret")));
    // The preview is the whole merged document: the template's levels, the kommune's contacts.
    let preview: serde_json::Value =
        serde_json::from_str(report.preview.as_deref().unwrap()).unwrap();
    assert_eq!(preview["levels"].as_array().unwrap().len(), 4);
    assert!(preview.get("extends").is_none());
    assert!(preview["meta"]["kommune"]["nb"]
        .as_str()
        .unwrap()
        .contains("Eksempel"));
}

#[test]
fn an_overlay_without_its_template_names_where_the_studio_looks() {
    let (own, _) = overlay_broken();
    let names: Vec<String> = own.iter().map(|f| f.0.clone()).collect();
    let texts: Vec<String> = own.iter().map(|f| f.1.clone()).collect();
    let report = check_files(&names, &texts);
    assert_eq!(report.preview, None);
    let (file, p) = report
        .problems
        .iter()
        .find(|(_, p)| p.path == "extends")
        .expect("a problem at extends");
    assert_eq!((*file, p.line, p.fatal), (0, 3, true));
    assert_eq!(p.message, "Malen «../mal/bti-mal.json» ble ikke funnet. Redaktøren henter malen fra mappen «mal» ved siden av redaktor.html; ligger den ikke der, åpne malens filer (bti-mal.json med delfilene) sammen med dine.");
}

#[test]
fn the_report_groups_what_blocks_publishing_as_bti_check_publish_does() {
    // The bare overlay "Ny fil" starts from: everything the template leaves open.
    let (_, template) = overlay_broken();
    let version = serde_json::from_str::<serde_json::Value>(&template[template.len() - 1].1)
        .unwrap()["meta"]["version"]
        .as_str()
        .unwrap()
        .to_string();
    let start = format!(
        "{{\n  \"extends\": \"mal/bti-mal.json\",\n  \"template_version\": \"{version}\"\n}}\n"
    );
    let mut names = vec!["innhold.json".to_string()];
    let mut texts = vec![start];
    names.extend(template.iter().map(|f| f.0.clone()));
    texts.extend(template.iter().map(|f| f.1.clone()));
    let report = check_files(&names, &texts);
    assert!(report.preview.is_some(), "{:#?}", report.problems);
    let v: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    let titles: Vec<&str> = Gate::ALL.iter().map(|g| g.title()).collect();
    assert_eq!(v["gates"], serde_json::json!(titles));
    for (n, gate) in Gate::ALL.iter().enumerate() {
        let in_json = v["problems"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["gate"] == n)
            .count();
        let in_report = report
            .problems
            .iter()
            .filter(|(_, p)| p.gate == Some(*gate))
            .count();
        assert_eq!(in_json, in_report, "{}", gate.title());
        // The template leaves drafts, placeholders and unreviewed languages for the kommune.
        if matches!(gate, Gate::Draft | Gate::Placeholder | Gate::Language) {
            assert!(in_report > 0, "nothing in {}", gate.title());
        }
    }
    // Problems in the template's own files are on the template's files.
    assert!(report.problems.iter().all(|(f, _)| *f < names.len()));
}

#[test]
fn readability_of_the_text_under_the_cursor_uses_the_checkers_rules_and_limits() {
    let text = "Dette er en ganske vanlig setning med mange ord som ikke er veldig lange, og den fortsetter litt til her.";
    let r = bti_veileder::studio::readability(text, "guide", "text").unwrap();
    assert_eq!((r.counts.words, r.score, r.limit), (20, Some(30.0), 35.0));
    assert_eq!(
        r.to_json(),
        "{\"words\":20,\"long_words\":2,\"sentences\":1,\"score\":30.0,\"limit\":35,\"min_words\":20}"
    );
    assert_eq!(
        bti_veileder::studio::readability(text, "levels", "purpose").map(|r| r.limit),
        Some(45.0)
    );
    // An id, a URL or a date is no text, whatever it looks like.
    assert_eq!(bti_veileder::studio::readability(text, "guide", "id"), None);
    let short = bti_veileder::studio::readability("Ring 112 nå.", "contacts", "note").unwrap();
    assert_eq!((short.counts.words, short.score), (2, None));
    assert!(short.to_json().contains("\"score\":null"));
}
