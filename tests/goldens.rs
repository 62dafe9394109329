//! SVG goldens of every view, for the bundled Cayman data and a second, different operation.
//!
//! A golden that no longer matches fails with the path of the new rendering beside it. To
//! accept an intended change, run `UPDATE_GOLDENS=1 cargo test --test goldens` and review the
//! changed files under `tests/goldens/` in the diff before committing them.

use std::fs;
use std::path::PathBuf;

use operation_charts::data::load;
use operation_charts::derive::Series;
use operation_charts::export::render_svg;
use operation_charts::layout::{Theme, View};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn series(path: &str) -> Series {
    let text = fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    match load(&text) {
        Ok(checked) => Series::from_operation(&checked.operation),
        Err(report) => panic!("{path} is invalid: {:?}", report.errors),
    }
}

fn check(name: &str, svg: &str) {
    let golden = root().join("tests/goldens").join(format!("{name}.svg"));
    if std::env::var_os("UPDATE_GOLDENS").is_some() {
        fs::write(&golden, svg).unwrap_or_else(|e| panic!("{}: {e}", golden.display()));
        return;
    }
    let expected = fs::read_to_string(&golden).unwrap_or_default();
    if expected != svg {
        let actual = root().join("target").join(format!("{name}.actual.svg"));
        let _ = fs::write(&actual, svg);
        panic!(
            "{} differs from the rendering (written to {}). If the change is intended, run \
             `UPDATE_GOLDENS=1 cargo test --test goldens` and review the diff.",
            golden.display(),
            actual.display()
        );
    }
}

fn all_views(prefix: &str, data: &str, theme: &Theme) {
    let s = series(data);
    for view in View::ALL {
        for width in [640u32, 340] {
            let svg = render_svg(&s, view, width, None, theme).unwrap_or_else(|e| panic!("{e}"));
            check(&format!("{prefix}-{view}-{width}"), &svg);
        }
    }
}

#[test]
fn cayman_goldens() {
    all_views("cayman", "www/data/operation-cayman.json", &Theme::light());
}

#[test]
fn harbour_goldens() {
    all_views("harbour", "tests/fixtures/operation-harbour.json", &Theme::light());
}

#[test]
fn dark_theme_golden() {
    let s = series("www/data/operation-cayman.json");
    let svg = render_svg(&s, View::Cumulative, 640, None, &Theme::dark()).unwrap_or_else(|e| panic!("{e}"));
    check("cayman-cumulative-640-dark", &svg);
}
