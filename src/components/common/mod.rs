//! Pieces shared by the guide and the handbook.
pub mod contact;
pub mod emergency;
pub mod error_view;
pub mod lang_switcher;
pub mod rich;

use yew::AttrValue;

/// Where quick exit goes unless the page or the content says: a neutral page
/// that says nothing about what the reader was doing.
pub const DEFAULT_EXIT: &str = "https://www.yr.no/";

/// The id of an element of widget instance `instance`: unique on a page with
/// several widgets, so `aria-labelledby` and `for` never point into another one.
pub fn aria_id(instance: u32, suffix: &str) -> AttrValue {
    AttrValue::from(format!("bti{instance}-{suffix}"))
}
