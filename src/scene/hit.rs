//! The hit index: built with the scene, so hovering never re-runs layout.
//!
//! Three kinds of target, one per kind of mark: rectangles for bars, the nearest point on x
//! for step lines (binary search), and the nearest mark within a radius for the timeline.

use super::geometry::{Point, Rect};
use super::item::Item;

/// Where the items are, and the items themselves.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HitIndex {
    items: Vec<Item>,
    rects: Vec<(Rect, usize)>,
    points: Vec<(Point, f64, usize)>,
    steps: Option<Steps>,
    walk: Walk,
    /// The distinct lanes, in order (set by [`HitIndex::finish`]).
    lanes: Vec<usize>,
}

/// How Left and Right move through the items.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Walk {
    /// Through all items in reading order (raids in time, whatever their lane).
    #[default]
    Reading,
    /// Along the current lane only (one series' changes over time).
    PerLane,
}

/// A keyboard move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    /// Right arrow: the next item.
    Next,
    /// Left arrow: the previous item.
    Previous,
    /// Up arrow: the lane above (or the previous item when there is one lane).
    Up,
    /// Down arrow: the lane below (or the next item when there is one lane).
    Down,
    /// Home: the first item.
    First,
    /// End: the last item.
    Last,
}

impl Nav {
    /// The move for a `KeyboardEvent.key`, if it is one.
    pub fn from_key(key: &str) -> Option<Self> {
        Some(match key {
            "ArrowRight" => Nav::Next,
            "ArrowLeft" => Nav::Previous,
            "ArrowUp" => Nav::Up,
            "ArrowDown" => Nav::Down,
            "Home" => Nav::First,
            "End" => Nav::Last,
            _ => return None,
        })
    }
}

/// Step-line targets: sorted x positions inside a plot area.
#[derive(Debug, Clone, PartialEq)]
struct Steps {
    plot: Rect,
    xs: Vec<(f64, usize)>,
}

/// The least reach of a point target, in CSS px (WCAG 2.5.8 target size).
pub const MIN_POINT_REACH: f64 = 24.0;

