//! The front page (the grunnmodell at a glance, entry points) and the level finder.

use yew::prelude::*;

use super::page::ScreenProps;
use crate::handbook::finder::{Finder, FinderAction, FinderAnswer, FinderOutcome, FinderQuestion};
use crate::handbook::route::{NavMode, Page};
use crate::i18n::fill;
use crate::model::{Id, ServiceGroup};

#[function_component(FrontPage)]
pub fn front_page(props: &ScreenProps) -> Html {
    let ctx = &props.screen;
    let s = ctx.lang.strings();
    let code = ctx.code();
    let c = &ctx.loaded.content;
    let first_step = c.levels.first().and_then(|l| l.steps.first());
    let groups = [
        (ServiceGroup::Basis, s.group_basis),
        (ServiceGroup::Hjelp, s.group_hjelp),
        (ServiceGroup::Voksen, s.group_voksen),
    ];
    let pages = ctx.links.nav.mode == NavMode::Pages;
    // "Jeg jobber i …" filters the handbook; a static export, which has no
    // filtered copies, links to the service's own page instead.
    let service_link = |id: &Id, name: &str| {
        let mut to = ctx.links.to(Page::Front);
        if pages {
            to.page = Page::Services(Some(id.clone()));
        } else {
            to.service = Some(id.clone());
        }
        let current = ctx.links.service.as_ref() == Some(id);
        html! {
            <li><super::RouteLink nav={ctx.links.nav.clone()} to={to}>
                if current { <strong>{ name.to_string() }</strong> } else { { name.to_string() } }
            </super::RouteLink></li>
        }
    };
    html! {
        <>
            { ctx.title(format!("{} – {}", s.handbook_title, c.meta.kommune.get(code))) }
            <p class="bti-lead">{ fill(s.handbook_intro, &[c.meta.kommune.get(code)]) }</p>
            <ul class="bti-entry">
                if let Some(step) = first_step {
                    <li class="bti-entry__item bti-entry__item--primary">{ ctx.link(Page::Step(step.id.clone()), s.start_here) }</li>
                }
                if !pages { <li class="bti-entry__item">{ ctx.link(Page::Finder, s.finder_title) }</li> }
            </ul>
            <h3 id={ctx.anchors.id("levels")}>{ s.levels_title }</h3>
            <p class="bti-principle">{ s.principle }</p>
            <ol class="bti-levels" aria-labelledby={ctx.anchors.id("levels")}>
                { for c.levels.iter().map(|l| html! {
                    <li class="bti-levels__level">
                        <h4 class="bti-levels__title">{ ctx.link(Page::Level(l.id.clone()), crate::handbook::level_heading(&fill(s.level, &[&l.number.to_string()]), l.title.get(code))) }</h4>
                        <ol class="bti-levels__steps">
                            { for l.steps.iter().map(|st| html! { <li>{ ctx.link(Page::Step(st.id.clone()), st.title.get(code).to_string()) }</li> }) }
                        </ol>
                    </li>
                }) }
            </ol>
            <h3 id={ctx.anchors.id("work")}>{ s.i_work_in }</h3>
            if let Some(svc) = ctx.service() {
                <p>{ fill(s.showing_for, &[svc.name.get(code)]) }{ " " }
                    <super::RouteLink nav={ctx.links.nav.clone()} to={crate::handbook::route::Route::page(Page::Front)}>{ s.all_services }</super::RouteLink></p>
            }
            <div class="bti-groups">
                { for groups.iter().map(|(g, label)| html! {
                    <section class="bti-groups__group" aria-label={*label}>
                        <h4>{ *label }</h4>
                        <ul>{ for c.services.iter().filter(|sv| sv.group == *g).map(|sv| service_link(&sv.id, sv.name.get(code))) }</ul>
                    </section>
                }) }
            </div>
            <h3>{ s.three_levels }</h3>
            <ul class="bti-index">
                <li>{ ctx.link(Page::Kommune(None), s.kommune_level) }</li>
                <li>{ ctx.link(Page::Etat(None), s.etat_level) }</li>
                if let Some(l) = c.levels.first() { <li>{ ctx.link(Page::Level(l.id.clone()), s.individ_level) }</li> }
            </ul>
            <h3>{ s.tools }{ ", " }{ s.laws.to_lowercase() }{ " …" }</h3>
            <ul class="bti-index">
                <li>{ ctx.link(Page::Tools(None), s.tools) }</li>
                <li>{ ctx.link(Page::Laws(None), s.laws) }</li>
                if !ctx.loaded.content.sources.is_empty() {
                    <li>{ ctx.link(Page::Sources(None), s.sources) }</li>
                }
                <li>{ ctx.link(Page::Roles(None), s.roles) }</li>
                <li>{ ctx.link(Page::Services(None), s.services) }</li>
            </ul>
        </>
    }
}

