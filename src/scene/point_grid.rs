//! The nearest mark within reach, at any number of marks.
//!
//! Marks are kept in a uniform grid whose cells are as wide as the longest reach, so a pointer
//! can only be reached from the 3 × 3 cells around it. Inside a cell, marks at the same height
//! form a row (a timeline lane is one row), rows are sorted by y and each row's marks by x. A
//! query visits a cell's rows nearest on y first, binary-searches each row for the pointer's x
//! and walks outwards, nearest on x first; it stops as soon as the next row or mark is farther
//! than the best found. Marks at the very same point share one site, so a stack of identical
//! marks costs one look. The answer is exactly what a scan of every mark would give: the
//! nearest mark whose reach covers the pointer, and of equally near ones the first added.

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
    /// Cell `c` (row-major) holds the rows `cell_rows[c]..cell_rows[c + 1]`, sorted by y.
    cell_rows: Vec<u32>,
    /// Each row's height, and its sites `row_sites[r]..row_sites[r + 1]`, sorted by x.
    row_y: Vec<f64>,
    row_sites: Vec<u32>,
    /// Each site's x, and the longest reach among its marks.
    site_x: Vec<f64>,
    site_reach: Vec<f64>,
    /// A site's marks are `site_marks[s]..site_marks[s + 1]`, first added first.
    site_marks: Vec<u32>,
    /// Each mark's item and reach, grouped by site.
    mark_item: Vec<u32>,
    mark_reach: Vec<f64>,
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
        // Stable, for speed in the widget's std (see `crate::order::by_key`); the item breaks every tie.
        keyed.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.y.total_cmp(&b.1.y)).then(a.1.x.total_cmp(&b.1.x)).then(a.3.cmp(&b.3)));
        let mut rows_per_cell = vec![0u32; cols * rows + 1];
        // The cell and the bits of y (and x) of the row (and site) being filled.
        let mut last_row: Option<(usize, u64)> = None;
        let mut last_site: Option<(usize, u64, u64)> = None;
        for (cell, c, reach, item) in keyed {
            let (x, y) = (c.x.to_bits(), c.y.to_bits());
            if last_row != Some((cell, y)) {
                last_row = Some((cell, y));
                if let Some(n) = rows_per_cell.get_mut(cell + 1) {
                    *n += 1;
                }
                grid.row_y.push(c.y);
                grid.row_sites.push(grid.site_x.len() as u32);
            }
            if last_site != Some((cell, y, x)) {
                last_site = Some((cell, y, x));
                grid.site_x.push(c.x);
                grid.site_reach.push(reach);
                grid.site_marks.push(grid.mark_item.len() as u32);
            } else if let Some(r) = grid.site_reach.last_mut() {
                *r = r.max(reach);
            }
            grid.mark_item.push(item);
            grid.mark_reach.push(reach);
        }
        grid.row_sites.push(grid.site_x.len() as u32);
        grid.site_marks.push(grid.mark_item.len() as u32);
        for i in 1..rows_per_cell.len() {
            rows_per_cell[i] += rows_per_cell[i - 1];
        }
        grid.cell_rows = rows_per_cell;
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
        if self.site_x.is_empty() || !(p.x.is_finite() && p.y.is_finite()) {
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
        // 3 × 3 cells (4 × 4 when the slack crosses one more edge); the nearest first, so the
        // best found early rules out the rest.
        let mut cells = [(f64::INFINITY, 0u32); 16];
        let mut n = 0;
        for row in r0..=r1 {
            for col in c0..=c1 {
                let x0 = self.origin.x + col as f64 * self.cell;
                let y0 = self.origin.y + row as f64 * self.cell;
                // The last column and row also hold marks rounded onto their far edge.
                let far_x = if col + 1 == self.cols { f64::INFINITY } else { x0 + self.cell };
                let far_y = if row + 1 == self.rows { f64::INFINITY } else { y0 + self.cell };
                let dx = (x0 - p.x).max(p.x - far_x).max(0.0);
                let dy = (y0 - p.y).max(p.y - far_y).max(0.0);
                if let Some(slot) = cells.get_mut(n) {
                    *slot = (dx.hypot(dy), crate::order::index(row * self.cols + col));
                    n += 1;
                }
            }
        }
        let cells = cells.get_mut(..n).unwrap_or_default();
        crate::order::by_key(cells);
        let mut best: Option<(f64, u32)> = None;
        for (distance, cell) in cells.iter() {
            // A cell farther than the best found (or any reach) cannot hold a better mark.
            if *distance > best.map_or(reach, |b| b.0 + EDGE_SLACK) {
                break;
            }
            self.scan_cell(*cell as usize, p, &mut best);
        }
        best
    }

    /// Looks at the rows of one cell, nearest on y first, while they can still beat `best`.
    fn scan_cell(&self, cell: usize, p: Point, best: &mut Option<(f64, u32)>) {
        let (Some(&start), Some(&end)) = (self.cell_rows.get(cell), self.cell_rows.get(cell + 1)) else { return };
        for (dy, row) in Outward::new(&self.row_y, start as usize, end as usize, p.y) {
            if dy > best.map_or(self.longest, |b| b.0) {
                return;
            }
            self.scan_row(row, p, best);
        }
    }

    /// Looks at the sites of one row, nearest on x first, while they can still beat `best`.
    fn scan_row(&self, row: usize, p: Point, best: &mut Option<(f64, u32)>) {
        let (Some(&start), Some(&end)) = (self.row_sites.get(row), self.row_sites.get(row + 1)) else { return };
        let Some(&y) = self.row_y.get(row) else { return };
        for (_, site) in Outward::new(&self.site_x, start as usize, end as usize, p.x) {
            let Some(&x) = self.site_x.get(site) else { return };
            // Along a row the distance grows with |dx|: once a site is too far, all further are.
            let d = Point::new(x, y).distance(p);
            if d > best.map_or(self.longest, |b| b.0) {
                return;
            }
            self.consider(site, d, best);
        }
    }

    /// Makes site `s`, `d` from the pointer, the best if one of its marks reaches that far
    /// and it beats `best`.
    fn consider(&self, s: usize, d: f64, best: &mut Option<(f64, u32)>) {
        // Not a number is out of reach too.
        if self.site_reach.get(s).is_none_or(|most| d.partial_cmp(most).is_none_or(|o| o.is_gt())) {
            return;
        }
        let (Some(&from), Some(&to)) = (self.site_marks.get(s), self.site_marks.get(s + 1)) else { return };
        let (from, to) = (from as usize, to as usize);
        let reaching = (from..to).find(|m| self.mark_reach.get(*m).is_some_and(|r| d <= *r));
        let Some(item) = reaching.and_then(|m| self.mark_item.get(m).copied()) else { return };
        if best.is_none_or(|(bd, bi)| d < bd || (d == bd && item < bi)) {
            *best = Some((d, item));
        }
    }
}

