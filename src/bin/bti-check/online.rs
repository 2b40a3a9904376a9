//! `--online`: checks that every external web address in the content answers.
//! Uses the system's `curl` (present on the machines editors and CI use), so the
//! tool needs no HTTP or TLS library of its own; without curl it says so.

use std::process::Command;

use bti_veileder::model::json::{self, Kind, Seg, Value};
use bti_veileder::model::{Problem, Severity};

/// A web address found in a file, with where it stands.
pub struct Found {
    pub url: String,
    pub path: String,
    pub line: u32,
    pub column: u32,
}

/// Every `http:`/`https:` address in the tree: whole string values, and link
/// targets inside rich text (`[label](https://…)`).
pub fn urls(tree: &Value) -> Vec<Found> {
    let mut out = Vec::new();
    walk(tree, &mut Vec::new(), &mut out);
    out
}

fn walk(v: &Value, path: &mut Vec<Seg>, out: &mut Vec<Found>) {
    match &v.kind {
        Kind::String(s) => {
            let mut push = |url: &str| {
                out.push(Found {
                    url: url.to_string(),
                    path: json::format_path(path),
                    line: v.pos.line,
                    column: v.pos.column,
                })
            };
            if is_web(s) {
                push(s.trim());
            }
            for (i, _) in s.match_indices("](") {
                let rest = &s[i + 2..];
                if let Some(end) = rest.find(')') {
                    if is_web(&rest[..end]) {
                        push(&rest[..end]);
                    }
                }
            }
        }
        Kind::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Seg::Index(i));
                walk(item, path, out);
                path.pop();
            }
        }
        Kind::Object(members) => {
            for m in members {
                if m.key == "$schema" {
                    continue;
                }
                path.push(Seg::Key(m.key.clone()));
                walk(&m.value, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn is_web(s: &str) -> bool {
    let s = s.trim();
    (s.starts_with("https://") || s.starts_with("http://")) && !s.contains(char::is_whitespace)
}

/// What curl says of one address: the final HTTP status, or why there was none.
fn status(url: &str) -> Result<u16, String> {
    let run = |extra: &[&str]| -> Result<u16, String> {
        let out = Command::new("curl")
            .args([
                "-sS",
                "-L",
                "-o",
                "/dev/null",
                "--max-time",
                "15",
                "-w",
                "%{http_code}",
            ])
            .args(extra)
            .arg(url)
            .output()
            .map_err(|e| {
                format!("curl kunne ikke startes ({e}); installer curl for å bruke --online")
            })?;
        let code = String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse::<u16>()
            .unwrap_or(0);
        if code == 0 {
            let why = String::from_utf8_lossy(&out.stderr).trim().to_string();
            return Err(if why.is_empty() {
                "ingen svar".into()
            } else {
                why
            });
        }
        Ok(code)
    };
    // Some servers refuse HEAD; ask for one byte with GET before calling a link dead.
    match run(&["-I"])? {
        405 | 403 | 501 => run(&["-r", "0-0"]),
        code => Ok(code),
    }
}

/// Checks each distinct address once; dead ones become errors at every place they stand.
pub fn check(found: &[Found], source: u16) -> Vec<Problem> {
    let mut verdicts: Vec<(String, Option<String>)> = Vec::new();
    let mut problems = Vec::new();
    for f in found {
        let verdict = match verdicts.iter().find(|(u, _)| *u == f.url) {
            Some((_, v)) => v.clone(),
            None => {
                let v = match status(&f.url) {
                    Ok(code) if code < 400 => None,
                    Ok(code) => Some(format!(
                        "Lenken {} svarer HTTP {code}. Rett eller fjern lenken.",
                        f.url
                    )),
                    Err(why) => Some(format!(
                        "Lenken {} svarer ikke: {why}. Rett eller fjern lenken.",
                        f.url
                    )),
                };
                verdicts.push((f.url.clone(), v.clone()));
                v
            }
        };
        if let Some(message) = verdict {
            problems.push(Problem {
                severity: Severity::Error,
                path: f.path.clone(),
                line: f.line,
                column: f.column,
                message,
                fatal: false,
                source,
                gate: None,
            });
        }
    }
    problems
}
