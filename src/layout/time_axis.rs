//! A time axis with readable en-GB ticks: hours ("06:00") for a day or so, days
//! ("Mon 16 Apr") for longer spans, thinned until the labels fit.

use chrono::DateTime;

use super::measure::TextMeasure;
use crate::data::date_label::DateLabel;

const HOUR: f64 = 3600.0;
const DAY: f64 = 86_400.0;
/// A day before 0000-01-01T00:00Z, in seconds since 1970: before any time a document can write.
const EARLIEST: f64 = -62_167_219_200.0 - DAY;
/// A day after 10000-01-01T00:00Z: after any time a document can write.
const LATEST: f64 = 253_402_300_800.0 + DAY;

/// One tick on a time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeTick {
    /// Where the grid line goes, in axis seconds.
    pub seconds: f64,
    /// The label, if this tick has one.
    pub label: Option<String>,
    /// Where the label is centred, in axis seconds (the middle of the day for day bands).
    pub label_seconds: f64,
}

/// The domain and ticks of a time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeAxis {
    /// The domain start, in axis seconds.
    pub start: f64,
    /// The domain end, in axis seconds (always after `start`).
    pub end: f64,
    /// The ticks, in order.
    pub ticks: Vec<TimeTick>,
}

impl TimeAxis {
    /// An axis covering `[first, last]` (any order, possibly equal) across `width` CSS px,
    /// with labels of `size` px measured by `measure` so that they never overlap. When every
    /// time is a whole day (`whole_days`), the axis shows days, never invented hours.
    pub fn new(first: f64, last: f64, width: f64, size: f64, measure: &dyn TextMeasure, whole_days: bool) -> Self {
        let (first, last) = ordered(first, last);
        if whole_days || last - first > 1.5 * DAY {
            days(first, last, width, size, measure)
        } else {
            hours(first, last, width, size, measure)
        }
    }
}

fn ordered(a: f64, b: f64) -> (f64, f64) {
    let a = if a.is_finite() { a } else { 0.0 };
    let b = if b.is_finite() { b } else { a };
    // Keep far from chrono's limits, but take in every time a document can write (years 0 to
    // 9999, on any clock): an axis shorter than its data drew marks off the chart.
    let clamp = |v: f64| v.clamp(EARLIEST, LATEST);
    if a <= b { (clamp(a), clamp(b)) } else { (clamp(b), clamp(a)) }
}

fn fmt(seconds: f64, parts: DateLabel) -> String {
    DateTime::from_timestamp(seconds as i64, 0).map(|d| parts.format(d.naive_utc())).unwrap_or_default()
}

/// Whether `labels` (centred at their axis seconds, on an axis from `start` that is `width` px
/// wide) leave a gap between each pair, each no wider than the axis. A label that would stick
/// out of either end is drawn shifted inside the axis (`time_grid` in layout/mod.rs), so it is
/// measured there too.
fn fits(labels: &[(f64, String)], start: f64, width: f64, px_per_second: f64, size: f64, measure: &dyn TextMeasure) -> bool {
    let gap = size * 0.8;
    let mut too_wide = false;
    let placed: Vec<(f64, f64)> = labels
        .iter()
        .map(|(s, label)| {
            let w = measure.width(label, size, false);
            too_wide |= w > width;
            (((s - start) * px_per_second).clamp(w / 2.0, (width - w / 2.0).max(w / 2.0)), w)
        })
        .collect();
    !too_wide && placed.windows(2).all(|pair| match pair {
        [(a, wa), (b, wb)] => b - a >= (wa + wb) / 2.0 + gap,
        _ => true,
    })
}

