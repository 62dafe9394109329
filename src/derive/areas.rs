//! The areas view's numbers: raids, arrests and charges per area.

use foldhash::{HashMap, HashMapExt};

use super::RaidLookup;
use crate::data::{Event, Operation};

/// One area's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaRow {
    /// The area's name.
    pub name: String,
    /// Raids in the area.
    pub raids: u64,
    /// People arrested in the area.
    pub arrests: u64,
    /// People charged in the area.
    pub charged: u64,
}

/// Per-area figures, in the order areas first appear in the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Areas {
    /// One row per area.
    pub rows: Vec<AreaRow>,
}

impl Areas {
    /// Groups the itemised events by area (an event without one takes its raid's).
    pub fn new(op: &Operation, lookup: &RaidLookup<'_>) -> Self {
        let mut rows: Vec<AreaRow> = Vec::new();
        let mut by_name: HashMap<&str, usize> = HashMap::new();
        // Each raid's row, once known: events that take their raid's area share it, so most
        // events need no look-up by name.
        let mut row_of_raid: Vec<u32> = vec![u32::MAX; op.events.len()];
        for (i, e) in op.events.iter().enumerate() {
            if matches!(e, Event::Seizure(_)) {
                continue;
            }
            let raid = match e {
                Event::Raid(_) => Some(i),
                _ => lookup.inherits_area(i).then(|| lookup.raid_index(i)).flatten(),
            };
            let known = raid.and_then(|r| row_of_raid.get(r)).filter(|at| **at != u32::MAX).map(|at| *at as usize);
            let at = known.unwrap_or_else(|| {
                let name = lookup.area_of(i);
                *by_name.entry(name).or_insert_with(|| {
                    rows.push(AreaRow { name: name.to_owned(), raids: 0, arrests: 0, charged: 0 });
                    rows.len() - 1
                })
            });
            if let Some(slot) = raid.and_then(|r| row_of_raid.get_mut(r)) {
                *slot = u32::try_from(at).unwrap_or(u32::MAX);
            }
            if let Some(row) = rows.get_mut(at) {
                match e {
                    Event::Raid(_) => row.raids = row.raids.saturating_add(1),
                    Event::Arrest(_) => row.arrests = row.arrests.saturating_add(e.people()),
                    Event::Charge(_) => row.charged = row.charged.saturating_add(e.people()),
                    Event::Seizure(_) => {}
                }
            }
        }
        Self { rows }
    }
}
