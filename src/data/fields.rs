//! The known fields of every object in the format, as tables that both the one-pass typed
//! read ([`super::read_document`], [`super::read_event`]) and the detailed walk
//! ([`super::walk`]) follow.
//!
//! These tables must say exactly what the types in [`super::model`] say; a test compares them
//! with the JSON Schema generated from the types, so they cannot drift apart.

/// What a field holds, and so how it is checked.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind {
    /// The format version: the integer 1.
    Version,
    /// Plain text, never interpreted.
    Text,
    /// Plain text that must say something: a name or a credit line.
    Name,
    /// An integer of at least `min`.
    Integer {
        /// The smallest value allowed.
        min: u64,
    },
    /// An event time (see [`super::time::EventTime`]).
    Time,
    /// An `https:` link.
    Url,
    /// A nested object with these fields.
    Object(&'static [Field]),
    /// The array of events.
    Events,
    /// The array of annotations, each an object with [`ANNOTATION`]'s fields.
    Annotations,
    /// A short label that must say something: an annotation's text (see
    /// [`super::limits::MAX_LABEL_CHARS`]).
    Label,
    /// An event's `type` tag (checked before its other fields).
    EventType,
}

/// Whether `text` is an `https:` link. URL schemes are case-insensitive, so `HTTPS://` is one.
pub(crate) fn is_https(text: &str) -> bool {
    text.get(..8).is_some_and(|scheme| scheme.eq_ignore_ascii_case("https://"))
}

/// One known field of an object.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Field {
    /// The field's name in JSON.
    pub(crate) name: &'static str,
    /// What it holds.
    pub(crate) kind: Kind,
    /// Whether it must be present. Optional fields may also be `null`.
    pub(crate) required: bool,
}

const fn required(name: &'static str, kind: Kind) -> Field {
    Field { name, kind, required: true }
}

const fn optional(name: &'static str, kind: Kind) -> Field {
    Field { name, kind, required: false }
}

/// The document's top-level fields.
pub(crate) const DOCUMENT: &[Field] = &[
    required("version", Kind::Version),
    optional("title", Kind::Text),
    optional("subtitle", Kind::Text),
    required("operation", Kind::Object(OPERATION)),
    optional("reported", Kind::Object(REPORTED)),
    required("events", Kind::Events),
    required("source", Kind::Object(SOURCE)),
    optional("annotations", Kind::Annotations),
];

/// An annotation: a moment a reporter marks on the time views.
pub(crate) const ANNOTATION: &[Field] = &[required("time", Kind::Time), required("text", Kind::Label)];

/// `operation`.
pub(crate) const OPERATION: &[Field] = &[required("name", Kind::Name), optional("agency", Kind::Text)];

/// `reported`.
pub(crate) const REPORTED: &[Field] = &[
    optional("raids", Kind::Integer { min: 0 }),
    optional("arrests", Kind::Integer { min: 0 }),
    optional("charged", Kind::Integer { min: 0 }),
];

/// `source`.
pub(crate) const SOURCE: &[Field] =
    &[required("name", Kind::Name), optional("url", Kind::Url), optional("note", Kind::Text)];

const TYPE: Field = required("type", Kind::EventType);
const ID: Field = optional("id", Kind::Text);
const TIME: Field = required("time", Kind::Time);
const RAID_REF: Field = optional("raid", Kind::Text);
const COUNT: Field = optional("count", Kind::Integer { min: 1 });
const PLACE: Field = optional("place", Kind::Text);
const AREA: Field = optional("area", Kind::Text);
const NOTE: Field = optional("note", Kind::Text);
const OFFENCE: Field = optional("offence", Kind::Text);
const ITEM: Field = required("item", Kind::Text);

/// An event of each type: its `type` value and its fields.
pub(crate) const EVENT_TYPES: &[(&str, &[Field])] = &[
    ("raid", &[TYPE, ID, TIME, PLACE, AREA, NOTE]),
    ("arrest", &[TYPE, ID, TIME, RAID_REF, COUNT, PLACE, AREA, NOTE]),
    ("charge", &[TYPE, ID, TIME, RAID_REF, COUNT, OFFENCE, PLACE, AREA, NOTE]),
    ("seizure", &[TYPE, ID, TIME, RAID_REF, ITEM, PLACE, AREA, NOTE]),
];

/// Every field that some event type has, once each, as the type that has it describes it:
/// what an event is read against before its `type` is known.
pub(crate) const EVENT_FIELDS: &[Field] = &[TYPE, ID, TIME, RAID_REF, COUNT, OFFENCE, ITEM, PLACE, AREA, NOTE];

