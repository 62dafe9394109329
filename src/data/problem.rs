//! What validation says about a document: errors that stop it, warnings that do not.

use std::fmt;

use serde::Serialize;

use super::model::Operation;

/// One problem in a document: where it is, and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The JSON path, e.g. `events[12].time`; `$` for the document as a whole.
    pub path: String,
    /// What was expected and what was found, in plain words.
    pub message: String,
}

impl Problem {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { path: path.into(), message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Everything validation found. A document with any error is not drawn.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Problems that make the document invalid.
    pub errors: Vec<Problem>,
    /// Consistency problems a real record can have; shown to the developer, never dropped.
    pub warnings: Vec<Problem>,
}

impl Report {
    /// True when there are no errors (warnings allowed).
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }
}

/// A valid operation, with the warnings found while checking it.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// The typed, checked operation.
    pub operation: Operation,
    /// Consistency warnings (see [`Report::warnings`]).
    pub warnings: Vec<Problem>,
}
