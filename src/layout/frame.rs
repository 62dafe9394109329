//! What every view shares: title and subtitle above, legend, source and notes below, and the
//! plot rectangle left in between.

use super::measure::TextMeasure;
use super::theme::Theme;
use crate::derive::Series;
use super::visibility::Visibility;
use crate::scene::{Color, HAlign, HitIndex, LegendButton, Point, Rect, Scene, Shape, TextShape, VAlign};

/// The size, look and text measure a view is laid out with.
pub struct LayoutContext<'a> {
    /// Width in CSS px.
    pub width: f64,
    /// Height in CSS px.
    pub height: f64,
    /// Colours and type sizes.
    pub theme: &'a Theme,
    /// How wide a text is.
    pub measure: &'a dyn TextMeasure,
    /// What the reader has hidden with the legend.
    pub visibility: &'a Visibility,
}

/// How a legend entry's swatch is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swatch {
    /// A filled square.
    Box,
    /// A filled square with the stripes of [`super::stripes`]: the bars told apart without
    /// colour.
    Striped,
    /// A pale square: the part of a figure the events do not itemise.
    Pale,
    /// A short line.
    Line,
    /// A short dashed line.
    Dashed,
    /// A filled circle.
    Dot,
    /// An outlined circle.
    Ring,
}

/// One legend entry.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    /// What the colour means.
    pub label: String,
    /// The colour.
    pub color: Color,
    /// How the swatch is drawn.
    pub swatch: Swatch,
    /// The key that hides and shows what it stands for, if it can.
    pub key: Option<String>,
}

impl LegendEntry {
    /// An entry that only explains.
    pub fn note(label: impl Into<String>, color: Color, swatch: Swatch) -> Self {
        Self { label: label.into(), color, swatch, key: None }
    }

    /// An entry that hides and shows the series or area `key`.
    pub fn toggle(label: impl Into<String>, color: Color, swatch: Swatch, key: impl Into<String>) -> Self {
        Self { label: label.into(), color, swatch, key: Some(key.into()) }
    }
}

/// The parts of the chart around the plot.
pub struct Chrome<'s> {
    /// The derived series (title, subtitle, source, note).
    pub series: &'s Series,
    /// Legend entries; none when colour carries no meaning.
    pub legend: Vec<LegendEntry>,
    /// Notes specific to the view, shown above the source line.
    pub notes: Vec<String>,
    /// Space to keep below the plot for x-axis labels.
    pub below_plot: f64,
    /// Space to keep left of the plot for y-axis or lane labels.
    pub left_of_plot: f64,
    /// Space to keep right of the plot for end labels.
    pub right_of_plot: f64,
}

impl Chrome<'_> {
    /// The chrome's words that a reader otherwise gets only as pixels: the subtitle, the key
    /// (legend entries that explain rather than toggle; toggles are buttons of their own), the
    /// view's notes, the credit line and the source's note (where it says what is
    /// illustrative), each a sentence.
    pub fn about(&self) -> Vec<String> {
        let s = self.series;
        let sentence = |text: &str| if text.ends_with(['.', '!', '?', ':']) { text.to_owned() } else { format!("{text}.") };
        let mut out: Vec<String> = s.subtitle.iter().map(|t| sentence(t)).collect();
        let keys: Vec<&str> = self.legend.iter().filter(|e| e.key.is_none()).map(|e| e.label.as_str()).collect();
        if !keys.is_empty() {
            out.push(format!("Key: {}.", keys.join("; ")));
        }
        out.extend(self.notes.iter().map(|n| sentence(n)));
        out.push(sentence(&s.source_line));
        out.extend(s.note.iter().map(|n| sentence(n)));
        out
    }
}

/// The laid-out chrome: shapes, and the plot rectangle.
pub struct Frame {
    /// The plot area, CSS px.
    pub plot: Rect,
    /// Title, subtitle, legend and footer shapes.
    pub shapes: Vec<Shape>,
    /// The legend entries that toggle.
    pub legend: Vec<LegendButton>,
}

/// Outer padding in CSS px.
pub const PAD: f64 = 12.0;
const GAP: f64 = 8.0;
const LINE: f64 = 1.3;
/// How much wider than its room a text may measure and still count as fitting, CSS px.
const FIT_TOLERANCE: f64 = 0.01;
/// The least height of a legend button, CSS px.
const MIN_TARGET: f64 = 24.0;

