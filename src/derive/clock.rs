//! The one clock every event is placed on: the UTC offset most events were written in.

use std::collections::BTreeMap;

use crate::data::{Event, EventTime};

/// The reference clock for time axes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    /// Seconds east of UTC.
    pub offset: i32,
}

impl Clock {
    /// The offset most date-times in `events` were written with (UTC when none has one).
    pub fn for_events(events: &[Event]) -> Self {
        let mut counts: BTreeMap<i32, usize> = BTreeMap::new();
        for e in events {
            if let Some(o) = e.time().offset_seconds() {
                *counts.entry(o).or_default() += 1;
            }
        }
        let offset = counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map_or(0, |(o, _)| o);
        Self { offset }
    }

    /// Where `time` sits on the axis, in seconds.
    pub fn seconds(&self, time: &EventTime) -> f64 {
        time.axis_seconds(self.offset)
    }
}
