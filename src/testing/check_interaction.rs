//! Fuzz check 3: pointer moves and key presses on a drawn chart.
//!
//! The chart is drawn as in check 2; then each action is answered as the element asks:
//! [`crate::scene::HitIndex::hit`] at a point (anywhere, including far outside the canvas,
//! NaN and infinities), and [`crate::scene::HitIndex::navigate`] for any key from the item
//! in focus or from any index at all. Nothing may panic; every answer is an item of the
//! scene (or none, for empty space and for a chart with no items), and every item answered
//! can be described, with finite numbers, as the page receives it.

use arbitrary::{Arbitrary, Unstructured};

use super::check_render::series_of;
use super::recipe::DocumentRecipe;
use super::viewport::{draw, Viewport};
use crate::derive::Series;
use crate::layout::{describe, structure};
use crate::scene::{Nav, Point, Scene, Stop};

/// The keys pressed: every move key, and some that are not moves.
const KEYS: &[&str] = &["ArrowRight", "ArrowLeft", "ArrowUp", "ArrowDown", "Home", "End", "Enter", "Escape", "Tab", "a", "", "arrowleft"];

/// The most actions one input takes.
const MAX_ACTIONS: usize = 256;

/// What the reader does.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum Action {
    /// The pointer at (`x` / 8, `y` / 8) CSS px: anywhere within ±4,096 px of the corner.
    Pointer {
        /// Eighths of a CSS px.
        x: i16,
        /// Eighths of a CSS px.
        y: i16,
    },
    /// The pointer at any coordinates at all.
    Anywhere {
        /// CSS px.
        x: f64,
        /// CSS px.
        y: f64,
    },
    /// A key, from the item in focus.
    Key(u8),
    /// A key, from any index the page might hand back.
    KeyFrom(u8, i32),
}

/// What check 3 reads from the fuzz bytes.
#[derive(Debug, Clone, Arbitrary)]
pub struct InteractionInput {
    /// The data.
    pub document: DocumentRecipe,
    /// How it is drawn.
    pub viewport: Viewport,
    /// What the reader does, in order.
    pub actions: Vec<Action>,
}

/// Draws the chart the bytes describe and plays the actions on it; panics, saying what is
/// wrong, if anything is. Bytes too few to describe a chart are skipped.
pub fn check_interaction(bytes: &[u8]) {
    let Ok(input) = InteractionInput::arbitrary_take_rest(Unstructured::new(bytes)) else { return };
    let series = series_of(&input.document);
    let scene = draw(&series, &input.viewport).scene;
    let mut focus: Option<usize> = None;
    for action in input.actions.iter().take(MAX_ACTIONS) {
        match *action {
            Action::Pointer { x, y } => {
                let p = Point::new(f64::from(x) / 8.0, f64::from(y) / 8.0);
                focus = answer(&series, &scene, scene.hit.hit(p), "a pointer").or(focus);
            }
            Action::Anywhere { x, y } => {
                let found = answer(&series, &scene, scene.hit.hit(Point::new(x, y)), "a pointer");
                assert!(x.is_finite() && y.is_finite() || found.is_none(), "a hit at ({x}, {y})");
                focus = found.or(focus);
            }
            Action::Key(k) => focus = press(&series, &scene, focus, k).or(focus),
            Action::KeyFrom(k, from) => focus = press(&series, &scene, usize::try_from(from).ok(), k).or(focus),
        }
    }
}

/// The key `k` (by number in [`KEYS`]) pressed with `from` in focus, as the element's glue
/// asks: keys that are not moves are left to the page.
fn press(series: &Series, scene: &Scene, from: Option<usize>, k: u8) -> Option<usize> {
    let key = KEYS.get(usize::from(k) % KEYS.len()).copied().unwrap_or("");
    let nav = Nav::from_key(key)?;
    let landed = scene.hit.navigate(from, nav);
    assert_eq!(landed.is_none(), scene.hit.is_empty(), "{key} from {from:?} landed on {landed:?} among {} items", scene.hit.len());
    // The same key through the chart's structure, from the item and from its group and the
    // summary above it: every place it lands on is worded and has finite highlights.
    let summary = ["The view.".to_owned(), "A note.".to_owned()];
    let up = |s: Option<Stop>| scene.hit.go(s, Nav::Up, summary.len());
    let item = from.map(Stop::Item);
    for start in [item, up(item), up(up(item))] {
        let Some(stop) = scene.hit.go(start, nav, summary.len()) else {
            assert!(scene.hit.is_empty(), "{key} from {start:?} landed nowhere among {} items", scene.hit.len());
            continue;
        };
        let Some(place) = structure::place(series, scene, stop, &summary) else {
            panic!("{key} from {start:?} landed on {stop:?}, which cannot be worded");
        };
        assert!(!place.spoken.is_empty() && !place.label.is_empty(), "{stop:?} says nothing");
        let finite = place.anchor.x.is_finite() && place.anchor.y.is_finite() && place.marks.iter().all(|m| [m.x, m.y, m.width, m.height].iter().all(|v| v.is_finite()));
        assert!(finite, "{stop:?} has numbers that are not finite: {place:?}");
    }
    answer(series, scene, landed, key)
}

/// Checks that `found` is an item of `scene` that describes itself soundly; returns it.
fn answer(series: &Series, scene: &Scene, found: Option<usize>, asked: &str) -> Option<usize> {
    let i = found?;
    assert!(i < scene.hit.len(), "{asked} found item {i} of {}", scene.hit.len());
    let Some(item) = describe(series, scene, i) else {
        panic!("{asked} found item {i}, which cannot be described");
    };
    assert_eq!(item.index, i, "item {i} describes itself as {}", item.index);
    let finite = item.anchor.x.is_finite()
        && item.anchor.y.is_finite()
        && item.marks.iter().all(|m| [m.x, m.y, m.width, m.height].iter().all(|v| v.is_finite()));
    assert!(finite, "item {i} has numbers that are not finite: {item:?}");
    assert!(!item.label.is_empty(), "item {i} has no tooltip text");
    if let Err(e) = serde_json::to_string(&item) {
        panic!("item {i} does not serialise: {e}");
    }
    Some(i)
}
