//! The cumulative view: running totals of arrests and charges over time, as step lines.

use serde_json::json;

use super::frame::{chrome_height, frame, Chrome, Frame, LayoutContext, LegendEntry, Swatch};
use super::time_axis::TimeAxis;
use super::{count_axis, empty_message, time_grid, View};
use crate::derive::{Series, Step};
use crate::format::count;
use crate::scene::{Color, HAlign, HitIndex, Item, ItemKind, Mark, Point, Rect, Scene, Shape, VAlign};

/// Reads one running total off a step.
type StepValue = fn(&Step) -> u64;

fn end_label(n: u64, what: &str) -> String {
    format!("{} {}", count(n), what)
}

fn chrome<'s>(ctx: &LayoutContext<'_>, series: &'s Series) -> Chrome<'s> {
    let t = ctx.theme;
    let c = &series.cumulative;
    let mut legend = vec![
        LegendEntry { label: "Arrested".into(), color: t.arrests, swatch: Swatch::Line },
        LegendEntry { label: "Charged".into(), color: t.charged, swatch: Swatch::Line },
    ];
    if c.arrests_reported_above.is_some() || c.charged_reported_above.is_some() {
        legend.push(LegendEntry { label: "Reported total".into(), color: t.muted, swatch: Swatch::Dashed });
    }
    let mut notes = Vec::new();
    for s in [series.totals.arrests, series.totals.charged] {
        if s.not_itemised() > 0 {
            notes.push(format!(
                "{} of the {} reported {} are not itemised, so have no date.",
                count(s.not_itemised()),
                count(s.shown()),
                if s.stage == crate::derive::Stage::Arrests { "arrests" } else { "charges" }
            ));
        }
    }
    let last = c.steps.last();
    let right = [
        end_label(last.map_or(0, |s| s.arrests), "arrested"),
        end_label(last.map_or(0, |s| s.charged), "charged"),
    ]
    .iter()
    .map(|l| ctx.measure.width(l, t.sizes.small, true))
    .fold(0.0, f64::max)
    .min(ctx.width * 0.25);
    let top = c
        .arrests_reported_above
        .into_iter()
        .chain(c.charged_reported_above)
        .chain(last.map(|s| s.arrests.max(s.charged)))
        .max()
        .unwrap_or(0);
    let left = ctx.measure.width(&crate::format::tick(super::scale::count_ticks(top as f64, 5).0), t.sizes.small, false) + 8.0;
    Chrome { series, legend, notes, below_plot: t.sizes.small * 1.6, left_of_plot: left, right_of_plot: right + 8.0 }
}

/// The height the view wants at `width`.
pub fn preferred_height(ctx: &LayoutContext<'_>, series: &Series) -> f64 {
    chrome_height(ctx, &chrome(ctx, series)) + (ctx.width * 0.4).clamp(180.0, 320.0)
}

/// Lays out the cumulative view.
pub fn layout(ctx: &LayoutContext<'_>, series: &Series) -> Scene {
    let t = ctx.theme;
    let c = &series.cumulative;
    let chrome = chrome(ctx, series);
    let Frame { plot, mut shapes } = frame(ctx, &chrome);
    let mut hit = HitIndex::new();
    let (Some(first), Some(last)) = (c.steps.first(), c.steps.last()) else {
        shapes.push(empty_message(ctx, plot, "No arrests or charges itemised"));
        return Scene { width: ctx.width, height: ctx.height, background: t.background, shapes, hit, title: series.title.clone() };
    };
    let top = [c.arrests_reported_above, c.charged_reported_above, Some(last.arrests), Some(last.charged)]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(0);
    let y = count_axis(ctx, plot, top as f64, &mut shapes);
    let axis = TimeAxis::new(first.seconds, last.seconds, plot.width, t.sizes.small, ctx.measure);
    let x = time_grid(ctx, plot, &axis, &mut shapes);
    for (reported, color) in [(c.arrests_reported_above, t.arrests), (c.charged_reported_above, t.charged)] {
        if let Some(r) = reported {
            let py = y.px(r as f64);
            shapes.push(Shape::Line { points: vec![Point::new(plot.x, py), Point::new(plot.right(), py)], color, width: 1.0, dash: Some(4.0) });
            shapes.push(ctx.text(&format!("{} reported", count(r)), Point::new(plot.x + 4.0, py - 2.0), t.sizes.small, false, t.muted, HAlign::Left, VAlign::Bottom));
        }
    }
    let series_lines: [(StepValue, Color, &str); 2] =
        [(|s| s.charged, t.charged, "charged"), (|s| s.arrests, t.arrests, "arrested")];
    for (value, color, what) in series_lines {
        let mut points = vec![Point::new(plot.x, y.px(0.0))];
        let mut prev = 0u64;
        for s in &c.steps {
            let px = x.px(s.seconds);
            points.push(Point::new(px, y.px(prev as f64)));
            prev = value(s);
            points.push(Point::new(px, y.px(prev as f64)));
        }
        points.push(Point::new(plot.right(), y.px(prev as f64)));
        shapes.push(Shape::Line { points, color, width: 2.5, dash: None });
        shapes.push(ctx.text(&end_label(prev, what), Point::new(plot.right() + 6.0, y.px(prev as f64)), t.sizes.small, true, color, HAlign::Left, VAlign::Middle));
    }
    for s in &c.steps {
        let px = x.px(s.seconds);
        hit.add_step(plot, px, moment_item(s, plot, px, y.px(s.arrests as f64), y.px(s.charged as f64)));
    }
    hit.finish();
    Scene { width: ctx.width, height: ctx.height, background: t.background, shapes, hit, title: series.title.clone() }
}

fn moment_item(s: &Step, plot: Rect, x: f64, y_arrests: f64, y_charged: f64) -> Item {
    let mut lines = vec![s.time.label(), format!("So far: {} arrested, {} charged", count(s.arrests), count(s.charged))];
    lines.extend(s.changes.iter().cloned());
    Item {
        view: View::Cumulative.name(),
        kind: ItemKind::Moment,
        index: 0,
        label: lines.join("\n"),
        anchor: Point::new(x, y_arrests.min(y_charged)),
        marks: vec![
            Mark::rect(Rect::new(x - 0.5, plot.y, 1.0, plot.height)),
            Mark::circle(Point::new(x, y_arrests), 5.0),
            Mark::circle(Point::new(x, y_charged), 5.0),
        ],
        values: super::values(json!({
            "time": s.time.as_str(),
            "arrests": s.arrests,
            "charged": s.charged,
            "changes": s.changes,
        })),
    }
}
