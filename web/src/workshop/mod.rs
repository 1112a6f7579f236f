//! Workshop mode: a facilitator runs the scan with a group on a projector.
//! One factor per screen, hand votes hidden until revealed, participant
//! codes merged without any server, a group report, a baseline comparison.
//!
//! Like the scan's `app.rs`, this root owns the state and the side effects
//! (autosave, focus, keyboard, full screen); the screens only render.

mod factor;
mod qr;
mod results;
mod setup;
pub mod state;
mod summary;

use crate::i18n::{texts, workshop_texts};
use crate::screens::header::LanguageSwitch;
use crate::state::StorageStatus;
use crate::storage::{self, SaveResult};
use factor::FactorScreen;
use results::WorkshopResults;
use samenwerkingsscan::Lang;
use samenwerkingsscan::{aggregate, GroupOptions, GroupReport, Instrument, Workshop};
use setup::{shortcut_list, Setup, SetupEvent};
use state::{SavedWorkshop, Screen, WAction, WState, WORKSHOP_STORAGE_FORMAT};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WorkshopProps {
    pub instrument: Rc<Instrument>,
    pub storage_key: AttrValue,
    pub lang: Lang,
    /// The address participants open (shown as a QR code).
    pub scan_url: AttrValue,
    /// Back to the individual scan, in the current language.
    pub on_scan: Callback<Lang>,
    /// Show another language (the root loads the instrument's texts in it
    /// first when needed, then sets `lang`).
    pub on_lang: Callback<Lang>,
    /// A language whose texts could not be loaded, said in `lang`.
    pub language_problem: Option<crate::root::LanguageProblem>,
    /// Why the host's questionnaire could not be used (the built-in one
    /// is used instead); empty when it could, or the host gave none.
    #[prop_or_default]
    pub instrument_trouble: Option<crate::root::Trouble>,
    /// URL of `workshop.css`; empty when the host links it itself.
    pub stylesheet: AttrValue,
    /// Reads participants' survey exports (survey.rs).
    #[prop_or_default]
    pub reader: crate::survey::SurveyReader,
}

/// Where the workshop is saved: beside the scan's own answers, never over them.
pub fn storage_key(key: &str) -> String {
    format!("{key}:workshop")
}

fn initial(instrument: &Instrument, lang: Lang, key: &str) -> WState {
    let mut s = WState::new(instrument, lang);
    match storage::read(key) {
        Err(()) => s.storage = StorageStatus::Unavailable,
        Ok(None) => {}
        Ok(Some(raw)) => match serde_json::from_str::<SavedWorkshop>(&raw) {
            Ok(saved) if saved.format == WORKSHOP_STORAGE_FORMAT => {
                s.screen = match saved.screen {
                    Screen::Factor(i) if i >= instrument.factors.len() => Screen::Setup,
                    other => other,
                };
                s.shortcuts = saved.shortcuts;
                // Fitted to this questionnaire like a loaded file: an
                // autosave from before (or of another questionnaire) keeps
                // only what counts, and says what it dropped.
                s.workshop = saved.workshop;
                s.workshop.check(instrument);
                s.baseline = saved.baseline.map(|mut b| {
                    b.check(instrument);
                    b
                });
                s.saved_at = (saved.saved_at > 0).then_some(saved.saved_at);
            }
            _ => {
                storage::set_aside(key, &raw);
                s.corrupt = Some(raw);
            }
        },
    }
    s
}

fn focus_heading(root: &NodeRef) {
    if let Some(heading) = root
        .cast::<web_sys::Element>()
        .and_then(|r| r.query_selector("[data-screen-heading]").ok().flatten())
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = heading.focus();
    }
}

fn toggle_fullscreen(root: &NodeRef) {
    let document = gloo::utils::document();
    if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
    } else if let Some(element) = root.cast::<web_sys::Element>() {
        let _ = element.request_fullscreen();
    }
}

