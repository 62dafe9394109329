//! operation-charts: interactive news charts of police operations (raids, arrests, charges).
//!
//! The pipeline has four stages, one module each, and thin web glue on top:
//!
//! ```text
//! JSON ─▶ data::Operation ─▶ derive::Series ─▶ layout ─▶ scene::Scene (+ HitIndex) ─▶ paint ─▶ any plotters DrawingBackend
//! ```
#![deny(missing_docs)]

pub mod data;
pub mod derive;
pub mod format;
mod order;
pub mod scene;
pub mod layout;
pub mod paint;
#[cfg(not(target_arch = "wasm32"))]
pub mod export;
#[cfg(target_arch = "wasm32")]
pub mod web;
#[cfg(feature = "testing")]
pub mod testing;
