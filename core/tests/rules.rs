//! One test (or a few) for every rule of the core, each from answers built
//! for the purpose. Statement counts, weights and texts come from the
//! built-in instrument, never from this file.

mod common;

use common::*;
use samenwerkingsscan::thresholds::*;
use samenwerkingsscan::Lang;
use samenwerkingsscan::{
    aggregate, compare, evaluate, Answers, Band, Combine, Consensus, Fit, GroupOptions,
    GroupReport, Instrument, Polarity, Response, Role, VerdictLevel,
};
use serde_json::{json, Value};

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

// ---------------------------------------------------------------------------
// Base levels
// ---------------------------------------------------------------------------

#[test]
fn base_ready_when_readiness_high_and_risk_low() {
    let report = Scan::uniform(4, 2).report();
    assert_eq!(report.readiness, Some(75.0));
    assert_eq!(report.risk, Some(25.0));
    assert_level(&report, Ready);
    assert_eq!(rules(&report), ["base"]);
    assert_eq!(report.verdict.label, "Klaar om te starten");
    assert!(!report.verdict.summary.is_empty());
}

#[test]
fn base_promising_when_risk_is_moderate() {
    // Hindrances "neutraal": risk 50, exactly the edge of PROMISING.
    let report = Scan::uniform(4, 3).report();
    assert_eq!(report.risk, Some(PROMISING.1));
    assert_level(&report, Promising);
    assert_eq!(rules(&report), ["base"]);
    assert_eq!(report.verdict.label, "Kansrijk, met aandachtspunten");
}

#[test]
fn base_preconditions_first_when_readiness_is_middling() {
    let report = Scan::uniform(3, 2).report();
    let readiness = report.readiness.unwrap();
    assert!((NOT_READY.0..PROMISING.0).contains(&readiness));
    assert_level(&report, PreconditionsFirst);
    assert!(reason(&report, "base").text.contains("te smal"));
    assert_eq!(report.verdict.label, "Eerst de basis versterken");
}

#[test]
fn base_not_ready_when_readiness_is_low() {
    // Red flags answered favourably so that no veto is involved.
    let mut scan = Scan::uniform(1, 1);
    for flag in red_flags() {
        scan = scan.favourability(&flag.id, 100);
    }
    let report = scan.report();
    assert!(
        report.readiness.unwrap() < NOT_READY.0,
        "{:?}",
        report.readiness
    );
    assert_level(&report, NotReady);
    assert!(rules(&report).iter().all(|r| !r.starts_with("veto")));
    reason(&report, "base");
    assert_eq!(report.verdict.label, "Niet gereed");
}

#[test]
fn base_not_ready_when_risk_is_high() {
    let mut scan = Scan::uniform(5, 5);
    for flag in red_flags() {
        scan = scan.favourability(&flag.id, 100);
    }
    let report = scan.report();
    assert!(report.risk.unwrap() > NOT_READY.1, "{:?}", report.risk);
    assert_level(&report, NotReady);
    assert!(rules(&report).iter().all(|r| !r.starts_with("veto")));
}

#[test]
fn the_base_reading_comes_last_and_reasons_are_in_english_on_request() {
    let trust = red_flags().into_iter().find(|f| !is_necessity(f)).unwrap();
    let scan = Scan::favourable().favourability(&trust.id, 25);
    let report = scan.report();
    assert_eq!(rules(&report).last(), Some(&"base"));
    assert!(rules(&report).len() >= 2);
    let english = evaluate(instrument(), &scan.answers, Lang::En);
    assert_eq!(english.verdict.label, "Strengthen the foundation first");
    assert!(reason(&english, "veto").text.starts_with("Red flag"));
    assert_eq!(english.lang, Lang::En);
}

// ---------------------------------------------------------------------------
// Information
// ---------------------------------------------------------------------------

#[test]
fn nothing_answered_is_insufficient_information() {
    let report = Scan::new().report();
    assert_level(&report, InsufficientInformation);
    assert_eq!(report.readiness, None);
    assert_eq!(report.risk, None);
    reason(&report, "coverage-low");
    // The look ahead is no gap before the start.
    let required = instrument()
        .factors
        .iter()
        .filter(|f| required_phase(&f.phase))
        .count();
    assert_eq!(report.gaps.len(), required);
    assert_eq!(report.verdict.label, "Onvoldoende informatie");
    // With too little known, the next step is the self-analysis (§8.1).
    assert_eq!(report.next_step.unwrap().number, 1);
}

#[test]
fn coverage_low_fires_just_below_the_minimum() {
    let n = statement_ids().len();
    let needed = (n as f64 * MIN_COVERAGE).ceil() as usize;
    // Exactly enough answered: a verdict.
    let enough = eval(&favourable_except(n - needed, None));
    assert!(enough.coverage.ratio >= MIN_COVERAGE);
    assert!(
        !rules(&enough).contains(&"coverage-low"),
        "{:?}",
        rules(&enough)
    );
    assert_ne!(enough.verdict.level, InsufficientInformation);
    // One fewer: no verdict.
    let short = eval(&favourable_except(n - needed + 1, None));
    assert!(short.coverage.ratio < MIN_COVERAGE);
    assert_level(&short, InsufficientInformation);
    let text = &reason(&short, "coverage-low").text;
    assert!(
        text.contains(&format!("{} van de {n}", needed - 1)),
        "{text}"
    );
}

#[test]
fn many_unknown_informs_from_a_quarter_but_does_not_block_on_its_own() {
    let n = statement_ids().len();
    let many = (n as f64 * MANY_UNKNOWN).ceil() as usize;
    let report = eval(&favourable_except(many, Some(Response::Unknown)));
    assert_eq!(report.coverage.unknown, many);
    assert!(report.coverage.ratio >= MIN_COVERAGE);
    let text = &reason(&report, "many-unknown").text;
    assert!(text.contains(&many.to_string()));
    assert_ne!(report.verdict.level, InsufficientInformation);

    let fewer = eval(&favourable_except(many - 1, Some(Response::Unknown)));
    assert!(!rules(&fewer).contains(&"many-unknown"));

    // Half "weet niet": both information rules, and no verdict.
    let half = eval(&favourable_except(n / 2, Some(Response::Unknown)));
    assert!(rules(&half).contains(&"many-unknown"));
    assert!(rules(&half).contains(&"coverage-low"));
    assert_level(&half, InsufficientInformation);
}

#[test]
fn phase_coverage_low_blocks_when_one_phase_is_left_open() {
    let instrument = instrument();
    // The phase with the fewest statements, left unanswered entirely.
    let phase = instrument
        .phases
        .iter()
        .min_by_key(|p| {
            instrument
                .statements()
                .filter(|(f, _)| f.phase == p.id)
                .count()
        })
        .unwrap();
    let report = Scan::favourable().phase_missing(&phase.id).report();
    assert!(
        report.coverage.ratio >= MIN_COVERAGE,
        "test assumption: the smallest phase holds at most 40% of the statements"
    );
    let text = &reason(&report, "phase-coverage-low").text;
    assert!(text.contains(
        &report
            .phases
            .iter()
            .find(|p| p.id == phase.id)
            .unwrap()
            .name
    ));
    assert!(!rules(&report).contains(&"coverage-low"));
    assert_level(&report, InsufficientInformation);
}

// ---------------------------------------------------------------------------
// Vetoes
// ---------------------------------------------------------------------------

/// Red flags other than necessity (a necessity concern before the start is
/// "no reason to start", tested below).
fn vetoing_flags() -> Vec<&'static samenwerkingsscan::Factor> {
    red_flags()
        .into_iter()
        .filter(|f| !is_necessity(f))
        .collect()
}

#[test]
fn one_weak_red_flag_is_a_veto_on_a_positive_verdict() {
    for flag in vetoing_flags() {
        let report = Scan::favourable().favourability(&flag.id, 25).report();
        assert_level(&report, PreconditionsFirst);
        let veto = reason(&report, "veto");
        assert_eq!(veto.factors, std::slice::from_ref(&flag.id));
        assert!(!rules(&report).contains(&"veto-severe"));
        // The averages alone would have said "ready".
        assert!(report.readiness.unwrap() >= READY.0 || report.risk.unwrap() <= READY.1);
    }
    // Running: the same red flag means steering is needed.
    let running = Scan::favourable()
        .stage("operating")
        .favourability(&vetoing_flags()[0].id, 25)
        .report();
    assert_level(&running, NeedsSteering);
    assert_eq!(running.verdict.label, "Bijsturen nodig");
}

#[test]
fn a_red_flag_at_its_worst_is_a_severe_veto() {
    for flag in vetoing_flags() {
        let report = Scan::favourable().favourability(&flag.id, 0).report();
        assert_level(&report, NotReady);
        let veto = reason(&report, "veto-severe");
        assert_eq!(veto.factors, std::slice::from_ref(&flag.id));
        assert!(report
            .factors
            .iter()
            .find(|f| f.id == flag.id)
            .unwrap()
            .favourability
            .is_some_and(|v| v <= SEVERE_VETO_UPTO));
    }
}

#[test]
fn two_weak_red_flags_of_different_preconditions_are_a_severe_veto() {
    let flags = vetoing_flags();
    let (a, b) = flags
        .iter()
        .flat_map(|a| flags.iter().map(move |b| (a, b)))
        .find(|(a, b)| a.precondition != b.precondition)
        .expect("red flags of two preconditions");
    let report = Scan::favourable()
        .favourability(&a.id, 25)
        .favourability(&b.id, 25)
        .report();
    assert_level(&report, NotReady);
    let veto = reason(&report, "veto-severe");
    assert_eq!(veto.factors.len(), 2);
}

#[test]
fn two_red_flags_of_one_precondition_are_one_problem() {
    // Trust is measured by a promoting and a hindering red flag: both weak is
    // still one underlying problem, not two.
    let trust: Vec<_> = red_flags()
        .into_iter()
        .filter(|f| f.precondition == Some(samenwerkingsscan::Precondition::Vertrouwen))
        .collect();
    assert_eq!(trust.len(), 2);
    let report = Scan::favourable()
        .favourability(&trust[0].id, 25)
        .favourability(&trust[1].id, 25)
        .report();
    assert_level(&report, PreconditionsFirst);
    assert_eq!(reason(&report, "veto").factors.len(), 2);
}

#[test]
fn timing_risks_and_others_motives_are_no_veto() {
    for id in [
        "instabiele-politiek-bestuurlijke-omgeving",
        "persoonlijke-belangen-prevaleren",
    ] {
        assert!(!factor(id).red_flag, "{id}");
        let report = Scan::favourable().favourability(id, 0).report();
        // Named and capped like any concern (in the first phase, §5 looks
        // at it first), but never a veto that says "not ready".
        let expected = if factor(id).phase == first_phase() {
            PreconditionsFirst
        } else {
            Promising
        };
        assert_level(&report, expected);
        assert!(rules(&report).iter().all(|r| !r.starts_with("veto")));
    }
}

#[test]
fn each_precondition_of_section_5_has_a_red_flag() {
    use samenwerkingsscan::Precondition::*;
    for p in [Noodzaak, Vertrouwen, Tijd] {
        assert!(
            red_flags().iter().any(|f| f.precondition == Some(p)),
            "{p:?}"
        );
    }
}

#[test]
fn one_firm_answer_on_a_worst_combined_red_flag_is_enough() {
    // 'Lijken in de kast': one statement firmly agreed, the others firmly
    // disagreed. A mean would dilute it; the factor takes the worst.
    let f = factor(DISTRUST);
    assert_eq!(f.combine, samenwerkingsscan::Combine::Worst);
    let report = Scan::favourable()
        .response(&f.statements[0].id, Response::Scale(5))
        .report();
    let result = report.factors.iter().find(|r| r.id == DISTRUST).unwrap();
    assert_eq!(result.band, Some(Band::Concern));
    assert_level(&report, NotReady);
}

#[test]
fn support_missing_is_not_averaged_away_by_its_opposite() {
    // 'Focus op of gebrek aan draagvlak': no support (5) and no endless
    // consensus-seeking (1) average to 50; support is clearly missing.
    let id = "focus-op-of-gebrek-aan-draagvlak";
    let f = factor(id);
    let report = Scan::favourable()
        .response(&f.statements[0].id, Response::Scale(5))
        .response(&f.statements[1].id, Response::Scale(1))
        .report();
    let result = report.factors.iter().find(|r| r.id == id).unwrap();
    assert_eq!(result.band, Some(Band::Concern));
}