/// Another window changed the workshop after this one last saw it: which
/// version to keep, and the other to download (nothing is lost unasked).
fn conflict_alert(
    other: &SavedWorkshop,
    state: &UseReducerHandle<WState>,
    instrument: &Rc<Instrument>,
    key: &str,
    lang: Lang,
) -> Html {
    let w = workshop_texts(lang);
    let keep = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(WAction::KeepThis))
    };
    let use_other = {
        let (state, instrument) = (state.clone(), instrument.clone());
        Callback::from(move |_: MouseEvent| state.dispatch(WAction::UseOther(instrument.clone())))
    };
    let download = {
        let (json, key) = (other.workshop.to_json(), key.to_string());
        Callback::from(move |_: MouseEvent| {
            crate::export::download(
                &format!("{key}-workshop-ander-venster.json"),
                "application/json",
                &json,
            )
        })
    };
    html! {
        <div class="scan-alert scan-alert--warning scan-ws-conflict scan-no-print" role="alert">
            <p>{ w.conflict_lead }</p>
            <div class="scan__actions">
                <button type="button" class="scan-button" onclick={keep}>{ w.conflict_keep }</button>
                <button type="button" class="scan-button" onclick={use_other}>{ w.conflict_use_other }</button>
                <button type="button" class="scan-button" onclick={download}>{ w.conflict_download }</button>
            </div>
        </div>
    }
}

