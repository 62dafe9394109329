//! Timeline marks close in time are spread up and down within their lane (the dodge): on the
//! Cayman data no two circles of a lane overlap, each keeps the exact x of its time and stays
//! in its lane's band; a thousand raids at one instant stay in the plot; the tooltip says how
//! many raids share a time; the description says the marks were spread only when they were.

mod corpus;

use operation_charts::data::load;
use operation_charts::derive::{span_with, Series};
use operation_charts::layout::scale::LinearScale;
use operation_charts::layout::time_axis::TimeAxis;
use operation_charts::layout::timeline::SPREAD_SENTENCE;
use operation_charts::layout::{about, describe, layout, preferred_height, FixedWidths, Theme, View};
use operation_charts::scene::{Focus, ItemKind, Point, Scene, Shape};

fn cayman() -> Series {
    corpus::series_of("cayman", include_str!("../www/data/operation-cayman.json"))
}

fn series(json: &str) -> Series {
    let checked = load(json).unwrap_or_else(|e| panic!("{e:?}"));
    Series::from_operation(&checked.operation)
}

fn timeline(s: &Series, width: f64, height: f64) -> Scene {
    layout(s, View::Timeline, width, height, &Theme::light(), &FixedWidths)
}

fn at_preferred(s: &Series, width: f64) -> Scene {
    let h = preferred_height(s, View::Timeline, width, &Theme::light(), &FixedWidths);
    timeline(s, width, h)
}

/// A raid as drawn: its datum, lane, centre and radius, from the hit index's focus rings (the
/// drawn circle is the ring less 3 px).
struct Mark {
    datum: usize,
    lane: usize,
    center: Point,
    r: f64,
}

fn marks(scene: &Scene) -> Vec<Mark> {
    scene
        .hit
        .targets()
        .iter()
        .filter(|t| t.kind == ItemKind::Raid)
        .filter_map(|t| match t.focus {
            Focus::Ring { center, radius } => Some(Mark { datum: t.datum as usize, lane: t.lane as usize, center, r: radius - 3.0 }),
            Focus::Boxes { .. } => None,
        })
        .collect()
}

/// The circles drawn in the plot (not the legend's dots).
fn circles(scene: &Scene) -> Vec<(Point, f64)> {
    let plot = scene.hit.plot();
    scene
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Circle { center, radius, .. } if center.x >= plot.x => Some((*center, *radius)),
            _ => None,
        })
        .collect()
}

/// The timeline's x scale, as the layout makes it for the scene's plot.
fn x_scale(s: &Series, scene: &Scene) -> LinearScale {
    let plot = scene.hit.plot();
    let tl = &s.timeline;
    let span = tl.span().expect("raids");
    let whole_days = tl.raids.iter().all(|r| r.time.is_whole_day()) && s.annotations.iter().all(|a| a.time.is_whole_day());
    let (first, last) = span_with(span, &s.annotations);
    let axis = TimeAxis::new(first, last, plot.width, Theme::light().sizes.small, &FixedWidths, whole_days);
    LinearScale::new(axis.start, axis.end, plot.x, plot.right())
}

/// Every layout the Cayman timeline is checked at: preferred heights, and 100 px less, too
/// little for its marks at full size.
fn cayman_scenes(s: &Series) -> Vec<(String, Scene)> {
    let mut out = Vec::new();
    for width in [340.0, 640.0, 1200.0] {
        let h = preferred_height(s, View::Timeline, width, &Theme::light(), &FixedWidths);
        out.push((format!("{width} px, preferred height"), timeline(s, width, h)));
        out.push((format!("{width} px, {} px high", h - 100.0), timeline(s, width, h - 100.0)));
    }
    out
}

