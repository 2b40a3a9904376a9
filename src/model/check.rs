//! Loads content and checks it, collecting every problem with its place in the
//! file. What is wrong is left out (a bad item, a broken link, an unknown id) and
//! the rest is kept; only unreadable JSON, a missing or broken `meta`, or a broken
//! guide graph make the content unusable (`fatal`).
//!
//! Rules (errors unless marked *warning*):
//! - ids: present, only `a-z 0-9 - _`, unique per kind (contacts, pages, levels,
//!   steps, services, tools, laws, roles, terms, guide nodes, answers in a
//!   question). A repeated id leaves the later item out.
//! - references resolve: step tools/laws/roles, service notes' service and
//!   contacts, services' contacts, decisions' `to_level` (the decision is left
//!   out), guide `start` (fatal), answers' `next` (the answer is left out),
//!   `emergency_contacts`, results' contacts.
//! - levels: numbered 0, 1, 2, 3 in this order, each with at least one step.
//! - guide: every node reachable from `start`; from every node a result can be
//!   reached (a question without answers, or a loop with no way out, is fatal);
//!   every result has at least one contact.
//! - phone numbers: Norwegian forms, see [`tel_href`](super::links::tel_href).
//! - links: `https:`, `http:`, `tel:`, `mailto:` or relative, see
//!   [`safe_href`](super::links::safe_href); links inside rich text too.
//!   Law urls are `http(s)://`, `meta.exit_url` is `https://`.
//! - dates `YYYY-MM-DD` and real (`meta.updated`, `laws[].last_checked`).
//! - texts: bokmål (`nb`) present in every text; length limits counted in
//!   characters per language: [`SHORT_MAX`] for titles, names and other short
//!   texts, [`ANSWER_MAX`] for answer labels, [`RICH_MAX`] for rich text.
//! - *warnings*: laws without `last_checked`, every `editor_note`, texts missing
//!   in a declared language, languages not reviewed, example content, text in
//!   an undeclared language.
//!
//! Builds without the `editor` feature (the widget's bti-guide and bti-core) look
//! only for what changes the content: what is left out and what is fatal. An error
//! that leaves everything in place, and every warning, is only for editors, who
//! get them from bti-check, the studio and `debug` (which loads bti-studio).
//! bti-core also skips the guide, and bti-guide the handbook.

#[cfg(feature = "editor")]
use std::collections::BTreeMap;
use std::collections::{HashMap, HashSet};

use super::decode::{self, Removals};
use super::json::{self, Seg};
use super::links;
use super::merge;
use super::problem::{Gate, Problem, Severity};
use super::rich;
use super::types::*;

/// Longest title, name or other short text, in characters.
pub const SHORT_MAX: usize = 120;
/// Longest answer label in the guide, in characters (they are buttons on a phone).
pub const ANSWER_MAX: usize = 80;
/// Longest rich text per field and language, in characters.
pub const RICH_MAX: usize = 4000;

/// The result of loading: the usable content (None if a problem is fatal) and all problems.
#[derive(Debug, Clone)]
pub struct Checked {
    pub content: Option<Content>,
    pub problems: Vec<Problem>,
    /// The readability of every nb and nn text long enough to score (bti-check only).
    pub lix: Vec<LixScore>,
}

/// One text's readability, as `bti-check --lix` lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct LixScore {
    /// Where the text is, e.g. `guide.nodes[3].now`.
    pub path: String,
    /// `nb` or `nn`.
    pub lang: String,
    pub score: f64,
    /// Above this the checker warns: [`LIX_CITIZEN`] or [`LIX_HANDBOOK`].
    pub limit: f64,
}

/// Highest LIX without a warning for texts citizens read (the guide, contacts,
/// the emergency box, the glossary).
pub const LIX_CITIZEN: f64 = 35.0;
/// Highest LIX without a warning for the staff handbook.
pub const LIX_HANDBOOK: f64 = 45.0;

impl Checked {
    pub fn errors(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.problems.len() - self.errors()
    }
}

/// Parses, decodes and checks one self-contained content file (or an index file alone).
pub fn load_str(text: &str) -> Checked {
    match json::parse(text) {
        Ok(tree) => load_tree(&tree),
        Err(e) => syntax_problem(e, 0),
    }
}

/// Loads a split publication: the index text and each part with its text, in
/// the order the index names them. Problems in part n have `source` n (from 1).
pub fn load_split(index: &str, parts: &[(Part, &str)]) -> Checked {
    let index = match json::parse(index) {
        Ok(t) => t,
        Err(e) => return syntax_problem(e, 0),
    };
    let mut parsed = Vec::new();
    for (n, (part, text)) in parts.iter().enumerate() {
        let source = u16::try_from(n + 1).unwrap_or(u16::MAX);
        match json::parse_source(text, source) {
            Ok(v) => parsed.push((part.clone(), v)),
            Err(e) => return syntax_problem(e, source),
        }
    }
    // A problem in one part hides nothing in the others: the rest is checked too.
    match merge::merge_all(index, parsed) {
        (Some(tree), problems) => {
            let mut checked = load_tree(&tree);
            if !problems.is_empty() {
                checked.problems.splice(0..0, problems);
            }
            checked
        }
        (None, problems) => Checked {
            content: None,
            problems,
            lix: Vec::new(),
        },
    }
}

fn syntax_problem(e: json::SyntaxError, source: u16) -> Checked {
    Checked {
        content: None,
        problems: vec![Problem {
            severity: Severity::Error,
            path: String::new(),
            line: e.pos.line,
            column: e.pos.column,
            message: editor_msg!("Filen er ikke gyldig JSON: {}", e.message),
            fatal: true,
            source,
            gate: None,
        }],
        lix: Vec::new(),
    }
}

