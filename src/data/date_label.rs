//! Dates and times for readers, in en-GB: "Mon 16 Apr 2018, 06:00", "Wed 18 Apr 2018",
//! "16 Apr", "Apr 2018", "06:00".
//!
//! A small writer for the few shapes the charts use, so the wasm carries no strftime
//! machinery. It gives exactly what chrono's `%a %-d %b %Y, %H:%M` (and its parts) gave.

use std::fmt::{self, Write as _};

use chrono::{Datelike, NaiveDateTime, Timelike};

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Which parts of a date and time a label shows. They are always written in the order
/// weekday, day, month, year, then the clock after a comma: "Mon 16 Apr 2018, 06:00".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateLabel {
    /// The short weekday name, "Mon".
    pub weekday: bool,
    /// The day of the month without padding, "6" or "16".
    pub day: bool,
    /// The short month name, "Apr".
    pub month: bool,
    /// The year: four digits ("2018", "0968"), or outside 0–9999 a sign and at least four
    /// ("-0044", "+10000"), as chrono's `%Y` writes it.
    pub year: bool,
    /// The 24-hour clock, "06:00".
    pub clock: bool,
}

impl DateLabel {
    /// "Mon 16 Apr 2018, 06:00": a moment, in full.
    pub const MOMENT: Self = Self { weekday: true, day: true, month: true, year: true, clock: true };
    /// "Mon 16 Apr 2018": a whole day, in full.
    pub const FULL_DATE: Self = Self { clock: false, ..Self::MOMENT };
    /// "Mon 16 Apr, 06:00".
    pub const WEEKDAY_DAY_MONTH_CLOCK: Self = Self { year: false, ..Self::MOMENT };
    /// "Mon 16 Apr".
    pub const WEEKDAY_DAY_MONTH: Self = Self { year: false, clock: false, ..Self::MOMENT };
    /// "Mon 16".
    pub const WEEKDAY_DAY: Self = Self { month: false, ..Self::WEEKDAY_DAY_MONTH };
    /// "16 Apr".
    pub const DAY_MONTH: Self = Self { weekday: false, ..Self::WEEKDAY_DAY_MONTH };
    /// "16".
    pub const DAY: Self = Self { month: false, ..Self::DAY_MONTH };
    /// "Apr 2018".
    pub const MONTH_YEAR: Self = Self { weekday: false, day: false, month: true, year: true, clock: false };
    /// "2018".
    pub const YEAR: Self = Self { month: false, ..Self::MONTH_YEAR };
    /// "06:00".
    pub const CLOCK: Self = Self { weekday: false, day: false, month: false, year: false, clock: true };

    /// `at` written with these parts.
    pub fn format(self, at: NaiveDateTime) -> String {
        let date = at.date();
        let mut out = String::with_capacity(24);
        if self.weekday {
            let name = WEEKDAYS.get(date.weekday().num_days_from_monday() as usize).copied().unwrap_or("");
            word(&mut out, format_args!("{name}"));
        }
        if self.day {
            word(&mut out, format_args!("{}", date.day()));
        }
        if self.month {
            word(&mut out, format_args!("{}", MONTHS.get(date.month0() as usize).copied().unwrap_or("")));
        }
        if self.year {
            let year = date.year();
            if (0..10_000).contains(&year) {
                word(&mut out, format_args!("{year:04}"));
            } else {
                word(&mut out, format_args!("{year:+05}"));
            }
        }
        if self.clock {
            if !out.is_empty() {
                out.push_str(", ");
            }
            let _ = write!(out, "{:02}:{:02}", at.hour(), at.minute());
        }
        out
    }
}

/// Appends `text` to `out`, after a space unless it is the first word.
fn word(out: &mut String, text: fmt::Arguments<'_>) {
    if !out.is_empty() {
        out.push(' ');
    }
    let _ = out.write_fmt(text);
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use chrono::{DateTime, NaiveDate};

    use super::*;

    /// Each preset against the chrono pattern it replaces.
    const PRESETS: [(DateLabel, &str); 10] = [
        (DateLabel::MOMENT, "%a %-d %b %Y, %H:%M"),
        (DateLabel::FULL_DATE, "%a %-d %b %Y"),
        (DateLabel::WEEKDAY_DAY_MONTH_CLOCK, "%a %-d %b, %H:%M"),
        (DateLabel::WEEKDAY_DAY_MONTH, "%a %-d %b"),
        (DateLabel::WEEKDAY_DAY, "%a %-d"),
        (DateLabel::DAY_MONTH, "%-d %b"),
        (DateLabel::DAY, "%-d"),
        (DateLabel::MONTH_YEAR, "%b %Y"),
        (DateLabel::YEAR, "%Y"),
        (DateLabel::CLOCK, "%H:%M"),
    ];

    #[test]
    fn writes_en_gb_labels() {
        let at = NaiveDate::from_ymd_opt(2018, 4, 16).and_then(|d| d.and_hms_opt(6, 0, 0)).unwrap();
        assert_eq!(DateLabel::MOMENT.format(at), "Mon 16 Apr 2018, 06:00");
        assert_eq!(DateLabel::FULL_DATE.format(at), "Mon 16 Apr 2018");
        assert_eq!(DateLabel::CLOCK.format(at), "06:00");
        assert_eq!(DateLabel::MONTH_YEAR.format(at), "Apr 2018");
    }

    #[test]
    fn matches_chronos_strftime_across_the_axis_range() {
        // Every 10,007,777 seconds (about 116 days, at a drifting time of day) across the
        // range a time axis can show, and around the year 0 and 10,000 edges.
        let mut seconds = -1e11 as i64;
        let mut checked = 0;
        while seconds <= 2.6e11 as i64 {
            let at = DateTime::from_timestamp(seconds, 0).map(|d| d.naive_utc()).unwrap();
            for (label, pattern) in PRESETS {
                assert_eq!(label.format(at), at.format(pattern).to_string(), "{pattern} at {seconds}");
            }
            seconds += 10_007_777;
            checked += 1;
        }
        assert!(checked > 30_000);
        for (y, m, d) in [(-1, 12, 31), (0, 1, 1), (9, 3, 5), (999, 7, 7), (9999, 12, 31), (10_000, 1, 1)] {
            let at = NaiveDate::from_ymd_opt(y, m, d).and_then(|d| d.and_hms_opt(23, 59, 59)).unwrap();
            for (label, pattern) in PRESETS {
                assert_eq!(label.format(at), at.format(pattern).to_string(), "{pattern} in {y}");
            }
        }
    }
}
