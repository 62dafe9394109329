//! A view as a PNG image: the SVG export, rasterised by resvg (usvg + tiny-skia) with the
//! system's fonts.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};

use super::svg::{render_svg, RenderError};
use crate::derive::Series;
use crate::layout::{Theme, View};

/// The largest scale factor accepted.
pub const MAX_SCALE: f32 = 8.0;

/// The largest image side, in device pixels (the largest chart, 8192 CSS px, at scale 2).
pub const MAX_PIXELS_PER_SIDE: u32 = 16_384;

/// Families tried, in order, for the generic `sans-serif`. fontdb's own default (Arial) is
/// missing on most Linux systems, and the family it takes from fontconfig's aliases is often
/// DejaVu Sans, wider than the table the layout measures text with (`FixedWidths`, close to
/// Arial): so faces with Arial's metrics come first, then other common sans-serifs, DejaVu
/// Sans last.
const SANS_SERIF_FALLBACKS: &[&str] = &[
    "Arial",
    "Helvetica",
    "Liberation Sans",
    "Arimo",
    "Nimbus Sans",
    "Nimbus Sans L",
    "TeX Gyre Heros",
    "FreeSans",
    "Roboto",
    "Noto Sans",
    "Open Sans",
    "DejaVu Sans",
];

/// The system's fonts, loaded once per process.
fn fonts() -> &'static Arc<fontdb::Database> {
    static FONTS: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    FONTS.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        // The charts ask for "…, sans-serif", and usvg falls back to the generic serif face:
        // make both generics name a family that is really there, with the metrics the layout
        // expects.
        if let Some(family) = installed_sans_serif(&db) {
            db.set_sans_serif_family(family.clone());
            db.set_serif_family(family);
        }
        Arc::new(db)
    })
}

/// The first installed family of [`SANS_SERIF_FALLBACKS`], else any installed family.
fn installed_sans_serif(db: &fontdb::Database) -> Option<String> {
    let installed = |name: &str| db.faces().any(|face| face.families.iter().any(|(family, _)| family.eq_ignore_ascii_case(name)));
    SANS_SERIF_FALLBACKS
        .iter()
        .find(|name| installed(name))
        .map(|name| (*name).to_owned())
        .or_else(|| db.faces().find_map(|face| face.families.first().map(|(family, _)| family.clone())))
}

/// Whether any system font was found. Without one, [`render_png`] still draws the chart, but
/// without its text: callers should tell the user to install a font (for example
/// `apt-get install fonts-dejavu-core`).
pub fn system_fonts_found() -> bool {
    !fonts().is_empty()
}

/// Draws `view` of `series` as a PNG image: the [`render_svg`] document (`width` CSS px wide,
/// the view's preferred height unless given), rasterised at `scale` device pixels per CSS px,
/// so the image is `width * scale` pixels wide. Text uses the system's fonts (see
/// [`system_fonts_found`]).
pub fn render_png(series: &Series, view: View, width: u32, height: Option<u32>, theme: &Theme, scale: f32) -> Result<Vec<u8>, RenderError> {
    if !(scale.is_finite() && scale > 0.0 && scale <= MAX_SCALE) {
        return Err(RenderError(format!("scale must be above 0 and at most {MAX_SCALE}, found {scale}")));
    }
    let svg = render_svg(series, view, width, height, theme)?;
    let options = usvg::Options { fontdb: Arc::clone(fonts()), ..usvg::Options::default() };
    let tree = usvg::Tree::from_str(&svg, &options).map_err(|e| RenderError(format!("could not read the {view} SVG: {e}")))?;
    let size = tree.size();
    let pixels = |css: f32| (css * scale).round().max(1.0);
    let (w, h) = (pixels(size.width()), pixels(size.height()));
    let limit = MAX_PIXELS_PER_SIDE as f32;
    if w > limit || h > limit {
        return Err(RenderError(format!(
            "a {w}×{h} px image is too large: at most {MAX_PIXELS_PER_SIDE} px a side; use a smaller size or scale"
        )));
    }
    // Both are whole numbers in 1..=MAX_PIXELS_PER_SIDE, so the casts are exact.
    let (w, h) = (w as u32, h as u32);
    let mut pixmap = Pixmap::new(w, h).ok_or_else(|| RenderError(format!("cannot allocate a {w}×{h} px image")))?;
    resvg::render(&tree, Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| RenderError(format!("could not encode the {view} PNG: {e}")))
}
