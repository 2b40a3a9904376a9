//! UI strings per language: the widget's own words (buttons, fixed headings,
//! the emergency box, error messages). Content text comes from the kommune's JSON.
//!
//! Bokmål is compiled in. Every other language is a small JSON file
//! (`src/i18n/<code>.json`, published as `pkg/i18n/<code>.json`) fetched only when
//! a reader chooses it, then [`install`]ed; until then, and for any key a file
//! lacks, bokmål is shown. A native test checks that every file has every key.

use std::cell::RefCell;
use std::collections::BTreeMap;

mod nb;

/// A UI language the widget knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    Nb,
    Nn,
    En,
    Ar,
    So,
    Ti,
    Uk,
    Pl,
    Se,
}

impl Lang {
    pub const ALL: [Lang; 9] = [
        Lang::Nb,
        Lang::Nn,
        Lang::En,
        Lang::Ar,
        Lang::So,
        Lang::Ti,
        Lang::Uk,
        Lang::Pl,
        Lang::Se,
    ];

    /// Picks a language from a BCP 47 tag by prefix: `nb-NO`, `no` and `nob` mean
    /// bokmål, `nn-NO` nynorsk, `en-GB` English, and so on; anything else is bokmål.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "nn" | "nno" => Lang::Nn,
            "en" | "eng" => Lang::En,
            "ar" | "ara" => Lang::Ar,
            "so" | "som" => Lang::So,
            "ti" | "tir" => Lang::Ti,
            "uk" | "ukr" => Lang::Uk,
            "pl" | "pol" => Lang::Pl,
            "se" | "sme" => Lang::Se,
            _ => Lang::Nb,
        }
    }

    /// The code used in content (`Text` maps), file names and the `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::So => "so",
            Lang::Ti => "ti",
            Lang::Uk => "uk",
            Lang::Pl => "pl",
            Lang::Se => "se",
        }
    }

    /// The language's name in itself, for the language switcher.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Nb => "Norsk bokmål",
            Lang::Nn => "Nynorsk",
            Lang::En => "English",
            Lang::Ar => "العربية",
            Lang::So => "Soomaali",
            Lang::Ti => "ትግርኛ",
            Lang::Uk => "Українська",
            Lang::Pl => "Polski",
            Lang::Se => "Davvisámegiella",
        }
    }

    /// Writing direction for the widget's root.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// The strings in this language if they are installed, else bokmål.
    pub fn strings(self) -> &'static Strings {
        if self == Lang::Nb {
            return &nb::STRINGS;
        }
        INSTALLED
            .with(|m| m.borrow().get(&self).copied())
            .unwrap_or(&nb::STRINGS)
    }

    /// True once this language's strings are available (bokmål always is).
    pub fn is_installed(self) -> bool {
        self == Lang::Nb || INSTALLED.with(|m| m.borrow().contains_key(&self))
    }
}

thread_local! {
    static INSTALLED: RefCell<BTreeMap<Lang, &'static Strings>> = const { RefCell::new(BTreeMap::new()) };
}

macro_rules! strings {
    ($($name:ident),* $(,)? ; handbook: $($hb:ident),* $(,)?) => {
        /// Every UI string, named by its key in the language files. The keys
        /// after `handbook:` exist only in builds with the handbook, so the
        /// citizen guide's wasm does not carry words it never shows.
        #[derive(Debug, Clone)]
        pub struct Strings {
            $(pub $name: &'static str,)*
            $(#[cfg(feature = "handbook")] pub $hb: &'static str,)*
        }

        /// The keys every language file must have, in field order.
        #[cfg(feature = "handbook")]
        pub const KEYS: &[&str] = &[$(stringify!($name),)* $(stringify!($hb)),*];
        /// The keys this build reads (the guide's: without the handbook's).
        #[cfg(not(feature = "handbook"))]
        pub const KEYS: &[&str] = &[$(stringify!($name)),*];

        impl Strings {
            /// The fields in `KEYS` order, to fill a table in one loop (small code, no per-key branches).
            fn slots(&mut self) -> Vec<&mut &'static str> {
                #[allow(unused_mut)]
                let mut v = vec![$(&mut self.$name),*];
                #[cfg(feature = "handbook")]
                v.extend([$(&mut self.$hb),*]);
                v
            }

            /// The strings in `KEYS` order.
            fn values(&self) -> Vec<&'static str> {
                #[allow(unused_mut)]
                let mut v = vec![$(self.$name),*];
                #[cfg(feature = "handbook")]
                v.extend([$(self.$hb),*]);
                v
            }
        }
    };
}

