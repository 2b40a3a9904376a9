//! Fetches the content (index and the parts this screen needs), merges and
//! checks it. Same-origin or CORS-allowed URLs only; nothing else is requested.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use crate::load::{LoadError, Start};
use crate::model::Content;

/// Loaded content, ready to render, plus what the editor should know.
#[derive(Debug, PartialEq)]
pub struct Loaded {
    pub content: Content,
    /// Problems that did not stop the widget (shown only with `debug`).
    pub problems: Vec<String>,
}

pub async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let network = || LoadError::Network { url: url.to_string() };
    let window = web_sys::window().ok_or_else(network)?;
    let resp = JsFuture::from(window.fetch_with_str(url)).await.map_err(|_| network())?;
    let resp: Response = resp.dyn_into().map_err(|_| network())?;
    if !resp.ok() {
        return Err(LoadError::Http { url: url.to_string(), status: resp.status() });
    }
    let text = JsFuture::from(resp.text().map_err(|_| network())?).await.map_err(|_| network())?;
    text.as_string().ok_or_else(network)
}

/// Resolves `rel` against `base` the way the browser would.
fn resolve(rel: &str, base: &str) -> String {
    web_sys::Url::new_with_base(rel, base).map(|u| u.href()).unwrap_or_else(|_| rel.to_string())
}

fn document_base() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default()
}

/// The whole pipeline: fetch the index, fetch the parts the start screen needs
/// in the reader's language, merge, decode and check.
pub async fn load(src: Option<&str>, inline: Option<&str>, start: Start, lang: &str) -> Result<Rc<Loaded>, LoadError> {
    let (index_url, text) = match (inline, src) {
        (Some(json), _) => ("element.content".to_string(), json.to_string()),
        (None, Some(src)) => {
            let url = resolve(src, &document_base());
            let text = fetch_text(&url).await.map_err(|e| shorten(e, src, &url))?;
            (url, text)
        }
        (None, None) => {
            return Err(LoadError::Invalid {
                url: "<bti-veileder>".into(),
                message: "elementet mangler attributtet src".into(),
            })
        }
    };
    let display = src.filter(|_| inline.is_none()).unwrap_or(&index_url).to_string();
    let index: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| LoadError::from_json_error(&display, &e))?;
    let mut parts = Vec::new();
    for part in parts_needed(&index, start_sections(start), lang) {
        let url = resolve(&part.src, &index_url);
        let text = fetch_text(&url).await?;
        let value: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| LoadError::from_json_error(&part.src, &e))?;
        parts.push((part, value));
    }
    let merged = merge_parts(index, parts)
        .map_err(|problems| LoadError::Invalid { url: display.clone(), message: problems.join("; ") })?;
    let checked = check_value(merged);
    match checked.content {
        Some(content) => Ok(Rc::new(Loaded { content, problems: checked.problems })),
        None => Err(LoadError::Invalid { url: display, message: checked.problems.join("; ") }),
    }
}

fn start_sections(start: Start) -> &'static [crate::model::Section] {
    match start {
        Start::Guide => &[crate::model::Section::Guide],
        Start::Handbook => &[crate::model::Section::Handbook],
    }
}

/// Error messages name the URL as the editor wrote it, not the resolved one.
fn shorten(e: LoadError, src: &str, url: &str) -> LoadError {
    match e {
        LoadError::Network { url: u } if u == url => LoadError::Network { url: src.into() },
        LoadError::Http { url: u, status } if u == url => LoadError::Http { url: src.into(), status },
        other => other,
    }
}

// Interim adapters until the model's own merge and check land.
struct Checked {
    content: Option<Content>,
    problems: Vec<String>,
}

fn parts_needed(index: &serde_json::Value, sections: &[crate::model::Section], lang: &str) -> Vec<crate::model::Part> {
    let parts: Vec<crate::model::Part> = index
        .get("parts")
        .and_then(|p| serde_json::from_value(p.clone()).ok())
        .unwrap_or_default();
    parts
        .into_iter()
        .filter(|p| sections.contains(&p.section) && (p.lang.is_none() || p.lang.as_deref() == Some(lang)))
        .collect()
}

fn merge_parts(
    mut index: serde_json::Value,
    parts: Vec<(crate::model::Part, serde_json::Value)>,
) -> Result<serde_json::Value, Vec<String>> {
    if let Some(obj) = index.as_object_mut() {
        obj.remove("parts");
        for (_, value) in parts {
            if let serde_json::Value::Object(map) = value {
                for (k, v) in map {
                    if k != "$schema" {
                        obj.insert(k, v);
                    }
                }
            }
        }
    }
    Ok(index)
}

fn check_value(value: serde_json::Value) -> Checked {
    match serde_json::from_value::<Content>(value) {
        Ok(c) => Checked { content: Some(c), problems: Vec::new() },
        Err(e) => Checked { content: None, problems: vec![e.to_string()] },
    }
}
