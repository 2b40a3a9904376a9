//! The JSON Schemas editors use for completion and checking, generated from the
//! types (never written by hand). Native only: the wasm does not carry schemars.

use serde_json::Value;

use super::merge::section_keys;
use super::types::{Content, Section};

/// The schema of a whole content file (or an index file), as committed in `content/schema.json`.
pub fn content_schema() -> String {
    to_text(content_value())
}

/// The schema of a part file, as committed in `content/part-schema.json`: only the
/// sections' keys at the top, and nothing required anywhere, because a translation
/// overlay holds only the texts of one language.
pub fn part_schema() -> String {
    let mut schema = content_value();
    drop_required(&mut schema);
    if let Some(obj) = schema.as_object_mut() {
        obj.insert("title".into(), "BTI-delfil".into());
        obj.insert(
            "description".into(),
            "En delfil i en delt publisering: en del (veileder eller håndbok) i sin helhet, eller en oversettelse med tekstene på ett språk.".into(),
        );
        if let Some(Value::Object(props)) = obj.get_mut("properties") {
            let keep: Vec<&str> = [Section::Guide, Section::Handbook]
                .iter()
                .flat_map(|s| section_keys(*s).iter().copied())
                .chain(["$schema"])
                .collect();
            props.retain(|k, _| keep.contains(&k.as_str()));
        }
    }
    to_text(schema)
}

/// The schema of a kommune's overlay of the template, as committed in
/// `content/overlay-schema.json`: every field optional except `id`, plus
/// `extends`, `template_version`, and `based_on` and `remove` on every item.
pub fn overlay_schema() -> String {
    let mut schema = content_value();
    drop_required(&mut schema);
    mark_items(&mut schema);
    if let Some(obj) = schema.as_object_mut() {
        obj.insert("title".into(), "BTI-tilpasning av malen".into());
        obj.insert(
            "description".into(),
            "En kommunes endringer av den nasjonale malen, element for element (etter id): legg til, bytt ut felt, eller fjern med \"remove\": true.".into(),
        );
        if let Some(Value::Object(props)) = obj.get_mut("properties") {
            props.insert(
                "extends".into(),
                serde_json::json!({
                    "description": "Stien til malens indeksfil, relativ til denne filen, f.eks. \"../mal/bti-mal.json\".",
                    "type": "string",
                    "minLength": 1
                }),
            );
            props.insert(
                "template_version".into(),
                serde_json::json!({
                    "description": "Malversjonen (malens meta.version) tilpasningen er skrevet mot.",
                    "type": "string"
                }),
            );
        }
    }
    to_text(schema)
}

/// Adds `based_on` and `remove` to every object schema with an `id`, and requires the id.
fn mark_items(v: &mut Value) {
    match v {
        Value::Object(map) => {
            let has_id = map
                .get("properties")
                .and_then(Value::as_object)
                .is_some_and(|p| p.contains_key("id"));
            if has_id {
                map.insert("required".into(), serde_json::json!(["id"]));
                if let Some(Value::Object(props)) = map.get_mut("properties") {
                    props.insert(
                        "based_on".into(),
                        serde_json::json!({
                            "description": "Malelementet denne tilpasningen bygger på: de 8 første heks-sifrene av SHA-256. Fylles inn av bti-check --stamp.",
                            "type": "string",
                            "pattern": "^[0-9a-f]{8}$"
                        }),
                    );
                    props.insert(
                        "remove".into(),
                        serde_json::json!({
                            "description": "true fjerner malelementet med denne id-en.",
                            "type": "boolean"
                        }),
                    );
                }
            }
            map.values_mut().for_each(mark_items);
        }
        Value::Array(items) => items.iter_mut().for_each(mark_items),
        _ => {}
    }
}

fn content_value() -> Value {
    let mut schema = serde_json::to_value(schemars::schema_for!(Content)).unwrap_or(Value::Null);
    tighten(&mut schema);
    norwegian(&mut schema);
    schema
}

