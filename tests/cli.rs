//! The command-line tool, run as a program: exit statuses and output lines.

use std::path::PathBuf;
use std::process::Output;

mod program;

use program::stdout_lines;

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    program::run_in(None, args, stdin, &[])
}

fn run_with_env(args: &[&str], stdin: Option<&[u8]>, env: &[(&str, &str)]) -> Output {
    program::run_in(None, args, stdin, env)
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

/// A fresh directory for one test's outputs, under Cargo's temporary directory for tests.
fn out_dir(test: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The text of every `<text>` element, trimmed (plotters puts it on a line of its own).
fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text").skip(1).filter_map(|el| Some(el.split_once('>')?.1.split_once("</text>")?.0.trim().to_owned())).collect()
}

/// The `width="…"` and `height="…"` of the root `<svg>` element.
fn svg_size(svg: &str) -> (u32, u32) {
    let root = &svg[..svg.find('>').unwrap()];
    let attr = |name: &str| -> u32 {
        let rest = &root[root.find(&format!(" {name}=\"")).unwrap() + name.len() + 3..];
        rest[..rest.find('"').unwrap()].parse().unwrap()
    };
    (attr("width"), attr("height"))
}

/// The width and height in a PNG's IHDR chunk, after checking the signature.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(png.len() > 24, "too short for a PNG: {} bytes", png.len());
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "not a PNG signature");
    assert_eq!(&png[8..16], b"\0\0\0\x0dIHDR", "the first chunk is not a 13-byte IHDR");
    let be = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

