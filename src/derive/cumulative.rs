//! The cumulative view's numbers: running totals of arrests and charges over time.

use foldhash::{HashMap, HashMapExt};
use std::ops::Range;

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
    /// What happened at this moment, one change per event: a range of
    /// [`Cumulative::changes`] (see [`Cumulative::change_texts`] for the words).
    pub changes: Range<usize>,
}

/// One arrest or charge event at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    /// How many people.
    pub people: u64,
    /// True for a charge, false for an arrest.
    pub charged: bool,
    /// Where, as an index into [`Cumulative::places`], if the event or its raid says.
    pub place: Option<usize>,
}

/// Running totals of arrests and charges, with the reported figures to compare.
#[derive(Debug, Clone, PartialEq)]
pub struct Cumulative {
    /// The moments, in time order; events at the same moment share a step.
    pub steps: Vec<Step>,
    /// Every arrest and charge, in time order; each step names its run.
    pub changes: Vec<Change>,
    /// The places changes happened at, each once.
    pub places: Vec<String>,
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
        // In time order; events at the same moment keep document order.
        let mut order: Vec<(f64, u32)> = op
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e, Event::Arrest(_) | Event::Charge(_)))
            .map(|(i, e)| (clock.seconds(e.time()), crate::order::index(i)))
            .collect();
        crate::order::by_key(&mut order);
        let count = order.len();
        let events = order.into_iter().filter_map(|(seconds, i)| {
            let i = i as usize;
            op.events.get(i).map(|e| (seconds, i, e))
        });
        let mut steps: Vec<Step> = Vec::new();
        let mut changes: Vec<Change> = Vec::with_capacity(count);
        let mut places: Vec<String> = Vec::new();
        let mut place_of: HashMap<&str, usize> = HashMap::new();
        // Each raid's place, once known: events that take their raid's place share it, so
        // most events need no look-up by name.
        let mut place_of_raid: Vec<Option<Option<usize>>> = vec![None; op.events.len()];
        let (mut arrests, mut charged) = (0u64, 0u64);
        for (seconds, i, e) in events {
            let people = e.people();
            let is_charge = matches!(e, Event::Charge(_));
            if is_charge {
                charged = charged.saturating_add(people);
            } else {
                arrests = arrests.saturating_add(people);
            }
            let raid = lookup.inherits_place(i).then(|| lookup.raid_index(i)).flatten();
            let known = raid.and_then(|r| place_of_raid.get(r).copied().flatten());
            let place = known.unwrap_or_else(|| {
                lookup.place_of(i).map(|p| {
                    *place_of.entry(p).or_insert_with(|| {
                        places.push(p.to_owned());
                        places.len() - 1
                    })
                })
            });
            if let Some(slot) = raid.and_then(|r| place_of_raid.get_mut(r)) {
                *slot = Some(place);
            }
            changes.push(Change { people, charged: is_charge, place });
            let end = changes.len();
            match steps.last_mut() {
                Some(last) if last.seconds == seconds => {
                    last.arrests = arrests;
                    last.charged = charged;
                    last.changes.end = end;
                }
                _ => steps.push(Step { time: e.time().clone(), seconds, arrests, charged, changes: end - 1..end }),
            }
        }
        Self {
            steps,
            changes,
            places,
            arrests_reported_above: (totals.arrests.not_itemised() > 0).then(|| totals.arrests.shown()),
            charged_reported_above: (totals.charged.not_itemised() > 0).then(|| totals.charged.shown()),
            clock: *clock,
        }
    }

    /// A change as a reader reads it, e.g. "+2 arrested, Orchard Street, Norwich".
    pub fn change_text(&self, change: &Change) -> String {
        let verb = if change.charged { "charged" } else { "arrested" };
        match change.place.and_then(|p| self.places.get(p)) {
            Some(place) => format!("+{} {verb}, {place}", count(change.people)),
            None => format!("+{} {verb}", count(change.people)),
        }
    }

    /// What happened at `step`, one line per event.
    pub fn change_texts(&self, step: &Step) -> Vec<String> {
        self.changes.get(step.changes.clone()).unwrap_or_default().iter().map(|c| self.change_text(c)).collect()
    }
}
