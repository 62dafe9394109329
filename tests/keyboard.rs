//! Keyboard moves: among the items, the same answers as a list-walking reference on lanes of
//! every shape; through the chart's structure (summary → lanes or series → items) the moves
//! and words the readers' audit asked for; and not one allocation per key press or pointer
//! move. This file has its own allocator that counts, so it is a test binary of its own.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use operation_charts::derive::Series;
use operation_charts::layout::{about, layout, structure, view_description, FixedWidths, Theme, View};
use operation_charts::scene::{Focus, HitIndex, ItemKind, Level, Nav, Point, Scene, Stop, Target};

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

/// The system allocator, counting allocations made on each thread.
struct Counting;

// SAFETY: every call is passed on to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        // SAFETY: the caller's layout is passed on as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `alloc` above, with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        // SAFETY: as for `alloc` and `dealloc`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// How many allocations `f` makes on this thread.
fn allocations(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

const MOVES: [Nav; 6] = [Nav::Next, Nav::Previous, Nav::Up, Nav::Down, Nav::First, Nav::Last];

/// Items as (lane, anchor x), in reading order.
type Items = Vec<(usize, f64)>;

/// A reference that walks and collects the items on every key press, as the first
/// implementation did: Left and Right along the item's lane, Up and Down to the nearest item
/// on x in the lane above or below. The indexed one must agree with it.
fn reference(items: &Items, from: Option<usize>, nav: Nav) -> Option<usize> {
    let Some(&(lane, x)) = from.and_then(|i| items.get(i)) else {
        if items.is_empty() {
            return None;
        }
        return if nav == Nav::Last || nav == Nav::Previous { reference(items, Some(0), Nav::Last) } else { Some(0) };
    };
    let current = from.unwrap_or(0);
    let mut lanes: Vec<usize> = items.iter().map(|i| i.0).collect();
    lanes.sort_unstable();
    lanes.dedup();
    let along: Vec<usize> = (0..items.len()).filter(|i| items[*i].0 == lane).collect();
    let at = along.iter().position(|i| *i == current).unwrap_or(0);
    let pick = |i: Option<&usize>| i.copied().unwrap_or(current);
    let across = |step: isize| -> usize {
        if lanes.len() < 2 {
            let target = if step < 0 { at.checked_sub(1) } else { Some(at + 1) };
            return pick(target.and_then(|t| along.get(t)));
        }
        let lane_at = lanes.iter().position(|l| *l == lane).unwrap_or(0) as isize;
        let Some(target) = usize::try_from(lane_at + step).ok().and_then(|l| lanes.get(l)) else {
            return current;
        };
        (0..items.len())
            .filter(|i| items[*i].0 == *target)
            .min_by(|a, b| (items[*a].1 - x).abs().total_cmp(&(items[*b].1 - x).abs()))
            .unwrap_or(current)
    };
    Some(match nav {
        Nav::Next => pick(along.get(at + 1)),
        Nav::Previous => pick(at.checked_sub(1).and_then(|p| along.get(p))),
        Nav::First => pick(along.first()),
        Nav::Last => pick(along.last()),
        Nav::Up => across(-1),
        Nav::Down => across(1),
    })
}

fn index_of(items: &Items) -> HitIndex {
    let mut hit = HitIndex::new();
    for (i, (lane, x)) in items.iter().enumerate() {
        let at = Point::new(*x, 10.0 * *lane as f64);
        hit.add_item(Target::new(ItemKind::Moment, *lane, i, at, Focus::Ring { center: at, radius: 5.0 }));
    }
    hit.finish();
    hit
}

/// Lanes with gaps in their numbering, shared and repeated x positions, lanes of one item.
fn fixtures() -> Vec<Items> {
    let mut seed = 1u64;
    let mut next = move |n: u64| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % n
    };
    let lanes = [0usize, 2, 3, 7, 40];
    let mut out = vec![Vec::new(), vec![(0, 5.0)], vec![(3, 1.0), (3, 1.0), (3, 2.0)]];
    for size in [12, 60, 300] {
        out.push((0..size).map(|_| (lanes[next(5) as usize], next(40) as f64 * 2.5)).collect());
    }
    // Two lanes whose items mirror each other around the same x: ties to break.
    out.push(vec![(0, 10.0), (1, 5.0), (1, 15.0), (0, 20.0), (1, 10.0), (0, 0.0)]);
    out
}

#[test]
fn moves_among_items_land_where_the_reference_lands() {
    for items in fixtures() {
        let hit = index_of(&items);
        for from in std::iter::once(None).chain((0..items.len() + 1).map(Some)) {
            for nav in MOVES {
                assert_eq!(hit.navigate(from, nav), reference(&items, from, nav), "from {from:?} {nav:?} in {items:?}");
            }
        }
    }
}

