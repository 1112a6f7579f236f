//! A confirmation as the WAI-ARIA APG alertdialog pattern: focus moves into
//! the dialog (to the least destructive button), Tab and Shift+Tab stay
//! between its buttons, Escape cancels, and when the dialog closes focus
//! returns to the button that opened it (if that is still on the page;
//! otherwise the screen's own focus handling takes over).

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

/// For an opener clicked again while its dialog is open (the second click
/// of a double click): focus goes back into the dialog, to its safe choice,
/// after this render.
pub fn refocus(opener: &NodeRef) {
    let opener = opener.clone();
    gloo::timers::callback::Timeout::new(0, move || {
        let Some(el) = opener.cast::<web_sys::Element>() else {
            return;
        };
        let root = el.get_root_node();
        let found = match root.dyn_ref::<web_sys::DocumentFragment>() {
            Some(fragment) => fragment.query_selector("[role=alertdialog] button:last-of-type"),
            None => root.dyn_ref::<web_sys::Document>().map_or(Ok(None), |d| {
                d.query_selector("[role=alertdialog] button:last-of-type")
            }),
        };
        if let Ok(Some(button)) = found {
            if let Ok(button) = button.dyn_into::<HtmlElement>() {
                focus_quietly(&button);
            }
        }
    })
    .forget();
}

#[derive(Properties, PartialEq)]
pub struct ConfirmProps {
    /// Unique id of the message paragraph (the dialog's name).
    pub id: AttrValue,
    pub text: AttrValue,
    pub confirm_label: AttrValue,
    pub cancel_label: AttrValue,
    /// The confirm button deletes or replaces something: styled as danger.
    #[prop_or_default]
    pub danger: bool,
    pub on_confirm: Callback<()>,
    pub on_cancel: Callback<()>,
    /// The button that opened the dialog: focus goes back there on close.
    #[prop_or_default]
    pub return_to: NodeRef,
}

/// Focus without scrolling: a dialog scrolled into view under the pointer
/// would put its confirm button where the opener was, and the second click
/// of a double click would confirm.
fn focus(node: &NodeRef) {
    if let Some(el) = node.cast::<HtmlElement>() {
        focus_quietly(&el);
    }
}

fn focus_quietly(el: &HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = el.focus_with_options(&options);
}

#[function_component(ConfirmDialog)]
pub fn confirm_dialog(props: &ConfirmProps) -> Html {
    let confirm = use_node_ref();
    let cancel = use_node_ref();
    {
        // In: the least destructive choice. Out: back to the opener.
        let (cancel, return_to) = (cancel.clone(), props.return_to.clone());
        use_effect_with((), move |_| {
            focus(&cancel);
            move || {
                if let Some(el) = return_to.cast::<HtmlElement>() {
                    if el.is_connected() {
                        let _ = el.focus();
                    }
                }
            }
        });
    }
    let onkeydown = {
        let (confirm, cancel, on_cancel) =
            (confirm.clone(), cancel.clone(), props.on_cancel.clone());
        Callback::from(move |e: KeyboardEvent| {
            // Keys inside the dialog are the dialog's: the workshop's own
            // shortcuts (arrows, F, R …) must not act behind it.
            e.stop_propagation();
            match e.key().as_str() {
                "Escape" => {
                    e.prevent_default();
                    on_cancel.emit(());
                }
                "Tab" => {
                    // Two buttons: Tab on one goes to the other, both ways.
                    let on = |node: &NodeRef| {
                        let target = e.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                        node.get()
                            .is_some_and(|n| target.is_some_and(|t| t.is_same_node(Some(&n))))
                    };
                    let next = if on(&confirm) { &cancel } else { &confirm };
                    e.prevent_default();
                    focus(next);
                }
                _ => {}
            }
        })
    };
    // The second click of a double click on the opener (`detail` 2 or more)
    // is not a decision; a single click (1) or Enter/Space (0) is.
    let on_confirm = {
        let on_confirm = props.on_confirm.clone();
        Callback::from(move |e: MouseEvent| {
            if e.detail() <= 1 {
                on_confirm.emit(());
            }
        })
    };
    let danger = props.danger.then_some("scan-button--danger");
    html! {
        <div class="scan-alert scan-alert--warning" role="alertdialog"
            aria-labelledby={props.id.clone()} {onkeydown}>
            <p id={props.id.clone()}>{ props.text.clone() }</p>
            <div class="scan__actions">
                <button type="button" class={classes!("scan-button", danger)} ref={confirm}
                    onclick={on_confirm}>{ props.confirm_label.clone() }</button>
                <button type="button" class="scan-button" ref={cancel}
                    onclick={props.on_cancel.reform(|_: MouseEvent| ())}>{ props.cancel_label.clone() }</button>
            </div>
        </div>
    }
}