fn hours(first: f64, last: f64, width: f64, size: f64, measure: &dyn TextMeasure) -> TimeAxis {
    let steps = [1.0, 2.0, 3.0, 6.0, 12.0, 24.0].map(|h| h * HOUR);
    let mut chosen = None;
    for step in steps {
        let start = ((first - HOUR / 2.0) / step).floor() * step;
        let end = (((last + HOUR / 2.0) / step).ceil() * step).max(start + step);
        let px = width.max(1.0) / (end - start);
        let n = ((end - start) / step).round() as usize;
        let mut labels: Vec<(f64, String)> = (0..=n)
            .map(|i| start + i as f64 * step)
            .map(|s| (s, hour_label(s)))
            .collect();
        // Hours alone do not say which day: without a midnight tick, the first one does.
        if !labels.iter().any(|(s, _)| s.rem_euclid(DAY) == 0.0) {
            if let Some((s, label)) = labels.first_mut() {
                *label = fmt(*s, DateLabel::WEEKDAY_DAY_MONTH_CLOCK);
            }
        }
        let axis = TimeAxis {
            start,
            end,
            ticks: labels
                .iter()
                .map(|(s, l)| TimeTick { seconds: *s, label: Some(l.clone()), label_seconds: *s })
                .collect(),
        };
        let ok = fits(&labels, start, width, px, size, measure);
        chosen = Some(axis);
        if ok {
            break;
        }
    }
    chosen.unwrap_or(TimeAxis { start: first, end: first + DAY, ticks: Vec::new() })
}

fn hour_label(seconds: f64) -> String {
    if seconds.rem_euclid(DAY) == 0.0 { fmt(seconds, DateLabel::WEEKDAY_DAY_MONTH) } else { fmt(seconds, DateLabel::CLOCK) }
}

