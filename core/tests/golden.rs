//! Golden tests: full reports (in Dutch) for realistic scenarios, written
//! from the partnerships in the seed documents. The answers are invented: they
//! describe what a respondent in such a situation might answer, not what the
//! real municipalities think.
//!
//! Each scenario has `tests/golden/<name>.answers.json` (one respondent, or a
//! JSON array for a group) and the expected `tests/golden/<name>.report.json`.
//! After an intended change to the instrument or the rules, regenerate with
//!
//! ```sh
//! UPDATE_GOLDEN=1 cargo test -p samenwerkingsscan --test golden
//! ```
//!
//! and read the diff: the verdict of every scenario is also asserted here, so
//! a regenerated file cannot silently flip it.

use samenwerkingsscan::{
    aggregate, evaluate, Answers, Fit, GroupOptions, GroupReport, Instrument, Report, VerdictLevel,
};
use serde_json::Value;
use std::path::PathBuf;

fn path(name: &str, kind: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{name}.{kind}.json"))
}

enum Outcome {
    Single(Report),
    Group(GroupReport),
}

impl Outcome {
    fn report(&self) -> &Report {
        match self {
            Outcome::Single(report) => report,
            Outcome::Group(group) => &group.report,
        }
    }

    fn group(&self) -> &GroupReport {
        match self {
            Outcome::Group(group) => group,
            Outcome::Single(_) => panic!("not a group scenario"),
        }
    }
}

/// Evaluates the scenario and compares (or with UPDATE_GOLDEN=1 rewrites)
/// the expected report.
fn golden(name: &str) -> Outcome {
    let instrument = Instrument::builtin();
    let input = std::fs::read_to_string(path(name, "answers")).expect("answers file");
    let value: Value = serde_json::from_str(&input).expect("answers file is JSON");
    let (outcome, actual) = match value {
        Value::Array(items) => {
            let respondents: Vec<Answers> = items
                .into_iter()
                .map(|v| Answers::from_value(v).expect("valid answers"))
                .collect();
            let group = aggregate(instrument, &respondents, &GroupOptions::default(), "nl");
            let json = serde_json::to_string_pretty(&group).unwrap();
            (Outcome::Group(group), json)
        }
        single => {
            let answers = Answers::from_value(single).expect("valid answers");
            let report = evaluate(instrument, &answers, "nl");
            let json = serde_json::to_string_pretty(&report).unwrap();
            (Outcome::Single(report), json)
        }
    };
    let actual = actual + "\n";
    // Golden answers must fit the instrument: a renamed statement would
    // otherwise quietly become a gap.
    assert!(
        outcome.report().notices.is_empty(),
        "{name}: {:#?}",
        outcome.report().notices
    );
    let expected_path = path(name, "report");
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::write(&expected_path, &actual).expect("write golden file");
    } else {
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_else(|_| {
            panic!(
                "{} is missing; create it with UPDATE_GOLDEN=1",
                expected_path.display()
            )
        });
        if expected != actual {
            let line = expected
                .lines()
                .zip(actual.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(expected.lines().count().min(actual.lines().count()));
            panic!(
                "{name}: the report differs from {} from line {}:\n  expected: {}\n  actual:   {}\n\
                 If the change is intended, run UPDATE_GOLDEN=1 cargo test -p samenwerkingsscan --test golden and review the diff.",
                expected_path.display(),
                line + 1,
                expected.lines().nth(line).unwrap_or("<end of file>"),
                actual.lines().nth(line).unwrap_or("<end of file>"),
            );
        }
    }
    outcome
}

fn rules(report: &Report) -> Vec<&str> {
    report.reasons.iter().map(|r| r.rule.as_str()).collect()
}

fn signals(report: &Report) -> Vec<&str> {
    report.signals.iter().map(|s| s.code.as_str()).collect()
}

/// (a) Bunschoten, Leusden, Nijkerk and Putten orient on working together on
/// bedrijfsvoering (seed 003): comparable sizes, much trust, "slim
/// samenwerken: geen WGR" (a light form), the four K's including costs, and
/// quick wins. Not every step is worked out yet: promising, and the light
/// form is questioned for the cost motive.
#[test]
fn blnp_bedrijfsvoering_orientatie() {
    let outcome = golden("blnp-bedrijfsvoering-orientatie");
    let report = outcome.report();
    assert_eq!(report.verdict.level, VerdictLevel::Promising);
    assert_eq!(signals(report), ["size-comparable"]);
    let fit = report.form_fit.as_ref().unwrap();
    assert_eq!((fit.form.as_str(), fit.fit), ("contract", Fit::Caution));
    assert!(report
        .strengths
        .iter()
        .any(|s| s.id == "onderling-vertrouwen-en-chemie"));
}

