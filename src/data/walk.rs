//! The shape check: walks a parsed JSON value with its path, against the tables in
//! [`super::fields`], and collects every error (types, required and unknown fields, event
//! types, times, links, limits) rather than stopping at the first.
//!
//! A valid document never comes here: it is read in one typed pass (see [`super::validate`]).
//! The walk explains the documents that pass rejects, and has the last word on them.

use serde_json::{Map, Value};

use super::fields::{self, Field, Kind};
use super::limits;
use super::messages;
use super::path::JsonPath;
use super::problem::Problem;
use super::suggest;
use super::time::{EventTime, TimeError};

/// Collects errors into a list, each at its path.
struct Walker<'e> {
    errors: &'e mut Vec<Problem>,
}

/// Checks the shape of a whole document, adding every error found to `errors`.
pub(crate) fn check_document(document: &Value, errors: &mut Vec<Problem>) {
    let mut walker = Walker { errors };
    let root = JsonPath::root();
    match document {
        Value::Object(object) => walker.object(object, &root, fields::DOCUMENT),
        other => walker.error(&root, messages::expected_found(messages::EXPECT_DOCUMENT, other)),
    }
}

impl Walker<'_> {
    fn error(&mut self, path: &JsonPath, message: String) {
        self.errors.push(Problem::new(path, message));
    }

    /// Unknown fields first, then each known field in the order the format lists them.
    fn object(&mut self, object: &Map<String, Value>, path: &JsonPath, known: &[Field]) {
        for key in object.keys() {
            if !known.iter().any(|f| f.name == key) {
                let suggestion = suggest::closest(key, known.iter().map(|f| f.name));
                self.error(&path.field(key), messages::unknown_field(suggestion));
            }
        }
        for field in known {
            self.field(object, path, field);
        }
        if known.iter().any(|f| f.name == "events") {
            self.something_to_chart(object, path);
        }
    }

    fn field(&mut self, object: &Map<String, Value>, path: &JsonPath, field: &Field) {
        let here = path.field(field.name);
        match object.get(field.name) {
            None if field.required => self.error(&here, messages::required_missing()),
            None => {}
            Some(Value::Null) if !field.required => {}
            Some(value) => self.value(value, &here, field.kind),
        }
    }

    fn value(&mut self, value: &Value, path: &JsonPath, kind: Kind) {
        match kind {
            Kind::Version => {
                if value.as_u64() != Some(1) {
                    self.error(path, messages::unsupported_version(value));
                }
            }
            Kind::Text => {
                self.text(value, path);
            }
            Kind::Name => {
                if self.text(value, path).is_some_and(|t| t.trim().is_empty()) {
                    self.error(path, messages::empty_name());
                }
            }
            Kind::Integer { min } => match value.as_u64() {
                Some(n) if n >= min => {
                    if let Some(message) = limits::check_count(n) {
                        self.error(path, message);
                    }
                }
                _ => self.error(path, messages::expected_found(&messages::expect_integer_at_least(min), value)),
            },
            Kind::Time => {
                if let Some(text) = self.text(value, path) {
                    match EventTime::parse(text) {
                        Ok(_) => {}
                        Err(TimeError::MissingOffset) => self.error(path, messages::time_missing_offset(text)),
                        Err(TimeError::Invalid) => self.error(path, messages::invalid_time(text)),
                    }
                }
            }
            Kind::Url => {
                if let Some(text) = self.text(value, path) {
                    if !fields::is_https(text) {
                        self.error(path, messages::not_https(text));
                    }
                }
            }
            Kind::Object(inner) => match value {
                Value::Object(object) => self.object(object, path, inner),
                other => self.error(path, messages::expected_found(messages::EXPECT_OBJECT, other)),
            },
            Kind::Events => self.events(value, path),
            Kind::Annotations => self.annotations(value, path),
            Kind::Label => match value {
                Value::String(text) => {
                    if let Some(message) = limits::check_label(text) {
                        self.error(path, message);
                    }
                }
                other => self.error(path, messages::expected_found(messages::EXPECT_STRING, other)),
            },
            // Checked with the rest of the event, in `event`.
            Kind::EventType => {}
        }
    }

    /// A string within the length limit, or an error.
    fn text<'v>(&mut self, value: &'v Value, path: &JsonPath) -> Option<&'v str> {
        match value {
            Value::String(text) => match limits::check_string(text) {
                Some(message) => {
                    self.error(path, message);
                    None
                }
                None => Some(text),
            },
            other => {
                self.error(path, messages::expected_found(messages::EXPECT_STRING, other));
                None
            }
        }
    }

    fn annotations(&mut self, value: &Value, path: &JsonPath) {
        let Value::Array(annotations) = value else {
            self.error(path, messages::expected_found(messages::EXPECT_ANNOTATIONS, value));
            return;
        };
        if let Some(message) = limits::check_annotation_count(annotations.len()) {
            self.error(path, message);
            return;
        }
        for (index, annotation) in annotations.iter().enumerate() {
            let here = path.index(index);
            match annotation {
                Value::Object(object) => self.object(object, &here, fields::ANNOTATION),
                other => self.error(&here, messages::expected_found(messages::EXPECT_ANNOTATION, other)),
            }
        }
    }

    fn events(&mut self, value: &Value, path: &JsonPath) {
        let Value::Array(events) = value else {
            self.error(path, messages::expected_found(messages::EXPECT_ARRAY, value));
            return;
        };
        if let Some(message) = limits::check_event_count(events.len()) {
            // Checking each of millions of events would bury this error; it is the one to fix.
            self.error(path, message);
            return;
        }
        for (index, event) in events.iter().enumerate() {
            let here = path.index(index);
            match event {
                Value::Object(object) => self.event(object, &here),
                other => self.error(&here, messages::expected_found(messages::EXPECT_EVENT, other)),
            }
        }
    }

    fn event(&mut self, object: &Map<String, Value>, path: &JsonPath) {
        let type_path = path.field("type");
        let known = match object.get("type") {
            None => {
                self.error(&type_path, messages::required_missing());
                None
            }
            Some(Value::String(name)) => {
                let known = fields::event_fields(name);
                if known.is_none() {
                    let suggestion = suggest::closest(name, fields::EVENT_TYPES.iter().map(|(t, _)| *t));
                    let found = Value::String(name.chars().take(limits::MAX_STRING_CHARS).collect());
                    self.error(&type_path, messages::unknown_event_type(&found, suggestion));
                }
                known.map(|fields| (name.as_str(), fields))
            }
            Some(other) => {
                self.error(&type_path, messages::unknown_event_type(other, None));
                None
            }
        };
        match known {
            Some((event_type, known)) => self.typed_event(object, path, event_type, known),
            None => self.untyped_event(object, path),
        }
    }

    /// An event of a known type: its fields, and fields that belong to other types.
    fn typed_event(&mut self, object: &Map<String, Value>, path: &JsonPath, event_type: &str, known: &[Field]) {
        for key in object.keys() {
            if known.iter().any(|f| f.name == key) {
                continue;
            }
            let allowed_on = fields::event_types_with(key);
            let message = if allowed_on.is_empty() {
                messages::unknown_field(suggest::closest(key, known.iter().map(|f| f.name)))
            } else {
                messages::field_not_on_type(key, event_type, &allowed_on)
            };
            self.error(&path.field(key), message);
        }
        for field in known {
            self.field(object, path, field);
        }
    }

    /// An event whose type is missing or wrong: check what can be checked without it.
    fn untyped_event(&mut self, object: &Map<String, Value>, path: &JsonPath) {
        let names = fields::all_event_field_names();
        for (key, value) in object {
            match fields::any_event_field(key) {
                Some(field) if field.name == "time" || !matches!(value, Value::Null) => {
                    self.value(value, &path.field(key), field.kind);
                }
                Some(_) => {}
                None => {
                    let suggestion = suggest::closest(key, names.iter().copied());
                    self.error(&path.field(key), messages::unknown_field(suggestion));
                }
            }
        }
        if !object.contains_key("time") {
            self.error(&path.field("time"), messages::required_missing());
        }
    }

    /// An empty `events` needs `reported` totals, or there is nothing to chart.
    fn something_to_chart(&mut self, document: &Map<String, Value>, path: &JsonPath) {
        let no_events = matches!(document.get("events"), Some(Value::Array(events)) if events.is_empty());
        let has_totals = match document.get("reported") {
            Some(Value::Object(reported)) => reported.values().any(|v| !v.is_null()),
            // A `reported` of the wrong type is an error already; do not add a second one.
            Some(Value::Null) | None => false,
            Some(_) => true,
        };
        if no_events && !has_totals {
            self.error(&path.field("events"), messages::nothing_to_chart());
        }
    }
}
