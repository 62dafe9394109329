//! Text measurement with the canvas's own `measureText`, cached: no DOM insertion and no
//! forced layout per label (the trap in plotters' own web font code).

use std::cell::{Cell, RefCell};

use foldhash::{HashMap, HashMapExt};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::layout::{FixedWidths, TextMeasure};

/// Measures texts with a 2D context of a detached canvas, caching every width.
pub(crate) struct CanvasMeasure {
    context: Option<CanvasRenderingContext2d>,
    family: String,
    cache: RefCell<HashMap<(String, u32, bool), f64>>,
    /// The size (hundredths of a px) and weight the context's font is set to: setting it makes
    /// the browser parse a CSS font again, so it is set only when it changes.
    font: Cell<Option<(u32, bool)>>,
}

/// The most widths kept before the cache starts afresh.
const CACHE_LIMIT: usize = 4096;

impl CanvasMeasure {
    /// A measure for `family`; falls back to fixed widths where no canvas can be had.
    pub(crate) fn new(family: &str) -> Self {
        let context = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
            .and_then(|c| c.get_context("2d").ok().flatten())
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
        Self { context, family: family.to_owned(), cache: RefCell::new(HashMap::new()), font: Cell::new(None) }
    }

    /// The font family widths are measured in.
    pub(crate) fn family(&self) -> &str {
        &self.family
    }
}

impl TextMeasure for CanvasMeasure {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let Some(ctx) = &self.context else {
            return FixedWidths.width(text, size, bold);
        };
        let font = ((size * 100.0).round() as u32, bold);
        let key = (text.to_owned(), font.0, bold);
        if let Some(w) = self.cache.borrow().get(&key) {
            return *w;
        }
        if self.font.get() != Some(font) {
            ctx.set_font(&format!("{} {}px {}", if bold { "bold" } else { "normal" }, size, self.family));
            self.font.set(Some(font));
        }
        let w = ctx.measure_text(text).map(|m| m.width()).unwrap_or_else(|_| FixedWidths.width(text, size, bold));
        let mut cache = self.cache.borrow_mut();
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(key, w);
        w
    }
}
