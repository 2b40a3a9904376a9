//! Static HTML of the content, rendered natively with the widget's own
//! components (Yew's server renderer): the whole handbook as one page per
//! screen, the citizen guide as one page per question, and an index. The pages
//! need no script: links go between files, and the guide's answers are links.
//! Used by `bti-export`, by the render tests and as the static twin of the
//! performance bench.

use std::rc::Rc;

use yew::{AttrValue, BaseComponent, Callback, LocalServerRenderer};

use crate::components::common::DEFAULT_EXIT;
use crate::components::guide::{node_file, GuidePage, GuidePageProps};
use crate::components::handbook::{HandbookView, HandbookViewProps, NavMode};
use crate::handbook::crumbs::crumbs;
use crate::handbook::route::{Page, Route};
use crate::i18n::Lang;
use crate::load::{Loaded, Start};
use crate::model::Id;

/// Renders `C` with `props` to HTML, without hydration markers.
pub fn render<C: BaseComponent>(props: C::Properties) -> String {
    futures::executor::block_on(
        LocalServerRenderer::<C>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

/// One file of the export: its path under the output folder and its bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct File {
    pub path: String,
    pub text: String,
}

/// The widget's style sheet for pages without a shadow root: `:host` becomes
/// the wrapper `.bti-host`, everything else stays as it is.
pub fn page_css(widget_css: &str) -> String {
    widget_css.replace(":host", ".bti-host")
}

/// Escapes text for HTML element content and attribute values.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A whole HTML document around a rendered screen. `up` is the way back to the
/// export's root folder (`""` or `"../"`), where the style sheets are.
fn document(lang: Lang, title: &str, up: &str, sheets: &[&str], body: &str) -> String {
    let links: String = sheets
        .iter()
        .map(|s| format!("<link rel=\"stylesheet\" href=\"{up}{s}\">"))
        .collect();
    format!(
        "<!doctype html>\n<html lang=\"{code}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n{links}\n</head>\n<body class=\"bti-export\">\n\
         <div class=\"bti-host\"><div class=\"bti-root\" lang=\"{code}\" dir=\"{dir}\">{body}</div></div>\n\
         </body>\n</html>\n",
        code = lang.code(),
        dir = lang.dir(),
        title = escape(title),
    )
}

/// One handbook screen's markup: links point to the other pages' files.
pub fn handbook_page(loaded: &Rc<Loaded>, lang: Lang, route: Route) -> String {
    render::<HandbookView>(HandbookViewProps {
        loaded: loaded.clone(),
        lang,
        ns: AttrValue::from("bti"),
        mode: NavMode::Pages,
        initial: route,
        instance: 0,
        base: AttrValue::default(),
        src: None,
        switcher: Default::default(),
    })
}

/// The widget's style sheets a screen of `start` needs, by their plain names.
pub fn sheets(start: Start) -> &'static [&'static str] {
    match start {
        Start::Guide => &["bti-veileder.css"],
        Start::Handbook => &["bti-veileder.css", "bti-handbook.css"],
    }
}

/// The widget's first screen, rendered ahead for a host page: a `<bti-veileder>`
/// element whose declarative shadow root already holds the screen the widget
/// will draw, with its style sheets linked from `base` (the widget's folder).
/// The page shows it before any script has run; the loader keeps it until the
/// widget has drawn the same screen (and replays a click made meanwhile). The
/// markup is the live widget's own (`Ready`), so the swap does not move a pixel.
pub fn first_screen(
    loaded: &Rc<Loaded>,
    lang: Lang,
    start: Start,
    src: &str,
    base: &str,
    sheets: &[&str],
) -> String {
    use crate::components::ready::{Ready, ReadyProps};
    let exit = exit_url(loaded);
    let body = render::<Ready>(ReadyProps {
        loaded: loaded.clone(),
        lang,
        wanted: lang,
        onlang: Callback::noop(),
        start,
        instance: 0,
        exit: exit.clone(),
        debug: false,
        print_all: false,
        ns: AttrValue::from("bti"),
        memory_routing: true,
        base: AttrValue::from(base.to_string()),
        src: Some(AttrValue::from(src.to_string())),
    });
    let links: String = sheets
        .iter()
        .map(|s| {
            format!(
                "<link rel=\"stylesheet\" href=\"{}\">",
                escape(&format!("{base}{s}"))
            )
        })
        .collect();
    let start_attr = match start {
        Start::Guide => "guide",
        Start::Handbook => "handbook",
    };
    format!(
        "<bti-veileder src=\"{src}\" start=\"{start_attr}\" lang=\"{code}\" data-base=\"{base}\">\
         <template shadowrootmode=\"open\"><div class=\"bti-mount\" data-bti-pre data-exit=\"{exit}\">{links}\
         <div class=\"bti-root\" lang=\"{code}\" dir=\"{dir}\">{body}</div></div></template></bti-veileder>\n",
        src = escape(src),
        base = escape(base),
        exit = escape(&exit),
        code = lang.code(),
        dir = lang.dir(),
    )
}

