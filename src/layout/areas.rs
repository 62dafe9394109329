//! The areas view: arrests and charges per area, side by side. The legend hides and shows
//! either series. Each bar is an item of its own, in the lane of its series, so the keyboard
//! walks one series' bars area by area and the pointer finds the bar under it.

use super::frame::{chrome_height, frame, Chrome, Frame, LayoutContext, LegendEntry, Swatch};
use super::visibility::{ARRESTS, CHARGED};
use super::{count_axis, count_label, decimate, empty_message};
use crate::derive::{AreaRow, Series};
use crate::format::count;
use crate::scene::{Color, HAlign, HitIndex, ItemKind, Mark, Point, Rect, Scene, Shape, Target, VAlign};

fn chrome<'s>(ctx: &LayoutContext<'_>, series: &'s Series) -> Chrome<'s> {
    let t = ctx.theme;
    let legend = vec![
        LegendEntry::toggle("Arrested", t.arrests, Swatch::Box, ARRESTS),
        LegendEntry::toggle("Charged", t.charged, Swatch::Striped, CHARGED),
    ];
    let notes = series
        .totals
        .stages()
        .iter()
        .filter(|s| s.not_itemised() > 0)
        .map(|s| {
            format!(
                "{} of the {} reported {} are not itemised, so have no area.",
                count(s.not_itemised()),
                count(s.shown()),
                s.stage.noun(s.shown())
            )
        })
        .collect();
    let top = series.areas.rows.iter().map(|r| r.arrests.max(r.charged)).max().unwrap_or(0);
    let left = ctx.measure.width(&count_label(super::scale::count_ticks(top as f64 * 1.15, 5).0, true), t.sizes.small, false) + t.sizes.px(8.0);
    Chrome { series, legend, notes, below_plot: t.sizes.label * 1.6, left_of_plot: left, right_of_plot: 0.0 }
}

/// The words of this view that are otherwise only pixels (see [`Chrome::about`]), with how
/// to read its marks.
pub fn about(ctx: &LayoutContext<'_>, series: &Series) -> Vec<String> {
    let mut about = chrome(ctx, series).about();
    about.push("Bars of people charged are striped; bars of people arrested are plain.".to_owned());
    about
}

/// The height the view wants at `width`.
pub fn preferred_height(ctx: &LayoutContext<'_>, series: &Series) -> f64 {
    chrome_height(ctx, &chrome(ctx, series)) + (ctx.width * 0.4).clamp(180.0, 300.0)
}

/// Lays out the areas view.
pub fn layout(ctx: &LayoutContext<'_>, series: &Series) -> Scene {
    let t = ctx.theme;
    let rows = &series.areas.rows;
    let chrome = chrome(ctx, series);
    let Frame { plot, mut shapes, legend } = frame(ctx, &chrome);
    let mut hit = HitIndex::new();
    hit.set_plot(plot);
    if rows.is_empty() {
        shapes.push(empty_message(ctx, plot, "No events itemised by area"));
        return ctx.scene(shapes, hit, legend);
    }
    let top = rows.iter().map(|r| r.arrests.max(r.charged)).max().unwrap_or(0);
    // Headroom for the value labels above the tallest bar.
    let y = count_axis(ctx, plot, top as f64 * 1.15, &mut shapes);
    let band = plot.width / rows.len() as f64;
    let bar_w = (band * 0.32).min(48.0);
    // (series lane, legend key, colour) of the series shown.
    let bars: Vec<(usize, &str, Color)> = [(0, ARRESTS, t.arrests), (1, CHARGED, t.charged)]
        .into_iter()
        .filter(|(_, key, _)| !ctx.visibility.is_hidden(key))
        .collect();
    let group_w = bar_w * bars.len() as f64 + 2.0 * (bars.len() as f64 - 1.0);
    // With more areas than the width can show, each few pixels draw their tallest bars (see
    // `decimate`); every area is still hovered and reached on its own.
    let per_group = decimate::group_size(rows.len(), plot.width, decimate::MIN_BAR_GROUP_PX);
    let value_of = |row: &AreaRow, key: &str| if key == CHARGED { row.charged } else { row.arrests };
    for (i, row) in rows.iter().enumerate() {
        let cx = plot.x + band * (i as f64 + 0.5);
        let mut rects = Vec::new();
        for (j, (_, key, color)) in bars.iter().enumerate() {
            let v = value_of(row, key);
            let left = cx - group_w / 2.0 + j as f64 * (bar_w + 2.0);
            let rect = Rect::new(left, y.px(v as f64), bar_w, y.px(0.0) - y.px(v as f64));
            if per_group == 1 {
                shapes.push(Shape::Rect { rect, fill: *color, stroke: None });
                if *key == CHARGED {
                    shapes.extend(super::stripes::zigzag(rect, t.background.alpha(0.6)));
                }
                // A value wider than its bar would run into its neighbour's: the tooltip and the
                // table still carry it.
                let value = count(v);
                if ctx.measure.width(&value, t.sizes.small, true) <= bar_w + 2.0 {
                    shapes.push(ctx.text(&value, Point::new(rect.center().x, rect.y - t.sizes.px(3.0)), t.sizes.small, true, t.text, HAlign::Center, VAlign::Bottom));
                }
            }
            rects.push(rect);
        }
        if per_group == 1 {
            let name = ctx.fit(&row.name, t.sizes.label, true, band - 4.0);
            // A name cut to almost nothing says nothing; leave it to the tooltip and the table.
            if name.chars().count() > 3 || name == row.name {
                shapes.push(ctx.text(&name, Point::new(cx, plot.bottom() + t.sizes.px(6.0)), t.sizes.label, true, t.text, HAlign::Center, VAlign::Top));
            }
        }
        let column = Rect::new(plot.x + band * i as f64, plot.y, band, plot.height);
        // A bar thinner than a pixel still gets a highlight the reader can see.
        let least = if per_group == 1 { 0.0 } else { 2.0 };
        // Each bar answers in its share of the column; the tooltip points at its top.
        let share = band / bars.len().max(1) as f64;
        for (j, ((lane, _, _), b)) in bars.iter().zip(&rects).enumerate() {
            let focus = hit.add_boxes([Mark::rect(Rect::new(b.x, b.y, b.width.max(least), b.height.max(2.0)))]);
            let part = Rect::new(column.x + share * j as f64, column.y, share, column.height);
            hit.add_rect(part, Target::new(ItemKind::Area, *lane, i, Point::new(b.center().x, b.y.min(column.bottom())), focus));
        }
    }
    if per_group > 1 {
        for (g, group) in rows.chunks(per_group).enumerate() {
            let left = plot.x + band * (g * per_group) as f64;
            let width = band * group.len() as f64;
            let bar_w = (width * 0.32).min(48.0);
            let gap = bar_w * 0.1;
            let group_w = bar_w * bars.len() as f64 + gap * (bars.len() as f64 - 1.0);
            for (j, (_, key, color)) in bars.iter().enumerate() {
                let v = group.iter().map(|row| value_of(row, key)).max().unwrap_or(0);
                let x0 = left + width / 2.0 - group_w / 2.0 + j as f64 * (bar_w + gap);
                let rect = Rect::new(x0, y.px(v as f64), bar_w, y.px(0.0) - y.px(v as f64));
                shapes.push(Shape::Rect { rect, fill: *color, stroke: None });
                if *key == CHARGED {
                    shapes.extend(super::stripes::zigzag(rect, t.background.alpha(0.6)));
                }
            }
        }
    }
    ctx.scene(shapes, hit, legend)
}
