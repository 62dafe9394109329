//! Fuzz target 3: pointer moves and key presses on arbitrary charts
//! (`operation_charts::testing::check_interaction`).
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| operation_charts::testing::check_interaction(bytes));
