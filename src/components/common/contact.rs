//! One contact: name, number or address as a link, opening hours, note.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::model::{Contact, Scope};

#[derive(Properties, PartialEq)]
pub struct ContactCardProps {
    pub contact: Contact,
    pub lang: Lang,
    /// Example content: local numbers are shown but not dialable.
    pub example: bool,
}

fn tel_href(phone: &str) -> String {
    let digits: String = phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    format!("tel:{digits}")
}

#[function_component(ContactCard)]
pub fn contact_card(props: &ContactCardProps) -> Html {
    let c = &props.contact;
    let code = props.lang.code();
    let s = props.lang.strings();
    let dialable = !(props.example && c.scope == Scope::Local);
    html! {
        <li class="bti-contact">
            <h3 class="bti-contact__name">{ c.name.get(code) }</h3>
            if let Some(phone) = &c.phone {
                if dialable {
                    <a class="bti-contact__phone" href={tel_href(phone)}><bdi dir="ltr">{ phone.clone() }</bdi></a>
                } else {
                    <p class="bti-contact__phone bti-contact__phone--example">
                        <bdi dir="ltr">{ phone.clone() }</bdi>{ " (" }{ s.example_number }{ ")" }
                    </p>
                }
            }
            if let Some(hours) = &c.hours {
                <p class="bti-contact__hours">{ s.hours }{ ": " }{ hours.get(code) }</p>
            }
            if let Some(note) = &c.note {
                <p class="bti-contact__note">{ note.get(code) }</p>
            }
        </li>
    }
}
