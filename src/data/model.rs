//! The Rust types that *are* operation data format version 1 (reference: `docs/data-format.md`).
//!
//! These types are the single source of truth: documents are read straight into them in one
//! pass (their `Deserialize` impls, in `read_document.rs` and `read_event.rs`, accept only
//! what the format allows), and the published JSON Schema is generated from them with
//! `schemars` (native builds only, so the wasm stays small). The `serde` attributes here
//! shape the serialised form and the schema.

use serde::Serialize;

use super::time::EventTime;

/// A whole document: one police operation, its reported totals and its itemised events.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(title = "Operation data, format version 1"))]
#[serde(deny_unknown_fields)]
pub struct Operation {
    /// The format version; must be `1`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 1)))]
    pub version: u32,
    /// Shown above the chart; derived from the operation name when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Shown under the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// Which operation, and who ran it.
    pub operation: OperationInfo,
    /// Headline totals as officially reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported: Option<Reported>,
    /// The itemised record, in any order. May be empty when `reported` is given.
    pub events: Vec<Event>,
    /// Where the numbers come from.
    pub source: Source,
    /// Moments a reporter marks on the time views ("Raids begin"), at most 50.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(max = 50)))]
    pub annotations: Vec<Annotation>,
}

/// A moment marked on the timeline and running-totals views, with a short label.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    /// When, in the same forms as an event's time.
    pub time: EventTime,
    /// The label, plain text, at most 200 characters.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(min = 1, max = 200)))]
    pub text: String,
}

/// The operation's name and the agency that ran it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OperationInfo {
    /// For example "Operation Cayman".
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(min = 1)))]
    pub name: String,
    /// For example "Norfolk Constabulary".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
}

/// Headline totals as officially reported. Where the itemised events add up to less, the
/// charts show the reported figure and say how many are not itemised.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reported {
    /// Number of raids (warrants executed, premises searched).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(max = 1_000_000_000)))]
    pub raids: Option<u64>,
    /// Number of people arrested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(max = 1_000_000_000)))]
    pub arrests: Option<u64>,
    /// Number of people charged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(max = 1_000_000_000)))]
    pub charged: Option<u64>,
}

/// The credit line: a news chart always says where its numbers come from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The credit line, e.g. "Eastern Daily Press".
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(min = 1)))]
    pub name: String,
    /// A link to the source; `https:` only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[Hh][Tt][Tt][Pp][Ss]://")))]
    pub url: Option<String>,
    /// Shown under the chart, e.g. what is illustrative.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

// The events' text fields are `Box<str>`, not `String`: a document holds up to a million
// events, and each field is then 4 bytes smaller in wasm32. (Doc comments here are the
// published schema's descriptions, so this one is not.)
/// One itemised event, tagged by its `type`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Event {
    /// A raid: a warrant executed or premises searched.
    Raid(Raid),
    /// One or more people arrested.
    Arrest(Arrest),
    /// One or more people charged.
    Charge(Charge),
    /// Something seized.
    Seizure(Seizure),
}

/// A raid: a warrant executed or premises searched.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Raid {
    /// Unique among all events; what other events refer to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Box<str>>,
    /// When it happened.
    pub time: EventTime,
    /// Where it happened, e.g. "Orchard Street, Norwich".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Box<str>>,
    /// Groups places for colour and the by-area view, e.g. "Norfolk".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<Box<str>>,
    /// A free-text note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Box<str>>,
}

/// One or more people arrested.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Arrest {
    /// Unique among all events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Box<str>>,
    /// When it happened.
    pub time: EventTime,
    /// The `id` of the raid this belongs to; must exist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raid: Option<Box<str>>,
    /// How many people; default 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 1_000_000_000)))]
    pub count: Option<u64>,
    /// Where it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Box<str>>,
    /// Groups places; taken from the raid when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<Box<str>>,
    /// A free-text note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Box<str>>,
}

