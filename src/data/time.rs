//! Event times: an ISO 8601 date (the whole day) or a date-time with a UTC offset.
//!
//! Each time is read once, by a small fixed-position ISO 8601 reader (chrono's types keep the
//! calendar: which days exist, and the arithmetic), and is shown in the local time *as
//! written* by [`DateLabel`], so neither a time-zone database nor strftime machinery is
//! needed. For placing events on one axis, every time is converted to a single reference
//! offset chosen by [`crate::derive`].

use std::borrow::Cow;
use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::date_label::DateLabel;
use super::iso8601;
use super::limits;
use super::messages;
use super::usual_time;

/// Why a time string could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeError {
    /// A date-time with no UTC offset, e.g. `2018-04-16T06:00:00`.
    MissingOffset,
    /// Not an ISO 8601 date or date-time at all.
    Invalid,
}

/// The parsed value of an event time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeValue {
    /// A whole day, with no time or offset.
    Date(NaiveDate),
    /// A moment, with the offset it was written in.
    DateTime(DateTime<FixedOffset>),
}

/// An event time: its parsed value, and the text as written when that is not the usual form
/// (see [`usual_time`]), which most times in a large document are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventTime {
    /// The text as written; `None` when it is the usual form of `value`.
    text: Option<Box<str>>,
    value: TimeValue,
}

/// Where a whole-day event sits on a time axis: midday, the middle of the day it names.
const WHOLE_DAY_POSITION: NaiveTime = match NaiveTime::from_hms_opt(12, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

impl EventTime {
    /// Parses an ISO 8601 date (`2018-04-16`) or a date-time with offset
    /// (`2018-04-16T06:00:00+01:00`, `2018-04-16T06:00:00.5Z`, `2018-04-16T06:00+0100`),
    /// ignoring surrounding whitespace. Fields have fixed widths and dates must exist.
    pub fn parse(text: &str) -> Result<Self, TimeError> {
        let value = iso8601::read(text.trim())?;
        Ok(Self::kept(text.to_owned(), value))
    }

    /// A time read from `text`, keeping the text only when it is not the usual form.
    fn kept(text: String, value: TimeValue) -> Self {
        let text = (!usual_time::is_usual(&text, value)).then(|| text.into_boxed_str());
        Self { text, value }
    }

    /// The text as written in the document.
    pub fn as_str(&self) -> Cow<'_, str> {
        match &self.text {
            Some(text) => Cow::Borrowed(text),
            None => Cow::Owned(usual_time::to_string(self.value)),
        }
    }

    /// The parsed value.
    pub fn value(&self) -> TimeValue {
        self.value
    }

    /// True for a date without a time: the event happened some time that day.
    pub fn is_whole_day(&self) -> bool {
        matches!(self.value, TimeValue::Date(_))
    }

    /// The UTC offset it was written with, in seconds east of UTC (none for a whole day).
    pub fn offset_seconds(&self) -> Option<i32> {
        match self.value {
            TimeValue::Date(_) => None,
            TimeValue::DateTime(dt) => Some(dt.offset().local_minus_utc()),
        }
    }

    /// The local date and time as written (midday for a whole day).
    pub fn local(&self) -> NaiveDateTime {
        match self.value {
            TimeValue::Date(d) => d.and_time(WHOLE_DAY_POSITION),
            TimeValue::DateTime(dt) => dt.naive_local(),
        }
    }

    /// The local calendar date as written.
    pub fn date(&self) -> NaiveDate {
        match self.value {
            TimeValue::Date(d) => d,
            TimeValue::DateTime(dt) => dt.naive_local().date(),
        }
    }

    /// Seconds on a common axis whose clock runs at `reference_offset` seconds east of UTC.
    /// Date-times are converted to that clock; a whole day sits at midday on that clock.
    pub fn axis_seconds(&self, reference_offset: i32) -> f64 {
        let local = match self.value {
            TimeValue::Date(d) => d.and_time(WHOLE_DAY_POSITION),
            TimeValue::DateTime(dt) => {
                dt.naive_utc() + chrono::TimeDelta::seconds(i64::from(reference_offset))
            }
        };
        local.and_utc().timestamp() as f64
    }

    /// The time for a reader, in en-GB and the local time as written:
    /// "Mon 16 Apr 2018, 06:00", or "Wed 18 Apr 2018" for a whole day.
    pub fn label(&self) -> String {
        match self.value {
            TimeValue::Date(d) => DateLabel::FULL_DATE.format(d.and_time(NaiveTime::MIN)),
            TimeValue::DateTime(dt) => DateLabel::MOMENT.format(dt.naive_local()),
        }
    }
}

