//! Import from a spreadsheet: the library's CSV → document conversion, and the command-line
//! tool's `import`, run as a program, with the exact text a person sees.
//!
//! The fixtures in `tests/fixtures/import/` hold one small operation written four ways
//! (`events.csv`; its columns reversed; with a byte-order mark; `;`-separated with CRLF line
//! ends, as a European spreadsheet exports it), the document all four must give
//! (`expected.json`), and two broken files.

use std::path::{Path, PathBuf};
use std::process::Output;

mod program;

use operation_charts::data;
use program::stderr_lines;
use operation_charts::import::{import_csv, Detail, Details, Located, Location};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");

/// The details `expected.json` was made with.
const DETAILS: [&str; 14] = [
    "--name",
    "Operation Lantern",
    "--agency",
    "Norfolk Constabulary",
    "--title",
    "Operation Lantern: two days of raids",
    "--source",
    "Eastern Daily Press",
    "--reported-raids",
    "3",
    "--reported-arrests",
    "4",
    "--reported-charged",
    "2",
];

/// Runs the tool in the fixtures folder, so that messages name files as a person typed them.
fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    program::run_in(Some(Path::new(FIXTURES)), args, stdin, &[])
}

fn import(file: &str, extra: &[&str]) -> Output {
    run(&[&["import", file], extra].concat(), None)
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(FIXTURES).join(name)).unwrap()
}

fn expected() -> String {
    String::from_utf8(fixture("expected.json")).unwrap()
}

fn details() -> Details {
    Details {
        name: "Operation Lantern".into(),
        agency: Some("Norfolk Constabulary".into()),
        title: Some("Operation Lantern: two days of raids".into()),
        source: Some("Eastern Daily Press".into()),
        reported: data::Reported { raids: Some(3), arrests: Some(4), charged: Some(2) },
    }
}