impl Strings {
    /// The string for a key, for tests and tools.
    pub fn get(&self, key: &str) -> Option<&'static str> {
        KEYS.iter()
            .position(|k| *k == key)
            .and_then(|i| self.values().get(i).copied())
    }
}

strings!(
    loading,
    emergency_title,
    emergency_call,
    police,
    ambulance,
    fire,
    child_worry,
    child_line,
    always_open,
    error_title,
    retry,
    err_network,
    err_http,
    err_json,
    err_invalid,
    err_line_col,
    example_notice,
    example_number,
    guide_title,
    back,
    restart,
    quick_exit,
    step_of,
    you_answered,
    change,
    now_title,
    contacts_title,
    what_happens_title,
    talk_title,
    alternatives_title,
    not_sure_ok,
    hours,
    handbook_title,
    levels_title,
    level,
    step,
    front_page,
    breadcrumb,
    skip_to_content,
    what,
    how,
    who,
    deadline,
    not_found,
    debug_title,
    email,
    web,
    quick_exit_skip,
    quick_exit_note,
    shift_two_more,
    shift_one_more,
    local_numbers,
    change_answer,
    private_note,
    questions,
    quick_exit_about,
    handbook_intro,
    principle,
    start_here,
    i_work_in,
    showing_for,
    all_services,
    search_label,
    search_button,
    search_count,
    search_none,
    three_levels,
    kommune_level,
    etat_level,
    individ_level,
    tools,
    laws,
    roles,
    services,
    used_in,
    open_document,
    lovdata,
    last_checked,
    not_checked,
    purpose,
    applies_when,
    lead,
    steps,
    decisions,
    close_case,
    prev_step,
    next_step,
    copy_link,
    link_copied,
    copy_failed,
    print,
    print_all,
    service_notes,
    finder_title,
    finder_danger,
    finder_clarified,
    finder_own,
    finder_cooperation,
    yes,
    no,
    simple_cooperation,
    complex_cooperation,
    finder_urgent,
    finder_result,
    group_basis,
    group_hjelp,
    group_voksen,
    kind_role,
    kind_arena,
    kind_system,
    routines,
    glossary,
    start_over,
    open_step,
    language,
    ui_only,
    content_nb_only,
    danger_now,
    child_worry_short,
    more_numbers;
    handbook:
    weekdays,
    and,
    months,
    date,
    valid_from,
    address,
    documents,
    lang_names,
    report_concern,
    sources,
    kind_veileder,
    kind_rapport,
    kind_source,
    published_by,
    read_source,
);

/// Installs `lang` from the text of its JSON file (`{"key": "text", …}`). Returns the
/// keys that were missing (shown in bokmål) or unknown, so tools can report them.
/// The table lives for the rest of the page's life; there are at most nine.
pub fn install(lang: Lang, json_text: &str) -> Result<Vec<String>, String> {
    use crate::model::json::{parse, Kind};
    let tree =
        parse(json_text).map_err(|e| format!("{}:{}: {}", e.pos.line, e.pos.column, e.message))?;
    let Kind::Object(members) = &tree.kind else {
        return Err("the file must hold one JSON object".into());
    };
    let mut table = nb::STRINGS.clone();
    let mut filled = vec![false; KEYS.len()];
    let mut odd = Vec::new();
    {
        let mut slots = table.slots();
        for m in members {
            let at = KEYS.iter().position(|k| *k == m.key);
            match (at, m.value.as_str().filter(|t| !t.trim().is_empty())) {
                (Some(i), Some(text)) => {
                    *slots[i] = Box::leak(text.to_string().into_boxed_str());
                    filled[i] = true;
                }
                _ => odd.push(m.key.clone()),
            }
        }
    }
    odd.extend(
        KEYS.iter()
            .zip(&filled)
            .filter(|(_, f)| !**f)
            .map(|(k, _)| k.to_string()),
    );
    let table: &'static Strings = Box::leak(Box::new(table));
    INSTALLED.with(|m| m.borrow_mut().insert(lang, table));
    Ok(odd)
}

