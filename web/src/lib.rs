//! The Samenwerkingsscan widget: a Yew front end over the rules core.
//!
//! The widget renders, navigates and stores; every rule lives in the core
//! crate (`samenwerkingsscan`). It mounts into any element it is given (a
//! div on our own page, or a div inside a shadow root on a municipal website)
//! and never assumes it owns the page, its `<body>` or its global CSS.

mod app;
mod dialog;
mod export;
mod i18n;
mod pages;
mod print;
mod root;
mod route;
mod screens;
mod state;
mod storage;
#[cfg(feature = "workshop")]
mod workshop;

use samenwerkingsscan::Instrument;
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
/// `options` (all optional): `{ lang: "nl" | "en", storageKey: string,
/// instrument: string (instrument JSON), mode: "scan" | "workshop",
/// scanUrl: string (the QR code's address in workshop mode; default this
/// page), workshopStylesheet: string (URL of workshop.css; the loader sets
/// it), label: string (the accessible name of the widget's region; default
/// the instrument's title), onEvent: (type, detail) => void }`.
/// A custom instrument that does not validate is not used: the widget shows
/// its problems and runs the built-in instrument.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) -> ScanHandle {
    let field = |name: &str| js_sys::Reflect::get(&options, &JsValue::from_str(name)).ok();
    let text = |name: &str| field(name).and_then(|v| v.as_string());
    let (instrument, problems) = match text("instrument") {
        Some(json) => match Instrument::from_json(&json) {
            Ok(custom) => (custom, Vec::new()),
            Err(error) => (Instrument::builtin_owned(), error.problems),
        },
        None => (Instrument::builtin_owned(), Vec::new()),
    };
    let props = app::AppProps {
        instrument: Rc::new(instrument),
        storage_key: text("storageKey")
            .filter(|k| !k.trim().is_empty())
            .unwrap_or_else(|| DEFAULT_STORAGE_KEY.into())
            .into(),
        lang: text("lang").unwrap_or_else(|| "nl".into()).into(),
        instrument_problems: problems,
        on_event: field("onEvent").and_then(|f| f.dyn_into::<js_sys::Function>().ok()),
        workshop: text("mode").is_some_and(|m| m == "workshop"),
        scan_url: text("scanUrl").unwrap_or_default().into(),
        workshop_stylesheet: text("workshopStylesheet").unwrap_or_default().into(),
        on_workshop: None,
        label: text("label").unwrap_or_default().into(),
    };
    ScanHandle {
        app: Some(yew::Renderer::<root::Root>::with_root_and_props(element, props).render()),
    }
}
