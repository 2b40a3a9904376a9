//! What every handbook page is given, as props: the content, the language, how
//! to link, and its anchors (ARIA ids and the heading that gets focus).

use std::rc::Rc;

use yew::prelude::*;

use super::link::{Nav, NavMode, RouteLink};
use crate::components::common::aria_id;
use crate::handbook::route::{Page, Route};
use crate::i18n::Lang;
use crate::load::Loaded;
use crate::model::when::{upcoming, Date};
use crate::model::{Id, Service};

/// How one instance links: its navigation and the "Jeg jobber i …" choice
/// every link keeps.
#[derive(Clone, PartialEq)]
pub struct Links {
    pub nav: Nav,
    pub service: Option<Id>,
}

impl Links {
    /// A route to `page` that keeps the service choice.
    pub fn to(&self, page: Page) -> Route {
        Route {
            page,
            service: self.service.clone(),
        }
    }

    pub fn link(&self, page: Page, text: impl Into<Html>) -> Html {
        html! { <RouteLink nav={self.nav.clone()} to={self.to(page)}>{ text.into() }</RouteLink> }
    }

    /// True in a static export, where nothing needs a script.
    pub fn static_pages(&self) -> bool {
        self.nav.mode == NavMode::Pages
    }
}

/// The ids of one instance and the page heading that gets focus after navigation.
#[derive(Clone, PartialEq)]
pub struct Anchors {
    pub instance: u32,
    pub heading: NodeRef,
}

impl Anchors {
    pub fn id(&self, suffix: &str) -> AttrValue {
        aria_id(self.instance, suffix)
    }

    pub fn heading_id(&self) -> AttrValue {
        self.id("h")
    }
}

/// What a handbook page renders from.
#[derive(Clone, PartialEq)]
pub struct Screen {
    pub loaded: Rc<Loaded>,
    pub lang: Lang,
    pub links: Links,
    pub anchors: Anchors,
    /// For "Gjelder fra …" on items whose `valid_from` is still ahead.
    pub today: Date,
}

impl Screen {
    pub fn code(&self) -> &'static str {
        self.lang.code()
    }

    pub fn link(&self, page: Page, text: impl Into<Html>) -> Html {
        self.links.link(page, text)
    }

    /// The service chosen under "Jeg jobber i …", if it exists in the content.
    pub fn service(&self) -> Option<&Service> {
        let id = self.links.service.as_deref()?;
        self.loaded.content.services.iter().find(|s| s.id == id)
    }

    pub fn title(&self, text: impl Into<AttrValue>) -> Html {
        html! { <PageTitle anchors={self.anchors.clone()} text={text.into()} /> }
    }

    /// "Gjelder fra 1. januar 2027" under an item's title while that date is
    /// ahead; nothing once it has come (or when the item has no date).
    pub fn valid_from(&self, valid_from: &Option<String>) -> Html {
        let Some(date) = upcoming(valid_from.as_deref(), self.today) else {
            return Html::default();
        };
        let s = self.lang.strings();
        let months: Vec<&str> = s.months.split(',').collect();
        let (before, after) = s.valid_from.split_once("{0}").unwrap_or((s.valid_from, ""));
        html! {
            <p class="bti-valid-from">{ before }<time datetime={date.iso()}>{ date.long(&months, s.date) }</time>{ after }</p>
        }
    }

    /// The title of content shown in bokmål for want of a translation gets `lang`.
    pub fn title_in(&self, text: impl Into<AttrValue>, lang: Option<&'static str>) -> Html {
        html! { <PageTitle anchors={self.anchors.clone()} text={text.into()} {lang} /> }
    }
}

/// Today's date by the reader's clock (in a static export, the machine's, in UTC).
pub fn today() -> Date {
    #[cfg(target_arch = "wasm32")]
    {
        let d = js_sys::Date::new_0();
        Date {
            year: d.get_full_year() as i32,
            month: d.get_month() as u8 + 1,
            day: d.get_date() as u8,
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date::from_unix_days((secs / 86_400) as i64)
    }
}

#[derive(Properties, PartialEq)]
pub struct ScreenProps {
    pub screen: Screen,
}

/// A page about one item (a level, a step, a tool …).
#[derive(Properties, PartialEq)]
pub struct ItemProps {
    pub screen: Screen,
    pub id: Id,
}

#[derive(Properties, PartialEq)]
pub struct PageTitleProps {
    pub anchors: Anchors,
    pub text: AttrValue,
    /// `Some("nb")` when the title is content shown in bokmål for want of a translation.
    #[prop_or_default]
    pub lang: Option<&'static str>,
}

/// The page's h2: focused after navigation, named by the page's `main`.
#[function_component(PageTitle)]
pub fn page_title(props: &PageTitleProps) -> Html {
    html! {
        <h2 class="bti-page__title" id={props.anchors.heading_id()} tabindex="-1" ref={props.anchors.heading.clone()} lang={props.lang}>{ props.text.clone() }</h2>
    }
}