#[function_component(FinderPage)]
pub fn finder_page(props: &ScreenProps) -> Html {
    let ctx = &props.screen;
    let s = ctx.lang.strings();
    let code = ctx.code();
    let finder = use_reducer(Finder::default);
    let question_ref = use_node_ref();
    crate::hooks::focus::use_focus_on_change(question_ref.clone(), finder.answers.len());
    let answer_label = |a: FinderAnswer| match a {
        FinderAnswer::Yes => s.yes,
        FinderAnswer::No => s.no,
        FinderAnswer::Simple => s.simple_cooperation,
        FinderAnswer::Complex => s.complex_cooperation,
    };
    let body = match finder.next() {
        Ok(q) => {
            let text = match q {
                FinderQuestion::Danger => s.finder_danger,
                FinderQuestion::Clarified => s.finder_clarified,
                FinderQuestion::OwnService => s.finder_own,
                FinderQuestion::Cooperation => s.finder_cooperation,
            };
            html! {
                <fieldset class="bti-finder__q">
                    <legend><h3 tabindex="-1" ref={question_ref.clone()}>{ text }</h3></legend>
                    <div class="bti-finder__answers">
                        { for Finder::choices(q).iter().map(|a| {
                            let finder = finder.clone();
                            let a = *a;
                            html! { <button type="button" class="bti-button bti-button--secondary"
                                onclick={Callback::from(move |_: MouseEvent| finder.dispatch(FinderAction::Answer(a)))}>{ answer_label(a) }</button> }
                        }) }
                    </div>
                </fieldset>
            }
        }
        Err(FinderOutcome::Urgent) => html! {
            <div class="bti-finder__result bti-finder__result--urgent">
                <h3 tabindex="-1" ref={question_ref.clone()}>{ s.finder_urgent }</h3>
            </div>
        },
        Err(FinderOutcome::Level(n)) => {
            let level = ctx.loaded.content.levels.iter().find(|l| l.number == n);
            let level_name = fill(s.level, &[&n.to_string()]);
            html! {
                <div class="bti-finder__result">
                    if let Some(l) = level {
                        if let Some(st) = l.steps.first() {
                            <h3 tabindex="-1" ref={question_ref.clone()}>{ fill(s.finder_result, &[&level_name, st.title.get(code)]) }</h3>
                            <p>{ l.applies_when.get(code).lines().next().unwrap_or_default().to_string() }</p>
                            <p>{ ctx.link(Page::Step(st.id.clone()), s.open_step) }{ " · " }{ ctx.link(Page::Level(l.id.clone()), crate::handbook::level_heading(&level_name, l.title.get(code))) }</p>
                        }
                    } else {
                        <h3 tabindex="-1" ref={question_ref.clone()}>{ level_name }</h3>
                    }
                </div>
            }
        }
    };
    let back = {
        let finder = finder.clone();
        Callback::from(move |_: MouseEvent| finder.dispatch(FinderAction::Back))
    };
    let restart = {
        let finder = finder.clone();
        Callback::from(move |_: MouseEvent| finder.dispatch(FinderAction::Restart))
    };
    html! {
        <>
            { ctx.title(s.finder_title) }
            <div class="bti-finder">{ body }</div>
            if !finder.answers.is_empty() {
                <div class="bti-guide__nav">
                    <button type="button" class="bti-button bti-button--secondary" onclick={back}>{ s.back }</button>
                    <button type="button" class="bti-button bti-button--secondary" onclick={restart}>{ s.start_over }</button>
                </div>
            }
        </>
    }
}
