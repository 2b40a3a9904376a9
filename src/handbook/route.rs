//! Handbook routes and their hash form.
//!
//! Grammar (documented in the README): `#<ns>/<path>[?tjeneste=<service-id>]` where
//! `<ns>` is `bti`, or `bti-<element id>` for an element with an `id`, and `<path>` is
//! one of: (empty) front page · `niva/<level>` · `steg/<step>` · `verktoy[/<tool>]` ·
//! `lover[/<law>]` · `kilder[/<source>]` · `roller[/<role>]` · `tjenester[/<service>]` · `kommune[/<page>]` ·
//! `etat[/<page>]` · `finn-niva` · `sok?q=<words>`. Anything else is "not found".

use crate::model::Id;

/// A handbook screen; the item pages hold the content's id of their item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Front,
    Level(Id),
    Step(Id),
    Tools(Option<Id>),
    Laws(Option<Id>),
    /// References that are not laws: national guides, reports.
    Sources(Option<Id>),
    Roles(Option<Id>),
    Services(Option<Id>),
    Kommune(Option<Id>),
    Etat(Option<Id>),
    Finder,
    Search(String),
    NotFound(String),
}

/// Where an instance keeps its route.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum NavMode {
    /// In the page address, after `#<ns>/`.
    #[default]
    Hash,
    /// In memory only (`routing="memory"`).
    Memory,
    /// One HTML file per page, written by `bti-export`; no script runs.
    Pages,
}

/// A handbook screen: the page plus the "Jeg jobber i …" service filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub page: Page,
    pub service: Option<Id>,
}

impl Default for Route {
    fn default() -> Self {
        Route {
            page: Page::Front,
            service: None,
        }
    }
}

/// The hash namespace of one widget instance.
pub fn namespace(element_id: Option<&str>) -> String {
    match element_id.filter(|id| !id.is_empty()) {
        Some(id) => format!("bti-{}", encode(id)),
        None => "bti".to_string(),
    }
}

impl Route {
    pub fn page(page: Page) -> Self {
        Route {
            page,
            service: None,
        }
    }

    /// Reads a `location.hash` (with or without `#`). `None` when the hash is not
    /// ours (the host page's own anchor): the widget then keeps its current screen.
    pub fn from_hash(hash: &str, ns: &str) -> Option<Route> {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let rest = hash.strip_prefix(ns)?;
        let rest = match rest {
            "" => "",
            r if r.starts_with('/') => &r[1..],
            _ => return None, // `#bti-other/…` is another instance's
        };
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let mut service = None;
        let mut q = None;
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            match k {
                "tjeneste" if !v.is_empty() => service = Some(Id::from(decode(v))),
                "q" => q = Some(decode(v)),
                _ => {}
            }
        }
        let mut parts = path.splitn(2, '/');
        let head = parts.next().unwrap_or("");
        let id = parts
            .next()
            .filter(|s| !s.is_empty())
            .map(|s| Id::from(decode(s)));
        let page = match (head, id) {
            ("", None) => Page::Front,
            ("niva", Some(id)) => Page::Level(id),
            ("steg", Some(id)) => Page::Step(id),
            ("verktoy", id) => Page::Tools(id),
            ("lover", id) => Page::Laws(id),
            ("kilder", id) => Page::Sources(id),
            ("roller", id) => Page::Roles(id),
            ("tjenester", id) => Page::Services(id),
            ("kommune", id) => Page::Kommune(id),
            ("etat", id) => Page::Etat(id),
            ("finn-niva", None) => Page::Finder,
            ("sok", None) => Page::Search(q.unwrap_or_default()),
            _ => Page::NotFound(decode(path)),
        };
        Some(Route { page, service })
    }

    /// The route after the address changed (back/forward, a typed link). An empty
    /// hash is the page before the reader entered the handbook: its front page.
    /// Another anchor of the host page leaves the widget where it is (`None`).
    pub fn after_hash_change(hash: &str, ns: &str) -> Option<Route> {
        if hash.trim_start_matches('#').is_empty() {
            return Some(Route::default());
        }
        Route::from_hash(hash, ns)
    }

    pub fn to_hash(&self, ns: &str) -> String {
        fn with(kind: &str, id: &Option<Id>) -> String {
            match id {
                Some(id) => format!("{kind}/{}", encode(id)),
                None => kind.to_string(),
            }
        }
        let path = match &self.page {
            Page::Front => String::new(),
            Page::Level(id) => format!("niva/{}", encode(id)),
            Page::Step(id) => format!("steg/{}", encode(id)),
            Page::Tools(id) => with("verktoy", id),
            Page::Laws(id) => with("lover", id),
            Page::Sources(id) => with("kilder", id),
            Page::Roles(id) => with("roller", id),
            Page::Services(id) => with("tjenester", id),
            Page::Kommune(id) => with("kommune", id),
            Page::Etat(id) => with("etat", id),
            Page::Finder => "finn-niva".to_string(),
            Page::Search(q) => format!("sok?q={}", encode(q)),
            Page::NotFound(p) => encode(p),
        };
        let mut hash = format!("#{ns}/{path}");
        if let Some(s) = &self.service {
            hash.push(if hash.contains('?') { '&' } else { '?' });
            hash.push_str("tjeneste=");
            hash.push_str(&encode(s));
        }
        hash
    }
}

