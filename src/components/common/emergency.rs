//! The built-in emergency box. Its words come from the UI string tables, not the
//! content, so it shows even when the content cannot be loaded.

use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct EmergencyBoxProps {
    pub lang: Lang,
    /// Local numbers from the content, shown under the national ones.
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

#[function_component(EmergencyBox)]
pub fn emergency_box(props: &EmergencyBoxProps) -> Html {
    let s = props.lang.strings();
    html! {
        <section class="bti-emergency" aria-label={s.emergency_title}>
            <h2 class="bti-emergency__title">{ s.emergency_title }</h2>
            <p class="bti-emergency__lead">{ s.emergency_call }</p>
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
        </section>
    }
}