/// Decodes and checks an already parsed (and possibly merged) document.
pub fn load_tree(tree: &json::Value) -> Checked {
    let decoded = decode::decode(tree);
    let mut cx = Cx {
        tree,
        removals: decoded.removals,
        problems: decoded.problems,
        langs: Vec::new(),
        #[cfg(feature = "editor")]
        missing: BTreeMap::new(),
        draft_contacts: HashSet::new(),
        // Only messages depend on it (a link to a left-out item goes either way).
        dropped_ids: if cfg!(feature = "editor") {
            decoded.dropped_ids
        } else {
            HashSet::new()
        },
        citizen: true,
        #[cfg(all(feature = "editor", not(target_arch = "wasm32")))]
        repeats: json::Repeats::default(),
        lix: Vec::new(),
    };
    let Some(mut content) = decoded.content else {
        return Checked {
            content: None,
            problems: cx.problems,
            lix: Vec::new(),
        };
    };
    check_content(&mut cx, &mut content);
    let fatal = cx.problems.iter().any(|p| p.fatal);
    Checked {
        content: (!fatal).then_some(content),
        problems: cx.problems,
        lix: cx.lix,
    }
}

/// A path being built: `P::root().k("levels").i(0)`.
#[derive(Clone)]
struct P(Vec<Seg>);

impl P {
    fn root() -> P {
        P(Vec::new())
    }
    fn k(&self, key: &str) -> P {
        let mut v = self.0.clone();
        v.push(Seg::Key(key.to_string()));
        P(v)
    }
    fn i(&self, index: usize) -> P {
        let mut v = self.0.clone();
        v.push(Seg::Index(index));
        P(v)
    }
}

/// The ids of one kind that were kept, each with the index of its item.
type Ids = HashMap<Id, usize>;

struct Cx<'a> {
    tree: &'a json::Value,
    removals: Removals,
    problems: Vec<Problem>,
    /// Declared languages other than bokmål.
    langs: Vec<String>,
    /// Per declared language: how many texts lack it, and the first such path.
    #[cfg(feature = "editor")]
    missing: BTreeMap<String, (usize, P)>,
    /// Ids of contacts marked as drafts.
    draft_contacts: HashSet<Id>,
    /// Ids of items the decoder left out for an error already reported: links
    /// to them are left out too, without a message of their own (no cascade).
    dropped_ids: HashSet<Id>,
    /// Texts checked now are for citizens (else for staff): the LIX limit.
    /// Only bti-check scores readability; the wasm never reads it.
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    citizen: bool,
    /// Naming many readability scores by id stays linear with this (bti-check
    /// only: in the wasm even an empty one would bring its drop code).
    #[cfg(all(feature = "editor", not(target_arch = "wasm32")))]
    repeats: json::Repeats,
    lix: Vec<LixScore>,
}

#[derive(Clone, Copy, PartialEq)]
enum Len {
    Short,
    #[cfg(feature = "guide")]
    Answer,
    Rich,
}

