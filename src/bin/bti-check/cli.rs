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
  bti-check --publish --out MAPPE FIL
                                skriv de ferdige filene widgeten laster (indeks,
                                deler, oversettelser) til MAPPE, men bare når
                                innholdet er klart: ingen feil, utkast,
                                plassholdere, usjekkede lover, eksempelinnhold
                                eller språk som ikke er gjennomgått
  bti-check --publish --preview --out MAPPE FIL
                                skriv filene selv om noe står igjen (for
                                forhåndsvisning og eksempelinnhold); feil stopper
                                fortsatt
  bti-check --stamp FIL         fyll inn «based_on» i alle tilpasninger av malen
  bti-check --lix FIL           skriv lesbarheten (LIX) for hver tekst, verst først
  bti-check --overlay-schema    skriv JSON Schema for en kommunes tilpasninger av malen

En indeksfil med «parts» sjekkes sammen med delfilene den viser til
(stiene er relative til indeksfilen). En indeksfil med «extends» er en
kommunes tilpasning av malen, og sjekkes flettet med malen.

Hver linje har formen  fil:linje:kolonne: error|warning: sti: melding
Grenser: titler og andre korte tekster høyst 120 tegn, svaralternativer
høyst 80 tegn, rike tekstfelt høyst 4000 tegn per språk.

Avslutningskode: 0 uten feil (advarsler er lov), 1 med feil (for --publish: når
noe står igjen), 2 når en fil ikke kan leses.";

