//! Index and detail pages for tools, laws, roles and arenas, services, and the
//! kommune and etat levels, each linking back to the steps that use them.

use yew::prelude::*;

use super::page::{use_hb, HbCtx, PageTitle};
use super::steps::law_name;
use crate::components::common::contact::ContactCard;
use crate::components::common::rich::Rich;
use crate::handbook::route::Page;
use crate::handbook::{steps_using, Ref};
use crate::i18n::fill;
use crate::model::{Page as ContentPage, RoleKind, Text};

/// One entry in an index: id, title, and an optional one-line description.
struct Entry {
    id: String,
    title: String,
    hint: Option<String>,
}

fn index(ctx: &HbCtx, title: &str, make: fn(Option<String>) -> Page, entries: Vec<Entry>) -> Html {
    html! {
        <>
            <PageTitle text={title.to_string()} />
            <ul class="bti-catalog">
                { for entries.into_iter().map(|e| html! {
                    <li class="bti-catalog__item">
                        { ctx.link(make(Some(e.id)), e.title) }
                        if let Some(h) = e.hint { <span class="bti-catalog__hint">{ h }</span> }
                    </li>
                }) }
            </ul>
        </>
    }
}

fn used_in(ctx: &HbCtx, r: Ref<'_>) -> Html {
    let s = ctx.lang.strings();
    let code = ctx.code();
    let steps = steps_using(&ctx.loaded.content, r);
    if steps.is_empty() {
        return html! {};
    }
    html! {
        <section class="bti-used">
            <h3>{ s.used_in }</h3>
            <ul class="bti-refs">{ for steps.into_iter().map(|(l, st)| html! {
                <li>{ ctx.link(Page::Step(st.id.clone()), format!("{} › {}", fill(s.level, &[&l.number.to_string()]), st.title.get(code))) }</li>
            }) }</ul>
        </section>
    }
}

fn first_line(t: &Text, code: &str) -> Option<String> {
    let plain = crate::model::rich::plain(t.get(code));
    let line = plain
        .split(['.', '\n'])
        .next()
        .unwrap_or("")
        .trim()
        .to_string();
    (!line.is_empty()).then_some(line)
}

fn pages(
    ctx: &HbCtx,
    title: &str,
    list: &[ContentPage],
    id: Option<&str>,
    make: fn(Option<String>) -> Page,
) -> Html {
    let code = ctx.code();
    match id {
        None => index(
            ctx,
            title,
            make,
            list.iter()
                .map(|p| Entry {
                    id: p.id.clone(),
                    title: p.title.get(code).into(),
                    hint: None,
                })
                .collect(),
        ),
        Some(id) => match list.iter().find(|p| p.id == id) {
            Some(p) => {
                html! { <><PageTitle text={p.title.get(code).to_string()} lang={p.title.fallback_lang(code)} /><Rich text={p.body.clone()} lang={code} /></> }
            }
            None => html! { <PageTitle text={ctx.lang.strings().not_found} /> },
        },
    }
}