#[test]
fn a_veto_overrides_insufficient_information() {
    // Far too little answered, but what was answered is a red flag at its
    // worst: the veto is not hidden behind "onvoldoende informatie".
    let flag = vetoing_flags()[0];
    let other = ordinary()
        .into_iter()
        .find(|f| f.polarity != flag.polarity && required_phase(&f.phase))
        .unwrap();
    let report = Scan::new()
        .favourability(&flag.id, 0)
        .favourability(&other.id, 100)
        .report();
    assert!(report.coverage.ratio < MIN_COVERAGE);
    assert!(rules(&report).contains(&"coverage-low"));
    assert!(rules(&report).contains(&"veto-severe"));
    assert_level(&report, NotReady);

    // A single weak red flag among favourable answers of its own polarity.
    let mild = Scan::new()
        .all(flag.polarity, value_for(flag.polarity, 100))
        .favourability(&flag.id, 25)
        .favourability(&other.id, 100)
        .report();
    assert!(mild.coverage.ratio < MIN_COVERAGE);
    assert!(rules(&mild).contains(&"coverage-low"));
    assert!(rules(&mild).contains(&"veto"));
    assert_level(&mild, PreconditionsFirst);

    // Without a veto the same coverage gives no verdict.
    let none = Scan::new()
        .favourability(&flag.id, 100)
        .favourability(&other.id, 100)
        .report();
    assert_level(&none, InsufficientInformation);
}

#[test]
fn a_veto_overrides_insufficient_information_with_one_polarity_answered() {
    for flag in vetoing_flags() {
        let report = Scan::new().favourability(&flag.id, 0).report();
        assert!(rules(&report).contains(&"veto-severe"));
        assert_level(&report, NotReady);
    }
    // Necessity at its worst: no reason to start, even with little answered.
    let necessity = Scan::new().favourability(NECESSITY, 0).report();
    assert_level(&necessity, NoReasonToStart);
}

#[test]
fn distrust_lijken_in_de_kast_is_a_red_flag() {
    // The issue names it explicitly; agreeing with the hindrance is the worst answer.
    assert!(factor(DISTRUST).red_flag);
    assert_eq!(factor(DISTRUST).polarity, Polarity::Hindering);
    assert!(factor(NECESSITY).red_flag);
    let report = Scan::favourable().factor(DISTRUST, 5).report();
    assert_level(&report, NotReady);
    assert_eq!(reason(&report, "veto-severe").factors, [DISTRUST]);
}

// ---------------------------------------------------------------------------
// Preconditions, concerns, unanswered red flags
// ---------------------------------------------------------------------------

#[test]
fn a_concern_in_the_preconditions_phase_caps_at_preconditions_first() {
    let weak = ordinary()
        .into_iter()
        .find(|f| f.phase == first_phase())
        .expect("an ordinary factor in the first phase");
    let report = Scan::favourable().favourability(&weak.id, 0).report();
    assert_level(&report, PreconditionsFirst);
    let rule = reason(&report, "preconditions");
    assert_eq!(rule.factors, std::slice::from_ref(&weak.id));
    assert!(rule.text.contains("(zorgpunt: "), "{}", rule.text);
    // Capped below "ready": the concerns rule still names the factor, without capping.
    assert_eq!(
        reason(&report, "concerns").factors,
        std::slice::from_ref(&weak.id)
    );
}

#[test]
fn low_readiness_of_the_preconditions_phase_caps_without_a_concern() {
    // Promoting factors of the first phase "neutraal": attention, not concern.
    let mut scan = Scan::favourable();
    for f in instrument()
        .factors
        .iter()
        .filter(|f| f.phase == first_phase() && f.polarity == Polarity::Promoting)
    {
        scan = scan.favourability(&f.id, 50);
    }
    let report = scan.report();
    assert!(report.phases[0].readiness.unwrap() < PRECONDITIONS.0);
    assert_level(&report, PreconditionsFirst);
    let rule = reason(&report, "preconditions");
    assert!(rule.factors.is_empty());
    assert!(rule.text.contains("kracht 50"), "{}", rule.text);
}

#[test]
fn high_risk_in_the_preconditions_phase_caps_too() {
    // Hindrances of the first phase at a pooled 41.7: attention for each
    // factor (no concern, no veto), yet a phase risk above the limit. With
    // two statements per factor one respondent cannot make that; a group can.
    let respondents = [50, 50, 25].map(|v| {
        let mut scan = Scan::favourable();
        for f in instrument()
            .factors
            .iter()
            .filter(|f| f.phase == first_phase() && f.polarity == Polarity::Hindering)
        {
            scan = scan.favourability(&f.id, v);
        }
        scan.build()
    });
    let report = group(&respondents).report;
    assert!(report.phases[0].risk.unwrap() > PRECONDITIONS.1);
    assert!(report.factors.iter().all(|f| f.band != Some(Band::Concern)));
    assert_level(&report, PreconditionsFirst);
    assert!(reason(&report, "preconditions").factors.is_empty());
}

#[test]
fn a_concern_elsewhere_caps_ready_at_promising() {
    let weak = ordinary()
        .into_iter()
        .rev()
        .find(|f| f.phase != first_phase() && required_phase(&f.phase))
        .expect("an ordinary factor outside the first phase");
    let report = Scan::favourable().favourability(&weak.id, 0).report();
    assert_level(&report, Promising);
    assert_eq!(
        reason(&report, "concerns").factors,
        std::slice::from_ref(&weak.id)
    );
    assert_eq!(report.risks[0].id, weak.id);
    assert_eq!(report.risks[0].band, Some(Band::Concern));
}

#[test]
fn concerns_rule_names_the_concerns_when_the_level_is_already_lower() {
    let weak = ordinary()
        .into_iter()
        .find(|f| f.phase != first_phase() && f.polarity == Polarity::Promoting)
        .unwrap();
    let report = Scan::uniform(4, 3).favourability(&weak.id, 0).report();
    assert_level(&report, Promising);
    let rule = reason(&report, "concerns");
    assert_eq!(rule.factors, std::slice::from_ref(&weak.id));
    assert!(rule.text.ends_with("is een zorgpunt."), "{}", rule.text);
}

#[test]
fn an_unanswered_red_flag_blocks_ready() {
    for flag in red_flags() {
        for scan in [
            Scan::favourable().missing(&flag.id),
            Scan::favourable().unknown(&flag.id),
        ] {
            let report = scan.report();
            assert_level(&report, Promising);
            assert_eq!(
                reason(&report, "red-flag-unanswered").factors,
                std::slice::from_ref(&flag.id)
            );
            assert!(report.gaps.iter().any(|g| g.id == flag.id));
        }
    }
}

#[test]
fn everything_favourable_is_ready_with_strengths_and_no_advice() {
    let report = Scan::favourable().report();
    assert_level(&report, Ready);
    assert_eq!(report.readiness, Some(100.0));
    assert_eq!(report.risk, Some(0.0));
    assert_eq!(report.strengths.len(), 5);
    assert!(report.risks.is_empty());
    assert!(report.advice.is_empty());
    assert!(report.gaps.is_empty());
    assert!(report.notices.is_empty());
    assert_eq!(report.coverage.ratio, 1.0);
}

// ---------------------------------------------------------------------------
// Group caps
// ---------------------------------------------------------------------------

/// Three respondents per municipality (or role) who differ only on `factors`.
fn split_group(factors: &[&str], by_role: bool) -> Vec<Answers> {
    let mut out = Vec::new();
    for (side, favourability) in [(0, 100), (1, 0)] {
        for _ in 0..3 {
            let mut scan = Scan::favourable();
            for f in factors {
                scan = scan.favourability(f, favourability);
            }
            scan = if by_role {
                scan.role(if side == 0 {
                    Role::Bestuurder
                } else {
                    Role::Ambtenaar
                })
            } else {
                scan.municipality(if side == 0 { "Druten" } else { "Wijchen" })
            };
            out.push(scan.build());
        }
    }
    out
}

fn late_ordinary(n: usize) -> Vec<String> {
    ordinary()
        .into_iter()
        .filter(|f| f.phase != first_phase())
        .take(n)
        .map(|f| f.id.clone())
        .collect()
}

#[test]
fn a_gap_between_municipalities_is_named_without_capping_below_ready() {
    let id = &late_ordinary(1)[0];
    let report = group(&split_group(&[id], false));
    assert_eq!(report.municipality_gaps.len(), 1);
    let gap = &report.municipality_gaps[0];
    assert_eq!(&gap.factor, id);
    assert_eq!(gap.gap, 100.0);
    assert_eq!(gap.groups.len(), 2);
    assert_eq!(
        reason(&report.report, "gap-municipalities").factors,
        std::slice::from_ref(id)
    );
    assert_level(&report.report, Ready);
}

#[test]
fn a_gap_on_a_red_flag_caps_at_promising() {
    // One municipality strong on a red flag, the other in doubt (neutral):
    // a gap, but no concern on either side.
    let flag = &vetoing_flags()[0].id;
    let mut respondents = Vec::new();
    for (place, favourability) in [("Druten", 100), ("Wijchen", 50)] {
        for _ in 0..3 {
            let scan = Scan::favourable().favourability(flag, favourability);
            respondents.push(scan.municipality(place).build());
        }
    }
    let report = group(&respondents);
    assert!(report.municipality_gaps[0].red_flag);
    let gap = reason(&report.report, "gap-municipalities");
    assert!(gap.text.contains("Druten 100, Wijchen 50"), "{}", gap.text);
    assert_level(&report.report, Promising);
}

#[test]
fn the_weakest_partner_decides_on_a_red_flag() {
    // Issue 12: one municipality scores trust at about 31, the other at 85;
    // the mean of about 58 hides it. Trust must exist on both sides.
    let trust = TRUST;
    let mut respondents = Vec::new();
    for (place, values) in [("Druten", [25, 25, 50]), ("Wijchen", [75, 100, 75])] {
        for v in values {
            let scan = Scan::favourable().favourability(trust, v);
            respondents.push(scan.municipality(place).build());
        }
    }
    let report = group(&respondents);
    let pooled = report
        .report
        .factors
        .iter()
        .find(|f| f.id == trust)
        .unwrap();
    assert_ne!(pooled.band, Some(Band::Concern), "the mean alone hides it");
    let veto = reason(&report.report, "veto-partner");
    assert!(veto.text.contains("Druten"), "{}", veto.text);
    assert!(veto.text.contains("§8.2"), "{}", veto.text);
    assert_eq!(veto.factors, [trust]);
    assert_level(&report.report, PreconditionsFirst);

    // A municipality that disagrees with every promoting statement: its
    // red flags are concerns, so the group cannot be positive.
    let mut respondents = Vec::new();
    for place in ["Druten", "Wijchen"] {
        for _ in 0..3 {
            let scan = if place == "Druten" {
                Scan::favourable().all(Polarity::Promoting, 1)
            } else {
                Scan::favourable()
            };
            respondents.push(scan.municipality(place).build());
        }
    }
    let report = group(&respondents);
    assert!(report.report.verdict.level.rank() <= NotReady.rank());
    assert!(rules(&report.report).contains(&"veto-partner"));

    // Below the anonymity minimum a municipality is not named.
    let mut small = respondents.clone();
    small.truncate(2);
    small.extend(respondents[3..].iter().cloned());
    let report = group(&small);
    assert!(!rules(&report.report).contains(&"veto-partner"));
}

#[test]
fn three_gaps_between_municipalities_cap_at_promising() {
    let ids = late_ordinary(3);
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let report = group(&split_group(&refs, false));
    assert_eq!(report.municipality_gaps.len(), 3);
    assert_level(&report.report, Promising);
    let two = group(&split_group(&refs[..2], false));
    assert_level(&two.report, Ready);
}

