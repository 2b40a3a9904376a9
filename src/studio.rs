//! The checker and merge for the content studio (`pkg/redaktor.html`): the same
//! code as `bti-check` and the widget, over files held in memory, with the answer
//! as JSON text for the page's script. Only in builds with the `editor` feature;
//! the citizen guide's wasm never carries it.

use crate::model::json::{self, Kind, Seg, Value};
use crate::model::{check, decode, lix, merge, template, Gate, Part, Problem, Severity};

/// What the studio shows for a set of open files.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// Each problem with the number of the file it is in (into the `names` given).
    pub problems: Vec<(usize, Problem)>,
    /// The merged document as JSON text, when nothing fatal stops the widget.
    pub preview: Option<String>,
    /// The problems (indexes into `problems`) from applying the overlay to the
    /// template: a stale or missing `based_on`, an unknown id, an old template version.
    pub from_template: std::ops::Range<usize>,
}

impl Report {
    /// The report as JSON text: `{"errors", "warnings", "problems": [{file, line,
    /// column, severity, path, message, fatal, gate, template?}], "gates": [title…],
    /// "preview": {…} | null}`. `gate` indexes `gates` (the groups of
    /// `bti-check --publish`); `template` marks a problem of the overlay's merge.
    pub fn to_json(&self) -> String {
        let errors = self.problems.iter().filter(|(_, p)| p.is_error()).count();
        let mut out = format!(
            "{{\"errors\":{errors},\"warnings\":{},\"problems\":[",
            self.problems.len() - errors
        );
        for (n, (file, p)) in self.problems.iter().enumerate() {
            if n > 0 {
                out.push(',');
            }
            out.push_str(&format!(
                "{{\"file\":{file},\"line\":{},\"column\":{},\"severity\":\"{}\",\"fatal\":{},\"path\":",
                p.line,
                p.column,
                p.severity.as_str(),
                p.fatal
            ));
            write_str(&p.path, &mut out);
            out.push_str(",\"message\":");
            write_str(&p.message, &mut out);
            // The group of "Klar til publisering?" (an index into "gates"), as bti-check --publish groups.
            match p.gate.and_then(|g| Gate::ALL.iter().position(|x| *x == g)) {
                Some(g) => out.push_str(&format!(",\"gate\":{g}")),
                None => out.push_str(",\"gate\":null"),
            }
            if self.from_template.contains(&n) {
                out.push_str(",\"template\":true");
            }
            out.push('}');
        }
        out.push_str("],\"gates\":[");
        for (n, g) in Gate::ALL.iter().enumerate() {
            if n > 0 {
                out.push(',');
            }
            write_str(g.title(), &mut out);
        }
        out.push_str("],\"preview\":");
        out.push_str(self.preview.as_deref().unwrap_or("null"));
        out.push('}');
        out
    }
}

/// The last segment of a path or URL: parts are matched to open files by file name.
fn file_name(src: &str) -> &str {
    let src = src.split(['?', '#']).next().unwrap_or(src);
    src.rsplit(['/', '\\']).next().unwrap_or(src)
}

fn syntax(e: json::SyntaxError, file: usize) -> (usize, Problem) {
    (
        file,
        Problem {
            severity: Severity::Error,
            path: String::new(),
            line: e.pos.line,
            column: e.pos.column,
            message: format!("Filen er ikke gyldig JSON: {}", e.message),
            fatal: true,
            source: 0,
            gate: None,
        },
    )
}

/// Top-level sections of the staff handbook: their texts have the handbook's LIX
/// limit, everything else (guide, contacts, emergency box, glossary) the citizens'.
const HANDBOOK_SECTIONS: &[&str] = &[
    "publication",
    "levels",
    "services",
    "tools",
    "laws",
    "roles",
];

/// An index and its parts found among the open files, parsed with source numbers
/// that `files` maps back to file numbers; `None` when a file is missing or broken
/// (the problems say which).
fn read_set(
    main: usize,
    names: &[String],
    texts: &[String],
    files: &mut Vec<usize>,
    problems: &mut Vec<(usize, Problem)>,
) -> Option<(Value, Vec<(Part, Value)>)> {
    let source = u16::try_from(files.len()).unwrap_or(u16::MAX);
    files.push(main);
    let index = match json::parse_source(&texts[main], source) {
        Ok(t) => t,
        Err(e) => {
            problems.push(syntax(e, main));
            return None;
        }
    };
    let parts_path = [Seg::Key("parts".into())];
    let declared: Vec<Part> = match index.get("parts") {
        None => Vec::new(),
        Some(v) => match decode::decode_problems::<Vec<Part>>(v, &parts_path) {
            Ok(parts) => parts,
            Err(list) => {
                problems.extend(list.into_iter().map(|p| (main, p)));
                return None;
            }
        },
    };
    let before = problems.len();
    let mut parsed = Vec::new();
    for (i, part) in declared.iter().enumerate() {
        let wanted = file_name(&part.src);
        let found = names
            .iter()
            .enumerate()
            .find(|(n, name)| *n != main && *n != 0 && file_name(name) == wanted);
        let Some((file, _)) = found else {
            let path = [parts_path[0].clone(), Seg::Index(i), Seg::Key("src".into())];
            let mut p = Problem::at(
                Some(&index),
                &path,
                Severity::Error,
                format!(
                    "Delfilen «{}» er ikke åpnet. Åpne den sammen med denne filen (velg alle filene på en gang, eller dra dem inn).",
                    part.src
                ),
            );
            p.fatal = true;
            problems.push((main, p));
            continue;
        };
        let source = u16::try_from(files.len()).unwrap_or(u16::MAX);
        match json::parse_source(&texts[file], source) {
            Ok(v) => parsed.push((part.clone(), v)),
            Err(e) => problems.push(syntax(e, file)),
        }
        files.push(file);
    }
    (problems.len() == before).then_some((index, parsed))
}

