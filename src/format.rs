//! Numbers as an en-GB reader expects them: "1,250", "64%", "1.9", "four".

/// A whole number with thousands separators: `1250` → "1,250".
pub fn count(n: u64) -> String {
    grouped(&n.to_string())
}

/// Digits with a comma between each group of three: "1250" → "1,250".
fn grouped(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A tick value: whole numbers with separators, others with up to two decimals: `2500` →
/// "2,500", `0.5` → "0.5", `-1.25` → "−1.25". Written with integers: precision formatting of
/// floats would add about 10 KB to the wasm. From 10¹⁵ up, where hundredths no longer fit the
/// integer, a tick is a whole number ("10,000,000,000,000,000"), still with separators.
pub fn tick(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    if v.abs() >= 1e15 {
        // An f64 this large prints as its whole digits, with no exponent and no point.
        let s = grouped(&v.abs().round().to_string());
        return if v < 0.0 { format!("−{s}") } else { s };
    }
    let hundredths = (v.abs() * 100.0).round() as u64;
    let mut s = count(hundredths / 100);
    let cents = hundredths % 100;
    if cents != 0 {
        s.push('.');
        s.push(char::from(b'0' + (cents / 10) as u8));
        if !cents.is_multiple_of(10) {
            s.push(char::from(b'0' + (cents % 10) as u8));
        }
    }
    if v < 0.0 && hundredths != 0 { format!("−{s}") } else { s }
}

/// A percentage rounded to a whole number: `63.6` → "64%".
pub fn percent(p: f64) -> String {
    format!("{}%", p.round() as i64)
}

/// A ratio with one decimal: `1.94` → "1.9", `2.0` → "2.0"; from 1,000 up, a whole number
/// with separators: "1,000,020".
pub fn ratio(r: f64) -> String {
    if !r.is_finite() || r.abs() >= 1000.0 {
        return tick(r.round());
    }
    let tenths = (r.abs() * 10.0).round() as u64;
    let sign = if r < 0.0 && tenths != 0 { "−" } else { "" };
    format!("{sign}{}.{}", tenths / 10, tenths % 10)
}

/// Small counts in words, as a news story writes them: 4 → "four"; 12 → "12".
pub fn words(n: u64) -> String {
    const WORDS: [&str; 10] = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    usize::try_from(n).ok().and_then(|i| WORDS.get(i)).map_or_else(|| count(n), |w| (*w).to_owned())
}

/// "1 arrest" / "2 arrests": the count and the right form of the noun.
pub fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", count(n), if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_like_an_en_gb_newsroom() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1250), "1,250");
        assert_eq!(count(1_000_000), "1,000,000");
        assert_eq!(tick(2500.0), "2,500");
        assert_eq!(tick(0.5), "0.5");
        assert_eq!(tick(0.25), "0.25");
        assert_eq!(tick(-1.05), "−1.05");
        assert_eq!(tick(-2500.0), "−2,500");
        assert_eq!(tick(-0.001), "0");
        assert_eq!(tick(1234.5), "1,234.5");
        // The axis of the huge-counts fixture (tests/fixtures/huge-counts.json).
        assert_eq!(tick(1e16), "10,000,000,000,000,000");
        assert_eq!(tick(-2e15), "−2,000,000,000,000,000");
        assert_eq!(tick(4e19), "40,000,000,000,000,000,000");
        assert_eq!(percent(21.0 * 100.0 / 33.0), "64%");
        assert_eq!(ratio(33.0 / 17.0), "1.9");
        assert_eq!(ratio(1_000_019.5), "1,000,020");
        assert_eq!(ratio(2.0), "2.0");
        assert_eq!(ratio(0.04), "0.0");
        assert_eq!(ratio(9.96), "10.0");
        assert_eq!(words(4), "four");
        assert_eq!(words(12), "12");
        assert_eq!(plural(1, "raid", "raids"), "1 raid");
        assert_eq!(plural(17, "raid", "raids"), "17 raids");
    }
}