#[test]
fn a_gap_below_the_threshold_is_no_gap() {
    let id = &late_ordinary(1)[0];
    let mut respondents = split_group(&[id], false);
    // The second municipality 75 instead of 0: a gap of 25 is exactly the threshold.
    for a in &mut respondents[3..] {
        *a = Scan { answers: a.clone() }.favourability(id, 75).build();
    }
    assert_eq!(group(&respondents).municipality_gaps.len(), 1);
    let options = GroupOptions {
        gap_threshold: 26.0,
        ..GroupOptions::default()
    };
    let report = aggregate(instrument(), &respondents, &options, Lang::Nl);
    assert!(report.municipality_gaps.is_empty());
    assert!(!rules(&report.report).contains(&"gap-municipalities"));
}

#[test]
fn a_gap_between_roles_is_named() {
    let id = &late_ordinary(1)[0];
    let report = group(&split_group(&[id], true));
    assert!(report.municipality_gaps.is_empty());
    assert_eq!(report.role_gaps.len(), 1);
    assert_eq!(
        reason(&report.report, "gap-roles").factors,
        std::slice::from_ref(id)
    );
    assert_level(&report.report, Ready);
    let keys: Vec<&str> = report.roles.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, ["ambtenaar", "bestuurder"]);
}

#[test]
fn gaps_need_subgroups_of_the_minimum_size() {
    let id = &late_ordinary(1)[0];
    let mut respondents = split_group(&[id], false);
    respondents.remove(0); // Druten now has two respondents
    let report = group(&respondents);
    assert!(report.municipality_gaps.is_empty());
    let druten = &report.municipalities[0];
    assert_eq!(
        (druten.key.as_str(), druten.n, druten.shown),
        ("druten", 2, false)
    );
}

// ---------------------------------------------------------------------------
// Form fit
// ---------------------------------------------------------------------------

#[test]
fn heavy_form_with_an_expected_complex_model_is_a_caution() {
    let report = Scan::favourable()
        .form(&heavy_form())
        .favourability(COMPLEXITY, 0)
        .report();
    let fit = report.form_fit.as_ref().unwrap();
    assert_eq!(fit.fit, Fit::Caution, "{:?}", fit.notes);
    assert_eq!(fit.notes.len(), 1);
    let name = &report
        .factors
        .iter()
        .find(|f| f.id == COMPLEXITY)
        .unwrap()
        .name;
    assert!(fit.notes[0].contains(name.as_str()));
    // Expected, not yet arranged: promising, not ready; the form is not
    // the reason.
    assert_level(&report, Promising);
    assert!(!rules(&report).contains(&"form-fit"));
}

#[test]
fn heavy_form_with_workload_is_a_caution_not_a_misfit() {
    for favourability in [0, 50] {
        let report = Scan::favourable()
            .form(&heavy_form())
            .favourability(WORKLOAD, favourability)
            .report();
        let fit = report.form_fit.unwrap();
        assert_eq!(fit.fit, Fit::Caution, "{:?}", fit.notes);
        assert_eq!(fit.notes.len(), 1);
        assert!(fit.notes[0].contains("§8.4"));
    }
}

#[test]
fn heavy_form_with_weak_trust_is_a_caution_and_with_distrust_a_misfit() {
    let fit = Scan::favourable()
        .favourability(TRUST, 50)
        .form(&heavy_form())
        .report()
        .form_fit
        .unwrap();
    assert_eq!(fit.fit, Fit::Caution, "{:?}", fit.notes);
    assert!(fit.notes.iter().any(|n| n.contains("vertrouwen")));
    // Trust in concern: the relationship cannot carry a heavy form (§7.4),
    // and the verdict says so too.
    for scan in [
        Scan::favourable().favourability(TRUST, 25),
        Scan::favourable().favourability(DISTRUST, 25),
    ] {
        let report = scan.form(&heavy_form()).report();
        let fit = report.form_fit.as_ref().unwrap();
        assert_eq!(fit.fit, Fit::Poor, "{:?}", fit.notes);
        assert!(fit.notes[0].contains("§7.4"));
        reason(&report, "form-fit");
        // Trust first: back to the search for partners (§8.3), then the form.
        let next = report.next_step.as_ref().unwrap();
        assert_eq!(next.number, 2);
        assert!(next.going_back);
    }
    // Distrust needing attention alone is not enough.
    let fit = Scan::favourable()
        .favourability(DISTRUST, 50)
        .form(&heavy_form())
        .report()
        .form_fit
        .unwrap();
    assert_eq!(fit.fit, Fit::Good);
}

#[test]
fn heavy_form_with_low_readiness_is_a_caution() {
    let report = Scan::uniform(1, 1)
        .favourability(TRUST, 100)
        .form(&heavy_form())
        .report();
    assert!(report.readiness.unwrap() < PROMISING.0);
    let fit = report.form_fit.unwrap();
    assert_eq!(fit.fit, Fit::Caution);
    assert!(fit.notes.iter().any(|n| n.contains("kracht")));
}

#[test]
fn coordination_for_savings_is_a_caution_but_a_contract_fits() {
    for scan in [
        Scan::favourable().motive("kosten"),
        Scan::favourable().motive("kwetsbaarheid"),
        Scan::favourable().goal("bedrijfsvoering-uniform"),
    ] {
        let report = scan.clone().form(&lightest_form()).report();
        assert!(report.notices.is_empty(), "{:?}", report.notices);
        let fit = report.form_fit.unwrap();
        assert_eq!(fit.fit, Fit::Caution);
        assert_eq!(fit.notes.len(), 1);
        assert!(fit.notes[0].contains("§4.3.1"));
    }
    // §4.3.1 is about network cooperation: a contract (DVO) or a
    // centrumgemeente is credited with economies of scale (§7.2).
    for form in ["contract", "centrumgemeente"] {
        let report = Scan::favourable().motive("kosten").form(form).report();
        let fit = report.form_fit.unwrap();
        assert_eq!(fit.fit, Fit::Good, "{form}: {:?}", fit.notes);
        assert!(
            fit.notes.iter().any(|n| n.contains("§7.2")),
            "{:?}",
            fit.notes
        );
    }
    let quality = Scan::favourable()
        .motive("kwaliteit")
        .form(&lightest_form())
        .report();
    assert_eq!(quality.form_fit.unwrap().fit, Fit::Good);
}

#[test]
fn coordination_with_noncommittal_concern_is_a_caution() {
    let report = Scan::favourable()
        .favourability(NONCOMMITTAL, 0)
        .form(&lightest_form())
        .report();
    let fit = report.form_fit.unwrap();
    assert_eq!(fit.fit, Fit::Caution);
    let name = &report
        .factors
        .iter()
        .find(|f| f.id == NONCOMMITTAL)
        .unwrap()
        .name;
    assert!(fit.notes[0].contains(name.as_str()));
    // A contract or a heavy form is not non-committal: no such note.
    for form in [light_form(), heavy_form()] {
        let other = Scan::favourable()
            .favourability(NONCOMMITTAL, 0)
            .form(&form)
            .report();
        assert_eq!(other.form_fit.unwrap().fit, Fit::Good, "{form}");
    }
}

#[test]
fn a_centrumgemeente_leans_on_one_larger_partner() {
    let fit = |a: u32, b: u32| {
        Scan::favourable()
            .form("centrumgemeente")
            .partner("A", a)
            .partner("B", b)
            .report()
            .form_fit
            .unwrap()
    };
    let equal = fit(30_000, 32_000);
    assert_eq!(equal.fit, Fit::Caution);
    assert!(equal.notes[0].contains("§4.2.3"));
    let larger = fit(20_000, 150_000);
    assert_eq!(larger.fit, Fit::Good);
    assert!(larger.notes.iter().any(|n| n.contains("§4.2.3")));
}

#[test]
fn the_form_rules_know_the_task() {
    // A gemeenschappelijk orgaan cannot employ staff (§7.3).
    let fit = Scan::favourable()
        .goal("bedrijfsvoering-uniform")
        .form("gemeenschappelijk-orgaan")
        .report()
        .form_fit
        .unwrap();
    assert_eq!(fit.fit, Fit::Caution);
    assert!(fit.notes[0].contains("§7.3"));
    // Policy alignment saves little (§4.3.1).
    let fit = Scan::favourable()
        .goal("beleidsafstemming")
        .motive("kosten")
        .form("gemeenschappelijk-orgaan")
        .report()
        .form_fit
        .unwrap();
    assert_eq!(fit.fit, Fit::Caution);
    assert!(fit.notes[0].contains("beleid"));
}

#[test]
fn the_formal_steps_of_a_form_are_named_before_the_start() {
    let fit = |form: &str, stage: &str| {
        Scan::favourable()
            .form(form)
            .stage(stage)
            .report()
            .form_fit
            .unwrap()
    };
    let werkorganisatie = fit("volledige-ambtelijke-fusie", "preparing");
    assert!(werkorganisatie.procedure.iter().any(|p| p.contains("Wgr")));
    assert!(werkorganisatie.procedure.iter().any(|p| p.contains("WOR")));
    assert!(fit("bestuurlijke-fusie", "orienting")
        .procedure
        .iter()
        .any(|p| p.contains("herindelingsontwerp")));
    let contract = fit("contract", "preparing");
    assert!(contract.procedure.iter().any(|p| p.contains("169")));
    assert!(!contract.procedure.iter().any(|p| p.contains("Wgr")));
    assert!(fit("afstemming", "preparing").procedure.is_empty());
    assert!(fit("volledige-ambtelijke-fusie", "operating")
        .procedure
        .is_empty());
}

#[test]
fn lightest_form_with_short_term_urgency_is_a_caution() {
    let fit = |form: &str, urgency: &str| {
        Scan::favourable()
            .form(form)
            .urgency(urgency)
            .report()
            .form_fit
            .unwrap()
            .fit
    };
    assert_eq!(fit(&lightest_form(), "short-term"), Fit::Caution);
    assert_eq!(fit(&lightest_form(), "medium-term"), Fit::Good);
    assert_eq!(fit(&light_form(), "short-term"), Fit::Good);
}

#[test]
fn a_form_that_fits_says_so() {
    for form in [medium_form(), heavy_form(), light_form()] {
        let report = Scan::favourable().form(&form).report();
        let fit = report.form_fit.unwrap();
        assert_eq!(fit.fit, Fit::Good);
        assert_eq!(fit.form, form);
        assert_eq!(fit.notes.len(), 1);
        assert_eq!(fit.heaviness, instrument().form(&form).unwrap().heaviness);
    }
}

#[test]
fn no_form_or_an_unknown_form_gives_no_fit() {
    assert!(Scan::favourable().report().form_fit.is_none());
    let report = Scan::favourable().form("federatie").report();
    assert!(report.form_fit.is_none());
    assert_eq!(report.notices[0].path, "$.context.form");
    // Like everything in a report, the notice is in the report's language.
    assert!(report.notices[0]
        .message
        .contains("samenwerkingsvorm ‘federatie’"));
    let scan = Scan::favourable().form("federatie");
    let english = evaluate(instrument(), &scan.answers, Lang::En);
    assert_eq!(
        english.notices[0].message,
        "The form of cooperation ‘federatie’ is unknown and does not count."
    );
}

// ---------------------------------------------------------------------------
// Next step
// ---------------------------------------------------------------------------

fn step_number(factor_id: &str) -> u8 {
    instrument()
        .plan_step(&factor(factor_id).plan_step)
        .unwrap()
        .number
}

#[test]
fn next_step_is_the_earliest_step_with_a_concern() {
    let mut factors: Vec<_> = ordinary()
        .into_iter()
        .filter(|f| required_phase(&f.phase))
        .collect();
    factors.sort_by_key(|f| step_number(&f.id));
    let (early, late) = (factors[0], factors[factors.len() - 1]);
    assert!(step_number(&early.id) < step_number(&late.id));
    let report = Scan::favourable()
        .stage("orienting")
        .favourability(&late.id, 0)
        .favourability(&early.id, 0)
        .report();
    let next = report.next_step.unwrap();
    assert_eq!(next.id, early.plan_step);
    assert_eq!(next.number, step_number(&early.id));
    let name = |id: &str| {
        report
            .factors
            .iter()
            .find(|f| f.id == id)
            .unwrap()
            .name
            .clone()
    };
    assert!(next.reason.contains(&name(&early.id)));
    assert!(!next.reason.contains(&name(&late.id)));
    assert!(next.reason.contains("zorgpunt"));

    // The later concern alone points at the later step.
    let report = Scan::favourable()
        .stage("orienting")
        .favourability(&late.id, 0)
        .report();
    assert_eq!(report.next_step.unwrap().id, late.plan_step);
}

