//! How an imported document is written: the top level and the list of events broken into
//! lines, each event on one line of its own, as the bundled documents are written. A reporter
//! can read it, and a change to one event is a change to one line.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, Serializer};

use crate::data::Operation;

/// `operation` as JSON text, one event per line, ending with a line break.
pub(crate) fn document(operation: &Operation) -> String {
    let mut out = Vec::new();
    let mut serializer = Serializer::with_formatter(&mut out, OneEventPerLine::default());
    // Writing to memory fails only for values JSON cannot hold, which an operation has none of.
    if operation.serialize(&mut serializer).is_err() {
        return String::new();
    }
    out.push(b'\n');
    String::from_utf8(out).unwrap_or_default()
}

/// Lines for the document's members and for the elements of an array among them; everything
/// deeper on one line, spaced as people write it (`{"type": "raid", "id": "a"}`).
#[derive(Debug, Default)]
struct OneEventPerLine {
    /// How deep the writer is: 1 inside the document, 2 inside one of its members.
    depth: usize,
    /// For each array open, whether it has an element yet.
    filled: Vec<bool>,
}

impl OneEventPerLine {
    /// The document's own members are on lines of their own.
    fn in_document(&self) -> bool {
        self.depth == 1
    }

    /// The elements of an array that is a member of the document are on lines of their own.
    fn in_document_array(&self) -> bool {
        self.depth == 2
    }
}

impl Formatter for OneEventPerLine {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.filled.push(false);
        writer.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        let filled = self.filled.pop().unwrap_or(false);
        if filled && self.in_document_array() {
            writer.write_all(b"\n  ")?;
        }
        self.depth = self.depth.saturating_sub(1);
        writer.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        if let Some(filled) = self.filled.last_mut() {
            *filled = true;
        }
        match (self.in_document_array(), first) {
            (true, true) => writer.write_all(b"\n    "),
            (true, false) => writer.write_all(b",\n    "),
            (false, true) => Ok(()),
            (false, false) => writer.write_all(b", "),
        }
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.depth += 1;
        writer.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        if self.in_document() {
            writer.write_all(b"\n")?;
        }
        self.depth = self.depth.saturating_sub(1);
        writer.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        match (self.in_document(), first) {
            (true, true) => writer.write_all(b"\n  "),
            (true, false) => writer.write_all(b",\n  "),
            (false, true) => Ok(()),
            (false, false) => writer.write_all(b", "),
        }
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_event_per_line() {
        let text = r#"{"version":1,"operation":{"name":"Operation X","agency":"Y"},"reported":{"raids":2},
            "events":[{"type":"raid","id":"a","time":"2018-04-16"},{"type":"arrest","time":"2018-04-16","raid":"a","count":2}],
            "source":{"name":"Y"}}"#;
        let operation = crate::data::load(text).unwrap().operation;
        assert_eq!(
            document(&operation),
            r#"{
  "version": 1,
  "operation": {"name": "Operation X", "agency": "Y"},
  "reported": {"raids": 2},
  "events": [
    {"type": "raid", "id": "a", "time": "2018-04-16"},
    {"type": "arrest", "time": "2018-04-16", "raid": "a", "count": 2}
  ],
  "source": {"name": "Y"}
}
"#
        );
        let empty = crate::data::load(r#"{"version":1,"operation":{"name":"X"},"reported":{"raids":2},"events":[],"source":{"name":"Y"}}"#);
        assert!(document(&empty.unwrap().operation).contains("\n  \"events\": [],\n"));
    }
}
