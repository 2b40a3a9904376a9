//! The serde-based decoder this crate used before `model::decoder` (de.rs and
//! decode.rs as of 485b603), kept as the reference the new decoder must agree with.
#![allow(dead_code)]

pub mod de {
    use std::fmt;

    use serde::de::value::BorrowedStrDeserializer;
    use serde::de::{
        self, DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Unexpected, Visitor,
    };

    use bti_veileder::model::json::{Kind, Member, Number, Seg, Value};

    /// Why a value does not fit the type, and where: `path` leads to the innermost
    /// value that did not fit (for a missing or unknown field: the object that has it).
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct DeError {
        pub path: Vec<Seg>,
        /// Serde's own wording, e.g. "missing field `id`".
        pub message: String,
        /// Set once a deserializer that knows its place has filled in `path`.
        located: bool,
    }

    impl DeError {
        /// Gives the error the path of the first deserializer it passes through.
        fn at(mut self, path: &Path<'_>) -> Self {
            if !self.located {
                self.located = true;
                path.push_into(&mut self.path);
            }
            self
        }
    }

    impl fmt::Display for DeError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            if self.path.is_empty() {
                f.write_str(&self.message)
            } else {
                write!(
                    f,
                    "{}: {}",
                    bti_veileder::model::json::format_path(&self.path),
                    self.message
                )
            }
        }
    }

    impl std::error::Error for DeError {}

    impl de::Error for DeError {
        fn custom<T: fmt::Display>(msg: T) -> Self {
            DeError {
                path: Vec::new(),
                message: msg.to_string(),
                located: false,
            }
        }

        /// JSON says null, not serde's "unit value" (as serde_json does).
        fn invalid_type(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
            match unexp {
                Unexpected::Unit => {
                    de::Error::custom(format_args!("invalid type: null, expected {exp}"))
                }
                _ => de::Error::custom(format_args!("invalid type: {unexp}, expected {exp}")),
            }
        }

        fn invalid_value(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
            match unexp {
                Unexpected::Unit => {
                    de::Error::custom(format_args!("invalid value: null, expected {exp}"))
                }
                _ => de::Error::custom(format_args!("invalid value: {unexp}, expected {exp}")),
            }
        }
    }

    /// Decodes `value` as a `T`.
    pub fn from_tree<T: DeserializeOwned>(value: &Value) -> Result<T, DeError> {
        let root = Path::Root;
        T::deserialize(De { value, path: &root }).map_err(|e| e.at(&root))
    }

    /// The way from the root to a value, kept on the stack while descending.
    enum Path<'a> {
        Root,
        Key(&'a Path<'a>, &'a str),
        Index(&'a Path<'a>, usize),
    }

    impl Path<'_> {
        fn push_into(&self, out: &mut Vec<Seg>) {
            match self {
                Path::Root => {}
                Path::Key(parent, key) => {
                    parent.push_into(out);
                    out.push(Seg::Key((*key).to_string()));
                }
                Path::Index(parent, i) => {
                    parent.push_into(out);
                    out.push(Seg::Index(*i));
                }
            }
        }
    }

    /// A JSON number as serde sees it, read the way serde_json does (so `-0` is a float).
    enum Num {
        U(u64),
        I(i64),
        F(f64),
    }

    fn num(n: &Number) -> Num {
        let text = n.as_str();
        if !text.contains(['.', 'e', 'E']) {
            let (neg, digits) = match text.strip_prefix('-') {
                Some(rest) => (true, rest),
                None => (false, text),
            };
            if let Ok(m) = digits.parse::<u64>() {
                if !neg {
                    return Num::U(m);
                }
                let i = (m as i64).wrapping_neg();
                if i < 0 {
                    return Num::I(i);
                }
            }
        }
        Num::F(n.approx_f64())
    }

    fn unexpected(value: &Value) -> Unexpected<'_> {
        match &value.kind {
            Kind::Null => Unexpected::Unit,
            Kind::Bool(b) => Unexpected::Bool(*b),
            Kind::Number(n) => match num(n) {
                Num::U(u) => Unexpected::Unsigned(u),
                Num::I(i) => Unexpected::Signed(i),
                Num::F(f) => Unexpected::Float(f),
            },
            Kind::String(s) => Unexpected::Str(s),
            Kind::Array(_) => Unexpected::Seq,
            Kind::Object(_) => Unexpected::Map,
        }
    }

    struct De<'de, 'p> {
        value: &'de Value,
        path: &'p Path<'p>,
    }

    impl<'de> De<'de, '_> {
        fn wrong<T>(&self, expected: &dyn de::Expected) -> Result<T, DeError> {
            Err(de::Error::invalid_type(unexpected(self.value), expected))
        }
    }

    impl<'de> de::Deserializer<'de> for De<'de, '_> {
        type Error = DeError;

        fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
            let out = match &self.value.kind {
                Kind::Null => visitor.visit_unit(),
                Kind::Bool(b) => visitor.visit_bool(*b),
                Kind::Number(n) => match num(n) {
                    Num::U(u) => visitor.visit_u64(u),
                    Num::I(i) => visitor.visit_i64(i),
                    Num::F(f) => visitor.visit_f64(f),
                },
                Kind::String(s) => visitor.visit_borrowed_str(s),
                Kind::Array(items) => visit_seq(items, self.path, visitor),
                Kind::Object(members) => visit_map(members, self.path, visitor),
            };
            out.map_err(|e| e.at(self.path))
        }

        fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
            match self.value.kind {
                Kind::Null => visitor.visit_none(),
                _ => visitor.visit_some(De {
                    value: self.value,
                    path: self.path,
                }),
            }
            .map_err(|e| e.at(self.path))
        }

        fn deserialize_newtype_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            visitor: V,
        ) -> Result<V::Value, DeError> {
            let path = self.path;
            visitor.visit_newtype_struct(self).map_err(|e| e.at(path))
        }

        fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
            match &self.value.kind {
                Kind::Array(items) => visit_seq(items, self.path, visitor),
                _ => self.wrong(&visitor),
            }
            .map_err(|e| e.at(self.path))
        }

        fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
            match &self.value.kind {
                Kind::Object(members) => visit_map(members, self.path, visitor),
                _ => self.wrong(&visitor),
            }
            .map_err(|e| e.at(self.path))
        }

        /// Objects only: serde_json would also read a struct from an array by position,
        /// which no editor means.
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            _: &'static [&'static str],
            visitor: V,
        ) -> Result<V::Value, DeError> {
            self.deserialize_map(visitor)
        }

        /// Unit variants written as strings, the only enums the content has.
        fn deserialize_enum<V: Visitor<'de>>(
            self,
            _: &'static str,
            _: &'static [&'static str],
            visitor: V,
        ) -> Result<V::Value, DeError> {
            match &self.value.kind {
                Kind::String(s) => visitor.visit_enum(BorrowedStrDeserializer::new(s)),
                _ => self.wrong(&"a string"),
            }
            .map_err(|e| e.at(self.path))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf unit unit_struct tuple tuple_struct identifier ignored_any
        }
    }

    fn visit_seq<'de, V: Visitor<'de>>(
        items: &'de [Value],
        path: &Path<'_>,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let mut seq = Seq {
            items: items.iter(),
            index: 0,
            path,
        };
        let out = visitor.visit_seq(&mut seq)?;
        match seq.items.len() {
            0 => Ok(out),
            _ => Err(de::Error::invalid_length(
                items.len(),
                &"fewer elements in array",
            )),
        }
    }

    fn visit_map<'de, V: Visitor<'de>>(
        members: &'de [Member],
        path: &Path<'_>,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let mut map = Map {
            members: members.iter(),
            value: None,
            path,
        };
        let out = visitor.visit_map(&mut map)?;
        match map.members.len() {
            0 => Ok(out),
            _ => Err(de::Error::invalid_length(
                members.len(),
                &"fewer elements in map",
            )),
        }
    }

    struct Seq<'de, 'p> {
        items: std::slice::Iter<'de, Value>,
        index: usize,
        path: &'p Path<'p>,
    }

    impl<'de> SeqAccess<'de> for Seq<'de, '_> {
        type Error = DeError;

        fn next_element_seed<T: DeserializeSeed<'de>>(
            &mut self,
            seed: T,
        ) -> Result<Option<T::Value>, DeError> {
            let Some(value) = self.items.next() else {
                return Ok(None);
            };
            let path = Path::Index(self.path, self.index);
            self.index += 1;
            seed.deserialize(De { value, path: &path })
                .map(Some)
                .map_err(|e| e.at(&path))
        }

        fn size_hint(&self) -> Option<usize> {
            Some(self.items.len())
        }
    }

    struct Map<'de, 'p> {
        members: std::slice::Iter<'de, Member>,
        value: Option<&'de Member>,
        path: &'p Path<'p>,
    }

    impl<'de> MapAccess<'de> for Map<'de, '_> {
        type Error = DeError;

        /// A key the type refuses (an unknown field) stays unlocated here, so it
        /// surfaces at the object that has it.
        fn next_key_seed<K: DeserializeSeed<'de>>(
            &mut self,
            seed: K,
        ) -> Result<Option<K::Value>, DeError> {
            let Some(member) = self.members.next() else {
                return Ok(None);
            };
            self.value = Some(member);
            seed.deserialize(BorrowedStrDeserializer::new(&member.key))
                .map(Some)
        }

        fn next_value_seed<V: DeserializeSeed<'de>>(
            &mut self,
            seed: V,
        ) -> Result<V::Value, DeError> {
            let Some(member) = self.value.take() else {
                return Err(de::Error::custom("value is missing"));
            };
            let path = Path::Key(self.path, &member.key);
            seed.deserialize(De {
                value: &member.value,
                path: &path,
            })
            .map_err(|e| e.at(&path))
        }

        fn size_hint(&self) -> Option<usize> {
            Some(self.members.len())
        }
    }
}

