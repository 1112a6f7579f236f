//! What to do next: advice ordered by impact, the step of the six-step plan
//! to work on, and whether the intended form of cooperation fits.

use crate::answers::Context;
use crate::instrument::{ids, FormKind, Instrument, PlanStep};
use crate::report::{
    AdviceItem, AdviceStep, FactorResult, Fit, FormFit, NextStep, Reason, VerdictLevel,
};
use crate::score::Band;
use crate::signals::size_ratio;
use crate::stage::{Reading, Stage};
use crate::text::Lang;
use crate::verdict::{PartnerFlag, PROMISING};

/// The factors of the `veto-partner` reasons: red flags in concern at one
/// partner of a group.
fn flagged_at_a_partner(reasons: &[Reason]) -> Vec<&str> {
    reasons
        .iter()
        .filter(|r| r.rule == "veto-partner")
        .flat_map(|r| r.factors.iter().map(String::as_str))
        .collect()
}

/// Red flags in concern count this much more.
const RED_FLAG_FACTOR: f64 = 1.5;

/// What is at stake on a factor: weight × shortfall (100 − favourability)
/// × phase priority (earlier phases first, §5: 1.0 for the last phase, 0.1
/// more per phase before it) × 1.5 when `flagged` (a red flag in concern).
/// Orders the advice and a workshop's discussion points.
pub(crate) fn impact(
    instrument: &Instrument,
    factor: &crate::instrument::Factor,
    favourability: f64,
    flagged: bool,
) -> f64 {
    let phase_index = instrument
        .phases
        .iter()
        .position(|p| p.id == factor.phase)
        .unwrap_or(0);
    let phase_count = instrument.phases.len();
    let priority = 1.0 + 0.1 * (phase_count.saturating_sub(phase_index + 1)) as f64;
    let flag = if flagged { RED_FLAG_FACTOR } else { 1.0 };
    factor.weight * (100.0 - favourability) * priority * flag
}

/// Advice for every factor in concern or attention, highest impact first.
/// Impact = weight × shortfall (100 − favourability) × phase priority
/// (earlier phases first, §5) × 1.5 for a red flag in concern (in the whole
/// group or at one partner). Factors of
/// a look ahead are marked `before_start`: points to arrange in the plans.
pub(crate) fn ordered(
    instrument: &Instrument,
    factors: &[FactorResult],
    reasons: &[Reason],
    reading: Reading,
    lang: Lang,
) -> Vec<AdviceItem> {
    // A red flag in concern at one partner weighs as a red flag in concern.
    let at_partner = flagged_at_a_partner(reasons);
    let mut items: Vec<(usize, AdviceItem)> = instrument
        .factors
        .iter()
        .zip(factors)
        .enumerate()
        .filter_map(|(order, (factor, result))| {
            let band = result.band.filter(|b| *b != Band::Strength)?;
            let flagged = factor.red_flag
                && (band == Band::Concern || at_partner.contains(&factor.id.as_str()));
            let impact = impact(instrument, factor, result.favourability?, flagged);
            Some((
                order,
                AdviceItem {
                    factor: factor.id.clone(),
                    factor_name: result.name.clone(),
                    band,
                    before_start: result.looking_ahead,
                    impact: (impact * 10.0).round() / 10.0,
                    steps: factor
                        .advice
                        .iter()
                        .map(|a| AdviceStep {
                            text: a.text_for(reading.running(), lang).to_string(),
                            source: crate::text::source_in(&a.source, lang),
                        })
                        .collect(),
                },
            ))
        })
        .collect();
    // A concern comes before any point to watch, whatever the weights: the
    // concern is what the verdict rests on. Within a band, by impact.
    let rank = |band: Band| match band {
        Band::Concern => 0,
        Band::Attention => 1,
        Band::Strength => 2,
    };
    items.sort_unstable_by(|(oa, a), (ob, b)| {
        rank(a.band)
            .cmp(&rank(b.band))
            .then(b.impact.total_cmp(&a.impact))
            .then(oa.cmp(ob))
    });
    items.into_iter().map(|(_, item)| item).collect()
}

