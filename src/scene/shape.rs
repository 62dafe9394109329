//! The shapes a scene is made of: renderer-independent, in CSS pixels.

use super::geometry::{Point, Rect};

/// An sRGB colour with alpha.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color {
    /// Red, 0–255.
    pub r: u8,
    /// Green, 0–255.
    pub g: u8,
    /// Blue, 0–255.
    pub b: u8,
    /// Opacity, 0–1.
    pub a: f64,
}

impl Color {
    /// An opaque colour from `0xRRGGBB`.
    pub const fn hex(rgb: u32) -> Self {
        Self { r: (rgb >> 16) as u8, g: (rgb >> 8) as u8, b: rgb as u8, a: 1.0 }
    }

    /// The same colour at opacity `a`.
    pub const fn alpha(self, a: f64) -> Self {
        Self { a, ..self }
    }

    /// Reads a colour as a canvas context normalises it: `#rrggbb`, `#rgb`, or
    /// `rgb(r, g, b)` / `rgba(r, g, b, a)`.
    pub fn parse(css: &str) -> Option<Self> {
        let s = css.trim();
        if let Some(hex) = s.strip_prefix('#') {
            let v = u32::from_str_radix(hex, 16).ok()?;
            return match hex.len() {
                6 => Some(Self::hex(v)),
                3 => Some(Self::hex(((v >> 8) & 0xf) * 0x11_0000 + ((v >> 4) & 0xf) * 0x1100 + (v & 0xf) * 0x11)),
                _ => None,
            };
        }
        let inner = s.strip_prefix("rgba(").or_else(|| s.strip_prefix("rgb("))?.strip_suffix(')')?;
        let parts: Vec<&str> = inner.split(',').map(str::trim).collect();
        let channel = |i: usize| parts.get(i).and_then(|p| decimal(p)).map(|v| v.clamp(0.0, 255.0).round() as u8);
        let a = parts.get(3).map_or(Some(1.0), |p| decimal(p).map(|a| a.clamp(0.0, 1.0)))?;
        Some(Self { r: channel(0)?, g: channel(1)?, b: channel(2)?, a })
    }

    /// `#rrggbb`, for CSS and SVG.
    pub fn css(&self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// A plain decimal as a canvas writes colour channels and alpha ("255", "0.5", ".25"), read
/// without `f64::from_str`, whose tables would add about 14 KB to the wasm for this one use.
fn decimal(s: &str) -> Option<f64> {
    let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    if !whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut value = 0.0;
    for b in whole.bytes().take(6) {
        value = value * 10.0 + f64::from(b - b'0');
    }
    let mut scale = 0.1;
    for b in fraction.bytes().take(6) {
        value += f64::from(b - b'0') * scale;
        scale /= 10.0;
    }
    Some(value)
}

/// Horizontal anchoring of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HAlign {
    /// `x` is the left edge.
    Left,
    /// `x` is the centre.
    Center,
    /// `x` is the right edge.
    Right,
}

/// Vertical anchoring of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VAlign {
    /// `y` is the top.
    Top,
    /// `y` is the middle.
    Middle,
    /// `y` is the bottom.
    Bottom,
}

/// A single line of text, already measured.
#[derive(Debug, Clone, PartialEq)]
pub struct TextShape {
    /// The text, drawn as plain characters (never markup).
    pub text: String,
    /// The anchor point.
    pub at: Point,
    /// Font size in CSS pixels.
    pub size: f64,
    /// Bold or regular.
    pub bold: bool,
    /// Fill colour.
    pub color: Color,
    /// Horizontal anchoring.
    pub align: HAlign,
    /// Vertical anchoring.
    pub baseline: VAlign,
    /// Measured width in CSS pixels.
    pub width: f64,
}

impl TextShape {
    /// The box the text occupies, from its anchor, measured width and size.
    pub fn bounds(&self) -> Rect {
        let x = match self.align {
            HAlign::Left => self.at.x,
            HAlign::Center => self.at.x - self.width / 2.0,
            HAlign::Right => self.at.x - self.width,
        };
        let h = self.size * 1.2;
        let y = match self.baseline {
            VAlign::Top => self.at.y,
            VAlign::Middle => self.at.y - h / 2.0,
            VAlign::Bottom => self.at.y - h,
        };
        Rect::new(x, y, self.width, h)
    }
}

/// One thing to paint.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A filled rectangle, optionally outlined.
    Rect {
        /// Where.
        rect: Rect,
        /// Fill colour.
        fill: Color,
        /// Outline colour and width, if any.
        stroke: Option<(Color, f64)>,
    },
    /// A polyline, optionally dashed.
    Line {
        /// The points, in order.
        points: Vec<Point>,
        /// Stroke colour.
        color: Color,
        /// Stroke width in CSS pixels.
        width: f64,
        /// Dash length in CSS pixels (gaps are the same), or solid.
        dash: Option<f64>,
    },
    /// A circle, filled and optionally outlined.
    Circle {
        /// The centre.
        center: Point,
        /// The radius in CSS pixels.
        radius: f64,
        /// Fill colour (alpha 0 for an outline only).
        fill: Color,
        /// Outline colour and width, if any.
        stroke: Option<(Color, f64)>,
    },
    /// A line of text.
    Text(TextShape),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_colours_a_canvas_hands_back() {
        assert_eq!(Color::parse("#0072b2"), Some(Color::hex(0x0072b2)));
        assert_eq!(Color::parse("#fff"), Some(Color::hex(0xffffff)));
        assert_eq!(Color::parse("rgba(10, 20, 30, 0.5)"), Some(Color::hex(0x0a141e).alpha(0.5)));
        assert_eq!(Color::parse("rgb(255,0,0)"), Some(Color::hex(0xff0000)));
        assert_eq!(Color::parse("red"), None);
        assert_eq!(Color::parse("#12345"), None);
        assert_eq!(Color::parse("rgba(0, 0, 0, .25)"), Some(Color::hex(0).alpha(0.25)));
        assert_eq!(Color::parse("rgba(300, 0, 0, 2)"), Some(Color::hex(0xff0000)));
        assert_eq!(Color::parse("rgb(1e2, 0, 0)"), None);
        assert_eq!(Color::parse("rgb(-1, 0, 0)"), None);
        assert_eq!(Color::parse("rgb(., 0, 0)"), None);
    }
}
