//! Spreading a lane's circles up and down so that none covers another: a dodge, after the
//! idea of Observable Plot's `dodgeY` with its middle anchor.
//!
//! Every circle keeps its exact x (its time). Circles are placed left to right; each goes to
//! the free position nearest the lane's centre line, where it touches no circle already placed
//! (with [`PADDING`] between them), above or below the line, whichever is nearer (above on a
//! tie, so a pile at one moment grows above and below in turn). A circle is only compared with
//! the placed circles within reach of it on x, a window that moves right with x over the
//! placed ones (kept in x order), so a lane costs about n log n (the sort) unless many circles
//! pile up at one moment.
//!
//! [`spread`] fits every lane into its band: when some lane has no room for its circles at full
//! size, every radius is scaled down (the same factor in every lane, so sizes stay comparable)
//! down to [`SCALES`]' last; when even that is not enough, a circle with no free place left in
//! the band is put at the nearest place inside it, over others.

use crate::order;

/// Room left between two dodged circles, CSS px.
pub const PADDING: f64 = 1.0;

/// The factors radii are scaled by, in the order tried, until every lane fits its band.
pub const SCALES: [f64; 4] = [1.0, 0.8, 0.65, 0.5];

/// A circle to place: its exact x and its radius, CSS px, its lane, and where [`spread`] puts
/// it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Disc {
    /// Its centre's x, never moved.
    pub x: f64,
    /// Its offset from its lane's centre line, CSS px (negative is up): 0 until spread.
    pub y: f64,
    /// Its radius at full size.
    pub r: f64,
    /// Its lane: circles are only spread among those of the same lane.
    pub lane: usize,
}

/// True when some circle is off its lane's centre line.
pub fn moved(discs: &[Disc]) -> bool {
    discs.iter().any(|d| d.y != 0.0)
}

/// Places `discs` in lanes whose bands reach `half` CSS px above and below their centre lines,
/// setting each one's `y`, and returns the factor every radius is to be scaled by: 1 if every
/// lane has room at full size, else the first of [`SCALES`] at which all fit, else the last,
/// with the circles that find no room put at the nearest place in the band. With an unbounded
/// band (`half` infinite) every circle is placed at full size.
pub fn spread(discs: &mut [Disc], half: f64) -> f64 {
    // The discs in x order (then the order given); each lane takes its own from it.
    let mut by_x = Vec::with_capacity(discs.len());
    let (mut lanes, mut r_max) = (0, 0.0_f64);
    for (i, d) in discs.iter().enumerate() {
        by_x.push((d.x, order::index(i)));
        lanes = lanes.max(d.lane.saturating_add(1));
        r_max = r_max.max(d.r);
    }
    order::by_key(&mut by_x);
    let mut scale = 1.0;
    for (k, s) in SCALES.into_iter().enumerate() {
        scale = s;
        let squeeze = k + 1 == SCALES.len();
        if (0..lanes).all(|lane| place(discs, &by_x, lane, scale, r_max * scale, half, squeeze)) {
            break;
        }
    }
    scale
}

/// Places lane `lane`'s discs (taken from `by_x`, positions into `discs` in x order) at
/// `scale`, none larger than `r_max` once scaled; false when one finds no room, unless
/// `squeeze` puts it at the nearest place inside the band, over others.
fn place(discs: &mut [Disc], by_x: &[(f64, u32)], lane: usize, scale: f64, r_max: f64, half: f64, squeeze: bool) -> bool {
    // The placed discs, in x order: (x, radius, offset).
    let mut placed: Vec<(f64, f64, f64)> = Vec::new();
    let mut from = 0;
    let mut blocked: Vec<(f64, u32)> = Vec::new();
    let mut ends: Vec<f64> = Vec::new();
    for &(_, i) in by_x {
        let Some(d) = discs.get_mut(i as usize).filter(|d| d.lane == lane) else { continue };
        let r = d.r * scale;
        let room = (half - r).max(0.0);
        // Only discs within reach on x can touch this one: the window moves right with x.
        while placed.get(from).is_some_and(|p| p.0 < d.x - (2.0 * r_max + PADDING)) {
            from += 1;
        }
        blocked.clear();
        ends.clear();
        for &(x, rj, yj) in placed.get(from..).unwrap_or_default() {
            let gap = r + rj + PADDING;
            let dx = d.x - x;
            if dx.abs() < gap {
                let dy = (gap * gap - dx * dx).sqrt();
                blocked.push((yj - dy, order::index(ends.len())));
                ends.push(yj + dy);
            }
        }
        let (up, down) = nearest_free(&mut blocked, &ends);
        let fits = |y: f64| y.abs() <= room + 1e-9;
        d.y = match (fits(up), fits(down)) {
            // Equally near: above, which alternates the sides as a pile grows.
            (true, true) => if up.abs() <= down.abs() { up } else { down },
            (true, false) => up,
            (false, true) => down,
            (false, false) if squeeze => (if up.abs() <= down.abs() { up } else { down }).clamp(-room, room),
            (false, false) => return false,
        };
        // Placed in x order, so `placed` stays sorted by x.
        placed.push((d.x, r, d.y));
    }
    true
}

