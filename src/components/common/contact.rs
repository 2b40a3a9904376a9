//! One contact: name, number or address as a link, opening hours, note.

use yew::prelude::*;

use crate::components::common::rich::Rich;
use crate::i18n::Lang;
use crate::model::links::{safe_href, tel_href};
use crate::model::{Contact, Scope};

#[derive(Properties, PartialEq)]
pub struct ContactCardProps {
    pub contact: Contact,
    pub lang: Lang,
    /// Example content: local numbers are shown but not dialable.
    pub example: bool,
    /// Heading level of the contact's name: one below the heading of the list it is in.
    #[prop_or(3)]
    pub level: u8,
}

#[function_component(ContactCard)]
pub fn contact_card(props: &ContactCardProps) -> Html {
    let c = &props.contact;
    let code = props.lang.code();
    let s = props.lang.strings();
    let dialable = !(props.example && c.scope == Scope::Local);
    let name = c.name.get(code).to_string();
    let name_lang = c.name.fallback_lang(code);
    let title = match props.level {
        4 => html! { <h4 class="bti-contact__name" lang={name_lang}>{ name }</h4> },
        5 => html! { <h5 class="bti-contact__name" lang={name_lang}>{ name }</h5> },
        _ => html! { <h3 class="bti-contact__name" lang={name_lang}>{ name }</h3> },
    };
    let phone = c.phone.as_ref().map(|phone| match tel_href(phone).filter(|_| dialable) {
        Some(href) => html! {
            <p class="bti-contact__line"><a class="bti-contact__phone" href={href}><bdi dir="ltr">{ phone.clone() }</bdi></a></p>
        },
        None => html! {
            <p class="bti-contact__line bti-contact__phone--example">
                <bdi dir="ltr">{ phone.clone() }</bdi>
                if !dialable { { " (" }{ s.example_number }{ ")" } }
            </p>
        },
    });
    let email = c.email.as_ref().filter(|e| safe_href(&format!("mailto:{e}")).is_some()).map(|e| html! {
        <p class="bti-contact__line">{ s.email }{ ": " }<a class="bti-link" href={format!("mailto:{e}")}><bdi dir="ltr">{ e.clone() }</bdi></a></p>
    });
    let web = c.url.as_ref().and_then(|u| safe_href(u)).map(|u| html! {
        <p class="bti-contact__line"><a class="bti-link" href={u.to_string()}>{ s.web }{ ": " }<bdi dir="ltr">{ display_url(u) }</bdi></a></p>
    });
    html! {
        <li class="bti-contact">
            { title }
            { phone.unwrap_or_default() }
            { email.unwrap_or_default() }
            { web.unwrap_or_default() }
            if let Some(hours) = &c.hours {
                <p class="bti-contact__hours">{ s.hours }{ ": " }<span lang={hours.fallback_lang(code)}>{ hours.get(code) }</span></p>
            }
            if let Some(note) = &c.note {
                <div class="bti-contact__note"><Rich text={note.clone()} lang={code} /></div>
            }
        </li>
    }
}

/// What every card starts with: the name as a heading, then phone, e-mail and web.
// The citizen's ContactCard writes the same lines inline: sharing this function
// moved its code and strings and cost the guide's wasm 64 bytes (gzip) over budget.
#[cfg(feature = "handbook")]
fn head(props: &ContactCardProps) -> [Html; 4] {
    let c = &props.contact;
    let code = props.lang.code();
    let s = props.lang.strings();
    let dialable = !(props.example && c.scope == Scope::Local);
    let name = c.name.get(code).to_string();
    let name_lang = c.name.fallback_lang(code);
    let title = match props.level {
        4 => html! { <h4 class="bti-contact__name" lang={name_lang}>{ name }</h4> },
        5 => html! { <h5 class="bti-contact__name" lang={name_lang}>{ name }</h5> },
        _ => html! { <h3 class="bti-contact__name" lang={name_lang}>{ name }</h3> },
    };
    let phone = c.phone.as_ref().map(|phone| match tel_href(phone).filter(|_| dialable) {
        Some(href) => html! {
            <p class="bti-contact__line"><a class="bti-contact__phone" href={href}><bdi dir="ltr">{ phone.clone() }</bdi></a></p>
        },
        None => html! {
            <p class="bti-contact__line bti-contact__phone--example">
                <bdi dir="ltr">{ phone.clone() }</bdi>
                if !dialable { { " (" }{ s.example_number }{ ")" } }
            </p>
        },
    });
    let email = c.email.as_ref().filter(|e| safe_href(&format!("mailto:{e}")).is_some()).map(|e| html! {
        <p class="bti-contact__line">{ s.email }{ ": " }<a class="bti-link" href={format!("mailto:{e}")}><bdi dir="ltr">{ e.clone() }</bdi></a></p>
    });
    let web = c.url.as_ref().and_then(|u| safe_href(u)).map(|u| html! {
        <p class="bti-contact__line"><a class="bti-link" href={u.to_string()}>{ s.web }{ ": " }<bdi dir="ltr">{ display_url(u) }</bdi></a></p>
    });
    [
        title,
        phone.unwrap_or_default(),
        email.unwrap_or_default(),
        web.unwrap_or_default(),
    ]
}

