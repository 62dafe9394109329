//! Reading a document's own objects straight from JSON in one pass: the document, `operation`,
//! `reported`, `source` and the list of events (each event is [`super::read_event`]'s).
//!
//! Each is read only from a JSON object (never from an array, as serde's derived readers
//! would allow), against its table in [`super::fields`], with the format's rules for every
//! value (see [`super::strict`]); the document also checks the event limit and that there is
//! something to chart. References between events are checked afterwards, on the typed model.

use std::fmt;

use serde::de::{DeserializeSeed, Error, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::fields;
use super::limits;
use super::messages;
use super::model::{Annotation, Event, Operation, OperationInfo, Reported, Source};
use super::strict::{self, Label, Link, Name, Version};
use super::time::EventTime;

/// Reads a JSON object only, and only a valid document: every rule of the format holds except
/// the references between events, which [`crate::data::load`] checks on the result. Its
/// errors say what is wrong but not where; `load` reports every problem with its path.
impl<'de> Deserialize<'de> for Operation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(DocumentVisitor { events: 0 })
    }
}

/// Reads a document as [`Operation`]'s `Deserialize` does, with room made at once for
/// `events` events (see [`events_in`]): the list is never grown by doubling, which at the size
/// limit would hold the old and the new list, tens of MB, at the same moment.
#[derive(Debug, Clone, Copy)]
pub struct WithRoom {
    /// How many events to make room for (at most [`limits::MAX_EVENTS`] are).
    pub events: usize,
}

impl<'de> DeserializeSeed<'de> for WithRoom {
    type Value = Operation;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Operation, D::Error> {
        deserializer.deserialize_map(DocumentVisitor { events: self.events })
    }
}

/// How many events a document of `text` has at most: how many `{` it holds. Every event is an
/// object; the few other objects, and any `{` inside a string, only make the room larger than
/// needed. The count goes block by block so that the browser compiles the block's loop with its
/// optimising tier after a few blocks (a single call over 40 MB would run in its baseline tier
/// throughout): a small part of a load.
pub fn events_in(text: &str) -> usize {
    text.as_bytes().chunks(1 << 16).map(objects_in).sum()
}

/// How many `{` bytes `block` holds (a function of its own, so that it is called often enough
/// to be optimised).
#[inline(never)]
fn objects_in(block: &[u8]) -> usize {
    block.iter().filter(|&&b| b == b'{').count()
}

struct DocumentVisitor {
    events: usize,
}

impl<'de> Visitor<'de> for DocumentVisitor {
    type Value = Operation;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(messages::EXPECT_DOCUMENT)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Operation, A::Error> {
        let (mut version, mut title, mut subtitle, mut operation, mut reported, mut events, mut source) =
            (None, None, None, None, None, None, None);
        let mut annotations = Vec::new();
        strict::members(&mut map, fields::DOCUMENT, |key, map| {
            match key.name {
                "version" => version = Some(map.next_value::<Version>()?.0),
                "title" => title = strict::optional_text(map)?,
                "subtitle" => subtitle = strict::optional_text(map)?,
                "operation" => operation = Some(map.next_value::<OperationInfo>()?),
                "reported" => reported = map.next_value::<Option<Reported>>()?,
                "events" => events = Some(map.next_value_seed(Events { room: self.events })?),
                "source" => source = Some(map.next_value::<Source>()?),
                "annotations" => annotations = map.next_value::<Option<Annotations>>()?.map(|a| a.0).unwrap_or_default(),
                other => return Err(strict::unread(other)),
            }
            Ok(())
        })?;
        let version = version.ok_or_else(|| A::Error::missing_field("version"))?;
        let operation = operation.ok_or_else(|| A::Error::missing_field("operation"))?;
        let events = events.ok_or_else(|| A::Error::missing_field("events"))?;
        let source = source.ok_or_else(|| A::Error::missing_field("source"))?;
        let has_totals = reported.is_some_and(|r| r.raids.is_some() || r.arrests.is_some() || r.charged.is_some());
        if events.is_empty() && !has_totals {
            return Err(A::Error::custom(messages::nothing_to_chart()));
        }
        Ok(Operation { version, title, subtitle, operation, reported, events, source, annotations })
    }
}

/// The list of events, at most [`limits::MAX_EVENTS`] of them, with room made for `room`.
struct Events {
    room: usize,
}

impl<'de> DeserializeSeed<'de> for Events {
    type Value = Vec<Event>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<Event>, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Events {
    type Value = Vec<Event>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(messages::EXPECT_ARRAY)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Event>, A::Error> {
        let mut events = Vec::with_capacity(seq.size_hint().unwrap_or(self.room).min(limits::MAX_EVENTS));
        while let Some(event) = seq.next_element::<Event>()? {
            if let Some(message) = limits::check_event_count(events.len() + 1) {
                return Err(A::Error::custom(message));
            }
            events.push(event);
        }
        Ok(events)
    }
}

/// Reads a JSON object only.
impl<'de> Deserialize<'de> for OperationInfo {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(OperationInfoVisitor)
    }
}

