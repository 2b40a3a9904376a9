//! What every handbook page is given, as props: the content, the language, how
//! to link, and its anchors (ARIA ids and the heading that gets focus).

use std::rc::Rc;

use yew::prelude::*;

use super::link::{Nav, NavMode, RouteLink};
use crate::components::common::aria_id;
use crate::handbook::route::{Page, Route};
use crate::i18n::Lang;
use crate::load::Loaded;
use crate::model::Service;

/// How one instance links: its navigation and the "Jeg jobber i …" choice
/// every link keeps.
#[derive(Clone, PartialEq)]
pub struct Links {
    pub nav: Nav,
    pub service: Option<String>,
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

    /// The title of content shown in bokmål for want of a translation gets `lang`.
    pub fn title_in(&self, text: impl Into<AttrValue>, lang: Option<&'static str>) -> Html {
        html! { <PageTitle anchors={self.anchors.clone()} text={text.into()} {lang} /> }
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
    pub id: AttrValue,
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
