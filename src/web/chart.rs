//! The `Chart` object the element drives: load data, lay out and paint a view, answer hits.

use plotters_canvas::CanvasBackend;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::js::to_json;
use super::measure::CanvasMeasure;
use crate::data::incoming::{self, Incoming};
use crate::data::{self, Problem, Report};
use crate::derive::Series;
use crate::format::plural;
use crate::layout::{self, Theme, View, Visibility};
use crate::paint::{clamp_dpr, paint, PaintOptions, DEFAULT_FONT};
use crate::scene::{keyboard_cue, keyboard_hint, Color, ItemKind, LegendButton, Nav, Point, Scene, Stop};

/// One chart's state: its last good data, and the scene last drawn from it.
#[wasm_bindgen]
pub struct Chart {
    series: Option<Series>,
    /// The series shown before the last update, kept (for small charts only) to mark what the
    /// update changed.
    previous: Option<Series>,
    scene: Option<Scene>,
    /// A document arriving in parts (`beginBytes`, `pushBytes`): fetched (`loadPushed`), or
    /// given whole (`loadGiven`).
    incoming: Incoming,
    /// The length and digest of the fetched document on screen, if it came in parts.
    shown: Option<(usize, u64)>,
    /// The summary level of the keyboard's structure: the view's description and its notes.
    summary: Vec<String>,
    measure: CanvasMeasure,
    visibility: Visibility,
    brand: Brand,
    /// A panic a test build was asked to cause (see `fault.rs`).
    #[cfg(feature = "test-faults")]
    fault: super::fault::Fault,
}

/// What the page's CSS asks of the look: a brand accent, and the system colours under
/// `forced-colors: active`. Colours are CSS strings as a canvas context normalises them.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Brand {
    #[serde(default)]
    accent: Option<String>,
    #[serde(default)]
    forced: Option<ForcedColors>,
}

/// The system colours in forced-colors mode.
#[derive(Debug, Deserialize)]
struct ForcedColors {
    text: String,
    background: String,
    highlight: String,
}

impl Brand {
    /// The theme to draw with, and any warning about a colour that could not be used.
    fn theme(&self, name: &str) -> (Theme, Option<String>) {
        if let Some(f) = &self.forced {
            if let (Some(text), Some(background), Some(highlight)) = (Color::parse(&f.text), Color::parse(&f.background), Color::parse(&f.highlight)) {
                return (Theme::forced(text, background, highlight), None);
            }
        }
        let theme = Theme::named(name);
        match self.accent.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
            None => (theme, None),
            Some(accent) => match Color::parse(accent) {
                Some(c) => theme.with_accent(c),
                None => (theme, Some(format!("--operation-chart-accent \"{accent}\" is not a colour this chart can read"))),
            },
        }
    }
}

/// What `load` and `validate` return to JavaScript.
#[derive(Serialize)]
struct JsReport<'a> {
    ok: bool,
    errors: &'a [Problem],
    warnings: &'a [Problem],
}

/// What `render` returns to JavaScript.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RenderInfo<'a> {
    view: &'static str,
    width: f64,
    height: f64,
    title: &'a str,
    description: &'a str,
    /// What the chart says only in pixels, as text for its accessible description: subtitle,
    /// key, notes, credit line, what is illustrative, how to read the marks.
    about: String,
    /// How to use the chart by keyboard (the end of the canvas's accessible description).
    hint: String,
    /// The same, briefly, for the visible hint shown on keyboard focus.
    cue: String,
    legend: &'a [LegendButton],
    warnings: Vec<String>,
    /// The items new or changed since the data shown before the last update (see
    /// [`layout::changed_items`]), at most [`MAX_MARKED_CHANGES`], in reading order.
    changed: Vec<usize>,
    /// That, as a sentence for the live region; empty when nothing is marked.
    changed_note: String,
}

/// The most changed items a render reports: past this the marks would only be noise.
const MAX_MARKED_CHANGES: usize = 100;

/// The sentence saying how many items an update marked.
fn changed_note(marked: usize) -> String {
    match marked {
        0 => String::new(),
        n => format!("{} new or changed since the last update, ringed until you look at {}.", plural(n as u64, "mark", "marks"), if n == 1 { "it" } else { "them" }),
    }
}

/// The operation of a valid document, and the report either way.
fn split(checked: Result<data::Checked, Report>) -> (Option<data::Operation>, Report) {
    match checked {
        Ok(checked) => (Some(checked.operation), Report { errors: Vec::new(), warnings: checked.warnings }),
        Err(report) => (None, report),
    }
}

fn report_json(report: &Report) -> String {
    to_json(&JsReport { ok: report.is_ok(), errors: &report.errors, warnings: &report.warnings })
}

