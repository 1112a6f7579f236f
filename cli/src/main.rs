//! `samenwerkingsscan`: the Samenwerkingsscan rules core on the command line,
//! for analysts. Prints the instrument, validates custom instruments,
//! evaluates answers files (one respondent or a group) into a report as JSON
//! or Markdown, compares a baseline with a later measurement, and encodes or
//! decodes share codes.
//!
//! Exit codes: 0 success, 1 bad input (unreadable file, invalid JSON, an
//! instrument with problems), 2 wrong usage. Errors are one line on stderr.

mod markdown;

use samenwerkingsscan::{
    aggregate, compare, decode_share, encode_share, evaluate, Answers, GroupOptions, Instrument,
    Report,
};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
samenwerkingsscan — partnership readiness scan for municipalities (Van de Laar 2010)

Usage:
  samenwerkingsscan instrument [--lang nl|en]
  samenwerkingsscan validate <instrument.json> [--format text|json]
  samenwerkingsscan evaluate [options] <answers.json>...
  samenwerkingsscan compare [options] <baseline.answers.json> <current.answers.json>
  samenwerkingsscan share encode [--with-context] [--instrument <file>] <answers.json>
  samenwerkingsscan share decode [--instrument <file>] <code>
  samenwerkingsscan help | --version

Options for evaluate and compare:
  --instrument <file>     use a custom instrument (validated first) instead of the built-in one
  --lang <nl|en>          language of the report (default nl)
  --format <json|markdown>  output format (default json)
  --min-group-size <n>    anonymity minimum for group figures (default 3)
  --gap-threshold <x>     points of difference between subgroups that count as a gap (default 25)

One file with one respondent gives a report; several files, or a file holding a
JSON array of respondents, give a group report. A file name of - reads stdin.

Exit codes: 0 success, 1 bad input, 2 wrong usage.";

/// Why a command failed: wrong usage (exit 2) or bad input (exit 1).
#[derive(Debug, PartialEq)]
enum Failure {
    Usage(String),
    Input(String),
}

type Outcome = Result<String, Failure>;

fn usage<T>(message: impl Into<String>) -> Result<T, Failure> {
    Err(Failure::Usage(message.into()))
}

fn input<T>(message: impl Into<String>) -> Result<T, Failure> {
    Err(Failure::Input(message.into()))
}

fn main() -> ExitCode {
    let mut args = Vec::new();
    for arg in std::env::args_os().skip(1) {
        match arg.into_string() {
            Ok(arg) => args.push(arg),
            Err(arg) => {
                return fail(&Failure::Usage(format!(
                    "argument {arg:?} is not valid UTF-8"
                )))
            }
        }
    }
    match run(&args) {
        Ok(output) => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(output.as_bytes())
                .and_then(|_| stdout.flush())
            {
                Ok(()) => ExitCode::SUCCESS,
                // `samenwerkingsscan … | head` is not an error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => fail(&Failure::Input(format!("cannot write the output: {e}"))),
            }
        }
        Err(failure) => fail(&failure),
    }
}

fn fail(failure: &Failure) -> ExitCode {
    let (message, code) = match failure {
        Failure::Usage(m) => (format!("{m} (see 'samenwerkingsscan help')"), 2),
        Failure::Input(m) => (m.clone(), 1),
    };
    // One line, whatever the message holds.
    let line = message.replace(['\n', '\r'], " ");
    let _ = writeln!(std::io::stderr(), "samenwerkingsscan: {line}");
    ExitCode::from(code)
}

/// Runs a command line (without the program name) into the text for stdout.
fn run(args: &[String]) -> Outcome {
    let Some((command, rest)) = args.split_first() else {
        return usage("no command given");
    };
    match command.as_str() {
        "help" | "--help" | "-h" => Ok(format!("{USAGE}\n")),
        "--version" | "-V" | "version" => {
            Ok(format!("samenwerkingsscan {}\n", env!("CARGO_PKG_VERSION")))
        }
        "instrument" => instrument_command(rest),
        "validate" => validate_command(rest),
        "evaluate" => evaluate_command(rest),
        "compare" => compare_command(rest),
        "share" => share_command(rest),
        other => usage(format!("unknown command '{other}'")),
    }
}

