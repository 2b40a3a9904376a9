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
        node: node.into(),
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
    let catalogs = 7
        + c.tools.len()
        + c.laws.len()
        + c.sources.len()
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

// Issue 12, "Model additions": what the model had and the handbook did not show.

/// The example with `edit` applied to its content.
fn example_with(edit: impl FnOnce(&mut bti_veileder::model::Content)) -> Rc<Loaded> {
    let mut content = support::load(support::EXAMPLE)
        .content
        .expect("the example loads");
    edit(&mut content);
    Loaded::new(content, Vec::new(), vec!["nb".into()])
}

fn contact_card(staff: bool) -> String {
    use bti_veileder::components::common::contact::{ContactCard, ContactCardProps};
    let loaded = example();
    let contact = loaded
        .content
        .contacts
        .iter()
        .find(|c| c.id == "barnevern")
        .expect("the example has barnevern")
        .clone();
    let props = ContactCardProps {
        contact,
        lang: Lang::Nb,
        example: true,
        level: 4,
        staff,
    };
    render::<ContactCard>(props)
}

#[test]
fn a_staff_contact_card_shows_the_address_and_the_opening_days_as_a_range() {
    let html = contact_card(true);
    assert!(
        html.contains(r#"<address class="bti-contact__address">"#)
            && html.contains("Postboks 1, ")
            && html.contains("9999 Eksempel</address>"),
        "{html}"
    );
    assert!(
        html.contains(r#"<li>Mandag–fredag <time datetime="08:00">08:00</time>–<time datetime="15:30">15:30</time></li>"#),
        "{html}"
    );
    assert!(
        !html.contains("Hverdager 08–15:30"),
        "the hours as data replace the same hours in words: {html}"
    );
}

#[test]
fn the_citizen_guide_s_contact_card_keeps_to_the_hours_in_words() {
    let html = contact_card(false);
    assert!(!html.contains("<address"), "{html}");
    assert!(html.contains("Hverdager 08–15:30"), "{html}");
}

#[test]
fn a_service_page_in_the_handbook_shows_its_contacts_addresses() {
    let loaded = example();
    let service = loaded
        .content
        .services
        .iter()
        .find(|s| s.contacts.iter().any(|c| c == "barnevern"))
        .expect("a service lists barnevern");
    let html = handbook_page(
        &loaded,
        Lang::Nb,
        Route::page(Page::Services(Some(service.id.clone()))),
    );
    assert!(html.contains("<address"), "{html}");
}

#[test]
fn a_tool_page_lists_its_documents_with_their_language_in_words_and_hreflang() {
    let html = handbook_page(
        &example(),
        Lang::Nb,
        Route::page(Page::Tools(Some("samtykkeskjema".into()))),
    );
    assert!(html.contains("<h3>Dokumenter</h3>"), "{html}");
    assert!(
        html.contains(
            r#"<a href="dokumenter/samtykkeskjema-en.pdf" hreflang="en" class="bti-link">Samtykkeskjema (engelsk)</a>"#
        ),
        "{html}"
    );
    assert!(
        html.contains("Åpne dokumentet: "),
        "the main document stays first: {html}"
    );
}

#[test]
fn a_decision_that_sends_a_bekymringsmelding_says_so_in_words() {
    let html = handbook_page(
        &example(),
        Lang::Nb,
        Route::page(Page::Step("n0-beslutning".into())),
    );
    assert!(
        html.contains(r#"<p class="bti-decision__action"><strong>Send bekymringsmelding til barnevernet.</strong></p>"#),
        "{html}"
    );
    assert_eq!(
        html.matches("bti-decision__action").count(),
        1,
        "only the decision with the action"
    );
}

#[test]
fn sources_have_a_list_and_a_page_each_and_the_steps_refer_to_them() {
    let loaded = example();
    let list = handbook_page(&loaded, Lang::Nb, Route::page(Page::Sources(None)));
    assert!(
        list.contains(r#"class="bti-page__title">Kilder</h2>"#),
        "{list}"
    );
    assert!(
        hrefs(&list).contains(&"kilder-snakk-med-barn.html"),
        "{list}"
    );
    let page = handbook_page(
        &loaded,
        Lang::Nb,
        Route::page(Page::Sources(Some("snakk-med-barn".into()))),
    );
    assert!(
        page.contains(r#"<p class="bti-where">Veileder</p>"#),
        "{page}"
    );
    assert!(
        page.contains(r#"<a href="https://www.snakkemedbarn.no" class="bti-link">Les kilden</a>"#),
        "{page}"
    );
    assert!(
        hrefs(&page).contains(&"steg-n0-undring.html"),
        "the source links back to the step that uses it: {page}"
    );
    let step = handbook_page(
        &loaded,
        Lang::Nb,
        Route::page(Page::Step("n0-undring".into())),
    );
    assert!(step.contains("<h3>Kilder</h3>"), "{step}");
    assert!(hrefs(&step).contains(&"kilder-snakk-med-barn.html"));
}

#[test]
fn a_source_shows_its_publisher_summary_and_when_it_was_checked() {
    let loaded = example_with(|c| {
        let s = &mut c.sources[0];
        s.publisher = Some("Eksempeldirektoratet".into());
        s.last_checked = Some("2026-10-01".into());
    });
    let id = loaded.content.sources[0].id.clone();
    let html = handbook_page(&loaded, Lang::Nb, Route::page(Page::Sources(Some(id))));
    assert!(html.contains("Utgitt av Eksempeldirektoratet"), "{html}");
    assert!(html.contains("Sist kontrollert 2026-10-01"), "{html}");
}

#[test]
fn an_item_says_when_it_applies_from_while_that_date_is_ahead() {
    let at = |date: &str| {
        let loaded = example_with(|c| c.tools[0].valid_from = Some(date.into()));
        let id = loaded.content.tools[0].id.clone();
        handbook_page(&loaded, Lang::Nb, Route::page(Page::Tools(Some(id))))
    };
    let ahead = at("2999-01-01");
    assert!(
        ahead.contains(r#"<p class="bti-valid-from">Gjelder fra <time datetime="2999-01-01">1. januar 2999</time></p>"#),
        "{ahead}"
    );
    assert!(
        !at("2000-01-01").contains("Gjelder fra"),
        "a date passed says nothing"
    );
}

fn first_screen_of(start: bti_veileder::load::Start, src: &str) -> String {
    use bti_veileder::load::{content_langs, Start};
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(support::EXAMPLE);
    let (checked, parts) = bti_veileder::export::load_index(&path).expect("the index reads");
    let content = checked.content.expect("the example loads");
    let langs = content_langs(&parts, start, &content);
    let sheets: &[&str] = match start {
        Start::Guide => &["bti-veileder.css"],
        Start::Handbook => &["bti-veileder.css", "bti-handbook.css"],
    };
    bti_veileder::export::first_screen(
        &Loaded::new(content, Vec::new(), langs),
        Lang::Nb,
        start,
        src,
        "/pkg/",
        sheets,
    )
}

#[test]
fn the_guide_s_first_screen_drawn_ahead_is_the_live_screen_in_a_declarative_shadow_root() {
    let html = first_screen_of(bti_veileder::load::Start::Guide, "/innhold/eksempel.json");
    assert!(
        html.starts_with(r#"<bti-veileder src="/innhold/eksempel.json" start="guide" lang="nb" data-base="/pkg/"><template shadowrootmode="open"><div class="bti-mount" data-bti-pre"#),
        "{html}"
    );
    assert!(html.contains(r#"<link rel="stylesheet" href="/pkg/bti-veileder.css">"#));
    assert!(
        !html.contains("bti-handbook.css"),
        "the guide needs only its own sheet"
    );
    assert!(
        html.contains(">Hvem er du bekymret for?</h3>"),
        "the first question"
    );
    // The live widget's controls, not the static pages' links: the loader hands
    // a tap on them to the widget once it runs.
    assert!(
        html.contains(
            r#"<button type="button" class="bti-answer">Et barn i familien min</button>"#
        ),
        "{html}"
    );
    assert!(!html.contains(r#"<a class="bti-answer""#));
    assert!(
        html.contains(r#"data-exit="https://www.yr.no""#),
        "quick exit's address for the loader"
    );
    assert!(
        html.contains(r#"href="tel:112""#),
        "the emergency numbers can be called at once"
    );
    assert!(!html.contains("<script"), "no script in the element");
    // The switcher says what the live one says: the guide is in Polish, not only its menus.
    assert!(html.contains(">Polski</option>"), "{html}");
}

#[test]
fn the_handbook_s_first_screen_links_both_sheets_and_offers_only_its_own_languages() {
    let html = first_screen_of(bti_veileder::load::Start::Handbook, "/innhold/a\"b.json");
    assert!(
        html.contains(r#"src="/innhold/a&quot;b.json" start="handbook""#),
        "attributes are escaped: {html}"
    );
    assert!(html.contains(r#"href="/pkg/bti-handbook.css""#));
    assert!(
        html.contains(">Polski – bare menyer og nødhjelp</option>"),
        "the handbook has no Polish part"
    );
    assert!(html.contains(">English</option>"));
}

#[test]
fn the_first_screen_links_the_style_sheets_by_the_names_the_build_gave_them() {
    use bti_veileder::export::shipped_names;
    let shipped = r#"(function(){var a={"bti:files":1,"bti-veileder.css":"bti-veileder.1216b4ca.css","bti-guide.js":"bti-guide.2d66a461.js"};})"#;
    assert_eq!(
        shipped_names(shipped, &["bti-veileder.css"]).unwrap(),
        ["bti-veileder.1216b4ca.css"]
    );
    let err = shipped_names(shipped, &["bti-handbook.css"]).unwrap_err();
    assert!(err.contains("does not name bti-handbook.css"), "{err}");
    // The source and pkg-test/ keep the plain names (and the map's placeholder).
    let plain = "var FILES = { 'bti:files': 1 };";
    assert_eq!(
        shipped_names(plain, &["bti-veileder.css"]).unwrap(),
        ["bti-veileder.css"]
    );
}
