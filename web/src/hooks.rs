//! The widget's side effects, each in a named hook: the host's language,
//! the URL fragment (back and forward), autosave and other tabs, focus after
//! navigation, events to the host. The reducer (`state.rs`) stays pure; the
//! root component (`app.rs`) only calls these.

use crate::i18n::texts;
use crate::pages::Page;
use crate::route::{self, Route, Step};
use crate::state::{now, Action, State, StorageStatus};
use crate::storage::{self, SaveResult, Saved};
use samenwerkingsscan::{decode_share, evaluate, Instrument, Lang};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Language given by the host (attribute) wins when it changes.
#[hook]
pub fn use_host_language(state: &UseReducerHandle<State>, lang: Lang) {
    let state = state.clone();
    use_effect_with(lang, move |lang| state.dispatch(Action::SetLang(*lang)));
}

/// Back/forward: follow the fragment.
#[hook]
pub fn use_fragment(
    state: &UseReducerHandle<State>,
    instrument: &Rc<Instrument>,
    pages: &Rc<Vec<Page>>,
    ns: &str,
) {
    let state = state.clone();
    let pages = pages.clone();
    let instrument = instrument.clone();
    let ns = ns.to_string();
    use_effect_with((), move |_| {
        let follow =
            std::rc::Rc::new(
                move || match route::parse(&ns, &route::current_hash(), &pages) {
                    Some(Route::Step(step)) => state.dispatch(Action::ShowStep(step)),
                    Some(Route::Shared(code)) => {
                        state.dispatch(Action::Incoming(decode_share(&instrument, &code)))
                    }
                    None => {}
                },
            );
        // `hashchange` for our own steps; `popstate` too, because a host's
        // single-page router moves through history with pushState, and
        // back/forward over its entries fires no hashchange when the
        // fragment stays the same.
        let window = gloo::utils::window();
        let on_hash = {
            let follow = follow.clone();
            gloo::events::EventListener::new(&window, "hashchange", move |_| follow())
        };
        let on_pop = gloo::events::EventListener::new(&window, "popstate", move |_| follow());
        move || {
            drop(on_hash);
            drop(on_pop);
        }
    });
}

/// Autosave on every change of the answers or the language: read what is
/// stored, merge it in when another tab saved something newer (then save
/// on the next run, with the merged answers), and write. Nothing a tab
/// changed later is overwritten by older answers.
///
/// What this tab wrote last is kept: when storage still holds exactly
/// that, no other tab wrote since, and the stored answers need not be
/// read and merged (an answer click then costs one write, not a parse).
#[hook]
pub fn use_autosave(state: &UseReducerHandle<State>, key: &str) {
    let state = state.clone();
    let key = key.to_string();
    let written = use_mut_ref(|| None::<String>);
    let deps = (
        state.answers.clone(),
        state.changes.clone(),
        state.lang,
        state.persist,
    );
    use_effect_with(deps, move |(answers, changes, lang, persist)| {
        if !*persist {
            return;
        }
        let raw = storage::read(&key).ok().flatten();
        let ours = raw.is_some() && *written.borrow() == raw;
        if let Some(stored) = raw.filter(|_| !ours).and_then(|r| storage::parse(&r)) {
            let merged =
                samenwerkingsscan::merge((answers, changes), (&stored.answers, &stored.changes));
            if merged.0 != *answers || merged.1 != *changes {
                let saved = Box::new((stored.answers, stored.changes));
                state.dispatch(Action::MergeSaved(saved, false));
                return;
            }
        }
        let saved = Saved {
            format: storage::STORAGE_FORMAT,
            saved_at: now(),
            lang: lang.to_string(),
            answers: answers.clone(),
            changes: changes.clone(),
        };
        let t = texts(*lang);
        let json = storage::encode(&saved);
        let result = json
            .as_deref()
            .map_or(SaveResult::Full, |json| storage::write(&key, json));
        *written.borrow_mut() = json.filter(|_| matches!(result, SaveResult::Saved));
        let status = StorageStatus::from(&result);
        // Say it once: only when the status changes for the worse.
        if status != state.storage && status != StorageStatus::Working {
            let text = if status == StorageStatus::Full {
                t.storage_full
            } else {
                t.storage_unavailable
            };
            state.dispatch(Action::Announce(text.to_string()));
        }
        let at = matches!(result, SaveResult::Saved).then_some(saved.saved_at);
        // The time is shown to the minute: within the same minute and
        // status, a save changes nothing on screen and renders nothing.
        let minute = |at: Option<u64>| at.map(|ms| ms / 60_000);
        if status != state.storage || (at.is_some() && minute(at) != minute(state.saved_at)) {
            state.dispatch(Action::StorageResult(status, at));
        }
    });
}

