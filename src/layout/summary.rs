//! The summary view: raids → arrests → charged as a funnel of horizontal bars, with the step
//! rates, and the reported figure shown (and explained) where the events itemise fewer.

use super::frame::{frame, Chrome, Frame, LayoutContext, LegendEntry, Swatch};
use super::scale::{count_ticks, LinearScale};
use crate::derive::{Series, StageCount};
use crate::format::count;
use crate::scene::{HAlign, HitIndex, ItemKind, Mark, Point, Rect, Scene, Shape, Target, VAlign};

const LABEL_GAP: f64 = 8.0;

/// The notes under the chart, the legend, and the bar value labels.
fn chrome<'s>(ctx: &LayoutContext<'_>, series: &'s Series) -> Chrome<'s> {
    let stages = series.totals.stages();
    let t = ctx.theme;
    let mut legend = Vec::new();
    if stages.iter().any(|s| s.not_itemised() > 0) {
        legend.push(LegendEntry::note("Itemised in the data", t.arrests, Swatch::Box));
        legend.push(LegendEntry::note("Reported, not itemised", t.arrests, Swatch::Pale));
    }
    let notes = stages
        .iter()
        .filter_map(|s| {
            s.above_reported().map(|_| {
                format!(
                    "The events itemise {} {}, more than the {} reported.",
                    count(s.itemised),
                    s.stage.noun(s.itemised).to_ascii_lowercase(),
                    count(s.reported.unwrap_or(0))
                )
            })
        })
        .collect();
    let label_w = stages
        .iter()
        .map(|s| ctx.measure.width(s.stage.name(), t.sizes.label, true))
        .fold(0.0, f64::max);
    let value_w = stages
        .iter()
        .map(|s| ctx.measure.width(&value_label(s), t.sizes.label, true))
        .fold(0.0, f64::max);
    Chrome {
        series,
        legend,
        notes,
        below_plot: t.sizes.small * 1.6,
        left_of_plot: label_w + t.sizes.px(LABEL_GAP),
        right_of_plot: value_w.min(ctx.width * 0.4) + t.sizes.px(LABEL_GAP),
    }
}

fn value_label(s: &StageCount) -> String {
    match s.not_itemised() {
        0 => count(s.shown()),
        n => format!("{} ({} not itemised)", count(s.shown()), count(n)),
    }
}


/// The words of this view that are otherwise only pixels (see [`Chrome::about`]), with how
/// to read its marks.
pub fn about(ctx: &LayoutContext<'_>, series: &Series) -> Vec<String> {
    let about = chrome(ctx, series).about();
    about
}

/// The height the view wants at `width`: 64 px a stage at the default text size, more for
/// larger text (each row holds a bar's name and value and the rate under it).
pub fn preferred_height(ctx: &LayoutContext<'_>, series: &Series) -> f64 {
    super::frame::chrome_height(ctx, &chrome(ctx, series)) + 3.0 * ctx.theme.sizes.room(64.0)
}

/// The count axis's end and ticks across `width` px: about one per 60 px, fewer where the
/// labels are wider than that (counts in the trillions, large text), so that no two labels
/// overlap; only the end when not even two fit.
fn ticks_that_fit(ctx: &LayoutContext<'_>, max: f64, width: f64) -> (f64, Vec<f64>) {
    let size = ctx.theme.sizes.small;
    let mut most = (width / ctx.theme.sizes.px(60.0)).floor().clamp(1.0, 6.0) as usize;
    loop {
        let (top, ticks) = count_ticks(max, most);
        let widest = ticks.iter().map(|v| ctx.measure.width(&crate::format::tick(*v), size, false)).fold(0.0, f64::max);
        let spacing = width / ticks.len().saturating_sub(1).max(1) as f64;
        if spacing >= widest + size * 0.8 {
            return (top, ticks);
        }
        if most <= 1 {
            // Not even 0 and the end fit side by side (large text on a phone): the end alone.
            return (top, vec![top]);
        }
        most -= 1;
    }
}

/// Lays out the summary view.
pub fn layout(ctx: &LayoutContext<'_>, series: &Series) -> Scene {
    let t = ctx.theme;
    let chrome = chrome(ctx, series);
    let Frame { plot, mut shapes, legend } = frame(ctx, &chrome);
    let stages = series.totals.stages();
    let max = stages.iter().map(StageCount::shown).max().unwrap_or(0) as f64;
    let (top, ticks) = ticks_that_fit(ctx, max, plot.width);
    let x = LinearScale::new(0.0, top, plot.x, plot.right());
    for v in &ticks {
        let px = x.px(*v);
        shapes.push(Shape::Line {
            points: vec![Point::new(px, plot.y), Point::new(px, plot.bottom())],
            color: t.grid,
            width: 1.0,
            dash: None,
        });
        shapes.push(ctx.text(&crate::format::tick(*v), Point::new(px, plot.bottom() + t.sizes.px(4.0)), t.sizes.small, false, t.muted, HAlign::Center, VAlign::Top));
    }
    let mut hit = HitIndex::new();
    hit.set_plot(plot);
    let row = plot.height / stages.len() as f64;
    let bar_h = (row * 0.45).clamp(6.0, 34.0);
    for (i, s) in stages.iter().enumerate() {
        let band = Rect::new(plot.x - chrome.left_of_plot, plot.y + row * i as f64, ctx.width - 2.0 * super::frame::PAD, row);
        let rate = series.totals.rate_text(s.stage);
        let bar_y = band.y + (row - bar_h) / 2.0 - if rate.is_some() { t.sizes.small * 0.5 } else { 0.0 };
        let itemised = Rect::new(x.px(0.0), bar_y, x.px(s.itemised as f64) - x.px(0.0), bar_h);
        let whole = Rect::new(x.px(0.0), bar_y, x.px(s.shown() as f64) - x.px(0.0), bar_h);
        if s.not_itemised() > 0 {
            shapes.push(Shape::Rect {
                rect: Rect::new(itemised.right(), bar_y, whole.right() - itemised.right(), bar_h),
                fill: t.arrests.alpha(0.3),
                stroke: Some((t.arrests, 1.0)),
            });
        }
        shapes.push(Shape::Rect { rect: itemised, fill: t.arrests, stroke: None });
        let mid = bar_y + bar_h / 2.0;
        shapes.push(ctx.text(s.stage.name(), Point::new(plot.x - t.sizes.px(LABEL_GAP), mid), t.sizes.label, true, t.text, HAlign::Right, VAlign::Middle));
        let value = ctx.fit(&value_label(s), t.sizes.label, true, chrome.right_of_plot + plot.right() - whole.right());
        shapes.push(ctx.text(&value, Point::new(whole.right() + t.sizes.px(6.0), mid), t.sizes.label, true, t.text, HAlign::Left, VAlign::Middle));
        if let Some(r) = &rate {
            shapes.push(ctx.text(r, Point::new(plot.x + 4.0, bar_y + bar_h + t.sizes.px(4.0)), t.sizes.small, false, t.muted, HAlign::Left, VAlign::Top));
        }
        let focus = hit.add_boxes([Mark::rect(Rect::new(whole.x, whole.y, whole.width.max(2.0), whole.height))]);
        hit.add_rect(band, Target::new(ItemKind::Stage, 0, i, Point::new(whole.right(), whole.y), focus));
    }
    shapes.push(Shape::Line {
        points: vec![Point::new(x.px(0.0), plot.y), Point::new(x.px(0.0), plot.bottom())],
        color: t.axis,
        width: 1.0,
        dash: None,
    });
    ctx.scene(shapes, hit, legend)
}
