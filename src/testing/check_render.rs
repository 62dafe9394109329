//! Fuzz check 2: an arbitrary operation, derived, laid out and painted.
//!
//! A [`DocumentRecipe`] is written out as JSON and loaded (it must be valid: it is built to
//! be), derived into a [`Series`], and drawn as a [`Viewport`] says: any view, 1–4,000 CSS px
//! wide, at a pixel ratio of 0.5–4, in any theme, with legend entries pressed. Nothing may
//! panic, and the scene and the painter's calls must pass [`scene_problems`] and
//! [`paint_problems`]: every number finite, everything inside the canvas and its margin.

use arbitrary::{Arbitrary, Unstructured};

use super::bounds::{paint_problems, scene_problems};
use super::recipe::DocumentRecipe;
use super::viewport::{draw, Drawing, Viewport};
use crate::data;
use crate::derive::Series;

/// What check 2 reads from the fuzz bytes: a document and how to draw it.
#[derive(Debug, Clone, Arbitrary)]
pub struct RenderInput {
    /// The data.
    pub document: DocumentRecipe,
    /// How it is drawn.
    pub viewport: Viewport,
}

/// The series of a recipe's document; panics if the document, built to be valid, is not.
pub fn series_of(document: &DocumentRecipe) -> Series {
    let json = document.json();
    match data::load(&json) {
        Ok(checked) => Series::from_operation(&checked.operation),
        Err(report) => panic!("a document built to be valid does not load: {:?}\n{json}", report.errors),
    }
}

/// Draws the chart the bytes describe and checks it; panics, saying what is wrong, if
/// anything is. Bytes too few to describe a chart are skipped.
pub fn check_render(bytes: &[u8]) {
    let Ok(input) = RenderInput::arbitrary_take_rest(Unstructured::new(bytes)) else { return };
    let series = series_of(&input.document);
    let drawing = draw(&series, &input.viewport);
    assert_drawing_is_sound(&drawing);
}

/// Panics with every problem [`scene_problems`] and [`paint_problems`] find in `drawing`.
pub fn assert_drawing_is_sound(drawing: &Drawing) {
    let mut problems = scene_problems(&drawing.scene, drawing.room);
    problems.extend(paint_problems(drawing));
    assert!(
        problems.is_empty(),
        "the {} view at {} CSS px wide ({:?} room), ×{}:\n{}",
        drawing.view,
        drawing.width,
        drawing.room,
        drawing.dpr,
        problems.join("\n")
    );
}
