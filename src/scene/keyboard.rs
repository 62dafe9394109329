//! Keyboard moves through a chart's structure: which place a key press lands on.
//!
//! A chart is navigated on three levels, built from the same columns as hit-testing:
//! [`Level::Summary`] (the view's description and each of its notes), [`Level::Groups`] (the
//! lanes of the timeline, the series of the running totals and of the areas view) and
//! [`Level::Items`] (the marks). Left and Right move among siblings, Up rises a level, Down (or
//! Enter) goes back down, Home and End go to the first and last sibling. A view with one group
//! has no groups level: Up from an item goes straight to the summary.
//!
//! Everything a move needs is worked out once, when the index is finished: each item's lane
//! and place in it, the lanes' items in reading order, and the lanes' items sorted by x. A key
//! press is then a few array reads (and a binary search to re-enter a lane near the item left),
//! and allocates nothing.

use super::target::Target;

/// A keyboard move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    /// Right arrow: the next sibling.
    Next,
    /// Left arrow: the previous sibling.
    Previous,
    /// Up arrow: up a level (from an item to its group, from a group to the summary).
    Up,
    /// Down arrow or Enter: down a level (from the summary to the groups, from a group into its
    /// items).
    Down,
    /// Home: the first sibling.
    First,
    /// End: the last sibling.
    Last,
}

impl Nav {
    /// The move for a `KeyboardEvent.key`, if it is one.
    pub fn from_key(key: &str) -> Option<Self> {
        Some(match key {
            "ArrowRight" => Nav::Next,
            "ArrowLeft" => Nav::Previous,
            "ArrowUp" => Nav::Up,
            "ArrowDown" | "Enter" => Nav::Down,
            "Home" => Nav::First,
            "End" => Nav::Last,
            _ => return None,
        })
    }
}

/// The levels of a chart's structure, from the top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// The view's description and its notes and caveats.
    Summary,
    /// The lanes (timeline) or series (running totals, areas).
    Groups,
    /// The marks.
    Items,
}

/// Where the keyboard is. A group or summary place remembers the item it was left from, so
/// Down comes back to it (or, in another lane, to the item nearest it on x).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// Item `0` (its index in reading order).
    Item(usize),
    /// Group `group` (a position among the distinct lanes), left from item `item`.
    Group {
        /// The group.
        group: usize,
        /// The item Down re-enters at or near.
        item: usize,
    },
    /// Node `node` of the summary, left from item `item`.
    Summary {
        /// The sentence: 0 is the view's description, then its notes.
        node: usize,
        /// The item whose group (or itself, with one group) Down returns to.
        item: usize,
    },
}

impl Stop {
    /// The level this place is on.
    pub fn level(self) -> Level {
        match self {
            Stop::Item(_) => Level::Items,
            Stop::Group { .. } => Level::Groups,
            Stop::Summary { .. } => Level::Summary,
        }
    }
}

impl Stop {
    /// The place as three numbers, the way it crosses to the glue and back: its level (0 the
    /// items, 1 the groups, 2 the summary), its index on that level (an item, a group, a
    /// sentence) and the item it remembers (the item itself, for an item).
    pub fn to_parts(self) -> [u32; 3] {
        let small = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        match self {
            Stop::Item(i) => [0, small(i), small(i)],
            Stop::Group { group, item } => [1, small(group), small(item)],
            Stop::Summary { node, item } => [2, small(node), small(item)],
        }
    }

    /// The place [`Stop::to_parts`] wrote, if these are such parts.
    pub fn from_parts(level: u32, at: u32, item: u32) -> Option<Self> {
        let (at, item) = (at as usize, item as usize);
        match level {
            0 => Some(Stop::Item(at)),
            1 => Some(Stop::Group { group: at, item }),
            2 => Some(Stop::Summary { node: at, item }),
            _ => None,
        }
    }
}

/// The orders keyboard moves follow, as columns.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct KeyOrder {
    /// Each item's lane, as a position among the distinct lanes in ascending order.
    lane_of: Vec<u32>,
    /// Each item's position in its lane's run of `in_order`.
    place: Vec<u32>,
    /// Lane `l`'s runs are `starts[l]..starts[l + 1]` of `in_order` and `by_x`.
    starts: Vec<u32>,
    /// Items grouped by lane, in reading order within a lane.
    in_order: Vec<u32>,
    /// Items grouped by lane, by anchor x (then reading order) within a lane.
    by_x: Vec<u32>,
    /// The anchor x of each entry of `by_x`.
    xs: Vec<f64>,
}

