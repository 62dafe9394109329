//! SVG goldens of every view at a narrow and a wide width, for the bundled Cayman data and for
//! every document of the fixture corpus (`tests/fixtures/*.json`), and the gallery page that
//! shows them all (`www/gallery.html`).
//!
//! A golden that no longer matches fails with the path of the new rendering beside it. To
//! accept an intended change, run `UPDATE_GOLDENS=1 cargo test --test goldens` and review the
//! changed files under `tests/goldens/` in the diff before committing them. The same command
//! writes new goldens for a new fixture, and the gallery.

mod corpus;
mod gallery;

use std::fs;

use operation_charts::derive::Series;
use operation_charts::export::render_svg;
use operation_charts::layout::{Theme, View};

use corpus::root;

/// Each view at these widths, in CSS px: a phone and an article column.
const WIDTHS: [u32; 2] = [340, 640];

/// A golden that big is a sign of drawing gone wrong (thinning lost, a mark per pixel).
const MAX_SVG_BYTES: usize = 32_000;

/// One document the goldens draw.
struct Subject {
    /// The goldens' name prefix and the gallery's anchor, e.g. "same-instant".
    prefix: String,
    /// Where the document is, relative to the repository.
    file: String,
    /// Its URL relative to www/gallery.html, as scripts/serve.mjs serves it.
    href: String,
    series: Series,
}

/// One golden: `tests/goldens/{name}.svg`.
struct Golden {
    name: String,
    view: View,
    width: u32,
    dark: bool,
}

/// The Cayman demo data, then every fixture by prefix. A fixture's prefix is its name, less the
/// "operation-" that the Harbour fixture's name begins with.
fn subjects() -> Vec<Subject> {
    let cayman = "www/data/operation-cayman.json";
    let text = fs::read_to_string(root().join(cayman)).unwrap_or_else(|e| panic!("{cayman}: {e}"));
    let mut out = vec![Subject {
        prefix: "cayman".into(),
        file: cayman.into(),
        href: "data/operation-cayman.json".into(),
        series: corpus::series_of(cayman, &text),
    }];
    let mut fixtures: Vec<Subject> = Vec::new();
    for f in corpus::all() {
        fixtures.push(Subject {
            prefix: f.name.strip_prefix("operation-").unwrap_or(&f.name).to_owned(),
            file: format!("tests/fixtures/{}.json", f.name),
            href: format!("gallery/fixtures/{}.json", f.name),
            series: corpus::series_of(&f.name, &f.text),
        });
    }
    fixtures.sort_by(|a, b| a.prefix.cmp(&b.prefix));
    out.extend(fixtures);
    out
}

/// Every view at every width, and Cayman's running totals in the dark theme too.
fn goldens(subject: &Subject) -> Vec<Golden> {
    let mut out = Vec::new();
    for view in View::ALL {
        for width in WIDTHS {
            out.push(Golden { name: format!("{}-{view}-{width}", subject.prefix), view, width, dark: false });
        }
    }
    if subject.prefix == "cayman" {
        out.push(Golden { name: "cayman-cumulative-640-dark".into(), view: View::Cumulative, width: 640, dark: true });
    }
    out
}

fn render(subject: &Subject, golden: &Golden) -> String {
    let theme = if golden.dark { Theme::dark() } else { Theme::light() };
    render_svg(&subject.series, golden.view, golden.width, None, &theme).unwrap_or_else(|e| panic!("{}: {e}", golden.name))
}

fn updating() -> bool {
    std::env::var_os("UPDATE_GOLDENS").is_some()
}

/// Compares `svg` with its golden (or writes it, when updating); the problem, if any.
fn check(name: &str, svg: &str) -> Option<String> {
    let golden = root().join("tests/goldens").join(format!("{name}.svg"));
    if updating() {
        fs::write(&golden, svg).unwrap_or_else(|e| panic!("{}: {e}", golden.display()));
        return None;
    }
    let expected = fs::read_to_string(&golden).unwrap_or_default();
    if expected == svg {
        return None;
    }
    let actual = root().join("target").join(format!("{name}.actual.svg"));
    let _ = fs::write(&actual, svg);
    Some(format!("{} differs from the rendering (written to {})", golden.display(), actual.display()))
}

