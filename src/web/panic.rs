//! What a panic leaves behind for the glue. The release build aborts on panic, which traps the
//! one wasm instance every chart on the page shares; the glue then rebuilds the instance from
//! the module it already compiled (`src/web/js/engine.js`). Before it does, it asks the trapped
//! instance, once, for the panic's message, which the hook installed here has kept.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

thread_local! {
    /// The message of the last panic, until the glue takes it.
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs the panic hook when the instance starts (every instance: the first, and each one
/// rebuilt after a panic).
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        // "panicked at src/…:12:5:\n<message>", on one line for the console and the alert.
        let message = info.to_string().replace('\n', " ");
        LAST.with(|last| {
            if let Ok(mut last) = last.try_borrow_mut() {
                *last = Some(message);
            }
        });
    }));
}

/// The message of the panic that stopped this instance, once (then nothing), for the console.
#[wasm_bindgen(js_name = takePanic)]
pub fn take_panic() -> Option<String> {
    LAST.with(|last| last.try_borrow_mut().ok().and_then(|mut last| last.take()))
}
