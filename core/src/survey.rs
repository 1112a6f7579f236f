//! Answers from a survey tool's export (Microsoft Forms, LimeSurvey and the
//! like): a table with a row per respondent and a column per statement, as
//! the CLI reads it from `.csv` or `.xlsx`. A header is matched to a
//! statement by its id or by its text in Dutch or English (as the tools
//! export the question), after normalising spaces and quotes; an answer is
//! a point 1 to the scale's highest, or the scale's label in either
//! language. Optional columns: the municipality and the role. Everything
//! that does not match is said with its row and column; the rest is read.

use crate::answers::{Answers, Respondent, Response, Role};
use crate::instrument::Instrument;
use crate::text::{shown, Lang, Says};

/// A cell's place: row and column from 1, as a spreadsheet shows them (row
/// 1 is the header).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell {
    /// The row, from 1 (the header's).
    pub row: usize,
    /// The column, from 1 (A).
    pub column: usize,
}

impl Cell {
    /// "B7": the column as letters, as spreadsheets name it.
    pub fn name(self) -> String {
        let mut letters = String::new();
        let mut n = self.column;
        while n > 0 {
            let rest = (n - 1) % 26;
            letters.insert(0, char::from(b'A' + rest as u8));
            n = (n - 1) / 26;
        }
        format!("{letters}{}", self.row)
    }
}

/// What in a survey table does not count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableNoticeKind {
    /// A header that is no statement, municipality or role: the column is
    /// left out.
    UnknownColumn {
        /// The header as written.
        header: String,
    },
    /// Two columns for one statement: the later one is left out.
    RepeatedColumn {
        /// The header as written.
        header: String,
    },
    /// An answer that is no point of the scale and no label of it.
    UnknownAnswer {
        /// The cell as written.
        value: String,
    },
    /// A role that is none of the four.
    UnknownRole {
        /// The cell as written.
        value: String,
    },
    /// A stage that is none of the questionnaire's.
    UnknownStage {
        /// The cell as written.
        value: String,
    },
    /// A filled cell beyond the header's last column (often a separator
    /// inside a text that moved the cells after it): the row is read as far
    /// as the header goes.
    BeyondHeader {
        /// The cell as written.
        value: String,
    },
}

impl Says for TableNoticeKind {
    fn say(&self, lang: Lang) -> String {
        match self {
            TableNoticeKind::UnknownColumn { header } => {
                let header = shown(header);
                lang.pick(
                    format!("De kolom ‘{header}’ hoort bij geen stelling van deze vragenlijst en telt niet mee."),
                    format!("The column ‘{header}’ matches no statement of this questionnaire and does not count."),
                )
            }
            TableNoticeKind::RepeatedColumn { header } => {
                let header = shown(header);
                lang.pick(
                    format!("De kolom ‘{header}’ is dezelfde stelling als een kolom ervoor; alleen de eerste telt."),
                    format!("The column ‘{header}’ is the same statement as an earlier column; only the first counts."),
                )
            }
            TableNoticeKind::UnknownAnswer { value } => {
                let value = shown(value);
                lang.pick(
                    format!("Het antwoord ‘{value}’ is geen punt of label van de schaal en telt niet mee. Gebruik 1 tot en met 5 of de woorden van de schaal, zoals ‘Eens’."),
                    format!("The answer ‘{value}’ is no point or label of the scale and does not count. Use 1 to 5 or the scale's words, such as ‘Agree’."),
                )
            }
            TableNoticeKind::UnknownStage { value } => {
                let value = shown(value);
                lang.pick(
                    format!("De fase ‘{value}’ is onbekend (oriënteren, voorbereiden of in bedrijf) en telt niet mee."),
                    format!("The stage ‘{value}’ is unknown (orienting, preparing or operating) and does not count."),
                )
            }
            TableNoticeKind::BeyondHeader { value } => {
                let value = shown(value);
                lang.pick(
                    format!("De cel ‘{value}’ staat voorbij de laatste kolom van de eerste rij en telt niet mee. Staat er in deze rij een scheidingsteken in een tekst, waardoor de cellen erna verschoven zijn?"),
                    format!("The cell ‘{value}’ is beyond the first row's last column and does not count. Does a text in this row hold a separator that moved the cells after it?"),
                )
            }
            TableNoticeKind::UnknownRole { value } => {
                let value = shown(value);
                lang.pick(
                    format!("De rol ‘{value}’ is onbekend (bestuurder, raadslid, ambtenaar of anders) en telt niet mee."),
                    format!("The role ‘{value}’ is unknown (bestuurder, raadslid, ambtenaar or anders) and does not count."),
                )
            }
        }
    }
}