impl Cx<'_> {
    #[cfg(any(feature = "editor", feature = "guide"))]
    fn push(&mut self, path: &P, severity: Severity, fatal: bool, message: String) {
        let original = self.removals.to_original(&path.0);
        let mut p = Problem::at(Some(self.tree), &original, severity, message);
        p.fatal = fatal;
        self.problems.push(p);
    }
    /// An error that leaves the content usable is for editors only: the builds
    /// without the editor's messages show no list (`debug` loads the studio's
    /// build), so they neither look for nor collect one.
    fn error(&mut self, path: &P, message: String) {
        #[cfg(feature = "editor")]
        self.push(path, Severity::Error, false, message);
        #[cfg(not(feature = "editor"))]
        let _ = (path, message);
    }
    /// Warnings are for editors only: the citizen guide's build does not collect them.
    fn warn(&mut self, path: &P, message: String) {
        #[cfg(feature = "editor")]
        self.push(path, Severity::Warning, false, message);
        #[cfg(not(feature = "editor"))]
        let _ = (path, message);
    }
    /// A warning that also blocks `bti-check --publish`.
    fn hold(&mut self, path: &P, gate: Gate, message: String) {
        #[cfg(feature = "editor")]
        {
            self.push(path, Severity::Warning, false, message);
            if let Some(p) = self.problems.last_mut() {
                p.gate = Some(gate);
            }
        }
        #[cfg(not(feature = "editor"))]
        let _ = (path, gate, message);
    }
    #[cfg(feature = "guide")]
    fn fatal(&mut self, path: &P, message: String) {
        self.push(path, Severity::Error, true, message);
    }
    /// Records that the item at `path` was left out of the content.
    fn dropped(&mut self, path: &P) {
        self.removals.record(&path.0);
    }

    fn text(&mut self, path: &P, text: &Text, len: Len) {
        // Every finding here is an error that leaves the content usable (see `error`).
        if !cfg!(feature = "editor") {
            return;
        }
        let langs: Vec<(P, &str)> = match text {
            Text::Plain(s) => vec![(path.clone(), s.as_str())],
            Text::PerLang(map) => map.iter().map(|(l, s)| (path.k(l), s.as_str())).collect(),
        };
        if !text.has(BASE_LANG) {
            self.error(path, "Teksten mangler på bokmål. Legg til \"nb\": \"…\" (bokmål brukes når en oversettelse mangler).".into());
        }
        // Both only feed editors' warnings: the citizen guide's build skips them.
        #[cfg(feature = "editor")]
        self.language_marks(path, text);
        let (max, what) = match len {
            Len::Short => (SHORT_MAX, "Korte tekster (titler, navn)"),
            #[cfg(feature = "guide")]
            Len::Answer => (ANSWER_MAX, "Svaralternativer"),
            Len::Rich => (RICH_MAX, "Tekstfelt"),
        };
        for (p, s) in langs {
            #[cfg(feature = "editor")]
            if let Some(mark) = placeholder(s) {
                self.hold(&p, Gate::Placeholder, format!("Teksten har plassholderen «{mark}». Skriv inn kommunens egen opplysning før publisering."));
            }
            #[cfg(all(feature = "editor", not(target_arch = "wasm32")))]
            self.readability(&p, text, s);
            let n = s.chars().count();
            if n > max {
                self.error(&p, editor_msg!("Teksten er for lang ({n} tegn). {what} kan ha høyst {max} tegn. Gjør den kortere."));
            }
            if len == Len::Rich {
                for href in rich::unsafe_links(s) {
                    self.error(&p, editor_msg!("Lenken «{href}» i teksten er ikke trygg og vises som vanlig tekst. Rett lenken så den starter med https:, tel: eller mailto:."));
                }
            }
        }
    }

    /// Languages a text has but meta does not declare, and the declared ones it lacks.
    #[cfg(feature = "editor")]
    fn language_marks(&mut self, path: &P, text: &Text) {
        if let Text::PerLang(map) = text {
            for l in map.keys() {
                if l != BASE_LANG && !self.langs.contains(l) {
                    self.warn(&path.k(l), editor_msg!("Språket «{l}» står ikke i meta.languages. Legg det til der, ellers kan ingen velge det."));
                }
            }
        }
        for l in self.langs.clone() {
            if !text.has(&l) {
                let entry = self.missing.entry(l).or_insert((0, path.clone()));
                entry.0 += 1;
            }
        }
    }

    /// LIX of one language of a text (nb and nn only; the definition is in [`lix`](super::lix)).
    #[cfg(all(feature = "editor", not(target_arch = "wasm32")))]
    fn readability(&mut self, p: &P, text: &Text, s: &str) {
        let lang = match (text, p.0.last()) {
            (Text::Plain(_), _) => BASE_LANG,
            (_, Some(Seg::Key(l))) => l.as_str(),
            _ => return,
        };
        if lang != BASE_LANG && lang != "nn" {
            return;
        }
        let Some(score) = super::lix::score(s) else {
            return;
        };
        let limit = if self.citizen {
            LIX_CITIZEN
        } else {
            LIX_HANDBOOK
        };
        let lang = lang.to_string();
        if score > limit {
            let (who, limit_n) = if self.citizen {
                ("tekster til innbyggere", 35)
            } else {
                ("håndboken", 45)
            };
            self.warn(p, format!("Teksten er tung å lese: LIX {score:.0}, mens grensen for {who} er {limit_n}. Del opp lange setninger, og bytt lange ord med kortere der det går."));
        }
        let path = json::format_path_cached(
            self.tree,
            &self.removals.to_original(&p.0),
            &mut self.repeats,
        );
        self.lix.push(LixScore {
            path,
            lang,
            score,
            limit,
        });
    }

    fn opt_text(&mut self, path: &P, text: &Option<Text>, len: Len) {
        if let Some(t) = text {
            self.text(path, t, len);
        }
    }

    /// The editor's marks on an item: a note is listed, a draft blocks publishing
    /// (in `gate`'s group: a law's draft counts among the unchecked laws).
    fn marks(
        &mut self,
        path: &P,
        note: &Option<String>,
        status: Option<Status>,
        valid_from: &Option<String>,
        gate: Gate,
    ) {
        // Editor-only fields: the citizen guide's build neither reads nor checks them.
        if !cfg!(feature = "editor") {
            return;
        }
        self.date(&path.k("valid_from"), valid_from);
        if let Some(n) = note {
            self.warn(
                &path.k("editor_note"),
                editor_msg!("Merknad til redaktøren: {n}"),
            );
        }
        if status == Some(Status::Utkast) {
            self.hold(&path.k("status"), gate, "Elementet er et utkast. Gjør det ferdig og fjern \"status\": \"utkast\" før publisering.".into());
        }
    }

    /// An optional `YYYY-MM-DD` date: a real one.
    fn date(&mut self, path: &P, date: &Option<String>) {
        if let Some(d) = date.as_ref().filter(|d| !links::is_date(d)) {
            self.error(path, editor_msg!("Datoen «{d}» er ugyldig. Skriv en ekte dato som ÅÅÅÅ-MM-DD, f.eks. 2026-03-01."));
        }
    }

    /// Checks ids of one kind: format and uniqueness (a repeat is left out).
    /// Returns the ids kept, each with its item's index.
    fn ids<T>(&mut self, path: &P, items: &mut Vec<T>, id: impl Fn(&T) -> &Id, kind: &str) -> Ids {
        // Each id with the index of its first item (current coordinates).
        let mut seen: Ids = HashMap::new();
        let mut i = 0;
        while i < items.len() {
            let this = id(&items[i]).clone();
            let p = path.i(i);
            if this.is_empty()
                || !this
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
            {
                self.error(&p.k("id"), editor_msg!("Id-en «{this}» kan bare ha små bokstaver a–z, tall, - og _. Rett den (og alle steder som viser til den)."));
            }
            if let Some(&first) = seen.get(&this) {
                let line = self.line(&path.i(first));
                self.error(&p.k("id"), editor_msg!("Id-en «{this}» er brukt av flere {kind} (første gang på linje {line}). Gi elementet en egen id; dette elementet blir ikke vist."));
                self.dropped(&p);
                items.remove(i);
                continue;
            }
            seen.insert(this, i);
            i += 1;
        }
        seen
    }

    /// Whether `id` is that of an item left out already (links to it go quietly).
    /// The citizen guide's build keeps no such ids (see `load_tree`), so it skips the look-up.
    fn was_dropped(&self, id: &str) -> bool {
        cfg!(feature = "editor") && self.dropped_ids.contains(id)
    }

    /// The line in its file of the item at `path` (current coordinates).
    fn line(&self, path: &P) -> u32 {
        // Only messages use it, and the citizen guide's build has none.
        if !cfg!(feature = "editor") {
            return 0;
        }
        let original = self.removals.to_original(&path.0);
        self.tree.locate(&original).0.pos.line
    }

    /// Leaves out the ids in `refs` that are not in `known`, reporting each.
    fn refs(&mut self, path: &P, refs: &mut Vec<Id>, known: &Ids, kind: &str, list: &str) {
        let mut i = 0;
        while i < refs.len() {
            if known.contains_key(&refs[i]) {
                i += 1;
            } else if self.was_dropped(&refs[i]) {
                self.dropped(&path.i(i));
                refs.remove(i);
            } else {
                let p = path.i(i);
                self.error(&p, editor_msg!("Fant ingen {kind} med id «{}». Legg den til i «{list}», eller rett id-en. Lenken blir ikke vist.", refs[i]));
                self.dropped(&p);
                refs.remove(i);
            }
        }
    }

    /// Where a citizen is sent to a contact (a guide result, the emergency box),
    /// the contact must be reachable. A draft contact is only a warning: the
    /// draft mark already blocks publishing, and a template can check clean.
    #[cfg(feature = "guide")]
    fn reachable(&mut self, path: &P, refs: &[Id], unreachable: &HashSet<Id>) {
        // Nothing is left out for it, so the citizen guide's build skips it.
        if !cfg!(feature = "editor") {
            return;
        }
        for (i, id) in refs.iter().enumerate() {
            if let Some(draft) = unreachable
                .get(id)
                .map(|_| self.draft_contacts.contains(id))
            {
                let message = editor_msg!("Kontakten «{id}» har verken telefon, e-post eller nettadresse, så den som leser dette kan ikke nå den. Legg til minst én av dem under «contacts».");
                if draft {
                    self.warn(&path.i(i), message);
                } else {
                    self.error(&path.i(i), message);
                }
            }
        }
    }

    fn href(&mut self, path: &P, href: &str) -> bool {
        if links::safe_href(href).is_some() {
            return true;
        }
        self.error(path, editor_msg!("Lenken «{}» er ikke tillatt og blir ikke vist. Rett lenken så den starter med https:, tel: eller mailto: (eller er en relativ adresse).", href.escape_debug()));
        false
    }

    #[cfg(feature = "handbook")]
    fn link(&mut self, path: &P, link: &mut Option<Link>) {
        if let Some(l) = link {
            self.text(&path.k("label"), &l.label, Len::Short);
            if let Some(lang) = &l.lang {
                if lang.is_empty()
                    || lang.len() > 3
                    || !lang.bytes().all(|b| b.is_ascii_lowercase())
                {
                    self.error(&path.k("lang"), editor_msg!("«{lang}» er ikke en språkkode. Bruk to eller tre små bokstaver, f.eks. nb, en, ar."));
                }
            }
            if !self.href(&path.k("href"), &l.href) {
                *link = None;
            }
        }
    }
}