/// An item index for JavaScript: the index, or -1 for none.
fn index_js(index: Option<usize>) -> i32 {
    index.and_then(|i| i32::try_from(i).ok()).unwrap_or(-1)
}

fn view(name: &str) -> Result<View, JsError> {
    name.parse::<View>().map_err(|e| JsError::new(&e.to_string()))
}

/// Checks a JSON document without drawing it (nothing is derived): the JSON text of
/// `{ ok, errors, warnings }`, each problem a `{ path, message }`.
#[wasm_bindgen]
pub fn validate(json: &str) -> String {
    report_json(&split(data::load(json)).1)
}

/// The largest document the core reads, in bytes of UTF-8, for the glue to refuse larger ones
/// before copying them into the core.
#[wasm_bindgen(js_name = maxDocumentBytes)]
pub fn max_document_bytes() -> f64 {
    data::limits::MAX_DOCUMENT_BYTES as f64
}

/// The report (JSON text of `{ ok, errors, warnings }`) for a document of `bytes` bytes, if
/// that is over the limit: the same words as when the core reads it, without the copy.
#[wasm_bindgen(js_name = sizeReport)]
pub fn size_report(bytes: f64) -> Option<String> {
    let problem = data::limits::check_document_size(bytes as usize)?;
    Some(report_json(&Report { errors: vec![problem], warnings: Vec::new() }))
}

/// The views the core draws, in the order an article meets them, as a JSON array of names.
#[wasm_bindgen]
pub fn views() -> String {
    to_json(&View::ALL.map(View::name))
}

/// True for the keys that move through a chart's items (`KeyboardEvent.key`); the glue leaves
/// every other key to the page.
#[wasm_bindgen(js_name = isMoveKey)]
pub fn is_move_key(key: &str) -> bool {
    Nav::from_key(key).is_some()
}

