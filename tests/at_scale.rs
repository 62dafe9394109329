//! Hovering and the keyboard at scale: exact answers over thinned drawing. However many raids
//! there are, the pointer finds the same item a scan of every item would, every raid can be
//! reached with the keyboard, and the drawing stays a few thousand shapes and an SVG under a
//! megabyte.

mod common;

use common::{operation, Lcg};
use operation_charts::derive::Series;
use operation_charts::export::render_svg;
use operation_charts::layout::{describe, layout, FixedWidths, Theme, View};
use operation_charts::scene::{Focus, HitIndex, ItemKind, Nav, Point, Scene, Stop, Target, MIN_REACH_RADIUS};

/// What a scan of every mark answers: the nearest whose reach covers `p`, the first added of
/// equally near ones.
fn nearest_by_scan(marks: &[(Point, f64)], p: Point) -> Option<usize> {
    marks
        .iter()
        .enumerate()
        .map(|(i, (c, reach))| (c.distance(p), *reach, i))
        .filter(|(d, reach, _)| d <= reach)
        .min_by(|a, b| a.0.total_cmp(&b.0).then(a.2.cmp(&b.2)))
        .map(|(_, _, i)| i)
}

#[test]
fn hit_at_100k_marks_finds_what_a_full_scan_finds() {
    let mut rng = Lcg(3);
    let mut hit = HitIndex::new();
    let mut marks = Vec::new();
    for i in 0..100_000 {
        // Twelve lanes of marks, a tenth of them stacked on whole pixels, and some strays.
        let x = if i % 10 == 0 { rng.below(800) as f64 } else { rng.below(800_000) as f64 / 1000.0 };
        let y = if i % 50 == 0 { rng.below(400_000) as f64 / 1000.0 } else { 20.0 + 30.0 * rng.below(12) as f64 };
        let reach = 10.0 + rng.below(30) as f64;
        let target = Target::new(ItemKind::Raid, 0, i, Point::new(x, y), Focus::Ring { center: Point::new(x, y), radius: 4.0 });
        hit.add_point(Point::new(x, y), reach, target);
        marks.push((Point::new(x, y), reach.max(MIN_REACH_RADIUS)));
    }
    hit.finish();
    for _ in 0..1000 {
        let p = Point::new(rng.below(840_000) as f64 / 1000.0 - 20.0, rng.below(440_000) as f64 / 1000.0 - 20.0);
        assert_eq!(hit.hit(p), nearest_by_scan(&marks, p), "at {p:?}");
    }
}

/// The marks of a laid-out timeline, as (centre, reach), from its targets.
fn timeline_marks(scene: &Scene) -> Vec<(Point, f64)> {
    scene
        .hit
        .targets()
        .iter()
        .map(|t| match t.focus {
            // The ring is 3 px outside the mark; the mark answers 4 px outside it.
            Focus::Ring { center, radius } => (center, (radius + 1.0).max(MIN_REACH_RADIUS)),
            Focus::Boxes { .. } => (Point::new(f64::NAN, f64::NAN), 0.0),
        })
        .collect()
}