impl HitIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an item hit anywhere inside `rect`; returns its index.
    pub fn add_rect(&mut self, rect: Rect, item: Item) -> usize {
        let i = self.push(item);
        self.rects.push((rect, i));
        i
    }

    /// Adds an item hit within `reach` of `center` (at least [`MIN_POINT_REACH`]).
    pub fn add_point(&mut self, center: Point, reach: f64, item: Item) -> usize {
        let i = self.push(item);
        self.points.push((center, reach.max(MIN_POINT_REACH), i));
        i
    }

    /// Adds an item for the step at `x`, hit anywhere in `plot` when it is the nearest on x.
    pub fn add_step(&mut self, plot: Rect, x: f64, item: Item) -> usize {
        let i = self.push(item);
        let steps = self.steps.get_or_insert_with(|| Steps { plot, xs: Vec::new() });
        steps.xs.push((x, i));
        i
    }

    /// Adds an item reached by keyboard only (another series at a moment already hit).
    pub fn add_item(&mut self, item: Item) -> usize {
        self.push(item)
    }

    /// Sets how Left and Right move (see [`Walk`]).
    pub fn set_walk(&mut self, walk: Walk) {
        self.walk = walk;
    }

    /// Where a keyboard move from item `from` lands. From nothing, End and Left land at the
    /// end of the first item's walk (its lane, for [`Walk::PerLane`]) and every other move on
    /// the first item. `None` only when there are no items.
    pub fn navigate(&self, from: Option<usize>, nav: Nav) -> Option<usize> {
        let current = match from.and_then(|i| self.items.get(i)) {
            Some(item) => item,
            // From nothing, End and Left go to the end of the first item's walk.
            None if nav == Nav::Last || nav == Nav::Previous => {
                let first = self.items.first()?.index;
                return self.navigate(Some(first), Nav::Last);
            }
            None => return self.items.first().map(|i| i.index),
        };
        let lanes = &self.lanes;
        let same_lane = |i: &&Item| self.walk == Walk::Reading || i.lane == current.lane;
        let along: Vec<&Item> = self.items.iter().filter(same_lane).collect();
        let at = along.iter().position(|i| i.index == current.index).unwrap_or(0);
        let pick = |i: Option<&&Item>| i.map_or(current.index, |i| i.index);
        let across = |step: isize| -> usize {
            if lanes.len() < 2 {
                let target = if step < 0 { at.checked_sub(1) } else { Some(at + 1) };
                return pick(target.and_then(|t| along.get(t)));
            }
            let lane_at = lanes.iter().position(|l| *l == current.lane).unwrap_or(0) as isize;
            let Some(lane) = usize::try_from(lane_at + step).ok().and_then(|l| lanes.get(l)) else {
                return current.index;
            };
            self.items
                .iter()
                .filter(|i| i.lane == *lane)
                .min_by(|a, b| (a.anchor.x - current.anchor.x).abs().total_cmp(&(b.anchor.x - current.anchor.x).abs()))
                .map_or(current.index, |i| i.index)
        };
        Some(match nav {
            Nav::Next => pick(along.get(at + 1)),
            Nav::Previous => pick(at.checked_sub(1).and_then(|p| along.get(p))),
            Nav::First => pick(along.first()),
            Nav::Last => pick(along.last()),
            Nav::Up => across(-1),
            Nav::Down => across(1),
        })
    }

    fn push(&mut self, mut item: Item) -> usize {
        let i = self.items.len();
        item.index = i;
        self.items.push(item);
        i
    }

    /// Sorts the step targets and notes the lanes; call once after adding everything.
    pub fn finish(&mut self) {
        if let Some(steps) = &mut self.steps {
            steps.xs.sort_by(|a, b| a.0.total_cmp(&b.0));
        }
        self.lanes = self.items.iter().map(|i| i.lane).collect();
        self.lanes.sort_unstable();
        self.lanes.dedup();
    }

    /// All items, in reading order.
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// The item under `p`: a bar containing it, else the nearest mark in reach, else the
    /// nearest step on x within the plot; `None` over empty space.
    pub fn hit(&self, p: Point) -> Option<&Item> {
        if !(p.x.is_finite() && p.y.is_finite()) {
            return None;
        }
        if let Some((_, i)) = self.rects.iter().find(|(r, _)| r.contains(p)) {
            return self.items.get(*i);
        }
        let nearest = self
            .points
            .iter()
            .map(|(c, reach, i)| (c.distance(p), *reach, *i))
            .filter(|(d, reach, _)| d <= reach)
            .min_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((_, _, i)) = nearest {
            return self.items.get(i);
        }
        self.steps.as_ref().and_then(|s| self.nearest_step(s, p))
    }

    fn nearest_step(&self, steps: &Steps, p: Point) -> Option<&Item> {
        if !steps.plot.contains(p) || steps.xs.is_empty() {
            return None;
        }
        let at = steps.xs.partition_point(|(x, _)| *x < p.x);
        let after = steps.xs.get(at);
        let before = at.checked_sub(1).and_then(|b| steps.xs.get(b));
        let (_, i) = match (before, after) {
            (Some(b), Some(a)) if p.x - b.0 <= a.0 - p.x => b,
            (_, Some(a)) => a,
            (Some(b), None) => b,
            (None, None) => return None,
        };
        self.items.get(*i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::item::ItemKind;

    fn item(label: &str) -> Item {
        lane_item(label, 0, 0.0)
    }

    fn lane_item(label: &str, lane: usize, x: f64) -> Item {
        Item {
            view: "test",
            kind: ItemKind::Stage,
            index: 0,
            lane,
            label: label.to_owned(),
            anchor: Point::new(x, 0.0),
            marks: Vec::new(),
            values: Default::default(),
        }
    }

    #[test]
    fn a_point_inside_a_bar_finds_that_bar_and_empty_space_finds_nothing() {
        let mut h = HitIndex::new();
        h.add_rect(Rect::new(10.0, 10.0, 20.0, 50.0), item("a"));
        h.add_rect(Rect::new(40.0, 10.0, 20.0, 50.0), item("b"));
        assert_eq!(h.hit(Point::new(15.0, 30.0)).map(|i| i.label.as_str()), Some("a"));
        assert_eq!(h.hit(Point::new(59.0, 59.0)).map(|i| i.label.as_str()), Some("b"));
        assert!(h.hit(Point::new(35.0, 30.0)).is_none());
        assert!(h.hit(Point::new(f64::NAN, 30.0)).is_none());
    }

    #[test]
    fn a_point_between_marks_finds_the_nearest_within_reach() {
        let mut h = HitIndex::new();
        h.add_point(Point::new(100.0, 50.0), 5.0, item("left"));
        h.add_point(Point::new(140.0, 50.0), 5.0, item("right"));
        assert_eq!(h.hit(Point::new(115.0, 55.0)).map(|i| i.label.as_str()), Some("left"));
        assert_eq!(h.hit(Point::new(125.0, 45.0)).map(|i| i.label.as_str()), Some("right"));
        assert!(h.hit(Point::new(100.0, 80.0)).is_none(), "30 px away is out of reach");
    }

    #[test]
    fn steps_find_the_nearest_step_on_x() {
        let plot = Rect::new(0.0, 0.0, 300.0, 100.0);
        let mut h = HitIndex::new();
        h.add_step(plot, 200.0, item("late"));
        h.add_step(plot, 50.0, item("early"));
        h.finish();
        assert_eq!(h.hit(Point::new(10.0, 50.0)).map(|i| i.label.as_str()), Some("early"));
        assert_eq!(h.hit(Point::new(120.0, 50.0)).map(|i| i.label.as_str()), Some("early"));
        assert_eq!(h.hit(Point::new(130.0, 50.0)).map(|i| i.label.as_str()), Some("late"));
        assert_eq!(h.hit(Point::new(250.0, 90.0)).map(|i| i.label.as_str()), Some("late"));
        assert!(h.hit(Point::new(250.0, 150.0)).is_none(), "outside the plot");
    }

    fn labels_along(h: &HitIndex, start: Option<usize>, moves: &[Nav]) -> Vec<String> {
        let mut at = start;
        moves
            .iter()
            .map(|m| {
                at = h.navigate(at, *m);
                at.and_then(|i| h.items().get(i)).map(|i| i.label.clone()).unwrap_or_default()
            })
            .collect()
    }

    #[test]
    fn keys_walk_items_and_move_between_lanes() {
        let mut h = HitIndex::new();
        for (label, lane, x) in [("a1", 0, 10.0), ("b1", 1, 20.0), ("a2", 0, 50.0), ("b2", 1, 90.0)] {
            h.add_item(lane_item(label, lane, x));
        }
        h.finish();
        let got = labels_along(&h, None, &[Nav::Next, Nav::Next, Nav::Next, Nav::Up, Nav::Down, Nav::First, Nav::Last, Nav::Next]);
        assert_eq!(got, ["a1", "b1", "a2", "a2", "b1", "a1", "b2", "b2"]);
        h.set_walk(Walk::PerLane);
        let got = labels_along(&h, Some(0), &[Nav::Next, Nav::Next, Nav::Down, Nav::Previous, Nav::Last, Nav::Up]);
        assert_eq!(got, ["a2", "a2", "b1", "b1", "b2", "a2"]);
        assert_eq!(labels_along(&h, None, &[Nav::Last]), ["a2"], "End from nothing stays in the first lane");
    }

    #[test]
    fn with_one_lane_up_and_down_step_through_items() {
        let mut h = HitIndex::new();
        for label in ["Raids", "Arrests", "Charged"] {
            h.add_item(item(label));
        }
        h.finish();
        let got = labels_along(&h, None, &[Nav::Down, Nav::Down, Nav::Down, Nav::Up, Nav::Up]);
        assert_eq!(got, ["Raids", "Arrests", "Charged", "Arrests", "Raids"]);
        assert_eq!(HitIndex::new().navigate(None, Nav::Next), None);
        assert_eq!(labels_along(&h, None, &[Nav::Last]), ["Charged"]);
        assert_eq!(labels_along(&h, None, &[Nav::Previous]), ["Charged"]);
        assert_eq!(labels_along(&h, None, &[Nav::First]), ["Raids"]);
    }
}
