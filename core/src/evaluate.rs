//! Answers → report. This module assembles; the rules live in `verdict`,
//! `advice` and `signals`.

use crate::advice;
use crate::answers::{Answers, Context, Notice};
use crate::instrument::{Dimension, Instrument, Polarity, Precondition};
use crate::report::{
    Coverage, DimensionResult, FactorRef, FactorResult, Fit, PhaseResult, Reason, Report,
    ReportNotice, Verdict, VerdictLevel,
};
use crate::score::{score_factors, weighted_mean, Band, FactorScore};
use crate::signals;
use crate::stage::Reading;
use crate::text::Lang;
use crate::verdict::{self, Cap, PartnerFlag};

/// How many strengths and risks the report names.
pub const TOP_N: usize = 5;

/// Evaluates one respondent's answers into a report in `lang`.
///
/// ```
/// use samenwerkingsscan::{evaluate, Answers, Instrument, Lang, Response, VerdictLevel};
/// let instrument = Instrument::builtin();
/// let mut answers = Answers::new(instrument);
/// // Nothing answered yet: the verdict refuses to guess.
/// assert_eq!(evaluate(instrument, &answers, Lang::Nl).verdict.level, VerdictLevel::InsufficientInformation);
/// // Everything favourable: promoting statements "helemaal eens", hindering "helemaal oneens".
/// for (factor, statement) in instrument.statements() {
///     let value = if factor.polarity == samenwerkingsscan::Polarity::Promoting { 5 } else { 1 };
///     answers.responses.insert(statement.id.clone(), Response::Scale(value));
/// }
/// let report = evaluate(instrument, &answers, Lang::En);
/// assert_eq!(report.verdict.level, VerdictLevel::Ready);
/// assert_eq!(report.readiness, Some(100.0));
/// ```
pub fn evaluate(instrument: &Instrument, answers: &Answers, lang: Lang) -> Report {
    let scores = score_factors(instrument, answers);
    build_report(
        instrument,
        &scores,
        &answers.context,
        lang,
        answers.check(instrument),
        GroupRules::default(),
    )
}

/// What the group rules add to the single-respondent rules.
#[derive(Default)]
pub(crate) struct GroupRules {
    /// Limits from gaps between municipalities or roles.
    pub caps: Vec<Cap>,
    /// Red flags in concern within a municipality (the weakest partner).
    pub partners: Vec<PartnerFlag>,
}

