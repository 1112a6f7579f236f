//! The widget's top bar: the questionnaire's title, the switch to workshop
//! mode and the language switch. Rendered by the app, and at build time into
//! the static first screen (`first.rs`, painted before the wasm arrives).

use crate::i18n::{self, texts};
use samenwerkingsscan::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The questionnaire's title in `lang`.
    pub title: AttrValue,
    pub lang: Lang,
    /// Shows the workshop button (the widget always can; a host page can
    /// not turn it off).
    pub on_workshop: Option<Callback<Lang>>,
    pub on_lang: Callback<Lang>,
}

#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let t = texts(props.lang);
    html! {
        <div class="scan__header">
            <p class="scan__brand">{ props.title.clone() }</p>
            <div class="scan__tools">
                if let Some(on_workshop) = &props.on_workshop {
                    <button type="button" class="scan-button scan-button--small scan-no-print" data-first="workshop"
                        onclick={let (on_workshop, lang) = (on_workshop.clone(), props.lang); move |_| on_workshop.emit(lang)}>
                        { t.to_workshop }</button>
                }
                <LanguageSwitch lang={props.lang} on_change={props.on_lang.clone()} />
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct LanguageSwitchProps {
    pub lang: Lang,
    pub on_change: Callback<Lang>,
}

/// A button per language, the current one pressed (also in workshop mode).
#[function_component(LanguageSwitch)]
pub fn language_switch(props: &LanguageSwitchProps) -> Html {
    let t = texts(props.lang);
    html! {
        <div class="scan__lang" role="group" aria-label={t.language}>
            { for i18n::LANGS.iter().map(|(code, name)| {
                let pressed = *code == props.lang;
                let code = *code;
                html! {
                    <button type="button" class="scan-button scan-button--small" lang={code.code()} aria-pressed={pressed.to_string()}
                        data-first={format!("lang-{code}")} onclick={props.on_change.reform(move |_| code)}>{ *name }</button>
                }
            }) }
        </div>
    }
}
