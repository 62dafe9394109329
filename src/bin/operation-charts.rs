//! `operation-charts`: the command-line tool, built from the same Rust core as the widget, for
//! newsroom pipelines.
//!
//! ```text
//! operation-charts validate [FILE|-]   # exit 0 valid, 1 invalid, 2 usage or I/O error
//! operation-charts render [FILE|-] --view V --format svg|png [--width W] [--height H]
//!                  [--theme light|dark] [--scale S] [--text-scale T] -o OUT|-
//!                                      # exit 0 drawn, 1 invalid data, 2 usage, I/O or drawing error
//! operation-charts import FILE.csv --name NAME [--agency A] [--title T] [--source S]
//!                  [--reported-raids N] [--reported-arrests N] [--reported-charged N] [-o OUT|-]
//!                                      # exit 0 written, 1 invalid data, 2 usage or I/O error;
//!                                      # --agency or --source (or both) must be given
//! operation-charts schema              # the JSON Schema of the data format (used by the build)
//! ```
//!
//! Without `FILE`, the bundled Operation Cayman dataset is used. `render` draws the same chart the
//! widget draws (same layout code, plotters' SVG backend); PNG is that SVG rasterised by resvg
//! with the system's fonts, `--scale` device pixels per CSS px (default 2). Its problems with the
//! data go to standard error, as `validate` prints them, since standard output may be the image.
//! `import` makes a document from a spreadsheet's CSV of events (see `operation_charts::import`);
//! its problems go to standard error as `events.csv:LINE: column "time": message`.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use operation_charts::data::{self, limits, Problem};
use operation_charts::derive::Series;
use operation_charts::export;
use operation_charts::import::{self, Details, Located};
use operation_charts::layout::{self, Theme, View};

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
    /// Draw one view of operation data as an SVG or PNG image, the chart the widget draws.
    ///
    /// Exits 0 when the image is written; 1 if the data is invalid (one "path: message" line
    /// per error on standard error, as `validate` prints them, and no image); 2 on usage, I/O or
    /// drawing errors. Data warnings go to standard error as "warning: path: message" lines and
    /// do not stop the drawing.
    Render(RenderArgs),
    /// Make an operation data document from a spreadsheet's events, saved as CSV.
    ///
    /// The CSV's header row names event fields (type, time, id, raid, count, offence, item,
    /// place, area, note) in any order; each further row is one event, and an empty cell leaves
    /// its field out. "," and ";" separators are both read. Exits 0 when the document is
    /// written; 1 if the data is invalid (one "events.csv:LINE: column \"time\": message" line
    /// per problem on standard error, and no document); 2 on usage or I/O errors.
    Import(ImportArgs),
    /// Print the JSON Schema of the data format.
    #[command(hide = true)]
    Schema,
}

/// The smallest and largest chart sides, in CSS px, as the layout accepts them.
const MIN_SIDE: i64 = layout::SIZE_LIMITS.0 as i64;
const MAX_SIDE: i64 = layout::SIZE_LIMITS.1 as i64;

#[derive(Debug, clap::Args)]
struct RenderArgs {
    /// The JSON file, or "-" for standard input. Without it, the bundled Operation Cayman
    /// dataset is drawn.
    file: Option<PathBuf>,
    /// Which chart to draw.
    #[arg(long, value_enum)]
    view: ViewArg,
    /// The image format.
    #[arg(long, value_enum)]
    format: Format,
    /// Width in CSS px.
    #[arg(long, default_value_t = 640, value_parser = clap::value_parser!(u32).range(MIN_SIDE..=MAX_SIDE))]
    width: u32,
    /// Height in CSS px [default: the view's preferred height at this width].
    #[arg(long, value_parser = clap::value_parser!(u32).range(MIN_SIDE..=MAX_SIDE))]
    height: Option<u32>,
    /// The colour theme.
    #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
    theme: ThemeArg,
    /// PNG only: device pixels per CSS px, so the image is width×scale by height×scale pixels
    /// (2 is crisp on high-density "retina" screens; 1 for the CSS size exactly). Above 0, at
    /// most 8.
    #[arg(long, default_value_t = 2.0, value_parser = parse_scale)]
    scale: f32,
    /// Text this many times its default size, as in a page whose reader's font size is
    /// 16 px × T (2 for 32 px); the chart grows taller to hold it. From 0.75 to 3.
    #[arg(long, default_value_t = 1.0, value_parser = parse_text_scale)]
    text_scale: f64,
    /// Where to write the image, or "-" for standard output.
    #[arg(short = 'o', value_name = "OUT")]
    output: PathBuf,
}