#[wasm_bindgen]
impl Chart {
    /// A chart with no data yet.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Chart {
        Chart {
            series: None,
            previous: None,
            scene: None,
            incoming: Incoming::default(),
            shown: None,
            summary: Vec::new(),
            measure: CanvasMeasure::new(DEFAULT_FONT),
            visibility: Visibility::new(),
            brand: Brand::default(),
            #[cfg(feature = "test-faults")]
            fault: super::fault::Fault::None,
        }
    }

    /// Starts receiving a document in parts; `expected` is its size in bytes if known (a
    /// fetch's Content-Length, a text's length), else 0.
    #[wasm_bindgen(js_name = beginBytes)]
    pub fn begin_bytes(&mut self, expected: f64) {
        self.incoming.begin(if expected.is_finite() && expected > 0.0 { expected as usize } else { 0 });
    }

    /// Appends the next part of the document begun with [`Chart::begin_bytes`]. False once it
    /// is over the size limit: stop reading, and loading reports it.
    #[wasm_bindgen(js_name = pushBytes)]
    pub fn push_bytes(&mut self, part: &[u8]) -> bool {
        self.incoming.push(part)
    }

    /// Reads a document given whole (pushed, as one part or many): when it is valid it
    /// replaces the chart's data; when it is not, the last good data stays. Returns the JSON
    /// text of `{ ok, errors, warnings }`; bytes that are not UTF-8 are reported. The bytes are
    /// freed as soon as they are read: deriving a large document's series then reuses their
    /// memory instead of growing the wasm memory past it.
    #[wasm_bindgen(js_name = loadGiven)]
    pub fn load_given(&mut self) -> String {
        let bytes = match self.incoming.take() {
            Ok(bytes) => bytes,
            Err(total) => return size_report(total as f64).unwrap_or_default(),
        };
        let checked = data::load_bytes(&bytes);
        drop(bytes);
        self.take(checked, None)
    }

    /// Reads a fetched document pushed in parts, as [`Chart::load_given`] reads one given
    /// whole, and remembers its fingerprint. With `only_if_changed`, a document byte for byte
    /// the same as the one on screen is not read again and nothing is returned.
    #[wasm_bindgen(js_name = loadPushed)]
    pub fn load_pushed(&mut self, only_if_changed: bool) -> Option<String> {
        let bytes = match self.incoming.take() {
            Ok(bytes) => bytes,
            Err(total) => return size_report(total as f64),
        };
        let digest = incoming::digest(&bytes);
        if only_if_changed && self.series.is_some() && self.shown == Some(digest) {
            return None;
        }
        let checked = data::load_bytes(&bytes);
        drop(bytes);
        Some(self.take(checked, Some(digest)))
    }

    /// True once valid data has been loaded.
    #[wasm_bindgen(js_name = hasData)]
    pub fn has_data(&self) -> bool {
        self.series.is_some()
    }

    /// A good height in CSS px for `view` at `width` CSS px, with text at `text_scale` times
    /// its default size (the element's font size over 16 px; clamped to 0.75–3) in the font
    /// family `font` (as `render` will draw it: the height depends on measured text): larger
    /// text asks for a taller chart.
    #[wasm_bindgen(js_name = preferredHeight)]
    pub fn preferred_height(&mut self, view_name: &str, width: f64, text_scale: f64, font: &str) -> Result<f64, JsError> {
        let v = view(view_name)?;
        self.use_font(font);
        let series = self.series.as_ref().ok_or_else(|| JsError::new("no data loaded"))?;
        Ok(layout::preferred_height(series, v, width, &Theme::light().with_text_scale(text_scale), &self.measure))
    }

    /// Lays out `view` at `css_width` × `css_height`, with text at `text_scale` times its
    /// default size (as for [`Chart::preferred_height`]), and paints it into `canvas`, whose
    /// backing store is set to the CSS size × `dpr`. Returns the JSON text of `{ view, width,
    /// height, title, description, about, hint, cue, legend, warnings, changed, changedNote }`.
    #[allow(clippy::too_many_arguments)]
    pub fn render(
        &mut self,
        canvas: HtmlCanvasElement,
        view_name: &str,
        css_width: f64,
        css_height: f64,
        dpr: f64,
        theme: &str,
        font: &str,
        text_scale: f64,
    ) -> Result<String, JsError> {
        let v = view(view_name)?;
        let font = self.use_font(font);
        let series = self.series.as_ref().ok_or_else(|| JsError::new("no data loaded"))?;
        let dpr = clamp_dpr(dpr);
        let (theme, warning) = self.brand.theme(theme);
        let theme = theme.with_text_scale(text_scale);
        let mut scene = layout::layout_visible(series, v, css_width, css_height, &theme, &self.measure, &self.visibility);
        if !scene.legend.is_empty() && scene.legend.iter().all(|b| b.hidden) {
            // New data can leave only entries the reader had hidden: one must stay visible.
            self.visibility.clear();
            scene = layout::layout_visible(series, v, css_width, css_height, &theme, &self.measure, &self.visibility);
        }
        let mut changed = match &self.previous {
            Some(previous) => {
                let before = layout::layout_visible(previous, v, css_width, css_height, &theme, &self.measure, &self.visibility);
                layout::changed_items(previous, &before, series, &scene)
            }
            None => Vec::new(),
        };
        changed.truncate(MAX_MARKED_CHANGES);
        let (w, h) = ((scene.width * dpr).round() as u32, (scene.height * dpr).round() as u32);
        if canvas.width() != w {
            canvas.set_width(w);
        }
        if canvas.height() != h {
            canvas.set_height(h);
        }
        let mut backend = CanvasBackend::with_canvas_object(canvas).ok_or_else(|| JsError::new("the canvas has no 2D context"))?;
        paint(&scene, &mut backend, PaintOptions { dpr, font, text_scale: 1.0 }).map_err(|e| JsError::new(&format!("drawing failed: {e}")))?;
        let description = layout::view_description(series, v);
        let about = layout::about(series, v, &scene, &theme, &self.measure);
        let groups = match v {
            _ if scene.hit.groups() < 2 => None,
            View::Timeline => Some("lanes"),
            _ => Some("series"),
        };
        let info = to_json(&RenderInfo {
            view: v.name(),
            width: scene.width,
            height: scene.height,
            title: &series.title,
            description: &description,
            about: about.join(" "),
            hint: keyboard_hint(scene.hit.len(), groups),
            cue: keyboard_cue(scene.hit.len(), groups),
            legend: &scene.legend,
            warnings: warning.into_iter().collect(),
            changed_note: changed_note(changed.len()),
            changed,
        });
        self.summary = layout::structure::summary_sentences(&description, &about);
        self.scene = Some(scene);
        Ok(info)
    }

    /// The index of the item under `(x, y)` CSS px from the canvas's top left, or -1. Only an
    /// index crosses: the glue asks for the item's text with [`Chart::item`] when it changed.
    pub fn hit(&self, x: f64, y: f64) -> i32 {
        #[cfg(feature = "test-faults")]
        self.fault.trip(super::fault::Fault::Hover);
        index_js(self.scene.as_ref().and_then(|s| s.hit.hit(Point::new(x, y))))
    }

    /// The item at `index` in reading order, as JSON text (`charthover`'s `detail.item`), or
    /// nothing.
    pub fn item(&self, index: usize) -> Option<String> {
        let (series, scene) = (self.series.as_ref()?, self.scene.as_ref()?);
        layout::describe(series, scene, index).map(|item| to_json(&item))
    }

    /// Sets the page's brand and system colours from the JSON text of `{ accent?, forced?:
    /// { text, background, highlight } }`, colours as CSS strings. Applies from the next
    /// `render`.
    #[wasm_bindgen(js_name = setBrand)]
    pub fn set_brand(&mut self, brand: &str) -> Result<(), JsError> {
        self.brand = serde_json::from_str(brand).map_err(|e| JsError::new(&format!("brand: {e}")))?;
        Ok(())
    }

    /// Where the key `key` (`ArrowLeft`, `ArrowRight`, `ArrowUp`, `ArrowDown`, `Enter`, `Home`,
    /// `End`) moves from a place in the chart's structure, given as the three numbers of a
    /// place's `stop` (level, index, item; for an item, `0, index, index`; a negative `level`
    /// for none): the JSON text of the place it lands on, `{ stop, level, item, label, spoken,
    /// anchor, marks }`, or nothing when the view has no items or the key is not a move.
    pub fn navigate(&self, level: i32, at: u32, item: u32, key: &str) -> Option<String> {
        let (series, scene, nav) = (self.series.as_ref()?, self.scene.as_ref()?, Nav::from_key(key)?);
        let from = u32::try_from(level).ok().and_then(|l| Stop::from_parts(l, at, item));
        let stop = scene.hit.go(from, nav, self.summary.len())?;
        layout::structure::place(series, scene, stop, &self.summary).map(|p| to_json(&p))
    }

    /// The index of the item that shows datum `datum` of kind `kind` (`raid`, `moment`,
    /// `area`, `stage`, `annotation`: a data table row's link), or -1 when none is drawn (its
    /// lane or series is hidden).
    pub fn find(&self, kind: &str, datum: u32) -> i32 {
        let Some(scene) = self.scene.as_ref() else { return -1 };
        let kind = match kind {
            "raid" => ItemKind::Raid,
            "moment" => ItemKind::Moment,
            "area" => ItemKind::Area,
            "stage" => ItemKind::Stage,
            "annotation" => ItemKind::Annotation,
            _ => return -1,
        };
        index_js(scene.hit.targets().iter().position(|t| t.kind == kind && t.datum == datum))
    }

    /// Hides or shows the series or area `key` of the current view's legend; refuses to hide
    /// the last one visible. Returns whether it is now hidden. Takes effect at the next render.
    pub fn toggle(&mut self, key: &str) -> bool {
        let keys: Vec<String> = self.scene.as_ref().map(|s| s.legend.iter().map(|b| b.key.clone()).collect()).unwrap_or_default();
        self.visibility.toggle(key, &keys)
    }

    /// The current data as a table for `view`, as JSON text of `{ caption, columns, rows }`
    /// (one string crosses into JavaScript much faster than thousands of small ones).
    pub fn table(&self, view_name: &str) -> Result<String, JsError> {
        let v = view(view_name)?;
        let series = self.series.as_ref().ok_or_else(|| JsError::new("no data loaded"))?;
        serde_json::to_string(&layout::table(series, v)).map_err(|e| JsError::new(&format!("table: {e}")))
    }
}

