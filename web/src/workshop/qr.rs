//! A QR code for the participants' phones, drawn as one SVG path (no
//! canvas, no inline style: works under a strict CSP and prints sharply).

use qrcodegen::{QrCode, QrCodeEcc};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QrProps {
    pub text: AttrValue,
    /// Accessible name, e.g. "QR-code naar de scan: https://…".
    pub label: AttrValue,
}

/// The path of the dark modules, one unit per module, offset by the quiet zone.
fn path_of(code: &QrCode, quiet: i32) -> String {
    let mut d = String::new();
    for y in 0..code.size() {
        for x in 0..code.size() {
            if code.get_module(x, y) {
                d.push_str(&format!("M{} {}h1v1h-1z", x + quiet, y + quiet));
            }
        }
    }
    d
}

#[function_component(Qr)]
pub fn qr(props: &QrProps) -> Html {
    // Medium error correction: survives a projector's glare and a smudge.
    let Ok(code) = QrCode::encode_text(&props.text, QrCodeEcc::Medium) else {
        return html! {};
    };
    let quiet = 4;
    let size = code.size() + 2 * quiet;
    html! {
        <svg class="scan-qr" viewBox={format!("0 0 {size} {size}")} role="img" aria-label={props.label.clone()}
            shape-rendering="crispEdges">
            <rect class="scan-qr__light" width={size.to_string()} height={size.to_string()} />
            <path class="scan-qr__dark" d={path_of(&code, quiet)} />
        </svg>
    }
}