fn cayman() -> Series {
    let text = std::fs::read_to_string(format!("{}/www/data/operation-cayman.json", env!("CARGO_MANIFEST_DIR"))).expect("cayman");
    Series::from_operation(&operation_charts::data::load(&text).expect("valid").operation)
}

#[test]
fn laid_out_views_answer_as_the_reference_does() {
    let series = cayman();
    for view in View::ALL {
        let scene = layout(&series, view, 640.0, 420.0, &Theme::light(), &FixedWidths);
        let items: Items = scene.hit.targets().iter().map(|t| (t.lane as usize, t.anchor.x)).collect();
        for from in std::iter::once(None).chain((0..items.len()).map(Some)) {
            for nav in MOVES {
                assert_eq!(scene.hit.navigate(from, nav), reference(&items, from, nav), "{view} from {from:?} {nav:?}");
            }
        }
    }
}

/// A view of Cayman, its summary sentences, and a reader pressing keys through it.
struct Reader {
    series: Series,
    scene: Scene,
    summary: Vec<String>,
    at: Option<Stop>,
}

impl Reader {
    fn new(view: View) -> Self {
        let series = cayman();
        let scene = layout(&series, view, 640.0, 420.0, &Theme::light(), &FixedWidths);
        let about = about(&series, view, &scene, &Theme::light(), &FixedWidths);
        let summary = structure::summary_sentences(&view_description(&series, view), &about);
        Self { series, scene, summary, at: None }
    }

    /// Presses `nav`; returns what the live region says.
    fn press(&mut self, nav: Nav) -> String {
        self.at = self.scene.hit.go(self.at, nav, self.summary.len());
        let place = self.at.and_then(|s| structure::place(&self.series, &self.scene, s, &self.summary)).expect("a place");
        place.spoken
    }

    fn level(&self) -> Option<Level> {
        self.at.map(Stop::level)
    }

    fn item(&self) -> Option<&Target> {
        match self.at {
            Some(Stop::Item(i)) => self.scene.hit.target(i),
            _ => None,
        }
    }
}

#[test]
fn timeline_right_enters_at_the_items_up_rises_to_the_lanes_then_the_summary() {
    let mut r = Reader::new(View::Timeline);
    // From the chart, the first arrow lands on the first raid, as it always did.
    let first = r.press(Nav::Next);
    assert!(first.starts_with("Norfolk, raid 1 of 13. Orchard Street, Norwich. Mon 16 Apr 2018, 06:00."), "{first}");
    // Right stays in the lane: the next Norfolk raid, not the London raid between them in time.
    let lane = r.item().map(|t| t.lane);
    assert!(r.press(Nav::Next).starts_with("Norfolk, raid 2 of 13. Norwich."));
    assert_eq!(r.item().map(|t| t.lane), lane);
    assert!(r.press(Nav::Last).starts_with("Norfolk, raid 13 of 13."), "End: the lane's last raid");
    assert!(r.press(Nav::First).starts_with("Norfolk, raid 1 of 13."));
    // Up: the lane, with its area and what it adds up to.
    assert_eq!(r.press(Nav::Up), "Norfolk, lane 1 of 3: 13 raids, 23 people arrested. Down or Enter to go through them.");
    assert_eq!(r.level(), Some(Level::Groups));
    assert_eq!(r.press(Nav::Next), "London, lane 2 of 3: 4 raids, 10 people arrested. Down or Enter to go through them.");
    assert_eq!(r.press(Nav::Next), "Notes on the chart, group 3 of 3: 2 notes. Down or Enter to go through them.");
    assert_eq!(r.press(Nav::Next), "Notes on the chart, group 3 of 3: 2 notes. Down or Enter to go through them.", "the last lane stays");
    r.press(Nav::Previous);
    // Down enters London at the raid nearest in time to the one left.
    let london = r.press(Nav::Down);
    assert!(london.starts_with("London, raid 1 of 4. London. Mon 16 Apr 2018, 06:00."), "{london}");
    assert!(r.press(Nav::Next).starts_with("London, raid 2 of 4."));
    assert!(r.press(Nav::Down).starts_with("London, raid 2 of 4."), "Down on an item stays there");
    // Up, Up: the summary, read sentence by sentence (with the sentence on the spread raids).
    r.press(Nav::Up);
    let summary = r.press(Nav::Up);
    assert!(summary.starts_with("About this chart, 1 of 7: 17 raids over four days led to 33 arrests;"), "{summary}");
    assert_eq!(r.level(), Some(Level::Summary));
    assert!(r.press(Nav::Up).starts_with("About this chart, 1 of 7:"), "the top stays");
    assert_eq!(r.press(Nav::Next), "About this chart, 2 of 7: Raids, arrests and charges across Norfolk and London, Monday to Thursday.");
    let last = r.press(Nav::Last);
    assert!(last.starts_with("About this chart, 7 of 7: "), "{last}");
    // Down, Down: back to the lane and the raid the reader left.
    assert!(r.press(Nav::Down).starts_with("London, lane 2 of 3:"));
    assert!(r.press(Nav::Down).starts_with("London, raid 2 of 4."));
}

