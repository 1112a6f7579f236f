//! Advice.

use super::*;

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
