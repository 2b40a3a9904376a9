//! Decodes our parsed tree ([`json::Value`]) into the content types in one pass,
//! without serde (whose generic deserializer cost the wasm about 120 KB raw).
//! Every type says in a few lines how it reads a value; what does not fit is
//! reported as a [`Problem`] at its exact path and position, in Norwegian, and
//! left out (see `decode` for the rules on what is left out).

use super::json::{self, Kind, Member, Number, Pos, Seg, Value};
use super::problem::{Problem, Severity};
use super::types::*;

/// A value that does not fit its type. The problem is already recorded in the
/// [`Decoder`]; `Fatal` means the whole content is unusable and decoding stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fail {
    Bad,
    Fatal,
}

/// Reads one type from a value of the tree.
pub trait Decode: Sized {
    fn decode(v: &Value, d: &mut Decoder) -> Result<Self, Fail>;
}

/// The field list of a struct, in declaration order, as the schema has it.
#[derive(Debug)]
pub struct Fields {
    pub names: &'static [&'static str],
    /// Parallel to `names`: the field has no default and must be present.
    pub required: &'static [bool],
}

/// Where decoding stands: the path from the root (file indices, so nothing needs
/// translating back), and what was found so far.
#[derive(Debug, Default)]
pub struct Decoder {
    pub(crate) path: Vec<Seg>,
    pub(crate) problems: Vec<Problem>,
    /// Parallel to `problems`: each one's path as segments, so `decode` can name
    /// list items by their ids once the whole tree is at hand.
    pub(crate) raw_paths: Vec<Vec<Seg>>,
    /// Array items left out, as paths into the file.
    pub(crate) dropped: Vec<Vec<Seg>>,
    /// How many lenient arrays enclose the current value. Outside arrays a bad
    /// field is left out (or is fatal); inside, the innermost item is.
    arrays: u32,
    /// Inside a guide node. Serde read nodes through a buffer that lost the
    /// inner places, so every problem inside a node is reported at the node and
    /// drops the whole node; kept that way so editors see the same messages.
    in_node: u32,
    /// The first failure inside a node, until the node reports it.
    /// Several only when they are all unknown fields (each is reported).
    pending: Vec<Pending>,
}

#[derive(Debug)]
struct Pending {
    message: String,
    unknown: Option<String>,
}

impl Decoder {
    pub fn new() -> Decoder {
        Decoder::default()
    }

    /// Decodes `v` as a `T`, with `path` as its place in the document.
    pub fn run<T: Decode>(&mut self, v: &Value, path: &[Seg]) -> Result<T, Fail> {
        self.path = path.to_vec();
        T::decode(v, self)
    }

    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    fn problem(&self, pos: Pos, source: u16, message: String) -> Problem {
        Problem {
            severity: Severity::Error,
            path: json::format_path(&self.path),
            line: pos.line,
            column: pos.column,
            message,
            fatal: false,
            source,
            gate: None,
        }
    }

    fn report(&mut self, pos: Pos, source: u16, message: String, unknown: Option<&str>) -> Fail {
        if self.in_node > 0 {
            if self.pending.iter().all(|p| p.unknown.is_some()) {
                self.pending.push(Pending {
                    message,
                    unknown: unknown.map(str::to_string),
                });
            }
        } else {
            if let Some(key) = unknown {
                self.path.push(Seg::Key(key.to_string()));
            }
            let p = self.problem(pos, source, message);
            if cfg!(feature = "editor") {
                self.raw_paths.push(self.path.clone());
            }
            if unknown.is_some() {
                self.path.pop();
            }
            self.problems.push(p);
        }
        Fail::Bad
    }

    /// The value at the current path does not fit.
    pub fn fail(&mut self, v: &Value, message: String) -> Fail {
        self.report(v.pos, v.source, message, None)
    }

    /// `v` has the wrong JSON type; `expected` in words ("tekst", "et helt tall", …).
    pub fn wrong(&mut self, v: &Value, expected: &str) -> Fail {
        let found = found(v);
        self.fail(
            v,
            editor_msg!("Feil type: her står {found}, men det skal være {expected}. Rett verdien."),
        )
    }

