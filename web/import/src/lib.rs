//! The widget's survey import, as its own wasm bundle
//! (`samenwerkingsscan_import`): the loader (`samenwerkingsscan.js`)
//! fetches it only when someone chooses a `.csv` or `.xlsx` file in the data
//! panel or in a workshop's setup, so nobody else pays for the csv and
//! calamine readers (the scan's first visit stays as small as it was).
//!
//! It reads the file's bytes with `samenwerkingsscan-tables` (the same code
//! as the command line's `evaluate responses.xlsx`) and answers in JSON,
//! both languages at once, so the widget can switch language afterwards.
//! Each respondent's answers are a JSON text of their own, which the widget
//! reads with the decoder it has anyway (`Answers::from_json`):
//!
//! ```text
//! {"respondents": ["<answers as JSON>"…], "notices": [{"cell": "F4", "nl": "…", "en": "…"}…],
//!  "total_notices": 27}
//! {"error": {"nl": "…", "en": "…"}}
//! ```

use samenwerkingsscan::{Answers, Instrument, Lang, Says, NOTICES_SHOWN};
use samenwerkingsscan_tables::{SurveyError, MAX_BROWSER_BYTES};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A sentence in both languages.
#[derive(Serialize)]
struct Both {
    /// In Dutch.
    nl: String,
    /// In English.
    en: String,
}

impl Both {
    fn of(said: &impl Says) -> Both {
        Both {
            nl: said.say(Lang::Nl),
            en: said.say(Lang::En),
        }
    }
}

/// A cell that did not count: its name ("F4") and why, in both languages.
#[derive(Serialize)]
struct Notice {
    cell: String,
    nl: String,
    en: String,
}

/// The reply: the respondents (each as answers JSON) and the first cells
/// that did not count of all of them, or why the file was not read.
#[derive(Serialize)]
#[serde(untagged)]
enum Read {
    Table {
        respondents: Vec<String>,
        notices: Vec<Notice>,
        total_notices: usize,
    },
    Error {
        error: Both,
    },
}

/// The reply as JSON (a reply that cannot be written is `{}`, which the
/// widget says it cannot read).
fn json(read: &Read) -> String {
    serde_json::to_string(read).unwrap_or_else(|_| String::from("{}"))
}

/// The file is too large to read here: `{"error": …}`, or `undefined`
/// when it may be read. Asked before the file is read into memory.
#[wasm_bindgen(js_name = tooLarge)]
pub fn too_large(bytes: f64) -> Option<String> {
    (bytes > MAX_BROWSER_BYTES as f64).then(|| {
        json(&Read::Error {
            error: Both::of(&SurveyError::FileTooLarge {
                limit: MAX_BROWSER_BYTES,
            }),
        })
    })
}

/// Reads the survey file `name` (its extension says the format) with the
/// bytes `bytes` for `instrument` (the widget's custom questionnaire as
/// JSON; without it the built-in one, in both languages). Always JSON, see
/// the module's docs.
#[wasm_bindgen(js_name = readSurvey)]
pub fn read_survey(name: &str, bytes: &[u8], instrument: Option<String>) -> String {
    if let Some(error) = too_large(bytes.len() as f64) {
        return error;
    }
    let custom;
    let instrument = match instrument {
        None => Instrument::builtin(),
        Some(text) => match Instrument::from_json(&text) {
            Ok(parsed) => {
                custom = parsed;
                &custom
            }
            // The widget has checked it already; said all the same.
            Err(e) => {
                let first = |lang: Lang| {
                    e.problems
                        .first()
                        .map(|p| format!("{}: {}", p.path, p.text(lang)))
                        .unwrap_or_default()
                };
                return json(&Read::Error {
                    error: Both {
                        nl: first(Lang::Nl),
                        en: first(Lang::En),
                    },
                });
            }
        },
    };
    match samenwerkingsscan_tables::read_survey(instrument, name, bytes) {
        Ok(table) => json(&Read::Table {
            total_notices: table.total_notices,
            notices: table
                .notices
                .iter()
                .take(NOTICES_SHOWN)
                .map(|n| Notice {
                    cell: n.cell.name(),
                    nl: n.kind.say(Lang::Nl),
                    en: n.kind.say(Lang::En),
                })
                .collect(),
            respondents: table.respondents.iter().map(Answers::to_json).collect(),
        }),
        Err(e) => json(&Read::Error {
            error: Both::of(&e),
        }),
    }
}
