//! Spreading a lane's circles up and down so that none covers another: a dodge, after the
//! idea of Observable Plot's `dodgeY` with its middle anchor.
//!
//! Every circle keeps its exact x (its time). Circles are placed left to right; each goes to
//! the free position nearest the lane's centre line, where it touches no circle already placed
//! (with [`PADDING`] between them), above or below the line, whichever is nearer (on a tie,
//! alternately above and below). A circle is only compared with the circles placed within
//! reach of it on x, found by a binary search in the placed ones (kept in x order), so a lane
//! of n circles costs about n log n unless many circles pile up at one moment.
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

/// A circle to place: its exact x and its radius, CSS px, and its lane.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Disc {
    /// Its centre's x, never moved.
    pub x: f64,
    /// Its radius at full size.
    pub r: f64,
    /// Its lane: circles are only spread among those of the same lane.
    pub lane: usize,
}

/// Where [`spread`] put the circles.
#[derive(Debug, Clone, PartialEq)]
pub struct Spread {
    /// The factor every radius was scaled by (1 when all fit at full size).
    pub scale: f64,
    /// Each circle's offset from its lane's centre line, CSS px (negative is up), in the order
    /// of the discs given.
    pub offsets: Vec<f64>,
}

impl Spread {
    /// True when some circle was moved off its lane's centre line.
    pub fn moved(&self) -> bool {
        self.offsets.iter().any(|y| *y != 0.0)
    }
}

/// Places `discs` in lanes whose bands reach `half` CSS px above and below their centre lines:
/// at full size if every lane has room, else at the first of [`SCALES`] at which all fit, else
/// at the last, with the circles that find no room put at the nearest place in the band.
pub fn spread(discs: &[Disc], half: f64) -> Spread {
    let lanes = by_lane(discs);
    let mut offsets = vec![0.0; discs.len()];
    for scale in SCALES {
        if lanes.iter().all(|lane| place(discs, lane, scale, half, Overflow::Give, &mut offsets)) {
            return Spread { scale, offsets };
        }
    }
    let scale = SCALES[SCALES.len() - 1];
    for lane in &lanes {
        place(discs, lane, scale, half, Overflow::Squeeze, &mut offsets);
    }
    Spread { scale, offsets }
}

/// How far above and below its centre line each lane would reach if its band had no limit, at
/// full size: the furthest edge of any of its circles, CSS px; 0 for a lane with no circles.
pub fn reach(discs: &[Disc], lanes: usize) -> Vec<f64> {
    let mut offsets = vec![0.0; discs.len()];
    let mut out = vec![0.0_f64; lanes];
    for lane in by_lane(discs) {
        place(discs, &lane, 1.0, f64::INFINITY, Overflow::Give, &mut offsets);
        for i in lane {
            let (Some(d), Some(y)) = (discs.get(i), offsets.get(i)) else { continue };
            if let Some(r) = out.get_mut(d.lane) {
                *r = r.max(y.abs() + d.r);
            }
        }
    }
    out
}

/// What to do with a circle that finds no free place in its band.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Overflow {
    /// Stop: the lane does not fit.
    Give,
    /// Put it at the nearest place inside the band, over others.
    Squeeze,
}

/// The discs' positions grouped by lane, each lane in x order (then the order given).
fn by_lane(discs: &[Disc]) -> Vec<Vec<usize>> {
    let mut sorted: Vec<(f64, u32)> = discs.iter().enumerate().map(|(i, d)| (d.x, order::index(i))).collect();
    order::by_key(&mut sorted);
    let mut lanes: Vec<Vec<usize>> = Vec::new();
    for (_, i) in sorted {
        let i = i as usize;
        let Some(d) = discs.get(i) else { continue };
        if lanes.len() <= d.lane {
            lanes.resize_with(d.lane + 1, Vec::new);
        }
        if let Some(lane) = lanes.get_mut(d.lane) {
            lane.push(i);
        }
    }
    lanes
}

