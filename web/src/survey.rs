//! A survey tool's export (`.csv`, `.xlsx`: a row per respondent) chosen
//! in the data panel or in a workshop's setup. The reading itself happens
//! in the survey import bundle (`web/import`: csv, calamine and the core's
//! `read_table`), which the loader fetches only now, through its
//! `readSurvey(file)` given at mount: the scan's own bundle carries no
//! table reader. Each widget has its own (it reads against that widget's
//! questionnaire), passed down in props as a [`SurveyReader`]. What comes
//! back is JSON with every sentence in both languages, so the screens can
//! switch language afterwards.
//!
//! Every read has a number ([`next_read`]): a reducer takes a result only
//! while that read is still the one waited for, so a slow read never
//! overwrites a file chosen after it, nor a workshop loaded meanwhile.

use samenwerkingsscan::{Answers, Lang};
use std::cell::Cell;
use wasm_bindgen::{JsCast, JsValue};

/// This widget's `readSurvey(file)`, given by the loader at mount (none:
/// a host that mounts the wasm itself without it; reading then says so).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SurveyReader(pub Option<js_sys::Function>);

thread_local! {
    /// The number of the last read started.
    static READS: Cell<u32> = const { Cell::new(0) };
}

/// A new read's number, different from every earlier one.
pub fn next_read() -> u32 {
    READS.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    })
}

/// A sentence in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Both {
    nl: String,
    en: String,
}

impl Both {
    /// The sentence in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.nl, &self.en)
    }
}

/// A cell of the export that did not count, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellNotice {
    /// The cell as a spreadsheet names it, e.g. "F4".
    pub cell: String,
    text: Both,
}

impl CellNotice {
    /// Why, in `lang` (without the cell).
    pub fn message(&self, lang: Lang) -> &str {
        self.text.get(lang)
    }
}

/// What an export holds: a respondent per row with answers, and the first
/// cells that did not count (of `total_notices`).
#[derive(Clone, Debug, PartialEq)]
pub struct SurveyRead {
    /// How many respondents the export holds.
    pub count: usize,
    /// Their answers, in the order of the rows: empty when there are more
    /// than the reader asked for (the data panel wants one person).
    pub respondents: Vec<Answers>,
    /// The first cells that did not count.
    pub notices: Vec<CellNotice>,
    /// How many cells did not count in all.
    pub total_notices: usize,
}

/// Why an export was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SurveyFailure {
    /// The file itself, said by the reader (too large, not a table, no
    /// statement in its header …).
    File(Both),
    /// The import bundle could not load (a technical detail for the message).
    Unavailable(String),
    /// The import bundle's reply could not be read (a technical detail).
    Broken(String),
}

/// Whether a file of this name is read here rather than as an answers
/// file (the core's rule, shared with the command line).
pub fn is_survey(name: &str) -> bool {
    samenwerkingsscan::is_table_file(name)
}

/// Reads `file` with the loader's `readSurvey`, decoding the respondents'
/// answers only when there are at most `most` of them.
///
/// # Errors
/// [`SurveyFailure`]: the file's problem in both languages, the import
/// bundle's absence, or a reply that cannot be read.
pub async fn read(
    reader: &SurveyReader,
    file: web_sys::File,
    most: usize,
) -> Result<SurveyRead, SurveyFailure> {
    let unavailable = |e: JsValue| {
        SurveyFailure::Unavailable(
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .or_else(|| e.as_string())
                .unwrap_or_else(|| "unknown error".into()),
        )
    };
    let reader = reader
        .0
        .as_ref()
        .ok_or_else(|| SurveyFailure::Unavailable("the loader gave no readSurvey".into()))?;
    let promise = reader
        .call1(&JsValue::NULL, &file)
        .map_err(unavailable)?
        .dyn_into::<js_sys::Promise>()
        .map_err(|_| SurveyFailure::Unavailable("readSurvey gave no promise".into()))?;
    let json = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(unavailable)?
        .as_string()
        .ok_or_else(|| SurveyFailure::Unavailable("readSurvey gave no text".into()))?;
    parse(&json, most)
}

/// The import bundle's JSON (see `web/import/src/lib.rs`), read with the
/// browser's `JSON.parse` and each respondent with the answers decoder the
/// widget has anyway: serde's derive here cost the scan 10 KB gzip.
fn parse(json: &str, most: usize) -> Result<SurveyRead, SurveyFailure> {
    let broken = |what: &str| SurveyFailure::Broken(format!("readSurvey: {what}"));
    let reply = js_sys::JSON::parse(json).map_err(|_| broken("not JSON"))?;
    let field = |value: &JsValue, key: &str| {
        js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    };
    let text = |value: &JsValue, key: &str| field(value, key).as_string();
    let both = |value: &JsValue| -> Option<Both> {
        Some(Both {
            nl: text(value, "nl")?,
            en: text(value, "en")?,
        })
    };
    let error = field(&reply, "error");
    if !error.is_undefined() {
        return Err(SurveyFailure::File(
            both(&error).ok_or_else(|| broken("an error without text"))?,
        ));
    }
    let list = |key: &str| -> Result<js_sys::Array, SurveyFailure> {
        field(&reply, key)
            .dyn_into::<js_sys::Array>()
            .map_err(|_| broken(&format!("no {key}")))
    };
    let rows = list("respondents")?;
    let count = rows.length() as usize;
    let respondents = rows
        .iter()
        .take(if count > most { 0 } else { count })
        .map(|answers| {
            let json = answers
                .as_string()
                .ok_or_else(|| broken("answers that are not text"))?;
            Answers::from_json(&json).map_err(|e| broken(&e.to_string()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let notices = list("notices")?
        .iter()
        .map(|notice| {
            Some(CellNotice {
                cell: text(&notice, "cell")?,
                text: both(&notice)?,
            })
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| broken("a notice without text"))?;
    let total_notices = field(&reply, "total_notices")
        .as_f64()
        .map_or(notices.len(), |n| n as usize);
    Ok(SurveyRead {
        count,
        respondents,
        notices,
        total_notices,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn survey_files_are_known_by_the_cores_rule() {
        assert!(super::is_survey("Enquête.XLSX") && !super::is_survey("antwoorden.json"));
    }
}
