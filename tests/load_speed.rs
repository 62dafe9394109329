//! How fast a large document loads: a deterministic 500,000-event document (about 45 MB) read
//! by `data::load`, beside a plain typed parse of the same text for scale.
//!
//! The timing is `#[ignore]`d (it wants a release build):
//!
//! ```sh
//! cargo test --release --config 'profile.release.panic="unwind"' --test load_speed -- --ignored --nocapture
//! ```
//!
//! (With the release profile's `panic = "abort"`, `cargo test --release` builds the library
//! twice, once unwinding for the tests and once aborting for the command-line tool, and as a
//! `cdylib` both builds write the same file, so the link sometimes fails; unwinding everywhere
//! builds it once.)
//!
//! It also writes the document to the system's temporary directory, so that the command-line
//! tool's peak memory can be measured on it:
//! `/usr/bin/time -v operation-charts validate /tmp/operation-charts-500k.json`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::fmt::Write as _;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use operation_charts::data::{load, Operation};

/// Events in the timed document.
const EVENTS: usize = 500_000;

/// The target for loading it natively (release build).
const TARGET: Duration = Duration::from_millis(500);

const AREAS: [&str; 5] = ["Norfolk", "London", "Suffolk", "Essex", "Cambridgeshire"];
const STREETS: [&str; 6] = ["Orchard Street", "Derby Street", "Quay Road", "Mill Lane", "High Street", "Station Road"];
const TOWNS: [&str; 5] = ["Norwich", "Great Yarmouth", "Ipswich", "Colchester", "Cambridge"];

/// A valid document of `events` events (about 90 bytes each), the same every time: in each
/// group of ten, two raids (id, time with offset, place, area), five arrests and three charges
/// (with an area) naming them; times spread over two years in `+01:00`, `Z` and `-05:00`.
/// Reported totals equal the itemised ones, so it loads with no warnings.
fn document(events: usize) -> String {
    let mut text = String::with_capacity(events * 100 + 400);
    text.push_str(
        r#"{"version":1,"title":"A very large operation","operation":{"name":"Operation Load","agency":"Test Constabulary"},"events":["#,
    );
    let (mut raids, mut arrests, mut charged) = (0u64, 0u64, 0u64);
    let mut last_raid = 0;
    for index in 0..events {
        if index > 0 {
            text.push(',');
        }
        // Ten events share a day; times move forward through the day within a group.
        let group = index / 10;
        let day = group % 730;
        let (month, date) = ((day / 28) % 12 + 1, day % 28 + 1);
        let year = 2017 + day / 365;
        let hour = 6 + index % 10;
        let minute = (index * 7) % 60;
        let offset = ["+01:00", "Z", "-05:00"][group % 3];
        let time = format!("{year}-{month:02}-{date:02}T{hour:02}:{minute:02}:00{offset}");
        match index % 10 {
            0 | 1 => {
                last_raid = index;
                raids += 1;
                let street = STREETS[index % STREETS.len()];
                let town = TOWNS[group % TOWNS.len()];
                let area = AREAS[group % AREAS.len()];
                let _ = write!(
                    text,
                    r#"{{"type":"raid","id":"r{index}","time":"{time}","place":"Flat {}, {} {street}, {town}","area":"{area}"}}"#,
                    index % 9 + 1,
                    index % 97 + 1
                );
            }
            2..=6 => {
                let count = 1 + index % 3;
                arrests += count as u64;
                let _ = write!(text, r#"{{"type":"arrest","time":"{time}","raid":"r{last_raid}","count":{count}}}"#);
            }
            _ => {
                charged += 1;
                let area = AREAS[group % AREAS.len()];
                let _ = write!(text, r#"{{"type":"charge","time":"{time}","raid":"r{}","area":"{area}"}}"#, last_raid - 1);
            }
        }
    }
    let _ = write!(
        text,
        r#"],"reported":{{"raids":{raids},"arrests":{arrests},"charged":{charged}}},"source":{{"name":"Test","url":"https://example.org/","note":"Generated."}}}}"#
    );
    text
}

/// The system allocator, counting the bytes in use and the most in use at once.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is passed on unchanged.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as above.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            // Counted as if the old and new blocks coexist, as they do when a block is moved.
            let now = IN_USE.fetch_add(new_size, Ordering::Relaxed) + new_size;
            PEAK.fetch_max(now, Ordering::Relaxed);
            IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The most heap `f` has in use at once, beyond what was in use before, in bytes.
fn peak_heap<T>(f: impl FnOnce() -> T) -> (usize, T) {
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let out = f();
    (PEAK.load(Ordering::Relaxed).saturating_sub(before), out)
}

/// The quickest of `runs` runs of `f`.
fn fastest<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        let out = f();
        best = best.min(start.elapsed());
        last = Some(out);
    }
    match last {
        Some(out) => (best, out),
        None => panic!("no runs"),
    }
}

#[test]
fn the_generated_document_is_valid_with_no_warnings() {
    let text = document(2_000);
    match load(&text) {
        Ok(checked) => {
            assert!(checked.warnings.is_empty(), "{:?}", checked.warnings);
            assert_eq!(checked.operation.events.len(), 2_000);
        }
        Err(report) => panic!("{:?}", report.errors),
    }
}

#[test]
#[ignore = "a timing: run with --release -- --ignored --nocapture"]
fn load_500k_events() {
    let text = document(EVENTS);
    let path = std::env::temp_dir().join("operation-charts-500k.json");
    if let Err(e) = std::fs::write(&path, &text) {
        eprintln!("could not write {}: {e}", path.display());
    }
    eprintln!("document: {} events, {:.1} MB, written to {}", EVENTS, text.len() as f64 / 1e6, path.display());

    let (typed, parsed) = fastest(3, || serde_json::from_str::<Operation>(&text));
    assert!(parsed.is_ok(), "the plain typed parse failed: {parsed:?}");
    eprintln!("plain typed parse (serde_json::from_str::<Operation>): {:>6.0} ms", typed.as_secs_f64() * 1e3);

    let (loading, loaded) = fastest(3, || load(&text));
    eprintln!("data::load:                                          {:>6.0} ms", loading.as_secs_f64() * 1e3);
    match loaded {
        Ok(checked) => assert_eq!(checked.operation.events.len(), EVENTS),
        Err(report) => panic!("{:?}", report.errors.iter().take(5).collect::<Vec<_>>()),
    }
    let (peak, _) = peak_heap(|| load(&text));
    eprintln!(
        "data::load peak heap beyond the text: {:.0} MB ({:.1}× the {:.1} MB text; 64-bit sizes)",
        peak as f64 / 1e6,
        peak as f64 / text.len() as f64,
        text.len() as f64 / 1e6
    );
    if cfg!(debug_assertions) {
        eprintln!("(a debug build: the {} ms target is for --release)", TARGET.as_millis());
    } else {
        assert!(loading < TARGET, "load took {loading:?}, over the {TARGET:?} target");
    }
}