#[function_component(WorkshopApp)]
pub fn workshop_app(props: &WorkshopProps) -> Html {
    let instrument = props.instrument.clone();
    let key = storage_key(&props.storage_key);
    let state = {
        let (instrument, key, lang) = (instrument.clone(), key.clone(), props.lang);
        use_reducer(move || initial(&instrument, lang, &key))
    };
    let root = use_node_ref();
    // The language is the root's: it changes once the instrument has it.
    {
        let state = state.clone();
        use_effect_with(props.lang, move |lang| {
            state.dispatch(WAction::SetLang(*lang))
        });
    }
    let lang = state.lang;
    let t = texts(lang);
    let w = workshop_texts(lang);

    // Autosave on every change, never over another window's newer work:
    // what is stored is read first. Newer work this window was not told of
    // (it missed the `storage` event) waits for the facilitator's choice;
    // the same work is not written again (a window that took another's
    // work over does not write it back), unless this window moved screen.
    {
        let (state, key) = (state.clone(), key.clone());
        let last_screen = use_mut_ref(|| None::<Screen>);
        let deps = (
            state.workshop.clone(),
            state.baseline.clone(),
            state.screen,
            state.shortcuts,
            state.save_requests,
        );
        use_effect_with(deps, move |(workshop, baseline, screen, shortcuts, _)| {
            let moved = last_screen.replace(Some(*screen)) != Some(*screen);
            if state.conflict.is_some() {
                return;
            }
            let stored = storage::read(&key)
                .ok()
                .flatten()
                .and_then(|raw| serde_json::from_str::<SavedWorkshop>(&raw).ok());
            if let Some(stored) = stored {
                let same = stored.same_work(workshop, baseline, *shortcuts);
                if !same && stored.saved_at > state.saved_at.unwrap_or(0) {
                    state.dispatch(WAction::Conflict(Box::new(stored)));
                    return;
                }
                if same && !moved {
                    return;
                }
            }
            let saved = SavedWorkshop {
                format: WORKSHOP_STORAGE_FORMAT,
                // After every save this window knows of (a clock that is
                // behind must not make its save look older).
                saved_at: (js_sys::Date::now() as u64).max(state.saved_at.unwrap_or(0) + 1),
                screen: *screen,
                shortcuts: *shortcuts,
                workshop: workshop.clone(),
                baseline: baseline.clone(),
            };
            let result = match serde_json::to_string(&saved) {
                Ok(json) => storage::write(&key, &json),
                Err(_) => SaveResult::Full,
            };
            let status = StorageStatus::from(&result);
            let at = matches!(result, SaveResult::Saved).then_some(saved.saved_at);
            state.dispatch(WAction::StorageResult(status, at));
        });
    }

    // Another window saved the workshop: take its work over (the screen
    // stays this window's).
    {
        let (state, key, instrument) = (state.clone(), key.clone(), instrument.clone());
        use_effect_with((), move |_| {
            let listener = crate::storage::on_change_elsewhere(key, move |stored| {
                let saved = stored
                    .and_then(|raw| serde_json::from_str::<SavedWorkshop>(&raw).ok())
                    .filter(|saved| saved.format == WORKSHOP_STORAGE_FORMAT);
                if let Some(saved) = saved {
                    state.dispatch(WAction::FromOtherWindow(
                        instrument.clone(),
                        Box::new(saved),
                    ));
                }
            });
            move || drop(listener)
        });
    }

    // Focus the new screen's heading (not on the first render).
    {
        let root = root.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(state.screen, move |screen| {
            // On the first render only when resuming at a factor (after a
            // reload mid-workshop): then the keys work at once.
            let first = std::mem::replace(&mut *first.borrow_mut(), false);
            if !first || matches!(screen, Screen::Factor(_)) {
                focus_heading(&root);
            }
        });
    }

    // The participants' group report, recomputed only when they change.
    let group: Rc<Option<GroupReport>> = {
        let instrument = instrument.clone();
        use_memo(
            (state.workshop.participants.clone(), lang),
            move |(codes, lang)| {
                let only_codes = Workshop {
                    participants: codes.clone(),
                    ..Workshop::default()
                };
                let answers = only_codes.participant_answers(&instrument);
                (!answers.is_empty())
                    .then(|| aggregate(&instrument, &answers, &GroupOptions::default(), *lang))
            },
        )
    };

    let factors = instrument.factors.len();
    let show = {
        let state = state.clone();
        Callback::from(move |screen: Screen| state.dispatch(WAction::Show(screen)))
    };
    let step = {
        let (show, screen) = (show.clone(), state.screen);
        move |forward: bool| {
            let next = match (screen, forward) {
                (Screen::Setup, true) => Screen::Factor(0),
                (Screen::Factor(i), true) if i + 1 < factors => Screen::Factor(i + 1),
                (Screen::Factor(_), true) => Screen::Report,
                (Screen::Factor(0), false) => Screen::Setup,
                (Screen::Factor(i), false) => Screen::Factor(i - 1),
                (Screen::Report, false) => Screen::Factor(factors.saturating_sub(1)),
                (other, _) => other,
            };
            show.emit(next);
        }
    };
    let dispatch = {
        let state = state.clone();
        Callback::from(move |a: WAction| state.dispatch(a))
    };
    let reveal = {
        let (dispatch, screen, instrument) = (dispatch.clone(), state.screen, instrument.clone());
        let text = w.revealed.to_string();
        Callback::from(move |_: ()| {
            if let Screen::Factor(i) = screen {
                if let Some(f) = instrument.factors.get(i) {
                    dispatch.emit(WAction::ToggleReveal(f.id.clone(), text.clone()));
                }
            }
        })
    };

    let onkeydown = {
        let (root, reveal, step) = (root.clone(), reveal.clone(), step.clone());
        let (screen, single) = (state.screen, state.shortcuts);
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let tag = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .map(|t| t.tag_name())
                .unwrap_or_default();
            let typing = matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT");
            let key = e.key();
            if typing {
                if key == "Escape" {
                    focus_heading(&root);
                }
                return;
            }
            let on_factor = matches!(screen, Screen::Factor(_));
            match key.as_str() {
                "ArrowRight" | "PageDown" if screen != Screen::Report => step(true),
                "ArrowLeft" | "PageUp" if screen != Screen::Setup => step(false),
                "r" | "R" if single && on_factor => reveal.emit(()),
                "f" | "F" if single => toggle_fullscreen(&root),
                "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9"
                    if single && on_factor =>
                {
                    let selector = format!("[data-vote-point=\"{key}\"]");
                    let find = {
                        let root = root.clone();
                        move |css: &str| {
                            root.cast::<web_sys::Element>()
                                .and_then(|r| r.query_selector(css).ok().flatten())
                        }
                    };
                    let focus = |input: web_sys::HtmlInputElement| {
                        let _ = input.focus();
                        input.select();
                    };
                    let input = |element: web_sys::Element| {
                        element.dyn_into::<web_sys::HtmlInputElement>().ok()
                    };
                    match (find(&selector).and_then(input), find("[data-votes-open]")) {
                        (Some(field), _) => focus(field),
                        // Folded after the reveal: open the inputs, then
                        // go to this one once they are there.
                        (None, Some(open)) => {
                            if let Some(open) = open.dyn_ref::<web_sys::HtmlElement>() {
                                open.click();
                            }
                            gloo::timers::callback::Timeout::new(0, move || {
                                if let Some(field) = find(&selector).and_then(input) {
                                    focus(field);
                                }
                            })
                            .forget();
                        }
                        (None, None) => return,
                    }
                }
                _ => return,
            }
            e.prevent_default();
        })
    };

    let screen = match state.screen {
        Screen::Setup => html! {
            <Setup instrument={instrument.clone()} lang={state.lang}
                workshop={Rc::new(state.workshop.clone())} baseline={state.baseline.clone().map(Rc::new)}
                outcomes={Rc::new(state.outcomes.clone())} more_invalid={state.more_invalid}
                pending={state.pending.is_some()} file_error={state.file_error.clone().map(AttrValue::from)}
                shortcuts={state.shortcuts} confirm_new={state.confirm_new}
                scan_url={props.scan_url.clone()} storage_key={props.storage_key.clone()}
                reader={props.reader.clone()}
                on_event={{ let (dispatch, i) = (dispatch.clone(), instrument.clone());
                    Callback::from(move |event| dispatch.emit(setup_action(&i, event))) }} />
        },
        Screen::Factor(i) => {
            let factor = &instrument.factors[i.min(factors - 1)];
            let id = factor.id.clone();
            let participants = group
                .as_ref()
                .as_ref()
                .and_then(|g| g.factors.iter().find(|f| f.id == id).cloned());
            let stage = group.as_ref().as_ref().and_then(|g| g.report.stage);
            html! {
                <FactorScreen instrument={instrument.clone()} index={i} {lang}
                    tally={state.workshop.tallies.get(&id).cloned()}
                    revealed={state.workshop.revealed.contains(&id)}
                    note={state.workshop.notes.get(&id).cloned().unwrap_or_default()}
                    {participants} {stage} min_group_size={GroupOptions::default().min_group_size}
                    on_votes={dispatch.reform({ let (id, instrument) = (id.clone(), instrument.clone()); move |(point, votes)| WAction::Votes(instrument.clone(), id.clone(), point, votes) })}
                    on_reveal={reveal.clone()}
                    on_note={dispatch.reform({ let id = id.clone(); move |text| WAction::Note(id.clone(), text) })} />
            }
        }
        Screen::Report => html! {
            <WorkshopResults instrument={instrument.clone()} {lang} workshop={Rc::new(state.workshop.clone())}
                baseline={state.baseline.clone().map(Rc::new)} />
        },
    };
    let tallied = instrument
        .factors
        .iter()
        .filter(|f| state.workshop.tallies.contains_key(&f.id))
        .count();
    let to_scan = {
        let on_scan = props.on_scan.clone();
        Callback::from(move |_: MouseEvent| on_scan.emit(lang))
    };
    let fullscreen = {
        let root = root.clone();
        Callback::from(move |_: MouseEvent| toggle_fullscreen(&root))
    };
    let jump = show.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        select
            .value()
            .parse::<usize>()
            .map_or(Screen::Setup, Screen::Factor)
    });
    let current = match state.screen {
        Screen::Factor(i) => i.to_string(),
        _ => String::new(),
    };

    let on_factor = matches!(state.screen, Screen::Factor(_));
    let status = html! {
        <p class="scan-ws-status scan-no-print">{ (w.status)(tallied, factors, state.workshop.participants.len()) }</p>
    };
    html! {
        // A labelled region, never `<main>`: the host page owns its landmarks.
        <section class="scan scan--workshop" lang={lang.code()} ref={root} {onkeydown}
            aria-label={format!("{} · {}", instrument.title.get(lang), w.mode_name)}>
            if !props.stylesheet.is_empty() {
                <link rel="stylesheet" href={props.stylesheet.clone()} />
            }
            <div class="scan__header scan-no-print">
                <p class="scan__brand">{ instrument.title.get(lang) }{ " · " }{ w.mode_name }</p>
                <div class="scan__tools">
                    <button type="button" class="scan-button scan-button--small" onclick={fullscreen} aria-keyshortcuts={state.shortcuts.then_some("F")}>{ w.fullscreen }</button>
                    <button type="button" class="scan-button scan-button--small" onclick={to_scan}>{ w.to_scan }</button>
                    <LanguageSwitch {lang} on_change={props.on_lang.clone()} />
                </div>
            </div>
            { crate::root::language_alert(props.language_problem.as_ref(), lang) }
            // On the setup screen only: the projector's screens must fit.
            if state.screen == Screen::Setup {
                { crate::root::instrument_alert(props.instrument_trouble.as_ref(), lang) }
            }
            if let Some(other) = state.conflict.as_ref() {
                { conflict_alert(other, &state, &instrument, &props.storage_key, lang) }
            }
            if state.storage != StorageStatus::Working {
                <div class="scan-alert scan-alert--warning scan-no-print"><p>{ if state.storage == StorageStatus::Full { w.storage_full } else { w.storage_unavailable } }</p></div>
            }
            if let Some(raw) = state.corrupt.clone() {
                <div class="scan-alert scan-alert--warning scan-no-print">
                    <p>{ w.storage_corrupt }</p>
                    <button type="button" class="scan-button"
                        onclick={let key = key.clone(); move |_| crate::export::download(&format!("{key}-beschadigd.txt"), "text/plain", &raw)}>
                        { t.download_corrupt }</button>
                </div>
            }
            // On a factor the status goes below, with the keys: the factor
            // gets the height of the projector (issue 17).
            if !on_factor { { status.clone() } }
            <div class="scan__screen">{ screen }</div>
            <nav class="scan__nav scan-no-print" aria-label={w.nav_label}>
                if state.screen != Screen::Setup {
                    <button type="button" class="scan-button" onclick={let step = step.clone(); move |_| step(false)} aria-keyshortcuts="ArrowLeft">
                        { "← " }{ t.previous }</button>
                }
                <div class="scan-field scan-ws-jump">
                    <label for="scan-ws-jump">{ w.jump_label }</label>
                    <select id="scan-ws-jump" class="scan-input" onchange={jump}>
                        <option value="" selected={current.is_empty()}>{ w.setup_heading }</option>
                        { for instrument.factors.iter().enumerate().map(|(i, f)| html! {
                            <option value={i.to_string()} selected={current == i.to_string()}>{ format!("{}. {}", i + 1, f.name.get(lang)) }</option>
                        }) }
                    </select>
                </div>
                if state.screen != Screen::Report {
                    <button type="button" class="scan-button scan-button--primary" onclick={let step = step.clone(); move |_| step(true)} aria-keyshortcuts="ArrowRight">
                        { match state.screen { Screen::Factor(i) if i + 1 == factors => w.to_report, Screen::Setup => w.start_voting, _ => t.next } }{ " →" }</button>
                }
            </nav>
            if on_factor {
                <div class="scan-ws-footer scan-no-print">{ status }{ shortcut_list(lang, state.shortcuts) }</div>
            }
            <div class="scan__sr-only" role="status" aria-live="polite" aria-atomic="true">
                <span key={state.announcement.0}>{ state.announcement.1.clone() }</span>
            </div>
        </section>
    }
}

