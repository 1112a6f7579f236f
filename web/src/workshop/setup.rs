//! Preparing a workshop: its title, the QR code for participants, their
//! result codes and files, saving and loading, a baseline, shortcuts.

use super::qr::Qr;
use super::state::{Outcome, Screen, TableOutcome};
use crate::dialog::ConfirmDialog;
use crate::i18n::{texts, workshop_texts};
use crate::survey::{SurveyFailure, SurveyRead};
use samenwerkingsscan::Lang;
use samenwerkingsscan::{decode_share, Answers, CodeOutcome, Instrument, Workshop};
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SetupProps {
    pub instrument: Rc<Instrument>,
    pub lang: Lang,
    pub workshop: Rc<Workshop>,
    pub baseline: Option<Rc<Workshop>>,
    /// What happened to the last pasted codes or chosen files.
    pub outcomes: Rc<Vec<Outcome>>,
    /// Invalid lines of the last paste beyond those in `outcomes`.
    pub more_invalid: usize,
    /// A loaded workshop waits for "replace".
    pub pending: bool,
    /// A file that could not be read, with why.
    pub file_error: Option<AttrValue>,
    pub shortcuts: bool,
    /// "Start a new workshop?" is being asked.
    pub confirm_new: bool,
    /// Where participants open the scan (the QR code's target).
    pub scan_url: AttrValue,
    pub storage_key: AttrValue,
    /// Reads participants' survey exports (survey.rs).
    pub reader: crate::survey::SurveyReader,
    /// What the facilitator does on this screen.
    pub on_event: Callback<SetupEvent>,
}

/// What the facilitator does on the setup screen: the root turns each into
/// an action on the workshop (the screen knows neither the reducer nor its
/// actions).
#[derive(Clone, Debug, PartialEq)]
pub enum SetupEvent {
    Show(Screen),
    Title(String),
    /// Pasted text with codes in it.
    Codes(String),
    /// Participant files were chosen (the last outcomes are cleared).
    FilesChosen,
    /// One participant file, read: its place, its name, its answers or why not.
    File(usize, String, Result<Box<Answers>, String>),
    /// A survey tool's export is being read: the read's number, its place
    /// among the files chosen and its name.
    TableReading(u32, usize, String),
    /// A survey tool's export, read: the read's number, its name, its
    /// respondents or why not.
    Table(u32, String, Result<Box<SurveyRead>, SurveyFailure>),
    /// A workshop file to continue, with the text to announce.
    Load(Box<Workshop>, String),
    ConfirmLoad,
    CancelLoad,
    /// A baseline workshop, with the text to announce.
    Baseline(Box<Workshop>, String),
    DropBaseline,
    FileError(String),
    DismissFileError,
    /// Remove the participant with this code.
    Remove(String),
    AskNew,
    CancelNew,
    /// Start a new workshop; the text to announce.
    New(String),
    Shortcuts(bool),
}

type Readers = Rc<RefCell<Vec<gloo::file::callbacks::FileReader>>>;

/// Reads every chosen file as text and hands `(place, name, text)` to
/// `done` (`place`: the file's place among those chosen; they arrive in any
/// order). Survey tools' exports are left to [`read_tables`].
fn read_files(
    e: &Event,
    readers: &Readers,
    unreadable: &'static str,
    lang: Lang,
    done: Callback<(usize, String, Result<String, String>)>,
) {
    let input: HtmlInputElement = e.target_unchecked_into();
    let Some(files) = input.files() else { return };
    let mut keep = readers.borrow_mut();
    keep.clear();
    for i in 0..files.length() {
        if let Some(file) = files
            .get(i)
            .filter(|f| !crate::survey::is_survey(&f.name()))
        {
            let place = i as usize;
            // Too large: said before anything is read (the page stays responsive).
            if let Some(why) = samenwerkingsscan::file_size_problem(file.size() as u64, lang) {
                done.emit((place, file.name(), Err(why)));
                continue;
            }
            let file = gloo::file::File::from(file);
            let name = file.name();
            let done = done.clone();
            keep.push(gloo::file::callbacks::read_as_text(&file, move |r| {
                done.emit((place, name, r.map_err(|_| unreadable.to_string())))
            }));
        }
    }
    input.set_value("");
}

