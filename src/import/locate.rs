//! Taking validation's problems back to the CSV: `events[12].time` is the `time` column of the
//! 13th row with something in it, on the line that row starts on. The message stays
//! validation's own; only where it names another event (`events[3]`, as a duplicate id or a
//! raid reference does) is that event named by its line instead, which is what a person
//! looking at the spreadsheet can find.

use std::fmt::Write;

use super::details::{Detail, Details};
use super::located::{Located, Location};
use super::table::Table;
use crate::data::Problem;

/// The start of an event's path.
const EVENTS: &str = "events[";

/// Where each event of the document came from.
#[derive(Debug, Clone)]
pub(crate) struct Locator<'d> {
    /// The line each event's row starts on, by the event's index.
    lines: Vec<u64>,
    /// The details the rest of the document came from.
    details: &'d Details,
}

impl<'d> Locator<'d> {
    /// The locator for a document made from `table`'s rows, in order, and `details`.
    pub(crate) fn new(table: &Table, details: &'d Details) -> Self {
        Self { lines: table.rows.iter().map(|row| row.line).collect(), details }
    }

    /// `problem`, placed in the CSV (or at a detail, or the file as a whole).
    pub(crate) fn locate(&self, problem: Problem) -> Located {
        let location = match event_path(&problem.path) {
            Some((index, field)) => match (self.lines.get(index), field) {
                (Some(&line), Some(column)) => Location::Cell { line, column: column.to_owned() },
                (Some(&line), None) => Location::Line(line),
                (None, _) => Location::File,
            },
            None => Detail::at_path(&problem.path, self.details).map_or(Location::File, Location::Detail),
        };
        Located::new(location, self.by_line(&problem.message))
    }

    /// `message` with each event it names outside its quoted values (`events[3]`) named by
    /// its line instead (`line 5`).
    fn by_line(&self, message: &str) -> String {
        let mut out = String::with_capacity(message.len());
        let (mut in_quotes, mut escaped) = (false, false);
        let mut rest = message;
        while let Some(c) = rest.chars().next() {
            if !in_quotes {
                if let Some((line, length)) = event_reference(rest).and_then(|(i, n)| Some((self.lines.get(i)?, n))) {
                    let _ = write!(out, "line {line}");
                    rest = rest.get(length..).unwrap_or_default();
                    continue;
                }
            }
            // Found values are JSON strings: a quote inside one is escaped.
            match (in_quotes, escaped, c) {
                (true, true, _) => escaped = false,
                (true, false, '\\') => escaped = true,
                (_, _, '"') => in_quotes = !in_quotes,
                _ => {}
            }
            out.push(c);
            rest = rest.get(c.len_utf8()..).unwrap_or_default();
        }
        out
    }
}

/// The event index and field of a path such as `events[12].time` (or `events[12]`).
fn event_path(path: &str) -> Option<(usize, Option<&str>)> {
    let (index, length) = event_reference(path)?;
    match path.get(length..)? {
        "" => Some((index, None)),
        rest => Some((index, Some(rest.strip_prefix('.')?))),
    }
}

/// The index in an `events[12]` at the start of `text`, and how long that is.
fn event_reference(text: &str) -> Option<(usize, usize)> {
    let rest = text.strip_prefix(EVENTS)?;
    let digits = rest.get(..rest.find(']')?)?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((digits.parse().ok()?, EVENTS.len() + digits.len() + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locator(details: &Details) -> Locator<'_> {
        Locator { lines: vec![2, 3, 7], details }
    }

    #[test]
    fn paths_become_cells_lines_details_or_the_file() {
        let details = Details::default();
        let at = |path: &str| locator(&details).locate(Problem::new(path, "m")).location;
        assert_eq!(at("events[2].time"), Location::Cell { line: 7, column: "time".into() });
        assert_eq!(at("events[0]"), Location::Line(2));
        assert_eq!(at("events[3].time"), Location::File);
        assert_eq!(at("events"), Location::File);
        assert_eq!(at("$"), Location::File);
        assert_eq!(at("operation.name"), Location::Detail(Detail::Name));
        assert_eq!(at("reported.charged"), Location::Detail(Detail::ReportedCharged));
        assert_eq!(at("events[x].time"), Location::File);
        assert_eq!(at("events[1]time"), Location::File);
    }

    #[test]
    fn other_events_are_named_by_line_but_found_values_are_left_alone() {
        let details = Details::default();
        let locator = locator(&details);
        assert_eq!(
            locator.by_line("duplicate id \"a\": ids must be unique, and events[0] already uses it"),
            "duplicate id \"a\": ids must be unique, and line 2 already uses it"
        );
        assert_eq!(
            locator.by_line("found \"events[1] \\\" events[2]\" which is the id of events[2], not a raid"),
            "found \"events[1] \\\" events[2]\" which is the id of line 7, not a raid"
        );
        assert_eq!(locator.by_line("events[9] and é"), "events[9] and é");
    }
}
