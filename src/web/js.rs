//! Handing Rust values to JavaScript as plain objects.

use serde::Serialize;
use wasm_bindgen::JsValue;

/// `value` as a plain JS object (maps become objects, not `Map`s). A count beyond what a JS
/// number holds exactly (2⁵³) goes through JSON instead and arrives as the nearest number; the
/// texts that show it (labels, tables) are exact either way. `null` only if both fail.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .or_else(|_| {
            let text = serde_json::to_string(value).map_err(|_| JsValue::NULL)?;
            js_sys::JSON::parse(&text)
        })
        .unwrap_or(JsValue::NULL)
}
