//! "Kopieer rapport": the widget hands the clicked button to the loader's
//! `copyReport` (`samenwerkingsscan.js`), which puts the report on the
//! clipboard as HTML and as plain text and says in the report's status line
//! whether it worked (the button's `data-copied` and `data-copy-failed`).
//! In JavaScript because there it costs a few hundred bytes; the same in
//! the wasm cost 3 KB gzip.

use std::cell::RefCell;
use wasm_bindgen::JsValue;
use web_sys::EventTarget;

thread_local! {
    /// The loader's `copyReport`, given at mount (the same function for
    /// every widget on the page).
    static COPIER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Keeps the loader's `copyReport` for [`copy_report`].
pub fn set_copier(copier: Option<js_sys::Function>) {
    COPIER.with(|c| *c.borrow_mut() = copier);
}

/// Copies the report that contains `button` (see the module's docs).
pub fn copy_report(button: Option<EventTarget>) {
    COPIER.with(|c| {
        if let (Some(copier), Some(button)) = (c.borrow().as_ref(), button) {
            let _ = copier.call1(&JsValue::NULL, &button);
        }
    });
}
