//! A problem found in content: where it is, how bad it is, and what to do (in
//! Norwegian, for the kommune's editor).

use super::json::{self, Seg};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// `error` or `warning`, as the check tool prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// Where in the document, e.g. `services[3].contacts[0].phone` (empty for the whole file).
    pub path: String,
    /// 1-based line and column in the file (0 when unknown).
    pub line: u32,
    pub column: u32,
    /// What is wrong and what to do, in bokmål.
    pub message: String,
    /// The content cannot be shown at all until this is fixed.
    pub fatal: bool,
    /// Which file: 0 is the main (or index) file, `n` is the n-th part given to the merge.
    pub source: u16,
    /// Set when this blocks publishing though it is only a warning (`bti-check --publish`).
    pub gate: Option<Gate>,
}

/// Why content is not ready to publish, as `bti-check --publish` groups it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Gate {
    /// An item marked `"status": "utkast"`.
    Draft,
    /// A text with PLASSHOLDER, TODO, XXX or "fyll inn".
    Placeholder,
    /// A law reference without `last_checked`, or marked as a draft.
    Law,
    /// `meta.example` is set.
    Example,
    /// A language not marked as reviewed.
    Language,
}

impl Gate {
    pub const ALL: [Gate; 5] = [
        Gate::Draft,
        Gate::Placeholder,
        Gate::Law,
        Gate::Example,
        Gate::Language,
    ];

    /// The group's heading in the publish list.
    pub fn title(self) -> &'static str {
        match self {
            Gate::Draft => "Utkast",
            Gate::Placeholder => "Plassholdere",
            Gate::Law => "Lovhenvisninger som ikke er sjekket",
            Gate::Example => "Eksempelinnhold",
            Gate::Language => "Språk som ikke er gjennomgått",
        }
    }
}

impl Problem {
    /// A problem at `path`, located in `tree` (the deepest existing value on the path).
    pub fn at(
        tree: Option<&json::Value>,
        path: &[Seg],
        severity: Severity,
        message: String,
    ) -> Problem {
        let (pos, source) = match tree {
            Some(t) => {
                let (v, _) = t.locate(path);
                (v.pos, v.source)
            }
            None => (json::Pos::default(), 0),
        };
        Problem {
            severity,
            // Items by id for editors; the citizen guide's build keeps indices.
            path: match tree {
                Some(t) if cfg!(feature = "editor") => json::format_path_in(t, path),
                _ => json::format_path(path),
            },
            line: pos.line,
            column: pos.column,
            message,
            fatal: false,
            source,
            gate: None,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}
