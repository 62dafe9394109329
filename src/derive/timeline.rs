//! The timeline view's numbers: each raid on a time axis, one lane per area.

use foldhash::{HashMap, HashMapExt};

use super::{Clock, RaidLookup, NO_AREA};
use crate::data::{Event, EventTime, Operation};

/// One raid, with what came of it.
#[derive(Debug, Clone, PartialEq)]
pub struct RaidMark {
    /// The raid's `id`, if it has one.
    pub id: Option<Box<str>>,
    /// When it happened.
    pub time: EventTime,
    /// Position on the axis, in seconds on the reference clock.
    pub seconds: f64,
    /// Where it happened, if given.
    pub place: Option<Box<str>>,
    /// Its lane, an index into [`Timeline::lanes`]: its area (see [`Timeline::area`]).
    pub lane: usize,
    /// People arrested in events that name this raid.
    pub arrests: u64,
    /// People charged in events that name this raid.
    pub charged: u64,
    /// What was seized in events that name this raid.
    pub seizures: Vec<String>,
}

/// Raids in time order, grouped in lanes by area.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// Area names, in the order their first raid happened.
    pub lanes: Vec<String>,
    /// The raids, in time order.
    pub raids: Vec<RaidMark>,
    /// People arrested in events that name no raid (not drawn on the timeline).
    pub unlinked_arrests: u64,
    /// People charged in events that name no raid (not drawn on the timeline).
    pub unlinked_charged: u64,
    /// Seizures that name no raid (not drawn on the timeline).
    pub unlinked_seizures: u64,
    /// The reference clock's offset, seconds east of UTC.
    pub clock: Clock,
}

impl Timeline {
    /// Places every raid and sums what each led to.
    pub fn new(op: &Operation, lookup: &RaidLookup<'_>, clock: &Clock) -> Self {
        // The raids in time order (stable, so raids at the same moment keep document order).
        let mut order: Vec<(f64, u32)> = op
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e, Event::Raid(_)))
            .map(|(i, e)| (clock.seconds(e.time()), crate::order::index(i)))
            .collect();
        crate::order::by_key(&mut order);
        let mut lanes: Vec<String> = Vec::new();
        let mut lane_of: HashMap<&str, usize> = HashMap::new();
        // For each event that is a raid, its position in `raids`.
        let mut mark_of = vec![u32::MAX; op.events.len()];
        let mut raids: Vec<RaidMark> = Vec::with_capacity(order.len());
        for (seconds, i) in order {
            let i = i as usize;
            let Some(Event::Raid(r)) = op.events.get(i) else { continue };
            let area = lookup.area_of(i);
            let lane = *lane_of.entry(area).or_insert_with(|| {
                lanes.push(area.to_owned());
                lanes.len() - 1
            });
            if let Some(m) = mark_of.get_mut(i) {
                *m = u32::try_from(raids.len()).unwrap_or(u32::MAX);
            }
            raids.push(RaidMark {
                id: r.id.clone(),
                time: r.time.clone(),
                seconds,
                place: r.place.clone(),
                lane,
                arrests: 0,
                charged: 0,
                seizures: Vec::new(),
            });
        }
        let (mut unlinked_arrests, mut unlinked_charged, mut unlinked_seizures) = (0u64, 0u64, 0u64);
        for (i, e) in op.events.iter().enumerate() {
            let at = lookup.raid_index(i).and_then(|r| mark_of.get(r)).map(|m| *m as usize);
            let mark = at.and_then(|m| raids.get_mut(m));
            match (e, mark) {
                (Event::Arrest(_), Some(m)) => m.arrests = m.arrests.saturating_add(e.people()),
                (Event::Arrest(_), None) => unlinked_arrests = unlinked_arrests.saturating_add(e.people()),
                (Event::Charge(_), Some(m)) => m.charged = m.charged.saturating_add(e.people()),
                (Event::Charge(_), None) => unlinked_charged = unlinked_charged.saturating_add(e.people()),
                (Event::Seizure(s), Some(m)) => m.seizures.push(String::from(&*s.item)),
                (Event::Seizure(_), None) => unlinked_seizures = unlinked_seizures.saturating_add(1),
                (Event::Raid(_), _) => {}
            }
        }
        Self { lanes, raids, unlinked_arrests, unlinked_charged, unlinked_seizures, clock: *clock }
    }

    /// The first and last raid on the axis, in seconds.
    pub fn span(&self) -> Option<(f64, f64)> {
        Some((self.raids.first()?.seconds, self.raids.last()?.seconds))
    }

    /// A raid's area (or the "not given" label): the name of its lane.
    pub fn area(&self, raid: &RaidMark) -> &str {
        self.lanes.get(raid.lane).map_or(NO_AREA, String::as_str)
    }
}
