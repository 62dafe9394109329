//! A view as an SVG document.

use std::fmt;

use plotters::backend::SVGBackend;

use crate::derive::Series;
use crate::layout::{self, FixedWidths, Theme, View};
use crate::paint::{paint, PaintOptions, DEFAULT_FONT};

/// plotters' SVG backend writes `font-size` as the size divided by this.
const SVG_TEXT_SCALE: f64 = 1.24;

/// Why a chart could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderError(pub String);

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RenderError {}

/// Draws `view` of `series` as an SVG document `width` CSS px wide; the height is the view's
/// preferred height unless given.
pub fn render_svg(series: &Series, view: View, width: u32, height: Option<u32>, theme: &Theme) -> Result<String, RenderError> {
    let measure = FixedWidths;
    let w = f64::from(width).clamp(layout::SIZE_LIMITS.0, layout::SIZE_LIMITS.1);
    let h = match height {
        Some(h) => f64::from(h).clamp(layout::SIZE_LIMITS.0, layout::SIZE_LIMITS.1),
        None => layout::preferred_height(series, view, w, theme, &measure),
    };
    let scene = layout::layout(series, view, w, h, theme, &measure);
    let mut out = String::new();
    {
        let mut backend = SVGBackend::with_string(&mut out, (w as u32, h as u32));
        paint(&scene, &mut backend, PaintOptions { dpr: 1.0, font: DEFAULT_FONT, text_scale: SVG_TEXT_SCALE })
            .map_err(|e| RenderError(format!("could not draw the {view} view: {e}")))?;
    }
    Ok(out)
}
