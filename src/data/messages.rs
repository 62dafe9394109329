//! Every message validation shows to a person, in one place, so the wording stays consistent
//! and can be reviewed (or translated) without reading the checks.
//!
//! Errors say what was expected and what was found; found values are shown JSON-encoded and
//! cut short, so `"17"` (a string) and `17` (a number) look different.

use std::io;

use serde_json::Value;

use super::limits::{MAX_DOCUMENT_BYTES, MAX_EVENTS, MAX_STRING_CHARS};

/// The path of the document itself.
pub(crate) const ROOT: &str = "$";

/// Longest found value shown in a message, in characters, before it is cut short with `…`.
const MAX_FOUND_CHARS: usize = 60;

// ----- what is expected ---------------------------------------------------------------------

/// Expected: the document itself.
pub(crate) const EXPECT_DOCUMENT: &str = "an object (an operation document)";
/// Expected: a JSON object.
pub(crate) const EXPECT_OBJECT: &str = "an object";
/// Expected: the list of events.
pub(crate) const EXPECT_ARRAY: &str = "an array of events";
/// Expected: an event.
pub(crate) const EXPECT_EVENT: &str = "an event object";
/// Expected: the annotations array.
pub(crate) const EXPECT_ANNOTATIONS: &str = "an array of annotations";
/// Expected: one annotation.
pub(crate) const EXPECT_ANNOTATION: &str = "an annotation object";
/// Expected: plain text.
pub(crate) const EXPECT_STRING: &str = "a string";
/// Expected: an ISO 8601 time.
pub(crate) const EXPECT_TIME: &str = "an ISO 8601 date or date-time with offset";
/// Expected: a secure link.
pub(crate) const EXPECT_HTTPS: &str = "a link starting with \"https://\"";
/// The event types, as listed in messages.
const EVENT_TYPES: &str = "\"raid\", \"arrest\", \"charge\" or \"seizure\"";

/// Expected: an integer of at least `min`.
pub(crate) fn expect_integer_at_least(min: u64) -> String {
    format!("an integer ≥ {min}")
}

// ----- errors ---------------------------------------------------------------------------------

/// The general shape of a type error: `expected a string, found 17`.
pub(crate) fn expected_found(expected: &str, found: &Value) -> String {
    format!("expected {expected}, found {}", show(found))
}

/// A name or credit line that is empty or only spaces.
pub(crate) fn empty_name() -> String {
    "expected some text, found an empty string; a chart must say what it shows and where its numbers come from".to_owned()
}

/// Too many annotations.
pub(crate) fn too_many_annotations(count: usize) -> String {
    format!("too many annotations: expected at most {}, found {}", super::limits::MAX_ANNOTATIONS, crate::format::count(count as u64))
}

/// An annotation's text over its limit.
pub(crate) fn label_too_long(chars: usize) -> String {
    format!("text too long for a label on the chart: expected at most {} characters, found {}", super::limits::MAX_LABEL_CHARS, crate::format::count(chars as u64))
}

/// A count over the limit.
pub(crate) fn count_too_large(count: u64) -> String {
    format!("count too large: expected at most {}, found {}", crate::format::count(super::limits::MAX_COUNT), crate::format::count(count))
}

/// A character in a text that is invisible but changes what the reader sees.
pub(crate) fn hidden_control(c: char) -> String {
    format!("text holds U+{:04X}, an invisible character that changes how the text around it reads; remove it", u32::from(c))
}

/// A key given twice in one object.
pub(crate) fn key_given_twice() -> String {
    "this key is given twice in one object; give it once (a reader keeps only one, and the other would be lost)".to_owned()
}

/// A required field is absent.
pub(crate) fn required_missing() -> String {
    "required field is missing".to_owned()
}

/// A field no object of this kind has, with a suggestion when a known field is close.
pub(crate) fn unknown_field(suggestion: Option<&str>) -> String {
    with_suggestion("unknown field".to_owned(), suggestion)
}

/// A field that exists, but on other event types: `item` on a raid.
pub(crate) fn field_not_on_type(field: &str, event_type: &str, allowed_on: &[&str]) -> String {
    format!(
        "\"{field}\" does not belong on {} {event_type} event; it is only for {} events",
        article(event_type),
        list_or(allowed_on)
    )
}

