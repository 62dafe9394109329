//! Stage 1, data: the format-version-1 types, and parsing with validation that reports every
//! problem with its JSON path.

pub mod model;
pub mod problem;
pub mod time;
pub mod validate;

pub use model::{Arrest, Charge, Event, EventKind, Operation, OperationInfo, Raid, Reported, Seizure, Source};
pub use problem::{Checked, Problem, Report};
pub use time::{EventTime, TimeError, TimeValue};
pub use validate::load;
