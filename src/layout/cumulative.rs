//! The cumulative view: running totals of arrests and charges over time, as step lines. The
//! legend hides and shows either series; the keyboard walks one series' changes at a time.

use super::frame::{chrome_height, frame, Chrome, Frame, LayoutContext, LegendEntry, Swatch};
use super::time_axis::TimeAxis;
use super::visibility::{ARRESTS, CHARGED};
use super::{count_axis, count_label, decimate, empty_message, time_grid};
use crate::derive::{Series, Stage, Step};
use crate::format::count;
use crate::scene::{Color, Focus, HAlign, HitIndex, ItemKind, Point, Scene, Shape, Target, VAlign};

/// One of the two running totals.
struct Line {
    key: &'static str,
    name: &'static str,
    verb: &'static str,
    color: Color,
    value: fn(&Step) -> u64,
    reported_above: Option<u64>,
}

/// What each running total counts, by lane: the word a tooltip's `series` value carries.
pub(crate) const SERIES_VERBS: [&str; 2] = ["arrested", "charged"];

fn lines(ctx: &LayoutContext<'_>, series: &Series) -> [Line; 2] {
    let t = ctx.theme;
    let c = &series.cumulative;
    [
        Line { key: ARRESTS, name: "Arrested", verb: SERIES_VERBS[0], color: t.arrests, value: |s| s.arrests, reported_above: c.arrests_reported_above },
        Line { key: CHARGED, name: "Charged", verb: SERIES_VERBS[1], color: t.charged, value: |s| s.charged, reported_above: c.charged_reported_above },
    ]
}

fn end_label(n: u64, what: &str) -> String {
    format!("{} {}", count(n), what)
}

/// The first of `labels` no wider than `max` px, or else the last one shortened with "…":
/// a label drops its words before its number is cut.
fn first_that_fits(ctx: &LayoutContext<'_>, labels: &[String], size: f64, bold: bool, max: f64) -> String {
    labels
        .iter()
        .find(|l| ctx.measure.width(l, size, bold) <= max)
        .cloned()
        .unwrap_or_else(|| labels.last().map(|l| ctx.fit(l, size, bold, max)).unwrap_or_default())
}

/// The centres of two end labels moved apart about their middle until they are at least `gap`
/// apart, when the two totals finish close together (or at one height, where `a` goes above).
fn apart(a: f64, b: f64, gap: f64) -> (f64, f64) {
    let overlap = gap - (a - b).abs();
    if overlap <= 0.0 {
        return (a, b);
    }
    let half = overlap / 2.0;
    if b < a { (a + half, b - half) } else { (a - half, b + half) }
}

/// The highest value the y axis must reach: the running totals and any reported figures.
fn top(series: &Series) -> u64 {
    let c = &series.cumulative;
    let last = c.steps.last();
    [c.arrests_reported_above, c.charged_reported_above, last.map(|s| s.arrests), last.map(|s| s.charged)]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(0)
}

fn chrome<'s>(ctx: &LayoutContext<'_>, series: &'s Series) -> Chrome<'s> {
    let t = ctx.theme;
    let c = &series.cumulative;
    let mut legend: Vec<LegendEntry> = lines(ctx, series)
        .into_iter()
        .map(|l| LegendEntry::toggle(l.name, l.color, Swatch::Line, l.key))
        .collect();
    if c.arrests_reported_above.is_some() || c.charged_reported_above.is_some() {
        legend.push(LegendEntry::note("Reported total", t.muted, Swatch::Dashed));
    }
    let mut notes = Vec::new();
    for s in [series.totals.arrests, series.totals.charged] {
        if s.not_itemised() > 0 {
            notes.push(format!(
                "{} of the {} reported {} are not itemised, so have no date.",
                count(s.not_itemised()),
                count(s.shown()),
                if s.stage == Stage::Arrests { "arrests" } else { "charges" }
            ));
        }
    }
    notes.extend(c.clock.note());
    let last = c.steps.last();
    // Room for "33 arrested", up to a quarter of the width; for a number too long for that,
    // room for the number alone, up to two fifths.
    let right = lines(ctx, series)
        .iter()
        .map(|l| {
            let n = last.map_or(0, l.value);
            let label = ctx.measure.width(&end_label(n, l.verb), t.sizes.small, true).min(ctx.width * 0.25);
            label.max(ctx.measure.width(&count(n), t.sizes.small, true).min(ctx.width * 0.4))
        })
        .fold(0.0, f64::max);
    let top_label = count_label(super::scale::count_ticks(top(series) as f64, 5).0, true);
    let left = ctx.measure.width(&top_label, t.sizes.small, false) + t.sizes.px(8.0);
    Chrome { series, legend, notes, below_plot: t.sizes.small * 1.6, left_of_plot: left, right_of_plot: right + t.sizes.px(8.0) }
}

/// The words of this view that are otherwise only pixels (see [`Chrome::about`]), with how
/// to read its marks.
pub fn about(ctx: &LayoutContext<'_>, series: &Series) -> Vec<String> {
    let about = chrome(ctx, series).about();
    about
}

/// The height the view wants at `width`.
pub fn preferred_height(ctx: &LayoutContext<'_>, series: &Series) -> f64 {
    chrome_height(ctx, &chrome(ctx, series)) + (ctx.width * 0.4).clamp(180.0, 320.0) + super::annotate::strip_estimate(ctx, series)
}

