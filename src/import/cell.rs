//! One cell's text as the JSON value of its field: a number where the format wants a number,
//! text everywhere else. Nothing is judged here; validation judges the value, so a cell that
//! is not a number gets validation's own message (`expected an integer ≥ 1, found "two"`).

use serde_json::{Number, Value};

use crate::data::fields::Kind;

/// The value of a (non-empty) cell in a column of kind `kind`.
pub(crate) fn value(text: &str, kind: Kind) -> Value {
    match kind {
        Kind::Integer { .. } | Kind::Version => number(text),
        Kind::Text | Kind::Name | Kind::Label | Kind::Time | Kind::Url | Kind::EventType | Kind::Object(_) | Kind::Events | Kind::Annotations => {
            Value::from(text)
        }
    }
}

/// A number where the text is one (`3`, `007`, and also `-1` or `2.5`, so that validation can
/// say which number it found), and the text itself otherwise.
fn number(text: &str) -> Value {
    if let Ok(whole) = text.parse::<u64>() {
        return Value::from(whole);
    }
    match text.parse::<Number>() {
        Ok(number) => Value::Number(number),
        Err(_) => Value::from(text),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn counts_become_numbers_and_the_rest_stays_text() {
        let count = Kind::Integer { min: 1 };
        assert_eq!(value("3", count), json!(3));
        assert_eq!(value("007", count), json!(7));
        assert_eq!(value("-1", count), json!(-1));
        assert_eq!(value("2.5", count), json!(2.5));
        assert_eq!(value("two", count), json!("two"));
        assert_eq!(value("1,000", count), json!("1,000"));
        assert_eq!(value("17", Kind::Text), json!("17"));
        assert_eq!(value("2018-04-16", Kind::Time), json!("2018-04-16"));
    }
}
