//! Stage 3, layout: scales, ticks, margins and labels, one module per view. The output is a
//! [`Scene`]: plain data in CSS pixels with its hit index, no drawing.

pub mod annotate;
pub mod areas;
pub mod changed;
pub mod cumulative;
pub mod decimate;
pub mod describe;
pub mod dodge;
pub mod frame;
pub mod measure;
pub mod scale;
pub mod stripes;
pub mod structure;
pub mod summary;
pub mod table;
pub mod theme;
pub mod time_axis;
pub mod timeline;
pub mod view_story;
pub mod visibility;

use std::fmt;
use std::str::FromStr;

pub use changed::changed_items;
pub use describe::describe;
pub use frame::LayoutContext;
pub use measure::{FixedWidths, TextMeasure};
pub use theme::Theme;
pub use table::{table, Table};
pub use view_story::view_description;
pub use visibility::Visibility;

use crate::derive::Series;
use crate::scene::{HAlign, Point, Rect, Scene, Shape, VAlign};
use scale::{count_ticks, LinearScale};
use time_axis::TimeAxis;

/// The four views of an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    /// Raids → arrests → charged, as a funnel.
    Summary,
    /// Each raid on a time axis, one lane per area.
    Timeline,
    /// Running totals of arrests and charges.
    Cumulative,
    /// Arrests and charges per area.
    Areas,
}

impl View {
    /// Every view, in the order an article meets them.
    pub const ALL: [View; 4] = [View::Summary, View::Timeline, View::Cumulative, View::Areas];

    /// The view's name in the embed contract.
    pub fn name(self) -> &'static str {
        match self {
            View::Summary => "summary",
            View::Timeline => "timeline",
            View::Cumulative => "cumulative",
            View::Areas => "areas",
        }
    }
}

impl fmt::Display for View {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An unknown view name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownView(pub String);

impl fmt::Display for UnknownView {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown view \"{}\": expected \"summary\", \"timeline\", \"cumulative\" or \"areas\"", self.0)
    }
}

impl std::error::Error for UnknownView {}

impl FromStr for View {
    type Err = UnknownView;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        View::ALL.into_iter().find(|v| v.name() == s.trim()).ok_or_else(|| UnknownView(s.to_owned()))
    }
}

/// The smallest and largest sizes laid out, in CSS px; anything outside is clamped so no
/// coordinate can grow without bound.
pub const SIZE_LIMITS: (f64, f64) = (120.0, 8192.0);

fn clamp_size(v: f64) -> f64 {
    if v.is_finite() { v.clamp(SIZE_LIMITS.0, SIZE_LIMITS.1) } else { SIZE_LIMITS.0 }
}

/// Lays out `view` of `series` at `width` × `height` CSS px, everything visible.
pub fn layout(series: &Series, view: View, width: f64, height: f64, theme: &Theme, measure: &dyn TextMeasure) -> Scene {
    layout_visible(series, view, width, height, theme, measure, &Visibility::new())
}

/// Lays out `view` with the series and areas in `visibility` hidden.
pub fn layout_visible(
    series: &Series,
    view: View,
    width: f64,
    height: f64,
    theme: &Theme,
    measure: &dyn TextMeasure,
    visibility: &Visibility,
) -> Scene {
    let ctx = LayoutContext { width: clamp_size(width), height: clamp_size(height), theme, measure, visibility };
    let mut scene = match view {
        View::Summary => summary::layout(&ctx, series),
        View::Timeline => timeline::layout(&ctx, series),
        View::Cumulative => cumulative::layout(&ctx, series),
        View::Areas => areas::layout(&ctx, series),
    };
    scene.hit.finish();
    scene
}

/// A good height for `view` at `width` CSS px: room for the chrome and a readable plot.
pub fn preferred_height(series: &Series, view: View, width: f64, theme: &Theme, measure: &dyn TextMeasure) -> f64 {
    let visibility = Visibility::new();
    let ctx = LayoutContext { width: clamp_size(width), height: 0.0, theme, measure, visibility: &visibility };
    let h = match view {
        View::Summary => summary::preferred_height(&ctx, series),
        View::Timeline => timeline::preferred_height(&ctx, series),
        View::Cumulative => cumulative::preferred_height(&ctx, series),
        View::Areas => areas::preferred_height(&ctx, series),
    };
    clamp_size(h.ceil())
}

