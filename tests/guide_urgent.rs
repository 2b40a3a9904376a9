//! The urgent rule: results about violence, sexual abuse, neglect, self-harm or
//! suicide open with the built-in danger line, by construction (their `topics`),
//! and the example's other results that touch danger put it first themselves.

#[path = "support/example.rs"]
mod support;

use std::collections::BTreeSet;

use bti_veileder::model::{check, rich, Guide, Node, ResultNode, Topic};

const ALL: [Topic; 11] = [
    Topic::Vold,
    Topic::Overgrep,
    Topic::Omsorgssvikt,
    Topic::Selvskading,
    Topic::Selvmord,
    Topic::RusPsykisk,
    Topic::Mobbing,
    Topic::Nett,
    Topic::Eldre,
    Topic::Usikker,
    Topic::Annet,
];

fn result_with(topics: &[Topic]) -> ResultNode {
    ResultNode {
        id: "r".into(),
        title: "Ring".into(),
        not_sure_ok: false,
        topics: topics.to_vec(),
        now: "x".into(),
        contacts: vec!["a".into()],
        what_happens: "y".into(),
        talk: None,
        alternatives: None,
        editor_note: None,
        status: None,
        valid_from: None,
    }
}

#[test]
fn exactly_violence_abuse_neglect_self_harm_and_suicide_are_urgent() {
    let urgent: Vec<Topic> = ALL.into_iter().filter(|t| t.is_urgent()).collect();
    assert_eq!(
        urgent,
        [
            Topic::Vold,
            Topic::Overgrep,
            Topic::Omsorgssvikt,
            Topic::Selvskading,
            Topic::Selvmord
        ]
    );
}

#[test]
fn one_urgent_topic_among_others_makes_the_result_urgent() {
    assert!(result_with(&[Topic::Eldre, Topic::Vold]).is_urgent());
    assert!(!result_with(&[Topic::Mobbing, Topic::Nett]).is_urgent());
}

#[test]
fn a_result_without_topics_is_an_error_and_still_gets_the_danger_line() {
    assert!(result_with(&[]).is_urgent(), "safe by default");
    let text = include_str!("fixtures/minimal.json")
        .replace("\"topics\": [\"usikker\"],", "\"topics\": [],");
    let checked = check::load_str(&text);
    let p = checked
        .problems
        .iter()
        .find(|p| p.path == "guide.nodes[ring-alarm].topics")
        .expect("an empty topics list is reported at its place");
    assert!(p.is_error());
    assert!(
        p.message.starts_with("Resultatet har ikke noe tema."),
        "{}",
        p.message
    );
}

#[test]
fn a_result_without_the_topics_field_is_reported_and_not_shown() {
    let text = include_str!("fixtures/minimal.json").replace("\"topics\": [\"usikker\"],", "");
    let checked = check::load_str(&text);
    assert!(
        checked
            .problems
            .iter()
            .any(|p| p.is_error() && p.message.contains("«topics»")),
        "{:#?}",
        checked.problems
    );
}

#[test]
fn an_unknown_topic_names_the_allowed_ones() {
    let text = include_str!("fixtures/minimal.json")
        .replace("\"topics\": [\"usikker\"],", "\"topics\": [\"krig\"],");
    let checked = check::load_str(&text);
    assert!(
        checked.problems.iter().any(|p| p.message.starts_with(
            "Ukjent verdi «krig». Bruk en av disse: vold, overgrep, omsorgssvikt, selvskading, selvmord, rus-psykisk, mobbing, nett, eldre, usikker, annet."
        )),
        "{:#?}",
        checked.problems
    );
}

/// Every result reachable from the start, by walking every answer.
fn reachable_results(guide: &Guide) -> Vec<&ResultNode> {
    let by_id = |id: &str| guide.nodes.iter().find(|n| n.id() == id);
    let mut seen = BTreeSet::new();
    let mut todo = vec![guide.start.as_str()];
    let mut out = Vec::new();
    while let Some(id) = todo.pop() {
        if !seen.insert(id.to_string()) {
            continue;
        }
        match by_id(id) {
            Some(Node::Question(q)) => todo.extend(q.answers.iter().map(|a| a.next.as_str())),
            Some(Node::Result(r)) => out.push(r),
            None => panic!("the guide names a node «{id}» that does not exist"),
        }
    }
    out
}

#[test]
fn in_the_example_every_result_about_danger_puts_the_danger_first() {
    let content = support::load(support::EXAMPLE)
        .content
        .expect("the example loads");
    let guide = content.guide.as_ref().expect("the example has a guide");
    let results = reachable_results(guide);
    assert!(
        results.len() >= 15,
        "every result is reachable ({})",
        results.len()
    );
    let urgent: Vec<&str> = results
        .iter()
        .filter(|r| r.is_urgent())
        .map(|r| r.id.as_str())
        .collect();
    for id in [
        "r-vold-barn",
        "r-overgrep-barn",
        "r-omsorgssvikt",
        "r-selvskading",
        "r-selvmordstanker",
    ] {
        assert!(
            urgent.contains(&id),
            "{id} opens with the built-in danger line (urgent topics)"
        );
    }
    // Results the audit found with the danger line late: either the built-in line
    // opens them, or their own first paragraph of "now" names an emergency number.
    for id in [
        "r-selvskading",
        "r-eldre",
        "r-omsorgssvikt",
        "r-foreldre-rus-psykisk",
        "r-voksen-rus-psykisk",
        "r-meg-forelder",
    ] {
        let r = results
            .iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("{id} is reachable"));
        let first = r.now.get("nb").split("\n\n").next().unwrap_or("");
        let plain = rich::plain(first);
        assert!(
            r.is_urgent() || ["112", "113", "110"].iter().any(|n| plain.contains(n)),
            "{id}: the danger comes first (urgent topics, or 112, 113 or 110 in the first paragraph of «now»)"
        );
    }
}

/// Whoever reports to barnevernet learns first, not last, that a receipt is all
/// they will hear: the first paragraph of "what happens" says so, in nb and nn.
#[test]
fn every_report_to_barnevernet_says_up_front_that_no_feedback_follows_the_receipt() {
    let content = support::load(support::EXAMPLE)
        .content
        .expect("the example loads");
    let guide = content.guide.as_ref().expect("the example has a guide");
    let mut reports = 0;
    for r in reachable_results(guide) {
        let nb = r.what_happens.get("nb").to_lowercase();
        if !(nb.contains("melding") && nb.contains("barnevern")) {
            continue;
        }
        reports += 1;
        for (lang, words) in [
            ("nb", ["kvittering", "hører du ikke mer"]),
            ("nn", ["kvittering", "høyrer du ikkje meir"]),
        ] {
            let text = r.what_happens.get(lang);
            let first = rich::plain(text.split("\n\n").next().unwrap_or(""));
            for w in words {
                assert!(
                    first.contains(w),
                    "{} ({lang}): the first paragraph of «what_happens» says «{w}»: {first}",
                    r.id
                );
            }
        }
    }
    assert!(
        reports >= 4,
        "the example has results about a report to barnevernet ({reports})"
    );
}
