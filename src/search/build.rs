//! Turns the content into search documents: what each one opens, its title, its
//! place in the handbook and its body as plain text.

use crate::model::rich::plain;
use crate::model::{Content, Text};

use super::Target;

/// The words of the place (breadcrumb) shown under a hit, in the reader's language.
/// `level` holds `{0}` where the level's number goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labels<'a> {
    pub level: &'a str,
    pub tools: &'a str,
    pub laws: &'a str,
    pub roles: &'a str,
    pub services: &'a str,
    pub kommune: &'a str,
    pub etat: &'a str,
    pub glossary: &'a str,
}

impl Labels<'static> {
    /// Bokmål.
    pub const NB: Labels<'static> = Labels {
        level: "Nivå {0}",
        tools: "Verktøy",
        laws: "Lover",
        roles: "Roller og arenaer",
        services: "Tjenester",
        kommune: "Kommunenivå",
        etat: "Etatsnivå",
        glossary: "Ordliste",
    };
}

/// One searchable document before tokenizing.
pub(super) struct Source {
    pub target: Target,
    pub title: String,
    pub place: Vec<String>,
    pub body: String,
}

/// Every handbook document in handbook order: levels (each followed by its steps),
/// services, tools, laws, roles, kommune pages, etat pages, glossary.
pub(super) fn sources(content: &Content, lang: &str, labels: &Labels) -> Vec<Source> {
    let t = |text: &Text| text.get(lang).trim().to_string();
    let r = |text: &Text| plain(text.get(lang));
    let mut out = Vec::new();
    let mut push = |target, title: String, place: Vec<String>, parts: Vec<String>| {
        out.push(Source {
            target,
            title,
            place,
            body: join(parts),
        });
    };

    for level in &content.levels {
        let label = labels.level.replace("{0}", &level.number.to_string());
        push(
            Target::Level(level.id.clone()),
            t(&level.title),
            vec![label.clone()],
            vec![r(&level.purpose), r(&level.applies_when), r(&level.lead)],
        );
        for step in &level.steps {
            let title = t(&step.title);
            let mut parts = vec![r(&step.what), r(&step.how), r(&step.who)];
            parts.extend(step.deadline.as_ref().map(t));
            parts.extend(step.decisions.iter().map(|d| t(&d.label)));
            parts.extend(step.service_notes.iter().map(|n| r(&n.text)));
            push(
                Target::Step(step.id.clone()),
                title.clone(),
                vec![label.clone(), title],
                parts,
            );
        }
    }
    for s in &content.services {
        let mut parts = vec![r(&s.description)];
        parts.extend(s.routines.as_ref().map(r));
        push(
            Target::Service(s.id.clone()),
            t(&s.name),
            vec![labels.services.into()],
            parts,
        );
    }
    for tool in &content.tools {
        push(
            Target::Tool(tool.id.clone()),
            t(&tool.title),
            vec![labels.tools.into()],
            vec![r(&tool.description)],
        );
    }
    for law in &content.laws {
        let head = join(vec![t(&law.act), law.paragraph.trim().to_string()]);
        let title = t(&law.title);
        let title = if title.is_empty() {
            head
        } else {
            format!("{head}: {title}")
        };
        push(
            Target::Law(law.id.clone()),
            title,
            vec![labels.laws.into()],
            vec![r(&law.summary)],
        );
    }
    for role in &content.roles {
        push(
            Target::Role(role.id.clone()),
            t(&role.title),
            vec![labels.roles.into()],
            vec![r(&role.description)],
        );
    }
    for page in &content.publication.kommune {
        push(
            Target::Kommune(page.id.clone()),
            t(&page.title),
            vec![labels.kommune.into()],
            vec![r(&page.body)],
        );
    }
    for page in &content.publication.etat {
        push(
            Target::Etat(page.id.clone()),
            t(&page.title),
            vec![labels.etat.into()],
            vec![r(&page.body)],
        );
    }
    for term in &content.glossary {
        push(
            Target::Term(term.id.clone()),
            t(&term.term),
            vec![labels.glossary.into()],
            vec![r(&term.definition)],
        );
    }
    out
}

/// Non-empty parts joined by single spaces.
fn join(parts: Vec<String>) -> String {
    let mut out = String::new();
    for part in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}