/// Whether an attribute of `svg` holds NaN or an infinity (written "NaN", "inf", "-inf").
fn not_a_number(svg: &str) -> bool {
    ["NaN", "inf"].iter().any(|word| {
        svg.match_indices(word).any(|(i, _)| {
            let before = svg[..i].chars().next_back();
            let after = svg[i + word.len()..].chars().next();
            matches!(before, Some('"' | ' ' | ',' | '-' | '(')) && matches!(after, Some('"' | ' ' | ',' | ')'))
        })
    })
}

#[test]
fn every_document_in_every_view_matches_its_golden() {
    let mut problems = Vec::new();
    for subject in subjects() {
        for golden in goldens(&subject) {
            let svg = render(&subject, &golden);
            if not_a_number(&svg) {
                problems.push(format!("{}: a coordinate is not a number", golden.name));
            }
            if svg.len() > MAX_SVG_BYTES {
                problems.push(format!("{}: {} bytes, more than {MAX_SVG_BYTES}", golden.name, svg.len()));
            }
            problems.extend(check(&golden.name, &svg));
        }
    }
    assert!(
        problems.is_empty(),
        "{}\nIf a change is intended, run `UPDATE_GOLDENS=1 cargo test --test goldens` and review the diff.",
        problems.join("\n")
    );
}

#[test]
fn a_non_number_in_an_attribute_is_caught() {
    assert!(not_a_number(r#"<circle cx="NaN" cy="2"/>"#));
    assert!(not_a_number(r#"<polyline points="1,2 -inf,3"/>"#));
    assert!(!not_a_number(r#"<text x="1">Not itemised, information</text>"#));
}

#[test]
fn every_golden_belongs_to_a_document() {
    let expected: Vec<String> = subjects().iter().flat_map(|s| goldens(s).into_iter().map(|g| format!("{}.svg", g.name))).collect();
    let dir = root().join("tests/goldens");
    let entries = fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for file in entries.filter_map(|e| e.ok()?.file_name().into_string().ok()) {
        assert!(
            expected.contains(&file),
            "tests/goldens/{file} is drawn from no document: delete it if its fixture was renamed or removed"
        );
    }
}

#[test]
fn fixture_names_say_what_they_are_in_url_safe_words() {
    for f in corpus::all() {
        let ok = !f.name.is_empty() && f.name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        assert!(ok, "tests/fixtures/{}.json: name a fixture in lower-case words joined by hyphens", f.name);
    }
}

/// The gallery entries: each subject with its goldens, sized as drawn.
fn entries() -> Vec<gallery::Entry> {
    subjects()
        .into_iter()
        .map(|subject| {
            let all = goldens(&subject);
            let rows = View::ALL
                .into_iter()
                .map(|view| gallery::Row {
                    view: view.to_string(),
                    images: all
                        .iter()
                        .filter(|g| g.view == view)
                        .map(|g| {
                            let height = svg_height(&render(&subject, g));
                            let theme = if g.dark { ", dark theme" } else { "" };
                            gallery::Image {
                                src: format!("gallery/goldens/{}.svg", g.name),
                                caption: format!("{}, {} px{theme}", g.view, g.width),
                                width: g.width,
                                height,
                            }
                        })
                        .collect(),
                })
                .collect();
            gallery::Entry {
                anchor: subject.prefix,
                title: subject.series.title,
                subtitle: subject.series.subtitle,
                file: subject.file,
                href: subject.href,
                rows,
            }
        })
        .collect()
}

/// The height attribute of an SVG's root element.
fn svg_height(svg: &str) -> u32 {
    let start = svg.find("height=\"").map(|i| i + "height=\"".len()).unwrap_or(0);
    svg[start..].split('"').next().and_then(|h| h.parse().ok()).unwrap_or_else(|| panic!("no height in {:.200}", svg))
}

#[test]
fn the_gallery_shows_every_golden() {
    let page = gallery::html(&entries());
    let path = root().join("www/gallery.html");
    if updating() {
        fs::write(&path, &page).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return;
    }
    let committed = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == page,
        "www/gallery.html is not the page the goldens make: run `UPDATE_GOLDENS=1 cargo test --test goldens`"
    );
}

#[test]
fn the_gallery_shows_markup_from_a_document_as_text() {
    let page = gallery::html(&entries());
    let hostile = corpus::series("hostile-text").title;
    assert!(hostile.contains("<img src=x onerror=alert(1)>"), "{hostile}");
    assert!(!page.contains("<img src=x"), "a title's markup reached the page as markup");
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;"));
    assert_eq!(gallery::escape("<a href='x'>&</a>"), "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;");
}
