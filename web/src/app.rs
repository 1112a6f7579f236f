//! The widget's root component: owns the state, calls the named hooks that
//! do the side effects (`hooks.rs`: language, fragment, autosave, other
//! tabs, focus, host events) and picks the screen.

use crate::hooks::{
    use_autosave, use_focus_on_step, use_fragment, use_host_events, use_host_language,
    use_other_tabs,
};
use crate::i18n::{self, texts};
use crate::pages::{pages, Page};
use crate::route::{self, Route, Step};
use crate::screens::{
    context::ContextForm,
    data::{DataEvent, DataPanel},
    header::Header,
    intro::Intro,
    questions::Questions,
    report::ReportView,
};
use crate::state::{now, Action, State, StorageStatus};
use crate::storage::{self, Loaded};
use samenwerkingsscan::Lang;
use samenwerkingsscan::{decode_share, evaluate, Instrument};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, Clone)]
pub struct AppProps {
    pub instrument: Rc<Instrument>,
    pub storage_key: AttrValue,
    pub lang: Lang,
    /// Problems with a custom instrument; the built-in one is used instead.
    #[prop_or_default]
    pub instrument_trouble: Option<crate::root::Trouble>,
    /// Called as `(type, detail)` for "change" and "report" (see `emit`).
    #[prop_or_default]
    pub on_event: Option<js_sys::Function>,
    /// Called as `("workshop", lang)` when the scan bundle asks the loader
    /// for workshop mode in its current language (`onMode`, set by the
    /// loader).
    #[prop_or_default]
    pub on_mode: Option<js_sys::Function>,
    /// Start in workshop mode (`mode="workshop"`).
    #[prop_or_default]
    pub workshop: bool,
    /// The address participants open (the workshop's QR code); empty = this page.
    #[prop_or_default]
    pub scan_url: AttrValue,
    /// URL of `workshop.css` (from the loader), linked in workshop mode.
    #[prop_or_default]
    pub workshop_stylesheet: AttrValue,
    /// Set by the root: switch to workshop mode in the given language.
    #[prop_or_default]
    pub on_workshop: Option<Callback<Lang>>,
    /// Set by the root: show another language (loading the built-in
    /// instrument's texts in it first when needed). Without it the
    /// language switch changes the language at once.
    #[prop_or_default]
    pub on_lang: Option<Callback<Lang>>,
    /// A language whose texts could not be loaded (the loader's
    /// `languageError`, later the root's own).
    #[prop_or_default]
    pub language_problem: Option<crate::root::LanguageProblem>,
    /// The loader's `loadInstrument(lang)`: a promise of the built-in
    /// instrument's JSON in `lang` (`instrument.<lang>.json`). Only for the
    /// built-in instrument, which comes one language at a time.
    #[prop_or_default]
    pub load_instrument: Option<js_sys::Function>,
    /// The loader's `readSurvey(file)` for this widget (survey.rs).
    #[prop_or_default]
    pub read_survey: Option<js_sys::Function>,
    /// The accessible name of the widget's region (`label="…"`); empty =
    /// the instrument's title. Two scans on one page need two names.
    #[prop_or_default]
    pub label: AttrValue,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.instrument, &other.instrument)
            && self.storage_key == other.storage_key
            && self.lang == other.lang
            && self.instrument_trouble == other.instrument_trouble
            && self.on_event == other.on_event
            && self.on_mode == other.on_mode
            && self.workshop == other.workshop
            && self.scan_url == other.scan_url
            && self.workshop_stylesheet == other.workshop_stylesheet
            && self.on_workshop == other.on_workshop
            && self.on_lang == other.on_lang
            && self.load_instrument == other.load_instrument
            && self.read_survey == other.read_survey
            && self.language_problem == other.language_problem
            && self.label == other.label
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let instrument = props.instrument.clone();
    let pages = use_memo(instrument.clone(), |i| pages(i));
    let key = props.storage_key.to_string();
    let ns = route::namespace(&key);
    let state = {
        let instrument = instrument.clone();
        let lang = props.lang;
        let key = key.clone();
        let pages = pages.clone();
        let ns = ns.clone();
        use_reducer(move || initial_state(&instrument, lang, &key, &ns, &pages))
    };
    let root = use_node_ref();

    use_host_language(&state, props.lang);
    use_fragment(&state, &instrument, &pages, &ns);
    use_autosave(&state, &key);
    use_other_tabs(&state, &key);

    // The report, computed only while it is shown, and once per answers and
    // language (not on every render of the report screen).
    let report = {
        let instrument = instrument.clone();
        let deps = (
            state.step == Step::Report,
            state.answers.clone(),
            state.lang,
        );
        use_memo(deps, move |(shown, answers, lang)| {
            shown.then(|| Rc::new(evaluate(&instrument, answers, *lang)))
        })
    };
    use_host_events(
        props.on_event.clone(),
        instrument.clone(),
        state.answers.clone(),
        state.lang,
        (*report).clone(),
    );

    use_focus_on_step(&root, state.step);

    let t = texts(state.lang);
    let steps = route::sequence(&pages);
    let position = steps.iter().position(|s| *s == state.step).unwrap_or(0);
    // A host that uses the fragment itself (a hash router, an anchor) keeps
    // it: then the steps live in the state only, never in the URL.
    let url_steps = *use_memo((), |_| !route::is_foreign(&route::current_hash()));
    let go = {
        let (pages, ns, state) = (pages.clone(), ns.clone(), state.clone());
        Callback::from(move |step: Step| {
            if url_steps {
                route::write_fragment(&route::fragment(&ns, step, &pages), true);
            }
            state.dispatch(Action::ShowStep(step));
        })
    };
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let total_statements = instrument.statements().count();
    let answered = state.answers.answered(&instrument);

    let screen = match state.step {
        Step::Intro => html! {
            <Intro lang={state.lang} has_answers={answered > 0} on_start={go.reform(|_| Step::Context)} />
        },
        Step::Context => html! {
            <ContextForm instrument={instrument.clone()} lang={state.lang}
                respondent={state.answers.respondent.clone()} context={state.answers.context.clone()}
                on_respondent={dispatch.reform(|r| Action::SetRespondent(r, now()))} on_context={dispatch.reform(|c| Action::SetContext(c, now()))} />
        },
        Step::Questions(i) => html! {
            <Questions instrument={instrument.clone()} lang={state.lang} page={pages[i.min(pages.len() - 1)].clone()}
                responses={Rc::new(state.answers.responses.clone())}
                stage={state.answers.context.known_stage()}
                on_answer={dispatch.reform(|(id, r)| Action::Answer(id, r, now()))} />
        },
        Step::Report => match &*report {
            Some(report) => {
                html! { <ReportView report={report.clone()} lang={state.lang} heading={t.report_heading} /> }
            }
            None => Html::default(),
        },
    };
    let show_data = matches!(state.step, Step::Intro | Step::Report);

    html! {
        // A labelled region, never `<main>`/`<header>`: the host page owns
        // its landmarks (the stand-alone page wraps the element in `<main>`).
        <section class="scan" lang={state.lang.code()} ref={root} aria-label={if props.label.is_empty() { AttrValue::from(instrument.title.get(state.lang).to_string()) } else { props.label.clone() }}>
            <Header title={AttrValue::from(instrument.title.get(state.lang).to_string())} lang={state.lang}
                on_workshop={props.on_workshop.clone()} on_lang={props.on_lang.clone().unwrap_or_else(|| dispatch.reform(Action::SetLang))} />
            { banners(&state, t, &dispatch, &key) }
            { crate::root::language_alert(props.language_problem.as_ref(), state.lang) }
            { crate::root::instrument_alert(props.instrument_trouble.as_ref(), state.lang) }
            if let Some(incoming) = &state.incoming {
                // Not a region of its own: the nested report is the region.
                <div class="scan__incoming">
                    <h2 id="scan-incoming-title">{ t.incoming_heading }</h2>
                    <p>{ (t.incoming_lead)(incoming.answered(&instrument)) }</p>
                    <div class="scan__actions">
                        <button type="button" class="scan-button scan-button--primary"
                            onclick={let d = dispatch.clone(); let text = t.incoming_adopted.to_string(); let go = go.clone();
                                move |_| { d.emit(Action::AdoptIncoming(text.clone(), now())); go.emit(Step::Report); }}>
                            { t.incoming_adopt }</button>
                        <button type="button" class="scan-button"
                            onclick={let d = dispatch.clone(); let go = go.clone(); let step = state.step;
                                move |_| { d.emit(Action::DismissIncoming); go.emit(step); }}>
                            { t.incoming_keep }</button>
                    </div>
                    <ReportView report={Rc::new(evaluate(&instrument, incoming, state.lang))} lang={state.lang} heading={t.incoming_heading} nested=true />
                </div>
            } else {
                if position > 0 {
                    <Progress lang={state.lang} position={position} total={steps.len() - 1} answered={answered} statements={total_statements}
                        saved_at={state.saved_at.filter(|_| state.storage == StorageStatus::Working)} />
                }
                <div class="scan__screen">{ screen }</div>
                if position > 0 {
                    <nav class="scan__nav" aria-label={t.steps_label}>
                        <button type="button" class="scan-button" onclick={let go = go.clone(); let prev = steps[position - 1]; move |_| go.emit(prev)}>
                            { "← " }{ t.previous }</button>
                        if let Some(next) = steps.get(position + 1).copied() {
                            <button type="button" class="scan-button scan-button--primary" onclick={let go = go.clone(); move |_| go.emit(next)}>
                                { if next == Step::Report { t.to_report } else { t.next } }{ " →" }</button>
                        }
                    </nav>
                }
                if show_data {
                    <DataPanel instrument={instrument.clone()} lang={state.lang}
                        answers={Rc::new(state.answers.clone())} saved_at={state.saved_at}
                        import={state.import.clone()} confirm={state.confirm}
                        storage_key={AttrValue::from(key.clone())}
                        reader={crate::survey::SurveyReader(props.read_survey.clone())}
                        on_event={{ let (dispatch, key) = (dispatch.clone(), key.clone());
                            Callback::from(move |event| data_event(&dispatch, &key, event)) }} />
                }
            }
            <div class="scan__sr-only" role="status" aria-live="polite" aria-atomic="true">
                // A new node per announcement (keyed by the counter): the same
                // text twice is read twice.
                <span key={state.announcement.0}>{ state.announcement.1.clone() }</span>
            </div>
        </section>
    }
}

