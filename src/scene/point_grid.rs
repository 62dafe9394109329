//! The nearest mark within reach, at any number of marks.
//!
//! Marks are kept in a uniform grid whose cells are as wide as the longest reach, so a pointer
//! can only be reached from the 3 × 3 cells around it. Inside a cell, marks are sorted by x:
//! a query binary-searches the pointer's x and walks outwards, nearest on x first, and stops as
//! soon as the next mark is farther on x than the best found. Marks at the very same point
//! share one site, so a stack of identical marks costs one look. The answer is exactly what a
//! scan of every mark would give: the nearest mark whose reach covers the pointer, and of
//! equally near ones the first added.

use super::geometry::Point;

/// Cells per side at most; beyond it cells grow, so a stray far-off mark cannot make the grid
/// huge.
const MAX_CELLS_PER_SIDE: f64 = 2048.0;

/// Slack on cell edges, CSS px, so rounding never hides a mark from a query.
const EDGE_SLACK: f64 = 1e-6;

/// Marks that answer within a radius, bucketed for nearest-within-reach queries.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct PointGrid {
    /// The grid's top-left corner.
    origin: Point,
    /// A cell's side, at least the longest reach.
    cell: f64,
    /// The longest reach of any mark.
    longest: f64,
    cols: usize,
    rows: usize,
    /// Cell `c` (row-major) holds the sites `starts[c]..starts[c + 1]`, sorted by x.
    starts: Vec<u32>,
    /// Each site's position.
    xs: Vec<f64>,
    ys: Vec<f64>,
    /// The longest reach among a site's marks.
    site_reach: Vec<f64>,
    /// A site's marks are `members[first[s]..first[s + 1]]`, first added first.
    first: Vec<u32>,
    /// Each mark's item and reach, grouped by site.
    member_item: Vec<u32>,
    member_reach: Vec<f64>,
}

