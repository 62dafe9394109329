//! Drawing fewer shapes than there are data when the pixels cannot show more.
//!
//! At hundreds of thousands of events, drawing every raid or every corner of a step line would
//! cost a canvas call each and make an SVG of tens of megabytes, for marks that land on the
//! same few pixels. These functions choose what to draw instead; hovering and the keyboard
//! still reach every datum, through the hit index. Small charts are drawn exactly as before:
//! nothing is thinned below the thresholds.

use crate::scene::Point;

/// A timeline draws each raid up to this many; past it, one mark per bucket. A mark costs a
/// canvas about five calls (styles, a fill and an outline), so a paint stays under 5,000.
pub const MAX_MARKS: usize = 900;

/// At most this many bands of lanes when marks are thinned: thinner lanes share a band.
pub const MAX_BANDS: usize = 16;

/// The narrowest bucket of time, CSS px.
const MIN_BUCKET_PX: f64 = 2.0;

/// The narrowest room for one area's bars, CSS px; narrower areas are drawn in groups.
pub const MIN_BAR_GROUP_PX: f64 = 4.0;

/// A column of a thinned line, CSS px: a device pixel at a pixel ratio of 1, two at 2.
const LINE_COLUMN_PX: f64 = 1.0;

/// Which marks to draw, as positions in `marks`, in order. Each mark is (x in CSS px, row,
/// weight): all of them when there are at most [`MAX_MARKS`]; else the rows are grouped into
/// at most [`MAX_BANDS`] bands and the plot's width, from `left` over `width` px, into
/// buckets, so there are about [`MAX_MARKS`] buckets, and each bucket draws its heaviest mark
/// (the biggest circle, which covers the others; the latest of equally heavy ones, as it would
/// be painted on top).
pub fn thin_marks(marks: &[(f64, usize, u64)], rows: usize, left: f64, width: f64) -> Vec<usize> {
    if marks.len() <= MAX_MARKS {
        return (0..marks.len()).collect();
    }
    let rows = rows.max(1);
    let bands = rows.min(MAX_BANDS);
    let columns = (MAX_MARKS / bands).max(1);
    let bucket = (width / columns as f64).max(MIN_BUCKET_PX);
    let columns = ((width / bucket).ceil() as usize).max(1);
    let mut best: Vec<Option<usize>> = vec![None; bands * columns];
    for (i, (x, row, weight)) in marks.iter().enumerate() {
        let band = (row * bands / rows).min(bands - 1);
        let column = if x.is_finite() { (((x - left) / bucket).floor().max(0.0) as usize).min(columns - 1) } else { 0 };
        if let Some(slot) = best.get_mut(band * columns + column) {
            let heavier = slot.and_then(|b| marks.get(b)).is_none_or(|(_, _, w)| weight >= w);
            if heavier {
                *slot = Some(i);
            }
        }
    }
    let mut drawn: Vec<usize> = best.into_iter().flatten().collect();
    drawn.sort_unstable();
    drawn
}

/// How many neighbouring bars to draw as one so that each drawn group has at least `least`
/// CSS px of the `width`: 1 (every bar drawn) when there is room for all `n`.
pub fn group_size(n: usize, width: f64, least: f64) -> usize {
    let room = if width.is_finite() && least > 0.0 { (width / least).floor().max(1.0) } else { 1.0 };
    if n as f64 <= room {
        1
    } else {
        n.div_ceil(room as usize)
    }
}

