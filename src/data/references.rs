//! Cross-references between events: every `id` is unique, and every `raid` names a raid.
//!
//! One check, fed either by the typed events (a document read in one pass) or by the parsed
//! JSON value (a document being explained, so these errors are reported together with its
//! shape errors; values of the wrong type are skipped there, as the shape check reports them).
//! Paths are only made for the errors found. For typed events it also says which raid each
//! event belongs to, so that the consistency warnings need not look the ids up again.

use foldhash::{HashMap, HashMapExt};

use serde_json::Value;

use super::limits;
use super::messages;
use super::model::{Event, EventKind};
use super::path::JsonPath;
use super::problem::Problem;
use super::suggest;

/// What the check needs to know about one event.
#[derive(Debug, Clone, Copy)]
struct Links<'a> {
    /// Its own `id`.
    id: Option<&'a str>,
    /// Whether it is a raid.
    is_raid: bool,
    /// The `raid` it names (ignored on a raid, where it is a shape error).
    raid: Option<&'a str>,
}

/// Checks ids and raid references among typed events, adding errors to `errors`. Returns, for
/// each event, the index of the raid its `raid` names, if that is a raid.
pub(crate) fn check_events(events: &[Event], errors: &mut Vec<Problem>) -> Vec<Option<u32>> {
    check(
        events.iter().map(|e| Links { id: e.id(), is_raid: e.kind() == EventKind::Raid, raid: e.raid_ref() }),
        errors,
    )
}

/// Checks ids and raid references among `document.events`, adding errors to `errors`.
pub(crate) fn check_value(document: &Value, errors: &mut Vec<Problem>) {
    let Some(events) = document.get("events").and_then(Value::as_array) else {
        return;
    };
    if limits::check_event_count(events.len()).is_some() {
        return;
    }
    check(
        events.iter().map(|e| Links {
            id: e.get("id").and_then(Value::as_str),
            is_raid: e.get("type").and_then(Value::as_str) == Some("raid"),
            raid: e.get("raid").and_then(Value::as_str),
        }),
        errors,
    );
}

/// The check itself; returns each event's raid, as [`check_events`] does.
fn check<'a>(events: impl Iterator<Item = Links<'a>> + Clone, errors: &mut Vec<Problem>) -> Vec<Option<u32>> {
    let events_path = || JsonPath::root().field("events");

    // The first event to use each id: its index, and whether it is a raid.
    let mut ids: HashMap<&str, (usize, bool)> = HashMap::with_capacity(events.clone().filter(|e| e.id.is_some()).count());
    for (index, event) in events.clone().enumerate() {
        let Some(id) = event.id else {
            continue;
        };
        // One hash for a new id (nearly every one); a repeated id puts its first use back.
        if let Some(first) = ids.insert(id, (index, event.is_raid)) {
            ids.insert(id, first);
            let first = events_path().index(first.0).to_string();
            errors.push(Problem::new(&events_path().index(index).field("id"), messages::duplicate_id(id, &first)));
        }
    }

    // Sorted for stable suggestions whatever the hash order; only made if a reference is bad.
    let mut raid_ids: Option<Vec<&str>> = None;
    let mut raid_of = Vec::with_capacity(events.size_hint().0);
    for (index, event) in events.enumerate() {
        let (false, Some(reference)) = (event.is_raid, event.raid) else {
            raid_of.push(None);
            continue;
        };
        let raid = match ids.get(reference) {
            Some((at, true)) => u32::try_from(*at).ok(),
            Some((at, false)) => {
                let at = events_path().index(*at).to_string();
                let path = events_path().index(index).field("raid");
                errors.push(Problem::new(&path, messages::not_a_raid(reference, &at)));
                None
            }
            None => {
                let raid_ids = raid_ids.get_or_insert_with(|| {
                    let mut raids: Vec<&str> = ids.iter().filter(|(_, (_, is_raid))| *is_raid).map(|(id, _)| *id).collect();
                    raids.sort_unstable();
                    raids
                });
                let suggestion = suggest::closest(reference, raid_ids.iter().copied());
                let path = events_path().index(index).field("raid");
                errors.push(Problem::new(&path, messages::unknown_raid(reference, suggestion)));
                None
            }
        };
        raid_of.push(raid);
    }
    raid_of
}
