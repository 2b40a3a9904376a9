//! bti-export: writes a kommune's content as static HTML pages (the handbook,
//! one page per screen; the citizen guide, one page per question; an index),
//! with the widget's own style sheets and no script. Native only; under the wasm
//! target (built when browser tests compile every target) it is an empty program.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use bti_veileder::export::{
        first_screen, first_screen_page, load_index, sheets, shipped_names, site,
    };
    use bti_veileder::i18n::Lang;
    use bti_veileder::load::{content_langs, Loaded, Start};
    use bti_veileder::model::{Content, Part};

    const HELP: &str = "\
bti-export – skriver innholdet som statiske HTML-sider, uten skript

Bruk:
  bti-export FIL --out MAPPE [--lang KODE]
  bti-export FIL --first-screen guide|handbook --src URL --base URL
             [--pkg MAPPE] [--page] [--out FIL.html] [--lang KODE]

FIL er kommunens innholdsfil (en indeksfil tas med delfilene sine).
MAPPE får index.html, handbok/ (én side per skjermbilde), veileder/
(én side per spørsmål og svar) og stilarkene. Språk: nb (standard), nn,
en, ar, so, ti, uk, pl, se.

--first-screen skriver ett <bti-veileder>-element med det første
skjermbildet ferdig tegnet (deklarativ shadow DOM), til å lime inn i
siden i stedet for et tomt element. Siden viser skjermbildet før noe
skript har kjørt. --src er innholdsfilens adresse slik siden skal hente
den, --base adressen til mappen med bti-veileder.js, --pkg den samme
mappen på disken (standard: pkg), der stilarkenes navn leses. Lag elementet på
nytt når innholdet eller widgeten er oppdatert. Med --page blir det en
hel side rundt elementet, som embed.html, til å vise i en iframe.

