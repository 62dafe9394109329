//! A data document built from fuzz bytes: the structure is chosen by the [`arbitrary`] crate
//! and always follows the format (unique ids, references to raids that exist, times that
//! exist, counts of at least one), so the fuzzer spends its time drawing operations rather
//! than failing validation. The texts, numbers, times and sizes are where the variety is:
//! empty and very long texts, markup, right-to-left script and zero-width characters, counts
//! up to the format's limit of a billion, times from year 1 to 9999 in every form the reader
//! accepts, up to [`MAX_RECIPE_EVENTS`] events, and annotations.

use arbitrary::Arbitrary;
use chrono::{Datelike, NaiveDate};
use serde_json::{json, Map, Value};

use crate::data::limits::{self, MAX_COUNT, MAX_LABEL_CHARS, MAX_STRING_CHARS};

/// The most events a recipe writes: enough for crowded lanes, thinning and collisions, few
/// enough that one input stays far below the fuzzer's time-out.
pub const MAX_RECIPE_EVENTS: usize = 300;

/// Texts the fuzzer may pick by number: the ones that have broken charts elsewhere.
const STOCK_TEXTS: &[&str] = &[
    "",
    " ",
    "Operation Cayman",
    "Norfolk",
    "Orchard Street, Norwich",
    "<b>bold</b> & <script>alert(1)</script>",
    "right-to-left שלום text",
    "zero\u{200b}width\u{200d}joiners\u{feff}",
    "e\u{301}\u{301}\u{301} combining marks",
    "日本語の地名と長い説明",
    "مداهمة الشرطة",
    "👮‍♀️🚓🚔",
    "line\nbreak\ttab",
    "Northern Metropolitan District Police Operational Command Unit",
    "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
    "__proto__",
    "constructor",
    "1e400",
];

/// A text: one of the stock texts, a long run of one character, or any string the fuzzer
/// writes (cut to the format's length limit).
#[derive(Debug, Clone, Arbitrary)]
pub enum Words {
    /// A stock text, by number.
    Stock(u8),
    /// `count` (at most the length limit) copies of `c`.
    Run(char, u16),
    /// The fuzzer's own text.
    Own(String),
}

impl Words {
    /// The text, within the format's length limit and without the characters it refuses
    /// (controls other than tab and line breaks, bidirectional overrides and isolates).
    pub fn text(&self) -> String {
        let text: String = match self {
            Words::Stock(i) => STOCK_TEXTS.get(usize::from(*i) % STOCK_TEXTS.len()).copied().unwrap_or("").to_owned(),
            Words::Run(c, n) => std::iter::repeat_n(*c, usize::from(*n) % (MAX_STRING_CHARS + 1)).collect(),
            Words::Own(s) => s.chars().take(MAX_STRING_CHARS).collect(),
        };
        text.chars().filter(|c| !limits::is_hidden_control(*c)).collect()
    }

    /// The text, or a stand-in when it is empty or only spaces (names must say something).
    pub fn name(&self) -> String {
        let t = self.text();
        if t.trim().is_empty() { "Name".to_owned() } else { t }
    }
}

/// A number of people (at least one).
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum Count {
    /// A small number, as most records have.
    Few(u8),
    /// Any number up to the format's limit.
    Any(u64),
}

impl Count {
    /// The count, at least one.
    pub fn value(self) -> u64 {
        match self {
            Count::Few(n) => u64::from(n),
            Count::Any(n) => n % (MAX_COUNT + 1),
        }
        .max(1)
    }

    /// The count as a reported total, which may be zero.
    pub fn total(self) -> u64 {
        match self {
            Count::Few(n) => u64::from(n),
            Count::Any(n) => n % (MAX_COUNT + 1),
        }
    }
}

/// Which day: near a base date (most operations span days or weeks) or anywhere from year 1
/// to 9999.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum Day {
    /// Days after 2018-04-16 (negative: before).
    Near(i16),
    /// Days after 0001-01-01, wrapped into years 1–9999.
    Anywhere(u32),
}

/// The days from 0001-01-01 to 9999-12-31.
const DAYS_IN_RANGE: u32 = 3_652_059;

impl Day {
    fn date(self) -> NaiveDate {
        let base = NaiveDate::from_ymd_opt(2018, 4, 16).unwrap_or_default();
        let day = match self {
            Day::Near(d) => base.checked_add_signed(chrono::TimeDelta::days(i64::from(d))),
            Day::Anywhere(d) => NaiveDate::from_ymd_opt(1, 1, 1)
                .and_then(|y1| y1.checked_add_signed(chrono::TimeDelta::days(i64::from(d % DAYS_IN_RANGE)))),
        };
        day.filter(|d| (1..=9999).contains(&d.year())).unwrap_or(base)
    }
}

