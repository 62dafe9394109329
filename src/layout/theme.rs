//! Colours and type sizes. The palettes are colour-blind safe (after Okabe and Ito), darkened
//! or lightened so marks keep 3:1 and text 4.5:1 against the background.

use crate::scene::Color;

/// Everything a view needs to know about how things look.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// "light" or "dark".
    pub name: &'static str,
    /// Chart background.
    pub background: Color,
    /// Titles and values.
    pub text: Color,
    /// Subtitles, axis labels, source line.
    pub muted: Color,
    /// Grid lines.
    pub grid: Color,
    /// Axis baselines.
    pub axis: Color,
    /// Arrests, and the funnel's bars.
    pub arrests: Color,
    /// Charges.
    pub charged: Color,
    /// Raids.
    pub raids: Color,
    /// Colours for areas, in lane order (repeats past the end).
    pub areas: [Color; 5],
    /// Type sizes in CSS px.
    pub sizes: Sizes,
}

/// Type sizes in CSS pixels, already multiplied by the reader's text scale (see
/// [`Theme::with_text_scale`]); `scale` is kept so the spacing that follows the text (gaps
/// beside labels, legend rows and swatches, the room between ticks) can follow it too.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sizes {
    /// The title.
    pub title: f64,
    /// The subtitle.
    pub subtitle: f64,
    /// Labels and values.
    pub label: f64,
    /// Axis ticks, legend, source line and notes.
    pub small: f64,
    /// The reader's text scale these sizes were multiplied by: 1 at the browser's default
    /// 16 px, 2 at 32 px; within [`TEXT_SCALE_LIMITS`].
    pub scale: f64,
}

impl Sizes {
    /// `css` CSS px of spacing that goes with the text (a gap beside a label, a legend row),
    /// at the reader's text scale.
    pub fn px(&self, css: f64) -> f64 {
        css * self.scale
    }

    /// `css` CSS px of room for a plot that holds text (the summary's rows, the timeline's
    /// lanes): grown with larger text, never shrunk below its size at the default.
    pub fn room(&self, css: f64) -> f64 {
        css * self.scale.max(1.0)
    }
}

/// The smallest and largest text scales drawn (the reader's font size over 16 px): at a 12 px
/// default text is drawn at three quarters of its size, and above 48 px it stops growing, so
/// a label keeps some room on a phone.
pub const TEXT_SCALE_LIMITS: (f64, f64) = (0.75, 3.0);

/// `scale` within [`TEXT_SCALE_LIMITS`], or 1 when it is not a positive number.
pub fn clamp_text_scale(scale: f64) -> f64 {
    if scale.is_finite() && scale > 0.0 {
        scale.clamp(TEXT_SCALE_LIMITS.0, TEXT_SCALE_LIMITS.1)
    } else {
        1.0
    }
}

/// The least contrast of text against the background (WCAG 1.4.3).
pub const MIN_TEXT_CONTRAST: f64 = 4.5;
/// The least contrast of marks against the background (WCAG 1.4.11).
pub const MIN_MARK_CONTRAST: f64 = 3.0;

