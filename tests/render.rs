//! Screens rendered natively with Yew's server renderer, and the static export
//! built from them: what a reader sees, checked on the HTML without a browser.

#[path = "support/example.rs"]
mod support;

use std::collections::BTreeSet;
use std::rc::Rc;

use bti_veileder::components::common::error_view::{ErrorView, ErrorViewProps};
use bti_veileder::components::guide::{GuidePage, GuidePageProps};
use bti_veileder::export::{handbook_page, render, site, File};
use bti_veileder::handbook::route::{Page, Route};
use bti_veileder::i18n::Lang;
use bti_veileder::load::Loaded;
use yew::{AttrValue, Callback};

fn example() -> Rc<Loaded> {
    let checked = support::load(support::EXAMPLE);
    Loaded::new(
        checked.content.expect("the example loads"),
        Vec::new(),
        vec!["nb".into()],
    )
}

fn hrefs(html: &str) -> Vec<&str> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect()
}

fn guide_page(loaded: &Rc<Loaded>, node: &str) -> String {
    render::<GuidePage>(GuidePageProps {
        loaded: loaded.clone(),
        guide: loaded.guide.clone().expect("the example has a guide"),
        lang: Lang::Nb,
        node: AttrValue::from(node.to_string()),
        exit: AttrValue::from("https://www.yr.no/"),
    })
}

#[test]
fn a_step_page_shows_what_how_and_who_and_links_its_neighbours_as_files() {
    let html = handbook_page(
        &example(),
        Lang::Nb,
        Route::page(Page::Step("n1-planlegging".into())),
    );
    assert!(
        html.contains(r#"class="bti-page__title">Planlegging</h2>"#),
        "{html}"
    );
    for part in ["<h3>Hva</h3>", "<h3>Hvordan</h3>", "<h3>Hvem</h3>"] {
        assert!(html.contains(part), "the step page has {part}");
    }
    let links = hrefs(&html);
    for file in [
        "index.html",
        "niva-niva-1.html",
        "steg-n1-oppstart.html",
        "steg-n1-tiltak.html",
        "verktoy-handlingsplan.html",
    ] {
        assert!(links.contains(&file), "links to {file}: {links:?}");
    }
    assert!(html.contains(r#"<span aria-current="page">Planlegging</span>"#));
    assert!(
        !html.contains("Kopier lenke"),
        "no button that needs a script"
    );
    assert!(
        !html.contains("<button"),
        "a static page has no buttons: {html}"
    );
}

#[test]
fn a_static_guide_question_offers_its_answers_as_links_to_the_next_pages() {
    let loaded = example();
    let start = loaded.guide.as_ref().unwrap().start.clone();
    let html = guide_page(&loaded, &start);
    let links = hrefs(&html);
    assert!(links.contains(&"q-familie-barn.html"), "{links:?}");
    assert!(
        links.contains(&"tel:112"),
        "the emergency numbers are links"
    );
    assert!(
        !html.contains("<button"),
        "answers are links, not buttons: {html}"
    );
    assert!(
        !html.contains("Start på nytt"),
        "the first question has nothing to restart"
    );
}

#[test]
fn a_static_guide_result_shows_whom_to_call_and_leads_back_to_the_start() {
    let html = guide_page(&example(), "r-vold-barn");
    assert!(html.contains("bti-result__title"), "{html}");
    assert!(html.contains("Start på nytt"));
    assert!(hrefs(&html).contains(&"index.html"));
    assert!(
        hrefs(&html).iter().any(|h| h.starts_with("tel:")),
        "a result names numbers to call"
    );
    assert!(
        !html.contains("Du svarte"),
        "a static page does not know the reader's answers"
    );
}

#[test]
fn the_error_view_says_what_failed_and_offers_a_retry() {
    let html = render::<ErrorView>(ErrorViewProps {
        lang: Lang::Nb,
        message: AttrValue::from("Serveren svarte HTTP 404 for /innhold.json."),
        onretry: Callback::noop(),
    });
    assert!(
        html.contains("Serveren svarte HTTP 404 for /innhold.json."),
        "{html}"
    );
    assert!(html.contains("<button"), "{html}");
    assert!(html.contains(Lang::Nb.strings().retry), "{html}");
}

fn export() -> Vec<File> {
    site(
        &example(),
        Lang::Nb,
        ":host { color: red }",
        ".bti-handbook {}",
    )
}

#[test]
fn every_link_between_exported_pages_reaches_a_page_of_the_export() {
    let files = export();
    let paths: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let mut checked = 0;
    for f in files.iter().filter(|f| f.path.ends_with(".html")) {
        let dir = f
            .path
            .rsplit_once('/')
            .map(|(d, _)| format!("{d}/"))
            .unwrap_or_default();
        for href in hrefs(&f.text) {
            if href.contains(':')
                || href.starts_with('#')
                || !(href.ends_with(".html") || href.ends_with(".css"))
            {
                continue;
            }
            let target = match href.strip_prefix("../") {
                Some(rest) => rest.to_string(),
                None => format!("{dir}{href}"),
            };
            assert!(
                paths.contains(target.as_str()),
                "{} links to {href}, which the export lacks",
                f.path
            );
            checked += 1;
        }
    }
    assert!(checked > 500, "only {checked} links checked");
}

#[test]
fn the_export_has_every_screen_and_every_guide_node_and_no_script() {
    let loaded = example();
    let files = export();
    let count = |prefix: &str| files.iter().filter(|f| f.path.starts_with(prefix)).count();
    let c = &loaded.content;
    let steps: usize = c.levels.iter().map(|l| l.steps.len()).sum();
    let catalogs = 6
        + c.tools.len()
        + c.laws.len()
        + c.roles.len()
        + c.services.len()
        + c.publication.kommune.len()
        + c.publication.etat.len();
    assert_eq!(count("handbok/"), 1 + c.levels.len() + steps + catalogs);
    assert_eq!(
        count("veileder/"),
        loaded.guide.as_ref().unwrap().nodes.len()
    );
    assert!(
        files.iter().all(|f| !f.text.contains("<script")),
        "no page has a script"
    );
    let index = files.iter().find(|f| f.path == "index.html").unwrap();
    assert!(
        index.text.contains(r#"href="handbok/index.html""#)
            && index.text.contains(r#"href="veileder/index.html""#)
    );
    let css = files.iter().find(|f| f.path == "bti-veileder.css").unwrap();
    assert_eq!(
        css.text, ".bti-host { color: red }",
        ":host becomes the page's wrapper"
    );
}

#[test]
fn exported_pages_are_titled_by_their_screen_and_in_the_chosen_language() {
    let files = export();
    let step = files
        .iter()
        .find(|f| f.path == "handbok/steg-n1-planlegging.html")
        .unwrap();
    assert!(
        step.text.contains("<title>Planlegging – "),
        "{}",
        &step.text[..300]
    );
    assert!(step
        .text
        .starts_with("<!doctype html>\n<html lang=\"nb\" dir=\"ltr\">"));
}

#[test]
fn an_overlay_must_be_published_before_it_is_exported() {
    let overlay = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("content/eksempel-kommune/eksempel-kommune.json");
    let err = bti_veileder::export::load_path(&overlay).unwrap_err();
    assert!(err.contains("bti-check --publish"), "{err}");
}
