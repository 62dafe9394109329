//! The bad-document catalogue (`tests/catalogue/documents.json`), natively: every document
//! gets an error at the path the catalogue names, whose message says what it names, and every
//! edge case listed as valid loads. `tests/browser/catalogue.test.mjs` runs the same catalogue
//! through the element in Chromium.

use operation_charts::data::validate::load_bytes;
use serde_json::{json, Value};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/catalogue");

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{DIR}/{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The base document with `edit` applied to its parsed form, as JSON text.
fn edited(base: &str, edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut doc: Value = serde_json::from_str(base).expect("base.json parses");
    edit(&mut doc);
    doc.to_string().into_bytes()
}

/// The bytes of a catalogue entry, built as its `text`, `replace` or `generate` says.
fn bytes_of(entry: &Value, base: &str) -> Vec<u8> {
    if let Some(text) = entry["text"].as_str() {
        return text.as_bytes().to_vec();
    }
    if let Some([from, to]) = entry["replace"].as_array().map(Vec::as_slice) {
        let (from, to) = (from.as_str().expect("from"), to.as_str().expect("to"));
        assert!(base.contains(from), "{}: base.json has no {from:?}", entry["name"]);
        return base.replacen(from, to, 1).into_bytes();
    }
    match entry["generate"].as_str().expect("text, replace or generate") {
        "nesting" => format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)).into_bytes(),
        "oversize" => {
            let mut text = base.to_owned();
            text.push_str(&" ".repeat(50_000_001 - base.len()));
            text.into_bytes()
        }
        "too-many-events" => {
            let event = r#"{"type":"raid","time":"2018-04-16"}"#;
            let events = vec![event; 1_000_001].join(",");
            format!(r#"{{"version":1,"operation":{{"name":"X"}},"events":[{events}],"source":{{"name":"S"}}}}"#).into_bytes()
        }
        "long-title" => edited(base, |d| d["title"] = json!("x".repeat(1_001))),
        "long-word" => edited(base, |d| d["events"][0]["place"] = json!("w".repeat(5_000))),
        "decomposed-accents" => edited(base, |d| d["events"][0]["place"] = json!("e\u{0301}".repeat(1_000))),
        "too-many-annotations" => edited(base, |d| d["annotations"] = json!(vec![json!({"time": "2018-04-16", "text": "Note"}); 51])),
        "long-annotation" => edited(base, |d| d["annotations"] = json!([{"time": "2018-04-16", "text": "n".repeat(201)}])),
        "no-events" => edited(base, |d| _ = d.as_object_mut().map(|o| o.remove("events"))),
        "no-source" => edited(base, |d| _ = d.as_object_mut().map(|o| o.remove("source"))),
        "events-object" => edited(base, |d| d["events"] = json!({})),
        "ref-not-raid" => edited(base, |d| {
            d["events"][3]["id"] = json!("c1");
            d["events"][4]["raid"] = json!("c1");
        }),
        "invalid-utf8" => {
            let mut bytes = base.as_bytes().to_vec();
            let at = base.find("Orchard").expect("base.json has Orchard");
            bytes.splice(at..at + 2, [0xFF, 0xFE]);
            bytes
        }
        other => panic!("unknown generator {other}"),
    }
}

fn catalogue() -> (Value, String) {
    (serde_json::from_str(&read("documents.json")).expect("documents.json parses"), read("base.json"))
}

#[test]
fn the_base_document_is_valid() {
    let (_, base) = catalogue();
    assert!(load_bytes(base.as_bytes()).is_ok());
}

#[test]
fn every_bad_document_gets_its_error_at_its_path() {
    let (catalogue, base) = catalogue();
    let bad = catalogue["bad"].as_array().expect("bad");
    assert!(bad.len() >= 60, "the catalogue holds at least 60 bad documents");
    let mut failures = Vec::new();
    for entry in bad {
        let name = entry["name"].as_str().unwrap_or("?");
        let (path, gist) = (entry["path"].as_str().unwrap_or(""), entry["gist"].as_str().unwrap_or(""));
        let report = match load_bytes(&bytes_of(entry, &base)) {
            Ok(_) => {
                failures.push(format!("{name}: loaded"));
                continue;
            }
            Err(report) => report,
        };
        let found = report.errors.iter().any(|e| e.path == path && e.message.contains(gist));
        if !found {
            let errors: Vec<String> = report.errors.iter().map(ToString::to_string).collect();
            failures.push(format!("{name}: expected {path}: …{gist}…, got {errors:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_edge_case_listed_as_valid_loads() {
    let (catalogue, base) = catalogue();
    for entry in catalogue["valid"].as_array().expect("valid") {
        let result = load_bytes(&bytes_of(entry, &base));
        assert!(result.is_ok(), "{}: {:?}", entry["name"], result.err().map(|r| r.errors));
    }
}
