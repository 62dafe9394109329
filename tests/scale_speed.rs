//! Timings at scale: a deterministic operation of 500,000 events, derived, laid out, hovered,
//! walked with the keyboard and exported. Ignored by default (it takes a while in a debug
//! build); run it with
//!
//! ```sh
//! cargo test --release --test scale_speed -- --ignored --nocapture
//! ```

mod common;

use std::time::{Duration, Instant};

use common::{operation, Lcg};
use operation_charts::derive::{story, Areas, Clock, Cumulative, RaidLookup, Series, Timeline, Totals};
use operation_charts::export::render_svg;
use operation_charts::layout::{describe, layout, FixedWidths, Theme, View};
use operation_charts::scene::{Nav, Point, Scene};

const W: f64 = 800.0;
const H: f64 = 400.0;

fn probes(n: usize) -> Vec<Point> {
    let mut rng = Lcg(7);
    (0..n).map(|_| Point::new(rng.below(W as u64) as f64, 60.0 + rng.below(280) as f64)).collect()
}

/// One hover: the index of the item under `p`, if any.
fn hit(scene: &Scene, p: Point) -> Option<usize> {
    scene.hit.hit(p)
}

/// One key press from `from`.
fn navigate(scene: &Scene, from: Option<usize>, nav: Nav) -> Option<usize> {
    scene.hit.navigate(from, nav)
}

/// The whole item for `index`, as JSON, the way it crosses to JavaScript.
fn describe_json(series: &Series, scene: &Scene, index: usize) -> Option<String> {
    describe(series, scene, index).and_then(|i| serde_json::to_string(&i).ok())
}

fn item_count(scene: &Scene) -> usize {
    scene.hit.len()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let out = f();
    (out, started.elapsed())
}

/// Hovering `probes` over `scene`: the mean time per move, best of five rounds (the machine
/// may be busy with other work; the best round is the one least disturbed).
fn hover_cost(scene: &Scene, probes: &[Point]) -> Duration {
    best_of(5, || {
        let started = Instant::now();
        let mut found = 0usize;
        for p in probes {
            found += usize::from(hit(scene, *p).is_some());
        }
        std::hint::black_box(found);
        started.elapsed() / probes.len().max(1) as u32
    })
}

/// Hovering as the page does it: find the item, then describe it and serialise it to JSON.
fn hover_and_describe_cost(series: &Series, scene: &Scene, probes: &[Point]) -> Duration {
    best_of(5, || {
        let started = Instant::now();
        let mut bytes = 0usize;
        for p in probes {
            bytes += hit(scene, *p).and_then(|i| describe_json(series, scene, i)).map_or(0, |j| j.len());
        }
        std::hint::black_box(bytes);
        started.elapsed() / probes.len().max(1) as u32
    })
}

fn best_of(rounds: usize, mut f: impl FnMut() -> Duration) -> Duration {
    (0..rounds).map(|_| f()).min().unwrap_or_default()
}

