//! JSON paths for problems: `events[12].time`, `source.url`, and `$` for the document itself.

use std::fmt;

/// Longest object key shown in a path; longer (unknown) keys are cut short with `…`.
const MAX_KEY_CHARS: usize = 40;

/// A location in a document, built up while walking it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct JsonPath {
    /// Empty for the document itself.
    text: String,
}

impl JsonPath {
    /// The document itself (`$`).
    pub(crate) fn root() -> Self {
        Self::default()
    }

    /// The member `key` of the object here: `source.url`, or `source["odd key"]` for keys
    /// that are not plain identifiers.
    pub(crate) fn field(&self, key: &str) -> Self {
        let mut text = self.text.clone();
        if is_identifier(key) {
            if !text.is_empty() {
                text.push('.');
            }
            text.push_str(key);
        } else {
            text.push('[');
            text.push_str(&super::messages::json_string_truncated(key, MAX_KEY_CHARS));
            text.push(']');
        }
        Self { text }
    }

    /// The element `index` of the array here: `events[12]`.
    pub(crate) fn index(&self, index: usize) -> Self {
        Self { text: format!("{}[{index}]", self.text) }
    }
}

fn is_identifier(key: &str) -> bool {
    let mut chars = key.chars();
    match chars.next() {
        Some(first) if first.is_ascii_alphabetic() || first == '_' => {}
        _ => return false,
    }
    chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.text.is_empty() {
            f.write_str(super::messages::ROOT)
        } else {
            f.write_str(&self.text)
        }
    }
}

impl From<&JsonPath> for String {
    fn from(path: &JsonPath) -> String {
        path.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_like_javascript() {
        let root = JsonPath::root();
        assert_eq!(root.to_string(), "$");
        assert_eq!(root.field("title").to_string(), "title");
        assert_eq!(root.field("source").field("url").to_string(), "source.url");
        assert_eq!(root.field("events").index(12).field("time").to_string(), "events[12].time");
        assert_eq!(root.field("odd key").to_string(), "[\"odd key\"]");
        assert_eq!(root.field("events").index(0).field("").to_string(), "events[0][\"\"]");
        assert_eq!(root.field("9lives").to_string(), "[\"9lives\"]");
    }
}
