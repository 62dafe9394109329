//! The sentence that tells a keyboard or screen-reader user how to use a chart, written by the
//! core (with its item count) so the glue holds no copy of the key mapping.

use crate::format::count;

/// How to move through a chart of `items` items, and where its numbers are as a table.
pub fn keyboard_hint(items: usize) -> String {
    const TABLE: &str = "The Show data button gives a table of the numbers.";
    match items {
        0 => TABLE.to_owned(),
        n => format!(
            "Arrow keys move between the {} {} of the chart; Home and End go to the first and last; Escape closes the details. {TABLE}",
            count(n as u64),
            if n == 1 { "item" } else { "items" },
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_how_many_items_the_keys_reach() {
        assert_eq!(keyboard_hint(0), "The Show data button gives a table of the numbers.");
        assert!(keyboard_hint(1).starts_with("Arrow keys move between the 1 item of the chart;"));
        assert!(keyboard_hint(12_345).starts_with("Arrow keys move between the 12,345 items of the chart;"));
    }
}
