//! How long checking takes: the example content, and a file of about 1 MB.
//! Prints the figures (`cargo test --release --test model_speed -- --nocapture`);
//! no time is asserted: `make bench` measures parse + check in the browser.

use std::time::Instant;

use bti_veileder::model::{load_split, load_str, Part};

fn example() -> (String, Vec<(Part, String)>) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/content/");
    let index = std::fs::read_to_string(format!("{dir}eksempel-kommune.json")).unwrap();
    let parts = [
        ("eksempel-kommune.guide.json", "guide"),
        ("eksempel-kommune.handbook.json", "handbook"),
    ]
    .iter()
    .map(|(file, section)| {
        let part: Part = bti_veileder::model::decode::from_str(&format!(
            r#"{{"src":"{file}","section":"{section}"}}"#
        ))
        .unwrap();
        (
            part,
            std::fs::read_to_string(format!("{dir}{file}")).unwrap(),
        )
    })
    .collect();
    (index, parts)
}

/// A self-contained file of about `bytes`: the example's contacts repeated under new ids.
fn big_file(bytes: usize) -> String {
    let (index, parts) = example();
    let mut doc: serde_json::Value = serde_json::from_str(&index).unwrap();
    let obj = doc.as_object_mut().unwrap();
    obj.remove("parts");
    for (_, text) in &parts {
        let part: serde_json::Value = serde_json::from_str(text).unwrap();
        for (k, v) in part.as_object().unwrap() {
            if k != "$schema" {
                obj.insert(k.clone(), v.clone());
            }
        }
    }
    let tools = obj["tools"].as_array().unwrap().clone();
    let mut n = 0;
    while serde_json::to_string(&doc).unwrap().len() < bytes {
        let list = doc["tools"].as_array_mut().unwrap();
        for t in &tools {
            let mut t = t.clone();
            t["id"] = format!("{}-kopi-{n}", t["id"].as_str().unwrap()).into();
            list.push(t);
        }
        n += 1;
    }
    serde_json::to_string_pretty(&doc).unwrap()
}

#[test]
fn the_example_and_a_one_megabyte_file_check_clean_and_the_time_is_printed() {
    let (index, parts) = example();
    let parts_ref: Vec<(Part, &str)> = parts.iter().map(|(p, t)| (p.clone(), t.as_str())).collect();
    let start = Instant::now();
    let runs = 20;
    for _ in 0..runs {
        let checked = load_split(&index, &parts_ref);
        assert_eq!(checked.errors(), 0);
    }
    let example_ms = start.elapsed().as_secs_f64() * 1000.0 / runs as f64;

    let big = big_file(1_000_000);
    let start = Instant::now();
    let checked = load_str(&big);
    let big_ms = start.elapsed().as_secs_f64() * 1000.0;
    assert!(
        checked.content.is_some(),
        "the big file is valid: {:?}",
        checked.problems.first()
    );
    println!(
        "check: example content {example_ms:.2} ms per check; {} bytes in {big_ms:.1} ms",
        big.len()
    );
}
