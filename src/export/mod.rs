//! Native exports of a chart: the same scene the widget draws, painted through plotters' SVG
//! backend (for golden tests, the command-line tool, `<noscript>` images and print), and that
//! SVG rasterised to PNG. The playground's wasm build (feature `playground`) has the SVG half
//! only: rasterising needs the system's fonts.

#[cfg(not(target_arch = "wasm32"))]
mod png;
mod svg;

#[cfg(not(target_arch = "wasm32"))]
pub use png::{render_png, system_fonts_found, MAX_PIXELS_PER_SIDE, MAX_SCALE};
pub use svg::{render_svg, RenderError};
