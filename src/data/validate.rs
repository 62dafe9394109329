//! Parsing and validation (placeholder, being written).

use super::problem::{Checked, Problem, Report};

/// Reads and checks a JSON document. Never panics.
pub fn load(text: &str) -> Result<Checked, Report> {
    match serde_json::from_str(text) {
        Ok(operation) => Ok(Checked { operation, warnings: Vec::new() }),
        Err(e) => Err(Report { errors: vec![Problem::new("$", e.to_string())], warnings: Vec::new() }),
    }
}