Avslutningskode: 0 når sidene er skrevet, 1 når innholdet har feil som
stopper visningen, 2 ved feil bruk eller når en fil ikke kan leses eller skrives.";

    /// The widget's style sheets, in the order `scripts/build.sh` joins them,
    /// and the export's own few rules last.
    const GUIDE_CSS: [&str; 6] = [
        include_str!("../../../styles/tokens.css"),
        include_str!("../../../styles/base.css"),
        include_str!("../../../styles/emergency.css"),
        include_str!("../../../styles/guide.css"),
        include_str!("../../../styles/print.css"),
        include_str!("../../../styles/export.css"),
    ];
    const HANDBOOK_CSS: &str = include_str!("../../../styles/handbook.css");

    pub fn main() -> ExitCode {
        let mut args = std::env::args().skip(1);
        let (mut input, mut out, mut lang) = (None, None, Lang::Nb);
        let (mut first, mut src, mut base, mut page) = (None, None, None, false);
        let mut pkg = PathBuf::from("pkg");
        while let Some(a) = args.next() {
            match a.as_str() {
                "-h" | "--help" => {
                    println!("{HELP}");
                    return ExitCode::SUCCESS;
                }
                "--out" => out = args.next().map(PathBuf::from),
                "--src" => src = args.next(),
                "--page" => page = true,
                "--pkg" => pkg = args.next().map(PathBuf::from).unwrap_or(pkg),
                "--base" => base = args.next().map(|b| format!("{}/", b.trim_end_matches('/'))),
                "--first-screen" => match args.next().as_deref() {
                    Some("guide") => first = Some(Start::Guide),
                    Some("handbook") => first = Some(Start::Handbook),
                    _ => {
                        eprintln!("bti-export: --first-screen må være guide eller handbook.");
                        return ExitCode::from(2);
                    }
                },
                "--lang" => {
                    match args
                        .next()
                        .and_then(|c| Lang::ALL.into_iter().find(|l| l.code() == c))
                    {
                        Some(l) => lang = l,
                        None => {
                            eprintln!("bti-export: --lang må være en av nb, nn, en, ar, so, ti, uk, pl, se.");
                            return ExitCode::from(2);
                        }
                    }
                }
                s if s.starts_with('-') => {
                    eprintln!("bti-export: ukjent valg «{s}». Se bti-export --help.");
                    return ExitCode::from(2);
                }
                _ => input = Some(PathBuf::from(a)),
            }
        }
        if let Some(start) = first {
            let (Some(input), Some(src), Some(base)) = (input, src, base) else {
                eprintln!("bti-export: --first-screen trenger innholdsfilen, --src og --base. Se bti-export --help.");
                return ExitCode::from(2);
            };
            let written = load(&input, lang).and_then(|(content, parts)| {
                // The switcher offers what the live widget would: the section's languages.
                let langs = content_langs(&parts, start, &content);
                let loaded = Loaded::new(content, Vec::new(), langs);
                let loader_path = pkg.join("bti-veileder.js");
                let loader = std::fs::read_to_string(&loader_path).map_err(|e| {
                    (2, format!("{}: kan ikke lese filen ({e}). Oppgi mappen du legger ut med --pkg MAPPE.", loader_path.display()))
                })?;
                let names = shipped_names(&loader, sheets(start))
                    .map_err(|e| (2, format!("{}: {e}", loader_path.display())))?;
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                let mut html = first_screen(&loaded, lang, start, &src, &base, &names);
                if page {
                    let s = lang.strings();
                    let title = match start {
                        Start::Guide => s.guide_title,
                        Start::Handbook => s.handbook_title,
                    };
                    html = first_screen_page(&html, lang, title, &base);
                }
                match &out {
                    Some(path) => path
                        .parent()
                        .map_or(Ok(()), std::fs::create_dir_all)
                        .and_then(|()| std::fs::write(path, html))
                        .map_err(|e| {
                            (2, format!("{}: kan ikke skrive filen: {e}", path.display()))
                        }),
                    None => {
                        print!("{html}");
                        Ok(())
                    }
                }
            });
            return match written {
                Ok(()) => ExitCode::SUCCESS,
                Err((code, message)) => {
                    eprintln!("bti-export: {message}");
                    ExitCode::from(code)
                }
            };
        }
        let (Some(input), Some(out)) = (input, out) else {
            eprintln!("bti-export: oppgi innholdsfilen og --out MAPPE. Se bti-export --help.");
            return ExitCode::from(2);
        };
        match export(&input, &out, lang) {
            Ok(n) => {
                println!("bti-export: skrev {n} filer til {}", out.display());
                ExitCode::SUCCESS
            }
            Err((code, message)) => {
                eprintln!("bti-export: {message}");
                ExitCode::from(code)
            }
        }
    }

    /// The UI strings of the languages other than bokmål (which is compiled in).
    fn ui_strings(lang: Lang) -> Option<&'static str> {
        Some(match lang {
            Lang::Nb => return None,
            Lang::Nn => include_str!("../../i18n/nn.json"),
            Lang::En => include_str!("../../i18n/en.json"),
            Lang::Ar => include_str!("../../i18n/ar.json"),
            Lang::So => include_str!("../../i18n/so.json"),
            Lang::Ti => include_str!("../../i18n/ti.json"),
            Lang::Uk => include_str!("../../i18n/uk.json"),
            Lang::Pl => include_str!("../../i18n/pl.json"),
            Lang::Se => include_str!("../../i18n/se.json"),
        })
    }

    /// The content, checked and ready to render in `lang`, and the parts its index names.
    fn load(input: &Path, lang: Lang) -> Result<(Content, Vec<Part>), (u8, String)> {
        if let Some(json) = ui_strings(lang) {
            bti_veileder::i18n::install(lang, json).map_err(|e| {
                (
                    2,
                    format!("språkfilen for {} kan ikke leses: {e}", lang.code()),
                )
            })?;
        }
        let (checked, parts) = load_index(input).map_err(|e| (2, e))?;
        let Some(content) = checked.content else {
            let first = checked.problems.iter().find(|p| p.fatal);
            let why = first
                .map(|p| {
                    format!(
                        "{}:{}:{}: {}: {}",
                        input.display(),
                        p.line,
                        p.column,
                        p.path,
                        p.message
                    )
                })
                .unwrap_or_default();
            return Err((
                1,
                format!("innholdet kan ikke vises, så ingen sider er skrevet. {why}"),
            ));
        };
        Ok((content, parts))
    }

    fn export(input: &Path, out: &Path, lang: Lang) -> Result<usize, (u8, String)> {
        let loaded = Loaded::new(load(input, lang)?.0, Vec::new(), Vec::new());
        let files = site(&loaded, lang, &GUIDE_CSS.concat(), HANDBOOK_CSS);
        for f in &files {
            let path = out.join(&f.path);
            let written = path
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::write(&path, &f.text));
            written.map_err(|e| (2, format!("{}: kan ikke skrive filen: {e}", path.display())))?;
        }
        Ok(files.len())
    }
}
