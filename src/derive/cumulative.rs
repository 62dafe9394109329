//! The cumulative view's numbers: running totals of arrests and charges over time.

use super::{Clock, RaidLookup, Totals};
use crate::data::{Event, EventTime, Operation};
use crate::format::count;

/// One moment at which a running total changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// When (the first event at this moment).
    pub time: EventTime,
    /// Position on the axis, in seconds on the reference clock.
    pub seconds: f64,
    /// People arrested so far, including this moment.
    pub arrests: u64,
    /// People charged so far, including this moment.
    pub charged: u64,
    /// What happened at this moment, one line per event, e.g. "+2 arrested, Orchard Street, Norwich".
    pub changes: Vec<String>,
}

/// Running totals of arrests and charges, with the reported figures to compare.
#[derive(Debug, Clone, PartialEq)]
pub struct Cumulative {
    /// The moments, in time order; events at the same moment share a step.
    pub steps: Vec<Step>,
    /// The reported number arrested, when the events itemise fewer.
    pub arrests_reported_above: Option<u64>,
    /// The reported number charged, when the events itemise fewer.
    pub charged_reported_above: Option<u64>,
    /// The clock the steps are placed on.
    pub clock: Clock,
}

impl Cumulative {
    /// Sums arrests and charges in time order.
    pub fn new(op: &Operation, lookup: &RaidLookup<'_>, clock: &Clock, totals: &Totals) -> Self {
        let mut events: Vec<(f64, &Event)> = op
            .events
            .iter()
            .filter(|e| matches!(e, Event::Arrest(_) | Event::Charge(_)))
            .map(|e| (clock.seconds(e.time()), e))
            .collect();
        events.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut steps: Vec<Step> = Vec::new();
        let (mut arrests, mut charged) = (0u64, 0u64);
        for (seconds, e) in events {
            let n = e.people();
            let verb = match e {
                Event::Arrest(_) => {
                    arrests = arrests.saturating_add(n);
                    "arrested"
                }
                _ => {
                    charged = charged.saturating_add(n);
                    "charged"
                }
            };
            let change = match lookup.place_of(e) {
                Some(place) => format!("+{} {verb}, {place}", count(n)),
                None => format!("+{} {verb}", count(n)),
            };
            match steps.last_mut() {
                Some(last) if last.seconds == seconds => {
                    last.arrests = arrests;
                    last.charged = charged;
                    last.changes.push(change);
                }
                _ => steps.push(Step {
                    time: e.time().clone(),
                    seconds,
                    arrests,
                    charged,
                    changes: vec![change],
                }),
            }
        }
        Self {
            steps,
            arrests_reported_above: (totals.arrests.not_itemised() > 0).then(|| totals.arrests.shown()),
            charged_reported_above: (totals.charged.not_itemised() > 0).then(|| totals.charged.shown()),
            clock: *clock,
        }
    }
}
