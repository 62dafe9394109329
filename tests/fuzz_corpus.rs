//! The fuzzers' findings as ordinary tests, on stable Rust: every saved corpus input
//! (`fuzz/corpus/<target>/`) and every crash, time-out or out-of-memory input
//! (`fuzz/artifacts/<target>/`) goes through the same check the fuzz target runs
//! (`operation_charts::testing`), so a bug the fuzzer once found stays fixed.
//!
//! `npm run fuzz` adds to both folders; see `scripts/fuzz.sh` for turning a crash into a
//! regression test.

use std::fs;
use std::panic;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use operation_charts::testing::TARGETS;

/// Far above what any input takes in a debug build; an input this slow is a hang.
const SLOWEST: Duration = Duration::from_secs(20);

fn inputs(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

/// Runs every input of `target` in `folder` (`corpus` or `artifacts`); returns how many ran.
fn replay(folder: &str, target: &str, check: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz").join(folder).join(target);
    let files = inputs(&dir);
    let mut failed = Vec::new();
    for file in &files {
        let bytes = fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let started = Instant::now();
        if panic::catch_unwind(|| check(&bytes)).is_err() {
            failed.push(format!("{} (the panic above)", file.display()));
        } else if started.elapsed() > SLOWEST {
            failed.push(format!("{} took {:?}", file.display(), started.elapsed()));
        }
    }
    assert!(failed.is_empty(), "{} of {} inputs failed the {target} check:\n{}", failed.len(), files.len(), failed.join("\n"));
    files.len()
}

/// The check of the target called `name`.
fn check_of(name: &str) -> fn(&[u8]) {
    TARGETS.iter().find(|(target, _)| *target == name).map(|(_, check)| *check).unwrap_or_else(|| panic!("no target {name}"))
}

/// Every saved corpus input of `target`; the corpus is committed, so it must not be empty.
fn corpus(target: &str) {
    let n = replay("corpus", target, check_of(target));
    assert!(n > 0, "fuzz/corpus/{target}/ is empty: the corpus is committed, and replayed here");
}

// One test per target, so that they run side by side.

#[test]
fn the_load_corpus_passes_its_check() {
    corpus("load");
}

#[test]
fn the_render_corpus_passes_its_check() {
    corpus("render");
}

#[test]
fn the_interact_corpus_passes_its_check() {
    corpus("interact");
}

#[test]
fn every_target_has_its_corpus_test() {
    assert_eq!(TARGETS.map(|(name, _)| name), ["load", "render", "interact"]);
}

#[test]
fn every_crash_the_fuzzers_found_stays_fixed() {
    for (target, check) in TARGETS {
        replay("artifacts", target, check);
    }
}
