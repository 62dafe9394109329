//! The messages only an import shows: problems a CSV can have and a JSON document cannot.
//! Everything about the values themselves is validation's own message
//! (`crate::data::messages`), placed at the CSV cell it came from.

use crate::data::messages::{not_utf8, show_str};

/// No source was given, so the agency is credited.
pub(crate) fn credit_is_the_agency(agency: &str) -> String {
    format!("not given, so the credit line is the agency, {}", show_str(agency))
}

/// The CSV has no header row at all.
pub(crate) fn no_header() -> String {
    "expected a header row naming event fields (such as type,time,raid,count), found an empty file".to_owned()
}

/// Two columns have the same name.
pub(crate) fn column_twice() -> String {
    "named twice in the header row".to_owned()
}

/// The header row lacks a column every event needs.
pub(crate) fn column_missing(column: &str) -> String {
    format!("the header row has no {} column, and every event needs one", show_str(column))
}

/// A cell with something in it, in a column the header row leaves unnamed.
pub(crate) fn cell_in_unnamed_column(found: &str, column_number: usize) -> String {
    format!("found {} in column {column_number}, which the header row does not name", show_str(found))
}

/// A cell with something in it, past the last column the header row names.
pub(crate) fn cell_past_header(found: &str, column_number: usize, named: usize) -> String {
    format!("found {} in column {column_number}, but the header row names only {named} columns", show_str(found))
}

/// Bytes that are not UTF-8: validation's message, and what to do about it.
pub(crate) fn csv_not_utf8() -> String {
    format!("{}; save the spreadsheet as CSV in UTF-8", not_utf8())
}

/// Any other failure of the CSV reader (it has few: the input is all in memory).
pub(crate) fn unreadable(error: &csv::Error) -> String {
    format!("expected CSV text, found a problem the CSV reader reports: {error}")
}
