//! What every drawing must satisfy, whatever the data and the size: every number finite,
//! every shape, item and legend button inside the chart (plus [`MARGIN`]), and every call the
//! painter makes inside the canvas (plus the same margin in device pixels), with no more calls
//! than the scene has shapes to draw.
//!
//! One allowance: a chart given less height than its view asks for ([`Room::Cramped`]: a
//! host page's CSS can do that) cannot fit its title, legend and notes, and may run past its
//! top and bottom edges; the painter then clips them to one chart height beyond each edge.
//! Across, it must still fit.
//!
//! Each check returns the problems it found as readable lines, so the fuzz checks can panic
//! with them and property tests can report them.

use plotters_backend::DrawingBackend;

use super::recording::Call;
use super::viewport::Drawing;
use crate::layout::SIZE_LIMITS;
use crate::scene::{Point, Rect, Scene, Shape};

/// How far past the chart's edges, in CSS px, a shape may reach: half a pixel of rounding
/// and the half of a 1 px stroke that lies outside a line on the edge.
pub const MARGIN: f64 = 1.0;

/// The most dashes the painter splits one dashed line into.
const MAX_DASHES: usize = 10_000;

/// Whether a chart had the height its view asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Room {
    /// At least the view's preferred height: everything fits.
    Enough,
    /// Less: things may run past the top and bottom edges.
    Cramped,
}

impl Room {
    /// How far past the top and bottom edges a shape may reach, CSS px.
    fn vertical_margin(self) -> f64 {
        match self {
            Room::Enough => MARGIN,
            Room::Cramped => f64::INFINITY,
        }
    }
}

/// Problems with the scene, in CSS px: non-finite numbers, or anything outside the chart.
pub fn scene_problems(scene: &Scene, room: Room) -> Vec<String> {
    let mut out = Vec::new();
    let (w, h) = (scene.width, scene.height);
    let vertical = room.vertical_margin();
    let sizes = SIZE_LIMITS.0..=SIZE_LIMITS.1;
    if !(sizes.contains(&w) && sizes.contains(&h)) {
        out.push(format!("the chart is {w} × {h} CSS px, outside the size limits {SIZE_LIMITS:?}"));
        return out;
    }
    let inside = |r: Rect| {
        let finite = [r.x, r.y, r.width, r.height].iter().all(|v| v.is_finite());
        finite && r.x >= -MARGIN && r.y >= -vertical && r.right() <= w + MARGIN && r.bottom() <= h + vertical
    };
    let point_box = |p: Point, radius: f64| Rect::new(p.x - radius, p.y - radius, 2.0 * radius, 2.0 * radius);
    for (i, shape) in scene.shapes.iter().enumerate() {
        let ok = match shape {
            Shape::Rect { rect, stroke, .. } => {
                let normal = Rect::new(rect.x.min(rect.right()), rect.y.min(rect.bottom()), rect.width.abs(), rect.height.abs());
                inside(normal) && stroke.is_none_or(|(_, width)| width.is_finite() && width >= 0.0)
            }
            Shape::Line { points, width, dash, .. } => {
                points.iter().all(|p| inside(point_box(*p, 0.0)))
                    && width.is_finite()
                    && *width >= 0.0
                    && dash.is_none_or(|d| d.is_finite() && d > 0.0)
            }
            Shape::Circle { center, radius, stroke, .. } => {
                radius.is_finite()
                    && *radius >= 0.0
                    && inside(point_box(*center, *radius))
                    && stroke.is_none_or(|(_, width)| width.is_finite() && width >= 0.0)
            }
            // An empty text (a label shortened to nothing) draws nothing, wherever it is.
            Shape::Text(t) => t.size.is_finite() && t.size > 0.0 && t.width >= 0.0 && (t.text.is_empty() || inside(t.bounds())),
        };
        if !ok {
            out.push(format!("shape {i} of a {w} × {h} chart is not finite or leaves it: {shape:?}"));
        }
    }
    let plot = scene.hit.plot();
    if !inside(plot) {
        out.push(format!("the plot {plot:?} leaves the {w} × {h} chart"));
    }
    for (i, t) in scene.hit.targets().iter().enumerate() {
        if !inside(point_box(t.anchor, 0.0)) {
            out.push(format!("item {i} points its tooltip outside the {w} × {h} chart: {t:?}"));
        }
        for m in scene.hit.marks(i) {
            if !inside(Rect::new(m.x, m.y, m.width, m.height)) || m.width < 0.0 || m.height < 0.0 {
                out.push(format!("item {i} highlights outside the {w} × {h} chart: {m:?}"));
            }
        }
    }
    for b in &scene.legend {
        if !inside(b.bounds) {
            out.push(format!("the legend button {:?} at {:?} leaves the {w} × {h} chart", b.key, b.bounds));
        }
    }
    out
}

