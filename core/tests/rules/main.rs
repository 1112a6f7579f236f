//! One test (or a few) for every rule of the core, each from answers built
//! for the purpose. Statement counts, weights and texts come from the
//! built-in instrument, never from this file.

#[path = "../common/mod.rs"]
mod common;

mod advice;
mod base_levels;
mod disclosure;
mod form_fit;
mod group_caps;
mod groups;
mod information;
mod next_step;
mod notices;
mod preconditions;
mod remeasurement;
mod signals;
mod validation;
mod vetoes;

use common::*;
// Helpers one section defines and others use.
use group_caps::late_ordinary;
use next_step::step_number;
use samenwerkingsscan::thresholds::*;
use samenwerkingsscan::Lang;
use samenwerkingsscan::{
    aggregate, compare, evaluate, Answers, Band, Combine, Consensus, Fit, GroupOptions,
    GroupReport, Instrument, Polarity, Response, Role, VerdictLevel,
};
use serde_json::{json, Value};
use vetoes::vetoing_flags;

use VerdictLevel::*;

fn group(respondents: &[Answers]) -> GroupReport {
    aggregate(
        instrument(),
        respondents,
        &GroupOptions::default(),
        Lang::Nl,
    )
}

/// Every statement id the verdict needs before the start (the look-ahead
/// phase left out), in questionnaire order.
fn statement_ids() -> Vec<String> {
    instrument()
        .statements()
        .filter(|(f, _)| required_phase(&f.phase))
        .map(|(_, s)| s.id.clone())
        .collect()
}

/// `count` of the `n` indices, spread evenly (so every phase loses about the same share).
fn spread(n: usize, count: usize) -> Vec<usize> {
    (0..n).filter(|i| (i * count) % n < count).collect()
}

/// Favourable answers with `count` statements, spread evenly, replaced by `response`
/// (`None`: removed).
fn favourable_except(count: usize, response: Option<Response>) -> Answers {
    let mut answers = Scan::favourable().build();
    let ids = statement_ids();
    for i in spread(ids.len(), count) {
        match response {
            Some(r) => answers.responses.insert(ids[i].clone(), r),
            None => answers.responses.remove(&ids[i]),
        };
    }
    answers
}

fn eval(answers: &Answers) -> samenwerkingsscan::Report {
    evaluate(instrument(), answers, Lang::Nl)
}

fn form_id(wanted: impl Fn(u8) -> bool) -> String {
    instrument()
        .context
        .forms
        .iter()
        .find(|f| wanted(f.heaviness))
        .map(|f| f.id.clone())
        .expect("the built-in instrument has a form of this heaviness")
}

fn heavy_form() -> String {
    form_id(|h| h >= 4)
}

/// A light form that is not the lightest (the lightest has a rule of its own).
fn light_form() -> String {
    form_id(|h| h == 2)
}

fn lightest_form() -> String {
    form_id(|h| h == 1)
}

fn medium_form() -> String {
    form_id(|h| h == 3)
}

const COMPLEXITY: &str = "complexiteit-van-het-model";
const WORKLOAD: &str = "werkdruk";
const TRUST: &str = "onderling-vertrouwen-en-chemie";
const DISTRUST: &str = "lijken-in-de-kast-en-wantrouwen";
const NONCOMMITTAL: &str = "vrijblijvendheid-en-zweven";
const COMPARABILITY: &str = "vergelijkbaarheid-en-bekendheid";
const NECESSITY: &str = "noodzaak-onderkend";
