//! Which links, phone numbers and dates the content may use, and the types that
//! carry them once checked ([`Href`], [`Tel`], [`Email`]): views put them into an
//! `href` as they are, without checking again.

/// Returns the link unchanged if it is safe to put in an `href`: `https:`,
/// `http:`, `tel:`, `mailto:` or a relative URL. Refuses everything else,
/// including `javascript:`, `data:`, protocol-relative `//host`, backslashes,
/// whitespace and control characters anywhere (browsers strip some of them,
/// which is how `java\tscript:` tricks work).
pub fn safe_href(href: &str) -> Option<&str> {
    if href.is_empty()
        || href
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '\\' || is_invisible(c))
    {
        return None;
    }
    // A scheme is whatever comes before the first ':' that precedes any '/', '?' or '#'.
    let scheme_end = href.find([':', '/', '?', '#']);
    if let Some(end) = scheme_end.filter(|&i| href.as_bytes()[i] == b':') {
        let scheme = &href[..end];
        let rest = &href[end + 1..];
        let ok = if scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http") {
            rest.strip_prefix("//")
                .is_some_and(|host| !host.is_empty() && !host.starts_with('/'))
        } else if scheme.eq_ignore_ascii_case("tel") {
            tel_href(rest).is_some()
        } else if scheme.eq_ignore_ascii_case("mailto") {
            rest.as_bytes().contains(&b'@')
        } else {
            false
        };
        return ok.then_some(href);
    }
    if href.starts_with("//") {
        return None;
    }
    Some(href)
}

/// Zero-width and direction characters that hide what a link really says.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

/// True for `https://host…` only (used for `exit_url`).
pub fn is_https(href: &str) -> bool {
    safe_href(href).is_some()
        && href
            .get(..8)
            .is_some_and(|s| s.eq_ignore_ascii_case("https://"))
}

/// True for `https://` and `http://` links (used for law and contact web addresses).
pub fn is_web(href: &str) -> bool {
    safe_href(href).is_some()
        && (is_https(href)
            || href
                .get(..7)
                .is_some_and(|s| s.eq_ignore_ascii_case("http://")))
}

/// Turns a Norwegian phone number as people write it into a `tel:` link, or
/// `None` if it is not a valid form. Accepted (spaces anywhere, optional `+47`
/// before an 8-digit number): 8 digits starting with 2–9 (`22 40 00 40`,
/// `800 57 000`), the emergency numbers 110, 112 and 113, 4 digits starting
/// with 1 (`1412`), 5 digits starting with 0 (`02800`), and 116 xxx.
pub fn tel_href(phone: &str) -> Option<String> {
    let compact: String = phone
        .chars()
        .filter(|c| *c != ' ' && *c != '\u{a0}')
        .collect();
    let (country, digits) = match compact.strip_prefix("+47") {
        Some(rest) => (true, rest),
        None => (false, compact.as_str()),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let b = digits.as_bytes();
    let ok = match b.len() {
        8 => (b'2'..=b'9').contains(&b[0]),
        _ if country => false,
        3 => matches!(digits, "110" | "112" | "113"),
        4 => b[0] == b'1',
        5 => b[0] == b'0',
        6 => digits.starts_with("116"),
        _ => false,
    };
    ok.then(|| {
        if country {
            format!("tel:+47{digits}")
        } else {
            format!("tel:{digits}")
        }
    })
}

/// True for a real calendar date written `YYYY-MM-DD`.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &s[r];
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    y >= 1900 && (1..=days).contains(&d)
}

/// A plausible e-mail address: one `@`, something on both sides, a dot in the domain.
pub fn is_email(s: &str) -> bool {
    let mut parts = s.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(user), Some(domain), None) => {
            !user.is_empty()
                && domain.as_bytes().contains(&b'.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.chars().any(|c| {
                    c.is_whitespace()
                        || c.is_control()
                        || matches!(
                            c,
                            '<' | '>' | '"' | '(' | ')' | ',' | ';' | ':' | '\\' | '[' | ']'
                        )
                })
        }
        _ => false,
    }
}

use std::ops::Deref;

use serde::Serialize;

