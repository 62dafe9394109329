//! The hit index: built with the scene, so hovering never re-runs layout.
//!
//! Items are compact [`Target`] records, with no text: [`HitIndex::hit`] and
//! [`HitIndex::navigate`] answer with an item's index, and the tooltip is written on demand
//! for that one item ([`crate::layout::describe`]). Three kinds of target, one per kind of
//! mark, each kept sorted so a query costs about the same at 50 items as at 500,000:
//! rectangles for bars (slabs on x, topmost wins), the nearest mark within reach for the
//! timeline (a grid of x-sorted cells), and the nearest step on x for step lines (binary
//! search).

use super::geometry::{Point, Rect};
use super::item::Mark;
use super::keyboard::{KeyOrder, Nav, Stop};
use super::point_grid::PointGrid;
use super::rect_slabs::RectSlabs;
use super::target::{Focus, Target};

/// Where the items are, and what each shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HitIndex {
    targets: Vec<Target>,
    /// The boxes [`Focus::Boxes`] highlights refer to.
    boxes: Vec<Mark>,
    /// The plot: where guides run and steps are hit.
    plot: Rect,
    /// What has been added, until [`HitIndex::finish`] indexes it.
    rects: Vec<(Rect, u32)>,
    points: Vec<(Point, f64, u32)>,
    /// Step targets: x positions inside the plot, sorted by [`HitIndex::finish`].
    steps: Vec<(f64, u32)>,
    slabs: RectSlabs,
    grid: PointGrid,
    keys: KeyOrder,
}

/// The least reach of a point target: a radius in CSS px around the mark's centre. A mark
/// smaller than this answers anywhere within it, a circle 48 px across, so it is easier to hit
/// than the 24 × 24 px minimum target size of WCAG 2.5.8.
pub const MIN_REACH_RADIUS: f64 = 24.0;

