//! How a chart is drawn, built from fuzz bytes: the view, a width of 1–4,000 CSS px, the
//! view's preferred height or any other, a device pixel ratio of 0.5–4, a theme (light, dark,
//! a brand accent, or forced colours), the reader's text scale and legend entries the reader
//! has pressed. [`draw`]
//! then lays the chart out as the element does, and paints it into a [`RecordingBackend`].

use arbitrary::Arbitrary;

use super::bounds::Room;
use super::recording::RecordingBackend;
use crate::derive::Series;
use crate::layout::{self, FixedWidths, Theme, View, Visibility};
use crate::paint::{clamp_dpr, paint, PaintOptions, DEFAULT_FONT};
use crate::scene::{Color, Scene};

/// The widest chart drawn, CSS px.
pub const MAX_WIDTH: u16 = 4_000;

/// The device pixel ratios drawn at.
pub const DPR_RANGE: (f64, f64) = (0.5, 4.0);

/// A theme as the page can ask for one.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum ThemeChoice {
    /// The light theme.
    Light,
    /// The dark theme.
    Dark,
    /// A brand accent on the light or dark theme (refused when its contrast is too low).
    Accent {
        /// On the dark theme.
        dark: bool,
        /// The accent, `0xRRGGBB`.
        rgb: u32,
    },
    /// Windows high contrast: text, background and highlight colours, `0xRRGGBB` each.
    Forced([u32; 3]),
}

impl ThemeChoice {
    /// The theme.
    pub fn theme(self) -> Theme {
        match self {
            ThemeChoice::Light => Theme::light(),
            ThemeChoice::Dark => Theme::dark(),
            ThemeChoice::Accent { dark, rgb } => {
                let base = if dark { Theme::dark() } else { Theme::light() };
                base.with_accent(Color::hex(rgb & 0xff_ffff)).0
            }
            ThemeChoice::Forced([text, background, highlight]) => {
                Theme::forced(Color::hex(text & 0xff_ffff), Color::hex(background & 0xff_ffff), Color::hex(highlight & 0xff_ffff))
            }
        }
    }
}

/// Everything about one drawing of a chart except its data.
#[derive(Debug, Clone, Arbitrary)]
pub struct Viewport {
    view: u8,
    /// Wrapped into 1–[`MAX_WIDTH`].
    width: u16,
    /// Wrapped into 1–[`MAX_WIDTH`]; the view's preferred height when absent.
    height: Option<u16>,
    /// 0–255, spread over [`DPR_RANGE`].
    dpr: u8,
    theme: ThemeChoice,
    /// The reader's text scale: 0 is the default (1), 1–255 spread over the text scale limits.
    text: u8,
    /// Legend entries pressed, in order, by position in the legend.
    pressed: Vec<u8>,
}

/// A chart laid out and painted.
#[derive(Debug, Clone)]
pub struct Drawing {
    /// The view drawn.
    pub view: View,
    /// The width asked for, CSS px (layout clamps it to its limits).
    pub width: f64,
    /// The device pixel ratio.
    pub dpr: f64,
    /// Whether the chart had the height its view asks for.
    pub room: Room,
    /// The scene, as laid out.
    pub scene: Scene,
    /// What the painter did, on a canvas of the scene's size times the pixel ratio.
    pub canvas: RecordingBackend,
}

impl Viewport {
    /// The view.
    pub fn view(&self) -> View {
        View::ALL.get(usize::from(self.view) % View::ALL.len()).copied().unwrap_or(View::Summary)
    }

    /// The width asked for, 1–[`MAX_WIDTH`] CSS px.
    pub fn width(&self) -> f64 {
        f64::from(1 + self.width % MAX_WIDTH)
    }

    /// The device pixel ratio, within [`DPR_RANGE`].
    pub fn dpr(&self) -> f64 {
        DPR_RANGE.0 + (DPR_RANGE.1 - DPR_RANGE.0) * f64::from(self.dpr) / 255.0
    }

    /// The theme, at the reader's text scale.
    pub fn theme(&self) -> Theme {
        self.theme.theme().with_text_scale(self.text_scale())
    }

    /// The reader's text scale (their font size over 16 px), within the text scale limits.
    pub fn text_scale(&self) -> f64 {
        let (least, most) = crate::layout::theme::TEXT_SCALE_LIMITS;
        if self.text == 0 { 1.0 } else { least + (most - least) * f64::from(self.text - 1) / 254.0 }
    }
}

/// Lays out `series` as the element does (the preferred height unless one is given; legend
/// presses applied one at a time, each to the legend then on screen; everything shown again
/// if all of a legend ends up hidden), then paints it at the viewport's pixel ratio into a
/// recording the size of the canvas the element would size.
pub fn draw(series: &Series, viewport: &Viewport) -> Drawing {
    let (view, width, theme, measure) = (viewport.view(), viewport.width(), viewport.theme(), FixedWidths);
    let preferred = layout::preferred_height(series, view, width, &theme, &measure);
    let height = viewport.height.map_or(preferred, |h| f64::from(1 + h % MAX_WIDTH));
    let room = if height < preferred { Room::Cramped } else { Room::Enough };
    let mut visibility = Visibility::new();
    let mut scene = layout::layout_visible(series, view, width, height, &theme, &measure, &visibility);
    for press in viewport.pressed.iter().take(16) {
        let keys: Vec<String> = scene.legend.iter().map(|b| b.key.clone()).collect();
        if let Some(key) = keys.get(usize::from(*press) % keys.len().max(1)) {
            visibility.toggle(key, &keys);
            scene = layout::layout_visible(series, view, width, height, &theme, &measure, &visibility);
        }
    }
    if !scene.legend.is_empty() && scene.legend.iter().all(|b| b.hidden) {
        visibility.clear();
        scene = layout::layout_visible(series, view, width, height, &theme, &measure, &visibility);
    }
    let dpr = clamp_dpr(viewport.dpr());
    let mut canvas = RecordingBackend::new((scene.width * dpr).round() as u32, (scene.height * dpr).round() as u32);
    // The recording backend cannot fail; a painter error is recorded as no calls at all.
    if paint(&scene, &mut canvas, PaintOptions { dpr, font: DEFAULT_FONT, text_scale: 1.0 }).is_err() {
        canvas.calls.clear();
    }
    Drawing { view, width, dpr, room, scene, canvas }
}