/// A fresh directory for one test's outputs.
fn out_dir(test: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("import-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_good_csv_gives_the_expected_document_and_it_is_valid() {
    let output = import("events.csv", &DETAILS);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
    let document = String::from_utf8(output.stdout).unwrap();
    assert_eq!(document, expected());

    // Valid by the same check as every document, and the same operation the library makes.
    let checked = data::load(&document).unwrap();
    assert!(checked.warnings.is_empty(), "{:?}", checked.warnings);
    let imported = import_csv(&fixture("events.csv"), &details()).unwrap();
    assert_eq!(imported.operation, checked.operation);
    assert!(imported.warnings.is_empty());
    assert_eq!(imported.to_json(), document);
    // And the tool's own `validate` agrees.
    let validated = run(&["validate", "expected.json"], None);
    assert_eq!(validated.status.code(), Some(0));
    assert!(validated.stdout.is_empty());
}

#[test]
fn counts_are_numbers_and_empty_cells_are_absent() {
    let document: serde_json::Value = serde_json::from_str(&expected()).unwrap();
    let events = document["events"].as_array().unwrap();
    assert_eq!(events[2], serde_json::json!({
        "type": "arrest", "time": "2018-04-16T06:20:00+01:00", "raid": "orchard-st", "count": 2
    }));
    assert_eq!(events[1].as_object().unwrap().keys().collect::<Vec<_>>(), ["area", "id", "place", "time", "type"]);
    assert_eq!(document["reported"], serde_json::json!({ "raids": 3, "arrests": 4, "charged": 2 }));
}

#[test]
fn columns_in_any_order_a_bom_and_semicolons_give_the_same_document() {
    for file in ["reordered.csv", "bom.csv", "semicolon.csv"] {
        let output = import(file, &DETAILS);
        assert_eq!(output.status.code(), Some(0), "{file}: {}", String::from_utf8_lossy(&output.stderr));
        assert_eq!(String::from_utf8_lossy(&output.stdout), expected(), "{file}");
    }
    assert!(fixture("bom.csv").starts_with(b"\xef\xbb\xbftype,"));
    assert!(fixture("semicolon.csv").starts_with(b"type;time;"));
}

#[test]
fn quoted_commas_line_breaks_and_doubled_quotes_survive() {
    let imported = import_csv(&fixture("events.csv"), &details()).unwrap();
    let events = &imported.operation.events;
    assert_eq!(events[0].place(), Some("Orchard Street, Norwich"));
    assert_eq!(events[0].note(), Some("Warrant executed; the door was forced.\nTwo men were arrested."));
    assert_eq!(events[3].note(), Some("Described in court as \"the driver\""));
    let semicolon = import_csv(&fixture("semicolon.csv"), &details()).unwrap();
    assert_eq!(semicolon.operation, imported.operation);
}

#[test]
fn a_bad_cell_names_its_line_and_column_with_validations_message() {
    // Line 2's note runs over three lines, so the bad rows are on lines 5 and 6, not 3 and 4.
    let output = import("bad-cell.csv", &["--name", "Operation X", "--source", "Y"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert_eq!(
        stderr_lines(&output),
        [
            "bad-cell.csv:5: column \"time\": expected an ISO 8601 date or date-time with offset, found \"16/04/2018\"",
            "bad-cell.csv:6: column \"count\": expected an integer ≥ 1, found \"two\"",
            "bad-cell.csv:6: column \"raid\": expected the id of a raid event, found \"orchard-sf\" which no raid has; \
             did you mean \"orchard-st\"?",
            "bad-cell.csv: invalid, 3 errors; no document written",
        ]
    );

    // The very messages `validate` gives for the same values in a JSON document.
    let json = r#"{"version":1,"operation":{"name":"Operation X"},"events":[
        {"type":"raid","id":"orchard-st","time":"2018-04-16T06:00:00+01:00"},
        {"type":"arrest","time":"16/04/2018","raid":"orchard-st","count":2},
        {"type":"arrest","time":"2018-04-16T06:50:00+01:00","raid":"orchard-sf","count":"two"}],
        "source":{"name":"Y"}}"#;
    let validated = run(&["validate", "-"], Some(json.as_bytes()));
    let from_validate: Vec<String> = String::from_utf8_lossy(&validated.stdout)
        .lines()
        .map(|line| line.split_once(": ").unwrap().1.to_owned())
        .collect();
    let from_import: Vec<String> =
        stderr_lines(&output).iter().filter_map(|line| Some(line.split_once("\": ")?.1.to_owned())).collect();
    assert_eq!(from_import, from_validate);
}

#[test]
fn an_unknown_column_is_an_error_with_a_suggestion() {
    let output = import("unknown-column.csv", &["--name", "Operation X", "--source", "Y"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert_eq!(
        stderr_lines(&output),
        [
            "unknown-column.csv:1: column \"tiem\": unknown field; did you mean \"time\"?",
            "unknown-column.csv:1: column \"colour\": unknown field",
            "unknown-column.csv: invalid, 2 errors; no document written",
        ]
    );
}

#[test]
fn without_a_source_the_agency_is_credited_and_a_warning_says_so() {
    let output = import("events.csv", &["--name", "Operation Lantern", "--agency", "Norfolk Constabulary"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stderr_lines(&output), ["warning: --source: not given, so the credit line is the agency, \"Norfolk Constabulary\""]);
    let document = data::load(&String::from_utf8_lossy(&output.stdout)).unwrap();
    assert_eq!(document.operation.source.name, "Norfolk Constabulary");
    assert_eq!(document.operation.operation.agency.as_deref(), Some("Norfolk Constabulary"));
    assert_eq!(document.operation.reported, None);
    assert_eq!(document.operation.title, None);
}

#[test]
fn dash_o_writes_the_file_and_nothing_to_stdout() {
    let path = out_dir("o").join("lantern.json");
    let output = import("events.csv", &[&DETAILS[..], &["-o", path.to_str().unwrap()]].concat());
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
    assert!(output.stderr.is_empty());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), expected());
    // "-" is standard output, and standard input can be read as "-".
    let piped = run(&[&["import", "-"], &DETAILS[..], &["-o", "-"]].concat(), Some(&fixture("events.csv")));
    assert_eq!(piped.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&piped.stdout), expected());
}

#[test]
fn invalid_data_writes_no_file() {
    let path = out_dir("invalid").join("bad.json");
    let output = import("bad-cell.csv", &["--name", "X", "--source", "Y", "-o", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(!path.exists());
}

#[test]
fn usage_and_io_errors_exit_2() {
    for args in [
        &["import"][..],
        &["import", "events.csv"],
        &["import", "events.csv", "--agency", "Y"],
        &["import", "events.csv", "--name", "X"],
        &["import", "events.csv", "--name", "X", "--source", "Y", "--reported-raids", "-1"],
        &["import", "events.csv", "--name", "X", "--source", "Y", "--reported-arrests", "many"],
        &["import", "events.csv", "--name", "X", "--source", "Y", "--colour", "red"],
        &["import", "no-such-file.csv", "--name", "X", "--source", "Y"],
        &["import", "events.csv", "--name", "X", "--source", "Y", "-o", "/no/such/dir/out.json"],
    ] {
        let output = run(args, None);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert!(!output.stderr.is_empty(), "{args:?}");
    }
    let output = run(&["import", "events.csv", "--name", "X"], None);
    assert!(String::from_utf8_lossy(&output.stderr).contains("--agency <AGENCY>"), "{}", String::from_utf8_lossy(&output.stderr));
    let missing = run(&["import", "no-such-file.csv", "--name", "X", "--source", "Y"], None);
    assert!(stderr_lines(&missing)[0].starts_with("operation-charts: cannot open no-such-file.csv: "));
}

#[test]
fn details_are_checked_as_the_document_would_be() {
    let output = import("events.csv", &["--name", " ", "--source", ""]);
    assert_eq!(output.status.code(), Some(1));
    let empty = "expected some text, found an empty string; a chart must say what it shows and where its numbers come from";
    assert_eq!(
        stderr_lines(&output),
        [format!("--name: {empty}"), format!("--source: {empty}"), "events.csv: invalid, 2 errors; no document written".into()]
    );
}

#[test]
fn problems_only_a_csv_can_have() {
    let details = Details { name: "X".into(), source: Some("Y".into()), ..Details::default() };
    let errors = |csv: &str| -> Vec<String> {
        import_csv(csv.as_bytes(), &details).unwrap_err().errors.iter().map(|e| e.with_file("t.csv")).collect()
    };
    assert_eq!(
        errors(""),
        ["t.csv: expected a header row naming event fields (such as type,time,raid,count), found an empty file"]
    );
    assert_eq!(errors("type,place\nraid,Norwich\n"), ["t.csv:1: the header row has no \"time\" column, and every event needs one"]);
    assert_eq!(errors("type,time,note,note\n"), ["t.csv:1: column \"note\": named twice in the header row"]);
    assert_eq!(
        errors("type,time,,note\nraid,2018-04-16,,\nraid,2018-04-16,x,\nraid,2018-04-16,,,y\n"),
        [
            "t.csv:3: found \"x\" in column 3, which the header row does not name",
            "t.csv:4: found \"y\" in column 5, but the header row names only 4 columns",
        ]
    );
    let latin1 = import_csv(b"type,time,place\nraid,2018-04-16,Caf\xe9\n", &details).unwrap_err();
    assert_eq!(
        latin1.errors,
        [Located::new(
            Location::Line(2),
            "expected UTF-8 text, found bytes that are not valid UTF-8; save the spreadsheet as CSV in UTF-8"
        )]
    );
    // Only headers, with reported totals: a valid document with no itemised events.
    let totals = Details { reported: data::Reported { raids: Some(2), ..Default::default() }, ..details.clone() };
    assert!(import_csv(b"type,time\n", &totals).unwrap().operation.events.is_empty());
    assert_eq!(errors("type,time\n,\n"), [
        "t.csv: expected at least one event, found an empty list and no \"reported\" totals; \
         give the itemised events, or the headline totals in \"reported\""
    ]);
}

#[test]
fn events_named_in_a_message_are_named_by_their_line() {
    let details = Details { name: "X".into(), source: Some("Y".into()), ..Details::default() };
    let csv = "type,id,time,raid\nraid,a,2018-04-16,\n\nraid,a,2018-04-16,\narrest,b,2018-04-16,\narrest,,2018-04-16,b\n";
    let errors: Vec<String> =
        import_csv(csv.as_bytes(), &details).unwrap_err().errors.iter().map(|e| e.with_file("t.csv")).collect();
    assert_eq!(
        errors,
        [
            "t.csv:4: column \"id\": duplicate id \"a\": ids must be unique, and line 2 already uses it",
            "t.csv:6: column \"raid\": expected the id of a raid event, found \"b\" which is the id of line 5, not a raid",
        ]
    );
}

#[test]
fn consistency_warnings_are_placed_too() {
    let details = Details {
        name: "X".into(),
        agency: Some("Y Police".into()),
        reported: data::Reported { arrests: Some(1), charged: Some(3), ..Default::default() },
        ..Details::default()
    };
    let csv = "type,id,time,raid,count\nraid,a,2018-04-16T06:00:00+01:00,,\narrest,,2018-04-15,a,2\n";
    let imported = import_csv(csv.as_bytes(), &details).unwrap();
    let warnings: Vec<String> = imported.warnings.iter().map(|w| w.with_file("t.csv")).collect();
    assert_eq!(
        warnings,
        [
            "--source: not given, so the credit line is the agency, \"Y Police\"",
            "--reported-charged: more people reported charged (3) than reported arrested (1)",
            "--reported-arrests: the itemised events add up to 2 arrests, more than the 1 reported",
            "t.csv:3: column \"time\": this arrest is dated \"2018-04-15\", before its raid \"a\" \
             (line 2, dated \"2018-04-16T06:00:00+01:00\")",
        ]
    );
    assert_eq!(imported.warnings[1].location, Location::Detail(Detail::ReportedCharged));
}
