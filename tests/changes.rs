//! What an update changed, item by item (`layout::changed_items`): the marks a reader sees
//! ringed after new data are exactly the items whose words changed, for the bundled Cayman
//! data and an update of it.

use operation_charts::derive::Series;
use operation_charts::layout::{changed_items, describe, layout, FixedWidths, Theme, View};
use operation_charts::scene::Scene;
use serde_json::{json, Value};

const CAYMAN: &str = include_str!("../www/data/operation-cayman.json");

fn series(doc: &Value) -> Series {
    let checked = operation_charts::data::load(&doc.to_string()).expect("a valid document");
    Series::from_operation(&checked.operation)
}

fn scene(s: &Series, view: View) -> Scene {
    layout(s, view, 800.0, 420.0, &Theme::light(), &FixedWidths)
}

/// The items `after` changed from `before` in `view`, by their first line.
fn changed(before: &Value, after: &Value, view: View) -> Vec<String> {
    let (a, b) = (series(before), series(after));
    let (sa, sb) = (scene(&a, view), scene(&b, view));
    changed_items(&a, &sa, &b, &sb)
        .into_iter()
        .map(|i| describe(&b, &sb, i).expect("an item").label.lines().next().unwrap_or_default().to_owned())
        .collect()
}

fn cayman() -> Value {
    serde_json::from_str(CAYMAN).expect("Cayman is JSON")
}

/// Cayman with two more people arrested in the Orchard Street raid, as a live story's update.
fn two_more_arrests() -> Value {
    let mut doc = cayman();
    let events = doc["events"].as_array_mut().expect("events");
    events.push(json!({ "type": "arrest", "time": "2018-04-17T09:00:00+01:00", "raid": "orchard-st", "count": 2 }));
    doc["reported"]["arrests"] = json!(35);
    doc
}

#[test]
fn the_same_data_again_changes_nothing() {
    for view in [View::Summary, View::Timeline, View::Cumulative, View::Areas] {
        assert_eq!(changed(&cayman(), &cayman(), view), Vec::<String>::new(), "{view:?}");
    }
}

#[test]
fn two_more_arrests_mark_their_raid_and_the_totals_they_move() {
    let after = two_more_arrests();
    let raid = cayman()["events"]
        .as_array()
        .and_then(|e| e.iter().find(|e| e["id"] == "orchard-st"))
        .and_then(|r| r["place"].as_str())
        .unwrap_or("Raid")
        .to_owned();
    assert_eq!(changed(&cayman(), &after, View::Timeline), vec![raid]);
    // The arrests stage and the charge rate (a share of those arrested) read differently; raids do not.
    let summary = changed(&cayman(), &after, View::Summary);
    assert!(summary.iter().any(|l| l.starts_with("Arrests")), "{summary:?}");
    assert!(!summary.iter().any(|l| l.starts_with("Raids")), "{summary:?}");
    // The new moment only: the later ones' totals moved, but nothing new happened then.
    assert_eq!(changed(&cayman(), &after, View::Cumulative), vec!["Tue 17 Apr 2018, 09:00"]);
}

#[test]
fn a_correction_downwards_is_marked_too() {
    let mut before = two_more_arrests();
    let after = cayman();
    before["reported"]["arrests"] = json!(35);
    assert_eq!(changed(&before, &after, View::Timeline).len(), 1);
}