/// The free positions nearest 0 above and below, given the open intervals a circle's centre
/// may not enter: (`blocked[k].0`, `ends[blocked[k].1]`). Both are 0 when 0 is free.
fn nearest_free(blocked: &mut [(f64, u32)], ends: &[f64]) -> (f64, f64) {
    order::by_key(blocked);
    // Merge the intervals, in order of their starts, into runs; find the run holding 0.
    let mut run: Option<(f64, f64)> = None;
    for &(start, k) in blocked.iter() {
        let end = ends.get(k as usize).copied().unwrap_or(start);
        run = match run {
            Some((a, b)) if start < b => Some((a, b.max(end))),
            Some((a, b)) if a < 0.0 && b > 0.0 => return (a, b),
            _ => Some((start, end)),
        };
    }
    match run {
        Some((a, b)) if a < 0.0 && b > 0.0 => (a, b),
        _ => (0.0, 0.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn disc(x: f64, r: f64) -> Disc {
        Disc { x, y: 0.0, r, lane: 0 }
    }

    fn ys(discs: &[Disc]) -> Vec<f64> {
        discs.iter().map(|d| d.y).collect()
    }

    fn overlap(discs: &[Disc], scale: f64) -> Option<(usize, usize)> {
        for (i, a) in discs.iter().enumerate() {
            for (j, b) in discs.iter().enumerate().skip(i + 1) {
                if a.lane == b.lane && (a.x - b.x).hypot(a.y - b.y) < (a.r + b.r) * scale - 1e-6 {
                    return Some((i, j));
                }
            }
        }
        None
    }

    #[test]
    fn circles_apart_stay_on_the_line() {
        let mut discs = [disc(0.0, 5.0), disc(20.0, 5.0), disc(40.0, 8.0)];
        assert_eq!(spread(&mut discs, 20.0), 1.0);
        assert_eq!(ys(&discs), [0.0; 3]);
        assert!(!moved(&discs));
    }

    #[test]
    fn circles_at_one_moment_alternate_above_and_below() {
        let mut discs = [disc(10.0, 5.0); 5];
        assert_eq!(spread(&mut discs, 40.0), 1.0);
        assert_eq!(ys(&discs), [0.0, -11.0, 11.0, -22.0, 22.0]);
        assert!(moved(&discs));
        assert_eq!(overlap(&discs, 1.0), None);
    }

    #[test]
    fn a_circle_slides_in_beside_a_near_one() {
        // 6 px apart on x, radii 5 and 1 px of padding: 11 px between centres, so 9.22 px up.
        let mut discs = [disc(0.0, 5.0), disc(6.0, 5.0)];
        spread(&mut discs, 40.0);
        assert!((discs[1].y + (121.0_f64 - 36.0).sqrt()).abs() < 1e-9, "{:?}", ys(&discs));
    }

    #[test]
    fn lanes_are_spread_apart_from_each_other() {
        let mut discs = [disc(0.0, 5.0), Disc { lane: 1, ..disc(0.0, 5.0) }];
        spread(&mut discs, 20.0);
        assert!(!moved(&discs));
    }

    #[test]
    fn a_crowded_band_shrinks_every_circle_then_squeezes_inside_it() {
        // Three at one moment need 3 × 20 + 2 px at full size; the band holds 40.
        let mut discs = [disc(0.0, 10.0), disc(0.0, 10.0), disc(0.0, 10.0), disc(100.0, 10.0)];
        let scale = spread(&mut discs, 20.0);
        assert!(scale < 1.0, "{scale}");
        assert_eq!(overlap(&discs, scale), None);
        assert!(discs.iter().all(|d| d.y.abs() + d.r * scale <= 20.0 + 1e-9), "{:?}", ys(&discs));
        // A thousand at one moment cannot fit: each stays inside the band all the same.
        let mut many = vec![disc(5.0, 10.0); 1000];
        let scale = spread(&mut many, 20.0);
        assert_eq!(scale, SCALES[SCALES.len() - 1]);
        assert!(many.iter().all(|d| d.y.abs() + d.r * scale <= 20.0 + 1e-9));
    }

    #[test]
    fn an_unbounded_band_keeps_full_size() {
        let mut discs = [disc(0.0, 5.0), disc(0.0, 5.0), disc(0.0, 5.0), Disc { lane: 2, ..disc(0.0, 3.0) }];
        assert_eq!(spread(&mut discs, f64::INFINITY), 1.0);
        assert_eq!(ys(&discs), [0.0, -11.0, 11.0, 0.0]);
    }

    #[test]
    fn nothing_finite_is_lost_to_odd_input() {
        let mut discs = [disc(f64::NAN, 5.0), disc(0.0, 5.0), disc(f64::INFINITY, 5.0), disc(0.0, 0.0)];
        spread(&mut discs, 10.0);
        assert!(discs.iter().all(|d| d.y.is_finite()));
    }
}
