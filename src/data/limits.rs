//! The size limits of a document, each checked with its own clear error.
//!
//! They keep a page (or a pipeline) safe from a runaway export: a widget that tries to draw
//! ten million events, or a 2 GB "JSON file", should say so rather than hang the browser.

use super::messages;
use super::problem::Problem;

/// The whole document: at most 50 MB (50,000,000 bytes of UTF-8 text).
pub const MAX_DOCUMENT_BYTES: usize = 50_000_000;

/// At most this many itemised events.
pub const MAX_EVENTS: usize = 1_000_000;

/// Every string (title, place, note, id, …): at most this many characters, counted as a reader
/// sees them: a combining accent does not count, so "é" is one character whether it is written
/// as one code point or as "e" and a combining acute.
pub const MAX_STRING_CHARS: usize = 1_000;

/// The error for a document of `bytes` bytes, if that is over [`MAX_DOCUMENT_BYTES`].
pub fn check_document_size(bytes: usize) -> Option<Problem> {
    (bytes > MAX_DOCUMENT_BYTES).then(|| Problem::new(messages::ROOT, messages::document_too_large(bytes)))
}

/// The message for `count` events, if that is over [`MAX_EVENTS`].
pub(crate) fn check_event_count(count: usize) -> Option<String> {
    (count > MAX_EVENTS).then(|| messages::too_many_events(count))
}

/// The message for a string, if it is longer than [`MAX_STRING_CHARS`] characters.
pub(crate) fn check_string_length(text: &str) -> Option<String> {
    // Cheap test first: a string of at most MAX_STRING_CHARS bytes cannot have more chars.
    if text.len() <= MAX_STRING_CHARS {
        return None;
    }
    let chars = text.chars().filter(|c| !is_combining_mark(*c)).count();
    (chars > MAX_STRING_CHARS).then(|| messages::text_too_long(chars))
}

/// The Unicode blocks of combining marks that accent the letter before them (diacritics for
/// Latin, Greek and Cyrillic text, and their extensions); a full grapheme segmentation would
/// add its tables to the wasm for a length limit.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_size_limit() {
        assert_eq!(check_document_size(MAX_DOCUMENT_BYTES), None);
        let problem = check_document_size(MAX_DOCUMENT_BYTES + 1).map(|p| p.to_string());
        assert_eq!(
            problem.as_deref(),
            Some("$: document too large: expected at most 50 MB (50,000,000 bytes), found 50,000,001 bytes")
        );
    }

    #[test]
    fn event_count_limit() {
        assert_eq!(check_event_count(MAX_EVENTS), None);
        assert_eq!(
            check_event_count(MAX_EVENTS + 1).as_deref(),
            Some("too many events: expected at most 1,000,000, found 1,000,001")
        );
    }

    #[test]
    fn string_length_counts_characters_not_bytes() {
        // 1,000 two-byte characters are 2,000 bytes but within the limit.
        assert_eq!(check_string_length(&"é".repeat(MAX_STRING_CHARS)), None);
        assert_eq!(
            check_string_length(&"é".repeat(MAX_STRING_CHARS + 1)).as_deref(),
            Some("text too long: expected at most 1,000 characters, found 1,001")
        );
    }

    #[test]
    fn string_length_does_not_count_combining_accents() {
        let composed = "é".repeat(600);
        let decomposed = "e\u{0301}".repeat(600);
        assert_eq!(decomposed.chars().count(), 1_200);
        assert_eq!(check_string_length(&composed), None);
        assert_eq!(check_string_length(&decomposed), None, "600 letters with accents are 600 characters");
        assert!(check_string_length(&"e\u{0301}".repeat(1_001)).is_some());
    }
}