#[test]
fn cayman_raids_in_a_lane_never_overlap_and_keep_their_time_and_lane() {
    let s = cayman();
    for (name, scene) in cayman_scenes(&s) {
        let marks = marks(&scene);
        assert_eq!(marks.len(), 17, "{name}: every raid is an item");
        // Each item's circle is drawn where the item is.
        let drawn = circles(&scene);
        for m in &marks {
            assert!(drawn.iter().any(|(c, r)| *c == m.center && (*r - m.r).abs() < 1e-9), "{name}: raid {} is drawn at its item", m.datum);
        }
        for (i, a) in marks.iter().enumerate() {
            for b in marks.iter().skip(i + 1).filter(|b| b.lane == a.lane) {
                let d = (a.center.x - b.center.x).hypot(a.center.y - b.center.y);
                assert!(d >= a.r + b.r - 1e-9, "{name}: raids {} and {} overlap: {d} < {} + {}", a.datum, b.datum, a.r, b.r);
            }
        }
        // x is the time, exactly; y stays in the lane's band.
        let x = x_scale(&s, &scene);
        let plot = scene.hit.plot();
        let lane_h = plot.height / 2.0;
        for m in &marks {
            let raid = s.timeline.raids.get(m.datum).expect("a raid");
            assert_eq!(m.center.x, x.px(raid.seconds), "{name}: raid {} is at its time", m.datum);
            let mid = plot.y + lane_h * (m.lane as f64 + 0.5);
            assert!((m.center.y - mid).abs() + m.r <= lane_h / 2.0 + 1e-9, "{name}: raid {} leaves its lane", m.datum);
        }
        // Monday morning in Norfolk, 06:00 to 07:30: six raids, spread.
        let monday: Vec<&Mark> = marks.iter().filter(|m| m.lane == 0 && m.datum < 8).collect();
        assert_eq!(monday.len(), 6, "{name}");
        let heights: std::collections::BTreeSet<i64> = monday.iter().map(|m| (m.center.y * 100.0).round() as i64).collect();
        assert!(heights.len() >= 3, "{name}: the Monday raids are spread up and down: {heights:?}");
    }
}

#[test]
fn the_timeline_asks_for_room_to_spread_its_marks_within_bounds_and_shrinks_them_when_short() {
    let biggest = |scene: &Scene| marks(scene).iter().map(|m| m.r).fold(0.0, f64::max);
    // Three raids at one moment: the lane grows so that they are spread at full size.
    let together = series(&document(&[("2020-01-01T06:00:00Z", "A"), ("2020-01-01T06:00:00Z", "A"), ("2020-01-01T06:00:00Z", "A"), ("2020-01-17T06:00:00Z", "B")]));
    let apart = series(&document(&[("2020-01-01T06:00:00Z", "A"), ("2020-01-09T06:00:00Z", "A"), ("2020-01-17T06:00:00Z", "B")]));
    let h = |s: &Series| preferred_height(s, View::Timeline, 640.0, &Theme::light(), &FixedWidths);
    assert!(h(&together) > h(&apart), "{} > {}", h(&together), h(&apart));
    let scene = at_preferred(&together, 640.0);
    assert!(scene.marks_spread);
    assert_eq!(biggest(&scene), 16.0, "full size");
    let short = timeline(&together, 640.0, scene.height - 60.0);
    assert!(short.marks_spread);
    assert!(biggest(&short) < 16.0, "too little room, so every circle shrinks: {}", biggest(&short));
    // Cayman's Monday morning would need more than the plot may ask for (360 px): the height
    // asked for is bounded, and the circles shrink, the same in both lanes.
    let s = cayman();
    for width in [340.0, 640.0, 1200.0] {
        let tall = at_preferred(&s, width);
        let plot = tall.hit.plot();
        assert!(plot.height <= 400.0, "{width}: bounded: {plot:?}");
        let short = timeline(&s, width, tall.height - 100.0);
        assert!(biggest(&short) < biggest(&tall), "{width}: less room, smaller circles");
        assert!(biggest(&tall) >= 8.0, "{width}: {}", biggest(&tall));
    }
}