impl PointGrid {
    /// Indexes `marks`: (centre, reach, item). Marks with a coordinate or reach that is not a
    /// finite number are left out: nothing can be near them.
    pub(crate) fn new(marks: &[(Point, f64, u32)]) -> Self {
        let marks: Vec<(Point, f64, u32)> = marks
            .iter()
            .copied()
            .filter(|(c, reach, _)| c.x.is_finite() && c.y.is_finite() && reach.is_finite() && *reach >= 0.0)
            .collect();
        let Some(longest) = marks.iter().map(|m| m.1).reduce(f64::max) else {
            return Self::default();
        };
        let (mut min, mut max) = (Point::new(f64::INFINITY, f64::INFINITY), Point::new(f64::NEG_INFINITY, f64::NEG_INFINITY));
        for (c, _, _) in &marks {
            min = Point::new(min.x.min(c.x), min.y.min(c.y));
            max = Point::new(max.x.max(c.x), max.y.max(c.y));
        }
        let extent = (max.x - min.x).max(max.y - min.y);
        let cell = longest.max(extent / MAX_CELLS_PER_SIDE).max(1.0);
        let side = |span: f64| (span / cell).floor() as usize + 1;
        let (cols, rows) = (side(max.x - min.x), side(max.y - min.y));
        let mut grid = Self { origin: min, cell, longest, cols, rows, ..Self::default() };
        let mut keyed: Vec<(usize, Point, f64, u32)> = marks.into_iter().map(|(c, reach, item)| (grid.cell_of(c), c, reach, item)).collect();
        keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.x.total_cmp(&b.1.x)).then(a.1.y.total_cmp(&b.1.y)).then(a.3.cmp(&b.3)));
        let mut counts = vec![0u32; cols * rows + 1];
        let mut last: Option<(usize, Point)> = None;
        for (cell, c, reach, item) in keyed {
            if last != Some((cell, c)) {
                last = Some((cell, c));
                if let Some(n) = counts.get_mut(cell + 1) {
                    *n += 1;
                }
                grid.first.push(grid.member_item.len() as u32);
                grid.xs.push(c.x);
                grid.ys.push(c.y);
                grid.site_reach.push(reach);
            } else if let Some(r) = grid.site_reach.last_mut() {
                *r = r.max(reach);
            }
            grid.member_item.push(item);
            grid.member_reach.push(reach);
        }
        grid.first.push(grid.member_item.len() as u32);
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        grid.starts = counts;
        grid
    }

    /// The cell holding `c`, row-major.
    fn cell_of(&self, c: Point) -> usize {
        let col = (((c.x - self.origin.x) / self.cell).floor().max(0.0) as usize).min(self.cols - 1);
        let row = (((c.y - self.origin.y) / self.cell).floor().max(0.0) as usize).min(self.rows - 1);
        row * self.cols + col
    }

    /// The nearest mark whose reach covers `p`, as (distance, item); of equally near marks,
    /// the first added.
    pub(crate) fn nearest(&self, p: Point) -> Option<(f64, u32)> {
        if self.xs.is_empty() || !(p.x.is_finite() && p.y.is_finite()) {
            return None;
        }
        let reach = self.longest + EDGE_SLACK;
        let span = |v: f64, origin: f64, n: usize| -> Option<(usize, usize)> {
            let lo = ((v - reach - origin) / self.cell).floor();
            let hi = ((v + reach - origin) / self.cell).floor();
            (hi >= 0.0 && lo <= (n - 1) as f64).then(|| (lo.max(0.0) as usize, (hi as usize).min(n - 1)))
        };
        let (c0, c1) = span(p.x, self.origin.x, self.cols)?;
        let (r0, r1) = span(p.y, self.origin.y, self.rows)?;
        let mut best: Option<(f64, u32)> = None;
        for row in r0..=r1 {
            for col in c0..=c1 {
                // Skip a cell that lies farther than the best found (or any reach).
                let limit = best.map_or(reach, |b| b.0 + EDGE_SLACK);
                let x0 = self.origin.x + col as f64 * self.cell;
                let y0 = self.origin.y + row as f64 * self.cell;
                let dx = (x0 - p.x).max(p.x - x0 - self.cell).max(0.0);
                let dy = (y0 - p.y).max(p.y - y0 - self.cell).max(0.0);
                // The last column and row also hold marks rounded onto their far edge.
                let dx = if col + 1 == self.cols { (x0 - p.x).max(0.0) } else { dx };
                let dy = if row + 1 == self.rows { (y0 - p.y).max(0.0) } else { dy };
                if dx.hypot(dy) <= limit {
                    self.scan_cell(row * self.cols + col, p, &mut best);
                }
            }
        }
        best
    }

    /// Looks at the sites of one cell, nearest on x first, while they can still beat `best`.
    fn scan_cell(&self, cell: usize, p: Point, best: &mut Option<(f64, u32)>) {
        let (Some(&start), Some(&end)) = (self.starts.get(cell), self.starts.get(cell + 1)) else { return };
        let (start, end) = (start as usize, end as usize);
        let Some(xs) = self.xs.get(start..end) else { return };
        let mid = start + xs.partition_point(|x| *x < p.x);
        let (mut right, mut left) = (mid, mid);
        loop {
            let limit = best.map_or(self.longest, |b| b.0);
            let dx_right = (right < end).then(|| self.xs.get(right).map_or(f64::INFINITY, |x| x - p.x));
            let dx_left = (left > start).then(|| self.xs.get(left - 1).map_or(f64::INFINITY, |x| p.x - x));
            let (dx, site) = match (dx_left, dx_right) {
                (Some(l), Some(r)) if l <= r => {
                    left -= 1;
                    (l, left)
                }
                (Some(l), None) => {
                    left -= 1;
                    (l, left)
                }
                (_, Some(r)) => {
                    right += 1;
                    (r, right - 1)
                }
                (None, None) => return,
            };
            if dx > limit {
                return;
            }
            self.consider(site, p, best);
        }
    }

    /// Makes site `s` the best if one of its marks reaches `p` and beats `best`.
    fn consider(&self, s: usize, p: Point, best: &mut Option<(f64, u32)>) {
        let (Some(&x), Some(&y), Some(&most)) = (self.xs.get(s), self.ys.get(s), self.site_reach.get(s)) else { return };
        let d = Point::new(x, y).distance(p);
        if !(d <= most) {
            return;
        }
        let (Some(&from), Some(&to)) = (self.first.get(s), self.first.get(s + 1)) else { return };
        let (from, to) = (from as usize, to as usize);
        let reaching = (from..to).find(|m| self.member_reach.get(*m).is_some_and(|r| d <= *r));
        let Some(item) = reaching.and_then(|m| self.member_item.get(m).copied()) else { return };
        if best.is_none_or(|(bd, bi)| d < bd || (d == bd && item < bi)) {
            *best = Some((d, item));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a scan of every mark answers.
    fn brute(marks: &[(Point, f64, u32)], p: Point) -> Option<(f64, u32)> {
        marks
            .iter()
            .map(|(c, reach, i)| (c.distance(p), *reach, *i))
            .filter(|(d, reach, _)| d <= reach)
            .min_by(|a, b| a.0.total_cmp(&b.0).then(a.2.cmp(&b.2)))
            .map(|(d, _, i)| (d, i))
    }

    #[test]
    fn answers_as_a_full_scan_does_with_stacks_and_varied_reaches() {
        let mut seed = 11u64;
        let mut next = move |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % n
        };
        let mut marks = Vec::new();
        for i in 0..3000u32 {
            // Whole pixels, so many marks stack on the very same point.
            let c = Point::new(next(300) as f64, 10.0 * next(12) as f64);
            marks.push((c, 8.0 + next(30) as f64, i));
        }
        let grid = PointGrid::new(&marks);
        for _ in 0..5000 {
            let p = Point::new(next(3400) as f64 / 10.0 - 20.0, next(1600) as f64 / 10.0 - 20.0);
            assert_eq!(grid.nearest(p), brute(&marks, p), "at {p:?}");
        }
    }

    #[test]
    fn nothing_is_near_an_empty_grid_or_a_point_that_is_not_a_number() {
        assert_eq!(PointGrid::new(&[]).nearest(Point::new(1.0, 1.0)), None);
        let grid = PointGrid::new(&[(Point::new(1.0, 1.0), 24.0, 0), (Point::new(f64::NAN, 1.0), 24.0, 1)]);
        assert_eq!(grid.nearest(Point::new(f64::NAN, 1.0)), None);
        assert_eq!(grid.nearest(Point::new(2.0, 1.0)).map(|b| b.1), Some(0));
    }
}
