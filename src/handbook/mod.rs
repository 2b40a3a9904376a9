//! Handbook navigation as pure data: routes and their hash form, the level
//! finder, and which steps use a tool, law, source, role or service.
// Only the handbook screens (and the export) show a trail.
#[cfg(feature = "handbook")]
pub mod crumbs;
pub mod finder;
pub mod route;

use crate::model::{Content, Level, Step};

/// What a step refers to, for "Brukes i" back links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ref<'a> {
    Tool(&'a str),
    Law(&'a str),
    Source(&'a str),
    Role(&'a str),
    Service(&'a str),
}

/// Every step that uses the tool, law, role or service, with its level, in handbook order.
pub fn steps_using<'c>(content: &'c Content, r: Ref<'_>) -> Vec<(&'c Level, &'c Step)> {
    content
        .levels
        .iter()
        .flat_map(|l| l.steps.iter().map(move |s| (l, s)))
        .filter(|(_, s)| match r {
            Ref::Tool(id) => s.tools.iter().any(|t| t == id),
            Ref::Law(id) => s.laws.iter().any(|t| t == id),
            Ref::Source(id) => s.sources.iter().any(|t| t == id),
            Ref::Role(id) => s.roles.iter().any(|t| t == id),
            Ref::Service(id) => s.service_notes.iter().any(|n| n.service == id),
        })
        .collect()
}

/// The step with this id, its level and its 0-based position in the level.
pub fn find_step<'c>(content: &'c Content, id: &str) -> Option<(&'c Level, usize, &'c Step)> {
    content.levels.iter().find_map(|l| {
        l.steps
            .iter()
            .position(|s| s.id == id)
            .map(|i| (l, i, &l.steps[i]))
    })
}

/// The steps before and after, across level boundaries within the same level only
/// (a case moves between levels by decision, not by "next").
pub fn neighbours(level: &Level, index: usize) -> (Option<&Step>, Option<&Step>) {
    let prev = index.checked_sub(1).and_then(|i| level.steps.get(i));
    (prev, level.steps.get(index + 1))
}

/// "Nivå 0: Avklare" from the label "Nivå 0" and a content title that may
/// already start with its own "Nivå 0:" (or "Level 0:"), which is not repeated.
pub fn level_heading(label: &str, title: &str) -> String {
    let title = title.trim();
    let rest = match title.split_once(':') {
        Some((head, rest)) if head.len() <= 24 && head.chars().any(|c| c.is_ascii_digit()) => {
            rest.trim()
        }
        _ => title,
    };
    format!("{label}: {rest}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content() -> Content {
        let levels = crate::model::decode::from_str(
            r#"[{"id":"n0","number":0,"title":"A","purpose":"p","applies_when":"a","lead":"l","steps":[
                  {"id":"s1","title":"Undring","what":"w","how":"h","who":"x","tools":["samtykke"],"laws":["hpl"]},
                  {"id":"s2","title":"Deling","what":"w","how":"h","who":"x","tools":["samtykke","logg"],
                   "service_notes":[{"service":"skole","text":"t"}]}]},
                {"id":"n1","number":1,"title":"B","purpose":"p","applies_when":"a","lead":"l","steps":[
                  {"id":"s3","title":"Oppstart","what":"w","how":"h","who":"x","roles":["stafett"]}]}]"#,
        )
        .unwrap();
        Content {
            levels,
            ..Content::default()
        }
    }

    #[test]
    fn level_headings_do_not_repeat_the_level_number() {
        assert_eq!(
            level_heading("Nivå 0", "Nivå 0: Avklare"),
            "Nivå 0: Avklare"
        );
        assert_eq!(
            level_heading("Level 1", "Level 1: Action"),
            "Level 1: Action"
        );
        assert_eq!(level_heading("Nivå 2", "Samarbeid"), "Nivå 2: Samarbeid");
        assert_eq!(
            level_heading("Nivå 3", "Merk: mange tjenester"),
            "Nivå 3: Merk: mange tjenester"
        );
    }

    #[test]
    fn back_links_list_every_step_that_uses_the_item_in_order() {
        let c = content();
        let ids = |r| {
            steps_using(&c, r)
                .iter()
                .map(|(_, s)| s.id.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(Ref::Tool("samtykke")), ["s1", "s2"]);
        assert_eq!(ids(Ref::Law("hpl")), ["s1"]);
        assert_eq!(ids(Ref::Role("stafett")), ["s3"]);
        assert_eq!(ids(Ref::Service("skole")), ["s2"]);
        assert!(ids(Ref::Tool("finnes-ikke")).is_empty());
    }

    #[test]
    fn steps_know_their_level_position_and_neighbours() {
        let c = content();
        let (level, i, step) = find_step(&c, "s2").unwrap();
        assert_eq!(
            (level.id.as_str(), i, step.title.get("nb")),
            ("n0", 1, "Deling")
        );
        let (prev, next) = neighbours(level, i);
        assert_eq!(prev.map(|s| s.id.as_str()), Some("s1"));
        assert_eq!(next, None, "no next step across a level boundary");
        assert!(find_step(&c, "nope").is_none());
    }
}
