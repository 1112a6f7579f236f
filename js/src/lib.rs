//! # Samenwerkingsscan — JavaScript API
//!
//! A thin wasm-bindgen layer over the rules core (crate `samenwerkingsscan`):
//! every rule lives in the core; this crate only converts between JavaScript
//! values and the core's types. Results are plain JavaScript objects (maps
//! become objects; a missing value is `null`, or the field is left out
//! where the core's JSON leaves it out), shaped exactly like the core's
//! JSON (see the core's rustdoc for every field). The npm package's
//! TypeScript declarations are generated from the same types. Errors are thrown as
//! JavaScript `Error` objects with a readable message.
//!
//! ```js
//! import init, { defaultInstrument, evaluate, aggregate, compare,
//!                encodeShare, decodeShare, validateInstrument } from 'samenwerkingsscan';
//! await init();
//!
//! const instrument = defaultInstrument('nl');          // texts as plain Dutch strings
//! const answers = { responses: { 'noodzaak-onderkend.1': 4, 'werkdruk.3': 'unknown' } };
//! const report = evaluate(answers, { lang: 'nl' });
//! console.log(report.verdict.label, report.reasons.map(r => r.text));
//!
//! const code = encodeShare(answers);                     // e.g. "10R4Z-…"
//! const same = decodeShare(code);                        // the answers back
//! ```
//!
//! | function | returns |
//! |---|---|
//! | [`defaultInstrument(lang?)`](default_instrument) | the built-in instrument |
//! | [`validateInstrument(json, lang?)`](validate_instrument) | `[{path, message}]`, empty when valid |
//! | [`evaluate(answers, options?)`](evaluate) | a report |
//! | [`aggregate(answersArray, options?)`](aggregate) | a group report |
//! | [`compare(baselineReport, currentReport)`](compare) | a comparison |
//! | [`encodeShare(answers, withContext?, instrument?)`](encode_share) | a share code |
//! | [`leftOutOfShare(answers, withContext?, instrument?, lang?)`](left_out_of_share) | `[{path, message, factor?}]`: what the code leaves out |
//! | [`decodeShare(code, instrument?)`](decode_share) | answers |
//! | [`readTable(rows, instrument?, lang?)`](read_table) | `{respondents, notices: [{cell, message}]}` from a survey tool's export |
//! | [`workshopReport(workshop, options?)`](workshop_report) | a workshop report |
//! | [`compareWorkshops(baseline, current, options?)`](compare_workshops) | a workshop comparison |
//!
//! Answers, instruments and reports may be passed as objects or as JSON
//! strings. A custom `instrument` is validated first; if it has problems the
//! call throws, naming the first problem (use `validateInstrument` for all).

use samenwerkingsscan::{
    self as core, Answers, GroupOptions, GroupReport, Instrument, Lang, Report, Says,
};
use serde::Serialize;
use tsify::Tsify;
use wasm_bindgen::prelude::*;

// The options objects and language codes the functions read (with
// `option`), in TypeScript. Every other type in the declarations is
// generated from the Rust types (the core's `typescript` feature).
#[wasm_bindgen(typescript_custom_section)]
const OPTIONS_TS: &str = r#"
/** A language code: "nl" or "en"; a regional code such as "en-GB" reads as its language. Any other code throws. Each function says its default. */
export type LangCode = "nl" | "en" | (string & {});

/** The options of `evaluate`. */
export interface EvaluateOptions {
    /** The report's language: default "nl". */
    lang?: LangCode;
    /** A custom instrument (object or JSON text); default the built-in Van de Laar instrument. It is validated first. */
    instrument?: Instrument | string;
}

/** The options of `aggregate`, `workshopReport` and `compareWorkshops`. */
export interface GroupCallOptions extends EvaluateOptions {
    /** The anonymity minimum: the fewest respondents a subgroup is shown for; default 3. */
    minGroupSize?: number;
    /** Points (0–100) between subgroups that count as a gap; default 25. */
    gapThreshold?: number;
}
"#;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = JSON, js_name = stringify, catch)]
    fn json_stringify(value: &JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &str) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    fn reflect_get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> bool;
}