/// The staff handbook's card: the citizen's card plus the address and the
/// opening hours as data ("Mandag–fredag 08:00–15:30"), which replace the same
/// hours in words. Built with the handbook only: the guide's wasm links none of it.
#[cfg(feature = "handbook")]
#[function_component(StaffContactCard)]
pub fn staff_contact_card(props: &ContactCardProps) -> Html {
    use crate::model::when::{clock, OpeningLine};
    let c = &props.contact;
    let code = props.lang.code();
    let s = props.lang.strings();
    let [title, phone, email, web] = head(props);
    let names: Vec<&str> = s.weekdays.split(',').collect();
    let time = |t: &str| match clock(t) {
        Some(t) => html! { <time datetime={t.to_string()}>{ t.to_string() }</time> },
        None => html! { t.to_string() },
    };
    html! {
        <li class="bti-contact">
            { title }
            { phone }
            { email }
            { web }
            if let Some(a) = &c.address {
                <address class="bti-contact__address">
                    <span class="bti-contact__label">{ s.address }{ ": " }</span>
                    if let Some(street) = &a.street { { street.clone() }{ ", " } }
                    { format!("{} {}", a.postal_code, a.city) }
                </address>
            }
            if !c.opening_hours.is_empty() {
                <div class="bti-contact__opening">
                    <span class="bti-contact__label">{ s.hours }{ ":" }</span>
                    <ul class="bti-contact__opening-list">
                        { for c.opening_hours.iter().map(|o| {
                            let line = OpeningLine::new(o, &names, s.and);
                            html! { <li>{ line.days }{ " " }{ time(&line.opens) }{ "–" }{ time(&line.closes) }</li> }
                        }) }
                    </ul>
                </div>
            } else if let Some(hours) = &c.hours {
                <p class="bti-contact__hours">{ s.hours }{ ": " }<span lang={hours.fallback_lang(code)}>{ hours.get(code) }</span></p>
            }
            if let Some(note) = &c.note {
                <div class="bti-contact__note"><Rich text={note.clone()} lang={code} /></div>
            }
        </li>
    }
}

/// "https://www.116111.no/" shown as "116111.no": shorter to read, same place.
fn display_url(u: &str) -> String {
    let s = u.split_once("://").map(|(_, r)| r).unwrap_or(u);
    let s = s.strip_prefix("www.").unwrap_or(s);
    s.strip_suffix('/').unwrap_or(s).to_string()
}

/// A contact on one line, for the local numbers under the emergency box:
/// name, number (dialable unless example content), opening hours.
#[function_component(ContactLine)]
pub fn contact_line(props: &ContactCardProps) -> Html {
    let c = &props.contact;
    let code = props.lang.code();
    let s = props.lang.strings();
    let dialable = !(props.example && c.scope == Scope::Local);
    html! {
        <li class="bti-contact-line">
            <span class="bti-contact-line__name" lang={c.name.fallback_lang(code)}>{ c.name.get(code) }</span>{ " " }
            if let Some(phone) = &c.phone {
                if let Some(href) = tel_href(phone).filter(|_| dialable) {
                    <a class="bti-contact-line__phone" href={href}><bdi dir="ltr">{ phone.clone() }</bdi></a>
                } else {
                    <span class="bti-contact-line__phone bti-contact__phone--example"><bdi dir="ltr">{ phone.clone() }</bdi>
                        if !dialable { { " (" }{ s.example_number }{ ")" } }</span>
                }
            }
            if let Some(hours) = &c.hours {
                <span class="bti-contact-line__hours" lang={hours.fallback_lang(code)}>{ hours.get(code) }</span>
            }
        </li>
    }
}
