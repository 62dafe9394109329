//! Fuzz target 1: any bytes → load and validate (`operation_charts::testing::check_load`).
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| operation_charts::testing::check_load(bytes));
