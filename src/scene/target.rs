//! A hoverable item as the hit index keeps it: a compact record of what it shows (a kind and
//! an index into the derived data), where it is and what to highlight. It holds no text: the
//! tooltip is written on demand, for one item, by [`crate::layout::describe`].

use super::geometry::Point;
use super::item::ItemKind;

/// What to highlight when an item is hovered or focused.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Focus {
    /// A mark on a time axis: a guide down the plot at `center.x`, and a ring of `radius`
    /// around `center`.
    Ring {
        /// The ring's centre, CSS px.
        center: Point,
        /// The ring's radius, CSS px.
        radius: f64,
    },
    /// Bars: the boxes `first..first + count` of the index's box list
    /// (see [`super::HitIndex::add_boxes`]).
    Boxes {
        /// The first box.
        first: u32,
        /// How many boxes.
        count: u32,
    },
}

/// One hoverable item: which datum, in which lane, where the tooltip points and what to
/// highlight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Target {
    /// What kind of datum it shows; this also says which view it belongs to.
    pub kind: ItemKind,
    /// The lane, series or row it belongs to, for moving Up and Down with the keyboard.
    pub lane: u32,
    /// The datum's index in the derived data of its kind: a stage in
    /// [`crate::derive::Totals::stages`], a raid in [`crate::derive::Timeline::raids`], a step
    /// in [`crate::derive::Cumulative::steps`] or a row in [`crate::derive::Areas::rows`].
    pub datum: u32,
    /// Where the tooltip points, CSS px.
    pub anchor: Point,
    /// What to highlight.
    pub focus: Focus,
}

impl Target {
    /// A target for datum `datum` of kind `kind` in lane `lane`. Indexes beyond `u32` (never
    /// reached: documents hold at most a million events) saturate.
    pub fn new(kind: ItemKind, lane: usize, datum: usize, anchor: Point, focus: Focus) -> Self {
        let small = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        Self { kind, lane: small(lane), datum: small(datum), anchor, focus }
    }
}