type JsResult<T> = Result<T, JsError>;

fn error(message: impl AsRef<str>) -> JsError {
    JsError::new(message.as_ref())
}

/// Any serde value as a plain JavaScript object.
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsResult<JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| error(format!("cannot convert the result: {e}")))
}

/// A JavaScript value as JSON text: strings are taken as JSON already.
fn json_text(value: &JsValue, what: &str) -> JsResult<String> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    if value.is_undefined() || value.is_null() {
        return Err(error(format!("{what}: nothing was given")));
    }
    json_stringify(value)
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| error(format!("{what} cannot be converted to JSON")))
}

/// A property of an options object; `undefined` when absent.
fn option(options: &JsValue, key: &str) -> JsResult<JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(JsValue::UNDEFINED);
    }
    if !options.is_object() {
        return Err(error("options must be an object"));
    }
    reflect_get(options, &JsValue::from_str(key))
        .map_err(|_| error(format!("cannot read option '{key}'")))
}

fn answers_from(value: &JsValue, what: &str) -> JsResult<Answers> {
    let text = json_text(value, what)?;
    Answers::from_json(&text).map_err(|e| error(format!("{what}: {e}")))
}

/// The built-in instrument, or the validated custom one in `value`.
fn instrument_from(value: &JsValue) -> JsResult<Instrument> {
    if value.is_undefined() || value.is_null() {
        return Ok(Instrument::builtin().clone());
    }
    let text = json_text(value, "the instrument")?;
    Instrument::from_json(&text).map_err(|e| error(e.summary()))
}

/// The `lang` option: "nl" (default), "en" or a regional code ("en-GB").
fn lang_from(options: &JsValue) -> JsResult<Lang> {
    let lang = option(options, "lang")?;
    if lang.is_undefined() || lang.is_null() {
        return Ok(Lang::Nl);
    }
    let code = lang
        .as_string()
        .ok_or_else(|| error("option 'lang' must be a language code: \"nl\" or \"en\""))?;
    Lang::parse(&code).map_err(|e| error(format!("option 'lang': {e}")))
}

/// The built-in instrument as a plain object. Without `lang` every text is an
/// object with all languages (`{nl: "…", en: "…"}`); with `lang` ("nl" or
/// "en") every text is a plain string in that language.
///
/// ```js
/// const all = defaultInstrument();        // all.factors[0].name.nl, .en
/// const nl = defaultInstrument('nl');     // nl.factors[0].name is a string
/// ```
#[wasm_bindgen(js_name = defaultInstrument, unchecked_return_type = "Instrument")]
pub fn default_instrument(
    #[wasm_bindgen(unchecked_optional_param_type = "LangCode")] lang: Option<String>,
) -> JsResult<JsValue> {
    let instrument = Instrument::builtin();
    let Some(code) = lang else {
        return to_js(instrument);
    };
    let lang = Lang::parse(&code).map_err(|e| error(e.to_string()))?;
    to_js(&instrument.localized(lang))
}

/// A problem or notice as the JS API returns it: its path and its sentence
/// in the language asked for. In TypeScript the core's `ReportNotice`, which
/// has this shape.
#[derive(Serialize)]
struct Said {
    /// Where: a JSON path, e.g. `$.factors[3].weight` or `$.responses["x.1"]`.
    path: String,
    /// What is wrong or left out, in the language asked for.
    message: String,
    /// The factor whose reading this would have changed, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    factor: Option<String>,
}

/// A language code given as a plain argument: English when not given (the
/// messages scripts have always had), else "nl", "en" or a regional code.
fn message_lang(lang: Option<String>) -> JsResult<Lang> {
    lang.map_or(Ok(Lang::En), |code| {
        Lang::parse(&code).map_err(|e| error(e.to_string()))
    })
}

