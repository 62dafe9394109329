//! The numbers a reader sees, derived and laid out: totals, running sums, per-area sums, the
//! description, tooltips found by hit-testing the laid-out scene, and labels that never
//! overlap, for the bundled Cayman data, the fictional Harbour fixture and every edge case of
//! the fixture corpus (`tests/fixtures/`).

mod corpus;

use operation_charts::data::load;
use operation_charts::derive::Series;
use operation_charts::layout::{describe, layout, FixedWidths, Theme, View};
use operation_charts::scene::{Item, ItemKind, Nav, Point, Rect, Scene};

fn cayman() -> Series {
    corpus::series_of("cayman", include_str!("../www/data/operation-cayman.json"))
}

fn harbour() -> Series {
    corpus::series("operation-harbour")
}

/// Every document of the fixture corpus, by name.
fn fixtures() -> Vec<(String, Series)> {
    corpus::all().into_iter().map(|f| (f.name.clone(), corpus::series_of(&f.name, &f.text))).collect()
}

fn scene(s: &Series, view: View, width: f64) -> Scene {
    layout(s, view, width, 420.0, &Theme::light(), &FixedWidths)
}

/// Every item of `scene`, described as the page receives it.
fn items(series: &Series, scene: &Scene) -> Vec<Item> {
    (0..scene.hit.len()).filter_map(|i| describe(series, scene, i)).collect()
}

fn labels(series: &Series, scene: &Scene) -> Vec<String> {
    items(series, scene).into_iter().map(|i| i.label).collect()
}

#[test]
fn cayman_totals_are_the_reported_ones_and_fully_itemised() {
    let t = cayman().totals;
    assert_eq!((t.raids.shown(), t.arrests.shown(), t.charged.shown()), (17, 33, 21));
    assert_eq!((t.raids.itemised, t.arrests.itemised, t.charged.itemised), (17, 33, 21));
    assert_eq!(t.charged_percent().map(|p| p.round()), Some(64.0));
}

#[test]
fn harbour_shows_the_reported_figure_and_how_many_are_not_itemised() {
    let h = harbour();
    let t = h.totals;
    assert_eq!(t.arrests.shown(), 14);
    assert_eq!(t.arrests.itemised, 9);
    assert_eq!(t.arrests.not_itemised(), 5);
    let s = scene(&h, View::Summary, 640.0);
    let arrests = labels(&h, &s).into_iter().find(|l| l.starts_with("Arrests")).unwrap_or_default();
    assert!(arrests.contains("Arrests: 14") && arrests.contains("9 itemised, 5 not itemised"), "{arrests}");
    assert!(s.texts().any(|t| t.text == "14 (5 not itemised)"));
}

#[test]
fn running_sums_climb_to_the_itemised_totals() {
    for s in [cayman(), harbour()] {
        let steps = &s.cumulative.steps;
        assert!(steps.windows(2).all(|w| w[0].seconds < w[1].seconds && w[0].arrests <= w[1].arrests && w[0].charged <= w[1].charged));
        let last = steps.last().expect("steps");
        assert_eq!(last.arrests, s.totals.arrests.itemised);
        assert_eq!(last.charged, s.totals.charged.itemised);
    }
    let h = harbour();
    assert_eq!(h.cumulative.arrests_reported_above, Some(14));
    assert_eq!(h.cumulative.charged_reported_above, None);
}

#[test]
fn areas_add_up_to_the_itemised_totals() {
    for s in [cayman(), harbour()] {
        let rows = &s.areas.rows;
        assert_eq!(rows.iter().map(|r| r.raids).sum::<u64>(), s.totals.raids.itemised);
        assert_eq!(rows.iter().map(|r| r.arrests).sum::<u64>(), s.totals.arrests.itemised);
        assert_eq!(rows.iter().map(|r| r.charged).sum::<u64>(), s.totals.charged.itemised);
    }
    let h = harbour();
    let riverside = h.areas.rows.iter().find(|r| r.name == "Riverside").expect("Riverside");
    // Two from Mill Yard, and one arrest that names its own area over its raid's.
    assert_eq!((riverside.raids, riverside.arrests, riverside.charged), (2, 3, 2));
}

#[test]
fn the_description_tells_the_story_in_numbers() {
    assert_eq!(
        cayman().description,
        "17 raids over four days led to 33 arrests; 21 of those arrested (64%) have been charged. Most raids were in Norfolk."
    );
    let h = harbour().description;
    assert!(h.contains("6 raids over three days led to 14 arrests"), "{h}");
    assert!(h.contains("does not itemise 5 of the 14 arrests"), "{h}");
}