#[function_component(CatalogPage)]
pub fn catalog_page() -> Html {
    let ctx = use_hb();
    let s = ctx.lang.strings();
    let code = ctx.code();
    let c = &ctx.loaded.content;
    let missing = html! { <PageTitle text={s.not_found} /> };
    match &ctx.route.page {
        Page::Tools(None) => index(
            &ctx,
            s.tools,
            Page::Tools,
            c.tools
                .iter()
                .map(|t| Entry {
                    id: t.id.clone(),
                    title: t.title.get(code).into(),
                    hint: first_line(&t.description, code),
                })
                .collect(),
        ),
        Page::Tools(Some(id)) => match c.tools.iter().find(|t| &t.id == id) {
            Some(t) => html! {
                <>
                    <PageTitle text={t.title.get(code).to_string()} lang={t.title.fallback_lang(code)} />
                    <Rich text={t.description.clone()} lang={code} />
                    if let Some((href, label)) = t.document.as_ref().and_then(|d| crate::model::links::safe_href(&d.href).map(|h| (h.to_string(), d.label.get(code).to_string()))) {
                        <p><a class="bti-button" href={href}>{ s.open_document }{ ": " }{ label }</a></p>
                    }
                    { used_in(&ctx, Ref::Tool(id)) }
                </>
            },
            None => missing,
        },
        Page::Laws(None) => index(
            &ctx,
            s.laws,
            Page::Laws,
            c.laws
                .iter()
                .map(|l| Entry {
                    id: l.id.clone(),
                    title: law_name(l, code),
                    hint: Some(l.title.get(code).into()),
                })
                .collect(),
        ),
        Page::Laws(Some(id)) => match c.laws.iter().find(|l| &l.id == id) {
            Some(l) => html! {
                <>
                    <PageTitle text={format!("{}: {}", law_name(l, code), l.title.get(code))} />
                    <Rich text={l.summary.clone()} lang={code} />
                    <p class="bti-law__checked">{ match &l.last_checked {
                        Some(d) => fill(s.last_checked, &[d]),
                        None => s.not_checked.to_string(),
                    } }</p>
                    if let Some(href) = crate::model::links::safe_href(&l.url).filter(|h| !h.is_empty()) {
                        <p><a class="bti-link" href={href.to_string()}>{ s.lovdata }</a></p>
                    }
                    { used_in(&ctx, Ref::Law(id)) }
                </>
            },
            None => missing,
        },
        Page::Roles(None) => index(
            &ctx,
            s.roles,
            Page::Roles,
            c.roles
                .iter()
                .map(|r| Entry {
                    id: r.id.clone(),
                    title: r.title.get(code).into(),
                    hint: Some(kind(r.kind, s).into()),
                })
                .collect(),
        ),
        Page::Roles(Some(id)) => match c.roles.iter().find(|r| &r.id == id) {
            Some(r) => html! {
                <>
                    <p class="bti-where">{ kind(r.kind, s) }</p>
                    <PageTitle text={r.title.get(code).to_string()} lang={r.title.fallback_lang(code)} />
                    <Rich text={r.description.clone()} lang={code} />
                    if let Some((href, label)) = r.link.as_ref().and_then(|d| crate::model::links::safe_href(&d.href).map(|h| (h.to_string(), d.label.get(code).to_string()))) {
                        <p><a class="bti-link" href={href}>{ label }</a></p>
                    }
                    { used_in(&ctx, Ref::Role(id)) }
                </>
            },
            None => missing,
        },
        Page::Services(None) => index(
            &ctx,
            s.services,
            Page::Services,
            c.services
                .iter()
                .map(|sv| Entry {
                    id: sv.id.clone(),
                    title: sv.name.get(code).into(),
                    hint: first_line(&sv.description, code),
                })
                .collect(),
        ),
        Page::Services(Some(id)) => match c.services.iter().find(|sv| &sv.id == id) {
            Some(sv) => {
                let mut filter = ctx.to(Page::Front);
                filter.service = Some(sv.id.clone());
                html! {
                    <>
                        <PageTitle text={sv.name.get(code).to_string()} lang={sv.name.fallback_lang(code)} />
                        <Rich text={sv.description.clone()} lang={code} />
                        <p><super::RouteLink nav={ctx.nav.clone()} to={filter}>{ fill(s.showing_for, &[sv.name.get(code)]) }</super::RouteLink></p>
                        if let Some(r) = &sv.routines {
                            <h3>{ s.routines }</h3>
                            <Rich text={r.clone()} lang={code} />
                        }
                        if !sv.contacts.is_empty() {
                            <h3>{ s.contacts_title }</h3>
                            <ul class="bti-contacts">{ for sv.contacts.iter().filter_map(|id| c.contacts.iter().find(|x| &x.id == id)).map(|x| html! {
                                <ContactCard contact={x.clone()} lang={ctx.lang} example={c.meta.example} level={4} />
                            }) }</ul>
                        }
                        { used_in(&ctx, Ref::Service(id)) }
                    </>
                }
            }
            None => missing,
        },
        Page::Kommune(id) => pages(
            &ctx,
            s.kommune_level,
            &c.publication.kommune,
            id.as_deref(),
            Page::Kommune,
        ),
        Page::Etat(id) => pages(
            &ctx,
            s.etat_level,
            &c.publication.etat,
            id.as_deref(),
            Page::Etat,
        ),
        _ => missing,
    }
}

fn kind(k: RoleKind, s: &crate::i18n::Strings) -> &'static str {
    match k {
        RoleKind::Role => s.kind_role,
        RoleKind::Arena => s.kind_arena,
        RoleKind::System => s.kind_system,
    }
}
