//! Reading the ISO 8601 forms an event time may take, by fixed positions, without chrono's
//! format-string parser (with its strftime writer, replaced by [`super::date_label`], that
//! was about 53 KB of the wasm, 17 KB gzipped).
//!
//! Accepted, after trimming surrounding whitespace:
//!
//! - a date, `YYYY-MM-DD`;
//! - a date, a separator, `HH:MM:SS`, an optional fraction `.f…` (any number of digits, read
//!   to the nanosecond) and an offset `Z`, `z` or `±HH:MM` (RFC 3339; the separator is `T`,
//!   `t` or a space);
//! - a date, `T`, `HH:MM` or `HH:MM:SS` without a fraction, and an offset `Z`, `±HH:MM` or
//!   `±HHMM`.
//!
//! The minus of an offset may also be written as U+2212 (−). Seconds may be 60 (a leap
//! second), offsets run from −23:59 to +23:59, and dates must exist (`2018-02-30` does not).
//! A date-time that is well formed but has no offset (`T` then `HH:MM`, `HH:MM:SS` or
//! `HH:MM:SS.f…`; a space then `HH:MM` or `HH:MM:SS`) is [`TimeError::MissingOffset`], so the
//! error can say how to write it.

use chrono::{FixedOffset, NaiveDate, NaiveTime, TimeZone};

use super::time::{TimeError, TimeValue};

/// Nanoseconds per second, added to second 59 to write a leap second, as chrono does.
const LEAP_NANOS: u32 = 1_000_000_000;

/// What a fraction of `n` digits is multiplied by to give nanoseconds.
const SCALE: [u32; 10] = [0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

/// Reads `text` (surrounding whitespace already trimmed) as a date or a date-time with offset.
pub(crate) fn read(text: &str) -> Result<TimeValue, TimeError> {
    let bytes = text.as_bytes();
    let Some(date) = date(bytes) else {
        return Err(TimeError::Invalid);
    };
    let Some((&separator, rest)) = bytes.get(10..).and_then(<[u8]>::split_first) else {
        return Ok(TimeValue::Date(date));
    };
    let Some(clock) = Clock::read(rest) else {
        return Err(TimeError::Invalid);
    };
    let offset = Offset::read(clock.rest);
    let rfc3339 = matches!(separator, b'T' | b't' | b' ')
        && clock.has_seconds
        && matches!(offset.form, Some(OffsetForm::UpperZulu | OffsetForm::Zulu | OffsetForm::Colon));
    let short = separator == b'T'
        && !clock.has_fraction
        && matches!(offset.form, Some(OffsetForm::UpperZulu | OffsetForm::Colon | OffsetForm::Compact));
    if (rfc3339 || short) && offset.rest.is_empty() {
        let local = date.and_time(clock.time);
        return match offset.seconds.and_then(FixedOffset::east_opt) {
            Some(zone) => zone
                .from_local_datetime(&local)
                .single()
                .map(TimeValue::DateTime)
                .ok_or(TimeError::Invalid),
            None => Err(TimeError::Invalid),
        };
    }
    let missing_offset = clock.rest.is_empty()
        && match separator {
            b'T' => true,
            b' ' => !clock.has_fraction,
            _ => false,
        };
    Err(if missing_offset { TimeError::MissingOffset } else { TimeError::Invalid })
}

/// `YYYY-MM-DD` at the start of `bytes`, if it is there and names a real day in the years
/// 1 to 9999 (ISO 8601's year 0000, 1 BC, is no date a police operation has).
fn date(bytes: &[u8]) -> Option<NaiveDate> {
    let year = digits(bytes, 0, 4).filter(|y| *y > 0)?;
    let month = digits(bytes, 5, 2)?;
    let day = digits(bytes, 8, 2)?;
    if bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// The number written by the `count` ASCII digits at `at`, if they are all there.
fn digits(bytes: &[u8], at: usize, count: usize) -> Option<u32> {
    let field = bytes.get(at..at.checked_add(count)?)?;
    field.iter().try_fold(0u32, |n, &b| b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0')))
}

/// A time of day, `HH:MM[:SS[.f…]]`, and what follows it.
struct Clock<'a> {
    time: NaiveTime,
    has_seconds: bool,
    has_fraction: bool,
    rest: &'a [u8],
}

impl<'a> Clock<'a> {
    fn read(bytes: &'a [u8]) -> Option<Self> {
        let hour = digits(bytes, 0, 2)?;
        let minute = digits(bytes, 3, 2)?;
        if bytes.get(2) != Some(&b':') {
            return None;
        }
        let (second, has_seconds, mut rest) = match bytes.get(5) {
            Some(b':') => (digits(bytes, 6, 2)?, true, bytes.get(8..)?),
            _ => (0, false, bytes.get(5..)?),
        };
        let mut nanos = 0;
        let mut has_fraction = false;
        if has_seconds {
            if let Some((b'.', fraction)) = rest.split_first() {
                let count = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
                if count == 0 {
                    return None;
                }
                // Nanoseconds: the first nine digits; any further digits are ignored.
                let read = count.min(9);
                nanos = digits(fraction, 0, read)? * SCALE.get(read).copied().unwrap_or(0);
                has_fraction = true;
                rest = fraction.get(count..)?;
            }
        }
        let (second, nanos) = if second == 60 { (59, nanos + LEAP_NANOS) } else { (second, nanos) };
        let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
        Some(Self { time, has_seconds, has_fraction, rest })
    }
}

/// How an offset was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OffsetForm {
    /// `Z`.
    UpperZulu,
    /// `z`.
    Zulu,
    /// `+01:00`.
    Colon,
    /// `+0100`.
    Compact,
}

/// A UTC offset at the start of some bytes, and what follows it.
struct Offset<'a> {
    /// `None` when nothing there reads as an offset.
    form: Option<OffsetForm>,
    /// Seconds east of UTC (`None` when out of range or not an offset).
    seconds: Option<i32>,
    rest: &'a [u8],
}