pub mod decode {
    use std::collections::HashSet;

    use super::de::{self, DeError};
    use bti_veileder::model::json::{self, Kind, Seg};
    use bti_veileder::model::problem::{Problem, Severity};
    use bti_veileder::model::types::Content;

    /// What was left out of the document, in the file's own coordinates, so paths
    /// into the decoded content can be turned back into paths into the file.
    #[derive(Debug, Default, Clone)]
    pub struct Removals {
        removed: HashSet<Vec<Seg>>,
    }

    impl Removals {
        /// Turns a path into the current (already thinned) document into a path into the file.
        pub fn to_original(&self, path: &[Seg]) -> Vec<Seg> {
            let mut out: Vec<Seg> = Vec::with_capacity(path.len());
            for seg in path {
                match seg {
                    Seg::Key(_) => out.push(seg.clone()),
                    Seg::Index(i) => {
                        let mut seen = 0;
                        let mut j = 0;
                        loop {
                            out.push(Seg::Index(j));
                            let gone = self.removed.contains(&out);
                            out.pop();
                            if !gone {
                                if seen == *i {
                                    break;
                                }
                                seen += 1;
                            }
                            j += 1;
                        }
                        out.push(Seg::Index(j));
                    }
                }
            }
            out
        }

        /// Records that the item at `path` (current coordinates) was left out.
        pub fn record(&mut self, path: &[Seg]) {
            let original = self.to_original(path);
            self.removed.insert(original);
        }
    }

