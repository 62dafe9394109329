//! The one clock every event is placed on: the UTC offset most events were written in.

use crate::data::{Event, EventTime};

/// The reference clock for time axes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    /// Seconds east of UTC.
    pub offset: i32,
    /// True when the events were written in more than one UTC offset.
    pub mixed: bool,
}

impl Clock {
    /// The offset most date-times in `events` were written with (UTC when none has one).
    pub fn for_events(events: &[Event]) -> Self {
        // (offset, how many times); a document uses one or two offsets, so a list will do.
        let mut counts: Vec<(i32, usize)> = Vec::new();
        for e in events {
            if let Some(o) = e.time().offset_seconds() {
                match counts.iter_mut().find(|(seen, _)| *seen == o) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((o, 1)),
                }
            }
        }
        let mixed = counts.len() > 1;
        let offset = counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map_or(0, |(o, _)| o);
        Self { offset, mixed }
    }

    /// The clock's name, e.g. "UTC+01:00" or "UTC".
    pub fn name(&self) -> String {
        if self.offset == 0 {
            return "UTC".to_owned();
        }
        let sign = if self.offset < 0 { '−' } else { '+' };
        let minutes = self.offset.unsigned_abs() / 60;
        format!("UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60)
    }

    /// A note for time axes when the events were written in several offsets, or `None`.
    pub fn note(&self) -> Option<String> {
        self.mixed.then(|| {
            format!("Times written in several UTC offsets are placed on one clock, {}; the details show each as written.", self.name())
        })
    }

    /// Where `time` sits on the axis, in seconds.
    pub fn seconds(&self, time: &EventTime) -> f64 {
        time.axis_seconds(self.offset)
    }
}