#[test]
fn a_running_partnership_steers_in_operation_and_goes_back_only_for_red_flags() {
    let early = ordinary()
        .into_iter()
        .find(|f| step_number(&f.id) <= 2 && required_phase(&f.phase))
        .unwrap();
    let next = Scan::favourable()
        .stage("operating")
        .favourability(&early.id, 0)
        .report()
        .next_step
        .unwrap();
    assert_eq!(next.number, 5, "{next:?}");
    assert!(!next.going_back);
    assert!(next.reason.contains("§8.5"));
    let next = Scan::favourable()
        .stage("operating")
        .favourability(TRUST, 25)
        .report()
        .next_step
        .unwrap();
    assert_eq!(next.number, step_number(TRUST));
    assert!(next.going_back);
    let next = Scan::favourable()
        .stage("operating")
        .report()
        .next_step
        .unwrap();
    assert_eq!(next.number, 6);
}

#[test]
fn a_concern_in_a_step_already_passed_means_going_back() {
    // Preparing (steps 3–4) with a concern of step 2, the search for
    // partners: §8.3 says to go back to the second step.
    let early = ordinary()
        .into_iter()
        .find(|f| step_number(&f.id) == 2 && required_phase(&f.phase))
        .unwrap();
    let report = Scan::favourable()
        .stage("preparing")
        .favourability(&early.id, 0)
        .report();
    let next = report.next_step.unwrap();
    assert_eq!(next.number, 2);
    assert!(next.going_back);
    assert!(next.reason.contains("§8.3"), "{}", next.reason);
    // Orienting, the same step lies ahead: no going back.
    let next = Scan::favourable()
        .stage("orienting")
        .favourability(&early.id, 0)
        .report()
        .next_step
        .unwrap();
    assert_eq!(next.number, 2);
    assert!(!next.going_back);
}

#[test]
fn before_the_start_the_running_phase_is_a_look_ahead() {
    let late = ordinary()
        .into_iter()
        .find(|f| !required_phase(&f.phase))
        .unwrap();
    for stage in ["orienting", "preparing"] {
        // Its concerns are points to arrange before the start: not ready
        // yet, but never lower than promising, and they do not choose the
        // next step.
        let report = Scan::favourable()
            .stage(stage)
            .favourability(&late.id, 0)
            .report();
        assert_level(&report, Promising);
        let worse = Scan::uniform(4, 3)
            .stage(stage)
            .favourability(&late.id, 0)
            .report();
        assert_eq!(
            worse.verdict.level,
            Scan::uniform(4, 3).stage(stage).report().verdict.level
        );
        assert_eq!(
            reason(&report, "arrange-before-start").factors,
            std::slice::from_ref(&late.id)
        );
        assert!(report
            .advice
            .iter()
            .any(|a| a.factor == late.id && a.before_start));
        assert!(!report.next_step.unwrap().going_back);
        // Not answered at all, or "weet niet": still a verdict.
        let open = Scan::favourable()
            .stage(stage)
            .phase_missing(&late.phase)
            .report();
        assert_level(&open, Ready);
        let phase = open.phases.iter().find(|p| p.id == late.phase).unwrap();
        assert!(phase.looking_ahead);
    }
    // Running: the same concern caps the verdict, in running words.
    let running = Scan::favourable()
        .stage("operating")
        .favourability(&late.id, 0)
        .report();
    assert_level(&running, RunningWithAttention);
    assert_eq!(running.verdict.label, "Loopt, met aandachtspunten");
    reason(&running, "concerns");
    // And unanswered, it is missing information.
    let open = Scan::favourable()
        .stage("operating")
        .phase_missing(&late.phase)
        .report();
    assert_level(&open, InsufficientInformation);
}

#[test]
fn a_running_partnership_is_never_ready_to_start() {
    for scan in [Scan::favourable(), Scan::uniform(4, 3), Scan::uniform(3, 2)] {
        let report = scan.stage("operating").report();
        assert!(report.running);
        assert!(
            matches!(
                report.verdict.level,
                RunningWell | RunningWithAttention | NeedsSteering | SeriousProblems
            ),
            "{:?}",
            report.verdict.level
        );
        assert_ne!(report.verdict.label, "Klaar om te starten");
    }
}

#[test]
fn without_a_stage_the_report_says_which_reading_it_assumed() {
    let report = Scan::favourable().no_stage().report();
    assert_eq!(report.stage, None);
    assert!(!report.running);
    assert_eq!(rules(&report).last(), Some(&"stage-assumed"));
    assert_level(&report, Ready);
    let with = Scan::favourable().stage("orienting").report();
    assert!(!rules(&with).contains(&"stage-assumed"));
    assert_eq!(with.stage.as_deref(), Some("orienting"));
}

#[test]
fn no_necessity_means_no_reason_to_start() {
    // Necessity in concern: not "work on the preconditions" but question
    // the idea itself (§6.3).
    let report = Scan::favourable().favourability(NECESSITY, 25).report();
    assert_level(&report, NoReasonToStart);
    let why = reason(&report, "no-reason");
    assert!(why.text.contains("§6.3"));
    assert_eq!(report.verdict.label, "Geen reden om nu te starten");
    // "We can do our tasks ourselves for a long time" (§8.1 point 3) and the
    // necessity is not a strength.
    let report = Scan::favourable()
        .favourability(NECESSITY, 50)
        .urgency("not-needed")
        .report();
    assert_level(&report, NoReasonToStart);
    // The same urgency with a clear necessity: only a signal.
    let report = Scan::favourable().urgency("not-needed").report();
    assert_level(&report, Ready);
    assert!(report.signals.iter().any(|s| s.code == "urgency-low"));
    // Running, a lost necessity needs steering (there is no start to skip).
    let report = Scan::favourable()
        .stage("operating")
        .favourability(NECESSITY, 25)
        .report();
    assert_level(&report, NeedsSteering);
}

#[test]
fn councils_left_out_are_named_with_the_formal_step() {
    let id = "tijdige-en-periodieke-betrokkenheid-van-de-gemeenteraden";
    let report = Scan::favourable().favourability(id, 0).report();
    assert_level(&report, Promising);
    let text = &reason(&report, "councils").text;
    assert!(text.contains("§6.4"), "{text}");
    assert!(!rules(&report).contains(&"concerns"));
    // The formal step depends on the form.
    let with_form = |form: &str| {
        let report = Scan::favourable().favourability(id, 0).form(form).report();
        reason(&report, "councils").text.clone()
    };
    assert!(with_form("volledige-ambtelijke-fusie").contains("Wgr"));
    assert!(with_form("bestuurlijke-fusie").contains("herindelingsontwerp"));
    assert!(!with_form("afstemming").contains("Wgr"));
}

#[test]
fn the_balance_of_inhoud_structuur_en_relatie_is_shown() {
    let mut scan = Scan::favourable();
    for f in instrument().factors.iter() {
        if f.dimension == samenwerkingsscan::Dimension::Relatie {
            scan = scan.favourability(&f.id, 50);
        }
    }
    let report = scan.report();
    assert_eq!(report.dimensions.len(), 3);
    let relatie = &report.dimensions[2];
    assert_eq!(relatie.name, "Relatie");
    assert_eq!(relatie.favourability, Some(50.0));
    let signal = report
        .signals
        .iter()
        .find(|s| s.code == "dimension-imbalance")
        .expect("an imbalance signal");
    assert!(signal.text.contains("§6.1"));
    assert!(!Scan::favourable()
        .report()
        .signals
        .iter()
        .any(|s| s.code == "dimension-imbalance"));
}

#[test]
fn next_step_follows_a_clear_point_of_attention() {
    // A factor mean between 37.5 and 50 needs a group (or three statements).
    let target = &late_ordinary(1)[0];
    let respondents = [50, 50, 25].map(|v| Scan::favourable().favourability(target, v).build());
    let report = group(&respondents).report;
    let result = report.factors.iter().find(|f| &f.id == target).unwrap();
    assert_eq!(result.band, Some(Band::Attention));
    assert!(result.favourability.unwrap() < 50.0);
    let next = report.next_step.unwrap();
    assert_eq!(next.id, factor(target).plan_step);
    assert!(next.reason.contains("aandachtspunt"));
}

#[test]
fn without_concerns_the_stage_decides_the_next_step() {
    let expected = |id: &str| {
        instrument()
            .plan_step(id)
            .unwrap_or(&instrument().plan_steps[0])
            .id
            .clone()
    };
    for (stage, step) in [
        (None, "visie-en-doelen"),
        (Some("orienting"), "visie-en-doelen"),
        (Some("preparing"), "inrichting"),
        (Some("operating"), "evaluatie"),
    ] {
        let mut scan = Scan::favourable().no_stage();
        if let Some(stage) = stage {
            scan = scan.stage(stage);
        }
        let next = scan.report().next_step.unwrap();
        assert_eq!(next.id, expected(step), "stage {stage:?}");
        assert!(!next.reason.is_empty());
        assert!(!next.name.is_empty());
    }
    // "Neutraal" is attention but not below 50: still the stage decides.
    let next = Scan::favourable()
        .favourability(&late_ordinary(1)[0], 50)
        .stage("operating")
        .report()
        .next_step
        .unwrap();
    assert_eq!(next.id, expected("evaluatie"));
}

// ---------------------------------------------------------------------------
// Advice
// ---------------------------------------------------------------------------

#[test]
fn advice_covers_weak_factors_only_concerns_first_then_by_impact() {
    let mut scan = Scan::uniform(4, 2);
    for (i, f) in instrument().factors.iter().enumerate() {
        scan = scan.favourability(&f.id, [0, 25, 50, 75, 100][i % 5]);
    }
    let report = scan.report();
    let weak: Vec<&str> = report
        .factors
        .iter()
        .filter(|f| matches!(f.band, Some(Band::Concern | Band::Attention)))
        .map(|f| f.id.as_str())
        .collect();
    assert_eq!(report.advice.len(), weak.len());
    for item in &report.advice {
        assert!(weak.contains(&item.factor.as_str()));
        assert_ne!(item.band, Band::Strength);
        let source = factor(&item.factor);
        assert_eq!(item.steps.len(), source.advice.len());
        for (step, advice) in item.steps.iter().zip(&source.advice) {
            assert_eq!(step.text, advice.text.get(Lang::Nl));
            assert_eq!(step.source, advice.source);
        }
    }
    // Concerns first (the verdict rests on them), then by impact.
    let concern_first = |b: Band| u8::from(b != Band::Concern);
    for pair in report.advice.windows(2) {
        assert!(concern_first(pair[0].band) <= concern_first(pair[1].band));
        assert!(
            pair[0].band != pair[1].band || pair[0].impact >= pair[1].impact,
            "{} < {}",
            pair[0].impact,
            pair[1].impact
        );
    }
}

/// Impact as documented: weight × shortfall × phase priority × 1.5 for a red flag in concern.
fn expected_impact(id: &str, favourability: f64, band: Band) -> f64 {
    let f = factor(id);
    let phases = &instrument().phases;
    let index = phases.iter().position(|p| p.id == f.phase).unwrap();
    let priority = 1.0 + 0.1 * (phases.len() - index - 1) as f64;
    let flag = if f.red_flag && band == Band::Concern {
        1.5
    } else {
        1.0
    };
    (f.weight * (100.0 - favourability) * priority * flag * 10.0).round() / 10.0
}

#[test]
fn a_red_flag_in_concern_comes_first() {
    // A red flag at 25 and an ordinary factor of the same phase at 0: only
    // the red-flag factor of 1.5 puts the flag first.
    let (flag, other) = vetoing_flags()
        .into_iter()
        .find_map(|flag| {
            ordinary()
                .into_iter()
                .find(|o| o.phase == flag.phase && o.weight * 100.0 < flag.weight * 75.0 * 1.5)
                .map(|o| (flag, o))
        })
        .expect("a red flag with an ordinary factor in its phase");
    let report = Scan::favourable()
        .favourability(&other.id, 0)
        .favourability(&flag.id, 25)
        .report();
    assert_eq!(report.advice[0].factor, flag.id);
    assert_eq!(report.advice[0].band, Band::Concern);
    assert_eq!(
        report.advice[0].impact,
        expected_impact(&flag.id, 25.0, Band::Concern)
    );
    assert_eq!(
        report.advice[1].impact,
        expected_impact(&other.id, 0.0, Band::Concern)
    );
    // As a point of attention the flag has no bonus.
    let report = Scan::favourable()
        .favourability(&other.id, 0)
        .favourability(&flag.id, 50)
        .report();
    let item = report.advice.iter().find(|a| a.factor == flag.id).unwrap();
    assert_eq!(
        item.impact,
        expected_impact(&flag.id, 50.0, Band::Attention)
    );
}

