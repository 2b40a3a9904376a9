#![cfg(target_arch = "wasm32")]
//! Component tests in headless Chromium: mount the widget as the loader does and
//! check what a reader would see.

use bti_veileder::embed::Widget;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const CONTENT: &str = r#"{
  "meta": {"kommune": "Testby kommune", "version": "1", "updated": "2026-11-23", "editor": "BTI-koordinator", "example": true},
  "contacts": [
    {"id": "alarm", "name": "Alarmtelefonen", "phone": "116 111", "scope": "national"},
    {"id": "bvt", "name": "Barneverntjenesten i Testby", "phone": "29 99 99 01"}
  ],
  "levels": [
    {"id": "niva-0", "number": 0, "title": "Avklare", "purpose": "Finne ut om det er grunn til bekymring.", "applies_when": "x", "lead": "x",
     "steps": [{"id": "s1", "title": "Undring", "what": "Undre seg", "how": "Samtale", "who": "Den som er bekymret"}]},
    {"id": "niva-1", "number": 1, "title": "En tjeneste", "purpose": "x", "applies_when": "x", "lead": "x",
     "steps": [{"id": "s2", "title": "Oppstart", "what": "x", "how": "x", "who": "x"}]},
    {"id": "niva-2", "number": 2, "title": "To tjenester", "purpose": "x", "applies_when": "x", "lead": "x",
     "steps": [{"id": "s3", "title": "Oppstart", "what": "x", "how": "x", "who": "x"}]},
    {"id": "niva-3", "number": 3, "title": "Flere tjenester", "purpose": "x", "applies_when": "x", "lead": "x",
     "steps": [{"id": "s4", "title": "Oppstart", "what": "x", "how": "x", "who": "x"}]}
  ],
  "guide": {"start": "hvem", "nodes": [
    {"type": "question", "id": "hvem", "title": "Hvem er du bekymret for?", "answers": [
      {"id": "barn", "label": "Et barn jeg kjenner", "next": "vold"}]},
    {"type": "question", "id": "vold", "title": "Har du sett vold?", "answers": [
      {"id": "ja", "label": "Ja", "next": "r"}]},
    {"type": "result", "id": "r", "title": "Ring barnevernet", "topics": ["omsorgssvikt"], "now": "Ring i dag.", "contacts": ["alarm", "bvt"], "what_happens": "De vurderer saken."}
  ]}
}"#;

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A host element with attributes, and the root inside it, as the loader makes them.
fn host(attrs: &[(&str, &str)]) -> (HtmlElement, Element) {
    let host: HtmlElement = document()
        .create_element("div")
        .unwrap()
        .dyn_into()
        .unwrap();
    for (k, v) in attrs {
        host.set_attribute(k, v).unwrap();
    }
    let root = document().create_element("div").unwrap();
    host.append_child(&root).unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    (host, root)
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits up to two seconds for `selector` whose text contains `text`.
async fn find(root: &Element, selector: &str, text: &str) -> Element {
    for _ in 0..100 {
        let list = root.query_selector_all(selector).unwrap();
        for i in 0..list.length() {
            let el: Element = list.item(i).unwrap().dyn_into().unwrap();
            if el.text_content().unwrap_or_default().contains(text) {
                return el;
            }
        }
        sleep(20).await;
    }
    panic!(
        "no {selector} containing {text:?}; the widget shows: {}",
        root.text_content().unwrap_or_default()
    );
}

fn click(el: &Element) {
    el.dyn_ref::<HtmlElement>().unwrap().click();
}

#[wasm_bindgen_test]
async fn guide_walks_from_question_to_result_and_moves_focus() {
    let (host, root) = host(&[("start", "guide")]);
    let mut w = Widget::new(root.clone(), host, None);
    w.set_content(CONTENT.into());
    let answer = find(&root, "button", "Et barn jeg kjenner").await;
    click(&answer);
    let heading = find(&root, "h3", "Har du sett vold?").await;
    sleep(20).await;
    let active = document().active_element().expect("something has focus");
    assert!(
        active.is_same_node(Some(&heading)),
        "focus is on the new question's heading"
    );
    click(&find(&root, "button", "Ja").await);
    find(&root, "h3", "Ring barnevernet").await;
    click(&find(&root, "button", "Start på nytt").await);
    find(&root, "h3", "Hvem er du bekymret for?").await;
    w.destroy();
}

#[wasm_bindgen_test]
async fn an_urgent_result_opens_with_the_danger_line_under_its_heading() {
    let (host, root) = host(&[("start", "guide")]);
    let mut w = Widget::new(root.clone(), host, None);
    w.set_content(CONTENT.into());
    walk_to_result(&root).await;
    let heading = find(&root, "h3", "Ring barnevernet").await;
    let first = heading
        .next_element_sibling()
        .expect("something follows the heading");
    assert_eq!(
        first.class_name(),
        "bti-danger",
        "the danger line comes right under the heading"
    );
    assert_eq!(
        first.text_content().unwrap(),
        "Er barnet eller noen andre i fare nå? Ring 112"
    );
    assert!(
        first.query_selector("a[href='tel:112']").unwrap().is_some(),
        "112 is a link"
    );
    w.destroy();
}

#[wasm_bindgen_test]
async fn question_screens_show_the_compact_emergency_block_that_opens_to_the_full_box() {
    let (host, root) = host(&[("start", "guide")]);
    let mut w = Widget::new(root.clone(), host, None);
    w.set_content(CONTENT.into());
    find(&root, "h3", "Hvem er du bekymret for?").await;
    let compact = find(&root, ".bti-emergency--compact", "Er noen i fare nå?").await;
    for tel in ["112", "113", "110", "116111"] {
        let link = compact
            .query_selector(&format!("a[href='tel:{tel}']"))
            .unwrap();
        assert!(link.is_some(), "tel:{tel} is a link in the compact block");
    }
    let more = find(&root, "details.bti-emergency__more", "Flere numre").await;
    assert!(
        !more.has_attribute("open"),
        "the full list is closed at first"
    );
    click(&find(&root, "summary", "Flere numre").await);
    sleep(20).await;
    assert!(
        more.has_attribute("open"),
        "a tap on «Flere numre» opens the full list"
    );
    let open = ".bti-emergency--compact details[open] .bti-emergency__list a[href='tel:113']";
    assert!(
        root.query_selector(open).unwrap().is_some(),
        "the full list is in the block"
    );
    w.destroy();
}

#[wasm_bindgen_test]
async fn result_screens_show_the_full_emergency_box() {
    let (host, root) = host(&[("start", "guide")]);
    let mut w = Widget::new(root.clone(), host, None);
    w.set_content(CONTENT.into());
    walk_to_result(&root).await;
    find(&root, "h3", "Ring barnevernet").await;
    assert!(root
        .query_selector(".bti-emergency--compact")
        .unwrap()
        .is_none());
    assert!(root
        .query_selector(".bti-emergency__list a[href='tel:112']")
        .unwrap()
        .is_some());
    w.destroy();
}

#[wasm_bindgen_test]
async fn example_content_keeps_local_numbers_undialable_and_national_ones_dialable() {
    let (host, root) = host(&[("start", "guide")]);
    let mut w = Widget::new(root.clone(), host, None);
    w.set_content(CONTENT.into());
    click(&find(&root, "button", "Et barn jeg kjenner").await);
    click(&find(&root, "button", "Ja").await);
    find(&root, "h3", "Ring barnevernet").await;
    find(&root, ".bti-notice", "Eksempelinnhold").await;
    assert!(
        root.query_selector("a[href='tel:116111']")
            .unwrap()
            .is_some(),
        "116 111 is a link"
    );
    assert!(
        root.query_selector("a[href='tel:29999901']")
            .unwrap()
            .is_none(),
        "the made-up local number is no link"
    );
    find(&root, ".bti-contact", "kan ikke ringes").await;
    w.destroy();
}

#[wasm_bindgen_test]
async fn broken_json_names_line_and_column_and_keeps_the_emergency_numbers() {
    let (host, root) = host(&[("start", "guide")]);
    let mut w = Widget::new(root.clone(), host, None);
    w.set_content("{\n  \"meta\": {,\n}".into());
    let msg = find(&root, ".bti-error__message", "linje 2").await;
    assert!(
        msg.text_content().unwrap().contains("kolonne"),
        "{:?}",
        msg.text_content()
    );
    find(&root, "button", "Prøv igjen").await;
    assert!(root.query_selector("a[href='tel:112']").unwrap().is_some());
    assert!(root
        .query_selector("a[href='tel:116111']")
        .unwrap()
        .is_some());
    w.destroy();
}

#[wasm_bindgen_test]
async fn changing_the_lang_attribute_changes_the_widget_language() {
    let (host, root) = host(&[("start", "guide")]);
    let mut w = Widget::new(root.clone(), host.clone(), None);
    w.set_content(CONTENT.into());
    find(&root, ".bti-emergency--compact", "Er noen i fare nå?").await;
    bti_veileder::i18n::install(
        bti_veileder::i18n::Lang::En,
        include_str!("../src/i18n/en.json"),
    )
    .unwrap();
    host.set_attribute("lang", "en-GB").unwrap();
    w.update();
    find(
        &root,
        ".bti-emergency--compact",
        "Is someone in danger now?",
    )
    .await;
    assert_eq!(
        root.query_selector(".bti-root")
            .unwrap()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("en")
    );
    w.destroy();
}

#[wasm_bindgen_test]
async fn two_instances_keep_their_own_state() {
    let (h1, r1) = host(&[("start", "guide")]);
    let (h2, r2) = host(&[("start", "guide")]);
    let mut a = Widget::new(r1.clone(), h1, None);
    let mut b = Widget::new(r2.clone(), h2, None);
    a.set_content(CONTENT.into());
    b.set_content(CONTENT.into());
    click(&find(&r1, "button", "Et barn jeg kjenner").await);
    find(&r1, "h3", "Har du sett vold?").await;
    find(&r2, "h3", "Hvem er du bekymret for?").await;
    a.destroy();
    b.destroy();
}

#[wasm_bindgen_test]
async fn memory_routing_navigates_the_handbook_without_touching_the_address() {
    let before = web_sys::window().unwrap().location().hash().unwrap();
    let (host, root) = host(&[("start", "handbook"), ("routing", "memory"), ("id", "mem")]);
    let mut w = Widget::new(root.clone(), host, None);
    w.set_content(CONTENT.into());
    click(&find(&root, "a", "Nivå 0").await);
    find(&root, "h2", "Nivå 0: Avklare").await;
    assert_eq!(
        web_sys::window().unwrap().location().hash().unwrap(),
        before
    );
    w.destroy();
}

#[wasm_bindgen_test]
async fn destroy_empties_the_root() {
    let (host, root) = host(&[("start", "guide")]);
    let mut w = Widget::new(root.clone(), host, None);
    w.set_content(CONTENT.into());
    find(&root, "h3", "Hvem er du bekymret for?").await;
    w.destroy();
    sleep(50).await;
    assert_eq!(root.text_content().unwrap_or_default(), "");
}

/// A contact whose web address is a script URL, in otherwise good content.
fn content_with_a_bad_link() -> String {
    CONTENT.replace(
        r#"{"id": "bvt", "name": "Barneverntjenesten i Testby", "phone": "29 99 99 01"}"#,
        r#"{"id": "bvt", "name": "Barneverntjenesten i Testby", "phone": "29 99 99 01",
            "url": "javascript:alert(1)"}"#,
    )
}