impl Chart {
    /// Measures text in the family `font` (the default one when blank) from now on; returns
    /// the family used.
    fn use_font<'f>(&mut self, font: &'f str) -> &'f str {
        let font = if font.trim().is_empty() { DEFAULT_FONT } else { font };
        if self.measure.family() != font {
            self.measure = CanvasMeasure::new(font);
        }
        font
    }

    /// Keeps a valid document's series (dropping the scene drawn from the old one) and
    /// reports on it either way. `digest`: the document's, when it came in parts.
    fn take(&mut self, checked: Result<data::Checked, Report>, digest: Option<(usize, u64)>) -> String {
        let (operation, report) = split(checked);
        if let Some(operation) = operation {
            let series = Series::from_operation(&operation);
            #[cfg(feature = "test-faults")]
            {
                self.fault = super::fault::Fault::from_title(&series.title);
                self.fault.trip(super::fault::Fault::Load);
            }
            // Only a small chart keeps what it showed before: comparing is capped anyway, and a
            // big document's series is memory a reader's phone needs.
            let small = |s: &Series| s.timeline.raids.len() + s.cumulative.steps.len() <= 2 * layout::changed::MAX_COMPARED;
            self.previous = self.series.take().filter(small).filter(|_| small(&series));
            self.series = Some(series);
            self.scene = None;
            self.shown = digest;
            self.summary.clear();
        }
        report_json(&report)
    }
}

impl Default for Chart {
    fn default() -> Self {
        Self::new()
    }
}