#[test]
fn earlier_phases_come_first_at_equal_weight_and_shortfall() {
    let first = ordinary()
        .into_iter()
        .find(|f| f.phase == first_phase())
        .unwrap();
    let last_phase = &instrument().phases.last().unwrap().id;
    let last = ordinary()
        .into_iter()
        .find(|f| &f.phase == last_phase && f.weight == first.weight)
        .expect("ordinary factors of equal weight in the first and last phase");
    let report = Scan::favourable()
        .favourability(&last.id, 0)
        .favourability(&first.id, 0)
        .report();
    let order: Vec<&str> = report.advice.iter().map(|a| a.factor.as_str()).collect();
    assert_eq!(order, [first.id.as_str(), last.id.as_str()]);
}

#[test]
fn equal_impact_keeps_questionnaire_order() {
    let factors = ordinary();
    let pair = factors
        .iter()
        .enumerate()
        .find_map(|(i, a)| {
            factors[i + 1..]
                .iter()
                .find(|b| b.phase == a.phase && b.weight == a.weight)
                .map(|b| (*a, *b))
        })
        .expect("two ordinary factors of equal weight in one phase");
    let report = Scan::favourable()
        .favourability(&pair.1.id, 0)
        .favourability(&pair.0.id, 0)
        .report();
    let order: Vec<&str> = report.advice.iter().map(|a| a.factor.as_str()).collect();
    assert_eq!(order, [pair.0.id.as_str(), pair.1.id.as_str()]);
}

// ---------------------------------------------------------------------------
// Context signals
// ---------------------------------------------------------------------------

fn signal_codes(scan: Scan) -> Vec<String> {
    scan.report().signals.into_iter().map(|s| s.code).collect()
}

#[test]
fn a_large_size_difference_is_a_signal() {
    let scan = Scan::uniform(4, 2)
        .favourability(COMPARABILITY, 50)
        .partner("Nijmegen", 179_000)
        .partner("Druten", 19_000);
    let report = scan.report();
    let signal = report
        .signals
        .iter()
        .find(|s| s.code == "size-difference")
        .unwrap();
    assert!(
        signal
            .text
            .contains("Nijmegen is 9,4 keer zo groot als Druten"),
        "{}",
        signal.text
    );
    let english = evaluate(instrument(), &scan.answers, Lang::En);
    assert!(english.signals[0].text.contains("9.4 times"));
    assert!(!signal_codes(scan).contains(&"size-vs-comparability".to_string()));
}

#[test]
fn a_size_difference_against_comparable_answers_is_a_signal() {
    let codes = signal_codes(
        Scan::favourable()
            .favourability(COMPARABILITY, 100)
            .partner("Nijmegen", 179_000)
            .partner("Druten", 19_000),
    );
    assert_eq!(codes, ["size-difference", "size-vs-comparability"]);
}

#[test]
fn comparable_sizes_are_a_signal_and_the_middle_ground_is_silent() {
    // Seed 003: Bunschoten, Leusden, Nijkerk and Putten, 20,000–40,000 inhabitants.
    let codes = signal_codes(
        Scan::favourable()
            .partner("Bunschoten", 20_000)
            .partner("Leusden", 30_000)
            .partner("Nijkerk", 40_000)
            .partner("Putten", 24_000),
    );
    assert_eq!(codes, ["size-comparable"]);
    let codes = signal_codes(
        Scan::favourable()
            .partner("Wijchen", 41_000)
            .partner("Druten", 19_000),
    );
    assert!(codes.is_empty(), "ratio 2.2 is neither: {codes:?}");
    // Partners without inhabitants or with 0 do not count.
    let mut scan = Scan::favourable()
        .partner("Wijchen", 41_000)
        .partner("Druten", 0);
    scan.answers
        .context
        .partners
        .push(samenwerkingsscan::Partner {
            name: "Beuningen".into(),
            inhabitants: None,
        });
    assert!(signal_codes(scan).is_empty());
}

#[test]
fn many_partners_is_a_signal() {
    let mut scan = Scan::favourable();
    for (i, name) in ["Bunschoten", "Leusden", "Nijkerk", "Putten"]
        .iter()
        .enumerate()
    {
        scan = scan.partner(name, 25_000 + i as u32);
    }
    assert!(!signal_codes(scan.clone()).contains(&"many-partners".to_string()));
    assert_eq!(MANY_PARTNERS, 5);
    let report = scan.partner("Barneveld", 25_010).report();
    let signal = report
        .signals
        .iter()
        .find(|s| s.code == "many-partners")
        .unwrap();
    assert!(signal.text.contains("Met 5 partners"));
}

#[test]
fn short_term_urgency_without_shared_necessity_is_a_signal() {
    let codes = signal_codes(
        Scan::favourable()
            .favourability(NECESSITY, 50)
            .urgency("short-term"),
    );
    assert_eq!(codes, ["urgency-not-shared"]);
    let codes = signal_codes(Scan::favourable().urgency("short-term"));
    assert!(codes.is_empty());
    // Unknown necessity is no evidence either way.
    let codes = signal_codes(Scan::favourable().missing(NECESSITY).urgency("short-term"));
    assert!(codes.is_empty());
}

#[test]
fn no_urgency_is_a_signal() {
    let codes = signal_codes(Scan::favourable().urgency("not-needed"));
    assert_eq!(codes, ["urgency-low"]);
    assert!(signal_codes(Scan::favourable().urgency("medium-term")).is_empty());
}

// ---------------------------------------------------------------------------
// Groups: anonymity, consensus, discussion points, subgroups
// ---------------------------------------------------------------------------

#[test]
fn below_the_minimum_group_size_spread_and_subgroups_are_hidden() {
    let two: Vec<Answers> = ["Druten", "Wijchen"]
        .iter()
        .map(|m| Scan::uniform(4, 2).municipality(m).build())
        .collect();
    let report = group(&two);
    assert_eq!(report.respondents, 2);
    assert_eq!(report.min_group_size, 3);
    for f in &report.factors {
        assert_eq!(f.n, 2);
        assert_eq!(
            (f.mean, f.std_dev, f.min, f.max),
            (None, None, None, None),
            "{}",
            f.id
        );
        assert!(f.distribution.is_none());
        assert!(f.consensus.is_none());
        assert!(!f.discussion);
    }
    for s in &report.municipalities {
        assert!(!s.shown);
        assert_eq!((s.n, s.readiness, s.risk), (1, None, None));
    }
    assert!(report.discussion_points.is_empty());

    let three: Vec<Answers> = (0..3).map(|_| Scan::uniform(4, 2).build()).collect();
    let report = group(&three);
    let statements = |id: &str| factor(id).statements.len() as u32;
    for f in &report.factors {
        assert_eq!(f.mean, Some(75.0));
        assert_eq!(f.std_dev, Some(0.0));
        assert_eq!((f.min, f.max), (Some(75.0), Some(75.0)));
        let dist = f.distribution.as_ref().unwrap();
        assert_eq!(dist.len(), 5);
        // People, not answers: each respondent once.
        assert_eq!(dist.iter().sum::<u32>(), 3, "{}", f.id);
        assert!(statements(&f.id) >= 1);
        assert_eq!(f.consensus, Some(Consensus::High));
    }
}

/// Issue 17: a room reads the participants' figures next to its own votes,
/// so they count people: each respondent once, at their own point for the
/// factor by the factor's rule; someone with only "don't know" counts once
/// under unknown; the bins add up to `n`.
#[test]
fn participants_are_counted_as_people_at_their_own_point() {
    let pick = |polarity: Polarity, combine: Combine| {
        instrument()
            .factors
            .iter()
            .find(|f| f.statements.len() >= 2 && f.polarity == polarity && f.combine == combine)
            .unwrap_or_else(|| panic!("a {polarity:?} {combine:?} factor with two statements"))
    };
    let bins = |target: &samenwerkingsscan::Factor, pairs: &[(Response, Response)]| {
        let (a, b) = (&target.statements[0].id, &target.statements[1].id);
        let people: Vec<Answers> = pairs
            .iter()
            .map(|(first, second)| {
                let mut answers = Scan::uniform(3, 2).build();
                answers.responses.insert(a.clone(), *first);
                answers.responses.insert(b.clone(), *second);
                answers
            })
            .collect();
        let report = group(&people);
        let f = report
            .factors
            .iter()
            .find(|f| f.id == target.id)
            .unwrap()
            .clone();
        for f in &report.factors {
            let counted = f.distribution.as_ref().map_or(0, |d| d.iter().sum::<u32>());
            assert_eq!(counted as usize, f.n, "{}", f.id);
        }
        (f.distribution.unwrap(), f.unknown, f.n)
    };
    use Response::{Scale as S, Unknown as U};
    // The mean, a tie to the less favourable side: down when it helps...
    let promoting = pick(Polarity::Promoting, Combine::Mean);
    let people = [(S(4), S(5)), (S(2), U), (U, U), (S(1), S(2))];
    assert_eq!(bins(promoting, &people), (vec![1, 1, 0, 1, 0], 1, 3));
    // ...up when it hinders.
    let hindering = pick(Polarity::Hindering, Combine::Mean);
    assert_eq!(bins(hindering, &people), (vec![0, 2, 0, 0, 1], 1, 3));
    // The least favourable answer where the factor is scored by it: a 1
    // and a 5 are not a 3 there.
    let spread = [(S(1), S(5)), (S(5), S(5)), (S(2), S(4))];
    if let Some(worst) = instrument()
        .factors
        .iter()
        .find(|f| f.statements.len() >= 2 && f.combine == Combine::Worst)
    {
        let expected = if worst.polarity == Polarity::Promoting {
            vec![1, 1, 0, 0, 1]
        } else {
            vec![0, 0, 0, 1, 2]
        };
        assert_eq!(bins(worst, &spread), (expected, 0, 3), "{}", worst.id);
    } else {
        panic!("the instrument has a factor scored by its worst statement");
    }
}

#[test]
fn the_minimum_group_size_is_configurable() {
    let three: Vec<Answers> = (0..3).map(|_| Scan::uniform(4, 2).build()).collect();
    let strict = GroupOptions {
        min_group_size: 5,
        ..GroupOptions::default()
    };
    let report = aggregate(instrument(), &three, &strict, Lang::Nl);
    assert_eq!(report.min_group_size, 5);
    assert!(report.factors.iter().all(|f| f.distribution.is_none()));
    // 0 means 1: a single respondent is shown.
    let open = GroupOptions {
        min_group_size: 0,
        ..GroupOptions::default()
    };
    let report = aggregate(instrument(), &three[..1], &open, Lang::Nl);
    assert_eq!(report.min_group_size, 1);
    assert!(report.factors.iter().all(|f| f.mean.is_some()));
    // One respondent: no consensus can be measured.
    assert!(report.factors.iter().all(|f| f.consensus.is_none()));
}

fn with_target(values: &[u8]) -> (GroupReport, String) {
    let target = late_ordinary(1)[0].clone();
    let respondents: Vec<Answers> = values
        .iter()
        .map(|v| Scan::favourable().favourability(&target, *v).build())
        .collect();
    (group(&respondents), target)
}

fn group_factor<'a>(report: &'a GroupReport, id: &str) -> &'a samenwerkingsscan::GroupFactor {
    report.factors.iter().find(|f| f.id == id).unwrap()
}

