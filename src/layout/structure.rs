//! The words and highlights of the chart's navigation structure (see
//! [`crate::scene::keyboard`]): what each place says when the keyboard lands on it, where its
//! tooltip points and what it outlines. Written on demand, for the one place asked about.
//!
//! - The summary: the view's description, then each sentence on what the chart otherwise
//!   says only in pixels (notes, caveats, the credit line), read one at a time.
//! - A group: its name, its place among the groups and what it adds up to ("Westmoor, lane 1
//!   of 2: 3 raids, 4 people arrested. Down or Enter to go through them.").
//! - An item: its group, its position in it, then its own tooltip text ("Westmoor, raid 1 of
//!   3. Mill Lane, Westmoor. …").

use serde::Serialize;

use super::cumulative::SERIES_VERBS;
use super::describe;
use crate::derive::Series;
use crate::format::{count, plural};
use crate::scene::{Item, ItemKind, Level, Mark, Point, Scene, Stop};

/// One place of the structure, as handed to the page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    /// The place as the page keeps it and passes back to the next move: level, index, the
    /// item it remembers (see [`Stop::to_parts`]).
    pub stop: [u32; 3],
    /// `"summary"`, `"group"` or `"item"`.
    pub level: &'static str,
    /// The item, on the items level (`charthover`'s `detail.item`).
    pub item: Option<Item>,
    /// The tooltip text; lines are separated by `\n`.
    pub label: String,
    /// What the live region says: position and context, then the text.
    pub spoken: String,
    /// Where the tooltip points, CSS px.
    pub anchor: Point,
    /// What to highlight: the item's marks, a box around a group, nothing for the summary.
    pub marks: Vec<Mark>,
}

/// The summary level's sentences for `view`: its description, then each of `about` (the
/// words otherwise only in pixels, see [`super::about`]).
pub fn summary_sentences(description: &str, about: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(about.len() + 1);
    for s in std::iter::once(description).chain(about.iter().map(String::as_str)) {
        if !s.trim().is_empty() {
            out.push(s.to_owned());
        }
    }
    out
}

/// The place `stop` of `scene`, laid out from `series`, with `summary` the summary level's
/// sentences; `None` when there is no such place.
pub fn place(series: &Series, scene: &Scene, stop: Stop, summary: &[String]) -> Option<Place> {
    let hit = &scene.hit;
    let plot = hit.plot();
    match stop {
        Stop::Summary { node, .. } => {
            let sentence = summary.get(node)?;
            Some(Place {
                stop: stop.to_parts(),
                level: level_name(stop.level()),
                item: None,
                label: sentence.clone(),
                spoken: format!("About this chart, {} of {}: {sentence}", node + 1, summary.len()),
                anchor: Point::new(plot.center().x, plot.y),
                marks: Vec::new(),
            })
        }
        Stop::Group { group, .. } => {
            let (name, what) = group_words(series, scene, group)?;
            let marks = hit.group_marks(group);
            let anchor = marks.first().map_or(Point::new(plot.center().x, plot.y), |m| Point::new(m.x + m.width / 2.0, m.y));
            let of = ordinal(scene, group);
            Some(Place {
                stop: stop.to_parts(),
                level: level_name(stop.level()),
                item: None,
                label: format!("{name}: {what}"),
                spoken: format!("{name}, {of} {} of {}: {what}. Down or Enter to go through them.", group + 1, hit.groups()),
                anchor,
                marks,
            })
        }
        Stop::Item(index) => {
            let item = describe(series, scene, index)?;
            let (_, at, of) = hit.position(index)?;
            let context = item_context(series, scene, index, at, of)?;
            let spoken = format!("{context}. {}", one_sentence(&item.label));
            Some(Place {
                stop: stop.to_parts(),
                level: level_name(stop.level()),
                label: item.label.clone(),
                spoken,
                anchor: item.anchor,
                marks: item.marks.clone(),
                item: Some(item),
            })
        }
    }
}

