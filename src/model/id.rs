//! [`Id`]: the content's name for an item, and every reference to one.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

use serde::Serialize;

/// The content's name for an item (`"stafettlogg"`, `"niva-1"`), in its `id` and
/// in every field that refers to one (`tools`, `contacts`, `next`, `start`, …).
/// A type rather than a convention, so an id is never mixed up with a text.
///
/// Read as the editor wrote it. The checker ([`check`](super::check)) reports an id
/// with other characters than a–z, 0–9, `-` and `_` as an error but keeps the
/// item, so the editor sees every problem at once; references to unknown ids it
/// leaves out. Cheap to clone (shared, never copied); maps keyed by `Id` are
/// looked up with a `&str`.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct Id(Rc<str>);

impl Id {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Id {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// As a string's, so debug output (and what tests print) reads as before.
impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Self {
        Id(Rc::from(s))
    }
}

impl From<String> for Id {
    fn from(s: String) -> Self {
        Id(Rc::from(s))
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

/// Read as written: the checker reports what does not pass.
impl super::decoder::Decode for Id {
    fn decode(
        v: &super::json::Value,
        d: &mut super::decoder::Decoder,
    ) -> Result<Self, super::decoder::Fail> {
        String::decode(v, d).map(Id::from)
    }
}

string_schema!(Id);

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn an_id_keyed_map_is_looked_up_with_a_str() {
        let mut map = BTreeMap::new();
        map.insert(Id::from("niva-1"), 1);
        assert_eq!(map.get("niva-1"), Some(&1));
        assert_eq!(Id::from("a"), "a");
        assert_eq!(format!("{} {:?}", Id::from("a"), Id::from("a")), "a \"a\"");
    }
}
