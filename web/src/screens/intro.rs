//! The first screen: what the scan is, for whom, how long, and privacy.

use crate::i18n::texts;
use samenwerkingsscan::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct IntroProps {
    pub lang: Lang,
    pub has_answers: bool,
    pub on_start: Callback<()>,
}

#[function_component(Intro)]
pub fn intro(props: &IntroProps) -> Html {
    let t = texts(props.lang);
    html! {
        // Not a named region: the widget's own region already carries this name.
        <div class="scan-intro">
            <h1 id="scan-intro-title" tabindex="-1" data-screen-heading="">{ t.intro_heading }</h1>
            <p class="scan-lead">{ t.intro_lead }</p>
            <p>{ t.intro_who }</p>
            <p>{ t.intro_how }</p>
            <p>{ t.intro_time }</p>
            <h2>{ t.intro_privacy_heading }</h2>
            <p>{ t.intro_privacy }</p>
            <div class="scan__actions">
                <button type="button" class="scan-button scan-button--primary" data-first="start" onclick={props.on_start.reform(|_| ())}>
                    { if props.has_answers { t.resume } else { t.start } }{ " →" }
                </button>
            </div>
            <p class="scan-small">{ t.intro_source }</p>
        </div>
    }
}
