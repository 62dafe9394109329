//! Numbers as an en-GB reader expects them: "1,250", "64%", "1.9", "four".

/// A whole number with thousands separators: `1250` → "1,250".
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A tick value: whole numbers with separators, others with up to two decimals.
pub fn tick(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let s = count(v.abs() as u64);
        if v < 0.0 { format!("−{s}") } else { s }
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// A percentage rounded to a whole number: `63.6` → "64%".
pub fn percent(p: f64) -> String {
    format!("{}%", p.round() as i64)
}

/// A ratio with one decimal: `1.94` → "1.9"; from 1,000 up, a whole number with
/// separators: "1,000,020".
pub fn ratio(r: f64) -> String {
    if r.is_finite() && r.abs() >= 1000.0 {
        tick(r.round())
    } else {
        format!("{r:.1}")
    }
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
        assert_eq!(percent(21.0 * 100.0 / 33.0), "64%");
        assert_eq!(ratio(33.0 / 17.0), "1.9");
        assert_eq!(ratio(1_000_019.5), "1,000,020");
        assert_eq!(words(4), "four");
        assert_eq!(words(12), "12");
        assert_eq!(plural(1, "raid", "raids"), "1 raid");
        assert_eq!(plural(17, "raid", "raids"), "17 raids");
    }
}
