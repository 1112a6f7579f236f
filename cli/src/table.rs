//! Survey tools' exports as tables of text: `.csv` (the separator found
//! from the header: `;` as Dutch Excel writes it, `,` or a tab) with the
//! csv crate, `.xlsx`/`.xls`/`.ods` (the first sheet) with calamine. The
//! core reads the table (`samenwerkingsscan::read_table`).

use std::path::Path;

/// Whether `path` is a table rather than an answers file (by extension).
pub fn is_table(path: &Path) -> bool {
    extension(path).is_some_and(|e| {
        matches!(
            e.as_str(),
            "csv" | "tsv" | "txt" | "xlsx" | "xls" | "xlsm" | "ods"
        )
    })
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// The rows of the table in `path`, every cell as text.
///
/// # Errors
/// A plain sentence when the file cannot be read as a table.
pub fn rows(path: &Path, bytes: &[u8]) -> Result<Vec<Vec<String>>, String> {
    match extension(path).as_deref() {
        Some("xlsx" | "xls" | "xlsm" | "ods") => sheet(path),
        _ => delimited(bytes),
    }
}

fn delimited(bytes: &[u8]) -> Result<Vec<Vec<String>>, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Not UTF-8: the Windows-1252 that Excel writes in a Dutch locale.
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0,
    };
    let bytes = text.as_bytes();
    let first = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let count = |c: u8| first.iter().filter(|b| **b == c).count();
    let separator = [b';', b'\t', b',']
        .into_iter()
        .max_by_key(|c| count(*c))
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    reader
        .records()
        .map(|record| {
            record
                .map(|r| r.iter().map(str::to_string).collect())
                .map_err(|e| format!("not a readable table: {e}"))
        })
        .collect()
}

fn sheet(path: &Path) -> Result<Vec<Vec<String>>, String> {
    use calamine::Reader;
    let mut workbook = calamine::open_workbook_auto(path)
        .map_err(|e| format!("not a readable spreadsheet: {e}"))?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or("the spreadsheet has no sheets")?
        .map_err(|e| format!("the first sheet cannot be read: {e}"))?;
    Ok(range
        .rows()
        .map(|row| row.iter().map(ToString::to_string).collect())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_is_found_from_the_header_and_quotes_are_read() {
        let rows = delimited("\u{feff}Gemeente;\"Stelling; met puntkomma\"\nDruten;4\n".as_bytes())
            .unwrap();
        assert_eq!(
            rows,
            [
                vec!["Gemeente", "Stelling; met puntkomma"],
                vec!["Druten", "4"]
            ]
        );
        let rows = delimited(b"a,b\n1,2\n").unwrap();
        assert_eq!(rows[1], ["1", "2"]);
        assert!(is_table(Path::new("antwoorden.XLSX")) && !is_table(Path::new("a.json")));
        // Windows-1252 from Dutch Excel: "Eén" as 0xE9.
        let rows = delimited(b"Gemeente;Rol\nE\xe9n;raadslid\n").unwrap();
        assert_eq!(rows[1][0], "Eén");
    }
}
