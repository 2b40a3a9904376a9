//! The staff handbook: grunnmodell front page, level and step pages, routed by hash.

mod link;

use std::rc::Rc;

use yew::prelude::*;

use crate::components::common::rich::Rich;
use crate::handbook::route::{Page, Route};
use crate::hooks::content::Loaded;
use crate::hooks::focus::use_focus_on_change;
use crate::hooks::route::use_route;
use crate::i18n::{fill, Lang};
use crate::model::{Content, Level, Step};

pub use link::{Nav, RouteLink};

#[derive(Properties, PartialEq)]
pub struct HandbookViewProps {
    pub loaded: Rc<Loaded>,
    pub lang: Lang,
    pub ns: AttrValue,
    pub memory: bool,
    pub instance: u32,
}

fn find_step<'c>(content: &'c Content, id: &str) -> Option<(&'c Level, usize, &'c Step)> {
    content.levels.iter().find_map(|l| l.steps.iter().position(|s| s.id == id).map(|i| (l, i, &l.steps[i])))
}

#[function_component(HandbookView)]
pub fn handbook_view(props: &HandbookViewProps) -> Html {
    let (route, go) = use_route(props.ns.clone(), props.memory);
    let heading = use_node_ref();
    use_focus_on_change(heading.clone(), route.clone());
    let nav = Nav { ns: props.ns.clone(), memory: props.memory, go };
    let s = props.lang.strings();
    let code = props.lang.code();
    let content = &props.loaded.content;
    let kommune = content.meta.kommune.get(code);
    let heading_id = format!("bti{}-h", props.instance);
    let skip = {
        let heading = heading.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(el) = heading.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        })
    };
    let h = |text: String| html! {
        <h2 class="bti-page__title" id={heading_id.clone()} tabindex="-1" ref={heading.clone()}>{ text }</h2>
    };
    let link = |to: Page, text: String| html! {
        <RouteLink nav={nav.clone()} to={Route::page(to)}>{ text }</RouteLink>
    };

    let (crumbs, page): (Vec<Html>, Html) = match &route.page {
        Page::Front => (vec![], html! {
            <>
                { h(format!("{} – {}", s.handbook_title, kommune)) }
                <h3>{ s.levels_title }</h3>
                <ol class="bti-levels">
                    { for content.levels.iter().map(|l| html! {
                        <li class="bti-levels__level">
                            <h4 class="bti-levels__title">{ link(Page::Level(l.id.clone()), format!("{}: {}", fill(s.level, &[&l.number.to_string()]), l.title.get(code))) }</h4>
                            <ol class="bti-levels__steps">
                                { for l.steps.iter().map(|st| html! { <li>{ link(Page::Step(st.id.clone()), st.title.get(code).to_string()) }</li> }) }
                            </ol>
                        </li>
                    }) }
                </ol>
            </>
        }),
        Page::Level(id) => match content.levels.iter().find(|l| &l.id == id) {
            Some(l) => {
                let title = format!("{}: {}", fill(s.level, &[&l.number.to_string()]), l.title.get(code));
                (vec![], html! {
                    <>
                        { h(title) }
                        <Rich text={l.purpose.clone()} lang={code} />
                        <ol class="bti-steps">
                            { for l.steps.iter().map(|st| html! { <li>{ link(Page::Step(st.id.clone()), st.title.get(code).to_string()) }</li> }) }
                        </ol>
                    </>
                })
            }
            None => (vec![], h(s.not_found.to_string())),
        },
        Page::Step(id) => match find_step(content, id) {
            Some((l, i, st)) => {
                let level_name = fill(s.level, &[&l.number.to_string()]);
                (vec![link(Page::Level(l.id.clone()), level_name)], html! {
                    <>
                        <p class="bti-where">{ fill(s.step, &[&(i + 1).to_string(), &l.steps.len().to_string()]) }</p>
                        { h(st.title.get(code).to_string()) }
                        if let Some(d) = &st.deadline { <p class="bti-deadline"><strong>{ s.deadline }{ ": " }</strong>{ d.get(code) }</p> }
                        <h3>{ s.what }</h3><Rich text={st.what.clone()} lang={code} />
                        <h3>{ s.how }</h3><Rich text={st.how.clone()} lang={code} />
                        <h3>{ s.who }</h3><Rich text={st.who.clone()} lang={code} />
                    </>
                })
            }
            None => (vec![], h(s.not_found.to_string())),
        },
        _ => (vec![], h(s.not_found.to_string())),
    };

    html! {
        <div class="bti-handbook">
            <button type="button" class="bti-skip" onclick={skip}>{ s.skip_to_content }</button>
            <nav class="bti-breadcrumb" aria-label={s.breadcrumb}>
                <ol>
                    <li>{ if route.page == Page::Front {
                        html! { <span aria-current="page">{ s.front_page }</span> }
                    } else { link(Page::Front, s.front_page.to_string()) } }</li>
                    { for crumbs.into_iter().map(|c| html! { <li>{ c }</li> }) }
                </ol>
            </nav>
            <main class="bti-page" aria-labelledby={heading_id.clone()}>{ page }</main>
        </div>
    }
}