    fn invalid(&mut self, v: &Value, n: &Number, expected: &str) -> Fail {
        let n = n.as_str();
        self.fail(
            v,
            editor_msg!("Ugyldig verdi {n}: det skal være {expected}. Rett verdien."),
        )
    }

    /// A member the struct does not have: named, with the nearest allowed name
    /// when it looks like a typo of one.
    fn unknown_field(&mut self, fields: &Fields, key: &str, pos: Pos, source: u16) -> Fail {
        let allowed = fields.names.join(", ");
        #[cfg(feature = "editor")]
        let message = match near_miss(key, fields.names) {
            Some(name) => format!("Ukjent felt «{key}»: mente du «{name}»? Rett navnet. Tillatte felt her: {allowed}."),
            None => format!("Ukjent felt «{key}». Rett navnet, eller fjern feltet hvis det ikke hører hjemme her. Tillatte felt her: {allowed}."),
        };
        #[cfg(not(feature = "editor"))]
        let message = {
            let _ = (allowed, fields);
            String::new()
        };
        self.report(pos, source, message, Some(key))
    }

    /// A whole number outside what the field takes: the message states the range.
    fn out_of_range(&mut self, v: &Value, n: &Number, max: u64) -> Fail {
        let n = n.as_str();
        self.fail(
            v,
            editor_msg!(
                "Ugyldig verdi {n}: her må det stå et helt tall fra 0 til {max}. Rett verdien."
            ),
        )
    }

    fn last_message(&mut self, suffix: &str) {
        if let Some(p) = self.problems.last_mut() {
            p.message.push_str(suffix);
        }
    }

    /// Reads the items of array `v` with `each`, leaving out (and reporting)
    /// those that fail. Not generic, so the lists of each type share it.
    fn items(
        &mut self,
        v: &Value,
        each: &mut dyn FnMut(&mut Decoder, &Value) -> Result<(), Fail>,
    ) -> Result<(), Fail> {
        let Kind::Array(items) = &v.kind else {
            return Err(self.wrong(v, LIST));
        };
        for (i, item) in items.iter().enumerate() {
            self.path.push(Seg::Index(i));
            self.arrays += 1;
            let result = each(self, item);
            self.arrays -= 1;
            match result {
                Ok(()) => {}
                Err(Fail::Bad) if self.in_node == 0 => {
                    let item = json::format_path(&self.path);
                    self.last_message(&editor_msg!(
                        " Elementet {item} blir ikke vist før dette er rettet."
                    ));
                    self.dropped.push(self.path.clone());
                }
                Err(fail) => {
                    self.path.pop();
                    return Err(fail);
                }
            }
            self.path.pop();
        }
        Ok(())
    }