/// Declares a string newtype the checker lets through: shown and serialised as
/// the editor wrote it, with the schema of a plain string (the pattern is added
/// in `schema`, by field).
///
/// Outside `model` a value is only made by `new`, which checks. Inside, the
/// decoder reads it as written and the checker
/// ([`check::load_tree`](super::check::load_tree)) leaves out every one that
/// fails, with an error, before content leaves the model: so every value a view
/// sees has passed, and views never check again.
macro_rules! checked_string {
    ($(#[$m:meta])* $ty:ident, $ok:expr) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
        #[serde(transparent)]
        pub struct $ty(String);

        impl $ty {
            /// `s`, if it passes the check this type stands for.
            pub fn new(s: &str) -> Option<$ty> {
                let ok: fn(&str) -> bool = $ok;
                ok(s).then(|| $ty(s.to_string()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl Deref for $ty {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        /// Read as written: the checker refuses what does not pass.
        impl super::decoder::Decode for $ty {
            fn decode(
                v: &super::json::Value,
                d: &mut super::decoder::Decoder,
            ) -> Result<Self, super::decoder::Fail> {
                String::decode(v, d).map($ty)
            }
        }

        string_schema!($ty);
    };
}

checked_string! {
    /// A link [`safe_href`] lets through: https:, http:, tel:, mailto: or relative.
    Href, |s| safe_href(s).is_some()
}

checked_string! {
    /// A Norwegian phone number as the editor wrote it, in a form [`tel_href`] takes.
    Tel, |s| tel_href(s).is_some()
}

checked_string! {
    /// An e-mail address [`is_email`] takes and that makes a safe `mailto:` link.
    Email, |s| is_email(s) && safe_href(&format!("mailto:{s}")).is_some()
}

impl Tel {
    /// The `tel:` link: the number without its spaces, `+47` kept (what
    /// [`tel_href`] gives for a number it takes).
    pub fn href(&self) -> String {
        let mut href = String::from("tel:");
        href.extend(self.0.chars().filter(|c| *c != ' ' && *c != '\u{a0}'));
        href
    }
}

impl Email {
    /// The `mailto:` link.
    pub fn href(&self) -> String {
        format!("mailto:{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_checked_phone_number_links_as_tel_href_does() {
        for n in [
            "116 111",
            "+47 22 40 00 40",
            "22\u{a0}40 00 40",
            "112",
            "02800",
        ] {
            let tel = Tel::new(n).expect(n);
            assert_eq!(Some(tel.href()), tel_href(n), "{n}");
            assert_eq!(tel.as_str(), n, "shown as written");
        }
        assert_eq!(Tel::new("22 40 00"), None);
    }

    #[test]
    fn an_email_address_passes_only_when_its_mailto_link_is_safe() {
        assert_eq!(
            Email::new("post@eksempel.kommune.no").map(|e| e.href()),
            Some("mailto:post@eksempel.kommune.no".to_string())
        );
        // A zero-width space is no whitespace to is_email, but no safe link either.
        assert!(is_email("post\u{200b}@eksempel.no"));
        assert_eq!(Email::new("post\u{200b}@eksempel.no"), None);
        assert_eq!(Email::new("ikke en adresse"), None);
    }

    #[test]
    fn norwegian_phone_forms_become_tel_links() {
        assert_eq!(tel_href("116 111").as_deref(), Some("tel:116111"));
        assert_eq!(
            tel_href("+47 22 40 00 40").as_deref(),
            Some("tel:+4722400040")
        );
        assert_eq!(tel_href("22 40 00 40").as_deref(), Some("tel:22400040"));
        assert_eq!(tel_href("112").as_deref(), Some("tel:112"));
        assert_eq!(tel_href("1412").as_deref(), Some("tel:1412"));
        assert_eq!(tel_href("02800").as_deref(), Some("tel:02800"));
        assert_eq!(tel_href("800 57 000").as_deref(), Some("tel:80057000"));
    }

    #[test]
    fn wrong_phone_forms_are_refused() {
        for bad in [
            "",
            "111",
            "12345678",
            "2240004",
            "224000400",
            "+47 116 111",
            "22-40-00-40",
            "116 11",
            "+4",
        ] {
            assert_eq!(tel_href(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_safe_link_schemes_pass() {
        for ok in [
            "https://lovdata.no/lov",
            "http://x.no",
            "tel:116111",
            "mailto:a@b.no",
            "/side",
            "side#a",
            "?q=1",
        ] {
            assert_eq!(safe_href(ok), Some(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:x",
            "data:text/html,x",
            "//evil.no",
            "java\tscript:x",
            " https://x.no",
            "https://x.no ",
            "/\\evil.no",
            "vbscript:x",
            "https:x",
            "https://",
            "\u{200b}javascript:x",
            "",
        ] {
            assert_eq!(safe_href(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn checked_links_are_only_made_from_safe_ones() {
        assert_eq!(Href::new("https://x.no").as_deref(), Some("https://x.no"));
        assert_eq!(Href::new("javascript:alert(1)"), None);
        assert_eq!(Href::new(""), None);
    }

    #[test]
    fn dates_must_exist_in_the_calendar() {
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2023-02-29"));
        assert!(!is_date("2026-13-01"));
        assert!(!is_date("2026-1-01"));
        assert!(!is_date("01.02.2026"));
        assert!(!is_date("2026-04-31"));
    }
}
