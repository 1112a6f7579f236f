//! Base levels.

use super::*;

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