impl<'a> Offset<'a> {
    fn read(bytes: &'a [u8]) -> Self {
        let none = Self { form: None, seconds: None, rest: bytes };
        let (sign, after_sign) = match bytes {
            [b'Z', rest @ ..] => return Self { form: Some(OffsetForm::UpperZulu), seconds: Some(0), rest },
            [b'z', rest @ ..] => return Self { form: Some(OffsetForm::Zulu), seconds: Some(0), rest },
            [b'+', rest @ ..] => (1, rest),
            // A hyphen-minus, or U+2212 MINUS SIGN (in UTF-8).
            [b'-', rest @ ..] | [0xE2, 0x88, 0x92, rest @ ..] => (-1, rest),
            _ => return none,
        };
        let Some(hours) = digits(after_sign, 0, 2) else {
            return none;
        };
        let (form, minutes_at) = if after_sign.get(2) == Some(&b':') {
            (OffsetForm::Colon, 3)
        } else {
            (OffsetForm::Compact, 2)
        };
        let (Some(minutes), Some(rest)) = (digits(after_sign, minutes_at, 2), after_sign.get(minutes_at + 2..))
        else {
            return none;
        };
        let in_range = hours < 24 && minutes < 60;
        let seconds = in_range.then(|| i32::try_from(hours * 3600 + minutes * 60).ok().map(|s| sign * s)).flatten();
        Self { form: Some(form), seconds, rest }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    //! The reader against the chrono-based parser it replaces, over a generated corpus.

    use chrono::{DateTime, NaiveDateTime};

    use super::*;

    fn at(text: &str) -> Option<DateTime<FixedOffset>> {
        match read(text) {
            Ok(TimeValue::DateTime(dt)) => Some(dt),
            _ => None,
        }
    }

    /// The parser this module replaces, kept here to compare against.
    fn legacy(text: &str) -> Result<TimeValue, TimeError> {
        if let Ok(dt) = DateTime::parse_from_rfc3339(text) {
            return Ok(TimeValue::DateTime(dt));
        }
        for format in ["%Y-%m-%dT%H:%M%:z", "%Y-%m-%dT%H:%M%z", "%Y-%m-%dT%H:%M:%S%z"] {
            let normalised = match text.strip_suffix('Z') {
                Some(rest) => format!("{rest}+00:00"),
                None => text.to_owned(),
            };
            if let Ok(dt) = DateTime::parse_from_str(&normalised, format) {
                return Ok(TimeValue::DateTime(dt));
            }
        }
        if text.len() == 10 {
            if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                return Ok(TimeValue::Date(d));
            }
        }
        for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"] {
            if NaiveDateTime::parse_from_str(text, format).is_ok() {
                return Err(TimeError::MissingOffset);
            }
        }
        Err(TimeError::Invalid)
    }

    // Parts of the corpus: well formed (fixed width) first, then chrono's leniencies.
    const DATES: &[&str] = &["2018-04-16", "2016-02-29", "2018-02-30", "2018-13-01", "2018-00-10", "0000-01-01", "9999-12-31"];
    const SEPARATORS: &[&str] = &["T", "t", " ", "", "_", "x"];
    const CLOCKS: &[&str] = &[
        "06:00", "06:00:00", "23:59:59", "06:00:00.5", "06:00:00.250", "06:00:00.123456789", "06:00:00.1234567891234",
        "06:00:60", "06:00:60.5", "24:00", "06:60", "06:00:61", "06:00:00.", "0600",
    ];
    const OFFSETS: &[&str] = &[
        "", "Z", "z", "+01:00", "-05:00", "+0100", "-0530", "\u{2212}05:00", "\u{2212}0500", "+00:00", "-00:00", "+23:59",
        "+24:00", "+01:60", "+01:99", "+01", "+1:00", "ZZ", "Z+01:00", "+01:00Z", "+01:00:00", "x",
    ];
    /// Forms chrono's format-string parser let through that are not ISO 8601 and that the
    /// published schema never allowed: fields of other widths, whitespace inside, signed years,
    /// and loose offset separators. They are now errors.
    const LENIENT: &[&str] = &[
        "2018- 4-16", "2018-04- 6", "+018-04-16", "18-04-16T06:00+01:00",
        "2018-4-16T06:00+01:00", "2018-04-16T6:00+01:00", "2018-04-16T06:0+01:00", "2018-04-16T 6:00+01:00",
        "2018-04-16T06:00 +01:00", "2018-04-16T06:00+01 00", "2018-04-16T06:00+01::00", "2018-04-16T06:00:00 Z",
        "+02018-04-16T06:00+01:00", "2018-04-16T06:00:5+01:00", "2018-04-16T06:00:0Z", "2018-04-16T06:00:0+0100",
    ];

    /// Every date, every date with each separator, clock and offset, and some odd ends.
    fn corpus() -> Vec<(String, bool)> {
        let mut texts: Vec<(String, bool)> = DATES.iter().map(|d| ((*d).to_owned(), false)).collect();
        for date in DATES {
            for separator in SEPARATORS {
                for clock in CLOCKS {
                    for offset in OFFSETS {
                        // A date run into a clock with no offset: chrono took some of these for a
                        // date-time missing its offset; both readers reject them all.
                        let run_together = separator.is_empty() && offset.is_empty();
                        texts.push((format!("{date}{separator}{clock}{offset}"), run_together));
                    }
                }
            }
        }
        let odd = ["", "2018", "2018-04", "2018-04-1", "2018-04-16T", "12/03/2018", "２０１８-04-16"];
        texts.extend(odd.map(|t| (t.to_owned(), false)));
        texts
    }

    #[test]
    fn reads_what_chrono_read_for_every_fixed_width_form() {
        let corpus = corpus();
        for (text, run_together) in &corpus {
            if *run_together {
                assert!(legacy(text).is_err() && read(text) == Err(TimeError::Invalid), "{text:?}");
            } else if text.starts_with("0000") {
                // Year 0 (1 BC), which chrono read, is refused now.
                assert!(read(text).is_err(), "{text:?}");
            } else {
                assert_eq!(read(text), legacy(text), "{text:?}");
            }
        }
        assert!(corpus.len() > 10_000);
    }

    #[test]
    fn no_longer_accepts_chronos_leniencies() {
        for text in LENIENT {
            assert!(legacy(text).is_ok(), "chrono rejected {text:?} after all");
            assert!(read(text).is_err(), "{text:?} is accepted");
        }
    }

    #[test]
    fn reads_offsets_fractions_and_leap_seconds() {
        let dt = at("2018-04-16T06:00:00.250-05:30").map(|dt| (dt.offset().local_minus_utc(), dt.naive_local()));
        let expected = NaiveDate::from_ymd_opt(2018, 4, 16).and_then(|d| d.and_hms_milli_opt(6, 0, 0, 250));
        assert_eq!(dt, expected.map(|e| (-(5 * 3600 + 30 * 60), e)));
        assert_eq!(at("2018-04-16T06:00\u{2212}0500").map(|dt| dt.offset().local_minus_utc()), Some(-5 * 3600));
        assert!(at("2016-12-31T23:59:60Z").is_some());
        assert_eq!(read("2018-04-16 06:00"), Err(TimeError::MissingOffset));
        assert_eq!(read("2018-04-16 06:00:00.5"), Err(TimeError::Invalid));
    }
}
