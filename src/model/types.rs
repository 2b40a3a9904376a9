//! The content format: what a kommune writes in its JSON, as Rust types.
//! Strict (unknown fields are errors); every default is stated on the field.
//! These types are the single source of the JSON Schema (`content/schema.json`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;

/// Language code of the fallback language; every text must have it.
pub const BASE_LANG: &str = "nb";

/// A user-visible text. Either a plain string (bokmål) or one string per language
/// code (`{"nb": "…", "en": "…"}`). `nb` is required; a missing language falls back to `nb`.
/// Where a field is documented as *rich*, the string may use the small safe markup
/// described in `model::rich` (paragraphs, lists, emphasis, links).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(untagged)]
pub enum Text {
    Plain(String),
    PerLang(BTreeMap<String, String>),
}

impl Default for Text {
    fn default() -> Self {
        Text::Plain(String::new())
    }
}

impl Text {
    /// The text in `lang`, falling back to bokmål, then to any language given.
    pub fn get(&self, lang: &str) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::PerLang(map) => map
                .get(lang)
                .or_else(|| map.get(BASE_LANG))
                .or_else(|| map.values().next())
                .map(String::as_str)
                .unwrap_or(""),
        }
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
        Text::Plain(s.to_string())
    }
}

/// The whole content document. A single self-contained file holds everything;
/// a split publication is an index file (meta, contacts, `parts`) plus part
/// files that each hold some sections (see [`Part`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Content {
    /// Optional link to the JSON Schema, for editors' completion. Ignored by the widget.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Format version. Only `1` exists. Default `1`.
    #[serde(default = "format_one")]
    pub format: u32,
    pub meta: Meta,
    /// Split publication: the part files this index names. Empty for a single file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Part>,
    /// Contacts (phone, e-mail, web) referred to by id from services, steps and the guide.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// Kommunenivå and etatsnivå pages (the individnivå is the handbook of levels and steps).
    #[serde(default)]
    pub publication: Publication,
    /// The grunnmodell: levels 0-3 in order.
    #[serde(default)]
    pub levels: Vec<Level>,
    #[serde(default)]
    pub services: Vec<Service>,
    #[serde(default)]
    pub tools: Vec<Tool>,
    #[serde(default)]
    pub laws: Vec<Law>,
    /// Roles (stafettholder, …), arenas (drøftingsteam, ansvarsgruppe, …) and systems (stafettlogg).
    #[serde(default)]
    pub roles: Vec<Role>,
    /// The citizen guide "Bekymret for noen?". Absent in a handbook-only publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guide: Option<Guide>,
    #[serde(default)]
    pub glossary: Vec<Term>,
}

fn format_one() -> u32 {
    1
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// The kommune's name, e.g. "Eksempel kommune".
    pub kommune: Text,
    /// The content's own version, free form (e.g. "2026.2").
    pub version: String,
    /// Date of the last change, `YYYY-MM-DD`.
    pub updated: String,
    /// Who answers for the content: a role, never a person's name.
    pub editor: Text,
    /// Languages present, with a review status each. Default: bokmål, reviewed.
    #[serde(default = "default_languages")]
    pub languages: Vec<LanguageInfo>,
    /// Example content: the widget shows an "Eksempelinnhold" notice and local
    /// phone numbers are shown but not dialable. Default `false`.
    #[serde(default)]
    pub example: bool,
    /// Where quick exit goes (https only). Default: the widget's built-in neutral page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exit_url: Option<String>,
}

fn default_languages() -> Vec<LanguageInfo> {
    vec![LanguageInfo {
        lang: BASE_LANG.into(),
        reviewed: true,
    }]
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LanguageInfo {
    /// Language code: nb, nn, en, ar, so, ti, uk, pl, se.
    pub lang: String,
    /// Has a qualified person reviewed this language's text? Default `false`.
    #[serde(default)]
    pub reviewed: bool,
}

/// Which sections a part file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Section {
    /// `guide` and `glossary`.
    Guide,
    /// `publication`, `levels`, `services`, `tools`, `laws`, `roles`.
    Handbook,
}

/// One file of a split publication, named by the index.
/// A part without `lang` holds its sections in full (bokmål, or inline per-language texts).
/// A part with `lang` is a translation overlay: the same structure, but only the
/// texts in that language, matched to the base by `id`; whatever it leaves out
/// falls back to bokmål.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// URL of the part, relative to the index file.
    pub src: String,
    pub section: Section,
    /// Language of a translation overlay; absent for the base part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub id: String,
    pub name: Text,
    /// Norwegian phone number as people write it ("116 111", "22 40 00 40", "+47 …").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Web address or chat page (https:, http: or relative).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Opening hours in words, e.g. "Hele døgnet" or "Hverdager 08–15:30".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Text>,
    /// What this contact is for, and what to know first (rich).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// `national` numbers stay dialable in example content; `local` ones do not. Default `local`.
    #[serde(default)]
    pub scope: Scope,
    /// Set when a fact here is not confirmed; listed as a warning for the editor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editor_note: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    National,
    #[default]
    Local,
}

/// A titled page of rich text, used for the kommunenivå and etatsnivå.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub id: String,
    pub title: Text,
    /// Rich text.
    pub body: Text,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Publication {
    /// Kommunenivå: values, plans, how cooperation is organised.
    #[serde(default)]
    pub kommune: Vec<Page>,
    /// Etatsnivå: routines that hold for a whole service area (each service's own
    /// routines live on the service itself).
    #[serde(default)]
    pub etat: Vec<Page>,
}

