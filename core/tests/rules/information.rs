//! Information.

use super::*;

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