    /// Reads the members of object `v` into a struct with `fields`: `set` decodes
    /// field `i` from its value. Unknown and missing fields are reported; outside
    /// arrays a bad field is left out so its default applies (fatal in `meta` and
    /// `guide`); inside, the failure goes up to the array item. `skip` is a member
    /// read elsewhere (a node's `type`).
    pub fn object(
        &mut self,
        v: &Value,
        fields: &Fields,
        skip: Option<&str>,
        set: &mut dyn FnMut(&mut Decoder, usize, &Value) -> Result<(), Fail>,
    ) -> Result<(), Fail> {
        let Kind::Object(members) = &v.kind else {
            return Err(self.wrong(v, OBJECT));
        };
        let lenient = self.arrays == 0 && self.in_node == 0;
        // Fields read so far, one bit each (no struct has more than 64).
        let mut seen: u64 = 0;
        for Member {
            key,
            key_pos,
            value,
        } in members
        {
            if skip == Some(key.as_str()) {
                continue;
            }
            let Some(i) = fields.names.iter().position(|n| n == key) else {
                if lenient {
                    self.unknown_field(fields, key, *key_pos, value.source);
                    continue;
                }
                // Inside a list the item is left out: say everything wrong with it at once.
                #[cfg(feature = "editor")]
                if self.in_node == 0 {
                    if let Some(message) = misplaced(members, fields) {
                        return Err(self.report(v.pos, v.source, message, None));
                    }
                }
                if !cfg!(feature = "editor") {
                    return Err(self.unknown_field(fields, key, *key_pos, value.source));
                }
                let mut fail = Fail::Bad;
                for m in members {
                    if skip != Some(m.key.as_str()) && !fields.names.contains(&m.key.as_str()) {
                        fail = self.unknown_field(fields, &m.key, m.key_pos, m.value.source);
                    }
                }
                return Err(fail);
            };
            self.path.push(Seg::Key(key.clone()));
            let result = set(self, i, value);
            let fatal =
                matches!(self.path.first(), Some(Seg::Key(k)) if k == "meta" || k == "guide");
            self.path.pop();
            match result {
                Ok(()) => seen |= 1u64 << i,
                Err(Fail::Bad) if lenient && !fatal => {
                    self.last_message(" Feltet blir ikke brukt før dette er rettet.")
                }
                Err(Fail::Bad) if lenient => {
                    if let Some(p) = self.problems.last_mut() {
                        p.fatal = true;
                    }
                    return Err(Fail::Fatal);
                }
                Err(fail) => return Err(fail),
            }
        }
        let missing = (0..fields.names.len())
            .find(|&i| fields.required.get(i) == Some(&true) && seen & (1u64 << i) == 0);
        if let Some(name) = missing.and_then(|i| fields.names.get(i)) {
            return Err(self.fail(v, editor_msg!("Feltet «{name}» mangler. Legg det til.")));
        }
        Ok(())
    }
}

const OBJECT: &str = "et objekt { … }";
const LIST: &str = "en liste [ … ]";
const INTEGER: &str = "et helt tall";
const OTHER: &str = "en annen type";

/// A JSON integer as serde_json reads it: anything with a fraction or exponent,
/// `-0`, or beyond 64 bits counts as a decimal number.
#[derive(Debug, PartialEq, Eq)]
enum Int {
    Pos(u64),
    Neg,
}

fn integer(n: &Number) -> Option<Int> {
    let text = n.as_str();
    let (neg, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let mut m: u64 = 0;
    for b in digits.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        m = m.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
    }
    match (neg, m) {
        (false, _) => Some(Int::Pos(m)),
        (true, 1..=0x8000_0000_0000_0000) => Some(Int::Neg),
        (true, _) => None,
    }
}

/// What a value is, in the words of a "Feil type" message.
fn found(v: &Value) -> &'static str {
    match &v.kind {
        Kind::Null => "null",
        Kind::Bool(_) => "true eller false",
        Kind::Number(n) if integer(n).is_some() => INTEGER,
        Kind::Number(_) => "et desimaltall",
        Kind::String(_) => "tekst",
        Kind::Array(_) => LIST,
        Kind::Object(_) => OBJECT,
    }
}

impl Decode for String {
    fn decode(v: &Value, d: &mut Decoder) -> Result<Self, Fail> {
        match &v.kind {
            Kind::String(s) => Ok(s.clone()),
            _ => Err(d.wrong(v, "tekst")),
        }
    }
}

impl Decode for bool {
    fn decode(v: &Value, d: &mut Decoder) -> Result<Self, Fail> {
        match v.kind {
            Kind::Bool(b) => Ok(b),
            _ => Err(d.wrong(v, "true eller false")),
        }
    }
}

/// An unsigned integer no larger than `max`.
fn unsigned(v: &Value, d: &mut Decoder, max: u64) -> Result<u64, Fail> {
    let Kind::Number(n) = &v.kind else {
        return Err(d.wrong(v, INTEGER));
    };
    match integer(n) {
        Some(Int::Pos(m)) if m <= max => Ok(m),
        Some(_) => Err(d.out_of_range(v, n, max)),
        None => Err(d.wrong(v, INTEGER)),
    }
}