/// One level of the grunnmodell (0: clarify the worry, 1: inside one service,
/// 2: two services, 3: many services).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: String,
    /// 0, 1, 2 or 3; the levels must come in this order.
    pub number: u8,
    pub title: Text,
    /// Rich text: what this level is for.
    pub purpose: Text,
    /// Rich text: when the level applies.
    pub applies_when: Text,
    /// Rich text: who leads the work on this level.
    pub lead: Text,
    /// The steps, in the order they are done.
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub title: Text,
    /// Rich text: what is done in this step.
    pub what: Text,
    /// Rich text: how it is done.
    pub how: Text,
    /// Rich text: who does it.
    pub who: Text,
    /// Ids of tools used in this step.
    #[serde(default)]
    pub tools: Vec<String>,
    /// Ids of laws that apply.
    #[serde(default)]
    pub laws: Vec<String>,
    /// Ids of roles and arenas involved.
    #[serde(default)]
    pub roles: Vec<String>,
    /// A time limit in words, e.g. "Innen 14 dager".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Text>,
    /// Decisions that lead onward from this step (usually on the last step).
    #[serde(default)]
    pub decisions: Vec<Decision>,
    /// What each service does in this step, in its own words.
    #[serde(default)]
    pub service_notes: Vec<ServiceNote>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// The decision in words, e.g. "Bekymringen er avklart".
    pub label: Text,
    /// Id of the level the case moves to; absent means the case is closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_level: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ServiceNote {
    /// Id of the service.
    pub service: String,
    /// Rich text: what this service does in the step.
    pub text: Text,
    /// Ids of contacts for this service in this step.
    #[serde(default)]
    pub contacts: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum ServiceGroup {
    /// Basistjenester: barnehage, skole, SFO, …
    Basis,
    /// Hjelpetjenester: helsestasjon/skolehelsetjeneste, PPT, barnevern, …
    Hjelp,
    /// Voksentjenester: psykisk helse og rus, NAV, fastlege, …
    Voksen,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub id: String,
    pub name: Text,
    pub group: ServiceGroup,
    /// Rich text: what the service is.
    pub description: Text,
    /// Rich text: the service's own routines (etatsnivå).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub routines: Option<Text>,
    /// Ids of contacts.
    #[serde(default)]
    pub contacts: Vec<String>,
}

/// A link with a label, e.g. to a form or the kommune's stafettlogg system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub label: Text,
    /// https:, http:, tel:, mailto: or a relative URL.
    pub href: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Tool {
    pub id: String,
    pub title: Text,
    /// Rich text.
    pub description: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<Link>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Law {
    pub id: String,
    /// The act's name, e.g. "Barnevernsloven".
    pub act: Text,
    /// The paragraph as written, e.g. "§ 13-2"; empty for the act as a whole.
    #[serde(default)]
    pub paragraph: String,
    /// A short title of what the paragraph is about.
    pub title: Text,
    /// Rich text: the rule in plain language.
    pub summary: Text,
    /// Link to the act on Lovdata.
    pub url: String,
    /// When someone last checked the reference against Lovdata, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_checked: Option<String>,
    /// What the editor must check before relying on this reference. Shown as a warning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editor_note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum RoleKind {
    /// A person's responsibility, e.g. stafettholder, barnekoordinator.
    Role,
    /// A meeting place, e.g. drøftingsteam, ansvarsgruppe.
    Arena,
    /// A tool-like system, e.g. stafettlogg.
    System,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    pub kind: RoleKind,
    pub title: Text,
    /// Rich text.
    pub description: Text,
    /// E.g. the kommune's own stafettlogg system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
}

/// The citizen guide: a graph of question and result nodes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Guide {
    /// Id of the first node (the "Hvem er du bekymret for?" question).
    pub start: String,
    /// Ids of local contacts shown under the widget's built-in emergency box
    /// (e.g. the local barnevernvakt and legevakt).
    #[serde(default)]
    pub emergency_contacts: Vec<String>,
    pub nodes: Vec<Node>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Node {
    Question(Question),
    Result(ResultNode),
}

impl Node {
    pub fn id(&self) -> &str {
        match self {
            Node::Question(q) => &q.id,
            Node::Result(r) => &r.id,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    /// The question, short and plain.
    pub title: Text,
    /// Rich text under the question, optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    pub answers: Vec<Answer>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub id: String,
    pub label: Text,
    /// Id of the node this answer leads to.
    pub next: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ResultNode {
    pub id: String,
    pub title: Text,
    /// Show the calm "Du trenger ikke være sikker" message. Default `false`.
    #[serde(default)]
    pub not_sure_ok: bool,
    /// What the result is about, at least one. Results about violence, sexual
    /// abuse, neglect, self-harm or suicide open with the built-in danger line.
    pub topics: Vec<Topic>,
    /// Rich text: what to do now.
    pub now: Text,
    /// Ids of contacts to show, most fitting first.
    pub contacts: Vec<String>,
    /// Rich text: what happens next, told honestly (anonymity, timelines, feedback).
    pub what_happens: Text,
    /// Rich text: how to talk with the child or person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub talk: Option<Text>,
    /// Rich text: for those who do not want to phone (chat, letter, digital form).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternatives: Option<Text>,
}

/// What a guide result is about, from a fixed list, so no result escapes the
/// urgent rule by leaving it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Topic {
    Vold,
    Overgrep,
    Omsorgssvikt,
    Selvskading,
    Selvmord,
    RusPsykisk,
    Mobbing,
    Nett,
    Eldre,
    Usikker,
    Annet,
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    pub term: Text,
    /// Rich text.
    pub definition: Text,
}