/// Checks `texts[0]` (a single file, or an index) with the parts it names, found
/// among the other files by file name, and merges them as `bti-check` does. An
/// index that `extends` the national template is merged with the template's
/// files, found among the open files by the file name `extends` gives (the
/// studio fetches them from `pkg/mal/`). `names` and `texts` pair up. Problems
/// are the ones `bti-check` gives for the same files.
pub fn check_files(names: &[String], texts: &[String]) -> Report {
    let mut report = Report::default();
    if texts.is_empty() {
        return report;
    }
    let mut from_template = 0..0;
    let problems = &mut report.problems;
    // Source n of the merge is the file `files[n]`.
    let mut files = Vec::new();
    let Some(set) = read_set(0, names, texts, &mut files, problems) else {
        if problems.iter().all(|(f, _)| *f == 0) {
            // Syntax errors in the other files are worth knowing at the same time.
            for (n, t) in texts.iter().enumerate().skip(1) {
                if let Err(e) = json::parse(t) {
                    problems.push(syntax(e, n));
                }
            }
        }
        return report;
    };
    let extends = set.0.get("extends").cloned();
    let at =
        |files: &[usize], p: Problem| (files.get(usize::from(p.source)).copied().unwrap_or(0), p);
    let (own, list) = merge::merge_all(set.0, set.1);
    problems.extend(list.into_iter().map(|p| at(&files, p)));
    let Some(own) = own else {
        return report;
    };
    let merged = match extends {
        None => own,
        Some(target) => {
            let Some(found) = template_of(&target, names) else {
                let message = match target.as_str() {
                    Some(t) => format!("Malen «{t}» ble ikke funnet. Redaktøren henter malen fra mappen «mal» ved siden av redaktor.html; ligger den ikke der, åpne malens filer (bti-mal.json med delfilene) sammen med dine."),
                    None => "«extends» må være stien til malens indeksfil, f.eks. \"mal/bti-mal.json\".".into(),
                };
                let mut p = Problem::at(Some(&target), &[], Severity::Error, message);
                p.path = "extends".into();
                p.fatal = true;
                problems.push((0, p));
                return report;
            };
            let Some(tset) = read_set(found, names, texts, &mut files, problems) else {
                return report;
            };
            let (template, list) = merge::merge_all(tset.0, tset.1);
            problems.extend(list.into_iter().map(|p| at(&files, p)));
            let Some(template) = template else {
                return report;
            };
            let (tree, list) = template::apply(template, own);
            let start = problems.len();
            problems.extend(list.into_iter().map(|p| at(&files, p)));
            from_template = start..problems.len();
            tree
        }
    };
    let checked = check::load_tree(&merged);
    // The checker flags the placeholders of "Ny fil" ("[FYLL INN …]") itself.
    problems.extend(checked.problems.into_iter().map(|p| at(&files, p)));
    if checked.content.is_some() && !problems.iter().any(|(_, p)| p.fatal) {
        let mut out = String::with_capacity(texts[0].len());
        write_value(&merged, &mut out);
        report.preview = Some(out);
    }
    report.from_template = from_template;
    report
}

/// The open file that is the template's index `extends` names (by file name).
fn template_of(target: &Value, names: &[String]) -> Option<usize> {
    let wanted = file_name(target.as_str()?);
    (1..names.len()).find(|&n| file_name(&names[n]) == wanted)
}

/// Readability of the text under the cursor, as the checker counts it.
#[derive(Debug, Clone, PartialEq)]
pub struct Readability {
    pub counts: lix::Counts,
    /// The score for a text of at least [`lix::MIN_WORDS`] words.
    pub score: Option<f64>,
    /// The limit for the section the text is in: 35 for citizens, 45 for the handbook.
    pub limit: f64,
}

impl Readability {
    /// `{"words", "long_words", "sentences", "score" (one decimal, or null), "limit", "min_words"}`.
    pub fn to_json(&self) -> String {
        // Tenths as whole numbers: formatting a float would add ~20 KB to the wasm.
        let score = self.score.map_or_else(
            || "null".to_string(),
            |s| {
                let tenths = (s * 10.0).round() as u64;
                format!("{}.{}", tenths / 10, tenths % 10)
            },
        );
        format!(
            "{{\"words\":{},\"long_words\":{},\"sentences\":{},\"score\":{score},\"limit\":{},\"min_words\":{}}}",
            self.counts.words,
            self.counts.long_words,
            self.counts.sentences,
            self.limit.round() as u64,
            lix::MIN_WORDS
        )
    }
}

