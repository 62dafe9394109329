//! The building blocks of the one-pass typed read ([`super::read_document`],
//! [`super::read_event`]): objects read member by member against the tables in
//! [`super::fields`], and values that carry the format's rules with them.
//!
//! Everything here only says *whether* a value is acceptable; a serde error ends the typed
//! read, and the detailed walk ([`super::walk`]) then explains every problem with its path.
//! So these rules must be exactly the walk's: a test compares the two over every document
//! in the test suite.

use std::fmt;

use serde::de::{DeserializeSeed, Error, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::fields::Field;
use super::limits;
use super::messages;

/// Reads every member of an object whose fields are `known`, handing each one's [`Key`] to
/// `member`, which must read its value. An unknown or repeated key is an error (the walk
/// reads repeated keys as the last one written, so the typed read leaves them to it).
/// Returns which of `known` were present, bit `i` for `known[i]`.
pub(crate) fn members<'de, A: MapAccess<'de>>(
    map: &mut A,
    known: &'static [Field],
    mut member: impl FnMut(Key, &mut A) -> Result<(), A::Error>,
) -> Result<u32, A::Error> {
    let mut seen = 0u32;
    while let Some(field) = map.next_key_seed(KeyIn(known))? {
        let bit = bit(field.index);
        if seen & bit != 0 {
            return Err(A::Error::custom(format_args!("the key {} is given twice", messages::show_str(field.name))));
        }
        seen |= bit;
        member(field, map)?;
    }
    Ok(seen)
}

/// The members of `known` present in `seen` (as returned by [`members`]).
pub(crate) fn present(known: &'static [Field], seen: u32) -> impl Iterator<Item = &'static Field> {
    known.iter().enumerate().filter(move |(i, _)| seen & bit(*i) != 0).map(|(_, f)| f)
}

/// The index of the field called `name` in `table` (past its end if there is none), worked
/// out when compiling so that readers can match on it.
pub(crate) const fn index_of(table: &[Field], name: &str) -> usize {
    let mut i = 0;
    while i < table.len() {
        if same(table[i].name, name) {
            return i;
        }
        i += 1;
    }
    usize::MAX
}

/// String equality, usable when compiling.
pub(crate) const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The bit for the field at `index` in a table (tables have far fewer than 32 fields).
pub(crate) const fn bit(index: usize) -> u32 {
    if index < 32 {
        1 << index
    } else {
        0
    }
}

/// A known key: its index in the table and its name.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Key {
    /// Its index in the table.
    pub(crate) index: usize,
    /// Its name.
    pub(crate) name: &'static str,
}

/// Reads one object key, which must be one of the fields of a table.
struct KeyIn(&'static [Field]);

impl<'de> DeserializeSeed<'de> for KeyIn {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for KeyIn {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: Error>(self, key: &str) -> Result<Key, E> {
        // The first byte first: most keys differ there, and it saves a call to compare.
        let first = key.as_bytes().first();
        match self.0.iter().position(|f| f.name.as_bytes().first() == first && f.name == key) {
            Some(index) => Ok(Key { index, name: self.0.get(index).map_or("", |f| f.name) }),
            None => Err(E::custom(format_args!("{} {}", messages::unknown_field(None), messages::show_str(key)))),
        }
    }
}

/// Plain text within the length limit.
pub(crate) struct Text(pub(crate) String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        match limits::check_string(&text) {
            Some(message) => Err(D::Error::custom(message)),
            None => Ok(Self(text)),
        }
    }
}

/// An annotation's label: text that says something, within the label limit.
pub(crate) struct Label(pub(crate) String);

impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        match limits::check_label(&text) {
            Some(message) => Err(D::Error::custom(message)),
            None => Ok(Self(text)),
        }
    }
}

/// Text that says something (not empty or only spaces): a name or a credit line.
pub(crate) struct Name(pub(crate) String);

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Text(text) = Text::deserialize(deserializer)?;
        if text.trim().is_empty() {
            return Err(D::Error::custom(messages::empty_name()));
        }
        Ok(Self(text))
    }
}

/// An `https:` link.
pub(crate) struct Link(pub(crate) String);

impl<'de> Deserialize<'de> for Link {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Text(text) = Text::deserialize(deserializer)?;
        if !super::fields::is_https(&text) {
            return Err(D::Error::custom(messages::not_https(&text)));
        }
        Ok(Self(text))
    }
}

/// A number of people: an integer of at least 1.
pub(crate) struct Count(pub(crate) u64);

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match u64::deserialize(deserializer)? {
            0 => Err(D::Error::custom(format_args!("expected {}, found 0", messages::expect_integer_at_least(1)))),
            n => match limits::check_count(n) {
                Some(message) => Err(D::Error::custom(message)),
                None => Ok(Self(n)),
            },
        }
    }
}

/// A reported total: an integer from 0 to [`limits::MAX_COUNT`].
pub(crate) struct Total(pub(crate) u64);

impl<'de> Deserialize<'de> for Total {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let n = u64::deserialize(deserializer)?;
        match limits::check_count(n) {
            Some(message) => Err(D::Error::custom(message)),
            None => Ok(Self(n)),
        }
    }
}

/// The format version, which must be 1.
pub(crate) struct Version(pub(crate) u32);

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match u64::deserialize(deserializer)? {
            1 => Ok(Self(1)),
            other => Err(D::Error::custom(messages::unsupported_version(&other.into()))),
        }
    }
}

/// An optional text member: `null` is the same as leaving it out.
pub(crate) fn optional_text<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<String>, A::Error> {
    Ok(map.next_value::<Option<Text>>()?.map(|Text(text)| text))
}

/// A field in a table that its reader does not read: a bug, caught by the tests that compare
/// the typed read with the walk.
pub(crate) fn unread<E: Error>(field: &str) -> E {
    E::custom(format_args!("the field {} is in the table but not read", messages::show_str(field)))
}
