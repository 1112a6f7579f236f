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
/// The most cells a sheet is read into, counting every row as wide as its
/// last cell: 80 columns for 50,000 respondents. One cell far to the right
/// on many rows would otherwise ask for gigabytes.
pub const MAX_CELLS: usize = 4_000_000;
/// The most text read from one sheet's cells: a long shared string of an
/// .xlsx used in many cells would otherwise multiply.
pub const MAX_TEXT_BYTES: usize = 64_000_000;
/// The largest survey file the widget reads: 5 MB, about 25,000
/// respondents of the built-in questionnaire. Reading takes far more memory
/// than the file's bytes, and the widget runs on phones too.
pub const MAX_BROWSER_BYTES: usize = 5_000_000;
/// The largest survey file the command line reads: 50 MB.
pub const MAX_FILE_BYTES: usize = 50_000_000;
/// The most an .xlsx may unpack to, all its parts together: 200 MB (a
/// sheet of 50,000 respondents is about 170 MB of XML). A small file that
/// unpacks to gigabytes is refused before anything is unpacked.
pub const MAX_UNPACKED_BYTES: u64 = 200_000_000;

/// A table as rows of cells, the first row first.
pub type Rows = Vec<Vec<String>>;

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
    /// A sheet with a cell beyond [`MAX_ROWS`] or [`MAX_COLUMNS`], or
    /// more than [`MAX_CELLS`] cells or [`MAX_TEXT_BYTES`] of text.
    TooLarge {
        /// The sheet's name (empty for a .csv).
        sheet: String,
    },
    /// A file over the limit of where it is read ([`MAX_BROWSER_BYTES`] in
    /// the widget, [`MAX_FILE_BYTES`] on the command line): refused before
    /// it is read.
    FileTooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// An .xlsx that unpacks to more than [`MAX_UNPACKED_BYTES`].
    Unpacked,
    /// Readable, but no sheet is a survey table: empty, or no header
    /// names a statement (the first sheet's reason).
    Table(TableError),
}

impl Says for SurveyError {
    fn say(&self, lang: Lang) -> String {
        match self {
            SurveyError::OtherFormat => lang
                .pick(
                    "Dit soort bestand leest de scan niet. Sla het op als .xlsx of .csv (in Excel of LibreOffice: Opslaan als).",
                    "The scan does not read this kind of file. Save it as .xlsx or .csv (in Excel or LibreOffice: Save As).",
                )
                .to_string(),
            SurveyError::Unreadable { xlsx, detail } => {
                let detail = samenwerkingsscan::shortened(detail, 200);
                match (xlsx, lang) {
                    (true, Lang::Nl) => format!("De scan kan dit .xlsx-bestand niet lezen. Open het in Excel en sla het opnieuw op als .xlsx of .csv. (Foutmelding: {detail})"),
                    (true, Lang::En) => format!("The scan cannot read this .xlsx file. Open it in Excel and save it again as .xlsx or .csv. (Error: {detail})"),
                    (false, Lang::Nl) => format!("De scan kan dit bestand niet als tabel lezen. Open het in Excel en sla het opnieuw op als .xlsx of .csv. (Foutmelding: {detail})"),
                    (false, Lang::En) => format!("The scan cannot read this file as a table. Open it in Excel and save it again as .xlsx or .csv. (Error: {detail})"),
                }
            }
            SurveyError::TooLarge { sheet } => {
                let (rows, columns, cells) = (
                    thousands(MAX_ROWS as usize, lang),
                    thousands(MAX_COLUMNS as usize, lang),
                    thousands(MAX_CELLS, lang),
                );
                let sheet = samenwerkingsscan::shortened(sheet, 60);
                let which = match (sheet.is_empty(), lang) {
                    (true, Lang::Nl) => "De tabel".to_string(),
                    (true, Lang::En) => "The table".to_string(),
                    (false, Lang::Nl) => format!("Het werkblad ‘{sheet}’"),
                    (false, Lang::En) => format!("The sheet ‘{sheet}’"),
                };
                match lang {
                    Lang::Nl => format!("{which} is te groot om te lezen: meer dan {rows} rijen, {columns} kolommen of {cells} cellen. Misschien staat er ver onder of rechts van de tabel nog iets in een cel. Verwijder dat en probeer het opnieuw."),
                    Lang::En => format!("{which} is too large to read: more than {rows} rows, {columns} columns or {cells} cells. Perhaps a cell far below or to the right of the table still holds something. Delete it and try again."),
                }
            }
            SurveyError::FileTooLarge { limit } => {
                let megabytes = limit / 1_000_000;
                match lang {
                    Lang::Nl => format!("Dit bestand is groter dan {megabytes} MB. Zo’n groot bestand kan de scan hier niet lezen. Verwijder de kolommen die de scan niet gebruikt, zoals namen, tijden en toelichtingen. Probeer het daarna opnieuw."),
                    Lang::En => format!("This file is larger than {megabytes} MB. The scan cannot read a file this large here. Delete the columns the scan does not use, such as names, times and comments. Then try again."),
                }
            }
            SurveyError::Unpacked => {
                let megabytes = MAX_UNPACKED_BYTES / 1_000_000;
                match lang {
                    Lang::Nl => format!("Uitgepakt is dit .xlsx-bestand groter dan {megabytes} MB. Zo’n groot bestand kan de scan niet lezen. Verwijder de werkbladen en kolommen die de scan niet gebruikt. Probeer het daarna opnieuw."),
                    Lang::En => format!("Unpacked, this .xlsx file is larger than {megabytes} MB. The scan cannot read a file this large. Delete the sheets and columns the scan does not use. Then try again."),
                }
            }
            SurveyError::Table(error) => error.say(lang),
        }
    }
}