impl Page {
    /// The file a static export writes this page to, `None` for the screens that
    /// need a script (the level finder, search). Names follow the hash paths:
    /// `steg/n1-plan` becomes `steg-n1-plan.html`, the front page `index.html`.
    pub fn file(&self) -> Option<String> {
        let name = |kind: &str, id: Option<&Id>| match id {
            Some(id) => format!("{kind}-{}.html", encode(id)),
            None => format!("{kind}.html"),
        };
        Some(match self {
            Page::Front => "index.html".to_string(),
            Page::Level(id) => name("niva", Some(id)),
            Page::Step(id) => name("steg", Some(id)),
            Page::Tools(id) => name("verktoy", id.as_ref()),
            Page::Laws(id) => name("lover", id.as_ref()),
            Page::Sources(id) => name("kilder", id.as_ref()),
            Page::Roles(id) => name("roller", id.as_ref()),
            Page::Services(id) => name("tjenester", id.as_ref()),
            Page::Kommune(id) => name("kommune", id.as_ref()),
            Page::Etat(id) => name("etat", id.as_ref()),
            Page::Finder | Page::Search(_) | Page::NotFound(_) => return None,
        })
    }
}

/// Percent-encodes everything but unreserved characters, so any id or search
/// text survives the round trip through the address bar.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[(b >> 4) as usize]));
            out.push(char::from(b"0123456789ABCDEF"[(b & 15) as usize]));
        }
    }
    out
}

/// Reverses [`encode`]; `+` means space (as browsers write form queries). Invalid
/// escapes are kept as they are; invalid UTF-8 becomes U+FFFD.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 3;
                        continue;
                    }
                    _ => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_round_trips_through_the_hash() {
        let pages = [
            Page::Front,
            Page::Level("niva-0".into()),
            Page::Step("n0-undring".into()),
            Page::Tools(None),
            Page::Tools(Some("samtykke".into())),
            Page::Laws(Some("bvl-13-2".into())),
            Page::Sources(None),
            Page::Sources(Some("bufdir-veileder".into())),
            Page::Roles(None),
            Page::Services(Some("skole".into())),
            Page::Kommune(Some("verdier".into())),
            Page::Etat(None),
            Page::Finder,
            Page::Search("samtykke skjema æøå".into()),
        ];
        for page in pages {
            for service in [None, Some("helsestasjon".into())] {
                let r = Route {
                    page: page.clone(),
                    service,
                };
                let hash = r.to_hash("bti");
                assert_eq!(Route::from_hash(&hash, "bti"), Some(r), "{hash}");
            }
        }
    }

    #[test]
    fn hashes_look_as_documented() {
        assert_eq!(
            Route::page(Page::Level("niva-0".into())).to_hash("bti"),
            "#bti/niva/niva-0"
        );
        let r = Route {
            page: Page::Search("ø".into()),
            service: Some("skole".into()),
        };
        assert_eq!(
            r.to_hash("bti-handbok"),
            "#bti-handbok/sok?q=%C3%B8&tjeneste=skole"
        );
        assert_eq!(Route::default().to_hash("bti"), "#bti/");
    }

    #[test]
    fn host_anchors_and_other_instances_are_not_ours() {
        assert_eq!(Route::from_hash("#main", "bti"), None);
        assert_eq!(Route::from_hash("", "bti"), None);
        assert_eq!(Route::from_hash("#bti-b/niva/x", "bti-a"), None);
        assert_eq!(Route::from_hash("#bti-a/niva/x", "bti"), None);
        assert_eq!(Route::from_hash("#bti", "bti"), Some(Route::default()));
    }

    #[test]
    fn going_back_to_an_empty_hash_shows_the_front_page_and_host_anchors_change_nothing() {
        assert_eq!(Route::after_hash_change("", "bti"), Some(Route::default()));
        assert_eq!(
            Route::after_hash_change("#", "bti-a"),
            Some(Route::default())
        );
        assert_eq!(Route::after_hash_change("#main", "bti"), None);
        assert_eq!(
            Route::after_hash_change("#bti/niva/x", "bti").map(|r| r.page),
            Some(Page::Level("x".into()))
        );
    }

    #[test]
    fn unknown_paths_are_not_found_rather_than_the_front_page() {
        assert_eq!(
            Route::from_hash("#bti/finnes-ikke/x", "bti").map(|r| r.page),
            Some(Page::NotFound("finnes-ikke/x".into()))
        );
        assert_eq!(
            Route::from_hash("#bti/niva", "bti").map(|r| r.page),
            Some(Page::NotFound("niva".into()))
        );
    }

    #[test]
    fn decoding_survives_broken_escapes() {
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("%4"), "%4");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%FF"), "\u{FFFD}");
        assert_eq!(namespace(Some("min hånd")), "bti-min%20h%C3%A5nd");
        assert_eq!(namespace(Some("")), "bti");
    }
}
