//! What every handbook page shares: the context (content, language, route,
//! navigation) and the focusable page heading.

use std::rc::Rc;

use yew::prelude::*;

use super::link::{Nav, RouteLink};
use crate::handbook::route::{Page, Route};
use crate::i18n::Lang;
use crate::load::Loaded;
use crate::model::Service;

pub struct HbCtx {
    pub nav: Nav,
    pub lang: Lang,
    pub loaded: Rc<Loaded>,
    pub route: Route,
    pub heading: NodeRef,
    pub heading_id: AttrValue,
    pub instance: u32,
    pub base: AttrValue,
    pub src: Option<AttrValue>,
}

impl PartialEq for HbCtx {
    fn eq(&self, other: &Self) -> bool {
        self.nav == other.nav
            && self.lang == other.lang
            && Rc::ptr_eq(&self.loaded, &other.loaded)
            && self.route == other.route
            && self.heading == other.heading
    }
}

impl HbCtx {
    /// A route to `page` that keeps the "Jeg jobber i …" choice.
    pub fn to(&self, page: Page) -> Route {
        Route {
            page,
            service: self.route.service.clone(),
        }
    }

    pub fn link(&self, page: Page, text: impl Into<Html>) -> Html {
        html! { <RouteLink nav={self.nav.clone()} to={self.to(page)}>{ text.into() }</RouteLink> }
    }

    pub fn code(&self) -> &'static str {
        self.lang.code()
    }

    /// The service chosen under "Jeg jobber i …", if it exists in the content.
    pub fn service(&self) -> Option<&Service> {
        let id = self.route.service.as_deref()?;
        self.loaded.content.services.iter().find(|s| s.id == id)
    }

    pub fn id(&self, suffix: &str) -> String {
        format!("bti{}-{suffix}", self.instance)
    }
}

/// The handbook context. Pages only ever render inside `HandbookView`, which provides it.
#[hook]
pub fn use_hb() -> Rc<HbCtx> {
    #[allow(clippy::expect_used)]
    use_context::<Rc<HbCtx>>().expect("handbook pages render inside HandbookView")
}

#[derive(Properties, PartialEq)]
pub struct PageTitleProps {
    pub text: AttrValue,
    /// `Some("nb")` when the title is content shown in bokmål for want of a translation.
    #[prop_or_default]
    pub lang: Option<&'static str>,
}

/// The page's h2: focused after navigation, named by the page's `main`.
#[function_component(PageTitle)]
pub fn page_title(props: &PageTitleProps) -> Html {
    let ctx = use_hb();
    html! {
        <h2 class="bti-page__title" id={ctx.heading_id.clone()} tabindex="-1" ref={ctx.heading.clone()} lang={props.lang}>{ props.text.clone() }</h2>
    }
}
