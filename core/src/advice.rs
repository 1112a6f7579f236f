//! What to do next: advice ordered by impact, the step of the six-step plan
//! to work on, and whether the intended form of cooperation fits.

use crate::answers::Context;
use crate::instrument::{Instrument, PlanStep};
use crate::report::{AdviceItem, AdviceStep, FactorResult, Fit, FormFit, NextStep};
use crate::score::Band;
use crate::text::Msg;
use crate::verdict::PROMISING;

/// Built-in factor ids the form rules look at. With a custom instrument
/// that lacks them, those rules simply do not fire.
pub mod ids {
    pub const COMPLEXITY: &str = "complexiteit-van-het-model";
    pub const WORKLOAD: &str = "werkdruk";
    pub const TRUST: &str = "onderling-vertrouwen-en-chemie";
    pub const DISTRUST: &str = "lijken-in-de-kast-en-wantrouwen";
    pub const NONCOMMITTAL: &str = "vrijblijvendheid-en-zweven";
    pub const COMPARABILITY: &str = "vergelijkbaarheid-en-bekendheid";
    pub const NECESSITY: &str = "noodzaak-onderkend";
}

/// Red flags in concern count this much more.
const RED_FLAG_FACTOR: f64 = 1.5;

/// Advice for every factor in concern or attention, highest impact first.
/// Impact = weight × shortfall (100 − favourability) × phase priority
/// (earlier phases first, §5) × 1.5 for a red flag in concern.
pub(crate) fn ordered(
    instrument: &Instrument,
    factors: &[FactorResult],
    lang: &str,
) -> Vec<AdviceItem> {
    let phase_count = instrument.phases.len();
    let mut items: Vec<(usize, AdviceItem)> = instrument
        .factors
        .iter()
        .zip(factors)
        .enumerate()
        .filter_map(|(order, (factor, result))| {
            let band = result.band.filter(|b| *b != Band::Strength)?;
            let shortfall = 100.0 - result.favourability?;
            let phase_index = instrument
                .phases
                .iter()
                .position(|p| p.id == factor.phase)
                .unwrap_or(0);
            let priority = 1.0 + 0.1 * (phase_count.saturating_sub(phase_index + 1)) as f64;
            let flag = if factor.red_flag && band == Band::Concern {
                RED_FLAG_FACTOR
            } else {
                1.0
            };
            let impact = factor.weight * shortfall * priority * flag;
            Some((
                order,
                AdviceItem {
                    factor: factor.id.clone(),
                    factor_name: result.name.clone(),
                    band,
                    impact: (impact * 10.0).round() / 10.0,
                    steps: factor
                        .advice
                        .iter()
                        .map(|a| AdviceStep {
                            text: a.text.get(lang).to_string(),
                            source: a.source.clone(),
                        })
                        .collect(),
                },
            ))
        })
        .collect();
    items.sort_unstable_by(|(oa, a), (ob, b)| b.impact.total_cmp(&a.impact).then(oa.cmp(ob)));
    items.into_iter().map(|(_, item)| item).collect()
}

/// The plan step to work on next: the earliest step that holds a concern,
/// else the earliest with a clear point of attention, else the step that
/// follows from the stage the partnership is in.
pub(crate) fn next_step(
    instrument: &Instrument,
    factors: &[FactorResult],
    context: &Context,
    lang: &str,
) -> Option<NextStep> {
    let m = Msg::of(lang);
    let step_of = |f: &FactorResult| {
        instrument
            .factor(&f.id)
            .and_then(|factor| instrument.plan_step(&factor.plan_step))
    };
    let earliest = |wanted: &dyn Fn(&FactorResult) -> bool| -> Option<(&PlanStep, Vec<String>)> {
        let step = factors
            .iter()
            .filter(|f| wanted(f))
            .filter_map(step_of)
            .min_by_key(|s| s.number)?;
        let names = factors
            .iter()
            .filter(|f| wanted(f) && step_of(f).is_some_and(|s| s.id == step.id))
            .map(|f| format!("‘{}’", f.name))
            .collect();
        Some((step, names))
    };
    let quote = |names: Vec<String>| names.join(", ");
    let concern = |f: &FactorResult| f.band == Some(Band::Concern);
    let attention = |f: &FactorResult| {
        f.band == Some(Band::Attention) && f.favourability.is_some_and(|v| v < 50.0)
    };
    let (step, reason) = if let Some((step, names)) = earliest(&concern) {
        let list = quote(names);
        (
            step,
            m.pick(
                format!("Bij deze stap horen de zorgpunten {list}."),
                format!("The concerns {list} belong to this step."),
            ),
        )
    } else if let Some((step, names)) = earliest(&attention) {
        let list = quote(names);
        (
            step,
            m.pick(
                format!("Bij deze stap horen de aandachtspunten {list}."),
                format!("The points of attention {list} belong to this step."),
            ),
        )
    } else {
        let (id, nl, en) = match context.stage.as_deref() {
            Some("preparing") => ("inrichting", "U bereidt de samenwerking voor en er zijn geen zorgpunten: richt de samenwerking nu in.", "You are preparing and there are no concerns: now set up the partnership."),
            Some("operating") => ("evaluatie", "De samenwerking draait en er zijn geen zorgpunten: evalueer tegen de nulmeting.", "The partnership is running and there are no concerns: evaluate against the baseline."),
            _ => ("visie-en-doelen", "Er zijn geen zorgpunten: zet visie en doelen op papier, meetbaar, zodat u later kunt evalueren.", "There are no concerns: put vision and goals on paper, measurably, so you can evaluate later."),
        };
        let step = instrument.plan_step(id).or(instrument.plan_steps.first())?;
        (step, m.pick(nl, en).to_string())
    };
    Some(NextStep {
        id: step.id.clone(),
        number: step.number,
        name: step.name.get(lang).to_string(),
        description: step.description.get(lang).to_string(),
        reason,
    })
}