async fn walk_to_result(root: &Element) {
    click(&find(root, "button", "Et barn jeg kjenner").await);
    click(&find(root, "button", "Ja").await);
    find(root, "h3", "Ring barnevernet").await;
}

#[wasm_bindgen_test]
async fn without_debug_a_broken_link_is_left_out_and_the_rest_renders() {
    let (host, root) = host(&[("start", "guide")]);
    let mut w = Widget::new(root.clone(), host, None);
    w.set_content(content_with_a_bad_link());
    walk_to_result(&root).await;
    find(&root, ".bti-contact", "Barneverntjenesten i Testby").await;
    assert!(
        root.query_selector("a[href^='javascript']")
            .unwrap()
            .is_none(),
        "no script link anywhere"
    );
    assert!(
        root.query_selector(".bti-debug").unwrap().is_none(),
        "citizens never see the editor list"
    );
    w.destroy();
}

#[wasm_bindgen_test]
async fn with_debug_the_editor_sees_every_problem_with_its_place() {
    let (host, root) = host(&[("start", "guide"), ("debug", "")]);
    let mut w = Widget::new(root.clone(), host, None);
    w.set_content(content_with_a_bad_link());
    let list = find(&root, ".bti-debug", "contacts[bvt].url").await;
    let text = list.text_content().unwrap_or_default();
    assert!(
        text.contains("element.content:6:20: error: contacts[bvt].url: Lenken «javascript:alert(1)» er ikke tillatt"),
        "names file, line, column, path and what is wrong: {text}"
    );
    assert!(
        text.contains("warning: meta.example"),
        "warnings are listed too: {text}"
    );
    walk_to_result(&root).await;
    assert!(root
        .query_selector("a[href^='javascript']")
        .unwrap()
        .is_none());
    w.destroy();
}

#[wasm_bindgen_test]
async fn content_shown_in_bokmal_under_another_ui_language_is_marked_lang_nb() {
    bti_veileder::i18n::install(
        bti_veileder::i18n::Lang::So,
        include_str!("../src/i18n/so.json"),
    )
    .unwrap();
    let (host, root) = host(&[("start", "guide"), ("lang", "so")]);
    let mut w = Widget::new(root.clone(), host, None);
    w.set_content(CONTENT.into());
    let question = find(&root, "h3", "Hvem er du bekymret for?").await;
    assert_eq!(
        root.query_selector(".bti-root")
            .unwrap()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("so")
    );
    assert_eq!(
        question.get_attribute("lang").as_deref(),
        Some("nb"),
        "the Norwegian question says it is Norwegian"
    );
    let answer = find(&root, "button", "Et barn jeg kjenner").await;
    assert_eq!(answer.get_attribute("lang").as_deref(), Some("nb"));
    w.destroy();
}
