//! How an event time is usually written: `2018-04-16`, `2018-04-16T05:00:00Z` or
//! `2018-04-16T06:00:00+01:00`. A time written exactly so need not keep its text: it is
//! written again from its value when asked for, which saves a string for nearly every event
//! of a large document. Written any other way (no seconds, a fraction, `+00:00`, spaces), the
//! text is kept as it came.

use chrono::{Datelike, Timelike};

use super::time::TimeValue;

/// The longest usual form, `2018-04-16T06:00:00+01:00`.
const LONGEST: usize = 25;

/// A usual form being written, on the stack.
struct Out {
    buf: [u8; LONGEST],
    len: usize,
}

impl Out {
    fn byte(&mut self, b: u8) {
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = b;
        }
        self.len += 1;
    }

    /// `n` in `width` digits, zero-padded.
    fn number(&mut self, n: u32, width: usize) {
        let end = self.len + width;
        let mut rest = n;
        // The digits from the last: one division each.
        for at in (self.len..end).rev() {
            if let Some(slot) = self.buf.get_mut(at) {
                *slot = b'0' + (rest % 10) as u8;
            }
            rest /= 10;
        }
        self.len = end;
    }

    fn bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or_default()
    }
}

/// `value` in its usual form; `None` for a value no usual form holds (a fraction of a second,
/// a leap second, an offset with seconds, a year outside 1–9999).
fn write(value: TimeValue) -> Option<Out> {
    let mut out = Out { buf: [0; LONGEST], len: 0 };
    let date = match value {
        TimeValue::Date(d) => d,
        TimeValue::DateTime(dt) => dt.naive_local().date(),
    };
    let year = u32::try_from(date.year()).ok().filter(|y| (1..=9999).contains(y))?;
    out.number(year, 4);
    out.byte(b'-');
    out.number(date.month(), 2);
    out.byte(b'-');
    out.number(date.day(), 2);
    let TimeValue::DateTime(dt) = value else {
        return Some(out);
    };
    let clock = dt.naive_local().time();
    if clock.nanosecond() != 0 {
        return None;
    }
    out.byte(b'T');
    out.number(clock.hour(), 2);
    out.byte(b':');
    out.number(clock.minute(), 2);
    out.byte(b':');
    out.number(clock.second(), 2);
    let offset = dt.offset().local_minus_utc();
    if offset == 0 {
        out.byte(b'Z');
    } else if offset % 60 == 0 {
        out.byte(if offset < 0 { b'-' } else { b'+' });
        let minutes = offset.unsigned_abs() / 60;
        out.number(minutes / 60, 2);
        out.byte(b':');
        out.number(minutes % 60, 2);
    } else {
        return None;
    }
    Some(out)
}

/// True when `text` is exactly the usual form of `value`.
pub(super) fn is_usual(text: &str, value: TimeValue) -> bool {
    write(value).is_some_and(|out| out.bytes() == text.as_bytes())
}

/// The usual form of `value` (empty for a value that has none: such a time keeps its text).
pub(super) fn to_string(value: TimeValue) -> String {
    write(value).and_then(|out| std::str::from_utf8(out.bytes()).ok().map(str::to_owned)).unwrap_or_default()
}
