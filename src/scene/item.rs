//! A hoverable item as the page receives it: what the tooltip says, where it points, what to
//! highlight and the numbers behind it. Made on demand, for one item at a time, by
//! [`crate::layout::describe`]; the hit index itself keeps only compact
//! [`super::Target`] records.

use serde::Serialize;
use serde_json::{Map, Value};

use super::geometry::{Point, Rect};

/// What kind of datum an item shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    /// A funnel stage (summary view).
    Stage,
    /// A raid (timeline view).
    Raid,
    /// A moment in time (cumulative view).
    Moment,
    /// An area (areas view).
    Area,
    /// A reporter's annotation (timeline and cumulative views).
    Annotation,
}

/// A box to highlight over the chart when the item is hovered or focused.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Mark {
    /// Left edge, CSS px.
    pub x: f64,
    /// Top edge, CSS px.
    pub y: f64,
    /// Width, CSS px (1 for a guide line).
    pub width: f64,
    /// Height, CSS px.
    pub height: f64,
    /// Drawn as a circle.
    pub round: bool,
}

impl Mark {
    /// A rectangular highlight.
    pub fn rect(r: Rect) -> Self {
        Self { x: r.x, y: r.y, width: r.width, height: r.height, round: false }
    }

    /// A circular highlight around `center`.
    pub fn circle(center: Point, radius: f64) -> Self {
        Self { x: center.x - radius, y: center.y - radius, width: radius * 2.0, height: radius * 2.0, round: true }
    }
}

/// One hoverable datum, as handed to the page (`charthover`'s `detail.item`), written by
/// [`crate::layout::describe`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    /// The view it belongs to.
    pub view: &'static str,
    /// What kind of datum it is.
    pub kind: ItemKind,
    /// Its position among the view's items, in reading order.
    pub index: usize,
    /// The lane, series or row it belongs to, for moving Up and Down with the keyboard.
    pub lane: usize,
    /// The tooltip text; lines are separated by `\n`.
    pub label: String,
    /// Where the tooltip points, CSS px.
    pub anchor: Point,
    /// What to highlight.
    pub marks: Vec<Mark>,
    /// The numbers behind the label, for host pages.
    pub values: Map<String, Value>,
}
