//! The command line, declared for clap: every command, option and default
//! in one place. Values are checked by the core where it owns the rule
//! (group options, languages of an instrument), so they are plain here.

use clap::{Args, Parser, Subcommand, ValueEnum};
use samenwerkingsscan::{Lang, Stage};
use std::path::PathBuf;

const AFTER_HELP: &str = "\
Examples:
  samenwerkingsscan instrument [--lang nl|en]
  samenwerkingsscan validate <instrument.json> [--format text|json]
  samenwerkingsscan evaluate [options] <answers.json>...
  samenwerkingsscan compare [options] <baseline.answers.json> <current.answers.json>
  samenwerkingsscan share encode [--with-context] [--instrument <file>] <answers.json>
  samenwerkingsscan share decode [--instrument <file>] <code>

One file with one respondent gives a report; several files, or a file holding a
JSON array of respondents, give a group report. A file name of - reads stdin.

Exit codes: 0 success, 1 bad input, 2 wrong usage.";

const SHARE_HELP: &str = "\
Examples:
  samenwerkingsscan share encode [--with-context] [--instrument <file>] <answers.json>
  samenwerkingsscan share decode [--instrument <file>] <code>";

/// samenwerkingsscan — partnership readiness scan for municipalities (Van de Laar 2010)
#[derive(Debug, Parser)]
#[command(
    name = "samenwerkingsscan",
    version,
    after_help = AFTER_HELP,
    arg_required_else_help = false
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Prints the built-in instrument as JSON; with --lang every text is reduced to that language.
    Instrument {
        /// Language of the texts (nl or en); without it every text holds all languages.
        #[arg(long, value_parser = Lang::parse)]
        lang: Option<Lang>,
    },
    /// Prints every problem of a custom instrument with its JSON path; exit code 1 if there is any.
    Validate {
        /// The instrument file (- reads stdin).
        path: PathBuf,
        /// How the problems are printed.
        #[arg(long, value_enum, default_value_t = ProblemFormat::Text)]
        format: ProblemFormat,
    },
    /// Evaluates answers files into a report (one respondent) or a group report.
    Evaluate {
        /// Options of the report.
        #[command(flatten)]
        report: ReportArgs,
        /// Answers files (- reads stdin).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Compares a baseline (nulmeting) with a later measurement.
    Compare {
        /// Options of the reports.
        #[command(flatten)]
        report: ReportArgs,
        /// The baseline answers file.
        baseline: PathBuf,
        /// The later answers file.
        current: PathBuf,
    },
    /// Prints a template for survey tools (Microsoft Forms, LimeSurvey …):
    /// a CSV header row with the municipality, the role and every
    /// statement; an export with one row per respondent under it is what
    /// `evaluate responses.csv` (or .xlsx) reads.
    Template {
        /// Language of the statements (nl or en) [default: nl]
        #[arg(long, value_parser = Lang::parse)]
        lang: Option<Lang>,
        /// The partnership's stage (orienting, preparing or operating): the
        /// third phase's statements look ahead before the start ("Ik
        /// verwacht dat …"); `evaluate` reads the stage back from the
        /// wording [default: before the start]
        #[arg(long, value_parser = parse_stage)]
        stage: Option<Stage>,
        /// A custom instrument file (default: the built-in one).
        #[arg(long)]
        instrument: Option<PathBuf>,
    },
    /// Encodes answers into a share code, or decodes one.
    #[command(after_help = SHARE_HELP, arg_required_else_help = false)]
    Share {
        /// Encode or decode.
        #[command(subcommand)]
        action: ShareAction,
    },
}

/// The two directions of a share code.
#[derive(Debug, Subcommand)]
pub enum ShareAction {
    /// Prints the share code of one respondent's answers.
    #[command(after_help = SHARE_HELP)]
    Encode {
        /// Include the partnership's context (form, stage, partners).
        #[arg(long)]
        with_context: bool,
        /// A custom instrument (validated first) instead of the built-in one.
        #[arg(long, value_name = "FILE")]
        instrument: Option<PathBuf>,
        /// The answers file (- reads stdin).
        path: PathBuf,
    },
    /// Prints the answers a share code holds, as JSON.
    #[command(after_help = SHARE_HELP)]
    Decode {
        /// A custom instrument (validated first) instead of the built-in one.
        #[arg(long, value_name = "FILE")]
        instrument: Option<PathBuf>,
        /// The code; it may be given in parts ("ABCDE FGHIJ" or ABCDE FGHIJ).
        #[arg(required = true)]
        code: Vec<String>,
    },
}

/// Options of `evaluate` and `compare`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// A custom instrument (validated first) instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub instrument: Option<PathBuf>,
    /// Language of the report (nl or en) [default: nl, or the instrument's
    /// own when it has no Dutch]
    #[arg(long, value_parser = Lang::parse)]
    pub lang: Option<Lang>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Json)]
    pub format: ReportFormat,
    /// Anonymity minimum for group figures [default: 3]
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub min_group_size: Option<String>,
    /// Points of difference between subgroups that count as a gap [default: 25]
    #[arg(long, value_name = "X", allow_hyphen_values = true)]
    pub gap_threshold: Option<String>,
}

/// How a report is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// The report as the core gives it (pretty JSON).
    Json,
    /// A document to read (headings, lists, tables).
    #[value(alias = "md")]
    Markdown,
    /// The same document as HTML, to open in Word or LibreOffice or to
    /// paste into a raadsinformatiebrief.
    Html,
}

/// How `validate` prints problems.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ProblemFormat {
    /// `path: message`, one per line.
    Text,
    /// A JSON array of `{path, message}`.
    Json,
}

/// `--stage`: a stage's id.
fn parse_stage(id: &str) -> Result<Stage, String> {
    Stage::from_id(id.trim())
        .ok_or_else(|| format!("‘{id}’ is not a stage: use orienting, preparing or operating"))
}
