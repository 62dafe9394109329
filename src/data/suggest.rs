//! "Did you mean …?": the closest known name to a misspelt one, by edit distance with adjacent
//! letters swapped counting as one edit (`strsim::osa_distance`).

/// Beyond this many candidates no suggestion is looked for, so that a pathological document
/// (say, a million bad references to a million raids) stays linear to check.
const MAX_CANDIDATES: usize = 10_000;

/// Names longer than this are not compared (edit distance costs the product of the lengths).
const MAX_NAME_CHARS: usize = 64;

/// The candidate closest to `found`, if one is close enough to be a plausible typo: at most
/// one edit for short names, about one edit in three for longer ones, and only a difference
/// of case for names under three letters. ASCII case is ignored (full Unicode case folding
/// would add its tables to the wasm for a hint).
pub(crate) fn closest<'a, I>(found: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    if found.chars().count() > MAX_NAME_CHARS {
        return None;
    }
    let found_lower = found.to_ascii_lowercase();
    let length = found_lower.chars().count();
    // Very short names differ in every letter after one edit: only case is forgiven there.
    let allowed = if length < 3 { 0 } else { (length / 3).max(1) };
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates.into_iter().take(MAX_CANDIDATES) {
        if candidate == found || candidate.chars().nth(MAX_NAME_CHARS).is_some() {
            continue;
        }
        let distance = strsim::osa_distance(&found_lower, &candidate.to_ascii_lowercase());
        if distance <= allowed && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggests_close_names_only() {
        let fields = ["type", "id", "time", "place", "area", "note"];
        assert_eq!(closest("palce", fields), Some("place"));
        assert_eq!(closest("Place", fields), Some("place"));
        assert_eq!(closest("tiem", fields), Some("time"));
        assert_eq!(closest("colur", fields), None);
        assert_eq!(closest("", fields), None);
        assert_eq!(closest("b", ["a"]), None);
        assert_eq!(closest("ID", fields), Some("id"));
        assert_eq!(closest("arest", ["raid", "arrest", "charge", "seizure"]), Some("arrest"));
        assert_eq!(closest("orchard-sf", ["orchard-st", "derby-st"]), Some("orchard-st"));
        let long = "x".repeat(65);
        assert_eq!(closest(&long, [long.as_str()]), None);
        assert_eq!(closest(&format!("{long}y"), [long.as_str()]), None);
    }
}
