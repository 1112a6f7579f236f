//! A page of statements: per factor its name and explanation, per statement
//! a fieldset with native radio buttons (arrow keys move within a group).

use crate::i18n::texts;
use crate::pages::Page;
use samenwerkingsscan::{Instrument, Polarity, Response};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, Clone)]
pub struct QuestionsProps {
    pub instrument: Rc<Instrument>,
    pub lang: &'static str,
    pub page: Page,
    pub responses: Rc<BTreeMap<String, Response>>,
    /// The stage chosen in the context (wording of the look-ahead phase).
    pub stage: Option<String>,
    pub on_answer: Callback<(String, Response)>,
}

impl PartialEq for QuestionsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.instrument, &other.instrument)
            && self.lang == other.lang
            && self.page == other.page
            && self.responses == other.responses
            && self.stage == other.stage
    }
}

/// "Wat helpt" → "wat helpt" after the phase name. Our own titles start with
/// an ASCII letter; `str::to_lowercase` would link Unicode's case tables into
/// the wasm (about 10 KB) for this one word.
fn lower_initial(title: &str) -> String {
    let mut chars = title.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_ascii_lowercase().to_string() + chars.as_str()
    })
}

#[function_component(Questions)]
pub fn questions(props: &QuestionsProps) -> Html {
    let t = texts(props.lang);
    let lang = props.lang;
    let instrument = &props.instrument;
    let phase = instrument.phase(&props.page.phase);
    let ahead = phase.is_some_and(|p| p.looks_ahead(props.stage.as_deref()));
    let (title, hint) = match props.page.polarity {
        Polarity::Promoting => (t.promoting_title, t.promoting_hint),
        Polarity::Hindering if ahead => (t.hindering_title, t.hindering_hint_ahead),
        Polarity::Hindering => (t.hindering_title, t.hindering_hint),
    };
    let heading = format!(
        "{}: {}",
        phase.map(|p| p.name.get(lang)).unwrap_or(""),
        lower_initial(title)
    );
    let points = &instrument.scale.points;
    // Five in a row only fits words of up to about eight letters (the
    // built-in "Helemaal", "Strongly"); a custom scale with longer words
    // keeps one option per line at every width, so no word is ever broken
    // (as does a scale of another length than five).
    let row_fits = points.len() == 5
        && points.iter().all(|p| {
            p.label
                .get(lang)
                .split_whitespace()
                .all(|w| w.chars().count() <= 8)
        });

    html! {
        <section class="scan-questions" aria-labelledby="scan-questions-title">
            <h2 id="scan-questions-title" tabindex="-1" data-screen-heading="">{ heading }</h2>
            if let Some(phase) = phase {
                <p class="scan-lead">{ phase.description.get(lang) }</p>
                if phase.looks_ahead(props.stage.as_deref()) {
                    <p class="scan-lead">{ t.look_ahead_lead }</p>
                }
            }
            <p class={classes!("scan-polarity", (props.page.polarity == Polarity::Hindering).then_some("scan-polarity--hindering"))}>{ hint }</p>
            { for props.page.factors.iter().filter_map(|&i| instrument.factors.get(i)).map(|factor| html! {
                <section class="scan-factor" aria-labelledby={format!("scan-f-{}", factor.id)}>
                    <h3 id={format!("scan-f-{}", factor.id)}>{ factor.name.get(lang) }</h3>
                    <p class="scan-factor__explanation">{ factor.explanation.get(lang) }</p>
                    { for factor.statements.iter().map(|statement| {
                        let current = props.responses.get(&statement.id).copied();
                        let name = format!("scan-q-{}", statement.id);
                        let option = |value: Response, label: &str| {
                            let suffix = match value { Response::Scale(v) => v.to_string(), Response::Unknown => "unknown".into() };
                            let id = format!("{name}-{suffix}");
                            let statement_id = statement.id.clone();
                            let on_answer = props.on_answer.clone();
                            html! {
                                <div class={classes!("scan-option", (value == Response::Unknown).then_some("scan-option--unknown"))}>
                                    <input type="radio" id={id.clone()} name={name.clone()} checked={current == Some(value)}
                                        onchange={move |_| on_answer.emit((statement_id.clone(), value))} />
                                    <label for={id}>{ label.to_string() }</label>
                                </div>
                            }
                        };
                        html! {
                            <fieldset class="scan-statement">
                                <legend>{ statement.text_for(props.stage.as_deref(), lang) }</legend>
                                <div class={classes!("scan-scale", (!row_fits).then_some("scan-scale--stacked"))}>
                                    { for points.iter().map(|p| option(Response::Scale(p.value), p.label.get(lang))) }
                                    { option(Response::Unknown, instrument.scale.unknown.get(lang)) }
                                </div>
                            </fieldset>
                        }
                    }) }
                </section>
            }) }
        </section>
    }
}