pub(crate) fn build_report(
    instrument: &Instrument,
    scores: &[FactorScore],
    context: &Context,
    lang: Lang,
    notices: Vec<Notice>,
    group: GroupRules,
) -> Report {
    let reading = Reading::of(context.known_stage());
    let factors = factor_results(instrument, scores, reading, lang);
    let phases = instrument
        .phases
        .iter()
        .map(|phase| {
            let in_phase: Vec<&FactorResult> =
                factors.iter().filter(|f| f.phase == phase.id).collect();
            PhaseResult {
                id: phase.id.clone(),
                name: phase.name.get(lang).to_string(),
                looking_ahead: phase.after_start && reading.before_start(),
                readiness: index(&in_phase, Polarity::Promoting),
                risk: index(&in_phase, Polarity::Hindering),
                coverage: sum_coverage(in_phase.iter().map(|f| &f.coverage)),
            }
        })
        .collect::<Vec<_>>();
    // The verdict rests on what is not a look ahead (all of it once the
    // partnership runs).
    let judged: Vec<&FactorResult> = factors.iter().filter(|f| !f.looking_ahead).collect();
    let readiness = index(&judged, Polarity::Promoting);
    let risk = index(&judged, Polarity::Hindering);
    let coverage = sum_coverage(judged.iter().map(|f| &f.coverage));
    let dimensions = dimensions(&judged, lang);

    let form_fit = advice::form_fit(
        instrument,
        &factors,
        context,
        readiness,
        reading,
        &group.partners,
        lang,
    );
    let mut signals = signals::from_context(instrument, &factors, context, reading, lang);
    signals.extend(signals::dimension_balance(&dimensions, lang));
    let mut caps = group.caps;
    if let Some(fit) = form_fit.as_ref().filter(|f| f.fit == Fit::Poor) {
        caps.push(Cap {
            level: VerdictLevel::Promising,
            reason: Reason {
                rule: "form-fit".into(),
                text: if reading.running() {
                    lang.pick(
                        format!("De vorm ‘{}’ past nu niet goed bij de antwoorden (zie ‘Past de gekozen vorm?’). De vorm volgt de inhoud én de relatie (§7.4): werk eerst aan de relatie, en bespreek daarna of de vorm moet veranderen (§7.5).", fit.label),
                        format!("The form ‘{}’ does not fit the answers well now (see ‘Does the chosen form fit?’). Form follows content and relationship (§7.4): work on the relationship first, then discuss whether the form should change (§7.5).", fit.label),
                    )
                } else {
                    lang.pick(
                        format!("De gekozen vorm ‘{}’ past nu niet goed bij de antwoorden (zie ‘Past de gekozen vorm?’). De vorm volgt de inhoud én de relatie (§7.4): kies de vorm pas als die op orde zijn.", fit.label),
                        format!("The chosen form ‘{}’ does not fit the answers well now (see ‘Does the chosen form fit?’). Form follows content and relationship (§7.4): choose the form only when content and relationship are in order.", fit.label),
                    )
                },
                factors: Vec::new(),
            },
        });
    }
    let (level, reasons) = verdict::decide(
        &verdict::Inputs {
            instrument,
            factors: &factors,
            phases: &phases,
            readiness,
            risk,
            coverage: &coverage,
            context,
            reading,
            partners: &group.partners,
            lang,
        },
        caps,
    );

    let next_step = advice::next_step(
        instrument,
        &factors,
        reading,
        level,
        &reasons,
        form_fit.as_ref().is_some_and(|f| f.fit == Fit::Poor),
        lang,
    );
    let mut advice = advice::ordered(instrument, &factors, &reasons, reading, lang);
    let mut form_fit = form_fit;
    if level == VerdictLevel::NoReasonToStart {
        // Without a reason to start, the only advice is the self-assessment of
        // the necessity (§8.1); start moments, business cases and formal
        // steps would contradict the verdict.
        advice.retain(|item| {
            instrument
                .factor(&item.factor)
                .is_some_and(|f| f.precondition == Some(Precondition::Noodzaak))
        });
        if let Some(fit) = form_fit.as_mut() {
            fit.procedure.clear();
        }
    }
    if level == VerdictLevel::InsufficientInformation {
        // The balance of §6.1 rests on too little as well.
        signals.retain(|s| s.code != "dimension-imbalance");
    }
    Report {
        lang,
        instrument_id: instrument.id.clone(),
        instrument_version: instrument.version.clone(),
        stage: reading.given,
        running: reading.running(),
        verdict: Verdict {
            level,
            label: level.label(lang).to_string(),
            summary: level.summary(lang).to_string(),
        },
        reasons,
        readiness,
        risk,
        strengths: top(&factors, Band::Strength),
        risks: top(&factors, Band::Concern)
            .into_iter()
            .chain(top(&factors, Band::Attention))
            .take(TOP_N)
            .collect(),
        gaps: factors
            .iter()
            .filter(|f| !f.answered && !f.looking_ahead)
            .map(factor_ref)
            .collect(),
        advice,
        next_step,
        form_fit,
        signals,
        coverage,
        dimensions,
        phases,
        factors,
        notices: notices
            .into_iter()
            .map(|n| ReportNotice {
                message: n.text(lang),
                path: n.path,
                factor: n.factor,
            })
            .collect(),
    }
}