/// Validates a custom instrument (a JSON string, or an object). Returns every
/// problem as `{path, message}`, e.g. `{path: "$.factors[3].weight",
/// message: "The weight must be from 0.5 to 3; it is 7."}`; an empty array
/// means valid. `lang` ("nl" or "en", default English) is the messages'
/// language.
#[wasm_bindgen(js_name = validateInstrument, unchecked_return_type = "ReportNotice[]")]
pub fn validate_instrument(
    #[wasm_bindgen(unchecked_param_type = "unknown")] json: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LangCode")] lang: Option<String>,
) -> JsResult<JsValue> {
    let lang = message_lang(lang)?;
    let text = json_text(&json, "the instrument")?;
    let problems = match Instrument::from_json(&text) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems,
    };
    let said: Vec<Said> = problems
        .iter()
        .map(|p| Said {
            path: p.path.clone(),
            message: p.text(lang),
            factor: None,
        })
        .collect();
    to_js(&said)
}

/// Evaluates one respondent's answers into a report.
///
/// `answers` is an object (or JSON string) in the answers format:
/// `{format_version: 1, respondent: {role, municipality}, context: {…},
/// responses: {"<statement id>": 1..5 | "unknown"}}`; every part is optional.
/// Options: `lang` ("nl", default, or "en") and `instrument` (a custom
/// instrument, object or JSON string).
///
/// ```js
/// const report = evaluate(answers, { lang: 'en' });
/// // Before the start (context.stage "orienting", "preparing" or none):
/// report.verdict.level;   // "ready" | "promising" | "preconditions_first" | "not_ready" | "no_reason_to_start" | "insufficient_information"
/// // A running partnership (context.stage "operating"):
/// //                         "running_well" | "running_with_attention" | "needs_steering" | "serious_problems" | "insufficient_information"
/// report.running; report.dimensions; report.next_step.going_back;
/// ```
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "Answers | string")] answers: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "EvaluateOptions")] options: JsValue,
) -> JsResult<JsValue> {
    let instrument = instrument_from(&option(&options, "instrument")?)?;
    let lang = lang_from(&options)?;
    let answers = answers_from(&answers, "the answers")?;
    to_js(&core::evaluate(&instrument, &answers, lang))
}

/// Aggregates many respondents into a group report (the result does not
/// depend on their order). Options: `lang`, `minGroupSize` (the anonymity
/// minimum, default 3), `gapThreshold` (points between subgroups that count
/// as a gap, default 25) and `instrument`.
///
/// ```js
/// const group = aggregate([a1, a2, a3], { minGroupSize: 3 });
/// group.report.verdict.label; group.municipality_gaps; group.discussion_points;
/// group.disclosure;   // how small subgroups were merged so nobody's answers can be worked out
/// ```
///
/// The same rules as a single scan, plus: a red flag in concern within one
/// municipality decides as for one respondent; small subgroups are merged
/// (complementary suppression); names are grouped however they were typed.
#[wasm_bindgen(unchecked_return_type = "GroupReport")]
pub fn aggregate(
    #[wasm_bindgen(
        js_name = "answersArray",
        unchecked_param_type = "(Answers | string)[]"
    )]
    answers_array: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "GroupCallOptions")] options: JsValue,
) -> JsResult<JsValue> {
    let (instrument, lang, group_options) = group_call(&options)?;
    if !is_array(&answers_array) {
        return Err(error("aggregate expects an array of answers"));
    }
    let length = reflect_get(&answers_array, &JsValue::from_str("length"))
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0) as u32;
    let mut respondents = Vec::with_capacity(length as usize);
    for i in 0..length {
        let item = reflect_get(&answers_array, &JsValue::from(i))
            .map_err(|_| error(format!("cannot read respondent {}", i + 1)))?;
        respondents.push(answers_from(&item, &format!("respondent {}", i + 1))?);
    }
    to_js(&core::aggregate(
        &instrument,
        &respondents,
        &group_options,
        lang,
    ))
}