/// A notice in a survey table: where (row and column) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableNotice {
    /// The cell.
    pub cell: Cell,
    /// What it is.
    pub kind: TableNoticeKind,
}

impl TableNotice {
    /// "B7: …" in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        format!("{}: {}", self.cell.name(), self.kind.say(lang))
    }
}

/// Why a table is not a survey export of this questionnaire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableError {
    /// No rows at all.
    Empty,
    /// No header matches a statement of the questionnaire.
    NoStatements,
}

impl Says for TableError {
    fn say(&self, lang: Lang) -> String {
        match self {
            TableError::Empty => lang.pick("De tabel is leeg.", "The table is empty.").into(),
            TableError::NoStatements => lang
                .pick(
                    "Geen kolom van de eerste rij hoort bij een stelling van deze vragenlijst. Zet in de eerste rij de id of de tekst van de stellingen (zie de sjabloon van de scan).",
                    "No column in the first row matches a statement of this questionnaire. Put the statements' ids or texts in the first row (see the scan's template).",
                )
                .into(),
        }
    }
}

impl std::fmt::Display for TableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl std::error::Error for TableError {}

/// The respondents read from a survey table, and what did not count.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// One per data row that holds an answer (empty rows are skipped).
    pub respondents: Vec<Answers>,
    /// What did not count, in reading order.
    pub notices: Vec<TableNotice>,
}

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column<'a> {
    Statement(&'a str),
    Municipality,
    Role,
    Stage,
    Ignored,
}