#[cfg(feature = "handbook")]
struct Known {
    contacts: Ids,
    services: Ids,
    tools: Ids,
    laws: Ids,
    roles: Ids,
    sources: Ids,
    levels: Ids,
}

fn check_content(cx: &mut Cx, c: &mut Content) {
    let root = P::root();
    if c.format != 1 {
        cx.error(
            &root.k("format"),
            editor_msg!("Formatet {} finnes ikke. Skriv \"format\": 1.", c.format),
        );
    }
    check_meta(cx, &mut c.meta);

    let contacts = cx.ids(&root.k("contacts"), &mut c.contacts, |x| &x.id, "kontakter");
    // Both only shape messages: the citizen guide's build skips them.
    #[cfg(feature = "guide")]
    let unreachable = if cfg!(feature = "editor") {
        unreachable(&c.contacts)
    } else {
        HashSet::new()
    };
    if cfg!(feature = "editor") {
        cx.draft_contacts = c
            .contacts
            .iter()
            .filter(|c| c.status == Some(Status::Utkast))
            .map(|c| c.id.clone())
            .collect();
    }
    for (i, contact) in c.contacts.iter_mut().enumerate() {
        check_contact(cx, &root.k("contacts").i(i), contact);
    }
    #[cfg(feature = "handbook")]
    check_handbook(cx, c, &contacts);
    cx.ids(
        &root.k("glossary"),
        &mut c.glossary,
        |x| &x.id,
        "ord i ordlisten",
    );
    for (i, t) in c.glossary.iter().enumerate() {
        let p = root.k("glossary").i(i);
        cx.text(&p.k("term"), &t.term, Len::Short);
        cx.text(&p.k("definition"), &t.definition, Len::Rich);
        cx.marks(&p, &t.editor_note, t.status, &t.valid_from, Gate::Draft);
    }
    #[cfg(feature = "guide")]
    if let Some(guide) = &mut c.guide {
        check_guide(cx, guide, &contacts, &unreachable);
    }
    if c.levels.is_empty() && c.guide.is_none() && c.parts.is_empty() {
        cx.error(&root, "Innholdet har verken nivåer («levels») eller veileder («guide»). Legg til minst ett av dem.".into());
    }
    #[cfg(feature = "editor")]
    translation_warnings(cx, &c.meta);
}

/// The handbook sections: publication pages, services, tools, laws, roles and
/// levels. The citizen guide's build (without the `handbook` feature) neither
/// decodes nor checks them.
#[cfg(feature = "handbook")]
fn check_handbook(cx: &mut Cx, c: &mut Content, contacts: &Ids) {
    cx.citizen = false;
    check_handbook_sections(cx, c, contacts);
    cx.citizen = true;
}

