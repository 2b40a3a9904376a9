//! Decodes our own parsed tree ([`json::Value`]) into the serde types, and says
//! where the innermost failing value is. Replaces serde_json + serde_path_to_error
//! in the wasm (about 130 KB raw); messages keep serde's standard English wording,
//! which `decode::translate` turns into Norwegian.

use std::fmt;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Unexpected, Visitor};

use super::json::{Kind, Member, Number, Seg, Value};

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
            write!(f, "{}: {}", super::json::format_path(&self.path), self.message)
        }
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError { path: Vec::new(), message: msg.to_string(), located: false }
    }

    /// JSON says null, not serde's "unit value" (as serde_json does).
    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        match unexp {
            Unexpected::Unit => de::Error::custom(format_args!("invalid type: null, expected {exp}")),
            _ => de::Error::custom(format_args!("invalid type: {unexp}, expected {exp}")),
        }
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        match unexp {
            Unexpected::Unit => de::Error::custom(format_args!("invalid value: null, expected {exp}")),
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
            _ => visitor.visit_some(De { value: self.value, path: self.path }),
        }
        .map_err(|e| e.at(self.path))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value, DeError> {
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

fn visit_seq<'de, V: Visitor<'de>>(items: &'de [Value], path: &Path<'_>, visitor: V) -> Result<V::Value, DeError> {
    let mut seq = Seq { items: items.iter(), index: 0, path };
    let out = visitor.visit_seq(&mut seq)?;
    match seq.items.len() {
        0 => Ok(out),
        _ => Err(de::Error::invalid_length(items.len(), &"fewer elements in array")),
    }
}

fn visit_map<'de, V: Visitor<'de>>(members: &'de [Member], path: &Path<'_>, visitor: V) -> Result<V::Value, DeError> {
    let mut map = Map { members: members.iter(), value: None, path };
    let out = visitor.visit_map(&mut map)?;
    match map.members.len() {
        0 => Ok(out),
        _ => Err(de::Error::invalid_length(members.len(), &"fewer elements in map")),
    }
}

struct Seq<'de, 'p> {
    items: std::slice::Iter<'de, Value>,
    index: usize,
    path: &'p Path<'p>,
}

impl<'de> SeqAccess<'de> for Seq<'de, '_> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, DeError> {
        let Some(value) = self.items.next() else {
            return Ok(None);
        };
        let path = Path::Index(self.path, self.index);
        self.index += 1;
        seed.deserialize(De { value, path: &path }).map(Some).map_err(|e| e.at(&path))
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
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, DeError> {
        let Some(member) = self.members.next() else {
            return Ok(None);
        };
        self.value = Some(member);
        seed.deserialize(BorrowedStrDeserializer::new(&member.key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let Some(member) = self.value.take() else {
            return Err(de::Error::custom("value is missing"));
        };
        let path = Path::Key(self.path, &member.key);
        seed.deserialize(De { value: &member.value, path: &path }).map_err(|e| e.at(&path))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.members.len())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;
    use serde::Deserialize;

    use super::*;
    use crate::model::json::{self, format_path};
    use crate::model::{Content, Level, Node, Scope, Text};

    fn decode<T: DeserializeOwned>(text: &str) -> Result<T, (String, String)> {
        let tree = json::parse(text).unwrap();
        from_tree::<T>(&tree).map_err(|e| (format_path(&e.path), e.message))
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Item {
        id: String,
        #[serde(default)]
        n: Option<u8>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        items: Vec<Item>,
        #[serde(default)]
        names: BTreeMap<String, String>,
    }

    #[test]
    fn unknown_field_in_a_nested_array_item_is_reported_at_the_item() {
        let err = decode::<Doc>(r#"{"items": [{"id": "a"}, {"id": "b", "x": 1}]}"#).unwrap_err();
        assert_eq!(err, ("items[1]".into(), "unknown field `x`, expected `id` or `n`".into()));
    }

    #[test]
    fn missing_field_is_reported_at_the_object_that_lacks_it() {
        let err = decode::<Doc>(r#"{"items": [{"id": "a"}, {"n": 2}]}"#).unwrap_err();
        assert_eq!(err, ("items[1]".into(), "missing field `id`".into()));
        let err = decode::<Doc>("{}").unwrap_err();
        assert_eq!(err, ("".into(), "missing field `items`".into()));
    }

    #[test]
    fn wrong_type_is_reported_at_the_value() {
        let err = decode::<Doc>(r#"{"items": [{"id": 3}]}"#).unwrap_err();
        assert_eq!(err, ("items[0].id".into(), "invalid type: integer `3`, expected a string".into()));
        let err = decode::<Doc>(r#"{"items": {"id": "a"}}"#).unwrap_err();
        assert_eq!(err, ("items".into(), "invalid type: map, expected a sequence".into()));
        let err = decode::<Doc>(r#"{"items": [], "names": {"nb": true}}"#).unwrap_err();
        assert_eq!(err, ("names.nb".into(), "invalid type: boolean `true`, expected a string".into()));
    }

    #[test]
    fn integers_out_of_range_or_with_decimals_are_refused_in_serdes_words() {
        let n = |text: &str| decode::<Item>(&format!(r#"{{"id": "a", "n": {text}}}"#)).map(|i| i.n);
        assert_eq!(n("7"), Ok(Some(7)));
        assert_eq!(n("null"), Ok(None));
        assert_eq!(n("300"), Err(("n".into(), "invalid value: integer `300`, expected u8".into())));
        assert_eq!(n("-1"), Err(("n".into(), "invalid value: integer `-1`, expected u8".into())));
        assert_eq!(n("1.5"), Err(("n".into(), "invalid type: floating point `1.5`, expected u8".into())));
        assert_eq!(n("-0"), Err(("n".into(), "invalid type: floating point `-0.0`, expected u8".into())));
        assert_eq!(n("2.5e3"), Err(("n".into(), "invalid type: floating point `2500.0`, expected u8".into())));
    }

    #[test]
    fn unit_enums_come_from_strings() {
        assert_eq!(decode::<Scope>(r#""national""#), Ok(Scope::National));
        let err = decode::<Scope>(r#""global""#).unwrap_err();
        assert_eq!(err.1, "unknown variant `global`, expected `national` or `local`");
        let err = decode::<Scope>("3").unwrap_err();
        assert_eq!(err.1, "invalid type: integer `3`, expected a string");
    }

    #[test]
    fn tagged_node_with_unknown_type_is_reported_at_the_tag() {
        let err = decode::<Vec<Node>>(r#"[{"type": "answer", "id": "a"}]"#).unwrap_err();
        assert_eq!(err, ("[0].type".into(), "unknown variant `answer`, expected `question` or `result`".into()));
        let err = decode::<Vec<Node>>(r#"[{"id": "a"}]"#).unwrap_err();
        assert_eq!(err, ("[0]".into(), "missing field `type`".into()));
        let node: Vec<Node> =
            decode(r#"[{"type": "question", "id": "q", "title": {"nb": "Hvem?"}, "answers": []}]"#).unwrap();
        assert_eq!(node[0].id(), "q");
    }

    #[test]
    fn text_of_the_wrong_type_is_reported_at_the_text() {
        let err = decode::<Vec<Level>>(r#"[{"id": "l", "number": 0, "title": 5}]"#).unwrap_err();
        assert_eq!(err, ("[0].title".into(), "data did not match any variant of untagged enum Text".into()));
        assert_eq!(decode::<Text>(r#"{"nb": "Hei"}"#).unwrap().get("nb"), "Hei");
    }

    #[test]
    fn minimal_fixture_decodes() {
        let text = std::fs::read_to_string("tests/fixtures/minimal.json").unwrap();
        assert!(decode::<Content>(&text).is_ok());
    }

    #[test]
    fn unknown_field_named_like_its_parent_points_at_the_inner_key() {
        let text = std::fs::read_to_string("tests/fixtures/minimal.json").unwrap().replace(
            r#""href": "/dokumenter/samtykke.pdf" }"#,
            r#""href": "/dokumenter/samtykke.pdf", "document": 1 }"#,
        );
        let checked = crate::model::load_str(&text);
        let paths: Vec<&str> = checked.problems.iter().map(|p| p.path.as_str()).collect();
        assert!(paths.contains(&"tools[0].document.document"), "{paths:?}");
    }

    fn tree() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            Just("null".to_string()),
            Just("true".to_string()),
            Just("-0".to_string()),
            Just("1e308".to_string()),
            Just("18446744073709551616".to_string()),
            (-1000i64..100_000).prop_map(|n| n.to_string()),
            "[a-z$]{0,6}".prop_map(|s| format!("\"{s}\"")),
        ];
        leaf.prop_recursive(6, 64, 6, |inner| {
            let key = prop_oneof![
                Just("type"),
                Just("meta"),
                Just("id"),
                Just("nb"),
                Just("kommune"),
                Just("guide"),
                Just("nodes"),
                Just("question"),
                Just("number"),
                Just("x"),
            ];
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(|v| format!("[{}]", v.join(","))),
                prop::collection::btree_map(key, inner, 0..6).prop_map(|m| {
                    let members: Vec<String> = m.into_iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
                    format!("{{{}}}", members.join(","))
                }),
            ]
        })
    }

    proptest! {
        /// serde_json over the same tree is the reference; only the documented
        /// differences (structs from arrays, enums from maps, the last digits of
        /// huge floats in a message) may disagree.
        #[test]
        fn agrees_with_serde_json(text in tree()) {
            let tree = json::parse(&text).unwrap();
            let ours = from_tree::<Content>(&tree).map_err(|e| e.message);
            let theirs = serde_json::from_value::<Content>(tree.to_serde()).map_err(|e| e.to_string());
            match (&ours, &theirs) {
                (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
                (Err(a), Err(b)) if a == b || b.contains("string or map") || b.contains("invalid length") => {}
                (Err(a), Err(b)) if a.contains("floating point") && b.contains("floating point") => {}
                (Err(a), Err(b)) if a.starts_with("invalid type: sequence, expected struct") => {
                    let _ = b;
                }
                _ => prop_assert!(false, "ours {:?}, serde_json {:?}", ours, theirs),
            }
        }

        #[test]
        fn random_trees_never_panic(text in tree()) {
            let tree = json::parse(&text).unwrap();
            let _ = from_tree::<Content>(&tree);
            let _ = from_tree::<Vec<Node>>(&tree);
            let _ = from_tree::<Text>(&tree);
            if let Err(e) = from_tree::<Content>(&tree) {
                // The path always leads into the tree.
                prop_assert_eq!(tree.locate(&e.path).1, e.path.len());
            }
        }
    }
}