/// Text as compared: spaces made one, quotes and dashes made plain, lower
/// case, without a closing full stop.
fn normal(text: &str) -> String {
    let plain: String = text
        .chars()
        .filter(|c| !crate::text::invisible(*c) || c.is_whitespace())
        .map(|c| match c {
            '‘' | '’' | '‚' | '′' | '`' => '\'',
            '“' | '”' | '„' | '″' => '"',
            '–' | '—' | '‐' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .collect();
    // Spaces made one, and none around a slash: "Weet niet / n.v.t." and
    // "weet niet/n.v.t." are one answer.
    let joined = plain
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" /", "/")
        .replace("/ ", "/");
    // A leading ' is a spreadsheet's "this is text" (see `csv_cell`).
    joined
        .trim_start_matches('\'')
        .trim_end_matches('.')
        .to_lowercase()
}

/// A header as survey tools write it, reduced to the question: the text in
/// LimeSurvey's `Question [statement]`, without a numbering such as
/// "1. ", "Q6: " or "6) ".
fn question(header: &str) -> &str {
    let header = header.trim();
    let header = match (header.rfind('['), header.ends_with(']')) {
        (Some(open), true) => &header[open + 1..header.len() - 1],
        _ => header,
    };
    let rest = header.trim_start_matches(['Q', 'q', 'V', 'v']);
    let digits = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    match digits.strip_prefix(['.', ':', ')']) {
        Some(after) if digits.len() < rest.len() => after.trim_start(),
        _ => header,
    }
}

/// Other words people and tools use for the points of a five-point scale
/// and for "don't know" (only for a scale of five points).
const SYNONYMS: [(&str, Option<u8>); 14] = [
    ("helemaal mee oneens", Some(1)),
    ("zeer mee oneens", Some(1)),
    ("mee oneens", Some(2)),
    ("niet eens/niet oneens", Some(3)),
    ("niet eens, niet oneens", Some(3)),
    ("neutraal", Some(3)),
    ("neither agree nor disagree", Some(3)),
    ("mee eens", Some(4)),
    ("helemaal mee eens", Some(5)),
    ("zeer mee eens", Some(5)),
    ("geen mening", None),
    ("weet niet/geen mening", None),
    ("no opinion", None),
    ("not applicable", None),
];

/// Other words for the roles.
const ROLE_WORDS: [(&str, Role); 10] = [
    ("wethouder", Role::Bestuurder),
    ("burgemeester", Role::Bestuurder),
    ("executive", Role::Bestuurder),
    ("alderman", Role::Bestuurder),
    ("mayor", Role::Bestuurder),
    ("gemeenteraadslid", Role::Raadslid),
    ("council member", Role::Raadslid),
    ("official", Role::Ambtenaar),
    ("medewerker", Role::Ambtenaar),
    ("other", Role::Anders),
];

/// Whether a file of this name is a survey tool's export rather than an
/// answers file, by its extension in any case: `.csv`, `.tsv`, `.xlsx`,
/// `.xlsm`, and `.xls` and `.ods` (which the readers refuse with advice).
/// One rule for the command line and the widget.
pub fn is_table_file(name: &str) -> bool {
    let Some((stem, extension)) = name.rsplit_once('.') else {
        return false;
    };
    !stem.is_empty()
        && ["csv", "tsv", "xlsx", "xlsm", "xls", "ods"]
            .iter()
            .any(|known| extension.eq_ignore_ascii_case(known))
}

/// Reads a survey table for `instrument` (`rows[0]` is the header).
///
/// # Errors
/// [`TableError::Empty`] without rows, [`TableError::NoStatements`] when no
/// header matches a statement.
pub fn read_table(instrument: &Instrument, rows: &[Vec<String>]) -> Result<Table, TableError> {
    // The header is the first row with anything in it (a sheet may start
    // lower down); cells keep their own row numbers.
    let start = rows
        .iter()
        .position(|row| row.iter().any(|cell| !cell.trim().is_empty()))
        .ok_or(TableError::Empty)?;
    let header = &rows[start];
    let mut notices = Vec::new();
    // Every way a header may name a statement: its id, and its texts (plain
    // and looking ahead) in every language the instrument has.
    let mut names: Vec<(String, &str)> = Vec::new();
    for (_, s) in instrument.statements() {
        names.push((normal(&s.id), &s.id));
        for text in std::iter::once(&s.text).chain(&s.ahead) {
            for value in text.0.values() {
                names.push((normal(value), &s.id));
            }
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    let columns: Vec<Column> = header
        .iter()
        .enumerate()
        .map(|(i, cell)| {
            let key = normal(question(cell));
            let at = Cell {
                row: start + 1,
                column: i + 1,
            };
            if key.is_empty() {
                return Column::Ignored;
            }
            let special = match key.as_str() {
                "gemeente" | "municipality" => Some(("gemeente", Column::Municipality)),
                "rol" | "role" | "functie" => Some(("rol", Column::Role)),
                "fase" | "stage" => Some(("fase", Column::Stage)),
                _ => None,
            };
            let found = special.or_else(|| {
                names
                    .iter()
                    .find(|(name, _)| *name == key)
                    .map(|(_, id)| (*id, Column::Statement(id)))
            });
            // A column for the same thing twice: the first counts.
            let kind = match found {
                Some((id, column)) if seen.insert(id) => return column,
                Some(_) => TableNoticeKind::RepeatedColumn {
                    header: cell.clone(),
                },
                None => TableNoticeKind::UnknownColumn {
                    header: cell.clone(),
                },
            };
            notices.push(TableNotice { cell: at, kind });
            Column::Ignored
        })
        .collect();
    if !columns.iter().any(|c| matches!(c, Column::Statement(_))) {
        return Err(TableError::NoStatements);
    }
    // Every way a cell may give an answer.
    let max = instrument.scale_max();
    let mut answers: Vec<(String, Response)> = Vec::new();
    for point in &instrument.scale.points {
        for label in point.label.0.values() {
            answers.push((normal(label), Response::Scale(point.value)));
        }
    }
    for label in instrument.scale.unknown.0.values() {
        answers.push((normal(label), Response::Unknown));
    }
    // "Don't know" and "not applicable" as survey tools and people write
    // them (Microsoft Forms' Dutch "Weet niet / niet van toepassing").
    for word in [
        "unknown",
        "weet niet",
        "weet ik niet",
        "niet van toepassing",
        "weet niet / niet van toepassing",
        "weet niet / n.v.t",
        "n/a",
        "nvt",
        "n.v.t",
        "don't know",
        "not known",
        "don't know / n/a",
    ] {
        answers.push((normal(word), Response::Unknown));
    }
    if instrument.scale.points.len() == 5 {
        for (word, point) in SYNONYMS {
            answers.push((
                normal(word),
                point.map_or(Response::Unknown, Response::Scale),
            ));
        }
    }
    let response = |cell: &str| -> Option<Response> {
        let key = normal(cell);
        // A whole number as written ("4", "04", "4,0"); not "1e0" or "4.5".
        let whole = match key.contains([',', '.']) {
            true => key.trim_end_matches('0').trim_end_matches([',', '.']),
            false => key.as_str(),
        };
        if !whole.is_empty() && whole.chars().all(|c| c.is_ascii_digit()) {
            return whole
                .parse::<u8>()
                .ok()
                .filter(|n| (1..=max).contains(n))
                .map(Response::Scale);
        }
        answers
            .iter()
            .find(|(label, _)| *label == key)
            .map(|(_, r)| *r)
    };
    let role = |cell: &str| -> Option<Role> {
        let key = normal(cell);
        Role::ALL
            .into_iter()
            .find(|r| key == r.id() || Lang::ALL.iter().any(|l| key == normal(r.label(*l))))
            .or_else(|| ROLE_WORDS.iter().find(|(w, _)| key == *w).map(|(_, r)| *r))
    };
    let stage = |cell: &str| -> Option<String> {
        let key = normal(cell);
        instrument
            .context
            .stages
            .iter()
            .find(|s| key == normal(&s.id) || s.label.0.values().any(|l| key == normal(l)))
            .map(|s| s.id.clone())
    };
    let mut respondents = Vec::new();
    for (r, row) in rows.iter().enumerate().skip(start + 1) {
        let mut one = Answers::new(instrument);
        for (c, cell) in row.iter().enumerate() {
            let at = Cell {
                row: r + 1,
                column: c + 1,
            };
            if cell.trim().is_empty() {
                continue;
            }
            if c >= columns.len() {
                let kind = TableNoticeKind::BeyondHeader {
                    value: cell.clone(),
                };
                notices.push(TableNotice { cell: at, kind });
                continue;
            }
            match columns[c] {
                Column::Statement(id) => match response(cell) {
                    Some(answer) => {
                        one.responses.insert(id.to_string(), answer);
                    }
                    None => notices.push(TableNotice {
                        cell: at,
                        kind: TableNoticeKind::UnknownAnswer {
                            value: cell.clone(),
                        },
                    }),
                },
                Column::Municipality => {
                    one.respondent.municipality = Some(cell.trim().to_string());
                }
                Column::Role => match role(cell) {
                    Some(found) => {
                        one.respondent = Respondent {
                            role: Some(found),
                            ..one.respondent
                        }
                    }
                    None => notices.push(TableNotice {
                        cell: at,
                        kind: TableNoticeKind::UnknownRole {
                            value: cell.clone(),
                        },
                    }),
                },
                Column::Stage => match stage(cell) {
                    Some(id) => one.context.stage = Some(id),
                    None => notices.push(TableNotice {
                        cell: at,
                        kind: TableNoticeKind::UnknownStage {
                            value: cell.clone(),
                        },
                    }),
                },
                Column::Ignored => {}
            }
        }
        if !one.responses.is_empty() {
            respondents.push(one);
        }
    }
    Ok(Table {
        respondents,
        notices,
    })
}

/// The header row of a template for survey tools: the municipality, the
/// role, then every statement's text in `lang` (as the tools show the
/// question), in the instrument's order.
pub fn table_template(instrument: &Instrument, lang: Lang) -> Vec<String> {
    let mut header = vec![
        lang.pick("Gemeente", "Municipality").to_string(),
        lang.pick("Rol", "Role").to_string(),
    ];
    header.extend(
        instrument
            .statements()
            .map(|(_, s)| s.text.get(lang).to_string()),
    );
    header
}

#[cfg(test)]
mod tests {
    use super::*;

    fn instrument() -> &'static Instrument {
        Instrument::builtin()
    }

    #[test]
    fn headers_by_id_or_text_and_answers_by_number_or_label() {
        let i = instrument();
        let statements: Vec<_> = i.statements().map(|(_, s)| s).collect();
        let (a, b, c) = (statements[0], statements[1], statements[2]);
        let rows = vec![
            vec![
                "Gemeente".to_string(),
                "Rol".into(),
                a.id.clone(),
                // As a survey tool exports it: other quotes and spaces.
                format!("  {} ", b.text.get(Lang::Nl).replace('’', "'")),
                c.text.get(Lang::En).to_string(),
                "Opmerkingen".into(),
            ],
            vec![
                "Druten".into(),
                "Raadslid".into(),
                "4".into(),
                "Helemaal eens".into(),
                "Don’t know / not applicable".into(),
                "".into(),
            ],
            vec![
                "Wijchen".into(),
                "official".into(),
                "2,0".into(),
                "agree".into(),
                "heel goed".into(),
            ],
            vec!["".into(), "".into(), "".into()],
        ];
        let table = read_table(i, &rows).unwrap();
        assert_eq!(table.respondents.len(), 2);
        let first = &table.respondents[0];
        assert_eq!(first.responses[&a.id], Response::Scale(4));
        assert_eq!(first.responses[&b.id], Response::Scale(5));
        assert_eq!(first.responses[&c.id], Response::Unknown);
        assert_eq!(first.respondent.role, Some(Role::Raadslid));
        assert_eq!(first.respondent.municipality.as_deref(), Some("Druten"));
        let second = &table.respondents[1];
        assert_eq!(second.responses[&a.id], Response::Scale(2));
        assert_eq!(second.responses[&b.id], Response::Scale(4));
        assert_eq!(second.respondent.role, Some(Role::Ambtenaar));
        let said: Vec<String> = table.notices.iter().map(|n| n.text(Lang::En)).collect();
        assert_eq!(said.len(), 2, "{said:?}");
        assert!(
            said[0].starts_with("F1: The column ‘Opmerkingen’"),
            "{}",
            said[0]
        );
        assert!(
            said[1].starts_with("E3: The answer ‘heel goed’"),
            "{}",
            said[1]
        );
    }

    #[test]
    fn dont_know_is_read_as_survey_tools_and_people_write_it() {
        let i = instrument();
        let id = i.factors[0].statements[0].id.clone();
        let words = [
            "Weet niet / niet van toepassing",
            "weet niet/niet van toepassing",
            "Weet ik niet / niet van toepassing",
            "Niet van toepassing",
            "N.v.t.",
            "nvt",
            "Weet niet",
            "Geen mening",
            "Don't know",
            "Don’t know / not applicable",
            "n/a",
        ];
        let mut rows = vec![vec!["Gemeente".to_string(), id.clone()]];
        rows.extend(
            words
                .iter()
                .map(|w| vec!["Druten".to_string(), w.to_string()]),
        );
        let table = read_table(i, &rows).unwrap();
        assert!(table.notices.is_empty(), "{:?}", table.notices);
        assert_eq!(table.respondents.len(), words.len());
        assert!(table
            .respondents
            .iter()
            .all(|r| r.responses[&id] == Response::Unknown));
    }

    #[test]
    fn a_table_without_statements_is_refused_and_columns_are_named_as_spreadsheets_do() {
        let rows = vec![
            vec!["Naam".to_string(), "Leeftijd".into()],
            vec!["A".into(), "3".into()],
        ];
        assert_eq!(
            read_table(instrument(), &rows),
            Err(TableError::NoStatements)
        );
        assert_eq!(read_table(instrument(), &[]), Err(TableError::Empty));
        assert_eq!(
            read_table(instrument(), &[vec![String::new()]]),
            Err(TableError::Empty)
        );
        assert_eq!(Cell { row: 7, column: 2 }.name(), "B7");
        assert_eq!(Cell { row: 1, column: 28 }.name(), "AB1");
    }

    #[test]
    fn tools_wordings_numbering_stage_and_shifted_cells() {
        let i = instrument();
        let statements: Vec<_> = i.statements().map(|(_, s)| s).collect();
        let (a, b) = (statements[0], statements[1]);
        let rows = vec![
            vec![
                "Fase".to_string(),
                "Functie".into(),
                format!("1. {}", a.text.get(Lang::Nl)),
                format!("Vraag 2 [{}]", b.text.get(Lang::Nl)),
                "Gemeente".into(),
                "gemeente".into(),
            ],
            vec![
                "Voorbereiden".into(),
                "Wethouder".into(),
                "Helemaal mee eens".into(),
                "Geen mening".into(),
                "Druten".into(),
                "Anders".into(),
                "verschoven".into(),
            ],
        ];
        let table = read_table(i, &rows).unwrap();
        let one = &table.respondents[0];
        assert_eq!(one.context.stage.as_deref(), Some("preparing"));
        assert_eq!(one.respondent.role, Some(Role::Bestuurder));
        assert_eq!(one.responses[&a.id], Response::Scale(5));
        assert_eq!(one.responses[&b.id], Response::Unknown);
        assert_eq!(one.respondent.municipality.as_deref(), Some("Druten"));
        let cells: Vec<String> = table.notices.iter().map(|n| n.cell.name()).collect();
        assert_eq!(cells, ["F1", "G2"], "{:?}", table.notices);
        assert!(matches!(
            table.notices[0].kind,
            TableNoticeKind::RepeatedColumn { .. }
        ));
        assert!(matches!(
            table.notices[1].kind,
            TableNoticeKind::BeyondHeader { .. }
        ));
        // Numbers as written: "04" and "4,0" are 4; "1e0" and "4.5" are not points.
        let rows = vec![
            vec![a.id.clone(), b.id.clone()],
            vec!["04".into(), "4,0".into()],
            vec!["1e0".into(), "4.5".into()],
        ];
        let table = read_table(i, &rows).unwrap();
        assert_eq!(table.respondents[0].responses[&a.id], Response::Scale(4));
        assert_eq!(table.respondents[0].responses[&b.id], Response::Scale(4));
        assert_eq!(table.notices.len(), 2, "{:?}", table.notices);
    }

    #[test]
    fn the_template_reads_back() {
        let i = instrument();
        let header = table_template(i, Lang::Nl);
        let mut answer = vec!["Druten".to_string(), "Bestuurder".into()];
        answer.extend(std::iter::repeat_n("3".to_string(), header.len() - 2));
        let table = read_table(i, &[header, answer]).unwrap();
        assert!(table.notices.is_empty(), "{:?}", table.notices);
        assert_eq!(table.respondents[0].answered(i), i.statements().count());
    }
}