    pub struct Decoded {
        pub content: Option<Content>,
        pub removals: Removals,
        pub problems: Vec<Problem>,
    }

    /// Decodes `tree`, leaving out what does not fit; see the module doc.
    pub fn decode(tree: &json::Value) -> Decoded {
        let mut value = tree.clone();
        let mut removals = Removals::default();
        let mut problems = Vec::new();
        // Each round removes one piece of the document, so this ends; the bound is a safety net.
        for _ in 0..100_000 {
            let err = match de::from_tree::<Content>(&value) {
                Ok(content) => {
                    return Decoded {
                        content: Some(content),
                        removals,
                        problems,
                    }
                }
                Err(err) => err,
            };
            // For an unknown field the path is the object that has it; the key is added below.
            let DeError {
                path, message: raw, ..
            } = err;
            let unknown = unknown_field(&raw);
            let mut full = path.clone();
            if let Some(field) = &unknown {
                full.push(Seg::Key(field.clone()));
            }
            let original = removals.to_original(&full);
            let mut problem = Problem::at(Some(tree), &original, Severity::Error, translate(&raw));
            if unknown.is_some() {
                let parent = removals.to_original(&path);
                if let Some(pos) = unknown.as_deref().and_then(|f| tree.key_pos(&parent, f)) {
                    problem.line = pos.line;
                    problem.column = pos.column;
                }
            }
            let last_index = path.iter().rposition(|s| matches!(s, Seg::Index(_)));
            let target: Vec<Seg> = match last_index {
                Some(i) => {
                    problem.message.push_str(&format!(
                        " Elementet {} blir ikke vist før dette er rettet.",
                        json::format_path(&removals.to_original(&path[..=i]))
                    ));
                    path[..=i].to_vec()
                }
                None if unknown.is_some() => full,
                None if path.is_empty()
                    || matches!(path.first(), Some(Seg::Key(k)) if k == "meta" || k == "guide") =>
                {
                    problem.fatal = true;
                    problems.push(problem);
                    return Decoded {
                        content: None,
                        removals,
                        problems,
                    };
                }
                None => {
                    problem
                        .message
                        .push_str(" Feltet blir ikke brukt før dette er rettet.");
                    path
                }
            };
            problems.push(problem);
            if !remove(&mut value, &target) {
                // Nothing could be removed, so the next round would fail the same way.
                if let Some(p) = problems.last_mut() {
                    p.fatal = true;
                }
                return Decoded {
                    content: None,
                    removals,
                    problems,
                };
            }
            removals.record(&target);
        }
        Decoded {
            content: None,
            removals,
            problems,
        }
    }

