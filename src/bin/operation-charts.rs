//! `operation-charts`: the command-line tool, built from the same Rust core as the widget, for
//! newsroom pipelines.
//!
//! ```text
//! operation-charts validate [FILE|-]   # exit 0 valid, 1 invalid, 2 usage or I/O error
//! operation-charts schema              # the JSON Schema of the data format (used by the build)
//! ```
//!
//! Without `FILE`, the bundled Operation Cayman dataset is used.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use operation_charts::data::{self, limits, Problem};

/// The bundled dataset, used when no file is given.
const BUNDLED: &str = include_str!("../../www/data/operation-cayman.json");

/// Exit status for a valid document.
const EXIT_VALID: u8 = 0;
/// Exit status for an invalid document.
const EXIT_INVALID: u8 = 1;
/// Exit status for usage and I/O errors (clap uses 2 for usage errors too).
const EXIT_TROUBLE: u8 = 2;

/// Charts of police operations (raids, arrests, charges), from operation data JSON.
#[derive(Debug, Parser)]
#[command(name = "operation-charts", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check operation data. Prints one "path: message" line per error, then one
    /// "warning: path: message" line per warning; exits 0 if valid, 1 if invalid.
    Validate {
        /// The JSON file, or "-" for standard input. Without it, the bundled Operation Cayman
        /// dataset is checked.
        file: Option<PathBuf>,
    },
    /// Print the JSON Schema of the data format.
    #[command(hide = true)]
    Schema,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let status = match cli.command {
        Command::Validate { file } => validate(file.as_deref()),
        Command::Schema => schema(),
    };
    ExitCode::from(status)
}

/// `validate`: problems to standard output, a one-line summary to standard error.
fn validate(file: Option<&Path>) -> u8 {
    let input = match Input::read(file) {
        Ok(input) => input,
        Err(message) => {
            eprintln!("operation-charts: {message}");
            return EXIT_TROUBLE;
        }
    };
    let (errors, warnings) = match input.content {
        Content::TooLarge(problem) => (vec![problem], Vec::new()),
        Content::Bytes(bytes) => match data::load_bytes(&bytes) {
            Ok(checked) => (Vec::new(), checked.warnings),
            Err(report) => (report.errors, report.warnings),
        },
    };
    let mut out = io::stdout().lock();
    // A closed pipe (`| head`) is not worth a panic; the exit status still tells.
    let _ = print_problems(&mut out, &errors, &warnings);
    let verdict = if errors.is_empty() { "valid" } else { "invalid" };
    eprintln!(
        "{}: {verdict}, {} error{}, {} warning{}",
        input.name,
        errors.len(),
        plural(errors.len()),
        warnings.len(),
        plural(warnings.len())
    );
    if errors.is_empty() {
        EXIT_VALID
    } else {
        EXIT_INVALID
    }
}

fn print_problems(out: &mut impl Write, errors: &[Problem], warnings: &[Problem]) -> io::Result<()> {
    for error in errors {
        writeln!(out, "{error}")?;
    }
    for warning in warnings {
        writeln!(out, "warning: {warning}")?;
    }
    out.flush()
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// `schema`: the JSON Schema, exactly as committed in `schema/operation.schema.json`.
fn schema() -> u8 {
    let mut out = io::stdout().lock();
    match out.write_all(data::schema::schema_json().as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => EXIT_VALID,
        Err(e) => {
            eprintln!("operation-charts: cannot write the schema: {e}");
            EXIT_TROUBLE
        }
    }
}

/// A document to read: a file, standard input, or the bundled dataset.
struct Input {
    /// How to name it in messages.
    name: String,
    /// What was read.
    content: Content,
}

/// The bytes of a document, or the size error for one too large to read in.
enum Content {
    /// The whole document, within the size limit.
    Bytes(Vec<u8>),
    /// The document is over the size limit; it was not kept in memory.
    TooLarge(Problem),
}

impl Input {
    /// Reads `file` (`-` for standard input), or the bundled dataset when there is none.
    fn read(file: Option<&Path>) -> Result<Self, String> {
        match file {
            None => Ok(Self {
                name: "bundled operation-cayman.json".to_owned(),
                content: Content::Bytes(BUNDLED.as_bytes().to_vec()),
            }),
            Some(path) if path == Path::new("-") => {
                let content = read_bounded(io::stdin().lock(), "standard input")?;
                Ok(Self { name: "-".to_owned(), content })
            }
            Some(path) => {
                let name = path.display().to_string();
                let file = File::open(path).map_err(|e| format!("cannot open {name}: {e}"))?;
                let content = read_bounded(file, &name)?;
                Ok(Self { name, content })
            }
        }
    }
}

/// Reads at most the size limit (and one byte more, so that an oversized document is
/// reported as such, with its real size, without holding it all in memory).
fn read_bounded(mut reader: impl Read, name: &str) -> Result<Content, String> {
    let cap = limits::MAX_DOCUMENT_BYTES;
    let mut bytes = Vec::new();
    let mut head = (&mut reader).take(u64::try_from(cap).unwrap_or(u64::MAX).saturating_add(1));
    head.read_to_end(&mut bytes).map_err(|e| format!("cannot read {name}: {e}"))?;
    if bytes.len() > cap {
        let rest = io::copy(&mut reader, &mut io::sink()).map_err(|e| format!("cannot read {name}: {e}"))?;
        let total = usize::try_from(rest).unwrap_or(usize::MAX).saturating_add(bytes.len());
        if let Some(problem) = limits::check_document_size(total) {
            return Ok(Content::TooLarge(problem));
        }
    }
    Ok(Content::Bytes(bytes))
}
