//! operation-charts: interactive news charts of police operations (raids, arrests, charges).
//!
//! The pipeline has four stages, one module each, and thin web glue on top:
//!
//! ```text
//! JSON ─▶ data::Operation ─▶ derive::Series ─▶ layout ─▶ scene::Scene (+ HitIndex) ─▶ paint ─▶ any plotters DrawingBackend
//! ```
//!
//! Beside it, [`import`] makes a document from a spreadsheet's CSV (native builds, or a wasm
//! build with the `import` feature; never the widget's). [`export`] draws a view as SVG (and,
//! natively, PNG); the playground's wasm build (feature `playground`) has its SVG half.
#![deny(missing_docs)]

pub mod data;
pub mod derive;
pub mod format;
mod order;
pub mod scene;
pub mod layout;
pub mod paint;
#[cfg(any(not(target_arch = "wasm32"), feature = "playground"))]
pub mod export;
#[cfg(any(not(target_arch = "wasm32"), feature = "import"))]
pub mod import;
#[cfg(target_arch = "wasm32")]
pub mod web;
#[cfg(feature = "testing")]
pub mod testing;
