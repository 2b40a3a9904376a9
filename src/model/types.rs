//! The content format: what a kommune writes in its JSON, as Rust types.
//! Strict (unknown fields are errors); every default is stated on the field.
//! These types are the single source of the JSON Schema (`content/schema.json`).

use std::cell::Cell;
use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

use serde::Serialize;

use super::rich::{self, Block};

use super::decoder::{content_struct, unit_enum};
pub use super::id::Id;
pub use super::links::{Email, Href, Tel};

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;

/// Language code of the fallback language; every text must have it.
pub const BASE_LANG: &str = "nb";

/// A user-visible text. Either a plain string (bokmål) or one string per language
/// code (`{"nb": "…", "en": "…"}`). `nb` is required; a missing language falls back to `nb`.
/// Where a field is documented as *rich*, the string may use the small safe markup
/// described in `model::rich` (paragraphs, lists, emphasis, links).
// Cheap to clone (shared, never copied): screens hand texts to components by value,
// and every clone shares the rich-text parse of each language (see `rich`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(untagged)]
pub enum Text {
    Plain(Rc<LangText>),
    PerLang(Rc<LangMap>),
}

impl Default for Text {
    fn default() -> Self {
        Text::Plain(Rc::default())
    }
}

impl Text {
    /// The string shown for `lang`: its own, else bokmål's, else any language's.
    fn pick(&self, lang: &str) -> Option<&LangText> {
        match self {
            Text::Plain(s) => Some(s),
            Text::PerLang(map) => map
                .get(lang)
                .or_else(|| map.get(BASE_LANG))
                .or_else(|| map.values().next()),
        }
    }

    /// The text in `lang`, falling back to bokmål, then to any language given.
    pub fn get(&self, lang: &str) -> &str {
        self.pick(lang).map_or("", LangText::as_str)
    }

    /// [`get`](Self::get) parsed as rich text. Parsed the first time a view asks,
    /// then shared by every clone of the text: once per language for a loaded
    /// content, not on every screen that shows it.
    pub fn rich(&self, lang: &str) -> Rc<Vec<Block>> {
        let Some(s) = self.pick(lang) else {
            return Rc::default();
        };
        // Taken out and put back: a `Cell` needs no borrow flag and cannot panic.
        let blocks = s
            .rich
            .take()
            .unwrap_or_else(|| Rc::new(rich::parse(&s.text)));
        s.rich.set(Some(blocks.clone()));
        blocks
    }

    /// True when the text exists in exactly this language (no fallback).
    /// A plain string counts as bokmål.
    pub fn has(&self, lang: &str) -> bool {
        match self {
            Text::Plain(s) => lang == BASE_LANG && !s.is_empty(),
            Text::PerLang(map) => map.get(lang).is_some_and(|s| !s.is_empty()),
        }
    }

    /// `Some("nb")` when this text is shown in bokmål for want of `lang`: the
    /// element holding it then says so in its `lang` attribute, for screen readers.
    pub fn fallback_lang(&self, lang: &str) -> Option<&'static str> {
        (lang != BASE_LANG && !self.has(lang)).then_some(BASE_LANG)
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Text::Plain(s) => s.trim().is_empty(),
            Text::PerLang(map) => map.values().all(|s| s.trim().is_empty()),
        }
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(Rc::new(s.into()))
    }
}

/// A text's strings by language code, kept sorted by code (as a map would list
/// them). A sorted list rather than a `BTreeMap`: a text has a handful of
/// languages, and the map's code for one more key and value type is about 2 KB
/// of the citizen's wasm (gzip).
#[derive(Default, PartialEq)]
pub struct LangMap(Vec<(String, LangText)>);

impl LangMap {
    pub fn get(&self, lang: &str) -> Option<&LangText> {
        let i = self
            .0
            .binary_search_by(|(l, _)| l.as_str().cmp(lang))
            .ok()?;
        self.0.get(i).map(|(_, s)| s)
    }

    /// Sets `lang`'s string, replacing one it had.
    pub fn insert(&mut self, lang: String, text: LangText) {
        match self.0.binary_search_by(|(l, _)| l.as_str().cmp(&lang)) {
            Ok(i) => {
                if let Some(slot) = self.0.get_mut(i) {
                    slot.1 = text;
                }
            }
            Err(i) => self.0.insert(i, (lang, text)),
        }
    }