#[test]
fn consensus_follows_the_standard_deviation() {
    let (report, id) = with_target(&[50, 50, 100]);
    let f = group_factor(&report, &id);
    let sd = f.std_dev.unwrap();
    assert!(
        sd > CONSENSUS_HIGH_UPTO && sd <= CONSENSUS_MEDIUM_UPTO,
        "{sd}"
    );
    assert_eq!(f.consensus, Some(Consensus::Medium));
    assert!(!f.discussion);
    assert_eq!((f.min, f.max), (Some(50.0), Some(100.0)));

    let (report, id) = with_target(&[0, 100, 100]);
    let f = group_factor(&report, &id);
    assert!(f.std_dev.unwrap() > CONSENSUS_MEDIUM_UPTO);
    assert_eq!(f.consensus, Some(Consensus::Low));
    assert!(f.discussion);
    assert_eq!(report.discussion_points, [id]);
}

#[test]
fn a_wide_range_is_a_discussion_point_even_with_medium_consensus() {
    let mut values = vec![100; 9];
    values.push(25);
    let (report, id) = with_target(&values);
    let f = group_factor(&report, &id);
    assert_eq!(f.max.unwrap() - f.min.unwrap(), DISCUSSION_RANGE_FROM);
    assert_eq!(f.consensus, Some(Consensus::Medium));
    assert!(f.discussion);
    assert_eq!(report.discussion_points, [id]);
}

#[test]
fn group_figures_count_respondents_and_unknowns() {
    let target = late_ordinary(1)[0].clone();
    let respondents = vec![
        Scan::favourable().build(),
        Scan::favourable().unknown(&target).build(),
        Scan::favourable().missing(&target).build(),
        Scan::favourable().build(),
    ];
    let report = group(&respondents);
    let f = group_factor(&report, &target);
    assert_eq!(f.n, 2);
    // One person answered the whole factor with "don't know": one, not one
    // per statement (people, issue 17).
    assert_eq!(f.unknown, 1);
    // Two answered: below the minimum of 3, so hidden.
    assert!(f.mean.is_none());
    let pooled = report
        .report
        .factors
        .iter()
        .find(|r| r.id == target)
        .unwrap();
    assert_eq!(pooled.coverage.unknown, factor(&target).statements.len());
    // A group of four promises anonymity: a factor only two answered is
    // neither shown nor used in the group's report (it would be their answers).
    assert_eq!(pooled.favourability, None);
    assert_eq!(pooled.coverage.answered, 0);
    assert_eq!(
        pooled.coverage.missing,
        3 * factor(&target).statements.len()
    );
}

#[test]
fn subgroups_show_their_indices_and_merge_spellings() {
    let mut respondents = Vec::new();
    for m in ["Wijchen", "wijchen ", "WIJCHEN"] {
        respondents.push(
            Scan::uniform(4, 2)
                .municipality(m)
                .role(Role::Raadslid)
                .build(),
        );
    }
    let report = group(&respondents);
    assert_eq!(report.municipalities.len(), 1);
    let s = &report.municipalities[0];
    assert_eq!(
        (s.key.as_str(), s.label.as_str(), s.n),
        ("wijchen", "Wijchen", 3)
    );
    assert!(s.shown);
    assert_eq!((s.readiness, s.risk), (Some(75.0), Some(25.0)));
    assert_eq!(report.roles[0].label, "Raadslid");
}

#[test]
fn group_contexts_are_merged_by_majority_and_union() {
    let respondents = [
        Scan::favourable()
            .stage("preparing")
            .form("contract")
            .motive("kosten")
            .partner("Druten", 19_000)
            .build(),
        Scan::favourable()
            .stage("orienting")
            .form("contract")
            .motive("kwaliteit")
            .partner("druten", 19_500)
            .partner("Wijchen", 41_000)
            .build(),
        Scan::favourable().stage("preparing").build(),
    ];
    let merged = samenwerkingsscan::merge_contexts(respondents.iter().map(|a| &a.context));
    assert_eq!(merged.stage.as_deref(), Some("preparing"));
    assert_eq!(merged.form.as_deref(), Some("contract"));
    assert_eq!(merged.motives, ["kosten", "kwaliteit"]);
    let partners: Vec<(&str, Option<u32>)> = merged
        .partners
        .iter()
        .map(|p| (p.name.as_str(), p.inhabitants))
        .collect();
    assert_eq!(
        partners,
        [("Druten", Some(19_500)), ("Wijchen", Some(41_000))]
    );
}

// ---------------------------------------------------------------------------
// Re-measurement
// ---------------------------------------------------------------------------

#[test]
fn comparison_lists_improved_and_worsened_factors_largest_first() {
    let ids = late_ordinary(4);
    let baseline = Scan::uniform(3, 3)
        .favourability(&ids[0], 0)
        .favourability(&ids[1], 50)
        .favourability(&ids[2], 50)
        .missing(&ids[3])
        .report();
    let current = Scan::uniform(3, 3)
        .favourability(&ids[0], 100)
        .favourability(&ids[1], 75)
        .favourability(&ids[2], 25)
        .report();
    let c = compare(&baseline, &current);
    let improved: Vec<&str> = c.improved.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(improved, [ids[0].as_str(), ids[1].as_str()]);
    assert_eq!(c.improved[0].favourability.change, Some(100.0));
    let worsened: Vec<&str> = c.worsened.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(worsened, [ids[2].as_str()]);
    assert_eq!(c.worsened[0].favourability.change, Some(-25.0));
    // Not measured before: no change, in neither list.
    let new = c.factors.iter().find(|f| f.id == ids[3]).unwrap();
    assert_eq!(new.favourability.before, None);
    assert_eq!(new.favourability.change, None);
    assert_eq!(c.factors.len(), instrument().factors.len());
    assert_eq!(c.phases.len(), instrument().phases.len());
    assert_eq!(c.readiness.before, baseline.readiness);
    assert_eq!(c.readiness.after, current.readiness);
    assert_eq!(
        c.readiness.change,
        Some(current.readiness.unwrap() - baseline.readiness.unwrap())
    );
    assert_eq!(c.baseline_verdict, baseline.verdict.level);
    assert_eq!(c.current_verdict, current.verdict.level);
    assert!(c.notes.is_empty());
}

#[test]
fn one_point_on_one_statement_is_already_a_change() {
    let id = &late_ordinary(1)[0];
    let statements = &factor(id).statements;
    let baseline = Scan::uniform(3, 3).report();
    // One statement one point up on a multi-statement factor: +12.5 (or +25).
    let current = Scan::uniform(3, 3)
        .response(
            &statements[0].id,
            Response::Scale(if factor(id).polarity == Polarity::Promoting {
                4
            } else {
                2
            }),
        )
        .report();
    let c = compare(&baseline, &current);
    let change = c
        .factors
        .iter()
        .find(|f| &f.id == id)
        .unwrap()
        .favourability
        .change
        .unwrap();
    assert!(change >= samenwerkingsscan::CHANGE_THRESHOLD);
    assert_eq!(c.improved.len(), 1);
    assert!(compare(&baseline, &baseline).improved.is_empty());
    assert!(compare(&baseline, &baseline).worsened.is_empty());
}

#[test]
fn comparing_different_instruments_adds_a_note() {
    let baseline = Scan::uniform(3, 3).report();
    let mut current = Scan::uniform(4, 2).report();
    current.instrument_version = "2.0-test".into();
    let c = compare(&baseline, &current);
    assert_eq!(c.notes.len(), 1);
    assert!(c.notes[0].contains("2.0-test"));
    // The note is in the current report's language.
    current.lang = Lang::En;
    assert!(compare(&baseline, &current).notes[0].starts_with("The measurements"));
}

// ---------------------------------------------------------------------------
// Instrument validation
// ---------------------------------------------------------------------------

fn builtin_value() -> Value {
    serde_json::to_value(Instrument::builtin()).unwrap()
}

fn problems(value: &Value) -> Vec<(String, String)> {
    Instrument::from_json(&value.to_string())
        .unwrap_err()
        .problems
        .into_iter()
        .map(|p| (p.path, p.message))
        .collect()
}

#[track_caller]
fn assert_problem(value: &Value, path: &str, message: &str) {
    let found = problems(value);
    assert!(
        found.iter().any(|(p, m)| p == path && m.contains(message)),
        "expected {path}: …{message}…, found {found:#?}"
    );
}

#[test]
fn the_builtin_instrument_round_trips_through_json() {
    let parsed = Instrument::from_json(&builtin_value().to_string()).unwrap();
    assert_eq!(&parsed, Instrument::builtin());
}

#[test]
fn duplicate_ids_are_reported_with_their_path() {
    let mut v = builtin_value();
    v["factors"][1]["id"] = v["factors"][0]["id"].clone();
    assert_problem(&v, "$.factors[1].id", "is used twice");

    let mut v = builtin_value();
    v["factors"][2]["statements"][0]["id"] = v["factors"][0]["statements"][0]["id"].clone();
    assert_problem(&v, "$.factors[2].statements[0].id", "is used twice");

    let mut v = builtin_value();
    v["plan_steps"][1]["id"] = v["plan_steps"][0]["id"].clone();
    assert_problem(&v, "$.plan_steps[1].id", "is used twice");
}

#[test]
fn names_longer_than_a_heading_are_reported_with_their_path() {
    use samenwerkingsscan::{MAX_NAME_CHARS, MAX_SHORT_NAME_CHARS};
    let long = |n: usize| {
        json!("Samenwerking "
            .repeat(n)
            .chars()
            .take(n)
            .collect::<String>())
    };
    // At the limit: no problem.
    let mut v = builtin_value();
    v["factors"][0]["name"]["nl"] = long(MAX_NAME_CHARS);
    v["phases"][0]["name"]["en"] = long(MAX_SHORT_NAME_CHARS);
    assert!(Instrument::from_json(&v.to_string()).is_ok());
    // One over: named, with the count and the limit.
    let mut v = builtin_value();
    v["factors"][0]["name"]["nl"] = long(MAX_NAME_CHARS + 1);
    assert_problem(
        &v,
        "$.factors[0].name.nl",
        "has 101 characters; a name has at most 100",
    );
    let mut v = builtin_value();
    v["phases"][1]["name"]["en"] = long(300);
    assert_problem(&v, "$.phases[1].name.en", "at most 60");
    let mut v = builtin_value();
    v["plan_steps"][2]["name"]["nl"] = long(61);
    assert_problem(&v, "$.plan_steps[2].name.nl", "at most 60");
    let mut v = builtin_value();
    v["title"]["en"] = long(500);
    assert_problem(&v, "$.title.en", "at most 100");
}

#[test]
fn missing_translations_are_reported_with_their_path() {
    let mut v = builtin_value();
    v["factors"][0]["name"]
        .as_object_mut()
        .unwrap()
        .remove("en");
    assert_problem(
        &v,
        "$.factors[0].name.en",
        "The text in language ‘en’ is missing",
    );

    let mut v = builtin_value();
    v["factors"][3]["statements"][0]["text"]["nl"] = json!("   ");
    assert_problem(&v, "$.factors[3].statements[0].text.nl", "is missing");

    let mut v = builtin_value();
    v["languages"] = json!(["nl", "en", "fy"]);
    let found = problems(&v);
    assert!(found.iter().any(|(p, _)| p == "$.title.fy"));
    assert!(
        found.len() > instrument().factors.len(),
        "every text lacks Frisian"
    );
}

#[test]
fn an_empty_phase_is_reported() {
    let mut v = builtin_value();
    v["phases"].as_array_mut().unwrap().push(json!({
        "id": "nazorg",
        "name": {"nl": "Nazorg", "en": "Aftercare"},
        "description": {"nl": "Na afloop", "en": "Afterwards"}
    }));
    let index = instrument().phases.len();
    assert_problem(&v, &format!("$.phases[{index}]"), "has no factors");
}

#[test]
fn weights_out_of_range_are_reported() {
    for weight in [0.0, 0.49, 3.01, 10.0, -1.0] {
        let mut v = builtin_value();
        v["factors"][4]["weight"] = json!(weight);
        assert_problem(
            &v,
            "$.factors[4].weight",
            "The weight must be from 0.5 to 3",
        );
    }
    for weight in [0.5, 3.0] {
        let mut v = builtin_value();
        v["factors"][4]["weight"] = json!(weight);
        assert!(Instrument::from_json(&v.to_string()).is_ok());
    }
}