/// The names the files in `pkg/` really have: `scripts/hash-names.mjs` gives them a
/// content hash and writes the map into the loader, as `{"bti:files":1,…}`. A
/// loader without a map (the source, `pkg-test/`) means the plain names.
pub fn shipped_names(loader: &str, plain: &[&str]) -> Result<Vec<String>, String> {
    let Some(at) = loader.find("{\"bti:files\":1") else {
        return Ok(plain.iter().map(|p| p.to_string()).collect());
    };
    let end = loader[at..]
        .find('}')
        .ok_or("the file map in bti-veileder.js has no end")?;
    let map = crate::model::json::parse(&loader[at..=at + end]).map_err(|e| {
        format!(
            "the file map in bti-veileder.js cannot be read: {}",
            e.message
        )
    })?;
    plain
        .iter()
        .map(|p| {
            map.get(p)
                .and_then(|v| v.as_str())
                .map(str::to_string)
                .ok_or_else(|| {
                    format!("bti-veileder.js does not name {p}: is it from another build?")
                })
        })
        .collect()
}

/// A whole page around [`first_screen`]'s element, like the widget's iframe page
/// (`embed.html`): the loader and `embed.js` from `base`, under the strict CSP
/// the widget is built for. For a kommune that shows the widget in an iframe.
pub fn first_screen_page(element: &str, lang: Lang, title: &str, base: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"{code}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'\">\n\
         <title>{title}</title>\n<link rel=\"stylesheet\" href=\"{base}embed.css\">\n\
         <script src=\"{base}bti-veileder.js\" defer></script>\n<script src=\"{base}embed.js\" defer></script>\n\
         </head>\n<body>\n<main id=\"app\">{element}</main>\n</body>\n</html>\n",
        code = lang.code(),
        dir = lang.dir(),
        title = escape(title),
        base = escape(base),
    )
}

/// Every handbook screen a static export has, in reading order.
pub fn handbook_pages(loaded: &Loaded) -> Vec<Page> {
    let c = &loaded.content;
    let mut pages = vec![Page::Front];
    for l in &c.levels {
        pages.push(Page::Level(l.id.clone()));
        pages.extend(l.steps.iter().map(|s| Page::Step(s.id.clone())));
    }
    fn catalog(all: fn(Option<Id>) -> Page, ids: Vec<&Id>) -> Vec<Page> {
        std::iter::once(all(None))
            .chain(ids.into_iter().map(|id| all(Some(id.clone()))))
            .collect()
    }
    pages.extend(catalog(
        Page::Tools,
        c.tools.iter().map(|t| &t.id).collect(),
    ));
    pages.extend(catalog(Page::Laws, c.laws.iter().map(|t| &t.id).collect()));
    pages.extend(catalog(
        Page::Sources,
        c.sources.iter().map(|t| &t.id).collect(),
    ));
    pages.extend(catalog(
        Page::Roles,
        c.roles.iter().map(|t| &t.id).collect(),
    ));
    pages.extend(catalog(
        Page::Services,
        c.services.iter().map(|t| &t.id).collect(),
    ));
    let p = &c.publication;
    pages.extend(catalog(
        Page::Kommune,
        p.kommune.iter().map(|t| &t.id).collect(),
    ));
    pages.extend(catalog(Page::Etat, p.etat.iter().map(|t| &t.id).collect()));
    pages
}

/// Where quick exit goes in an export: the content's own https address, else
/// the widget's neutral default.
fn exit_url(loaded: &Loaded) -> String {
    loaded
        .content
        .meta
        .exit_url
        .as_deref()
        .filter(|u| u.starts_with("https://"))
        .unwrap_or(DEFAULT_EXIT)
        .to_string()
}

