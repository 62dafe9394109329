//! Finding an event's raid, and the area and place an event falls in.
//!
//! Each event's `raid` reference is resolved once, to the raid's position among the events,
//! so the views that need it (timeline, running totals, areas) never look an id up again.

use foldhash::{HashMap, HashMapExt};

use super::NO_AREA;
use crate::data::{Event, Raid};

/// Marks an event that names no raid, or one that does not exist.
const NONE: u32 = u32::MAX;

/// Every event's raid, resolved once, for resolving `events[].raid` and inherited areas and
/// places. Events are named by their position in the document.
#[derive(Debug, Clone, Default)]
pub struct RaidLookup<'a> {
    events: &'a [Event],
    /// For each event, the position of the raid it names, or [`NONE`].
    raid: Vec<u32>,
}

impl<'a> RaidLookup<'a> {
    /// Resolves the raid every event among `events` names (the raids that have an `id`).
    pub fn new(events: &'a [Event]) -> Self {
        let ids = events.iter().filter(|e| matches!(e, Event::Raid(r) if r.id.is_some())).count();
        let mut by_id: HashMap<&str, u32> = HashMap::with_capacity(ids);
        by_id.extend(events.iter().enumerate().filter_map(|(i, e)| match e {
            Event::Raid(r) => r.id.as_deref().map(|id| (id, u32::try_from(i).unwrap_or(NONE))),
            _ => None,
        }));
        let raid = events.iter().map(|e| e.raid_ref().and_then(|id| by_id.get(id).copied()).unwrap_or(NONE)).collect();
        Self { events, raid }
    }

    /// The position of the raid event `event` names, if it names one that exists.
    pub fn raid_index(&self, event: usize) -> Option<usize> {
        self.raid.get(event).filter(|r| **r != NONE).map(|r| *r as usize)
    }

    /// The raid event `event` names, if it names one that exists.
    pub fn raid_of(&self, event: usize) -> Option<&'a Raid> {
        match self.events.get(self.raid_index(event)?)? {
            Event::Raid(r) => Some(r),
            _ => None,
        }
    }

    /// Event `event`'s area: its own, else its raid's, else [`NO_AREA`] (also for a blank
    /// one).
    pub fn area_of(&self, event: usize) -> &'a str {
        self.events
            .get(event)
            .and_then(|e| e.area().or_else(|| self.raid_of(event).and_then(|r| r.area.as_deref())))
            .filter(|a| !a.trim().is_empty())
            .unwrap_or(NO_AREA)
    }

    /// True when event `event` takes its area from its raid (it gives none of its own), so
    /// shares the raid's area.
    pub fn inherits_area(&self, event: usize) -> bool {
        self.events.get(event).is_some_and(|e| e.area().is_none()) && self.raid_index(event).is_some()
    }

    /// Event `event`'s place: its own, else its raid's.
    pub fn place_of(&self, event: usize) -> Option<&'a str> {
        let e = self.events.get(event)?;
        e.place().or_else(|| self.raid_of(event).and_then(|r| r.place.as_deref()))
    }

    /// True when event `event` takes its place from its raid (it gives none of its own).
    pub fn inherits_place(&self, event: usize) -> bool {
        self.events.get(event).is_some_and(|e| e.place().is_none()) && self.raid_index(event).is_some()
    }
}
