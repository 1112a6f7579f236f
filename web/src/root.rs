//! The mounted root: the individual scan or workshop mode, switchable in
//! the page. The mode lives in the URL fragment (`#scan-workshop`), so a
//! reload or the back button keeps the facilitator where they were.

use crate::app::{App, AppProps};
use crate::i18n;
use crate::route;
#[cfg(feature = "workshop")]
use crate::workshop::WorkshopApp;
use samenwerkingsscan::Instrument;
use samenwerkingsscan::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// A language whose texts could not be loaded (`instrument.<lang>.json`):
/// the widget stays in the one it shows and says so in it.
#[derive(Clone, Debug, PartialEq)]
pub struct LanguageProblem {
    /// The language asked for ("nl" or "en").
    pub lang: Lang,
    /// What went wrong, technically (an HTTP status, "Failed to fetch").
    pub detail: AttrValue,
}

/// The alert for a [`LanguageProblem`], in `lang` (the language shown).
pub fn language_alert(problem: Option<&LanguageProblem>, lang: Lang) -> Html {
    let Some(problem) = problem else {
        return html! {};
    };
    let say = i18n::texts(lang).language_failed;
    html! {
        <div class="scan-alert scan-alert--error scan-no-print" role="alert">
            <p>{ say(i18n::name(problem.lang), &problem.detail) }</p>
        </div>
    }
}

/// Why the host's questionnaire is not used (the built-in one runs
/// instead). Set once at mount and never changed, so props hold it in an
/// `Rc` and compare it by identity (a deep comparison of every problem
/// would only cost bytes).
#[derive(Clone, Debug)]
pub struct Trouble(pub Rc<InstrumentTrouble>);

impl PartialEq for Trouble {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// What [`Trouble`] holds.
#[derive(Debug)]
pub enum InstrumentTrouble {
    /// It was read and has these problems (never empty).
    Invalid(Vec<samenwerkingsscan::Problem>),
    /// It could not be fetched (the loader's `instrumentError`).
    Unfetched(FetchFailure),
}

/// How fetching the host's questionnaire failed.
#[derive(Debug)]
pub struct FetchFailure {
    /// The address asked for (empty when unknown).
    pub url: String,
    /// The server's HTTP status, when it answered with an error.
    pub status: Option<u32>,
    /// The server sent something that is not JSON (a web page).
    pub not_json: bool,
    /// The browser's technical detail of a network error.
    pub detail: String,
}

impl FetchFailure {
    /// What went wrong, for the webmaster, in `lang`.
    fn say(&self, lang: Lang) -> String {
        let t = i18n::texts(lang);
        let url = match self.url.as_str() {
            "" => lang.pick("(adres onbekend)", "(unknown address)"),
            url => url,
        };
        match self.status {
            Some(status) => (t.instrument_http)(url, status),
            None if self.not_json => (t.instrument_not_json)(url),
            None => (t.instrument_network)(url, &self.detail),
        }
    }
}

/// The alert for a host's questionnaire that could not be used (the
/// built-in one is used instead), with every problem for the webmaster:
/// in scan and workshop mode alike.
pub fn instrument_alert(trouble: Option<&Trouble>, lang: Lang) -> Html {
    let items: Vec<(&str, String)> = match trouble.map(|t| &*t.0) {
        None => return html! {},
        Some(InstrumentTrouble::Invalid(problems)) => problems
            .iter()
            .map(|p| (p.path.as_str(), p.text(lang)))
            .collect(),
        Some(InstrumentTrouble::Unfetched(failure)) => vec![("$", failure.say(lang))],
    };
    let total = items.len();
    html! {
        <div class="scan-alert scan-alert--error" role="alert">
            <p>{ i18n::texts(lang).instrument_broken }</p>
            { crate::screens::notices::notice_list(items.into_iter(), total, lang) }
        </div>
    }
}

/// The instrument in the language shown, and the way to change language.
struct Languages {
    lang: UseStateHandle<Lang>,
    instrument: UseStateHandle<Rc<Instrument>>,
    problem: UseStateHandle<Option<LanguageProblem>>,
    /// Shows `lang`: at once when the instrument has its texts, else after
    /// the loader has fetched `instrument.<lang>.json` (the built-in
    /// instrument comes one language per visit, issue 16). A file that
    /// cannot be loaded leaves the language as it was and says why. The
    /// last choice wins: a file that arrives after another choice is
    /// dropped.
    switch: Callback<Lang>,
}

#[hook]
fn use_languages(props: &AppProps) -> Languages {
    let lang = {
        let lang = props.lang;
        use_state(move || lang)
    };
    let instrument = use_state(|| props.instrument.clone());
    let problem = use_state(|| props.language_problem.clone());
    // Counts the choices: a load applies only if no choice came after it.
    let choice = use_mut_ref(|| 0u32);
    let switch = {
        let (lang, instrument, problem) = (lang.clone(), instrument.clone(), problem.clone());
        let loader = props.load_instrument.clone();
        Callback::from(move |l: Lang| {
            let this = {
                let mut count = choice.borrow_mut();
                *count = count.wrapping_add(1);
                *count
            };
            let loader = match &loader {
                Some(loader) if !instrument.speaks(l) => loader.clone(),
                // A custom instrument has every language it has; a missing
                // text falls back (`Text::get`).
                _ => {
                    // A new language clears an old message; the same one
                    // (e.g. the host's attribute at mount) keeps it.
                    if *lang != l {
                        problem.set(None);
                    }
                    return lang.set(l);
                }
            };
            let (lang, instrument, problem, choice) = (
                lang.clone(),
                instrument.clone(),
                problem.clone(),
                choice.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = load(&loader, l, &instrument).await;
                if *choice.borrow() != this {
                    return; // chosen again meanwhile: that choice wins
                }
                match loaded {
                    Ok(loaded) => {
                        instrument.set(Rc::new(loaded));
                        problem.set(None);
                        lang.set(l);
                    }
                    Err(detail) => problem.set(Some(LanguageProblem {
                        lang: l,
                        detail: detail.into(),
                    })),
                }
            });
        })
    };
    // The host's attribute wins when it changes.
    {
        let switch = switch.clone();
        use_effect_with(props.lang, move |l| switch.emit(*l));
    }
    Languages {
        lang,
        instrument,
        problem,
        switch,
    }
}