#[test]
fn hovering_each_view_finds_the_right_numbers() {
    let c = cayman();
    let s = scene(&c, View::Summary, 640.0);
    let stages: Vec<_> = labels(&c, &s).iter().map(|l| l.lines().next().unwrap_or_default().to_owned()).collect();
    assert_eq!(stages, ["Raids: 17", "Arrests: 33", "Charged: 21"]);
    assert!(labels(&c, &s).iter().any(|l| l.contains("64% of those arrested")));

    let s = scene(&c, View::Timeline, 640.0);
    assert_eq!(s.hit.len(), 17 + 2, "17 raids and 2 annotations");
    let raids = items(&c, &s);
    let orchard = raids.iter().find(|i| i.label.starts_with("Orchard Street, Norwich")).expect("Orchard Street");
    let found = s.hit.hit(orchard.anchor);
    assert_eq!(found, Some(orchard.index), "the mark under its own tooltip anchor");
    assert!(raids.iter().any(|i| i.label.contains("Seized: Machete")));

    let s = scene(&c, View::Cumulative, 640.0);
    let last = items(&c, &s).into_iter().rfind(|i| i.kind == ItemKind::Moment).expect("moments");
    assert!(last.label.contains("So far: 33 arrested, 21 charged"), "{}", last.label);

    let s = scene(&c, View::Areas, 640.0);
    // A bar per area per series: each area's arrests are counted once, on its arrested bar.
    let bars = items(&c, &s);
    let arrested = bars.iter().filter(|i| i.values.get("series").and_then(|v| v.as_str()) == Some("arrested"));
    let sums: u64 = arrested.filter_map(|i| i.values.get("arrests").and_then(|v| v.as_u64())).sum();
    assert_eq!(sums, 33);
    for bar in &bars {
        assert_eq!(s.hit.hit(bar.anchor), Some(bar.index), "the pointer on a bar's top finds that bar: {}", bar.label);
    }
    assert!(s.hit.hit(Point::new(1.0, 1.0)).is_none(), "the title is empty space");
}

#[test]
fn describe_writes_the_same_items_the_page_received_before() {
    // Literal items from before tooltips were written on demand: the JSON `charthover` hands
    // to host pages must not change. (Without Cayman's annotations, whose strip of labels
    // moves the marks down.) Since marks are spread within their lanes, the circle is as big as
    // the lane's room for its spread neighbours allows (its x is the same), and `values` says
    // how many raids share its time.
    let mut c = cayman();
    c.annotations.clear();
    let s = scene(&c, View::Timeline, 640.0);
    let orchard = describe(&c, &s, 0).and_then(|i| serde_json::to_string(&i).ok());
    assert_eq!(
        orchard.as_deref(),
        Some(concat!(
            r#"{"view":"timeline","kind":"raid","index":0,"lane":0,"label":"Orchard Street, Norwich\nMon 16 Apr 2018, 06:00\nArea: Norfolk\n2 arrested, 1 charged","#,
            r#""anchor":{"x":99.61512499999999,"y":139.00102051443366},"marks":[{"x":99.11512499999999,"y":93.60000000000001,"width":1.0,"height":209.2,"round":false},"#,
            r#"{"x":89.71614551443363,"y":136.00102051443366,"width":19.79795897113271,"height":19.79795897113271,"round":true}],"#,
            r#""values":{"area":"Norfolk","arrests":2,"charged":1,"id":"orchard-st","place":"Orchard Street, Norwich","sameTime":1,"seizures":[],"time":"2018-04-16T06:00:00+01:00"}}"#
        ))
    );
    let label = |view: View, index: usize| describe(&c, &scene(&c, view, 640.0), index).map(|i| i.label).unwrap_or_default();
    assert_eq!(label(View::Summary, 2), "Charged: 21\n64% of those arrested\nAs reported; all 21 itemised");
    assert_eq!(label(View::Timeline, 8), "Derby Street, Norwich\nTue 17 Apr 2018, 06:30\nArea: Norfolk\n2 arrested, 1 charged\nSeized: Machete");
    assert_eq!(label(View::Cumulative, 0), "Mon 16 Apr 2018, 06:20\nSo far: 5 arrested, 0 charged\n+2 arrested, Orchard Street, Norwich\n+3 arrested, London");
    assert_eq!(label(View::Areas, 0), "Norfolk\n13 raids\n23 arrested, 14 charged");
    assert!(describe(&c, &s, s.hit.len()).is_none(), "no item past the last");
}

#[test]
fn markup_in_place_names_stays_text() {
    let h = harbour();
    let s = scene(&h, View::Timeline, 640.0);
    assert!(labels(&h, &s).iter().any(|l| l.starts_with("<b>Quay</b> Road")));
}