#[test]
fn areas_every_bar_is_reached_with_left_and_right_and_says_its_area_and_series() {
    let mut r = Reader::new(View::Areas);
    assert_eq!(r.scene.hit.len(), 2 * r.series.areas.rows.len(), "a bar per area per series");
    assert_eq!(r.press(Nav::Next), "Norfolk, people arrested, bar 1 of 2. Norfolk. 13 raids. 23 arrested, 14 charged");
    assert!(r.press(Nav::Next).starts_with("London, people arrested, bar 2 of 2."));
    assert_eq!(r.press(Nav::Up), "People arrested, series 1 of 2: 33 across 2 areas. Down or Enter to go through them.");
    assert_eq!(r.press(Nav::Next), "People charged, series 2 of 2: 21 across 2 areas. Down or Enter to go through them.");
    assert!(r.press(Nav::Down).starts_with("London, people charged, bar 2 of 2."), "re-entered near the bar left");
    assert!(r.press(Nav::Previous).starts_with("Norfolk, people charged, bar 1 of 2."));
    // Every bar: each series entered from its group, then Right to its end.
    let mut seen = vec![false; r.scene.hit.len()];
    for group in 0..r.scene.hit.groups() {
        r.at = Some(Stop::Group { group, item: 0 });
        r.press(Nav::Down);
        r.press(Nav::First);
        loop {
            let Some(Stop::Item(i)) = r.at else { panic!("on an item") };
            seen[i] = true;
            r.press(Nav::Next);
            if r.at == Some(Stop::Item(i)) {
                break;
            }
        }
    }
    assert!(seen.iter().all(|s| *s), "every bar reached: {seen:?}");
}

#[test]
fn a_view_of_one_group_rises_from_its_items_straight_to_the_summary() {
    let mut r = Reader::new(View::Summary);
    assert_eq!(r.press(Nav::Next), "Stage 1 of 3. Raids: 17. As reported; all 17 itemised");
    assert!(r.press(Nav::Up).starts_with("About this chart, 1 of 4:"));
    assert_eq!(r.press(Nav::Down), "Stage 1 of 3. Raids: 17. As reported; all 17 itemised");
}

#[test]
fn a_place_crosses_to_the_glue_and_back_as_three_numbers() {
    for stop in [Stop::Item(7), Stop::Group { group: 2, item: 9 }, Stop::Summary { node: 1, item: 0 }] {
        let [level, at, item] = stop.to_parts();
        assert_eq!(Stop::from_parts(level, at, item), Some(stop));
    }
    assert_eq!(Stop::from_parts(3, 0, 0), None);
    // A place the scene no longer has (after a re-render) starts again from the items.
    let r = Reader::new(View::Timeline);
    assert_eq!(r.scene.hit.go(Some(Stop::Group { group: 99, item: 0 }), Nav::Next, r.summary.len()), Some(Stop::Item(0)));
    assert_eq!(r.scene.hit.go(Some(Stop::Item(9_999)), Nav::Up, r.summary.len()), Some(Stop::Item(0)));
}

#[test]
fn key_presses_and_pointer_moves_allocate_nothing() {
    assert!(allocations(|| drop(std::hint::black_box(vec![1u8]))) > 0, "the counter counts");
    let items: Items = (0..20_000).map(|i| (i % 7, (i / 7) as f64 * 0.3)).collect();
    let hit = index_of(&items);
    let mut at = None;
    let n = allocations(|| {
        for nav in MOVES.iter().cycle().take(10_000) {
            at = hit.navigate(at, *nav);
        }
    });
    assert_eq!(n, 0, "allocations over 10,000 key presses among the items");
    let mut stop = None;
    let n = allocations(|| {
        for nav in MOVES.iter().cycle().take(10_001) {
            stop = hit.go(stop, *nav, 4);
        }
    });
    assert_eq!(n, 0, "allocations over 10,000 key presses through the structure");
    assert!(stop.is_some());
    let mut hit = HitIndex::new();
    for (i, (lane, x)) in items.iter().enumerate() {
        let at = Point::new(*x, 30.0 * *lane as f64);
        hit.add_point(at, 4.0, Target::new(ItemKind::Raid, *lane, i, at, Focus::Ring { center: at, radius: 7.0 }));
    }
    hit.finish();
    let mut found = 0;
    let n = allocations(|| {
        for k in 0..10_000 {
            found += usize::from(hit.hit(Point::new((k % 900) as f64 * 0.97, (k % 230) as f64)).is_some());
        }
    });
    assert_eq!(n, 0, "allocations over 10,000 pointer moves");
    assert!(found > 0);
}