/// `version` is a number other than 1, or not a number.
pub(crate) fn unsupported_version(found: &Value) -> String {
    format!("expected 1 (the only format version there is), found {}", show(found))
}

/// An event `type` that is not one of the four.
pub(crate) fn unknown_event_type(found: &Value, suggestion: Option<&str>) -> String {
    with_suggestion(format!("expected {EVENT_TYPES}, found {}", show(found)), suggestion)
}

/// A time that is not ISO 8601 at all.
pub(crate) fn invalid_time(found: &str) -> String {
    format!("expected {EXPECT_TIME}, found {}", show_str(found))
}

/// A date-time written without a UTC offset, and how to write it.
pub(crate) fn time_missing_offset(found: &str) -> String {
    let base = found.trim().replacen(' ', "T", 1);
    format!(
        "expected a date-time with a UTC offset, found {} which has none; add a UTC offset such as {} or {}",
        show_str(found),
        show_str(&format!("{base}+01:00")),
        show_str(&format!("{base}Z")),
    )
}

/// A source link that is not `https:`.
pub(crate) fn not_https(found: &str) -> String {
    format!("expected {EXPECT_HTTPS}, found {}", show_str(found))
}

/// No events and no reported totals: nothing to chart.
pub(crate) fn nothing_to_chart() -> String {
    "expected at least one event, found an empty list and no \"reported\" totals; \
     give the itemised events, or the headline totals in \"reported\""
        .to_owned()
}

/// An `id` used before, by the event at `first`.
pub(crate) fn duplicate_id(id: &str, first: &str) -> String {
    format!("duplicate id {}: ids must be unique, and {first} already uses it", show_str(id))
}

/// A `raid` reference to an id no event has.
pub(crate) fn unknown_raid(id: &str, suggestion: Option<&str>) -> String {
    with_suggestion(format!("expected the id of a raid event, found {} which no raid has", show_str(id)), suggestion)
}

/// A `raid` reference to an event that is not a raid.
pub(crate) fn not_a_raid(id: &str, at: &str) -> String {
    format!("expected the id of a raid event, found {} which is the id of {at}, not a raid", show_str(id))
}

/// More events than [`MAX_EVENTS`].
pub(crate) fn too_many_events(found: usize) -> String {
    format!("too many events: expected at most {}, found {}", thousands(MAX_EVENTS), thousands(found))
}

/// A string longer than [`MAX_STRING_CHARS`].
pub(crate) fn text_too_long(found_chars: usize) -> String {
    format!(
        "text too long: expected at most {} characters, found {}",
        thousands(MAX_STRING_CHARS),
        thousands(found_chars)
    )
}

/// A document larger than [`MAX_DOCUMENT_BYTES`].
pub(crate) fn document_too_large(found_bytes: usize) -> String {
    format!(
        "document too large: expected at most 50 MB ({} bytes), found {} bytes",
        thousands(MAX_DOCUMENT_BYTES),
        thousands(found_bytes)
    )
}

/// A JSON syntax error, with where it is.
pub(crate) fn not_json(error: &serde_json::Error) -> String {
    let full = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    let what = full.strip_suffix(&suffix).unwrap_or(&full);
    format!("expected valid JSON, found a syntax error at line {}, column {}: {what}", error.line(), error.column())
}

/// Input that is not UTF-8 text (the command-line tool reads bytes).
pub(crate) fn not_utf8() -> String {
    "expected UTF-8 text, found bytes that are not valid UTF-8".to_owned()
}

/// The types rejected a document the checks passed. Should never happen; says so.
pub(crate) fn types_disagree() -> String {
    "the document passed every check but could not be read; this is a bug in operation-charts, please report it".to_owned()
}

// ----- warnings -------------------------------------------------------------------------------

/// Itemised charges exceed itemised arrests.
pub(crate) fn charged_more_than_arrested_itemised(charged: u64, arrested: u64) -> String {
    format!(
        "the itemised events charge more people ({}) than they arrest ({})",
        crate::format::count(charged),
        crate::format::count(arrested)
    )
}

/// Reported charges exceed reported arrests.
pub(crate) fn charged_more_than_arrested_reported(charged: u64, arrested: u64) -> String {
    format!(
        "more people reported charged ({}) than reported arrested ({})",
        crate::format::count(charged),
        crate::format::count(arrested)
    )
}

