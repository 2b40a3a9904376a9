//! bti-check: checks a kommune's BTI content files and lists every problem with
//! file, line and column, in Norwegian, so the editor knows what to fix.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use bti_veileder::model::{self, json, Part, Problem};

const HELP: &str = "\
bti-check – sjekker innholdsfiler for BTI-veilederen

Bruk:
  bti-check [--json] FIL...     sjekk filene og list alle problemer
  bti-check --schema            skriv JSON Schema for innholdsfiler
  bti-check --part-schema       skriv JSON Schema for delfiler
  bti-check --online FIL...     sjekk også at eksterne lenker svarer (bruker curl)

En indeksfil med «parts» sjekkes sammen med delfilene den viser til
(stiene er relative til indeksfilen).

Hver linje har formen  fil:linje:kolonne: error|warning: sti: melding
Grenser: titler og andre korte tekster høyst 120 tegn, svaralternativer
høyst 80 tegn, rike tekstfelt høyst 4000 tegn per språk.

Avslutningskode: 0 uten feil (advarsler er lov), 1 med feil, 2 når en fil ikke
kan leses.";

struct Found {
    file: String,
    problem: Problem,
}

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut json_out = false;
    let mut online = false;
    let mut files = Vec::new();
    for a in &args {
        match a.as_str() {
            "--json" => json_out = true,
            "--online" => online = true,
            "--schema" => {
                print!("{}", model::schema::content_schema());
                return ExitCode::SUCCESS;
            }
            "--part-schema" => {
                print!("{}", model::schema::part_schema());
                return ExitCode::SUCCESS;
            }
            "-h" | "--help" => {
                println!("{HELP}");
                return ExitCode::SUCCESS;
            }
            s if s.starts_with('-') => {
                eprintln!("bti-check: ukjent valg «{s}». Se bti-check --help.");
                return ExitCode::from(2);
            }
            _ => files.push(a.clone()),
        }
    }
    if files.is_empty() {
        eprintln!("{HELP}");
        return ExitCode::from(2);
    }
    let mut found = Vec::new();
    for file in &files {
        match check_file(Path::new(file), online) {
            Ok(list) => found.extend(list),
            Err(message) => {
                eprintln!("{message}");
                return ExitCode::from(2);
            }
        }
    }
    let errors = found.iter().filter(|f| f.problem.is_error()).count();
    let warnings = found.len() - errors;
    if json_out {
        let list: Vec<serde_json::Value> = found
            .iter()
            .map(|f| {
                serde_json::json!({
                    "file": f.file,
                    "line": f.problem.line,
                    "column": f.problem.column,
                    "severity": f.problem.severity.as_str(),
                    "path": f.problem.path,
                    "message": f.problem.message,
                    "fatal": f.problem.fatal,
                })
            })
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&list).unwrap_or_default()
        );
    } else {
        for f in &found {
            let p = &f.problem;
            let path = if p.path.is_empty() {
                String::new()
            } else {
                format!("{}: ", p.path)
            };
            println!(
                "{}:{}:{}: {}: {path}{}",
                f.file,
                p.line,
                p.column,
                p.severity.as_str(),
                p.message
            );
        }
        println!(
            "bti-check: {errors} feil, {warnings} advarsler i {} fil(er)",
            files.len()
        );
    }
    if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path)
        .map_err(|e| format!("{}: kan ikke lese filen: {e}", path.display()))
}

/// Checks one file; an index file is checked together with its parts.
fn check_file(path: &Path, online: bool) -> Result<Vec<Found>, String> {
    let text = read(path)?;
    // The parts list is read with the widget's own decoder: a broken one is
    // reported at its place, never silently taken as "no parts".
    let declared = json::parse(&text).ok().and_then(|tree| {
        tree.get("parts").map(|v| {
            model::decode::decode_problems::<Vec<Part>>(v, &[json::Seg::Key("parts".into())])
        })
    });
    let parts: Vec<Part> = match declared {
        Some(Err(problems)) => {
            let file = path.display().to_string();
            return Ok(problems
                .into_iter()
                .map(|problem| Found {
                    file: file.clone(),
                    problem,
                })
                .collect());
        }
        Some(Ok(parts)) => parts,
        None => Vec::new(),
    };
    let dir = path.parent().unwrap_or(Path::new(""));
    let mut names: Vec<String> = vec![path.display().to_string()];
    let mut texts = Vec::new();
    for part in &parts {
        let part_path: PathBuf = dir.join(&part.src);
        texts.push(read(&part_path)?);
        names.push(part_path.display().to_string());
    }
    let mut checked = if parts.is_empty() {
        model::load_str(&text)
    } else {
        let with_text: Vec<(Part, &str)> = parts
            .iter()
            .cloned()
            .zip(texts.iter().map(String::as_str))
            .collect();
        model::load_split(&text, &with_text)
    };
    if online {
        for (n, t) in std::iter::once(&text).chain(texts.iter()).enumerate() {
            if let Ok(tree) = json::parse(t) {
                let source = u16::try_from(n).unwrap_or(u16::MAX);
                checked
                    .problems
                    .extend(super::online::check(&super::online::urls(&tree), source));
            }
        }
    }
    Ok(checked
        .problems
        .into_iter()
        .map(|problem| Found {
            file: names
                .get(usize::from(problem.source))
                .cloned()
                .unwrap_or_else(|| names[0].clone()),
            problem,
        })
        .collect())
}
