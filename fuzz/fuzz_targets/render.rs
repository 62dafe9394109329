//! Fuzz target 2: an arbitrary operation → derive → layout → scene → paint into a recording
//! backend, every coordinate checked (`operation_charts::testing::check_render`).
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| operation_charts::testing::check_render(bytes));
