//! The mounted root: the individual scan or workshop mode, switchable in
//! the page. The mode lives in the URL fragment (`#scan-workshop`), so a
//! reload or the back button keeps the facilitator where they were.

use crate::app::{App, AppProps};
use crate::i18n;
use crate::route;
#[cfg(feature = "workshop")]
use crate::workshop::WorkshopApp;
use yew::prelude::*;

#[function_component(Root)]
pub fn root(props: &AppProps) -> Html {
    let ns = route::namespace(&props.storage_key);
    let workshop = {
        let (ns, initial) = (ns.clone(), props.workshop);
        use_state(move || route::is_workshop(&ns, &route::current_hash()).unwrap_or(initial))
    };
    let lang = {
        let lang = props.lang.clone();
        use_state(move || i18n::supported(&lang))
    };
    // The host's attribute wins when it changes.
    {
        let lang = lang.clone();
        use_effect_with(props.lang.clone(), move |l| lang.set(i18n::supported(l)));
    }
    // Back and forward between the scan and workshop mode.
    {
        let (workshop, ns) = (workshop.clone(), ns.clone());
        use_effect_with((), move |_| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    if let Some(on) = route::is_workshop(&ns, &route::current_hash()) {
                        workshop.set(on);
                    }
                });
            move || drop(listener)
        });
    }
    let switch = |to_workshop: bool| {
        let (workshop, lang, ns) = (workshop.clone(), lang.clone(), ns.clone());
        Callback::from(move |l: &'static str| {
            lang.set(l);
            workshop.set(to_workshop);
            let hash = if to_workshop {
                route::workshop_fragment(&ns)
            } else {
                format!("#{ns}=start")
            };
            let _ = gloo::utils::window().location().set_hash(&hash);
        })
    };
    if *workshop {
        workshop_mode(props, *lang, switch(false))
    } else {
        html! {
            <App instrument={props.instrument.clone()} storage_key={props.storage_key.clone()}
                lang={AttrValue::from(*lang)} instrument_problems={props.instrument_problems.clone()}
                on_event={props.on_event.clone()} on_mode={props.on_mode.clone()} on_workshop={switch(true)} label={props.label.clone()} />
        }
    }
}

#[cfg(feature = "workshop")]
fn workshop_mode(props: &AppProps, lang: &'static str, on_scan: Callback<&'static str>) -> Html {
    let scan_url = if props.scan_url.is_empty() {
        route::this_page().into()
    } else {
        props.scan_url.clone()
    };
    html! {
        <WorkshopApp instrument={props.instrument.clone()} storage_key={props.storage_key.clone()}
            {lang} {scan_url} {on_scan} stylesheet={props.workshop_stylesheet.clone()} />
    }
}

/// The scan bundle has no workshop: ask the loader (`mountScan` in `static/samenwerkingsscan.js`) for the
/// workshop bundle, which mounts in this one's place.
#[cfg(not(feature = "workshop"))]
fn workshop_mode(props: &AppProps, lang: &'static str, _: Callback<&'static str>) -> Html {
    if let Some(f) = &props.on_mode {
        // The loader swaps bundles on its next turn, after this render, and
        // mounts workshop mode in the language the scan was in.
        let _ = f.call2(
            &wasm_bindgen::JsValue::NULL,
            &"workshop".into(),
            &lang.into(),
        );
    }
    html! { <p class="scan" role="status">{ crate::i18n::texts(lang).workshop_loading }</p> }
}