/// Ids: what `check` accepts (a–z, 0–9, - and _).
pub const ID: &str = "^[a-z0-9_-]+$";
/// `YYYY-MM-DD` from 1900 (that the day exists in its month is checked by bti-check only).
pub const DATE: &str = "^(19|[2-9][0-9])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
/// [`links::tel_href`](super::links::tel_href): spaces anywhere, optional +47 before 8 digits.
const PHONE_BODY: &str = "(?:(?:\\+[ \\u00a0]*4[ \\u00a0]*7[ \\u00a0]*)?[2-9](?:[ \\u00a0]*[0-9]){7}|1[ \\u00a0]*1[ \\u00a0]*[023]|1(?:[ \\u00a0]*[0-9]){3}|0(?:[ \\u00a0]*[0-9]){4}|1[ \\u00a0]*1[ \\u00a0]*6(?:[ \\u00a0]*[0-9]){3})";
/// Characters no link may hold anywhere (see [`links::safe_href`](super::links::safe_href)).
const LINK_GUARD: &str =
    "^(?!.*[\\s\\u0000-\\u001f\\u007f\\\\\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\ufeff])";
const HTTPS: &str = "[hH][tT][tT][pP][sS]://[^/]";
const HTTP: &str = "[hH][tT][tT][pP]://[^/]";
/// An e-mail address as [`links::is_email`](super::links::is_email) takes it.
const EMAIL: &str = "^[^@\\s\\u0000-\\u001f\\u007f<>\"(),;:\\\\\\[\\]]+@[^@.\\s\\u0000-\\u001f\\u007f<>\"(),;:\\\\\\[\\]][^@\\s\\u0000-\\u001f\\u007f<>\"(),;:\\\\\\[\\]]*\\.[^@\\s\\u0000-\\u001f\\u007f<>\"(),;:\\\\\\[\\]]*[^@.\\s\\u0000-\\u001f\\u007f<>\"(),;:\\\\\\[\\]]$";
/// Longest short text (titles, names), answer label and rich text, as `check` has them.
use super::check::{ANSWER_MAX, RICH_MAX, SHORT_MAX};

fn phone() -> String {
    format!("^[ \\u00a0]*{PHONE_BODY}[ \\u00a0]*$")
}

/// Any link `safe_href` lets through: https:, http:, tel:, mailto: or relative.
fn safe_link() -> String {
    format!("{LINK_GUARD}(?:{HTTPS}|{HTTP}|[tT][eE][lL]:[ \\u00a0]*{PHONE_BODY}[ \\u00a0]*$|[mM][aA][iI][lL][tT][oO]:[^@]*@|(?![^:/?#]*:)(?!//).)")
}

/// Makes the generated schema say what the checker says wherever a schema can:
/// closed objects (guide nodes too), texts with non-empty bokmål and length
/// limits, patterns for ids, references, dates, phone numbers, e-mail addresses
/// and links, ranges and minimum list lengths. `format`s go (validators ignore them).
fn tighten(schema: &mut Value) {
    drop_formats(schema);
    let text = |max: usize, what: &str| {
        serde_json::json!({
            "description": format!("{what} Enten en tekst på bokmål, eller ett felt per språkkode der «nb» (bokmål) må være med, f.eks. {{\"nb\": \"…\", \"en\": \"…\"}}. Høyst {max} tegn per språk."),
            "anyOf": [
                {"type": "string", "minLength": 1, "maxLength": max},
                {
                    "type": "object",
                    "required": ["nb"],
                    "properties": {"nb": {"description": "Teksten på bokmål. Den må være med, og brukes når et språk mangler.", "type": "string", "minLength": 1, "maxLength": max}},
                    "additionalProperties": {"type": "string", "maxLength": max}
                }
            ]
        })
    };
    let Some(defs) = schema.get_mut("definitions").and_then(Value::as_object_mut) else {
        return;
    };
    defs.remove("Text");
    defs.insert(
        "ShortText".into(),
        text(SHORT_MAX, "En kort tekst (tittel, navn)."),
    );
    defs.insert(
        "AnswerText".into(),
        text(ANSWER_MAX, "Et svaralternativ i veilederen."),
    );
    defs.insert(
        "RichText".into(),
        text(
            RICH_MAX,
            "En rik tekst: avsnitt, lister, uthevinger og lenker.",
        ),
    );
    if let Some(Value::Array(variants)) = defs
        .get_mut("Node")
        .and_then(|n| n.as_object_mut())
        .and_then(|n| n.remove("oneOf"))
    {
        let mut variants = variants;
        for v in &mut variants {
            if let Some(obj) = v.as_object_mut() {
                obj.insert("additionalProperties".into(), false.into());
            }
        }
        if let Some(node) = defs.get_mut("Node").and_then(Value::as_object_mut) {
            // anyOf, not oneOf: a translation's node has no "type" and fits both.
            node.insert("anyOf".into(), Value::Array(variants));
        }
    }
    for (name, def) in defs.iter_mut() {
        if name == "Node" {
            if let Some(Value::Array(variants)) = def.get_mut("anyOf") {
                for v in variants {
                    let kind = if v.pointer("/properties/answers").is_some() {
                        "Question"
                    } else {
                        "ResultNode"
                    };
                    fields(kind, v);
                }
            }
        } else {
            fields(name, def);
        }
    }
    fields("Content", schema);
}