/// One or more people charged.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Charge {
    /// Unique among all events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Box<str>>,
    /// When it happened.
    pub time: EventTime,
    /// The `id` of the raid this belongs to; must exist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raid: Option<Box<str>>,
    /// How many people; default 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 1_000_000_000)))]
    pub count: Option<u64>,
    /// The offence, e.g. "Possession with intent to supply a Class A drug".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offence: Option<Box<str>>,
    /// Where it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Box<str>>,
    /// Groups places; taken from the raid when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<Box<str>>,
    /// A free-text note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Box<str>>,
}

/// Something seized.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Seizure {
    /// Unique among all events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Box<str>>,
    /// When it happened.
    pub time: EventTime,
    /// The `id` of the raid this belongs to; must exist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raid: Option<Box<str>>,
    /// What was seized, e.g. "Machete" or "£1,200 in cash".
    pub item: Box<str>,
    /// Where it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Box<str>>,
    /// Groups places; taken from the raid when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<Box<str>>,
    /// A free-text note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Box<str>>,
}

/// What kind of event this is, without its fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventKind {
    /// A raid.
    Raid,
    /// An arrest.
    Arrest,
    /// A charge.
    Charge,
    /// A seizure.
    Seizure,
}

impl Event {
    /// Which kind of event this is.
    pub fn kind(&self) -> EventKind {
        match self {
            Event::Raid(_) => EventKind::Raid,
            Event::Arrest(_) => EventKind::Arrest,
            Event::Charge(_) => EventKind::Charge,
            Event::Seizure(_) => EventKind::Seizure,
        }
    }

    /// When it happened.
    pub fn time(&self) -> &EventTime {
        match self {
            Event::Raid(e) => &e.time,
            Event::Arrest(e) => &e.time,
            Event::Charge(e) => &e.time,
            Event::Seizure(e) => &e.time,
        }
    }

    /// The event's own `id`, if it has one.
    pub fn id(&self) -> Option<&str> {
        match self {
            Event::Raid(e) => e.id.as_deref(),
            Event::Arrest(e) => e.id.as_deref(),
            Event::Charge(e) => e.id.as_deref(),
            Event::Seizure(e) => e.id.as_deref(),
        }
    }

    /// The `id` of the raid this event belongs to (never set on a raid).
    pub fn raid_ref(&self) -> Option<&str> {
        match self {
            Event::Raid(_) => None,
            Event::Arrest(e) => e.raid.as_deref(),
            Event::Charge(e) => e.raid.as_deref(),
            Event::Seizure(e) => e.raid.as_deref(),
        }
    }

    /// How many people an arrest or charge covers (default 1); 0 for raids and seizures.
    pub fn people(&self) -> u64 {
        match self {
            Event::Arrest(e) => e.count.unwrap_or(1),
            Event::Charge(e) => e.count.unwrap_or(1),
            Event::Raid(_) | Event::Seizure(_) => 0,
        }
    }

    /// The event's own `place`, if given.
    pub fn place(&self) -> Option<&str> {
        match self {
            Event::Raid(e) => e.place.as_deref(),
            Event::Arrest(e) => e.place.as_deref(),
            Event::Charge(e) => e.place.as_deref(),
            Event::Seizure(e) => e.place.as_deref(),
        }
    }

    /// The event's own `area`, if given (see [`crate::derive`] for the raid fallback).
    pub fn area(&self) -> Option<&str> {
        match self {
            Event::Raid(e) => e.area.as_deref(),
            Event::Arrest(e) => e.area.as_deref(),
            Event::Charge(e) => e.area.as_deref(),
            Event::Seizure(e) => e.area.as_deref(),
        }
    }

    /// The event's free-text note, if given.
    pub fn note(&self) -> Option<&str> {
        match self {
            Event::Raid(e) => e.note.as_deref(),
            Event::Arrest(e) => e.note.as_deref(),
            Event::Charge(e) => e.note.as_deref(),
            Event::Seizure(e) => e.note.as_deref(),
        }
    }
}
