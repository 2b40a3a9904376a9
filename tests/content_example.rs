//! The example kommune's content (index + guide part + handbook part) parses
//! strictly into `Content` and is internally consistent: ids are unique, every
//! reference resolves, and the citizen guide is a tree where every path ends in
//! a result.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use bti_veileder::model::{merge, Content, Node, Section, Text};
use serde_json::{Map, Value};

const INDEX: &str = "content/eksempel-kommune.json";

fn read_json(path: &Path) -> Value {
    let raw = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&raw).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// Index plus the top-level keys of each base part (translation overlays left out),
/// without `parts` and the parts' `$schema`.
fn merged() -> Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let index_path = root.join(INDEX);
    let mut index = read_json(&index_path);
    let obj: &mut Map<String, Value> = index.as_object_mut().expect("index is an object");
    let parts = obj.remove("parts").expect("index names its parts");
    let dir = index_path.parent().unwrap();
    for part in parts.as_array().expect("parts is an array") {
        // Translation overlays repeat the base's keys on purpose; `model::merge` joins
        // them and `model_content` checks the result. These tests look at the base.
        if part.get("lang").is_some() {
            continue;
        }
        let src = part["src"].as_str().expect("part src");
        let section = part["section"].as_str().expect("part section");
        let allowed = match section {
            "guide" => merge::section_keys(Section::Guide),
            "handbook" => merge::section_keys(Section::Handbook),
            other => panic!("unknown section {other}"),
        };
        let Value::Object(part_obj) = read_json(&dir.join(src)) else {
            panic!("{src} is not an object");
        };
        for (key, value) in part_obj {
            if key == "$schema" {
                continue;
            }
            assert!(
                allowed.contains(&key.as_str()),
                "{src}: key {key} is not in section {section}"
            );
            assert!(!obj.contains_key(&key), "{src}: key {key} is given twice");
            obj.insert(key, value);
        }
    }
    index
}

fn content() -> Content {
    let text = serde_json::to_string(&merged()).unwrap();
    bti_veileder::model::decode::from_str(&text)
        .unwrap_or_else(|e| panic!("content does not parse strictly: {e}"))
}

fn unique<'a>(what: &str, ids: impl IntoIterator<Item = &'a str>) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    for id in ids {
        assert!(!id.trim().is_empty(), "{what}: empty id");
        assert!(seen.insert(id), "{what}: id {id} is used twice");
    }
    seen
}

fn non_empty(path: &str, text: &Text) {
    assert!(!text.is_empty(), "{path} is empty");
}

