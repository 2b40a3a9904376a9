//! The whole handbook as one document (the "BTI-perm"), for the print view.
//! Pages break between steps; link targets are printed by print.css.

use std::rc::Rc;

use yew::prelude::*;

use super::catalog::doc_label;
use super::steps::law_name;
use crate::components::common::rich::Rich;
use crate::i18n::{fill, Lang};
use crate::load::Loaded;
use crate::model::Id;

#[derive(Properties, PartialEq)]
pub struct PrintAllProps {
    pub loaded: Rc<Loaded>,
    pub lang: Lang,
}

#[function_component(PrintAll)]
pub fn print_all(props: &PrintAllProps) -> Html {
    let s = props.lang.strings();
    let code = props.lang.code();
    let c = &props.loaded.content;
    let name = |id: &Id, list: &[(Id, String)]| {
        list.iter()
            .find(|(i, _)| i == id)
            .map(|(_, t)| t.clone())
            .unwrap_or_default()
    };
    let tool_names: Vec<(Id, String)> = c
        .tools
        .iter()
        .map(|t| (t.id.clone(), t.title.get(code).to_string()))
        .collect();
    let law_names: Vec<(Id, String)> = c
        .laws
        .iter()
        .map(|l| (l.id.clone(), law_name(l, code)))
        .collect();
    let source_names: Vec<(Id, String)> = c
        .sources
        .iter()
        .map(|x| (x.id.clone(), x.title.get(code).to_string()))
        .collect();
    let role_names: Vec<(Id, String)> = c
        .roles
        .iter()
        .map(|r| (r.id.clone(), r.title.get(code).to_string()))
        .collect();
    let service_names: Vec<(Id, String)> = c
        .services
        .iter()
        .map(|x| (x.id.clone(), x.name.get(code).to_string()))
        .collect();
    let list = |ids: &[Id], names: &[(Id, String)]| {
        ids.iter()
            .map(|i| name(i, names))
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    };
    html! {
        <div class="bti-print">
            <h2>{ format!("{} – {}", s.handbook_title, c.meta.kommune.get(code)) }</h2>
            <p>{ format!("{} {} · {}", c.meta.version, c.meta.updated, c.meta.editor.get(code)) }</p>
            <p class="bti-principle">{ s.principle }</p>
            { for c.levels.iter().map(|l| html! {
                <section class="bti-print__section">
                    <h2>{ crate::handbook::level_heading(&fill(s.level, &[&l.number.to_string()]), l.title.get(code)) }</h2>
                    <h3>{ s.purpose }</h3><Rich text={l.purpose.clone()} lang={code} />
                    <h3>{ s.applies_when }</h3><Rich text={l.applies_when.clone()} lang={code} />
                    <h3>{ s.lead }</h3><Rich text={l.lead.clone()} lang={code} />
                    { for l.steps.iter().enumerate().map(|(i, st)| html! {
                        <article class="bti-step">
                            <p class="bti-where">{ format!("{} · {}", fill(s.level, &[&l.number.to_string()]), fill(s.step, &[&(i + 1).to_string(), &l.steps.len().to_string()])) }</p>
                            <h3>{ st.title.get(code) }</h3>
                            if let Some(d) = &st.deadline { <p><strong>{ s.deadline }{ ": " }</strong>{ d.get(code) }</p> }
                            <h4>{ s.what }</h4><Rich text={st.what.clone()} lang={code} />
                            <h4>{ s.how }</h4><Rich text={st.how.clone()} lang={code} />
                            <h4>{ s.who }</h4><Rich text={st.who.clone()} lang={code} />
                            { for st.service_notes.iter().map(|n| html! {
                                <div class="bti-note"><h5>{ name(&n.service, &service_names) }</h5><Rich text={n.text.clone()} lang={code} /></div>
                            }) }
                            if !st.tools.is_empty() { <p><strong>{ s.tools }{ ": " }</strong>{ list(&st.tools, &tool_names) }</p> }
                            if !st.laws.is_empty() { <p><strong>{ s.laws }{ ": " }</strong>{ list(&st.laws, &law_names) }</p> }
                            if !st.sources.is_empty() { <p><strong>{ s.sources }{ ": " }</strong>{ list(&st.sources, &source_names) }</p> }
                            if !st.roles.is_empty() { <p><strong>{ s.roles }{ ": " }</strong>{ list(&st.roles, &role_names) }</p> }
                        </article>
                    }) }
                </section>
            }) }
            <section class="bti-print__section">
                <h2>{ s.tools }</h2>
                { for c.tools.iter().map(|t| html! { <><h3>{ t.title.get(code) }</h3><Rich text={t.description.clone()} lang={code} />
                    if let Some(d) = &t.document { <p>{ d.label.get(code) }{ ": " }{ d.href.as_str().to_owned() }</p> }
                    { for t.documents.iter().map(|d| html! { <p>{ doc_label(d, props.lang) }{ ": " }{ d.href.as_str().to_owned() }</p> }) }</> }) }
            </section>
            <section class="bti-print__section">
                <h2>{ s.laws }</h2>
                { for c.laws.iter().map(|l| html! { <><h3>{ format!("{}: {}", law_name(l, code), l.title.get(code)) }</h3><Rich text={l.summary.clone()} lang={code} />
                    <p>{ l.url.as_deref().unwrap_or_default().to_owned() }{ " · " }{ match &l.last_checked { Some(d) => fill(s.last_checked, &[d]), None => s.not_checked.to_string() } }</p></> }) }
            </section>
            if !c.sources.is_empty() {
                <section class="bti-print__section">
                    <h2>{ s.sources }</h2>
                    { for c.sources.iter().map(|x| html! { <><h3>{ x.title.get(code) }</h3>
                        if let Some(p) = &x.publisher { <p>{ fill(s.published_by, &[p.get(code)]) }</p> }
                        if let Some(summary) = &x.summary { <Rich text={summary.clone()} lang={code} /> }
                        <p>{ x.url.as_deref().unwrap_or_default().to_owned() }
                            if let Some(d) = &x.last_checked { { " · " }{ fill(s.last_checked, &[d]) } }</p></> }) }
                </section>
            }
            <section class="bti-print__section">
                <h2>{ s.roles }</h2>
                { for c.roles.iter().map(|r| html! { <><h3>{ r.title.get(code) }</h3><Rich text={r.description.clone()} lang={code} /></> }) }
            </section>
            <section class="bti-print__section">
                <h2>{ s.services }</h2>
                { for c.services.iter().map(|x| html! { <><h3>{ x.name.get(code) }</h3><Rich text={x.description.clone()} lang={code} />
                    if let Some(r) = &x.routines { <h4>{ s.routines }</h4><Rich text={r.clone()} lang={code} /> }</> }) }
            </section>
            <section class="bti-print__section">
                <h2>{ s.kommune_level }</h2>
                { for c.publication.kommune.iter().map(|p| html! { <><h3>{ p.title.get(code) }</h3><Rich text={p.body.clone()} lang={code} /></> }) }
                <h2>{ s.etat_level }</h2>
                { for c.publication.etat.iter().map(|p| html! { <><h3>{ p.title.get(code) }</h3><Rich text={p.body.clone()} lang={code} /></> }) }
            </section>
        </div>
    }
}
