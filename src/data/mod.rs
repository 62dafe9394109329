//! Stage 1, data: the format-version-1 types, and reading a document into them with every
//! problem reported at its JSON path.
//!
//! [`load`] reads a valid document in one typed pass, straight from the text into an
//! [`Operation`] (`read_document.rs`, `read_event.rs`, `strict.rs`): no intermediate JSON
//! value, each time parsed once (`iso8601.rs`), no path made. It then checks the references
//! between events on the typed model (`references.rs`) and looks for consistency warnings
//! (`consistency.rs`). Only when the typed pass finds a problem is the document parsed into a
//! JSON value and walked (`walk.rs`, against the tables in `fields.rs`) to report every error
//! with its path; the messages are all in `messages.rs`.

mod consistency;
mod duplicates;
pub mod date_label;
pub(crate) mod fields;
pub mod incoming;
mod iso8601;
pub mod limits;
pub(crate) mod messages;
pub mod model;
mod path;
pub mod problem;
mod read_document;
mod read_event;
mod references;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
mod strict;
pub(crate) mod suggest;
pub mod time;
mod usual_time;
pub mod validate;
mod walk;

pub use date_label::DateLabel;
pub use model::{Annotation, Arrest, Charge, Event, EventKind, Operation, OperationInfo, Raid, Reported, Seizure, Source};
pub use problem::{Checked, Problem, Report};
pub use time::{EventTime, TimeError, TimeValue};
pub use validate::{load, load_bytes, load_typed, load_value};
