//! The Samenwerkingsscan widget: a Yew front end over the rules core.
//!
//! The widget only renders and stores; every rule lives in the core crate.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// Mounts the widget into `element`; it never assumes it owns the page.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element) {
    yew::Renderer::<App>::with_root(element).render();
}

#[function_component(App)]
fn app() -> Html {
    html! {
        <section class="scan" aria-labelledby="scan-title">
            <h1 id="scan-title">{ "Samenwerkingsscan" }</h1>
            <p>{ "Hoe klaar is uw samenwerking tussen gemeenten?" }</p>
        </section>
    }
}
