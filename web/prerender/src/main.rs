//! Prints the widget's first screen (the intro with its top bar) as static
//! HTML, per language, as a JSON object `{"nl": {"html": "<section …>",
//! "resume": "Ga verder waar u was →"}, "en": …, "instruments": {"nl":
//! "{…}", "en": "{…}"}}` (`resume`: the start button's words when the
//! browser holds saved answers; `instruments`: the built-in instrument in
//! each language only, `Instrument::builtin_json`, which the build writes
//! as `instrument.<lang>.json` for the widget to load one of).
//!
//! `cargo xtask build` puts it into the stand-alone page, the iframe page
//! and the custom element's script, so the first screen is painted at
//! plain-HTML speed and is readable without WebAssembly; the widget
//! replaces it when it mounts. It is rendered by Yew's server-side renderer
//! from the widget's own source files (the same components and text table,
//! compiled here natively), so the two cannot drift apart.

#[path = "../../src/i18n/mod.rs"]
#[allow(dead_code)]
mod i18n;

#[path = "../../src/screens/header.rs"]
mod header;
#[path = "../../src/screens/intro.rs"]
mod intro;

use header::Header;
use intro::Intro;
use samenwerkingsscan::Instrument;
use samenwerkingsscan::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
struct FirstScreenProps {
    title: AttrValue,
    lang: Lang,
}

/// What the app renders on its first screen for someone without saved
/// answers (`App` at `Step::Intro`, without the data panel below it),
/// marked `data-first-screen` for the loader.
#[function_component(FirstScreen)]
fn first_screen(props: &FirstScreenProps) -> Html {
    html! {
        <section class="scan" lang={props.lang.code()} aria-label={props.title.clone()} data-first-screen="">
            <Header title={props.title.clone()} lang={props.lang}
                on_workshop={Some(Callback::noop())} on_lang={Callback::noop()} />
            <div class="scan__screen">
                <Intro lang={props.lang} has_answers=false on_start={Callback::noop()} />
            </div>
        </section>
    }
}

fn main() {
    let instrument = Instrument::builtin();
    let mut screens = serde_json::Map::new();
    for (lang, _) in i18n::LANGS {
        let props = FirstScreenProps {
            title: instrument.title.get(lang).to_string().into(),
            lang,
        };
        let html = futures::executor::block_on(
            yew::LocalServerRenderer::<FirstScreen>::with_props(props)
                .hydratable(false)
                .render(),
        );
        // The start button's words for someone with saved answers (the
        // loader swaps them in when storage holds answers).
        let resume = format!("{} →", i18n::texts(lang).resume);
        screens.insert(
            lang.to_string(),
            serde_json::json!({ "html": html, "resume": resume }),
        );
    }
    let instruments: serde_json::Map<_, _> = i18n::LANGS
        .iter()
        .map(|(lang, _)| (lang.to_string(), Instrument::builtin_json(*lang).into()))
        .collect();
    screens.insert("instruments".into(), instruments.into());
    println!("{}", serde_json::Value::Object(screens));
}
