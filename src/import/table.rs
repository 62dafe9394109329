//! The CSV as read by the `csv` crate: its header row and its rows, each with the line it
//! starts on. The crate handles quoted separators and line breaks, doubled quotes and a
//! byte-order mark; the separator is found by [`super::delimiter`].

use csv::{ErrorKind, ReaderBuilder, StringRecord, Trim};

use super::delimiter;
use super::located::{Located, Location};
use super::messages;

/// A CSV of events, read.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    /// The line the header row is on.
    pub(crate) header_line: u64,
    /// The header row's cells, without surrounding spaces.
    pub(crate) header: StringRecord,
    /// Every row with something in it, in order: one event each. Rows whose cells are all
    /// empty (a spreadsheet's trailing `,,,` lines) are left out.
    pub(crate) rows: Vec<Row>,
}

/// One row of the CSV.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    /// The line it starts on (a quoted cell can run over several lines).
    pub(crate) line: u64,
    /// Its cells, without surrounding spaces; as many as written, which may be fewer or more
    /// than the header row has.
    pub(crate) cells: StringRecord,
}

impl Table {
    /// Reads `input`. The only errors are text that is not UTF-8 (at the line where it
    /// starts) and a file with no header row.
    pub(crate) fn read(input: &[u8]) -> Result<Self, Located> {
        let mut reader = ReaderBuilder::new()
            .delimiter(delimiter::detect(input))
            .flexible(true)
            .trim(Trim::All)
            .from_reader(input);
        let header = reader.headers().map_err(|error| located(input, &error))?.clone();
        if header.is_empty() {
            return Err(Located::new(Location::File, messages::no_header()));
        }
        let header_line = header.position().map_or(1, |position| start_line(input, position));
        let mut rows = Vec::new();
        for record in reader.into_records() {
            let cells = record.map_err(|error| located(input, &error))?;
            if cells.iter().all(str::is_empty) {
                continue;
            }
            let line = cells.position().map_or(header_line, |position| start_line(input, position));
            rows.push(Row { line, cells });
        }
        Ok(Self { header_line, header, rows })
    }
}

/// The line a record starts on. The csv crate gives the position where it began reading the
/// record, which is before the blank lines it skips on the way; those are counted here.
fn start_line(input: &[u8], position: &csv::Position) -> u64 {
    let from = usize::try_from(position.byte()).unwrap_or(usize::MAX);
    let blank = input.get(from..).unwrap_or_default().iter().take_while(|&&b| b == b'\n' || b == b'\r');
    let skipped = blank.filter(|&&b| b == b'\n').count();
    position.line().saturating_add(u64::try_from(skipped).unwrap_or(0))
}

/// A failure of the CSV reader, where it is.
fn located(input: &[u8], error: &csv::Error) -> Located {
    match error.kind() {
        ErrorKind::Utf8 { pos: Some(position), .. } => {
            Located::new(Location::Line(start_line(input, position)), messages::csv_not_utf8())
        }
        ErrorKind::Utf8 { pos: None, .. } => Located::new(Location::File, messages::csv_not_utf8()),
        _ => Located::new(Location::File, messages::unreadable(error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(table: &Table) -> Vec<u64> {
        table.rows.iter().map(|row| row.line).collect()
    }

    #[test]
    fn rows_know_the_line_they_start_on() {
        let table = Table::read(b"type,note\nraid,\"two\nlines\"\n\n,\nraid, x \n").unwrap();
        assert_eq!(table.header_line, 1);
        assert_eq!(table.header.iter().collect::<Vec<_>>(), ["type", "note"]);
        assert_eq!(lines(&table), [2, 6]);
        // Blank lines, which the csv crate skips, still count.
        let blank = Table::read(b"\r\n\ntype\r\n\r\n\r\nraid\n\nraid\n").unwrap();
        assert_eq!((blank.header_line, lines(&blank)), (3, vec![6, 8]));
        assert_eq!(table.rows[0].cells.get(1), Some("two\nlines"));
        assert_eq!(table.rows[1].cells.get(1), Some("x"));
    }

    #[test]
    fn empty_files_and_bad_bytes_are_located() {
        assert_eq!(Table::read(b"").unwrap_err(), Located::new(Location::File, messages::no_header()));
        let bad = Table::read(b"type,note\nraid,ok\n\nraid,caf\xe9\n").unwrap_err();
        assert_eq!(bad, Located::new(Location::Line(4), messages::csv_not_utf8()));
    }
}
