//! The command-line tool run as a program, as a person runs it: arguments, standard input,
//! environment and working folder in; exit status, stdout and stderr out.

#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// The `operation-charts` binary cargo built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_operation-charts");

/// Runs the tool with `args`, feeding `stdin` when given, with the extra environment `env`,
/// in the folder `dir` (the test's own when `None`).
pub fn run_in(dir: Option<&Path>, args: &[&str], stdin: Option<&[u8]>, env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(BIN);
    command.args(args).envs(env.iter().copied()).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    let mut child = command.spawn().expect("the tool starts");
    let mut input = child.stdin.take().expect("a stdin pipe");
    if let Some(bytes) = stdin {
        // The tool may stop reading early (the size limit); a broken pipe then is fine.
        let _ = input.write_all(bytes);
    }
    drop(input);
    child.wait_with_output().expect("the tool finishes")
}

/// Each line the tool wrote to stdout.
pub fn stdout_lines(output: &Output) -> Vec<String> {
    String::from_utf8_lossy(&output.stdout).lines().map(str::to_owned).collect()
}

/// Each line the tool wrote to stderr.
pub fn stderr_lines(output: &Output) -> Vec<String> {
    String::from_utf8_lossy(&output.stderr).lines().map(str::to_owned).collect()
}