impl Decode for u8 {
    fn decode(v: &Value, d: &mut Decoder) -> Result<Self, Fail> {
        unsigned(v, d, u64::from(u8::MAX)).map(|n| n as u8)
    }
}

impl Decode for u32 {
    fn decode(v: &Value, d: &mut Decoder) -> Result<Self, Fail> {
        unsigned(v, d, u64::from(u32::MAX)).map(|n| n as u32)
    }
}

/// `null` is absent.
impl<T: Decode> Decode for Option<T> {
    fn decode(v: &Value, d: &mut Decoder) -> Result<Self, Fail> {
        match v.kind {
            Kind::Null => Ok(None),
            _ => T::decode(v, d).map(Some),
        }
    }
}

/// Lenient: an item that does not fit is reported and left out, the rest kept
/// (inside a guide node the failure goes up to the node instead).
impl<T: Decode> Decode for Vec<T> {
    fn decode(v: &Value, d: &mut Decoder) -> Result<Self, Fail> {
        let mut out = Vec::new();
        d.items(v, &mut |d, item| {
            out.push(T::decode(item, d)?);
            Ok(())
        })?;
        Ok(out)
    }
}

/// A plain string, or an object of strings per language.
impl Decode for Text {
    fn decode(v: &Value, d: &mut Decoder) -> Result<Self, Fail> {
        // Inserted one by one (a repeated key keeps its last value; the parser
        // refuses one anyway), so no sort is linked.
        let per_lang = |members: &[Member]| {
            let mut map = LangMap::default();
            for m in members {
                map.insert(m.key.clone(), m.value.as_str()?.into());
            }
            Some(map)
        };
        let text = match &v.kind {
            Kind::String(s) => Some(Text::from(s.as_str())),
            Kind::Object(members) => per_lang(members).map(|m| Text::PerLang(m.into())),
            _ => None,
        };
        text.ok_or_else(|| {
            d.fail(v, "Teksten må være en tekst i anførselstegn eller et objekt med språkkoder, f.eks. {\"nb\": \"…\", \"en\": \"…\"}. Rett verdien.".into())
        })
    }
}

/// Reads an enum of unit variants from their names.
pub(crate) fn variant(v: &Value, d: &mut Decoder, names: &[&str]) -> Result<usize, Fail> {
    let Kind::String(s) = &v.kind else {
        return Err(d.wrong(v, "tekst"));
    };
    match names.iter().position(|n| n == s) {
        Some(i) => Ok(i),
        None => Err(d.fail(
            v,
            editor_msg!(
                "Ukjent verdi «{s}». Bruk en av disse: {}.",
                names.join(", ")
            ),
        )),
    }
}