/// Places one lane's discs (positions into `discs`, in x order) at `scale`, writing their
/// offsets; false when one found no room and `overflow` is [`Overflow::Give`].
fn place(discs: &[Disc], lane: &[usize], scale: f64, half: f64, overflow: Overflow, offsets: &mut [f64]) -> bool {
    // The placed discs, in x order: (x, radius, offset).
    let mut placed: Vec<(f64, f64, f64)> = Vec::with_capacity(lane.len());
    let mut r_max = 0.0_f64;
    let mut blocked: Vec<(f64, u32)> = Vec::new();
    let mut ends: Vec<f64> = Vec::new();
    let mut above_next = true;
    for &i in lane {
        let Some(d) = discs.get(i) else { continue };
        let r = d.r * scale;
        let room = (half - r).max(0.0);
        // Only discs within reach on x can touch this one.
        let from = placed.partition_point(|(x, _, _)| *x < d.x - (r + r_max + PADDING));
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
        let y = match (fits(up), fits(down)) {
            (true, true) if (up.abs() - down.abs()).abs() < 1e-9 && up != down => {
                above_next = !above_next;
                if above_next { down } else { up }
            }
            (true, true) => if up.abs() < down.abs() { up } else { down },
            (true, false) => up,
            (false, true) => down,
            (false, false) => match overflow {
                Overflow::Give => return false,
                Overflow::Squeeze => (if up.abs() <= down.abs() { up } else { down }).clamp(-room, room),
            },
        };
        if let Some(o) = offsets.get_mut(i) {
            *o = y;
        }
        r_max = r_max.max(r);
        // Placed in x order, so `placed` stays sorted by x.
        placed.push((d.x, r, y));
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
        Disc { x, r, lane: 0 }
    }

    fn overlap(discs: &[Disc], s: &Spread) -> Option<(usize, usize)> {
        for (i, a) in discs.iter().enumerate() {
            for (j, b) in discs.iter().enumerate().skip(i + 1) {
                if a.lane != b.lane {
                    continue;
                }
                let dy = s.offsets[i] - s.offsets[j];
                let gap = (a.r + b.r) * s.scale;
                if (a.x - b.x).hypot(dy) < gap - 1e-6 {
                    return Some((i, j));
                }
            }
        }
        None
    }

    #[test]
    fn circles_apart_stay_on_the_line() {
        let discs = [disc(0.0, 5.0), disc(20.0, 5.0), disc(40.0, 8.0)];
        let s = spread(&discs, 20.0);
        assert_eq!(s, Spread { scale: 1.0, offsets: vec![0.0; 3] });
        assert!(!s.moved());
    }

    #[test]
    fn circles_at_one_moment_alternate_above_and_below() {
        let discs = [disc(10.0, 5.0), disc(10.0, 5.0), disc(10.0, 5.0), disc(10.0, 5.0), disc(10.0, 5.0)];
        let s = spread(&discs, 40.0);
        assert_eq!(s.scale, 1.0);
        assert_eq!(s.offsets, vec![0.0, -11.0, 11.0, 22.0, -22.0]);
        assert!(s.moved());
        assert_eq!(overlap(&discs, &s), None);
    }

    #[test]
    fn a_circle_slides_in_beside_a_near_one() {
        // 6 px apart on x, radii 5 and 1 px of padding: 11 px between centres, so 9.22 px up.
        let discs = [disc(0.0, 5.0), disc(6.0, 5.0)];
        let s = spread(&discs, 40.0);
        assert!((s.offsets[1] + (121.0_f64 - 36.0).sqrt()).abs() < 1e-9, "{:?}", s.offsets);
    }

    #[test]
    fn lanes_are_spread_apart_from_each_other() {
        let discs = [Disc { x: 0.0, r: 5.0, lane: 0 }, Disc { x: 0.0, r: 5.0, lane: 1 }];
        assert!(!spread(&discs, 20.0).moved());
    }

    #[test]
    fn a_crowded_band_shrinks_every_circle_then_squeezes_inside_it() {
        // Three at one moment need 3 × 20 + 2 px at full size; the band holds 40.
        let discs = [disc(0.0, 10.0), disc(0.0, 10.0), disc(0.0, 10.0), disc(100.0, 10.0)];
        let s = spread(&discs, 20.0);
        assert!(s.scale < 1.0, "{}", s.scale);
        assert_eq!(overlap(&discs, &s), None);
        for (d, y) in discs.iter().zip(&s.offsets) {
            assert!(y.abs() + d.r * s.scale <= 20.0 + 1e-9, "{y}");
        }
        // A thousand at one moment cannot fit: each stays inside the band all the same.
        let many = vec![disc(5.0, 10.0); 1000];
        let s = spread(&many, 20.0);
        assert_eq!(s.scale, SCALES[SCALES.len() - 1]);
        assert!(s.offsets.iter().all(|y| y.abs() + 10.0 * s.scale <= 20.0 + 1e-9));
    }

    #[test]
    fn reach_is_how_far_a_lane_would_spread_unbounded() {
        let discs = [disc(0.0, 5.0), disc(0.0, 5.0), disc(0.0, 5.0), Disc { x: 0.0, r: 3.0, lane: 2 }];
        assert_eq!(reach(&discs, 3), vec![16.0, 0.0, 3.0]);
    }

    #[test]
    fn nothing_finite_is_lost_to_odd_input() {
        let discs = [disc(f64::NAN, 5.0), disc(0.0, 5.0), disc(f64::INFINITY, 5.0), disc(0.0, 0.0)];
        let s = spread(&discs, 10.0);
        assert_eq!(s.offsets.len(), 4);
        assert!(s.offsets.iter().all(|y| y.is_finite()));
    }
}