struct Found {
    file: String,
    problem: Problem,
}

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut json_out = false;
    let mut online = false;
    let mut publish = false;
    let mut stamp_files = false;
    let mut lix = false;
    let mut preview = false;
    let mut out: Option<PathBuf> = None;
    let mut files = Vec::new();
    let mut args_iter = args.iter();
    while let Some(a) = args_iter.next() {
        match a.as_str() {
            "--json" => json_out = true,
            "--online" => online = true,
            "--publish" => publish = true,
            "--stamp" => stamp_files = true,
            "--preview" => preview = true,
            "--lix" => lix = true,
            "--out" => match args_iter.next() {
                Some(dir) => out = Some(PathBuf::from(dir)),
                None => {
                    eprintln!("bti-check: --out trenger en mappe.");
                    return ExitCode::from(2);
                }
            },
            "--overlay-schema" => {
                print!("{}", model::schema::overlay_schema());
                return ExitCode::SUCCESS;
            }
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
    if stamp_files {
        for file in &files {
            match stamp(Path::new(file)) {
                Ok(n) => println!("bti-check: {n} «based_on» skrevet for {file}"),
                Err(message) => {
                    eprintln!("{message}");
                    return ExitCode::from(2);
                }
            }
        }
        return ExitCode::SUCCESS;
    }
    if publish {
        let (Some(dir), [file]) = (out, files.as_slice()) else {
            eprintln!("bti-check: --publish trenger én indeksfil og --out MAPPE.");
            return ExitCode::from(2);
        };
        return publish_to(Path::new(file), &dir, preview);
    }
    if lix {
        let mut worst = Vec::new();
        for file in &files {
            match check_file(Path::new(file), false) {
                Ok((_, Some(checked), _)) => worst.extend(checked.lix),
                Ok(_) => {}
                Err(message) => {
                    eprintln!("{message}");
                    return ExitCode::from(2);
                }
            }
        }
        worst.sort_by(|a, b| b.score.total_cmp(&a.score));
        for l in &worst {
            let flag = if l.score > l.limit {
                "  (over grensen)"
            } else {
                ""
            };
            println!("{:>5.1}  {}  {}{flag}", l.score, l.lang, l.path);
        }
        let over = worst.iter().filter(|l| l.score > l.limit).count();
        println!("bti-check: {} tekster med LIX, {over} over grensen (35 for innbyggertekster, 45 for håndboken)", worst.len());
        return ExitCode::SUCCESS;
    }
    let mut found = Vec::new();
    for file in &files {
        match check_file(Path::new(file), online) {
            Ok((list, _, _)) => found.extend(list),
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
            println!("{}", line(f));
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

fn line(f: &Found) -> String {
    let p = &f.problem;
    let path = if p.path.is_empty() {
        String::new()
    } else {
        format!("{}: ", p.path)
    };
    format!(
        "{}:{}:{}: {}: {path}{}",
        f.file,
        p.line,
        p.column,
        p.severity.as_str(),
        p.message
    )
}

/// `--publish`: writes the split files when nothing blocks publishing; else
/// lists what does, grouped, and writes nothing.
fn publish_to(file: &Path, dir: &Path, preview: bool) -> ExitCode {
    let (found, _, tree) = match check_file(file, false) {
        Ok(x) => x,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let errors: Vec<&Found> = found.iter().filter(|f| f.problem.is_error()).collect();
    let error_count = errors.len();
    let mut groups: Vec<(&str, Vec<&Found>)> = vec![("Feil", errors)];
    for gate in model::Gate::ALL {
        let list = found
            .iter()
            .filter(|f| f.problem.gate == Some(gate))
            .collect();
        groups.push((gate.title(), list));
    }
    let left: usize = groups.iter().map(|(_, l)| l.len()).sum();
    if left > 0 {
        let title = if preview && error_count == 0 {
            "Forhåndsvisning: dette må ordnes før ekte publisering:"
        } else {
            "Ikke klar til publisering. Dette må ordnes først:"
        };
        println!("{title}");
        for (title, list) in groups.iter().filter(|(_, l)| !l.is_empty()) {
            println!();
            println!("{title} ({}):", list.len());
            for f in list {
                println!("  {}", line(f));
            }
        }
        println!();
    }
    match tree {
        Some(tree) if left == 0 || (preview && error_count == 0) => {
            let name = file
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("innhold");
            if let Err(e) = std::fs::create_dir_all(dir) {
                eprintln!("{}: kan ikke lage mappen: {e}", dir.display());
                return ExitCode::from(2);
            }
            let files = model::template::publish_files(&tree, name);
            for (name, text) in &files {
                let path = dir.join(name);
                if let Err(e) = std::fs::write(&path, text) {
                    eprintln!("{}: kan ikke skrive filen: {e}", path.display());
                    return ExitCode::from(2);
                }
                println!("{}", path.display());
            }
            println!(
                "bti-check: publisert, {} filer i {}",
                files.len(),
                dir.display()
            );
            ExitCode::SUCCESS
        }
        _ => {
            println!("bti-check: ikke publisert, {left} ting står igjen. Ingen filer er skrevet.");
            ExitCode::from(1)
        }
    }
}

/// A file set read from disk: the kommune's index and parts, and (for an
/// overlay) the template's. `names[n]` is the file of problems with source n.
struct Loaded {
    names: Vec<String>,
    /// The whole document, template and overlay merged; `None` when the files
    /// cannot be joined (the problems say why).
    tree: Option<json::Value>,
    problems: Vec<Problem>,
    /// The raw texts, in source order (for --online).
    texts: Vec<String>,
    /// For an overlay: the merged template, and which sources are the kommune's
    /// base files (index and parts without `lang`), for --stamp.
    template: Option<json::Value>,
    base_sources: Vec<u16>,
}

/// An index and its parsed parts.
type FileSet = (json::Value, Vec<(Part, json::Value)>);

/// What a check found, the checked content, and the whole merged document.
type Checked = (Vec<Found>, Option<model::Checked>, Option<json::Value>);

fn source(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// Reads an index and its parts, numbering sources from `first`, and joins them.
fn read_set(path: &Path, first: usize, loaded: &mut Loaded) -> Result<Option<FileSet>, String> {
    let file = path.display().to_string();
    loaded.names.push(file.clone());
    let Some(text) = read_checked(path, first, loaded)? else {
        loaded.texts.push(String::new());
        return Ok(None);
    };
    loaded.texts.push(text.clone());
    let index = match json::parse_source(&text, source(first)) {
        Ok(v) => v,
        Err(e) => {
            loaded.problems.push(syntax(e, first));
            return Ok(None);
        }
    };
    // The parts list is read with the widget's own decoder: a broken one is
    // reported at its place, never silently taken as "no parts".
    let parts: Vec<Part> = match index
        .get("parts")
        .map(|v| model::decode::decode_problems::<Vec<Part>>(v, &[json::Seg::Key("parts".into())]))
    {
        Some(Err(problems)) => {
            loaded.problems.extend(problems.into_iter().map(|mut p| {
                p.source = source(first);
                p
            }));
            return Ok(None);
        }
        Some(Ok(parts)) => parts,
        None => Vec::new(),
    };
    let dir = path.parent().unwrap_or(Path::new(""));
    let mut parsed = Vec::new();
    for part in &parts {
        let part_path: PathBuf = dir.join(&part.src);
        let n = loaded.names.len();
        loaded.names.push(part_path.display().to_string());
        let Some(text) = read_checked(&part_path, n, loaded)? else {
            loaded.texts.push(String::new());
            continue;
        };
        match json::parse_source(&text, source(n)) {
            Ok(v) => parsed.push((part.clone(), v)),
            Err(e) => loaded.problems.push(syntax(e, n)),
        }
        loaded.texts.push(text);
        if part.lang.is_none() && first == 0 {
            loaded.base_sources.push(source(n));
        }
    }
    if parsed.len() < parts.len() || loaded.problems.iter().any(|p| p.fatal) {
        return Ok(None);
    }
    Ok(Some((index, parsed)))
}

/// Reads a file as UTF-8: invalid bytes are an error at their line and column
/// (`None`), a byte-order mark a warning (browsers skip it; many JSON readers refuse it).
fn read_checked(path: &Path, n: usize, loaded: &mut Loaded) -> Result<Option<String>, String> {
    let bytes =
        std::fs::read(path).map_err(|e| format!("{}: kan ikke lese filen: {e}", path.display()))?;
    let at = |line: u32, column: u32, severity, message: &str, fatal| Problem {
        severity,
        path: String::new(),
        line,
        column,
        message: message.into(),
        fatal,
        source: source(n),
        gate: None,
    };
    match String::from_utf8(bytes) {
        Ok(text) => {
            if text.starts_with('\u{feff}') {
                loaded.problems.push(at(1, 1, model::Severity::Warning, "Filen starter med et BOM-tegn (U+FEFF). Nettlesere hopper over det, men mange andre JSON-lesere avviser filen. Lagre filen som UTF-8 uten BOM.", false));
            }
            Ok(Some(text))
        }
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let valid = String::from_utf8_lossy(valid);
            let line = valid.matches('\n').count() + 1;
            let column = valid.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            let (line, column) = (
                u32::try_from(line).unwrap_or(u32::MAX),
                u32::try_from(column).unwrap_or(u32::MAX),
            );
            loaded.problems.push(at(line, column, model::Severity::Error, "Filen er ikke gyldig UTF-8 her. Lagre den som UTF-8 (ikke Latin-1 eller Windows-1252), og rett tegnet på dette stedet.", true));
            Ok(None)
        }
    }
}

fn syntax(e: json::SyntaxError, n: usize) -> Problem {
    Problem {
        severity: model::Severity::Error,
        path: String::new(),
        line: e.pos.line,
        column: e.pos.column,
        message: format!("Filen er ikke gyldig JSON: {}", e.message),
        fatal: true,
        source: source(n),
        gate: None,
    }
}

fn join(
    set: (json::Value, Vec<(Part, json::Value)>),
    problems: &mut Vec<Problem>,
) -> Option<json::Value> {
    // Go on past a problem in one part, so it hides nothing in the others.
    let (tree, list) = model::merge::merge_all(set.0, set.1);
    problems.extend(list);
    tree
}

/// Reads a file set: an index with its parts, and, when it `extends` a
/// template, the template's files too, merged as `model::template` says.
fn load(path: &Path) -> Result<Loaded, String> {
    let mut loaded = Loaded {
        names: Vec::new(),
        tree: None,
        problems: Vec::new(),
        texts: Vec::new(),
        template: None,
        base_sources: vec![0],
    };
    let Some(set) = read_set(path, 0, &mut loaded)? else {
        return Ok(loaded);
    };
    let extends = set
        .0
        .get("extends")
        .map(|v| (v.as_str().map(str::to_string), v.clone()));
    let Some(own) = join(set, &mut loaded.problems) else {
        return Ok(loaded);
    };
    let Some((target, at)) = extends else {
        loaded.tree = Some(own);
        return Ok(loaded);
    };
    let Some(target) = target else {
        let mut p = Problem::at(
            Some(&at),
            &[],
            model::Severity::Error,
            "«extends» må være stien til malens indeksfil, f.eks. \"mal/bti-mal.json\".".into(),
        );
        p.path = "extends".into();
        loaded.problems.push(p);
        return Ok(loaded);
    };
    let dir = path.parent().unwrap_or(Path::new(""));
    let first = loaded.names.len();
    let Some(tset) = read_set(&tidy(&dir.join(&target)), first, &mut loaded)? else {
        return Ok(loaded);
    };
    let Some(template) = join(tset, &mut loaded.problems) else {
        return Ok(loaded);
    };
    let (tree, problems) = model::template::apply(template.clone(), own);
    loaded.problems.extend(problems);
    loaded.template = Some(template);
    loaded.tree = Some(tree);
    Ok(loaded)
}

/// Checks one file; an index file is checked together with its parts, and an
/// overlay together with its template.
fn check_file(path: &Path, online: bool) -> Result<Checked, String> {
    let mut loaded = load(path)?;
    let mut checked = None;
    if let Some(tree) = &loaded.tree {
        let c = model::check::load_tree(tree);
        loaded.problems.extend(c.problems.iter().cloned());
        checked = Some(c);
    }
    if online {
        for (n, t) in loaded.texts.iter().enumerate() {
            if let Ok(tree) = json::parse(t) {
                loaded
                    .problems
                    .extend(super::online::check(&super::online::urls(&tree), source(n)));
            }
        }
    }
    let names = loaded.names;
    let found = loaded
        .problems
        .into_iter()
        .map(|problem| Found {
            file: names
                .get(usize::from(problem.source))
                .cloned()
                .unwrap_or_else(|| names[0].clone()),
            problem,
        })
        .collect();
    Ok((found, checked, loaded.tree))
}

/// `--stamp`: writes `based_on` into every override of the overlay's base files.
fn stamp(path: &Path) -> Result<usize, String> {
    let loaded = load(path)?;
    let Some(template) = &loaded.template else {
        return Err(format!(
            "{}: filen bygger ikke på en mal («extends»), så det er ingenting å stemple.",
            path.display()
        ));
    };
    let mut count = 0;
    for &n in &loaded.base_sources {
        let n = usize::from(n);
        let (Some(name), Some(text)) = (loaded.names.get(n), loaded.texts.get(n)) else {
            continue;
        };
        let Ok(mut tree) = json::parse(text) else {
            continue;
        };
        let changed = model::template::stamp_overlay(template, &mut tree);
        if changed > 0 {
            std::fs::write(name, model::template::pretty(&tree))
                .map_err(|e| format!("{name}: kan ikke skrive filen: {e}"))?;
            count += changed;
        }
    }
    Ok(count)
}

/// `a/b/../c` as `a/c`, so file names in messages read as the editor wrote them.
fn tidy(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}
