//! Keyboard moves between items: which item a key press lands on.
//!
//! Everything a move needs is worked out once, when the index is finished: each item's lane
//! and place in it, the lanes' items in reading order, and the lanes' items sorted by x. A key
//! press is then a few array reads (and a binary search for Up and Down), and allocates
//! nothing.

use super::target::Target;

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
        let mut lanes: Vec<u32> = targets.iter().map(|t| t.lane).collect();
        lanes.sort_unstable();
        lanes.dedup();
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

    /// How many distinct lanes there are.
    fn lanes(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Lane `l`'s run of `in_order` or `by_x`, as a range.
    fn run(&self, l: usize) -> std::ops::Range<usize> {
        let at = |k: usize| self.starts.get(k).map_or(0, |v| *v as usize);
        at(l)..at(l + 1)
    }

    /// Where a keyboard move from item `from` lands. From nothing, End and Left land at the
    /// end of the first item's walk (its lane, for [`Walk::PerLane`]) and every other move on
    /// the first item. `None` only when there are no items.
    /// `targets` are the items the orders were made from.
    pub(crate) fn navigate(&self, targets: &[Target], walk: Walk, from: Option<usize>, nav: Nav) -> Option<usize> {
        let n = self.lane_of.len();
        if n == 0 {
            return None;
        }
        let Some(current) = from.filter(|i| *i < n) else {
            return match nav {
                Nav::Last | Nav::Previous => self.navigate(targets, walk, Some(0), Nav::Last),
                _ => Some(0),
            };
        };
        // The walk Left and Right follow: every item, or the current one's lane.
        let (along, at) = match walk {
            Walk::Reading => (0..n, current),
            Walk::PerLane => {
                let lane = self.lane_of.get(current).map_or(0, |l| *l as usize);
                (self.run(lane), self.place.get(current).map_or(0, |p| *p as usize))
            }
        };
        let item_at = |k: usize| -> Option<usize> {
            let slot = along.start.checked_add(k).filter(|s| *s < along.end)?;
            Some(match walk {
                Walk::Reading => slot,
                Walk::PerLane => *self.in_order.get(slot)? as usize,
            })
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
            Nav::Up | Nav::Down if self.lanes() < 2 => step(nav == Nav::Down),
            Nav::Up | Nav::Down => self.across(targets, current, nav == Nav::Down).unwrap_or(current),
        })
    }

    /// The item nearest on x to `current` in the lane below (`down`) or above; of equally
    /// near ones, the first in reading order.
    fn across(&self, targets: &[Target], current: usize, down: bool) -> Option<usize> {
        let lane = *self.lane_of.get(current)? as usize;
        let target = if down { lane.checked_add(1) } else { lane.checked_sub(1) }.filter(|l| *l < self.lanes())?;
        let cx = targets.get(current)?.anchor.x;
        let run = self.run(target);
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
