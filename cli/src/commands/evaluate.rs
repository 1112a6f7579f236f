//! `evaluate` and `compare`: answers files into reports.

use super::{
    group_options, input, lang_of, load_instrument, read_answers, stdin_once, to_json, Failure,
    Outcome, GROUP_FILE_BYTES,
};
use crate::args::{ReportArgs, ReportFormat};
use crate::html;
use crate::markdown;
use samenwerkingsscan::{
    aggregate, Answers, GroupOptions, GroupReport, Instrument, Lang, Report, Says,
};
use std::path::{Path, PathBuf};

/// One report or a group report from answers files.
enum Evaluation {
    Single(Report),
    Group(GroupReport),
}

impl Evaluation {
    fn into_report(self) -> Report {
        match self {
            Evaluation::Single(report) => report,
            Evaluation::Group(group) => group.report,
        }
    }
}

/// One file with one respondent gives a report; several files, or a file
/// holding a JSON array of respondents, give a group report.
fn evaluate_files(
    instrument: &Instrument,
    paths: &[PathBuf],
    lang: Lang,
    options: &GroupOptions,
) -> Result<Evaluation, Failure> {
    let mut respondents = Vec::new();
    let mut any_array = false;
    for path in paths {
        if is_table_path(path) {
            // A survey tool's export: always a group.
            respondents.extend(read_table_file(instrument, path, lang)?);
            any_array = true;
            continue;
        }
        let (answers, array) = read_answers(path, GROUP_FILE_BYTES, lang)?;
        any_array |= array;
        respondents.extend(answers);
    }
    if respondents.is_empty() {
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        let none = lang.pick(
            "bevat geen respondenten met een antwoord",
            "holds no respondents",
        );
        return input(format!("{}: {none}", names.join(", ")));
    }
    Ok(if paths.len() == 1 && !any_array {
        Evaluation::Single(samenwerkingsscan::evaluate(
            instrument,
            &respondents[0],
            lang,
        ))
    } else {
        Evaluation::Group(aggregate(instrument, &respondents, options, lang))
    })
}

/// Whether `path` names a survey tool's export (by its extension).
fn is_table_path(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| samenwerkingsscan::is_table_file(&name.to_string_lossy()))
}

/// How many notices of a table are said on stderr; the rest are counted.
const NAMED_NOTICES: usize = samenwerkingsscan::NOTICES_SHOWN;

/// The respondents of a survey tool's export (`.csv`, `.xlsx` …); what does
/// not count is said on stderr with its cell, in the report's language.
fn read_table_file(
    instrument: &Instrument,
    path: &Path,
    lang: Lang,
) -> Result<Vec<Answers>, Failure> {
    use std::io::Write;
    // 50 MB; the reader's cell limit (4,000,000) holds about 46,000
    // respondents of the built-in questionnaire's template.
    let bytes = super::read_bytes(path, samenwerkingsscan_tables::MAX_FILE_BYTES)?;
    if let Ok(mut reading) = crate::READING.lock() {
        *reading = Some(path.display().to_string());
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let read = samenwerkingsscan_tables::read_survey(instrument, &name, &bytes);
    if let Ok(mut reading) = crate::READING.lock() {
        *reading = None;
    }
    let table = read.or_else(|e| input(format!("{}: {}", path.display(), e.say(lang))))?;
    let mut stderr = std::io::stderr().lock();
    for notice in table.notices.iter().take(NAMED_NOTICES) {
        let _ = writeln!(
            stderr,
            "samenwerkingsscan: {}: {}",
            path.display(),
            notice.text(lang)
        );
    }
    if table.total_notices > NAMED_NOTICES {
        let _ = writeln!(
            stderr,
            "samenwerkingsscan: {}: {}",
            path.display(),
            samenwerkingsscan::more_notices(table.total_notices, lang).unwrap_or_default()
        );
    }
    Ok(table.respondents)
}

/// `evaluate [options] <answers.json>...`
pub fn evaluate(args: &ReportArgs, files: &[PathBuf]) -> Outcome {
    stdin_once(
        files
            .iter()
            .map(PathBuf::as_path)
            .chain(args.instrument.as_deref()),
    )?;
    let options = group_options(args)?;
    let instrument = load_instrument(args.instrument.as_deref())?;
    let lang = lang_of(args.lang, &instrument)?;
    match (
        evaluate_files(&instrument, files, lang, &options)?,
        args.format,
    ) {
        (Evaluation::Single(report), ReportFormat::Json) => to_json(&report),
        (Evaluation::Group(group), ReportFormat::Json) => to_json(&group),
        (Evaluation::Single(report), ReportFormat::Markdown) => Ok(markdown::report(&report)),
        (Evaluation::Group(group), ReportFormat::Markdown) => Ok(markdown::group(&group)),
        (Evaluation::Single(report), ReportFormat::Html) => {
            Ok(html::document(&markdown::report(&report), lang))
        }
        (Evaluation::Group(group), ReportFormat::Html) => {
            Ok(html::document(&markdown::group(&group), lang))
        }
    }
}

/// `compare [options] <baseline> <current>`
pub fn compare(args: &ReportArgs, baseline: &Path, current: &Path) -> Outcome {
    stdin_once(
        [baseline, current]
            .into_iter()
            .chain(args.instrument.as_deref()),
    )?;
    let options = group_options(args)?;
    let instrument = load_instrument(args.instrument.as_deref())?;
    let lang = lang_of(args.lang, &instrument)?;
    let read = |path: &Path| {
        evaluate_files(&instrument, &[path.to_path_buf()], lang, &options)
            .map(Evaluation::into_report)
    };
    let comparison = samenwerkingsscan::compare(&read(baseline)?, &read(current)?);
    match args.format {
        ReportFormat::Json => to_json(&comparison),
        ReportFormat::Markdown => Ok(markdown::comparison(&comparison, lang)),
        ReportFormat::Html => Ok(html::document(
            &markdown::comparison(&comparison, lang),
            lang,
        )),
    }
}
