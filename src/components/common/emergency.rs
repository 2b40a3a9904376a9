//! The built-in emergency box. Its words come from the UI string tables, not the
//! content, so it shows even when the content cannot be loaded.
//!
//! On the guide's question screens it is a compact block of two lines (every
//! number still a `tel:` link) that opens to the full box on a tap, so the
//! question and its first answer fit on a phone's first screen. The loader's
//! waiting box (`src/js/loader.js`) uses the same markup, so nothing jumps.

use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct EmergencyBoxProps {
    pub lang: Lang,
    /// Start as the compact two-line block, with a button that opens the full box.
    #[prop_or_default]
    pub compact: bool,
    /// Local numbers from the content, shown under the national ones in the full box.
    #[prop_or_default]
    pub children: Html,
}

fn number(tel: &'static str, shown: &'static str, what: &'static str) -> Html {
    html! {
        <li class="bti-emergency__item">
            <a class="bti-emergency__number" href={tel}><bdi dir="ltr">{ shown }</bdi></a>
            <span class="bti-emergency__what">{ what }</span>
        </li>
    }
}

/// A number in running text (the compact block, the result's danger line).
pub fn tel(href: &'static str, shown: &'static str) -> Html {
    html! { <a class="bti-emergency__tel" {href}><bdi dir="ltr">{ shown }</bdi></a> }
}

/// The national numbers with what each is for, and the local ones: the full box
/// without its heading.
fn full_list(props: &EmergencyBoxProps) -> Html {
    let s = props.lang.strings();
    html! {
        <>
            <ul class="bti-emergency__list">
                { number("tel:112", "112", s.police) }
                { number("tel:113", "113", s.ambulance) }
                { number("tel:110", "110", s.fire) }
            </ul>
            <p class="bti-emergency__child">
                { s.child_worry }{ " " }
                <a class="bti-emergency__number bti-emergency__number--inline" href="tel:116111"><bdi dir="ltr">{ "116 111" }</bdi></a>
                { " – " }{ s.child_line }{ ", " }{ s.always_open }{ "." }
            </p>
            { props.children.clone() }
        </>
    }
}

#[function_component(EmergencyBox)]
pub fn emergency_box(props: &EmergencyBoxProps) -> Html {
    let s = props.lang.strings();
    if props.compact {
        // "Flere numre" is a native disclosure: keyboard, state and its announcement
        // come from the browser, and the loader's waiting box is the same markup.
        return html! {
            <section class="bti-emergency bti-emergency--compact" aria-label={s.emergency_title}>
                <p class="bti-emergency__line">
                    <strong>{ s.emergency_title }</strong>{ " " }{ s.emergency_call }{ " " }
                    <span class="bti-emergency__tels">
                        { tel("tel:112", "112") }{ " · " }{ tel("tel:113", "113") }{ " · " }{ tel("tel:110", "110") }
                    </span>
                </p>
                <p class="bti-emergency__line">{ s.child_worry_short }{ " " }{ tel("tel:116111", "116 111") }</p>
                <details class="bti-emergency__more">
                    <summary>{ s.more_numbers }</summary>
                    { full_list(props) }
                </details>
            </section>
        };
    }
    html! {
        <section class="bti-emergency" aria-label={s.emergency_title}>
            <h2 class="bti-emergency__title">{ s.emergency_title }</h2>
            <p class="bti-emergency__lead">{ s.emergency_call }</p>
            { full_list(props) }
        </section>
    }
}