/// A whole number with its thousands marked: "200.000" in Dutch, "200,000"
/// in English.
fn thousands(n: usize, lang: Lang) -> String {
    let digits = n.to_string();
    let mark = lang.pick('.', ',');
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(mark);
        }
        out.push(digit);
    }
    out
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
    let mut all = Vec::new();
    each_sheet(name, bytes, |rows| {
        all.push(rows);
        false
    })?;
    Ok(all)
}

/// The respondents in a survey export: the first sheet whose header names
/// statements of `instrument` (an explanation or an empty sheet may come
/// first), read by the core's [`read_table`]. Sheets after it are not read.
///
/// # Errors
/// As [`sheets`] (for the sheets up to the one read); [`SurveyError::Table`]
/// with the first sheet's reason when no sheet is a survey table.
pub fn read_survey(
    instrument: &Instrument,
    name: &str,
    bytes: &[u8],
) -> Result<Table, SurveyError> {
    // The first sheet with respondents; else the first that reads (a list
    // of the questions may come before the answers).
    let mut first_error = None;
    let mut first_read = None;
    each_sheet(name, bytes, |rows| match read_table(instrument, &rows) {
        Ok(table) if !table.respondents.is_empty() => {
            first_read = Some(table);
            true
        }
        Ok(table) => {
            first_read.get_or_insert(table);
            false
        }
        Err(e) => {
            first_error.get_or_insert(e);
            false
        }
    })?;
    first_read.ok_or(SurveyError::Table(first_error.unwrap_or(TableError::Empty)))
}

/// What a file holds, by its first bytes (a file may be named for another
/// kind): a zip is an .xlsx, an OLE file an old .xls, the rest text.
fn kind(name: &str, bytes: &[u8]) -> Kind {
    match extension(name).as_deref() {
        // An .ods is a zip too, but not one calamine's .xlsx reader reads.
        Some("ods") => Kind::Other,
        _ if bytes.starts_with(b"PK\x03\x04") => Kind::Workbook,
        Some("xls") => Kind::Other,
        _ if bytes.starts_with(b"\xD0\xCF\x11\xE0") => Kind::Other,
        Some("tsv") => Kind::Text(Some(b'\t')),
        _ => Kind::Text(None),
    }
}

