//! Preconditions, concerns, unanswered red flags.

use super::*;

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
