//! A confirmation as the WAI-ARIA APG alertdialog pattern: focus moves into
//! the dialog (to the least destructive button), Tab and Shift+Tab stay
//! between its buttons, Escape cancels, and when the dialog closes focus
//! returns to the button that opened it (if that is still on the page;
//! otherwise the screen's own focus handling takes over).

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

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

fn focus(node: &NodeRef) {
    if let Some(el) = node.cast::<HtmlElement>() {
        let _ = el.focus();
    }
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
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" => {
                e.prevent_default();
                e.stop_propagation();
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
        })
    };
    let danger = props.danger.then_some("scan-button--danger");
    html! {
        <div class="scan-alert scan-alert--warning" role="alertdialog"
            aria-labelledby={props.id.clone()} {onkeydown}>
            <p id={props.id.clone()}>{ props.text.clone() }</p>
            <div class="scan__actions">
                <button type="button" class={classes!("scan-button", danger)} ref={confirm}
                    onclick={props.on_confirm.reform(|_: MouseEvent| ())}>{ props.confirm_label.clone() }</button>
                <button type="button" class="scan-button" ref={cancel}
                    onclick={props.on_cancel.reform(|_: MouseEvent| ())}>{ props.cancel_label.clone() }</button>
            </div>
        </div>
    }
}