fn drop_formats(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if map.get("format").is_some_and(Value::is_string) {
                map.remove("format");
            }
            map.values_mut().for_each(drop_formats);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_formats),
        _ => {}
    }
}

/// The rules of the fields of one kind of object (`kind` is the Rust type's name).
fn fields(kind: &str, def: &mut Value) {
    let Some(props) = def.get_mut("properties").and_then(Value::as_object_mut) else {
        return;
    };
    for (field, prop) in props.iter_mut() {
        retext(kind, field, prop);
        let set = |prop: &mut Value, key: &str, value: Value| {
            if let Some(obj) = prop.as_object_mut() {
                obj.insert(key.into(), value);
            }
        };
        let items = |prop: &mut Value, key: &str, value: Value| {
            if let Some(obj) = prop.get_mut("items").and_then(Value::as_object_mut) {
                obj.insert(key.into(), value);
            }
        };
        match (kind, field.as_str()) {
            (_, "id") => set(prop, "pattern", ID.into()),
            ("Step", "tools" | "laws" | "roles")
            | ("ServiceNote" | "Service" | "ResultNode", "contacts")
            | ("Guide", "emergency_contacts") => items(prop, "pattern", ID.into()),
            ("ServiceNote", "service")
            | ("Decision", "to_level")
            | ("Guide", "start")
            | ("Answer", "next") => set(prop, "pattern", ID.into()),
            ("Meta", "updated") | ("Law" | "Source", "last_checked") | (_, "valid_from") => {
                set(prop, "pattern", DATE.into())
            }
            ("Step", "sources") => items(prop, "pattern", ID.into()),
            ("Address", "postal_code") => set(prop, "pattern", "^[0-9]{4}$".into()),
            ("Address", "city") => set(prop, "pattern", "\\S".into()),
            ("Opening", "opens" | "closes") => set(
                prop,
                "pattern",
                "^(?:[01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$".into(),
            ),
            ("Opening", "days") => set(prop, "minItems", 1.into()),
            ("Link", "lang") => set(prop, "pattern", "^[a-z]{1,3}$".into()),
            ("Source", "url") => set(
                prop,
                "pattern",
                format!("{LINK_GUARD}(?:{HTTPS}|{HTTP})").into(),
            ),
            ("Meta", "version") => set(prop, "pattern", "\\S".into()),
            ("Meta", "exit_url") => set(prop, "pattern", format!("{LINK_GUARD}{HTTPS}").into()),
            ("LanguageInfo", "lang") => set(prop, "pattern", "^[a-z]{1,3}$".into()),
            ("Contact", "phone") => set(prop, "pattern", phone().into()),
            ("Contact", "email") => set(prop, "pattern", EMAIL.into()),
            ("Contact", "url") | ("Link", "href") => set(prop, "pattern", safe_link().into()),
            ("Law", "url") => set(
                prop,
                "pattern",
                format!("{LINK_GUARD}(?:{HTTPS}|{HTTP})").into(),
            ),
            ("Level", "number") => {
                set(prop, "minimum", 0.into());
                set(prop, "maximum", 3.into());
            }
            ("Content", "format") => set(prop, "enum", serde_json::json!([1])),
            ("Content", "levels") => set(
                prop,
                "anyOf",
                serde_json::json!([{"maxItems": 0}, {"minItems": 4, "maxItems": 4}]),
            ),
            ("Level", "steps") | ("Question", "answers") | ("ResultNode", "topics") => {
                set(prop, "minItems", 1.into())
            }
            _ => {}
        }
        if (kind, field.as_str()) == ("ResultNode", "contacts") {
            set(prop, "minItems", 1.into());
        }
    }
}

