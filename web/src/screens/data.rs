//! The user's data: export (JSON, CSV), import with confirmation (an
//! answers file, or a survey tool's export with one person's answers), the
//! template for survey tools, a share link, and "start over" / "delete my
//! data" with confirmation.

use crate::dialog::ConfirmDialog;
use crate::export;
use crate::i18n::texts;
use crate::route;
use crate::state::{Confirm, Import, Refusal};
use crate::survey::{SurveyFailure, SurveyRead};
use samenwerkingsscan::Lang;
use samenwerkingsscan::{
    encode_share, file_size_problem, left_out_of_share, Answers, Imported, Instrument, LeftOut,
};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the data panel shows, and what it asks the root to do. The panel
/// holds no state of its own beyond a file being read.
#[derive(Properties, Clone, PartialEq)]
pub struct DataProps {
    pub instrument: Rc<Instrument>,
    pub lang: Lang,
    pub answers: Rc<Answers>,
    /// When the answers were last saved (ms since 1970).
    pub saved_at: Option<u64>,
    pub import: Import,
    /// The question being asked ("start over?", "delete?"), if any.
    pub confirm: Option<Confirm>,
    /// The widget's storage key (its namespace in share links).
    pub storage_key: AttrValue,
    /// Reads a survey tool's export (survey.rs).
    pub reader: crate::survey::SurveyReader,
    /// What the user does in the panel.
    pub on_event: Callback<DataEvent>,
}

/// What the user does in the data panel; the root turns each into an
/// action (the panel knows neither the reducer nor storage).
#[derive(Clone, Debug, PartialEq)]
pub enum DataEvent {
    /// A chosen file, read: its answers, or why not (in the user's language).
    Import(Result<Box<Imported>, Vec<String>>),
    /// A survey tool's export was chosen and is being read (the read's number).
    ImportReading(u32),
    /// A survey tool's export, read (or why not), by the read's number.
    ImportSurvey(u32, Result<Box<SurveyRead>, SurveyFailure>),
    /// Adopt the imported answers; the text to announce.
    ImportConfirm(String),
    ImportCancel,
    /// Ask before wiping (focus goes to the dialog).
    Ask(Confirm),
    CancelConfirm,
    /// Wipe: start over or delete; the text to announce.
    Wipe(Confirm, String),
    /// A polite announcement (e.g. "link copied").
    Announce(String),
}

/// Reads an imported file with the core's [`Answers::import`]: another
/// kind of file is refused, answers to statements this questionnaire never
/// had are dropped (and listed), everything else that does not count is
/// listed with its path.
pub fn parse_import(
    instrument: &Instrument,
    text: &str,
    lang: Lang,
) -> Result<Box<Imported>, Vec<String>> {
    Answers::import(instrument, text)
        .map(Box::new)
        .map_err(|error| vec![error.text(lang)])
}

/// What the file inputs offer: answers files and survey tools' exports
/// (`.xls` and `.ods` too, so that their owners hear how to save them).
pub const ACCEPTED_FILES: &str = ".json,.csv,.tsv,.xlsx,.xlsm,.xls,.ods,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Downloads the template for survey tools (the core's `template_csv`:
/// municipality, role and a column per statement, in `lang`, worded for
/// `stage`: the third phase looks ahead before the start).
pub fn download_template(
    instrument: Rc<Instrument>,
    lang: Lang,
    stage: Option<samenwerkingsscan::Stage>,
) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        export::download(
            lang.pick(
                "samenwerkingsscan-sjabloon.csv",
                "samenwerkingsscan-template.csv",
            ),
            "text/csv;charset=utf-8",
            &samenwerkingsscan::template_csv(&instrument, lang, stage),
        )
    })
}

/// Why a survey tool's export was not read, in `lang`.
pub fn survey_failure(failure: &SurveyFailure, lang: Lang) -> String {
    match failure {
        SurveyFailure::File(why) => why.get(lang).to_string(),
        SurveyFailure::Unavailable(detail) => (texts(lang).survey_unavailable)(detail),
        SurveyFailure::Broken(_) => texts(lang).file_unreadable.to_string(),
    }
}