/// Hands every chosen survey tool's export (`.csv`, `.xlsx`) to the import
/// bundle, each as a whole table of participants: says at once that it is
/// being read, then what became of it.
fn read_tables(e: &Event, on: &Callback<SetupEvent>, reader: &crate::survey::SurveyReader) {
    let input: HtmlInputElement = e.target_unchecked_into();
    let Some(files) = input.files() else { return };
    for i in 0..files.length() {
        let Some(file) = files.get(i).filter(|f| crate::survey::is_survey(&f.name())) else {
            continue;
        };
        let (id, place, name) = (crate::survey::next_read(), i as usize, file.name());
        let (on, reader) = (on.clone(), reader.clone());
        on.emit(SetupEvent::TableReading(id, place, name.clone()));
        wasm_bindgen_futures::spawn_local(async move {
            let read = crate::survey::read(&reader, file, usize::MAX).await;
            on.emit(SetupEvent::Table(id, name, read.map(Box::new)));
        });
    }
}

#[function_component(Setup)]
pub fn setup(props: &SetupProps) -> Html {
    let lang = props.lang;
    let t = texts(lang);
    let unreadable = t.file_unreadable;
    let w = workshop_texts(lang);
    let codes_ref = use_node_ref();
    let readers: Readers = use_mut_ref(Vec::new);

    let on = &props.on_event;
    let on_title = on.reform(|e: InputEvent| {
        SetupEvent::Title(e.target_unchecked_into::<HtmlInputElement>().value())
    });
    let add_codes = {
        let (on, codes_ref) = (on.clone(), codes_ref.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = codes_ref.cast::<HtmlTextAreaElement>() {
                on.emit(SetupEvent::Codes(area.value()));
                area.set_value("");
            }
        })
    };
    let on_participant_files = {
        let (on, readers, instrument, reader) = (
            on.clone(),
            readers.clone(),
            props.instrument.clone(),
            props.reader.clone(),
        );
        Callback::from(move |e: Event| {
            on.emit(SetupEvent::FilesChosen);
            read_tables(&e, &on, &reader);
            let (on, instrument) = (on.clone(), instrument.clone());
            read_files(
                &e,
                &readers,
                unreadable,
                lang,
                Callback::from(
                    move |(place, name, text): (usize, String, Result<String, String>)| {
                        let answers = text.and_then(|text| {
                            // The core's message is a whole sentence in the UI's language.
                            Answers::import(&instrument, &text)
                                .map(|imported| imported.answers)
                                .map_err(|e| e.text(lang))
                        });
                        on.emit(SetupEvent::File(place, name, answers.map(Box::new)));
                    },
                ),
            )
        })
    };
    let load_workshop = |baseline: bool| {
        let (on, readers, instrument) = (on.clone(), readers.clone(), props.instrument.clone());
        let loaded = if baseline {
            w.baseline_loaded
        } else {
            w.workshop_loaded
        };
        Callback::from(move |e: Event| {
            let (on, instrument) = (on.clone(), instrument.clone());
            read_files(
                &e,
                &readers,
                unreadable,
                lang,
                Callback::from(
                    move |(_, name, text): (usize, String, Result<String, String>)| {
                        // Fitted to this questionnaire: what does not fit is
                        // dropped and said (the workshop's or baseline's notices).
                        let parsed = text.and_then(|text| {
                            Workshop::import(&instrument, &text).map_err(|e| e.text(lang))
                        });
                        on.emit(match parsed {
                            Ok(w) if baseline => SetupEvent::Baseline(Box::new(w), loaded.into()),
                            Ok(w) => SetupEvent::Load(Box::new(w), loaded.into()),
                            Err(why) => SetupEvent::FileError(format!("{name}: {why}")),
                        });
                    },
                ),
            )
        })
    };
    let save = {
        let (workshop, key) = (props.workshop.clone(), props.storage_key.clone());
        Callback::from(move |_: MouseEvent| {
            let date = js_sys::Date::new_0()
                .to_iso_string()
                .as_string()
                .unwrap_or_default();
            let day = date.get(..10).unwrap_or("workshop");
            crate::export::download(
                &format!("{key}-workshop-{day}.json"),
                "application/json",
                &workshop.to_json(),
            );
        })
    };
    let new_workshop = {
        let text = w.new_done;
        on.reform(move |()| SetupEvent::New(text.to_string()))
    };
    let (load_ref, new_ref) = (use_node_ref(), use_node_ref());
    let on_shortcuts = on.reform(|e: Event| {
        SetupEvent::Shortcuts(e.target_unchecked_into::<HtmlInputElement>().checked())
    });
    // Each code with its answers; a code that no longer decodes (a file from
    // another questionnaire) keeps its own row, so "remove" hits the right one.
    let participants: Vec<(String, Option<Answers>)> = props
        .workshop
        .participants
        .iter()
        .map(|c| (c.clone(), decode_share(&props.instrument, c).ok()))
        .collect();

    html! {
        <section class="scan-ws-setup" aria-labelledby="scan-ws-setup-title">
            <h2 id="scan-ws-setup-title" tabindex="-1" data-screen-heading="">{ w.setup_heading }</h2>
            <p class="scan-lead">{ w.setup_lead }</p>
            <div class="scan-field">
                <label for="scan-ws-title">{ w.title_label }</label>
                <p class="scan-hint" id="scan-ws-title-hint">{ w.title_hint }</p>
                <input type="text" id="scan-ws-title" class="scan-input" value={props.workshop.title.clone()}
                    maxlength={samenwerkingsscan::MAX_TITLE_CHARS.to_string()}
                    aria-describedby="scan-ws-title-hint" oninput={on_title} />
            </div>
            <div class="scan__actions">
                <button type="button" class="scan-button scan-button--primary"
                    onclick={on.reform(|_| SetupEvent::Show(Screen::Factor(0)))}>{ w.start_voting }{ " →" }</button>
                <button type="button" class="scan-button" onclick={on.reform(|_| SetupEvent::Show(Screen::Report))}>{ w.to_report }</button>
            </div>

            <h3>{ w.join_heading }</h3>
            <div class="scan-ws-join">
                <Qr text={props.scan_url.clone()} label={(w.qr_label)(&props.scan_url)} />
                <div>
                    <p>{ w.join_lead }</p>
                    <p class="scan-ws-url">{ props.scan_url.clone() }</p>
                </div>
            </div>

            <h3 id="scan-ws-codes-title">{ w.codes_heading }</h3>
            <p>{ w.codes_lead }</p>
            <div class="scan-field">
                <label for="scan-ws-codes">{ w.codes_label }</label>
                <p class="scan-hint" id="scan-ws-codes-hint">{ w.codes_hint }</p>
                <textarea id="scan-ws-codes" class="scan-input scan-input--code" rows="4" ref={codes_ref}
                    aria-describedby="scan-ws-codes-hint" />
            </div>
            <div class="scan__actions">
                <button type="button" class="scan-button scan-button--primary" onclick={add_codes}>{ w.codes_add }</button>
            </div>
            <div class="scan-field">
                <label for="scan-ws-files">{ w.files_label }</label>
                <p class="scan-hint" id="scan-ws-files-hint">{ w.files_hint }</p>
                <input type="file" id="scan-ws-files" class="scan-file" accept={crate::screens::data::ACCEPTED_FILES} multiple=true
                    aria-describedby="scan-ws-files-hint" onchange={on_participant_files} />
            </div>
            <div class="scan-field">
                <p class="scan-hint" id="scan-ws-template-hint">{ t.template_hint }</p>
                <button type="button" class="scan-button" aria-describedby="scan-ws-template-hint"
                    onclick={crate::screens::data::download_template(props.instrument.clone(), lang, None)}>{ t.template }</button>
            </div>
            <div role="status" class="scan-ws-outcomes">
                if !props.outcomes.is_empty() {
                    <ul>
                    { for props.outcomes.iter().map(|o| outcome(o, lang)) }
                    if props.more_invalid > 0 {
                        <li class="scan-ws-outcome--invalid">{ (w.code_more_invalid)(props.more_invalid) }</li>
                    }
                </ul>
                }
            </div>
            if participants.is_empty() {
                <p>{ w.no_participants }</p>
            } else {
                <div class="scan-table-wrap" tabindex="0" role="region" aria-labelledby="scan-ws-participants-caption">
                <table class="scan-table">
                    <caption id="scan-ws-participants-caption">{ (w.participants_caption)(participants.len()) }</caption>
                    <thead><tr>
                        <th scope="col">{ "#" }</th>
                        <th scope="col">{ w.col_municipality }</th>
                        <th scope="col">{ w.col_role }</th>
                        <th scope="col">{ w.col_answered }</th>
                        <th scope="col"><span class="scan__sr-only">{ w.remove }</span></th>
                    </tr></thead>
                    <tbody>
                        { for participants.iter().enumerate().map(|(i, (code, answers))| {
                            let code = code.clone();
                            html! {
                                <tr>
                                    <th scope="row">{ i + 1 }</th>
                                    if let Some(a) = answers {
                                        <td>{ a.respondent.municipality.clone().unwrap_or_else(|| "–".into()) }</td>
                                        <td>{ a.respondent.role.map(|r| r.label(lang)).unwrap_or("–") }</td>
                                        <td>{ a.answered(&props.instrument) }</td>
                                    } else {
                                        <td colspan="3">{ w.participant_unreadable }</td>
                                    }
                                    <td><button type="button" class="scan-button scan-button--small"
                                        aria-label={(w.remove_participant)(i + 1)}
                                        onclick={on.reform(move |_| SetupEvent::Remove(code.clone()))}>{ w.remove }</button></td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                </div>
            }

            <h3>{ w.files_heading }</h3>
            <p>{ w.files_lead }</p>
            <div class="scan__actions">
                <button type="button" class="scan-button" onclick={save}>{ w.save_file }</button>
            </div>
            <div class="scan-field">
                <label for="scan-ws-load">{ w.load_file }</label>
                <input type="file" id="scan-ws-load" class="scan-file" accept=".json,application/json" onchange={load_workshop(false)} ref={load_ref.clone()} />
            </div>
            if props.pending {
                <ConfirmDialog id="scan-ws-load-text" text={w.load_confirm} confirm_label={w.load_replace}
                    cancel_label={t.cancel} danger=true return_to={load_ref.clone()}
                    on_confirm={on.reform(|()| SetupEvent::ConfirmLoad)} on_cancel={on.reform(|()| SetupEvent::CancelLoad)} />
            }
            <div class="scan-field">
                <label for="scan-ws-baseline">{ w.load_baseline }</label>
                <p class="scan-hint" id="scan-ws-baseline-hint">{ w.baseline_hint }</p>
                <input type="file" id="scan-ws-baseline" class="scan-file" accept=".json,application/json"
                    aria-describedby="scan-ws-baseline-hint" onchange={load_workshop(true)} />
            </div>
            if let Some(b) = &props.baseline {
                <p>{ (w.baseline_is)(if b.title.is_empty() { w.untitled } else { &b.title }) }{ " " }
                    <button type="button" class="scan-button scan-button--small" onclick={on.reform(|_| SetupEvent::DropBaseline)}>{ w.baseline_drop }</button></p>
                if !b.decode_notices.is_empty() {
                    <div class="scan-alert scan-alert--info" role="status">
                        <p>{ w.baseline_notices }</p>
                        { crate::screens::notices::notice_list(b.decode_notices.iter().map(|n| (n.path.as_str(), n.text(lang))), b.decode_notices.len(), lang) }
                    </div>
                }
            }
            if let Some(why) = &props.file_error {
                <div class="scan-alert scan-alert--error" role="alert">
                    <p>{ why }</p>
                    <button type="button" class="scan-button" onclick={on.reform(|_| SetupEvent::DismissFileError)}>{ t.dismiss }</button>
                </div>
            }
            if !props.workshop.decode_notices.is_empty() {
                <div class="scan-alert scan-alert--info" role="status">
                    <p>{ w.file_notices }</p>
                    { crate::screens::notices::notice_list(props.workshop.decode_notices.iter().map(|n| (n.path.as_str(), n.text(lang))), props.workshop.decode_notices.len(), lang) }
                </div>
            }

            <h3>{ w.shortcuts_heading }</h3>
            <div class="scan-choice">
                <input type="checkbox" id="scan-ws-shortcuts" checked={props.shortcuts} onchange={on_shortcuts} />
                <label for="scan-ws-shortcuts">{ w.shortcuts_toggle }</label>
            </div>
            { shortcut_list(lang, props.shortcuts) }

            <div class="scan__actions scan-data__danger">
                <button type="button" class="scan-button scan-button--danger" onclick={on.reform(|_| SetupEvent::AskNew)} ref={new_ref.clone()}>{ w.new_workshop }</button>
            </div>
            if props.confirm_new {
                <ConfirmDialog id="scan-ws-new-text" text={w.new_confirm} confirm_label={t.confirm}
                    cancel_label={t.cancel} danger=true return_to={new_ref.clone()}
                    on_confirm={new_workshop} on_cancel={on.reform(|()| SetupEvent::CancelNew)} />
            }
        </section>
    }
}

fn outcome(o: &Outcome, lang: Lang) -> Html {
    let w = workshop_texts(lang);
    let o = match o {
        Outcome::Code(o) | Outcome::File(_, o) => o,
        Outcome::BadFile(_, name, why) => {
            return html! { <li class="scan-ws-outcome--invalid">{ (w.code_invalid)(name, why) }</li> }
        }
        Outcome::Reading(_, _, name) => return html! { <li>{ (w.table_reading)(name) }</li> },
        Outcome::Table(_, table) => return table_outcome(table, lang),
        Outcome::BadTable(_, name, why) => {
            let why = crate::screens::data::survey_failure(why, lang);
            return html! { <li class="scan-ws-outcome--invalid">{ (w.table_failed)(name, &why) }</li> };
        }
    };
    // Every line names its code or file.
    match o {
        CodeOutcome::Added {
            input,
            municipality,
            role,
            not_used,
            ..
        } => {
            let who = [
                municipality.clone(),
                role.map(|r| r.label(lang).to_string()),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
            html! {
                <li class="scan-ws-outcome--added">
                    { (w.code_added)(input, &who) }
                    if *not_used > 0 { { " " }{ (w.code_not_used)(*not_used) } }
                </li>
            }
        }
        CodeOutcome::Empty { input, not_used } => {
            html! { <li class="scan-ws-outcome--invalid">{ (w.code_empty)(input, *not_used) }</li> }
        }
        CodeOutcome::Duplicate { input, .. } => {
            html! { <li class="scan-ws-outcome--duplicate">{ (w.code_duplicate)(input) }</li> }
        }
        CodeOutcome::Invalid { input, error } => html! {
            <li class="scan-ws-outcome--invalid">{ (w.code_invalid)(input, &error.text(lang)) }</li>
        },
        CodeOutcome::Full { input } => {
            html! { <li class="scan-ws-outcome--invalid">{ (w.code_full)(input) }</li> }
        }
    }
}

/// What became of a survey tool's export: how many rows were added, what
/// was not, and the cells that did not count.
fn table_outcome(table: &TableOutcome, lang: Lang) -> Html {
    let w = workshop_texts(lang);
    let class = if table.added > 0 {
        "scan-ws-outcome--added"
    } else {
        "scan-ws-outcome--invalid"
    };
    let not_added = [
        (table.duplicate, w.table_duplicate as fn(usize) -> String),
        (table.empty, w.table_empty),
        (table.full, w.table_full),
    ];
    html! {
        <li class={class}>
            { (w.table_added)(&table.name, table.added) }
            { for not_added.iter().filter(|(n, _)| *n > 0).map(|(n, say)| html! { <>{ " " }{ say(*n) }</> }) }
            if table.added == 0 && not_added.iter().all(|(n, _)| *n == 0) {
                { " " }{ crate::i18n::texts(lang).survey_empty }
            }
            if !table.cells.is_empty() {
                { " " }{ w.table_cells }
                { crate::screens::notices::notice_list(table.cells.iter().map(|c| (c.cell.as_str(), c.message(lang).to_string())), table.total_cells, lang) }
            }
        </li>
    }
}

/// The shortcuts, shown on the setup screen and in the projector's footer.
pub fn shortcut_list(lang: Lang, single_keys: bool) -> Html {
    let w = workshop_texts(lang);
    html! {
        <dl class="scan-ws-keys">
            <div><dt><kbd>{ "→" }</kbd>{ " / " }<kbd>{ "PgDn" }</kbd></dt><dd>{ w.key_next }</dd></div>
            <div><dt><kbd>{ "←" }</kbd>{ " / " }<kbd>{ "PgUp" }</kbd></dt><dd>{ w.key_previous }</dd></div>
            if single_keys {
                <div><dt><kbd>{ "R" }</kbd></dt><dd>{ w.key_reveal }</dd></div>
                <div><dt><kbd>{ "1" }</kbd>{ "–" }<kbd>{ "5" }</kbd>{ ", " }<kbd>{ "0" }</kbd></dt><dd>{ w.key_votes }</dd></div>
                <div><dt><kbd>{ "F" }</kbd></dt><dd>{ w.key_fullscreen }</dd></div>
            }
            <div><dt><kbd>{ "Esc" }</kbd></dt><dd>{ w.key_escape }</dd></div>
        </dl>
    }
}
