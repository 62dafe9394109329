//! A plotters [`DrawingBackend`] that draws nothing and records every call with its
//! coordinates, as plotters tests its own drawing code: what [`crate::paint`] hands a real
//! backend (the canvas, SVG) can then be checked number by number.
//!
//! Every drawing method is overridden, so none falls back to plotters' pixel-by-pixel
//! rasteriser: a call costs one entry, whatever the size of the canvas.

use std::convert::Infallible;

use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind};

/// One call a painter made, with the device-pixel coordinates and sizes it passed.
#[derive(Debug, Clone, PartialEq)]
pub enum Call {
    /// `draw_pixel`.
    Pixel {
        /// Where.
        at: BackendCoord,
    },
    /// `draw_line`.
    Line {
        /// One end.
        from: BackendCoord,
        /// The other end.
        to: BackendCoord,
        /// Stroke width, device px.
        width: u32,
    },
    /// `draw_rect`.
    Rect {
        /// One corner.
        from: BackendCoord,
        /// The opposite corner.
        to: BackendCoord,
        /// Stroke width, device px.
        width: u32,
        /// Filled or outlined.
        fill: bool,
    },
    /// `draw_path`.
    Path {
        /// The points, in order.
        points: Vec<BackendCoord>,
        /// Stroke width, device px.
        width: u32,
    },
    /// `draw_circle`.
    Circle {
        /// The centre.
        center: BackendCoord,
        /// The radius, device px.
        radius: u32,
        /// Stroke width, device px.
        width: u32,
        /// Filled or outlined.
        fill: bool,
    },
    /// `fill_polygon`.
    Polygon {
        /// The vertices.
        points: Vec<BackendCoord>,
    },
    /// `draw_text`.
    Text {
        /// The text.
        text: String,
        /// The anchor.
        at: BackendCoord,
        /// The font size, device px.
        size: f64,
    },
    /// `blit_bitmap`.
    Bitmap {
        /// The top left corner.
        at: BackendCoord,
        /// Width and height, device px.
        size: (u32, u32),
    },
}

impl Call {
    /// Every coordinate the call passed.
    pub fn points(&self) -> Vec<BackendCoord> {
        match self {
            Call::Pixel { at } | Call::Text { at, .. } | Call::Bitmap { at, .. } => vec![*at],
            Call::Line { from, to, .. } | Call::Rect { from, to, .. } => vec![*from, *to],
            Call::Path { points, .. } | Call::Polygon { points } => points.clone(),
            Call::Circle { center, .. } => vec![*center],
        }
    }
}

/// A backend of a given size in device pixels that keeps every call made on it, in order,
/// and counts `ensure_prepared` and `present`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecordingBackend {
    size: (u32, u32),
    /// The drawing calls, in the order they were made.
    pub calls: Vec<Call>,
    /// How many times `ensure_prepared` was called.
    pub prepared: usize,
    /// How many times `present` was called.
    pub presented: usize,
}

impl RecordingBackend {
    /// An empty recording on a canvas of `width` × `height` device pixels.
    pub fn new(width: u32, height: u32) -> Self {
        Self { size: (width, height), ..Self::default() }
    }

    fn record(&mut self, call: Call) -> Result<(), DrawingErrorKind<Infallible>> {
        self.calls.push(call);
        Ok(())
    }
}

impl DrawingBackend for RecordingBackend {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        self.prepared += 1;
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        self.presented += 1;
        Ok(())
    }

    fn draw_pixel(&mut self, at: BackendCoord, _color: BackendColor) -> Result<(), DrawingErrorKind<Infallible>> {
        self.record(Call::Pixel { at })
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), DrawingErrorKind<Infallible>> {
        self.record(Call::Line { from, to, width: style.stroke_width() })
    }

    fn draw_rect<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S, fill: bool) -> Result<(), DrawingErrorKind<Infallible>> {
        self.record(Call::Rect { from, to, width: style.stroke_width(), fill })
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result<(), DrawingErrorKind<Infallible>> {
        self.record(Call::Path { points: path.into_iter().collect(), width: style.stroke_width() })
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Result<(), DrawingErrorKind<Infallible>> {
        self.record(Call::Circle { center, radius, width: style.stroke_width(), fill })
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, _style: &S) -> Result<(), DrawingErrorKind<Infallible>> {
        self.record(Call::Polygon { points: vert.into_iter().collect() })
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, at: BackendCoord) -> Result<(), DrawingErrorKind<Infallible>> {
        self.record(Call::Text { text: text.to_owned(), at, size: style.size() })
    }

    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, style: &T) -> Result<(u32, u32), DrawingErrorKind<Infallible>> {
        // Half an em a character: a recording has no font, and nothing in paint asks.
        let size = if style.size().is_finite() { style.size().clamp(0.0, 1e6) } else { 0.0 };
        Ok(((text.chars().count() as f64 * size / 2.0) as u32, size as u32))
    }

    fn blit_bitmap(&mut self, at: BackendCoord, size: (u32, u32), _src: &[u8]) -> Result<(), DrawingErrorKind<Infallible>> {
        self.record(Call::Bitmap { at, size })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{layout, FixedWidths, Theme, View};
    use crate::paint::{paint, PaintOptions, DEFAULT_FONT};

    #[test]
    fn records_each_call_once_with_its_coordinates() {
        let doc = r#"{"version":1,"operation":{"name":"Op"},"events":[{"type":"raid","id":"r","time":"2020-01-01"},{"type":"arrest","raid":"r","time":"2020-01-02","count":2}],"source":{"name":"S"}}"#;
        let series = crate::derive::Series::from_operation(&crate::data::load(doc).map(|c| c.operation).unwrap_or_else(|r| panic!("{r:?}")));
        let scene = layout(&series, View::Summary, 400.0, 300.0, &Theme::light(), &FixedWidths);
        let mut backend = RecordingBackend::new(800, 600);
        assert!(paint(&scene, &mut backend, PaintOptions { dpr: 2.0, font: DEFAULT_FONT, text_scale: 1.0 }).is_ok());
        assert_eq!((backend.prepared, backend.presented), (1, 1));
        assert_eq!(backend.calls.first(), Some(&Call::Rect { from: (0, 0), to: (800, 600), width: 1, fill: true }), "the background first");
        assert!(backend.calls.iter().any(|c| matches!(c, Call::Text { text, .. } if text == "Arrests")));
        assert!(!backend.calls.iter().any(|c| matches!(c, Call::Pixel { .. })), "no fallback to pixels");
    }
}