/// Points a text field at the short, answer or rich text it is.
fn retext(kind: &str, field: &str, prop: &mut Value) {
    let target = match (kind, field) {
        ("Answer", "label") => "#/definitions/AnswerText",
        (
            _,
            "title" | "name" | "kommune" | "editor" | "hours" | "deadline" | "act" | "term"
            | "label" | "publisher",
        ) => "#/definitions/ShortText",
        _ => "#/definitions/RichText",
    };
    match prop {
        Value::Object(map) => {
            if map.get("$ref").and_then(Value::as_str) == Some("#/definitions/Text") {
                map.insert("$ref".into(), target.into());
            }
            map.values_mut().for_each(|v| retext(kind, field, v));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| retext(kind, field, v)),
        _ => {}
    }
}

fn drop_required(v: &mut Value) {
    match v {
        Value::Object(map) => {
            map.remove("required");
            map.values_mut().for_each(drop_required);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_required),
        _ => {}
    }
}

fn to_text(v: Value) -> String {
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

/// Norwegian descriptions, for the editors who see them in their editor's
/// completion. `(type, field)`; an empty field is the type itself; `*` is any
/// type. The English doc comments on the Rust types are for programmers.
const NORSK: &[(&str, &str, &str)] = &[
    ("Content", "", "Innholdet i BTI-veilederen for én kommune: enten én fil med alt, eller en indeksfil (meta, kontakter, «parts») med delfiler."),
    ("Content", "$schema", "Lenke til JSON Schema, for hjelp i redigeringsprogrammet. Widgeten ser bort fra den."),
    ("Content", "format", "Formatversjonen. Bare 1 finnes."),
    ("Content", "meta", "Opplysninger om innholdet: kommune, versjon, dato, ansvarlig og språk."),
    ("Content", "parts", "Delfilene indeksfilen viser til (delt publisering). Tom for én samlet fil."),
    ("Content", "contacts", "Kontakter (telefon, e-post, nettside) som tjenester, steg og veilederen viser til med id."),
    ("Content", "publication", "Kommunenivået og etatsnivået: sider med verdier, planer, organisering og rutiner."),
    ("Content", "levels", "Grunnmodellen: nivå 0 til 3, i rekkefølge. Enten ingen eller alle fire."),
    ("Content", "services", "Tjenestene i kommunen, med egne rutiner og kontakter."),
    ("Content", "tools", "Verktøy: skjemaer, maler og veiledninger stegene viser til."),
    ("Content", "laws", "Lovhenvisninger stegene viser til."),
    ("Content", "sources", "Andre kilder enn lover: rapporter og nasjonale veiledere."),
    ("Content", "roles", "Roller (stafettholder …), arenaer (drøftingsteam, ansvarsgruppe …) og systemer (stafettlogg)."),
    ("Content", "guide", "Innbyggerveilederen «Bekymret for noen?». Mangler i en ren håndbok."),
    ("Content", "glossary", "Ordlisten: ord og forklaringer."),
    ("Meta", "", "Opplysninger om innholdet."),
    ("Meta", "kommune", "Kommunens navn, f.eks. «Eksempel kommune»."),
    ("Meta", "version", "Innholdets egen versjon, fritt format (f.eks. «2026.2»)."),
    ("Meta", "updated", "Datoen for siste endring, ÅÅÅÅ-MM-DD."),
    ("Meta", "editor", "Hvem som svarer for innholdet: en rolle, aldri et personnavn."),
    ("Meta", "languages", "Språkene innholdet finnes på, hvert med om det er gjennomgått. Standard: bokmål, gjennomgått."),
    ("Meta", "example", "Eksempelinnhold: widgeten viser en merknad, og lokale telefonnumre kan ikke ringes. Standard false."),
    ("Meta", "exit_url", "Hvor hurtigutgangen går (bare https). Standard: widgetens egen nøytrale side."),
    ("LanguageInfo", "", "Et språk innholdet finnes på."),
    ("LanguageInfo", "lang", "Språkkoden: nb, nn, en, ar, so, ti, uk, pl, se …"),
    ("LanguageInfo", "reviewed", "Har en kvalifisert person gått gjennom teksten på dette språket? Standard false."),
    ("Part", "", "En delfil i en delt publisering."),
    ("Part", "src", "Adressen til delfilen, relativ til indeksfilen."),
    ("Part", "section", "Hvilken del filen har: «guide» (veileder og ordliste) eller «handbook» (resten)."),
    ("Part", "lang", "Språket i en oversettelse; mangler for grunnteksten på bokmål."),
    ("Contact", "", "En kontakt: telefon, e-post eller nettside, med navn og hva den er til."),
    ("Contact", "name", "Navnet på tjenesten eller linjen."),
    ("Contact", "phone", "Norsk telefonnummer slik folk skriver det («116 111», «22 40 00 40», «+47 …»)."),
    ("Contact", "email", "E-postadresse, navn@domene.no."),
    ("Contact", "url", "Nettside eller chat (https:, http: eller relativ)."),
    ("Contact", "hours", "Åpningstid i ord, f.eks. «Hele døgnet» eller «Hverdager 08–15:30»."),
    ("Contact", "note", "Hva kontakten er til, og hva det er lurt å vite først (rik tekst)."),
    ("Contact", "scope", "«national»: nummeret kan ringes også i eksempelinnhold; «local»: kan ikke. Standard «local»."),
    ("Contact", "address", "Adresse i deler (besøks- eller postadresse)."),
    ("Contact", "opening_hours", "Åpningstider som data, én linje per gruppe av dager."),
    ("Address", "", "En adresse."),
    ("Address", "street", "Gate og nummer, eller postboks («Postboks 1»)."),
    ("Address", "postal_code", "Postnummer, fire sifre."),
    ("Address", "city", "Poststed."),
    ("Opening", "", "Når kontakten er åpen på noen dager i uken."),
    ("Opening", "days", "Dagene dette gjelder."),
    ("Opening", "opens", "Åpner, TT:MM."),
    ("Opening", "closes", "Stenger, TT:MM, etter åpningstiden (24:00 for midnatt)."),
    ("Page", "", "En side med tittel og rik tekst, på kommunenivået eller etatsnivået."),
    ("Page", "body", "Teksten på siden (rik tekst)."),
    ("Publication", "", "Kommunenivået og etatsnivået."),
    ("Publication", "kommune", "Kommunenivået: verdier, planer og hvordan samarbeidet er organisert."),
    ("Publication", "etat", "Etatsnivået: rutiner som gjelder et helt tjenesteområde."),
    ("Level", "", "Et nivå i grunnmodellen (0: avklare uroen, 1: i egen tjeneste, 2: to tjenester, 3: mange tjenester)."),
    ("Level", "number", "0, 1, 2 eller 3; nivåene kommer i denne rekkefølgen."),
    ("Level", "purpose", "Hva nivået er til (rik tekst)."),
    ("Level", "applies_when", "Når nivået gjelder (rik tekst)."),
    ("Level", "lead", "Hvem som leder arbeidet på nivået (rik tekst)."),
    ("Level", "steps", "Stegene, i den rekkefølgen de gjøres. Minst ett."),
    ("Step", "", "Et steg på et nivå: hva, hvordan og hvem."),
    ("Step", "what", "Hva som gjøres i steget (rik tekst)."),
    ("Step", "how", "Hvordan det gjøres (rik tekst)."),
    ("Step", "who", "Hvem som gjør det (rik tekst)."),
    ("Step", "tools", "Id-er til verktøy som brukes i steget."),
    ("Step", "laws", "Id-er til lovhenvisninger som gjelder."),
    ("Step", "roles", "Id-er til roller og arenaer som er med."),
    ("Step", "sources", "Id-er til andre kilder (rapporter, veiledere) bak steget."),
    ("Step", "deadline", "En frist i ord, f.eks. «Innen 14 dager»."),
    ("Step", "decisions", "Beslutninger som leder videre fra steget (oftest på siste steg)."),
    ("Step", "service_notes", "Hva hver tjeneste gjør i steget, med egne ord."),
    ("Decision", "", "En beslutning som leder videre."),
    ("Decision", "label", "Beslutningen i ord, f.eks. «Bekymringen er avklart»."),
    ("Decision", "to_level", "Id-en til nivået saken går til; mangler når saken avsluttes."),
    ("Decision", "action", "Hva beslutningen setter i gang i tillegg, f.eks. «bekymringsmelding» til barnevernet."),
    ("ServiceNote", "", "Hva én tjeneste gjør i et steg."),
    ("ServiceNote", "service", "Id-en til tjenesten."),
    ("ServiceNote", "text", "Hva tjenesten gjør i steget (rik tekst)."),
    ("ServiceNote", "contacts", "Id-er til kontakter for tjenesten i dette steget."),
    ("Service", "", "En tjeneste i kommunen."),
    ("Service", "group", "Basistjeneste, hjelpetjeneste eller voksentjeneste."),
    ("Service", "description", "Hva tjenesten er (rik tekst)."),
    ("Service", "routines", "Tjenestens egne rutiner, etatsnivået (rik tekst)."),
    ("Service", "contacts", "Id-er til kontakter."),
    ("Link", "", "En lenke med tekst, f.eks. til et skjema eller kommunens stafettlogg."),
    ("Link", "label", "Lenketeksten."),
    ("Link", "href", "https:, http:, tel:, mailto: eller en relativ adresse."),
    ("Link", "lang", "Språket i dokumentet det lenkes til, når det ikke er bokmål (f.eks. «en»)."),
    ("Tool", "", "Et verktøy: skjema, mal eller veiledning."),
    ("Tool", "description", "Hva verktøyet er og når det brukes (rik tekst)."),
    ("Tool", "document", "Dokumentet, f.eks. skjemaet som PDF."),
    ("Tool", "documents", "Flere dokumenter, f.eks. samme brev på flere språk (med «lang» på hvert)."),
    ("Law", "", "En henvisning til en lov eller en paragraf."),
    ("Law", "act", "Loven, f.eks. «Barnevernsloven»."),
    ("Law", "paragraph", "Paragrafen slik den skrives, f.eks. «§ 13-2»; tom for loven som helhet."),
    ("Law", "title", "Kort hva paragrafen handler om."),
    ("Law", "summary", "Regelen i klart språk (rik tekst)."),
    ("Law", "url", "Lenke til loven på Lovdata."),
    ("Law", "last_checked", "Når noen sist sjekket henvisningen mot Lovdata, ÅÅÅÅ-MM-DD. Uten den kan innholdet ikke publiseres."),
    ("Source", "", "En kilde som ikke er en lov: en rapport eller en nasjonal veileder."),
    ("Source", "kind", "Hva slags kilde: «veileder», «rapport» eller «annet»."),
    ("Source", "publisher", "Hvem som har gitt den ut, f.eks. «Helsedirektoratet»."),
    ("Source", "summary", "Hva kilden sier som betyr noe her (rik tekst)."),
    ("Source", "url", "Nettadressen (https: eller http:)."),
    ("Source", "last_checked", "Når noen sist sjekket lenken og sammendraget, ÅÅÅÅ-MM-DD."),
    ("Role", "", "En rolle, en arena eller et system."),
    ("Role", "kind", "«role» (et ansvar), «arena» (et møtested) eller «system» (f.eks. stafettlogg)."),
    ("Role", "description", "Hva rollen, arenaen eller systemet er (rik tekst)."),
    ("Role", "link", "F.eks. lenke til kommunens stafettlogg."),
    ("Guide", "", "Innbyggerveilederen: spørsmål og resultater som henger sammen."),
    ("Guide", "start", "Id-en til det første spørsmålet («Hvem er du bekymret for?»)."),
    ("Guide", "emergency_contacts", "Id-er til lokale kontakter under widgetens faste nødboks (f.eks. barnevernvakt og legevakt)."),
    ("Guide", "nodes", "Spørsmålene og resultatene."),
    ("Node", "", "Et steg i veilederen: et spørsmål («type»: «question») eller et resultat («type»: «result»)."),
    ("Question", "type", "«question»."),
    ("Question", "title", "Spørsmålet, kort og enkelt."),
    ("Question", "help", "Hjelpetekst under spørsmålet (rik tekst)."),
    ("Question", "answers", "Svarene. Minst ett."),
    ("Answer", "", "Et svar på et spørsmål i veilederen."),
    ("Answer", "label", "Svaret slik det står på knappen (høyst 80 tegn)."),
    ("Answer", "next", "Id-en til spørsmålet eller resultatet svaret leder til."),
    ("ResultNode", "type", "«result»."),
    ("ResultNode", "title", "Resultatets overskrift."),
    ("ResultNode", "not_sure_ok", "Vis den rolige meldingen «Du trenger ikke være sikker». Standard false."),
    ("ResultNode", "topics", "Hva resultatet handler om, minst ett. Vold, overgrep, omsorgssvikt, selvskading og selvmord gir alltid linjen om fare først."),
    ("ResultNode", "now", "Hva du gjør nå (rik tekst)."),
    ("ResultNode", "contacts", "Id-er til kontakter, den som passer best først. Minst én."),
    ("ResultNode", "what_happens", "Hva som skjer videre, ærlig fortalt: anonymitet, tid, tilbakemelding (rik tekst)."),
    ("ResultNode", "talk", "Hvordan du snakker med barnet eller personen (rik tekst)."),
    ("ResultNode", "alternatives", "For den som ikke vil ringe: chat, brev, digitalt skjema (rik tekst)."),
    ("Term", "", "Et ord i ordlisten."),
    ("Term", "term", "Ordet."),
    ("Term", "definition", "Forklaringen (rik tekst)."),
    ("DecisionAction", "", "Noe en beslutning setter i gang."),
    ("RoleKind", "", "Hva slags rolle: et ansvar, en arena eller et system."),
    ("Scope", "", "Om et nummer er nasjonalt eller lokalt."),
    ("Section", "", "Hvilken del en delfil har."),
    ("ServiceGroup", "", "Tjenestegruppen."),
    ("SourceKind", "", "Hva slags kilde."),
    ("Status", "", "Hvor ferdig et element er."),
    ("Topic", "", "Hva et resultat handler om: vold, overgrep, omsorgssvikt, selvskading, selvmord, rus-psykisk, mobbing, nett, eldre, usikker eller annet."),
    ("Weekday", "", "En ukedag."),
    ("*", "id", "Id-en: små bokstaver a–z, tall, - og _. Andre steder viser til elementet med den."),
    ("*", "title", "Tittelen."),
    ("*", "editor_note", "Merknad til redaktøren: hva som ikke er bekreftet eller må sjekkes. Fritekst; vises bare i debug-visningen, studioet og bti-check, aldri for leserne."),
    ("*", "status", "«utkast»: ikke ferdig. bti-check varsler, og bti-check --publish stopper så lenge det finnes utkast. «klar» er det samme som å utelate feltet."),
    ("*", "valid_from", "For planlagte endringer: datoen elementet gjelder fra, ÅÅÅÅ-MM-DD."),
    ("*", "name", "Navnet."),
];

/// Enum values and what they mean, in Norwegian.
const NORSK_VALUES: &[(&str, &str)] = &[
    ("guide", "Veileder og ordliste."),
    (
        "handbook",
        "Håndboken: sider, nivåer, tjenester, verktøy, lover, kilder og roller.",
    ),
    (
        "national",
        "Nasjonalt nummer: kan ringes også i eksempelinnhold.",
    ),
    ("local", "Lokalt nummer."),
    ("basis", "Basistjenester: barnehage, skole, SFO …"),
    (
        "hjelp",
        "Hjelpetjenester: helsestasjon og skolehelsetjeneste, PPT, barnevern …",
    ),
    (
        "voksen",
        "Voksentjenester: psykisk helse og rus, NAV, fastlege …",
    ),
    ("role", "Et ansvar en person har, f.eks. stafettholder."),
    (
        "arena",
        "Et møtested, f.eks. drøftingsteam eller ansvarsgruppe.",
    ),
    ("system", "Et system, f.eks. stafettlogg."),
    ("utkast", "Ikke ferdig: stopper publisering."),
    ("klar", "Ferdig (det samme som å utelate status)."),
    (
        "bekymringsmelding",
        "Send bekymringsmelding til barnevernet.",
    ),
    (
        "veileder",
        "En nasjonal veileder, f.eks. fra Helsedirektoratet eller Bufdir.",
    ),
    ("rapport", "En rapport."),
    ("annet", "Noe annet."),
];

/// Puts the Norwegian descriptions in, and drops the English ones that have none.
fn norwegian(schema: &mut Value) {
    fn describe(v: &mut Value, text: Option<&str>) {
        if let Some(obj) = v.as_object_mut() {
            match text {
                Some(t) => {
                    obj.insert("description".into(), t.into());
                }
                None => {
                    obj.remove("description");
                }
            }
        }
    }
    let lookup = |kind: &str, field: &str| {
        NORSK
            .iter()
            .find(|(k, f, _)| *k == kind && *f == field)
            .or_else(|| {
                NORSK
                    .iter()
                    .find(|(k, f, _)| *k == "*" && *f == field && !field.is_empty())
            })
            .map(|(_, _, t)| *t)
    };
    let props = |kind: &str, v: &mut Value| {
        if let Some(Value::Object(props)) = v.get_mut("properties") {
            for (field, p) in props.iter_mut() {
                describe(p, lookup(kind, field));
            }
        }
    };
    let Some(defs) = schema.get_mut("definitions").and_then(Value::as_object_mut) else {
        return;
    };
    for (name, def) in defs.iter_mut() {
        if name.ends_with("Text") {
            continue;
        }
        if let Some(Value::Array(variants)) = def.get_mut("oneOf") {
            for v in variants.iter_mut() {
                let value = v
                    .get("enum")
                    .and_then(|e| e.get(0))
                    .and_then(Value::as_str)
                    .map(str::to_string);
                let text =
                    value.and_then(|x| NORSK_VALUES.iter().find(|(k, _)| *k == x).map(|(_, t)| *t));
                describe(v, text);
            }
        }
        if name == "Node" {
            if let Some(Value::Array(variants)) = def.get_mut("anyOf") {
                for v in variants.iter_mut() {
                    let kind = if v.pointer("/properties/answers").is_some() {
                        "Question"
                    } else {
                        "ResultNode"
                    };
                    props(kind, v);
                    describe(
                        v,
                        Some(if kind == "Question" {
                            "Et spørsmål med svar som leder videre."
                        } else {
                            "Et resultat: hva du gjør nå, hvem du kontakter og hva som skjer videre."
                        }),
                    );
                }
            }
        }
        props(name, def);
        describe(def, lookup(name, ""));
    }
    props("Content", schema);
    describe(schema, lookup("Content", ""));
    if let Some(obj) = schema.as_object_mut() {
        obj.insert("title".into(), "BTI-innhold".into());
    }
}