    /// Language codes and strings, by code.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &LangText)> {
        self.0.iter().map(|(l, s)| (l, s))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(l, _)| l)
    }

    pub fn values(&self) -> impl Iterator<Item = &LangText> {
        self.0.iter().map(|(_, s)| s)
    }
}

impl fmt::Debug for LangMap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Serialize for LangMap {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

/// The schema of the map it stands for: an object of strings.
#[cfg(not(target_arch = "wasm32"))]
impl JsonSchema for LangMap {
    fn is_referenceable() -> bool {
        <std::collections::BTreeMap<String, LangText> as JsonSchema>::is_referenceable()
    }
    fn schema_name() -> String {
        <std::collections::BTreeMap<String, LangText> as JsonSchema>::schema_name()
    }
    fn json_schema(gen: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        <std::collections::BTreeMap<String, LangText> as JsonSchema>::json_schema(gen)
    }
}

/// One language's string of a [`Text`], with its rich-text parse once a view has
/// asked for it ([`Text::rich`]). Compared, shown and serialised as the string.
#[derive(Default)]
pub struct LangText {
    text: String,
    rich: Cell<Option<Rc<Vec<Block>>>>,
}

impl LangText {
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl Deref for LangText {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl PartialEq for LangText {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl fmt::Debug for LangText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.text, f)
    }
}

impl Serialize for LangText {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl From<&str> for LangText {
    fn from(s: &str) -> Self {
        LangText {
            text: s.to_string(),
            rich: Cell::default(),
        }
    }
}

string_schema!(LangText);

content_struct! {
    /// The whole content document. A single self-contained file holds everything;
    /// a split publication is an index file (meta, contacts, `parts`) plus part
    /// files that each hold some sections (see [`Part`]).
    #[derive(Default)]
    pub struct Content {
        /// Optional link to the JSON Schema, for editors' completion. Ignored by the widget.
        pub schema as "$schema": Option<String> => optional,
        /// Format version. Only `1` exists. Default `1`.
        pub format: u32 => default_with("format_one", format_one),
        pub meta: Meta => required,
        /// Split publication: the part files this index names. Empty for a single file.
        pub parts: Vec<Part> => skip_empty,
        /// Contacts (phone, e-mail, web) referred to by id from services, steps and the guide.
        pub contacts: Vec<Contact> => default,
        /// Kommunenivå and etatsnivå pages (the individnivå is the handbook of levels and steps).
        pub publication: Publication => handbook,
        /// The grunnmodell: levels 0-3 in order.
        pub levels: Vec<Level> => handbook,
        pub services: Vec<Service> => handbook,
        pub tools: Vec<Tool> => handbook,
        pub laws: Vec<Law> => handbook,
        /// References that are not laws: reports, national guides.
        pub sources: Vec<Source> => handbook,
        /// Roles (stafettholder, …), arenas (drøftingsteam, ansvarsgruppe, …) and systems (stafettlogg).
        pub roles: Vec<Role> => handbook,
        /// The citizen guide "Bekymret for noen?". Absent in a handbook-only publication.
        pub guide: Option<Guide> => guide,
        pub glossary: Vec<Term> => default,
    }
}

fn format_one() -> u32 {
    1
}

content_struct! {
    #[derive(Default)]
    pub struct Meta {
        /// The kommune's name, e.g. "Eksempel kommune".
        pub kommune: Text => required,
        /// The content's own version, free form (e.g. "2026.2").
        pub version: String => required,
        /// Date of the last change, `YYYY-MM-DD`.
        pub updated: String => required,
        /// Who answers for the content: a role, never a person's name.
        pub editor: Text => required,
        /// Languages present, with a review status each. Default: bokmål, reviewed.
        pub languages: Vec<LanguageInfo> => default_with("default_languages", default_languages),
        /// Example content: the widget shows an "Eksempelinnhold" notice and local
        /// phone numbers are shown but not dialable. Default `false`.
        pub example: bool => default,
        /// Where quick exit goes (https only). Default: the widget's built-in neutral page.
        pub exit_url: Option<String> => optional,
    }
}

fn default_languages() -> Vec<LanguageInfo> {
    vec![LanguageInfo {
        lang: BASE_LANG.into(),
        reviewed: true,
    }]
}

content_struct! {
    pub struct LanguageInfo {
        /// Language code: nb, nn, en, ar, so, ti, uk, pl, se.
        pub lang: String => required,
        /// Has a qualified person reviewed this language's text? Default `false`.
        pub reviewed: bool => default,
    }
}

unit_enum! {
    /// Which sections a part file holds.
    #[derive(Hash, PartialOrd, Ord)]
    pub enum Section {
        /// `guide` and `glossary`.
        Guide = "guide",
        /// `publication`, `levels`, `services`, `tools`, `laws`, `roles`.
        Handbook = "handbook",
    }
}

content_struct! {
    /// One file of a split publication, named by the index.
    /// A part without `lang` holds its sections in full (bokmål, or inline per-language texts).
    /// A part with `lang` is a translation overlay: the same structure, but only the
    /// texts in that language, matched to the base by `id`; whatever it leaves out
    /// falls back to bokmål.
    pub struct Part {
        /// URL of the part, relative to the index file.
        pub src: String => required,
        pub section: Section => required,
        /// Language of a translation overlay; absent for the base part.
        pub lang: Option<String> => optional,
    }
}

content_struct! {
    pub item struct Contact {
        pub id: Id => required,
        pub name: Text => required,
        /// Norwegian phone number as people write it ("116 111", "22 40 00 40", "+47 …").
        pub phone: Option<Tel> => optional,
        pub email: Option<Email> => optional,
        /// Web address or chat page (https:, http: or relative).
        pub url: Option<Href> => optional,
        /// Opening hours in words, e.g. "Hele døgnet" or "Hverdager 08–15:30".
        pub hours: Option<Text> => optional,
        /// What this contact is for, and what to know first (rich).
        pub note: Option<Text> => optional,
        /// `national` numbers stay dialable in example content; `local` ones do not. Default `local`.
        pub scope: Scope => default,
        /// Where to go or write, as parts (the free-text `note` may say more).
        /// Read by builds with the handbook only, until the guide shows it.
        pub address: Option<Address> => handbook,
        /// Opening hours as data, one line per set of days (`hours` stays for words).
        pub opening_hours: Vec<Opening> => handbook,
    }
}

content_struct! {
    /// A postal or visiting address.
    pub struct Address {
        /// Street and number, or a post-office box ("Postboks 1").
        pub street: Option<String> => optional,
        /// Four digits, e.g. "9999".
        pub postal_code: String => required,
        pub city: String => required,
    }
}

content_struct! {
    /// When a contact is open on some days of the week.
    pub struct Opening {
        pub days: Vec<Weekday> => required,
        /// `HH:MM`, e.g. "08:00".
        pub opens: String => required,
        /// `HH:MM`, after `opens` ("24:00" for midnight).
        pub closes: String => required,
    }
}

unit_enum! {
    /// A day of the week, in Norwegian.
    pub enum Weekday {
        Mandag = "mandag",
        Tirsdag = "tirsdag",
        Onsdag = "onsdag",
        Torsdag = "torsdag",
        Fredag = "fredag",
        Lordag = "lørdag",
        Sondag = "søndag",
    }
}

unit_enum! {
    /// How far an item is: an editor's mark, never shown to readers.
    pub enum Status {
        /// A draft: facts not confirmed or text not finished. Blocks publishing.
        Utkast = "utkast",
        /// Ready (the same as leaving `status` out).
        Klar = "klar",
    }
}

unit_enum! {
    #[derive(Default)]
    pub enum Scope {
        National = "national",
        #[default]
        Local = "local",
    }
}

content_struct! {
    /// A titled page of rich text, used for the kommunenivå and etatsnivå.
    pub item struct Page {
        pub id: Id => required,
        pub title: Text => required,
        /// Rich text.
        pub body: Text => required,
    }
}

content_struct! {
    #[derive(Default)]
    pub struct Publication {
        /// Kommunenivå: values, plans, how cooperation is organised.
        pub kommune: Vec<Page> => default,
        /// Etatsnivå: routines that hold for a whole service area (each service's own
        /// routines live on the service itself).
        pub etat: Vec<Page> => default,
    }
}

content_struct! {
    /// One level of the grunnmodell (0: clarify the worry, 1: inside one service,
    /// 2: two services, 3: many services).
    pub item struct Level {
        pub id: Id => required,
        /// 0, 1, 2 or 3; the levels must come in this order.
        pub number: u8 => required,
        pub title: Text => required,
        /// Rich text: what this level is for.
        pub purpose: Text => required,
        /// Rich text: when the level applies.
        pub applies_when: Text => required,
        /// Rich text: who leads the work on this level.
        pub lead: Text => required,
        /// The steps, in the order they are done.
        pub steps: Vec<Step> => required,
    }
}

content_struct! {
    pub item struct Step {
        pub id: Id => required,
        pub title: Text => required,
        /// Rich text: what is done in this step.
        pub what: Text => required,
        /// Rich text: how it is done.
        pub how: Text => required,
        /// Rich text: who does it.
        pub who: Text => required,
        /// Ids of tools used in this step.
        pub tools: Vec<Id> => default,
        /// Ids of laws that apply.
        pub laws: Vec<Id> => default,
        /// Ids of roles and arenas involved.
        pub roles: Vec<Id> => default,
        /// Ids of other references (reports, national guides) behind this step.
        pub sources: Vec<Id> => skip_empty,
        /// A time limit in words, e.g. "Innen 14 dager".
        pub deadline: Option<Text> => optional,
        /// Decisions that lead onward from this step (usually on the last step).
        pub decisions: Vec<Decision> => default,
        /// What each service does in this step, in its own words.
        pub service_notes: Vec<ServiceNote> => default,
    }
}

content_struct! {
    pub struct Decision {
        /// The decision in words, e.g. "Bekymringen er avklart".
        pub label: Text => required,
        /// Id of the level the case moves to; absent means the case is closed.
        pub to_level: Option<Id> => optional,
        /// What the decision sets off besides the level, e.g. a report to barnevernet.
        pub action: Option<DecisionAction> => optional,
    }
}

unit_enum! {
    /// Something a decision sets off.
    pub enum DecisionAction {
        /// Send a bekymringsmelding (a report of concern) to barnevernet.
        Bekymringsmelding = "bekymringsmelding",
    }
}

content_struct! {
    pub struct ServiceNote {
        /// Id of the service.
        pub service: Id => required,
        /// Rich text: what this service does in the step.
        pub text: Text => required,
        /// Ids of contacts for this service in this step.
        pub contacts: Vec<Id> => default,
    }
}

unit_enum! {
    pub enum ServiceGroup {
        /// Basistjenester: barnehage, skole, SFO, …
        Basis = "basis",
        /// Hjelpetjenester: helsestasjon/skolehelsetjeneste, PPT, barnevern, …
        Hjelp = "hjelp",
        /// Voksentjenester: psykisk helse og rus, NAV, fastlege, …
        Voksen = "voksen",
    }
}

content_struct! {
    pub item struct Service {
        pub id: Id => required,
        pub name: Text => required,
        pub group: ServiceGroup => required,
        /// Rich text: what the service is.
        pub description: Text => required,
        /// Rich text: the service's own routines (etatsnivå).
        pub routines: Option<Text> => optional,
        /// Ids of contacts.
        pub contacts: Vec<Id> => default,
    }
}

content_struct! {
    /// A link with a label, e.g. to a form or the kommune's stafettlogg system.
    pub struct Link {
        pub label: Text => required,
        /// https:, http:, tel:, mailto: or a relative URL.
        pub href: Href => required,
        /// Language of the linked document, when it is not bokmål (e.g. "en").
        pub lang: Option<String> => optional,
    }
}

content_struct! {
    pub item struct Tool {
        pub id: Id => required,
        pub title: Text => required,
        /// Rich text.
        pub description: Text => required,
        pub document: Option<Link> => optional,
        /// More documents, e.g. the same letter in several languages (`lang` on each).
        pub documents: Vec<Link> => skip_empty,
    }
}

content_struct! {
    pub item struct Law {
        pub id: Id => required,
        /// The act's name, e.g. "Barnevernsloven".
        pub act: Text => required,
        /// The paragraph as written, e.g. "§ 13-2"; empty for the act as a whole.
        pub paragraph: String => default,
        /// A short title of what the paragraph is about.
        pub title: Text => required,
        /// Rich text: the rule in plain language.
        pub summary: Text => required,
        /// Link to the act on Lovdata. `None` once the checker has refused it.
        pub url: Option<Href> => refusable,
        /// When someone last checked the reference against Lovdata, `YYYY-MM-DD`.
        pub last_checked: Option<String> => optional,
    }
}

content_struct! {
    /// A reference that is not a law: a report, a national guide.
    pub item struct Source {
        pub id: Id => required,
        pub kind: SourceKind => required,
        pub title: Text => required,
        /// Who published it, e.g. "Helsedirektoratet".
        pub publisher: Option<Text> => optional,
        /// Rich text: what it says that matters here.
        pub summary: Option<Text> => optional,
        /// Web address (https: or http:). `None` once the checker has refused it.
        pub url: Option<Href> => refusable,
        /// When someone last checked the link and the summary, `YYYY-MM-DD`.
        pub last_checked: Option<String> => optional,
    }
}

unit_enum! {
    /// What kind of reference a [`Source`] is.
    pub enum SourceKind {
        /// A national guide (veileder), e.g. from Helsedirektoratet or Bufdir.
        Veileder = "veileder",
        Rapport = "rapport",
        Annet = "annet",
    }
}

unit_enum! {
    pub enum RoleKind {
        /// A person's responsibility, e.g. stafettholder, barnekoordinator.
        Role = "role",
        /// A meeting place, e.g. drøftingsteam, ansvarsgruppe.
        Arena = "arena",
        /// A tool-like system, e.g. stafettlogg.
        System = "system",
    }
}

content_struct! {
    pub item struct Role {
        pub id: Id => required,
        pub kind: RoleKind => required,
        pub title: Text => required,
        /// Rich text.
        pub description: Text => required,
        /// E.g. the kommune's own stafettlogg system.
        pub link: Option<Link> => optional,
    }
}

content_struct! {
    /// The citizen guide: a graph of question and result nodes.
    pub struct Guide {
        /// Id of the first node (the "Hvem er du bekymret for?" question).
        pub start: Id => required,
        /// Ids of local contacts shown under the widget's built-in emergency box
        /// (e.g. the local barnevernvakt and legevakt).
        pub emergency_contacts: Vec<Id> => default,
        pub nodes: Vec<Node> => required,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Node {
    Question(Question),
    Result(ResultNode),
}

impl Node {
    pub fn id(&self) -> &Id {
        match self {
            Node::Question(q) => &q.id,
            Node::Result(r) => &r.id,
        }
    }
}

content_struct! {
    pub item struct Question {
        pub id: Id => required,
        /// The question, short and plain.
        pub title: Text => required,
        /// Rich text under the question, optional.
        pub help: Option<Text> => optional,
        pub answers: Vec<Answer> => required,
    }
}

content_struct! {
    pub item struct Answer {
        pub id: Id => required,
        pub label: Text => required,
        /// Id of the node this answer leads to.
        pub next: Id => required,
    }
}

content_struct! {
    pub item struct ResultNode {
        pub id: Id => required,
        pub title: Text => required,
        /// Show the calm "Du trenger ikke være sikker" message. Default `false`.
        pub not_sure_ok: bool => default,
        /// What the result is about, at least one. Results about violence, sexual
        /// abuse, neglect, self-harm or suicide open with the built-in danger line.
        pub topics: Vec<Topic> => required,
        /// Rich text: what to do now.
        pub now: Text => required,
        /// Ids of contacts to show, most fitting first.
        pub contacts: Vec<Id> => required,
        /// Rich text: what happens next, told honestly (anonymity, timelines, feedback).
        pub what_happens: Text => required,
        /// Rich text: how to talk with the child or person.
        pub talk: Option<Text> => optional,
        /// Rich text: for those who do not want to phone (chat, letter, digital form).
        pub alternatives: Option<Text> => optional,
    }
}

unit_enum! {
    /// What a guide result is about, from a fixed list, so no result escapes the
    /// urgent rule by leaving it out.
    pub enum Topic {
        Vold = "vold",
        Overgrep = "overgrep",
        Omsorgssvikt = "omsorgssvikt",
        Selvskading = "selvskading",
        Selvmord = "selvmord",
        RusPsykisk = "rus-psykisk",
        Mobbing = "mobbing",
        Nett = "nett",
        Eldre = "eldre",
        Usikker = "usikker",
        Annet = "annet",
    }
}

impl Topic {
    /// Topics where someone may be in danger right now: the result then opens
    /// with "Er barnet eller noen andre i fare nå? Ring 112".
    pub fn is_urgent(self) -> bool {
        matches!(
            self,
            Topic::Vold
                | Topic::Overgrep
                | Topic::Omsorgssvikt
                | Topic::Selvskading
                | Topic::Selvmord
        )
    }
}

impl ResultNode {
    /// Whether the result must open with the built-in danger line. A result
    /// without topics (an error the checker reports) gets it too: safe by default.
    pub fn is_urgent(&self) -> bool {
        self.topics.is_empty() || self.topics.iter().any(|t| t.is_urgent())
    }
}

content_struct! {
    pub item struct Term {
        pub id: Id => required,
        pub term: Text => required,
        /// Rich text.
        pub definition: Text => required,
    }
}