/// LIX of `text`, the value of the field `field` (e.g. "body") in the top-level
/// section `section` (e.g. "guide", "levels"), with the limit the checker
/// applies there; `None` when the field holds no text (an id, a date, a URL).
pub fn readability(text: &str, section: &str, field: &str) -> Option<Readability> {
    if !merge::TEXT_FIELDS.contains(&field) {
        return None;
    }
    let counts = lix::counts(text);
    let limit = if HANDBOOK_SECTIONS.contains(&section) {
        check::LIX_HANDBOOK
    } else {
        check::LIX_CITIZEN
    };
    Some(Readability {
        counts,
        score: lix::score(text),
        limit,
    })
}

/// The merged document of `check_files`, or the problems' messages when it cannot be shown.
pub fn merge_files(names: &[String], texts: &[String]) -> Result<String, Vec<String>> {
    let report = check_files(names, texts);
    report.preview.ok_or_else(|| {
        report
            .problems
            .into_iter()
            .filter(|(_, p)| p.fatal || p.is_error())
            .map(|(_, p)| p.message)
            .collect()
    })
}

/// Writes a parsed value back as compact JSON (numbers as written in the file).
pub fn write_value(v: &Value, out: &mut String) {
    match &v.kind {
        Kind::Null => out.push_str("null"),
        Kind::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Kind::Number(n) => out.push_str(n.as_str()),
        Kind::String(s) => write_str(s, out),
        Kind::Array(items) => {
            out.push('[');
            for (n, item) in items.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                write_value(item, out);
            }
            out.push(']');
        }
        Kind::Object(members) => {
            out.push('{');
            for (n, m) in members.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                write_str(&m.key, out);
                out.push(':');
                write_value(&m.value, out);
            }
            out.push('}');
        }
    }
}

fn write_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// Checks the open files (the first is the single file or the index); returns
    /// the report as JSON text (see `Report::to_json`).
    #[wasm_bindgen(js_name = studioCheck)]
    pub fn studio_check(names: Vec<String>, texts: Vec<String>) -> String {
        super::check_files(&names, &texts).to_json()
    }

    /// LIX of the text under the cursor (`section`: the top-level key it is in,
    /// `field`: the key it is the value of); returns JSON text (see
    /// `Readability::to_json`), or `null` when the field holds no text.
    #[wasm_bindgen(js_name = studioLix)]
    pub fn studio_lix(text: &str, section: &str, field: &str) -> String {
        super::readability(text, section, field).map_or_else(|| "null".into(), |r| r.to_json())
    }

    /// The merged document as JSON text, as the widget would merge it; an error
    /// holds the problems' messages, one per line.
    #[wasm_bindgen(js_name = studioMerge)]
    pub fn studio_merge(names: Vec<String>, texts: Vec<String>) -> Result<String, JsValue> {
        super::merge_files(&names, &texts).map_err(|m| JsValue::from_str(&m.join("\n")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn a_syntax_error_is_fatal_and_names_its_line() {
        let r = check_files(&s(&["a.json"]), &s(&["{\n  \"meta\": {\n  ,\n}"]));
        assert_eq!(r.preview, None);
        assert_eq!(r.problems.len(), 1);
        let (file, p) = &r.problems[0];
        assert_eq!((*file, p.line, p.fatal), (0, 3, true));
        assert!(p.message.starts_with("Filen er ikke gyldig JSON"));
    }

    #[test]
    fn a_part_that_is_not_open_is_named_at_its_place_in_the_index() {
        let index =
            "{\"meta\": {}, \"parts\": [\n {\"src\": \"x.guide.json\", \"section\": \"guide\"}]}";
        let r = check_files(&s(&["x.json"]), &s(&[index]));
        let (_, p) = &r.problems[0];
        assert_eq!(p.path, "parts[0].src");
        assert_eq!(p.line, 2);
        assert!(
            p.message.contains("«x.guide.json» er ikke åpnet"),
            "{}",
            p.message
        );
    }

    #[test]
    fn written_json_parses_back_to_the_same_tree() {
        let text = "{\"a\": [1, -2.5e3, true, null], \"b\": \"«\\\"x\\\"»\\n\\u0001\\\\\"}";
        let tree = json::parse(text).unwrap();
        let mut out = String::new();
        write_value(&tree, &mut out);
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back, tree.to_serde());
    }

    #[test]
    fn the_report_is_json() {
        let r = check_files(&s(&["a.json"]), &s(&["{\"meta\": 1}"]));
        let v: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
        assert!(v["errors"].as_u64().unwrap() >= 1);
        assert_eq!(v["preview"], serde_json::Value::Null);
    }
}
