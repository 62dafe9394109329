//! Handing Rust values to JavaScript as plain objects.

use serde::Serialize;
use wasm_bindgen::JsValue;

/// `value` as a plain JS object (maps become objects, not `Map`s); `null` if it cannot be.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}
