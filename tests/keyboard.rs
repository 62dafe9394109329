//! Keyboard moves: the same answers as the first, list-walking implementation, on lanes of
//! every shape, and not one allocation per key press or pointer move. This file has its own
//! allocator that counts, so it is a test binary of its own.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use operation_charts::derive::Series;
use operation_charts::layout::{layout, FixedWidths, Theme, View};
use operation_charts::scene::{Focus, HitIndex, ItemKind, Nav, Point, Target, Walk};

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

/// The first implementation, which walked and collected the items on every key press: the
/// reference the indexed one must agree with.
fn reference(items: &Items, walk: Walk, from: Option<usize>, nav: Nav) -> Option<usize> {
    let Some(&(lane, x)) = from.and_then(|i| items.get(i)) else {
        if items.is_empty() {
            return None;
        }
        return if nav == Nav::Last || nav == Nav::Previous { reference(items, walk, Some(0), Nav::Last) } else { Some(0) };
    };
    let current = from.unwrap_or(0);
    let mut lanes: Vec<usize> = items.iter().map(|i| i.0).collect();
    lanes.sort_unstable();
    lanes.dedup();
    let along: Vec<usize> = (0..items.len()).filter(|i| walk == Walk::Reading || items[*i].0 == lane).collect();
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

fn index_of(items: &Items, walk: Walk) -> HitIndex {
    let mut hit = HitIndex::new();
    hit.set_walk(walk);
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
fn moves_land_where_the_first_implementation_landed() {
    for items in fixtures() {
        for walk in [Walk::Reading, Walk::PerLane] {
            let hit = index_of(&items, walk);
            for from in std::iter::once(None).chain((0..items.len() + 1).map(Some)) {
                for nav in MOVES {
                    assert_eq!(hit.navigate(from, nav), reference(&items, walk, from, nav), "{walk:?} from {from:?} {nav:?} in {items:?}");
                }
            }
        }
    }
}

#[test]
fn laid_out_views_answer_as_the_first_implementation_did() {
    let text = std::fs::read_to_string(format!("{}/www/data/operation-cayman.json", env!("CARGO_MANIFEST_DIR"))).expect("cayman");
    let series = Series::from_operation(&operation_charts::data::load(&text).expect("valid").operation);
    for view in View::ALL {
        let scene = layout(&series, view, 640.0, 420.0, &Theme::light(), &FixedWidths);
        let items: Items = scene.hit.targets().iter().map(|t| (t.lane as usize, t.anchor.x)).collect();
        let walk = if view == View::Cumulative { Walk::PerLane } else { Walk::Reading };
        for from in std::iter::once(None).chain((0..items.len()).map(Some)) {
            for nav in MOVES {
                assert_eq!(scene.hit.navigate(from, nav), reference(&items, walk, from, nav), "{view} from {from:?} {nav:?}");
            }
        }
    }
}

#[test]
fn key_presses_and_pointer_moves_allocate_nothing() {
    assert!(allocations(|| drop(std::hint::black_box(vec![1u8]))) > 0, "the counter counts");
    let items: Items = (0..20_000).map(|i| (i % 7, (i / 7) as f64 * 0.3)).collect();
    for walk in [Walk::Reading, Walk::PerLane] {
        let hit = index_of(&items, walk);
        let mut at = None;
        let n = allocations(|| {
            for nav in MOVES.iter().cycle().take(10_000) {
                at = hit.navigate(at, *nav);
            }
        });
        assert_eq!(n, 0, "{walk:?}: allocations over 10,000 key presses");
    }
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
