//! The Samenwerkingsscan widget: a Yew front end over the rules core.
//!
//! The widget renders, navigates and stores; every rule lives in the core
//! crate (`samenwerkingsscan`). It mounts into any element it is given and
//! never assumes it owns the page, its `<body>` or its global CSS.

mod app;
mod export;
mod i18n;
mod pages;
mod route;
mod screens;
mod state;
mod storage;

use samenwerkingsscan::Instrument;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Mounts the widget into `element`.
///
/// `options` (all optional): `{ lang: "nl" | "en", storageKey: string }`.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) {
    let get = |name: &str| {
        js_sys::Reflect::get(&options, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
    };
    let props = app::AppProps {
        instrument: Rc::new(Instrument::builtin_owned()),
        storage_key: get("storageKey")
            .unwrap_or_else(|| "samenwerkingsscan".into())
            .into(),
        lang: get("lang").unwrap_or_else(|| "nl".into()).into(),
        instrument_problems: Vec::new(),
    };
    yew::Renderer::<app::App>::with_root_and_props(element, props).render();
}