#[cfg(feature = "handbook")]
fn check_handbook_sections(cx: &mut Cx, c: &mut Content, contacts: &Ids) {
    let root = P::root();
    let kommune = root.k("publication").k("kommune");
    let etat = root.k("publication").k("etat");
    cx.ids(&kommune, &mut c.publication.kommune, |x| &x.id, "sider");
    // An etat page's id repeating a page's: only a message (see `Cx::error`).
    #[cfg(feature = "editor")]
    etat_ids(cx, c, &kommune, &etat);
    for (path, list) in [
        (&kommune, &c.publication.kommune),
        (&etat, &c.publication.etat),
    ] {
        for (i, page) in list.iter().enumerate() {
            cx.text(&path.i(i).k("title"), &page.title, Len::Short);
            cx.text(&path.i(i).k("body"), &page.body, Len::Rich);
            cx.marks(
                &path.i(i),
                &page.editor_note,
                page.status,
                &page.valid_from,
                Gate::Draft,
            );
        }
    }

    let services = cx.ids(&root.k("services"), &mut c.services, |x| &x.id, "tjenester");
    let tools = cx.ids(&root.k("tools"), &mut c.tools, |x| &x.id, "verktøy");
    let laws = cx.ids(&root.k("laws"), &mut c.laws, |x| &x.id, "lovhenvisninger");
    let roles = cx.ids(&root.k("roles"), &mut c.roles, |x| &x.id, "roller");
    let sources = cx.ids(&root.k("sources"), &mut c.sources, |x| &x.id, "kilder");
    let levels = cx.ids(&root.k("levels"), &mut c.levels, |x| &x.id, "nivåer");
    let known = Known {
        contacts: contacts.clone(),
        services,
        tools,
        laws,
        roles,
        sources,
        levels,
    };
    for (i, s) in c.sources.iter_mut().enumerate() {
        let p = root.k("sources").i(i);
        cx.text(&p.k("title"), &s.title, Len::Short);
        cx.opt_text(&p.k("publisher"), &s.publisher, Len::Short);
        cx.opt_text(&p.k("summary"), &s.summary, Len::Rich);
        if let Some(url) = s.url.as_deref().filter(|u| !links::is_web(u)) {
            cx.error(
                &p.k("url"),
                editor_msg!(
                    "Lenken «{}» må være en https:-adresse. Rett lenken; den blir ikke vist.",
                    url.escape_debug()
                ),
            );
            s.url = None;
        }
        cx.date(&p.k("last_checked"), &s.last_checked);
        cx.marks(&p, &s.editor_note, s.status, &s.valid_from, Gate::Draft);
    }

    for (i, s) in c.services.iter_mut().enumerate() {
        let p = root.k("services").i(i);
        cx.text(&p.k("name"), &s.name, Len::Short);
        cx.text(&p.k("description"), &s.description, Len::Rich);
        cx.opt_text(&p.k("routines"), &s.routines, Len::Rich);
        cx.marks(&p, &s.editor_note, s.status, &s.valid_from, Gate::Draft);
        cx.refs(
            &p.k("contacts"),
            &mut s.contacts,
            &known.contacts,
            "kontakt",
            "contacts",
        );
    }
    for (i, t) in c.tools.iter_mut().enumerate() {
        let p = root.k("tools").i(i);
        cx.text(&p.k("title"), &t.title, Len::Short);
        cx.text(&p.k("description"), &t.description, Len::Rich);
        cx.link(&p.k("document"), &mut t.document);
        let mut d = 0;
        while d < t.documents.len() {
            let mut one = Some(t.documents[d].clone());
            cx.link(&p.k("documents").i(d), &mut one);
            if one.is_none() {
                cx.dropped(&p.k("documents").i(d));
                t.documents.remove(d);
            } else {
                d += 1;
            }
        }
        cx.marks(&p, &t.editor_note, t.status, &t.valid_from, Gate::Draft);
    }
    for (i, law) in c.laws.iter_mut().enumerate() {
        check_law(cx, &root.k("laws").i(i), law);
    }
    for (i, r) in c.roles.iter_mut().enumerate() {
        let p = root.k("roles").i(i);
        cx.text(&p.k("title"), &r.title, Len::Short);
        cx.text(&p.k("description"), &r.description, Len::Rich);
        cx.link(&p.k("link"), &mut r.link);
        cx.marks(&p, &r.editor_note, r.status, &r.valid_from, Gate::Draft);
    }
    check_levels(cx, &mut c.levels, &known);
}

/// An etat page whose id is already a page's (kommune or etat): the repeat is named.
#[cfg(all(feature = "handbook", feature = "editor"))]
fn etat_ids(cx: &mut Cx, c: &Content, kommune: &P, etat: &P) {
    let mut pages: HashMap<Id, P> = c
        .publication
        .kommune
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.clone(), kommune.i(i)))
        .collect();
    for (i, page) in c.publication.etat.iter().enumerate() {
        match pages.get(&page.id) {
            Some(first) => {
                let line = cx.line(first);
                cx.error(
                    &etat.i(i).k("id"),
                    editor_msg!(
                        "Id-en «{}» er brukt av flere sider (første gang på linje {line}). Gi siden en egen id.",
                        page.id
                    ),
                );
            }
            None => {
                pages.insert(page.id.clone(), etat.i(i));
            }
        }
    }
}

fn check_meta(cx: &mut Cx, meta: &mut Meta) {
    let p = P::root().k("meta");
    // A handful of languages: looking at the earlier ones needs no set.
    for (i, l) in meta.languages.iter().enumerate() {
        let lp = p.k("languages").i(i);
        if meta.languages[..i].iter().any(|e| e.lang == l.lang) {
            cx.error(
                &lp.k("lang"),
                editor_msg!("Språket «{}» står to ganger. Fjern det ene.", l.lang),
            );
        }
        if l.lang.is_empty() || l.lang.len() > 3 || !l.lang.bytes().all(|b| b.is_ascii_lowercase())
        {
            cx.error(&lp.k("lang"), editor_msg!("«{}» er ikke en språkkode. Bruk to eller tre små bokstaver, f.eks. nb, en, ar.", l.lang));
        }
        if !l.reviewed {
            cx.hold(&lp.k("reviewed"), Gate::Language, editor_msg!("Språket «{}» er ikke gjennomgått av en kvalifisert person. Få teksten sjekket, og sett \"reviewed\": true.", l.lang));
        }
        if l.lang != BASE_LANG && !cx.langs.contains(&l.lang) {
            cx.langs.push(l.lang.clone());
        }
    }
    if !meta.languages.iter().any(|l| l.lang == BASE_LANG) {
        cx.error(
            &p.k("languages"),
            "Bokmål mangler i språklisten. Legg til {\"lang\": \"nb\"}.".into(),
        );
    }
    cx.text(&p.k("kommune"), &meta.kommune, Len::Short);
    cx.text(&p.k("editor"), &meta.editor, Len::Short);
    if meta.version.trim().is_empty() {
        cx.error(
            &p.k("version"),
            "Versjonen er tom. Skriv innholdets versjon, f.eks. \"2026.1\".".into(),
        );
    }
    if !links::is_date(&meta.updated) {
        cx.error(
            &p.k("updated"),
            editor_msg!(
                "Datoen «{}» er ugyldig. Skriv en ekte dato som ÅÅÅÅ-MM-DD, f.eks. 2026-03-01.",
                meta.updated
            ),
        );
    }
    if meta.example {
        cx.hold(&p.k("example"), Gate::Example, editor_msg!("Dette er eksempelinnhold: lokale telefonnumre kan ikke ringes. Bytt til kommunens egne opplysninger og sett \"example\": false før publisering."));
    }
    if let Some(url) = &meta.exit_url {
        if !links::is_https(url) {
            cx.error(&p.k("exit_url"), editor_msg!("Hurtigutgangen «{}» må være en https:-adresse. Rett lenken så den starter med https://. Widgetens egen nøytrale side brukes til da.", url.escape_debug()));
            meta.exit_url = None;
        }
    }
}