/// Another tab saved or deleted the answers under the same key: merge
/// (the later change per statement wins) or forget them too.
#[hook]
pub fn use_other_tabs(state: &UseReducerHandle<State>, key: &str) {
    let state = state.clone();
    let key = key.to_string();
    use_effect_with((), move |_| {
        let listener = storage::on_change_elsewhere(key, move |stored| match stored {
            None => state.dispatch(Action::DeletedElsewhere),
            Some(raw) => {
                if let Some(saved) = storage::parse(&raw) {
                    state.dispatch(Action::MergeSaved(
                        Box::new((saved.answers, saved.changes)),
                        true,
                    ));
                }
            }
        });
        move || drop(listener)
    });
}

/// Focus the new screen's heading after navigation (not on first render,
/// which would steal focus from the host page).
#[hook]
pub fn use_focus_on_step(root: &NodeRef, step: Step) {
    let root = root.clone();
    let first = use_mut_ref(|| true);
    use_effect_with(step, move |_| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        if let Some(heading) = root
            .cast::<web_sys::Element>()
            .and_then(|r| r.query_selector("[data-screen-heading]").ok().flatten())
            .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = heading.focus();
            heading.scroll_into_view();
        }
    });
}

/// How long the answers must stay unchanged before "change" is told.
const CHANGE_EVENT_DELAY_MS: u32 = 250;

/// Tells the host page (`onEvent`, the custom element's DOM events) what the
/// answers add up to, as the report in plain JSON data; the widget itself
/// sends nothing anywhere. "report" when the report is shown (and again
/// when it changes, e.g. in another language); "change" after the answers
/// or the language changed, once they have stood still for 250 ms: a report
/// takes a while to compute, and a respondent clicking through a page
/// should not wait for one per click. Without a host that listens, nothing
/// is computed.
#[hook]
pub fn use_host_events(
    on_event: Option<js_sys::Function>,
    instrument: Rc<Instrument>,
    answers: samenwerkingsscan::Answers,
    lang: Lang,
    shown: Option<Rc<samenwerkingsscan::Report>>,
) {
    let pending = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    let emit = |callback: &js_sys::Function, kind: &str, report: &samenwerkingsscan::Report| {
        let detail = serde_json::to_string(report)
            .ok()
            .and_then(|json| js_sys::JSON::parse(&json).ok())
            .unwrap_or(wasm_bindgen::JsValue::NULL);
        let _ = callback.call2(&wasm_bindgen::JsValue::NULL, &kind.into(), &detail);
    };
    {
        let on_event = on_event.clone();
        use_effect_with(shown, move |shown| {
            if let (Some(callback), Some(report)) = (&on_event, shown) {
                emit(callback, "report", report);
            }
        });
    }
    use_effect_with((answers, lang), move |(answers, lang)| {
        let Some(callback) = on_event else { return };
        let (answers, lang) = (answers.clone(), *lang);
        // Replacing the timeout cancels the one before.
        *pending.borrow_mut() = Some(gloo::timers::callback::Timeout::new(
            CHANGE_EVENT_DELAY_MS,
            move || emit(&callback, "change", &evaluate(&instrument, &answers, lang)),
        ));
    });
}