struct OperationInfoVisitor;

impl<'de> Visitor<'de> for OperationInfoVisitor {
    type Value = OperationInfo;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(messages::EXPECT_OBJECT)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OperationInfo, A::Error> {
        let (mut name, mut agency) = (None, None);
        strict::members(&mut map, fields::OPERATION, |key, map| {
            match key.name {
                "name" => name = Some(map.next_value::<Name>()?.0),
                "agency" => agency = strict::optional_text(map)?,
                other => return Err(strict::unread(other)),
            }
            Ok(())
        })?;
        let name = name.ok_or_else(|| A::Error::missing_field("name"))?;
        Ok(OperationInfo { name, agency })
    }
}

/// Reads a JSON object only.
impl<'de> Deserialize<'de> for Reported {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ReportedVisitor)
    }
}

struct ReportedVisitor;

impl<'de> Visitor<'de> for ReportedVisitor {
    type Value = Reported;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(messages::EXPECT_OBJECT)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Reported, A::Error> {
        let mut reported = Reported::default();
        strict::members(&mut map, fields::REPORTED, |key, map| {
            let total = map.next_value::<Option<strict::Total>>()?.map(|strict::Total(n)| n);
            match key.name {
                "raids" => reported.raids = total,
                "arrests" => reported.arrests = total,
                "charged" => reported.charged = total,
                other => return Err(strict::unread(other)),
            }
            Ok(())
        })?;
        Ok(reported)
    }
}

/// Reads a JSON object only.
impl<'de> Deserialize<'de> for Source {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(SourceVisitor)
    }
}

struct SourceVisitor;

impl<'de> Visitor<'de> for SourceVisitor {
    type Value = Source;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(messages::EXPECT_OBJECT)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Source, A::Error> {
        let (mut name, mut url, mut note) = (None, None, None);
        strict::members(&mut map, fields::SOURCE, |key, map| {
            match key.name {
                "name" => name = Some(map.next_value::<Name>()?.0),
                "url" => url = map.next_value::<Option<Link>>()?.map(|Link(url)| url),
                "note" => note = strict::optional_text(map)?,
                other => return Err(strict::unread(other)),
            }
            Ok(())
        })?;
        let name = name.ok_or_else(|| A::Error::missing_field("name"))?;
        Ok(Source { name, url, note })
    }
}

/// The list of annotations, at most [`limits::MAX_ANNOTATIONS`] of them.
struct Annotations(Vec<Annotation>);

impl<'de> Deserialize<'de> for Annotations {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(AnnotationsVisitor)
    }
}

struct AnnotationsVisitor;

impl<'de> Visitor<'de> for AnnotationsVisitor {
    type Value = Annotations;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(messages::EXPECT_ANNOTATIONS)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Annotations, A::Error> {
        let mut annotations = Vec::new();
        while let Some(annotation) = seq.next_element::<Annotation>()? {
            if let Some(message) = limits::check_annotation_count(annotations.len() + 1) {
                return Err(A::Error::custom(message));
            }
            annotations.push(annotation);
        }
        Ok(Annotations(annotations))
    }
}

/// Reads a JSON object only.
impl<'de> Deserialize<'de> for Annotation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(AnnotationVisitor)
    }
}

struct AnnotationVisitor;

impl<'de> Visitor<'de> for AnnotationVisitor {
    type Value = Annotation;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(messages::EXPECT_ANNOTATION)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Annotation, A::Error> {
        let (mut time, mut text) = (None, None);
        strict::members(&mut map, fields::ANNOTATION, |key, map| {
            match key.name {
                "time" => time = Some(map.next_value::<EventTime>()?),
                "text" => text = Some(map.next_value::<Label>()?.0),
                other => return Err(strict::unread(other)),
            }
            Ok(())
        })?;
        let time = time.ok_or_else(|| A::Error::missing_field("time"))?;
        let text = text.ok_or_else(|| A::Error::missing_field("text"))?;
        Ok(Annotation { time, text })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_room_made_covers_every_event_and_little_else() {
        let text = r#"{"version":1,"title":"Raids {so far}","operation":{"name":"O"},"source":{"name":"S"},
            "events":[{"type":"raid","time":"2024-01-01"},{"type":"arrest","time":"2024-01-01"},
            {"type":"charge","time":"2024-01-02"}]}"#;
        assert_eq!(events_in(text), 7, "three events, the document, its operation, its source, and a {{ in a string");
        let mut json = serde_json::Deserializer::from_str(text);
        let operation = WithRoom { events: events_in(text) }.deserialize(&mut json);
        assert_eq!(operation.map(|o| o.events.len()).ok(), Some(3));
    }
}
