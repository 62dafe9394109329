//! Properties that hold for every operation, not just the ones written down: scales keep
//! order, layout stays inside the chart, every total a reader sees equals the data's,
//! keyboard moves reach every item exactly once, and a valid document survives a round trip
//! through the types the JSON Schema is generated from. Case counts are kept small so that
//! `cargo test` stays fast; the fuzzers (`npm run fuzz`) search much further.

use std::collections::HashSet;
use std::sync::OnceLock;

use proptest::prelude::*;
use serde_json::{json, Value};

use operation_charts::data::{self, Event, Operation};
use operation_charts::derive::Series;
use operation_charts::format::{count, plural};
use operation_charts::layout::scale::{count_ticks, LinearScale};
use operation_charts::layout::{describe, layout, preferred_height, table, FixedWidths, Theme, View};
use operation_charts::scene::{Nav, Scene, Stop};
use operation_charts::testing::bounds::{scene_problems, Room};

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// One event: kind (0 raid, 1 arrest, 2 charge, 3 seizure), minutes after the base time
/// (negative: before), whole day or not, count, area number, which raid it belongs to.
type EventParts = (u8, i32, bool, Option<u64>, Option<u8>, Option<u16>);

fn event_parts() -> impl Strategy<Value = EventParts> {
    (
        0u8..4,
        -200_000i32..200_000,
        any::<bool>(),
        prop_oneof![Just(None), (1u64..50).prop_map(Some), (1u64..=1_000_000_000).prop_map(Some)],
        proptest::option::of(0u8..12),
        proptest::option::of(any::<u16>()),
    )
}

fn time_text(minutes: i32, whole_day: bool) -> String {
    let base = chrono::NaiveDate::from_ymd_opt(2018, 4, 16).and_then(|d| d.and_hms_opt(6, 0, 0)).unwrap_or_default();
    let t = base + chrono::TimeDelta::minutes(i64::from(minutes));
    if whole_day { t.format("%Y-%m-%d").to_string() } else { t.format("%Y-%m-%dT%H:%M:%S+01:00").to_string() }
}

/// A valid document as a JSON value: 0–40 events, raids with ids that other events refer to,
/// reported totals or not.
fn document() -> impl Strategy<Value = Value> {
    (
        proptest::collection::vec(event_parts(), 0..40),
        proptest::option::of((proptest::option::of(0u64..100), proptest::option::of(0u64..1_000), proptest::option::of(0u64..1_000))),
        "[A-Za-z ]{1,30}",
    )
        .prop_map(|(parts, reported, name)| {
            let raid_ids: Vec<String> = parts.iter().enumerate().filter(|(_, p)| p.0 == 0).map(|(i, _)| format!("r{i}")).collect();
            let events: Vec<Value> = parts
                .iter()
                .enumerate()
                .map(|(i, (kind, minutes, whole_day, n, area, raid))| {
                    let kind_name = ["raid", "arrest", "charge", "seizure"][usize::from(*kind)];
                    let mut e = json!({ "type": kind_name, "time": time_text(*minutes, *whole_day) });
                    if *kind == 0 {
                        e["id"] = json!(format!("r{i}"));
                    } else if let (Some(r), false) = (raid, raid_ids.is_empty()) {
                        e["raid"] = json!(raid_ids[usize::from(*r) % raid_ids.len()]);
                    }
                    if let (Some(n), 1 | 2) = (n, kind) {
                        e["count"] = json!(n);
                    }
                    if *kind == 3 {
                        e["item"] = json!("Cash");
                    }
                    if let Some(a) = area {
                        e["area"] = json!(format!("Area {a}"));
                    }
                    e
                })
                .collect();
            let mut doc = json!({
                "version": 1,
                "operation": { "name": if name.trim().is_empty() { "Op".to_owned() } else { name } },
                "events": events,
                "source": { "name": "Source" },
            });
            match reported {
                Some((raids, arrests, charged)) => {
                    let mut r = serde_json::Map::new();
                    for (k, v) in [("raids", raids), ("arrests", arrests), ("charged", charged)] {
                        if let Some(v) = v {
                            r.insert(k.to_owned(), json!(v));
                        }
                    }
                    if parts.is_empty() && r.is_empty() {
                        r.insert("raids".to_owned(), json!(0));
                    }
                    doc["reported"] = Value::Object(r);
                }
                None if parts.is_empty() => doc["reported"] = json!({ "arrests": 0 }),
                None => {}
            }
            doc
        })
}

