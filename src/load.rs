//! Loading content as pure state: what is wanted, what arrived, what can go
//! wrong and how to say it. Tested natively; the fetching itself lives in `hooks`.

use std::rc::Rc;

use yew::{AttrValue, Reducible};

use crate::i18n::{fill, Lang, Strings};
use crate::model::{Content, Guide, Part, Section, BASE_LANG};

/// Which screen family an instance starts in; decides which content parts it fetches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Start {
    #[default]
    Guide,
    Handbook,
}

impl Start {
    /// The content sections this start screen needs.
    pub fn sections(self) -> &'static [Section] {
        match self {
            Start::Guide => &[Section::Guide],
            Start::Handbook => &[Section::Handbook],
        }
    }

    pub fn from_attr(value: Option<&str>) -> Start {
        match value.map(str::trim) {
            Some("handbook") | Some("handbok") => Start::Handbook,
            _ => Start::Guide,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The request never got an answer (offline, DNS, CORS refused).
    Network { url: String },
    /// The server answered with a status other than 2xx.
    Http { url: String, status: u16 },
    /// The file is not JSON.
    Json {
        url: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// The JSON cannot be shown (a fatal validation problem).
    Invalid { url: String, message: String },
}

impl LoadError {
    /// The sentence shown under "Vi fikk ikke lastet veilederen".
    pub fn message(&self, s: &Strings) -> String {
        match self {
            LoadError::Network { url } => fill(s.err_network, &[url]),
            LoadError::Http { url, status } => fill(s.err_http, &[&status.to_string(), url]),
            LoadError::Json {
                url,
                line,
                column,
                message,
            } => {
                let at = fill(s.err_line_col, &[&line.to_string(), &column.to_string()]);
                fill(s.err_json, &[url, &at, message])
            }
            LoadError::Invalid { url, message } => fill(s.err_invalid, &[url, message]),
        }
    }
}

/// Loaded content, ready to render, plus what the editor should know.
#[derive(Debug)]
pub struct Loaded {
    pub content: Content,
    /// The citizen guide, moved out of `content` at load so screens share it
    /// instead of copying it.
    pub guide: Option<Rc<Guide>>,
    /// Problems that did not stop the widget (shown only with `debug`).
    pub problems: Vec<String>,
    /// Languages this screen's content exists in (bokmål always), for the switcher.
    pub langs: Vec<String>,
}

/// The content languages an instance that starts at `start` offers in its
/// switcher: bokmål, then the language of each of its section's parts, in the
/// index's order. Content without language parts carries its languages inline,
/// as its meta declares them.
#[inline]
pub fn content_langs(parts: &[Part], start: Start, content: &Content) -> Vec<String> {
    let sections = start.sections();
    let mut langs: Vec<String> = vec![BASE_LANG.into()];
    for p in parts.iter().filter(|p| sections.contains(&p.section)) {
        if let Some(l) = p.lang.as_ref().filter(|l| !langs.contains(l)) {
            langs.push(l.clone());
        }
    }
    if langs.len() == 1 {
        let inline = content.meta.languages.iter().map(|l| &l.lang);
        langs.extend(inline.filter(|l| *l != BASE_LANG).cloned());
    }
    langs
}

impl Loaded {
    /// Content ready to render; its guide moves out to be shared.
    pub fn new(mut content: Content, problems: Vec<String>, langs: Vec<String>) -> Rc<Loaded> {
        Rc::new(Loaded {
            guide: content.guide.take().map(Rc::new),
            content,
            problems,
            langs,
        })
    }
}

/// Loaded content never changes; a new load makes a new `Rc`. Comparing by
/// identity keeps deep comparison code for every content type out of the wasm.
impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Where the content comes from, without the language: `src`, or JSON given
/// through `element.content`, the start screen, and the reader's retries.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Source {
    pub src: Option<AttrValue>,
    pub inline: Option<AttrValue>,
    pub start: Start,
    pub attempt: u32,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub enum Phase {
    #[default]
    Loading,
    Failed(LoadError),
    Ready(Rc<Loaded>),
}

/// The load state machine of one widget instance.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LoadState {
    pub phase: Phase,
    /// What the newest request asked for.
    pub source: Source,
    pub lang: Option<Lang>,
    /// The newest request; an answer to any older one is ignored.
    pub request: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoadAction {
    /// Fetch `source` in `lang`; `request` numbers it (it only grows).
    Request {
        source: Source,
        lang: Lang,
        request: u32,
    },
    /// The answer to request number `request`.
    Arrived {
        request: u32,
        result: Result<Rc<Loaded>, LoadError>,
    },
}

impl LoadState {
    pub fn apply(&self, action: LoadAction) -> LoadState {
        match action {
            LoadAction::Request {
                source,
                lang,
                request,
            } => {
                // A change of language alone keeps the screen (and the guide's
                // place) until the text in the new language has arrived.
                let keep = source == self.source && matches!(self.phase, Phase::Ready(_));
                LoadState {
                    phase: if keep {
                        self.phase.clone()
                    } else {
                        Phase::Loading
                    },
                    source,
                    lang: Some(lang),
                    request,
                }
            }
            LoadAction::Arrived { request, .. } if request != self.request => self.clone(),
            LoadAction::Arrived { result, .. } => LoadState {
                phase: match result {
                    Ok(loaded) => Phase::Ready(loaded),
                    Err(e) => Phase::Failed(e),
                },
                ..self.clone()
            },
        }
    }

    pub fn loaded(&self) -> Option<&Rc<Loaded>> {
        match &self.phase {
            Phase::Ready(loaded) => Some(loaded),
            _ => None,
        }
    }
}

impl Reducible for LoadState {
    type Action = LoadAction;

    fn reduce(self: Rc<Self>, action: LoadAction) -> Rc<Self> {
        // Only a stale answer leaves the state as it was: a request always takes a
        // new number, and the newest answer always changes the phase. Saying so
        // here keeps a deep comparison of the whole state out of the wasm.
        if matches!(action, LoadAction::Arrived { request, .. } if request != self.request) {
            return self;
        }
        Rc::new(self.apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_errors_name_the_status_and_the_file() {
        let e = LoadError::Http {
            url: "/innhold.json".into(),
            status: 404,
        };
        assert_eq!(
            e.message(Lang::Nb.strings()),
            "Serveren svarte HTTP 404 for /innhold.json."
        );
    }

    #[test]
    fn json_errors_name_line_and_column() {
        let e = LoadError::Json {
            url: "x.json".into(),
            line: 3,
            column: 3,
            message: "key must be a string".into(),
        };
        assert_eq!(
            e.message(Lang::Nb.strings()),
            "Innholdsfilen x.json er ikke gyldig JSON (linje 3, kolonne 3): key must be a string"
        );
    }

    #[test]
    fn start_attribute_defaults_to_the_guide() {
        assert_eq!(Start::from_attr(None), Start::Guide);
        assert_eq!(Start::from_attr(Some("handbook")), Start::Handbook);
        assert_eq!(Start::from_attr(Some("tull")), Start::Guide);
    }

    fn loaded() -> Rc<Loaded> {
        Loaded::new(Content::default(), Vec::new(), vec!["nb".into()])
    }

    fn source(src: &str) -> Source {
        Source {
            src: Some(AttrValue::from(src.to_string())),
            ..Source::default()
        }
    }

    fn request(source: Source, lang: Lang, request: u32) -> LoadAction {
        LoadAction::Request {
            source,
            lang,
            request,
        }
    }

    fn ready_at(src: &str) -> (LoadState, Rc<Loaded>) {
        let content = loaded();
        let state = LoadState::default()
            .apply(request(source(src), Lang::Nb, 1))
            .apply(LoadAction::Arrived {
                request: 1,
                result: Ok(content.clone()),
            });
        (state, content)
    }

    #[test]
    fn a_request_shows_loading_and_its_answer_shows_the_content() {
        let state = LoadState::default().apply(request(source("a.json"), Lang::Nb, 1));
        assert_eq!(state.phase, Phase::Loading);
        let (state, content) = ready_at("a.json");
        assert!(Rc::ptr_eq(state.loaded().unwrap(), &content));
    }

    #[test]
    fn a_language_change_keeps_the_screen_until_the_new_text_arrives() {
        let (state, old) = ready_at("a.json");
        let state = state.apply(request(source("a.json"), Lang::En, 2));
        assert!(
            Rc::ptr_eq(state.loaded().unwrap(), &old),
            "still the old screen"
        );
        assert_eq!(state.lang, Some(Lang::En));
        let new = loaded();
        let state = state.apply(LoadAction::Arrived {
            request: 2,
            result: Ok(new.clone()),
        });
        assert!(Rc::ptr_eq(state.loaded().unwrap(), &new));
    }

    #[test]
    fn another_file_or_a_retry_shows_loading_again() {
        let (state, _) = ready_at("a.json");
        assert_eq!(
            state.apply(request(source("b.json"), Lang::Nb, 2)).phase,
            Phase::Loading
        );
        let retry = Source {
            attempt: 1,
            ..source("a.json")
        };
        assert_eq!(
            state.apply(request(retry, Lang::Nb, 2)).phase,
            Phase::Loading
        );
    }

    #[test]
    fn a_stale_answer_is_ignored() {
        let state = LoadState::default()
            .apply(request(source("a.json"), Lang::Nb, 1))
            .apply(request(source("b.json"), Lang::Nb, 2));
        let stale = state.apply(LoadAction::Arrived {
            request: 1,
            result: Ok(loaded()),
        });
        assert_eq!(
            stale.phase,
            Phase::Loading,
            "the answer for a.json came too late"
        );
        let failed_late = state.apply(LoadAction::Arrived {
            request: 1,
            result: Err(LoadError::Network {
                url: "a.json".into(),
            }),
        });
        assert_eq!(failed_late.phase, Phase::Loading);
    }

    #[test]
    fn a_failure_shows_the_error_and_a_retry_recovers() {
        let state = LoadState::default()
            .apply(request(source("a.json"), Lang::Nb, 1))
            .apply(LoadAction::Arrived {
                request: 1,
                result: Err(LoadError::Http {
                    url: "a.json".into(),
                    status: 404,
                }),
            });
        assert!(matches!(
            state.phase,
            Phase::Failed(LoadError::Http { status: 404, .. })
        ));
        let retry = Source {
            attempt: 1,
            ..source("a.json")
        };
        let state = state
            .apply(request(retry, Lang::Nb, 2))
            .apply(LoadAction::Arrived {
                request: 2,
                result: Ok(loaded()),
            });
        assert!(state.loaded().is_some());
    }

    #[test]
    fn reducing_to_the_same_state_keeps_the_same_rc() {
        let (state, _) = ready_at("a.json");
        let state = Rc::new(state);
        let same = state.clone().reduce(LoadAction::Arrived {
            request: 0,
            result: Ok(loaded()),
        });
        assert!(Rc::ptr_eq(&state, &same), "no re-render for a stale answer");
    }
}