impl HitIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the plot area: guides of [`Focus::Ring`] highlights run down it, and step targets
    /// are hit anywhere inside it.
    pub fn set_plot(&mut self, plot: Rect) {
        self.plot = plot;
    }

    /// Keeps `boxes` for one item's highlight and returns the focus that refers to them.
    pub fn add_boxes(&mut self, boxes: impl IntoIterator<Item = Mark>) -> Focus {
        let first = self.boxes.len();
        self.boxes.extend(boxes);
        let small = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        Focus::Boxes { first: small(first), count: small(self.boxes.len() - first) }
    }

    /// Adds an item hit anywhere inside `rect`; returns its index. Where rectangles overlap,
    /// the one added last (painted on top) is hit.
    pub fn add_rect(&mut self, rect: Rect, target: Target) -> usize {
        let i = self.push(target);
        self.rects.push((rect, i as u32));
        i
    }

    /// Adds an item hit within `reach` of `center` (at least [`MIN_REACH_RADIUS`]); returns
    /// its index.
    pub fn add_point(&mut self, center: Point, reach: f64, target: Target) -> usize {
        let i = self.push(target);
        self.points.push((center, reach.max(MIN_REACH_RADIUS), i as u32));
        i
    }

    /// Adds an item for the step at `x`, hit anywhere in the plot when it is the nearest on x;
    /// returns its index.
    pub fn add_step(&mut self, x: f64, target: Target) -> usize {
        let i = self.push(target);
        self.steps.push((x, i as u32));
        i
    }

    /// Adds an item reached by keyboard only (another series at a moment already hit).
    pub fn add_item(&mut self, target: Target) -> usize {
        self.push(target)
    }

    fn push(&mut self, target: Target) -> usize {
        self.targets.push(target);
        self.targets.len() - 1
    }

    /// Indexes everything added, for [`HitIndex::hit`] and [`HitIndex::navigate`]; call once
    /// after adding everything (layout does).
    pub fn finish(&mut self) {
        // Steps are added in order, so ties on x keep the order they were added in.
        crate::order::by_key(&mut self.steps);
        self.slabs = RectSlabs::new(&std::mem::take(&mut self.rects));
        self.grid = PointGrid::new(&std::mem::take(&mut self.points));
        self.keys = KeyOrder::new(&self.targets);
    }

    /// How many items there are.
    pub fn len(&self) -> usize {
        self.targets.len()
    }

    /// True when there are no items.
    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
    }

    /// Item `index`, if there is one.
    pub fn target(&self, index: usize) -> Option<&Target> {
        self.targets.get(index)
    }

    /// All items, in reading order.
    pub fn targets(&self) -> &[Target] {
        &self.targets
    }

    /// The plot area set with [`HitIndex::set_plot`].
    pub fn plot(&self) -> Rect {
        self.plot
    }

    /// What to highlight for item `index`: a guide and a ring for a mark on a time axis, the
    /// boxes of its bars for a bar. Empty when there is no such item.
    pub fn marks(&self, index: usize) -> Vec<Mark> {
        match self.targets.get(index).map(|t| t.focus) {
            Some(Focus::Ring { center, radius }) => vec![
                Mark::rect(Rect::new(center.x - 0.5, self.plot.y, 1.0, self.plot.height)),
                Mark::circle(center, radius),
            ],
            Some(Focus::Boxes { first, count }) => {
                let (first, count) = (first as usize, count as usize);
                self.boxes.get(first..first.saturating_add(count)).map(<[Mark]>::to_vec).unwrap_or_default()
            }
            None => Vec::new(),
        }
    }

    /// The index of the item under `p`: the topmost bar containing it, else the nearest mark
    /// in reach (the first added of equally near ones), else the nearest step on x within the
    /// plot; `None` over empty space.
    pub fn hit(&self, p: Point) -> Option<usize> {
        if !(p.x.is_finite() && p.y.is_finite()) {
            return None;
        }
        let found = self.slabs.topmost(p).or_else(|| self.grid.nearest(p).map(|(_, i)| i)).or_else(|| self.nearest_step(p));
        found.map(|i| i as usize)
    }

    fn nearest_step(&self, p: Point) -> Option<u32> {
        if !self.plot.contains(p) {
            return None;
        }
        let at = self.steps.partition_point(|(x, _)| *x < p.x);
        let after = self.steps.get(at);
        let before = at.checked_sub(1).and_then(|b| self.steps.get(b));
        let (_, i) = match (before, after) {
            (Some(b), Some(a)) if p.x - b.0 <= a.0 - p.x => b,
            (_, Some(a)) => a,
            (Some(b), None) => b,
            (None, None) => return None,
        };
        Some(*i)
    }

    /// Where a move among the items from item `from` lands: Left and Right along its lane,
    /// Home and End to the lane's ends, Up and Down to the nearest item on x in the lane above
    /// or below (with one lane, the previous or next item). From nothing, End and Left land at
    /// the end of the first item's lane and every other move on the first item. `None` only
    /// when there are no items. Allocates nothing.
    pub fn navigate(&self, from: Option<usize>, nav: Nav) -> Option<usize> {
        self.keys.navigate(&self.targets, from, nav)
    }

    /// Where a key press from `from` lands in the chart's structure (see
    /// [`super::keyboard`]): summary, groups, items. `summary` is how many sentences the
    /// summary level has. `None` only when there are no items. Allocates nothing.
    pub fn go(&self, from: Option<Stop>, nav: Nav, summary: usize) -> Option<Stop> {
        self.keys.go(&self.targets, from, nav, summary)
    }

    /// How many groups (lanes or series) the items fall in.
    pub fn groups(&self) -> usize {
        self.keys.groups()
    }

    /// The items of group `group`, in reading order.
    pub fn members(&self, group: usize) -> impl Iterator<Item = usize> + '_ {
        self.keys.members(group).iter().map(|i| *i as usize)
    }

    /// Item `item`'s group, and its position in it (from 0) of how many.
    pub fn position(&self, item: usize) -> Option<(usize, usize, usize)> {
        self.keys.position(item)
    }

    /// What to highlight for group `group`: one box around all its items' marks (their rings,
    /// or their bars), padded by a few pixels. Empty when there is no such group.
    pub fn group_marks(&self, group: usize) -> Vec<Mark> {
        let mut bounds: Option<(f64, f64, f64, f64)> = None;
        let mut grow = |x0: f64, y0: f64, x1: f64, y1: f64| {
            let b = bounds.get_or_insert((x0, y0, x1, y1));
            *b = (b.0.min(x0), b.1.min(y0), b.2.max(x1), b.3.max(y1));
        };
        for i in self.members(group) {
            match self.targets.get(i).map(|t| t.focus) {
                Some(Focus::Ring { center, radius }) => grow(center.x - radius, center.y - radius, center.x + radius, center.y + radius),
                Some(Focus::Boxes { first, count }) => {
                    let (first, count) = (first as usize, count as usize);
                    for m in self.boxes.get(first..first.saturating_add(count)).unwrap_or(&[]) {
                        grow(m.x, m.y, m.x + m.width, m.y + m.height);
                    }
                }
                None => {}
            }
        }
        const PAD: f64 = 3.0;
        bounds
            .filter(|b| b.0.is_finite() && b.1.is_finite() && b.2.is_finite() && b.3.is_finite())
            .map(|(x0, y0, x1, y1)| Mark::rect(Rect::new(x0 - PAD, y0 - PAD, x1 - x0 + 2.0 * PAD, y1 - y0 + 2.0 * PAD)))
            .into_iter()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::item::ItemKind;

    /// A target whose datum is its name's number, so answers read as data.
    fn target(datum: usize) -> Target {
        lane_target(datum, 0, 0.0)
    }

    fn lane_target(datum: usize, lane: usize, x: f64) -> Target {
        Target::new(ItemKind::Stage, lane, datum, Point::new(x, 0.0), Focus::Boxes { first: 0, count: 0 })
    }

    fn datum(h: &HitIndex, i: Option<usize>) -> Option<u32> {
        i.and_then(|i| h.target(i)).map(|t| t.datum)
    }

    #[test]
    fn a_point_inside_a_bar_finds_that_bar_and_empty_space_finds_nothing() {
        let mut h = HitIndex::new();
        h.add_rect(Rect::new(10.0, 10.0, 20.0, 50.0), target(1));
        h.add_rect(Rect::new(40.0, 10.0, 20.0, 50.0), target(2));
        h.finish();
        assert_eq!(datum(&h, h.hit(Point::new(15.0, 30.0))), Some(1));
        assert_eq!(datum(&h, h.hit(Point::new(59.0, 59.0))), Some(2));
        assert!(h.hit(Point::new(35.0, 30.0)).is_none());
        assert!(h.hit(Point::new(f64::NAN, 30.0)).is_none());
    }

    #[test]
    fn of_overlapping_bars_the_one_painted_on_top_is_hit() {
        let mut h = HitIndex::new();
        h.add_rect(Rect::new(0.0, 0.0, 100.0, 100.0), target(1));
        h.add_rect(Rect::new(50.0, 50.0, 100.0, 100.0), target(2));
        h.finish();
        assert_eq!(datum(&h, h.hit(Point::new(75.0, 75.0))), Some(2), "the last added is painted last, on top");
        assert_eq!(datum(&h, h.hit(Point::new(25.0, 25.0))), Some(1));
    }

    #[test]
    fn a_point_between_marks_finds_the_nearest_within_reach() {
        let mut h = HitIndex::new();
        h.add_point(Point::new(100.0, 50.0), 5.0, target(1));
        h.add_point(Point::new(140.0, 50.0), 5.0, target(2));
        h.finish();
        assert_eq!(datum(&h, h.hit(Point::new(115.0, 55.0))), Some(1));
        assert_eq!(datum(&h, h.hit(Point::new(125.0, 45.0))), Some(2));
        assert!(h.hit(Point::new(100.0, 80.0)).is_none(), "30 px away is out of reach");
    }

    #[test]
    fn steps_find_the_nearest_step_on_x() {
        let mut h = HitIndex::new();
        h.set_plot(Rect::new(0.0, 0.0, 300.0, 100.0));
        h.add_step(200.0, target(2));
        h.add_step(50.0, target(1));
        h.finish();
        assert_eq!(datum(&h, h.hit(Point::new(10.0, 50.0))), Some(1));
        assert_eq!(datum(&h, h.hit(Point::new(120.0, 50.0))), Some(1));
        assert_eq!(datum(&h, h.hit(Point::new(130.0, 50.0))), Some(2));
        assert_eq!(datum(&h, h.hit(Point::new(250.0, 90.0))), Some(2));
        assert!(h.hit(Point::new(250.0, 150.0)).is_none(), "outside the plot");
    }

    #[test]
    fn marks_are_a_guide_and_a_ring_or_the_bars_boxes() {
        let mut h = HitIndex::new();
        h.set_plot(Rect::new(10.0, 20.0, 300.0, 100.0));
        let ring = Focus::Ring { center: Point::new(50.0, 60.0), radius: 5.0 };
        h.add_item(Target::new(ItemKind::Moment, 0, 0, Point::new(50.0, 60.0), ring));
        let bars = h.add_boxes([Mark::rect(Rect::new(1.0, 2.0, 3.0, 4.0))]);
        h.add_item(Target::new(ItemKind::Area, 0, 0, Point::new(2.0, 2.0), bars));
        h.finish();
        assert_eq!(h.marks(0), [Mark::rect(Rect::new(49.5, 20.0, 1.0, 100.0)), Mark::circle(Point::new(50.0, 60.0), 5.0)]);
        assert_eq!(h.marks(1), [Mark::rect(Rect::new(1.0, 2.0, 3.0, 4.0))]);
        assert!(h.marks(2).is_empty());
    }

    /// The data of the items a sequence of moves lands on.
    fn data_along(h: &HitIndex, start: Option<usize>, moves: &[Nav]) -> Vec<u32> {
        let mut at = start;
        moves
            .iter()
            .map(|m| {
                at = h.navigate(at, *m);
                datum(h, at).unwrap_or(u32::MAX)
            })
            .collect()
    }

    #[test]
    fn keys_walk_a_lane_and_move_between_lanes() {
        // a1 = 11, b1 = 21, a2 = 12, b2 = 22.
        let mut h = HitIndex::new();
        for (d, lane, x) in [(11, 0, 10.0), (21, 1, 20.0), (12, 0, 50.0), (22, 1, 90.0)] {
            h.add_item(lane_target(d, lane, x));
        }
        h.finish();
        let got = data_along(&h, Some(0), &[Nav::Next, Nav::Next, Nav::Down, Nav::Previous, Nav::Last, Nav::Up]);
        assert_eq!(got, [12, 12, 21, 21, 22, 12]);
        assert_eq!(data_along(&h, None, &[Nav::Last]), [12], "End from nothing stays in the first lane");
        assert_eq!(h.groups(), 2);
        assert_eq!(h.members(1).collect::<Vec<_>>(), [1, 3]);
        assert_eq!(h.position(3), Some((1, 1, 2)));
    }

    #[test]
    fn with_one_lane_up_and_down_step_through_items() {
        // Raids = 1, Arrests = 2, Charged = 3.
        let mut h = HitIndex::new();
        for d in [1, 2, 3] {
            h.add_item(target(d));
        }
        h.finish();
        let got = data_along(&h, None, &[Nav::Down, Nav::Down, Nav::Down, Nav::Up, Nav::Up]);
        assert_eq!(got, [1, 2, 3, 2, 1]);
        assert_eq!(HitIndex::new().navigate(None, Nav::Next), None);
        assert_eq!(data_along(&h, None, &[Nav::Last]), [3]);
        assert_eq!(data_along(&h, None, &[Nav::Previous]), [3]);
        assert_eq!(data_along(&h, None, &[Nav::First]), [1]);
    }
}
