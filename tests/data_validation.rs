//! Validation of operation data: the path and message of each kind of mistake the format
//! describes, several at once, warnings kept apart, limits, suggestions, and never panicking.

mod corpus;

use operation_charts::data::{limits, load, load_typed, load_value, Event, Report};
use serde_json::{json, Value};

const CAYMAN: &str = include_str!("../www/data/operation-cayman.json");
const HARBOUR: &str = include_str!("fixtures/operation-harbour.json");

/// A small valid document to break in one place at a time.
fn base() -> Value {
    json!({
        "version": 1,
        "title": "Test",
        "operation": { "name": "Operation Test", "agency": "Test Police" },
        "reported": { "raids": 2, "arrests": 5, "charged": 2 },
        "events": [
            { "type": "raid", "id": "orchard-st", "time": "2018-04-16T06:00:00+01:00",
              "place": "Orchard Street, Norwich", "area": "Norfolk" },
            { "type": "raid", "id": "derby-st", "time": "2018-04-17", "area": "Norfolk" },
            { "type": "arrest", "time": "2018-04-16T06:20:00+01:00", "raid": "orchard-st", "count": 2 },
            { "type": "charge", "time": "2018-04-18", "raid": "orchard-st", "count": 1,
              "offence": "Possession with intent to supply a Class A drug" },
            { "type": "seizure", "time": "2018-04-17T07:10:00+01:00", "raid": "derby-st", "item": "Machete" }
        ],
        "source": { "name": "Eastern Daily Press", "url": "https://www.edp24.co.uk/", "note": "Test." }
    })
}

