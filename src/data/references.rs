//! Cross-references between events: every `id` is unique, and every `raid` names a raid.
//!
//! Works on the parsed JSON value, so these errors are reported together with the shape
//! errors of the same document. Values of the wrong type are skipped here (the shape check
//! reports them).

use std::collections::HashMap;

use serde_json::Value;

use super::limits;
use super::messages;
use super::path::JsonPath;
use super::problem::Problem;
use super::suggest;

/// Checks ids and raid references among `document.events`, adding errors to `errors`.
pub(crate) fn check(document: &Value, errors: &mut Vec<Problem>) {
    let Some(events) = document.get("events").and_then(Value::as_array) else {
        return;
    };
    if limits::check_event_count(events.len()).is_some() {
        return;
    }
    let events_path = JsonPath::root().field("events");

    // The first event to use each id: its index and type.
    let mut ids: HashMap<&str, (usize, &str)> = HashMap::new();
    for (index, event) in events.iter().enumerate() {
        let Some(id) = event.get("id").and_then(Value::as_str) else {
            continue;
        };
        let event_type = event.get("type").and_then(Value::as_str).unwrap_or("");
        if let Some((first, _)) = ids.get(id) {
            let first = events_path.index(*first).to_string();
            errors.push(Problem::new(&events_path.index(index).field("id"), messages::duplicate_id(id, &first)));
        } else {
            ids.insert(id, (index, event_type));
        }
    }

    let mut raid_ids: Vec<&str> =
        ids.iter().filter(|(_, (_, event_type))| *event_type == "raid").map(|(id, _)| *id).collect();
    // Stable suggestions whatever the hash order.
    raid_ids.sort_unstable();

    for (index, event) in events.iter().enumerate() {
        if event.get("type").and_then(Value::as_str) == Some("raid") {
            // A `raid` field on a raid is already a shape error.
            continue;
        }
        let Some(reference) = event.get("raid").and_then(Value::as_str) else {
            continue;
        };
        let path = events_path.index(index).field("raid");
        match ids.get(reference) {
            Some((_, "raid")) => {}
            Some((at, _)) => {
                let at = events_path.index(*at).to_string();
                errors.push(Problem::new(&path, messages::not_a_raid(reference, &at)));
            }
            None => {
                let suggestion = suggest::closest(reference, raid_ids.iter().copied());
                errors.push(Problem::new(&path, messages::unknown_raid(reference, suggestion)));
            }
        }
    }
}
