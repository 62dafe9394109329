//! The command-line tool, run as a program: exit statuses and output lines.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_operation-charts");

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        // The tool may stop reading early (size limit); a broken pipe then is fine.
        let _ = input.write_all(bytes);
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout_lines(output: &Output) -> Vec<String> {
    String::from_utf8_lossy(&output.stdout).lines().map(str::to_owned).collect()
}

fn temp_file(name: &str, contents: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

const BAD: &str = r#"{
  "version": 1,
  "operation": { "name": "Operation Test" },
  "events": [
    { "type": "raid", "id": "a", "time": "2018-04-16T06:00:00", "palce": "Norwich" },
    { "type": "arest", "time": "2018-04-16", "raid": "a" },
    { "type": "charge", "time": "2018-04-17", "raid": "b", "count": 0 }
  ],
  "source": { "name": "Test", "url": "http://example.org/" }
}"#;

#[test]
fn a_bad_file_prints_every_error_and_exits_1() {
    let path = temp_file("cli-bad.json", BAD);
    let output = run(&["validate", path.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout_lines(&output),
        [
            "events[0].palce: unknown field; did you mean \"place\"?",
            "events[0].time: expected a date-time with a UTC offset, found \"2018-04-16T06:00:00\" which has none; \
             add a UTC offset such as \"2018-04-16T06:00:00+01:00\" or \"2018-04-16T06:00:00Z\"",
            "events[1].type: expected \"raid\", \"arrest\", \"charge\" or \"seizure\", found \"arest\"; did you mean \"arrest\"?",
            "events[2].count: expected an integer ≥ 1, found 0",
            "source.url: expected a link starting with \"https://\", found \"http://example.org/\"",
            "events[2].raid: expected the id of a raid event, found \"b\" which no raid has",
        ]
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("invalid, 6 errors, 0 warnings"), "{stderr}");
}

#[test]
fn warnings_are_prefixed_and_do_not_fail() {
    let doc = r#"{"version":1,"operation":{"name":"x"},"reported":{"arrests":1,"charged":2},
                  "events":[],"source":{"name":"x"}}"#;
    let output = run(&["validate", "-"], Some(doc.as_bytes()));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout_lines(&output),
        ["warning: reported.charged: more people reported charged (2) than reported arrested (1)"]
    );
}

#[test]
fn the_bundled_dataset_is_valid() {
    let output = run(&["validate"], None);
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
}

#[test]
fn the_harbour_fixture_is_valid() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/operation-harbour.json");
    let output = run(&["validate", path], None);
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
}

#[test]
fn invalid_json_and_bytes_exit_1() {
    let output = run(&["validate", "-"], Some(b"{\"version\": 1,,}"));
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout_lines(&output),
        ["$: expected valid JSON, found a syntax error at line 1, column 15: key must be a string"]
    );
    let output = run(&["validate", "-"], Some(b"{\"title\": \"\xff\"}"));
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout_lines(&output), ["$: expected UTF-8 text, found bytes that are not valid UTF-8"]);
}

#[test]
fn an_oversized_document_is_reported_with_its_size() {
    let big = vec![b' '; 50_000_010];
    let output = run(&["validate", "-"], Some(&big));
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout_lines(&output),
        ["$: document too large: expected at most 50 MB (50,000,000 bytes), found 50,000,010 bytes"]
    );
}

#[test]
fn usage_and_io_errors_exit_2() {
    let missing = run(&["validate", "/no/such/file.json"], None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(missing.stdout.is_empty());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot open /no/such/file.json"));
    assert_eq!(run(&["frobnicate"], None).status.code(), Some(2));
    assert_eq!(run(&[], None).status.code(), Some(2));
    assert_eq!(run(&["validate", "a.json", "b.json"], None).status.code(), Some(2));
}

#[test]
fn schema_prints_the_committed_schema() {
    let output = run(&["schema"], None);
    assert_eq!(output.status.code(), Some(0));
    let committed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schema/operation.schema.json")).unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stdout), committed);
}
