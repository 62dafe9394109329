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

/// At most this many annotations.
pub const MAX_ANNOTATIONS: usize = 50;

/// An annotation's text: at most this many characters (counted as for every string), short
/// enough to stand on the chart as a label.
pub const MAX_LABEL_CHARS: usize = 200;

/// Every count (people in an event, reported totals): at most a billion. With at most
/// [`MAX_EVENTS`] events, every sum then stays below 2⁵³, so every total is exact in
/// JavaScript's numbers too, and no sum can overflow.
pub const MAX_COUNT: u64 = 1_000_000_000;

/// The error for a document of `bytes` bytes, if that is over [`MAX_DOCUMENT_BYTES`].
pub fn check_document_size(bytes: usize) -> Option<Problem> {
    (bytes > MAX_DOCUMENT_BYTES).then(|| Problem::new(messages::ROOT, messages::document_too_large(bytes)))
}

/// The message for `count` events, if that is over [`MAX_EVENTS`].
pub(crate) fn check_event_count(count: usize) -> Option<String> {
    (count > MAX_EVENTS).then(|| messages::too_many_events(count))
}

/// The message for `count` annotations, if that is over [`MAX_ANNOTATIONS`].
pub(crate) fn check_annotation_count(count: usize) -> Option<String> {
    (count > MAX_ANNOTATIONS).then(|| messages::too_many_annotations(count))
}

/// The message for an annotation's text, if it breaks a rule of every string or is longer
/// than [`MAX_LABEL_CHARS`] characters or says nothing.
pub(crate) fn check_label(text: &str) -> Option<String> {
    if let Some(message) = check_string(text) {
        return Some(message);
    }
    if text.trim().is_empty() {
        return Some(messages::empty_name());
    }
    let chars = text.chars().filter(|c| !is_combining_mark(*c)).count();
    (chars > MAX_LABEL_CHARS).then(|| messages::label_too_long(chars))
}

/// The message for a count, if it is over [`MAX_COUNT`].
pub(crate) fn check_count(count: u64) -> Option<String> {
    (count > MAX_COUNT).then(|| messages::count_too_large(count))
}

/// The message for a string, if it is longer than [`MAX_STRING_CHARS`] characters or holds a
/// character that would change what a reader sees without being seen itself.
pub(crate) fn check_string(text: &str) -> Option<String> {
    // Nearly every string is printable ASCII, which holds no hidden control: a byte test,
    // much quicker than decoding each char, settles it.
    if text.bytes().any(|b| !(b' '..=b'~').contains(&b)) {
        if let Some(c) = text.chars().find(|c| is_hidden_control(*c)) {
            return Some(messages::hidden_control(c));
        }
    }
    // Cheap test first: a string of at most MAX_STRING_CHARS bytes cannot have more chars.
    if text.len() <= MAX_STRING_CHARS {
        return None;
    }
    let chars = text.chars().filter(|c| !is_combining_mark(*c)).count();
    (chars > MAX_STRING_CHARS).then(|| messages::text_too_long(chars))
}

/// Control characters (other than tab and line breaks), which no chart text needs and an SVG
/// cannot hold, and the explicit bidirectional embeddings, overrides and isolates, which can
/// reorder what a reader sees: "12" can be made to read "21".
pub(crate) fn is_hidden_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
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
        assert_eq!(check_string(&"é".repeat(MAX_STRING_CHARS)), None);
        assert_eq!(
            check_string(&"é".repeat(MAX_STRING_CHARS + 1)).as_deref(),
            Some("text too long: expected at most 1,000 characters, found 1,001")
        );
    }

    #[test]
    fn counts_stop_at_a_billion() {
        assert_eq!(check_count(MAX_COUNT), None);
        assert_eq!(check_count(MAX_COUNT + 1).as_deref(), Some("count too large: expected at most 1,000,000,000, found 1,000,000,001"));
    }

    #[test]
    fn text_may_not_hide_controls_or_reorder_itself() {
        assert_eq!(check_string("Tab\tand\nline"), None);
        assert_eq!(check_string("zero\u{200B}width and \u{200D} joiner"), None);
        assert_eq!(
            check_string("12 \u{202E}arrested").as_deref(),
            Some("text holds U+202E, an invisible character that changes how the text around it reads; remove it")
        );
        assert!(check_string("nul\u{0}").is_some());
        assert!(check_string("isolate \u{2067}x\u{2069}").is_some());
    }

    #[test]
    fn the_ascii_shortcut_refuses_exactly_what_the_char_test_refuses() {
        let mut controls = 0;
        for c in ('\0'..='\u{3000}').chain(['\u{FEFF}', '\u{1F600}']) {
            let text = format!("a{c}b");
            assert_eq!(check_string(&text).is_some(), is_hidden_control(c), "{c:?}");
            controls += usize::from(is_hidden_control(c));
        }
        // C0 but tab and line breaks, DEL, C1, and the nine bidirectional controls.
        assert_eq!(controls, 29 + 1 + 32 + 9);
    }

    #[test]
    fn string_length_does_not_count_combining_accents() {
        let composed = "é".repeat(600);
        let decomposed = "e\u{0301}".repeat(600);
        assert_eq!(decomposed.chars().count(), 1_200);
        assert_eq!(check_string(&composed), None);
        assert_eq!(check_string(&decomposed), None, "600 letters with accents are 600 characters");
        assert!(check_string(&"e\u{0301}".repeat(1_001)).is_some());
    }
}