impl LayoutContext<'_> {
    /// A measured text shape, shortened with "…" where it would run past the chart's left or
    /// right edge (a 20-digit count at 120 px).
    #[allow(clippy::too_many_arguments)]
    pub fn text(&self, text: &str, at: Point, size: f64, bold: bool, color: Color, align: HAlign, baseline: VAlign) -> Shape {
        let room = match align {
            HAlign::Left => self.width - at.x,
            HAlign::Center => 2.0 * at.x.min(self.width - at.x),
            HAlign::Right => at.x,
        };
        let text = self.fit(text, size, bold, room);
        let width = self.measure.width(&text, size, bold);
        Shape::Text(TextShape { text, at, size, bold, color, align, baseline, width })
    }

    /// Breaks `text` into lines no wider than `max` (a word longer than a line is cut). Each word
    /// is measured once, and a line is as wide as its words and the spaces between them.
    pub fn wrap(&self, text: &str, size: f64, bold: bool, max: f64) -> Vec<String> {
        let space = self.measure.width(" ", size, bold);
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        let mut width = 0.0;
        for word in text.split_whitespace() {
            let word_width = self.measure.width(word, size, bold);
            let joined = width + space + word_width;
            if !line.is_empty() && joined <= max {
                line.push(' ');
                line.push_str(word);
                width = joined;
            } else {
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                line.push_str(word);
                width = word_width;
            }
            if width > max {
                line = self.fit(&line, size, bold, max);
                width = self.measure.width(&line, size, bold);
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// `text`, shortened with "…" until it fits in `max` (with a hair of tolerance, so a width
    /// that went through a sum and back still fits).
    pub fn fit(&self, text: &str, size: f64, bold: bool, max: f64) -> String {
        let max = max + FIT_TOLERANCE;
        if self.measure.width(text, size, bold) <= max {
            return text.to_owned();
        }
        // Each shorter prefix (one character fewer each time) with an ellipsis.
        for (end, _) in text.char_indices().rev() {
            let mut s = text.get(..end).unwrap_or_default().to_owned();
            s.push('…');
            if self.measure.width(&s, size, bold) <= max {
                return s;
            }
        }
        String::new()
    }

    /// The finished scene at this context's size and background.
    pub fn scene(&self, shapes: Vec<Shape>, hit: HitIndex, legend: Vec<LegendButton>) -> Scene {
        Scene { width: self.width, height: self.height, background: self.theme.background, shapes, hit, legend, marks_spread: false }
    }

    pub(crate) fn line_height(size: f64) -> f64 {
        size * LINE
    }
}

/// Lays out the chrome and returns the plot rectangle left for the view.
pub fn frame(ctx: &LayoutContext<'_>, chrome: &Chrome<'_>) -> Frame {
    let t = ctx.theme;
    let s = t.sizes;
    let inner = (ctx.width - 2.0 * PAD).max(1.0);
    let mut shapes = Vec::new();
    let mut y = PAD;
    for line in ctx.wrap(&chrome.series.title, s.title, true, inner) {
        shapes.push(ctx.text(&line, Point::new(PAD, y), s.title, true, t.text, HAlign::Left, VAlign::Top));
        y += LayoutContext::line_height(s.title);
    }
    if let Some(sub) = &chrome.series.subtitle {
        for line in ctx.wrap(sub, s.subtitle, false, inner) {
            shapes.push(ctx.text(&line, Point::new(PAD, y), s.subtitle, false, t.muted, HAlign::Left, VAlign::Top));
            y += LayoutContext::line_height(s.subtitle);
        }
    }
    let gap = s.px(GAP);
    y += gap / 2.0;
    let mut buttons = Vec::new();
    if !chrome.legend.is_empty() {
        y = legend(ctx, &chrome.legend, y, inner, &mut shapes, &mut buttons) + gap / 2.0;
    }
    let footer = footer_lines(ctx, chrome, inner);
    let footer_height = footer.len() as f64 * LayoutContext::line_height(s.small);
    let mut fy = ctx.height - PAD - footer_height;
    for (text, bold) in &footer {
        shapes.push(ctx.text(text, Point::new(PAD, fy), s.small, *bold, t.muted, HAlign::Left, VAlign::Top));
        fy += LayoutContext::line_height(s.small);
    }
    let top = y + gap;
    let bottom = ctx.height - PAD - footer_height - gap - chrome.below_plot;
    // Labels wider than the chart (20-digit counts at 120 px) must not push the plot off it.
    let left = (PAD + chrome.left_of_plot).min(ctx.width - PAD - 1.0);
    let right = ctx.width - PAD - chrome.right_of_plot;
    let plot = Rect::new(left, top, (right - left).max(1.0), (bottom - top).max(1.0));
    Frame { plot, shapes, legend: buttons }
}

/// The height the chrome takes, so a view can ask for room for its plot.
pub fn chrome_height(ctx: &LayoutContext<'_>, chrome: &Chrome<'_>) -> f64 {
    let probe = LayoutContext { height: 10_000.0, ..*ctx };
    let f = frame(&probe, chrome);
    probe.height - f.plot.height
}

fn footer_lines(ctx: &LayoutContext<'_>, chrome: &Chrome<'_>, inner: f64) -> Vec<(String, bool)> {
    let size = ctx.theme.sizes.small;
    let mut lines = Vec::new();
    for note in &chrome.notes {
        lines.extend(ctx.wrap(note, size, false, inner).into_iter().map(|l| (l, false)));
    }
    lines.extend(ctx.wrap(&chrome.series.source_line, size, true, inner).into_iter().map(|l| (l, true)));
    if let Some(note) = &chrome.series.note {
        lines.extend(ctx.wrap(note, size, false, inner).into_iter().map(|l| (l, false)));
    }
    lines
}

fn legend(
    ctx: &LayoutContext<'_>,
    entries: &[LegendEntry],
    top: f64,
    inner: f64,
    shapes: &mut Vec<Shape>,
    buttons: &mut Vec<LegendButton>,
) -> f64 {
    let sizes = ctx.theme.sizes;
    let size = sizes.small;
    // The swatch, the gaps and the rows grow with the text beside them.
    let (sw, pad, spacing) = (sizes.px(14.0), sizes.px(6.0), sizes.px(16.0));
    // Rows of toggles are at least 24 px tall, so each button is a 24 px target (WCAG 2.5.8).
    let row = if entries.iter().any(|e| e.key.is_some()) {
        sizes.px(MIN_TARGET).max(MIN_TARGET)
    } else {
        LayoutContext::line_height(size) + sizes.px(2.0)
    };
    let (mut x, mut y) = (PAD, top);
    for e in entries {
        let label = ctx.fit(&e.label, size, false, inner - sw - pad);
        let w = sw + pad + ctx.measure.width(&label, size, false);
        if x > PAD && x + w > PAD + inner {
            x = PAD;
            y += row;
        }
        let mid = y + row / 2.0;
        let hidden = e.key.as_deref().is_some_and(|k| ctx.visibility.is_hidden(k));
        let shown = LegendEntry { color: if hidden { e.color.alpha(0.3) } else { e.color }, ..e.clone() };
        shapes.push(swatch(&shown, x, mid, sw));
        if e.swatch == Swatch::Striped {
            let inset = sw / 7.0;
            let r = Rect::new(x, mid - sw / 2.0 + inset, sw, sw - 2.0 * inset);
            shapes.extend(super::stripes::zigzag(r, ctx.theme.background.alpha(0.6)));
        }
        let color = if hidden { ctx.theme.muted } else { ctx.theme.text };
        shapes.push(ctx.text(&label, Point::new(x + sw + pad, mid), size, false, color, HAlign::Left, VAlign::Middle));
        if hidden {
            // Struck through, so "hidden" does not rest on colour alone.
            let right = x + w;
            shapes.push(Shape::Line { points: vec![Point::new(x, mid), Point::new(right, mid)], color: ctx.theme.muted, width: 1.0, dash: None });
        }
        if let Some(key) = &e.key {
            buttons.push(LegendButton { key: key.clone(), label: e.label.clone(), bounds: Rect::new(x - 4.0, y, w + 8.0, row), hidden });
        }
        x += w + spacing;
    }
    y + row
}

/// A swatch `sw` px wide (14 at the default text size: a 14 × 10 box, a circle of radius 5).
fn swatch(e: &LegendEntry, x: f64, mid: f64, sw: f64) -> Shape {
    let (inset, radius) = (sw / 7.0, sw * 5.0 / 14.0);
    match e.swatch {
        Swatch::Box | Swatch::Striped => Shape::Rect { rect: Rect::new(x, mid - sw / 2.0 + inset, sw, sw - 2.0 * inset), fill: e.color, stroke: None },
        Swatch::Pale => Shape::Rect {
            rect: Rect::new(x, mid - sw / 2.0 + inset, sw, sw - 2.0 * inset),
            fill: e.color.alpha(0.3),
            stroke: Some((e.color, 1.0)),
        },
        Swatch::Line | Swatch::Dashed => Shape::Line {
            points: vec![Point::new(x, mid), Point::new(x + sw, mid)],
            color: e.color,
            width: 2.5,
            dash: (e.swatch == Swatch::Dashed).then_some(3.0),
        },
        Swatch::Dot => Shape::Circle { center: Point::new(x + sw / 2.0, mid), radius, fill: e.color, stroke: None },
        Swatch::Ring => Shape::Circle {
            center: Point::new(x + sw / 2.0, mid),
            radius,
            fill: e.color.alpha(0.0),
            stroke: Some((e.color, 1.5)),
        },
    }
}
