//! Level and step pages: the handlingsveileder itself.

use yew::prelude::*;

use super::page::{ItemProps, Screen};
use super::tools::{Print, StepActions};
use crate::components::common::contact::ContactCard;
use crate::components::common::rich::Rich;
use crate::handbook::route::{Page, Route};
use crate::handbook::{find_step, neighbours};
use crate::i18n::fill;
use crate::model::{DecisionAction, Id, Law, Role, Source, Text, Tool};

#[function_component(LevelPage)]
pub fn level_page(props: &ItemProps) -> Html {
    let ctx = &props.screen;
    let s = ctx.lang.strings();
    let code = ctx.code();
    let Some(l) = ctx
        .loaded
        .content
        .levels
        .iter()
        .find(|l| l.id == props.id.as_str())
    else {
        return ctx.title(s.not_found);
    };
    html! {
        <>
            { ctx.title(crate::handbook::level_heading(&fill(s.level, &[&l.number.to_string()]), l.title.get(code))) }
            { ctx.valid_from(&l.valid_from) }
            <h3>{ s.purpose }</h3>
            <Rich text={l.purpose.clone()} lang={code} />
            <h3>{ s.applies_when }</h3>
            <Rich text={l.applies_when.clone()} lang={code} />
            <h3>{ s.lead }</h3>
            <Rich text={l.lead.clone()} lang={code} />
            <h3>{ s.steps }</h3>
            <ol class="bti-steps">
                { for l.steps.iter().map(|st| html! { <li>{ ctx.link(Page::Step(st.id.clone()), st.title.get(code).to_string()) }</li> }) }
            </ol>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct StepPageProps {
    pub screen: Screen,
    pub id: Id,
    /// The step's route, for its own link.
    pub route: Route,
    pub print: Option<Print>,
}

#[function_component(StepPage)]
pub fn step_page(props: &StepPageProps) -> Html {
    let ctx = &props.screen;
    let s = ctx.lang.strings();
    let code = ctx.code();
    let c = &ctx.loaded.content;
    let Some((level, index, st)) = find_step(c, &props.id) else {
        return ctx.title(s.not_found);
    };
    let level_name = fill(s.level, &[&level.number.to_string()]);
    let part = |title: &str, text: &Text| {
        html! { <section class="bti-step__part"><h3>{ title.to_string() }</h3><Rich text={text.clone()} lang={code} /></section> }
    };
    html! {
        <article class="bti-step">
            <p class="bti-where">{ format!("{} · {}", level_name, fill(s.step, &[&(index + 1).to_string(), &level.steps.len().to_string()])) }</p>
            { ctx.title_in(st.title.get(code).to_string(), st.title.fallback_lang(code)) }
            { ctx.valid_from(&st.valid_from) }
            if let Some(d) = &st.deadline {
                <p class="bti-deadline"><strong>{ s.deadline }{ ": " }</strong>{ d.get(code) }</p>
            }
            { part(s.what, &st.what) }
            { part(s.how, &st.how) }
            { part(s.who, &st.who) }
            <ServiceNotes screen={ctx.clone()} step={props.id.clone()} />
            <StepRefs screen={ctx.clone()} step={props.id.clone()} />
            <Decisions screen={ctx.clone()} step={props.id.clone()} />
            <Pager screen={ctx.clone()} step={props.id.clone()} />
            if !ctx.links.static_pages() {
                <StepActions lang={ctx.lang} hash={props.route.to_hash(&ctx.links.nav.ns)} print={props.print.clone()} />
            }
        </article>
    }
}

/// A part of a step page about step `step`.
#[derive(Properties, PartialEq)]
pub struct StepPartProps {
    pub screen: Screen,
    pub step: Id,
}

/// What each service does in this step; only the chosen one under "Jeg jobber i …".
#[function_component(ServiceNotes)]
fn service_notes(props: &StepPartProps) -> Html {
    let ctx = &props.screen;
    let (s, code, c) = (ctx.lang.strings(), ctx.code(), &ctx.loaded.content);
    let Some((_, _, st)) = find_step(c, &props.step) else {
        return html! {};
    };
    let chosen = ctx.service();
    let notes: Vec<_> = st
        .service_notes
        .iter()
        .filter(|n| chosen.is_none_or(|sv| n.service == sv.id))
        .filter_map(|n| {
            c.services
                .iter()
                .find(|sv| sv.id == n.service)
                .map(|sv| (sv, n))
        })
        .collect();
    if notes.is_empty() {
        return html! {};
    }
    let example = c.meta.example;
    html! {
        <section class="bti-step__part">
            <h3>{ match chosen { Some(sv) => fill(s.showing_for, &[sv.name.get(code)]), None => s.service_notes.to_string() } }</h3>
            { for notes.iter().map(|(sv, n)| html! {
                <div class="bti-note">
                    <h4>{ ctx.link(Page::Services(Some(sv.id.clone())), sv.name.get(code).to_string()) }</h4>
                    <Rich text={n.text.clone()} lang={code} />
                    if !n.contacts.is_empty() {
                        <ul class="bti-contacts bti-contacts--compact">
                            { for n.contacts.iter().filter_map(|id| c.contacts.iter().find(|x| &x.id == id)).map(|x| html! {
                                <ContactCard contact={x.clone()} lang={ctx.lang} {example} level={5} staff=true />
                            }) }
                        </ul>
                    }
                </div>
            }) }
        </section>
    }
}

/// The step's tools (with their documents), laws, sources, and roles and arenas.
#[function_component(StepRefs)]
fn step_refs(props: &StepPartProps) -> Html {
    let ctx = &props.screen;
    let (s, code, c) = (ctx.lang.strings(), ctx.code(), &ctx.loaded.content);
    let Some((_, _, st)) = find_step(c, &props.step) else {
        return html! {};
    };
    let found = |ids: &[Id], page: fn(Option<Id>) -> Page, item: &dyn Fn(&str) -> Option<Html>| {
        ids.iter()
            .filter_map(|id| {
                item(id)
                    .map(|rest| html! { <li>{ rest }</li> })
                    .map(|li| (page(Some(id.clone())), li))
            })
            .map(|(_, li)| li)
            .collect::<Vec<Html>>()
    };
    let tools = found(&st.tools, Page::Tools, &|id| {
        let t: &Tool = c.tools.iter().find(|t| t.id == id)?;
        let doc = t.document.as_ref().map(|d| (d.href.as_str().to_owned(), d));
        Some(html! { <>
            { ctx.link(Page::Tools(Some(t.id.clone())), t.title.get(code).to_string()) }
            if let Some((href, d)) = doc { { " – " }<a class="bti-link" {href}>{ d.label.get(code) }</a> }
        </> })
    });
    let laws = found(&st.laws, Page::Laws, &|id| {
        let l: &Law = c.laws.iter().find(|l| l.id == id)?;
        Some(
            html! { <>{ ctx.link(Page::Laws(Some(l.id.clone())), law_name(l, code)) }{ ": " }{ l.title.get(code) }</> },
        )
    });
    let sources = found(&st.sources, Page::Sources, &|id| {
        let x: &Source = c.sources.iter().find(|x| x.id == id)?;
        Some(html! { <>
            { ctx.link(Page::Sources(Some(x.id.clone())), x.title.get(code).to_string()) }
            if let Some(p) = &x.publisher { { " (" }{ p.get(code) }{ ")" } }
        </> })
    });
    let roles = found(&st.roles, Page::Roles, &|id| {
        let r: &Role = c.roles.iter().find(|r| r.id == id)?;
        Some(ctx.link(
            Page::Roles(Some(r.id.clone())),
            r.title.get(code).to_string(),
        ))
    });
    let section = |title: &str, items: Vec<Html>| {
        (!items.is_empty()).then(|| html! {
            <section class="bti-step__part"><h3>{ title.to_string() }</h3><ul class="bti-refs">{ for items }</ul></section>
        })
    };
    html! { <>{ section(s.tools, tools) }{ section(s.laws, laws) }{ section(s.sources, sources) }{ section(s.roles, roles) }</> }
}

/// The decisions that end a step, each leading to a level or closing the case.
#[function_component(Decisions)]
fn decisions(props: &StepPartProps) -> Html {
    let ctx = &props.screen;
    let (s, code, c) = (ctx.lang.strings(), ctx.code(), &ctx.loaded.content);
    let Some((_, _, st)) = find_step(c, &props.step).filter(|(_, _, st)| !st.decisions.is_empty())
    else {
        return html! {};
    };
    html! {
        <section class="bti-step__part">
            <h3>{ s.decisions }</h3>
            <ul class="bti-refs">{ for st.decisions.iter().map(|d| {
                let target = d.to_level.as_ref().and_then(|id| c.levels.iter().find(|l| &l.id == id));
                let report = d.action == Some(DecisionAction::Bekymringsmelding);
                // A report hands the case to barnevernet: "Saken avsluttes" would mislead.
                let onward = match target {
                    Some(l) => Some(ctx.link(Page::Level(l.id.clone()), crate::handbook::level_heading(&fill(s.level, &[&l.number.to_string()]), l.title.get(code)))),
                    None if report => None,
                    None => Some(html! { s.close_case }),
                };
                html! {
                    <li>
                        { d.label.get(code) }
                        if let Some(onward) = onward { { " → " }{ onward } }
                        if report {
                            <p class="bti-decision__action"><strong>{ s.report_concern }</strong></p>
                        }
                    </li>
                }
            }) }</ul>
        </section>
    }
}

/// Previous and next step of the same level.
#[function_component(Pager)]
fn pager(props: &StepPartProps) -> Html {
    let ctx = &props.screen;
    let (s, code) = (ctx.lang.strings(), ctx.code());
    let Some((level, index, _)) = find_step(&ctx.loaded.content, &props.step) else {
        return html! {};
    };
    let (prev, next) = neighbours(level, index);
    // Arrows point the way the text runs.
    let (back, forward) = if ctx.lang.dir() == "rtl" {
        ("→", "←")
    } else {
        ("←", "→")
    };
    html! {
        <nav class="bti-pager" aria-label={s.steps}>
            if let Some(p) = prev { <span class="bti-pager__prev">{ ctx.link(Page::Step(p.id.clone()), format!("{back} {}: {}", s.prev_step, p.title.get(code))) }</span> }
            if let Some(n) = next { <span class="bti-pager__next">{ ctx.link(Page::Step(n.id.clone()), format!("{}: {} {forward}", s.next_step, n.title.get(code))) }</span> }
        </nav>
    }
}

/// "Barnevernsloven § 13-2".
pub fn law_name(l: &Law, code: &str) -> String {
    if l.paragraph.is_empty() {
        l.act.get(code).to_string()
    } else {
        format!("{} {}", l.act.get(code), l.paragraph)
    }
}
