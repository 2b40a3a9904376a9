//! The example kommune's texts are easy to read where it matters most: LIX
//! (`model::lix`) of every bokmål and nynorsk text of 20 words or more, against
//! the targets of issue 11. `cargo test --test content_readability -- --nocapture`
//! prints the figures and the worst texts.

#[path = "support/example.rs"]
mod support;

use bti_veileder::model::{lix, merge, Content, Node, Section, Topic};
use serde_json::Value;

/// One scored text: where it is, its language, and its LIX.
struct Scored {
    place: String,
    lang: &'static str,
    lix: f64,
}

/// Fields whose text readers never see.
const HIDDEN: &[&str] = &["editor_note", "$schema", "href", "url", "id", "src"];

fn walk(v: &Value, place: &str, out: &mut Vec<Scored>) {
    let mut push = |text: &str, lang: &'static str| {
        if let Some(lix) = lix::score(text) {
            out.push(Scored {
                place: place.to_string(),
                lang,
                lix,
            });
        }
    };
    match v {
        Value::String(s) => push(s, "nb"),
        // A text given per language.
        Value::Object(map) if map.get("nb").is_some_and(Value::is_string) => {
            for lang in ["nb", "nn"] {
                if let Some(Value::String(s)) = map.get(lang) {
                    push(s, lang);
                }
            }
        }
        Value::Object(map) => {
            for (k, child) in map.iter().filter(|(k, _)| !HIDDEN.contains(&k.as_str())) {
                walk(child, &format!("{place}.{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let name = child
                    .get("id")
                    .and_then(Value::as_str)
                    .map_or(i.to_string(), str::to_string);
                walk(child, &format!("{place}[{name}]"), out);
            }
        }
        _ => {}
    }
}

fn scored(content: &Content, sections: &[&str]) -> Vec<Scored> {
    let tree = serde_json::to_value(content).unwrap();
    let mut out = Vec::new();
    for section in sections {
        if let Some(v) = tree.get(section) {
            walk(v, section, &mut out);
        }
    }
    out.sort_by(|a, b| b.lix.total_cmp(&a.lix));
    out
}

fn median(list: &[Scored]) -> f64 {
    let mut v: Vec<f64> = list.iter().map(|s| s.lix).collect();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => 0.0,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

fn report(name: &str, list: &[Scored], over: f64) -> usize {
    let count = list.iter().filter(|s| s.lix > over).count();
    println!(
        "{name}: {} texts, median {:.1}, {count} over {over}, worst {:.1}",
        list.len(),
        median(list),
        list.first().map_or(0.0, |s| s.lix)
    );
    for s in list.iter().take(8) {
        println!("  {:5.1}  {} ({})", s.lix, s.place, s.lang);
    }
    count
}

fn example() -> Content {
    support::load(support::EXAMPLE)
        .content
        .expect("the example loads")
}

/// Citizen texts: the guide, the glossary shown with it, and contact notes.
#[test]
fn guide_texts_are_easy_to_read() {
    let content = example();
    let mut sections = merge::section_keys(Section::Guide).to_vec();
    sections.push("contacts");
    let texts = scored(&content, &sections);
    assert!(
        texts.len() > 50,
        "the guide has its texts ({} scored)",
        texts.len()
    );
    let over_35 = report("guide", &texts, 35.0);
    let worst: Vec<_> = texts
        .iter()
        .filter(|s| s.lix > 45.0)
        .map(|s| format!("{} ({}) {:.1}", s.place, s.lang, s.lix))
        .collect();
    assert!(worst.is_empty(), "guide texts over LIX 45: {worst:#?}");
    assert!(
        over_35 <= 10,
        "{over_35} guide texts over LIX 35 (at most 10)"
    );
}

/// Results about violence, sexual abuse, self-harm and suicide: every text at most 35.
#[test]
fn results_about_danger_are_the_easiest_to_read() {
    let content = example();
    let guide = content.guide.as_ref().expect("the example has a guide");
    let hard = [
        Topic::Vold,
        Topic::Overgrep,
        Topic::Selvskading,
        Topic::Selvmord,
    ];
    let mut checked = 0;
    for node in &guide.nodes {
        let Node::Result(r) = node else { continue };
        if !r.topics.iter().any(|t| hard.contains(t)) {
            continue;
        }
        let mut list = Vec::new();
        walk(
            &serde_json::to_value(r).unwrap(),
            &format!("guide.nodes[{}]", r.id),
            &mut list,
        );
        checked += 1;
        for s in list {
            assert!(
                s.lix <= 35.0,
                "{} ({}) has LIX {:.1}, over 35",
                s.place,
                s.lang,
                s.lix
            );
        }
    }
    assert!(
        checked >= 3,
        "the example has results about violence, abuse, self-harm and suicide ({checked})"
    );
}

#[test]
fn handbook_texts_are_readable() {
    let content = example();
    let texts = scored(&content, merge::section_keys(Section::Handbook));
    assert!(
        texts.len() > 50,
        "the handbook has its texts ({} scored)",
        texts.len()
    );
    let over_45 = report("handbook", &texts, 45.0);
    let m = median(&texts);
    assert!(m <= 40.0, "handbook median LIX {m:.1} (at most 40)");
    assert!(
        over_45 <= 20,
        "{over_45} handbook texts over LIX 45 (at most 20)"
    );
}