/// The workshop action for what the facilitator did on the setup screen.
fn setup_action(instrument: &Rc<Instrument>, event: SetupEvent) -> WAction {
    let instrument = instrument.clone();
    match event {
        SetupEvent::Show(screen) => WAction::Show(screen),
        SetupEvent::Title(title) => WAction::SetTitle(title),
        SetupEvent::Codes(text) => WAction::AddCodes(instrument, text),
        SetupEvent::FilesChosen => WAction::ClearOutcomes,
        SetupEvent::File(place, name, answers) => {
            WAction::AddFile(instrument, place, name, answers.map(|a| *a))
        }
        SetupEvent::TableReading(id, place, name) => WAction::TableReading(id, place, name),
        SetupEvent::Table(id, name, read) => WAction::AddTable(instrument, id, name, read),
        SetupEvent::Load(workshop, text) => WAction::LoadWorkshop(*workshop, text),
        SetupEvent::ConfirmLoad => WAction::ConfirmLoad,
        SetupEvent::CancelLoad => WAction::CancelLoad,
        SetupEvent::Baseline(workshop, text) => WAction::LoadBaseline(*workshop, text),
        SetupEvent::DropBaseline => WAction::DropBaseline,
        SetupEvent::FileError(why) => WAction::FileError(why),
        SetupEvent::DismissFileError => WAction::DismissFileError,
        SetupEvent::Remove(code) => WAction::RemoveParticipant(code),
        SetupEvent::AskNew => WAction::AskNew,
        SetupEvent::CancelNew => WAction::CancelNew,
        SetupEvent::New(text) => WAction::New(instrument, text),
        SetupEvent::Shortcuts(on) => WAction::Shortcuts(on),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn setup_events_become_the_workshop_s_actions() {
        let instrument = Rc::new(Instrument::builtin().clone());
        let action = |event| setup_action(&instrument, event);
        assert!(
            matches!(action(SetupEvent::Codes("A".into())), WAction::AddCodes(_, t) if t == "A")
        );
        assert!(matches!(
            action(SetupEvent::Load(Box::new(Workshop::new(&instrument)), "x".into())),
            WAction::LoadWorkshop(_, t) if t == "x"
        ));
        assert!(matches!(
            action(SetupEvent::Baseline(Box::new(Workshop::new(&instrument)), "b".into())),
            WAction::LoadBaseline(_, t) if t == "b"
        ));
        assert!(matches!(
            action(SetupEvent::FilesChosen),
            WAction::ClearOutcomes
        ));
        assert!(
            matches!(action(SetupEvent::Remove("C".into())), WAction::RemoveParticipant(c) if c == "C")
        );
        assert!(matches!(
            action(SetupEvent::Shortcuts(false)),
            WAction::Shortcuts(false)
        ));
        assert!(matches!(
            action(SetupEvent::Show(Screen::Report)),
            WAction::Show(Screen::Report)
        ));
    }
}