fn check_contact(cx: &mut Cx, p: &P, contact: &mut Contact) {
    // A channel given but invalid is reported as such, not again as "no channel".
    let given = contact.phone.is_some() || contact.email.is_some() || contact.url.is_some();
    cx.text(&p.k("name"), &contact.name, Len::Short);
    cx.opt_text(&p.k("hours"), &contact.hours, Len::Short);
    cx.opt_text(&p.k("note"), &contact.note, Len::Rich);
    if let Some(phone) = &contact.phone {
        if links::tel_href(phone).is_none() {
            cx.error(&p.k("phone"), editor_msg!("Telefonnummeret «{phone}» er ikke et gyldig norsk nummer. Skriv 8 sifre (\"22 40 00 40\", gjerne med +47), et nødnummer (110, 112, 113) eller et kort nummer (\"116 111\", \"1412\", \"02800\"). Nummeret blir ikke vist."));
            contact.phone = None;
        }
    }
    if let Some(email) = &contact.email {
        if links::Email::new(email).is_none() {
            cx.error(&p.k("email"), editor_msg!("E-postadressen «{email}» er ugyldig. Skriv den som navn@domene.no. Den blir ikke vist."));
            contact.email = None;
        }
    }
    if let Some(url) = &contact.url {
        if !cx.href(&p.k("url"), url) {
            contact.url = None;
        }
    }
    if contact.phone.is_none() && contact.email.is_none() && contact.url.is_none() && !given {
        cx.warn(&p.k("id"), editor_msg!("Kontakten «{}» har verken telefon, e-post eller nettadresse. Legg til minst én av dem, ellers kan ingen nå den.", contact.id));
    }
    cx.marks(
        p,
        &contact.editor_note,
        contact.status,
        &contact.valid_from,
        Gate::Draft,
    );
    #[cfg(feature = "handbook")]
    check_address_and_hours(cx, p, contact);
}

#[cfg(feature = "handbook")]
fn check_address_and_hours(cx: &mut Cx, p: &P, contact: &Contact) {
    // Only errors that leave the content usable (see `Cx::error`).
    if !cfg!(feature = "editor") {
        return;
    }
    if let Some(a) = &contact.address {
        let ap = p.k("address");
        if a.postal_code.len() != 4 || !a.postal_code.bytes().all(|b| b.is_ascii_digit()) {
            cx.error(
                &ap.k("postal_code"),
                editor_msg!(
                    "Postnummeret «{}» er ugyldig. Skriv fire sifre, f.eks. \"9999\".",
                    a.postal_code
                ),
            );
        }
        if a.city.trim().is_empty() {
            cx.error(
                &ap.k("city"),
                "Poststedet er tomt. Skriv stedet, f.eks. \"Eksempelby\".".into(),
            );
        }
    }
    for (i, o) in contact.opening_hours.iter().enumerate() {
        let op = p.k("opening_hours").i(i);
        if o.days.is_empty() {
            cx.error(
                &op.k("days"),
                "Ingen dager er valgt. Skriv minst én dag, f.eks. [\"mandag\", \"tirsdag\"]."
                    .into(),
            );
        }
        let (opens, closes) = (minutes(&o.opens), minutes(&o.closes));
        for (field, value, m) in [("opens", &o.opens, opens), ("closes", &o.closes, closes)] {
            if m.is_none() {
                cx.error(&op.k(field), editor_msg!("Klokkeslettet «{value}» er ugyldig. Skriv det som TT:MM, f.eks. 08:00 eller 15:30."));
            }
        }
        if let (Some(a), Some(b)) = (opens, closes) {
            if a >= b {
                cx.error(&op.k("closes"), editor_msg!("Stengetiden {} er ikke etter åpningstiden {}. Rett en av dem (bruk 24:00 for midnatt).", o.closes, o.opens));
            }
        }
    }
}

/// Minutes after midnight of a `HH:MM` time (00:00 to 24:00).
#[cfg(feature = "handbook")]
fn minutes(t: &str) -> Option<u32> {
    let (h, m) = t.split_once(':')?;
    if h.len() != 2 || m.len() != 2 || !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(h * 60 + m)
}

/// A text's placeholder mark, if it has one: PLASSHOLDER, TODO, XXX or "fyll inn".
#[cfg(feature = "editor")]
pub fn placeholder(s: &str) -> Option<&'static str> {
    // The marks are ASCII: compared without case, byte by byte, with no lowercase copy of every text.
    let has = |mark: &str| {
        let (b, m) = (s.as_bytes(), mark.as_bytes());
        b.len() >= m.len()
            && (0..=b.len() - m.len()).any(|i| {
                b[i].eq_ignore_ascii_case(&m[0]) && b[i..i + m.len()].eq_ignore_ascii_case(m)
            })
    };
    if has("plassholder") {
        Some("PLASSHOLDER")
    } else if has("fyll inn") {
        Some("fyll inn")
    } else if s.contains("TODO") {
        Some("TODO")
    } else if s.contains("XXX") {
        Some("XXX")
    } else {
        None
    }
}

/// Ids of contacts nobody can reach: no phone, no e-mail, no web address.
#[cfg(feature = "guide")]
fn unreachable(contacts: &[Contact]) -> HashSet<Id> {
    contacts
        .iter()
        .filter(|c| c.phone.is_none() && c.email.is_none() && c.url.is_none())
        .map(|c| c.id.clone())
        .collect()
}

