//! Stage 2, derive: pure functions from a valid [`Operation`] to the numbers each view shows.
//!
//! The reconciliation of itemised events with the `reported` totals lives here, once
//! ([`totals`]), so every view, tooltip, description and export shows the same figures.

pub mod annotations;
pub mod areas;
pub mod clock;
pub mod cumulative;
pub mod raids;
pub mod story;
pub mod timeline;
pub mod totals;

use crate::data::Operation;

pub use annotations::{annotation_marks, span_with, AnnotationMark};
pub use areas::{AreaRow, Areas};
pub use clock::Clock;
pub use cumulative::{Change, Cumulative, Step};
pub use raids::RaidLookup;
pub use timeline::{RaidMark, Timeline};
pub use totals::{ChargedShare, Stage, StageCount, Totals};

/// The label used for events whose area is not given, directly or through their raid.
pub const NO_AREA: &str = "Area not given";

/// Everything the four views show, derived once per document.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// The chart title (given, or derived from the operation name).
    pub title: String,
    /// The subtitle, if any.
    pub subtitle: Option<String>,
    /// The credit line, e.g. "Source: Eastern Daily Press".
    pub source_line: String,
    /// What the source says is illustrative, shown under the chart.
    pub note: Option<String>,
    /// Reported and itemised totals, reconciled.
    pub totals: Totals,
    /// Raids on a time axis, one lane per area.
    pub timeline: Timeline,
    /// Running totals of arrests and charges.
    pub cumulative: Cumulative,
    /// Raids, arrests and charges per area.
    pub areas: Areas,
    /// A sentence or two telling the story in numbers, for screen readers.
    pub description: String,
    /// The reporter's annotations for the time views, in time order.
    pub annotations: Vec<AnnotationMark>,
}

impl Series {
    /// Derives every view's numbers from a valid operation.
    pub fn from_operation(op: &Operation) -> Self {
        let clock = Clock::for_events(&op.events);
        let raids = RaidLookup::new(&op.events);
        let totals = Totals::new(op);
        let timeline = Timeline::new(op, &raids, &clock);
        let cumulative = Cumulative::new(op, &raids, &clock, &totals);
        let areas = Areas::new(op, &raids);
        let description = story::describe(&totals, &timeline, &areas);
        let annotations = annotation_marks(op, &clock);
        let title = op
            .title
            .clone()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| op.operation.name.clone());
        let source_line = match &op.operation.agency {
            Some(agency) => format!("Source: {}, {}", op.source.name, agency),
            None => format!("Source: {}", op.source.name),
        };
        Self {
            title,
            subtitle: op.subtitle.clone().filter(|s| !s.trim().is_empty()),
            source_line,
            note: op.source.note.clone().filter(|s| !s.trim().is_empty()),
            totals,
            timeline,
            cumulative,
            areas,
            description,
            annotations,
        }
    }
}
