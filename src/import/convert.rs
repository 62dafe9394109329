//! The import itself: a CSV and its details in, a checked document (or every problem, placed
//! in the CSV) out.

use super::columns::Columns;
use super::details::Details;
use super::layout;
use super::locate::Locator;
use super::located::{Located, Location};
use super::table::Table;
use crate::data::{self, Operation};

/// A CSV made into a valid document.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The document, typed and checked by [`crate::data::load`].
    pub operation: Operation,
    /// What the person importing should know but need not fix: the credit line taken from
    /// the agency, and validation's consistency warnings, placed in the CSV.
    pub warnings: Vec<Located>,
}

impl Imported {
    /// The document as JSON text, one event per line.
    pub fn to_json(&self) -> String {
        layout::document(&self.operation)
    }
}

/// Why a CSV could not be made into a valid document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rejected {
    /// Every problem found, in the order of the file (the details first).
    pub errors: Vec<Located>,
    /// The warnings about the details found so far (validation looks for its consistency
    /// warnings only in a document without errors).
    pub warnings: Vec<Located>,
}

/// Makes `input`, a CSV of events whose header row names event fields, and `details` into a
/// format version 1 document, checked by the same [`crate::data::load`] as every document.
/// Each problem is placed at the CSV line and column it comes from, with validation's own
/// message. Never panics.
pub fn import_csv(input: &[u8], details: &Details) -> Result<Imported, Rejected> {
    let warnings = details.warnings();
    let table = match Table::read(input) {
        Ok(table) => table,
        Err(error) => return Err(Rejected { errors: vec![error], warnings }),
    };
    let columns = match Columns::read(&table) {
        Ok(columns) => columns,
        Err(errors) => return Err(Rejected { errors: in_file_order(errors), warnings }),
    };
    let mut errors = Vec::new();
    let events = table.rows.iter().map(|row| columns.event(row, &mut errors)).collect();
    // The same text-in check as any other document's: the same limits, the same messages.
    let text = details.document(events).to_string();
    let locator = Locator::new(&table, details);
    match data::load(&text) {
        Ok(checked) if errors.is_empty() => {
            let mut warnings = warnings;
            warnings.extend(checked.warnings.into_iter().map(|problem| locator.locate(problem)));
            Ok(Imported { operation: checked.operation, warnings: in_file_order(warnings) })
        }
        Ok(_) => Err(Rejected { errors: in_file_order(errors), warnings }),
        Err(report) => {
            errors.extend(report.errors.into_iter().map(|problem| locator.locate(problem)));
            Err(Rejected { errors: in_file_order(errors), warnings })
        }
    }
}

/// `problems` in the order a person reads them: the details, then the file as a whole, then
/// line by line (each line's problems in the order they were found).
fn in_file_order(mut problems: Vec<Located>) -> Vec<Located> {
    problems.sort_by_key(|problem| match problem.location {
        Location::Detail(_) => (0, 0),
        Location::File => (1, 0),
        Location::Line(line) | Location::Cell { line, .. } => (2, line),
    });
    problems
}