/// The itemised events add up to more than a reported total. `what` is the singular and
/// plural of what is counted, e.g. `("person charged", "people charged")`.
pub(crate) fn itemised_above_reported(what: (&str, &str), itemised: u64, reported: u64) -> String {
    let what = if itemised == 1 { what.0 } else { what.1 };
    format!(
        "the itemised events add up to {} {what}, more than the {} reported",
        crate::format::count(itemised),
        crate::format::count(reported)
    )
}

/// An arrest or charge dated before the raid it belongs to.
pub(crate) fn before_its_raid(event_type: &str, time: &str, raid_id: &str, raid_at: &str, raid_time: &str) -> String {
    format!(
        "this {event_type} is dated {}, before its raid {} ({raid_at}, dated {})",
        show_str(time),
        show_str(raid_id),
        show_str(raid_time)
    )
}

// ----- helpers --------------------------------------------------------------------------------

fn with_suggestion(message: String, suggestion: Option<&str>) -> String {
    match suggestion {
        Some(s) => format!("{message}; did you mean {}?", show_str(s)),
        None => message,
    }
}

/// "a" or "an", for the event type names.
fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// "a, b or c".
fn list_or(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// A found value, JSON-encoded and cut short.
pub(crate) fn show(value: &Value) -> String {
    let mut out = Bounded { bytes: Vec::new(), limit: MAX_FOUND_CHARS * 4 + 4 };
    // Stops early (with an error we ignore) once enough is written, so a huge value costs little.
    let _ = serde_json::to_writer(&mut out, value);
    truncate(&String::from_utf8_lossy(&out.bytes), MAX_FOUND_CHARS)
}

/// A found string, JSON-encoded and cut short.
pub(crate) fn show_str(text: &str) -> String {
    json_string_truncated(text, MAX_FOUND_CHARS)
}

/// `text` JSON-encoded, keeping at most `max_chars` characters of it.
pub(crate) fn json_string_truncated(text: &str, max_chars: usize) -> String {
    let cut: String = text.chars().take(max_chars).collect();
    let encoded = serde_json::to_string(&cut).unwrap_or_default();
    if cut.len() < text.len() {
        // `"abc…` : the missing closing quote and the ellipsis both say it was cut.
        let open = encoded.strip_suffix('"').unwrap_or(&encoded);
        format!("{open}…")
    } else {
        encoded
    }
}

fn truncate(text: &str, max_chars: usize) -> String {
    let mut chars = text.chars();
    let cut: String = chars.by_ref().take(max_chars).collect();
    if chars.next().is_some() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// 1234567 → "1,234,567".
fn thousands(n: usize) -> String {
    crate::format::count(u64::try_from(n).unwrap_or(u64::MAX))
}

/// A writer that accepts at most `limit` bytes, then fails, ending serialisation early.
struct Bounded {
    bytes: Vec<u8>,
    limit: usize,
}

impl io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let room = self.limit.saturating_sub(self.bytes.len());
        if room == 0 {
            return Err(io::Error::other("enough"));
        }
        let take = buf.len().min(room);
        self.bytes.extend_from_slice(buf.get(..take).unwrap_or_default());
        Ok(take)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn found_values_are_json_and_short() {
        assert_eq!(show(&json!("17")), "\"17\"");
        assert_eq!(show(&json!(17)), "17");
        assert_eq!(show(&json!(1.5)), "1.5");
        assert_eq!(show(&json!(null)), "null");
        assert_eq!(show(&json!({"a": [1, 2]})), "{\"a\":[1,2]}");
        let long = show(&json!(vec![1234567; 1000]));
        assert_eq!(long.chars().count(), MAX_FOUND_CHARS + 1);
        assert!(long.ends_with('…'));
        assert_eq!(show_str(&"x".repeat(100)), format!("\"{}…", "x".repeat(60)));
        assert_eq!(show_str("<b>"), "\"<b>\"");
    }

    #[test]
    fn numbers_get_thousands_separators() {
        // The grouping itself is crate::format::count's, tested there.
        assert_eq!(thousands(1_000_001), "1,000,001");
    }

    #[test]
    fn lists_read_naturally() {
        assert_eq!(list_or(&["seizure"]), "seizure");
        assert_eq!(list_or(&["arrest", "charge"]), "arrest or charge");
        assert_eq!(list_or(&["arrest", "charge", "seizure"]), "arrest, charge or seizure");
    }
}
