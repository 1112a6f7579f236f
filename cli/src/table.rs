//! Survey tools' exports as tables of text: `.csv` or `.tsv` (the separator
//! found from the header, outside quotes: `;` as Dutch Excel writes it, `,`
//! or a tab; Excel's `sep=` line honoured) with the csv crate, `.xlsx`
//! (every sheet, cells at their own row and column) with calamine. The core
//! reads a table (`samenwerkingsscan::read_table`).

use samenwerkingsscan::Lang;
use std::path::Path;

/// The most rows and columns read from a sheet: far more than any survey
/// (a cell far down a sheet must not ask for a grid of gigabytes).
const MAX_ROWS: u32 = 200_000;
const MAX_COLUMNS: u32 = 2_000;

/// A table as rows of cells.
pub type Rows = Vec<Vec<String>>;

/// Whether `path` is a table rather than an answers file (by extension).
pub fn is_table(path: &Path) -> bool {
    extension(path)
        .is_some_and(|e| matches!(e.as_str(), "csv" | "tsv" | "xlsx" | "xlsm" | "xls" | "ods"))
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// The sheets of the table in `path` (a CSV has one), every cell as text.
///
/// # Errors
/// A plain sentence in `lang` when the file cannot be read as a table.
pub fn sheets(path: &Path, bytes: &[u8], lang: Lang) -> Result<Vec<Rows>, String> {
    match extension(path).as_deref() {
        Some("xlsx" | "xlsm") => workbook(path, lang),
        Some("xls" | "ods") => Err(lang
            .pick(
                "dit soort bestand leest de scan niet; sla het op als .xlsx of .csv (Excel: Opslaan als).",
                "the scan does not read this kind of file; save it as .xlsx or .csv (Excel: Save As).",
            )
            .to_string()),
        _ => delimited(bytes, lang).map(|rows| vec![rows]),
    }
}

fn delimited(bytes: &[u8], lang: Lang) -> Result<Rows, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Not UTF-8: the Windows-1252 that Excel writes in a Dutch locale.
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0,
    };
    let (first, rest) = text.split_once('\n').unwrap_or((&text, ""));
    // Excel's own hint: a first line `sep=;`.
    let (separator, body) = match first.trim_end().strip_prefix("sep=") {
        Some(sep) if sep.len() == 1 => (sep.as_bytes()[0], rest),
        _ => (guess(first), text.as_ref()),
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    reader
        .records()
        .map(|record| {
            record
                .map(|r| r.iter().map(str::to_string).collect())
                .map_err(|e| {
                    lang.pick(
                        format!("is geen leesbare tabel ({e})."),
                        format!("is not a readable table ({e})."),
                    )
                })
        })
        .collect()
}

/// The separator of a header line: the one of `;`, tab and `,` that occurs
/// most outside quotes (a statement's text may hold commas).
fn guess(header: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => counts[0] += 1,
            '\t' if !quoted => counts[1] += 1,
            ',' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|i| (counts[*i], 2 - i)).unwrap_or(0);
    [b';', b'\t', b','][best]
}

/// Every sheet of an .xlsx, each cell at its own row and column (a table
/// that starts at B2 keeps its cell names), at most [`MAX_ROWS`] rows and
/// [`MAX_COLUMNS`] columns.
fn workbook(path: &Path, lang: Lang) -> Result<Vec<Rows>, String> {
    use calamine::{DataType, Reader};
    let unreadable = |e: &dyn std::fmt::Display| {
        lang.pick(
            format!("is geen leesbaar .xlsx-bestand ({e})."),
            format!("is not a readable .xlsx file ({e})."),
        )
    };
    let mut workbook: calamine::Xlsx<_> =
        calamine::open_workbook(path).map_err(|e| unreadable(&e))?;
    let mut sheets = Vec::new();
    for name in workbook.sheet_names() {
        let mut cells = workbook
            .worksheet_cells_reader(&name)
            .map_err(|e| unreadable(&e))?;
        let mut rows: Rows = Vec::new();
        while let Some(cell) = cells.next_cell().map_err(|e| unreadable(&e))? {
            let (row, column) = cell.get_position();
            if row >= MAX_ROWS || column >= MAX_COLUMNS {
                return Err(lang.pick(
                    format!("het blad ‘{name}’ is groter dan {MAX_ROWS} rijen of {MAX_COLUMNS} kolommen; staat er ergens ver weg nog een waarde?"),
                    format!("the sheet ‘{name}’ is larger than {MAX_ROWS} rows or {MAX_COLUMNS} columns; is there a stray value far away?"),
                ));
            }
            let text = cell.get_value().as_string().unwrap_or_default();
            if text.is_empty() {
                continue;
            }
            let (row, column) = (row as usize, column as usize);
            if rows.len() <= row {
                rows.resize_with(row + 1, Vec::new);
            }
            if rows[row].len() <= column {
                rows[row].resize(column + 1, String::new());
            }
            rows[row][column] = text;
        }
        sheets.push(rows);
    }
    Ok(sheets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_is_found_outside_quotes_and_excels_hint_is_honoured() {
        let rows = delimited(
            "\u{feff}Gemeente;\"Stelling, met komma\"\nDruten;4\n".as_bytes(),
            Lang::Nl,
        )
        .unwrap();
        assert_eq!(
            rows,
            [vec!["Gemeente", "Stelling, met komma"], vec!["Druten", "4"]]
        );
        let rows = delimited(b"a,b\n1,2\n", Lang::Nl).unwrap();
        assert_eq!(rows[1], ["1", "2"]);
        let rows = delimited(b"sep=,\na;b,c\n", Lang::Nl).unwrap();
        assert_eq!(rows[0], ["a;b", "c"]);
        assert!(is_table(Path::new("antwoorden.XLSX")) && !is_table(Path::new("a.txt")));
        // Windows-1252 from Dutch Excel: "Eén" as 0xE9.
        let rows = delimited(b"Gemeente;Rol\nE\xe9n;raadslid\n", Lang::Nl).unwrap();
        assert_eq!(rows[1][0], "Eén");
    }
}
