//! The sentence that tells a keyboard or screen-reader user how to use a chart, written by the
//! core (with its item count and what its groups are called) so the glue holds no copy of the
//! key mapping.

use crate::format::count;

/// How to move through a chart of `items` items whose groups (see [`super::keyboard`]) are
/// called `groups` ("lanes", "series"; `None` when there is one group), and where its
/// numbers are as a table.
pub fn keyboard_hint(items: usize, groups: Option<&str>) -> String {
    const TABLE: &str = "The Show data button gives a table of the numbers.";
    let up = match groups {
        Some(g) => format!("Up to the {g} and then to the summary"),
        None => "Up to the summary".to_owned(),
    };
    match items {
        0 => TABLE.to_owned(),
        n => format!(
            "Arrow keys move between the {} {} of the chart: Left and Right among neighbours, {up}, Down or Enter back in; Home and End go to the first and last; Escape closes the details. {TABLE}",
            count(n as u64),
            if n == 1 { "item" } else { "items" },
        ),
    }
}

/// The short text of the visible hint a keyboard user sees on first focus.
pub fn keyboard_cue(items: usize, groups: Option<&str>) -> String {
    match (items, groups) {
        (0, _) => String::new(),
        (_, Some(g)) => format!("Arrows move; Up for {g} and summary; Enter to go in; Esc to close"),
        (_, None) => "Arrows move; Up for the summary; Enter to go in; Esc to close".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_how_many_items_the_keys_reach_and_what_up_reaches() {
        assert_eq!(keyboard_hint(0, None), "The Show data button gives a table of the numbers.");
        assert!(keyboard_hint(1, None).starts_with("Arrow keys move between the 1 item of the chart: Left and Right among neighbours, Up to the summary,"));
        assert!(keyboard_hint(12_345, Some("lanes")).starts_with("Arrow keys move between the 12,345 items of the chart: Left and Right among neighbours, Up to the lanes and then to the summary,"));
        assert_eq!(keyboard_cue(3, Some("lanes")), "Arrows move; Up for lanes and summary; Enter to go in; Esc to close");
        assert_eq!(keyboard_cue(0, None), "");
    }
}