/// A document of raids at `(time, area)`, each with one arrest.
fn document(raids: &[(&str, &str)]) -> String {
    let mut events = Vec::new();
    for (i, (time, area)) in raids.iter().enumerate() {
        events.push(format!(r#"{{"type": "raid", "id": "r{i}", "time": "{time}", "place": "Street {i}", "area": "{area}"}}"#));
        events.push(format!(r#"{{"type": "arrest", "time": "{time}", "raid": "r{i}"}}"#));
    }
    format!(
        r#"{{"version": 1, "operation": {{"name": "Operation Test"}}, "events": [{}], "source": {{"name": "Test"}}}}"#,
        events.join(",")
    )
}

#[test]
fn a_thousand_raids_at_one_instant_stay_in_the_plot() {
    // 1,000 is past the thinning threshold (not spread); 800 is spread, and cannot all fit.
    for n in [1000, 800, 40] {
        let raids: Vec<(&str, &str)> = (0..n).map(|_| ("2020-01-01T06:00:00Z", "Norfolk")).collect();
        let s = series(&document(&raids));
        for (width, height) in [(640.0, 300.0), (340.0, 260.0), (1200.0, 900.0)] {
            let scene = timeline(&s, width, height);
            let plot = scene.hit.plot();
            let marks = marks(&scene);
            assert_eq!(marks.len(), n, "every raid is an item");
            for m in &marks {
                assert!(m.center.y.is_finite() && m.r > 0.0);
                assert!(m.center.y - m.r >= plot.y - 1e-9 && m.center.y + m.r <= plot.bottom() + 1e-9, "{n} at {width}x{height}: {} leaves the plot", m.center.y);
            }
            for (c, r) in circles(&scene) {
                assert!(c.y - r >= plot.y - 1e-9 && c.y + r <= plot.bottom() + 1e-9, "{n} at {width}x{height}: a circle leaves the plot");
            }
            let label = describe(&s, &scene, 0).expect("an item").label;
            assert!(label.contains(&format!("One of {} raids of this area at this time", operation_charts::format::count(n as u64))), "{label}");
        }
    }
}

#[test]
fn the_tooltip_says_how_many_raids_of_the_area_share_the_time() {
    let s = series(&document(&[
        ("2024-10-14T07:00:00+01:00", "Norfolk"),
        ("2024-10-14T07:00:30+01:00", "Norfolk"),
        ("2024-10-14T07:00:00+01:00", "Suffolk"),
        ("2024-10-14T07:00:59+01:00", "Norfolk"),
        ("2024-10-14T07:01:00+01:00", "Norfolk"),
        ("2024-10-14T06:00:00Z", "Norfolk"),
        ("2024-10-15", "Norfolk"),
    ]));
    let scene = at_preferred(&s, 640.0);
    let items: Vec<_> = (0..scene.hit.len()).filter_map(|i| describe(&s, &scene, i)).filter(|i| i.kind == ItemKind::Raid).collect();
    let line = |place: &str| {
        let item = items.iter().find(|i| i.label.starts_with(&format!("{place}\n"))).unwrap_or_else(|| panic!("{place}"));
        let same = item.values.get("sameTime").and_then(|v| v.as_u64());
        (item.label.lines().find(|l| l.starts_with("One of")).map(str::to_owned), same)
    };
    // 07:00, 07:00:30, 07:00:59 and 06:00Z (07:00 at +01:00) share a minute in Norfolk.
    let four = Some("One of 4 raids of this area at this time".to_owned());
    assert_eq!(line("Street 0"), (four.clone(), Some(4)));
    assert_eq!(line("Street 1"), (four.clone(), Some(4)));
    assert_eq!(line("Street 3"), (four.clone(), Some(4)));
    assert_eq!(line("Street 5"), (four, Some(4)), "06:00Z is 07:00 at +01:00: the same time");
    assert_eq!(line("Street 2"), (None, Some(1)), "Suffolk's is alone in its lane");
    assert_eq!(line("Street 4"), (None, Some(1)), "07:01 is another minute");
    assert_eq!(line("Street 6"), (None, Some(1)), "a whole day is not a time");
    // The line follows the time and the area it speaks of.
    let first = items.iter().find(|i| i.label.starts_with("Street 0\n")).expect("Street 0");
    assert_eq!(first.label, "Street 0\nMon 14 Oct 2024, 07:00\nArea: Norfolk\nOne of 4 raids of this area at this time\n1 arrested, 0 charged");

    let whole_days = series(&document(&[("2024-10-15", "Norfolk"), ("2024-10-15", "Norfolk"), ("2024-10-15T12:00:00Z", "Norfolk")]));
    let scene = at_preferred(&whole_days, 640.0);
    let label = describe(&whole_days, &scene, 0).expect("an item").label;
    assert!(label.contains("One of 2 raids of this area dated only to this day"), "{label}");
}

#[test]
fn the_description_says_marks_were_spread_only_when_they_were() {
    let theme = Theme::light();
    let says = |s: &Series, scene: &Scene, view: View| about(s, view, scene, &theme, &FixedWidths).iter().any(|a| a == SPREAD_SENTENCE);
    let s = cayman();
    for (name, scene) in cayman_scenes(&s) {
        assert!(scene.marks_spread, "{name}");
        assert!(says(&s, &scene, View::Timeline), "{name}");
    }
    let apart = series(&document(&[("2020-01-01T06:00:00Z", "A"), ("2020-01-09T06:00:00Z", "A"), ("2020-01-17T06:00:00Z", "B")]));
    let scene = at_preferred(&apart, 640.0);
    assert!(!scene.marks_spread);
    assert!(!says(&apart, &scene, View::Timeline), "nothing was spread, so nothing is said");
    // Two lanes at the same instant: each alone in its lane, nothing moves.
    let lanes = series(&document(&[("2020-01-01T06:00:00Z", "A"), ("2020-01-01T06:00:00Z", "B")]));
    assert!(!says(&lanes, &at_preferred(&lanes, 640.0), View::Timeline));
    for view in [View::Summary, View::Cumulative, View::Areas] {
        let scene = layout(&s, view, 640.0, 400.0, &theme, &FixedWidths);
        assert!(!says(&s, &scene, view), "{view}");
    }
}

