//! Printing the report from any host page: only the widget, on A4.
//!
//! Shadow-root CSS can neither hide the host page nor set `@page`, so the
//! widget marks its own element (`data-scan-printing`) and that element's
//! ancestors (`data-scan-print-path`) in the host document; `print.css`,
//! linked into the host's `<head>` by `samenwerkingsscan.js` (and by the
//! stand-alone pages), then leaves out every other branch of the page.
//! Attributes and a linked stylesheet, no inline CSS: strict CSPs allow it.
//! The marks go when the browser says printing is over (`afterprint`).

use wasm_bindgen::JsCast;
use web_sys::{Element, EventTarget, ShadowRoot};

const PRINTING: &str = "data-scan-printing";
const PATH: &str = "data-scan-print-path";
const PART: &str = "data-print-part";

/// Prints the report that contains `from` (the clicked button).
pub fn print_report(from: Option<EventTarget>) {
    print(from, false);
}

/// Prints only the summary of the workshop report that contains `from`:
/// the report's element gets `data-print-part="summary"`, which
/// `workshop.css` reads to leave the appendix out, until `afterprint`.
#[cfg(feature = "workshop")]
pub fn print_summary(from: Option<EventTarget>) {
    print(from, true);
}

fn print(from: Option<EventTarget>, summary_only: bool) {
    let window = gloo::utils::window();
    if let Some(start) = from.and_then(|t| t.dyn_into::<Element>().ok()) {
        if let Ok(Some(report)) = start.closest(".scan-ws-report") {
            if summary_only {
                let _ = report.set_attribute(PART, "summary");
            } else {
                let _ = report.remove_attribute(PART);
            }
            let done = gloo::events::EventListener::once(&window, "afterprint", move |_| {
                let _ = report.remove_attribute(PART);
            });
            done.forget();
        }
        // In a shadow root: the custom element on the host page; else the
        // widget's own outer element (stand-alone and iframe pages).
        let target = match start.get_root_node().dyn_into::<ShadowRoot>() {
            Ok(shadow) => Some(shadow.host()),
            Err(_) => start.closest(".scan").ok().flatten(),
        };
        if let Some(target) = target {
            mark(&target);
            let done = gloo::events::EventListener::once(&window, "afterprint", move |_| unmark());
            done.forget();
        }
    }
    let _ = window.print();
}

fn mark(target: &Element) {
    unmark();
    let _ = target.set_attribute(PRINTING, "");
    let mut up = target.parent_element();
    while let Some(el) = up {
        let _ = el.set_attribute(PATH, "");
        up = el.parent_element();
    }
}

fn unmark() {
    let Some(document) = gloo::utils::window().document() else {
        return;
    };
    for name in [PRINTING, PATH] {
        if let Ok(list) = document.query_selector_all(&format!("[{name}]")) {
            for i in 0..list.length() {
                if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    let _ = el.remove_attribute(name);
                }
            }
        }
    }
}
