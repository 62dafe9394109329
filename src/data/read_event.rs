//! Reading one event straight from JSON in one pass, whatever order its keys come in.
//!
//! Serde's internally tagged enums buffer every event into an intermediate `Content` tree to
//! find the `type` first. Here the members go straight into one flat set of optional fields
//! (every field any event type has); once the object ends, its `type` says which fields it may
//! have and which it needs, and the event is built from them.

use std::fmt;

use serde::de::{Error, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::fields::{self, Field};
use super::messages;
use super::model::{Arrest, Charge, Event, EventKind, Raid, Seizure};
use super::strict::{self, Count, Text};
use super::time::EventTime;

/// Each event type's `type` value, in the order of [`fields::EVENT_TYPES`].
const KINDS: [(&str, EventKind); 4] = [
    ("raid", EventKind::Raid),
    ("arrest", EventKind::Arrest),
    ("charge", EventKind::Charge),
    ("seizure", EventKind::Seizure),
];

/// Reads a JSON object only: an unknown `type`, a field another type has, an unknown or
/// repeated field, or a value breaking the format's rules is an error.
impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(EventVisitor)
    }
}

// Where each field is in `fields::EVENT_FIELDS`, so that a key is matched by its index.
const TYPE: usize = strict::index_of(fields::EVENT_FIELDS, "type");
const ID: usize = strict::index_of(fields::EVENT_FIELDS, "id");
const TIME: usize = strict::index_of(fields::EVENT_FIELDS, "time");
const RAID_REF: usize = strict::index_of(fields::EVENT_FIELDS, "raid");
const COUNT: usize = strict::index_of(fields::EVENT_FIELDS, "count");
const OFFENCE: usize = strict::index_of(fields::EVENT_FIELDS, "offence");
const ITEM: usize = strict::index_of(fields::EVENT_FIELDS, "item");
const PLACE: usize = strict::index_of(fields::EVENT_FIELDS, "place");
const AREA: usize = strict::index_of(fields::EVENT_FIELDS, "area");
const NOTE: usize = strict::index_of(fields::EVENT_FIELDS, "note");

/// Every field any event type has, as read, before the type is known. Text is kept as
/// `Box<str>`, as the model keeps it: a length and no spare capacity, 4 bytes a field less than a
/// `String` in wasm32 (and 8 natively), which a document of 500,000 events feels.
#[derive(Default)]
struct RawEvent {
    kind: Option<EventKind>,
    id: Option<Box<str>>,
    time: Option<EventTime>,
    raid: Option<Box<str>>,
    count: Option<u64>,
    offence: Option<Box<str>>,
    item: Option<Box<str>>,
    place: Option<Box<str>>,
    area: Option<Box<str>>,
    note: Option<Box<str>>,
}

struct EventVisitor;

impl<'de> Visitor<'de> for EventVisitor {
    type Value = Event;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(messages::EXPECT_EVENT)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Event, A::Error> {
        let mut raw = RawEvent::default();
        let seen = strict::members(&mut map, fields::EVENT_FIELDS, |key, map| {
            match key.index {
                TYPE => raw.kind = Some(map.next_value::<TypeName>()?.0),
                ID => raw.id = boxed(strict::optional_text(map)?),
                TIME => raw.time = Some(map.next_value::<EventTime>()?),
                RAID_REF => raw.raid = boxed(strict::optional_text(map)?),
                COUNT => raw.count = map.next_value::<Option<Count>>()?.map(|Count(n)| n),
                OFFENCE => raw.offence = boxed(strict::optional_text(map)?),
                // Required wherever it belongs (seizures), so never null.
                ITEM => raw.item = Some(map.next_value::<Text>()?.0.into_boxed_str()),
                PLACE => raw.place = boxed(strict::optional_text(map)?),
                AREA => raw.area = boxed(strict::optional_text(map)?),
                NOTE => raw.note = boxed(strict::optional_text(map)?),
                _ => return Err(strict::unread(key.name)),
            }
            Ok(())
        })?;
        let kind = raw.kind.ok_or_else(|| A::Error::missing_field("type"))?;
        let (type_name, allowed, required) = rules(kind);
        let (misplaced, missing) = (seen & !allowed, required & !seen);
        if misplaced != 0 || missing != 0 {
            if let Some(field) = strict::present(fields::EVENT_FIELDS, misplaced).next() {
                let allowed_on = fields::event_types_with(field.name);
                return Err(A::Error::custom(messages::field_not_on_type(field.name, type_name, &allowed_on)));
            }
            let field = strict::present(fields::EVENT_FIELDS, missing).next().map_or("?", |f| f.name);
            return Err(A::Error::missing_field(field));
        }
        raw.build(kind).ok_or_else(|| A::Error::missing_field("time"))
    }
}

/// Text as the model keeps it.
fn boxed(text: Option<String>) -> Option<Box<str>> {
    text.map(String::into_boxed_str)
}