/// (b) Druten and Wijchen prepare one werkorganisatie (seed 001): the
/// necessity is shared and trust is good, but workload, the complexity of
/// the model and the cost allocation worry. A full civil-service merger on
/// top of that is a poor fit.
#[test]
fn druten_wijchen_werkorganisatie_voorbereiding() {
    let outcome = golden("druten-wijchen-werkorganisatie-voorbereiding");
    let report = outcome.report();
    assert_eq!(report.verdict.level, VerdictLevel::Promising);
    assert!(rules(report).contains(&"concerns"), "{:?}", rules(report));
    let fit = report.form_fit.as_ref().unwrap();
    assert_eq!(fit.fit, Fit::Poor);
    let risks: Vec<&str> = report.risks.iter().map(|r| r.id.as_str()).collect();
    assert!(risks.contains(&"werkdruk"), "{risks:?}");
    assert!(risks.contains(&"complexiteit-van-het-model"), "{risks:?}");
    assert!(
        signals(report).is_empty(),
        "19,000 and 41,000: neither comparable nor far apart"
    );
}

/// (c) A talk about a municipal merger while old conflicts are unspoken, the
/// councils are restless and local parties fear for their identity: the red
/// flags block any positive verdict, however the rest scores.
#[test]
fn fusieverkenning_wantrouwen() {
    let outcome = golden("fusieverkenning-wantrouwen");
    let report = outcome.report();
    assert_eq!(report.verdict.level, VerdictLevel::NotReady);
    let veto = report
        .reasons
        .iter()
        .find(|r| r.rule == "veto-severe")
        .expect("a severe veto");
    assert!(veto
        .factors
        .contains(&"lijken-in-de-kast-en-wantrouwen".to_string()));
    assert_eq!(rules(report)[0], "veto-severe");
    assert_eq!(report.advice[0].factor, "lijken-in-de-kast-en-wantrouwen");
    assert_eq!(report.form_fit.as_ref().unwrap().fit, Fit::Caution);
    assert!(signals(report).contains(&"urgency-not-shared"));
}

/// (d) Wijchen's literature quickscan (seed 002): an early look at Druten,
/// Beuningen and Nijmegen by a council member who cannot yet answer much.
/// The scan refuses to guess, and notes the size difference with Nijmegen.
#[test]
fn wijchen_quickscan_weet_niet() {
    let outcome = golden("wijchen-quickscan-weet-niet");
    let report = outcome.report();
    assert_eq!(report.verdict.level, VerdictLevel::InsufficientInformation);
    let fired = rules(report);
    assert!(fired.contains(&"coverage-low"), "{fired:?}");
    assert!(fired.contains(&"many-unknown"), "{fired:?}");
    assert!(signals(report).contains(&"size-difference"));
    assert!(report.form_fit.is_none());
    assert!(!report.gaps.is_empty());
}

/// (e) Eight people of the running Werkorganisatie Druten-Wijchen (seed 001,
/// after the halted merger): both municipalities, three roles. Wijchen trusts
/// the partnership, Druten much less; that gap on a red flag is itself the
/// risk, and caps the verdict. Two executives are below the anonymity
/// minimum and are not shown as a group.
#[test]
fn druten_wijchen_groep_vertrouwenskloof() {
    let outcome = golden("druten-wijchen-groep-vertrouwenskloof");
    let group = outcome.group();
    assert_eq!(group.respondents, 8);
    assert_eq!(group.report.verdict.level, VerdictLevel::Promising);
    let gap = group
        .municipality_gaps
        .iter()
        .find(|g| g.factor == "onderling-vertrouwen-en-chemie")
        .expect("a trust gap between Druten and Wijchen");
    assert!(gap.red_flag);
    assert!(gap.gap >= 50.0, "{}", gap.gap);
    assert!(rules(&group.report).contains(&"gap-municipalities"));
    let executives = group.roles.iter().find(|r| r.key == "bestuurder").unwrap();
    assert_eq!((executives.n, executives.shown), (2, false));
    assert!(group.roles.iter().filter(|r| r.shown).count() == 2);
    assert!(group
        .discussion_points
        .contains(&"onderling-vertrouwen-en-chemie".to_string()));
}
