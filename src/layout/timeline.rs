//! The timeline view: each raid as a mark on a time axis, one lane per area, sized by the
//! people arrested. The legend's area entries hide and show lanes.

use super::frame::{chrome_height, frame, Chrome, Frame, LayoutContext, LegendEntry, Swatch};
use super::time_axis::TimeAxis;
use super::visibility::area_key;
use super::{decimate, empty_message, time_grid};
use crate::derive::Series;
use crate::format::{count, plural};
use crate::scene::{Focus, HAlign, HitIndex, ItemKind, Point, Scene, Shape, Target, VAlign};

const LANE_GAP: f64 = 8.0;
/// Areas get legend buttons up to this many; past it a legend would crowd out the chart.
const MAX_AREA_BUTTONS: usize = 10;
/// Lanes shorter than this (CSS px at the default text size) get no label: there is no room
/// for one.
const MIN_LABELLED_LANE: f64 = 14.0;
const MIN_R: f64 = 4.0;

/// The lanes the reader has not hidden: (index in the series' lanes, name).
fn visible_lanes<'s>(ctx: &LayoutContext<'_>, series: &'s Series) -> Vec<(usize, &'s str)> {
    series
        .timeline
        .lanes
        .iter()
        .enumerate()
        .filter(|(_, name)| !ctx.visibility.is_hidden(&area_key(name)))
        .map(|(i, name)| (i, name.as_str()))
        .collect()
}