/// The plan step to work on next (§8):
///
/// - too little known for a verdict: step 1, the self-assessment (§8.1);
/// - running: a red flag in concern sends back to its step (§8.3); other
///   concerns and points to watch are handled in operation (step 5,
///   §8.5); else the evaluation against the baseline (step 6, §8.6);
/// - before the start: the earliest step that holds a concern, then the
///   form choice (step 3) when the form does not fit, then the earliest
///   step with a clear point of attention, else the step that follows from
///   the stage (orienting: the search for partners until steps 1–2 are
///   strong, §8.2 "wordt vaak te licht opgevat").
///
/// A step before the stage's first step means going back (§8.3).
/// Look-ahead factors do not choose the step: they are arranged in the
/// plans of the current step.
pub(crate) fn next_step(
    instrument: &Instrument,
    factors: &[FactorResult],
    reading: Reading,
    level: VerdictLevel,
    reasons: &[Reason],
    form_poor: bool,
    lang: Lang,
) -> Option<NextStep> {
    let by_number = |n: u8| instrument.plan_steps.iter().find(|s| s.number == n);
    let step_of = |f: &FactorResult| {
        instrument
            .factor(&f.id)
            .and_then(|factor| instrument.plan_step(&factor.plan_step))
    };
    let earliest = |wanted: &dyn Fn(&FactorResult) -> bool| -> Option<(&PlanStep, Vec<String>)> {
        let wanted = |f: &FactorResult| !f.looking_ahead && wanted(f);
        let step = factors
            .iter()
            .filter(|f| wanted(f))
            .filter_map(step_of)
            .min_by_key(|s| s.number)?;
        let names: Vec<String> = factors
            .iter()
            .filter(|f| wanted(f) && step_of(f).is_some_and(|s| s.id == step.id))
            .map(|f| format!("‘{}’", f.name))
            .collect();
        Some((step, names))
    };
    // "het zorgpunt ‘A’" / "de zorgpunten ‘A’, ‘B’".
    // "het zorgpunt ‘A’" / "de zorgpunten ‘A’, ‘B’", with the Dutch verb
    // that agrees with it ("hoort" / "horen").
    let concerns_of = |names: &[String]| {
        let list = lang.listing(names);
        match names.len() {
            1 => (
                lang.pick(
                    format!("het zorgpunt {list}"),
                    format!("the concern {list}"),
                ),
                "hoort",
            ),
            _ => (
                lang.pick(
                    format!("de zorgpunten {list}"),
                    format!("the concerns {list}"),
                ),
                "horen",
            ),
        }
    };
    let attention_of = |names: &[String]| {
        let list = lang.listing(names);
        match names.len() {
            1 => (
                lang.pick(
                    format!("het aandachtspunt {list}"),
                    format!("the point to watch {list}"),
                ),
                "hoort",
            ),
            _ => (
                lang.pick(
                    format!("de aandachtspunten {list}"),
                    format!("the points to watch {list}"),
                ),
                "horen",
            ),
        }
    };
    let here = |(what, verb): &(String, &str)| {
        lang.pick(
            format!("Bij deze stap {verb} {what}."),
            format!("This step covers {what}."),
        )
    };
    let early_strong = factors
        .iter()
        .filter(|f| !f.looking_ahead && f.answered)
        .filter(|f| step_of(f).is_some_and(|s| s.number <= 2))
        .all(|f| f.band == Some(Band::Strength));
    // Orienting, a later step waits until steps 1–2 are strong (§8.2: "Toch
    // leert de praktijk dat stap 2 vaak te licht wordt opgevat").
    let orienting_first = |step: &PlanStep,
                           (what, _): &(String, &str)|
     -> Option<(&PlanStep, String)> {
        if reading.given == Some(Stage::Orienting) && step.number > 2 && !early_strong {
            let two = by_number(2)?;
            Some((two, lang.pick(
                format!("Rond eerst de zoektocht naar partners af: deze stap wordt vaak te licht opgevat (§8.2). Spreek open over drijfveren, gelijkwaardigheid en belangen. Neem {what} later mee, bij de stap waar het hoort."),
                format!("First complete the search for partners: this step is often taken too lightly (§8.2). Talk openly about motives, equality and interests. Take up {what} later, at the step it belongs to."),
            )))
        } else {
            None
        }
    };
    let first = reading.given.map_or(1, Stage::first_step);
    // A red flag in concern at one partner is a concern for the plan too.
    let at_partner = flagged_at_a_partner(reasons);
    let concern =
        |f: &FactorResult| f.band == Some(Band::Concern) || at_partner.contains(&f.id.as_str());
    // When the verdict is below "promising" without a concern (the phase
    // indices decided), every point of attention counts.
    let low = level.rank() < VerdictLevel::Promising.rank();
    let attention = |f: &FactorResult| {
        f.band == Some(Band::Attention) && (low || f.favourability.is_some_and(|v| v < 50.0))
    };
    let red_concern = |f: &FactorResult| f.red_flag && concern(f);
    let weak = |f: &FactorResult| concern(f) || attention(f);
    let back_text = |step: &PlanStep, (list, verb): &(String, &str)| {
        if reading.running() && step.number == 2 {
            // Not "look for other partners": §8.2 is also the conversation
            // about the relationship itself.
            lang.pick(
                format!("Bij deze stap {verb} {list}. U hoeft geen nieuwe partners te zoeken: bij deze stap hoort ook het gesprek over de onderlinge verhouding. Ervaart men over en weer respect en vertrouwen (§8.2)? Voer dat gesprek eerst, voordat u verder bouwt (§8.3)."),
                format!("This step covers {list}. You need not look for new partners: this step also includes a conversation about the relationship itself. Is there mutual respect and trust (§8.2)? Have that conversation first, before building further (§8.3)."),
            )
        } else {
            lang.pick(
                format!("Bij deze stap {verb} {list}. U bent deze stap al voorbij, maar hij is nog niet af. Ga terug naar deze stap voordat u verder gaat; zo voorkomt u dat het proces later spaak loopt (§8.3)."),
                format!("This step covers {list}. You have moved past this step, but it is not complete. Go back to it before going further; that keeps the process from breaking down later (§8.3)."),
            )
        }
    };

    let (step, reason): (&PlanStep, String) = if level == VerdictLevel::NoReasonToStart {
        let step = by_number(1).or(instrument.plan_steps.first())?;
        (step, lang.pick(
            "Er is nu geen duidelijke reden om te starten. Begin bij de zelfanalyse: bepaal met bestuur en management of samenwerking nodig is, en hoe dringend (§8.1).".to_string(),
            "There is no clear reason to start now. Start with the self-assessment: decide with the executive board and senior management whether cooperation is needed, and how urgently (§8.1).".to_string(),
        ))
    } else if level == VerdictLevel::InsufficientInformation {
        let step = by_number(1).or(instrument.plan_steps.first())?;
        (step, lang.pick(
            "Er is nog te weinig bekend voor een oordeel. Begin bij de zelfanalyse: breng de kwaliteit, de kwetsbaarheid en de toekomst van uw eigen gemeente in beeld (§8.1).".to_string(),
            "Too little is known yet for a verdict. Start with the self-assessment: map the quality, vulnerability and future of your own municipality (§8.1).".to_string(),
        ))
    } else if reading.running() {
        if let Some((step, names)) = earliest(&red_concern) {
            let what = concerns_of(&names);
            let back = (step.number < first).then(|| back_text(step, &what));
            (step, back.unwrap_or_else(|| here(&what)))
        } else if let Some((_, names)) = earliest(&weak) {
            let list = lang.listing(&names);
            let step = by_number(5).or(instrument.plan_steps.last())?;
            (step, lang.pick(
                format!("De samenwerking draait. Pak {list} op waar het speelt: in het overleg tussen de partners of, bij raadszaken, in de eigen gemeente met de fracties. Houd de vinger aan de pols (§8.5)."),
                format!("The partnership is running. Address {list} where it arises: in the partners’ meetings or, for council matters, in your own municipality with the council groups. Keep a close eye on it (§8.5)."),
            ))
        } else {
            let step = by_number(6).or(instrument.plan_steps.last())?;
            (step, lang.pick(
                "De samenwerking draait en er zijn geen zorgpunten: evalueer tegen de nulmeting (§8.6).".to_string(),
                "The partnership is running and there are no concerns: evaluate against the baseline measurement (§8.6).".to_string(),
            ))
        }
    } else if let Some((step, names)) = earliest(&concern) {
        let what = concerns_of(&names);
        orienting_first(step, &what).unwrap_or_else(|| {
            let back = (step.number < first).then(|| back_text(step, &what));
            (step, back.unwrap_or_else(|| here(&what)))
        })
    } else if let Some(step) = form_poor.then(|| by_number(3)).flatten() {
        (step, lang.pick(
            "De gekozen vorm past nu niet goed bij de antwoorden. Kies de vorm opnieuw, op basis van de doelen en de relatie tussen de partners (§7.4, §8.3).".to_string(),
            "The chosen form does not fit the answers well now. Choose the form again, based on the goals and the relationship between the partners (§7.4, §8.3).".to_string(),
        ))
    } else if let Some((step, names)) = earliest(&attention) {
        let what = attention_of(&names);
        orienting_first(step, &what).unwrap_or_else(|| {
            let back = (step.number < first).then(|| {
                lang.pick(
                    format!("Bij deze stap {} {}. U bent deze stap al voorbij: kijk er opnieuw naar voordat u verder gaat (§8.3).", what.1, what.0),
                    format!("This step covers {}. You are past this step: look at it again before going further (§8.3).", what.0),
                )
            });
            (step, back.unwrap_or_else(|| here(&what)))
        })
    } else {
        let (id, nl, en) = match reading.given {
            Some(Stage::Preparing) => ("inrichting", "In de randvoorwaarden en het proces zijn geen zorgpunten. Is het definitieve besluit nog niet genomen, rond dan eerst de besluitvorming af: de business case (§8.3), het advies van de ondernemingsraden (WOR, artikel 25), de formele stap van de raden bij de gekozen vorm en dan het definitieve besluit. Richt daarna de samenwerking in (§8.4).", "There are no concerns in the preconditions and the process. If the final decision has not been taken yet, first complete the decision-making: the business case (§8.3), the works councils’ advice (Works Councils Act, article 25), the councils’ formal step for the chosen form, and then the final decision. After that, set up the partnership (§8.4)."),
            Some(Stage::Orienting) if !early_strong => ("partners-zoeken", "In de randvoorwaarden en het proces zijn geen zorgpunten. Neem de zoektocht naar partners serieus: spreek open over drijfveren, gelijkwaardigheid en belangen. Deze stap wordt vaak te licht opgevat (§8.2).", "There are no concerns in the preconditions and the process. Take the search for partners seriously: talk openly about motives, equality and interests. This step is often taken too lightly (§8.2)."),
            _ => ("visie-en-doelen", "In de randvoorwaarden en het proces zijn geen zorgpunten: zet visie en doelen op papier, meetbaar, zodat u later kunt evalueren (§8.3).", "There are no concerns in the preconditions and the process: set down a vision and measurable goals, so you can evaluate later (§8.3)."),
        };
        let step = instrument.plan_step(id).or(instrument.plan_steps.first())?;
        (step, lang.pick(nl, en).to_string())
    };
    Some(NextStep {
        id: step.id.clone(),
        number: step.number,
        name: step.name.get(lang).to_string(),
        description: step.description.get(lang).to_string(),
        reason,
        going_back: step.number < first,
    })
}