impl RawEvent {
    /// The event of type `kind`, once its fields are known to suit it; `None` without a time
    /// (or a seizure without an item).
    fn build(self, kind: EventKind) -> Option<Event> {
        let Self { kind: _, id, time, raid, count, offence, item, place, area, note } = self;
        let time = time?;
        Some(match kind {
            EventKind::Raid => Event::Raid(Raid { id, time, place, area, note }),
            EventKind::Arrest => Event::Arrest(Arrest { id, time, raid, count, place, area, note }),
            EventKind::Charge => Event::Charge(Charge { id, time, raid, count, offence, place, area, note }),
            EventKind::Seizure => Event::Seizure(Seizure { id, time, raid, item: item?, place, area, note }),
        })
    }
}

/// An event type's name, and which of [`fields::EVENT_FIELDS`] it allows and requires (as bits).
fn rules(kind: EventKind) -> (&'static str, u32, u32) {
    match kind {
        EventKind::Raid => ("raid", RAID.0, RAID.1),
        EventKind::Arrest => ("arrest", ARREST.0, ARREST.1),
        EventKind::Charge => ("charge", CHARGE.0, CHARGE.1),
        EventKind::Seizure => ("seizure", SEIZURE.0, SEIZURE.1),
    }
}

// Worked out from the tables when compiling, so they cannot drift from them.
const RAID: (u32, u32) = masks("raid");
const ARREST: (u32, u32) = masks("arrest");
const CHARGE: (u32, u32) = masks("charge");
const SEIZURE: (u32, u32) = masks("seizure");

/// The fields of `event_type` as bits of [`fields::EVENT_FIELDS`]: all of them, and the
/// required ones.
const fn masks(event_type: &str) -> (u32, u32) {
    let own = type_fields(event_type);
    let (mut allowed, mut required) = (0, 0);
    let mut i = 0;
    while i < own.len() {
        let mut j = 0;
        while j < fields::EVENT_FIELDS.len() {
            if strict::same(own[i].name, fields::EVENT_FIELDS[j].name) {
                allowed |= strict::bit(j);
                if own[i].required {
                    required |= strict::bit(j);
                }
            }
            j += 1;
        }
        i += 1;
    }
    (allowed, required)
}

/// The fields of `event_type` in [`fields::EVENT_TYPES`] (none for a name not there).
const fn type_fields(event_type: &str) -> &'static [Field] {
    let mut i = 0;
    while i < fields::EVENT_TYPES.len() {
        if strict::same(fields::EVENT_TYPES[i].0, event_type) {
            return fields::EVENT_TYPES[i].1;
        }
        i += 1;
    }
    &[]
}

/// An event's `type`: one of the four names, read without allocating.
struct TypeName(EventKind);

impl<'de> Deserialize<'de> for TypeName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(TypeNameVisitor)
    }
}

struct TypeNameVisitor;

impl Visitor<'_> for TypeNameVisitor {
    type Value = TypeName;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an event type")
    }

    fn visit_str<E: Error>(self, name: &str) -> Result<TypeName, E> {
        match KINDS.iter().find(|(known, _)| *known == name) {
            Some((_, kind)) => Ok(TypeName(*kind)),
            None => Err(E::custom(messages::unknown_event_type(&name.into(), None))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_type_names_are_the_tables() {
        let tables: Vec<&str> = fields::EVENT_TYPES.iter().map(|(name, _)| *name).collect();
        let names: Vec<&str> = KINDS.iter().map(|(name, _)| *name).collect();
        assert_eq!(names, tables);
        for (name, kind) in KINDS {
            assert_eq!(rules(kind).0, name);
        }
    }

    #[test]
    fn every_event_field_has_an_index() {
        let indices = [TYPE, ID, TIME, RAID_REF, COUNT, OFFENCE, ITEM, PLACE, AREA, NOTE];
        let mut sorted = indices.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..fields::EVENT_FIELDS.len()).collect::<Vec<_>>());
    }

    #[test]
    fn the_masks_follow_the_tables() {
        let names = |mask: u32| -> Vec<&str> { strict::present(fields::EVENT_FIELDS, mask).map(|f| f.name).collect() };
        assert_eq!(names(RAID.0), ["type", "id", "time", "place", "area", "note"]);
        assert_eq!(names(RAID.1), ["type", "time"]);
        assert_eq!(names(CHARGE.0), ["type", "id", "time", "raid", "count", "offence", "place", "area", "note"]);
        assert_eq!(names(SEIZURE.1), ["type", "time", "item"]);
        for (name, _) in KINDS {
            let mut own: Vec<&str> = type_fields(name).iter().map(|f| f.name).collect();
            let mut allowed = names(masks(name).0);
            own.sort_unstable();
            allowed.sort_unstable();
            assert_eq!(allowed, own, "{name}");
        }
        assert!(fields::EVENT_FIELDS.len() <= 32);
    }
}