#[test]
fn half_a_million_events_draw_a_few_thousand_shapes_and_every_raid_stays_reachable() {
    let series = Series::from_operation(&operation(500_000));
    let raids = series.timeline.raids.len();
    let theme = Theme::light();
    let scene = layout(&series, View::Timeline, 800.0, 400.0, &theme, &FixedWidths);
    assert!(scene.shapes.len() < 3000, "{} shapes", scene.shapes.len());
    assert_eq!(scene.hit.len(), raids, "every raid is an item");

    // Home goes to the first raid; End to the last of its lane. Right walks a lane in time;
    // Up, Right and Down go on to the next lane; every raid is reached once.
    let first = scene.hit.navigate(None, Nav::First);
    assert_eq!(first.and_then(|i| scene.hit.target(i)).map(|t| t.datum as usize), Some(0));
    let mut reached = 0;
    let mut last = None;
    let mut at = scene.hit.go(None, Nav::First, 1);
    for lane in 0..scene.hit.groups() {
        if lane > 0 {
            at = [Nav::Up, Nav::Next, Nav::Down, Nav::First].iter().fold(at, |s, nav| scene.hit.go(s, *nav, 1));
        }
        loop {
            let Some(Stop::Item(i)) = at else { panic!("on an item: {at:?}") };
            reached += 1;
            let next = scene.hit.go(at, Nav::Next, 1);
            if next == at {
                break;
            }
            let Some(Stop::Item(j)) = next else { panic!("Right stays on the items") };
            assert!(j > i, "Right moves on in time from {i}");
            assert_eq!(scene.hit.target(j).map(|t| t.lane), scene.hit.target(i).map(|t| t.lane), "Right stays in the lane");
            at = next;
        }
        if let Some(Stop::Item(i)) = at {
            if last.is_none_or(|l: usize| i > l) {
                last = Some(i);
            }
        }
    }
    assert_eq!(reached, raids, "every raid, lane by lane");
    assert_eq!(last.and_then(|i| scene.hit.target(i)).map(|t| t.datum as usize), Some(raids - 1));
    let end = last.and_then(|i| describe(&series, &scene, i)).expect("the last raid described");
    let raid = series.timeline.raids.last().expect("raids");
    assert!(end.label.starts_with(raid.place.as_deref().unwrap_or("Raid")), "{}", end.label);
    assert_eq!(end.values.get("id").and_then(|v| v.as_str()), raid.id.as_deref());

    // Down moves to the next lane, near the same time.
    let down = scene.hit.navigate(first, Nav::Down).and_then(|i| scene.hit.target(i)).expect("down");
    let from = first.and_then(|i| scene.hit.target(i)).expect("first");
    assert_eq!(down.lane, from.lane + 1);
    assert!((down.anchor.x - from.anchor.x).abs() < 2.0);

    // The pointer finds what a scan of every mark finds, thinned drawing or not.
    let marks = timeline_marks(&scene);
    let mut rng = Lcg(17);
    for _ in 0..200 {
        let p = Point::new(rng.below(800_000) as f64 / 1000.0, rng.below(400_000) as f64 / 1000.0);
        assert_eq!(scene.hit.hit(p), nearest_by_scan(&marks, p), "at {p:?}");
    }

    let svg = render_svg(&series, View::Timeline, 800, Some(400), &theme).expect("svg");
    assert!(svg.len() < 1_000_000, "{} bytes", svg.len());

    // Running totals: two thinned lines, every moment still reachable.
    let scene = layout(&series, View::Cumulative, 800.0, 400.0, &theme, &FixedWidths);
    assert!(scene.shapes.len() < 100, "{} shapes", scene.shapes.len());
    // End walks the arrests to their last moment; Down then End, the charges to theirs.
    let count = operation_charts::format::count;
    let arrested = series.totals.arrests.itemised;
    let charged = series.totals.charged.itemised;
    let end = scene.hit.navigate(None, Nav::Last);
    let label = end.and_then(|i| describe(&series, &scene, i)).map(|i| i.label).unwrap_or_default();
    assert!(label.contains(&format!("So far: {} arrested", count(arrested))), "{label}");
    let end = scene.hit.navigate(scene.hit.navigate(end, Nav::Down), Nav::Last);
    let label = end.and_then(|i| describe(&series, &scene, i)).map(|i| i.label).unwrap_or_default();
    assert!(label.contains(&format!("So far: {} arrested, {} charged", count(arrested), count(charged))), "{label}");
    let svg = render_svg(&series, View::Cumulative, 800, Some(400), &theme).expect("svg");
    assert!(svg.len() < 1_000_000, "{} bytes", svg.len());
}

#[test]
fn thousands_of_areas_draw_a_few_thousand_shapes() {
    // Every raid in its own area: one bar pair and one lane per area.
    let mut op = operation(20_000);
    for (i, e) in op.events.iter_mut().enumerate() {
        if let operation_charts::data::Event::Raid(r) = e {
            r.area = Some(format!("Area {i}").into());
        }
    }
    let series = Series::from_operation(&op);
    for view in View::ALL {
        let scene = layout(&series, view, 800.0, 400.0, &Theme::light(), &FixedWidths);
        assert!(scene.shapes.len() < 3000, "{view}: {} shapes", scene.shapes.len());
        let last = scene.hit.navigate(None, Nav::Last).and_then(|i| describe(&series, &scene, i));
        assert!(last.is_some(), "{view}: End reaches an item");
    }
}
