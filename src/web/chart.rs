//! The `Chart` object the element drives: load data, lay out and paint a view, answer hits.

use plotters_canvas::CanvasBackend;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::js::to_js;
use super::measure::CanvasMeasure;
use crate::data::{self, Problem, Report};
use crate::derive::Series;
use crate::layout::{self, Theme, View};
use crate::paint::{paint, PaintOptions, DEFAULT_FONT};
use crate::scene::{Point, Scene};

/// One chart's state: its last good data, and the scene last drawn from it.
#[wasm_bindgen]
pub struct Chart {
    series: Option<Series>,
    scene: Option<Scene>,
    measure: CanvasMeasure,
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
struct RenderInfo<'a> {
    view: &'static str,
    width: f64,
    height: f64,
    title: &'a str,
    description: &'a str,
}

fn check(json: &str) -> (Option<Series>, Report) {
    match data::load(json) {
        Ok(checked) => (Some(Series::from_operation(&checked.operation)), Report { errors: Vec::new(), warnings: checked.warnings }),
        Err(report) => (None, report),
    }
}

fn report_js(report: &Report) -> JsValue {
    to_js(&JsReport { ok: report.is_ok(), errors: &report.errors, warnings: &report.warnings })
}

fn view(name: &str) -> Result<View, JsError> {
    name.parse::<View>().map_err(|e| JsError::new(&e.to_string()))
}

/// Checks a JSON document without drawing it: `{ ok, errors, warnings }`, each problem a
/// `{ path, message }`.
#[wasm_bindgen]
pub fn validate(json: &str) -> JsValue {
    report_js(&check(json).1)
}

#[wasm_bindgen]
impl Chart {
    /// A chart with no data yet.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Chart {
        Chart { series: None, scene: None, measure: CanvasMeasure::new(DEFAULT_FONT) }
    }

    /// Reads a JSON document. When it is valid it replaces the chart's data; when it is not,
    /// the last good data stays. Returns `{ ok, errors, warnings }`.
    pub fn load(&mut self, json: &str) -> JsValue {
        let (series, report) = check(json);
        if let Some(series) = series {
            self.series = Some(series);
            self.scene = None;
        }
        report_js(&report)
    }

    /// True once valid data has been loaded.
    #[wasm_bindgen(js_name = hasData)]
    pub fn has_data(&self) -> bool {
        self.series.is_some()
    }

    /// A good height in CSS px for `view` at `width` CSS px.
    #[wasm_bindgen(js_name = preferredHeight)]
    pub fn preferred_height(&self, view_name: &str, width: f64) -> Result<f64, JsError> {
        let v = view(view_name)?;
        let series = self.series.as_ref().ok_or_else(|| JsError::new("no data loaded"))?;
        Ok(layout::preferred_height(series, v, width, &Theme::light(), &self.measure))
    }

    /// Lays out `view` at `css_width` × `css_height` and paints it into `canvas`, whose
    /// backing store is set to the CSS size × `dpr`. Returns `{ view, width, height, title,
    /// description }`.
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
    ) -> Result<JsValue, JsError> {
        let v = view(view_name)?;
        let series = self.series.as_ref().ok_or_else(|| JsError::new("no data loaded"))?;
        let font = if font.trim().is_empty() { DEFAULT_FONT } else { font };
        if self.measure.family() != font {
            self.measure = CanvasMeasure::new(font);
        }
        let dpr = if dpr.is_finite() && dpr > 0.0 { dpr.clamp(0.25, 8.0) } else { 1.0 };
        let theme = Theme::named(theme);
        let scene = layout::layout(series, v, css_width, css_height, &theme, &self.measure);
        let (w, h) = ((scene.width * dpr).round() as u32, (scene.height * dpr).round() as u32);
        if canvas.width() != w {
            canvas.set_width(w);
        }
        if canvas.height() != h {
            canvas.set_height(h);
        }
        let mut backend = CanvasBackend::with_canvas_object(canvas).ok_or_else(|| JsError::new("the canvas has no 2D context"))?;
        paint(&scene, &mut backend, PaintOptions { dpr, font, text_scale: 1.0 }).map_err(|e| JsError::new(&format!("drawing failed: {e}")))?;
        let info = to_js(&RenderInfo {
            view: v.name(),
            width: scene.width,
            height: scene.height,
            title: &series.title,
            description: &series.description,
        });
        self.scene = Some(scene);
        Ok(info)
    }

    /// The item under `(x, y)` CSS px from the canvas's top left, or `null`.
    pub fn hit(&self, x: f64, y: f64) -> JsValue {
        self.scene.as_ref().and_then(|s| s.hit.hit(Point::new(x, y))).map_or(JsValue::NULL, to_js)
    }

    /// The item at `index` in reading order, or `null`.
    pub fn item(&self, index: usize) -> JsValue {
        self.scene.as_ref().and_then(|s| s.hit.items().get(index)).map_or(JsValue::NULL, to_js)
    }

    /// How many items the current view has.
    #[wasm_bindgen(js_name = itemCount)]
    pub fn item_count(&self) -> usize {
        self.scene.as_ref().map_or(0, |s| s.hit.items().len())
    }
}

impl Default for Chart {
    fn default() -> Self {
        Self::new()
    }
}