/// Problems with what the painter did: a canvas that is not the scene's size times the pixel
/// ratio, preparing or presenting other than once, a first call that does not clear the whole
/// canvas, a coordinate outside the canvas plus [`MARGIN`] (above and below a cramped chart:
/// outside what the painter clips to), or more calls than shapes.
pub fn paint_problems(drawing: &Drawing) -> Vec<String> {
    let mut out = Vec::new();
    let (scene, canvas, dpr) = (&drawing.scene, &drawing.canvas, drawing.dpr);
    let (w, h) = (scene.width * dpr, scene.height * dpr);
    let size = {
        let (cw, ch) = canvas.get_size();
        (f64::from(cw), f64::from(ch))
    };
    if (size.0 - w).abs() > 0.5 || (size.1 - h).abs() > 0.5 {
        out.push(format!("the canvas is {size:?}, not the chart's {w} × {h} device px"));
    }
    if (canvas.prepared, canvas.presented) != (1, 1) {
        out.push(format!("prepared {} and presented {} times, not once each", canvas.prepared, canvas.presented));
    }
    let whole = Call::Rect { from: (0, 0), to: (size.0 as i32, size.1 as i32), width: 1, fill: true };
    if canvas.calls.first() != Some(&whole) {
        out.push(format!("the first call is {:?}, not the background over the whole canvas", canvas.calls.first()));
    }
    let margin = MARGIN * dpr + 1.0;
    // Past the top and bottom of a cramped chart, as far as the painter clips.
    let vertical = drawing.room.vertical_margin().min(scene.height) * dpr + 1.0;
    let inside = |(x, y): (i32, i32)| {
        let (x, y) = (f64::from(x), f64::from(y));
        x >= -margin && y >= -vertical && x <= size.0 + margin && y <= size.1 + vertical
    };
    for (i, call) in canvas.calls.iter().enumerate() {
        let draws_nothing = matches!(call, Call::Text { text, .. } if text.is_empty());
        let ok = (draws_nothing || call.points().into_iter().all(inside))
            && match call {
                Call::Circle { center, radius, .. } => {
                    let r = *radius as i32;
                    inside((center.0 - r, center.1 - r)) && inside((center.0 + r, center.1 + r))
                }
                Call::Text { size, .. } => size.is_finite() && *size > 0.0,
                Call::Pixel { .. } | Call::Bitmap { .. } | Call::Polygon { .. } => false,
                Call::Line { .. } | Call::Rect { .. } | Call::Path { .. } => true,
            };
        if !ok {
            out.push(format!("call {i} on a {size:?} canvas at ×{dpr} leaves it or is not one paint makes: {call:?}"));
        }
    }
    let dashed = scene.shapes.iter().filter(|s| matches!(s, Shape::Line { dash: Some(_), .. })).count();
    let most = 1 + 2 * scene.shapes.len() + MAX_DASHES * dashed;
    if canvas.calls.len() > most {
        out.push(format!("{} calls for {} shapes", canvas.calls.len(), scene.shapes.len()));
    }
    out
}