fn level_name(level: Level) -> &'static str {
    match level {
        Level::Summary => "summary",
        Level::Groups => "group",
        Level::Items => "item",
    }
}

/// A tooltip's lines as one sentence for the live region.
fn one_sentence(label: &str) -> String {
    let mut out = String::with_capacity(label.len() + 8);
    for line in label.split('\n').map(|l| l.trim().trim_end_matches('.')).filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            out.push_str(". ");
        }
        out.push_str(line);
    }
    out
}

/// The first item of group `group`: its kind, lane and datum say what the group is.
fn first_of(scene: &Scene, group: usize) -> Option<(ItemKind, usize, usize)> {
    let t = scene.hit.members(group).next().and_then(|i| scene.hit.target(i))?;
    Some((t.kind, t.lane as usize, t.datum as usize))
}

/// What a group is called among its siblings: a lane of the timeline, a series of the
/// running totals or the areas view.
fn ordinal(scene: &Scene, group: usize) -> &'static str {
    match first_of(scene, group).map(|f| f.0) {
        Some(ItemKind::Raid) => "lane",
        Some(ItemKind::Moment | ItemKind::Area) => "series",
        _ => "group",
    }
}

/// The people a series counts ("People arrested", or "people arrested" within a sentence).
fn series_name(lane: usize, capital: bool) -> String {
    let verb = SERIES_VERBS.get(lane).copied().unwrap_or("counted");
    format!("{} {verb}", if capital { "People" } else { "people" })
}

/// Group `group`'s name and what it adds up to.
fn group_words(series: &Series, scene: &Scene, group: usize) -> Option<(String, String)> {
    let (kind, lane, datum) = first_of(scene, group)?;
    let hit = &scene.hit;
    let members = || hit.members(group).filter_map(|i| hit.target(i));
    let n = members().count() as u64;
    Some(match kind {
        ItemKind::Raid => {
            let tl = &series.timeline;
            let area = tl.area(tl.raids.get(datum)?).to_owned();
            let arrested: u64 = members().filter_map(|t| tl.raids.get(t.datum as usize)).map(|r| r.arrests).sum();
            (area, format!("{}, {} arrested", plural(n, "raid", "raids"), plural(arrested, "person", "people")))
        }
        ItemKind::Moment => {
            let c = &series.cumulative;
            let last = members().last().and_then(|t| c.steps.get(t.datum as usize))?;
            let total = if lane == 0 { last.arrests } else { last.charged };
            (series_name(lane, true), format!("{} by {}, in {}", count(total), last.time.label(), plural(n, "change", "changes")))
        }
        ItemKind::Area => {
            let rows = &series.areas.rows;
            let total: u64 = members().filter_map(|t| rows.get(t.datum as usize)).map(|r| if lane == 0 { r.arrests } else { r.charged }).sum();
            (series_name(lane, true), format!("{} across {}", count(total), plural(n, "area", "areas")))
        }
        ItemKind::Annotation => ("Notes on the chart".to_owned(), plural(n, "note", "notes")),
        ItemKind::Stage => ("Stages".to_owned(), plural(n, "stage", "stages")),
    })
}

/// Where item `index` is: its group and position ("Westmoor, raid 1 of 3").
fn item_context(series: &Series, scene: &Scene, index: usize, at: usize, of: usize) -> Option<String> {
    let t = scene.hit.target(index)?;
    let (k, n) = (at + 1, of);
    Some(match t.kind {
        ItemKind::Raid => {
            let tl = &series.timeline;
            format!("{}, raid {k} of {n}", tl.area(tl.raids.get(t.datum as usize)?))
        }
        ItemKind::Moment => format!("{}, change {k} of {n}", series_name(t.lane as usize, true)),
        ItemKind::Area => {
            let row = series.areas.rows.get(t.datum as usize)?;
            format!("{}, {}, bar {k} of {n}", row.name, series_name(t.lane as usize, false))
        }
        ItemKind::Annotation => format!("Note {k} of {n}"),
        ItemKind::Stage => format!("Stage {k} of {n}"),
    })
}