/// The positions of a sorted run `values[start..end]`, outwards from `v`: each step takes the
/// nearer of the next one below and the next one above, with its distance from `v` (the one
/// below first on a tie). Both the rows of a cell (on y) and the sites of a row (on x) are
/// walked this way.
struct Outward<'a> {
    values: &'a [f64],
    v: f64,
    /// The next position to take above `v`; the positions `end..` are not in the run.
    up: usize,
    end: usize,
    /// One past the next position to take below `v`; the positions `..start` are not in the run.
    down: usize,
    start: usize,
}

impl<'a> Outward<'a> {
    fn new(values: &'a [f64], start: usize, end: usize, v: f64) -> Self {
        let end = end.min(values.len());
        let start = start.min(end);
        let mid = start + values.get(start..end).map_or(0, |run| run.partition_point(|x| *x < v));
        Self { values, v, up: mid, end, down: mid, start }
    }
}

impl Iterator for Outward<'_> {
    type Item = (f64, usize);

    fn next(&mut self) -> Option<(f64, usize)> {
        let above = (self.up < self.end).then(|| self.values.get(self.up).map_or(f64::INFINITY, |x| x - self.v));
        let below = (self.down > self.start).then(|| self.values.get(self.down - 1).map_or(f64::INFINITY, |x| self.v - x));
        match (below, above) {
            (Some(b), Some(a)) if b <= a => {
                self.down -= 1;
                Some((b, self.down))
            }
            (_, Some(a)) => {
                self.up += 1;
                Some((a, self.up - 1))
            }
            (Some(b), None) => {
                self.down -= 1;
                Some((b, self.down))
            }
            (None, None) => None,
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

    fn lcg(mut seed: u64) -> impl FnMut(u64) -> u64 {
        move |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % n
        }
    }

    #[test]
    fn answers_as_a_full_scan_does_with_lanes_stacks_and_varied_reaches() {
        let mut next = lcg(11);
        // Whole pixels in twelve lanes, so many marks stack on the very same point.
        let marks: Vec<_> = (0..3000u32).map(|i| (Point::new(next(300) as f64, 10.0 * next(12) as f64), 8.0 + next(30) as f64, i)).collect();
        let grid = PointGrid::new(&marks);
        for _ in 0..5000 {
            let p = Point::new(next(3400) as f64 / 10.0 - 20.0, next(1600) as f64 / 10.0 - 20.0);
            assert_eq!(grid.nearest(p), brute(&marks, p), "at {p:?}");
        }
    }

    #[test]
    fn answers_as_a_full_scan_does_with_scattered_marks() {
        let mut next = lcg(12);
        let marks: Vec<_> = (0..2000u32).map(|i| (Point::new(next(80_000) as f64 / 97.0, next(40_000) as f64 / 89.0), 24.0 + next(3) as f64, i)).collect();
        let grid = PointGrid::new(&marks);
        for _ in 0..5000 {
            let p = Point::new(next(9000) as f64 / 10.0 - 30.0, next(5000) as f64 / 10.0 - 30.0);
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
