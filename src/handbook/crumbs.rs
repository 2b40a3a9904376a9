//! The breadcrumb trail of a handbook screen, and so its title.

use crate::handbook::find_step;
use crate::handbook::route::{Page, Route};
use crate::i18n::{fill, Lang};
use crate::model::{Content, Id, Text};

/// The title of the item `id` names in `list` (the id itself if it is not there).
fn item_title<T>(
    id: &Option<Id>,
    list: &[T],
    fields: impl Fn(&T) -> (&str, &Text),
    code: &str,
) -> Option<String> {
    let id = id.as_deref()?;
    let found = list.iter().map(&fields).find(|(i, _)| *i == id);
    Some(
        found
            .map(|(_, t)| t.get(code).to_string())
            .unwrap_or_else(|| id.to_string()),
    )
}

/// The breadcrumb trail to a route: (link target, label); the last is the current page.
pub fn crumbs(c: &Content, lang: Lang, route: &Route) -> Vec<(Option<Page>, String)> {
    let s = lang.strings();
    let code = lang.code();
    // A catalog index is the current page; on an item's page it is a link before the item.
    let section = |page: Page, label: &str, item: Option<String>| match item {
        Some(title) => vec![(Some(page), label.to_string()), (None, title)],
        None => vec![(None, label.to_string())],
    };
    let mut trail = vec![(Some(Page::Front), s.front_page.to_string())];
    let rest = match &route.page {
        Page::Front => vec![],
        Page::Level(id) => match c.levels.iter().find(|l| &l.id == id) {
            Some(l) => vec![(None, fill(s.level, &[&l.number.to_string()]))],
            None => vec![(None, s.not_found.to_string())],
        },
        Page::Step(id) => match find_step(c, id) {
            Some((l, _, st)) => vec![
                (
                    Some(Page::Level(l.id.clone())),
                    fill(s.level, &[&l.number.to_string()]),
                ),
                (None, st.title.get(code).to_string()),
            ],
            None => vec![(None, s.not_found.to_string())],
        },
        Page::Tools(id) => section(
            Page::Tools(None),
            s.tools,
            item_title(id, &c.tools, |t| (&t.id, &t.title), code),
        ),
        Page::Laws(id) => section(
            Page::Laws(None),
            s.laws,
            item_title(id, &c.laws, |t| (&t.id, &t.title), code),
        ),
        Page::Sources(id) => section(
            Page::Sources(None),
            s.sources,
            item_title(id, &c.sources, |t| (&t.id, &t.title), code),
        ),
        Page::Roles(id) => section(
            Page::Roles(None),
            s.roles,
            item_title(id, &c.roles, |t| (&t.id, &t.title), code),
        ),
        Page::Services(id) => section(
            Page::Services(None),
            s.services,
            item_title(id, &c.services, |t| (&t.id, &t.name), code),
        ),
        Page::Kommune(id) => section(
            Page::Kommune(None),
            s.kommune_level,
            item_title(id, &c.publication.kommune, |t| (&t.id, &t.title), code),
        ),
        Page::Etat(id) => section(
            Page::Etat(None),
            s.etat_level,
            item_title(id, &c.publication.etat, |t| (&t.id, &t.title), code),
        ),
        Page::Finder => vec![(None, s.finder_title.to_string())],
        Page::Search(_) => vec![(None, s.search_label.to_string())],
        Page::NotFound(_) => vec![(None, s.not_found.to_string())],
    };
    if rest.is_empty() {
        trail[0].0 = None;
    }
    trail.extend(rest);
    trail
}
