//! Finding an event's raid, and the area an event falls in.

use std::collections::HashMap;

use super::NO_AREA;
use crate::data::{Event, Raid};

/// Raids by `id`, for resolving `events[].raid` and inherited areas.
#[derive(Debug, Clone, Default)]
pub struct RaidLookup<'a> {
    by_id: HashMap<&'a str, &'a Raid>,
}

impl<'a> RaidLookup<'a> {
    /// Indexes the raids among `events` that have an `id`.
    pub fn new(events: &'a [Event]) -> Self {
        let by_id = events
            .iter()
            .filter_map(|e| match e {
                Event::Raid(r) => r.id.as_deref().map(|id| (id, r)),
                _ => None,
            })
            .collect();
        Self { by_id }
    }

    /// The raid an event belongs to, if it names one that exists.
    pub fn raid_of(&self, event: &Event) -> Option<&'a Raid> {
        event.raid_ref().and_then(|id| self.by_id.get(id).copied())
    }

    /// The event's area: its own, else its raid's, else [`NO_AREA`].
    pub fn area_of(&self, event: &'a Event) -> &'a str {
        event
            .area()
            .or_else(|| self.raid_of(event).and_then(|r| r.area.as_deref()))
            .filter(|a| !a.trim().is_empty())
            .unwrap_or(NO_AREA)
    }

    /// The event's place: its own, else its raid's.
    pub fn place_of(&self, event: &'a Event) -> Option<&'a str> {
        event.place().or_else(|| self.raid_of(event).and_then(|r| r.place.as_deref()))
    }
}