#[test]
fn every_fixture_lays_out_at_any_width_without_panicking() {
    // The empty operation, a single event, the same instant, huge counts and the rest.
    for (name, s) in fixtures() {
        for view in View::ALL {
            for width in [0.0, 120.0, 320.0, 1200.0, f64::NAN, 1e12] {
                let sc = layout(&s, view, width, 300.0, &Theme::light(), &FixedWidths);
                assert!(sc.width >= 120.0 && sc.width <= 8192.0);
                for t in sc.texts() {
                    assert!(t.at.x.is_finite() && t.at.y.is_finite(), "{name}, {view}: {t:?}");
                }
            }
        }
    }
}

#[test]
fn labels_do_not_overlap_from_phone_to_desktop_widths() {
    // Long area names and four-digit counts in eight and forty areas are the hard cases.
    let all = std::iter::once(("cayman".to_owned(), cayman())).chain(fixtures());
    for (name, s) in all {
        for view in View::ALL {
            for width in [320.0, 390.0, 640.0, 900.0, 1200.0] {
                let h = operation_charts::layout::preferred_height(&s, view, width, &Theme::light(), &FixedWidths);
                let sc = layout(&s, view, width, h, &Theme::light(), &FixedWidths);
                let boxes: Vec<_> = sc.texts().filter(|t| !t.text.is_empty()).map(|t| (t.text.clone(), t.bounds())).collect();
                for (i, (a, ra)) in boxes.iter().enumerate() {
                    assert!(ra.x >= -0.5 && ra.right() <= width + 0.5, "{name}, {view} at {width}: {a:?} leaves the chart");
                    for (b, rb) in boxes.iter().skip(i + 1) {
                        assert!(!ra.overlaps(rb), "{name}, {view} at {width}: {a:?} {ra:?} overlaps {b:?} {rb:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn tables_carry_the_same_numbers_as_the_charts() {
    use operation_charts::layout::table;
    let c = cayman();
    let t = table(&c, View::Summary);
    assert_eq!(t.rows.iter().map(|r| r[1].clone()).collect::<Vec<_>>(), ["17", "33", "21"]);
    assert_eq!(t.rows[2][5], "64% of those arrested");
    assert_eq!(t.rows[1][2], "33", "the reported figure has its column");
    assert_eq!(table(&c, View::Timeline).rows.len(), 2 + 17, "the notes on the chart, then the raids");
    let last = table(&c, View::Cumulative).rows.last().cloned().unwrap_or_default();
    assert_eq!((last[1].as_str(), last[2].as_str()), ("33", "21"));
    let h = table(&harbour(), View::Areas);
    let total = h.rows.last().cloned().unwrap_or_default();
    assert_eq!(total, ["Total", "6", "14", "5"]);
    assert!(h.rows.iter().any(|r| r[0] == "Not itemised by area" && r[2] == "5"));
}

#[test]
fn hidden_series_and_areas_leave_the_numbers_alone() {
    use operation_charts::layout::{layout_visible, visibility, Visibility};
    let c = cayman();
    let mut v = Visibility::new();
    let keys = vec![visibility::ARRESTS.to_owned(), visibility::CHARGED.to_owned()];
    assert!(v.toggle(visibility::ARRESTS, &keys));
    let s = layout_visible(&c, View::Cumulative, 640.0, 420.0, &Theme::light(), &FixedWidths, &v);
    let moments: Vec<_> = items(&c, &s).into_iter().filter(|i| i.kind == ItemKind::Moment).collect();
    assert!(moments.iter().all(|i| i.values.get("series").and_then(|x| x.as_str()) == Some("charged")));
    assert!(moments.last().is_some_and(|i| i.label.contains("So far: 33 arrested, 21 charged")));
    assert!(s.legend.iter().any(|b| b.key == visibility::ARRESTS && b.hidden));

    let mut v = Visibility::new();
    let lanes: Vec<String> = c.timeline.lanes.iter().map(|l| visibility::area_key(l)).collect();
    assert!(v.toggle(&visibility::area_key("London"), &lanes));
    let s = layout_visible(&c, View::Timeline, 640.0, 420.0, &Theme::light(), &FixedWidths, &v);
    assert!(items(&c, &s).iter().filter(|i| i.kind == ItemKind::Raid).all(|i| i.label.contains("Area: Norfolk")));
    assert!(!s.hit.is_empty());
}

#[test]
fn large_operations_stay_fast() {
    // 40,000 raids, each in its own area, each with an arrest and a charge: nothing in
    // derive or layout may be quadratic in events or areas.
    let mut events = Vec::new();
    for i in 0..40_000u32 {
        let day = 1 + i % 28;
        events.push(format!(r#"{{"type":"raid","id":"r{i}","time":"2020-02-{day:02}T06:00:00Z","area":"Area {i}"}}"#));
        events.push(format!(r#"{{"type":"arrest","raid":"r{i}","time":"2020-02-{day:02}T07:00:00Z"}}"#));
        events.push(format!(r#"{{"type":"charge","raid":"r{i}","time":"2020-03-01"}}"#));
    }
    let doc = format!(r#"{{"version":1,"operation":{{"name":"Op Big"}},"events":[{}],"source":{{"name":"S"}}}}"#, events.join(","));
    let started = std::time::Instant::now();
    let s = Series::from_operation(&load(&doc).expect("valid").operation);
    for view in View::ALL {
        let sc = layout(&s, view, 800.0, 500.0, &Theme::light(), &FixedWidths);
        assert!(sc.legend.len() <= 2, "{view}: no legend button per area");
        let _ = sc.hit.hit(Point::new(400.0, 300.0));
    }
    assert_eq!(s.areas.rows.len(), 40_000);
    // Generous for a debug build on a slow machine; quadratic work would take minutes.
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
}

#[test]
fn descriptions_stay_honest_with_odd_records() {
    let describe = |name: &str| corpus::series(name).description;
    let arrests_only = describe("arrests-without-raids");
    assert!(arrests_only.starts_with("5 arrests; 3 of those arrested (60%) have been charged."), "{arrests_only}");
    let above = describe("itemised-above-reported");
    assert!(above.contains("5 arrests against 2 reported"), "{above}");
    let few = describe("under-one-percent-charged");
    assert!(few.contains("1 of those arrested (under 1%) has been charged"), "{few}");
}

#[test]
fn mixed_offsets_are_placed_on_one_named_clock() {
    // Raids a and b at +01:00, c at Z, and c's arrest at +01:00.
    let s = corpus::series("mixed-offsets");
    assert_eq!(s.timeline.clock.name(), "UTC+01:00");
    let late = s.timeline.raids.iter().find(|r| r.id.as_deref() == Some("c")).expect("c");
    assert_eq!(late.time.label(), "Mon 1 Jun 2020, 23:30", "the tooltip keeps the time as written");
    for view in [View::Timeline, View::Cumulative] {
        let sc = scene(&s, view, 640.0);
        assert!(sc.texts().any(|t| t.text.contains("UTC+01:00")), "{view} names its clock");
    }
    assert!(cayman().timeline.clock.note().is_none(), "one offset needs no note");
}

#[test]
fn annotations_are_drawn_hovered_reached_listed_and_described_on_both_time_views() {
    use operation_charts::layout::{table, view_description};
    let c = cayman();
    assert_eq!(c.annotations.len(), 2);
    for view in [View::Timeline, View::Cumulative] {
        let s = scene(&c, view, 640.0);
        let notes: Vec<_> = items(&c, &s).into_iter().filter(|i| i.kind == ItemKind::Annotation).collect();
        assert_eq!(notes.len(), 2, "{view}");
        assert_eq!(notes[0].label, "Monday: about 40 officers briefed\nMon 16 Apr 2018");
        assert_eq!(notes[1].label, "Thursday afternoon: 17 raids, 33 arrested\nThu 19 Apr 2018");
        assert_eq!(notes[0].view, view.name());
        // Drawn as text on the canvas, and found by the pointer on that text.
        let label = s.texts().find(|t| t.text == "Monday: about 40 officers briefed").expect("the label is drawn");
        let on_label = Point::new(label.at.x + 2.0, label.at.y);
        assert_eq!(s.hit.hit(on_label), Some(notes[0].index), "{view}: the pointer on the label finds the annotation");
        // Every data mark lies below the strip of labels.
        let strip_bottom = notes.iter().flat_map(|n| n.marks.first()).map(|m| m.y + m.height).fold(0.0, f64::max);
        let data: Vec<_> = items(&c, &s).into_iter().filter(|i| i.kind != ItemKind::Annotation).collect();
        assert!(data.iter().all(|i| i.anchor.y >= strip_bottom - 0.5), "{view}: no mark under a label");
        // The keyboard reaches both from the first item, with the arrow keys.
        let mut seen = vec![false; s.hit.len()];
        let mut todo: Vec<usize> = s.hit.navigate(None, Nav::First).into_iter().collect();
        while let Some(i) = todo.pop() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            todo.extend([Nav::Next, Nav::Previous, Nav::Up, Nav::Down].into_iter().filter_map(|nav| s.hit.navigate(Some(i), nav)));
        }
        assert!(notes.iter().all(|n| seen[n.index]), "{view}: the keyboard reaches every annotation");
        let rows = table(&c, view).rows;
        assert!(rows.iter().any(|r| r[1] == "Note on the chart: Monday: about 40 officers briefed"), "{view}: listed in the table");
        let d = view_description(&c, view);
        assert!(d.contains("Notes on the chart: Monday: about 40 officers briefed (Mon 16 Apr 2018); Thursday afternoon: 17 raids, 33 arrested (Thu 19 Apr 2018)."), "{d}");
    }
    assert!(!view_description(&c, View::Areas).contains("Notes on the chart"), "only the time views show them");
}

#[test]
fn count_axes_name_their_unit_at_the_top_tick() {
    for s in [cayman(), harbour()] {
        for view in [View::Cumulative, View::Areas] {
            for width in [320.0, 640.0] {
                let sc = layout(&s, view, width, 420.0, &Theme::light(), &FixedWidths);
                let units: Vec<_> = sc.texts().filter(|t| t.text.ends_with(" people")).collect();
                assert_eq!(units.len(), 1, "{view} at {width}: one axis label names the unit");
                let top = units[0];
                let number = top.text.trim_end_matches(" people").replace(',', "");
                assert!(number.parse::<u64>().is_ok(), "{view}: {:?} is a count and the unit", top.text);
                // It is the highest of the axis labels beside it (same x, right-aligned).
                let axis: Vec<_> = sc.texts().filter(|t| t.at.x == top.at.x && t.text.chars().all(|c| c.is_ascii_digit() || c == ',')).collect();
                assert!(!axis.is_empty() && axis.iter().all(|t| t.at.y > top.at.y), "{view} at {width}");
            }
        }
    }
}

#[test]
fn larger_text_grows_the_chart_and_still_fits_without_overlap() {
    // The reader's font size over 16 px: at 32 px every text is twice as large, the chart
    // asks for more height instead of squeezing it, and labels still fit and thin out.
    use operation_charts::layout::preferred_height;
    use operation_charts::testing::bounds::{scene_problems, Room};
    let all = std::iter::once(("cayman".to_owned(), cayman())).chain(fixtures());
    for (name, s) in all {
        for view in View::ALL {
            for width in [320.0, 390.0, 640.0, 1200.0] {
                let base = preferred_height(&s, view, width, &Theme::light(), &FixedWidths);
                for k in [0.75, 2.0, 3.0] {
                    let theme = Theme::light().with_text_scale(k);
                    let h = preferred_height(&s, view, width, &theme, &FixedWidths);
                    if k > 1.0 {
                        assert!(h > base, "{name}, {view} at {width} ×{k}: {h} is not taller than {base}");
                    }
                    let sc = layout(&s, view, width, h, &theme, &FixedWidths);
                    let problems = scene_problems(&sc, Room::Enough);
                    assert!(problems.is_empty(), "{name}, {view} at {width} ×{k}: {problems:?}");
                    let title = sc.texts().next().expect("a title");
                    assert_eq!(title.size, 18.0 * k, "{name}, {view} ×{k}: the title's size");
                    // Boxes that touch (labels moved exactly a line apart) may meet to a rounding.
                    let shrunk = |r: Rect| Rect::new(r.x + 0.01, r.y + 0.01, r.width - 0.02, r.height - 0.02);
                    let boxes: Vec<_> = sc.texts().filter(|t| !t.text.is_empty()).map(|t| (t.text.clone(), shrunk(t.bounds()))).collect();
                    for (i, (a, ra)) in boxes.iter().enumerate() {
                        let inside = ra.x >= -0.5 && ra.right() <= width + 0.5 && ra.y >= -0.5 && ra.bottom() <= h + 0.5;
                        assert!(inside, "{name}, {view} at {width} ×{k}: {a:?} {ra:?} leaves the {width} × {h} chart");
                        for (b, rb) in boxes.iter().skip(i + 1) {
                            assert!(!ra.overlaps(rb), "{name}, {view} at {width} ×{k}: {a:?} {ra:?} overlaps {b:?} {rb:?}");
                        }
                    }
                    // The legend sits above the plot, never over it (in the views that keep
                    // their plot in the hit index).
                    let plot = sc.hit.plot();
                    for b in sc.legend.iter().filter(|_| plot.height > 0.0) {
                        assert!(b.bounds.bottom() <= plot.y + 0.5, "{name}, {view} at {width} ×{k}: legend {:?} over the plot {plot:?}", b.key);
                    }
                }
            }
        }
    }
}