#[cfg(feature = "handbook")]
fn check_law(cx: &mut Cx, p: &P, law: &mut Law) {
    cx.text(&p.k("act"), &law.act, Len::Short);
    cx.text(&p.k("title"), &law.title, Len::Short);
    cx.text(&p.k("summary"), &law.summary, Len::Rich);
    if let Some(url) = law.url.as_deref().filter(|u| !links::is_web(u)) {
        cx.error(&p.k("url"), editor_msg!("Lovlenken «{}» må være en https:-adresse, helst til Lovdata (https://lovdata.no/…). Rett lenken; den blir ikke vist.", url.escape_debug()));
        law.url = None;
    }
    match &law.last_checked {
        None => cx.hold(p, Gate::Law, "Lovhenvisningen er ikke sjekket mot Lovdata. Sjekk den, og skriv datoen i \"last_checked\" (ÅÅÅÅ-MM-DD).".into()),
        Some(d) if !links::is_date(d) => {
            cx.error(&p.k("last_checked"), editor_msg!("Datoen «{d}» er ugyldig. Skriv en ekte dato som ÅÅÅÅ-MM-DD, f.eks. 2026-03-01."));
        }
        Some(_) => {}
    }
    cx.marks(p, &law.editor_note, law.status, &law.valid_from, Gate::Law);
}

#[cfg(feature = "handbook")]
fn check_levels(cx: &mut Cx, levels: &mut [Level], known: &Known) {
    let root = P::root().k("levels");
    if !levels.is_empty() && levels.len() != 4 {
        cx.error(&root, editor_msg!("Grunnmodellen skal ha fire nivåer (0, 1, 2 og 3), men har {}. Legg til eller fjern nivåer.", levels.len()));
    }
    let mut steps_seen: HashMap<Id, P> = HashMap::new();
    for (li, level) in levels.iter_mut().enumerate() {
        let lp = root.i(li);
        if usize::from(level.number) != li {
            cx.error(&lp.k("number"), editor_msg!("Nivå {} står som nummer {} i listen. Nivåene må komme i rekkefølgen 0, 1, 2, 3; flytt det eller rett nummeret.", level.number, li + 1));
        }
        cx.text(&lp.k("title"), &level.title, Len::Short);
        cx.text(&lp.k("purpose"), &level.purpose, Len::Rich);
        cx.text(&lp.k("applies_when"), &level.applies_when, Len::Rich);
        cx.text(&lp.k("lead"), &level.lead, Len::Rich);
        cx.marks(
            &lp,
            &level.editor_note,
            level.status,
            &level.valid_from,
            Gate::Draft,
        );
        if level.steps.is_empty() {
            cx.error(
                &lp.k("steps"),
                "Nivået har ingen steg. Legg til stegene i den rekkefølgen de gjøres.".into(),
            );
        }
        let mut si = 0;
        while si < level.steps.len() {
            let sp = lp.k("steps").i(si);
            let id = level.steps[si].id.clone();
            if let Some(first) = steps_seen.get(&id) {
                let line = cx.line(first);
                cx.error(&sp.k("id"), editor_msg!("Id-en «{id}» er brukt av flere steg (første gang på linje {line}). Gi steget en egen id; dette steget blir ikke vist."));
                cx.dropped(&sp);
                level.steps.remove(si);
                continue;
            }
            steps_seen.insert(id, sp.clone());
            check_step(cx, &sp, &mut level.steps[si], known);
            si += 1;
        }
    }
}

#[cfg(feature = "handbook")]
fn check_step(cx: &mut Cx, p: &P, step: &mut Step, known: &Known) {
    cx.text(&p.k("title"), &step.title, Len::Short);
    cx.text(&p.k("what"), &step.what, Len::Rich);
    cx.text(&p.k("how"), &step.how, Len::Rich);
    cx.text(&p.k("who"), &step.who, Len::Rich);
    cx.opt_text(&p.k("deadline"), &step.deadline, Len::Short);
    cx.marks(
        p,
        &step.editor_note,
        step.status,
        &step.valid_from,
        Gate::Draft,
    );
    cx.refs(
        &p.k("tools"),
        &mut step.tools,
        &known.tools,
        "verktøy",
        "tools",
    );
    cx.refs(
        &p.k("laws"),
        &mut step.laws,
        &known.laws,
        "lovhenvisning",
        "laws",
    );
    cx.refs(
        &p.k("roles"),
        &mut step.roles,
        &known.roles,
        "rolle",
        "roles",
    );
    cx.refs(
        &p.k("sources"),
        &mut step.sources,
        &known.sources,
        "kilde",
        "sources",
    );
    let mut i = 0;
    while i < step.decisions.len() {
        let dp = p.k("decisions").i(i);
        let d = &step.decisions[i];
        cx.text(&dp.k("label"), &d.label, Len::Short);
        if let Some(to) = d
            .to_level
            .as_ref()
            .filter(|to| !known.levels.contains_key(*to))
        {
            if !cx.was_dropped(to) {
                cx.error(&dp.k("to_level"), editor_msg!("Fant ikke nivået «{to}». Rett id-en til et av nivåene i «levels». Beslutningen blir ikke vist."));
            }
            cx.dropped(&dp);
            step.decisions.remove(i);
            continue;
        }
        i += 1;
    }
    let mut i = 0;
    while i < step.service_notes.len() {
        let np = p.k("service_notes").i(i);
        let note = &mut step.service_notes[i];
        if !known.services.contains_key(&note.service) {
            if !cx.was_dropped(&note.service) {
                cx.error(&np.k("service"), editor_msg!("Fant ingen tjeneste med id «{}». Legg den til i «services», eller rett id-en. Merknaden blir ikke vist.", note.service));
            }
            cx.dropped(&np);
            step.service_notes.remove(i);
            continue;
        }
        cx.text(&np.k("text"), &note.text, Len::Rich);
        cx.refs(
            &np.k("contacts"),
            &mut note.contacts,
            &known.contacts,
            "kontakt",
            "contacts",
        );
        i += 1;
    }
}

