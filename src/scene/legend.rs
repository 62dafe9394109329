//! A legend entry the reader can press to hide or show a series or an area.

use serde::Serialize;

use super::geometry::Rect;

/// Where a toggleable legend entry is drawn, so the page can put a real button over it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LegendButton {
    /// The key to toggle, e.g. `series:arrests` or `area:Norfolk`.
    pub key: String,
    /// The entry's text.
    pub label: String,
    /// Where it is, CSS px.
    pub bounds: Rect,
    /// True when its series or area is hidden.
    pub hidden: bool,
}
