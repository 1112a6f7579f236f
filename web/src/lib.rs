//! The Samenwerkingsscan widget: a Yew front end over the rules core.
//!
//! The widget renders, navigates and stores; every rule lives in the core
//! crate (`samenwerkingsscan`). It mounts into any element it is given (a
//! div on our own page, or a div inside a shadow root on a municipal website)
//! and never assumes it owns the page, its `<body>` or its global CSS.

mod app;
mod copy;
mod dialog;
mod export;
mod hooks;
mod i18n;
mod pages;
mod print;
mod root;
mod route;
mod screens;
mod state;
mod storage;
mod survey;
#[cfg(feature = "workshop")]
mod workshop;

use samenwerkingsscan::Instrument;
use samenwerkingsscan::Lang;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The localStorage key (and fragment namespace) when the host sets none.
pub const DEFAULT_STORAGE_KEY: &str = "samenwerkingsscan";

/// A mounted widget; `destroy()` removes it (the custom element calls this
/// before re-mounting with changed attributes).
#[wasm_bindgen]
pub struct ScanHandle {
    app: Option<yew::AppHandle<root::Root>>,
}

#[wasm_bindgen]
impl ScanHandle {
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Mounts the widget into `element`.
///
/// `options` (all optional unless said): `{ lang: "nl" | "en", storageKey:
/// string, builtin: string (required: the built-in instrument's JSON in
/// `lang`, `instrument.<lang>.json`; the wasm does not carry it, so a visit
/// downloads one language), loadInstrument: (lang) => Promise<string> (the
/// built-in instrument in another language, for the language switch),
/// instrument: string (a custom instrument's JSON), mode: "scan" |
/// "workshop", scanUrl: string (the QR code's address in workshop mode;
/// default this page), workshopStylesheet: string (URL of workshop.css; the
/// loader sets it), label: string (the accessible name of the widget's
/// region; default the instrument's title), instrumentError: { url: string,
/// status?: number, kind?: "network" | "not-json", detail?: string } (the
/// custom instrument could not be fetched; the custom element sets it),
/// onEvent: (type, detail) => void (see `use_host_events` in hooks.rs; without
/// it no report is computed for the host), onMode: (mode, lang) => void (the
/// loader's: the scan bundle asks for "workshop" in its current language),
/// languageError: { lang, detail } (the language chosen could not be
/// loaded; the widget is in the other and says so), copyReport: (button) =>
/// void and readSurvey: (file) => Promise<string> (the loader's: see
/// copy.rs and survey.rs) }`.
/// A custom instrument that does not validate, or could not be fetched, is
/// not used: the widget shows why and runs the built-in instrument.
///
/// # Errors
/// Without a valid `builtin` where it is needed (no custom instrument, or
/// one that cannot be used): the loader (`mountScan`) always passes it, so
/// this is a deployment fault, said in English for the developer.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) -> Result<ScanHandle, JsError> {
    let field = |name: &str| js_sys::Reflect::get(&options, &JsValue::from_str(name)).ok();
    let text = |name: &str| field(name).and_then(|v| v.as_string());
    let builtin = || -> Result<Instrument, JsError> {
        let json = text("builtin").ok_or_else(|| {
            JsError::new("mount needs `builtin`: the built-in instrument's JSON in the page language (instrument.<lang>.json)")
        })?;
        Instrument::from_json(&json)
            .map_err(|e| JsError::new(&format!("`builtin` is not the built-in instrument: {e}")))
    };
    let unreachable = field("instrumentError").filter(|v| !v.is_undefined() && !v.is_null());
    let (instrument, problems, custom) = match (unreachable, text("instrument")) {
        (Some(error), _) => (
            builtin()?,
            Some(root::InstrumentTrouble::Unfetched(fetch_failure(&error))),
            false,
        ),
        (None, Some(json)) => match Instrument::from_json(&json) {
            Ok(custom) => (custom, None, true),
            Err(error) => (
                builtin()?,
                Some(root::InstrumentTrouble::Invalid(error.problems)),
                false,
            ),
        },
        (None, None) => (builtin()?, None, false),
    };
    let function = |name: &str| field(name).and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    copy::set_copier(function("copyReport"));
    let props = app::AppProps {
        instrument: Rc::new(instrument),
        storage_key: text("storageKey")
            .filter(|k| !k.trim().is_empty())
            .unwrap_or_else(|| DEFAULT_STORAGE_KEY.into())
            .into(),
        lang: Lang::nearest(&text("lang").unwrap_or_default()),
        instrument_trouble: problems.map(|p| root::Trouble(Rc::new(p))),
        on_event: function("onEvent"),
        on_mode: function("onMode"),
        workshop: text("mode").is_some_and(|m| m == "workshop"),
        scan_url: text("scanUrl").unwrap_or_default().into(),
        workshop_stylesheet: text("workshopStylesheet").unwrap_or_default().into(),
        on_workshop: None,
        on_lang: None,
        language_problem: language_problem(field("languageError")),
        // Only the built-in instrument comes one language at a time.
        load_instrument: if custom {
            None
        } else {
            function("loadInstrument")
        },
        label: text("label").unwrap_or_default().into(),
        read_survey: function("readSurvey"),
    };
    Ok(ScanHandle {
        app: Some(yew::Renderer::<root::Root>::with_root_and_props(element, props).render()),
    })
}

/// Whether `json` is an instrument the widget can use (it parses and
/// validates): the loader then does not fetch the built-in one.
#[wasm_bindgen]
pub fn usable(json: &str) -> bool {
    Instrument::from_json(json).is_ok()
}

/// The loader's `languageError` (`{ lang, detail }`): the language chosen
/// could not be loaded, so the widget mounted in the other one.
fn language_problem(value: Option<JsValue>) -> Option<root::LanguageProblem> {
    let value = value.filter(|v| v.is_object())?;
    let get = |name: &str| {
        js_sys::Reflect::get(&value, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
    };
    Some(root::LanguageProblem {
        lang: Lang::nearest(&get("lang").unwrap_or_default()),
        detail: get("detail").unwrap_or_default().into(),
    })
}

/// Why the custom instrument could not be fetched (`instrumentError`):
/// an object `{ url, status?, kind?, detail? }`, or a plain string taken as
/// the technical detail.
fn fetch_failure(error: &JsValue) -> root::FetchFailure {
    let get = |name: &str| js_sys::Reflect::get(error, &JsValue::from_str(name)).ok();
    let text = |name: &str| get(name).and_then(|v| v.as_string()).unwrap_or_default();
    let (url, detail) = match error.as_string() {
        Some(detail) => (String::new(), detail),
        None => (text("url"), text("detail")),
    };
    root::FetchFailure {
        url,
        status: get("status")
            .and_then(|v| v.as_f64())
            .filter(|s| s.fract() == 0.0 && (1.0..1000.0).contains(s))
            .map(|s| s as u32),
        not_json: text("kind") == "not-json",
        detail,
    }
}