fn days(first: f64, last: f64, width: f64, size: f64, measure: &dyn TextMeasure) -> TimeAxis {
    let start = (first / DAY).floor() * DAY;
    let end = ((last / DAY).floor() + 1.0) * DAY;
    let n_days = ((end - start) / DAY).round() as usize;
    let px = width.max(1.0) / (end - start);
    // Whole-day bands, labelled in the middle, with the longest label that fits. A label
    // needs some pixels, so spans with more days than that skip straight to thinning, and no
    // span makes more labels than the axis has pixels.
    let room = (width / 4.0).max(2.0);
    // Shortened labels keep the month on the first day, so the axis still says when.
    let patterns = [
        (DateLabel::WEEKDAY_DAY_MONTH, DateLabel::WEEKDAY_DAY_MONTH),
        (DateLabel::WEEKDAY_DAY, DateLabel::WEEKDAY_DAY_MONTH),
        (DateLabel::DAY, DateLabel::DAY_MONTH),
    ];
    for (pattern, first) in patterns.into_iter().filter(|_| (n_days as f64) <= room) {
        let labels: Vec<(f64, String)> = (0..n_days)
            .map(|i| start + i as f64 * DAY)
            .map(|s| (s + DAY / 2.0, fmt(s, if s == start { first } else { pattern })))
            .collect();
        if fits(&labels, start, width, px, size, measure) {
            let mut ticks: Vec<TimeTick> = labels
                .into_iter()
                .map(|(mid, label)| TimeTick { seconds: mid - DAY / 2.0, label: Some(label), label_seconds: mid })
                .collect();
            ticks.push(TimeTick { seconds: end, label: None, label_seconds: end });
            return TimeAxis { start, end, ticks };
        }
    }
    // Longer spans: a labelled tick every k days, on the tick.
    let long = (end - start) > 300.0 * DAY;
    let pattern = if long { DateLabel::MONTH_YEAR } else { DateLabel::DAY_MONTH };
    let mut ticks = Vec::new();
    const STEPS: [u32; 15] = [2, 7, 14, 28, 56, 91, 182, 364, 728, 1826, 3652, 9131, 18262, 36525, 91312];
    for k in STEPS {
        let pattern = if k >= 728 { DateLabel::YEAR } else { pattern };
        let step = f64::from(k) * DAY;
        // Weeks start on Mondays: 1970-01-01 was a Thursday.
        let anchor = if k % 7 == 0 { 4.0 * DAY } else { 0.0 };
        let first_tick = ((start - anchor) / step).ceil() * step + anchor;
        let n = ((end - first_tick) / step).floor().max(0.0);
        if n > room && Some(&k) != STEPS.last() {
            continue;
        }
        let n = n.min(room) as usize;
        // A step longer than the span can put its first tick past the end: no tick then.
        if first_tick > end {
            ticks.clear();
            break;
        }
        let labels: Vec<(f64, String)> = (0..=n)
            .map(|i| first_tick + i as f64 * step)
            .map(|s| (s, fmt(s, pattern)))
            .collect();
        ticks = labels
            .iter()
            .map(|(s, l)| TimeTick { seconds: *s, label: Some(l.clone()), label_seconds: *s })
            .collect();
        if fits(&labels, start, width, px, size, measure) {
            break;
        }
    }
    TimeAxis { start, end, ticks }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::measure::FixedWidths;

    fn at(text: &str) -> f64 {
        crate::data::EventTime::parse(text).map(|t| t.axis_seconds(3600)).unwrap_or(f64::NAN)
    }

    fn labels(axis: &TimeAxis) -> Vec<String> {
        axis.ticks.iter().filter_map(|t| t.label.clone()).collect()
    }

    #[test]
    fn four_days_get_one_band_per_day() {
        let a = TimeAxis::new(at("2018-04-16T06:00:00+01:00"), at("2018-04-19T15:00:00+01:00"), 600.0, 12.0, &FixedWidths, false);
        assert_eq!(labels(&a), ["Mon 16 Apr", "Tue 17 Apr", "Wed 18 Apr", "Thu 19 Apr"]);
        assert_eq!(a.start, at("2018-04-16T00:00:00+01:00"));
        assert_eq!(a.end, at("2018-04-20T00:00:00+01:00"));
    }

    #[test]
    fn narrow_axes_shorten_day_labels() {
        let a = TimeAxis::new(at("2018-04-16T06:00:00+01:00"), at("2018-04-19T15:00:00+01:00"), 180.0, 12.0, &FixedWidths, false);
        assert_eq!(labels(&a), ["16 Apr", "17", "18", "19"]);
    }

    #[test]
    fn whole_days_never_get_hours() {
        let t = at("2018-04-18");
        let a = TimeAxis::new(t, t, 500.0, 12.0, &FixedWidths, true);
        assert_eq!(labels(&a), ["Wed 18 Apr"]);
    }

    #[test]
    fn a_morning_gets_hour_ticks() {
        let a = TimeAxis::new(at("2018-04-16T06:00:00+01:00"), at("2018-04-16T09:30:00+01:00"), 500.0, 12.0, &FixedWidths, false);
        let l = labels(&a);
        assert!(l.contains(&"06:00".to_owned()), "{l:?}");
        assert!(l.first().is_some_and(|f| f.starts_with("Mon 16 Apr, ")), "the first tick names the day: {l:?}");
        assert!(a.start <= at("2018-04-16T06:00:00+01:00") && a.end >= at("2018-04-16T09:30:00+01:00"));
    }

    #[test]
    fn labels_shifted_inside_the_axis_still_leave_a_gap() {
        // A day apart (the hostile-text fixture's raids): the first label names the day, and
        // centred on the axis's start it would stick out, so it is drawn shifted inside
        // (layout::time_grid); shifted, it must still clear the label after it.
        let (a, b) = (at("2023-02-01T06:00:00Z"), at("2023-02-02T06:00:00Z"));
        for width in (200..=800).step_by(3) {
            let w = f64::from(width);
            let axis = TimeAxis::new(a, b, w, 12.0, &FixedWidths, false);
            let px = w / (axis.end - axis.start);
            let drawn: Vec<(f64, f64)> = axis
                .ticks
                .iter()
                .filter_map(|t| {
                    let lw = FixedWidths.width(t.label.as_deref()?, 12.0, false);
                    let c = ((t.label_seconds - axis.start) * px).clamp(lw / 2.0, (w - lw / 2.0).max(lw / 2.0));
                    Some((c - lw / 2.0, c + lw / 2.0))
                })
                .collect();
            assert!(drawn.windows(2).all(|p| p[0].1 < p[1].0), "at {width} px: {:?} {drawn:?}", labels(&axis));
        }
    }

    #[test]
    fn single_reversed_and_non_finite_input_give_a_usable_axis() {
        let t = at("2018-04-16T06:00:00+01:00");
        for axis in [
            TimeAxis::new(t, t, 400.0, 12.0, &FixedWidths, false),
            TimeAxis::new(t + 5.0 * DAY, t, 400.0, 12.0, &FixedWidths, false),
            TimeAxis::new(f64::NAN, f64::INFINITY, 400.0, 12.0, &FixedWidths, false),
            TimeAxis::new(t, t + 4000.0 * DAY, 300.0, 12.0, &FixedWidths, false),
            TimeAxis::new(-6e10, 2.5e11, 1200.0, 12.0, &FixedWidths, false),
        ] {
            assert!(axis.end > axis.start, "{axis:?}");
            assert!(!axis.ticks.is_empty());
            assert!(axis.ticks.len() < 60, "{}", axis.ticks.len());
        }
    }
}
