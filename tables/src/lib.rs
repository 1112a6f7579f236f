//! Survey tools' exports as tables of text, for the rules core's
//! [`read_table`]: `.csv` or `.tsv` (the separator found from the header,
//! outside quotes: `;` as Dutch Excel writes it, `,` or a tab; Excel's
//! `sep=` line honoured; UTF-8 or Windows-1252) with the csv crate, `.xlsx`
//! (every sheet, each cell at its own row and column) with calamine.
//!
//! Shared by the command line (`evaluate responses.xlsx`) and the widget,
//! whose survey import is this crate compiled to its own wasm bundle
//! (`web/import`), loaded only when someone chooses such a file. Everything
//! works on bytes: no file system.
//!
//! ```
//! use samenwerkingsscan::Instrument;
//! let instrument = Instrument::builtin();
//! let id = &instrument.factors[0].statements[0].id;
//! let csv = format!("Gemeente;{id}\nDruten;4\n");
//! let table = samenwerkingsscan_tables::read_survey(instrument, "antwoorden.csv", csv.as_bytes()).unwrap();
//! assert_eq!(table.respondents.len(), 1);
//! ```

#![deny(missing_docs)]

use samenwerkingsscan::{read_table, Instrument, Lang, Says, Table, TableError};
use std::fmt;

/// The most rows read from a sheet: far more than any survey (a cell far
/// down a sheet must not ask for a grid of gigabytes).
pub const MAX_ROWS: u32 = 200_000;
/// The most columns read from a sheet.
pub const MAX_COLUMNS: u32 = 2_000;

/// A table as rows of cells, the first row first.
pub type Rows = Vec<Vec<String>>;

pub use samenwerkingsscan::is_table_file as is_table;

fn extension(name: &str) -> Option<String> {
    let (stem, extension) = name.rsplit_once('.')?;
    (!stem.is_empty()).then(|| extension.to_ascii_lowercase())
}

/// Why a file is not a survey table the scan reads. Says itself in Dutch
/// or English ([`Says`]); `Display` is the English sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SurveyError {
    /// An `.xls` or `.ods` file: the scan asks for `.xlsx` or `.csv`.
    OtherFormat,
    /// Not readable as a table of its kind. `detail` is the reader's own
    /// words (csv or calamine, in English), for whoever helps.
    Unreadable {
        /// `true` for an `.xlsx` file, `false` for a `.csv`.
        xlsx: bool,
        /// What the reader said.
        detail: String,
    },
    /// A sheet with a cell beyond [`MAX_ROWS`] or [`MAX_COLUMNS`].
    TooLarge {
        /// The sheet's name.
        sheet: String,
    },
    /// Readable, but no sheet is a survey table: empty, or no header
    /// names a statement (the first sheet's reason).
    Table(TableError),
}

impl Says for SurveyError {
    fn say(&self, lang: Lang) -> String {
        match self {
            SurveyError::OtherFormat => lang
                .pick(
                    "Dit soort bestand leest de scan niet. Sla het op als .xlsx of .csv (in Excel: Opslaan als).",
                    "The scan does not read this kind of file. Save it as .xlsx or .csv (in Excel: Save As).",
                )
                .to_string(),
            SurveyError::Unreadable { xlsx, detail } => {
                let detail = samenwerkingsscan::shortened(detail, 200);
                match (xlsx, lang) {
                    (true, Lang::Nl) => format!("Dit is geen leesbaar .xlsx-bestand ({detail})."),
                    (true, Lang::En) => format!("This is not a readable .xlsx file ({detail})."),
                    (false, Lang::Nl) => format!("Dit is geen leesbare tabel ({detail})."),
                    (false, Lang::En) => format!("This is not a readable table ({detail})."),
                }
            }
            SurveyError::TooLarge { sheet } => {
                let sheet = samenwerkingsscan::shortened(sheet, 60);
                match lang {
                    Lang::Nl => format!("Het blad ‘{sheet}’ is groter dan {MAX_ROWS} rijen of {MAX_COLUMNS} kolommen. Staat er ver weg nog een waarde?"),
                    Lang::En => format!("The sheet ‘{sheet}’ is larger than {MAX_ROWS} rows or {MAX_COLUMNS} columns. Is there a stray value far away?"),
                }
            }
            SurveyError::Table(error) => error.say(lang),
        }
    }
}

impl fmt::Display for SurveyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl std::error::Error for SurveyError {}

/// The sheets of the table `bytes` of a file called `name` (a CSV has
/// one), every cell as text; empty cells are empty strings.
///
/// # Errors
/// [`SurveyError::OtherFormat`] for `.xls` and `.ods`,
/// [`SurveyError::Unreadable`] when the reader cannot read it,
/// [`SurveyError::TooLarge`] for a sheet beyond the limits.
pub fn sheets(name: &str, bytes: &[u8]) -> Result<Vec<Rows>, SurveyError> {
    match extension(name).as_deref() {
        Some("xlsx" | "xlsm") => workbook(bytes),
        Some("xls" | "ods") => Err(SurveyError::OtherFormat),
        _ => delimited(bytes).map(|rows| vec![rows]),
    }
}

/// The respondents in a survey export: the first sheet whose header names
/// statements of `instrument` (an explanation or an empty sheet may come
/// first), read by the core's [`read_table`].
///
/// # Errors
/// As [`sheets`]; [`SurveyError::Table`] with the first sheet's reason when
/// no sheet is a survey table.
pub fn read_survey(
    instrument: &Instrument,
    name: &str,
    bytes: &[u8],
) -> Result<Table, SurveyError> {
    let mut first_error = None;
    for rows in sheets(name, bytes)? {
        match read_table(instrument, &rows) {
            Ok(table) => return Ok(table),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(SurveyError::Table(first_error.unwrap_or(TableError::Empty)))
}

fn delimited(bytes: &[u8]) -> Result<Rows, SurveyError> {
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
                .map_err(|e| SurveyError::Unreadable {
                    xlsx: false,
                    detail: e.to_string(),
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
fn workbook(bytes: &[u8]) -> Result<Vec<Rows>, SurveyError> {
    use calamine::{DataType, Reader};
    let unreadable = |e: &dyn fmt::Display| SurveyError::Unreadable {
        xlsx: true,
        detail: e.to_string(),
    };
    let mut workbook: calamine::Xlsx<_> =
        calamine::Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let mut sheets = Vec::new();
    for name in workbook.sheet_names() {
        let mut cells = workbook
            .worksheet_cells_reader(&name)
            .map_err(|e| unreadable(&e))?;
        let mut rows: Rows = Vec::new();
        while let Some(cell) = cells.next_cell().map_err(|e| unreadable(&e))? {
            let (row, column) = cell.get_position();
            if row >= MAX_ROWS || column >= MAX_COLUMNS {
                return Err(SurveyError::TooLarge { sheet: name });
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
mod tests;
