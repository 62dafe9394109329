//! Putting things in order, one way for the whole core: `(key, index)` pairs sorted by the key
//! and then the index, so equal keys keep the order of their indices (a stable sort by key,
//! when the indices count up in the original order).
//!
//! Every sort of numbers in the core goes through [`by_key`]: each `sort_by` with its own
//! closure and element type is a copy of the standard library's sort in the wasm (1–5 KB each).

/// Sorts `(key, index)` pairs by key (`f64::total_cmp`: NaN last), then by index.
///
/// The stable sort, though the index already breaks every tie: the widget's std is built with
/// `optimize_for_size` (`scripts/build.sh`), where the unstable sort is a heapsort, slow over
/// the hundreds of thousands of pairs at the format's limit, and the stable sort a small merge
/// sort that is not.
pub(crate) fn by_key(pairs: &mut [(f64, u32)]) {
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
}

/// A position in a list as the `u32` index [`by_key`] sorts; documents hold at most
/// 1,000,000 events, so a position never reaches `u32::MAX` (which would only tie-break last).
pub(crate) fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_keep_the_order_of_their_indices() {
        let mut pairs = vec![(2.0, 0), (1.0, 1), (2.0, 2), (f64::NAN, 3), (1.0, 4), (-0.5, 5)];
        by_key(&mut pairs);
        let order: Vec<u32> = pairs.iter().map(|p| p.1).collect();
        assert_eq!(order, [5, 1, 4, 0, 2, 3]);
    }
}
