//! The small style types plotters' backends read: strokes and fills, and a text style that
//! carries everything layout already decided (no font lookup, no measuring).

use std::convert::Infallible;

use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, FontFamily, FontStyle};

use crate::scene::{Color, HAlign, TextShape, VAlign};

fn backend_color(c: Color) -> BackendColor {
    BackendColor { alpha: c.a.clamp(0.0, 1.0), rgb: (c.r, c.g, c.b) }
}

/// A colour and a stroke width in device pixels.
pub(super) struct Stroke {
    color: Color,
    width: u32,
}

impl Stroke {
    pub(super) fn new(color: Color, width: u32) -> Self {
        Self { color, width }
    }

    pub(super) fn fill(color: Color) -> Self {
        Self { color, width: 1 }
    }
}

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        backend_color(self.color)
    }

    fn stroke_width(&self) -> u32 {
        self.width
    }
}

/// A text's colour, size in device pixels, weight, anchor and font family.
pub(super) struct Text<'a> {
    color: Color,
    size: f64,
    bold: bool,
    anchor: Pos,
    family: &'a str,
}

impl<'a> Text<'a> {
    pub(super) fn new(t: &TextShape, dpr: f64, family: &'a str) -> Self {
        let h = match t.align {
            HAlign::Left => HPos::Left,
            HAlign::Center => HPos::Center,
            HAlign::Right => HPos::Right,
        };
        let v = match t.baseline {
            VAlign::Top => VPos::Top,
            VAlign::Middle => VPos::Center,
            VAlign::Bottom => VPos::Bottom,
        };
        Self { color: t.color, size: t.size * dpr, bold: t.bold, anchor: Pos::new(h, v), family }
    }
}

impl BackendTextStyle for Text<'_> {
    type FontError = Infallible;

    fn color(&self) -> BackendColor {
        backend_color(self.color)
    }

    fn size(&self) -> f64 {
        self.size
    }

    fn style(&self) -> FontStyle {
        if self.bold { FontStyle::Bold } else { FontStyle::Normal }
    }

    fn anchor(&self) -> Pos {
        self.anchor
    }

    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(self.family)
    }

    fn layout_box(&self, _text: &str) -> Result<((i32, i32), (i32, i32)), Infallible> {
        Ok(((0, 0), (0, 0)))
    }

    /// Backends that draw text themselves (canvas, SVG) never call this; pixel backends
    /// get no text from it, by design: they take text from an SVG renderer instead.
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _text: &str,
        _pos: BackendCoord,
        _draw: F,
    ) -> Result<Result<(), E>, Infallible> {
        Ok(Ok(()))
    }
}
