//! Stage 4, paint: draws a [`Scene`] through any plotters [`DrawingBackend`]: the canvas in
//! the browser, SVG natively. CSS pixels are multiplied by the device pixel ratio here, once,
//! and every coordinate is clipped to the backing store before plotters sees it.

mod style;

use plotters_backend::{BackendCoord, DrawingBackend, DrawingErrorKind};

use crate::scene::{Point, Scene, Shape};
use style::{Stroke, Text};

/// How to paint: the pixel ratio and the font.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PaintOptions<'a> {
    /// Device pixels per CSS pixel (`window.devicePixelRatio`).
    pub dpr: f64,
    /// A CSS font-family list for every text.
    pub font: &'a str,
    /// A factor on font sizes for backends that shrink text: plotters' SVG backend writes
    /// `font-size` as the size divided by 1.24, so SVG output passes 1.24.
    pub text_scale: f64,
}

/// The font family used when the page sets none.
pub const DEFAULT_FONT: &str = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif";

/// The device pixel ratios painted at: anything outside is clamped to these.
pub const DPR_LIMITS: (f64, f64) = (0.25, 8.0);

/// The device pixel ratio to paint (and size a canvas's backing store) with: `dpr` within
/// [`DPR_LIMITS`], or 1 when it is not a positive number.
pub fn clamp_dpr(dpr: f64) -> f64 {
    if dpr.is_finite() && dpr > 0.0 {
        dpr.clamp(DPR_LIMITS.0, DPR_LIMITS.1)
    } else {
        1.0
    }
}

/// Draws `scene` on `backend`, scaling CSS pixels by the pixel ratio once.
pub fn paint<DB: DrawingBackend>(scene: &Scene, backend: &mut DB, options: PaintOptions<'_>) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    let dpr = clamp_dpr(options.dpr);
    let text_scale = if options.text_scale.is_finite() && options.text_scale > 0.0 { options.text_scale } else { 1.0 };
    let (w, h) = backend.get_size();
    let px = Pixels { dpr, limit_x: f64::from(w), limit_y: f64::from(h) };
    backend.ensure_prepared()?;
    backend.draw_rect((0, 0), (w as i32, h as i32), &Stroke::fill(scene.background), true)?;
    for shape in &scene.shapes {
        match shape {
            Shape::Rect { rect, fill, stroke } => {
                let a = px.at(Point::new(rect.x, rect.y));
                let b = px.at(Point::new(rect.right(), rect.bottom()));
                if fill.a > 0.0 {
                    backend.draw_rect(a, b, &Stroke::fill(*fill), true)?;
                }
                if let Some((color, width)) = stroke {
                    backend.draw_rect(a, b, &Stroke::new(*color, px.width(*width)), false)?;
                }
            }
            Shape::Line { points, color, width, dash } => {
                let style = Stroke::new(*color, px.width(*width));
                match dash {
                    None => backend.draw_path(points.iter().map(|p| px.at(*p)), &style)?,
                    Some(len) => {
                        for (a, b) in dashes(points, *len) {
                            backend.draw_line(px.at(a), px.at(b), &style)?;
                        }
                    }
                }
            }
            // A circle reaching past the clipped area (far outside the canvas, where a
            // chart given too little height puts its marks) is left out: clipping its centre
            // would leave it drawn at the edge, its radius reaching further still.
            Shape::Circle { center, radius, .. } if !px.holds(*center, *radius) => {}
            Shape::Circle { center, radius, fill, stroke } => {
                let c = px.at(*center);
                let r = (radius * dpr).round().clamp(1.0, 10_000.0) as u32;
                if fill.a > 0.0 {
                    backend.draw_circle(c, r, &Stroke::fill(*fill), true)?;
                }
                if let Some((color, width)) = stroke {
                    backend.draw_circle(c, r, &Stroke::new(*color, px.width(*width)), false)?;
                }
            }
            Shape::Text(t) => {
                let style = Text::new(t, dpr * text_scale, options.font);
                backend.draw_text(&t.text, &style, px.at(t.at))?;
            }
        }
    }
    backend.present()
}

