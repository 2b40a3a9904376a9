//! Index and detail pages for tools, laws, sources, roles and arenas, services, and the
//! kommune and etat levels, each linking back to the steps that use them.

use yew::prelude::*;

use super::page::{ItemProps, Screen};
use super::steps::law_name;
use crate::components::common::contact::ContactCard;
use crate::components::common::rich::Rich;
use crate::handbook::route::Page;
use crate::handbook::{steps_using, Ref};
use crate::i18n::{fill, lang_name, Lang, Strings};
use crate::model::{Content, Href, Id, Link, Page as ContentPage, RoleKind, SourceKind, Text};

/// One entry in an index: id, title, and an optional one-line description.
struct Entry {
    id: Id,
    title: String,
    hint: Option<String>,
}

fn index(ctx: &Screen, title: &str, make: fn(Option<Id>) -> Page, entries: Vec<Entry>) -> Html {
    html! {
        <>
            { ctx.title(title.to_string()) }
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

fn used_in(ctx: &Screen, r: Ref<'_>) -> Html {
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
    ctx: &Screen,
    title: &str,
    list: &[ContentPage],
    id: Option<&str>,
    make: fn(Option<Id>) -> Page,
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
                html! { <>{ ctx.title_in(p.title.get(code).to_string(), p.title.fallback_lang(code)) }{ ctx.valid_from(&p.valid_from) }<Rich text={p.body.clone()} lang={code} /></> }
            }
            None => ctx.title(ctx.lang.strings().not_found),
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct CatalogPageProps {
    pub screen: Screen,
    pub page: Page,
}

/// The index of a catalog, or the page of one of its items.
#[function_component(CatalogPage)]
pub fn catalog_page(props: &CatalogPageProps) -> Html {
    let ctx = &props.screen;
    let s = ctx.lang.strings();
    let code = ctx.code();
    let c = &ctx.loaded.content;
    let item = |id: &Id| ItemProps {
        screen: ctx.clone(),
        id: id.clone(),
    };
    match &props.page {
        Page::Tools(Some(id)) => html! { <ToolPage ..item(id) /> },
        Page::Laws(Some(id)) => html! { <LawPage ..item(id) /> },
        Page::Sources(Some(id)) => html! { <SourcePage ..item(id) /> },
        Page::Roles(Some(id)) => html! { <RolePage ..item(id) /> },
        Page::Services(Some(id)) => html! { <ServicePage ..item(id) /> },
        Page::Kommune(id) => pages(
            ctx,
            s.kommune_level,
            &c.publication.kommune,
            id.as_deref(),
            Page::Kommune,
        ),
        Page::Etat(id) => pages(
            ctx,
            s.etat_level,
            &c.publication.etat,
            id.as_deref(),
            Page::Etat,
        ),
        list => match list_of(list, c, code, s) {
            Some((title, make, entries)) => index(ctx, title, make, entries),
            None => ctx.title(s.not_found),
        },
    }
}

/// A catalog's list page: its title, its kind of page and one entry per item.
type List = (&'static str, fn(Option<Id>) -> Page, Vec<Entry>);

fn list_of(page: &Page, c: &Content, code: &str, s: &'static Strings) -> Option<List> {
    fn each<T>(items: &[T], entry: impl Fn(&T) -> Entry) -> Vec<Entry> {
        items.iter().map(entry).collect()
    }
    Some(match page {
        Page::Tools(None) => (
            s.tools,
            Page::Tools,
            each(&c.tools, |t| Entry {
                id: t.id.clone(),
                title: t.title.get(code).into(),
                hint: first_line(&t.description, code),
            }),
        ),
        Page::Laws(None) => (
            s.laws,
            Page::Laws,
            each(&c.laws, |l| Entry {
                id: l.id.clone(),
                title: law_name(l, code),
                hint: Some(l.title.get(code).into()),
            }),
        ),
        Page::Sources(None) => (
            s.sources,
            Page::Sources,
            each(&c.sources, |x| Entry {
                id: x.id.clone(),
                title: x.title.get(code).into(),
                hint: Some(source_kind(x.kind, s).into()),
            }),
        ),
        Page::Roles(None) => (
            s.roles,
            Page::Roles,
            each(&c.roles, |r| Entry {
                id: r.id.clone(),
                title: r.title.get(code).into(),
                hint: Some(kind(r.kind, s).into()),
            }),
        ),
        Page::Services(None) => (
            s.services,
            Page::Services,
            each(&c.services, |sv| Entry {
                id: sv.id.clone(),
                title: sv.name.get(code).into(),
                hint: first_line(&sv.description, code),
            }),
        ),
        _ => return None,
    })
}

/// A link out of the content (a document, Lovdata), checked when the content loaded.
fn out_link(href: &Href, class: &'static str, label: impl Into<Html>) -> Html {
    html! { <p><a {class} href={href.as_str().to_owned()}>{ label.into() }</a></p> }
}

/// A document's label; one in another language says which in words:
/// "Samtykkeskjema (engelsk)".
pub fn doc_label(d: &Link, lang: Lang) -> String {
    let label = d.label.get(lang.code());
    match d.lang.as_deref().filter(|l| !l.is_empty()) {
        Some(l) => format!(
            "{label} ({})",
            lang_name(lang.strings().lang_names, l).unwrap_or(l)
        ),
        None => label.to_string(),
    }
}

/// A document link, with `hreflang` when the document is in another language.
fn doc_link(d: &Link, lang: Lang) -> Html {
    html! {
        <a class="bti-link" href={d.href.as_str().to_owned()} hreflang={d.lang.clone()} lang={d.label.fallback_lang(lang.code())}>{ doc_label(d, lang) }</a>
    }
}

#[function_component(ToolPage)]
fn tool_page(props: &ItemProps) -> Html {
    let ctx = &props.screen;
    let (s, code) = (ctx.lang.strings(), ctx.code());
    let Some(t) = ctx
        .loaded
        .content
        .tools
        .iter()
        .find(|t| t.id == props.id.as_str())
    else {
        return ctx.title(s.not_found);
    };
    let document = t.document.as_ref().map(|d| {
        out_link(
            &d.href,
            "bti-button",
            format!("{}: {}", s.open_document, d.label.get(code)),
        )
    });
    html! {
        <>
            { ctx.title_in(t.title.get(code).to_string(), t.title.fallback_lang(code)) }
            { ctx.valid_from(&t.valid_from) }
            <Rich text={t.description.clone()} lang={code} />
            { document }
            if !t.documents.is_empty() {
                <h3>{ s.documents }</h3>
                <ul class="bti-refs">{ for t.documents.iter().map(|d| html! { <li>{ doc_link(d, ctx.lang) }</li> }) }</ul>
            }
            { used_in(ctx, Ref::Tool(&t.id)) }
        </>
    }
}

#[function_component(LawPage)]
fn law_page(props: &ItemProps) -> Html {
    let ctx = &props.screen;
    let (s, code) = (ctx.lang.strings(), ctx.code());
    let Some(l) = ctx
        .loaded
        .content
        .laws
        .iter()
        .find(|l| l.id == props.id.as_str())
    else {
        return ctx.title(s.not_found);
    };
    html! {
        <>
            { ctx.title(format!("{}: {}", law_name(l, code), l.title.get(code))) }
            { ctx.valid_from(&l.valid_from) }
            <Rich text={l.summary.clone()} lang={code} />
            <p class="bti-law__checked">{ match &l.last_checked {
                Some(d) => fill(s.last_checked, &[d]),
                None => s.not_checked.to_string(),
            } }</p>
            { l.url.as_ref().map(|u| out_link(u, "bti-link", s.lovdata)) }
            { used_in(ctx, Ref::Law(&l.id)) }
        </>
    }
}

#[function_component(SourcePage)]
fn source_page(props: &ItemProps) -> Html {
    let ctx = &props.screen;
    let (s, code) = (ctx.lang.strings(), ctx.code());
    let Some(x) = ctx
        .loaded
        .content
        .sources
        .iter()
        .find(|x| x.id == props.id.as_str())
    else {
        return ctx.title(s.not_found);
    };
    html! {
        <>
            <p class="bti-where">{ source_kind(x.kind, s) }</p>
            { ctx.title_in(x.title.get(code).to_string(), x.title.fallback_lang(code)) }
            { ctx.valid_from(&x.valid_from) }
            if let Some(p) = &x.publisher {
                <p class="bti-source__publisher" lang={p.fallback_lang(code)}>{ fill(s.published_by, &[p.get(code)]) }</p>
            }
            if let Some(summary) = &x.summary {
                <Rich text={summary.clone()} lang={code} />
            }
            if let Some(d) = &x.last_checked {
                <p class="bti-law__checked">{ fill(s.last_checked, &[d]) }</p>
            }
            { x.url.as_ref().map(|u| out_link(u, "bti-link", s.read_source)) }
            { used_in(ctx, Ref::Source(&x.id)) }
        </>
    }
}

/// "Veileder", "Rapport", "Annen kilde".
pub fn source_kind(k: SourceKind, s: &crate::i18n::Strings) -> &'static str {
    match k {
        SourceKind::Veileder => s.kind_veileder,
        SourceKind::Rapport => s.kind_rapport,
        SourceKind::Annet => s.kind_source,
    }
}

#[function_component(RolePage)]
fn role_page(props: &ItemProps) -> Html {
    let ctx = &props.screen;
    let (s, code) = (ctx.lang.strings(), ctx.code());
    let Some(r) = ctx
        .loaded
        .content
        .roles
        .iter()
        .find(|r| r.id == props.id.as_str())
    else {
        return ctx.title(s.not_found);
    };
    html! {
        <>
            <p class="bti-where">{ kind(r.kind, s) }</p>
            { ctx.title_in(r.title.get(code).to_string(), r.title.fallback_lang(code)) }
            { ctx.valid_from(&r.valid_from) }
            <Rich text={r.description.clone()} lang={code} />
            { r.link.as_ref().map(|d| out_link(&d.href, "bti-link", d.label.get(code).to_string())) }
            { used_in(ctx, Ref::Role(&r.id)) }
        </>
    }
}

#[function_component(ServicePage)]
fn service_page(props: &ItemProps) -> Html {
    let ctx = &props.screen;
    let (s, code, c) = (ctx.lang.strings(), ctx.code(), &ctx.loaded.content);
    let Some(sv) = c.services.iter().find(|sv| sv.id == props.id.as_str()) else {
        return ctx.title(s.not_found);
    };
    let mut filter = ctx.links.to(Page::Front);
    filter.service = Some(sv.id.clone());
    html! {
        <>
            { ctx.title_in(sv.name.get(code).to_string(), sv.name.fallback_lang(code)) }
            { ctx.valid_from(&sv.valid_from) }
            <Rich text={sv.description.clone()} lang={code} />
            // A static export has no filtered copies of the handbook.
            if !ctx.links.static_pages() {
                <p><super::RouteLink nav={ctx.links.nav.clone()} to={filter}>{ fill(s.showing_for, &[sv.name.get(code)]) }</super::RouteLink></p>
            }
            if let Some(r) = &sv.routines {
                <h3>{ s.routines }</h3>
                <Rich text={r.clone()} lang={code} />
            }
            if !sv.contacts.is_empty() {
                <h3>{ s.contacts_title }</h3>
                <ul class="bti-contacts">{ for sv.contacts.iter().filter_map(|id| c.contacts.iter().find(|x| &x.id == id)).map(|x| html! {
                    <ContactCard contact={x.clone()} lang={ctx.lang} example={c.meta.example} level={4} staff=true />
                }) }</ul>
            }
            { used_in(ctx, Ref::Service(&sv.id)) }
        </>
    }
}

fn kind(k: RoleKind, s: &crate::i18n::Strings) -> &'static str {
    match k {
        RoleKind::Role => s.kind_role,
        RoleKind::Arena => s.kind_arena,
        RoleKind::System => s.kind_system,
    }
}