/// See [`kind`].
enum Kind {
    Workbook,
    Other,
    /// Text, with its separator when the name says it (`.tsv`).
    Text(Option<u8>),
}

/// Hands each sheet to `done` in order until it returns `true`.
fn each_sheet(name: &str, bytes: &[u8], done: impl FnMut(Rows) -> bool) -> Result<(), SurveyError> {
    match kind(name, bytes) {
        Kind::Workbook => workbook(bytes, done),
        Kind::Other => Err(SurveyError::OtherFormat),
        Kind::Text(separator) => {
            let mut done = done;
            done(delimited(bytes, separator)?);
            Ok(())
        }
    }
}

/// A sheet being filled cell by cell, within [`MAX_CELLS`] (every row as
/// wide as its last cell) and [`MAX_TEXT_BYTES`]: the limits are checked
/// before anything is allocated.
#[derive(Default)]
struct Grid {
    rows: Rows,
    cells: usize,
    text: usize,
}

impl Grid {
    /// Puts `text` at `row` and `column`; `Err` beyond the limits.
    fn put(&mut self, row: usize, column: usize, text: String) -> Result<(), ()> {
        let new_rows = (row + 1).saturating_sub(self.rows.len());
        let width = self.rows.get(row).map_or(0, Vec::len);
        let new_cells = new_rows + (column + 1).saturating_sub(width.max(1));
        self.cells = self.cells.saturating_add(new_cells);
        self.text = self.text.saturating_add(text.len());
        if self.cells > MAX_CELLS || self.text > MAX_TEXT_BYTES {
            return Err(());
        }
        if new_rows > 0 {
            self.rows.resize_with(row + 1, Vec::new);
        }
        let cells = &mut self.rows[row];
        if cells.len() <= column {
            cells.resize(column + 1, String::new());
        }
        cells[column] = text;
        Ok(())
    }
}