/// Why a survey tool's export is not opened as the user's answers, a line
/// each, in `lang`.
fn refusal_lines(refusal: &Refusal, lang: Lang) -> Vec<String> {
    let t = texts(lang);
    match refusal {
        Refusal::Unread(failure) => vec![survey_failure(failure, lang)],
        Refusal::Many(people) => vec![(t.survey_many)(*people)],
        Refusal::Empty(cells, total) => std::iter::once(t.survey_empty.to_string())
            .chain(
                cells
                    .iter()
                    .map(|c| format!("{}: {}", c.cell, c.message(lang))),
            )
            .chain(samenwerkingsscan::more_notices(*total, lang))
            .collect(),
    }
}

fn share_link(ns: &str, code: &str) -> String {
    format!("{}{}", route::this_page(), route::share_fragment(ns, code))
}

/// Copies `text` and calls `done(true)` only when the browser confirms it.
/// `navigator.clipboard` is missing on http:// pages and the promise is
/// refused in a frame without clipboard permission: then `done(false)`.
fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    use wasm_bindgen::{closure::Closure, JsValue};
    let navigator = gloo::utils::window().navigator();
    let available = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !available {
        done(false);
        return;
    }
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let settle = move |ok: bool| {
        if let Some(done) = done.take() {
            done(ok);
        }
    };
    let (ok, refused) = (settle.clone(), settle);
    let ok = Closure::once(move |_: JsValue| ok(true));
    let refused = Closure::once(move |_: JsValue| refused(false));
    let _ = navigator.clipboard().write_text(text).then2(&ok, &refused);
    // The promise calls one of them later; they live until then (a few
    // bytes per click).
    ok.forget();
    refused.forget();
}

