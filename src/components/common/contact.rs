//! One contact: name, number or address as a link, opening hours, note.

use yew::prelude::*;

use crate::components::common::rich::Rich;
use crate::i18n::Lang;
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
    /// The staff handbook's card: with the address, and the opening hours as
    /// data ("Mandag–fredag 08:00–15:30") in place of the same hours in words.
    /// Only builds with the handbook have these fields.
    #[prop_or_default]
    pub staff: bool,
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
    let phone = c.phone.as_ref().map(|phone| match dialable.then(|| phone.href()) {
        Some(href) => html! {
            <p class="bti-contact__line"><a class="bti-contact__phone" href={href}><bdi dir="ltr">{ phone.as_str().to_owned() }</bdi></a></p>
        },
        None => html! {
            <p class="bti-contact__line bti-contact__phone--example">
                <bdi dir="ltr">{ phone.as_str().to_owned() }</bdi>
                if !dialable { { " (" }{ s.example_number }{ ")" } }
            </p>
        },
    });
    let email = c.email.as_ref().map(|e| html! {
        <p class="bti-contact__line">{ s.email }{ ": " }<a class="bti-link" href={e.href()}><bdi dir="ltr">{ e.as_str().to_owned() }</bdi></a></p>
    });
    let web = c.url.as_ref().map(|u| html! {
        <p class="bti-contact__line"><a class="bti-link" href={u.to_string()}>{ s.web }{ ": " }<bdi dir="ltr">{ display_url(u) }</bdi></a></p>
    });
    let hours = c.hours.as_ref().map(|hours| html! {
        <p class="bti-contact__hours">{ s.hours }{ ": " }<span lang={hours.fallback_lang(code)}>{ hours.get(code) }</span></p>
    });
    #[cfg(feature = "handbook")]
    let (address, hours) = match props.staff {
        true => staff_parts(props, hours),
        false => (Html::default(), hours),
    };
    #[cfg(not(feature = "handbook"))]
    let address = Html::default();
    html! {
        <li class="bti-contact">
            { title }
            { phone.unwrap_or_default() }
            { email.unwrap_or_default() }
            { web.unwrap_or_default() }
            { address }
            { hours.unwrap_or_default() }
            if let Some(note) = &c.note {
                <div class="bti-contact__note"><Rich text={note.clone()} lang={code} /></div>
            }
        </li>
    }
}

/// The staff card's address, and its opening hours as data when it has them
/// (else `hours`, the hours in words).
#[cfg(feature = "handbook")]
fn staff_parts(props: &ContactCardProps, hours: Option<Html>) -> (Html, Option<Html>) {
    use crate::model::when::{clock, OpeningLine};
    let c = &props.contact;
    let s = props.lang.strings();
    let address = html! {
        if let Some(a) = &c.address {
            <address class="bti-contact__address">
                <span class="bti-contact__label">{ s.address }{ ": " }</span>
                if let Some(street) = &a.street { { street.clone() }{ ", " } }
                { format!("{} {}", a.postal_code, a.city) }
            </address>
        }
    };
    if c.opening_hours.is_empty() {
        return (address, hours);
    }
    let names: Vec<&str> = s.weekdays.split(',').collect();
    let time = |t: &str| match clock(t) {
        Some(t) => html! { <time datetime={t.to_string()}>{ t.to_string() }</time> },
        None => html! { t.to_string() },
    };
    let opening = html! {
        <div class="bti-contact__opening">
            <span class="bti-contact__label">{ s.hours }{ ":" }</span>
            <ul class="bti-contact__opening-list">
                { for c.opening_hours.iter().map(|o| {
                    let line = OpeningLine::new(o, &names, s.and);
                    html! { <li>{ line.days }{ " " }{ time(&line.opens) }{ "–" }{ time(&line.closes) }</li> }
                }) }
            </ul>
        </div>
    };
    (address, Some(opening))
}

/// "https://www.116111.no/" shown as "116111.no": shorter to read, same place.
fn display_url(u: &str) -> String {
    // Byte search: a `&str` pattern would link the two-way searcher for this alone.
    let s = u
        .find(':')
        .and_then(|i| u[i..].strip_prefix("://"))
        .unwrap_or(u);
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
                if let Some(href) = dialable.then(|| phone.href()) {
                    <a class="bti-contact-line__phone" href={href}><bdi dir="ltr">{ phone.as_str().to_owned() }</bdi></a>
                } else {
                    <span class="bti-contact-line__phone bti-contact__phone--example"><bdi dir="ltr">{ phone.as_str().to_owned() }</bdi>
                        if !dialable { { " (" }{ s.example_number }{ ")" } }</span>
                }
            }
            if let Some(hours) = &c.hours {
                <span class="bti-contact-line__hours" lang={hours.fallback_lang(code)}>{ hours.get(code) }</span>
            }
        </li>
    }
}