fn delimited(bytes: &[u8], separator: Option<u8>) -> Result<Rows, SurveyError> {
    let text = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        // Said to be UTF-8: a stray byte is one wrong character, not a
        // reason to read the whole file otherwise.
        Some(bytes) => String::from_utf8_lossy(bytes),
        None => match std::str::from_utf8(bytes) {
            Ok(text) => std::borrow::Cow::Borrowed(text),
            // Not UTF-8: the Windows-1252 that Excel writes in a Dutch locale.
            Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0,
        },
    };
    // Old Mac files end a line with a lone CR: made LF, so that lines,
    // cell names and Excel's `sep=` line are found as in any other file.
    let text = if text.contains('\r') && text.replace("\r\n", "").contains('\r') {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        text
    };
    let (first, rest) = text.split_once('\n').unwrap_or((&text, ""));
    // Excel's own hint: a first line `sep=;` (also quoted, in capitals, or
    // a tab).
    let line = first.trim_end_matches(['\r', '\n']).trim_matches('"');
    let hint = line
        .get(..4)
        .filter(|start| start.eq_ignore_ascii_case("sep="))
        .map(|_| &line[4..]);
    let (separator, body) = match (hint, separator) {
        (Some(sep), _) if sep.len() == 1 => (sep.as_bytes()[0], rest),
        (_, Some(separator)) => (separator, text.as_ref()),
        _ => (guess(first), text.as_ref()),
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut cells = 0usize;
    let mut rows = Rows::new();
    // The line where the next record starts when no blank line comes
    // first: a blank line is a row in a spreadsheet, so the cell names
    // below it stay right (the csv crate skips blank lines).
    let mut expected_line = 1u64;
    for record in reader.records() {
        let record = record.map_err(|e| SurveyError::Unreadable {
            xlsx: false,
            detail: e.to_string(),
        })?;
        // The csv crate's position is where it began to read: before the
        // blank lines it skipped.
        let line = record.position().map_or(expected_line, |p| {
            let skipped = body
                .as_bytes()
                .get(p.byte() as usize..)
                .unwrap_or_default()
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .filter(|b| **b == b'\n')
                .count();
            p.line() + skipped as u64
        });
        let blank = line.saturating_sub(expected_line);
        let breaks: usize = record.iter().map(|field| field.matches('\n').count()).sum();
        expected_line = line + 1 + breaks as u64;
        // A line of a million separators is a million cells.
        cells = cells.saturating_add(record.len().max(1) + blank as usize);
        if cells > MAX_CELLS {
            return Err(SurveyError::TooLarge {
                sheet: String::new(),
            });
        }
        rows.extend((0..blank).map(|_| Vec::new()));
        rows.push(record.iter().map(str::to_string).collect());
    }
    Ok(rows)
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

/// The sheets of an .xlsx in order, each cell at its own row and column
/// (a table that starts at B2 keeps its cell names), handed to `done` until
/// it returns `true`. Within [`MAX_ROWS`], [`MAX_COLUMNS`], [`MAX_CELLS`]
/// and [`MAX_TEXT_BYTES`]. A cell that is not text or a number (an error
/// such as `#N/A`, a date, true/false) is read as Excel shows its value, so
/// that a statement's column says it does not count instead of hiding it.
fn workbook(bytes: &[u8], mut done: impl FnMut(Rows) -> bool) -> Result<(), SurveyError> {
    use calamine::{DataRef, Reader};
    let unreadable = |e: &dyn fmt::Display| SurveyError::Unreadable {
        xlsx: true,
        detail: e.to_string(),
    };
    // What it unpacks to, before calamine unpacks it: first from its table
    // of contents (cheap), then by unpacking into nothing, never further
    // than the limit (a table of contents may lie about the sizes).
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let declared = (0..archive.len())
        .filter_map(|i| archive.by_index_raw(i).ok().map(|file| file.size()))
        .fold(0u64, u64::saturating_add);
    if declared > MAX_UNPACKED_BYTES {
        return Err(SurveyError::Unpacked);
    }
    let mut unpacked = 0u64;
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).map_err(|e| unreadable(&e))?;
        let room = MAX_UNPACKED_BYTES - unpacked;
        let read = std::io::copy(
            &mut std::io::Read::take(&mut part, room + 1),
            &mut std::io::sink(),
        )
        .map_err(|e| unreadable(&e))?;
        unpacked += read;
        if read > room {
            return Err(SurveyError::Unpacked);
        }
    }
    let mut workbook: calamine::Xlsx<_> =
        calamine::Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    for name in workbook.sheet_names() {
        let mut cells = workbook
            .worksheet_cells_reader(&name)
            .map_err(|e| unreadable(&e))?;
        let mut grid = Grid::default();
        while let Some(cell) = cells.next_cell().map_err(|e| unreadable(&e))? {
            let (row, column) = cell.get_position();
            let too_large = || SurveyError::TooLarge {
                sheet: name.clone(),
            };
            let text = match cell.get_value() {
                DataRef::Empty => continue,
                DataRef::String(text) => text.clone(),
                DataRef::SharedString(text) => text.to_string(),
                DataRef::Int(n) => n.to_string(),
                DataRef::Float(n) => n.to_string(),
                DataRef::Bool(b) => b.to_string(),
                DataRef::DateTime(date) => date.to_string(),
                DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => text.clone(),
                DataRef::Error(error) => error.to_string(),
            };
            // An empty cell with only a format, however far away, holds
            // nothing.
            if text.is_empty() {
                continue;
            }
            if row >= MAX_ROWS || column >= MAX_COLUMNS {
                return Err(too_large());
            }
            grid.put(row as usize, column as usize, text)
                .map_err(|()| too_large())?;
        }
        if done(grid.rows) {
            break;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