/// The name of the language `code` from a `lang_names` table
/// (`"en=engelsk;ar=arabisk;…"`), as written inside a sentence. `None` for a
/// code the table does not know; the caller then shows the code itself.
#[cfg(feature = "handbook")]
pub fn lang_name<'a>(table: &'a str, code: &str) -> Option<&'a str> {
    let primary = code.split(['-', '_']).next().unwrap_or(code);
    table.split(';').find_map(|pair| {
        let (k, name) = pair.split_once('=')?;
        k.trim().eq_ignore_ascii_case(primary).then(|| name.trim())
    })
}

/// Fills `{0}`, `{1}`, … in a UI string. Missing arguments stay visible as `{n}`
/// so a broken translation is seen in testing rather than hidden.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after
            .find('}')
            .and_then(|end| after[..end].parse::<usize>().ok().map(|n| (n, end)))
        {
            Some((n, end)) if n < args.len() => {
                out.push_str(args[n]);
                rest = &after[end + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    #[cfg(feature = "handbook")]
    #[test]
    fn a_document_language_is_named_in_the_reader_s_language() {
        let table = super::Lang::Nb.strings().lang_names;
        assert_eq!(super::lang_name(table, "en"), Some("engelsk"));
        assert_eq!(super::lang_name(table, "en-GB"), Some("engelsk"));
        assert_eq!(super::lang_name(table, "se"), Some("nordsamisk"));
        assert_eq!(super::lang_name(table, "xx"), None);
    }

    use super::*;

    #[test]
    fn page_language_tags_pick_the_right_ui_language() {
        assert_eq!(Lang::from_tag("nb-NO"), Lang::Nb);
        assert_eq!(Lang::from_tag("no"), Lang::Nb);
        assert_eq!(Lang::from_tag("nn-NO"), Lang::Nn);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("ar-SA"), Lang::Ar);
        assert_eq!(Lang::from_tag("sme"), Lang::Se);
        assert_eq!(Lang::from_tag("de"), Lang::Nb);
        assert_eq!(Lang::from_tag(""), Lang::Nb);
        for l in Lang::ALL {
            assert_eq!(
                Lang::from_tag(l.code()),
                l,
                "{l:?} round-trips through its code"
            );
        }
    }

    #[test]
    fn fill_puts_arguments_in_place_and_keeps_unknown_placeholders() {
        assert_eq!(
            fill("HTTP {0} på {1}", &["404", "/x.json"]),
            "HTTP 404 på /x.json"
        );
        assert_eq!(fill("a {2} b", &["x"]), "a {2} b");
        assert_eq!(fill("{ ikke }", &[]), "{ ikke }");
    }

    #[test]
    fn bokmal_has_every_string() {
        for key in KEYS {
            let text = nb::STRINGS.get(key).unwrap_or_default();
            assert!(!text.trim().is_empty(), "nb has an empty string for {key}");
        }
    }

    #[test]
    fn only_arabic_is_right_to_left() {
        for l in Lang::ALL {
            assert_eq!(l.dir() == "rtl", l == Lang::Ar, "{l:?}");
        }
    }

    #[test]
    fn installing_a_language_fills_gaps_with_bokmal_and_reports_them() {
        let odd = install(
            Lang::Se,
            r#"{"loading": "Viežžamin …", "nonsense": "x", "retry": ""}"#,
        )
        .unwrap();
        assert_eq!(Lang::Se.strings().loading, "Viežžamin …");
        assert_eq!(
            Lang::Se.strings().retry,
            nb::STRINGS.retry,
            "an empty string falls back to bokmål"
        );
        assert!(odd.contains(&"nonsense".to_string()) && odd.contains(&"retry".to_string()));
        assert!(install(Lang::Se, "[1]").is_err());
        assert!(install(Lang::Se, "{").is_err());
    }
}
