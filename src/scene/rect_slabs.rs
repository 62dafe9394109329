//! The topmost rectangle under a point, at any number of rectangles.
//!
//! The rectangles' left and right edges cut the x axis into slabs; each slab lists the
//! rectangles spanning it, topmost (last added) first. A query binary-searches its slab and
//! returns the first listed rectangle that contains the point. Chart bars and bands overlap
//! little, so each rectangle is listed in few slabs.

use super::geometry::{Point, Rect};

/// Rectangles, bucketed for "which is on top here" queries.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct RectSlabs {
    /// The distinct left and right edges, ascending; slab `k` runs from `edges[k]` to
    /// `edges[k + 1]` (the last one is only its edge).
    edges: Vec<f64>,
    /// Slab `k` lists `order[starts[k]..starts[k + 1]]`.
    starts: Vec<u32>,
    /// Positions in `rects`, topmost first within each slab.
    order: Vec<u32>,
    /// The rectangles and their items, in the order added (later ones are painted on top).
    rects: Vec<(Rect, u32)>,
}

impl RectSlabs {
    /// Indexes `rects` (rectangle, item), in paint order. Rectangles with a coordinate that is
    /// not a finite number are left out: no point is inside them.
    pub(crate) fn new(rects: &[(Rect, u32)]) -> Self {
        let rects: Vec<(Rect, u32)> = rects
            .iter()
            .copied()
            .filter(|(r, _)| [r.x, r.y, r.width, r.height].iter().all(|v| v.is_finite()))
            .collect();
        let mut keyed: Vec<(f64, u32)> = rects.iter().flat_map(|(r, _)| [(r.x, 0), (r.right(), 0)]).collect();
        crate::order::by_key(&mut keyed);
        let mut edges: Vec<f64> = keyed.into_iter().map(|(x, _)| x).collect();
        edges.dedup();
        let slab = |x: f64| edges.partition_point(|e| *e < x);
        // The slabs each rectangle spans: from its left edge up to its right edge (a rectangle
        // with no width still spans the slab at its edge).
        let spans: Vec<(usize, usize)> = rects
            .iter()
            .map(|(r, _)| {
                let lo = slab(r.x);
                (lo, slab(r.right()).max(lo + 1))
            })
            .collect();
        let mut starts = vec![0u32; edges.len() + 1];
        for (lo, hi) in &spans {
            for k in *lo..*hi {
                if let Some(n) = starts.get_mut(k + 1) {
                    *n += 1;
                }
            }
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut fill: Vec<u32> = starts.clone();
        let mut order = vec![0u32; starts.last().copied().unwrap_or(0) as usize];
        for (i, (lo, hi)) in spans.iter().enumerate().rev() {
            for k in *lo..*hi {
                if let Some(at) = fill.get_mut(k) {
                    if let Some(slot) = order.get_mut(*at as usize) {
                        *slot = i as u32;
                    }
                    *at += 1;
                }
            }
        }
        Self { edges, starts, order, rects }
    }

    /// The item of the topmost rectangle containing `p` (edges included).
    pub(crate) fn topmost(&self, p: Point) -> Option<u32> {
        let after = self.edges.partition_point(|e| *e <= p.x);
        let slab = after.checked_sub(1)?;
        let mut found = self.first_in(slab, p);
        // On an edge, a rectangle ending there also contains the point.
        if self.edges.get(slab) == Some(&p.x) && slab > 0 {
            found = found.max(self.first_in(slab - 1, p));
        }
        found.and_then(|i| self.rects.get(i as usize)).map(|(_, item)| *item)
    }

    /// The topmost rectangle of slab `k` containing `p`, as a position in `rects`.
    fn first_in(&self, k: usize, p: Point) -> Option<u32> {
        let (Some(&from), Some(&to)) = (self.starts.get(k), self.starts.get(k + 1)) else { return None };
        self.order
            .get(from as usize..to as usize)?
            .iter()
            .copied()
            .find(|i| self.rects.get(*i as usize).is_some_and(|(r, _)| r.contains(p)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_added_of_overlapping_rectangles_wins() {
        let rects = [(Rect::new(0.0, 0.0, 100.0, 100.0), 0), (Rect::new(50.0, 50.0, 100.0, 100.0), 1), (Rect::new(60.0, 0.0, 0.0, 10.0), 2)];
        let slabs = RectSlabs::new(&rects);
        assert_eq!(slabs.topmost(Point::new(10.0, 10.0)), Some(0));
        assert_eq!(slabs.topmost(Point::new(75.0, 75.0)), Some(1), "the later one is painted on top");
        assert_eq!(slabs.topmost(Point::new(100.0, 100.0)), Some(1));
        assert_eq!(slabs.topmost(Point::new(60.0, 5.0)), Some(2), "a rectangle with no width, on its edge");
        assert_eq!(slabs.topmost(Point::new(150.0, 150.0)), Some(1), "the far corner");
        assert_eq!(slabs.topmost(Point::new(151.0, 150.0)), None);
        assert_eq!(slabs.topmost(Point::new(-1.0, 10.0)), None);
    }

    #[test]
    fn answers_as_a_full_scan_does() {
        let mut seed = 5u64;
        let mut next = move |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % n
        };
        let rects: Vec<(Rect, u32)> = (0..400)
            .map(|i| (Rect::new(next(200) as f64, next(200) as f64, next(40) as f64, next(40) as f64), i))
            .collect();
        let slabs = RectSlabs::new(&rects);
        for _ in 0..5000 {
            let p = Point::new(next(2600) as f64 / 10.0, next(2600) as f64 / 10.0);
            let brute = rects.iter().rev().find(|(r, _)| r.contains(p)).map(|(_, i)| *i);
            assert_eq!(slabs.topmost(p), brute, "at {p:?}");
        }
    }
}
