//! Vetoes.

use super::*;

/// Red flags other than necessity (a necessity concern before the start is
/// "no reason to start", tested below).
pub(crate) fn vetoing_flags() -> Vec<&'static samenwerkingsscan::Factor> {
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
