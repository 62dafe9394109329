//! Consistency warnings: things a real record can have, shown to the developer but never
//! stopping the chart. Checked on the typed operation, after every error is gone; paths are
//! only made for the warnings found.

use super::messages;
use super::model::{Event, EventKind, Operation};
use super::path::JsonPath;
use super::problem::Problem;
use super::time::{EventTime, TimeValue};

/// Every consistency warning for a valid operation, given the index of the raid each event
/// belongs to (as [`super::references::check_events`] found them).
pub(crate) fn warnings(operation: &Operation, raid_of: &[Option<u32>]) -> Vec<Problem> {
    let mut warnings = Vec::new();
    totals(operation, &mut warnings);
    dated_before_raid(operation, raid_of, &mut warnings);
    warnings
}

/// The itemised totals: raids, people arrested, people charged.
fn itemised(operation: &Operation) -> (u64, u64, u64) {
    let (mut raids, mut arrested, mut charged) = (0u64, 0u64, 0u64);
    for event in &operation.events {
        match event.kind() {
            EventKind::Raid => raids = raids.saturating_add(1),
            EventKind::Arrest => arrested = arrested.saturating_add(event.people()),
            EventKind::Charge => charged = charged.saturating_add(event.people()),
            EventKind::Seizure => {}
        }
    }
    (raids, arrested, charged)
}

fn totals(operation: &Operation, warnings: &mut Vec<Problem>) {
    let root = JsonPath::root();
    let (raids, arrested, charged) = itemised(operation);
    if charged > arrested {
        warnings.push(Problem::new(&root.field("events"), messages::charged_more_than_arrested_itemised(charged, arrested)));
    }
    let Some(reported) = operation.reported else {
        return;
    };
    let reported_path = || root.field("reported");
    if let (Some(r_charged), Some(r_arrests)) = (reported.charged, reported.arrests) {
        if r_charged > r_arrests {
            warnings.push(Problem::new(
                &reported_path().field("charged"),
                messages::charged_more_than_arrested_reported(r_charged, r_arrests),
            ));
        }
    }
    for (field, what, itemised, reported) in [
        ("raids", ("raid", "raids"), raids, reported.raids),
        ("arrests", ("arrest", "arrests"), arrested, reported.arrests),
        ("charged", ("person charged", "people charged"), charged, reported.charged),
    ] {
        if let Some(reported) = reported {
            if itemised > reported {
                warnings.push(Problem::new(
                    &reported_path().field(field),
                    messages::itemised_above_reported(what, itemised, reported),
                ));
            }
        }
    }
}

fn dated_before_raid(operation: &Operation, raid_of: &[Option<u32>], warnings: &mut Vec<Problem>) {
    let events_path = || JsonPath::root().field("events");
    for ((index, event), raid_at) in operation.events.iter().enumerate().zip(raid_of) {
        let event_type = match event {
            Event::Arrest(_) => "arrest",
            Event::Charge(_) => "charge",
            Event::Raid(_) | Event::Seizure(_) => continue,
        };
        let (Some(raid_id), Some(raid_at)) = (event.raid_ref(), raid_at.and_then(|at| usize::try_from(at).ok())) else {
            continue;
        };
        let Some(raid_time) = operation.events.get(raid_at).map(Event::time) else {
            continue;
        };
        if is_before(event.time(), raid_time) {
            let raid_at = events_path().index(raid_at).to_string();
            warnings.push(Problem::new(
                &events_path().index(index).field("time"),
                messages::before_its_raid(event_type, &event.time().as_str(), raid_id, &raid_at, &raid_time.as_str()),
            ));
        }
    }
}

/// Whether `time` is before `raid`. A whole-day date counts as that whole day, so it is
/// compared by calendar date (as written); two date-times are compared as instants.
fn is_before(time: &EventTime, raid: &EventTime) -> bool {
    match (time.value(), raid.value()) {
        (TimeValue::DateTime(a), TimeValue::DateTime(b)) => a < b,
        _ => time.date() < raid.date(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> EventTime {
        EventTime::parse(text).unwrap()
    }

    #[test]
    fn whole_days_compare_by_date() {
        assert!(!is_before(&t("2018-04-16"), &t("2018-04-16T06:00:00+01:00")));
        assert!(!is_before(&t("2018-04-16T05:00:00+01:00"), &t("2018-04-16")));
        assert!(is_before(&t("2018-04-15"), &t("2018-04-16T06:00:00+01:00")));
        assert!(is_before(&t("2018-04-15T23:59:00+01:00"), &t("2018-04-16")));
        // Instants, whatever the offsets they are written in.
        assert!(is_before(&t("2018-04-16T05:59:00+01:00"), &t("2018-04-16T05:00:00Z")));
        assert!(!is_before(&t("2018-04-16T06:00:00+01:00"), &t("2018-04-16T05:00:00Z")));
    }
}