fn report(events: usize) {
    println!("--- {events} events ---");
    let (op, build) = timed(|| operation(events));
    println!("build operation (setup, not timed work): {:.0} ms", ms(build));
    let (series, derive) = timed(|| Series::from_operation(&op));
    println!("Series::from_operation: {:.1} ms", ms(derive));
    let (clock, t) = timed(|| Clock::for_events(&op.events));
    print!("  of which: clock {:.1} ms", ms(t));
    let (lookup, t) = timed(|| RaidLookup::new(&op.events));
    print!(", raid lookup {:.1} ms", ms(t));
    let (totals, t) = timed(|| Totals::new(&op));
    print!(", totals {:.1} ms", ms(t));
    let (timeline, t) = timed(|| Timeline::new(&op, &lookup, &clock));
    print!(", timeline {:.1} ms", ms(t));
    let (_, t) = timed(|| Cumulative::new(&op, &lookup, &clock, &totals));
    print!(", cumulative {:.1} ms", ms(t));
    let (areas, t) = timed(|| Areas::new(&op, &lookup));
    print!(", areas {:.1} ms", ms(t));
    let (_, t) = timed(|| story::describe(&totals, &timeline, &areas));
    println!(", description {:.1} ms", ms(t));
    let probes = probes(2000);
    for view in [View::Timeline, View::Cumulative] {
        let (scene, t) = timed(|| layout(&series, view, W, H, &Theme::light(), &FixedWidths));
        println!("{view}: layout {:.1} ms, {} shapes, {} items", ms(t), scene.shapes.len(), item_count(&scene));
        let per_hit = hover_cost(&scene, &probes);
        println!("{view}: hit {:.5} ms per move (best of 5 rounds of {} probes)", ms(per_hit), probes.len());
        let per_move = hover_and_describe_cost(&series, &scene, &probes);
        println!("{view}: hit + describe + JSON {:.5} ms per move", ms(per_move));
        let keys = [Nav::Next, Nav::Next, Nav::Down, Nav::Next, Nav::Up, Nav::Previous, Nav::Last, Nav::First];
        let per_key = best_of(5, || {
            let started = Instant::now();
            let mut at = None;
            for k in keys.iter().cycle().take(2000) {
                at = navigate(&scene, at, *k);
            }
            std::hint::black_box(at);
            started.elapsed() / 2000
        });
        println!("{view}: navigate {:.5} ms per key (best of 5 rounds of 2000 keys)", ms(per_key));
        let last = navigate(&scene, None, Nav::Last).unwrap_or(0);
        let (json, t) = timed(|| describe_json(&series, &scene, last));
        println!("{view}: describe + JSON of one item {:.4} ms ({} bytes)", ms(t), json.map_or(0, |j| j.len()));
        let (svg, t) = timed(|| render_svg(&series, view, W as u32, Some(H as u32), &Theme::light()));
        let bytes = svg.map_or(0, |s| s.len());
        println!("{view}: SVG export {:.1} ms, {:.2} MB", ms(t), bytes as f64 / 1e6);
    }
}

#[test]
#[ignore = "slow: a timing report, run with --release --ignored --nocapture"]
fn five_hundred_thousand_events() {
    report(500_000);
}

#[test]
#[ignore = "slow: a timing report, run with --release --ignored --nocapture"]
fn hover_cost_barely_grows_with_n() {
    for events in [50usize, 100_000, 500_000] {
        let series = Series::from_operation(&operation(events));
        for view in [View::Timeline, View::Cumulative] {
            let scene = layout(&series, view, W, H, &Theme::light(), &FixedWidths);
            // Probes near items, so every move finds one, whatever the number of items.
            let probes = near_items(&scene, 2000);
            let _ = hover_cost(&scene, &probes);
            let hit = hover_cost(&scene, &probes);
            let page = hover_and_describe_cost(&series, &scene, &probes);
            println!("{view} at {events} events: hit {:.5} ms, hit + describe + JSON {:.5} ms per move", ms(hit), ms(page));
        }
    }
}

/// `n` points a few pixels off the anchors of items spread over the whole scene.
fn near_items(scene: &Scene, n: usize) -> Vec<Point> {
    let mut rng = Lcg(9);
    let items = scene.hit.len().max(1);
    (0..n)
        .filter_map(|k| scene.hit.target(k * 7919 % items))
        .map(|t| Point::new(t.anchor.x + rng.below(7) as f64 - 3.0, t.anchor.y + rng.below(7) as f64))
        .collect()
}

#[test]
#[ignore = "slow: for a profiler, run with --release --ignored"]
fn derive_and_lay_out_for_a_profiler() {
    let op = operation(500_000);
    for _ in 0..3 {
        let series = Series::from_operation(&op);
        for view in [View::Timeline, View::Cumulative] {
            std::hint::black_box(layout(&series, view, W, H, &Theme::light(), &FixedWidths));
        }
    }
}
