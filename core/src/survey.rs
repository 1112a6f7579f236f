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
use crate::stage::Stage;
use crate::text::{shortened, shown, Lang, Says, Text};

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
        /// The scale's highest point (built in: 5).
        max: u8,
        /// A label of the scale to give as an example (built in: "Eens").
        example: Text,
        /// The scale's "don't know" label.
        unknown: Text,
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
        /// The questionnaire's stages, as shown.
        stages: Vec<Text>,
    },
    /// A row with filled cells but none in a statement's column: it does
    /// not count (often a row split by another separator than the header's,
    /// or a quotation mark too many that took the rest of the file into one
    /// cell).
    NoAnswers,
    /// Headers in both wordings of the third phase (looking ahead, and for
    /// a running partnership): the stage cannot be told from them.
    MixedWording,
    /// Headers in the wording for a running partnership: the answers are
    /// read as those of one (stage "operating"), unless a row's stage says
    /// otherwise.
    StageFromWording,
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
                    format!("De kolom ‘{header}’ vraagt hetzelfde als een kolom ervoor. Alleen de eerste kolom telt mee."),
                    format!("The column ‘{header}’ asks the same as an earlier column. Only the first one counts."),
                )
            }
            TableNoticeKind::UnknownAnswer {
                value,
                max,
                example,
                unknown,
            } => {
                let (value, example, unknown) = (
                    shown(value),
                    shown(example.get(lang)),
                    shown(unknown.get(lang)),
                );
                lang.pick(
                    format!("Het antwoord ‘{value}’ kent de scan niet. Het telt niet mee. Gebruik een getal van 1 tot en met {max}, een antwoord van de schaal zoals ‘{example}’, of ‘{unknown}’."),
                    format!("The scan does not know the answer ‘{value}’. It does not count. Use a number from 1 to {max}, an answer from the scale such as ‘{example}’, or ‘{unknown}’."),
                )
            }
            TableNoticeKind::UnknownStage { value, stages } => {
                let value = shown(value);
                let stages: Vec<String> = stages.iter().map(|s| shown(s.get(lang))).collect();
                let stages = alternatives(lang, &stages);
                lang.pick(
                    format!("De fase ‘{value}’ kent de scan niet. De antwoorden in deze rij tellen wel mee, zonder deze fase. Gebruik {stages}."),
                    format!("The scan does not know the stage ‘{value}’. The answers in this row still count, without this stage. Use {stages}."),
                )
            }
            TableNoticeKind::BeyondHeader { value } => {
                let value = shown(value);
                lang.pick(
                    format!("De cel ‘{value}’ staat rechts van de laatste kolom met een kop. Die cel telt niet mee. Misschien staat er in deze rij een puntkomma of komma in een tekst. Dan zijn de cellen erna een plek opgeschoven. Controleer de antwoorden in deze rij."),
                    format!("The cell ‘{value}’ is to the right of the last column with a heading. It does not count. A text in this row may contain a semicolon or comma that moved the cells after it one place. Check the answers in this row."),
                )
            }
            TableNoticeKind::NoAnswers => lang
                .pick(
                    "In deze rij staat geen antwoord op een stelling. De rij telt niet mee. Staan alle antwoorden in één cel? Dan gebruikt deze rij een ander scheidingsteken dan de eerste rij, of er staat een aanhalingsteken te veel.",
                    "This row holds no answer to a statement. The row does not count. Are all its answers in one cell? Then this row uses another separator than the first row, or it holds one quotation mark too many.",
                )
                .to_string(),
            TableNoticeKind::MixedWording => lang
                .pick(
                    "Een deel van de stellingen staat in de tekst van vóór de start, een deel in die van een lopende samenwerking. De scan leest de antwoorden als van vóór de start. Draait de samenwerking al? Voeg dan een kolom Fase toe met ‘In bedrijf’.",
                    "Some statements are in the wording for before the start, some in the wording for a running partnership. The scan reads the answers as before the start. Is the partnership already running? Then add a column Stage with ‘Up and running’.",
                )
                .to_string(),
            TableNoticeKind::StageFromWording => lang
                .pick(
                    "De stellingen staan in de tekst voor een samenwerking die al draait. De scan leest de antwoorden daarom als die van een lopende samenwerking (‘In bedrijf’). Klopt dat niet? Voeg dan een kolom Fase toe.",
                    "The statements are in the wording for a partnership that already runs. The scan therefore reads the answers as those of a running partnership (‘Up and running’). Is that wrong? Then add a column Stage.",
                )
                .to_string(),
            TableNoticeKind::UnknownRole { value } => {
                let value = shown(value);
                let roles: Vec<String> = Role::ALL
                    .iter()
                    .map(|r| r.label(lang).to_lowercase())
                    .collect();
                let roles = alternatives(lang, &roles);
                lang.pick(
                    format!("De rol ‘{value}’ kent de scan niet. De antwoorden in deze rij tellen wel mee, maar zonder rol. Gebruik {roles}."),
                    format!("The scan does not know the role ‘{value}’. The answers in this row still count, but without a role. Use {roles}."),
                )
            }
        }
    }
}

