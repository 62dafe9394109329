//! The web glue's Rust side (wasm only): a [`Chart`] object per element that owns its data,
//! its current scene and hit index, and paints into a canvas through plotters-canvas.
//! The element itself (shadow DOM, events, resize, pixel ratio) is in `src/web/js/`. With the
//! `playground` feature, `playground.rs` adds what only the newsroom playground's own build
//! exposes: the spreadsheet import and the SVG export.

mod chart;
#[cfg(feature = "test-faults")]
mod fault;
mod js;
mod measure;
#[cfg(feature = "playground")]
mod playground;

pub use chart::{is_move_key, max_document_bytes, size_report, validate, views, Chart};
#[cfg(feature = "playground")]
pub use playground::{import_csv, render_svg};
