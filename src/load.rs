//! What can go wrong while loading content, and how to say it. Pure, so the
//! messages users read are tested natively; the fetching itself lives in `hooks`.

use crate::i18n::{fill, Strings};

/// Which screen family an instance starts in; decides which content parts it fetches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Start {
    #[default]
    Guide,
    Handbook,
}

impl Start {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

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
}
