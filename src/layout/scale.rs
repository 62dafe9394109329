//! Linear scales for counts, with round-number ticks. Every domain is normalised before use:
//! empty, single-value, reversed and non-finite input all give a usable, increasing range.

/// A linear map from a domain of values to a range of CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearScale {
    /// The domain start (always below `d1`).
    pub d0: f64,
    /// The domain end.
    pub d1: f64,
    /// The pixel where `d0` lands.
    pub r0: f64,
    /// The pixel where `d1` lands.
    pub r1: f64,
}

impl LinearScale {
    /// A scale from `[d0, d1]` onto `[r0, r1]`, with the domain normalised: non-finite ends
    /// become 0 and 1, a reversed domain is swapped, an empty one is widened.
    pub fn new(d0: f64, d1: f64, r0: f64, r1: f64) -> Self {
        let (d0, d1) = normalise(d0, d1);
        let r0 = if r0.is_finite() { r0 } else { 0.0 };
        let r1 = if r1.is_finite() { r1 } else { r0 };
        Self { d0, d1, r0, r1 }
    }

    /// The pixel for value `v`.
    pub fn px(&self, v: f64) -> f64 {
        self.r0 + (v - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
    }
}

/// Makes `[a, b]` finite, increasing and non-empty.
pub fn normalise(a: f64, b: f64) -> (f64, f64) {
    let a = if a.is_finite() { a } else { 0.0 };
    let b = if b.is_finite() { b } else { a + 1.0 };
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    if hi - lo > f64::EPSILON * hi.abs().max(1.0) {
        (lo, hi)
    } else if lo == 0.0 {
        (0.0, 1.0)
    } else {
        let pad = lo.abs() * 0.5;
        (lo - pad, hi + pad)
    }
}

/// Round-number ticks for a count axis that starts at zero: the domain end is raised to a
/// tick, steps are 1, 2 or 5 × 10ⁿ and whole numbers, and there are at most `most` + 1 ticks.
pub fn count_ticks(max: f64, most: usize) -> (f64, Vec<f64>) {
    let (_, max) = normalise(0.0, max.max(0.0));
    let most = most.max(1) as f64;
    let rough = max / most;
    let magnitude = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * magnitude)
        .max(1.0)
        .round();
    let top = (max / step).ceil() * step;
    let n = (top / step).round() as usize;
    let ticks = (0..=n).map(|i| i as f64 * step).collect();
    (top, ticks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_empty_single_reversed_and_non_finite_domains() {
        assert_eq!(normalise(0.0, 0.0), (0.0, 1.0));
        assert_eq!(normalise(5.0, 5.0), (2.5, 7.5));
        assert_eq!(normalise(10.0, 2.0), (2.0, 10.0));
        assert_eq!(normalise(f64::NAN, f64::INFINITY), (0.0, 1.0));
        let s = LinearScale::new(3.0, 3.0, 0.0, 100.0);
        assert!(s.px(3.0).is_finite());
    }

    #[test]
    fn count_ticks_land_on_round_numbers() {
        assert_eq!(count_ticks(33.0, 5), (40.0, vec![0.0, 10.0, 20.0, 30.0, 40.0]));
        assert_eq!(count_ticks(17.0, 5), (20.0, vec![0.0, 5.0, 10.0, 15.0, 20.0]));
        assert_eq!(count_ticks(1.0, 5), (1.0, vec![0.0, 1.0]));
        assert_eq!(count_ticks(0.0, 5), (1.0, vec![0.0, 1.0]));
        assert_eq!(count_ticks(1250.0, 4).0, 1500.0);
        let (_, t) = count_ticks(3.0, 5);
        assert!(t.iter().all(|v| v.fract() == 0.0), "people come in whole numbers: {t:?}");
    }

    #[test]
    fn maps_values_to_pixels() {
        let s = LinearScale::new(0.0, 40.0, 300.0, 100.0);
        assert_eq!(s.px(0.0), 300.0);
        assert_eq!(s.px(40.0), 100.0);
        assert_eq!(s.px(20.0), 200.0);
    }
}
