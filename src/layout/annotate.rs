//! Annotations on the time views: a dashed guide at each marked moment, and its label in a
//! strip above the data, in the first of a few rows where it overlaps no other annotation's
//! label. The strip is taken from the top of the plot only when there are annotations, so the
//! labels never cover a mark. Each annotation is an item the pointer (on its label) and the
//! keyboard (a lane of its own, after the data's) reach like any other.
//!
//! Annotations are added to the hit index after the view's own items, so the first item of a
//! scene always says which view it is (see [`super::describe`]).

use super::frame::LayoutContext;
use super::scale::LinearScale;
use crate::derive::Series;
use crate::scene::{HAlign, HitIndex, ItemKind, Mark, Point, Rect, Shape, Target, VAlign};

/// Rows of labels above the data; an annotation that finds no room in them keeps its guide,
/// its item and its table row, without a label on the canvas.
const ROWS: usize = 3;

/// Space kept between two labels in a row, CSS px at the default text size.
const GAP: f64 = 6.0;

/// A label with room on the chart: its text, its box and how it is aligned to its guide.
type Label = (String, Rect, HAlign);

/// Where each annotation and its label go, worked out before the data is laid out.
pub struct Plan {
    /// Per annotation: its index, its x, and its label if it has room.
    placed: Vec<(usize, f64, Option<Label>)>,
    /// The height of the strip of labels above the data.
    strip: f64,
}

/// Places `series`' annotations over `plot`, whose time axis runs from `start` to `end`.
pub fn plan(ctx: &LayoutContext<'_>, plot: Rect, start: f64, end: f64, series: &Series) -> Plan {
    let sizes = ctx.theme.sizes;
    let (size, gap, beside) = (sizes.small, sizes.px(GAP), sizes.px(4.0));
    let line_h = LayoutContext::line_height(size);
    let x = LinearScale::new(start, end, plot.x, plot.right());
    let mut taken: Vec<Rect> = Vec::new();
    let mut placed = Vec::new();
    for (i, note) in series.annotations.iter().enumerate() {
        let px = x.px(note.seconds);
        if !px.is_finite() || px < plot.x - 0.5 || px > plot.right() + 0.5 {
            continue;
        }
        let label = ctx.fit(&note.text, size, true, (plot.width * 0.45).max(40.0));
        let w = ctx.measure.width(&label, size, true);
        // Right of the guide, or left of it where the plot ends first.
        let (left, align) = if px + beside + w <= plot.right() { (px + beside, HAlign::Left) } else { (px - beside - w, HAlign::Right) };
        let room = (0..ROWS).map(|row| Rect::new(left, plot.y + row as f64 * line_h, w, line_h)).find(|r| {
            r.x >= plot.x && !taken.iter().any(|o| r.x < o.right() + gap && o.x < r.right() + gap && r.y < o.bottom() && o.y < r.bottom())
        });
        if let Some(r) = room {
            taken.push(r);
        }
        placed.push((i, px, room.map(|r| (label, r, align))));
    }
    let strip = taken.iter().map(|r| r.bottom() - plot.y + beside).fold(0.0, f64::max);
    Plan { placed, strip }
}

/// The height a view adds for its strip of labels, before the width is known: one row per
/// annotation, up to the rows there are.
pub fn strip_estimate(ctx: &LayoutContext<'_>, series: &Series) -> f64 {
    match series.annotations.len().min(ROWS) {
        0 => 0.0,
        rows => rows as f64 * LayoutContext::line_height(ctx.theme.sizes.small) + ctx.theme.sizes.px(4.0),
    }
}

impl Plan {
    /// The plot left for the data below the strip of labels.
    pub fn data_plot(&self, plot: Rect) -> Rect {
        Rect::new(plot.x, plot.y + self.strip, plot.width, (plot.height - self.strip).max(0.0))
    }

    /// Draws the guides and labels over `plot` (the whole plot, strip included) and adds an
    /// item for each annotation in keyboard lane `lane`.
    pub fn draw(&self, ctx: &LayoutContext<'_>, plot: Rect, lane: usize, shapes: &mut Vec<Shape>, hit: &mut HitIndex) {
        let t = ctx.theme;
        let size = t.sizes.small;
        let line_h = LayoutContext::line_height(size);
        for (i, px, label) in &self.placed {
            let (i, px) = (*i, *px);
            let guide = Rect::new(px - 0.5, plot.y, 1.0, plot.height);
            shapes.push(Shape::Line { points: vec![Point::new(px, plot.y), Point::new(px, plot.bottom())], color: t.muted, width: 1.0, dash: Some(3.0) });
            // The label is what the pointer finds; without one, the top of the guide.
            let target = match label {
                Some((text, r, align)) => {
                    let at = if *align == HAlign::Left { r.x } else { r.right() };
                    shapes.push(ctx.text(text, Point::new(at, r.y + line_h / 2.0), size, true, t.text, *align, VAlign::Middle));
                    *r
                }
                None => Rect::new(px - 6.0, plot.y, 12.0, line_h),
            };
            let focus = hit.add_boxes([Mark::rect(target), Mark::rect(guide)]);
            hit.add_rect(target, Target::new(ItemKind::Annotation, lane, i, Point::new(px, plot.y), focus));
        }
    }
}
