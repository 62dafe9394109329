//! Every hoverable item's words and numbers, written on demand for the one item asked about.
//!
//! Layout leaves only compact [`crate::scene::Target`] records in the hit index; hovering or a
//! key press finds an index, and this module turns that one index into the [`Item`] the page
//! receives: the tooltip text, where it points, what to highlight and the numbers behind it.
//! Nothing per item is formatted at layout time, so a resize costs the same whatever the
//! number of items.

use serde_json::{json, Map, Value};

use super::cumulative::SERIES_VERBS;
use super::View;
use crate::derive::{RaidMark, Series, Timeline};
use crate::format::{count, plural};
use crate::scene::{Item, ItemKind, Scene};

/// Item `index` of `scene`, laid out from `series`, with its tooltip and numbers; `None` when
/// the scene has no such item or `series` is not the one it was laid out from.
pub fn describe(series: &Series, scene: &Scene, index: usize) -> Option<Item> {
    let target = scene.hit.target(index)?;
    let datum = target.datum as usize;
    let (view, (label, values)) = match target.kind {
        ItemKind::Stage => (View::Summary, stage(series, datum)?),
        ItemKind::Raid => (View::Timeline, raid(series, datum)?),
        ItemKind::Moment => (View::Cumulative, moment(series, datum, target.lane as usize)?),
        ItemKind::Area => (View::Areas, area(series, datum, target.lane as usize)?),
        // Annotations come after a view's own items (see `annotate`): the first item says
        // which of the two time views this is.
        ItemKind::Annotation => {
            let view = match scene.hit.targets().first().map(|t| t.kind) {
                Some(ItemKind::Raid) => View::Timeline,
                _ => View::Cumulative,
            };
            (view, annotation(series, datum)?)
        }
    };
    Some(Item {
        view: view.name(),
        kind: target.kind,
        index,
        lane: target.lane as usize,
        label,
        anchor: target.anchor,
        marks: scene.hit.marks(index),
        values,
    })
}

/// A tooltip's text (lines separated by `\n`) and the numbers behind it.
type Words = (String, Map<String, Value>);

/// A JSON object from a `json!({...})` literal.
fn object(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// A reporter's annotation: its words and when.
fn annotation(series: &Series, datum: usize) -> Option<Words> {
    let note = series.annotations.get(datum)?;
    let values = object(json!({ "time": note.time.as_str(), "text": note.text }));
    Some((format!("{}\n{}", note.text, note.time.label()), values))
}

/// A funnel stage: its figure, its rate, and how it compares with the reported one.
fn stage(series: &Series, datum: usize) -> Option<Words> {
    let s = *series.totals.stages().get(datum)?;
    let rate = series.totals.rate_text(s.stage);
    let mut lines = vec![format!("{}: {}", s.stage.name(), count(s.shown()))];
    lines.extend(rate.clone());
    if let Some(reported) = s.reported {
        lines.push(if s.above_reported().is_some() {
            format!("{} itemised; {} reported", count(s.itemised), count(reported))
        } else if s.not_itemised() > 0 {
            format!("{} itemised, {} not itemised", count(s.itemised), count(s.not_itemised()))
        } else {
            format!("As reported; all {} itemised", count(s.itemised))
        });
    }
    let values = object(json!({
        "stage": s.stage.name(),
        "count": s.shown(),
        "itemised": s.itemised,
        "reported": s.reported,
        "notItemised": s.not_itemised(),
        "rate": rate,
    }));
    Some((lines.join("\n"), values))
}

/// A raid: where and when, its area, and what came of it.
fn raid(series: &Series, datum: usize) -> Option<Words> {
    let tl = &series.timeline;
    let raid = tl.raids.get(datum)?;
    let area = tl.area(raid);
    let mut lines = vec![raid.place.as_deref().unwrap_or("Raid").to_owned(), raid.time.label()];
    lines.push(format!("Area: {area}"));
    let same_time = sharing_time(tl, datum);
    if same_time > 1 {
        let when = if raid.time.is_whole_day() { "dated only to this day" } else { "at this time" };
        lines.push(format!("One of {} raids of this area {when}", count(same_time)));
    }
    lines.push(format!("{} arrested, {} charged", count(raid.arrests), count(raid.charged)));
    if !raid.seizures.is_empty() {
        lines.push(format!("Seized: {}", raid.seizures.join("; ")));
    }
    let values = object(json!({
        "id": raid.id.as_deref(),
        "time": raid.time.as_str(),
        "place": raid.place.as_deref(),
        "area": area,
        "arrests": raid.arrests,
        "charged": raid.charged,
        "seizures": raid.seizures,
        "sameTime": same_time,
    }));
    Some((lines.join("\n"), values))
}

/// How many raids of raid `datum`'s area share its time, itself included (1 when none
/// other does). Raids share a time when they fall in the same minute on the chart's clock,
/// the precision a tooltip shows ("06:00"): they are then drawn at the same place across, and
/// spread up and down in their lane. A whole-day raid shares its time only with whole-day
/// raids of the same day.
fn sharing_time(tl: &Timeline, datum: usize) -> u64 {
    let Some(raid) = tl.raids.get(datum) else { return 0 };
    let minute = |r: &RaidMark| (r.seconds / 60.0).floor();
    // The raids are in time order: the minute's run lies on either side of this one.
    let mut from = datum;
    while from > 0 && tl.raids.get(from - 1).is_some_and(|r| minute(r) == minute(raid)) {
        from -= 1;
    }
    let run = tl.raids.get(from..).unwrap_or_default().iter().take_while(|r| minute(r) == minute(raid));
    run.filter(|r| r.lane == raid.lane && r.time.is_whole_day() == raid.time.is_whole_day()).count() as u64
}

/// A moment a running total changed: the totals so far and what happened then.
fn moment(series: &Series, datum: usize, lane: usize) -> Option<Words> {
    let c = &series.cumulative;
    let s = c.steps.get(datum)?;
    let verb = SERIES_VERBS.get(lane)?;
    let changes = c.change_texts(s);
    let mut lines = vec![s.time.label(), format!("So far: {} arrested, {} charged", count(s.arrests), count(s.charged))];
    lines.extend(changes.iter().cloned());
    let values = object(json!({
        "time": s.time.as_str(),
        "series": verb,
        "arrests": s.arrests,
        "charged": s.charged,
        "changes": changes,
    }));
    Some((lines.join("\n"), values))
}

/// An area's bar of one series (`lane`: arrested or charged): the area's raids, arrests and
/// charges.
fn area(series: &Series, datum: usize, lane: usize) -> Option<Words> {
    let row = series.areas.rows.get(datum)?;
    let label = format!(
        "{}\n{}\n{} arrested, {} charged",
        row.name,
        plural(row.raids, "raid", "raids"),
        count(row.arrests),
        count(row.charged)
    );
    let values = object(json!({
        "area": row.name,
        "series": SERIES_VERBS.get(lane),
        "raids": row.raids,
        "arrests": row.arrests,
        "charged": row.charged,
    }));
    Some((label, values))
}