fn factor_results(
    instrument: &Instrument,
    scores: &[FactorScore],
    reading: Reading,
    lang: Lang,
) -> Vec<FactorResult> {
    let ahead = |phase: &str| {
        reading.before_start() && instrument.phase(phase).is_some_and(|p| p.after_start)
    };
    instrument
        .factors
        .iter()
        .zip(scores)
        .map(|(factor, score)| {
            let favourability = score.favourability(factor.polarity);
            FactorResult {
                id: factor.id.clone(),
                name: factor.name.get(lang).to_string(),
                phase: factor.phase.clone(),
                polarity: factor.polarity,
                dimension: factor.dimension,
                weight: factor.weight,
                red_flag: factor.red_flag,
                precondition: factor.precondition,
                looking_ahead: ahead(&factor.phase),
                score: score.score,
                favourability,
                band: favourability.map(Band::of),
                answered: score.score.is_some(),
                coverage: coverage_of(score.answered, score.unknown, score.missing),
            }
        })
        .collect()
}

/// Weighted mean score of the answered factors of one polarity.
fn index(factors: &[&FactorResult], polarity: Polarity) -> Option<f64> {
    let pairs: Vec<(f64, f64)> = factors
        .iter()
        .filter(|f| f.polarity == polarity)
        .filter_map(|f| f.score.map(|s| (s, f.weight)))
        .collect();
    weighted_mean(&pairs)
}

/// The balance of §6.1's three lenses: the weighted mean favourability of
/// the answered factors of each.
fn dimensions(factors: &[&FactorResult], lang: Lang) -> Vec<DimensionResult> {
    [
        (Dimension::Inhoud, lang.pick("Inhoud", "Content")),
        (Dimension::Structuur, lang.pick("Structuur", "Structure")),
        (Dimension::Relatie, lang.pick("Relatie", "Relationship")),
    ]
    .into_iter()
    .map(|(dimension, name)| {
        let own: Vec<&&FactorResult> = factors
            .iter()
            .filter(|f| f.dimension == dimension)
            .collect();
        let pairs: Vec<(f64, f64)> = own
            .iter()
            .filter_map(|f| f.favourability.map(|v| (v, f.weight)))
            .collect();
        let favourability = weighted_mean(&pairs);
        DimensionResult {
            dimension,
            name: name.to_string(),
            favourability,
            band: favourability.map(Band::of),
            answered: pairs.len(),
            factors: own.len(),
        }
    })
    .collect()
}

pub(crate) fn coverage_of(answered: usize, unknown: usize, missing: usize) -> Coverage {
    let statements = answered + unknown + missing;
    Coverage {
        statements,
        answered,
        unknown,
        missing,
        ratio: if statements == 0 {
            0.0
        } else {
            answered as f64 / statements as f64
        },
    }
}

fn sum_coverage<'a>(items: impl Iterator<Item = &'a Coverage>) -> Coverage {
    let (a, u, m) = items.fold((0, 0, 0), |(a, u, m), c| {
        (a + c.answered, u + c.unknown, m + c.missing)
    });
    coverage_of(a, u, m)
}

/// The factors in `band`, most decisive first, weighted: for strong points
/// the most favourable, for concerns and points to watch the least
/// favourable (a point to watch at 50 before one at 70); then instrument order.
fn top(factors: &[FactorResult], band: Band) -> Vec<FactorRef> {
    let key = |f: &FactorResult| {
        let fav = f.favourability.unwrap_or(50.0);
        let decisive = if band == Band::Strength {
            fav
        } else {
            100.0 - fav
        };
        decisive * f.weight
    };
    let mut chosen: Vec<(usize, &FactorResult)> = factors
        .iter()
        .enumerate()
        .filter(|(_, f)| f.band == Some(band))
        .collect();
    chosen.sort_unstable_by(|(ia, a), (ib, b)| key(b).total_cmp(&key(a)).then(ia.cmp(ib)));
    chosen
        .into_iter()
        .take(TOP_N)
        .map(|(_, f)| factor_ref(f))
        .collect()
}

fn factor_ref(f: &FactorResult) -> FactorRef {
    FactorRef {
        id: f.id.clone(),
        name: f.name.clone(),
        favourability: f.favourability,
        band: f.band,
    }
}