#[test]
fn example_content_parses_strictly() {
    let c = content();
    assert_eq!(c.format, 1);
    assert!(
        c.meta.example,
        "the example kommune is marked as example content"
    );
    assert_eq!(c.meta.kommune.get("nb"), "Eksempel kommune");
    assert!(c
        .meta
        .exit_url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://")));
}

#[test]
fn ids_are_unique() {
    let c = content();
    unique("contacts", c.contacts.iter().map(|x| x.id.as_str()));
    unique("services", c.services.iter().map(|x| x.id.as_str()));
    unique("tools", c.tools.iter().map(|x| x.id.as_str()));
    unique("laws", c.laws.iter().map(|x| x.id.as_str()));
    unique("roles", c.roles.iter().map(|x| x.id.as_str()));
    unique("glossary", c.glossary.iter().map(|x| x.id.as_str()));
    unique(
        "pages",
        c.publication
            .kommune
            .iter()
            .chain(&c.publication.etat)
            .map(|x| x.id.as_str()),
    );
    unique("levels", c.levels.iter().map(|x| x.id.as_str()));
    unique(
        "steps",
        c.levels
            .iter()
            .flat_map(|l| l.steps.iter().map(|s| s.id.as_str())),
    );
    let guide = c.guide.as_ref().expect("guide");
    unique("guide nodes", guide.nodes.iter().map(|n| n.id().as_str()));
    for node in &guide.nodes {
        if let Node::Question(q) = node {
            unique(
                &format!("answers of {}", q.id),
                q.answers.iter().map(|a| a.id.as_str()),
            );
        }
    }
}

#[test]
fn every_reference_resolves() {
    let c = content();
    let contacts: BTreeSet<_> = c.contacts.iter().map(|x| x.id.as_str()).collect();
    let services: BTreeSet<_> = c.services.iter().map(|x| x.id.as_str()).collect();
    let tools: BTreeSet<_> = c.tools.iter().map(|x| x.id.as_str()).collect();
    let laws: BTreeSet<_> = c.laws.iter().map(|x| x.id.as_str()).collect();
    let roles: BTreeSet<_> = c.roles.iter().map(|x| x.id.as_str()).collect();
    let levels: BTreeSet<_> = c.levels.iter().map(|x| x.id.as_str()).collect();

    for s in &c.services {
        for id in &s.contacts {
            assert!(
                contacts.contains(id.as_str()),
                "services.{}: unknown contact {id}",
                s.id
            );
        }
    }
    for l in &c.levels {
        for s in &l.steps {
            let at = format!("levels.{}.steps.{}", l.id, s.id);
            for id in &s.tools {
                assert!(tools.contains(id.as_str()), "{at}: unknown tool {id}");
            }
            for id in &s.laws {
                assert!(laws.contains(id.as_str()), "{at}: unknown law {id}");
            }
            for id in &s.roles {
                assert!(roles.contains(id.as_str()), "{at}: unknown role {id}");
            }
            for d in &s.decisions {
                if let Some(to) = &d.to_level {
                    assert!(levels.contains(to.as_str()), "{at}: unknown level {to}");
                }
            }
            for n in &s.service_notes {
                assert!(
                    services.contains(n.service.as_str()),
                    "{at}: unknown service {}",
                    n.service
                );
                for id in &n.contacts {
                    assert!(contacts.contains(id.as_str()), "{at}: unknown contact {id}");
                }
            }
        }
    }
    let guide = c.guide.as_ref().expect("guide");
    for id in &guide.emergency_contacts {
        assert!(
            contacts.contains(id.as_str()),
            "guide.emergency_contacts: unknown contact {id}"
        );
    }
    let nodes: BTreeSet<_> = guide.nodes.iter().map(|n| n.id().as_str()).collect();
    assert!(
        nodes.contains(guide.start.as_str()),
        "guide.start: unknown node {}",
        guide.start
    );
    for node in &guide.nodes {
        match node {
            Node::Question(q) => {
                for a in &q.answers {
                    assert!(
                        nodes.contains(a.next.as_str()),
                        "guide.{}.{}: unknown node {}",
                        q.id,
                        a.id,
                        a.next
                    );
                }
            }
            Node::Result(r) => {
                for id in &r.contacts {
                    assert!(
                        contacts.contains(id.as_str()),
                        "guide.{}: unknown contact {id}",
                        r.id
                    );
                }
            }
        }
    }
}

#[test]
fn guide_is_a_tree_of_questions_ending_in_results() {
    let c = content();
    let guide = c.guide.as_ref().expect("guide");
    let by_id: BTreeMap<&str, &Node> = guide.nodes.iter().map(|n| (n.id().as_str(), n)).collect();

    // Depth-first walk from the start; a node met again on the current path is a loop.
    fn walk<'a>(
        id: &'a str,
        by_id: &BTreeMap<&'a str, &'a Node>,
        path: &mut Vec<&'a str>,
        seen: &mut BTreeSet<&'a str>,
    ) {
        assert!(
            !path.contains(&id),
            "guide loops: {} -> {id}",
            path.join(" -> ")
        );
        seen.insert(id);
        match by_id[id] {
            Node::Question(q) => {
                assert!(
                    !q.answers.is_empty(),
                    "guide.{}: a question without answers is a dead end",
                    q.id
                );
                path.push(id);
                for a in &q.answers {
                    walk(a.next.as_str(), by_id, path, seen);
                }
                path.pop();
            }
            Node::Result(r) => {
                assert!(
                    !r.contacts.is_empty(),
                    "guide.{}: a result needs at least one contact",
                    r.id
                );
            }
        }
    }
    let mut seen = BTreeSet::new();
    walk(guide.start.as_str(), &by_id, &mut Vec::new(), &mut seen);
    for id in by_id.keys() {
        assert!(
            seen.contains(id),
            "guide.{id} cannot be reached from the start"
        );
    }
    match by_id[guide.start.as_str()] {
        Node::Question(q) => assert_eq!(q.title.get("nb"), "Hvem er du bekymret for?"),
        Node::Result(_) => panic!("the guide starts with a question"),
    }
}

#[test]
fn example_is_complete_enough_to_start_from() {
    let c = content();
    let guide = c.guide.as_ref().expect("guide");
    assert!(
        guide.nodes.len() >= 15,
        "guide has {} nodes",
        guide.nodes.len()
    );
    assert!(c.services.len() >= 8, "{} services", c.services.len());
    assert!(c.tools.len() >= 8, "{} tools", c.tools.len());
    assert!(c.laws.len() >= 8, "{} laws", c.laws.len());
    assert!(!guide.emergency_contacts.is_empty());

    let shape: Vec<(u8, usize)> = c.levels.iter().map(|l| (l.number, l.steps.len())).collect();
    assert_eq!(shape, vec![(0, 4), (1, 5), (2, 5), (3, 5)]);
    for (i, l) in c.levels.iter().enumerate() {
        assert_eq!(l.id, *format!("niva-{i}"));
        non_empty(&format!("{}.purpose", l.id), &l.purpose);
        non_empty(&format!("{}.applies_when", l.id), &l.applies_when);
        non_empty(&format!("{}.lead", l.id), &l.lead);
        for s in &l.steps {
            let at = format!("{}.{}", l.id, s.id);
            non_empty(&format!("{at}.what"), &s.what);
            non_empty(&format!("{at}.how"), &s.how);
            non_empty(&format!("{at}.who"), &s.who);
        }
        let last = l.steps.last().unwrap();
        assert!(
            !last.decisions.is_empty(),
            "{}: the last step decides where the case goes",
            l.id
        );
        assert!(
            last.decisions.iter().any(|d| d.to_level.is_none()),
            "{}: a case can always be closed",
            l.id
        );
    }
    let level0_end = c.levels[0].steps.last().unwrap();
    assert!(
        level0_end.deadline.is_some(),
        "level 0 has a time limit to decide"
    );
    let targets: BTreeSet<_> = level0_end
        .decisions
        .iter()
        .filter_map(|d| d.to_level.as_deref())
        .collect();
    assert_eq!(targets, BTreeSet::from(["niva-1", "niva-2", "niva-3"]));
}

