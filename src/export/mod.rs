//! Native exports of a chart: the same scene the widget draws, painted through plotters' SVG
//! backend (for golden tests, the command-line tool, `<noscript>` images and print).

mod svg;

pub use svg::{render_svg, RenderError};
