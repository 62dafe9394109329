//! Reading a document: the size limit, then one typed pass, then references and consistency
//! warnings on the typed model; the detailed walk only when something is wrong.
//!
//! A valid document is read once, straight from its text into the [`Operation`]: no
//! intermediate JSON value, each time parsed once, and no JSON path made. Ids and raid
//! references are then checked on the typed events, and the consistency warnings found.
//!
//! The typed pass stops at the first problem without saying where it is. The document is then
//! parsed into a `serde_json::Value` and walked with paths (`walk.rs`, `references.rs`), which
//! reports every error, each with its path; keys given twice in one object, which a `Value`
//! cannot hold, are found by one more scan of the text (`duplicates.rs`). The typed pass
//! accepts exactly what the walk and that scan accept (a test compares them). Nothing input
//! can reach panics.

use serde::de::DeserializeSeed;
use serde_json::Value;

use super::consistency;
use super::duplicates;
use super::limits;
use super::messages;
use super::model::Operation;
use super::problem::{Checked, Problem, Report};
use super::read_document;
use super::references;
use super::walk;

/// Reads and checks a JSON document. Never panics.
///
/// On success, the typed operation and any consistency warnings; otherwise every error found
/// (warnings are only looked for once a document has no errors).
pub fn load(text: &str) -> Result<Checked, Report> {
    if let Some(problem) = limits::check_document_size(text.len()) {
        return Err(errors(vec![problem]));
    }
    let text = without_bom(text);
    match typed(text) {
        Some(result) => result,
        None => detailed(text),
    }
}

/// Like [`load`], for raw bytes (a file or standard input): also reports text that is not
/// UTF-8. Never panics.
pub fn load_bytes(bytes: &[u8]) -> Result<Checked, Report> {
    if let Some(problem) = limits::check_document_size(bytes.len()) {
        return Err(errors(vec![problem]));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => load(text),
        Err(_) => Err(errors(vec![Problem::new(messages::ROOT, messages::not_utf8())])),
    }
}

/// The typed pass of [`load`] on its own, for tests and measurements: what `load` returns
/// when the document's shape is valid (the operation and its warnings, or the errors in its
/// references), or `None` when it is not, where `load` goes on to explain every problem with
/// the walk. Never panics.
pub fn load_typed(text: &str) -> Option<Result<Checked, Report>> {
    if let Some(problem) = limits::check_document_size(text.len()) {
        return Some(Err(errors(vec![problem])));
    }
    typed(without_bom(text))
}

/// Checks an already-parsed JSON value with the detailed walk: what [`load`] falls back to for
/// an invalid document, and what the tests hold the typed pass to. Never panics.
pub fn load_value(value: Value) -> Result<Checked, Report> {
    let mut found = Vec::new();
    walk::check_document(&value, &mut found);
    references::check_value(&value, &mut found);
    if !found.is_empty() {
        return Err(errors(found));
    }
    // The walk found nothing wrong, so the types accept the value (the tests hold them to it).
    // The value goes back through the typed pass as text: a second typed reader, from a
    // `Value`, would double the deserialising code in the wasm.
    match serde_json::to_string(&value).ok().and_then(|text| typed(&text)) {
        Some(result) => result,
        None => Err(errors(vec![Problem::new(messages::ROOT, messages::types_disagree())])),
    }
}

/// The byte-order mark some Windows tools write is tolerated, though JSON does not allow it.
fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// One pass from the text into the typed model, then references and warnings; `None` if the
/// document's shape has any problem.
fn typed(text: &str) -> Option<Result<Checked, Report>> {
    let mut json = serde_json::Deserializer::from_str(text);
    let seed = read_document::WithRoom { events: read_document::events_in(text) };
    let operation = seed.deserialize(&mut json).and_then(|operation| json.end().map(|()| operation)).ok()?;
    Some(checked(operation))
}

/// The document parsed into a JSON value and walked, reporting every error with its path.
fn detailed(text: &str) -> Result<Checked, Report> {
    match serde_json::from_str::<Value>(text) {
        Ok(value) => {
            let mut found = Vec::new();
            duplicates::check(text, &mut found);
            match load_value(value) {
                Err(report) => {
                    found.extend(report.errors);
                    Err(errors(found))
                }
                Ok(_) if !found.is_empty() => Err(errors(found)),
                ok => ok,
            }
        }
        Err(e) => Err(errors(vec![Problem::new(messages::ROOT, messages::not_json(&e))])),
    }
}

/// A typed operation's references (errors, with their paths), or its consistency warnings.
fn checked(operation: Operation) -> Result<Checked, Report> {
    let mut found = Vec::new();
    let raid_of = references::check_events(&operation.events, &mut found);
    if !found.is_empty() {
        return Err(errors(found));
    }
    let warnings = consistency::warnings(&operation, &raid_of);
    Ok(Checked { operation, warnings })
}

fn errors(errors: Vec<Problem>) -> Report {
    Report { errors, warnings: Vec::new() }
}
