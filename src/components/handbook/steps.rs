//! Level and step pages: the handlingsveileder itself.

use yew::prelude::*;

use super::page::{use_hb, PageTitle};
use super::tools::StepActions;
use crate::components::common::contact::ContactCard;
use crate::components::common::rich::Rich;
use crate::handbook::route::Page;
use crate::handbook::{find_step, neighbours};
use crate::i18n::fill;
use crate::model::{Law, Role, Tool};

#[derive(Properties, PartialEq)]
pub struct IdProps {
    pub id: AttrValue,
}

#[function_component(LevelPage)]
pub fn level_page(props: &IdProps) -> Html {
    let ctx = use_hb();
    let s = ctx.lang.strings();
    let code = ctx.code();
    let Some(l) = ctx
        .loaded
        .content
        .levels
        .iter()
        .find(|l| l.id == props.id.as_str())
    else {
        return html! { <PageTitle text={s.not_found} /> };
    };
    html! {
        <>
            <PageTitle text={crate::handbook::level_heading(&fill(s.level, &[&l.number.to_string()]), l.title.get(code))} />
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

#[function_component(StepPage)]
pub fn step_page(props: &IdProps) -> Html {
    let ctx = use_hb();
    let s = ctx.lang.strings();
    let code = ctx.code();
    let c = &ctx.loaded.content;
    let Some((level, index, st)) = find_step(c, &props.id) else {
        return html! { <PageTitle text={s.not_found} /> };
    };
    let (prev, next) = neighbours(level, index);
    let level_name = fill(s.level, &[&level.number.to_string()]);
    let tools: Vec<&Tool> = st
        .tools
        .iter()
        .filter_map(|id| c.tools.iter().find(|t| &t.id == id))
        .collect();
    let laws: Vec<&Law> = st
        .laws
        .iter()
        .filter_map(|id| c.laws.iter().find(|t| &t.id == id))
        .collect();
    let roles: Vec<&Role> = st
        .roles
        .iter()
        .filter_map(|id| c.roles.iter().find(|t| &t.id == id))
        .collect();
    let chosen = ctx.service().map(|sv| sv.id.clone());
    let notes: Vec<_> = st
        .service_notes
        .iter()
        .filter(|n| chosen.as_ref().is_none_or(|id| &n.service == id))
        .filter_map(|n| {
            c.services
                .iter()
                .find(|sv| sv.id == n.service)
                .map(|sv| (sv, n))
        })
        .collect();
    let example = c.meta.example;
    // Arrows point the way the text runs.
    let (back, forward) = if ctx.lang.dir() == "rtl" {
        ("→", "←")
    } else {
        ("←", "→")
    };
    html! {
        <article class="bti-step">
            <p class="bti-where">{ format!("{} · {}", level_name, fill(s.step, &[&(index + 1).to_string(), &level.steps.len().to_string()])) }</p>
            <PageTitle text={st.title.get(code).to_string()} lang={st.title.fallback_lang(code)} />
            if let Some(d) = &st.deadline {
                <p class="bti-deadline"><strong>{ s.deadline }{ ": " }</strong>{ d.get(code) }</p>
            }
            <section class="bti-step__part"><h3>{ s.what }</h3><Rich text={st.what.clone()} lang={code} /></section>
            <section class="bti-step__part"><h3>{ s.how }</h3><Rich text={st.how.clone()} lang={code} /></section>
            <section class="bti-step__part"><h3>{ s.who }</h3><Rich text={st.who.clone()} lang={code} /></section>
            if !notes.is_empty() {
                <section class="bti-step__part">
                    <h3>{ match ctx.service() { Some(sv) => fill(s.showing_for, &[sv.name.get(code)]), None => s.service_notes.to_string() } }</h3>
                    { for notes.iter().map(|(sv, n)| html! {
                        <div class="bti-note">
                            <h4>{ ctx.link(Page::Services(Some(sv.id.clone())), sv.name.get(code).to_string()) }</h4>
                            <Rich text={n.text.clone()} lang={code} />
                            if !n.contacts.is_empty() {
                                <ul class="bti-contacts bti-contacts--compact">
                                    { for n.contacts.iter().filter_map(|id| c.contacts.iter().find(|x| &x.id == id)).map(|x| html! {
                                        <ContactCard contact={x.clone()} lang={ctx.lang} {example} level={5} />
                                    }) }
                                </ul>
                            }
                        </div>
                    }) }
                </section>
            }
            if !tools.is_empty() {
                <section class="bti-step__part">
                    <h3>{ s.tools }</h3>
                    <ul class="bti-refs">{ for tools.iter().map(|t| html! {
                        <li>
                            { ctx.link(Page::Tools(Some(t.id.clone())), t.title.get(code).to_string()) }
                            if let Some(doc) = t.document.as_ref().and_then(|d| crate::model::links::safe_href(&d.href).map(|h| (h.to_string(), d))) {
                                { " – " }<a class="bti-link" href={doc.0}>{ doc.1.label.get(code) }</a>
                            }
                        </li>
                    }) }</ul>
                </section>
            }
            if !laws.is_empty() {
                <section class="bti-step__part">
                    <h3>{ s.laws }</h3>
                    <ul class="bti-refs">{ for laws.iter().map(|l| html! {
                        <li>{ ctx.link(Page::Laws(Some(l.id.clone())), law_name(l, code)) }{ ": " }{ l.title.get(code) }</li>
                    }) }</ul>
                </section>
            }
            if !roles.is_empty() {
                <section class="bti-step__part">
                    <h3>{ s.roles }</h3>
                    <ul class="bti-refs">{ for roles.iter().map(|r| html! {
                        <li>{ ctx.link(Page::Roles(Some(r.id.clone())), r.title.get(code).to_string()) }</li>
                    }) }</ul>
                </section>
            }
            if !st.decisions.is_empty() {
                <section class="bti-step__part">
                    <h3>{ s.decisions }</h3>
                    <ul class="bti-refs">{ for st.decisions.iter().map(|d| {
                        let target = d.to_level.as_ref().and_then(|id| c.levels.iter().find(|l| &l.id == id));
                        html! {
                            <li>{ d.label.get(code) }{ " → " }{ match target {
                                Some(l) => ctx.link(Page::Level(l.id.clone()), crate::handbook::level_heading(&fill(s.level, &[&l.number.to_string()]), l.title.get(code))),
                                None => html! { s.close_case },
                            } }</li>
                        }
                    }) }</ul>
                </section>
            }
            <nav class="bti-pager" aria-label={s.steps}>
                if let Some(p) = prev { <span class="bti-pager__prev">{ ctx.link(Page::Step(p.id.clone()), format!("{back} {}: {}", s.prev_step, p.title.get(code))) }</span> }
                if let Some(n) = next { <span class="bti-pager__next">{ ctx.link(Page::Step(n.id.clone()), format!("{}: {} {forward}", s.next_step, n.title.get(code))) }</span> }
            </nav>
            <StepActions />
        </article>
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
