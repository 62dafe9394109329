//! Test support, shared by the fuzz targets in `fuzz/` and by `cargo test` (only with the
//! `testing` feature, which the wasm build never turns on).
//!
//! Each fuzz target is one "check this input" function taking raw bytes, so a saved corpus
//! or crash input replays through exactly the code the fuzzer ran (`tests/fuzz_corpus.rs`):
//!
//! - [`fn@check_load`]: bytes → load and validate;
//! - [`fn@check_render`]: an arbitrary operation ([`recipe`]) → derive → layout → scene → paint
//!   into a [`RecordingBackend`], checked by [`bounds`];
//! - [`fn@check_interaction`]: pointer moves and key presses on such a chart.

pub mod bounds;
pub mod check_interaction;
pub mod check_load;
pub mod check_render;
pub mod recipe;
pub mod recording;
pub mod viewport;

pub use check_interaction::check_interaction;
pub use check_load::check_load;
pub use check_render::check_render;
pub use recording::{Call, RecordingBackend};

/// A check of one fuzz input: returns when the input passes, panics saying why when not.
pub type Check = fn(&[u8]);

/// The fuzz targets by name (as in `fuzz/fuzz_targets/` and `fuzz/corpus/`), with their check.
pub const TARGETS: [(&str, Check); 3] =
    [("load", check_load), ("render", check_render), ("interact", check_interaction)];
