//! Reading a document: size limit, JSON syntax, the shape walk, cross-references, then the
//! typed [`Operation`], then consistency warnings. Every error is reported, each with its JSON
//! path, and nothing input can reach panics.

use serde_json::Value;

use super::consistency;
use super::limits;
use super::messages;
use super::model::Operation;
use super::problem::{Checked, Problem, Report};
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
    // Tolerate the byte-order mark some Windows tools write; JSON itself does not allow it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => return Err(errors(vec![Problem::new(messages::ROOT, messages::not_json(&e))])),
    };
    load_value(value)
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

/// Checks an already-parsed JSON value (for example one handed over from JavaScript).
/// Never panics.
pub fn load_value(value: Value) -> Result<Checked, Report> {
    let mut found = Vec::new();
    walk::check_document(&value, &mut found);
    references::check(&value, &mut found);
    if !found.is_empty() {
        return Err(errors(found));
    }
    // The types are the final authority; the checks above exist to explain problems well.
    match serde_json::from_value::<Operation>(value) {
        Ok(operation) => {
            let warnings = consistency::warnings(&operation);
            Ok(Checked { operation, warnings })
        }
        Err(e) => Err(errors(vec![Problem::new(messages::ROOT, messages::types_disagree(&e))])),
    }
}

fn errors(errors: Vec<Problem>) -> Report {
    Report { errors, warnings: Vec::new() }
}
