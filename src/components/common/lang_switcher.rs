//! The language switcher: every UI language by its own name, honest about which
//! ones have this content translated and which only menus and emergency help.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct LangSwitcherProps {
    pub lang: Lang,
    /// Content languages of this screen (codes).
    pub available: Vec<String>,
    pub onchange: Callback<Lang>,
    pub instance: u32,
}

#[function_component(LangSwitcher)]
pub fn lang_switcher(props: &LangSwitcherProps) -> Html {
    let s = props.lang.strings();
    let id = super::aria_id(props.instance, "lang");
    let onchange = {
        let cb = props.onchange.clone();
        Callback::from(move |e: Event| {
            if let Some(sel) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            {
                cb.emit(Lang::from_tag(&sel.value()));
            }
        })
    };
    html! {
        <div class="bti-lang">
            <label class="bti-lang__label" for={id.clone()}>{ s.language }</label>
            <select class="bti-lang__select" id={id} {onchange}>
                { for Lang::ALL.iter().map(|l| {
                    let full = props.available.iter().any(|a| a == l.code());
                    let label = if full { l.own_name().to_string() } else { format!("{} – {}", l.own_name(), s.ui_only) };
                    html! { <option value={l.code()} lang={l.code()} selected={*l == props.lang}>{ label }</option> }
                }) }
            </select>
        </div>
    }
}
