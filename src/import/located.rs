//! A problem with an import, placed where the person importing can fix it: a cell of the CSV,
//! a line of it, the file as a whole, or one of the details given beside it.

use super::details::Detail;
use crate::data::messages;

/// Where a problem is, in the terms of what was imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The CSV as a whole (it is empty, or its events as a set are wrong).
    File,
    /// A whole line of the CSV: the line a row starts on (1 for the first line).
    Line(u64),
    /// One cell: the line its row starts on, and its column's name in the header row. A
    /// column's name itself is at the header row's line.
    Cell {
        /// The line the row starts on (a quoted cell may span several lines).
        line: u64,
        /// The column's name, as the header row spells it.
        column: String,
    },
    /// One of the details given beside the CSV, such as the operation's name.
    Detail(Detail),
}

/// One problem: where it is, and what is wrong there, in validation's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// Where it is.
    pub location: Location,
    /// What was expected and what was found.
    pub message: String,
}

impl Located {
    /// A problem at `location`.
    pub fn new(location: Location, message: impl Into<String>) -> Self {
        Self { location, message: message.into() }
    }

    /// The problem as the command-line tool prints it, for a CSV called `file`:
    /// `events.csv:7: column "time": message`, `events.csv:7: message` for a whole line,
    /// `events.csv: message` for the file as a whole, and `--name: message` for a detail.
    pub fn with_file(&self, file: &str) -> String {
        match &self.location {
            Location::File => format!("{file}: {}", self.message),
            Location::Line(line) => format!("{file}:{line}: {}", self.message),
            Location::Cell { line, column } => {
                format!("{file}:{line}: column {}: {}", messages::show_str(column), self.message)
            }
            Location::Detail(detail) => format!("{}: {}", detail.option(), self.message),
        }
    }
}
