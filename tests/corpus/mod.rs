//! The fixture corpus: every valid edge-case document in `tests/fixtures/`, one JSON file each,
//! named for what it is. The goldens draw each of them in each view, and the gallery
//! (`www/gallery.html`) shows those drawings; other tests load them by name.

#![allow(dead_code)]

use std::fs;
use std::path::PathBuf;

use operation_charts::data::load;
use operation_charts::derive::Series;

/// The repository's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The fixtures folder.
pub fn dir() -> PathBuf {
    root().join("tests/fixtures")
}

/// One document of the corpus.
pub struct Fixture {
    /// The file name without `.json`, e.g. "same-instant".
    pub name: String,
    /// The document's text.
    pub text: String,
}

/// Every `*.json` file directly in `tests/fixtures/` (not the CSVs of `import/`), by name.
pub fn all() -> Vec<Fixture> {
    let entries = fs::read_dir(dir()).unwrap_or_else(|e| panic!("{}: {e}", dir().display()));
    let mut names: Vec<String> = entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter_map(|file| file.strip_suffix(".json").map(str::to_owned))
        .collect();
    names.sort();
    names.into_iter().map(|name| Fixture { text: text(&name), name }).collect()
}

/// The text of `tests/fixtures/{name}.json`.
pub fn text(name: &str) -> String {
    let path = dir().join(format!("{name}.json"));
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The series of a document's text; `what` names it when the document is invalid.
pub fn series_of(what: &str, text: &str) -> Series {
    match load(text) {
        Ok(checked) => Series::from_operation(&checked.operation),
        Err(report) => panic!("{what} is invalid: {:?}", report.errors),
    }
}

/// The series of `tests/fixtures/{name}.json`.
pub fn series(name: &str) -> Series {
    series_of(name, &text(name))
}
