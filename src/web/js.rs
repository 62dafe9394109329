//! The one way values cross into JavaScript: as JSON text, which the glue reads with
//! `JSON.parse`. One string crosses the boundary in one copy, however many fields it holds, and
//! the core needs no second serialiser for JS objects.

use serde::Serialize;

/// `value` as JSON text; `"null"` if it cannot be written (no type in this crate fails).
/// Counts beyond 2⁵³ reach JavaScript as the nearest number; the texts that show them (labels,
/// tables) are exact.
pub(crate) fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned())
}