/// Calls the loader's `loadInstrument(lang)` and reads the instrument it
/// resolves to, which must be `current` in `lang`: the same questionnaire
/// (id, version, statements), so answers and screens carry over. `Err`
/// with a technical detail for the message.
async fn load(
    loader: &js_sys::Function,
    lang: Lang,
    current: &Instrument,
) -> Result<Instrument, String> {
    use wasm_bindgen::JsCast;
    let message = |e: wasm_bindgen::JsValue| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "unknown error".into())
    };
    let promise = loader
        .call1(&wasm_bindgen::JsValue::NULL, &lang.code().into())
        .map_err(message)?
        .dyn_into::<js_sys::Promise>()
        .map_err(|_| "loadInstrument gave no promise".to_string())?;
    let text = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(message)?
        .as_string()
        .ok_or("loadInstrument gave no text")?;
    let file = format!("instrument.{lang}.json");
    let loaded = Instrument::from_json(&text).map_err(|e| format!("{file}: {e}"))?;
    if !loaded.speaks(lang) {
        return Err(format!("{file} has no texts in this language"));
    }
    if !loaded.same_questionnaire(current) {
        return Err(format!("{file} is another version of the questionnaire"));
    }
    Ok(loaded)
}

#[function_component(Root)]
pub fn root(props: &AppProps) -> Html {
    let ns = route::namespace(&props.storage_key);
    let workshop = {
        let (ns, initial) = (ns.clone(), props.workshop);
        use_state(move || route::is_workshop(&ns, &route::current_hash()).unwrap_or(initial))
    };
    let Languages {
        lang,
        instrument,
        problem,
        switch: on_lang,
    } = use_languages(props);
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
        let (workshop, on_lang, ns) = (workshop.clone(), on_lang.clone(), ns.clone());
        Callback::from(move |l: Lang| {
            on_lang.emit(l);
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
        workshop_mode(
            props,
            (*instrument).clone(),
            *lang,
            (*problem).clone(),
            on_lang.clone(),
            switch(false),
        )
    } else {
        html! {
            <App instrument={(*instrument).clone()} storage_key={props.storage_key.clone()}
                lang={*lang} instrument_trouble={props.instrument_trouble.clone()}
                language_problem={(*problem).clone()}
                on_event={props.on_event.clone()} on_mode={props.on_mode.clone()} on_workshop={switch(true)}
                on_lang={Some(on_lang)} label={props.label.clone()} read_survey={props.read_survey.clone()} />
        }
    }
}

/// Workshop mode in this bundle, or (the scan bundle has none) a request
/// to the loader (`mountScan` in `static/samenwerkingsscan.js`) for the
/// workshop bundle, which mounts in this one's place.
fn workshop_mode(
    props: &AppProps,
    instrument: Rc<Instrument>,
    lang: Lang,
    language_problem: Option<LanguageProblem>,
    on_lang: Callback<Lang>,
    on_scan: Callback<Lang>,
) -> Html {
    #[cfg(feature = "workshop")]
    {
        let scan_url = if props.scan_url.is_empty() {
            route::this_page().into()
        } else {
            props.scan_url.clone()
        };
        html! {
            <WorkshopApp {instrument} storage_key={props.storage_key.clone()}
                instrument_trouble={props.instrument_trouble.clone()}
                {lang} {language_problem} {on_lang} {scan_url} {on_scan} stylesheet={props.workshop_stylesheet.clone()}
                reader={crate::survey::SurveyReader(props.read_survey.clone())} />
        }
    }
    #[cfg(not(feature = "workshop"))]
    {
        let _ = (instrument, language_problem, on_lang, on_scan);
        if let Some(f) = &props.on_mode {
            // The loader swaps bundles on its next turn, after this render, and
            // mounts workshop mode in the language the scan was in.
            let _ = f.call2(
                &wasm_bindgen::JsValue::NULL,
                &"workshop".into(),
                &lang.code().into(),
            );
        }
        html! { <p class="scan" role="status">{ crate::i18n::texts(lang).workshop_loading }</p> }
    }
}
