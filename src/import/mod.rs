//! Import from a spreadsheet: a CSV of events, plus the few details a CSV has no place for (the
//! operation's name, the agency, the credit line, the reported totals), made into a format
//! version 1 document and checked by the same [`crate::data::load`] as every other document.
//!
//! The CSV is read with the `csv` crate (`table.rs`): quoted separators and line breaks,
//! doubled quotes, a byte-order mark, and `;` as well as `,` separators (`delimiter.rs`,
//! detected from the header row). The header row names event fields in any order
//! (`columns.rs`); each row becomes one event, its cells converted by the field's type
//! (`cell.rs`), an empty cell leaving the field out. The document (`details.rs`, `convert.rs`)
//! is then loaded as JSON text, and every problem validation finds is taken back to the CSV
//! line and column it came from (`locate.rs`, `located.rs`), with validation's own message. The
//! few problems only a CSV can have are worded in `messages.rs`. A valid result is written one
//! event per line (`layout.rs`).
//!
//! Native builds always have this module; a wasm build has it only with the `import` feature,
//! so the widget never carries it.

mod cell;
mod columns;
mod convert;
mod delimiter;
mod details;
mod layout;
mod locate;
mod located;
mod messages;
mod table;

pub use convert::{import_csv, Imported, Rejected};
pub use details::{Detail, Details};
pub use located::{Located, Location};
