//! Text measurement, behind a small trait so layout is deterministic in tests: the browser
//! measures with the canvas (cached), native builds use a fixed width table.

/// Measures the width of a line of text.
pub trait TextMeasure {
    /// Width in CSS pixels of `text` at `size` px, bold or regular.
    fn width(&self, text: &str, size: f64, bold: bool) -> f64;
}

/// A fixed table of character widths, close to a common sans-serif: deterministic, for
/// native rendering and golden tests.
#[derive(Debug, Clone, Copy, Default)]
pub struct FixedWidths;

impl TextMeasure for FixedWidths {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let ems: f64 = text.chars().map(char_em).sum();
        ems * size * if bold { 1.06 } else { 1.0 }
    }
}

fn char_em(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' | 'I' => 0.25,
        ' ' | 'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' => 0.32,
        '0'..='9' => 0.56,
        'm' | 'w' => 0.84,
        'M' | 'W' | '%' | '@' => 0.9,
        'a'..='z' => 0.52,
        'A'..='Z' => 0.66,
        _ => 0.6,
    }
}
