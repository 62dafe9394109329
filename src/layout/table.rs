//! Each view as a data table with the same numbers, for screen readers and for the reader who
//! presses "Show data".

use serde::Serialize;

use super::View;
use crate::derive::{Series, StageCount};
use crate::format::{count, percent, ratio};

/// A plain table: a caption, column headings and rows of cells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    /// What the table shows.
    pub caption: String,
    /// Column headings.
    pub columns: Vec<String>,
    /// Rows; the first cell of each is its heading.
    pub rows: Vec<Vec<String>>,
}

fn strings<const N: usize>(cells: [&str; N]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_owned()).collect()
}

/// The table for `view`.
pub fn table(series: &Series, view: View) -> Table {
    match view {
        View::Summary => summary(series),
        View::Timeline => timeline(series),
        View::Cumulative => cumulative(series),
        View::Areas => areas(series),
    }
}

fn summary(series: &Series) -> Table {
    let t = &series.totals;
    let rate = |s: &StageCount| match s.stage {
        crate::derive::Stage::Raids => String::new(),
        crate::derive::Stage::Arrests => t.arrests_per_raid().map(|r| format!("{} per raid", ratio(r))).unwrap_or_default(),
        crate::derive::Stage::Charged => t.charged_percent().map(|p| format!("{} of those arrested", percent(p))).unwrap_or_default(),
    };
    Table {
        caption: format!("{}: raids, arrests and charges", series.title),
        columns: strings(["Stage", "Number", "Itemised in the data", "Not itemised", "Rate"]),
        rows: t
            .stages()
            .iter()
            .map(|s| vec![s.stage.name().to_owned(), count(s.shown()), count(s.itemised), count(s.not_itemised()), rate(s)])
            .collect(),
    }
}

fn timeline(series: &Series) -> Table {
    Table {
        caption: format!("{}: raids in time order", series.title),
        columns: strings(["Time", "Place", "Area", "Arrested", "Charged", "Seized"]),
        rows: series
            .timeline
            .raids
            .iter()
            .map(|r| {
                vec![
                    r.time.label(),
                    r.place.clone().unwrap_or_default(),
                    r.area.clone(),
                    count(r.arrests),
                    count(r.charged),
                    r.seizures.join("; "),
                ]
            })
            .collect(),
    }
}

fn cumulative(series: &Series) -> Table {
    Table {
        caption: format!("{}: running totals of arrests and charges", series.title),
        columns: strings(["Time", "Arrested so far", "Charged so far", "What changed"]),
        rows: series
            .cumulative
            .steps
            .iter()
            .map(|s| vec![s.time.label(), count(s.arrests), count(s.charged), s.changes.join("; ")])
            .collect(),
    }
}

fn areas(series: &Series) -> Table {
    let t = &series.totals;
    let mut rows: Vec<Vec<String>> = series
        .areas
        .rows
        .iter()
        .map(|r| vec![r.name.clone(), count(r.raids), count(r.arrests), count(r.charged)])
        .collect();
    let missing = [t.raids, t.arrests, t.charged].map(|s| s.not_itemised());
    if missing.iter().any(|n| *n > 0) {
        rows.push(vec!["Not itemised by area".to_owned(), count(missing[0]), count(missing[1]), count(missing[2])]);
    }
    rows.push(vec!["Total".to_owned(), count(t.raids.shown()), count(t.arrests.shown()), count(t.charged.shown())]);
    Table { caption: format!("{}: raids, arrests and charges by area", series.title), columns: strings(["Area", "Raids", "Arrested", "Charged"]), rows }
}
