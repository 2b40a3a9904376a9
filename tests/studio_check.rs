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