/// The options every group function takes: `instrument`, `lang`,
/// `minGroupSize` and `gapThreshold`.
fn group_call(options: &JsValue) -> JsResult<(Instrument, Lang, GroupOptions)> {
    Ok((
        instrument_from(&option(options, "instrument")?)?,
        lang_from(options)?,
        group_options_from(options)?,
    ))
}

/// `minGroupSize` and `gapThreshold` from an options object, checked by
/// the core.
fn group_options_from(options: &JsValue) -> JsResult<GroupOptions> {
    let number = |key: &str| -> JsResult<Option<f64>> {
        let value = option(options, key)?;
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        // Not a number: out of range like any wrong number (NaN is refused).
        Ok(Some(value.as_f64().unwrap_or(f64::NAN)))
    };
    GroupOptions::checked(number("minGroupSize")?, number("gapThreshold")?).map_err(|e| {
        let key = match e {
            core::OptionError::MinGroupSize => "minGroupSize",
            core::OptionError::GapThreshold => "gapThreshold",
        };
        error(format!("option '{key}' {e}"))
    })
}

/// A report from `evaluate`, or the `report` of a group report from
/// `aggregate` (objects or JSON strings).
fn report_from(value: &JsValue, what: &str) -> JsResult<Report> {
    let value = match value.as_string() {
        Some(text) => json_parse(&text).map_err(|_| error(format!("{what} is not valid JSON")))?,
        None => value.clone(),
    };
    match serde_wasm_bindgen::from_value::<Report>(value.clone()) {
        Ok(report) => Ok(report),
        Err(single) => serde_wasm_bindgen::from_value::<GroupReport>(value)
            .map(|group| group.report)
            .map_err(|_| {
                error(format!(
                    "{what} is not a report from evaluate or aggregate: {}",
                    samenwerkingsscan::plain_error_message(&single.to_string(), Lang::En)
                ))
            }),
    }
}

/// Compares a baseline (nulmeting) with a later measurement: deltas per
/// phase and factor, and the factors that improved or worsened by 10 points
/// or more. Both arguments are reports from `evaluate` or group reports from
/// `aggregate`.
///
/// ```js
/// const change = compare(evaluate(before), evaluate(after));
/// change.improved.map(f => f.name);
/// ```
#[wasm_bindgen(unchecked_return_type = "Comparison")]
pub fn compare(
    #[wasm_bindgen(
        js_name = "baselineReport",
        unchecked_param_type = "Report | GroupReport | string"
    )]
    baseline_report: JsValue,
    #[wasm_bindgen(
        js_name = "currentReport",
        unchecked_param_type = "Report | GroupReport | string"
    )]
    current_report: JsValue,
) -> JsResult<JsValue> {
    let baseline = report_from(&baseline_report, "the baseline report")?;
    let current = report_from(&current_report, "the current report")?;
    to_js(&core::compare(&baseline, &current))
}

/// Encodes one respondent's answers into a short share code (Crockford
/// base32 in groups of five, with a checksum). `withContext` adds the
/// partnership context (partners, stage, form…), which makes the code longer.
///
/// ```js
/// const code = encodeShare(answers, true);
/// ```
#[wasm_bindgen(js_name = encodeShare)]
pub fn encode_share(
    #[wasm_bindgen(unchecked_param_type = "Answers | string")] answers: JsValue,
    #[wasm_bindgen(js_name = "withContext", unchecked_optional_param_type = "boolean")]
    with_context: Option<bool>,
    #[wasm_bindgen(unchecked_optional_param_type = "Instrument | string")] instrument: JsValue,
) -> JsResult<String> {
    let instrument = instrument_from(&instrument)?;
    let answers = answers_from(&answers, "the answers")?;
    Ok(core::encode_share(
        &instrument,
        &answers,
        with_context.unwrap_or(false),
    ))
}