#[test]
fn national_numbers_are_exact_and_the_old_sms_number_is_gone() {
    let c = content();
    let phone = |id: &str| {
        c.contacts
            .iter()
            .find(|x| x.id == id)
            .unwrap_or_else(|| panic!("contact {id} missing"))
            .phone
            .as_deref()
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(phone("alarmtelefonen"), "116 111");
    assert_eq!(phone("politi-nod"), "112");
    assert_eq!(phone("ambulanse"), "113");
    assert_eq!(phone("kirkens-sos"), "22 40 00 40");
    let raw = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(INDEX)).unwrap()
        + &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("content/eksempel-kommune.guide.json"),
        )
        .unwrap();
    let digits: String = raw.chars().filter(|ch| !ch.is_whitespace()).collect();
    assert!(
        !digits.contains("47716111"),
        "the old SMS number for 116 111 must not appear"
    );
    let form = c
        .contacts
        .iter()
        .find(|x| x.url.as_deref() == Some("https://bekymringsmelding.fiks.ks.no/privat"))
        .expect("the national digital form is a contact");
    assert!(form
        .note
        .as_ref()
        .is_some_and(|n| n.get("nb").contains("ikke anonym")));
}

#[test]
fn phones_links_and_rich_text_are_safe() {
    use bti_veileder::model::{links, rich};
    let c = content();
    for x in &c.contacts {
        if let Some(p) = &x.phone {
            assert!(
                links::tel_href(p).is_some(),
                "contacts.{}: phone {p} is not a valid number",
                x.id
            );
        }
        if let Some(u) = &x.url {
            assert!(
                links::safe_href(u).is_some(),
                "contacts.{}: url {u} is not safe",
                x.id
            );
        }
    }
    for t in &c.tools {
        if let Some(d) = &t.document {
            assert!(
                links::safe_href(&d.href).is_some(),
                "tools.{}: {} is not safe",
                t.id,
                d.href
            );
        }
    }
    for r in &c.roles {
        if let Some(l) = &r.link {
            assert!(
                links::safe_href(&l.href).is_some(),
                "roles.{}: {} is not safe",
                r.id,
                l.href
            );
        }
    }
    for l in &c.laws {
        let url = l.url.as_deref().unwrap_or_default();
        assert!(
            links::is_web(url),
            "laws.{}: {url:?} is not a web address",
            l.id,
        );
        assert!(
            url.starts_with("https://lovdata.no/dokument/NL/lov/"),
            "laws.{}: link to the act on Lovdata",
            l.id
        );
        assert!(
            l.last_checked.is_some() || l.editor_note.is_some(),
            "laws.{}: an unchecked reference needs a note for the editor",
            l.id
        );
    }
    // Every rich text in the whole document: no refused links.
    fn walk(v: &Value, path: &str) {
        match v {
            Value::String(s) => {
                let bad = rich::unsafe_links(s);
                assert!(bad.is_empty(), "{path}: unsafe links {bad:?}");
            }
            Value::Array(a) => a
                .iter()
                .enumerate()
                .for_each(|(i, x)| walk(x, &format!("{path}[{i}]"))),
            Value::Object(o) => o.iter().for_each(|(k, x)| walk(x, &format!("{path}.{k}"))),
            _ => {}
        }
    }
    walk(&merged(), "");
}

#[test]
fn no_report_to_barnevernet_is_suggested_by_email() {
    // Barnevernet's own contacts carry no e-mail address; e-mail is only for advice from 116 111.
    let c = content();
    for id in ["barnevern", "barnevernvakt"] {
        let x = c.contacts.iter().find(|x| x.id == id).unwrap();
        assert!(x.email.is_none(), "{id} must not offer e-mail");
    }
}

#[test]
fn the_content_check_finds_no_errors() {
    use bti_veileder::model::{load_split, Part, Section};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap();
    let (index, guide, handbook) = (
        read("eksempel-kommune.json"),
        read("eksempel-kommune.guide.json"),
        read("eksempel-kommune.handbook.json"),
    );
    let part = |src: &str, section| Part {
        src: src.into(),
        section,
        lang: None,
    };
    let checked = load_split(
        &index,
        &[
            (
                part("eksempel-kommune.guide.json", Section::Guide),
                guide.as_str(),
            ),
            (
                part("eksempel-kommune.handbook.json", Section::Handbook),
                handbook.as_str(),
            ),
        ],
    );
    let errors: Vec<_> = checked.problems.iter().filter(|p| p.is_error()).collect();
    assert!(
        errors.is_empty(),
        "the content check reports errors: {errors:#?}"
    );
    assert!(checked.content.is_some());
}