fn operation(doc: &Value) -> Operation {
    match data::load(&doc.to_string()) {
        Ok(checked) => checked.operation,
        Err(report) => panic!("a generated document is invalid: {:?}\n{doc}", report.errors),
    }
}

fn view() -> impl Strategy<Value = View> {
    prop_oneof![Just(View::Summary), Just(View::Timeline), Just(View::Cumulative), Just(View::Areas)]
}

fn scene(series: &Series, view: View, width: f64) -> Scene {
    scene_at(series, view, width, 1.0)
}

/// `scene` with text `text_scale` times its default size (the reader's font size over 16 px).
fn scene_at(series: &Series, view: View, width: f64, text_scale: f64) -> Scene {
    let theme = Theme::light().with_text_scale(text_scale);
    let height = preferred_height(series, view, width, &theme, &FixedWidths);
    layout(series, view, width, height, &theme, &FixedWidths)
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn scales_keep_the_order_of_values(d0 in -1e9f64..1e9, d1 in -1e9f64..1e9, r0 in -5e3f64..5e3, r1 in -5e3f64..5e3, a in -1e9f64..1e9, b in -1e9f64..1e9) {
        let s = LinearScale::new(d0, d1, r0, r1);
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let (plo, phi) = (s.px(lo), s.px(hi));
        prop_assert!(plo.is_finite() && phi.is_finite());
        if s.r0 <= s.r1 { prop_assert!(plo <= phi + 1e-9 * phi.abs().max(1.0)) } else { prop_assert!(plo >= phi - 1e-9 * phi.abs().max(1.0)) }
    }

    #[test]
    fn count_ticks_rise_in_whole_steps_to_cover_the_maximum(max in 0u64..10_000_000_000, most in 1usize..8) {
        let (top, ticks) = count_ticks(max as f64, most);
        prop_assert!(top >= max as f64);
        prop_assert!(ticks.len() <= most + 2, "{} ticks for at most {most}", ticks.len());
        prop_assert!(ticks.windows(2).all(|w| w[0] < w[1]) && ticks.iter().all(|t| t.fract() == 0.0), "{ticks:?}");
        prop_assert_eq!(ticks.last().copied(), Some(top));
    }
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn layout_stays_inside_the_chart(doc in document(), view in view(), width in 120.0f64..2_000.0, text in 0.75f64..3.0) {
        let series = Series::from_operation(&operation(&doc));
        let problems = scene_problems(&scene_at(&series, view, width, text), Room::Enough);
        prop_assert!(problems.is_empty(), "{view} at {width}, text ×{text}:\n{}", problems.join("\n"));
    }

    #[test]
    fn every_total_a_reader_sees_is_the_data_s(doc in document()) {
        let op = operation(&doc);
        let series = Series::from_operation(&op);
        let itemised = |kind: &str| -> u64 {
            op.events.iter().filter(|e| matches!((kind, e), ("raids", Event::Raid(_)) | ("arrests", Event::Arrest(_)) | ("charged", Event::Charge(_))))
                .fold(0u64, |n, e| n.saturating_add(if kind == "raids" { 1 } else { e.people() }))
        };
        let reported = op.reported.unwrap_or_default();
        let expected = [
            ("Raids", itemised("raids"), reported.raids),
            ("Arrests", itemised("arrests"), reported.arrests),
            ("Charged", itemised("charged"), reported.charged),
        ];
        let summary = scene(&series, View::Summary, 900.0);
        let rows = table(&series, View::Summary).rows;
        for (i, (name, itemised, reported)) in expected.iter().enumerate() {
            let shown = reported.map_or(*itemised, |r| r.max(*itemised));
            // The scene: the bar's value label.
            let value = summary.texts().map(|t| t.text.as_str()).find(|t| *t == count(shown) || t.starts_with(&format!("{} (", count(shown))));
            prop_assert!(value.is_some(), "{name}: no label {} in the summary", count(shown));
            // The tooltip the page receives for that bar.
            let tip = describe(&series, &summary, i).map(|item| item.label).unwrap_or_default();
            prop_assert!(tip.starts_with(&format!("{name}: {}", count(shown))), "{tip}");
            // The data table.
            prop_assert_eq!(rows[i][1].clone(), count(shown));
            prop_assert_eq!(rows[i][3].clone(), count(*itemised));
        }
        // The description.
        let (raids, arrests, charged) = (expected[0], expected[1], expected[2]);
        let shown = |(_, i, r): (&str, u64, Option<u64>)| r.map_or(i, |r| r.max(i));
        let d = &series.description;
        prop_assert!(d.contains(&plural(shown(arrests), "arrest", "arrests")), "{d}");
        prop_assert!(d.contains(&format!("{} of those arrested", count(shown(charged)))) || d.contains(&format!("{} charged", count(shown(charged)))), "{d}");
        if shown(raids) > 0 {
            prop_assert!(d.starts_with(&plural(shown(raids), "raid", "raids")), "{d}");
        }
    }

    #[test]
    fn the_keyboard_reaches_every_item_exactly_once(doc in document(), view in view(), width in 120.0f64..1_500.0) {
        let series = Series::from_operation(&operation(&doc));
        let sc = scene(&series, view, width);
        let hit = &sc.hit;
        let n = hit.len();
        let mut visited = Vec::new();
        // Left and Right walk one lane or series; Up to the groups, Home and Right to the
        // group wanted, Down into it and Home to its start.
        let mut at = hit.go(None, Nav::First, 1);
        for group in 0..hit.groups() {
            let moves = [Nav::Up, Nav::First].into_iter().chain(std::iter::repeat_n(Nav::Next, group)).chain([Nav::Down, Nav::First]);
            at = moves.fold(at, |s, nav| hit.go(s, nav, 1));
            while let Some(Stop::Item(i)) = at {
                visited.push(i);
                prop_assert!(visited.len() <= n, "more moves than items");
                let next = hit.go(at, Nav::Next, 1);
                if next == at { break }
                at = next;
            }
        }
        let distinct: HashSet<usize> = visited.iter().copied().collect();
        prop_assert_eq!(distinct.len(), visited.len(), "an item was visited twice: {:?}", visited);
        prop_assert_eq!(visited.len(), n, "{} of {} items reached", visited.len(), n);
    }

    #[test]
    fn a_valid_document_survives_the_schema_types_round_trip(doc in document()) {
        let op = operation(&doc);
        let written = serde_json::to_value(&op).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let errors: Vec<String> = schema().iter_errors(&written).map(|e| format!("{}: {e}", e.instance_path())).collect();
        prop_assert!(errors.is_empty(), "the schema refuses a valid operation:\n{}\n{written}", errors.join("\n"));
        prop_assert!(schema().is_valid(&doc), "the schema refuses the generated document");
        prop_assert_eq!(operation(&written), op);
    }
}

/// The committed JSON Schema, compiled once.
fn schema() -> &'static jsonschema::Validator {
    static SCHEMA: OnceLock<jsonschema::Validator> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schema/operation.schema.json")).expect("the schema");
        let value: Value = serde_json::from_str(&text).expect("the schema is JSON");
        jsonschema::validator_for(&value).expect("the schema compiles")
    })
}

#[test]
fn raids_in_the_last_years_a_document_can_write_stay_on_the_chart() {
    // The time axis once stopped at about year 5138, and later raids were drawn (and hit)
    // off the chart. Found by the render fuzzer.
    let doc = r#"{"version":1,"operation":{"name":"Op"},"events":[
        {"type":"raid","id":"a","time":"2018-04-16"},{"type":"raid","id":"b","time":"9999-12-31T23:59:59+23:59"},
        {"type":"arrest","raid":"b","time":"9999-12-31"}],"source":{"name":"S"}}"#;
    let series = Series::from_operation(&data::load(doc).expect("valid").operation);
    for view in View::ALL {
        let problems = scene_problems(&scene(&series, view, 640.0), Room::Enough);
        assert!(problems.is_empty(), "{view}:\n{}", problems.join("\n"));
    }
}
