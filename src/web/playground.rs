//! What only the newsroom playground's own wasm build exposes (cargo feature `playground`,
//! never the widget's): the spreadsheet import of `operation-charts import` and the SVG export
//! of `operation-charts render --format svg`, the same Rust code as the command-line tool.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use super::js::to_json;
use crate::data::{self, Reported};
use crate::derive::Series;
use crate::export;
use crate::import::{self, Details, Located};
use crate::layout::{Theme, View};

/// The details a CSV has no place for, as the playground's form gives them (JSON). An empty
/// text is the same as none, as an option left off the command line.
#[derive(Debug, Default, Deserialize)]
struct FormDetails {
    #[serde(default)]
    name: String,
    #[serde(default)]
    agency: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    reported: Reported,
}

/// A text given, trimmed; none when it is empty.
fn given(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}

impl From<FormDetails> for Details {
    fn from(form: FormDetails) -> Self {
        Details {
            name: form.name.trim().to_owned(),
            agency: given(form.agency),
            title: given(form.title),
            source: given(form.source),
            reported: form.reported,
        }
    }
}

/// What `importCsv` returns: the document (one event per line), or none, and every problem
/// as the command-line tool prints it.
#[derive(Serialize)]
struct ImportAnswer {
    ok: bool,
    document: Option<String>,
    errors: Vec<String>,
    warnings: Vec<String>,
}

fn placed(problems: &[Located], file: &str) -> Vec<String> {
    problems.iter().map(|p| p.with_file(file)).collect()
}

/// Makes the CSV `csv` (named `file` in messages, e.g. `events.csv`) and the details (JSON
/// text of `{ name, agency?, title?, source?, reported?: { raids?, arrests?, charged? } }`)
/// into a document, exactly as `operation-charts import` does. Returns the JSON text of `{ ok,
/// document, errors, warnings }`, each problem worded as the tool prints it
/// (`events.csv:5: column "time": …`).
#[wasm_bindgen(js_name = importCsv)]
pub fn import_csv(csv: &[u8], file: &str, details: &str) -> String {
    let form: FormDetails = match serde_json::from_str(details) {
        Ok(form) => form,
        Err(e) => {
            return to_json(&ImportAnswer { ok: false, document: None, errors: vec![format!("details: {e}")], warnings: Vec::new() })
        }
    };
    let answer = match import::import_csv(csv, &form.into()) {
        Ok(imported) => ImportAnswer {
            ok: true,
            document: Some(imported.to_json()),
            errors: Vec::new(),
            warnings: placed(&imported.warnings, file),
        },
        Err(rejected) => ImportAnswer {
            ok: false,
            document: None,
            errors: placed(&rejected.errors, file),
            warnings: placed(&rejected.warnings, file),
        },
    };
    to_json(&answer)
}

/// Draws `view` of the JSON document `json` as an SVG document `width` CSS px wide in the
/// `theme` (`light` or `dark`), exactly as `operation-charts render --format svg` does. Fails
/// with the first problem when the document is invalid.
#[wasm_bindgen(js_name = renderSvg)]
pub fn render_svg(json: &str, view: &str, width: u32, theme: &str) -> Result<String, JsError> {
    let view: View = view.parse().map_err(|e: <View as std::str::FromStr>::Err| JsError::new(&e.to_string()))?;
    let operation = match data::load(json) {
        Ok(checked) => checked.operation,
        Err(report) => {
            let first = report.errors.first().map(|p| format!("{}: {}", p.path, p.message)).unwrap_or_default();
            return Err(JsError::new(&format!("the document is invalid: {first}")));
        }
    };
    let series = Series::from_operation(&operation);
    export::render_svg(&series, view, width, None, &Theme::named(theme)).map_err(|e| JsError::new(&e.to_string()))
}
