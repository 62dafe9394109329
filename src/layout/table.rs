//! Each view as a data table with the same numbers, for screen readers and for the reader who
//! presses "Show data".

use serde::Serialize;

use super::View;
use crate::derive::Series;
use crate::format::count;
use crate::scene::ItemKind;

/// What a table row shows on the chart: datum `datum` of kind `kind`, the same pair the hit
/// index keeps for an item, so focusing the row can highlight the item that draws it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Link {
    /// The kind of datum.
    pub kind: ItemKind,
    /// The datum's index in the derived data of its kind.
    pub datum: usize,
}

/// A plain table: a caption, column headings and rows of cells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    /// What the table shows.
    pub caption: String,
    /// Column headings.
    pub columns: Vec<String>,
    /// Rows; the first cell of each is its heading.
    pub rows: Vec<Vec<String>>,
    /// How each column sorts, one letter a column: `o` by the rows' own order (time, or the
    /// stages' order), `n` by number, `t` by text.
    pub sort: &'static str,
    /// How many rows at the end are totals, which stay at the foot however the table is sorted.
    pub foot: usize,
    /// Each row's link to the chart's item, or `None` for a row with no mark (a total, the
    /// count of rows left out).
    pub links: Vec<Option<Link>>,
}

fn strings<const N: usize>(cells: [&str; N]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_owned()).collect()
}

/// The most rows a table holds. A table is for reading, and thousands of rows would cost
/// the page seconds of layout; longer ones keep their first and last rows (so the final
/// running totals stay) and say how many are left out between them.
pub const MAX_ROWS: usize = 400;

/// The table for `view`. Only the rows kept are written, so a long table costs no more than
/// a short one.
pub fn table(series: &Series, view: View) -> Table {
    match view {
        View::Summary => summary(series),
        View::Timeline => timeline(series),
        View::Cumulative => cumulative(series),
        View::Areas => areas(series),
    }
}

/// A table of `n` rows, row `i` written by `row(i)` and linked to the chart by `link(i)`;
/// past [`MAX_ROWS`] only the first and last rows are written, with a row saying how many are
/// left out between them.
fn build(
    caption: String,
    columns: Vec<String>,
    sort: &'static str,
    n: usize,
    row: impl Fn(usize) -> Vec<String>,
    link: &dyn Fn(usize) -> Option<Link>,
) -> Table {
    let (rows, links) = if n <= MAX_ROWS {
        ((0..n).map(&row).collect(), (0..n).map(link).collect())
    } else {
        let keep = MAX_ROWS / 2;
        let mut gap = vec![String::new(); columns.len()];
        if let Some(first) = gap.first_mut() {
            *first = format!("{} more rows not shown", count((n - 2 * keep) as u64));
        }
        let rows = (0..keep).map(&row).chain(std::iter::once(gap)).chain((n - keep..n).map(&row)).collect();
        let links = (0..keep).map(link).chain(std::iter::once(None)).chain((n - keep..n).map(link)).collect();
        (rows, links)
    };
    Table { caption, columns, rows, sort, foot: 0, links }
}

/// A link to datum `datum` of kind `kind`.
fn to(kind: ItemKind, datum: usize) -> Option<Link> {
    Some(Link { kind, datum })
}

fn summary(series: &Series) -> Table {
    let t = &series.totals;
    let stages = t.stages();
    build(
        format!("{}: raids, arrests and charges", series.title),
        strings(["Stage", "Number", "Reported", "Itemised in the data", "Not itemised", "Rate"]),
        "onnnnt",
        stages.len(),
        |i| {
            let Some(s) = stages.get(i) else { return Vec::new() };
            vec![
                s.stage.name().to_owned(),
                count(s.shown()),
                s.reported.map_or_else(|| "not given".to_owned(), count),
                count(s.itemised),
                count(s.not_itemised()),
                t.rate_text(s.stage).unwrap_or_default(),
            ]
        },
        &|i| to(ItemKind::Stage, i),
    )
}

/// The reporter's annotations as rows before a time view's own (which end with the final
/// totals): the time, then the note in the next column, so a label on the canvas also reaches
/// a screen reader.
fn with_notes(mut table: Table, series: &Series) -> Table {
    let notes = series.annotations.iter().map(|note| {
        let mut row = vec![String::new(); table.columns.len()];
        if let Some(cell) = row.get_mut(0) {
            *cell = note.time.label();
        }
        if let Some(cell) = row.get_mut(1) {
            *cell = format!("Note on the chart: {}", note.text);
        }
        row
    });
    table.rows.splice(0..0, notes);
    table.links.splice(0..0, (0..series.annotations.len()).map(|i| to(ItemKind::Annotation, i)));
    table
}

fn timeline(series: &Series) -> Table {
    with_notes(timeline_rows(series), series)
}

fn cumulative(series: &Series) -> Table {
    with_notes(cumulative_rows(series), series)
}

