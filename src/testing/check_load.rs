//! Fuzz check 1: any bytes through [`crate::data::load_bytes`].
//!
//! Whatever the bytes, loading returns (no panic), and:
//! - an invalid document has at least one error, each with a path and a message, and none of
//!   them is the message for the typed read and the walk disagreeing (a bug by definition);
//! - a valid document written back out as JSON loads again to the same operation and the
//!   same warnings;
//! - where the typed one-pass read gives an answer, the detailed walk (what explains invalid
//!   documents) gives the same verdict, and the same operation.

use serde_json::Value;

use crate::data::{self, Checked, Report};

/// The words every bug message of the loader carries (see `messages::types_disagree`).
const BUG: &str = "this is a bug in operation-charts";

/// Loads `bytes` and checks the answer; panics, saying what is wrong, if anything is.
pub fn check_load(bytes: &[u8]) {
    let loaded = data::load_bytes(bytes);
    match &loaded {
        Ok(checked) => round_trip(checked),
        Err(report) => errors_explain(report),
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        typed_and_walk_agree(text);
    }
}

fn errors_explain(report: &Report) {
    assert!(!report.errors.is_empty(), "an invalid document with no error: {report:?}");
    for p in &report.errors {
        assert!(!p.path.is_empty() && !p.message.is_empty(), "a problem without a path or a message: {p:?}");
        assert!(!p.message.contains(BUG), "the loader reports a bug: {p}");
    }
}

fn round_trip(checked: &Checked) {
    let text = match serde_json::to_string(&checked.operation) {
        Ok(text) => text,
        Err(e) => panic!("a valid operation does not serialise: {e}"),
    };
    match data::load(&text) {
        Ok(again) => {
            assert_eq!(again.operation, checked.operation, "written out and read back, the operation changed: {text}");
            assert_eq!(again.warnings, checked.warnings, "written out and read back, the warnings changed: {text}");
        }
        Err(report) => panic!("a valid operation, written out, no longer loads: {:?}\n{text}", report.errors),
    }
}

fn typed_and_walk_agree(text: &str) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(typed) = data::load_typed(text) else { return };
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        panic!("the typed read accepted the shape of text that is not JSON: {text:?}");
    };
    let walked = data::load_value(value);
    match (&typed, &walked) {
        (Ok(a), Ok(b)) => assert_eq!(a.operation, b.operation, "the typed read and the walk read different operations"),
        (Err(_), Err(_)) => {}
        _ => panic!(
            "the typed read says {} and the walk says {}: {:?} / {:?}",
            verdict(&typed),
            verdict(&walked),
            typed.as_ref().err(),
            walked.as_ref().err()
        ),
    }
}

fn verdict(result: &Result<Checked, Report>) -> &'static str {
    if result.is_ok() { "valid" } else { "invalid" }
}