/// Whether the intended form suits the answers (§4.4, §7.4: form follows
/// content and relationship; heavy forms need trust and capacity, light forms
/// save little).
pub(crate) fn form_fit(
    instrument: &Instrument,
    factors: &[FactorResult],
    context: &Context,
    readiness: Option<f64>,
    lang: &str,
) -> Option<FormFit> {
    let form = instrument.form(context.form.as_deref()?)?;
    let m = Msg::of(lang);
    let band = |id: &str| factors.iter().find(|f| f.id == id).and_then(|f| f.band);
    let name = |id: &str| {
        factors
            .iter()
            .find(|f| f.id == id)
            .map(|f| f.name.clone())
            .unwrap_or_default()
    };
    let mut notes: Vec<(Fit, String)> = Vec::new();
    let heavy = form.heaviness >= 4;
    let light = form.heaviness <= 2;

    if heavy {
        for id in [ids::COMPLEXITY, ids::WORKLOAD] {
            let n = name(id);
            match band(id) {
                Some(Band::Concern) => notes.push((Fit::Poor, m.pick(
                    format!("U kiest een zware vorm, terwijl ‘{n}’ nu al een zorgpunt is. Een zware vorm maakt dat groter. Begin lichter en bouw stap voor stap uit (§4.4)."),
                    format!("You choose a heavy form while ‘{n}’ is already a concern. A heavy form makes it bigger. Start lighter and build up step by step (§4.4)."),
                ))),
                Some(Band::Attention) => notes.push((Fit::Caution, m.pick(
                    format!("Let bij deze zware vorm op ‘{n}’: dat vraagt nu al aandacht."),
                    format!("With this heavy form, watch ‘{n}’: it already needs attention."),
                ))),
                _ => {}
            }
        }
        let trust_weak = band(ids::TRUST).is_some_and(|b| b != Band::Strength)
            || band(ids::DISTRUST).is_some_and(|b| b == Band::Concern);
        if trust_weak {
            notes.push((Fit::Caution, m.pick(
                "Een zware vorm vraagt veel onderling vertrouwen, en dat is nog niet sterk. De vorm volgt de inhoud én de relatie (§7.4).".to_string(),
                "A heavy form needs a lot of mutual trust, which is not yet strong. Form follows content and relationship (§7.4).".to_string(),
            )));
        }
        if readiness.is_some_and(|r| r < PROMISING.0) {
            notes.push((
                Fit::Caution,
                m.pick(
                    "De gereedheid is nog laag voor zo’n vergaande vorm.".to_string(),
                    "Readiness is still low for such a far-reaching form.".to_string(),
                ),
            ));
        }
    }
    if light {
        let wants_savings = context
            .motives
            .iter()
            .any(|x| x == "kosten" || x == "kwetsbaarheid")
            || context
                .goals
                .iter()
                .any(|g| g.starts_with("bedrijfsvoering"));
        if wants_savings {
            notes.push((Fit::Caution, m.pick(
                "U wilt kosten besparen of kwetsbaarheid verminderen. Een lichte vorm levert daarvoor meestal weinig op (§4.3.1).".to_string(),
                "You want to save costs or reduce vulnerability. A light form usually yields little for that (§4.3.1).".to_string(),
            )));
        }
        if band(ids::NONCOMMITTAL) == Some(Band::Concern) {
            notes.push((Fit::Caution, m.pick(
                format!("‘{}’ is een zorgpunt; een lichte vorm maakt afspraken nog vrijblijvender. Een zwaardere vorm is minder vrijblijvend (§4.3.1).", name(ids::NONCOMMITTAL)),
                format!("‘{}’ is a concern; a light form makes agreements even less binding. A heavier form is less non-committal (§4.3.1).", name(ids::NONCOMMITTAL)),
            )));
        }
        if form.heaviness == 1 && context.urgency.as_deref() == Some("short-term") {
            notes.push((Fit::Caution, m.pick(
                "Versterking is op korte termijn nodig, maar afstemming zonder vaste afspraken is de lichtste vorm. Past dat bij de urgentie?".to_string(),
                "Strengthening is needed soon, but coordination without firm agreements is the lightest form. Does that match the urgency?".to_string(),
            )));
        }
    }
    let fit = notes.iter().map(|(f, _)| *f).max_by_key(|f| match f {
        Fit::Good => 0,
        Fit::Caution => 1,
        Fit::Poor => 2,
    });
    let mut texts: Vec<String> = notes.into_iter().map(|(_, t)| t).collect();
    if texts.is_empty() {
        texts.push(m.pick(
            "De gekozen vorm past bij de antwoorden: er zijn geen signalen dat hij te zwaar of te licht is.".to_string(),
            "The chosen form fits the answers: there are no signs that it is too heavy or too light.".to_string(),
        ));
    }
    Some(FormFit {
        form: form.id.clone(),
        label: form.label.get(lang).to_string(),
        heaviness: form.heaviness,
        fit: fit.unwrap_or(Fit::Good),
        notes: texts,
    })
}