fn timeline_rows(series: &Series) -> Table {
    let tl = &series.timeline;
    build(
        format!("{}: raids in time order", series.title),
        strings(["Time", "Place", "Area", "Arrested", "Charged", "Seized"]),
        "ottnnt",
        tl.raids.len(),
        |i| {
            let Some(r) = tl.raids.get(i) else { return Vec::new() };
            vec![
                r.time.label(),
                r.place.as_deref().unwrap_or_default().to_owned(),
                tl.area(r).to_owned(),
                count(r.arrests),
                count(r.charged),
                r.seizures.join("; "),
            ]
        },
        &|i| to(ItemKind::Raid, i),
    )
}

fn cumulative_rows(series: &Series) -> Table {
    let c = &series.cumulative;
    build(
        format!("{}: running totals of arrests and charges", series.title),
        strings(["Time", "Arrested so far", "Charged so far", "What changed"]),
        "onnt",
        c.steps.len(),
        |i| {
            let Some(s) = c.steps.get(i) else { return Vec::new() };
            vec![s.time.label(), count(s.arrests), count(s.charged), c.change_texts(s).join("; ")]
        },
        &|i| to(ItemKind::Moment, i),
    )
}

fn areas(series: &Series) -> Table {
    let t = &series.totals;
    let rows = &series.areas.rows;
    // After the areas: what is not itemised by area, if anything, and the totals.
    let mut after: Vec<Vec<String>> = Vec::new();
    let missing = [t.raids, t.arrests, t.charged].map(|s| s.not_itemised());
    if missing.iter().any(|n| *n > 0) {
        after.push(vec!["Not itemised by area".to_owned(), count(missing[0]), count(missing[1]), count(missing[2])]);
    }
    after.push(vec!["Total".to_owned(), count(t.raids.shown()), count(t.arrests.shown()), count(t.charged.shown())]);
    let foot = after.len();
    let table = build(
        format!("{}: raids, arrests and charges by area", series.title),
        strings(["Area", "Raids", "Arrested", "Charged"]),
        "tnnn",
        rows.len() + foot,
        |i| match rows.get(i) {
            Some(r) => vec![r.name.clone(), count(r.raids), count(r.arrests), count(r.charged)],
            None => after.get(i - rows.len()).cloned().unwrap_or_default(),
        },
        &|i| if i < rows.len() { to(ItemKind::Area, i) } else { None },
    );
    Table { foot, ..table }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load;

    #[test]
    fn long_tables_keep_their_first_and_last_rows() {
        let events: Vec<String> = (0..1000)
            .map(|i| format!(r#"{{"type":"arrest","time":"2020-01-01T00:00:00Z","note":"{i}"}}"#).replace("00:00:00Z", &format!("{:02}:{:02}:00Z", i / 60 % 24, i % 60)))
            .collect();
        let doc = format!(r#"{{"version":1,"operation":{{"name":"Op"}},"events":[{}],"source":{{"name":"S"}}}}"#, events.join(","));
        let series = Series::from_operation(&load(&doc).expect("valid").operation);
        let t = table(&series, View::Cumulative);
        assert_eq!(t.rows.len(), MAX_ROWS + 1);
        assert!(t.rows.iter().any(|r| r.first().is_some_and(|c| c.ends_with("more rows not shown"))));
        assert_eq!(t.rows.last().and_then(|r| r.get(1)).map(String::as_str), Some("1,000"), "the final total stays");
        assert_eq!(t.links.len(), t.rows.len(), "a link per row");
        assert_eq!(t.links.get(MAX_ROWS / 2), Some(&None), "the gap row has no mark");
        let last = series.cumulative.steps.len() - 1;
        assert_eq!(t.links.last(), Some(&Some(Link { kind: ItemKind::Moment, datum: last })), "the last row is the last moment");
    }

    #[test]
    fn every_column_says_how_it_sorts_and_totals_stay_at_the_foot() {
        let doc = r#"{"version":1,"operation":{"name":"Op"},"events":[
            {"type":"raid","id":"a","time":"2020-01-01T06:00:00Z","area":"North"},
            {"type":"arrest","time":"2020-01-01T07:00:00Z","raid":"a","count":2}],
            "reported":{"arrests":3},"source":{"name":"S"}}"#;
        let series = Series::from_operation(&load(doc).expect("valid").operation);
        for view in View::ALL {
            let t = table(&series, view);
            assert_eq!(t.sort.len(), t.columns.len(), "{view}");
            assert!(t.sort.chars().all(|k| "ont".contains(k)), "{view}");
        }
        let areas = table(&series, View::Areas);
        assert_eq!(areas.foot, 2, "'Not itemised by area' and 'Total'");
        assert_eq!(areas.rows.last().and_then(|r| r.first()).map(String::as_str), Some("Total"));
        assert_eq!(table(&series, View::Timeline).foot, 0);
        assert_eq!(areas.links, [Some(Link { kind: ItemKind::Area, datum: 0 }), None, None], "totals have no mark");
    }
}
