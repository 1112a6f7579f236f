//! A page of statements: per factor its name and explanation, per statement
//! a fieldset with native radio buttons (arrow keys move within a group).

use crate::i18n::texts;
use crate::pages::Page;
use samenwerkingsscan::Lang;
use samenwerkingsscan::{Instrument, Polarity, Response};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, Clone)]
pub struct QuestionsProps {
    pub instrument: Rc<Instrument>,
    pub lang: Lang,
    pub page: Page,
    pub responses: Rc<BTreeMap<String, Response>>,
    /// The stage chosen in the context (wording of the look-ahead phase).
    pub stage: Option<samenwerkingsscan::Stage>,
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
    let ahead = phase.is_some_and(|p| p.looks_ahead(props.stage));
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

    // The answer options, the same for every statement of the page.
    let options: Rc<[(Response, AttrValue)]> = points
        .iter()
        .map(|p| {
            (
                Response::Scale(p.value),
                AttrValue::from(p.label.get(lang).to_string()),
            )
        })
        .chain(std::iter::once((
            Response::Unknown,
            AttrValue::from(instrument.scale.unknown.get(lang).to_string()),
        )))
        .collect();

    html! {
        <section class="scan-questions" aria-labelledby="scan-questions-title">
            <h2 id="scan-questions-title" tabindex="-1" data-screen-heading="">{ heading }</h2>
            if let Some(phase) = phase {
                <p class="scan-lead">{ phase.description.get(lang) }</p>
                if phase.looks_ahead(props.stage) {
                    <p class="scan-lead">{ t.look_ahead_lead }</p>
                }
            }
            <p class={classes!("scan-polarity", (props.page.polarity == Polarity::Hindering).then_some("scan-polarity--hindering"))}>{ hint }</p>
            { for props.page.factors.iter().filter_map(|&i| instrument.factors.get(i)).map(|factor| html! {
                <section class="scan-factor" aria-labelledby={format!("scan-f-{}", factor.id)}>
                    <h3 id={format!("scan-f-{}", factor.id)}>{ factor.name.get(lang) }</h3>
                    <p class="scan-factor__explanation">{ factor.explanation.get(lang) }</p>
                    { for factor.statements.iter().map(|statement| html! {
                        <StatementItem key={statement.id.clone()} id={AttrValue::from(statement.id.clone())}
                            text={AttrValue::from(statement.text_for(props.stage, lang).to_string())}
                            current={props.responses.get(&statement.id).copied()}
                            options={options.clone()} stacked={!row_fits} on_answer={props.on_answer.clone()} />
                    }) }
                </section>
            }) }
        </section>
    }
}

#[derive(Properties, Clone)]
struct StatementProps {
    /// The statement's id (its radio group's name and ids derive from it).
    id: AttrValue,
    /// The statement as shown (worded for the stage).
    text: AttrValue,
    current: Option<Response>,
    /// The scale's points and "don't know", with their labels.
    options: Rc<[(Response, AttrValue)]>,
    /// One option per line (labels too long for a row of five).
    stacked: bool,
    on_answer: Callback<(String, Response)>,
}

/// Equal when everything shown is equal: an answer re-renders only its own
/// statement, not the page (the callback always does the same).
impl PartialEq for StatementProps {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.text == other.text
            && self.current == other.current
            && self.options == other.options
            && self.stacked == other.stacked
    }
}

/// One statement: a fieldset with a native radio button per option.
#[function_component(StatementItem)]
fn statement_item(props: &StatementProps) -> Html {
    let name = format!("scan-q-{}", props.id);
    html! {
        <fieldset class="scan-statement">
            <legend>{ props.text.clone() }</legend>
            <div class={classes!("scan-scale", props.stacked.then_some("scan-scale--stacked"))}>
                { for props.options.iter().map(|(value, label)| {
                    let value = *value;
                    let suffix = match value { Response::Scale(v) => v.to_string(), Response::Unknown => "unknown".into() };
                    let id = format!("{name}-{suffix}");
                    let on_change = {
                        let (on_answer, statement) = (props.on_answer.clone(), props.id.to_string());
                        move |_| on_answer.emit((statement.clone(), value))
                    };
                    html! {
                        <div class={classes!("scan-option", (value == Response::Unknown).then_some("scan-option--unknown"))}>
                            <input type="radio" id={id.clone()} name={name.clone()} checked={props.current == Some(value)}
                                onchange={on_change} />
                            <label for={id}>{ label.clone() }</label>
                        </div>
                    }
                }) }
            </div>
        </fieldset>
    }
}