fn lines(problems: &[operation_charts::data::Problem]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

/// The typed pass and the detailed walk agree on `text`: where the typed pass gives an
/// answer it is the walk's, and it leaves to the walk only documents the walk rejects.
fn assert_passes_agree(text: &str) {
    if text.len() > limits::MAX_DOCUMENT_BYTES {
        return; // Neither pass sees it.
    }
    let walked = serde_json::from_str::<Value>(text.strip_prefix('\u{feff}').unwrap_or(text)).ok().map(load_value);
    let preview: String = text.chars().take(200).collect();
    match (load_typed(text), walked) {
        (Some(typed), Some(walked)) => assert_eq!(typed, walked, "the passes differ on {preview}"),
        (Some(typed), None) => panic!("the typed pass read text that is not JSON: {preview}\n{typed:?}"),
        // A key given twice is the one thing a JSON value cannot show the walk: `load` finds it
        // in the text.
        (None, Some(Ok(_))) => assert!(
            load(text).is_err_and(|r| r.errors.iter().any(|e| e.to_string().contains("given twice"))),
            "the typed pass rejected a document the walk accepts: {preview}"
        ),
        (None, Some(Err(_)) | None) => {}
    }
    assert_eq!(load(text).is_ok(), load_typed(text).is_some_and(|r| r.is_ok()), "{preview}");
}

/// The errors for a document given as text.
fn errors_of_text(text: &str) -> Vec<String> {
    assert_passes_agree(text);
    match load(text) {
        Ok(checked) => panic!("expected errors, but it loaded (warnings: {:?})", lines(&checked.warnings)),
        Err(report) => {
            assert!(report.warnings.is_empty(), "warnings are only looked for once there are no errors");
            lines(&report.errors)
        }
    }
}

fn errors_of(doc: &Value) -> Vec<String> {
    errors_of_text(&doc.to_string())
}

/// Asserts `doc` has exactly the one error `expected`.
fn assert_error(doc: &Value, expected: &str) {
    assert_eq!(errors_of(doc), vec![expected.to_owned()]);
}

fn warnings_of(doc: &Value) -> Vec<String> {
    assert_passes_agree(&doc.to_string());
    match load(&doc.to_string()) {
        Ok(checked) => lines(&checked.warnings),
        Err(Report { errors, .. }) => panic!("expected no errors, got {:?}", lines(&errors)),
    }
}

fn with(mut doc: Value, pointer: &str, value: Value) -> Value {
    *doc.pointer_mut(pointer).unwrap_or_else(|| panic!("no {pointer} in the base document")) = value;
    doc
}

fn without(mut doc: Value, pointer: &str, field: &str) -> Value {
    doc.pointer_mut(pointer).and_then(Value::as_object_mut).unwrap().remove(field);
    doc
}

fn event_with(index: usize, field: &str, value: Value) -> Value {
    with(base(), &format!("/events/{index}/{field}"), value)
}

fn event_with_new(index: usize, field: &str, value: Value) -> Value {
    let mut doc = base();
    doc["events"][index][field] = value;
    doc
}

// ----- valid documents ----------------------------------------------------------------------

#[test]
fn the_base_document_is_valid_with_no_warnings() {
    let checked = load(&base().to_string()).unwrap();
    assert!(checked.warnings.is_empty(), "{:?}", lines(&checked.warnings));
    assert_eq!(checked.operation.events.len(), 5);
}

#[test]
fn the_bundled_cayman_dataset_is_valid_and_matches_the_report() {
    let checked = load(CAYMAN).unwrap_or_else(|r| panic!("{:?}", lines(&r.errors)));
    assert!(checked.warnings.is_empty(), "{:?}", lines(&checked.warnings));
    let op = &checked.operation;
    assert_eq!(op.version, 1);
    assert_eq!(op.operation.name, "Operation Cayman");
    assert_eq!(op.operation.agency.as_deref(), Some("Norfolk Constabulary"));
    let reported = op.reported.unwrap();
    assert_eq!((reported.raids, reported.arrests, reported.charged), (Some(17), Some(33), Some(21)));

    let raids: Vec<&Event> = op.events.iter().filter(|e| matches!(e, Event::Raid(_))).collect();
    let arrested: u64 = op.events.iter().filter(|e| matches!(e, Event::Arrest(_))).map(Event::people).sum();
    let charged: u64 = op.events.iter().filter(|e| matches!(e, Event::Charge(_))).map(Event::people).sum();
    assert_eq!((raids.len(), arrested, charged), (17, 33, 21), "itemised totals must equal the reported ones");

    let areas: std::collections::BTreeSet<&str> = raids.iter().filter_map(|e| e.area()).collect();
    assert_eq!(areas.into_iter().collect::<Vec<_>>(), ["London", "Norfolk"]);
    let orchard = raids.iter().find(|e| e.place() == Some("Orchard Street, Norwich")).unwrap().id();
    assert!(op.events.iter().any(|e| matches!(e, Event::Arrest(_)) && e.raid_ref() == orchard));
    let derby = raids.iter().find(|e| e.place() == Some("Derby Street, Norwich")).unwrap().id();
    assert!(op.events.iter().any(|e| matches!(e, Event::Seizure(s) if &*s.item == "Machete") && e.raid_ref() == derby));

    // Monday 16 to Thursday 19 April 2018.
    let mut dates: Vec<String> = op.events.iter().map(|e| e.time().date().to_string()).collect();
    dates.sort();
    assert_eq!(dates.first().map(String::as_str), Some("2018-04-16"));
    assert_eq!(dates.last().map(String::as_str), Some("2018-04-19"));

    let source = &op.source;
    assert_eq!(source.name, "Eastern Daily Press");
    assert_eq!(source.url.as_deref(), Some("https://www.edp24.co.uk/"));
    let note = source.note.as_deref().unwrap_or("");
    assert!(note.contains("illustrative") && note.contains("17") && note.contains("33") && note.contains("21"));
}

#[test]
fn the_harbour_fixture_is_valid_and_keeps_markup_as_text() {
    // Intended: no warnings. Reported arrests (14) are above the itemised ones (9), which is
    // not a warning: it is what "not itemised" in the charts is for.
    let checked = load(HARBOUR).unwrap_or_else(|r| panic!("{:?}", lines(&r.errors)));
    assert!(checked.warnings.is_empty(), "{:?}", lines(&checked.warnings));
    let places: Vec<&str> = checked.operation.events.iter().filter_map(Event::place).collect();
    assert!(places.contains(&"<b>Quay</b> Road"));
    let areas: std::collections::BTreeSet<&str> = checked.operation.events.iter().filter_map(Event::area).collect();
    assert_eq!(areas.len(), 3);
    assert!(checked.operation.source.note.as_deref().unwrap_or("").contains("Fictional"));
}

#[test]
fn the_types_accept_every_document_the_checks_pass() {
    // If the checks passed something serde rejects, load would report an error at `$`.
    let docs = [
        base(),
        with(base(), "/title", Value::Null),
        with(base(), "/reported", Value::Null),
        with(with(base(), "/events", json!([])), "/reported", json!({ "arrests": 3 })),
        event_with(2, "count", Value::Null),
        event_with(2, "time", json!("2018-04-16T06:20Z")),
        event_with(2, "time", json!("2018-04-16T06:20:00.5-05:00")),
        event_with_new(2, "id", Value::Null),
        without(base(), "", "reported"),
        without(without(base(), "/source", "url"), "/source", "note"),
        event_with_new(4, "note", json!("<b>bold</b> & \"quoted\"")),
        event_with_new(3, "area", json!("London")),
        serde_json::from_str(CAYMAN).unwrap(),
        serde_json::from_str(HARBOUR).unwrap(),
    ];
    for doc in docs {
        if let Err(report) = load_value(doc.clone()) {
            panic!("{doc}\nwas rejected: {:?}", lines(&report.errors));
        }
    }
}

#[test]
fn serde_reads_the_internally_tagged_events_and_denies_unknown_fields() {
    let raid: Event = serde_json::from_value(json!({ "type": "raid", "time": "2018-04-16" })).unwrap();
    assert!(matches!(raid, Event::Raid(_)));
    let charge: Event =
        serde_json::from_value(json!({ "type": "charge", "time": "2018-04-16", "offence": "x", "count": 2 })).unwrap();
    assert_eq!(charge.people(), 2);
    // Fields of another type, unknown fields, unknown types and a missing tag all fail.
    for bad in [
        json!({ "type": "raid", "time": "2018-04-16", "item": "Machete" }),
        json!({ "type": "raid", "time": "2018-04-16", "raid": "x" }),
        json!({ "type": "arrest", "time": "2018-04-16", "offence": "x" }),
        json!({ "type": "seizure", "time": "2018-04-16", "item": "x", "count": 1 }),
        json!({ "type": "arrest", "time": "2018-04-16", "palce": "x" }),
        json!({ "type": "arest", "time": "2018-04-16" }),
        json!({ "time": "2018-04-16" }),
        json!({ "type": "seizure", "time": "2018-04-16" }),
    ] {
        assert!(serde_json::from_value::<Event>(bad.clone()).is_err(), "serde accepted {bad}");
    }
    // And it writes the tag back.
    assert_eq!(serde_json::to_value(&raid).unwrap(), json!({ "type": "raid", "time": "2018-04-16" }));
}

// ----- each kind of mistake -----------------------------------------------------------------

#[test]
fn json_syntax_error_says_where() {
    assert_eq!(
        errors_of_text("{\n  \"version\": 1,\n  \"title\": \"x\"\n  \"events\": []\n}"),
        ["$: expected valid JSON, found a syntax error at line 4, column 3: expected `,` or `}`"]
    );
    assert_eq!(
        errors_of_text(""),
        ["$: expected valid JSON, found a syntax error at line 1, column 0: EOF while parsing a value"]
    );
}

#[test]
fn the_root_must_be_an_object() {
    assert_eq!(errors_of_text("[1, 2]"), ["$: expected an object (an operation document), found [1,2]"]);
    assert_eq!(errors_of_text("\"hello\""), ["$: expected an object (an operation document), found \"hello\""]);
    assert_eq!(errors_of_text("null"), ["$: expected an object (an operation document), found null"]);
}

#[test]
fn version_must_be_1() {
    assert_error(&with(base(), "/version", json!(2)), "version: expected 1 (the only format version there is), found 2");
    assert_error(&with(base(), "/version", json!("1")), "version: expected 1 (the only format version there is), found \"1\"");
    assert_error(&without(base(), "", "version"), "version: required field is missing");
}

#[test]
fn required_fields() {
    assert_error(&without(base(), "", "operation"), "operation: required field is missing");
    assert_error(&without(base(), "/operation", "name"), "operation.name: required field is missing");
    assert_error(&without(base(), "", "source"), "source: required field is missing");
    assert_error(&without(base(), "/source", "name"), "source.name: required field is missing");
    assert_error(&without(base(), "/events/0", "time"), "events[0].time: required field is missing");
    assert_error(&without(base(), "/events/4", "item"), "events[4].item: required field is missing");
    assert_error(
        &without(base(), "/events/2", "type"),
        "events[2].type: required field is missing",
    );
    assert_error(
        &with(base(), "/source/name", Value::Null),
        "source.name: expected a string, found null",
    );
    assert_error(
        &with(base(), "/source/name", json!("  ")),
        "source.name: expected some text, found an empty string; a chart must say what it shows and where its numbers come from",
    );
    assert_error(
        &with(base(), "/operation/name", json!("")),
        "operation.name: expected some text, found an empty string; a chart must say what it shows and where its numbers come from",
    );
}

#[test]
fn events_are_required_and_may_be_empty_only_with_reported_totals() {
    let doc = without(base(), "", "events");
    assert_error(&doc, "events: required field is missing");
    let empty = with(without(base(), "", "reported"), "/events", json!([]));
    let nothing = "events: expected at least one event, found an empty list and no \"reported\" totals; \
                   give the itemised events, or the headline totals in \"reported\"";
    assert_error(&empty, nothing);
    let mut empty_totals = empty.clone();
    empty_totals["reported"] = json!({});
    assert_error(&empty_totals, nothing);
    let mut only_totals = empty;
    only_totals["reported"] = json!({ "raids": 17 });
    assert!(load(&only_totals.to_string()).is_ok());
    assert_error(&with(base(), "/events", json!({})), "events: expected an array of events, found {}");
    assert_error(&with(base(), "/events/2", json!("arrest")), "events[2]: expected an event object, found \"arrest\"");
}

#[test]
fn wrong_types_show_what_was_found() {
    assert_error(&with(base(), "/title", json!(17)), "title: expected a string, found 17");
    assert_error(&with(base(), "/operation", json!("Cayman")), "operation: expected an object, found \"Cayman\"");
    assert_error(&with(base(), "/reported/raids", json!("17")), "reported.raids: expected an integer ≥ 0, found \"17\"");
    assert_error(&with(base(), "/reported/arrests", json!(-3)), "reported.arrests: expected an integer ≥ 0, found -3");
    assert_error(&with(base(), "/reported/charged", json!(2.5)), "reported.charged: expected an integer ≥ 0, found 2.5");
    assert_error(&with(base(), "/reported", json!([17, 33, 21])), "reported: expected an object, found [17,33,21]");
    assert_error(&event_with(4, "item", json!(["Machete"])), "events[4].item: expected a string, found [\"Machete\"]");
}

#[test]
fn counts_are_integers_of_at_least_one() {
    assert_error(&event_with(2, "count", json!(0)), "events[2].count: expected an integer ≥ 1, found 0");
    assert_error(&event_with(2, "count", json!(-2)), "events[2].count: expected an integer ≥ 1, found -2");
    assert_error(&event_with(2, "count", json!(1.5)), "events[2].count: expected an integer ≥ 1, found 1.5");
    assert_error(&event_with(2, "count", json!(2.0)), "events[2].count: expected an integer ≥ 1, found 2.0");
    assert_error(&event_with(3, "count", json!("2")), "events[3].count: expected an integer ≥ 1, found \"2\"");
    assert_error(&event_with(3, "count", json!(true)), "events[3].count: expected an integer ≥ 1, found true");
}

#[test]
fn huge_numbers_are_errors_not_panics() {
    let text = base().to_string().replace("\"count\":2", "\"count\":123456789012345678901234567890");
    assert_eq!(errors_of_text(&text), ["events[2].count: expected an integer ≥ 1, found 1.2345678901234568e+29"]);
    let text = base().to_string().replace("\"count\":2", "\"count\":1e400");
    let errors = errors_of_text(&text);
    assert_eq!(errors.len(), 1);
    assert!(errors[0].starts_with("$: expected valid JSON, found a syntax error at line 1, column"), "{errors:?}");
    assert!(errors[0].ends_with("number out of range"), "{errors:?}");
    assert_error(&with(base(), "/version", json!(u64::MAX)), "version: expected 1 (the only format version there is), found 18446744073709551615");
}

#[test]
fn event_times() {
    assert_error(
        &event_with(2, "time", json!("12/03/2018")),
        "events[2].time: expected an ISO 8601 date or date-time with offset, found \"12/03/2018\"",
    );
    assert_error(
        &event_with(0, "time", json!("2018-04-16T06:00:00")),
        "events[0].time: expected a date-time with a UTC offset, found \"2018-04-16T06:00:00\" which has none; \
         add a UTC offset such as \"2018-04-16T06:00:00+01:00\" or \"2018-04-16T06:00:00Z\"",
    );
    assert_error(
        &event_with(0, "time", json!("2018-04-16 06:00")),
        "events[0].time: expected a date-time with a UTC offset, found \"2018-04-16 06:00\" which has none; \
         add a UTC offset such as \"2018-04-16T06:00+01:00\" or \"2018-04-16T06:00Z\"",
    );
    assert_error(
        &event_with(3, "time", json!("2018-02-30")),
        "events[3].time: expected an ISO 8601 date or date-time with offset, found \"2018-02-30\"",
    );
    assert_error(
        &event_with(3, "time", json!(20180418)),
        "events[3].time: expected a string, found 20180418",
    );
}

#[test]
fn the_suggested_offsets_are_themselves_valid() {
    for written in ["2018-04-16T06:00:00", "2018-04-16T06:00", "2018-04-16 06:00", "2018-04-16T06:00:00.250"] {
        let errors = errors_of(&event_with(0, "time", json!(written)));
        let message = errors.first().cloned().unwrap_or_default();
        let suggestions: Vec<&str> = message.split('"').skip(3).step_by(2).collect();
        assert_eq!(suggestions.len(), 2, "{message}");
        for suggestion in suggestions {
            assert!(load(&event_with(0, "time", json!(suggestion)).to_string()).is_ok(), "{suggestion} from {message}");
        }
    }
}

#[test]
fn source_url_must_be_https() {
    assert_error(
        &with(base(), "/source/url", json!("http://www.edp24.co.uk/")),
        "source.url: expected a link starting with \"https://\", found \"http://www.edp24.co.uk/\"",
    );
    assert_error(
        &with(base(), "/source/url", json!("javascript:alert(1)")),
        "source.url: expected a link starting with \"https://\", found \"javascript:alert(1)\"",
    );
}

#[test]
fn unknown_fields_are_errors_with_suggestions() {
    assert_error(&event_with_new(3, "palce", json!("x")), "events[3].palce: unknown field; did you mean \"place\"?");
    assert_error(&event_with_new(0, "colur", json!("red")), "events[0].colur: unknown field");
    let mut doc = base();
    doc["titel"] = json!("x");
    assert_error(&doc, "titel: unknown field; did you mean \"title\"?");
    let mut doc = base();
    doc["source"]["URL"] = json!("https://x");
    assert_error(&doc, "source.URL: unknown field; did you mean \"url\"?");
    let mut doc = base();
    doc["reported"]["arrested"] = json!(3);
    assert_error(&doc, "reported.arrested: unknown field; did you mean \"arrests\"?");
    let mut doc = base();
    doc["operation"]["odd key"] = json!(1);
    assert_error(&doc, "operation[\"odd key\"]: unknown field");
}

#[test]
fn event_types_with_suggestions() {
    assert_error(
        &event_with(2, "type", json!("arest")),
        "events[2].type: expected \"raid\", \"arrest\", \"charge\" or \"seizure\", found \"arest\"; did you mean \"arrest\"?",
    );
    assert_error(
        &event_with(2, "type", json!("Raid")),
        "events[2].type: expected \"raid\", \"arrest\", \"charge\" or \"seizure\", found \"Raid\"; did you mean \"raid\"?",
    );
    assert_error(
        &event_with(2, "type", json!("search")),
        "events[2].type: expected \"raid\", \"arrest\", \"charge\" or \"seizure\", found \"search\"",
    );
    assert_error(
        &event_with(2, "type", json!(3)),
        "events[2].type: expected \"raid\", \"arrest\", \"charge\" or \"seizure\", found 3",
    );
}

#[test]
fn an_event_of_unknown_type_still_has_its_fields_checked() {
    let doc = with(event_with(2, "type", json!("arest")), "/events/2/time", json!("yesterday"));
    assert_eq!(
        errors_of(&doc),
        [
            "events[2].type: expected \"raid\", \"arrest\", \"charge\" or \"seizure\", found \"arest\"; did you mean \"arrest\"?",
            "events[2].time: expected an ISO 8601 date or date-time with offset, found \"yesterday\"",
        ]
    );
}

#[test]
fn fields_that_belong_to_other_event_types() {
    assert_error(
        &event_with_new(0, "item", json!("Machete")),
        "events[0].item: \"item\" does not belong on a raid event; it is only for seizure events",
    );
    assert_error(
        &event_with_new(2, "offence", json!("x")),
        "events[2].offence: \"offence\" does not belong on an arrest event; it is only for charge events",
    );
    assert_error(
        &event_with_new(4, "count", json!(2)),
        "events[4].count: \"count\" does not belong on a seizure event; it is only for arrest or charge events",
    );
    assert_error(
        &event_with_new(0, "raid", json!("derby-st")),
        "events[0].raid: \"raid\" does not belong on a raid event; it is only for arrest, charge or seizure events",
    );
}

#[test]
fn ids_are_unique() {
    assert_error(
        &event_with_new(3, "id", json!("orchard-st")),
        "events[3].id: duplicate id \"orchard-st\": ids must be unique, and events[0] already uses it",
    );
}

#[test]
fn raid_references_must_name_a_raid() {
    assert_error(
        &event_with(2, "raid", json!("orchard-sf")),
        "events[2].raid: expected the id of a raid event, found \"orchard-sf\" which no raid has; did you mean \"orchard-st\"?",
    );
    assert_error(
        &event_with(2, "raid", json!("elsewhere")),
        "events[2].raid: expected the id of a raid event, found \"elsewhere\" which no raid has",
    );
    let doc = with(event_with_new(3, "id", json!("charge-1")), "/events/2/raid", json!("charge-1"));
    assert_error(
        &doc,
        "events[2].raid: expected the id of a raid event, found \"charge-1\" which is the id of events[3], not a raid",
    );
}

#[test]
fn strings_are_at_most_1000_characters() {
    assert_error(
        &with(base(), "/title", json!("x".repeat(1001))),
        "title: text too long: expected at most 1,000 characters, found 1,001",
    );
    assert!(load(&with(base(), "/title", json!("é".repeat(1000))).to_string()).is_ok());
    assert_error(
        &event_with_new(2, "id", json!("r".repeat(5000))),
        "events[2].id: text too long: expected at most 1,000 characters, found 5,000",
    );
}

#[test]
fn documents_are_at_most_50_mb() {
    let mut text = base().to_string();
    text.push_str(&" ".repeat(50_000_001 - text.len()));
    assert_eq!(
        errors_of_text(&text),
        ["$: document too large: expected at most 50 MB (50,000,000 bytes), found 50,000,001 bytes"]
    );
}

#[test]
fn at_most_a_million_events() {
    // 1,000,001 minimal events: about 3 MB of JSON, quick to parse even in debug builds.
    let mut text = String::from(r#"{"version":1,"operation":{"name":"x"},"source":{"name":"x"},"events":["#);
    text.push_str(&vec!["{}"; 1_000_001].join(","));
    text.push_str("]}");
    assert_eq!(errors_of_text(&text), ["events: too many events: expected at most 1,000,000, found 1,000,001"]);
}

// ----- several at once ----------------------------------------------------------------------

#[test]
fn every_error_is_reported_not_just_the_first() {
    let mut doc = base();
    doc["version"] = json!(2);
    doc["colur"] = json!("red");
    doc["source"]["url"] = json!("http://x");
    doc["events"][0]["time"] = json!("12/03/2018");
    doc["events"][2]["count"] = json!(0);
    doc["events"][3]["raid"] = json!("nowhere");
    doc["events"][4]["type"] = json!("seizur");
    assert_eq!(
        errors_of(&doc),
        [
            "colur: unknown field",
            "version: expected 1 (the only format version there is), found 2",
            "events[0].time: expected an ISO 8601 date or date-time with offset, found \"12/03/2018\"",
            "events[2].count: expected an integer ≥ 1, found 0",
            "events[4].type: expected \"raid\", \"arrest\", \"charge\" or \"seizure\", found \"seizur\"; did you mean \"seizure\"?",
            "source.url: expected a link starting with \"https://\", found \"http://x\"",
            "events[3].raid: expected the id of a raid event, found \"nowhere\" which no raid has",
        ]
    );
}

// ----- warnings -----------------------------------------------------------------------------

#[test]
fn warnings_are_kept_apart_from_errors() {
    let checked = load(&with(base(), "/reported/arrests", json!(1)).to_string()).unwrap();
    assert_eq!(
        lines(&checked.warnings),
        ["reported.charged: more people reported charged (2) than reported arrested (1)",
         "reported.arrests: the itemised events add up to 2 arrests, more than the 1 reported"]
    );
}

#[test]
fn more_charged_than_arrested_in_the_itemised_events() {
    assert_eq!(
        warnings_of(&event_with(3, "count", json!(3))),
        [
            "events: the itemised events charge more people (3) than they arrest (2)",
            "reported.charged: the itemised events add up to 3 people charged, more than the 2 reported",
        ]
    );
}

#[test]
fn itemised_totals_above_reported() {
    let doc = with(base(), "/reported", json!({ "raids": 1, "arrests": 1, "charged": 0 }));
    assert_eq!(
        warnings_of(&doc),
        [
            "reported.raids: the itemised events add up to 2 raids, more than the 1 reported",
            "reported.arrests: the itemised events add up to 2 arrests, more than the 1 reported",
            "reported.charged: the itemised events add up to 1 person charged, more than the 0 reported",
        ]
    );
}

#[test]
fn arrests_and_charges_dated_before_their_raid() {
    assert_eq!(
        warnings_of(&event_with(2, "time", json!("2018-04-16T05:59:00+01:00"))),
        ["events[2].time: this arrest is dated \"2018-04-16T05:59:00+01:00\", before its raid \"orchard-st\" \
          (events[0], dated \"2018-04-16T06:00:00+01:00\")"]
    );
    assert_eq!(
        warnings_of(&event_with(3, "time", json!("2018-04-15"))),
        ["events[3].time: this charge is dated \"2018-04-15\", before its raid \"orchard-st\" \
          (events[0], dated \"2018-04-16T06:00:00+01:00\")"]
    );
    // A whole day counts as that day: same day as the raid is not before it.
    assert!(warnings_of(&event_with(2, "time", json!("2018-04-16"))).is_empty());
    // Seizures are not checked.
    assert!(warnings_of(&event_with(4, "time", json!("2018-04-01"))).is_empty());
}

// ----- garbage never panics -----------------------------------------------------------------

#[test]
fn load_never_panics_on_garbage() {
    let deep_arrays = "[".repeat(10_000);
    let deep_objects = "{\"a\":".repeat(10_000);
    let deep_closed = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let deep_events = format!(
        r#"{{"version":1,"operation":{{"name":"x"}},"source":{{"name":"x"}},"events":[{{"type":"raid","time":"2018-04-16","note":{}1{}}}]}}"#,
        "[".repeat(100),
        "]".repeat(100)
    );
    let inputs: Vec<String> = vec![
        deep_arrays,
        deep_objects,
        deep_closed,
        deep_events,
        String::new(),
        "\u{feff}".into(),
        "\u{0}".into(),
        "{".into(),
        "}".into(),
        "true".into(),
        "1e999999".into(),
        "-0".into(),
        "\"\\ud800\"".into(),
        r#"{"events":null}"#.into(),
        r#"{"events":[null,1,"x",[],{}]}"#.into(),
        r#"{"version":1,"operation":{"name":"x"},"source":{"name":"x"},"events":[{"type":"arrest","time":"2018-04-16","raid":"","count":-9223372036854775808}]}"#.into(),
        r#"{"version":1e308,"operation":[],"source":"","reported":{"raids":-1,"arrests":1.0e-300},"events":[]}"#.into(),
        format!(r#"{{"{}":1}}"#, "k".repeat(100_000)),
        r#"{"version":1,"operation":{"name":"x"},"source":{"name":"x"},"events":[{"type":"charge","time":"2018-13-45T99:99:99+99:99"},{"type":"seizure","time":"２０１８-04-16"}]}"#.into(),
    ];
    for input in &inputs {
        assert_passes_agree(input);
        let result = std::panic::catch_unwind(|| load(input));
        let preview: String = input.chars().take(60).collect();
        match result {
            Ok(Err(report)) => assert!(!report.errors.is_empty(), "{preview}"),
            Ok(Ok(_)) => panic!("garbage accepted: {preview}"),
            Err(_) => panic!("load panicked on {preview}"),
        }
    }
    let deep = load(&"[".repeat(10_000)).unwrap_err();
    assert_eq!(lines(&deep.errors), ["$: expected valid JSON, found a syntax error at line 1, column 128: recursion limit exceeded"]);
}

// ----- the typed pass and the walk -------------------------------------------------------------

#[test]
fn the_typed_pass_reads_the_valid_fixtures_as_the_walk_does() {
    for text in [CAYMAN, HARBOUR, &base().to_string(), &format!("\u{feff}{}", base())] {
        assert_passes_agree(text);
        assert!(matches!(load_typed(text), Some(Ok(_))), "the typed pass did not read {:.80}", text);
    }
    // Every edge case of the corpus: empty, one event, huge counts, hostile text, …
    for f in corpus::all() {
        assert_passes_agree(&f.text);
        assert!(matches!(load_typed(&f.text), Some(Ok(_))), "the typed pass did not read {}", f.name);
    }
}

/// Values to put anywhere in a document: each kind of JSON value, and strings that mean
/// something somewhere.
fn odd_values() -> Vec<Value> {
    let mut values = vec![
        Value::Null, json!(true), json!(0), json!(1), json!(2), json!(-1), json!(1.5), json!(2.0), json!(u64::MAX),
        json!(""), json!("  "), json!("x"), json!("orchard-st"), json!("derby-st"), json!("charge-1"), json!("2018-04-16"),
        json!(" 2018-04-16 "), json!("2018-04-16T06:00"), json!("2018-04-16T06:00+01:00"), json!("https://x"),
        json!("HTTPS://x"), json!("http://x"), json!("raid"), json!("arrest"), json!("charge"), json!("seizure"),
        json!("x".repeat(1001)), json!(format!("2018-04-16{}", " ".repeat(991))), json!([]), json!([1]), json!({}),
        json!({ "raids": 1 }), json!({ "name": "x" }),
    ];
    values.extend(base()["events"].as_array().cloned().unwrap_or_default());
    values
}

/// Every JSON pointer to a value in `doc`, the document itself first.
fn pointers(doc: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match doc {
        Value::Object(map) => map.iter().for_each(|(k, v)| pointers(v, format!("{at}/{k}"), out)),
        Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| pointers(v, format!("{at}/{i}"), out)),
        _ => {}
    }
}

#[test]
fn the_typed_pass_and_the_walk_agree_on_every_small_change() {
    let mut documents: Vec<Value> = Vec::new();
    let mut all = Vec::new();
    pointers(&base(), String::new(), &mut all);
    for pointer in &all {
        for value in odd_values() {
            documents.push(with(base(), pointer, value));
        }
        // Each member left out.
        if let Some((parent, key)) = pointer.rsplit_once('/') {
            if let Some(Value::Object(_)) = base().pointer(parent) {
                documents.push(without(base(), parent, key));
            }
        }
    }
    // Each field any event has (and two that none has) added to each event, with each value.
    let names = ["type", "id", "time", "raid", "count", "offence", "item", "place", "area", "note", "palce", "colour"];
    for index in 0..5 {
        for name in names {
            for value in odd_values() {
                documents.push(event_with_new(index, name, value));
            }
        }
    }
    for name in ["title", "subtitle", "reported", "titel"] {
        for value in odd_values() {
            let mut doc = with(base(), "/events", json!([]));
            doc[name] = value;
            documents.push(doc);
        }
    }
    assert!(documents.len() > 2_000, "{}", documents.len());
    let (mut accepted, mut rejected) = (0, 0);
    for doc in &documents {
        let text = doc.to_string();
        assert_passes_agree(&text);
        if load(&text).is_ok() {
            accepted += 1;
        } else {
            rejected += 1;
        }
    }
    // Both kinds are well represented.
    assert!(accepted > 200 && rejected > 1_000, "{accepted} accepted, {rejected} rejected");
}

#[test]
fn a_key_given_twice_in_one_object_is_an_error_at_its_path() {
    // A JSON reader keeps one of the two and drops the other without a word: refused, like an
    // unknown field, whichever one is valid.
    const TWICE: &str = "this key is given twice in one object; give it once (a reader keeps only one, and the other would be lost)";
    let text = base().to_string().replacen("\"title\":\"Test\"", "\"title\":17,\"title\":\"Test\"", 1);
    assert!(load_typed(&text).is_none());
    assert_eq!(errors_of_text(&text), [format!("title: {TWICE}")]);
    // Both problems at once: the repeat, and what is wrong with the value kept.
    let text = base().to_string().replacen("\"count\":2", "\"count\":2,\"count\":0", 1);
    assert_eq!(errors_of_text(&text), [format!("events[2].count: {TWICE}"), "events[2].count: expected an integer ≥ 1, found 0".to_owned()]);
}

#[test]
fn a_link_scheme_is_read_in_any_case() {
    let text = base().to_string().replacen("https://www.edp24", "HTTPS://www.edp24", 1);
    assert!(load(&text).is_ok(), "{:?}", load(&text).err().map(|r| lines(&r.errors)));
    let text = base().to_string().replacen("https://www.edp24.co.uk/", "http://example.org/report", 1);
    assert_eq!(errors_of_text(&text), ["source.url: expected a link starting with \"https://\", found \"http://example.org/report\""]);
}
