use super::*;

/// A sheet's cells: (row, column, value), rows and columns from 1.
type Cells<'a> = &'a [(u32, u32, &'a str)];

/// A minimal .xlsx in memory: sheets by name, each with inline-string and
/// number cells at their (row, column) from 1, as a survey tool's export
/// would have them.
pub(crate) fn xlsx(sheets: &[(&str, Cells)]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    let mut put = |name: &str, body: &str| {
        zip.start_file(name, options).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    };
    let overrides: String = (1..=sheets.len())
        .map(|i| format!(r#"<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#))
        .collect();
    put(
        "[Content_Types].xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{overrides}</Types>"#
        ),
    );
    put(
        "_rels/.rels",
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
    );
    let names: String = sheets
        .iter()
        .enumerate()
        .map(|(i, (name, _))| {
            format!(
                r#"<sheet name="{name}" sheetId="{}" r:id="rId{}"/>"#,
                i + 1,
                i + 1
            )
        })
        .collect();
    put(
        "xl/workbook.xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{names}</sheets></workbook>"#
        ),
    );
    let relations: String = (1..=sheets.len())
        .map(|i| format!(r#"<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>"#))
        .collect();
    put(
        "xl/_rels/workbook.xml.rels",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{relations}</Relationships>"#
        ),
    );
    for (i, (_, cells)) in sheets.iter().enumerate() {
        let mut sheet = String::from(
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
        );
        let mut rows: Vec<u32> = cells.iter().map(|c| c.0).collect();
        rows.dedup();
        for row in rows {
            sheet.push_str(&format!(r#"<row r="{row}">"#));
            for (_, column, value) in cells.iter().filter(|c| c.0 == row) {
                let reference = format!("{}{row}", column_name(*column));
                if value.parse::<f64>().is_ok() {
                    sheet.push_str(&format!(r#"<c r="{reference}"><v>{value}</v></c>"#));
                } else if value.starts_with('#') {
                    // An error value, as Excel stores #N/A.
                    sheet.push_str(&format!(r#"<c r="{reference}" t="e"><v>{value}</v></c>"#));
                } else if let Some(b) = value.strip_prefix("bool:") {
                    sheet.push_str(&format!(r#"<c r="{reference}" t="b"><v>{b}</v></c>"#));
                } else {
                    sheet.push_str(&format!(
                        r#"<c r="{reference}" t="inlineStr"><is><t>{value}</t></is></c>"#
                    ));
                }
            }
            sheet.push_str("</row>");
        }
        sheet.push_str("</sheetData></worksheet>");
        put(&format!("xl/worksheets/sheet{}.xml", i + 1), &sheet);
    }
    zip.finish().unwrap().into_inner()
}

/// "A", "Z", "AA" … for a column from 1.
fn column_name(column: u32) -> String {
    let mut n = column;
    let mut name = Vec::new();
    while n > 0 {
        let rest = (n - 1) % 26;
        name.push(b'A' + rest as u8);
        n = (n - 1) / 26;
    }
    name.reverse();
    String::from_utf8(name).unwrap()
}

#[test]
fn the_separator_is_found_outside_quotes_and_excels_hint_is_honoured() {
    let rows = delimited(
        "\u{feff}Gemeente;\"Stelling, met komma\"\nDruten;4\n".as_bytes(),
        None,
    )
    .unwrap();
    assert_eq!(
        rows,
        [vec!["Gemeente", "Stelling, met komma"], vec!["Druten", "4"]]
    );
    let rows = delimited(b"a,b\n1,2\n", None).unwrap();
    assert_eq!(rows[1], ["1", "2"]);
    let rows = delimited(b"sep=,\na;b,c\n", None).unwrap();
    assert_eq!(rows[0], ["a;b", "c"]);
    let rows = delimited(b"a\tb\n1\t2\n", None).unwrap();
    assert_eq!(rows[1], ["1", "2"]);
    // Windows-1252 from Dutch Excel: "Eén" as 0xE9.
    let rows = delimited(b"Gemeente;Rol\nE\xe9n;raadslid\n", None).unwrap();
    assert_eq!(rows[1][0], "Eén");
}

#[test]
fn tables_are_known_by_their_extension_in_any_case() {
    for name in [
        "antwoorden.csv",
        "a.XLSX",
        "export.tsv",
        "b.xlsm",
        "c.Xls",
        "d.ods",
    ] {
        assert!(samenwerkingsscan::is_table_file(name), "{name}");
    }
    for name in [
        "antwoorden.json",
        "csv",
        ".csv",
        "map.csv/bestand",
        "a.txt",
        "",
    ] {
        assert!(!samenwerkingsscan::is_table_file(name), "{name}");
    }
}

#[test]
fn xls_and_ods_are_refused_with_advice_and_broken_files_are_said() {
    let error = sheets("oud.xls", b"\xd0\xcf\x11\xe0").unwrap_err();
    assert_eq!(error, SurveyError::OtherFormat);
    assert!(error.say(Lang::Nl).contains("Opslaan als"));
    let error = sheets("kapot.xlsx", b"PK\x03\x04 but not a zip").unwrap_err();
    assert!(matches!(error, SurveyError::Unreadable { xlsx: true, .. }));
    assert!(error
        .say(Lang::Nl)
        .starts_with("De scan kan dit .xlsx-bestand niet lezen."));
    assert!(error
        .to_string()
        .starts_with("The scan cannot read this .xlsx file."));
}

#[test]
fn an_xlsx_keeps_its_cell_names_and_the_first_survey_sheet_is_read() {
    let instrument = Instrument::builtin();
    let statement = instrument.factors[0].statements[0].id.as_str();
    // An explanation first; the table on the second sheet starts at B2.
    let mut cells = vec![(2, 2, "Gemeente"), (2, 3, statement), (2, 4, "Opmerking")];
    for row in 3..6 {
        cells.push((row, 2, "Druten"));
        cells.push((row, 3, if row == 4 { "zes" } else { "4" }));
    }
    let bytes = xlsx(&[
        ("Uitleg", &[(1, 1, "Lees dit eerst")]),
        ("Antwoorden", &cells),
    ]);
    let table = read_survey(instrument, "enquete.xlsx", &bytes).unwrap();
    assert_eq!(table.respondents.len(), 2);
    let said: Vec<String> = table.notices.iter().map(|n| n.text(Lang::Nl)).collect();
    assert!(
        said.iter()
            .any(|s| s.starts_with("D2: De kolom ‘Opmerking’")),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|s| s.starts_with("C4: Het antwoord ‘zes’ kent de scan niet.")),
        "{said:?}"
    );
}

#[test]
fn a_sheet_with_a_far_cell_is_refused_before_its_grid_is_built() {
    let bytes = xlsx(&[("Blad1", &[(1, 1, "Gemeente"), (MAX_ROWS + 1, 1, "x")])]);
    let error = sheets("groot.xlsx", &bytes).unwrap_err();
    assert_eq!(
        error,
        SurveyError::TooLarge {
            sheet: "Blad1".into()
        }
    );
    let bytes = xlsx(&[("Blad1", &[(1, MAX_COLUMNS + 1, "x")])]);
    assert!(matches!(
        sheets("breed.xlsx", &bytes),
        Err(SurveyError::TooLarge { .. })
    ));
}

#[test]
fn no_survey_sheet_gives_the_first_sheets_reason() {
    let instrument = Instrument::builtin();
    let error = read_survey(instrument, "leeg.csv", b"").unwrap_err();
    assert_eq!(error, SurveyError::Table(TableError::Empty));
    let error = read_survey(instrument, "anders.csv", b"Naam;Leeftijd\nAnna;40\n").unwrap_err();
    assert_eq!(error, SurveyError::Table(TableError::NoStatements));
    assert_eq!(error.say(Lang::En), TableError::NoStatements.say(Lang::En));
}

#[test]
fn the_template_reads_back_in_both_languages_with_every_statement() {
    let instrument = Instrument::builtin();
    let statements = instrument.statements().count();
    for lang in Lang::ALL {
        let mut file = samenwerkingsscan::template_csv(instrument, lang, None);
        let separator = lang.pick(";", ",");
        let mut row = vec!["Druten".to_string(), "raadslid".to_string()];
        row.extend((0..statements).map(|i| (1 + i % 5).to_string()));
        file.push_str(&row.join(separator));
        file.push_str("\r\n");
        let table = read_survey(instrument, "sjabloon.csv", file.as_bytes()).unwrap();
        assert!(table.notices.is_empty(), "{lang:?}: {:?}", table.notices);
        assert_eq!(table.respondents.len(), 1);
        let answers = &table.respondents[0];
        assert_eq!(answers.responses.len(), statements, "{lang:?}");
        assert_eq!(answers.respondent.municipality.as_deref(), Some("Druten"));
    }
}

#[test]
fn a_far_cell_on_many_rows_is_refused_before_memory_runs_out() {
    // Every row as wide as column 2,000: over the cell limit after 2,000 rows.
    let far: Vec<(u32, u32, &str)> = (1..=2_100).map(|row| (row, MAX_COLUMNS, "x")).collect();
    let bytes = xlsx(&[("Blad1", &far)]);
    assert_eq!(
        sheets("breed.xlsx", &bytes).unwrap_err(),
        SurveyError::TooLarge {
            sheet: "Blad1".into()
        }
    );
    // A line of separators in a .csv likewise.
    let line = ";".repeat(MAX_CELLS + 1);
    assert!(matches!(
        sheets("lang.csv", line.as_bytes()),
        Err(SurveyError::TooLarge { .. })
    ));
    assert!(SurveyError::TooLarge { sheet: String::new() }
        .say(Lang::Nl)
        .starts_with("De tabel is te groot om te lezen: meer dan 200.000 rijen, 2.000 kolommen of 4.000.000 cellen."));
    assert!(SurveyError::TooLarge { sheet: "Blad1".into() }
        .say(Lang::En)
        .starts_with("The sheet ‘Blad1’ is too large to read: more than 200,000 rows, 2,000 columns or 4,000,000 cells."));
}

#[test]
fn error_and_true_false_cells_are_said_not_hidden() {
    let instrument = Instrument::builtin();
    let statement = instrument.factors[0].statements[0].id.as_str();
    let cells = [
        (1, 1, "Gemeente"),
        (1, 2, statement),
        (2, 1, "Druten"),
        (2, 2, "#N/A"),
        (3, 1, "Wijchen"),
        (3, 2, "bool:1"),
        (4, 1, "Druten"),
        (4, 2, "4"),
    ];
    let table = read_survey(instrument, "fouten.xlsx", &xlsx(&[("Blad1", &cells)])).unwrap();
    let said: Vec<String> = table.notices.iter().map(|n| n.text(Lang::En)).collect();
    assert!(
        said.iter()
            .any(|s| s.starts_with("B2:") && s.contains("#N/A")),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|s| s.starts_with("B3:") && s.contains("true")),
        "{said:?}"
    );
    assert_eq!(table.respondents.len(), 1);
}

#[test]
fn only_the_sheets_up_to_the_survey_are_read() {
    let instrument = Instrument::builtin();
    let statement = instrument.factors[0].statements[0].id.as_str();
    let survey = [(1, 1, statement), (2, 1, "4")];
    // A far cell on the sheet after the survey does not matter.
    let bytes = xlsx(&[
        ("Antwoorden", &survey),
        ("Kladblok", &[(MAX_ROWS + 1, 1, "x")]),
    ]);
    assert_eq!(
        read_survey(instrument, "enquete.xlsx", &bytes)
            .unwrap()
            .respondents
            .len(),
        1
    );
}

#[test]
fn a_file_over_the_limit_says_the_limit_in_megabytes() {
    let error = SurveyError::FileTooLarge {
        limit: MAX_BROWSER_BYTES,
    };
    assert!(error
        .say(Lang::Nl)
        .starts_with("Dit bestand is groter dan 5 MB."));
    assert!(error
        .to_string()
        .starts_with("This file is larger than 5 MB."));
}

#[test]
fn blank_lines_keep_the_cell_names_of_the_rows_below() {
    let rows = delimited(b"a;b\n\n1;\"two\nlines\"\n\n\n3;4\n", None).unwrap();
    // Row 1 the header, row 2 blank, row 3 the record of two lines, rows 4
    // and 5 blank, row 6 the last record: as a spreadsheet shows them.
    assert_eq!(rows.len(), 6, "{rows:?}");
    assert_eq!(rows[2], ["1", "two\nlines"]);
    assert!(rows[3].is_empty() && rows[4].is_empty());
    assert_eq!(rows[5], ["3", "4"]);
}

#[test]
fn excels_separator_line_in_its_other_spellings_and_tsv_by_name() {
    for first in ["sep=,", "SEP=,", "\"sep=,\""] {
        let text = format!("{first}\r\na;b,c\r\n");
        assert_eq!(
            delimited(text.as_bytes(), None).unwrap()[0],
            ["a;b", "c"],
            "{first}"
        );
    }
    let rows = delimited(b"sep=\t\na,b\tc\n", None).unwrap();
    assert_eq!(rows[0], ["a,b", "c"]);
    // Statement texts with commas, tab-separated: the name says the tab.
    let rows = sheets("export.tsv", b"Een, twee\tDrie, vier\n1\t2\n").unwrap();
    assert_eq!(rows[0][0], ["Een, twee", "Drie, vier"]);
}

#[test]
fn a_utf8_file_with_one_stray_byte_stays_utf8() {
    let rows = delimited(
        b"\xEF\xBB\xBFGemeente;Opmerking\nS\xC3\xBAdwest-Frysl\xC3\xA2n;\x93ja\n",
        None,
    )
    .unwrap();
    assert_eq!(rows[1][0], "Súdwest-Fryslân");
}

#[test]
fn what_a_file_holds_decides_how_it_is_read_not_its_name() {
    let instrument = Instrument::builtin();
    let statement = instrument.factors[0].statements[0].id.as_str();
    let workbook = xlsx(&[("Blad1", &[(1, 1, statement), (2, 1, "4")])]);
    assert_eq!(
        read_survey(instrument, "export.csv", &workbook)
            .unwrap()
            .respondents
            .len(),
        1
    );
    let text = format!("{statement}\n4\n");
    assert_eq!(
        read_survey(instrument, "export.xlsx", text.as_bytes())
            .unwrap()
            .respondents
            .len(),
        1
    );
    assert_eq!(
        sheets("oud.xlsx", b"\xD0\xCF\x11\xE0rest").unwrap_err(),
        SurveyError::OtherFormat
    );
}

#[test]
fn a_list_of_the_questions_before_the_answers_is_passed_over() {
    let instrument = Instrument::builtin();
    let statements: Vec<&str> = instrument
        .statements()
        .take(2)
        .map(|(_, s)| s.id.as_str())
        .collect();
    let questions = [(1, 1, statements[0]), (2, 1, statements[1])];
    let answers = [
        (1, 1, statements[0]),
        (1, 2, statements[1]),
        (2, 1, "4"),
        (2, 2, "2"),
    ];
    let bytes = xlsx(&[("Vragenlijst", &questions), ("Antwoorden", &answers)]);
    let table = read_survey(instrument, "enquete.xlsx", &bytes).unwrap();
    assert_eq!(table.respondents.len(), 1);
    assert_eq!(table.respondents[0].responses.len(), 2);
}

#[test]
fn an_empty_formatted_cell_far_away_is_no_reason_to_refuse() {
    let instrument = Instrument::builtin();
    let statement = instrument.factors[0].statements[0].id.as_str();
    let mut bytes = xlsx(&[("Blad1", &[(1, 1, statement), (2, 1, "4")])]);
    // The same sheet with an empty cell that only has a format, at the end of Excel's grid.
    let text = String::from_utf8_lossy(&unzip(&bytes, "xl/worksheets/sheet1.xml")).replace(
        "</sheetData>",
        r#"<row r="1048576"><c r="XFD1048576" s="1"/></row></sheetData>"#,
    );
    bytes = rezip(&bytes, "xl/worksheets/sheet1.xml", &text);
    assert_eq!(
        read_survey(instrument, "x.xlsx", &bytes)
            .unwrap()
            .respondents
            .len(),
        1
    );
}

#[test]
fn a_small_file_that_unpacks_to_too_much_is_refused_before_unpacking() {
    let big = " ".repeat(MAX_UNPACKED_BYTES as usize + 1);
    let bytes = rezip(
        &xlsx(&[("Blad1", &[(1, 1, "x")])]),
        "xl/worksheets/sheet1.xml",
        &big,
    );
    assert!(bytes.len() < MAX_BROWSER_BYTES, "{} bytes", bytes.len());
    assert_eq!(
        sheets("bom.xlsx", &bytes).unwrap_err(),
        SurveyError::Unpacked
    );
    assert!(SurveyError::Unpacked
        .say(Lang::Nl)
        .starts_with("Uitgepakt is dit .xlsx-bestand groter dan 200 MB."));
}

/// One part of a zip, unpacked.
fn unzip(bytes: &[u8], name: &str) -> Vec<u8> {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = Vec::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_end(&mut out)
        .unwrap();
    out
}

/// The zip with one part replaced (compressed).
fn rezip(bytes: &[u8], name: &str, text: &str) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(text.len() > u32::MAX as usize / 2);
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let part = file.name().to_string();
        let mut body = Vec::new();
        file.read_to_end(&mut body).unwrap();
        out.start_file(part.as_str(), options).unwrap();
        if part == name {
            out.write_all(text.as_bytes()).unwrap();
        } else {
            out.write_all(&body).unwrap();
        }
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn a_zip_that_lies_about_its_sizes_is_unpacked_only_up_to_the_limit() {
    // Built as any other, then its sizes in both headers changed to 1,000.
    let big = " ".repeat(MAX_UNPACKED_BYTES as usize + 10);
    let mut bytes = rezip(
        &xlsx(&[("Blad1", &[(1, 1, "x")])]),
        "xl/worksheets/sheet1.xml",
        &big,
    );
    let name = b"xl/worksheets/sheet1.xml";
    let mut at = 0;
    while let Some(found) = bytes[at..].windows(name.len()).position(|w| w == name) {
        let start = at + found;
        // The local header (30 bytes before the name) keeps the size at 22;
        // the central one (46 bytes before it) at 24.
        for (header, offset) in [(30usize, 22usize), (46, 24)] {
            if start >= header {
                let base = start - header;
                let signature = &bytes[base..base + 4];
                if signature == b"PK\x03\x04" && header == 30
                    || signature == b"PK\x01\x02" && header == 46
                {
                    bytes[base + offset..base + offset + 4]
                        .copy_from_slice(&1_000u32.to_le_bytes());
                }
            }
        }
        at = start + name.len();
    }
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
    let declared: u64 = (0..archive.len())
        .map(|i| archive.by_index_raw(i).unwrap().size())
        .sum();
    assert!(
        declared < MAX_UNPACKED_BYTES,
        "the sizes were not changed: {declared}"
    );
    assert_eq!(
        sheets("gelogen.xlsx", &bytes).unwrap_err(),
        SurveyError::Unpacked
    );
}

#[test]
fn a_file_with_old_mac_line_ends_reads_as_any_other() {
    let rows = delimited(b"sep=;\ra;b\r\r1;2\r", None).unwrap();
    assert_eq!(rows, [vec!["a", "b"], vec![], vec!["1", "2"]]);
}