/// An event time in one of the forms the format accepts.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub struct When {
    day: Day,
    /// A time of day, or a whole day when absent.
    clock: Option<Clock>,
    /// Spaces around the text, which the reader ignores.
    padded: bool,
}

/// A time of day with an offset, and how it is written.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub struct Clock {
    hour: u8,
    minute: u8,
    /// 0–60: 60 is a leap second.
    second: u8,
    /// Up to nine digits of a fraction of a second.
    fraction: Option<u32>,
    /// Minutes east of UTC, wrapped into −23:59 … +23:59.
    offset: i16,
    form: Form,
}

/// How a date-time is written.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum Form {
    /// `…THH:MM:SSZ`, or `±HH:MM`.
    Rfc3339,
    /// `…THH:MM:SSz` or with a space for the `T`.
    Lowercase,
    /// `…THH:MM±HHMM`, no seconds.
    Short,
    /// `…THH:MM:SS−HH:MM` with U+2212 for the minus.
    UnicodeMinus,
}

impl When {
    /// The time as a document writes it.
    pub fn text(&self) -> String {
        let date = self.day.date();
        let day = format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day());
        let text = match self.clock {
            None => day,
            Some(c) => c.write(&day),
        };
        if self.padded { format!(" {text}\t") } else { text }
    }
}

impl Clock {
    fn write(&self, day: &str) -> String {
        let (h, m, s) = (self.hour % 24, self.minute % 60, self.second % 61);
        let minutes = i32::from(self.offset) % (24 * 60);
        let (sign, abs) = if minutes < 0 { ('-', -minutes) } else { ('+', minutes) };
        let (oh, om) = (abs / 60, abs % 60);
        let fraction = self.fraction.map(|f| format!(".{}", f % 1_000_000_000)).unwrap_or_default();
        match self.form {
            Form::Rfc3339 if minutes == 0 => format!("{day}T{h:02}:{m:02}:{s:02}{fraction}Z"),
            Form::Rfc3339 => format!("{day}T{h:02}:{m:02}:{s:02}{fraction}{sign}{oh:02}:{om:02}"),
            Form::Lowercase if minutes == 0 => format!("{day}t{h:02}:{m:02}:{s:02}{fraction}z"),
            Form::Lowercase => format!("{day} {h:02}:{m:02}:{s:02}{fraction}{sign}{oh:02}:{om:02}"),
            Form::Short => format!("{day}T{h:02}:{m:02}{sign}{oh:02}{om:02}"),
            Form::UnicodeMinus => format!("{day}T{h:02}:{m:02}:{s:02}{fraction}\u{2212}{oh:02}:{om:02}"),
        }
    }
}

/// The kind of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Arbitrary)]
pub enum Kind {
    /// A raid.
    Raid,
    /// An arrest.
    Arrest,
    /// A charge.
    Charge,
    /// A seizure.
    Seizure,
}

/// An area: one of a few dozen numbered ones (so lanes fill up and repeat), or any text.
#[derive(Debug, Clone, Arbitrary)]
pub enum Area {
    /// `Area n`, n below 48.
    Numbered(u8),
    /// Any text.
    Named(Words),
}

impl Area {
    fn text(&self) -> String {
        match self {
            Area::Numbered(n) => format!("Area {}", n % 48),
            Area::Named(w) => w.text(),
        }
    }
}

/// One event.
#[derive(Debug, Clone, Arbitrary)]
pub struct EventRecipe {
    kind: Kind,
    /// Whether it has an id (ids are made unique: `r3`, `e7`).
    has_id: bool,
    time: When,
    /// Which raid it belongs to, by number among the raids with ids (ignored for raids).
    raid: Option<u16>,
    count: Option<Count>,
    place: Option<Words>,
    area: Option<Area>,
    note: Option<Words>,
    /// The offence of a charge, or what a seizure seized.
    detail: Words,
}

/// A whole document.
#[derive(Debug, Clone, Arbitrary)]
pub struct DocumentRecipe {
    title: Option<Words>,
    subtitle: Option<Words>,
    name: Words,
    agency: Option<Words>,
    reported: Option<[Option<Count>; 3]>,
    events: Vec<EventRecipe>,
    source: Words,
    url: Option<Words>,
    note: Option<Words>,
    /// Moments marked on the time views (at most the format's 50).
    annotations: Vec<(When, Words)>,
}

