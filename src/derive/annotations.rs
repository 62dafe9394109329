//! The annotations a reporter adds to the time views, placed on the shared time axis and put
//! in time order (equal times keep the order they were written in).

use super::Clock;
use crate::data::{EventTime, Operation};
use crate::order;

/// One annotation, ready to place.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnotationMark {
    /// When, as written.
    pub time: EventTime,
    /// Its position on the time axis, in seconds (see [`Clock::seconds`]).
    pub seconds: f64,
    /// The label.
    pub text: String,
}

/// The operation's annotations in time order.
pub fn annotation_marks(op: &Operation, clock: &Clock) -> Vec<AnnotationMark> {
    let mut keyed: Vec<(f64, u32)> = op.annotations.iter().enumerate().map(|(i, a)| (clock.seconds(&a.time), order::index(i))).collect();
    order::by_key(&mut keyed);
    keyed
        .into_iter()
        .filter_map(|(seconds, i)| op.annotations.get(i as usize).map(|a| AnnotationMark { time: a.time.clone(), seconds, text: a.text.clone() }))
        .collect()
}

/// The earliest and latest of `span` and the annotations' times: the axis a time view needs to
/// show both its data and its annotations.
pub fn span_with(span: (f64, f64), marks: &[AnnotationMark]) -> (f64, f64) {
    marks.iter().filter(|m| m.seconds.is_finite()).fold(span, |(lo, hi), m| (lo.min(m.seconds), hi.max(m.seconds)))
}
