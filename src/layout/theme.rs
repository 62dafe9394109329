//! Colours and type sizes. The palettes are colour-blind safe (after Okabe and Ito), darkened
//! or lightened so marks keep 3:1 and text 4.5:1 against the background.

use crate::scene::Color;

/// Everything a view needs to know about how things look.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// "light" or "dark".
    pub name: &'static str,
    /// Chart background.
    pub background: Color,
    /// Titles and values.
    pub text: Color,
    /// Subtitles, axis labels, source line.
    pub muted: Color,
    /// Grid lines.
    pub grid: Color,
    /// Axis baselines.
    pub axis: Color,
    /// Arrests, and the funnel's bars.
    pub arrests: Color,
    /// Charges.
    pub charged: Color,
    /// Raids.
    pub raids: Color,
    /// Colours for areas, in lane order (repeats past the end).
    pub areas: [Color; 5],
    /// Type sizes in CSS px.
    pub sizes: Sizes,
}

/// Type sizes in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sizes {
    /// The title.
    pub title: f64,
    /// The subtitle.
    pub subtitle: f64,
    /// Labels and values.
    pub label: f64,
    /// Axis ticks, legend, source line and notes.
    pub small: f64,
}

const SIZES: Sizes = Sizes { title: 18.0, subtitle: 14.0, label: 13.0, small: 12.0 };

impl Theme {
    /// The light theme.
    pub fn light() -> Self {
        Self {
            name: "light",
            background: Color::hex(0xffffff),
            text: Color::hex(0x1a1a1a),
            muted: Color::hex(0x595959),
            grid: Color::hex(0xe3e3e3),
            axis: Color::hex(0x767676),
            arrests: Color::hex(0x0072b2),
            charged: Color::hex(0xc24e00),
            raids: Color::hex(0x4d4d4d),
            areas: [
                Color::hex(0x0072b2),
                Color::hex(0xc24e00),
                Color::hex(0x007a5a),
                Color::hex(0xaa4499),
                Color::hex(0x7a6500),
            ],
            sizes: SIZES,
        }
    }

    /// The dark theme.
    pub fn dark() -> Self {
        Self {
            name: "dark",
            background: Color::hex(0x161616),
            text: Color::hex(0xf0f0f0),
            muted: Color::hex(0xb3b3b3),
            grid: Color::hex(0x333333),
            axis: Color::hex(0x8c8c8c),
            arrests: Color::hex(0x56b4e9),
            charged: Color::hex(0xf0a35e),
            raids: Color::hex(0xcccccc),
            areas: [
                Color::hex(0x56b4e9),
                Color::hex(0xf0a35e),
                Color::hex(0x3cc49a),
                Color::hex(0xe08fc4),
                Color::hex(0xe6d45c),
            ],
            sizes: SIZES,
        }
    }

    /// The theme called `name` ("dark", else light).
    pub fn named(name: &str) -> Self {
        if name.eq_ignore_ascii_case("dark") { Self::dark() } else { Self::light() }
    }

    /// The colour of the area in lane `i`.
    pub fn area(&self, i: usize) -> Color {
        self.areas.get(i % self.areas.len()).copied().unwrap_or(self.arrests)
    }
}
