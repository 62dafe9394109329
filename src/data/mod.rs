//! Stage 1, data: the format-version-1 types, and parsing with validation that reports every
//! problem with its JSON path.

mod consistency;
pub mod date_label;
mod fields;
pub mod limits;
mod messages;
pub mod model;
mod path;
pub mod problem;
mod references;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod time;
mod iso8601;
pub mod validate;
mod suggest;
mod walk;

pub use model::{Arrest, Charge, Event, EventKind, Operation, OperationInfo, Raid, Reported, Seizure, Source};
pub use problem::{Checked, Problem, Report};
pub use time::{EventTime, TimeError, TimeValue};
pub use validate::{load, load_bytes, load_value};