/// Whether the intended form suits the answers (§4.4, §7.4: form follows
/// content and relationship; far-reaching forms need trust and capacity; a network
/// saves little; a centrumgemeente leans on one strong partner).
pub(crate) fn form_fit(
    instrument: &Instrument,
    factors: &[FactorResult],
    context: &Context,
    readiness: Option<f64>,
    reading: Reading,
    partners: &[PartnerFlag],
    lang: Lang,
) -> Option<FormFit> {
    let form = instrument.form(context.form.as_deref()?)?;
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
    // Without a kind, the lightest form stands for coordination (§7.1).
    let kind = form.kind;
    let network = kind == Some(FormKind::Afstemming) || (kind.is_none() && form.heaviness == 1);
    let wants_savings = context
        .motives
        .iter()
        .any(|x| x == "kosten" || x == "kwetsbaarheid");
    let delivery = context
        .goals
        .iter()
        .any(|g| g.starts_with("bedrijfsvoering"));
    let policy_only = !context.goals.is_empty()
        && !delivery
        && context.goals.iter().any(|g| g == "beleidsafstemming");

    if heavy {
        // Before the start the last phase is an expectation.
        let ahead = |id: &str| factors.iter().any(|f| f.id == id && f.looking_ahead);
        let n = name(ids::COMPLEXITY);
        if band(ids::COMPLEXITY).is_some_and(|b| b != Band::Strength) {
            notes.push((Fit::Caution, match (ahead(ids::COMPLEXITY), band(ids::COMPLEXITY)) {
                (true, _) => lang.pick(
                    format!("U verwacht dat ‘{n}’ een knelpunt wordt. Houd het model eenvoudig en regel de inrichting goed voordat u start (§8.4). Gemeenten bouwen samenwerking vaak stap voor stap op (§4.4)."),
                    format!("You expect ‘{n}’ to become a bottleneck. Keep the model simple and set it up well before you start (§8.4). Municipalities often build up cooperation step by step (§4.4)."),
                ),
                (false, Some(Band::Concern)) => lang.pick(
                    format!("‘{n}’ is een zorgpunt. Een zware vorm maakt dat niet kleiner: maak het model eenvoudiger waar dat kan, en stel de afspraken bij (§8.5)."),
                    format!("‘{n}’ is a concern. A far-reaching form will not reduce it: simplify the model where possible, and adjust the agreements (§8.5)."),
                ),
                _ => lang.pick(
                    format!("‘{n}’ is geen sterk punt. Houd het model zo eenvoudig als de doelen toelaten en stel het bij waar nodig (§8.5)."),
                    format!("‘{n}’ is not a strong point. Keep the model as simple as the goals allow and adjust it where needed (§8.5)."),
                ),
            }));
        }
        let n = name(ids::WORKLOAD);
        if band(ids::WORKLOAD).is_some_and(|b| b != Band::Strength) {
            notes.push((Fit::Caution, if reading.running() {
                lang.pick(
                    format!("‘{n}’ vraagt aandacht. Een zware vorm vraagt blijvend capaciteit: houd de werkdruk in het overleg tussen de partners op de agenda."),
                    format!("‘{n}’ needs attention. A far-reaching form keeps needing capacity: keep the workload on the agenda of the partners’ meetings."),
                )
            } else {
                lang.pick(
                    format!("Een zware vorm vraagt eerst veel extra werk, en u verwacht ‘{n}’ als knelpunt. Plan de capaciteit voor de inrichting apart, met goede procesregie (§8.4)."),
                    format!("A far-reaching form first takes a lot of extra work, and you expect ‘{n}’ to be a bottleneck. Plan the capacity for setting it up separately, with sound process coordination (§8.4)."),
                )
            }));
        }
        // §7.4: structure follows strategy *and* relationship. A red flag on
        // trust in concern: the relationship cannot carry a far-reaching form yet.
        // Trust in concern in the whole group or at one partner.
        let at_partner = |id: &str| partners.iter().any(|p| p.factor == id);
        let distrust = band(ids::TRUST) == Some(Band::Concern)
            || band(ids::DISTRUST) == Some(Band::Concern)
            || at_partner(ids::TRUST)
            || at_partner(ids::DISTRUST);
        if distrust {
            notes.push((Fit::Poor, if reading.running() {
                lang.pick(
                    "Een zware vorm vraagt veel onderling vertrouwen, en vertrouwen is nu een zorgpunt. De vorm volgt de inhoud én de relatie (§7.4): werk eerst aan het vertrouwen over en weer, en bespreek daarna of de vorm nog past (§7.5).".to_string(),
                    "A far-reaching form needs a lot of mutual trust, and trust is now a concern. Form follows content and relationship (§7.4): first work on mutual trust, then discuss whether the form still fits (§7.5).".to_string(),
                )
            } else {
                lang.pick(
                    "Een zware vorm vraagt veel onderling vertrouwen, en vertrouwen is nu een zorgpunt. De vorm volgt de inhoud én de relatie (§7.4): werk eerst aan het vertrouwen over en weer, en kies daarna de vorm.".to_string(),
                    "A far-reaching form needs a lot of mutual trust, and trust is now a concern. Form follows content and relationship (§7.4): first work on mutual trust, then choose the form.".to_string(),
                )
            }));
        } else if band(ids::TRUST).is_some_and(|b| b != Band::Strength) {
            notes.push((Fit::Caution, lang.pick(
                "Een zware vorm vraagt veel onderling vertrouwen, en dat is nog niet sterk. De vorm volgt de inhoud én de relatie (§7.4).".to_string(),
                "A far-reaching form needs a lot of mutual trust, which is not yet strong. Form follows content and relationship (§7.4).".to_string(),
            )));
        }
        if readiness.is_some_and(|r| r < PROMISING.0) {
            notes.push((
                Fit::Caution,
                lang.pick(
                    "De kracht is nog laag voor zo’n vergaande vorm.".to_string(),
                    "Strength is still low for such a far-reaching form.".to_string(),
                ),
            ));
        }
    }
    if network {
        if wants_savings || delivery {
            notes.push((Fit::Caution, lang.pick(
                "U wilt kosten besparen, kwetsbaarheid verminderen of taken samen uitvoeren. Samenwerken zonder vaste afspraken is daar geen oplossing voor: de besparing is zeer beperkt en de kwetsbaarheid blijft (§4.3.1).".to_string(),
                "You want to save costs, reduce vulnerability or carry out tasks together. Cooperation without firm agreements does not solve that: the savings are very limited and the vulnerability remains (§4.3.1).".to_string(),
            )));
        }
        if band(ids::NONCOMMITTAL) == Some(Band::Concern) {
            notes.push((Fit::Caution, lang.pick(
                format!("‘{}’ is een zorgpunt; zonder vaste afspraken wordt dat nog groter. Een zwaardere vorm is minder vrijblijvend (§4.3.1).", name(ids::NONCOMMITTAL)),
                format!("‘{}’ is a concern; without firm agreements it will only get worse. A more far-reaching form leaves less room for a lack of commitment (§4.3.1).", name(ids::NONCOMMITTAL)),
            )));
        }
        let short_term = instrument
            .urgency(context.urgency.as_deref())
            .is_some_and(|u| u.level == 1);
        if short_term {
            notes.push((Fit::Caution, lang.pick(
                "Versterking is op korte termijn nodig, maar afstemming zonder vaste afspraken is de lichtste vorm. Past dat bij de urgentie?".to_string(),
                "Your municipality needs strengthening in the short term, but coordination without firm agreements is the lightest form. Does that match the urgency?".to_string(),
            )));
        }
    }
    let ratio = size_ratio(context);
    if kind == Some(FormKind::Centrumgemeente) {
        match ratio {
            Some(r) if r >= crate::signals::LARGE_SIZE_RATIO => notes.push((Fit::Good, lang.pick(
                "Eén partner is veel groter dan de andere. Dat past bij een centrumgemeente: de andere gemeenten gebruiken de sterke punten van die partner (§4.2.3, §4.3.1).".to_string(),
                "One partner is much larger than the others. That suits a lead municipality (centrumgemeente): the other municipalities use that partner’s strengths (§4.2.3, §4.3.1).".to_string(),
            ))),
            Some(r) if r <= crate::signals::COMPARABLE_SIZE_RATIO => notes.push((Fit::Caution, lang.pick(
                "Bij een centrumgemeente voert één gemeente, meestal de grootste, de taken uit voor de andere (§4.2.3). Uw partners zijn ongeveer even groot: spreek af welke gemeente de taken uitvoert en waarom juist zij.".to_string(),
                "In a lead-municipality arrangement one municipality, usually the largest, carries out the tasks for the others (§4.2.3). Your partners are about the same size: agree which municipality carries out the tasks and why that one.".to_string(),
            ))),
            _ => {}
        }
    }
    if matches!(kind, Some(FormKind::Contract | FormKind::Centrumgemeente)) && wants_savings {
        notes.push((Fit::Good, lang.pick(
            "Deze vorm is bedoeld voor schaalvoordelen en minder kwetsbaarheid, terwijl elke gemeente zelf blijft sturen (§7.2, §4.3.1). Dat past bij uw motieven.".to_string(),
            "This form is meant for economies of scale and less vulnerability, while each municipality retains control (§7.2, §4.3.1). That suits your motives.".to_string(),
        )));
    }
    if kind == Some(FormKind::GemeenschappelijkOrgaan) && delivery {
        notes.push((Fit::Caution, lang.pick(
            "Een gemeenschappelijk orgaan is geen rechtspersoon: het kan geen personeel in dienst nemen en geen organisatie beheren. Het gaat meestal over afstemming van beleid (§7.3). Voor samen uitvoeren past een andere vorm beter.".to_string(),
            "A joint committee (gemeenschappelijk orgaan) has no legal personality: it cannot employ staff or manage an organisation. It is usually about aligning policy (§7.3). For carrying out tasks together another form fits better.".to_string(),
        )));
    }
    if policy_only && context.motives.iter().any(|x| x == "kosten") {
        notes.push((Fit::Caution, lang.pick(
            "U wilt vooral beleid afstemmen en ook kosten besparen. Bij beleidsafstemming worden slagvaardigheid en kosten en baten meestal negatief beoordeeld, bij uitvoeringstaken positief (§4.3.1). Verwacht van afstemming van beleid dus weinig besparing.".to_string(),
            "You mainly want to align policy and also save costs. For policy alignment, decisiveness and the balance of costs and benefits are usually rated negatively; for delivery tasks, positively (§4.3.1). So expect few savings from aligning policy.".to_string(),
        )));
    }
    let fit = notes
        .iter()
        .map(|(f, _)| *f)
        .max_by_key(|f| match f {
            Fit::Good => 0,
            Fit::Caution => 1,
            Fit::Poor => 2,
        })
        .unwrap_or(Fit::Good);
    // The notes that set the fit first, then the ones that support the form.
    notes.sort_by_key(|(f, _)| match f {
        Fit::Poor => 0,
        Fit::Caution => 1,
        Fit::Good => 2,
    });
    let mut texts: Vec<String> = notes.into_iter().map(|(_, t)| t).collect();
    if texts.is_empty() {
        texts.push(lang.pick(
            "De gekozen vorm past bij de antwoorden: er zijn geen signalen dat hij te zwaar of te licht is.".to_string(),
            "The chosen form fits the answers: there are no signs that it is too far-reaching or too loose.".to_string(),
        ));
    }
    Some(FormFit {
        form: form.id.clone(),
        label: form.label.get(lang).to_string(),
        heaviness: form.heaviness,
        fit,
        notes: texts,
        procedure: if reading.before_start() {
            procedure(kind, lang)
        } else {
            Vec::new()
        },
    })
}