fn initial_state(
    instrument: &Rc<Instrument>,
    lang: Lang,
    key: &str,
    ns: &str,
    pages: &[Page],
) -> State {
    let mut state = State::new(instrument, lang);
    match storage::load(key) {
        Loaded::Saved(saved) => {
            state.answers = saved.answers;
            state.changes = saved.changes;
            state.saved_at = (saved.saved_at > 0).then_some(saved.saved_at);
        }
        Loaded::Nothing => {}
        Loaded::Unavailable => {
            state.storage = StorageStatus::Unavailable;
        }
        Loaded::Corrupt { raw } => {
            storage::set_aside(key, &raw);
            state.corrupt = Some(raw);
        }
    }
    match route::parse(ns, &route::current_hash(), pages) {
        Some(Route::Step(step)) => state.step = step,
        Some(Route::Shared(code)) => match decode_share(instrument, &code) {
            Ok(answers) => state.incoming = Some(answers),
            Err(e) => state.share_error = Some(e),
        },
        None => {
            // Record the start without adding a history entry, but only on
            // an address without a fragment: another scan's fragment or the
            // host's own (a hash route, an anchor) is left alone.
            if route::current_hash().trim_start_matches('#').is_empty() {
                route::write_fragment(&route::fragment(ns, Step::Intro, pages), false);
            }
        }
    }
    state
}

