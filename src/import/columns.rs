//! The header row: which event field each column holds, in whatever order the spreadsheet has
//! them. An unknown column is an error with a suggestion, as an unknown field is in JSON. A
//! column left unnamed may stay empty (spreadsheets export such columns); one with something
//! in it is an error, as is a cell past the last named column.

use serde_json::{Map, Value};

use super::cell;
use super::located::{Located, Location};
use super::messages;
use super::table::{Row, Table};
use crate::data::fields::{self, Field};
use crate::data::{messages as data_messages, suggest};

/// What the columns of a CSV hold, in order.
#[derive(Debug, Clone)]
pub(crate) struct Columns {
    /// The field of each column; `None` for a column the header row leaves unnamed.
    fields: Vec<Option<Field>>,
}

impl Columns {
    /// The columns of `table`'s header row, or every problem with it: unknown names (with a
    /// suggestion), names given twice, and, when there are rows, a missing column that every
    /// event needs.
    pub(crate) fn read(table: &Table) -> Result<Self, Vec<Located>> {
        let line = table.header_line;
        let names = fields::all_event_field_names();
        let mut errors = Vec::new();
        let mut columns: Vec<Option<Field>> = Vec::with_capacity(table.header.len());
        for name in &table.header {
            if name.is_empty() {
                columns.push(None);
                continue;
            }
            let cell = || Location::Cell { line, column: name.to_owned() };
            match fields::EVENT_FIELDS.iter().find(|field| field.name == name) {
                Some(field) if columns.iter().flatten().any(|seen| seen.name == name) => {
                    errors.push(Located::new(cell(), messages::column_twice()));
                    columns.push(Some(*field));
                }
                Some(field) => columns.push(Some(*field)),
                None => {
                    let suggestion = suggest::closest(name, names.iter().copied());
                    errors.push(Located::new(cell(), data_messages::unknown_field(suggestion)));
                    columns.push(None);
                }
            }
        }
        if errors.is_empty() && !table.rows.is_empty() {
            for needed in fields::EVENT_FIELDS.iter().filter(|field| needed_by_every_event(field.name)) {
                if !columns.iter().flatten().any(|field| field.name == needed.name) {
                    errors.push(Located::new(Location::Line(line), messages::column_missing(needed.name)));
                }
            }
        }
        if errors.is_empty() {
            Ok(Self { fields: columns })
        } else {
            Err(errors)
        }
    }

    /// The event of `row`: a JSON object with a member for each of its non-empty cells. A cell
    /// with something in it but no column to name it adds an error to `errors` instead.
    pub(crate) fn event(&self, row: &Row, errors: &mut Vec<Located>) -> Value {
        let mut event = Map::new();
        for (index, text) in row.cells.iter().enumerate() {
            if text.is_empty() {
                continue;
            }
            match self.fields.get(index) {
                Some(Some(field)) => {
                    event.insert(field.name.to_owned(), cell::value(text, field.kind));
                }
                Some(None) => {
                    let message = messages::cell_in_unnamed_column(text, index + 1);
                    errors.push(Located::new(Location::Line(row.line), message));
                }
                None => {
                    let message = messages::cell_past_header(text, index + 1, self.fields.len());
                    errors.push(Located::new(Location::Line(row.line), message));
                }
            }
        }
        Value::Object(event)
    }
}

/// Whether every event type requires the field called `name` (`type` and `time` do).
fn needed_by_every_event(name: &str) -> bool {
    fields::EVENT_TYPES.iter().all(|(_, fields)| fields.iter().any(|field| field.name == name && field.required))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns(csv: &str) -> Result<Vec<Option<&'static str>>, Vec<String>> {
        let table = Table::read(csv.as_bytes()).map_err(|e| vec![e.with_file("t.csv")])?;
        match Columns::read(&table) {
            Ok(columns) => Ok(columns.fields.iter().map(|f| f.map(|f| f.name)).collect()),
            Err(errors) => Err(errors.iter().map(|e| e.with_file("t.csv")).collect()),
        }
    }

    #[test]
    fn every_event_needs_a_type_and_a_time() {
        let needed: Vec<&str> =
            fields::EVENT_FIELDS.iter().map(|f| f.name).filter(|name| needed_by_every_event(name)).collect();
        assert_eq!(needed, ["type", "time"]);
    }

    #[test]
    fn columns_come_in_any_order_and_may_be_unnamed() {
        assert_eq!(columns("time,note,,type\n"), Ok(vec![Some("time"), Some("note"), None, Some("type")]));
        // Without rows, no column is needed.
        assert_eq!(columns("note\n"), Ok(vec![Some("note")]));
    }

    #[test]
    fn header_problems_are_all_reported() {
        assert_eq!(
            columns("type,tiem,Count,colour,type\nraid,2018-04-16,,,\n"),
            Err(vec![
                "t.csv:1: column \"tiem\": unknown field; did you mean \"time\"?".to_owned(),
                "t.csv:1: column \"Count\": unknown field; did you mean \"count\"?".to_owned(),
                "t.csv:1: column \"colour\": unknown field".to_owned(),
                "t.csv:1: column \"type\": named twice in the header row".to_owned(),
            ])
        );
        assert_eq!(
            columns("type,place\nraid,Norwich\n"),
            Err(vec!["t.csv:1: the header row has no \"time\" column, and every event needs one".to_owned()])
        );
    }
}