impl KeyOrder {
    /// The orders for `targets`, in reading order.
    pub(crate) fn new(targets: &[Target]) -> Self {
        // The few distinct lanes, in order, without sorting an entry per item.
        let mut lanes: Vec<u32> = Vec::new();
        for t in targets {
            if let Err(at) = lanes.binary_search(&t.lane) {
                lanes.insert(at, t.lane);
            }
        }
        let lane_of: Vec<u32> = targets.iter().map(|t| lanes.partition_point(|l| *l < t.lane) as u32).collect();
        let mut starts = vec![0u32; lanes.len() + 1];
        for l in &lane_of {
            if let Some(n) = starts.get_mut(*l as usize + 1) {
                *n += 1;
            }
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut fill = starts.clone();
        let mut in_order = vec![0u32; targets.len()];
        let mut place = vec![0u32; targets.len()];
        for (i, l) in lane_of.iter().enumerate() {
            let (Some(at), Some(&start)) = (fill.get_mut(*l as usize), starts.get(*l as usize)) else { continue };
            if let Some(slot) = in_order.get_mut(*at as usize) {
                *slot = i as u32;
            }
            if let Some(p) = place.get_mut(i) {
                *p = *at - start;
            }
            *at += 1;
        }
        let anchor_x = |i: u32| targets.get(i as usize).map_or(f64::NAN, |t| t.anchor.x);
        let mut by_x = in_order.clone();
        for l in 0..lanes.len() {
            if let (Some(&from), Some(&to)) = (starts.get(l), starts.get(l + 1)) {
                if let Some(run) = by_x.get_mut(from as usize..to as usize) {
                    let mut keyed: Vec<(f64, u32)> = run.iter().map(|i| (anchor_x(*i), *i)).collect();
                    crate::order::by_key(&mut keyed);
                    for (slot, (_, i)) in run.iter_mut().zip(keyed) {
                        *slot = i;
                    }
                }
            }
        }
        let xs = by_x.iter().map(|i| anchor_x(*i)).collect();
        Self { lane_of, place, starts, in_order, by_x, xs }
    }

    /// How many groups (distinct lanes) there are.
    pub(crate) fn groups(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Lane `l`'s run of `in_order` or `by_x`, as a range.
    fn run(&self, l: usize) -> std::ops::Range<usize> {
        let at = |k: usize| self.starts.get(k).map_or(0, |v| *v as usize);
        at(l)..at(l + 1)
    }

    /// The items of group `group`, in reading order (empty when there is no such group).
    pub(crate) fn members(&self, group: usize) -> &[u32] {
        self.in_order.get(self.run(group)).unwrap_or(&[])
    }

    /// Item `item`'s group, and its position in it (from 0) of how many.
    pub(crate) fn position(&self, item: usize) -> Option<(usize, usize, usize)> {
        let group = *self.lane_of.get(item)? as usize;
        Some((group, *self.place.get(item)? as usize, self.run(group).len()))
    }

    /// Where a move among the items from item `from` lands: Left and Right along its lane,
    /// Home and End to the lane's ends, Up and Down to the item nearest on x in the lane above
    /// or below (with one lane, the previous or next item). From nothing, End and Left land
    /// at the end of the first item's lane and every other move on the first item. `None` only
    /// when there are no items. `targets` are the items the orders were made from.
    pub(crate) fn navigate(&self, targets: &[Target], from: Option<usize>, nav: Nav) -> Option<usize> {
        let n = self.lane_of.len();
        if n == 0 {
            return None;
        }
        let Some(current) = from.filter(|i| *i < n) else {
            return match nav {
                Nav::Last | Nav::Previous => self.navigate(targets, Some(0), Nav::Last),
                _ => Some(0),
            };
        };
        let lane = self.lane_of.get(current).map_or(0, |l| *l as usize);
        let along = self.run(lane);
        let at = self.place.get(current).map_or(0, |p| *p as usize);
        let item_at = |k: usize| -> Option<usize> {
            let slot = along.start.checked_add(k).filter(|s| *s < along.end)?;
            Some(*self.in_order.get(slot)? as usize)
        };
        let step = |forward: bool| {
            let k = if forward { at.checked_add(1) } else { at.checked_sub(1) };
            k.and_then(item_at).unwrap_or(current)
        };
        Some(match nav {
            Nav::Next => step(true),
            Nav::Previous => step(false),
            Nav::First => item_at(0).unwrap_or(current),
            Nav::Last => along.len().checked_sub(1).and_then(item_at).unwrap_or(current),
            Nav::Up | Nav::Down if self.groups() < 2 => step(nav == Nav::Down),
            Nav::Up | Nav::Down => {
                let target = if nav == Nav::Down { lane.checked_add(1) } else { lane.checked_sub(1) };
                let x = targets.get(current).map_or(f64::NAN, |t| t.anchor.x);
                target.and_then(|l| self.nearest_in(l, x)).unwrap_or(current)
            }
        })
    }

    /// Where a key press from `from` (nothing: not in the chart yet) lands in the chart's
    /// structure, with `summary` sentences on the summary level. The first key from nothing
    /// lands on the items as [`KeyOrder::navigate`] does. `None` only when there are no items.
    pub(crate) fn go(&self, targets: &[Target], from: Option<Stop>, nav: Nav, summary: usize) -> Option<Stop> {
        let n = self.lane_of.len();
        let groups = self.groups();
        let valid = |item: usize| item < n;
        let from = from.filter(|s| match *s {
            Stop::Item(i) => valid(i),
            Stop::Group { group, item } => group < groups && valid(item),
            Stop::Summary { node, item } => node < summary && valid(item),
        });
        let Some(from) = from else {
            return self.navigate(targets, None, nav).map(Stop::Item);
        };
        let to_summary = |item: usize, fallback: Stop| if summary > 0 { Stop::Summary { node: 0, item } } else { fallback };
        let last_of = |count: usize| count.saturating_sub(1);
        Some(match (from, nav) {
            (Stop::Item(i), Nav::Up) if groups > 1 => Stop::Group { group: self.lane_of.get(i).map_or(0, |l| *l as usize), item: i },
            (Stop::Item(i), Nav::Up) => to_summary(i, from),
            (Stop::Item(_), Nav::Down) => from,
            (Stop::Item(i), _) => Stop::Item(self.navigate(targets, Some(i), nav).unwrap_or(i)),
            (Stop::Group { group, item }, Nav::Down) => Stop::Item(self.enter(targets, group, item).unwrap_or(item)),
            (Stop::Group { item, .. }, Nav::Up) => to_summary(item, from),
            (Stop::Group { group, item }, Nav::Next) => Stop::Group { group: (group + 1).min(last_of(groups)), item },
            (Stop::Group { group, item }, Nav::Previous) => Stop::Group { group: group.saturating_sub(1), item },
            (Stop::Group { item, .. }, Nav::First) => Stop::Group { group: 0, item },
            (Stop::Group { item, .. }, Nav::Last) => Stop::Group { group: last_of(groups), item },
            (Stop::Summary { item, .. }, Nav::Down) if groups > 1 => Stop::Group { group: self.lane_of.get(item).map_or(0, |l| *l as usize), item },
            (Stop::Summary { item, .. }, Nav::Down) => Stop::Item(item),
            (Stop::Summary { .. }, Nav::Up) => from,
            (Stop::Summary { node, item }, Nav::Next) => Stop::Summary { node: (node + 1).min(last_of(summary)), item },
            (Stop::Summary { node, item }, Nav::Previous) => Stop::Summary { node: node.saturating_sub(1), item },
            (Stop::Summary { item, .. }, Nav::First) => Stop::Summary { node: 0, item },
            (Stop::Summary { item, .. }, Nav::Last) => Stop::Summary { node: last_of(summary), item },
        })
    }

    /// The item Down enters group `group` at: `item` itself when it is in that group, else
    /// the group's item nearest to it on x.
    fn enter(&self, targets: &[Target], group: usize, item: usize) -> Option<usize> {
        if self.lane_of.get(item).is_some_and(|l| *l as usize == group) {
            return Some(item);
        }
        self.nearest_in(group, targets.get(item).map_or(f64::NAN, |t| t.anchor.x))
    }

    /// The item of lane `lane` nearest on x to `cx`; of equally near ones, the first in reading
    /// order. (With no x to go by, the lane's first item.)
    fn nearest_in(&self, lane: usize, cx: f64) -> Option<usize> {
        if lane >= self.groups() {
            return None;
        }
        let run = self.run(lane);
        if cx.is_nan() {
            return self.in_order.get(run.start).map(|i| *i as usize);
        }
        let xs = self.xs.get(run.clone())?;
        let items = self.by_x.get(run)?;
        let right = xs.partition_point(|x| x.total_cmp(&cx).is_lt());
        // The first (in reading order) of the items sharing the x at position `k`.
        let first_at = |k: usize| -> Option<(f64, u32)> {
            let x = *xs.get(k)?;
            let from = xs.partition_point(|v| v.total_cmp(&x).is_lt());
            Some(((x - cx).abs(), *items.get(from)?))
        };
        let candidates = [right.checked_sub(1).and_then(first_at), first_at(right)];
        candidates
            .into_iter()
            .flatten()
            .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
            .map(|(_, i)| i as usize)
    }
}