#[test]
fn unknown_phase_and_plan_step_references_are_reported() {
    let mut v = builtin_value();
    v["factors"][0]["phase"] = json!("fase-vier");
    v["factors"][5]["plan_step"] = json!("stap-zeven");
    let found = problems(&v);
    assert!(found.contains(&(
        "$.factors[0].phase".into(),
        "There is no phase ‘fase-vier’.".into()
    )));
    assert!(found.contains(&(
        "$.factors[5].plan_step".into(),
        "There is no plan step ‘stap-zeven’.".into()
    )));
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut v = builtin_value();
    v["schema_version"] = json!(2);
    v["factors"][0]["weight"] = json!(9);
    v["factors"][1]["statements"] = json!([]);
    v["factors"][2]["advice"] = json!([]);
    v["context"]["urgency"][0]["level"] = json!(4);
    v["context"]["forms"][0]["heaviness"] = json!(0);
    v["scale"]["points"][1]["value"] = json!(7);
    let paths: Vec<String> = problems(&v).into_iter().map(|(p, _)| p).collect();
    for expected in [
        "$.schema_version",
        "$.factors[0].weight",
        "$.factors[1].statements",
        "$.factors[2].advice",
        "$.context.urgency[0].level",
        "$.context.forms[0].heaviness",
        "$.scale.points[1].value",
    ] {
        assert!(
            paths.iter().any(|p| p == expected),
            "{expected} in {paths:?}"
        );
    }
}

#[test]
fn shape_errors_have_a_path_and_syntax_errors_the_root() {
    let mut v = builtin_value();
    v["factors"][3]["polarity"] = json!("neutral");
    let found = problems(&v);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "$.factors[3].polarity");

    let mut v = builtin_value();
    v["factors"][0]["colour"] = json!("red");
    assert!(problems(&v)[0].1.contains("The field ‘colour’ is unknown"));

    let found = Instrument::from_json("{ not json").unwrap_err().problems;
    assert_eq!(found.len(), 1);
    assert!(found[0].path.starts_with('$'));
    assert!(Instrument::from_json("").is_err());
}

// ---------------------------------------------------------------------------
// Answers notices
// ---------------------------------------------------------------------------

#[test]
fn unknown_and_off_scale_answers_are_notices_and_ignored() {
    let first = &instrument().factors[0];
    let s0 = &first.statements[0].id;
    let mut answers = Scan::uniform(4, 2).build();
    answers
        .responses
        .insert("bestaat-niet.1".into(), Response::Scale(3));
    answers.responses.insert(s0.clone(), Response::Scale(9));
    answers.context.stage = Some("dromen".into());
    answers.context.urgency = Some("gisteren".into());
    answers.context.goals = vec!["wereldvrede".into()];
    answers.context.motives = vec!["kosten".into(), "prestige".into()];
    answers.context.domains = vec!["ruimtevaart".into()];
    answers.instrument_id = "andere-lijst".into();
    let notices = answers.check(instrument());
    let paths: Vec<&str> = notices.iter().map(|n| n.path.as_str()).collect();
    for expected in [
        "$.instrument_id",
        "$.responses[\"bestaat-niet.1\"]",
        &format!("$.responses[\"{s0}\"]"),
        "$.context.stage",
        "$.context.urgency",
        "$.context.goals[0]",
        "$.context.motives[1]",
        "$.context.domains[0]",
    ] {
        assert!(paths.contains(&expected), "{expected} in {paths:?}");
    }
    assert_eq!(notices.len(), 8);
    let report = eval(&answers);
    // In the report, in the report's language (Dutch here).
    let in_report: Vec<_> = report
        .notices
        .iter()
        .map(|n| (&n.path, n.message.as_str()))
        .collect();
    let dutch: Vec<_> = notices
        .iter()
        .map(|n| (&n.path, n.text(Lang::Nl)))
        .collect();
    assert_eq!(in_report, dutch);
    // The off-scale value counts as not answered (it is in the responses,
    // so as "unknown" in the coverage), the unknown statement not at all.
    let result = &report.factors[0];
    assert_eq!(result.coverage.answered, first.statements.len() - 1);
    assert_eq!(report.coverage.statements, statement_ids().len());
}

#[test]
fn value_zero_is_off_the_scale() {
    let s0 = instrument().factors[0].statements[0].id.clone();
    let answers = Scan::favourable().response(&s0, Response::Scale(0)).build();
    let notices = answers.check(instrument());
    assert_eq!(notices.len(), 1);
    assert!(notices[0].message.contains("not on the scale"));
}

#[test]
fn answers_json_is_forgiving_about_missing_parts() {
    let answers = Answers::from_json("{}").unwrap();
    assert!(answers.responses.is_empty());
    assert!(answers.check(instrument()).is_empty());
    let answers = Answers::from_json(
        r#"{"format_version": 1, "respondent": {"role": "other"}, "responses": {"werkdruk.1": "weet-niet", "werkdruk.2": "n/a"}}"#,
    )
    .unwrap();
    assert_eq!(answers.respondent.role, Some(Role::Anders));
    assert_eq!(answers.responses["werkdruk.1"], Response::Unknown);
    for bad in [
        r#"{"format_version": 0}"#,
        r#"{"format_version": "1"}"#,
        r#""text""#,
        "null",
    ] {
        assert!(Answers::from_json(bad).is_err(), "{bad}");
    }
    // A wrong value costs only itself: a notice with its path.
    for (damaged, path) in [
        (
            r#"{"responses": {"werkdruk.1": 300}}"#,
            "$.responses[\"werkdruk.1\"]",
        ),
        (r#"{"responses": []}"#, "$.responses"),
    ] {
        let answers = Answers::from_json(damaged).unwrap();
        let notices = answers.check(instrument());
        assert_eq!(notices.len(), 1, "{damaged}: {notices:?}");
        assert_eq!(notices[0].path, path);
    }
}

#[test]
fn an_answers_file_from_before_model_v2_still_loads_and_gets_a_verdict() {
    // Format version 1 as saved by the previous release (BLNP, orienting):
    // it has no answers for the time precondition and the old stage ids are
    // the same. It loads unchanged; the new statements are simply open.
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/v1-voor-model-v2.json"
    ))
    .unwrap();
    let answers = Answers::from_json(&text).expect("a version 1 file loads");
    assert_eq!(answers.format_version, 1);
    let report = eval(&answers);
    // Texts v2 (issue 13): an answer to a statement whose meaning changed
    // is not carried over; each one is named, with the statement to answer.
    let retired: Vec<&str> = instrument().retired.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(report.notices.len(), retired.len(), "{:#?}", report.notices);
    for notice in &report.notices {
        let id = notice
            .path
            .trim_start_matches("$.responses[\"")
            .trim_end_matches("\"]");
        assert!(retired.contains(&id), "{notice:?}");
        assert!(
            notice
                .message
                .contains("vervangen door een stelling die iets anders vraagt"),
            "{notice:?}"
        );
    }
    assert_ne!(report.verdict.level, InsufficientInformation);
    let open = reason(&report, "red-flag-unanswered");
    assert_eq!(open.factors, ["tijd-en-geld-investeren"]);
}

#[test]
fn an_answer_to_a_retired_statement_is_not_reused_for_its_successor() {
    for old in &instrument().retired {
        let answers =
            Answers::from_json(&format!(r#"{{"responses": {{"{}": 5}}}}"#, old.id)).unwrap();
        let report = eval(&answers);
        assert_eq!(report.coverage.answered, 0, "{}", old.id);
        let notice = &report.notices[0];
        assert_eq!(notice.path, format!("$.responses[\"{}\"]", old.id));
        let new = instrument()
            .factors
            .iter()
            .flat_map(|f| &f.statements)
            .find(|s| s.id == old.replaced_by)
            .unwrap();
        assert!(
            notice
                .message
                .contains(new.text_for(None, Lang::Nl).trim_end_matches('.')),
            "{}",
            notice.message
        );
        assert!(
            notice.message.contains(
                old.ahead
                    .as_ref()
                    .unwrap_or(&old.text)
                    .get(Lang::Nl)
                    .trim_end_matches('.')
            ),
            "{}",
            notice.message
        );
    }
}

// ---------------------------------------------------------------------------
// Disclosure control: the attacks a breaker tried (issue 12)
// ---------------------------------------------------------------------------

fn promoting_unknown(scan: Scan) -> Scan {
    let mut scan = scan;
    for f in instrument()
        .factors
        .iter()
        .filter(|f| f.polarity == Polarity::Promoting)
    {
        scan = scan.unknown(&f.id);
    }
    scan
}

#[test]
fn a_merged_row_does_not_rest_on_the_one_person_who_answered() {
    // Beuningen 1, Druten 3, Wijchen 3; Druten answers "weet niet" on every
    // promoting statement. The merged row "Beuningen en Druten samen" must
    // not show a readiness that is Beuningen's alone.
    let mut respondents = vec![Scan::uniform(3, 2).municipality("Beuningen").build()];
    for _ in 0..3 {
        respondents.push(
            promoting_unknown(Scan::uniform(4, 2))
                .municipality("Druten")
                .build(),
        );
        respondents.push(Scan::uniform(5, 1).municipality("Wijchen").build());
    }
    let report = group(&respondents);
    let merged = report
        .municipalities
        .iter()
        .find(|s| s.key == "overige")
        .unwrap();
    assert!(merged.shown);
    assert_eq!(merged.readiness, None, "{merged:?}");
}

#[test]
fn a_row_is_not_the_total_minus_a_hidden_answer() {
    // Wijchen (3) answers only 'noodzaak' among the promoting factors;
    // Beuningen (1) answers it too, Druten (3) does not. The group's figure
    // for 'noodzaak' (n = 4) minus Wijchen's row would give Beuningen's answer.
    let necessity = NECESSITY;
    let only_necessity = |scan: Scan| {
        let mut scan = promoting_unknown(scan);
        scan = scan.favourability(necessity, 75);
        scan
    };
    let mut respondents = vec![only_necessity(Scan::uniform(1, 2))
        .municipality("Beuningen")
        .build()];
    for _ in 0..3 {
        respondents.push(
            promoting_unknown(Scan::uniform(4, 2))
                .municipality("Druten")
                .build(),
        );
        respondents.push(
            only_necessity(Scan::uniform(4, 2))
                .municipality("Wijchen")
                .build(),
        );
    }
    let report = group(&respondents);
    let wijchen = report
        .municipalities
        .iter()
        .find(|s| s.key == "wijchen")
        .unwrap();
    assert_eq!(wijchen.readiness, None, "{wijchen:?}");
}

#[test]
fn a_shown_row_needs_the_minimum_of_answers_per_factor() {
    // Wijchen 3, two of whom answer "weet niet" on everything promoting:
    // the row's readiness would be the third person's.
    let respondents = vec![
        Scan::uniform(2, 2).municipality("Wijchen").build(),
        promoting_unknown(Scan::uniform(4, 2))
            .municipality("Wijchen")
            .build(),
        promoting_unknown(Scan::uniform(4, 2))
            .municipality("Wijchen")
            .build(),
        Scan::uniform(4, 2).municipality("Druten").build(),
        Scan::uniform(4, 2).municipality("Druten").build(),
        Scan::uniform(4, 2).municipality("Druten").build(),
    ];
    let report = group(&respondents);
    let wijchen = report
        .municipalities
        .iter()
        .find(|s| s.key == "wijchen")
        .unwrap();
    assert_eq!(wijchen.readiness, None);
    assert!(wijchen.risk.is_some());
}

#[test]
fn a_role_row_next_to_a_municipality_row_gives_nobody_away() {
    // Druten: three executives. Wijchen: three civil servants and one
    // executive. Executives (4) minus Druten (3) would be the one Wijchen
    // executive: the executives' figures are withheld, and the report says so.
    let mut respondents = Vec::new();
    for _ in 0..3 {
        respondents.push(
            Scan::uniform(4, 2)
                .municipality("Druten")
                .role(Role::Bestuurder)
                .build(),
        );
        respondents.push(
            Scan::uniform(5, 1)
                .municipality("Wijchen")
                .role(Role::Ambtenaar)
                .build(),
        );
    }
    respondents.push(
        Scan::uniform(2, 4)
            .municipality("Wijchen")
            .role(Role::Bestuurder)
            .build(),
    );
    let report = group(&respondents);
    let executives = report.roles.iter().find(|s| s.key == "bestuurder").unwrap();
    assert!(executives.shown);
    assert_eq!((executives.readiness, executives.risk), (None, None));
    assert!(
        report.disclosure.iter().any(|d| d.contains("Bestuurder")),
        "{:?}",
        report.disclosure
    );
}

#[test]
fn the_next_step_never_contradicts_the_verdict() {
    // All "neutraal": the preconditions phase is too weak (indices), no
    // single factor is a concern. The next step must not say "no concerns".
    for stage in ["preparing", "operating", "orienting"] {
        let report = Scan::uniform(3, 3).stage(stage).report();
        assert!(report.verdict.level.rank() < Promising.rank(), "{stage}");
        let next = report.next_step.unwrap();
        assert!(
            !next.reason.contains("geen zorgpunten"),
            "{stage}: {}",
            next.reason
        );
    }
    // No reason to start: back to the self-analysis, not "set it up now".
    let report = Scan::favourable()
        .favourability(NECESSITY, 50)
        .urgency("not-needed")
        .report();
    assert_level(&report, NoReasonToStart);
    assert_eq!(report.next_step.unwrap().number, 1);
}

#[test]
fn names_typed_on_different_devices_are_one_municipality() {
    for variant in [
        "Druten\u{200B}",
        "\u{FEFF}Druten",
        "Druten.",
        "Ｄｒｕｔｅｎ",
        "Dru\u{00AD}ten",
    ] {
        assert_eq!(
            samenwerkingsscan::name_key(variant),
            "druten",
            "{variant:?}"
        );
    }
    assert_eq!(
        samenwerkingsscan::name_key("İJsselstein"),
        samenwerkingsscan::name_key("IJsselstein")
    );
    assert_eq!(
        samenwerkingsscan::name_key("’s-Hertogenbosch"),
        samenwerkingsscan::name_key("＇s―Hertogenbosch")
    );
}

#[test]
fn one_persons_urgency_never_names_a_municipality() {
    let mut respondents = Vec::new();
    for i in 0..3 {
        let mut scan = Scan::favourable().municipality("Druten");
        if i == 0 {
            scan = scan.urgency("not-needed");
        }
        respondents.push(scan.build());
        respondents.push(
            Scan::favourable()
                .municipality("Wijchen")
                .urgency("short-term")
                .build(),
        );
    }
    let report = group(&respondents).report;
    let signal = report
        .signals
        .iter()
        .find(|s| s.code == "urgency-differs")
        .unwrap();
    assert!(!signal.text.contains("Druten:"), "{}", signal.text);
}

#[test]
fn an_unknown_stage_is_no_vote() {
    let mut respondents = Vec::new();
    for _ in 0..3 {
        respondents.push(Scan::favourable().stage("in-bedrijf").build());
    }
    for _ in 0..2 {
        respondents.push(Scan::favourable().stage("operating").build());
    }
    let report = group(&respondents).report;
    assert!(report.running);
}

#[test]
fn instruments_the_stage_rules_cannot_read_are_refused_with_a_path() {
    let mut value: Value = serde_json::to_value(instrument()).unwrap();
    for phase in value["phases"].as_array_mut().unwrap() {
        phase["after_start"] = json!(true);
    }
    value["plan_steps"][0]["number"] = json!(10);
    let error = Instrument::from_json(&value.to_string()).unwrap_err();
    let paths: Vec<&str> = error.problems.iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"$.phases"), "{paths:?}");
    assert!(paths.contains(&"$.plan_steps[0].number"), "{paths:?}");
}

