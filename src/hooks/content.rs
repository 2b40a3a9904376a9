//! Fetches the content (index and the parts this screen needs), merges and
//! checks it. Same-origin or CORS-allowed URLs only; nothing else is requested.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use crate::load::{content_langs, LoadError, Loaded, Start};
use crate::model::{check, decode, json, merge, Content, Part, Problem};

pub async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let network = || LoadError::Network {
        url: url.to_string(),
    };
    let window = web_sys::window().ok_or_else(network)?;
    // The loader may have started this fetch already (see embed::set_prefetch).
    #[cfg(target_arch = "wasm32")]
    let started = crate::embed::prefetched(url).unwrap_or_else(|| window.fetch_with_str(url));
    #[cfg(not(target_arch = "wasm32"))]
    let started = window.fetch_with_str(url);
    let resp = JsFuture::from(started).await.map_err(|_| network())?;
    let resp: Response = resp.dyn_into().map_err(|_| network())?;
    if !resp.ok() {
        return Err(LoadError::Http {
            url: url.to_string(),
            status: resp.status(),
        });
    }
    let text = JsFuture::from(resp.text().map_err(|_| network())?)
        .await
        .map_err(|_| network())?;
    text.as_string().ok_or_else(network)
}

/// Resolves `rel` against `base` the way the browser would.
fn resolve(rel: &str, base: &str) -> String {
    web_sys::Url::new_with_base(rel, base)
        .map(|u| u.href())
        .unwrap_or_else(|_| rel.to_string())
}

fn document_base() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default()
}

/// The whole pipeline: fetch the index, fetch the parts the start screen needs
/// in the reader's language, merge, decode and check.
pub async fn load(
    src: Option<&str>,
    inline: Option<&str>,
    start: Start,
    lang: &str,
) -> Result<Rc<Loaded>, LoadError> {
    let (index_url, display, text) = match (inline, src) {
        (Some(json), _) => (
            document_base(),
            "element.content".to_string(),
            json.to_string(),
        ),
        (None, Some(src)) => {
            let url = resolve(src, &document_base());
            let text = fetch_text(&url).await.map_err(|e| shorten(e, src, &url))?;
            (url, src.to_string(), text)
        }
        (None, None) => {
            return Err(LoadError::Invalid {
                url: "<bti-veileder>".into(),
                message: "elementet mangler attributtet src".into(),
            })
        }
    };
    let index = json::parse(&text).map_err(|e| syntax(&display, e))?;
    let declared: Vec<Part> =
        match index.get("parts") {
            Some(parts) => decode::decode_value(parts, &[json::Seg::Key("parts".into())]).map_err(
                |message| LoadError::Invalid {
                    url: display.clone(),
                    message,
                },
            )?,
            None => Vec::new(),
        };
    let sections = start.sections();
    let index_only = Content {
        parts: declared,
        ..Content::default()
    };
    let needed = merge::parts_needed(&index_only, sections, lang);
    // Only the list lives on across the fetches below, not a whole `Content`.
    let declared = index_only.parts;
    let mut files = vec![display.clone()];
    let mut parts = Vec::with_capacity(needed.len());
    for (n, part) in needed.into_iter().enumerate() {
        let url = resolve(&part.src, &index_url);
        let text = fetch_text(&url)
            .await
            .map_err(|e| shorten(e, &part.src, &url))?;
        let source = u16::try_from(n + 1).unwrap_or(u16::MAX);
        let value = json::parse_source(&text, source).map_err(|e| syntax(&part.src, e))?;
        files.push(part.src.clone());
        parts.push((part, value));
    }
    let describe = |p: &Problem| {
        let file = files
            .get(usize::from(p.source))
            .map(String::as_str)
            .unwrap_or("?");
        let mut line = format!(
            "{file}:{}:{}: {}: {}",
            p.line,
            p.column,
            p.severity.as_str(),
            p.path
        );
        // Builds without the editor's messages name the place only.
        if !p.message.is_empty() {
            line.push_str(": ");
            line.push_str(&p.message);
        }
        line
    };
    // The widget's one-line load error: each problem, `; ` between them.
    let one_line = |problems: &mut dyn Iterator<Item = &Problem>| {
        let mut line = String::new();
        for p in problems {
            if !line.is_empty() {
                line.push_str("; ");
            }
            line.push_str(&describe(p));
        }
        line
    };
    let merged = merge::merge_parts(index, parts).map_err(|problems| LoadError::Invalid {
        url: display.clone(),
        message: one_line(&mut problems.iter()),
    })?;
    let checked = check::load_tree(&merged);
    let problems: Vec<String> = checked.problems.iter().map(describe).collect();
    match checked.content {
        Some(content) => {
            let langs = content_langs(&declared, start, &content);
            Ok(Loaded::new(content, problems, langs))
        }
        None => Err(LoadError::Invalid {
            url: display,
            message: one_line(&mut checked.problems.iter().filter(|p| p.fatal)),
        }),
    }
}

fn syntax(url: &str, e: json::SyntaxError) -> LoadError {
    LoadError::Json {
        url: url.to_string(),
        line: e.pos.line as usize,
        column: e.pos.column as usize,
        message: e.message,
    }
}

/// Error messages name the URL as the editor wrote it, not the resolved one.
fn shorten(e: LoadError, src: &str, url: &str) -> LoadError {
    match e {
        LoadError::Network { url: u } if u == url => LoadError::Network { url: src.into() },
        LoadError::Http { url: u, status } if u == url => LoadError::Http {
            url: src.into(),
            status,
        },
        other => other,
    }
}