// ---------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------

/// Parsed options and positional arguments of one command.
#[derive(Debug, Default)]
struct Args {
    options: Vec<(String, String)>,
    flags: Vec<String>,
    positional: Vec<String>,
    help: bool,
}

impl Args {
    /// `takes_value` lists the options with a value, `flags` those without.
    fn parse(args: &[String], takes_value: &[&str], flags: &[&str]) -> Result<Args, Failure> {
        let mut out = Args::default();
        let mut iter = args.iter();
        while let Some(arg) = iter.next() {
            if arg == "--" {
                out.positional.extend(iter.by_ref().cloned());
                break;
            }
            if arg == "--help" || arg == "-h" {
                out.help = true;
                continue;
            }
            if arg.starts_with("--") {
                let (name, inline) = match arg.split_once('=') {
                    Some((name, value)) => (name, Some(value.to_string())),
                    None => (arg.as_str(), None),
                };
                let name = &name[2..];
                if takes_value.contains(&name) {
                    let value = match inline {
                        Some(value) => value,
                        None => match iter.next() {
                            Some(value) => value.clone(),
                            None => return usage(format!("option --{name} needs a value")),
                        },
                    };
                    if out.options.iter().any(|(n, _)| n == name) {
                        return usage(format!("option --{name} is given twice"));
                    }
                    out.options.push((name.to_string(), value));
                } else if flags.contains(&name) {
                    if inline.is_some() {
                        return usage(format!("option --{name} takes no value"));
                    }
                    out.flags.push(name.to_string());
                } else {
                    return usage(format!("unknown option '--{name}'"));
                }
            } else if arg.starts_with('-') && arg != "-" {
                return usage(format!("unknown option '{arg}'"));
            } else {
                out.positional.push(arg.clone());
            }
        }
        Ok(out)
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn flag(&self, name: &str) -> bool {
        self.flags.iter().any(|f| f == name)
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Format {
    Json,
    Markdown,
}

fn format_of(args: &Args) -> Result<Format, Failure> {
    match args.get("format") {
        None | Some("json") => Ok(Format::Json),
        Some("markdown" | "md") => Ok(Format::Markdown),
        Some(other) => usage(format!("unknown format '{other}' (use json or markdown)")),
    }
}

/// The report language: any language the instrument has.
fn lang_of(args: &Args, instrument: &Instrument) -> Result<String, Failure> {
    let lang = args.get("lang").unwrap_or("nl");
    if instrument.languages.iter().any(|l| l == lang) {
        Ok(lang.to_string())
    } else {
        usage(format!(
            "unknown language '{lang}' (this instrument has {})",
            instrument.languages.join(", ")
        ))
    }
}

fn group_options(args: &Args) -> Result<GroupOptions, Failure> {
    let mut options = GroupOptions::default();
    if let Some(n) = args.get("min-group-size") {
        options.min_group_size = match n.parse::<usize>() {
            Ok(n) if n >= 1 => n,
            _ => {
                return usage(format!(
                    "--min-group-size must be a whole number of at least 1, not '{n}'"
                ))
            }
        };
    }
    if let Some(x) = args.get("gap-threshold") {
        options.gap_threshold = match x.parse::<f64>() {
            Ok(x) if (0.0..=100.0).contains(&x) => x,
            _ => {
                return usage(format!(
                    "--gap-threshold must be a number from 0 to 100, not '{x}'"
                ))
            }
        };
    }
    Ok(options)
}

// ---------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------

fn read(path: &str) -> Result<String, Failure> {
    if path == "-" {
        let mut text = String::new();
        return match std::io::stdin().read_to_string(&mut text) {
            Ok(_) => Ok(text),
            Err(e) => input(format!("cannot read standard input: {e}")),
        };
    }
    std::fs::read_to_string(path).or_else(|e| input(format!("cannot read {path}: {e}")))
}

/// The built-in instrument, or a custom one (validated) from `--instrument`.
fn load_instrument(args: &Args) -> Result<Instrument, Failure> {
    match args.get("instrument") {
        None => Ok(Instrument::builtin().clone()),
        Some(path) => {
            let text = read(path)?;
            Instrument::from_json(&text).or_else(|error| {
                let first = &error.problems[0];
                input(format!(
                    "{path}: the instrument has {} problem(s), the first at {}: {} (run 'samenwerkingsscan validate {path}' for all)",
                    error.problems.len(),
                    first.path,
                    first.message
                ))
            })
        }
    }
}

/// The respondents in one answers file, and whether the file held an array;
/// problems in `lang` (the core says where and what, in words).
fn read_answers(path: &str, lang: &str) -> Result<(Vec<Answers>, bool), Failure> {
    let text = read(path)?;
    Answers::from_json_many(&text).or_else(|e| input(format!("{path}: {}", e.text(lang))))
}

/// One report or a group report from answers files.
enum Evaluation {
    Single(Report),
    Group(samenwerkingsscan::GroupReport),
}

impl Evaluation {
    fn into_report(self) -> Report {
        match self {
            Evaluation::Single(report) => report,
            Evaluation::Group(group) => group.report,
        }
    }
}

fn evaluate_files(
    instrument: &Instrument,
    paths: &[String],
    lang: &str,
    options: &GroupOptions,
) -> Result<Evaluation, Failure> {
    let mut respondents = Vec::new();
    let mut any_array = false;
    for path in paths {
        let (answers, array) = read_answers(path, lang)?;
        any_array |= array;
        respondents.extend(answers);
    }
    if respondents.is_empty() {
        return input(format!("{}: holds no respondents", paths.join(", ")));
    }
    if paths.len() == 1 && !any_array {
        Ok(Evaluation::Single(evaluate(
            instrument,
            &respondents[0],
            lang,
        )))
    } else {
        Ok(Evaluation::Group(aggregate(
            instrument,
            &respondents,
            options,
            lang,
        )))
    }
}

/// Pretty JSON with a final newline. (A macro: the CLI depends on the core
/// and serde_json only, so it cannot name serde's `Serialize` bound.)
macro_rules! to_json {
    ($value:expr) => {
        serde_json::to_string_pretty($value)
            .map(|s| s + "\n")
            .or_else(|e| input(format!("cannot write JSON: {e}")))
    };
}

// ---------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------

fn instrument_command(rest: &[String]) -> Outcome {
    let args = Args::parse(rest, &["lang"], &[])?;
    if args.help {
        return Ok("Usage: samenwerkingsscan instrument [--lang nl|en]\n\nPrints the built-in instrument as JSON; with --lang every text is reduced to that language.\n".into());
    }
    if let Some(extra) = args.positional.first() {
        return usage(format!("instrument takes no argument, got '{extra}'"));
    }
    let instrument = Instrument::builtin();
    if args.get("lang").is_none() {
        return to_json!(instrument);
    }
    let lang = lang_of(&args, instrument)?;
    // Through an ordered tree, so the keys keep the schema's order.
    let text =
        serde_json::to_string(instrument).or_else(|e| input(format!("cannot write JSON: {e}")))?;
    let tree = Tree::parse(&text).or_else(|e| input(format!("cannot read JSON: {e}")))?;
    let mut out = String::new();
    tree.localize(&lang, &instrument.languages)
        .write_pretty(&mut out, 0);
    out.push('\n');
    Ok(out)
}

/// A JSON value that keeps the order of object keys: serde_json's `Value`
/// sorts them (without its `preserve_order` feature), and the CLI depends on
/// nothing but the core and serde_json. Numbers are kept as their text.
#[derive(Clone, Debug, PartialEq)]
enum Tree {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<Tree>),
    Obj(Vec<(String, Tree)>),
}

impl Tree {
    /// Parses JSON text; strings are unescaped by serde_json.
    fn parse(text: &str) -> Result<Tree, String> {
        let mut parser = TreeParser {
            text,
            bytes: text.as_bytes(),
            at: 0,
        };
        let tree = parser.value(0)?;
        parser.space();
        if parser.at != parser.bytes.len() {
            return Err(format!("unexpected text at byte {}", parser.at));
        }
        Ok(tree)
    }

    /// Replaces every text object (`{"nl": …, "en": …}`: only language keys,
    /// only string values) by the string in `lang`, falling back to Dutch,
    /// then English, then any language (as the core's `Text::get`).
    fn localize(self, lang: &str, languages: &[String]) -> Tree {
        match self {
            Tree::Obj(entries) => {
                let is_text = !entries.is_empty()
                    && entries
                        .iter()
                        .all(|(k, v)| languages.contains(k) && matches!(v, Tree::Str(_)));
                if !is_text {
                    return Tree::Obj(
                        entries
                            .into_iter()
                            .map(|(k, v)| (k, v.localize(lang, languages)))
                            .collect(),
                    );
                }
                let text = |key: Option<&str>| {
                    entries.iter().find_map(|(k, v)| match v {
                        Tree::Str(s) if key.is_none_or(|key| k == key) && !s.trim().is_empty() => {
                            Some(s.clone())
                        }
                        _ => None,
                    })
                };
                Tree::Str(
                    text(Some(lang))
                        .or_else(|| text(Some("nl")))
                        .or_else(|| text(Some("en")))
                        .or_else(|| text(None))
                        .unwrap_or_default(),
                )
            }
            Tree::Arr(items) => Tree::Arr(
                items
                    .into_iter()
                    .map(|v| v.localize(lang, languages))
                    .collect(),
            ),
            other => other,
        }
    }

    /// Writes pretty JSON the way serde_json does (two spaces per level).
    fn write_pretty(&self, out: &mut String, depth: usize) {
        let quote = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
        let pad = |out: &mut String, depth: usize| {
            out.push('\n');
            out.push_str(&"  ".repeat(depth));
        };
        match self {
            Tree::Null => out.push_str("null"),
            Tree::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Tree::Num(n) => out.push_str(n),
            Tree::Str(s) => out.push_str(&quote(s)),
            Tree::Arr(items) if items.is_empty() => out.push_str("[]"),
            Tree::Obj(entries) if entries.is_empty() => out.push_str("{}"),
            Tree::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    pad(out, depth + 1);
                    item.write_pretty(out, depth + 1);
                }
                pad(out, depth);
                out.push(']');
            }
            Tree::Obj(entries) => {
                out.push('{');
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    pad(out, depth + 1);
                    out.push_str(&quote(k));
                    out.push_str(": ");
                    v.write_pretty(out, depth + 1);
                }
                pad(out, depth);
                out.push('}');
            }
        }
    }
}

