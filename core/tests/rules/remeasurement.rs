//! Re-measurement.

use super::*;

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