fn render_ok(args: &[&str]) -> Output {
    let output = run(args, None);
    assert_eq!(output.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    output
}

#[test]
fn render_draws_every_view_as_svg_with_its_numbers() {
    let dir = out_dir("svg");
    let expected: [(&str, &[&str]); 4] = [
        ("summary", &["Raids", "17", "Arrests", "33", "Charged", "21", "1.9 per raid", "64% of those arrested"]),
        ("timeline", &["Norfolk", "London", "Mon 16 Apr", "Thu 19 Apr"]),
        // The count axes say what they count: the top tick names the unit.
        ("cumulative", &["33 arrested", "21 charged", "Mon 16 Apr", "40 people"]),
        ("areas", &["Norfolk", "23", "10", "London", "14", "7", "30 people"]),
    ];
    for (view, numbers) in expected {
        let path = dir.join(format!("{view}.svg"));
        let output = render_ok(&["render", "--view", view, "--format", "svg", "-o", path.to_str().unwrap()]);
        assert!(output.stdout.is_empty());
        let svg = std::fs::read_to_string(&path).unwrap();
        assert!(svg.starts_with("<svg"), "{view}: {}", &svg[..svg.len().min(80)]);
        assert_eq!(svg_size(&svg).0, 640, "{view}: default width");
        let texts = svg_texts(&svg);
        assert!(texts.iter().any(|t| t == "Operation Cayman: four days of raids"), "{view}: {texts:?}");
        for number in numbers {
            assert!(texts.iter().any(|t| t == number), "{view}: no {number:?} in {texts:?}");
        }
    }
}

#[test]
fn render_draws_text_at_the_text_scale_in_a_taller_chart() {
    let plain = render_ok(&["render", "--view", "summary", "--format", "svg", "--width", "400", "-o", "-"]);
    let large = render_ok(&["render", "--view", "summary", "--format", "svg", "--width", "400", "--text-scale", "2", "-o", "-"]);
    let (plain, large) = (String::from_utf8_lossy(&plain.stdout).into_owned(), String::from_utf8_lossy(&large.stdout).into_owned());
    let (pw, ph) = svg_size(&plain);
    let (lw, lh) = svg_size(&large);
    assert_eq!(lw, pw);
    assert!(lh > ph * 3 / 2, "taller for twice the text: {ph} → {lh}");
    // Every size of text drawn, each twice as large (longer texts wrap onto more lines).
    let sizes = |svg: &str| -> Vec<String> {
        let mut all: Vec<f64> = svg.split("font-size=\"").skip(1).filter_map(|rest| rest.split('"').next()?.parse().ok()).collect();
        all.sort_by(f64::total_cmp);
        all.dedup();
        all.iter().map(|v| format!("{v:.1}")).collect()
    };
    let doubled: Vec<String> = sizes(&plain).iter().map(|v| format!("{:.1}", 2.0 * v.parse::<f64>().unwrap())).collect();
    assert_eq!(sizes(&large), doubled, "every text twice as large");
    assert_eq!(sizes(&plain).last().map(String::as_str), Some("18.0"), "the title's 18 px");
}

#[test]
fn render_writes_to_stdout_and_honours_size_and_theme() {
    let dir = out_dir("stdout");
    let path = dir.join("areas.svg");
    let args = ["render", "--view", "areas", "--format", "svg", "--width", "400", "--height", "300", "--theme", "dark"];
    render_ok(&[&args[..], &["-o", path.to_str().unwrap()]].concat());
    let to_stdout = render_ok(&[&args[..], &["-o", "-"]].concat());
    let svg = std::fs::read_to_string(&path).unwrap();
    assert_eq!(String::from_utf8_lossy(&to_stdout.stdout), svg);
    assert_eq!(svg_size(&svg), (400, 300));
    let light = render_ok(&["render", "--view", "areas", "--format", "svg", "--width", "400", "--height", "300", "-o", "-"]);
    assert_ne!(light.stdout, to_stdout.stdout, "the dark theme draws the same as the light one");
    // The same data from standard input draws the same chart.
    let bundled = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/operation-cayman.json")).unwrap();
    let from_stdin = run(&[&["render", "-"], &args[1..], &["-o", "-"]].concat(), Some(&bundled));
    assert_eq!(from_stdin.status.code(), Some(0));
    assert_eq!(from_stdin.stdout, to_stdout.stdout);
}

#[test]
fn render_png_is_scaled_from_the_css_size() {
    let dir = out_dir("png");
    // The default height is the view's preferred height, as in the SVG.
    let svg = render_ok(&["render", "--view", "summary", "--format", "svg", "-o", "-"]);
    let (svg_w, svg_h) = svg_size(&String::from_utf8_lossy(&svg.stdout));
    let path = dir.join("summary.png");
    render_ok(&["render", "--view", "summary", "--format", "png", "-o", path.to_str().unwrap()]);
    assert_eq!(png_size(&std::fs::read(&path).unwrap()), (svg_w * 2, svg_h * 2), "default scale 2");

    let path = dir.join("timeline.png");
    let args = ["render", "--view", "timeline", "--format", "png", "--width", "500", "--height", "300"];
    render_ok(&[&args[..], &["--scale", "1", "-o", path.to_str().unwrap()]].concat());
    assert_eq!(png_size(&std::fs::read(&path).unwrap()), (500, 300));
    let to_stdout = render_ok(&[&args[..], &["--scale", "3", "--theme", "dark", "-o", "-"]].concat());
    assert_eq!(png_size(&to_stdout.stdout), (1500, 900));
}

#[cfg(target_os = "linux")]
#[test]
fn render_png_without_fonts_warns_but_still_draws() {
    let dir = out_dir("nofont");
    let fonts = dir.join("fonts");
    std::fs::create_dir_all(&fonts).unwrap();
    let config = dir.join("fonts.conf");
    std::fs::write(&config, format!("<?xml version=\"1.0\"?>\n<fontconfig><dir>{}</dir></fontconfig>\n", fonts.display())).unwrap();
    let path = dir.join("summary.png");
    let output = run_with_env(
        &["render", "--view", "summary", "--format", "png", "--scale", "1", "-o", path.to_str().unwrap()],
        None,
        &[("FONTCONFIG_FILE", config.to_str().unwrap())],
    );
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no system font") && stderr.contains("fonts-dejavu-core"), "{stderr}");
    assert_eq!(png_size(&std::fs::read(&path).unwrap()).0, 640);
}

#[test]
fn render_of_invalid_data_prints_the_problems_and_exits_1() {
    let dir = out_dir("invalid");
    let input = temp_file("cli-render-bad.json", BAD);
    let path = dir.join("bad.svg");
    let output = run(&["render", input.to_str().unwrap(), "--view", "summary", "--format", "svg", "-o", path.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.lines().any(|l| l == "events[2].count: expected an integer ≥ 1, found 0"), "{stderr}");
    assert!(stderr.lines().any(|l| l.starts_with("events[0].palce: unknown field")), "{stderr}");
    assert!(!path.exists(), "an image was written for invalid data");
    // Invalid JSON on standard input, written nowhere.
    let output = run(&["render", "-", "--view", "areas", "--format", "png", "-o", "-"], Some(b"{"));
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8_lossy(&output.stderr).starts_with("$: expected valid JSON"));
}

#[test]
fn render_usage_and_io_errors_exit_2() {
    let render = |extra: &[&str]| run(&[&["render"], extra].concat(), None);
    let unknown = render(&["--view", "pie", "--format", "svg", "-o", "-"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(unknown.stdout.is_empty());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("summary, timeline, cumulative, areas"));
    for args in [
        &["--view", "summary", "--format", "gif", "-o", "-"][..],
        &["--view", "summary", "--format", "svg"],
        &["--format", "svg", "-o", "-"],
        &["--view", "summary", "--format", "svg", "--theme", "sepia", "-o", "-"],
        &["--view", "summary", "--format", "svg", "--width", "0", "-o", "-"],
        &["--view", "summary", "--format", "png", "--scale", "0", "-o", "-"],
        &["--view", "summary", "--format", "png", "--scale", "nan", "-o", "-"],
        &["--view", "summary", "--format", "svg", "--text-scale", "5", "-o", "-"],
        &["--view", "summary", "--format", "svg", "--text-scale", "big", "-o", "-"],
        &["/no/such/file.json", "--view", "summary", "--format", "svg", "-o", "-"],
        &["--view", "summary", "--format", "svg", "-o", "/no/such/dir/out.svg"],
    ] {
        let output = render(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}