/// What [`encodeShare`](encode_share) leaves out of these answers, each
/// `{path, message}` (with `factor` for an answer to a replaced statement;
/// the message in `lang`, default English): answers that do not count, the
/// context when it is not carried, partners beyond 16, names cut to 60
/// bytes. Empty when the code holds everything.
///
/// ```js
/// for (const { path, message } of leftOutOfShare(answers)) console.warn(path, message);
/// ```
#[wasm_bindgen(js_name = leftOutOfShare, unchecked_return_type = "ReportNotice[]")]
pub fn left_out_of_share(
    #[wasm_bindgen(unchecked_param_type = "Answers | string")] answers: JsValue,
    #[wasm_bindgen(js_name = "withContext", unchecked_optional_param_type = "boolean")]
    with_context: Option<bool>,
    #[wasm_bindgen(unchecked_optional_param_type = "Instrument | string")] instrument: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LangCode")] lang: Option<String>,
) -> JsResult<JsValue> {
    let lang = message_lang(lang)?;
    let instrument = instrument_from(&instrument)?;
    let answers = answers_from(&answers, "the answers")?;
    let said: Vec<Said> =
        core::left_out_of_share(&instrument, &answers, with_context.unwrap_or(false))
            .into_iter()
            .map(|n| Said {
                message: n.text(lang),
                path: n.path,
                factor: n.factor,
            })
            .collect();
    to_js(&said)
}

/// Reads a survey tool's export, already split into rows of cells (an
/// array of arrays of strings, the header first: e.g. from a CSV parser or
/// SheetJS), into answers: `{respondents: [answers…], notices: [{cell:
/// "F4", message}]}` (messages in `lang`, default English). Pass
/// `respondents` to `aggregate` for a group report.
///
/// ```js
/// const { respondents, notices } = readTable(rows);
/// const group = aggregate(respondents, { lang: 'nl' });
/// ```
#[wasm_bindgen(js_name = readTable, unchecked_return_type = "SurveyTable")]
pub fn read_table(
    #[wasm_bindgen(unchecked_param_type = "(string | number | boolean | null | undefined)[][]")]
    rows: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Instrument | string")] instrument: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LangCode")] lang: Option<String>,
) -> JsResult<JsValue> {
    let lang = message_lang(lang)?;
    let instrument = instrument_from(&instrument)?;
    let rows = cells_of(&rows)?;
    let table = core::read_table(&instrument, &rows).map_err(|e| error(e.say(lang)))?;
    to_js(&SurveyTable {
        total_notices: table.total_notices,
        notices: table
            .notices
            .iter()
            .map(|n| CellNotice {
                cell: n.cell.name(),
                message: n.kind.say(lang),
            })
            .collect(),
        respondents: table.respondents,
    })
}

/// What [`readTable`](read_table) returns.
#[derive(Serialize, Tsify)]
pub struct SurveyTable {
    /// One answers object per respondent row, in the order of the rows.
    respondents: Vec<Answers>,
    /// The cells that were not read, and why: the first 200.
    notices: Vec<CellNotice>,
    /// How many cells were not read in all.
    total_notices: usize,
}

/// A cell of a survey export that was not read, and why.
#[derive(Serialize, Tsify)]
pub struct CellNotice {
    /// The cell's name as a spreadsheet shows it, e.g. `"F4"`.
    cell: String,
    /// Why, in the language asked for.
    message: String,
}