#[function_component(DataPanel)]
pub fn data_panel(props: &DataProps) -> Html {
    let t = texts(props.lang);
    let lang = props.lang;
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let total = props.instrument.statements().count();

    let export_json = {
        let answers = props.answers.clone();
        Callback::from(move |_: MouseEvent| {
            export::download(
                "samenwerkingsscan-antwoorden.json",
                "application/json",
                &answers.to_json(),
            )
        })
    };
    let export_csv = {
        let (answers, instrument) = (props.answers.clone(), props.instrument.clone());
        Callback::from(move |_: MouseEvent| {
            export::download(
                "samenwerkingsscan-antwoorden.csv",
                "text/csv;charset=utf-8",
                &samenwerkingsscan::answers_csv(&instrument, &answers, lang),
            )
        })
    };
    let on_file = {
        let (on, instrument, reader, survey_reader) = (
            props.on_event.clone(),
            props.instrument.clone(),
            reader.clone(),
            props.reader.clone(),
        );
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            // A survey tool's export: read by the import bundle.
            if crate::survey::is_survey(&file.name()) {
                let id = crate::survey::next_read();
                // Said in the widget's live region: a status inserted with
                // its text is not always read out.
                on.emit(DataEvent::Announce(t.survey_reading.to_string()));
                on.emit(DataEvent::ImportReading(id));
                let (on, survey_reader) = (on.clone(), survey_reader.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    // One person's answers are wanted here: a group's are
                    // counted, not decoded.
                    let read = crate::survey::read(&survey_reader, file, 1).await;
                    on.emit(DataEvent::ImportSurvey(id, read.map(Box::new)));
                });
                return;
            }
            // Too large: said before anything is read (the page stays responsive).
            if let Some(why) = file_size_problem(file.size() as u64, lang) {
                on.emit(DataEvent::Import(Err(vec![why])));
                return;
            }
            let (on, instrument) = (on.clone(), instrument.clone());
            let unreadable = t.file_unreadable;
            let file = gloo::file::File::from(file);
            *reader.borrow_mut() =
                Some(gloo::file::callbacks::read_as_text(&file, move |result| {
                    let parsed = match result {
                        Ok(text) => parse_import(&instrument, &text, lang),
                        Err(_) => Err(vec![unreadable.to_string()]),
                    };
                    on.emit(DataEvent::Import(parsed));
                }));
        })
    };
    let code = encode_share(&props.instrument, &props.answers, true);
    let link = share_link(&route::namespace(&props.storage_key), &code);
    // Without the context: shorter to read out in a workshop.
    let short_code = encode_share(&props.instrument, &props.answers, false);
    // Answers a code cannot carry (retired or unknown statements, off the
    // scale): said, so that nobody thinks the link holds everything.
    let not_carried = props.answers.unused_responses(&props.instrument);
    // What else the link leaves out (partners beyond 16, names cut): the
    // core's sentences.
    let cut: Vec<String> = left_out_of_share(&props.instrument, &props.answers, true)
        .into_iter()
        .filter(|n| !matches!(n.kind, LeftOut::Unused(_)))
        .map(|n| n.text(lang))
        .collect();
    let link_ref = use_node_ref();
    let copy = {
        let (link, announce, link_ref) = (link.clone(), props.on_event.clone(), link_ref.clone());
        let (copied, failed) = (t.copied.to_string(), t.copy_failed.to_string());
        Callback::from(move |_: MouseEvent| {
            copy_text(&link, {
                let (announce, link_ref, copied, failed) = (
                    announce.clone(),
                    link_ref.clone(),
                    copied.clone(),
                    failed.clone(),
                );
                move |ok| {
                    if !ok {
                        // The fallback: select the link for Ctrl/Cmd+C.
                        if let Some(input) = link_ref.cast::<web_sys::HtmlInputElement>() {
                            let _ = input.focus();
                            input.select();
                        }
                    }
                    announce.emit(DataEvent::Announce(if ok { copied } else { failed }));
                }
            });
        })
    };
    let (start_over_ref, delete_ref) = (use_node_ref(), use_node_ref());
    let ask = |which: Confirm| {
        let (on, opener) = (
            props.on_event.clone(),
            if which == Confirm::Delete {
                delete_ref.clone()
            } else {
                start_over_ref.clone()
            },
        );
        Callback::from(move |_: MouseEvent| {
            on.emit(DataEvent::Ask(which));
            crate::dialog::refocus(&opener);
        })
    };
    let wipe = {
        let on = props.on_event.clone();
        let (deleted, restarted) = (t.deleted, t.restarted);
        move |which: Confirm| {
            let text = if which == Confirm::Delete {
                deleted
            } else {
                restarted
            };
            on.reform(move |()| DataEvent::Wipe(which, text.to_string()))
        }
    };

    // Why a file is not used: the reader's problems, or a survey export's.
    let problems: Vec<String> = match &props.import {
        Import::Failed(problems) => problems.clone(),
        Import::Refused(refusal) => refusal_lines(refusal, lang),
        _ => Vec::new(),
    };

    html! {
        <section class="scan-data scan-no-print" aria-labelledby="scan-data-title">
            <h2 id="scan-data-title">{ t.data_heading }</h2>
            <p>{ t.data_lead }</p>
            if let Some(at) = props.saved_at {
                <p class="scan-small">{ (t.saved_at)(&time_of(at)) }</p>
            }
            <div class="scan__actions">
                <button type="button" class="scan-button" onclick={export_json}>{ t.export_json }</button>
                <button type="button" class="scan-button" onclick={export_csv}>{ t.export_csv }</button>
            </div>

            <div class="scan-field">
                <label for="scan-import">{ t.import }</label>
                <p class="scan-hint" id="scan-import-hint">{ t.import_hint }</p>
                <input type="file" id="scan-import" class="scan-file" accept={ACCEPTED_FILES}
                    aria-describedby="scan-import-hint" onchange={on_file} />
            </div>
            <div class="scan-field">
                <p class="scan-hint" id="scan-template-hint">{ t.template_hint }</p>
                <button type="button" class="scan-button" aria-describedby="scan-template-hint"
                    onclick={download_template(props.instrument.clone(), lang, props.answers.context.known_stage())}>{ t.template }</button>
            </div>
            { match &props.import {
                Import::Idle => html! {},
                Import::Reading(_) => html! { <p class="scan-hint" role="status">{ t.survey_reading }</p> },
                Import::Failed(_) | Import::Refused(_) => html! {
                    <div class="scan-alert scan-alert--error" role="alert">
                        <p>{ t.import_failed }</p>
                        <ul>{ for problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                        <button type="button" class="scan-button" onclick={props.on_event.reform(|_| DataEvent::ImportCancel)}>{ t.dismiss }</button>
                    </div>
                },
                Import::Ready { answers, notices, total: total_notices, cells, total_cells } => html! {
                    <div class="scan-alert scan-alert--info" role="alert">
                        <p>{ (t.import_ready)(answers.answered(&props.instrument), total) }</p>
                        if !notices.is_empty() {
                            <p>{ t.import_notices }</p>
                            { crate::screens::notices::notice_list(notices.iter().map(|n| (n.path.as_str(), n.text(lang))), *total_notices, lang) }
                        }
                        if !cells.is_empty() {
                            <p>{ t.survey_cells }</p>
                            { crate::screens::notices::notice_list(cells.iter().map(|c| (c.cell.as_str(), c.message(lang).to_string())), *total_cells, lang) }
                        }
                        <div class="scan__actions">
                            <button type="button" class="scan-button scan-button--primary"
                                onclick={props.on_event.reform({ let text = t.imported; move |_| DataEvent::ImportConfirm(text.to_string()) })}>{ t.import_confirm }</button>
                            <button type="button" class="scan-button" onclick={props.on_event.reform(|_| DataEvent::ImportCancel)}>{ t.import_cancel }</button>
                        </div>
                    </div>
                },
            } }

            <h3>{ t.share_heading }</h3>
            <p>{ t.share_lead }</p>
            if not_carried > 0 {
                <p class="scan-hint">{ (t.share_not_carried)(not_carried) }</p>
            }
            { for cut.into_iter().map(|text| html! { <p class="scan-hint">{ text }</p> }) }
            <div class="scan-field">
                <label for="scan-share-link">{ t.share_link }</label>
                <input type="text" id="scan-share-link" class="scan-input" readonly=true value={link} ref={link_ref} />
            </div>
            <div class="scan-field">
                <label for="scan-share-code">{ t.share_code }</label>
                <p class="scan-hint" id="scan-share-code-hint">{ t.share_code_hint }</p>
                <input type="text" id="scan-share-code" class="scan-input scan-input--code" readonly=true value={short_code}
                    aria-describedby="scan-share-code-hint" />
            </div>
            <div class="scan__actions">
                <button type="button" class="scan-button" onclick={copy}>{ t.copy }</button>
            </div>

            <div class="scan__actions scan-data__danger">
                <button type="button" class="scan-button" onclick={ask(Confirm::StartOver)} ref={start_over_ref.clone()}>{ t.start_over }</button>
                <button type="button" class="scan-button scan-button--danger" onclick={ask(Confirm::Delete)} ref={delete_ref.clone()}>{ t.delete_data }</button>
            </div>
            if let Some(which) = props.confirm {
                <ConfirmDialog id="scan-confirm-text"
                    text={if which == Confirm::Delete { t.delete_confirm } else { t.start_over_confirm }}
                    confirm_label={t.confirm} cancel_label={t.cancel} danger=true
                    on_confirm={wipe(which)} on_cancel={props.on_event.reform(|()| DataEvent::CancelConfirm)}
                    return_to={if which == Confirm::Delete { delete_ref.clone() } else { start_over_ref.clone() }} />
            }
        </section>
    }
}

/// Hours and minutes of the local time, "14:05": how both Dutch and
/// English (en-GB) write it, so no `Intl` formatter is built on every
/// render (that cost about 3 ms per answer on a slow phone). A live region
/// re-announces at most once a minute.
pub fn time_of(ms: u64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}