/// A polyline drawn left to right, with no more points than its pixels can show: when it has
/// more than four points per column of [`LINE_COLUMN_PX`] across `width` px, each column keeps
/// only where the line enters and leaves it and its highest and lowest points (the M4
/// reduction), which draws the same pixels.
pub fn thin_line(points: Vec<Point>, width: f64) -> Vec<Point> {
    let columns = (width / LINE_COLUMN_PX).max(1.0) + 2.0;
    if (points.len() as f64) <= 4.0 * columns {
        return points;
    }
    let column = |p: &Point| (p.x / LINE_COLUMN_PX).floor();
    let mut out = Vec::new();
    let mut start = 0;
    while start < points.len() {
        let Some(first) = points.get(start) else { break };
        let here = column(first);
        let end = start + points.get(start..).map_or(0, |rest| rest.iter().take_while(|p| column(p) == here).count()).max(1);
        let run = points.get(start..end).unwrap_or_default();
        let top = run.iter().enumerate().min_by(|a, b| a.1.y.total_cmp(&b.1.y)).map_or(0, |(i, _)| i);
        let bottom = run.iter().enumerate().max_by(|a, b| a.1.y.total_cmp(&b.1.y)).map_or(0, |(i, _)| i);
        let mut keep = [0, top, bottom, run.len() - 1];
        keep.sort_unstable();
        let mut last = None;
        for k in keep {
            if last != Some(k) {
                out.extend(run.get(k).copied());
                last = Some(k);
            }
        }
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn few_marks_are_all_drawn() {
        let marks: Vec<_> = (0..MAX_MARKS).map(|i| (i as f64 * 0.01, i % 3, 1)).collect();
        assert_eq!(thin_marks(&marks, 3, 0.0, 100.0).len(), MAX_MARKS);
    }

    #[test]
    fn many_marks_keep_the_heaviest_of_each_bucket_in_order() {
        // 100,000 marks on 800 px in 8 rows: at most MAX_MARKS drawn.
        let marks: Vec<_> = (0..100_000u64).map(|i| (i as f64 * 0.008, (i % 8) as usize, i % 97)).collect();
        let drawn = thin_marks(&marks, 8, 0.0, 800.0);
        assert!(drawn.len() <= MAX_MARKS && drawn.len() > MAX_MARKS / 2, "{}", drawn.len());
        assert!(drawn.windows(2).all(|w| w[0] < w[1]), "in reading order");
        // Row 0's first bucket holds marks 0, 8, 16, …: the heaviest of them (the latest of
        // equally heavy ones) is drawn, and no other.
        let bucket = 800.0 / (MAX_MARKS / 8) as f64;
        let first: Vec<usize> = (0..100_000usize).filter(|i| i % 8 == 0 && (*i as f64 * 0.008) < bucket).collect();
        let heaviest = first.iter().copied().max_by_key(|i| (i % 97, *i)).unwrap_or(0);
        assert!(drawn.contains(&heaviest), "{heaviest}");
        assert_eq!(first.iter().filter(|i| drawn.contains(i)).count(), 1);
    }

    #[test]
    fn bars_are_grouped_only_when_the_width_cannot_show_each() {
        assert_eq!(group_size(40, 640.0, MIN_BAR_GROUP_PX), 1);
        assert_eq!(group_size(160, 640.0, MIN_BAR_GROUP_PX), 1);
        assert_eq!(group_size(161, 640.0, MIN_BAR_GROUP_PX), 2);
        assert_eq!(group_size(40_000, 800.0, MIN_BAR_GROUP_PX), 200);
        assert_eq!(group_size(10, f64::NAN, MIN_BAR_GROUP_PX), 10);
    }

    #[test]
    fn a_long_step_line_keeps_where_it_enters_and_leaves_each_column() {
        let mut points = vec![Point::new(0.0, 100.0)];
        for i in 0..10_000 {
            let x = i as f64 * 0.05;
            points.push(Point::new(x, 100.0 - i as f64 * 0.01));
            points.push(Point::new(x, 100.0 - (i + 1) as f64 * 0.01));
        }
        let thin = thin_line(points.clone(), 500.0);
        assert!(thin.len() <= 4 * 502, "{}", thin.len());
        assert_eq!(thin.first(), points.first());
        assert_eq!(thin.last(), points.last());
        // In each column the line still spans the same heights.
        let span = |ps: &[Point], c: f64| {
            let ys: Vec<f64> = ps.iter().filter(|p| p.x.floor() == c).map(|p| p.y).collect();
            (ys.iter().copied().fold(f64::INFINITY, f64::min), ys.iter().copied().fold(f64::NEG_INFINITY, f64::max))
        };
        for c in [0.0, 17.0, 250.0, 499.0] {
            assert_eq!(span(&thin, c), span(&points, c), "column {c}");
        }
        let short = vec![Point::new(0.0, 0.0), Point::new(0.1, 1.0), Point::new(0.2, 2.0)];
        assert_eq!(thin_line(short.clone(), 500.0), short, "a short line is left alone");
    }
}