/// The whole export: `index.html`, `handbok/*.html`, `veileder/*.html` and the
/// two style sheets (given as the widget's own CSS texts).
pub fn site(loaded: &Rc<Loaded>, lang: Lang, guide_css: &str, handbook_css: &str) -> Vec<File> {
    let s = lang.strings();
    let code = lang.code();
    let kommune = loaded.content.meta.kommune.get(code).to_string();
    let mut files = vec![
        File {
            path: "bti-veileder.css".into(),
            text: page_css(guide_css),
        },
        File {
            path: "bti-handbook.css".into(),
            text: page_css(handbook_css),
        },
    ];
    let staff_sheets = sheets(Start::Handbook);
    for page in handbook_pages(loaded) {
        let Some(file) = page.file() else { continue };
        let route = Route::page(page);
        let title = crumbs(&loaded.content, lang, &route)
            .pop()
            .map(|(_, label)| label)
            .unwrap_or_default();
        let body = handbook_page(loaded, lang, route);
        files.push(File {
            path: format!("handbok/{file}"),
            text: document(
                lang,
                &format!("{title} – {} – {kommune}", s.handbook_title),
                "../",
                staff_sheets,
                &body,
            ),
        });
    }
    if let Some(guide) = &loaded.guide {
        let exit = AttrValue::from(exit_url(loaded));
        for node in &guide.nodes {
            let id = node.id();
            let body = render::<GuidePage>(GuidePageProps {
                loaded: loaded.clone(),
                guide: guide.clone(),
                lang,
                node: id.clone(),
                exit: exit.clone(),
            });
            files.push(File {
                path: format!("veileder/{}", node_file(guide, id)),
                text: document(
                    lang,
                    &format!("{} – {kommune}", s.guide_title),
                    "../",
                    sheets(Start::Guide),
                    &body,
                ),
            });
        }
    }
    let mut index = format!(
        "<main class=\"bti-page\"><h1 class=\"bti-page__title\">{}</h1><ul class=\"bti-entry\">",
        escape(&kommune)
    );
    index.push_str(&format!(
        "<li class=\"bti-entry__item bti-entry__item--primary\"><a class=\"bti-link\" href=\"handbok/index.html\">{}</a></li>",
        escape(s.handbook_title)
    ));
    if loaded.guide.is_some() {
        index.push_str(&format!(
            "<li class=\"bti-entry__item\"><a class=\"bti-link\" href=\"veileder/index.html\">{}</a></li>",
            escape(s.guide_title)
        ));
    }
    index.push_str("</ul></main>");
    files.push(File {
        path: "index.html".into(),
        text: document(lang, &kommune, "", staff_sheets, &index),
    });
    files
}

/// The parts an index names (none for content in one file).
fn parts_of(
    tree: Option<&crate::model::json::Value>,
    path: &std::path::Path,
) -> Result<Vec<crate::model::Part>, String> {
    use crate::model::{decode, json};
    match tree.and_then(|t| t.get("parts")) {
        Some(v) => decode::decode_value(v, &[json::Seg::Key("parts".into())])
            .map_err(|e| format!("{}: {e}", path.display())),
        None => Ok(Vec::new()),
    }
}

/// Reads a content file from disk with every part its index names (paths
/// relative to the index), merges and checks it, as the widget would.
pub fn load_path(path: &std::path::Path) -> Result<crate::model::Checked, String> {
    load_index(path).map(|(checked, _)| checked)
}

/// [`load_path`], with the parts the index names (none for content in one file):
/// what the live widget reads its languages from ([`crate::load::content_langs`]).
pub fn load_index(
    path: &std::path::Path,
) -> Result<(crate::model::Checked, Vec<crate::model::Part>), String> {
    use crate::model::{check, json, Part};
    let read = |p: &std::path::Path| {
        std::fs::read_to_string(p).map_err(|e| format!("{}: kan ikke lese filen: {e}", p.display()))
    };
    let text = read(path)?;
    let tree = json::parse(&text).ok();
    if tree.as_ref().is_some_and(|t| t.get("extends").is_some()) {
        return Err(format!(
            "{}: filen bygger på en mal («extends»). Publiser den først med \
             bti-check --publish --out MAPPE, og eksporter den publiserte filen.",
            path.display()
        ));
    }
    let parts = parts_of(tree.as_ref(), path)?;
    if parts.is_empty() {
        return Ok((check::load_str(&text), parts));
    }
    let dir = path.parent().unwrap_or(std::path::Path::new(""));
    let texts = parts
        .iter()
        .map(|p| read(&dir.join(&p.src)))
        .collect::<Result<Vec<_>, _>>()?;
    let with_text: Vec<(Part, &str)> = parts
        .iter()
        .cloned()
        .zip(texts.iter().map(String::as_str))
        .collect();
    Ok((check::load_split(&text, &with_text), parts))
}