#[derive(Debug, clap::Args)]
struct ImportArgs {
    /// The CSV file, or "-" for standard input.
    file: PathBuf,
    /// The operation's name, e.g. "Operation Cayman".
    #[arg(long)]
    name: String,
    /// The agency that ran it, e.g. "Norfolk Constabulary"; also the credit line when there is
    /// no --source (needed unless --source is given).
    #[arg(long, required_unless_present = "source")]
    agency: Option<String>,
    /// The chart's title [default: derived from the operation's name].
    #[arg(long)]
    title: Option<String>,
    /// The credit line: where the numbers come from, e.g. "Eastern Daily Press".
    #[arg(long)]
    source: Option<String>,
    /// The number of raids, as officially reported.
    #[arg(long, value_name = "N")]
    reported_raids: Option<u64>,
    /// The number of people arrested, as officially reported.
    #[arg(long, value_name = "N")]
    reported_arrests: Option<u64>,
    /// The number of people charged, as officially reported.
    #[arg(long, value_name = "N")]
    reported_charged: Option<u64>,
    /// Where to write the document, or "-" for standard output [default: standard output].
    #[arg(short = 'o', value_name = "OUT")]
    output: Option<PathBuf>,
}

impl ImportArgs {
    /// What the document says besides its events.
    fn details(&self) -> Details {
        Details {
            name: self.name.clone(),
            agency: self.agency.clone(),
            title: self.title.clone(),
            source: self.source.clone(),
            reported: data::Reported {
                raids: self.reported_raids,
                arrests: self.reported_arrests,
                charged: self.reported_charged,
            },
        }
    }
}

/// `--view`, named as in the embed contract.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum ViewArg {
    /// Raids → arrests → charged, as a funnel.
    Summary,
    /// Each raid on a time axis, one lane per area.
    Timeline,
    /// Running totals of arrests and charges.
    Cumulative,
    /// Arrests and charges per area.
    Areas,
}

impl From<ViewArg> for View {
    fn from(view: ViewArg) -> Self {
        match view {
            ViewArg::Summary => View::Summary,
            ViewArg::Timeline => View::Timeline,
            ViewArg::Cumulative => View::Cumulative,
            ViewArg::Areas => View::Areas,
        }
    }
}

/// `--format`.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    /// Scalable vector graphics, text as text.
    Svg,
    /// A raster image (text drawn with the system's fonts).
    Png,
}

/// `--theme`.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum ThemeArg {
    /// Dark text on white.
    Light,
    /// Light text on a dark background.
    Dark,
}

impl ThemeArg {
    fn theme(self) -> Theme {
        match self {
            ThemeArg::Light => Theme::light(),
            ThemeArg::Dark => Theme::dark(),
        }
    }
}

fn parse_scale(s: &str) -> Result<f32, String> {
    let scale: f32 = s.trim().parse().map_err(|_| format!("expected a number, found {s:?}"))?;
    if scale.is_finite() && scale > 0.0 && scale <= export::MAX_SCALE {
        Ok(scale)
    } else {
        Err(format!("expected a number above 0 and at most {}, found {s}", export::MAX_SCALE))
    }
}