/// What a reader of `view`, drawn as `scene`, otherwise gets only as pixels, as sentences: the
/// subtitle, the key, the view's notes, the credit line and the source's note (what is
/// illustrative), how to read the marks (and that they were spread, where the drawing spread
/// them), and what "itemised" means where the reported totals differ from the data.
pub fn about(series: &Series, view: View, scene: &Scene, theme: &Theme, measure: &dyn TextMeasure) -> Vec<String> {
    let visibility = Visibility::new();
    let ctx = LayoutContext { width: clamp_size(scene.width), height: 0.0, theme, measure, visibility: &visibility };
    let mut about = match view {
        View::Summary => summary::about(&ctx, series),
        View::Timeline => timeline::about(&ctx, series, scene.marks_spread),
        View::Cumulative => cumulative::about(&ctx, series),
        View::Areas => areas::about(&ctx, series),
    };
    if series.totals.stages().iter().any(|s| s.reported.is_some_and(|r| r != s.itemised)) {
        about.push("Itemised means listed event by event in the data; reported totals are the figures the source gives.".to_owned());
    }
    about
}

/// A centred message in an empty plot, e.g. "No raids itemised".
pub(crate) fn empty_message(ctx: &LayoutContext<'_>, plot: Rect, text: &str) -> Shape {
    let t = ctx.theme;
    ctx.text(text, plot.center(), t.sizes.label, false, t.muted, HAlign::Center, VAlign::Middle)
}

/// Draws a time axis's grid and labels under `plot`; returns the x scale.
pub(crate) fn time_grid(ctx: &LayoutContext<'_>, plot: Rect, axis: &TimeAxis, shapes: &mut Vec<Shape>) -> LinearScale {
    let t = ctx.theme;
    let x = LinearScale::new(axis.start, axis.end, plot.x, plot.right());
    // The right end of the last label drawn: a label pulled inside the plot at an edge can
    // reach its neighbour, and then the neighbour's label is left out.
    let mut drawn_to = f64::NEG_INFINITY;
    for tick in &axis.ticks {
        let px = x.px(tick.seconds);
        shapes.push(Shape::Line {
            points: vec![Point::new(px, plot.y), Point::new(px, plot.bottom())],
            color: t.grid,
            width: 1.0,
            dash: None,
        });
        if let Some(label) = &tick.label {
            // Only where no form of the date fits (large text on a narrow plot) is it cut.
            let label = &ctx.fit(label, t.sizes.small, false, plot.width);
            let w = ctx.measure.width(label, t.sizes.small, false);
            let lx = x.px(tick.label_seconds).clamp(plot.x + w / 2.0, (plot.right() - w / 2.0).max(plot.x + w / 2.0));
            if lx - w / 2.0 >= drawn_to {
                drawn_to = lx + w / 2.0 + t.sizes.small * 0.5;
                shapes.push(ctx.text(label, Point::new(lx, plot.bottom() + t.sizes.px(4.0)), t.sizes.small, false, t.muted, HAlign::Center, VAlign::Top));
            }
        }
    }
    shapes.push(Shape::Line {
        points: vec![Point::new(plot.x, plot.bottom()), Point::new(plot.right(), plot.bottom())],
        color: t.axis,
        width: 1.0,
        dash: None,
    });
    x
}

/// What the count axes (running totals, areas) count: the people arrested or charged.
const COUNT_UNIT: &str = "people";

/// A count axis's label for `v`; the top one names the unit, "40 people", so the axis says
/// what it counts (on the canvas and in the CLI's SVG alike).
pub(crate) fn count_label(v: f64, top: bool) -> String {
    let mut label = crate::format::tick(v);
    if top {
        label.push(' ');
        label.push_str(COUNT_UNIT);
    }
    label
}

/// Draws a count axis from zero on the left of `plot`, with round ticks, the top one labelled
/// with the unit; returns the y scale.
pub(crate) fn count_axis(ctx: &LayoutContext<'_>, plot: Rect, max: f64, shapes: &mut Vec<Shape>) -> LinearScale {
    let t = ctx.theme;
    // A tick per 40 px of height at the default text size, fewer where the text is larger.
    let most = (plot.height / t.sizes.px(40.0)).floor().clamp(1.0, 6.0) as usize;
    let (top, ticks) = count_ticks(max, most);
    let y = LinearScale::new(0.0, top, plot.bottom(), plot.y);
    let last = ticks.len().saturating_sub(1);
    for (i, v) in ticks.into_iter().enumerate() {
        let py = y.px(v);
        shapes.push(Shape::Line {
            points: vec![Point::new(plot.x, py), Point::new(plot.right(), py)],
            color: if v == 0.0 { t.axis } else { t.grid },
            width: 1.0,
            dash: None,
        });
        shapes.push(ctx.text(&count_label(v, i == last), Point::new(plot.x - t.sizes.px(6.0), py), t.sizes.small, false, t.muted, HAlign::Right, VAlign::Middle));
    }
    y
}