impl fmt::Display for EventTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_str())
    }
}

impl Serialize for EventTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.as_str())
    }
}

/// Reads a string within the length limit, parsed once and kept as written.
impl<'de> Deserialize<'de> for EventTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        if let Some(message) = limits::check_string(&text) {
            return Err(serde::de::Error::custom(message));
        }
        match iso8601::read(text.trim()) {
            Ok(value) => Ok(EventTime::kept(text, value)),
            Err(TimeError::MissingOffset) => Err(serde::de::Error::custom(messages::time_missing_offset(&text))),
            Err(TimeError::Invalid) => Err(serde::de::Error::custom(messages::invalid_time(&text))),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for EventTime {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "EventTime".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An ISO 8601 date (the whole day), e.g. \"2018-04-16\", or a date-time with a UTC offset, e.g. \"2018-04-16T06:00:00+01:00\" or \"2018-04-16T05:00:00Z\". Shown in the local time as written.",
            "type": "string",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2}))?$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dates_and_date_times_with_offsets() {
        let t = EventTime::parse("2018-04-16T06:00:00+01:00").expect("valid");
        assert_eq!(t.label(), "Mon 16 Apr 2018, 06:00");
        assert_eq!(t.offset_seconds(), Some(3600));
        let z = EventTime::parse("2018-04-16T05:00Z").expect("valid");
        assert_eq!(z.axis_seconds(3600), t.axis_seconds(3600));
        let d = EventTime::parse("2018-04-18").expect("valid");
        assert!(d.is_whole_day());
        assert_eq!(d.label(), "Wed 18 Apr 2018");
    }

    #[test]
    fn every_time_reads_back_as_written() {
        for text in [
            "2018-04-16",
            "2018-04-16T06:00:00+01:00",
            "2018-04-16T05:00:00Z",
            "2018-04-16T05:00:00-03:30",
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59+14:00",
            // Not the usual form: kept as written.
            "2018-04-16T05:00Z",
            "2018-04-16T05:00:00+00:00",
            "2018-04-16T05:00:00-00:00",
            "2018-04-16T05:00:00z",
            "2018-04-16t05:00:00Z",
            "2018-04-16 05:00:00Z",
            "2018-04-16T05:00:00.5Z",
            "2018-04-16T05:00:00.000Z",
            "2018-04-16T23:59:60Z",
            "2018-04-16T06:00+0100",
            " 2018-04-16 ",
        ] {
            let t = EventTime::parse(text).expect(text);
            assert_eq!(t.as_str(), text);
            assert_eq!(t.to_string(), text);
            assert_eq!(serde_json::to_string(&t).ok(), serde_json::to_string(text).ok());
        }
        assert!(EventTime::parse("2018-04-16T06:00:00+01:00").is_ok_and(|t| t.text.is_none()), "the usual form keeps no text");
        assert!(EventTime::parse("2018-04-16T06:00+01:00").is_ok_and(|t| t.text.is_some()));
    }

    #[test]
    fn rejects_missing_offsets_and_other_formats() {
        assert_eq!(EventTime::parse("2018-04-16T06:00:00"), Err(TimeError::MissingOffset));
        assert_eq!(EventTime::parse("2018-04-16T06:00"), Err(TimeError::MissingOffset));
        assert_eq!(EventTime::parse("12/03/2018"), Err(TimeError::Invalid));
        assert_eq!(EventTime::parse("2018-02-30"), Err(TimeError::Invalid));
        assert_eq!(EventTime::parse(""), Err(TimeError::Invalid));
    }
}
