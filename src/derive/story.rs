//! The story in a sentence or two, written from the numbers, for screen readers and
//! `aria-label`s: not "a bar chart with 3 bars".

use super::{Areas, ChargedShare, Timeline, Totals, NO_AREA};
use crate::format::{count, percent, plural, words};

/// Describes the operation's outcome from its reconciled totals.
pub fn describe(totals: &Totals, timeline: &Timeline, areas: &Areas) -> String {
    let raids = totals.raids.shown();
    let arrests = totals.arrests.shown();
    let charged = totals.charged.shown();
    let mut out = String::new();
    let days = day_span(timeline);
    let over = match days {
        Some(1) => " in one day".to_owned(),
        Some(d) => format!(" over {} days", words(d)),
        None => String::new(),
    };
    if raids > 0 {
        out.push_str(&format!("{}{} led to {}", plural(raids, "raid", "raids"), over, plural(arrests, "arrest", "arrests")));
    } else {
        out.push_str(&plural(arrests, "arrest", "arrests"));
    }
    // The share in the sentence's own words: "(64%)", "(under 1%)".
    let share = match totals.charged_share() {
        Some(ChargedShare::Percent(p)) => Some(percent(p)),
        Some(ChargedShare::UnderOnePercent) => Some("under 1%".to_owned()),
        Some(ChargedShare::MoreThanArrested { .. }) | None => None,
    };
    match share {
        Some(share) => out.push_str(&format!(
            "; {} of those arrested ({share}) {} been charged.",
            count(charged),
            if charged == 1 { "has" } else { "have" }
        )),
        None => out.push_str(&format!("; {} charged.", count(charged))),
    }
    if let Some(area) = leading_area(areas) {
        out.push_str(&format!(" {area}"));
    }
    let missing: Vec<String> = totals
        .stages()
        .iter()
        .filter(|s| s.not_itemised() > 0)
        .map(|s| format!("{} of the {} {}", count(s.not_itemised()), count(s.shown()), s.stage.noun(s.shown())))
        .collect();
    if !missing.is_empty() {
        out.push_str(&format!(" The record does not itemise {}.", missing.join(" or ")));
    }
    let above: Vec<String> = totals
        .stages()
        .iter()
        .filter_map(|s| {
            let reported = s.reported.filter(|r| s.itemised > *r)?;
            Some(format!("{} {} against {} reported", count(s.itemised), s.stage.noun(s.itemised), count(reported)))
        })
        .collect();
    if !above.is_empty() {
        out.push_str(&format!(" The itemised events count more than the reported totals: {}.", above.join(", ")));
    }
    out
}

/// Days from the first raid's date to the last's, inclusive, as written.
fn day_span(timeline: &Timeline) -> Option<u64> {
    let first = timeline.raids.iter().map(|r| r.time.date()).min()?;
    let last = timeline.raids.iter().map(|r| r.time.date()).max()?;
    u64::try_from((last - first).num_days() + 1).ok()
}

fn leading_area(areas: &Areas) -> Option<String> {
    let named: Vec<_> = areas.rows.iter().filter(|r| r.name != NO_AREA && r.raids > 0).collect();
    let top = named.iter().max_by_key(|r| r.raids)?;
    let ties = named.iter().filter(|r| r.raids == top.raids).count();
    if named.len() == 1 {
        Some(format!("All raids were in {}.", top.name))
    } else if ties == 1 {
        Some(format!("Most raids were in {}.", top.name))
    } else {
        None
    }
}
