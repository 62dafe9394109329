//! The timeline view: each raid as a mark on a time axis, one lane per area, sized by the
//! people arrested. The legend's area entries hide and show lanes. Marks close in time are
//! spread up and down within their lane so each can be seen and hovered (see [`dodge`]).

use super::frame::{chrome_height, frame, Chrome, Frame, LayoutContext, LegendEntry, Swatch};
use super::dodge::{self, Disc};
use super::scale::LinearScale;
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
/// The largest circle's radius, CSS px.
const MAX_R: f64 = 16.0;
/// A lane's height when its marks need no more, CSS px.
const LANE_H: f64 = 56.0;
/// The plot's height the view asks for at most, however much its lanes' marks pile up, CSS px.
const MAX_PLOT_H: f64 = 360.0;

/// What the description says when marks were spread within their lanes.
pub const SPREAD_SENTENCE: &str = "Raids close in time are spread up and down within their lane so each can be seen; their position across still shows the time.";

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
/// to read its marks; `spread` when the drawing spread marks within their lanes (see
/// [`Scene::marks_spread`]), which it then says ([`SPREAD_SENTENCE`]).
pub fn about(ctx: &LayoutContext<'_>, series: &Series, spread: bool) -> Vec<String> {
    let mut about = chrome(ctx, series).about();
    let most = series.timeline.raids.iter().map(|r| r.arrests).max().unwrap_or(0);
    if most > 0 {
        about.push(format!("Each circle is a raid; its area shows the people arrested there, from none (an open ring) to {} (the largest circle).", count(most)));
    }
    if spread {
        about.push(SPREAD_SENTENCE.to_owned());
    }
    about
}

/// The height the view wants at `width`: a lane of [`LANE_H`] per area at the default text size
/// (within bounds; more for larger text, as each lane holds its name), or more where a lane's
/// marks pile up so that, spread, they need more room at full size (up to [`MAX_PLOT_H`] for
/// the plot).
pub fn preferred_height(ctx: &LayoutContext<'_>, series: &Series) -> f64 {
    let chrome = chrome(ctx, series);
    let lanes = series.timeline.lanes.len().max(1) as f64;
    let plain = ctx.theme.sizes.room((lanes * LANE_H).clamp(120.0, 420.0));
    let plot = plain.max((lanes * spread_lane_height(ctx, series, &chrome, plain / lanes)).min(MAX_PLOT_H));
    chrome_height(ctx, &chrome) + plot + super::annotate::strip_estimate(ctx, series)
}

/// The height a lane needs for its spread marks at full size, with every lane shown and lanes
/// `lane_h` high; 0 past the thinning threshold, where marks are not spread.
fn spread_lane_height(ctx: &LayoutContext<'_>, series: &Series, chrome: &Chrome<'_>, lane_h: f64) -> f64 {
    let tl = &series.timeline;
    if tl.raids.len() > decimate::MAX_MARKS {
        return 0.0;
    }
    let probe = LayoutContext { height: 10_000.0, ..*ctx };
    let width = frame(&probe, chrome).plot.width;
    let Some(axis) = axis(ctx, series, width) else { return 0.0 };
    let x = LinearScale::new(axis.start, axis.end, 0.0, width);
    let sizes = Sizes::new(series, lane_h);
    let mut discs: Vec<Disc> = tl.raids.iter().map(|r| Disc { x: x.px(r.seconds), y: 0.0, r: sizes.radius(r.arrests), lane: r.lane }).collect();
    // Unbounded, every mark is placed at full size: the lane must reach as far as they do.
    dodge::spread(&mut discs, f64::INFINITY);
    let reach = discs.iter().map(|d| d.y.abs() + d.r).fold(0.0, f64::max);
    2.0 * (reach + dodge::PADDING)
}

/// The time axis of the timeline `width` px wide, raids and annotations included; `None` with
/// no raids.
fn axis(ctx: &LayoutContext<'_>, series: &Series, width: f64) -> Option<TimeAxis> {
    let tl = &series.timeline;
    let span = tl.span()?;
    let whole_days = tl.raids.iter().all(|r| r.time.is_whole_day()) && series.annotations.iter().all(|a| a.time.is_whole_day());
    let (first, last) = crate::derive::span_with(span, &series.annotations);
    Some(TimeAxis::new(first, last, width, ctx.theme.sizes.small, ctx.measure, whole_days))
}

/// Circle sizes: area, not radius, carries the count.
struct Sizes {
    max_r: f64,
    most: f64,
}

impl Sizes {
    /// Sizes for lanes `lane_h` px high, the largest circle for the most arrests of any raid.
    fn new(series: &Series, lane_h: f64) -> Self {
        let max_r = (lane_h * 0.42).clamp(MIN_R + 1.0, MAX_R);
        let most = series.timeline.raids.iter().map(|r| r.arrests).max().unwrap_or(0).max(1) as f64;
        Self { max_r, most }
    }

    /// The radius of a raid with `arrests` people arrested, at full size.
    fn radius(&self, arrests: u64) -> f64 {
        MIN_R + (self.max_r - MIN_R) * (arrests as f64 / self.most).sqrt()
    }
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
    let Some(axis) = axis(ctx, series, plot.width) else {
        shapes.push(empty_message(ctx, plot, "No raids itemised"));
        return done(shapes, hit);
    };
    let notes = super::annotate::plan(ctx, plot, axis.start, axis.end, series);
    let (whole, plot) = (plot, notes.data_plot(plot));
    hit.set_plot(plot);
    let x = time_grid(ctx, plot, &axis, &mut shapes);
    let lanes = visible_lanes(ctx, series);
    let lane_h = plot.height / lanes.len().max(1) as f64;
    let sizes = Sizes::new(series, lane_h);
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
    // Each visible raid at its exact time, on its lane's centre line before spreading.
    let (mut discs, mut datums) = (Vec::new(), Vec::new());
    for (i, raid) in tl.raids.iter().enumerate() {
        let Some(row) = row_of.get(raid.lane).copied().flatten() else { continue };
        discs.push(Disc { x: x.px(raid.seconds), y: 0.0, r: sizes.radius(raid.arrests), lane: row });
        datums.push(i);
    }
    // Marks close in time are spread within their lane, so each is seen and hovered; past the
    // thinning threshold they are not (the drawing is thinned instead, see `decimate`).
    let scale = if discs.len() <= decimate::MAX_MARKS { dodge::spread(&mut discs, lane_h / 2.0) } else { 1.0 };
    // Every visible raid is hoverable and reachable by keyboard (in time order, the order they
    // are added in), at its spread centre; past a few thousand, only the biggest mark of each
    // few pixels is drawn (see `decimate`).
    let mut placed: Vec<(usize, Point, f64)> = Vec::new();
    for (d, i) in discs.iter().zip(datums) {
        let center = Point::new(d.x, plot.y + lane_h * (d.lane as f64 + 0.5) + d.y);
        let r = d.r * scale;
        let focus = Focus::Ring { center, radius: r + 3.0 };
        hit.add_point(center, r + 4.0, Target::new(ItemKind::Raid, d.lane, i, Point::new(center.x, center.y - r), focus));
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
    let mut scene = done(shapes, hit);
    scene.marks_spread = dodge::moved(&discs);
    scene
}