#[cfg(feature = "guide")]
fn check_guide(cx: &mut Cx, guide: &mut Guide, contacts: &Ids, unreachable: &HashSet<Id>) {
    let gp = P::root().k("guide");
    cx.refs(
        &gp.k("emergency_contacts"),
        &mut guide.emergency_contacts,
        contacts,
        "kontakt",
        "contacts",
    );
    cx.reachable(
        &gp.k("emergency_contacts"),
        &guide.emergency_contacts,
        unreachable,
    );
    let np = gp.k("nodes");
    let mut ids: Ids = HashMap::new();
    for (i, node) in guide.nodes.iter().enumerate() {
        if let Some(&first) = ids.get(node.id()) {
            let line = cx.line(&np.i(first));
            cx.fatal(
                &np.i(i).k("id"),
                editor_msg!(
                    "Id-en «{}» er brukt av flere steg i veilederen (første gang på linje {line}). Gi hvert steg en egen id.",
                    node.id()
                ),
            );
        } else {
            ids.insert(node.id().clone(), i);
        }
    }
    for (i, node) in guide.nodes.iter_mut().enumerate() {
        let p = np.i(i);
        match node {
            Node::Question(q) => {
                cx.text(&p.k("title"), &q.title, Len::Short);
                cx.opt_text(&p.k("help"), &q.help, Len::Rich);
                cx.marks(&p, &q.editor_note, q.status, &q.valid_from, Gate::Draft);
                let mut seen: Ids = HashMap::new();
                let mut a = 0;
                while a < q.answers.len() {
                    let ap = p.k("answers").i(a);
                    let ans = &q.answers[a];
                    cx.text(&ap.k("label"), &ans.label, Len::Answer);
                    cx.marks(
                        &ap,
                        &ans.editor_note,
                        ans.status,
                        &ans.valid_from,
                        Gate::Draft,
                    );
                    if let Some(&first) = seen.get(&ans.id) {
                        let line = cx.line(&p.k("answers").i(first));
                        cx.error(&ap.k("id"), editor_msg!("Id-en «{}» er brukt av flere svar på dette spørsmålet (første gang på linje {line}). Gi svaret en egen id; det blir ikke vist.", ans.id));
                    } else if !ids.contains_key(&ans.next) {
                        if !cx.was_dropped(&ans.next) {
                            cx.error(&ap.k("next"), editor_msg!("Svaret leder til «{}», men det finnes ikke i veilederen. Rett «next» til id-en til et spørsmål eller resultat. Svaret blir ikke vist.", ans.next));
                        }
                    } else {
                        seen.insert(ans.id.clone(), a);
                        a += 1;
                        continue;
                    }
                    cx.dropped(&ap);
                    q.answers.remove(a);
                }
                if q.answers.is_empty() {
                    cx.fatal(&p.k("answers"), "Spørsmålet har ingen svar som leder videre. Legg til minst ett svar med «next».".into());
                }
            }
            Node::Result(r) => {
                cx.text(&p.k("title"), &r.title, Len::Short);
                cx.text(&p.k("now"), &r.now, Len::Rich);
                cx.text(&p.k("what_happens"), &r.what_happens, Len::Rich);
                cx.opt_text(&p.k("talk"), &r.talk, Len::Rich);
                cx.opt_text(&p.k("alternatives"), &r.alternatives, Len::Rich);
                cx.refs(
                    &p.k("contacts"),
                    &mut r.contacts,
                    contacts,
                    "kontakt",
                    "contacts",
                );
                cx.reachable(&p.k("contacts"), &r.contacts, unreachable);
                cx.marks(&p, &r.editor_note, r.status, &r.valid_from, Gate::Draft);
                if r.topics.is_empty() {
                    cx.error(&p.k("topics"), editor_msg!("Resultatet har ikke noe tema. Legg til minst ett tema i «topics», for eksempel \"vold\" eller \"usikker\". Uten tema viser veilederen alltid linjen om fare."));
                }
                if r.contacts.is_empty() {
                    cx.error(&p.k("contacts"), "Resultatet har ingen kontakt. Legg til minst én kontakt, den som passer best først.".into());
                }
            }
        }
    }
    let Some(&start) = ids.get(&guide.start) else {
        cx.fatal(&gp.k("start"), editor_msg!("Startsteget «{}» finnes ikke i veilederen. Rett «start» til id-en til det første spørsmålet.", guide.start));
        return;
    };
    let next = |n: &Node| -> Vec<usize> {
        match n {
            Node::Question(q) => q
                .answers
                .iter()
                .filter_map(|a| ids.get(&a.next).copied())
                .collect(),
            Node::Result(_) => Vec::new(),
        }
    };
    // Forward: what the user can reach.
    let mut reached = vec![false; guide.nodes.len()];
    let mut stack = vec![start];
    while let Some(n) = stack.pop() {
        if !std::mem::replace(&mut reached[n], true) {
            stack.extend(next(&guide.nodes[n]));
        }
    }
    // Backward: what can reach a result.
    let mut ends = vec![false; guide.nodes.len()];
    let mut changed = true;
    while changed {
        changed = false;
        for (i, node) in guide.nodes.iter().enumerate() {
            let ok = matches!(node, Node::Result(_)) || next(node).iter().any(|&n| ends[n]);
            if ok && !ends[i] {
                ends[i] = true;
                changed = true;
            }
        }
    }
    for (i, node) in guide.nodes.iter().enumerate() {
        if !reached[i] {
            cx.error(&np.i(i), editor_msg!("Steget «{}» kan ikke nås fra starten. La et svar lede hit, eller fjern steget.", node.id()));
        } else if !ends[i] && matches!(node, Node::Question(q) if !q.answers.is_empty()) {
            cx.fatal(&np.i(i), editor_msg!("Fra spørsmålet «{}» kommer man aldri fram til et resultat (svarene går i ring). La minst ett svar lede mot et resultat.", node.id()));
        }
    }
}

#[cfg(feature = "editor")]
fn translation_warnings(cx: &mut Cx, meta: &Meta) {
    let missing = std::mem::take(&mut cx.missing);
    for (lang, (count, first)) in missing {
        let i = meta
            .languages
            .iter()
            .position(|l| l.lang == lang)
            .unwrap_or(0);
        let example = json::format_path_in(cx.tree, &cx.removals.to_original(&first.0));
        cx.warn(
            &P::root().k("meta").k("languages").i(i),
            editor_msg!("{count} tekster mangler på «{lang}», f.eks. {example}. De vises på bokmål til de er oversatt."),
        );
    }
}