struct TreeParser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl TreeParser<'_> {
    fn space(&mut self) {
        while self
            .bytes
            .get(self.at)
            .is_some_and(|b| b.is_ascii_whitespace())
        {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> Result<(), String> {
        self.space();
        if self.bytes.get(self.at) == Some(&byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(format!("expected '{}' at byte {}", byte as char, self.at))
        }
    }

    fn string(&mut self) -> Result<String, String> {
        self.space();
        let start = self.at;
        self.eat(b'"')?;
        loop {
            match self.bytes.get(self.at) {
                None => return Err("unterminated string".into()),
                Some(b'\\') => self.at += 2,
                Some(b'"') => {
                    self.at += 1;
                    break;
                }
                Some(_) => self.at += 1,
            }
        }
        let raw = self.text.get(start..self.at).ok_or("broken string")?;
        serde_json::from_str(raw).map_err(|e| e.to_string())
    }

    fn value(&mut self, depth: usize) -> Result<Tree, String> {
        if depth > 128 {
            return Err("nested too deeply".into());
        }
        self.space();
        let rest = &self.bytes[self.at.min(self.bytes.len())..];
        match rest.first() {
            None => Err("unexpected end".into()),
            Some(b'"') => self.string().map(Tree::Str),
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                self.space();
                if self.bytes.get(self.at) == Some(&b']') {
                    self.at += 1;
                    return Ok(Tree::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.space();
                    match self.bytes.get(self.at) {
                        Some(b',') => self.at += 1,
                        Some(b']') => {
                            self.at += 1;
                            return Ok(Tree::Arr(items));
                        }
                        _ => return Err(format!("expected ',' or ']' at byte {}", self.at)),
                    }
                }
            }
            Some(b'{') => {
                self.at += 1;
                let mut entries = Vec::new();
                self.space();
                if self.bytes.get(self.at) == Some(&b'}') {
                    self.at += 1;
                    return Ok(Tree::Obj(entries));
                }
                loop {
                    let key = self.string()?;
                    self.eat(b':')?;
                    entries.push((key, self.value(depth + 1)?));
                    self.space();
                    match self.bytes.get(self.at) {
                        Some(b',') => self.at += 1,
                        Some(b'}') => {
                            self.at += 1;
                            return Ok(Tree::Obj(entries));
                        }
                        _ => return Err(format!("expected ',' or '}}' at byte {}", self.at)),
                    }
                }
            }
            Some(_) if rest.starts_with(b"null") => {
                self.at += 4;
                Ok(Tree::Null)
            }
            Some(_) if rest.starts_with(b"true") => {
                self.at += 4;
                Ok(Tree::Bool(true))
            }
            Some(_) if rest.starts_with(b"false") => {
                self.at += 5;
                Ok(Tree::Bool(false))
            }
            Some(_) => {
                let start = self.at;
                while self
                    .bytes
                    .get(self.at)
                    .is_some_and(|b| b.is_ascii_digit() || b"+-.eE".contains(b))
                {
                    self.at += 1;
                }
                let number = &self.text[start..self.at];
                if number.is_empty() || number.parse::<f64>().is_err() {
                    return Err(format!("unexpected character at byte {start}"));
                }
                Ok(Tree::Num(number.to_string()))
            }
        }
    }
}

fn validate_command(rest: &[String]) -> Outcome {
    let args = Args::parse(rest, &["format"], &[])?;
    if args.help {
        return Ok("Usage: samenwerkingsscan validate <instrument.json> [--format text|json]\n\nPrints every problem with its JSON path; exit code 1 if there is any.\n".into());
    }
    let [path] = args.positional.as_slice() else {
        return usage("validate needs exactly one instrument file");
    };
    let json = match args.get("format") {
        None | Some("text") => false,
        Some("json") => true,
        Some(other) => return usage(format!("unknown format '{other}' (use text or json)")),
    };
    let text = read(path)?;
    match Instrument::from_json(&text) {
        Ok(instrument) => {
            if json {
                to_json!(&Vec::<samenwerkingsscan::Problem>::new())
            } else {
                Ok(format!(
                    "{path}: valid ({} factors, {} statements, languages {})\n",
                    instrument.factors.len(),
                    instrument.statements().count(),
                    instrument.languages.join(", ")
                ))
            }
        }
        Err(error) => {
            // The problems go to stdout (they are the output); the verdict
            // is the one line on stderr and the exit code.
            let listing = if json {
                to_json!(&error.problems)?
            } else {
                error
                    .problems
                    .iter()
                    .map(|p| format!("{}: {}\n", p.path, p.message))
                    .collect()
            };
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(listing.as_bytes());
            let _ = stdout.flush();
            input(format!("{path}: {} problem(s) found", error.problems.len()))
        }
    }
}

const EVALUATE_OPTIONS: [&str; 5] = [
    "instrument",
    "lang",
    "format",
    "min-group-size",
    "gap-threshold",
];

fn evaluate_command(rest: &[String]) -> Outcome {
    let args = Args::parse(rest, &EVALUATE_OPTIONS, &[])?;
    if args.help {
        return Ok(format!("{USAGE}\n"));
    }
    if args.positional.is_empty() {
        return usage("evaluate needs at least one answers file");
    }
    let format = format_of(&args)?;
    let options = group_options(&args)?;
    let instrument = load_instrument(&args)?;
    let lang = lang_of(&args, &instrument)?;
    match (
        evaluate_files(&instrument, &args.positional, &lang, &options)?,
        format,
    ) {
        (Evaluation::Single(report), Format::Json) => to_json!(&report),
        (Evaluation::Group(group), Format::Json) => to_json!(&group),
        (Evaluation::Single(report), Format::Markdown) => Ok(markdown::report(&report)),
        (Evaluation::Group(group), Format::Markdown) => Ok(markdown::group(&group)),
    }
}

fn compare_command(rest: &[String]) -> Outcome {
    let args = Args::parse(rest, &EVALUATE_OPTIONS, &[])?;
    if args.help {
        return Ok(format!("{USAGE}\n"));
    }
    let [baseline, current] = args.positional.as_slice() else {
        return usage("compare needs two answers files: the baseline and the current measurement");
    };
    let format = format_of(&args)?;
    let options = group_options(&args)?;
    let instrument = load_instrument(&args)?;
    let lang = lang_of(&args, &instrument)?;
    let before = evaluate_files(&instrument, std::slice::from_ref(baseline), &lang, &options)?;
    let after = evaluate_files(&instrument, std::slice::from_ref(current), &lang, &options)?;
    let comparison = compare(&before.into_report(), &after.into_report());
    match format {
        Format::Json => to_json!(&comparison),
        Format::Markdown => Ok(markdown::comparison(&comparison, &lang)),
    }
}

fn share_command(rest: &[String]) -> Outcome {
    let Some((action, rest)) = rest.split_first() else {
        return usage("share needs 'encode' or 'decode'");
    };
    let args = Args::parse(rest, &["instrument"], &["with-context"])?;
    if args.help {
        return Ok("Usage:\n  samenwerkingsscan share encode [--with-context] [--instrument <file>] <answers.json>\n  samenwerkingsscan share decode [--instrument <file>] <code>\n".into());
    }
    match action.as_str() {
        "encode" => {
            let [path] = args.positional.as_slice() else {
                return usage("share encode needs exactly one answers file");
            };
            let instrument = load_instrument(&args)?;
            let (answers, array) = read_answers(path, "en")?;
            if array {
                return input(format!(
                    "{path}: a share code holds one respondent, not a list"
                ));
            }
            // What a code cannot carry is said on stderr, so that nobody
            // thinks the code holds everything in the file.
            for notice in answers[0].check(&instrument) {
                if notice.path.starts_with("$.responses") {
                    eprintln!("not in the code: {}: {}", notice.path, notice.message);
                }
            }
            Ok(format!(
                "{}\n",
                encode_share(&instrument, &answers[0], args.flag("with-context"))
            ))
        }
        "decode" => {
            if args.flag("with-context") {
                return usage("--with-context is for share encode");
            }
            if args.positional.is_empty() {
                return usage("share decode needs a code");
            }
            let instrument = load_instrument(&args)?;
            // A code may be given in parts: "ABCDE FGHIJ" or ABCDE FGHIJ.
            let code = args.positional.join("");
            let answers = decode_share(&instrument, &code)
                .or_else(|e| input(format!("the share code cannot be read: {e}")))?;
            Ok(answers.to_json() + "\n")
        }
        other => usage(format!(
            "unknown share action '{other}' (use encode or decode)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_options_with_and_without_equals() {
        let args = Args::parse(
            &strings(&["--lang=en", "a.json", "--format", "markdown", "b.json"]),
            &EVALUATE_OPTIONS,
            &[],
        )
        .unwrap();
        assert_eq!(args.get("lang"), Some("en"));
        assert_eq!(args.get("format"), Some("markdown"));
        assert_eq!(args.positional, ["a.json", "b.json"]);
    }

    #[test]
    fn rejects_unknown_missing_and_repeated_options() {
        let parse = |a: &[&str]| Args::parse(&strings(a), &EVALUATE_OPTIONS, &[]).unwrap_err();
        assert!(matches!(parse(&["--colour", "red"]), Failure::Usage(m) if m.contains("--colour")));
        assert!(matches!(parse(&["--lang"]), Failure::Usage(m) if m.contains("needs a value")));
        assert!(
            matches!(parse(&["--lang", "nl", "--lang", "en"]), Failure::Usage(m) if m.contains("twice"))
        );
        assert!(matches!(parse(&["-x"]), Failure::Usage(_)));
        // "-" is stdin, and "--" ends the options.
        let args = Args::parse(&strings(&["-", "--", "--odd-name.json"]), &[], &[]).unwrap();
        assert_eq!(args.positional, ["-", "--odd-name.json"]);
    }

    #[test]
    fn checks_option_values() {
        let args = |a: &[&str]| Args::parse(&strings(a), &EVALUATE_OPTIONS, &[]).unwrap();
        assert!(format_of(&args(&["--format", "pdf"])).is_err());
        assert_eq!(format_of(&args(&["--format", "md"])), Ok(Format::Markdown));
        assert!(group_options(&args(&["--min-group-size", "0"])).is_err());
        assert!(group_options(&args(&["--min-group-size", "three"])).is_err());
        assert_eq!(
            group_options(&args(&["--min-group-size", "5"]))
                .unwrap()
                .min_group_size,
            5
        );
        assert!(group_options(&args(&["--gap-threshold", "101"])).is_err());
        let instrument = Instrument::builtin();
        assert!(lang_of(&args(&["--lang", "de"]), instrument).is_err());
        assert_eq!(lang_of(&args(&[]), instrument).unwrap(), "nl");
    }

    #[test]
    fn localize_replaces_text_objects_only_and_keeps_key_order() {
        let languages = strings(&["nl", "en"]);
        let tree = Tree::parse(
            r#"{
                "zeta": 1, "languages": ["nl", "en"],
                "title": {"nl": "Scan", "en": "Scan \"(en)\""},
                "empty_en": {"nl": "Alleen", "en": " "},
                "nested": [{"id": "x", "label": {"nl": "Ja", "en": "Yes"}}, []],
                "not_text": {"nl": 1}, "weight": 1.5, "n": -2e3, "none": null, "yes": true, "o": {}
            }"#,
        )
        .unwrap();
        let mut out = String::new();
        tree.localize("en", &languages).write_pretty(&mut out, 0);
        let value: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(
            value,
            serde_json::json!({"zeta": 1, "languages": ["nl", "en"], "title": "Scan \"(en)\"",
                "empty_en": "Alleen", "nested": [{"id": "x", "label": "Yes"}, []],
                "not_text": {"nl": 1}, "weight": 1.5, "n": -2000.0, "none": null, "yes": true, "o": {}})
        );
        let keys: Vec<&str> = out
            .lines()
            .filter(|l| l.starts_with("  \""))
            .map(|l| l.trim().split('"').nth(1).unwrap())
            .collect();
        assert_eq!(
            keys,
            [
                "zeta",
                "languages",
                "title",
                "empty_en",
                "nested",
                "not_text",
                "weight",
                "n",
                "none",
                "yes",
                "o"
            ]
        );
        // Pretty printing matches serde_json's.
        let tree = Tree::parse(r#"{"a":[1,{"b":"c"}],"d":{}}"#).unwrap();
        let mut ours = String::new();
        tree.write_pretty(&mut ours, 0);
        let theirs =
            serde_json::to_string_pretty(&serde_json::json!({"a": [1, {"b": "c"}], "d": {}}))
                .unwrap();
        assert_eq!(ours, theirs);
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "nul", "\"open", "1 2"] {
            assert!(Tree::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn commands_fail_with_usage_or_input_errors() {
        assert!(matches!(run(&[]), Err(Failure::Usage(_))));
        assert!(matches!(
            run(&strings(&["frobnicate"])),
            Err(Failure::Usage(_))
        ));
        assert!(matches!(
            run(&strings(&["evaluate"])),
            Err(Failure::Usage(_))
        ));
        assert!(matches!(
            run(&strings(&["evaluate", "/does/not/exist.json"])),
            Err(Failure::Input(m)) if m.contains("cannot read /does/not/exist.json")
        ));
        assert!(matches!(
            run(&strings(&["share", "decode", "HELLO"])),
            Err(Failure::Input(_))
        ));
        assert!(matches!(run(&strings(&["share"])), Err(Failure::Usage(_))));
        assert!(matches!(
            run(&strings(&["share", "zip"])),
            Err(Failure::Usage(_))
        ));
        assert!(run(&strings(&["help"])).unwrap().contains("Usage:"));
    }

    #[test]
    fn the_instrument_in_one_language_has_plain_strings() {
        let out = run(&strings(&["instrument", "--lang", "en"])).unwrap();
        let value: Value = serde_json::from_str(&out).unwrap();
        assert!(value["title"].is_string());
        assert!(value["factors"][0]["statements"][0]["text"].is_string());
        assert!(
            out.starts_with("{\n  \"schema_version\": 1,"),
            "{}",
            &out[..40]
        );
        assert_eq!(
            value["factors"][0]["name"],
            Instrument::builtin().factors[0].name.get("en")
        );
        let all: Value = serde_json::from_str(&run(&strings(&["instrument"])).unwrap()).unwrap();
        assert!(all["title"]["nl"].is_string());
    }
}
