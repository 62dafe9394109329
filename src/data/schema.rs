//! The published JSON Schema of the data format, generated from the Rust types with `schemars`
//! so that the schema and the parser can never disagree (native builds only).
//!
//! `schema/operation.schema.json` is the committed copy; a test fails when it drifts from the
//! types. To accept an intended change, run `UPDATE_SCHEMA=1 cargo test schema`.

use super::model::Operation;

/// The JSON Schema of format version 1, pretty-printed, with a trailing newline.
///
/// The output is stable: object keys are sorted and no `$id` is set, so the file only changes
/// when the types do.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(Operation);
    let mut text = match serde_json::to_string_pretty(&schema) {
        Ok(text) => text,
        // A schema is plain JSON data; serialising it cannot fail, but never panic anyway.
        Err(e) => format!("{{\"$comment\": {:?}}}", e.to_string()),
    };
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    fn committed_path() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schema").join("operation.schema.json")
    }

    #[test]
    fn schema_file_matches_the_types() {
        let generated = super::schema_json();
        let path = committed_path();
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(&path, &generated).unwrap();
            return;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "{} differs from the schema generated from src/data/model.rs.\n\
             The data format is public: change it only by adding optional fields.\n\
             If the change is intended, run `UPDATE_SCHEMA=1 cargo test schema` and commit the file.",
            path.display()
        );
    }

    #[test]
    fn schema_is_stable_and_has_no_id() {
        let text = super::schema_json();
        assert_eq!(text, super::schema_json());
        assert!(text.ends_with("}\n"));
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(value.get("$id").is_none());
        assert_eq!(value["title"], "Operation data, format version 1");
    }
}