/// Rows of cells as a spreadsheet library gives them: strings, numbers
/// (written as JavaScript writes them: 4, 4.5), true/false, and `null`,
/// `undefined` or a hole for an empty cell (SheetJS's `sheet_to_json(ws,
/// {header: 1})` gives all of these).
fn cells_of(rows: &JsValue) -> JsResult<Vec<Vec<String>>> {
    let not_rows = || error("rows must be an array of rows, each an array of cells");
    let rows = rows.dyn_ref::<js_sys::Array>().ok_or_else(not_rows)?;
    // As a sheet of the widget's and the CLI's reader: at most 4,000,000
    // cells, each row counted as long as it is.
    let mut cells = 0usize;
    rows.iter()
        .map(|row| {
            let row = row.dyn_into::<js_sys::Array>().map_err(|_| not_rows())?;
            cells = cells.saturating_add(row.length().max(1) as usize);
            if cells > 4_000_000 {
                return Err(error("the rows hold more than 4,000,000 cells"));
            }
            // `for` over the length, not `iter`: a hole is an empty cell.
            Ok((0..row.length())
                .map(|i| {
                    let cell = row.get(i);
                    if let Some(text) = cell.as_string() {
                        text
                    } else if let Some(number) = cell.as_f64() {
                        String::from(
                            js_sys::Number::from(number)
                                .to_string_with_radix(10)
                                .unwrap_or_default(),
                        )
                    } else if let Some(b) = cell.as_bool() {
                        b.to_string()
                    } else if cell.is_null() || cell.is_undefined() {
                        String::new()
                    } else {
                        // A date, a BigInt, an object: as JavaScript writes
                        // it, so that the reader says it does not count.
                        js_sys::JSON::stringify(&cell)
                            .ok()
                            .and_then(|text| text.as_string())
                            .unwrap_or_else(|| "?".into())
                    }
                })
                .collect())
        })
        .collect()
}

/// Decodes a share code back into answers. Case, hyphens and spaces do not
/// matter; a typo or a code for another questionnaire throws an `Error`
/// that says so.
///
/// ```js
/// try { decodeShare(input.value) } catch (e) { show(e.message) }
/// ```
#[wasm_bindgen(js_name = decodeShare, unchecked_return_type = "Answers")]
pub fn decode_share(
    #[wasm_bindgen(unchecked_param_type = "string")] code: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Instrument | string")] instrument: JsValue,
) -> JsResult<JsValue> {
    let instrument = instrument_from(&instrument)?;
    let code = code
        .as_string()
        .ok_or_else(|| error("a share code must be a string"))?;
    let answers = core::decode_share(&instrument, &code)
        .map_err(|e| error(format!("the share code cannot be read: {e}")))?;
    to_js(&answers)
}

/// A saved workshop (the facilitator's "save as file"), as an object or JSON.
fn workshop_from(value: &JsValue, what: &str) -> JsResult<core::Workshop> {
    let text = json_text(value, what)?;
    core::Workshop::from_json(&text).map_err(|e| error(format!("{what}: {e}")))
}

/// The report of a workshop file saved by the widget's workshop mode: the
/// room's votes through the same rules as a single scan, the participants'
/// codes through the group rules, and the notes. Options as `aggregate`.
///
/// ```js
/// const report = workshopReport(await file.text(), { lang: 'nl' });
/// report.room?.report.verdict.label; report.group?.report.verdict.label; report.discussion_points;
/// ```
#[wasm_bindgen(js_name = workshopReport, unchecked_return_type = "WorkshopReport")]
pub fn workshop_report(
    #[wasm_bindgen(unchecked_param_type = "Workshop | string")] workshop: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "GroupCallOptions")] options: JsValue,
) -> JsResult<JsValue> {
    let (instrument, lang, group_options) = group_call(&options)?;
    let workshop = workshop_from(&workshop, "the workshop")?;
    to_js(&core::workshop_report(
        &instrument,
        &workshop,
        &group_options,
        lang,
    ))
}

/// Compares a baseline workshop (nulmeting) with a later one: the room and
/// the participants, each as `compare` does. Options as `aggregate`.
///
/// ```js
/// const change = compareWorkshops(baseline, current, { lang: 'en' });
/// change.room?.improved.map(f => f.name);
/// ```
#[wasm_bindgen(js_name = compareWorkshops, unchecked_return_type = "WorkshopComparison")]
pub fn compare_workshops(
    #[wasm_bindgen(unchecked_param_type = "Workshop | string")] baseline: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Workshop | string")] current: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "GroupCallOptions")] options: JsValue,
) -> JsResult<JsValue> {
    let (instrument, lang, group_options) = group_call(&options)?;
    let baseline = workshop_from(&baseline, "the baseline workshop")?;
    let current = workshop_from(&current, "the current workshop")?;
    to_js(&core::compare_workshops(
        &instrument,
        &baseline,
        &current,
        &group_options,
        lang,
    ))
}