/// CSS pixels to device pixels, clipped to a margin around the backing store.
struct Pixels {
    dpr: f64,
    limit_x: f64,
    limit_y: f64,
}

impl Pixels {
    fn at(&self, p: Point) -> BackendCoord {
        let clip = |v: f64, limit: f64| {
            let v = if v.is_finite() { v * self.dpr } else { 0.0 };
            v.clamp(-limit, 2.0 * limit).round() as i32
        };
        (clip(p.x, self.limit_x), clip(p.y, self.limit_y))
    }

    /// Whether a circle of `radius` CSS px about `p` lies where [`Pixels::at`] leaves every
    /// point of it unclipped.
    fn holds(&self, p: Point, radius: f64) -> bool {
        let r = radius * self.dpr;
        let inside = |v: f64, limit: f64| (-limit + r..=2.0 * limit - r).contains(&(v * self.dpr));
        inside(p.x, self.limit_x) && inside(p.y, self.limit_y)
    }

    fn width(&self, css: f64) -> u32 {
        (css * self.dpr).round().clamp(1.0, 64.0) as u32
    }
}

/// Splits a polyline into dashes of `len` with gaps of `len`.
fn dashes(points: &[Point], len: f64) -> Vec<(Point, Point)> {
    let len = if len.is_finite() && len >= 1.0 { len } else { 1.0 };
    let mut out = Vec::new();
    let mut on = true;
    let mut left = len;
    for pair in points.windows(2) {
        let [a, b] = pair else { continue };
        let total = a.distance(*b);
        if total == 0.0 {
            continue;
        }
        let mut done = 0.0;
        while done < total && out.len() < 10_000 {
            let step = left.min(total - done);
            let p0 = lerp(*a, *b, done / total);
            let p1 = lerp(*a, *b, (done + step) / total);
            if on {
                out.push((p0, p1));
            }
            done += step;
            left -= step;
            if left <= 0.0 {
                on = !on;
                left = len;
            }
        }
    }
    out
}

fn lerp(a: Point, b: Point, t: f64) -> Point {
    Point::new(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashes_alternate_along_the_line() {
        let d = dashes(&[Point::new(0.0, 0.0), Point::new(20.0, 0.0)], 4.0);
        assert_eq!(d.len(), 3);
        assert_eq!(d.first().map(|s| s.1.x), Some(4.0));
        assert_eq!(d.get(1).map(|s| s.0.x), Some(8.0));
    }

    #[test]
    fn the_pixel_ratio_is_clamped_and_defaults_to_one() {
        assert_eq!(clamp_dpr(2.0), 2.0);
        assert_eq!(clamp_dpr(100.0), 8.0);
        assert_eq!(clamp_dpr(0.1), 0.25);
        assert_eq!(clamp_dpr(0.0), 1.0);
        assert_eq!(clamp_dpr(-2.0), 1.0);
        assert_eq!(clamp_dpr(f64::NAN), 1.0);
        assert_eq!(clamp_dpr(f64::INFINITY), 1.0);
    }

    #[test]
    fn coordinates_are_scaled_once_and_clipped() {
        let px = Pixels { dpr: 2.0, limit_x: 800.0, limit_y: 600.0 };
        assert_eq!(px.at(Point::new(10.5, 20.0)), (21, 40));
        assert_eq!(px.at(Point::new(1e300, f64::NAN)), (1600, 0));
        assert_eq!(px.at(Point::new(-1e300, 1e9)), (-800, 1200));
        assert!(px.holds(Point::new(-400.0, 600.0), 0.0) && px.holds(Point::new(795.0, -295.0), 2.5));
        assert!(!px.holds(Point::new(10.0, 599.0), 2.0) && !px.holds(Point::new(f64::NAN, 0.0), 1.0));
    }
}