fn chrome<'s>(ctx: &LayoutContext<'_>, series: &'s Series) -> Chrome<'s> {
    let t = ctx.theme;
    let tl = &series.timeline;
    let mut notes = Vec::new();
    let raids = series.totals.raids;
    if raids.not_itemised() > 0 {
        notes.push(format!(
            "{} of the {} reported raids are not itemised, so not shown.",
            count(raids.not_itemised()),
            count(raids.shown())
        ));
    }
    notes.extend(tl.clock.note());
    let unlinked: Vec<String> = [
        (tl.unlinked_arrests, "arrest", "arrests"),
        (tl.unlinked_charged, "person charged", "people charged"),
        (tl.unlinked_seizures, "seizure", "seizures"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| plural(n, one, many))
    .collect();
    if !unlinked.is_empty() {
        notes.push(format!("Not linked to a raid, so not shown: {}.", unlinked.join(", ")));
    }
    let mut legend = Vec::new();
    if !tl.raids.is_empty() {
        if (2..=MAX_AREA_BUTTONS).contains(&tl.lanes.len()) {
            legend.extend(tl.lanes.iter().enumerate().map(|(i, name)| LegendEntry::toggle(name.clone(), t.area(i), Swatch::Dot, area_key(name))));
        }
        legend.push(LegendEntry::note("Circle area: people arrested", t.raids, Swatch::Dot));
        if tl.raids.iter().any(|r| r.arrests == 0) {
            legend.push(LegendEntry::note("No arrests itemised", t.raids, Swatch::Ring));
        }
    }
    let lane_w = visible_lanes(ctx, series)
        .iter()
        .map(|(_, l)| ctx.measure.width(l, t.sizes.label, true))
        .fold(0.0, f64::max)
        .min(ctx.width * 0.3);
    Chrome { series, legend, notes, below_plot: t.sizes.small * 1.6, left_of_plot: lane_w + t.sizes.px(LANE_GAP), right_of_plot: 8.0 }
}

/// The words of this view that are otherwise only pixels (see [`Chrome::about`]), with how
/// to read its marks.
pub fn about(ctx: &LayoutContext<'_>, series: &Series) -> Vec<String> {
    let mut about = chrome(ctx, series).about();
    let most = series.timeline.raids.iter().map(|r| r.arrests).max().unwrap_or(0);
    if most > 0 {
        about.push(format!("Each circle is a raid; its area shows the people arrested there, from none (an open ring) to {} (the largest circle).", count(most)));
    }
    about
}

/// The height the view wants at `width`: 56 px a lane at the default text size, more for
/// larger text (each lane holds its name).
pub fn preferred_height(ctx: &LayoutContext<'_>, series: &Series) -> f64 {
    let lanes = series.timeline.lanes.len().max(1) as f64;
    let plot = ctx.theme.sizes.room((lanes * 56.0).clamp(120.0, 420.0));
    chrome_height(ctx, &chrome(ctx, series)) + plot + super::annotate::strip_estimate(ctx, series)
}

/// Lays out the timeline view.
pub fn layout(ctx: &LayoutContext<'_>, series: &Series) -> Scene {
    let t = ctx.theme;
    let tl = &series.timeline;
    let chrome = chrome(ctx, series);
    let Frame { plot, mut shapes, legend } = frame(ctx, &chrome);
    let mut hit = HitIndex::new();
    hit.set_plot(plot);
    let done = |shapes, hit| ctx.scene(shapes, hit, legend.clone());
    let Some((first, last)) = tl.span() else {
        shapes.push(empty_message(ctx, plot, "No raids itemised"));
        return done(shapes, hit);
    };
    let whole_days = tl.raids.iter().all(|r| r.time.is_whole_day()) && series.annotations.iter().all(|a| a.time.is_whole_day());
    let (first, last) = crate::derive::span_with((first, last), &series.annotations);
    let axis = TimeAxis::new(first, last, plot.width, t.sizes.small, ctx.measure, whole_days);
    let notes = super::annotate::plan(ctx, plot, axis.start, axis.end, series);
    let (whole, plot) = (plot, notes.data_plot(plot));
    hit.set_plot(plot);
    let x = time_grid(ctx, plot, &axis, &mut shapes);
    let lanes = visible_lanes(ctx, series);
    let lane_h = plot.height / lanes.len().max(1) as f64;
    let max_r = (lane_h * 0.42).clamp(MIN_R + 1.0, 16.0);
    let most = tl.raids.iter().map(|r| r.arrests).max().unwrap_or(0).max(1) as f64;
    let mut row_of = vec![None; tl.lanes.len()];
    for (row, (lane, _)) in lanes.iter().enumerate() {
        if let Some(r) = row_of.get_mut(*lane) {
            *r = Some(row);
        }
    }
    let lane_gap = t.sizes.px(LANE_GAP);
    // A lane's name needs its own height at least, whatever the text size.
    let labelled = t.sizes.px(MIN_LABELLED_LANE).max(t.sizes.label * 1.2);
    for (row, (lane, name)) in lanes.iter().enumerate().filter(|_| lane_h >= labelled) {
        let mid = plot.y + lane_h * (row as f64 + 0.5);
        let label = ctx.fit(name, t.sizes.label, true, chrome.left_of_plot - lane_gap);
        shapes.push(ctx.text(&label, Point::new(plot.x - lane_gap, mid), t.sizes.label, true, t.area(*lane), HAlign::Right, VAlign::Middle));
        shapes.push(Shape::Line {
            points: vec![Point::new(plot.x, mid), Point::new(plot.right(), mid)],
            color: t.grid,
            width: 1.0,
            dash: None,
        });
    }
    // Every visible raid is hoverable and reachable by keyboard; past a few thousand, only the
    // biggest mark of each few pixels is drawn (see `decimate`).
    let mut placed: Vec<(usize, Point, f64)> = Vec::new();
    for (i, raid) in tl.raids.iter().enumerate() {
        let Some(row) = row_of.get(raid.lane).copied().flatten() else { continue };
        let center = Point::new(x.px(raid.seconds), plot.y + lane_h * (row as f64 + 0.5));
        // Area, not radius, carries the count.
        let r = MIN_R + (max_r - MIN_R) * (raid.arrests as f64 / most).sqrt();
        let focus = Focus::Ring { center, radius: r + 3.0 };
        hit.add_point(center, r + 4.0, Target::new(ItemKind::Raid, row, i, Point::new(center.x, center.y - r), focus));
        placed.push((i, center, r));
    }
    let weights: Vec<(f64, usize, u64)> = placed
        .iter()
        .map(|(i, center, _)| {
            let raid = tl.raids.get(*i);
            let row = raid.and_then(|r| row_of.get(r.lane).copied().flatten()).unwrap_or(0);
            (center.x, row, raid.map_or(0, |r| r.arrests))
        })
        .collect();
    for k in decimate::thin_marks(&weights, lanes.len(), plot.x, plot.width) {
        let Some(&(i, center, r)) = placed.get(k) else { continue };
        let Some(raid) = tl.raids.get(i) else { continue };
        let color = t.area(raid.lane);
        shapes.push(if raid.arrests > 0 {
            Shape::Circle { center, radius: r, fill: color.alpha(0.85), stroke: Some((t.background, 1.0)) }
        } else {
            Shape::Circle { center, radius: r, fill: t.background.alpha(0.0), stroke: Some((color, 1.5)) }
        });
    }
    notes.draw(ctx, whole, lanes.len(), &mut shapes, &mut hit);
    done(shapes, hit)
}