/// Declares an enum of unit variants once, each with its JSON name. From the one
/// declaration come the Rust enum (with the serde names the JSON Schema is
/// generated from) and its decoder, so a value is never named twice.
macro_rules! unit_enum {
    ($(#[$m:meta])* pub enum $ty:ident { $( $(#[$vm:meta])* $variant:ident = $name:literal ),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        pub enum $ty { $( $(#[$vm])* #[serde(rename = $name)] $variant ),* }

        impl $crate::model::decoder::Decode for $ty {
            fn decode(
                v: &$crate::model::json::Value,
                d: &mut $crate::model::decoder::Decoder,
            ) -> Result<Self, $crate::model::decoder::Fail> {
                const VARIANTS: &[$ty] = &[$( $ty::$variant ),*];
                let i = $crate::model::decoder::variant(v, d, &[$( $name ),*])?;
                VARIANTS.get(i).copied().ok_or($crate::model::decoder::Fail::Bad)
            }
        }
    };
}
pub(crate) use unit_enum;

/// Declares a content struct once. From the one declaration come the Rust struct
/// (with the serde attributes the JSON Schema is generated from) and its
/// position-keeping decoder, so a field is never declared twice.
///
/// Each field ends in `=> kind,`:
/// - `required`: must be present;
/// - `default`: the type's default when absent;
/// - `optional`: an `Option`, left out of the JSON when `None`;
/// - `skip_empty`: a list, default empty, left out of the JSON when empty;
/// - `editor`: an `Option`, read only by builds with the `editor` feature;
/// - `handbook`: as `default`, but only builds with the handbook read it (the
///   guide's build leaves it empty and links none of its code);
/// - `staff`: as `editor`, but read by builds with the handbook too (which show it);
/// - `guide`: an `Option`, read only by builds with the citizen guide (bti-core,
///   the staff handbook's build, leaves it out and links none of its code);
/// - `default_with("f", f)`: the default is `f()` (serde needs the name as a string).
/// - `refusable`: required in the JSON, but an `Option` in Rust: `None` once the
///   checker has refused the value (and said why), so no empty string stands in.
/// - `pub item struct`: an item with an id; adds `editor_note` and `status`.
///
/// `field as "name": T` gives the JSON name when it is not the Rust one.
macro_rules! content_struct {
    ($(#[$sm:meta])* pub struct $ty:ident { $($body:tt)* }) => {
        $crate::model::decoder::content_struct!(@munch [$(#[$sm])*] $ty [] [] $($body)*);
    };
    // An item: the editor's draft marks are declared here once for every kind.
    ($(#[$sm:meta])* pub item struct $ty:ident { $($body:tt)* }) => {
        $crate::model::decoder::content_struct!(@munch [$(#[$sm])*] $ty [] [] $($body)*
            /// Note for the editor: what is not yet confirmed or must be checked. Free
            /// text, never parsed; shown by `debug`, the studio and bti-check, never to readers.
            pub editor_note: Option<String> => editor,
            /// `"utkast"`: not ready. bti-check warns, and `--publish` refuses while any remain.
            pub status: Option<Status> => editor,
            /// For planned changes: the date the item applies from, `YYYY-MM-DD`.
            /// The handbook says "Gjelder fra …" on an item while the date is ahead.
            pub valid_from: Option<String> => staff,
        );
    };
    (@munch $sm:tt $ty:ident [$($fs:tt)*] [$($dec:tt)*]
        $(#[$fm:meta])* pub $f:ident $(as $name:literal)? : $t:ty => required, $($rest:tt)*) => {
        $crate::model::decoder::content_struct!(@munch $sm $ty
            [$($fs)* $(#[$fm])* $(#[serde(rename = $name)])? pub $f: $t,]
            [$($dec)* $f $(as $name)?: required,] $($rest)*);
    };
    (@munch $sm:tt $ty:ident [$($fs:tt)*] [$($dec:tt)*]
        $(#[$fm:meta])* pub $f:ident $(as $name:literal)? : Option<$t:ty> => refusable, $($rest:tt)*) => {
        $crate::model::decoder::content_struct!(@munch $sm $ty
            [$($fs)* $(#[$fm])* $(#[serde(rename = $name)])?
             #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "String"))] pub $f: Option<$t>,]
            [$($dec)* $f $(as $name)?: refusable,] $($rest)*);
    };
    (@munch $sm:tt $ty:ident [$($fs:tt)*] [$($dec:tt)*]
        $(#[$fm:meta])* pub $f:ident $(as $name:literal)? : $t:ty => default, $($rest:tt)*) => {
        $crate::model::decoder::content_struct!(@munch $sm $ty
            [$($fs)* $(#[$fm])* $(#[serde(rename = $name)])? #[serde(default)] pub $f: $t,]
            [$($dec)* $f $(as $name)?: default,] $($rest)*);
    };
    (@munch $sm:tt $ty:ident [$($fs:tt)*] [$($dec:tt)*]
        $(#[$fm:meta])* pub $f:ident $(as $name:literal)? : $t:ty => optional, $($rest:tt)*) => {
        $crate::model::decoder::content_struct!(@munch $sm $ty
            [$($fs)* $(#[$fm])* $(#[serde(rename = $name)])? #[serde(default, skip_serializing_if = "Option::is_none")] pub $f: $t,]
            [$($dec)* $f $(as $name)?: default,] $($rest)*);
    };
    (@munch $sm:tt $ty:ident [$($fs:tt)*] [$($dec:tt)*]
        $(#[$fm:meta])* pub $f:ident $(as $name:literal)? : $t:ty => skip_empty, $($rest:tt)*) => {
        $crate::model::decoder::content_struct!(@munch $sm $ty
            [$($fs)* $(#[$fm])* $(#[serde(rename = $name)])? #[serde(default, skip_serializing_if = "Vec::is_empty")] pub $f: $t,]
            [$($dec)* $f $(as $name)?: default,] $($rest)*);
    };
    (@munch $sm:tt $ty:ident [$($fs:tt)*] [$($dec:tt)*]
        $(#[$fm:meta])* pub $f:ident $(as $name:literal)? : $t:ty => handbook, $($rest:tt)*) => {
        $crate::model::decoder::content_struct!(@munch $sm $ty
            [$($fs)* $(#[$fm])* $(#[serde(rename = $name)])? #[serde(default)] pub $f: $t,]
            [$($dec)* $f $(as $name)?: handbook,] $($rest)*);
    };
    (@munch $sm:tt $ty:ident [$($fs:tt)*] [$($dec:tt)*]
        $(#[$fm:meta])* pub $f:ident $(as $name:literal)? : $t:ty => default_with($fname:literal, $fun:path), $($rest:tt)*) => {
        $crate::model::decoder::content_struct!(@munch $sm $ty
            [$($fs)* $(#[$fm])* $(#[serde(rename = $name)])? #[serde(default = $fname)] pub $f: $t,]
            [$($dec)* $f $(as $name)?: default = $fun(),] $($rest)*);
    };
    // An optional field that only some builds decode (`editor`, `staff`, `guide`:
    // see `@assign`); the others leave it out.
    (@munch $sm:tt $ty:ident [$($fs:tt)*] [$($dec:tt)*]
        $(#[$fm:meta])* pub $f:ident $(as $name:literal)? : $t:ty => $kind:ident, $($rest:tt)*) => {
        $crate::model::decoder::content_struct!(@munch $sm $ty
            [$($fs)* $(#[$fm])* $(#[serde(rename = $name)])? #[serde(default, skip_serializing_if = "Option::is_none")] pub $f: $t,]
            [$($dec)* $f $(as $name)?: $kind,] $($rest)*);
    };
    (@munch [$($sm:tt)*] $ty:ident [$($fs:tt)*] [$($dec:tt)*]) => {
        $($sm)*
        #[derive(Debug, Clone, PartialEq, serde::Serialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        pub struct $ty { $($fs)* }

        $crate::model::decoder::content_struct!(@decoder $ty { $($dec)* });
    };
    (@decoder $ty:ident { $( $field:ident $(as $name:literal)? : $kind:ident $(= $default:expr)? ),* $(,)? }) => {
        impl $ty {
            /// The fields, in declaration order, as the schema has them.
            pub const FIELDS: $crate::model::decoder::Fields = $crate::model::decoder::Fields {
                names: &[$( $crate::model::decoder::content_struct!(@name $field $($name)?) ),*],
                required: &[$( $crate::model::decoder::content_struct!(@required $kind) ),*],
            };

            /// The fields from the members of `v` (all but `skip`).
            pub(crate) fn decode_fields(
                v: &$crate::model::json::Value,
                d: &mut $crate::model::decoder::Decoder,
                skip: Option<&str>,
            ) -> Result<Self, $crate::model::decoder::Fail> {
                use $crate::model::decoder::Decode;
                $( let mut $field = None; )*
                d.object(v, &Self::FIELDS, skip, &mut |d, i, value| {
                    let mut n = 0;
                    $(
                        if i == n {
                            $crate::model::decoder::content_struct!(@assign $kind $field value d);
                            return Ok(());
                        }
                        n += 1;
                    )*
                    let _ = n;
                    Ok(())
                })?;
                Ok($ty { $( $field: $crate::model::decoder::content_struct!(@take $kind $field $($default)?) ),* })
            }
        }

        impl $crate::model::decoder::Decode for $ty {
            fn decode(
                v: &$crate::model::json::Value,
                d: &mut $crate::model::decoder::Decoder,
            ) -> Result<Self, $crate::model::decoder::Fail> {
                Self::decode_fields(v, d, None)
            }
        }

        // `object` keeps one bit per field.
        const _: () = assert!($ty::FIELDS.names.len() == $ty::FIELDS.required.len() && $ty::FIELDS.names.len() <= 64);
    };
    (@name $field:ident $name:literal) => { $name };
    (@name $field:ident) => { stringify!($field) };
    (@required required) => { true };
    (@required refusable) => { true };
    (@required $kind:ident) => { false };
    // Fields only some builds decode; the others leave them at their default, and
    // none of their code is linked. The editor's marks: bti-check, the studio and
    // `debug` (bti-studio); the citizen guide never shows them.
    (@assign editor $field:ident $value:ident $d:ident) => {
        $crate::model::decoder::content_struct!(@assign_if [feature = "editor"] $field $value $d)
    };
    // Read by the editors' builds and by the handbook, which shows it.
    (@assign staff $field:ident $value:ident $d:ident) => {
        $crate::model::decoder::content_struct!(@assign_if [any(feature = "handbook", feature = "editor")] $field $value $d)
    };
    // Handbook sections: not in the citizen guide's build.
    (@assign handbook $field:ident $value:ident $d:ident) => {
        $crate::model::decoder::content_struct!(@assign_if [feature = "handbook"] $field $value $d)
    };
    // The citizen guide: not in the staff handbook's build (bti-core).
    (@assign guide $field:ident $value:ident $d:ident) => {
        $crate::model::decoder::content_struct!(@assign_if [feature = "guide"] $field $value $d)
    };
    (@assign_if [$($cfg:tt)*] $field:ident $value:ident $d:ident) => {
        #[cfg($($cfg)*)]
        {
            $field = Some(Decode::decode($value, $d)?);
        }
        #[cfg(not($($cfg)*))]
        {
            let _ = (&$value, &$d, &mut $field);
        }
    };
    (@assign refusable $field:ident $value:ident $d:ident) => {
        $field = Some(Some(Decode::decode($value, $d)?));
    };
    (@assign $kind:ident $field:ident $value:ident $d:ident) => {
        $field = Some(Decode::decode($value, $d)?);
    };
    (@take refusable $field:ident) => {
        $crate::model::decoder::content_struct!(@take required $field)
    };
    (@take required $field:ident) => {
        match $field {
            Some(x) => x,
            // Cannot happen: `object` reported the missing field.
            None => return Err($crate::model::decoder::Fail::Bad),
        }
    };
    (@take default $field:ident $default:expr) => { $field.unwrap_or_else(|| $default) };
    (@take $kind:ident $field:ident) => { $field.unwrap_or_default() };
}
pub(crate) use content_struct;

/// A guide node: `type` says which (`question` or `result`), the other members
/// are the node's fields.
impl Decode for Node {
    fn decode(v: &Value, d: &mut Decoder) -> Result<Self, Fail> {
        let Kind::Object(members) = &v.kind else {
            return Err(d.wrong(v, OTHER));
        };
        let Some(tag) = members.iter().find(|m| m.key == "type") else {
            let message = "Feltet «type» mangler. Legg til \"type\": \"question\" eller \"type\": \"result\".";
            return Err(d.fail(v, message.into()));
        };
        d.path.push(Seg::Key("type".into()));
        let question = match &tag.value.kind {
            Kind::String(s) if s == "question" => Ok(true),
            Kind::String(s) if s == "result" => Ok(false),
            Kind::String(_) => variant(&tag.value, d, &["question", "result"]).map(|_| false),
            Kind::Number(n) if matches!(integer(n), Some(Int::Pos(_))) => {
                Err(d.invalid(&tag.value, n, OTHER))
            }
            _ => Err(d.wrong(&tag.value, OTHER)),
        };
        d.path.pop();
        let question = question?;
        d.in_node += 1;
        let node = if question {
            Question::decode_fields(v, d, Some("type")).map(Node::Question)
        } else {
            ResultNode::decode_fields(v, d, Some("type")).map(Node::Result)
        };
        d.in_node -= 1;
        if d.in_node == 0 {
            for Pending { message, unknown } in std::mem::take(&mut d.pending) {
                // As serde had it: an unknown field is named under the node, at
                // the node's own member of that name if it has one.
                let member = unknown
                    .as_deref()
                    .and_then(|k| members.iter().find(|m| m.key == k));
                let (pos, source) =
                    member.map_or((v.pos, v.source), |m| (m.key_pos, m.value.source));
                d.report(pos, source, message, unknown.as_deref());
            }
        }
        node
    }
}

/// The allowed name `key` is most likely a typo of: at most two letters
/// added, removed, changed or swapped, and fewer than half of them.
#[cfg(feature = "editor")]
fn near_miss(key: &str, names: &[&'static str]) -> Option<&'static str> {
    let key = key.to_lowercase();
    names
        .iter()
        .map(|n| (distance(&key, n), *n))
        .filter(|(d, n)| *d <= 2 && *d * 2 < n.chars().count())
        .min_by_key(|(d, _)| *d)
        .map(|(_, n)| n)
}

/// Edit distance counting a swap of two neighbouring letters as one edit.
#[cfg(feature = "editor")]
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    if let Some(first) = d.first_mut() {
        for (j, cell) in first.iter_mut().enumerate() {
            *cell = j;
        }
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// An item in the wrong list: when its fields are exactly those of another
/// kind of item (all of that kind's required fields, nothing it lacks), say so
/// once instead of naming every field as unknown.
#[cfg(feature = "editor")]
fn misplaced(members: &[Member], here: &Fields) -> Option<String> {
    const KINDS: &[(&str, &Fields, &str)] = &[
        (
            "et steg",
            &Step::FIELDS,
            "Steg hører hjemme i «steps» under et nivå",
        ),
        ("et nivå", &Level::FIELDS, "Nivåer hører hjemme i «levels»"),
        (
            "en kontakt",
            &Contact::FIELDS,
            "Kontakter hører hjemme i «contacts» i indeksfilen",
        ),
        (
            "en tjeneste",
            &Service::FIELDS,
            "Tjenester hører hjemme i «services»",
        ),
        (
            "et verktøy",
            &Tool::FIELDS,
            "Verktøy hører hjemme i «tools»",
        ),
        (
            "en lovhenvisning",
            &Law::FIELDS,
            "Lovhenvisninger hører hjemme i «laws»",
        ),
        ("en rolle", &Role::FIELDS, "Roller hører hjemme i «roles»"),
        (
            "et svar",
            &Answer::FIELDS,
            "Svar hører hjemme i «answers» under et spørsmål",
        ),
        (
            "en side",
            &Page::FIELDS,
            "Sider hører hjemme i «publication» under «kommune» eller «etat»",
        ),
        (
            "en beslutning",
            &Decision::FIELDS,
            "Beslutninger hører hjemme i «decisions» under et steg",
        ),
        (
            "en tjenestemerknad",
            &ServiceNote::FIELDS,
            "Tjenestemerknader hører hjemme i «service_notes» under et steg",
        ),
    ];
    let fits = |f: &Fields| {
        members.iter().all(|m| f.names.contains(&m.key.as_str()))
            && f.names
                .iter()
                .zip(f.required)
                .all(|(n, r)| !r || members.iter().any(|m| m.key == *n))
    };
    KINDS
        .iter()
        .find(|(_, f, _)| !std::ptr::eq(*f, here) && f.names != here.names && fits(f))
        .map(|(what, _, home)| format!("Dette ser ut som {what}. {home}. Flytt det dit."))
}