    fn remove(value: &mut json::Value, path: &[Seg]) -> bool {
        let Some((last, parent_path)) = path.split_last() else {
            return false;
        };
        let mut here = value;
        for seg in parent_path {
            let next = match (seg, &mut here.kind) {
                (Seg::Key(k), Kind::Object(members)) => members
                    .iter_mut()
                    .find(|m| &m.key == k)
                    .map(|m| &mut m.value),
                (Seg::Index(i), Kind::Array(items)) => items.get_mut(*i),
                _ => None,
            };
            match next {
                Some(v) => here = v,
                None => return false,
            }
        }
        match (last, &mut here.kind) {
            (Seg::Key(k), Kind::Object(members)) => {
                match members.iter().position(|m| &m.key == k) {
                    Some(i) => {
                        members.remove(i);
                        true
                    }
                    None => false,
                }
            }
            (Seg::Index(i), Kind::Array(items)) if *i < items.len() => {
                items.remove(*i);
                true
            }
            _ => false,
        }
    }

    /// The field name in serde's "unknown field `x`, expected …".
    fn unknown_field(raw: &str) -> Option<String> {
        raw.strip_prefix("unknown field `")
            .and_then(|r| r.split('`').next())
            .map(str::to_string)
    }

    /// The names between backticks in serde's "expected one of `a`, `b`".
    fn ticked(s: &str) -> String {
        s.split('`')
            .skip(1)
            .step_by(2)
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn type_name(s: &str) -> &'static str {
        let s = s.trim();
        if s.starts_with("string") || s.starts_with("a string") {
            "tekst"
        } else if s.starts_with("integer")
            || s.starts_with("u8")
            || s.starts_with("u32")
            || s.starts_with("u64")
        {
            "et helt tall"
        } else if s.starts_with("floating") {
            "et desimaltall"
        } else if s.starts_with("boolean") || s.starts_with("a boolean") {
            "true eller false"
        } else if s.starts_with("map") || s.starts_with("struct") || s.starts_with("a map") {
            "et objekt { … }"
        } else if s.starts_with("sequence") || s.starts_with("a sequence") {
            "en liste [ … ]"
        } else if s.starts_with("null") || s.starts_with("unit") {
            "null"
        } else {
            "en annen type"
        }
    }

    /// Serde's English error, told in Norwegian with what to do.
    pub fn translate(raw: &str) -> String {
        if let Some(field) = unknown_field(raw) {
            let allowed = raw
                .split_once("expected")
                .map(|(_, e)| ticked(e))
                .unwrap_or_default();
            return if allowed.is_empty() {
                format!("Ukjent felt «{field}». Fjern det; her er ingen felt tillatt.")
            } else {
                format!("Ukjent felt «{field}». Fjern det eller rett navnet. Tillatte felt her: {allowed}.")
            };
        }
        if let Some(rest) = raw.strip_prefix("missing field `") {
            let field = rest.split('`').next().unwrap_or("");
            if field == "type" {
                return "Feltet «type» mangler. Legg til \"type\": \"question\" eller \"type\": \"result\".".into();
            }
            return format!("Feltet «{field}» mangler. Legg det til.");
        }
        if let Some(rest) = raw.strip_prefix("unknown variant `") {
            let value = rest.split('`').next().unwrap_or("");
            let allowed = rest
                .split_once("expected")
                .map(|(_, e)| ticked(e))
                .unwrap_or_default();
            return format!("Ukjent verdi «{value}». Bruk en av disse: {allowed}.");
        }
        if raw.contains("untagged enum Text") {
            return "Teksten må være en tekst i anførselstegn eller et objekt med språkkoder, f.eks. {\"nb\": \"…\", \"en\": \"…\"}. Rett verdien.".into();
        }
        if let Some(rest) = raw.strip_prefix("invalid type: ") {
            let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
            return format!(
                "Feil type: her står {}, men det skal være {}. Rett verdien.",
                type_name(found),
                type_name(expected)
            );
        }
        if let Some(rest) = raw.strip_prefix("invalid value: ") {
            let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
            let found = found.split('`').nth(1).unwrap_or(found);
            return format!(
                "Ugyldig verdi {found}: det skal være {}. Rett verdien.",
                type_name(expected)
            );
        }
        if raw.starts_with("invalid length") {
            return "Feil antall elementer. Rett listen.".into();
        }
        format!("Verdien passer ikke her ({raw}). Rett den etter content/schema.json.")
    }
}