fn parse_text_scale(s: &str) -> Result<f64, String> {
    let (least, most) = layout::theme::TEXT_SCALE_LIMITS;
    match s.trim().parse::<f64>() {
        Ok(scale) if (least..=most).contains(&scale) => Ok(scale),
        _ => Err(format!("expected a number from {least} to {most}, found {s:?}")),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let status = match cli.command {
        Command::Validate { file } => validate(file.as_deref()),
        Command::Render(args) => render(&args),
        Command::Import(args) => import_csv(&args),
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
            Ok(checked) => {
                // The process ends once the verdict is printed, and the system takes its memory
                // back at once: freeing a large document's events one by one took about 4% of
                // a validate of 500,000 events.
                std::mem::forget(checked.operation);
                (Vec::new(), checked.warnings)
            }
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

/// `render`: the image to `-o`; problems with the data, and other messages, to standard error.
fn render(args: &RenderArgs) -> u8 {
    let input = match Input::read(args.file.as_deref()) {
        Ok(input) => input,
        Err(message) => {
            eprintln!("operation-charts: {message}");
            return EXIT_TROUBLE;
        }
    };
    let loaded = match input.content {
        Content::TooLarge(problem) => Err((vec![problem], Vec::new())),
        Content::Bytes(bytes) => data::load_bytes(&bytes).map_err(|report| (report.errors, report.warnings)),
    };
    let mut err = io::stderr().lock();
    let checked = match loaded {
        Ok(checked) => checked,
        Err((errors, warnings)) => {
            let _ = print_problems(&mut err, &errors, &warnings);
            let _ = writeln!(err, "{}: invalid, {} error{}; no image written", input.name, errors.len(), plural(errors.len()));
            return EXIT_INVALID;
        }
    };
    let _ = print_problems(&mut err, &[], &checked.warnings);
    drop(err);

    let series = Series::from_operation(&checked.operation);
    let (view, theme) = (View::from(args.view), args.theme.theme().with_text_scale(args.text_scale));
    let image = match args.format {
        Format::Svg => export::render_svg(&series, view, args.width, args.height, &theme).map(String::into_bytes),
        Format::Png => {
            if !export::system_fonts_found() {
                eprintln!(
                    "operation-charts: warning: no system font found, so the PNG has no text; \
                     install one (for example `apt-get install fonts-dejavu-core`)"
                );
            }
            export::render_png(&series, view, args.width, args.height, &theme, args.scale)
        }
    };
    let image = match image {
        Ok(image) => image,
        Err(e) => {
            eprintln!("operation-charts: {e}");
            return EXIT_TROUBLE;
        }
    };
    match write_output(&args.output, &image) {
        Ok(()) => EXIT_VALID,
        Err(message) => {
            eprintln!("operation-charts: {message}");
            EXIT_TROUBLE
        }
    }
}

/// `import`: the document to `-o` (standard output without it); problems to standard error.
fn import_csv(args: &ImportArgs) -> u8 {
    let input = match Input::read(Some(&args.file)) {
        Ok(input) => input,
        Err(message) => {
            eprintln!("operation-charts: {message}");
            return EXIT_TROUBLE;
        }
    };
    let result = match &input.content {
        Content::TooLarge(problem) => {
            eprintln!("{}: {}", input.name, problem.message);
            return EXIT_INVALID;
        }
        Content::Bytes(bytes) => import::import_csv(bytes, &args.details()),
    };
    let mut err = io::stderr().lock();
    let imported = match result {
        Ok(imported) => imported,
        Err(rejected) => {
            let _ = print_located(&mut err, &input.name, &rejected.errors, &rejected.warnings);
            let count = rejected.errors.len();
            let _ = writeln!(err, "{}: invalid, {count} error{}; no document written", input.name, plural(count));
            return EXIT_INVALID;
        }
    };
    let _ = print_located(&mut err, &input.name, &[], &imported.warnings);
    drop(err);
    let output = args.output.as_deref().unwrap_or(Path::new("-"));
    match write_output(output, imported.to_json().as_bytes()) {
        Ok(()) => EXIT_VALID,
        Err(message) => {
            eprintln!("operation-charts: {message}");
            EXIT_TROUBLE
        }
    }
}

/// An import's problems, as `print_problems` prints a document's, placed in the CSV `file`.
fn print_located(out: &mut impl Write, file: &str, errors: &[Located], warnings: &[Located]) -> io::Result<()> {
    for error in errors {
        writeln!(out, "{}", error.with_file(file))?;
    }
    for warning in warnings {
        writeln!(out, "warning: {}", warning.with_file(file))?;
    }
    out.flush()
}

/// Writes `bytes` to `path`, or to standard output for `-`.
fn write_output(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if path == Path::new("-") {
        let mut out = io::stdout().lock();
        out.write_all(bytes).and_then(|()| out.flush()).map_err(|e| format!("cannot write to standard output: {e}"))
    } else {
        std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
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
