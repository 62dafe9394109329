//! Keys given twice in one object. A JSON parser keeps the last one written and drops the
//! other without a word: the same silent loss for which unknown fields are refused. So an
//! invalid document's text is scanned once more, for the detailed report, and every repeated
//! key is an error at its path.
//!
//! Runs only after the text parsed as JSON (so its nesting is within the parser's limit), and
//! only for documents the typed pass refused, which includes every one with a repeated key.

use std::fmt;

use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserializer;

use super::messages;
use super::path::JsonPath;
use super::problem::Problem;

/// Adds an error for every key given twice in one object of `text` (JSON), at its path.
pub(crate) fn check(text: &str, errors: &mut Vec<Problem>) {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    // A text that does not parse was reported already; nothing more to say here.
    let _ = Scan { path: JsonPath::root(), errors }.deserialize(&mut deserializer);
}

/// Walks one value, with its path, collecting repeated keys.
struct Scan<'e> {
    path: JsonPath,
    errors: &'e mut Vec<Problem>,
}

impl<'de> DeserializeSeed<'de> for Scan<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Scan<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut keys: Vec<String> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let path = self.path.field(&key);
            if keys.contains(&key) {
                self.errors.push(Problem::new(&path, messages::key_given_twice()));
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            map.next_value_seed(Scan { path, errors: self.errors })?;
            keys.push(key);
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        while seq.next_element_seed(Scan { path: self.path.index(index), errors: self.errors })?.is_some() {
            index += 1;
        }
        Ok(())
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::check;

    fn paths(text: &str) -> Vec<String> {
        let mut errors = Vec::new();
        check(text, &mut errors);
        errors.iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn every_repeated_key_is_an_error_at_its_path() {
        assert_eq!(paths(r#"{"a": 1, "b": {"c": 2}}"#), Vec::<String>::new());
        assert_eq!(
            paths(r#"{"title": "x", "events": [{"id": "r1"}, {"time": 1, "time": 2, "time": 3}], "title": "y"}"#),
            [
                "events[1].time: this key is given twice in one object; give it once (a reader keeps only one, and the other would be lost)",
                "events[1].time: this key is given twice in one object; give it once (a reader keeps only one, and the other would be lost)",
                "title: this key is given twice in one object; give it once (a reader keeps only one, and the other would be lost)",
            ]
        );
    }
}
