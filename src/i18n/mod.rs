//! UI strings per language: the widget's own words (buttons, fixed headings,
//! the emergency box, error messages). Content text comes from the kommune's JSON.

mod en;
mod nb;
mod nn;

/// A UI language the widget knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Nb,
    Nn,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Nb, Lang::Nn, Lang::En];

    /// Picks a language from a BCP 47 tag by prefix: `nb-NO`, `no` and `nob` mean
    /// bokmål, `nn-NO` nynorsk, `en-GB` English; anything else falls back to bokmål.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "nn" | "nno" => Lang::Nn,
            "en" | "eng" => Lang::En,
            _ => Lang::Nb,
        }
    }

    /// The code used in content (`Text` maps) and in the `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        }
    }

    /// Writing direction for the widget's root.
    pub fn dir(self) -> &'static str {
        "ltr"
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Nb => &nb::STRINGS,
            Lang::Nn => &nn::STRINGS,
            Lang::En => &en::STRINGS,
        }
    }
}

/// Every UI string. A new field must be filled in for every language, so a
/// missing translation is a compile error, not a blank button.
#[derive(Debug)]
pub struct Strings {
    pub loading: &'static str,
    pub emergency_title: &'static str,
    /// Before the three emergency numbers.
    pub emergency_call: &'static str,
    pub police: &'static str,
    pub ambulance: &'static str,
    pub fire: &'static str,
    pub child_worry: &'static str,
    pub child_line: &'static str,
    pub always_open: &'static str,
    pub error_title: &'static str,
    pub retry: &'static str,
    pub err_network: &'static str,
    pub err_http: &'static str,
    pub err_json: &'static str,
    pub err_invalid: &'static str,
    pub err_line_col: &'static str,
    pub example_notice: &'static str,
    pub example_number: &'static str,
    pub guide_title: &'static str,
    pub back: &'static str,
    pub restart: &'static str,
    pub quick_exit: &'static str,
    pub step_of: &'static str,
    pub you_answered: &'static str,
    pub change: &'static str,
    pub now_title: &'static str,
    pub contacts_title: &'static str,
    pub what_happens_title: &'static str,
    pub talk_title: &'static str,
    pub alternatives_title: &'static str,
    pub not_sure_ok: &'static str,
    pub hours: &'static str,
    pub handbook_title: &'static str,
    pub levels_title: &'static str,
    pub level: &'static str,
    pub step: &'static str,
    pub front_page: &'static str,
    pub breadcrumb: &'static str,
    pub skip_to_content: &'static str,
    pub what: &'static str,
    pub how: &'static str,
    pub who: &'static str,
    pub deadline: &'static str,
    pub not_found: &'static str,
    pub debug_title: &'static str,
    pub email: &'static str,
    pub web: &'static str,
    pub quick_exit_skip: &'static str,
    pub quick_exit_note: &'static str,
    pub shift_two_more: &'static str,
    pub shift_one_more: &'static str,
    pub local_numbers: &'static str,
    pub change_answer: &'static str,
    pub private_note: &'static str,
    pub questions: &'static str,
    pub quick_exit_about: &'static str,
    pub handbook_intro: &'static str,
    pub principle: &'static str,
    pub start_here: &'static str,
    pub i_work_in: &'static str,
    pub showing_for: &'static str,
    pub all_services: &'static str,
    pub search_label: &'static str,
    pub search_button: &'static str,
    pub search_count: &'static str,
    pub search_none: &'static str,
    pub three_levels: &'static str,
    pub kommune_level: &'static str,
    pub etat_level: &'static str,
    pub individ_level: &'static str,
    pub tools: &'static str,
    pub laws: &'static str,
    pub roles: &'static str,
    pub services: &'static str,
    pub used_in: &'static str,
    pub open_document: &'static str,
    pub lovdata: &'static str,
    pub last_checked: &'static str,
    pub not_checked: &'static str,
    pub purpose: &'static str,
    pub applies_when: &'static str,
    pub lead: &'static str,
    pub steps: &'static str,
    pub decisions: &'static str,
    pub close_case: &'static str,
    pub prev_step: &'static str,
    pub next_step: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub copy_failed: &'static str,
    pub print: &'static str,
    pub print_all: &'static str,
    pub service_notes: &'static str,
    pub finder_title: &'static str,
    pub finder_danger: &'static str,
    pub finder_clarified: &'static str,
    pub finder_own: &'static str,
    pub finder_how_many: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub two_services: &'static str,
    pub more_services: &'static str,
    pub finder_urgent: &'static str,
    pub finder_result: &'static str,
    pub group_basis: &'static str,
    pub group_hjelp: &'static str,
    pub group_voksen: &'static str,
    pub kind_role: &'static str,
    pub kind_arena: &'static str,
    pub kind_system: &'static str,
    pub routines: &'static str,
    pub glossary: &'static str,
    pub start_over: &'static str,
    pub open_step: &'static str,
}

/// Fills `{0}`, `{1}`, … in a UI string. Missing arguments stay visible as `{n}`
/// so a broken translation is seen in testing rather than hidden.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}').and_then(|end| after[..end].parse::<usize>().ok().map(|n| (n, end))) {
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
    use super::*;

    #[test]
    fn page_language_tags_pick_the_right_ui_language() {
        assert_eq!(Lang::from_tag("nb-NO"), Lang::Nb);
        assert_eq!(Lang::from_tag("no"), Lang::Nb);
        assert_eq!(Lang::from_tag("nn-NO"), Lang::Nn);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("de"), Lang::Nb);
        assert_eq!(Lang::from_tag(""), Lang::Nb);
    }

    #[test]
    fn fill_puts_arguments_in_place_and_keeps_unknown_placeholders() {
        assert_eq!(fill("HTTP {0} på {1}", &["404", "/x.json"]), "HTTP 404 på /x.json");
        assert_eq!(fill("a {2} b", &["x"]), "a {2} b");
        assert_eq!(fill("{ ikke }", &[]), "{ ikke }");
    }

    #[test]
    fn every_language_has_every_string() {
        for lang in Lang::ALL {
            let s = format!("{:?}", lang.strings());
            assert!(!s.contains(": \"\""), "{lang:?} has an empty string: {s}");
        }
    }
}