/// The fields of an event of type `event_type`, if that is one of the four.
pub(crate) fn event_fields(event_type: &str) -> Option<&'static [Field]> {
    EVENT_TYPES.iter().find(|(name, _)| *name == event_type).map(|(_, fields)| *fields)
}

/// The event types that have a field called `name`.
pub(crate) fn event_types_with(name: &str) -> Vec<&'static str> {
    EVENT_TYPES
        .iter()
        .filter(|(_, fields)| fields.iter().any(|f| f.name == name))
        .map(|(event_type, _)| *event_type)
        .collect()
}

/// A field some event type has, called `name` (the first found), for checking events whose
/// type is unknown.
pub(crate) fn any_event_field(name: &str) -> Option<Field> {
    EVENT_TYPES.iter().flat_map(|(_, fields)| fields.iter()).find(|f| f.name == name).copied()
}

/// Every field name any event type has, once each.
pub(crate) fn all_event_field_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Vec::new();
    for field in EVENT_TYPES.iter().flat_map(|(_, fields)| fields.iter()) {
        if !names.contains(&field.name) {
            names.push(field.name);
        }
    }
    names
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    //! The tables against the schema generated from the types.

    use std::collections::BTreeSet;

    use serde_json::Value;

    use super::*;

    fn schema() -> Value {
        serde_json::to_value(schemars::schema_for!(crate::data::Operation)).unwrap_or(Value::Null)
    }

    /// Follows a `$ref` (directly, or inside the `anyOf` schemars writes for an `Option`).
    fn resolve<'a>(root: &'a Value, schema: &'a Value) -> &'a Value {
        let reference = schema
            .get("$ref")
            .or_else(|| {
                schema.get("anyOf").and_then(Value::as_array).and_then(|options| {
                    options.iter().find_map(|o| o.get("$ref"))
                })
            })
            .and_then(Value::as_str);
        match reference.and_then(|r| r.strip_prefix("#/$defs/")) {
            Some(name) => &root["$defs"][name],
            None => schema,
        }
    }

    fn keys(object: &Value, member: &str) -> BTreeSet<String> {
        match object.get(member) {
            Some(Value::Object(map)) => map.keys().cloned().collect(),
            Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
            _ => BTreeSet::new(),
        }
    }

    fn compare(root: &Value, object: &Value, fields: &[Field], what: &str) {
        let known: BTreeSet<String> = fields.iter().map(|f| f.name.to_owned()).collect();
        assert_eq!(known, keys(object, "properties"), "known fields of {what} differ from the types");
        let required: BTreeSet<String> = fields.iter().filter(|f| f.required).map(|f| f.name.to_owned()).collect();
        assert_eq!(required, keys(object, "required"), "required fields of {what} differ from the types");
        assert_eq!(object["additionalProperties"], Value::Bool(false), "{what} must deny unknown fields");
        for field in fields {
            if let Kind::Object(inner) = field.kind {
                let nested = resolve(root, &object["properties"][field.name]);
                compare(root, nested, inner, &format!("{what}.{}", field.name));
            }
            if let Kind::Annotations = field.kind {
                let items = resolve(root, &object["properties"][field.name]["items"]);
                compare(root, items, ANNOTATION, &format!("{what}.{}[]", field.name));
            }
        }
    }

    #[test]
    fn event_fields_are_every_event_types_fields_once() {
        let union: Vec<&str> = EVENT_FIELDS.iter().map(|f| f.name).collect();
        let mut expected = all_event_field_names();
        let mut sorted = union.clone();
        expected.sort_unstable();
        sorted.sort_unstable();
        assert_eq!(sorted, expected);
        for field in EVENT_FIELDS {
            let first = any_event_field(field.name).map(|f| (f.name, f.required));
            assert_eq!(first, Some((field.name, field.required)));
        }
    }

    #[test]
    fn field_tables_match_the_types() {
        let root = schema();
        compare(&root, &root, DOCUMENT, "the document");

        let variants = root["$defs"]["Event"]["oneOf"].as_array().cloned().unwrap_or_default();
        let mut seen = Vec::new();
        for variant in &variants {
            let tag = variant["properties"]["type"]["const"].as_str().unwrap_or("?").to_owned();
            let fields = event_fields(&tag).unwrap_or_else(|| panic!("no table for event type {tag:?}"));
            compare(&root, variant, fields, &format!("a {tag} event"));
            seen.push(tag);
        }
        let tables: Vec<String> = EVENT_TYPES.iter().map(|(t, _)| (*t).to_owned()).collect();
        assert_eq!(seen, tables, "event types differ from the types");
    }
}
