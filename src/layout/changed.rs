//! What an update changed, item by item: the items of a view that read differently from
//! every item the previous data showed in the same view (a new raid, a raid with more people
//! arrested, a running total that moved), so the page can mark them until the reader has seen
//! them.
//!
//! Two items are the same when their tooltip text is the same: that text is what a reader
//! would read, and it holds every number the item shows. A moment of the running totals is
//! the exception: one arrest added on Tuesday moves every later "so far", so a moment is
//! compared by when it is, its series and what happened then, not by the totals so far. Only
//! small charts are compared (see [`MAX_COMPARED`]): a live story's update is a few events, and
//! comparing writes every item's text once.

use foldhash::{HashMap, HashMapExt};

use super::describe;
use crate::derive::Series;
use crate::scene::{ItemKind, Scene};

/// What must differ for item `index` of `scene` to count as changed: its text, or for a
/// moment of the running totals, when it is, its series and what happened then.
fn identity(series: &Series, scene: &Scene, index: usize) -> Option<String> {
    let target = scene.hit.target(index)?;
    match target.kind {
        ItemKind::Moment => {
            let c = &series.cumulative;
            let step = c.steps.get(target.datum as usize)?;
            Some(format!("{}|{}|{}", step.time.as_str(), target.lane, c.change_texts(step).join("|")))
        }
        _ => describe(series, scene, index).map(|item| item.label),
    }
}

/// Past this many items in either scene nothing is compared, and nothing is marked.
pub const MAX_COMPARED: usize = 2_000;

/// The indices of the items of `scene` (laid out from `series`) whose text matches no item
/// of `before` (the same view laid out from `previous`, the data shown before the update), in
/// reading order. Empty when either scene has more than [`MAX_COMPARED`] items.
pub fn changed_items(previous: &Series, before: &Scene, series: &Series, scene: &Scene) -> Vec<usize> {
    if before.hit.len() > MAX_COMPARED || scene.hit.len() > MAX_COMPARED {
        return Vec::new();
    }
    let before: Vec<String> = (0..before.hit.len()).filter_map(|i| identity(previous, before, i)).collect();
    // Keyed as the derive stage keys names, so no second kind of hash table is built in.
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(before.len());
    seen.extend(before.iter().map(|s| (s.as_str(), 0)));
    (0..scene.hit.len()).filter(|i| identity(series, scene, *i).is_some_and(|l| !seen.contains_key(l.as_str()))).collect()
}
