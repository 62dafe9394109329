//! Stage 3 output: a [`Scene`] is a flat list of shapes in CSS pixels, with the [`HitIndex`]
//! that answers "what is under this point" without re-running layout.

pub mod geometry;
pub mod hint;
pub mod hit;
pub mod item;
pub mod keyboard;
pub mod legend;
mod point_grid;
mod rect_slabs;
pub mod shape;
pub mod target;

pub use geometry::{Point, Rect};
pub use hint::{keyboard_cue, keyboard_hint};
pub use hit::{HitIndex, MIN_REACH_RADIUS};
pub use item::{Item, ItemKind, Mark};
pub use keyboard::{Level, Nav, Stop};
pub use legend::LegendButton;
pub use shape::{Color, HAlign, Shape, TextShape, VAlign};
pub use target::{Focus, Target};

/// Everything one view draws, in CSS pixels, plus what a reader can hover in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// Width in CSS pixels.
    pub width: f64,
    /// Height in CSS pixels.
    pub height: f64,
    /// The background fill.
    pub background: Color,
    /// Shapes, painted in order.
    pub shapes: Vec<Shape>,
    /// The hoverable items and where they are.
    pub hit: HitIndex,
    /// The legend entries that hide and show a series or an area.
    pub legend: Vec<LegendButton>,
    /// True when marks were moved from where their data alone would put them so that none
    /// covers another (the timeline's spread marks), which the view's description then says.
    pub marks_spread: bool,
}

impl Scene {
    /// The texts in the scene, in paint order.
    pub fn texts(&self) -> impl Iterator<Item = &TextShape> {
        self.shapes.iter().filter_map(|s| match s {
            Shape::Text(t) => Some(t),
            _ => None,
        })
    }
}