/// Lays out the cumulative view.
pub fn layout(ctx: &LayoutContext<'_>, series: &Series) -> Scene {
    let t = ctx.theme;
    let c = &series.cumulative;
    let chrome = chrome(ctx, series);
    let Frame { plot, mut shapes, legend } = frame(ctx, &chrome);
    let mut hit = HitIndex::new();
    hit.set_plot(plot);
    let done = |shapes, hit| ctx.scene(shapes, hit, legend.clone());
    let (Some(first), Some(last)) = (c.steps.first(), c.steps.last()) else {
        shapes.push(empty_message(ctx, plot, "No arrests or charges itemised"));
        return done(shapes, hit);
    };
    let whole_days = c.steps.iter().all(|s| s.time.is_whole_day()) && series.annotations.iter().all(|a| a.time.is_whole_day());
    let (start, end) = crate::derive::span_with((first.seconds, last.seconds), &series.annotations);
    let axis = TimeAxis::new(start, end, plot.width, t.sizes.small, ctx.measure, whole_days);
    let notes = super::annotate::plan(ctx, plot, axis.start, axis.end, series);
    let (whole, plot) = (plot, notes.data_plot(plot));
    hit.set_plot(plot);
    let y = count_axis(ctx, plot, top(series) as f64, &mut shapes);
    let x = time_grid(ctx, plot, &axis, &mut shapes);
    let visible: Vec<(usize, Line)> = lines(ctx, series)
        .into_iter()
        .enumerate()
        .filter(|(_, l)| !ctx.visibility.is_hidden(l.key))
        .collect();
    for (_, line) in &visible {
        if let Some(r) = line.reported_above {
            let py = y.px(r as f64);
            shapes.push(Shape::Line { points: vec![Point::new(plot.x, py), Point::new(plot.right(), py)], color: line.color, width: 1.0, dash: Some(4.0) });
            let labels = [format!("{} {} reported", count(r), line.verb), format!("{} reported", count(r)), count(r)];
            let label = first_that_fits(ctx, &labels, t.sizes.small, false, plot.width - 4.0);
            shapes.push(ctx.text(&label, Point::new(plot.x + 4.0, py - 2.0), t.sizes.small, false, t.muted, HAlign::Left, VAlign::Bottom));
        }
    }
    // Where each total ends, and its label; arrests above charges where the two end at about
    // the same height.
    let mut ends: Vec<f64> = visible.iter().map(|(_, l)| y.px((l.value)(last) as f64)).collect();
    if let [arrests, charged] = ends.as_mut_slice() {
        (*arrests, *charged) = apart(*arrests, *charged, t.sizes.small * 1.2);
    }
    let room = ctx.width - super::frame::PAD - plot.right() - t.sizes.px(6.0);
    // Charges first, so the arrests line stays on top where the two meet.
    for ((_, line), ly) in visible.iter().zip(ends).rev() {
        let mut points = vec![Point::new(plot.x, y.px(0.0))];
        let mut prev = 0u64;
        for s in &c.steps {
            let px = x.px(s.seconds);
            points.push(Point::new(px, y.px(prev as f64)));
            prev = (line.value)(s);
            points.push(Point::new(px, y.px(prev as f64)));
        }
        points.push(Point::new(plot.right(), y.px(prev as f64)));
        // Thousands of steps in a few hundred pixels: keep what each pixel column shows.
        let points = decimate::thin_line(points, plot.width);
        shapes.push(Shape::Line { points, color: line.color, width: 2.5, dash: None });
        let label = first_that_fits(ctx, &[end_label(prev, line.verb), count(prev)], t.sizes.small, true, room);
        shapes.push(ctx.text(&label, Point::new(plot.right() + t.sizes.px(6.0), ly), t.sizes.small, true, line.color, HAlign::Left, VAlign::Middle));
    }
    // One item per series per moment that series changed: the pointer finds a moment by x,
    // the keyboard walks along one series (Left/Right); Up rises to the series.
    let mut prev = [0u64; 2];
    for (i, s) in c.steps.iter().enumerate() {
        let px = x.px(s.seconds);
        let mut hovered = false;
        for (lane, line) in &visible {
            let value = (line.value)(s);
            let changed = prev.get(*lane).is_none_or(|p| *p != value);
            if let Some(p) = prev.get_mut(*lane) {
                *p = value;
            }
            if !changed {
                continue;
            }
            let at = Point::new(px, y.px(value as f64));
            let target = Target::new(ItemKind::Moment, *lane, i, at, Focus::Ring { center: at, radius: 5.0 });
            if hovered {
                hit.add_item(target);
            } else {
                hit.add_step(px, target);
                hovered = true;
            }
        }
    }
    notes.draw(ctx, whole, lines(ctx, series).len(), &mut shapes, &mut hit);
    done(shapes, hit)
}

#[cfg(test)]
mod tests {
    use super::apart;

    #[test]
    fn end_labels_that_would_overlap_move_apart_about_their_middle() {
        // Far enough apart: left alone.
        assert_eq!(apart(10.0, 40.0, 12.0), (10.0, 40.0));
        // At one height (33 arrested, 33 charged): the first goes on top.
        assert_eq!(apart(100.0, 100.0, 12.0), (94.0, 106.0));
        // Close, either order.
        assert_eq!(apart(104.0, 100.0, 12.0), (108.0, 96.0));
    }
}