/// "A, B of C" ("or" in English): the choices to use.
fn alternatives(lang: Lang, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), lang.pick("of", "or")),
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
            TableError::Empty => lang.pick("Het bestand is leeg.", "The file is empty.").into(),
            TableError::NoStatements => lang
                .pick(
                    "De scan vindt in de eerste tien rijen geen enkele stelling van deze vragenlijst. Zet de stellingen in de eerste rij, precies zoals in het sjabloon van de scan.",
                    "The scan finds no statement of this questionnaire in the first ten rows. Put the statements in the first row, exactly as in the scan’s template.",
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
    /// What did not count, in reading order: the first
    /// [`MAX_TABLE_NOTICES`] (a file of 5 MB of wrong answers would
    /// otherwise hold millions).
    pub notices: Vec<TableNotice>,
    /// How many notices there are in all.
    pub total_notices: usize,
}

/// How many rows with text the header is looked for in (a title or an
/// explanation may come first).
const HEADER_ROWS: usize = 10;

/// The most notices a [`Table`] keeps; the rest are counted.
pub const MAX_TABLE_NOTICES: usize = 200;

/// Notices as they are found: the first [`MAX_TABLE_NOTICES`] kept, all
/// counted.
#[derive(Default)]
struct Said {
    notices: Vec<TableNotice>,
    total: usize,
}

impl Said {
    fn push(&mut self, notice: TableNotice) {
        self.total += 1;
        if self.notices.len() < MAX_TABLE_NOTICES {
            self.notices.push(notice);
        }
    }
}

/// Which wording of a statement a header is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Wording {
    /// The only one, or the id.
    Either,
    /// For a running partnership, where the statement also looks ahead.
    Running,
    /// Looking ahead, before the start.
    Ahead,
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
    // A leading ' is a spreadsheet's "this is text" (see `csv_cell`); a
    // closing full stop, question mark or a required-question star is no
    // part of the question.
    joined
        .trim_start_matches('\'')
        .trim_end_matches(['.', '?', '*', ' '])
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
    // "Vraag 21: …", "Q6: …", "V8. …", "7 - …", "6) …".
    let rest = match header.get(..6) {
        Some(word) if word.eq_ignore_ascii_case("vraag ") => &header[6..],
        _ => header.trim_start_matches(['Q', 'q', 'V', 'v']),
    };
    let digits = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    let after = digits.trim_start();
    match after.strip_prefix(['.', ':', ')', '-', '–']) {
        Some(after) if digits.len() < rest.len() => after.trim_start(),
        _ => header,
    }
}

/// Other words people and tools use for the points of a five-point scale
/// and for "don't know" (only for a scale of five points).
const SYNONYMS: [(&str, Option<u8>); 19] = [
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
    ("zeer eens", Some(5)),
    ("zeer oneens", Some(1)),
    ("helemaal niet mee eens", Some(1)),
    ("volledig mee eens", Some(5)),
    ("volledig eens", Some(5)),
    ("geen mening", None),
    ("weet niet/geen mening", None),
    ("no opinion", None),
    ("not applicable", None),
];