#[test]
fn a_red_flag_in_the_look_ahead_is_a_point_to_arrange_not_a_veto() {
    // A custom instrument that puts 'lijken in de kast' in the last phase.
    let mut value: Value = serde_json::to_value(instrument()).unwrap();
    for f in value["factors"].as_array_mut().unwrap() {
        if f["id"] == DISTRUST {
            f["phase"] = json!("samenwerking-staat");
        }
    }
    let custom = Instrument::from_json(&value.to_string()).expect("valid");
    let mut answers = Scan::favourable().factor(DISTRUST, 5).build();
    answers.instrument_id = custom.id.clone();
    let report = evaluate(&custom, &answers, Lang::Nl);
    assert_level(&report, Promising);
    assert!(rules(&report).iter().all(|r| !r.starts_with("veto")));
    reason(&report, "arrange-before-start");
}

#[test]
fn no_combination_of_rows_gives_one_person_away() {
    // A second breaker's layout A: Druten 3 civil servants; Wijchen an
    // executive and a council member; Beuningen and Heumen an executive.
    // Total × 7 − Druten × 3 − executives × 3 would be the council member.
    let person = |place: &str, role: Role, v: u8| {
        Scan::uniform(v, 6 - v)
            .municipality(place)
            .role(role)
            .build()
    };
    let respondents = vec![
        person("Druten", Role::Ambtenaar, 4),
        person("Druten", Role::Ambtenaar, 5),
        person("Druten", Role::Ambtenaar, 4),
        person("Wijchen", Role::Bestuurder, 3),
        person("Wijchen", Role::Raadslid, 2),
        person("Beuningen", Role::Bestuurder, 4),
        person("Heumen", Role::Bestuurder, 5),
    ];
    let report = group(&respondents);
    let druten = report
        .municipalities
        .iter()
        .find(|s| s.key == "druten")
        .unwrap();
    assert!(druten.readiness.is_some());
    let executives = report.roles.iter().find(|s| s.key == "bestuurder").unwrap();
    assert_eq!(executives.readiness, None, "{executives:?}");
    // Layout B: overlapping rows that differ by one person each way.
    let respondents = vec![
        person("Druten", Role::Bestuurder, 4),
        person("Druten", Role::Ambtenaar, 5),
        person("Druten", Role::Ambtenaar, 4),
        person("Druten", Role::Ambtenaar, 3),
        person("Wijchen", Role::Bestuurder, 3),
        person("Wijchen", Role::Ambtenaar, 2),
        person("Beuningen", Role::Bestuurder, 4),
    ];
    let report = group(&respondents);
    let druten = report
        .municipalities
        .iter()
        .find(|s| s.key == "druten")
        .unwrap();
    let servants = report.roles.iter().find(|s| s.key == "ambtenaar").unwrap();
    assert!(
        druten.readiness.is_none() || servants.readiness.is_none(),
        "{druten:?} {servants:?}"
    );
}

#[test]
fn the_next_step_says_hoort_for_one_point_and_horen_for_more() {
    let first: Vec<_> = ordinary()
        .into_iter()
        .filter(|f| step_number(&f.id) == 1 && required_phase(&f.phase))
        .collect();
    assert!(first.len() >= 2);
    let one = Scan::favourable()
        .stage("orienting")
        .favourability(&first[0].id, 0)
        .report();
    assert!(one
        .next_step
        .unwrap()
        .reason
        .starts_with("Bij deze stap hoort het zorgpunt"));
    let two = Scan::favourable()
        .stage("orienting")
        .favourability(&first[0].id, 0)
        .favourability(&first[1].id, 0)
        .report();
    assert!(two
        .next_step
        .unwrap()
        .reason
        .starts_with("Bij deze stap horen de zorgpunten"));
}

#[test]
fn a_retired_statement_must_be_gone_and_its_successor_asked() {
    let mut custom = instrument().clone();
    let asked = custom.factors[0].statements[0].id.clone();
    custom.retired[0].id = asked.clone();
    custom.retired[1].replaced_by = "bestaat-niet.9".into();
    let json = serde_json::to_string(&custom).unwrap();
    let problems = Instrument::from_json(&json).unwrap_err().problems;
    assert!(
        problems
            .iter()
            .any(|p| p.path == "$.retired[0].id" && p.message.contains(&asked)),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.path == "$.retired[1].replaced_by" && p.message.contains("bestaat-niet.9")),
        "{problems:?}"
    );
}

#[test]
fn two_concerns_are_named_in_the_plural_joined_by_en() {
    let weak: Vec<_> = ordinary()
        .into_iter()
        .filter(|f| f.phase != first_phase() && f.polarity == Polarity::Promoting)
        .take(2)
        .collect();
    let report = Scan::uniform(4, 3)
        .favourability(&weak[0].id, 0)
        .favourability(&weak[1].id, 0)
        .report();
    let rule = reason(&report, "concerns");
    let expected = format!(
        "‘{}’ en ‘{}’ zijn zorgpunten.",
        weak[0].name.get(Lang::Nl),
        weak[1].name.get(Lang::Nl)
    );
    assert!(rule.text.starts_with(&expected), "{}", rule.text);
    let english = evaluate(
        instrument(),
        &Scan::uniform(4, 3)
            .favourability(&weak[0].id, 0)
            .favourability(&weak[1].id, 0)
            .answers,
        Lang::En,
    );
    assert!(
        reason(&english, "concerns").text.contains("’ and ‘"),
        "{}",
        reason(&english, "concerns").text
    );
    assert!(reason(&english, "concerns").text.contains("are concerns"));
}

#[test]
fn an_unanswered_look_ahead_is_said_not_silently_skipped() {
    let mut scan = Scan::favourable();
    for f in instrument()
        .factors
        .iter()
        .filter(|f| f.phase == "samenwerking-staat")
    {
        scan = scan.unknown(&f.id);
    }
    let report = scan.report();
    let rule = reason(&report, "look-ahead-open");
    assert!(rule.text.contains("niet ingevuld"), "{}", rule.text);
    assert_ne!(report.verdict.level, InsufficientInformation);
    // Running: the third phase is not a look ahead, so no such reason.
    let running = Scan::favourable().stage("operating").report();
    assert!(running.reasons.iter().all(|r| r.rule != "look-ahead-open"));
}

#[test]
fn a_baseline_with_retired_answers_is_not_compared_as_if_the_question_were_the_same() {
    let read = |name: &str| {
        let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
        Answers::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    let baseline = eval(&read("v1-voor-model-v2.json"));
    let current = eval(&read("wijchen-orientatie-vooruitblik.answers.json"));
    let c = samenwerkingsscan::compare(&baseline, &current);
    let changed: Vec<&str> = c
        .factors
        .iter()
        .filter(|f| f.question_changed)
        .map(|f| f.id.as_str())
        .collect();
    // Every factor with a retired statement the baseline answered.
    for old in &instrument().retired {
        if baseline.notices.iter().any(|n| n.path.contains(&old.id)) {
            let factor = old.replaced_by.rsplit_once('.').unwrap().0;
            assert!(changed.contains(&factor), "{factor}");
        }
    }
    assert!(!changed.is_empty());
    for f in c.improved.iter().chain(&c.worsened) {
        assert!(!f.question_changed, "{}", f.id);
    }
    assert!(
        c.notes
            .iter()
            .any(|n| n.contains("door een andere vraag is vervangen")),
        "{:?}",
        c.notes
    );
}

#[test]
fn a_retired_notice_quotes_the_wording_the_respondent_saw_and_knows_when_the_new_one_is_answered() {
    // Before the start: the look-ahead wordings, old and new.
    let answers = Answers::from_json(
        r#"{"context": {"stage": "orienting"}, "responses": {"werkdruk.1": 4}}"#,
    )
    .unwrap();
    let notice = &eval(&answers).notices[0];
    assert!(
        notice.message.contains("Ik verwacht dat medewerkers"),
        "{}",
        notice.message
    );
    assert!(
        notice.message.contains("in versie 2.1.0"),
        "{}",
        notice.message
    );
    assert!(notice.message.contains("Beantwoord de nieuwe stelling."));
    assert!(!notice.message.contains(".’"), "{}", notice.message);
    assert_eq!(notice.factor.as_deref(), Some("werkdruk"));
    // Both answered: the old answer is simply not used.
    let answers =
        Answers::from_json(r#"{"responses": {"visievorming.2": 2, "visievorming.3": 4}}"#).unwrap();
    let report = eval(&answers);
    assert!(
        report.notices[0].message.contains("al beantwoord"),
        "{}",
        report.notices[0].message
    );
    let english = evaluate(instrument(), &answers, Lang::En);
    assert!(
        english.notices[0].message.starts_with("The statement ‘"),
        "{}",
        english.notices[0].message
    );
    assert!(english.notices[0].message.ends_with('.'));
}