/// The WCAG contrast ratio of two opaque colours, from 1 to 21.
pub fn contrast(a: Color, b: Color) -> f64 {
    fn luminance(c: Color) -> f64 {
        let f = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.039_28 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b)
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The hue of a colour in degrees, 0–360.
fn hue(c: Color) -> f64 {
    let (r, g, b) = (f64::from(c.r) / 255.0, f64::from(c.g) / 255.0, f64::from(c.b) / 255.0);
    let max = r.max(g).max(b);
    let d = max - r.min(g).min(b);
    if d == 0.0 {
        return 0.0;
    }
    let h = if max == r {
        ((g - b) / d).rem_euclid(6.0)
    } else if max == g {
        (b - r) / d + 2.0
    } else {
        (r - g) / d + 4.0
    };
    h * 60.0
}

/// How far apart two hues are on the colour wheel, 0–180 degrees.
fn hue_distance(a: Color, b: Color) -> f64 {
    let d = (hue(a) - hue(b)).abs();
    d.min(360.0 - d)
}

/// The smallest text the chart draws, CSS px, whatever the page's font size: smaller is hard
/// to read (Chartability's "small text size" asks for 12 px at least).
pub const MIN_TEXT_PX: f64 = 12.0;

const SIZES: Sizes = Sizes { title: 18.0, subtitle: 14.0, label: 13.0, small: 12.0, scale: 1.0 };

impl Theme {
    /// The light theme.
    pub fn light() -> Self {
        Self {
            name: "light",
            background: Color::hex(0xffffff),
            text: Color::hex(0x1a1a1a),
            muted: Color::hex(0x595959),
            grid: Color::hex(0xe3e3e3),
            axis: Color::hex(0x767676),
            arrests: Color::hex(0x0072b2),
            charged: Color::hex(0xc24e00),
            raids: Color::hex(0x4d4d4d),
            areas: [
                Color::hex(0x0072b2),
                Color::hex(0xc24e00),
                Color::hex(0x007a5a),
                Color::hex(0xaa4499),
                Color::hex(0x7a6500),
            ],
            sizes: SIZES,
        }
    }

    /// The dark theme.
    pub fn dark() -> Self {
        Self {
            name: "dark",
            background: Color::hex(0x161616),
            text: Color::hex(0xf0f0f0),
            muted: Color::hex(0xb3b3b3),
            grid: Color::hex(0x333333),
            axis: Color::hex(0x8c8c8c),
            arrests: Color::hex(0x56b4e9),
            charged: Color::hex(0xf0a35e),
            raids: Color::hex(0xcccccc),
            areas: [
                Color::hex(0x56b4e9),
                Color::hex(0xf0a35e),
                Color::hex(0x3cc49a),
                Color::hex(0xe08fc4),
                Color::hex(0xe6d45c),
            ],
            sizes: SIZES,
        }
    }

    /// The theme called `name` ("dark", else light).
    pub fn named(name: &str) -> Self {
        if name.eq_ignore_ascii_case("dark") { Self::dark() } else { Self::light() }
    }

    /// The theme for Windows high contrast (`forced-colors: active`): every text and mark in
    /// the system's text colour on its background, with the system highlight for charges, so
    /// nothing rests on a colour the reader has overridden.
    pub fn forced(text: Color, background: Color, highlight: Color) -> Self {
        Self {
            name: "forced",
            background,
            text,
            muted: text,
            grid: text.alpha(0.35),
            axis: text,
            arrests: text,
            charged: highlight,
            raids: text,
            areas: [text, highlight, text, highlight, text],
            sizes: SIZES,
        }
    }

    /// This theme with a newsroom's brand colour for the main series (arrests, the funnel and
    /// the first area), if it keeps 3:1 against the background; otherwise the theme unchanged
    /// and the reason why.
    pub fn with_accent(mut self, accent: Color) -> (Self, Option<String>) {
        let ratio = contrast(accent, self.background);
        if ratio < MIN_MARK_CONTRAST {
            let why = format!(
                "--operation-chart-accent {} has {}:1 contrast against the {} background; marks need {MIN_MARK_CONTRAST}:1, so the default colour is used",
                accent.css(),
                crate::format::ratio(ratio),
                self.name
            );
            return (self, Some(why));
        }
        // A brand red next to the vermillion charges would fail readers with red-green colour
        // blindness: a warm accent moves the charges to the palette's blue instead.
        if hue_distance(accent, self.charged) < 45.0 {
            let blue = self.arrests;
            self.charged = blue;
            if let Some(second) = self.areas.get_mut(1) {
                *second = blue;
            }
        }
        self.arrests = accent;
        if let Some(first) = self.areas.first_mut() {
            *first = accent;
        }
        (self, None)
    }

    /// This theme with its text `scale` times the default size (the reader's font size over
    /// the browser's default 16 px), clamped to [`TEXT_SCALE_LIMITS`], and no text under
    /// [`MIN_TEXT_PX`]. Layout measures and spaces text with these sizes, so labels still fit,
    /// thin out or wrap at any scale.
    pub fn with_text_scale(mut self, scale: f64) -> Self {
        let k = clamp_text_scale(scale);
        let size = |px: f64| (px * k).max(MIN_TEXT_PX);
        self.sizes = Sizes { title: size(SIZES.title), subtitle: size(SIZES.subtitle), label: size(SIZES.label), small: size(SIZES.small), scale: k };
        self
    }

    /// The colour of the area in lane `i`.
    pub fn area(&self, i: usize) -> Color {
        self.areas.get(i % self.areas.len()).copied().unwrap_or(self.arrests)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_page_text_never_makes_chart_text_under_12_px() {
        let s = Theme::light().with_text_scale(0.5).sizes;
        assert!([s.title, s.subtitle, s.label, s.small].iter().all(|px| *px >= MIN_TEXT_PX), "{s:?}");
        assert_eq!(Theme::light().with_text_scale(0.75).sizes.title, 13.5);
    }

    #[test]
    fn text_keeps_4_5_to_1_and_marks_3_to_1_in_both_themes() {
        for t in [Theme::light(), Theme::dark()] {
            for (what, c) in [("text", t.text), ("muted", t.muted)] {
                let r = contrast(c, t.background);
                assert!(r >= MIN_TEXT_CONTRAST, "{} {what}: {r:.2}", t.name);
            }
            // Area colours also colour the lane labels, so they are held to the text bar.
            for (what, c) in [("arrests", t.arrests), ("charged", t.charged), ("raids", t.raids), ("axis", t.axis)]
                .into_iter()
                .chain(t.areas.iter().map(|c| ("area", *c)))
            {
                let r = contrast(c, t.background);
                assert!(r >= MIN_MARK_CONTRAST, "{} {what}: {r:.2}", t.name);
            }
            for c in t.areas {
                assert!(contrast(c, t.background) >= MIN_TEXT_CONTRAST, "{} area {}", t.name, c.css());
            }
            assert!(contrast(t.arrests, t.charged) > 1.0, "the two series differ");
        }
    }

    #[test]
    fn text_scale_multiplies_every_size_within_its_limits() {
        let t = Theme::light().with_text_scale(2.0);
        assert_eq!((t.sizes.title, t.sizes.subtitle, t.sizes.label, t.sizes.small, t.sizes.scale), (36.0, 28.0, 26.0, 24.0, 2.0));
        assert_eq!(t.sizes.px(8.0), 16.0);
        assert_eq!(Theme::dark().with_text_scale(10.0).sizes.scale, 3.0);
        assert_eq!(Theme::light().with_text_scale(0.1).sizes.small, MIN_TEXT_PX, "small page text: the floor, not 9 px");
        assert_eq!(Theme::light().with_text_scale(0.5).sizes.room(56.0), 56.0, "small text never shrinks a plot");
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert_eq!(Theme::light().with_text_scale(bad).sizes, Theme::light().sizes);
        }
    }

    #[test]
    fn contrast_matches_wcag_reference_values() {
        assert!((contrast(Color::hex(0x000000), Color::hex(0xffffff)) - 21.0).abs() < 1e-9);
        assert!((contrast(Color::hex(0x767676), Color::hex(0xffffff)) - 4.54).abs() < 0.01);
    }

    #[test]
    fn a_pale_accent_is_refused_with_a_reason() {
        let (t, why) = Theme::light().with_accent(Color::hex(0xffd700));
        assert_eq!(t.arrests, Theme::light().arrests);
        assert!(why.is_some_and(|w| w.contains("3:1")));
        let (t, why) = Theme::light().with_accent(Color::hex(0x8b0000));
        assert_eq!(t.arrests, Color::hex(0x8b0000));
        assert!(why.is_none());
        assert_eq!(t.charged, Theme::light().arrests, "a red brand moves the charges off vermillion");
        let (t, _) = Theme::light().with_accent(Color::hex(0x1d4f91));
        assert_eq!(t.charged, Theme::light().charged, "a blue brand keeps them");
    }
}