/// The columns survey tools add to every export (Microsoft Forms,
/// LimeSurvey, Google Forms; Dutch and English): left out without a notice,
/// so that they do not crowd out the notices that matter. Names and e-mail
/// addresses are never read.
const TOOL_COLUMNS: [&str; 34] = [
    "id",
    "begintijd",
    "tijd van voltooien",
    "e-mail",
    "naam",
    "tijdstip van laatste wijziging",
    "start time",
    "completion time",
    "email",
    "name",
    "last modified time",
    "response id",
    "antwoord-id",
    "antwoord id",
    "date submitted",
    "datum verstuurd",
    "last page",
    "laatste pagina",
    "start language",
    "starttaal",
    "seed",
    "date started",
    "startdatum",
    "date last action",
    "datum laatste actie",
    "ip address",
    "ip-adres",
    "referrer url",
    "verwijzende url",
    "token",
    "tijdstempel",
    "timestamp",
    "e-mailadres",
    "email address",
];

/// Other words for the roles.
const ROLE_WORDS: [(&str, Role); 14] = [
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
    ("collegelid", Role::Bestuurder),
    ("portefeuillehouder", Role::Bestuurder),
    ("councillor", Role::Raadslid),
    // What people type, never a text of ours (the glossary bans it from
    // those: the role is "official"); in two parts for that check.
    (concat!("civil ", "servant"), Role::Ambtenaar),
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
    let first = rows
        .iter()
        .position(|row| row.iter().any(|cell| !cell.trim().is_empty()))
        .ok_or(TableError::Empty)?;
    let mut said = Said::default();
    // Every way a header may name a statement: its id, and its texts (plain
    // and looking ahead) in every language the instrument has. For a
    // statement with two wordings, which one the header is: the wording the
    // respondents saw says the stage they answered for (§8: the third phase
    // before the start is a look ahead; the template writes it so).
    let mut names: Vec<(String, &str, Wording)> = Vec::new();
    for (_, s) in instrument.statements() {
        names.push((normal(&s.id), &s.id, Wording::Either));
        let two = s.ahead.as_ref().is_some_and(|ahead| *ahead != s.text);
        for value in s.text.0.values() {
            let wording = if two {
                Wording::Running
            } else {
                Wording::Either
            };
            names.push((normal(value), &s.id, wording));
        }
        for value in s.ahead.iter().flat_map(|ahead| ahead.0.values()) {
            names.push((normal(value), &s.id, Wording::Ahead));
        }
    }
    // The header: of the first ten rows from the first with anything in it,
    // the one that names the most statements (a title or an explanation may
    // come first; a tool may write a second header row under it); cells
    // keep their own row numbers.
    let names_statements = |row: &Vec<String>| {
        row.iter()
            .filter(|cell| {
                let (short, whole) = (normal(question(cell)), normal(cell));
                names
                    .iter()
                    .any(|(name, ..)| *name == short || *name == whole)
            })
            .count()
    };
    let start = rows
        .iter()
        .enumerate()
        .skip(first)
        .filter(|(_, row)| row.iter().any(|cell| !cell.trim().is_empty()))
        .take(HEADER_ROWS)
        .map(|(i, row)| (names_statements(row), std::cmp::Reverse(i)))
        .max()
        .filter(|(count, _)| *count > 0)
        .map_or(first, |(_, std::cmp::Reverse(i))| i);
    let header = &rows[start];
    let (mut running, mut ahead) = (0usize, 0usize);
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
            if key.is_empty() || TOOL_COLUMNS.contains(&key.as_str()) {
                return Column::Ignored;
            }
            let special = match key.as_str() {
                "gemeente" | "municipality" | "naam gemeente" | "welke gemeente"
                | "uw gemeente" | "your municipality" => Some(("gemeente", Column::Municipality)),
                "rol" | "role" | "functie" | "welke rol heeft u" | "uw rol" | "your role" => {
                    Some(("rol", Column::Role))
                }
                "fase" | "stage" => Some(("fase", Column::Stage)),
                _ => None,
            };
            // The question without a numbering, or the header as it is (a
            // statement that starts with a number).
            let whole = normal(cell);
            let found = special.or_else(|| {
                let (_, id, wording) = names
                    .iter()
                    .find(|(name, ..)| *name == key)
                    .or_else(|| names.iter().find(|(name, ..)| *name == whole))?;
                match wording {
                    Wording::Running => running += 1,
                    Wording::Ahead => ahead += 1,
                    Wording::Either => {}
                }
                Some((*id, Column::Statement(id)))
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
            said.push(TableNotice { cell: at, kind });
            Column::Ignored
        })
        .collect();
    if !columns.iter().any(|c| matches!(c, Column::Statement(_))) {
        return Err(TableError::NoStatements);
    }
    // Every way a cell may give an answer.
    let max = instrument.scale_max();
    // The point below the highest as the example of a label ("Eens").
    let example = instrument
        .scale
        .points
        .iter()
        .rev()
        .nth(1)
        .or(instrument.scale.points.first())
        .map(|p| p.label.clone())
        .unwrap_or_default();
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
        "dont know",
        "na",
        "n.a",
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
        let point = |n: u8| (1..=max).contains(&n).then_some(Response::Scale(n));
        if !whole.is_empty() && whole.chars().all(|c| c.is_ascii_digit()) {
            return whole.parse::<u8>().ok().and_then(point);
        }
        // A decimal a spreadsheet made of a whole number (3.9999999999999996
        // shown as 4); not "4.5", not "1e0".
        if key
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            if let Ok(value) = key.replace(',', ".").parse::<f64>() {
                let rounded = value.round();
                return ((value - rounded).abs() < 1e-9 && (0.0..=255.0).contains(&rounded))
                    .then_some(rounded as u8)
                    .and_then(point);
            }
        }
        let label = |text: &str| answers.iter().find(|(l, _)| l == text).map(|(_, r)| *r);
        label(&key).or_else(|| {
            // A point with its label, as some tools export it: "4 (Eens)",
            // "5 - Helemaal eens"; the label must be that point's.
            let digits = key.len() - key.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let (number, rest) = key.split_at(digits);
            let rest = rest.trim_matches(|c: char| c.is_whitespace() || "()-.:=".contains(c));
            let n = number.parse::<u8>().ok()?;
            (digits > 0 && label(rest) == Some(Response::Scale(n))).then_some(Response::Scale(n))
        })
    };
    let role = |cell: &str| -> Option<Role> {
        let known = |key: &str| {
            Role::ALL
                .into_iter()
                .find(|r| key == r.id() || Lang::ALL.iter().any(|l| key == normal(r.label(*l))))
                .or_else(|| ROLE_WORDS.iter().find(|(w, _)| key == *w).map(|(_, r)| *r))
        };
        let key = normal(cell);
        // Also with more after it: "Raadslid (gemeente X)", "Wethouder Financiën".
        known(&key)
            .or_else(|| known(key.split('(').next().unwrap_or_default().trim()))
            .or_else(|| known(key.split_whitespace().next().unwrap_or_default()))
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
    // Headers in the wording for a running partnership (and none looking
    // ahead): the respondents answered about a running one.
    let answered_for = (running > 0 && ahead == 0)
        .then(|| Stage::Operating.id())
        .filter(|id| instrument.context.stages.iter().any(|s| s.id == *id))
        .map(str::to_string);
    if answered_for.is_some() {
        said.push(TableNotice {
            cell: Cell {
                row: start + 1,
                column: 1,
            },
            kind: TableNoticeKind::StageFromWording,
        });
    }
    if running > 0 && ahead > 0 {
        said.push(TableNotice {
            cell: Cell {
                row: start + 1,
                column: 1,
            },
            kind: TableNoticeKind::MixedWording,
        });
    }
    let mut respondents = Vec::new();
    for (r, row) in rows.iter().enumerate().skip(start + 1) {
        // A second header row under the first (the statements' texts under
        // their ids): no respondent.
        if r == start + 1 && names_statements(row) > 0 {
            continue;
        }
        let mut one = Answers::new(instrument);
        one.context.stage = answered_for.clone();
        // A row with cells but nothing in a statement's column, that looks
        // split wrongly (one filled cell, or a separator or quotation mark
        // inside a cell): said. An unfinished response (a municipality and
        // no answers) is passed over quietly.
        let filled: Vec<usize> = (0..row.len())
            .filter(|c| !row[*c].trim().is_empty())
            .collect();
        let statement_filled = filled
            .iter()
            .any(|c| matches!(columns.get(*c), Some(Column::Statement(_))));
        let split_wrongly = filled.len() == 1
            || filled
                .iter()
                .any(|c| row[*c].contains([';', ',', '\t', '"']));
        if let (Some(&c), false, true) = (filled.first(), statement_filled, split_wrongly) {
            said.push(TableNotice {
                cell: Cell {
                    row: r + 1,
                    column: c + 1,
                },
                kind: TableNoticeKind::NoAnswers,
            });
        }
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
                said.push(TableNotice { cell: at, kind });
                continue;
            }
            match columns[c] {
                Column::Statement(id) => match response(cell) {
                    Some(answer) => {
                        one.responses.insert(id.to_string(), answer);
                    }
                    None => said.push(TableNotice {
                        cell: at,
                        kind: TableNoticeKind::UnknownAnswer {
                            value: cell.clone(),
                            max,
                            example: example.clone(),
                            unknown: instrument.scale.unknown.clone(),
                        },
                    }),
                },
                Column::Municipality => {
                    // A name, not a text: a whole row pasted into one cell
                    // (another separator) is cut, and said below.
                    one.respondent.municipality = Some(shortened(cell.trim(), 100));
                }
                Column::Role => match role(cell) {
                    Some(found) => {
                        one.respondent = Respondent {
                            role: Some(found),
                            ..one.respondent
                        }
                    }
                    None => said.push(TableNotice {
                        cell: at,
                        kind: TableNoticeKind::UnknownRole {
                            value: cell.clone(),
                        },
                    }),
                },
                Column::Stage => match stage(cell) {
                    Some(id) => one.context.stage = Some(id),
                    None => said.push(TableNotice {
                        cell: at,
                        kind: TableNoticeKind::UnknownStage {
                            value: cell.clone(),
                            stages: instrument
                                .context
                                .stages
                                .iter()
                                .map(|s| s.label.clone())
                                .collect(),
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
        total_notices: said.total,
        notices: said.notices,
    })
}

/// The header row of a template for survey tools: the municipality, the
/// role, then every statement's text in `lang` (as the tools show the
/// question), in the instrument's order, in the wording for `stage`
/// ([`Statement::text_for`](crate::Statement::text_for): before the start
/// the third phase looks ahead, "Ik verwacht dat …", §8). [`read_table`]
/// reads the stage back from that wording: an export of a template for a
/// running partnership is read as one.
pub fn table_template(instrument: &Instrument, lang: Lang, stage: Option<Stage>) -> Vec<String> {
    let mut header = vec![
        lang.pick("Gemeente", "Municipality").to_string(),
        lang.pick("Rol", "Role").to_string(),
    ];
    header.extend(
        instrument
            .statements()
            .map(|(_, s)| s.text_for(stage, lang).to_string()),
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
            said[1].starts_with("E3: The scan does not know the answer ‘heel goed’."),
            "{}",
            said[1]
        );
    }

    #[test]
    fn the_tools_own_columns_are_left_out_without_a_notice() {
        let i = instrument();
        let id = i.factors[0].statements[0].id.clone();
        let rows = vec![
            [
                "ID",
                "Begintijd",
                "Tijd van voltooien",
                "E-mail",
                "Naam",
                &id,
                "Opmerking",
            ]
            .map(String::from)
            .to_vec(),
            [
                "1",
                "1-12-2026 09:00",
                "1-12-2026 09:05",
                "a@b.nl",
                "Anna",
                "4",
                "x",
            ]
            .map(String::from)
            .to_vec(),
        ];
        let table = read_table(i, &rows).unwrap();
        let cells: Vec<String> = table.notices.iter().map(|n| n.cell.name()).collect();
        // Only the column no tool adds is said.
        assert_eq!(cells, ["G1"]);
        let one = &table.respondents[0];
        assert_eq!(one.respondent.municipality, None);
        assert_eq!(one.responses.len(), 1);
    }

    #[test]
    fn a_row_without_answers_is_said_and_more_ways_of_writing_are_read() {
        let i = instrument();
        let ids: Vec<String> = i.statements().take(2).map(|(_, s)| s.id.clone()).collect();
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let rows = vec![
            row(&["Gemeente", "Rol", &ids[0], &ids[1]]),
            // Another separator: the whole row in the first cell.
            row(&["Druten,raadslid,4,5"]),
            row(&[
                "Wijchen",
                "Raadslid (gemeente Wijchen)",
                "4 (Eens)",
                "3.9999999999999996",
            ]),
            row(&[
                "Wijchen",
                "Wethouder Financiën",
                "5 - Helemaal eens",
                "Zeer oneens",
            ]),
            row(&["Druten", "Civil servant", "4.5", "NA"]),
        ];
        let table = read_table(i, &rows).unwrap();
        let cells: Vec<String> = table.notices.iter().map(|n| n.cell.name()).collect();
        assert_eq!(cells, ["A2", "C5"], "{:?}", table.notices);
        assert_eq!(table.notices[0].kind, TableNoticeKind::NoAnswers);
        assert_eq!(table.respondents.len(), 3);
        let [a, b, c] = &table.respondents[..] else {
            panic!()
        };
        assert_eq!(a.respondent.role, Some(Role::Raadslid));
        assert_eq!(a.responses[&ids[0]], Response::Scale(4));
        assert_eq!(a.responses[&ids[1]], Response::Scale(4));
        assert_eq!(b.respondent.role, Some(Role::Bestuurder));
        assert_eq!(b.responses[&ids[0]], Response::Scale(5));
        assert_eq!(b.responses[&ids[1]], Response::Scale(1));
        assert_eq!(c.respondent.role, Some(Role::Ambtenaar));
        assert_eq!(c.responses[&ids[1]], Response::Unknown);
        // A label that is not the number's own is no answer.
        let rows = vec![row(&[&ids[0]]), row(&["2 (Eens)"])];
        assert_eq!(read_table(i, &rows).unwrap().respondents.len(), 0);
    }

    #[test]
    fn the_header_is_the_row_that_names_the_statements_and_numberings_are_dropped() {
        let i = instrument();
        let texts: Vec<String> = i
            .statements()
            .take(4)
            .map(|(_, s)| s.text_for(None, Lang::Nl).to_string())
            .collect();
        let rows = vec![
            vec!["Enquête samenwerking, december 2026".to_string()],
            vec![],
            vec![
                "Gemeente".to_string(),
                format!("Vraag 21: {}", texts[0]),
                format!("7 - {}", texts[1]),
                format!("{} *", texts[2]),
                format!("{}?", texts[3]),
            ],
            vec![
                "Druten".into(),
                "4".into(),
                "4".into(),
                "4".into(),
                "4".into(),
            ],
        ];
        let table = read_table(i, &rows).unwrap();
        assert!(table.notices.is_empty(), "{:?}", table.notices);
        assert_eq!(table.respondents.len(), 1);
        assert_eq!(table.respondents[0].responses.len(), 4);
    }

    #[test]
    fn unfinished_responses_pass_quietly_and_a_second_header_row_is_no_respondent() {
        let i = instrument();
        let ids: Vec<String> = i.statements().take(2).map(|(_, s)| s.id.clone()).collect();
        let texts: Vec<String> = i
            .statements()
            .take(2)
            .map(|(_, s)| s.text_for(None, Lang::Nl).to_string())
            .collect();
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let rows = vec![
            vec![],
            row(&["Enquête"]),
            vec![],
            row(&["ID", "Gemeente", &ids[0], &ids[1]]),
            row(&["", "", &texts[0], &texts[1]]),
            row(&["17", "Druten", "", ""]),
            row(&["18", "Druten", "4", "5"]),
        ];
        let table = read_table(i, &rows).unwrap();
        assert!(table.notices.is_empty(), "{:?}", table.notices);
        assert_eq!(table.respondents.len(), 1);
    }

    #[test]
    fn notices_are_kept_up_to_a_bound_and_counted_all() {
        let i = instrument();
        let id = i.factors[0].statements[0].id.clone();
        let mut rows = vec![vec![id]];
        rows.extend((0..MAX_TABLE_NOTICES + 50).map(|_| vec!["x".to_string()]));
        let table = read_table(i, &rows).unwrap();
        assert_eq!(table.notices.len(), MAX_TABLE_NOTICES);
        assert_eq!(table.total_notices, MAX_TABLE_NOTICES + 50);
    }

    #[test]
    fn headers_in_both_wordings_are_said() {
        let i = instrument();
        let (ahead, running): (Vec<_>, Vec<_>) = i
            .statements()
            .filter(|(_, s)| s.ahead.is_some())
            .map(|(_, s)| s)
            .take(2)
            .map(|s| {
                (
                    s.text_for(None, Lang::Nl).to_string(),
                    s.text_for(Some(Stage::Operating), Lang::Nl).to_string(),
                )
            })
            .unzip();
        let rows = vec![
            vec![ahead[0].clone(), running[1].clone()],
            vec!["4".to_string(), "4".to_string()],
        ];
        let table = read_table(i, &rows).unwrap();
        assert_eq!(table.notices[0].kind, TableNoticeKind::MixedWording);
        assert_eq!(table.respondents[0].context.stage, None);
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
    fn the_template_reads_back_for_the_stage_it_was_made_for() {
        let i = instrument();
        let looking_ahead = i
            .statements()
            .find(|(_, s)| s.ahead.is_some())
            .map(|(_, s)| s)
            .expect("the built-in third phase looks ahead before the start");
        for (stage, read_as) in [
            (None, None),
            (Some(Stage::Preparing), None),
            (Some(Stage::Operating), Some("operating")),
        ] {
            let header = table_template(i, Lang::Nl, stage);
            // Before the start the third phase is asked looking ahead (§8).
            assert!(header
                .iter()
                .any(|h| h == looking_ahead.text_for(stage, Lang::Nl)));
            let mut answer = vec!["Druten".to_string(), "Bestuurder".into()];
            answer.extend(std::iter::repeat_n("3".to_string(), header.len() - 2));
            let table = read_table(i, &[header, answer]).unwrap();
            // Read as running: said, once.
            let said: Vec<_> = table.notices.iter().map(|n| n.kind.clone()).collect();
            let expected = match read_as {
                Some(_) => vec![TableNoticeKind::StageFromWording],
                None => Vec::new(),
            };
            assert_eq!(said, expected);
            let one = &table.respondents[0];
            assert_eq!(one.answered(i), i.statements().count());
            // The wording the respondents saw is the stage they answered for.
            assert_eq!(one.context.stage.as_deref(), read_as, "{stage:?}");
        }
        // A stage column says it outright, whatever the wording.
        let mut header = table_template(i, Lang::En, Some(Stage::Operating));
        header.push("Stage".into());
        let mut answer = vec!["Druten".to_string(), "official".into()];
        answer.extend(std::iter::repeat_n("4".to_string(), header.len() - 3));
        answer.push("preparing".into());
        let table = read_table(i, &[header, answer]).unwrap();
        assert_eq!(
            table.respondents[0].context.stage.as_deref(),
            Some("preparing")
        );
    }
}
