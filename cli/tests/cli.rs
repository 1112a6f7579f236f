//! Runs the `samenwerkingsscan` binary on the golden answers files of the
//! core and checks output, exit codes and error lines.

use samenwerkingsscan::{Answers, Instrument};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn golden(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/golden")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

const SINGLE: &str = "blnp-bedrijfsvoering-voorbereiding";
const GROUP: &str = "druten-wijchen-groep-vertrouwenskloof";
const PREPARING: &str = "druten-wijchen-werkorganisatie-voorbereiding";

fn answers(name: &str) -> String {
    golden(&format!("{name}.answers.json"))
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_samenwerkingsscan"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn run_with_stdin(args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_samenwerkingsscan"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 errors")
}

#[track_caller]
fn ok(args: &[&str]) -> String {
    let output = run(args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{args:?} failed: {}",
        stderr(&output)
    );
    stdout(&output)
}

/// Asserts the exit code and that stderr is exactly one line; returns it.
#[track_caller]
fn fails(args: &[&str], code: i32) -> String {
    let output = run(args);
    assert_eq!(
        output.status.code(),
        Some(code),
        "{args:?}: {}",
        stderr(&output)
    );
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "one line on stderr: {err:?}");
    assert!(err.starts_with("samenwerkingsscan: "), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

/// A scratch file for this test process.
fn scratch(name: &str, content: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("samenwerkingsscan-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

#[test]
fn evaluate_json_is_the_golden_report() {
    for name in [SINGLE, GROUP, PREPARING] {
        let out = ok(&["evaluate", &answers(name)]);
        let expected = std::fs::read_to_string(golden(&format!("{name}.report.json"))).unwrap();
        assert_eq!(out, expected, "{name}");
    }
}

#[test]
fn evaluate_html_is_the_same_document_for_word() {
    let out = ok(&["evaluate", "--format", "html", &answers(PREPARING)]);
    assert!(
        out.starts_with("<!doctype html>\n<html lang=\"nl\">"),
        "{out}"
    );
    assert!(out.contains("<h1>Samenwerkingsscan: Kansrijk, met aandachtspunten</h1>"));
    assert!(out.contains("<h2>Waarom dit oordeel</h2>"));
    assert!(out.contains("<table>") && out.contains("<li>"));
    let group = ok(&[
        "evaluate",
        "--format",
        "html",
        "--lang",
        "en",
        &answers(GROUP),
    ]);
    assert!(group.contains("<html lang=\"en\">") && group.contains("<table>"));
}

#[test]
fn evaluate_markdown_reads_as_a_report() {
    let out = ok(&["evaluate", "--format", "markdown", &answers(PREPARING)]);
    assert!(out.starts_with("# Samenwerkingsscan: Kansrijk, met aandachtspunten\n"));
    for heading in [
        "## Waarom dit oordeel",
        "## Per fase",
        "## Sterke punten",
        "## Risico’s",
        "## Advies, belangrijkste eerst",
        "## Volgende stap",
        "## Past de gekozen vorm?",
    ] {
        assert!(out.contains(heading), "{heading} missing in\n{out}");
    }
    assert!(out.contains(": let op"), "{out}");
    let english = ok(&["evaluate", "--lang=en", "--format=md", &answers(PREPARING)]);
    assert!(english.starts_with("# Partnership readiness scan: Promising, with points to watch\n"));
}

#[test]
fn a_group_file_or_several_files_give_a_group_report() {
    let out = ok(&["evaluate", &answers(GROUP)]);
    let group: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(group["respondents"], 8);
    assert_eq!(group["report"]["verdict"]["level"], "needs_steering");

    let out = ok(&["evaluate", &answers(SINGLE), &answers(PREPARING)]);
    let group: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(group["respondents"], 2);
    assert_eq!(group["min_group_size"], 3);

    // A lower anonymity minimum shows the two executives.
    let out = ok(&["evaluate", "--min-group-size", "2", &answers(GROUP)]);
    let group: Value = serde_json::from_str(&out).unwrap();
    let executives = group["roles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "bestuurder")
        .unwrap();
    assert_eq!(executives["shown"], true);

    let md = ok(&["evaluate", "--format", "markdown", &answers(GROUP)]);
    assert!(md.contains("## Verschillen tussen gemeenten"));
    assert!(md.contains("in de samengevoegde rij"), "{md}");
}

#[test]
fn evaluate_reads_stdin() {
    let text = std::fs::read_to_string(answers(SINGLE)).unwrap();
    let output = run_with_stdin(&["evaluate", "-"], &text);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["verdict"]["level"], "promising");
}

#[test]
fn compare_gives_a_comparison() {
    let out = ok(&["compare", &answers(SINGLE), &answers(PREPARING)]);
    let comparison: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(comparison["baseline_verdict"], "promising");
    assert!(comparison["factors"].as_array().unwrap().len() == Instrument::builtin().factors.len());
    let md = ok(&[
        "compare",
        "--format",
        "markdown",
        &answers(GROUP),
        &answers(PREPARING),
    ]);
    assert!(md.starts_with("# Samenwerkingsscan: nulmeting en nieuwe meting"));
    assert!(md.contains("## Verbeterd"));
    assert!(md.contains("## Verslechterd"));
    fails(&["compare", &answers(SINGLE)], 2);
}

#[test]
fn share_codes_round_trip_through_the_cli() {
    let path = answers(PREPARING);
    let original = Answers::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap();

    let code = ok(&["share", "encode", &path]);
    let code = code.trim();
    assert!(code.chars().all(|c| c == '-' || c.is_ascii_alphanumeric()));
    let decoded = Answers::from_json(&ok(&["share", "decode", code])).unwrap();
    assert_eq!(decoded.responses, original.responses);
    assert_eq!(decoded.respondent, original.respondent);
    assert!(decoded.context.partners.is_empty());

    let long = ok(&["share", "encode", "--with-context", &path]);
    let decoded = Answers::from_json(&ok(&["share", "decode", long.trim()])).unwrap();
    assert_eq!(decoded, original);
    // Split in parts on the command line, in lower case.
    let parts: Vec<String> = code.split('-').map(str::to_lowercase).collect();
    let mut args = vec!["share", "decode"];
    args.extend(parts.iter().map(String::as_str));
    assert_eq!(
        Answers::from_json(&ok(&args)).unwrap().responses,
        original.responses
    );

    let err = fails(&["share", "decode", "ABCDE-FGHJK"], 1);
    assert!(err.contains("share code"), "{err}");
    fails(&["share", "encode", &answers(GROUP)], 1);
    fails(&["share", "encode"], 2);

    // An answer a code cannot carry (a statement retired in 2.1.0) is said
    // on stderr; the code still holds the rest.
    let old = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../core/tests/golden/v1-voor-model-v2.json"
    );
    let out = run(&["share", "encode", old]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("not in the code: $.responses[\"visievorming.2\"]"),
        "{stderr}"
    );
    // The context is left out unless asked for, and said.
    let with_context = scratch(
        "context.json",
        r#"{"context": {"stage": "preparing"}, "responses": {"noodzaak-onderkend.1": 4}}"#,
    );
    let with_context = with_context.to_str().unwrap();
    let out = run(&["share", "encode", with_context]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("not in the code: $.context: The context"),
        "{stderr}"
    );
    let out = run(&["share", "encode", "--with-context", with_context]);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_instrument_prints_in_all_languages_or_one() {
    let all: Value = serde_json::from_str(&ok(&["instrument"])).unwrap();
    assert_eq!(
        all["factors"].as_array().unwrap().len(),
        Instrument::builtin().factors.len()
    );
    assert!(all["title"]["en"].is_string());
    let nl: Value = serde_json::from_str(&ok(&["instrument", "--lang", "nl"])).unwrap();
    assert_eq!(
        nl["title"],
        Instrument::builtin().title.get(samenwerkingsscan::Lang::Nl)
    );
    assert_eq!(nl["scale"]["points"][0]["value"], 1);
    assert!(nl["context"]["forms"][0]["label"].is_string());
    assert_eq!(nl["languages"], serde_json::json!(["nl"]));
    fails(&["instrument", "--lang", "de"], 2);
}

#[test]
fn validate_accepts_the_builtin_and_lists_every_problem() {
    let builtin = scratch("builtin.json", &ok(&["instrument"]));
    let out = ok(&["validate", builtin.to_str().unwrap()]);
    assert!(out.contains("valid"), "{out}");

    let mut value: Value = serde_json::from_str(&ok(&["instrument"])).unwrap();
    value["factors"][1]["id"] = value["factors"][0]["id"].clone();
    value["factors"][2]["weight"] = serde_json::json!(7);
    value["factors"][3]["name"]
        .as_object_mut()
        .unwrap()
        .remove("en");
    let broken = scratch("broken.json", &value.to_string());
    let output = run(&["validate", broken.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let listing = stdout(&output);
    for path in [
        "$.factors[1].id:",
        "$.factors[2].weight:",
        "$.factors[3].name.en:",
    ] {
        assert!(listing.contains(path), "{path} in {listing}");
    }
    assert!(stderr(&output).contains("3 problem(s)"));

    let output = run(&["validate", "--format", "json", broken.to_str().unwrap()]);
    let problems: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(problems.as_array().unwrap().len(), 3);

    // A custom instrument with problems is refused by evaluate too.
    let err = fails(
        &[
            "evaluate",
            "--instrument",
            broken.to_str().unwrap(),
            &answers(SINGLE),
        ],
        1,
    );
    assert!(err.contains("3 problem(s)"), "{err}");
    // A valid one is used.
    let out = ok(&[
        "evaluate",
        "--instrument",
        builtin.to_str().unwrap(),
        &answers(SINGLE),
    ]);
    assert!(out.contains("\"verdict\""));
}

#[test]
fn errors_are_one_line_with_the_right_exit_code() {
    fails(&[], 2);
    fails(&["frobnicate"], 2);
    fails(&["evaluate"], 2);
    fails(&["evaluate", "--format", "pdf", &answers(SINGLE)], 2);
    fails(&["evaluate", "--min-group-size", "-1", &answers(SINGLE)], 2);
    fails(&["evaluate", "--colour", &answers(SINGLE)], 2);
    fails(&["validate"], 2);
    let err = fails(&["evaluate", "/no/such/file.json"], 1);
    assert!(err.contains("/no/such/file.json"));
    let not_json = scratch("not-json.json", "{ responses: ");
    let err = fails(&["evaluate", not_json.to_str().unwrap()], 1);
    assert!(err.contains("geen leesbaar JSON-bestand"), "{err}");
    let err = fails(&["evaluate", "--lang", "en", not_json.to_str().unwrap()], 1);
    assert!(err.contains("This is not a readable JSON file"), "{err}");
    // A wrong value costs only itself: the report names it with its path.
    let wrong_value = scratch(
        "wrong-value.json",
        r#"{"responses": {"werkdruk.1": "veel", "noodzaak-onderkend.1": 4}}"#,
    );
    let out = ok(&["evaluate", wrong_value.to_str().unwrap()]);
    assert!(out.contains(r#"$.responses[\"werkdruk.1\"]"#), "{out}");
    assert!(out.contains("staat de tekst ‘veel’"), "{out}");
    let newer = scratch(
        "newer.json",
        r#"[{"format_version": 1}, {"format_version": 9}]"#,
    );
    let err = fails(&["evaluate", newer.to_str().unwrap()], 1);
    assert!(err.contains("Respondent 2"), "{err}");
    let err = fails(&["evaluate", "--lang", "en", newer.to_str().unwrap()], 1);
    assert!(
        err.contains("$[1].format_version: this file is of version 9"),
        "{err}"
    );
    let empty = scratch("empty.json", "[]");
    fails(&["evaluate", empty.to_str().unwrap()], 1);
    fails(&["validate", not_json.to_str().unwrap()], 1);
}

#[test]
fn help_and_version() {
    assert!(ok(&["help"]).contains("samenwerkingsscan evaluate"));
    assert!(ok(&["--help"]).contains("Exit codes"));
    assert!(ok(&["--version"]).starts_with("samenwerkingsscan "));
    assert!(ok(&["share", "encode", "--help"]).contains("share decode"));
}

#[test]
fn usage_errors_say_what_is_missing_or_allowed() {
    assert!(fails(&["evaluate"], 2).contains("<FILES>"));
    assert!(fails(&["compare", "a.json"], 2).contains("<CURRENT>"));
    let err = fails(&["evaluate", "--format", "pdf", &answers(SINGLE)], 2);
    assert!(err.contains("pdf") && err.contains("markdown"), "{err}");
    // A value with a line break stays on the one line.
    assert!(fails(&["instrument", "--lang", "en\nX"], 2).contains("X"));
    // Negative and odd numbers are quoted as typed.
    for typed in ["-inf", "-5e-1", "1e999", "nan", " "] {
        let err = fails(&["evaluate", "--gap-threshold", typed, &answers(SINGLE)], 2);
        assert!(err.contains(&format!("not '{typed}'")), "{typed}: {err}");
    }
    // Standard input once.
    let err = fails(&["evaluate", "-", "-"], 2);
    assert!(err.contains("only once"), "{err}");
    // A long argument is not echoed whole.
    let long = format!("--{}", "x".repeat(100_000));
    assert!(
        fails(&["evaluate", &long, &answers(SINGLE)], 2)
            .chars()
            .count()
            < 600
    );
}

#[test]
fn what_a_respondent_typed_reaches_no_terminal_or_markdown_as_markup() {
    let hostile = scratch(
        "hostile.json",
        r#"{"responses": {"x <img src=x onerror=alert(1)>\n# Kop\n\u001b]0;t\u0007": 3}}"#,
    );
    let md = ok(&["evaluate", "--format", "md", hostile.to_str().unwrap()]);
    assert!(!md.contains('\u{1b}') && !md.contains('\u{7}'), "{md}");
    assert!(!md.contains("\n# Kop"), "{md}");
    assert!(md.contains(r"\u000a# Kop\u000a\u001b"), "{md}");
    // A key of 100,000 characters is cut in the path.
    let long = scratch(
        "long-key.json",
        &format!(r#"{{"responses": {{"{}": 3}}}}"#, "k".repeat(100_000)),
    );
    let json = ok(&["evaluate", long.to_str().unwrap()]);
    assert!(json.len() < 60_000, "{}", json.len());
}

#[test]
fn share_encode_names_what_a_code_cannot_carry_on_prefixed_lines() {
    let responses: Vec<String> = (0..30).map(|i| format!(r#""weg.{i}": 3"#)).collect();
    let file = scratch(
        "unknown-ids.json",
        &format!(r#"{{"responses": {{{}}}}}"#, responses.join(", ")),
    );
    let output = run(&["share", "encode", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 21, "{err}");
    assert!(err
        .lines()
        .all(|l| l.starts_with("samenwerkingsscan: not in the code: ")));
    assert!(err.lines().last().unwrap().contains("10 more"), "{err}");
    // One respondent of more than 1 MB is refused before it is read.
    let big = scratch(
        "big.json",
        &format!(
            r#"{{"respondent": {{"municipality": "{}"}}}}"#,
            "a".repeat(1_100_000)
        ),
    );
    assert!(fails(&["share", "encode", big.to_str().unwrap()], 1).contains("larger than 1 MB"));
    // A character added to a code is a typo, not the same answers.
    let code = ok(&["share", "encode", &answers(SINGLE)]);
    fails(&["share", "decode", &format!("{}X", code.trim())], 1);
}

#[test]
fn an_instrument_without_dutch_reports_in_its_own_language() {
    let mut english: Value =
        serde_json::from_str(&Instrument::builtin_json(samenwerkingsscan::Lang::En)).unwrap();
    english["languages"] = serde_json::json!(["en"]);
    let file = scratch("english-only.json", &english.to_string());
    let out = ok(&[
        "evaluate",
        "--instrument",
        file.to_str().unwrap(),
        &answers(SINGLE),
    ]);
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["lang"], "en");
    fails(
        &[
            "evaluate",
            "--lang",
            "nl",
            "--instrument",
            file.to_str().unwrap(),
            &answers(SINGLE),
        ],
        2,
    );
}

/// `evaluate <path>` that succeeds: the report as JSON and what stderr said.
fn evaluated(path: &Path) -> (Value, String) {
    let out = run(&["evaluate", path.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = serde_json::from_slice(&out.stdout).unwrap();
    (report, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn a_survey_tools_export_is_evaluated_as_a_group_with_each_problem_at_its_cell() {
    // The template's header, then six respondents as a survey tool exports
    // them: numbers and the scale's labels, one answer that is neither.
    let template = ok(&["template"]);
    let header = template.trim_start_matches('\u{feff}').trim_end();
    assert!(header.starts_with("Gemeente;Rol;"), "{header}");
    let columns = header.matches(';').count() + 1;
    let mut csv = format!("{header}\n");
    for (i, municipality) in [
        "Druten", "Druten", "Druten", "Wijchen", "Wijchen", "Wijchen",
    ]
    .iter()
    .enumerate()
    {
        let mut row = vec![municipality.to_string(), "raadslid".into()];
        row.extend((2..columns).map(|c| match (i, c) {
            (2, 4) => "heel goed".to_string(),
            (_, c) if c % 2 == 0 => "Eens".to_string(),
            _ => "4".to_string(),
        }));
        csv.push_str(&row.join(";"));
        csv.push('\n');
    }
    let (report, stderr) = evaluated(&scratch("enquete.csv", &csv));
    assert_eq!(report["respondents"], 6);
    assert!(
        stderr.contains("E4: Het antwoord ‘heel goed’ kent de scan niet."),
        "{stderr}"
    );
    // A table without statements: refused, saying what the first row needs.
    let other = scratch("adressen.csv", "Naam;Straat\nA;B\n");
    let err = fails(&["evaluate", other.to_str().unwrap()], 1);
    assert!(
        err.contains("first row") || err.contains("eerste rij"),
        "{err}"
    );
}

/// A minimal .xlsx with one sheet of inline-string and number cells at
/// their (row, column) from 1, as a survey tool's export would have them.
fn xlsx(name: &str, cells: &[(u32, u32, &str)]) -> PathBuf {
    use std::io::Write;
    let path = scratch(name, "");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    let mut put = |name: &str, body: &str| {
        zip.start_file(name, options).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    };
    put(
        "[Content_Types].xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
    );
    put(
        "_rels/.rels",
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
    );
    put(
        "xl/workbook.xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Antwoorden" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
    );
    put(
        "xl/_rels/workbook.xml.rels",
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
    );
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    let mut rows: Vec<u32> = cells.iter().map(|c| c.0).collect();
    rows.dedup();
    for row in rows {
        sheet.push_str(&format!(r#"<row r="{row}">"#));
        for (_, column, value) in cells.iter().filter(|c| c.0 == row) {
            let reference = format!("{}{row}", char::from(b'A' + (*column - 1) as u8));
            if value.parse::<f64>().is_ok() {
                sheet.push_str(&format!(r#"<c r="{reference}"><v>{value}</v></c>"#));
            } else {
                sheet.push_str(&format!(
                    r#"<c r="{reference}" t="inlineStr"><is><t>{value}</t></is></c>"#
                ));
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    put("xl/worksheets/sheet1.xml", &sheet);
    zip.finish().unwrap();
    path
}

#[test]
fn an_xlsx_export_is_read_with_its_own_cell_names() {
    let statement = "vergelijkbaarheid-en-bekendheid.1";
    // The table starts at B2, as an export with a title row would.
    let mut cells = vec![(2, 2, "Gemeente"), (2, 3, statement), (2, 4, "Opmerking")];
    for row in 3..9 {
        cells.push((row, 2, if row < 6 { "Druten" } else { "Wijchen" }));
        cells.push((row, 3, if row == 4 { "zes" } else { "4" }));
    }
    let (report, stderr) = evaluated(&xlsx("enquete.xlsx", &cells));
    // The row whose one answer does not count holds no respondent.
    assert_eq!(report["respondents"], 5);
    assert!(stderr.contains("D2: De kolom ‘Opmerking’"), "{stderr}");
    assert!(
        stderr.contains("C4: Het antwoord ‘zes’ kent de scan niet."),
        "{stderr}"
    );
}