fn put(object: &mut Map<String, Value>, key: &str, value: Option<String>) {
    if let Some(v) = value {
        object.insert(key.to_owned(), Value::String(v));
    }
}

impl DocumentRecipe {
    /// The document as JSON text: valid by construction.
    pub fn json(&self) -> String {
        self.value().to_string()
    }

    /// The document as a JSON value.
    pub fn value(&self) -> Value {
        let events = self.events.get(..self.events.len().min(MAX_RECIPE_EVENTS)).unwrap_or_default();
        let raid_ids: Vec<String> =
            events.iter().enumerate().filter(|(_, e)| e.kind == Kind::Raid && e.has_id).map(|(i, _)| format!("r{i}")).collect();
        let events: Vec<Value> = events.iter().enumerate().map(|(i, e)| e.value(i, &raid_ids)).collect();
        let mut operation = Map::new();
        operation.insert("name".to_owned(), Value::String(self.name.name()));
        put(&mut operation, "agency", self.agency.as_ref().map(Words::text));
        let mut source = Map::new();
        source.insert("name".to_owned(), Value::String(self.source.name()));
        put(&mut source, "url", self.url.as_ref().map(|w| format!("https://{}", w.text()).chars().take(MAX_STRING_CHARS).collect()));
        put(&mut source, "note", self.note.as_ref().map(Words::text));
        let mut doc = Map::new();
        doc.insert("version".to_owned(), json!(1));
        put(&mut doc, "title", self.title.as_ref().map(Words::text));
        put(&mut doc, "subtitle", self.subtitle.as_ref().map(Words::text));
        doc.insert("operation".to_owned(), Value::Object(operation));
        let mut reported = Map::new();
        for (key, n) in ["raids", "arrests", "charged"].into_iter().zip(self.reported.unwrap_or_default()) {
            if let Some(n) = n {
                reported.insert(key.to_owned(), json!(n.total()));
            }
        }
        // With no events, the format asks for at least one reported total.
        if events.is_empty() && reported.is_empty() {
            reported.insert("raids".to_owned(), json!(0));
        }
        if self.reported.is_some() || !reported.is_empty() {
            doc.insert("reported".to_owned(), Value::Object(reported));
        }
        doc.insert("events".to_owned(), Value::Array(events));
        doc.insert("source".to_owned(), Value::Object(source));
        let notes: Vec<Value> = self
            .annotations
            .iter()
            .take(limits::MAX_ANNOTATIONS)
            .map(|(when, words)| {
                let text: String = words.name().chars().take(MAX_LABEL_CHARS).collect();
                json!({ "time": when.text(), "text": text })
            })
            .collect();
        if !notes.is_empty() {
            doc.insert("annotations".to_owned(), Value::Array(notes));
        }
        Value::Object(doc)
    }
}

impl EventRecipe {
    /// Event `i` as a JSON object; `raid_ids` are the ids of the document's raids.
    fn value(&self, i: usize, raid_ids: &[String]) -> Value {
        let mut e = Map::new();
        let kind = match self.kind {
            Kind::Raid => "raid",
            Kind::Arrest => "arrest",
            Kind::Charge => "charge",
            Kind::Seizure => "seizure",
        };
        e.insert("type".to_owned(), json!(kind));
        if self.has_id {
            e.insert("id".to_owned(), json!(if self.kind == Kind::Raid { format!("r{i}") } else { format!("e{i}") }));
        }
        e.insert("time".to_owned(), json!(self.time.text()));
        if self.kind != Kind::Raid && !raid_ids.is_empty() {
            let raid = self.raid.and_then(|r| raid_ids.get(usize::from(r) % raid_ids.len())).cloned();
            put(&mut e, "raid", raid);
        }
        if matches!(self.kind, Kind::Arrest | Kind::Charge) {
            if let Some(c) = self.count {
                e.insert("count".to_owned(), json!(c.value()));
            }
        }
        match self.kind {
            Kind::Charge => put(&mut e, "offence", Some(self.detail.text())),
            Kind::Seizure => put(&mut e, "item", Some(self.detail.text())),
            Kind::Raid | Kind::Arrest => {}
        }
        put(&mut e, "place", self.place.as_ref().map(Words::text));
        put(&mut e, "area", self.area.as_ref().map(Area::text));
        put(&mut e, "note", self.note.as_ref().map(Words::text));
        Value::Object(e)
    }
}