/// Messages that stay until dealt with: storage problems, a damaged save,
/// a broken share link, a broken custom instrument.
fn banners(state: &State, t: &'static i18n::Texts, dispatch: &Callback<Action>, key: &str) -> Html {
    let storage = match state.storage {
        StorageStatus::Working => None,
        StorageStatus::Unavailable => Some(t.storage_unavailable),
        StorageStatus::Full => Some(t.storage_full),
    };
    let corrupt = state.corrupt.clone();
    let key = key.to_string();
    // The banner asks to download the answers: the button is right there,
    // on every screen (the data panel is only on the first and last).
    let download = {
        let answers = state.answers.clone();
        move |_: MouseEvent| {
            crate::export::download(
                "samenwerkingsscan-antwoorden.json",
                "application/json",
                &answers.to_json(),
            )
        }
    };
    html! {
        <>
            if let Some(text) = storage {
                <div class="scan-alert scan-alert--warning">
                    <p>{ text }</p>
                    <button type="button" class="scan-button" onclick={download}>{ t.export_json }</button>
                </div>
            }
            if let Some(raw) = corrupt {
                <div class="scan-alert scan-alert--warning">
                    <p>{ t.storage_corrupt }</p>
                    <button type="button" class="scan-button"
                        onclick={move |_| crate::export::download(&format!("{key}-beschadigd.txt"), "text/plain", &raw)}>
                        { t.download_corrupt }</button>
                </div>
            }
            if let Some(why) = &state.share_error {
                <div class="scan-alert scan-alert--error" role="alert">
                    <p>{ (t.share_broken)(&why.text(state.lang)) }</p>
                    <button type="button" class="scan-button" onclick={dispatch.reform(|_| Action::DismissShareError)}>{ t.dismiss }</button>
                </div>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ProgressProps {
    lang: Lang,
    position: usize,
    total: usize,
    answered: usize,
    statements: usize,
    saved_at: Option<u64>,
}

#[function_component(Progress)]
fn progress(props: &ProgressProps) -> Html {
    let t = texts(props.lang);
    html! {
        <div class="scan__progress">
            <p class="scan__progress-step">{ (t.progress)(props.position, props.total) }</p>
            <progress max={props.statements.to_string()} value={props.answered.to_string()}
                aria-label={(t.answered)(props.answered, props.statements)}></progress>
            <p class="scan__progress-count">{ (t.answered)(props.answered, props.statements) }</p>
            // Polite and per minute: saying "saved" on every click would drown a screen reader.
            <p class="scan__progress-saved" role="status">
                { props.saved_at.map(|at| (t.saved_at)(&crate::screens::data::time_of(at))).unwrap_or_default() }
            </p>
        </div>
    }
}

/// What the user did in the data panel, as actions; wiping also deletes
/// what is stored under `key`.
fn data_event(dispatch: &Callback<Action>, key: &str, event: DataEvent) {
    dispatch.emit(match event {
        DataEvent::Import(parsed) => Action::ImportParsed(parsed),
        DataEvent::ImportReading(id) => Action::ImportReading(id),
        DataEvent::ImportSurvey(id, read) => Action::ImportSurvey(id, read),
        DataEvent::ImportConfirm(text) => Action::ImportConfirm(text, now()),
        DataEvent::ImportCancel => Action::ImportCancel,
        DataEvent::Ask(which) => Action::AskConfirm(which),
        DataEvent::CancelConfirm => Action::CancelConfirm,
        DataEvent::Wipe(which, text) => {
            storage::delete(key);
            Action::Wipe(which, text, now())
        }
        DataEvent::Announce(text) => Action::Announce(text),
    })
}