/// The formal steps of a form (Dutch law, not the quickscan): the council's
/// view and consent for a gemeenschappelijke regeling (Wgr art. 1), the
/// council's wishes and reservations before a contract with far-reaching
/// consequences (Gemeentewet art. 169 lid 4), the works councils' right to
/// advise on a lasting cooperation (WOR art. 25), which in a municipality
/// covers the consequences for staff (WOR art. 46d), and the statutory
/// procedure of a municipal merger (Wet arhi).
fn procedure(kind: Option<FormKind>, lang: Lang) -> Vec<String> {
    let Some(kind) = kind else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if kind.is_regeling() {
        out.push(lang.pick(
            "Deze vorm wordt meestal een gemeenschappelijke regeling. De colleges sturen het ontwerp naar de raden. Die kunnen binnen acht weken hun zienswijze geven. Daarna is de toestemming van elke gemeenteraad nodig; die mag alleen worden geweigerd als de regeling in strijd is met het recht of het algemeen belang (Wgr, artikel 1). De zienswijze is dus het moment waarop de raad echt invloed heeft. Doet de raad zelf mee in de regeling, dan besluit hij zelf.",
            "This form is usually a joint arrangement (gemeenschappelijke regeling). The executive boards send the draft to the councils, which may give their views within eight weeks. After that the consent of every council is needed; it may only be refused if the arrangement is contrary to the law or the public interest (Wgr, article 1). Giving its view is therefore the point at which the council has real influence. If the council itself takes part in the arrangement, it decides itself.",
        ).to_string());
    }
    if kind == FormKind::Contract {
        out.push(lang.pick(
            "Heeft het contract grote gevolgen voor de gemeente, dan krijgt de raad eerst de kans om zijn wensen en bedenkingen te geven. Pas daarna besluit het college (Gemeentewet, artikel 169 lid 4).",
            "If the contract has far-reaching consequences for the municipality, the council first gets the chance to give its wishes and reservations. Only then does the executive board decide (Municipalities Act, article 169(4)).",
        ).to_string());
    }
    if kind != FormKind::Afstemming {
        out.push(lang.pick(
            "Vraag de ondernemingsraden om advies over het voorgenomen besluit, op een moment dat hun advies nog van wezenlijke invloed kan zijn: zij hebben adviesrecht bij een blijvende samenwerking (WOR, artikel 25). In een gemeente gaat dat advies over de gevolgen voor de medewerkers, niet over het politieke besluit zelf (WOR, artikel 46d).",
            "Ask the works councils for advice on the proposed decision, at a time when their advice can still substantially influence it: they have a right of advice on a lasting partnership (Works Councils Act, article 25). In a municipality that advice is about the consequences for staff, not about the political decision itself (Works Councils Act, article 46d).",
        ).to_string());
    }
    if kind == FormKind::BestuurlijkeFusie {
        out.push(lang.pick(
            "Een bestuurlijke fusie is een herindeling. De raden zetten de eerste stap: zij stellen een herindelingsontwerp vast, dat acht weken ter inzage ligt, en daarna een herindelingsadvies. De wetgever beslist over de fusie zelf (Wet algemene regels herindeling).",
            "A municipal merger is a statutory reorganisation (herindeling). The councils take the first step: they adopt a draft reorganisation plan (herindelingsontwerp), which is available for public inspection for eight weeks, and then a final reorganisation proposal (herindelingsadvies). Parliament decides on the merger itself (Wet algemene regels herindeling).",
        ).to_string());
    }
    out
}
