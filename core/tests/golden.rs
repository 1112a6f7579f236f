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

use samenwerkingsscan::Lang;
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
            let group = aggregate(instrument, &respondents, &GroupOptions::default(), Lang::Nl);
            let json = serde_json::to_string_pretty(&group).unwrap();
            (Outcome::Group(group), json)
        }
        single => {
            let answers = Answers::from_value(single).expect("valid answers");
            let report = evaluate(instrument, &answers, Lang::Nl);
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

/// A running partnership gets no advice that speaks of a start still to come.
fn no_start_wording(report: &Report) {
    assert!(report.running);
    for item in &report.advice {
        for step in &item.steps {
            for phrase in [
                "startmoment",
                "startbesluit",
                "vóór de start",
                "bij de inrichting",
                "vroeg in het traject",
                "voorlopig besluit",
                "definitieve besluit",
                "business case wordt gemaakt",
                "Formaliseer",
            ] {
                assert!(
                    !step.text.contains(phrase),
                    "{}: {}",
                    item.factor,
                    step.text
                );
            }
        }
    }
}

fn level_rank_at_most(report: &Report, level: VerdictLevel) {
    assert!(
        report.verdict.level.rank() <= level.rank(),
        "{:?}: {:#?}",
        report.verdict.level,
        report.reasons
    );
}

/// (a) Bunschoten, Leusden, Nijkerk and Putten prepare working together on
/// bedrijfsvoering (seed 003: on 16 September 2014 the colleges decided to
/// start preparing the decision): comparable sizes, much trust, "slim
/// samenwerken: geen WGR" (a contract), the four K's including costs. Not
/// every step is worked out yet: promising. The contract suits the cost and
/// vulnerability motives (§7.2), and the last phase is a look ahead.
#[test]
fn blnp_bedrijfsvoering_voorbereiding() {
    let outcome = golden("blnp-bedrijfsvoering-voorbereiding");
    let report = outcome.report();
    assert_eq!(report.verdict.level, VerdictLevel::Promising);
    assert!(!report.running);
    assert_eq!(signals(report), ["size-comparable"]);
    let fit = report.form_fit.as_ref().unwrap();
    assert_eq!((fit.form.as_str(), fit.fit), ("contract", Fit::Good));
    assert!(fit.notes.iter().any(|n| n.contains("§7.2")));
    assert!(report
        .strengths
        .iter()
        .any(|s| s.id == "onderling-vertrouwen-en-chemie"));
    assert!(report.phases[2].looking_ahead);
    // The next step lies in the stage, not in the look ahead.
    let next = report.next_step.as_ref().unwrap();
    assert!(next.number <= 4, "{next:?}");
    assert!(!next.going_back);
}

/// (b) Druten and Wijchen prepare one werkorganisatie (seed 001): the
/// necessity is shared and trust is good, but they expect workload, a
/// complex model and discussion about the costs. Those are points to arrange
/// before the start: promising, not ready yet. The full civil-service merger
/// they chose (and ran from 2018) is a caution, not a misfit, and the formal
/// steps (council consent, works councils) are named.
#[test]
fn druten_wijchen_werkorganisatie_voorbereiding() {
    let outcome = golden("druten-wijchen-werkorganisatie-voorbereiding");
    let report = outcome.report();
    assert_eq!(report.verdict.level, VerdictLevel::Promising);
    assert!(!rules(report).contains(&"form-fit"), "{:?}", rules(report));
    let ahead = report
        .reasons
        .iter()
        .find(|r| r.rule == "arrange-before-start")
        .expect("points to arrange before the start");
    assert!(ahead.factors.contains(&"werkdruk".to_string()));
    let fit = report.form_fit.as_ref().unwrap();
    assert_eq!(fit.fit, Fit::Caution);
    assert!(fit.procedure.iter().any(|p| p.contains("WOR")));
    assert!(fit.procedure.iter().any(|p| p.contains("Wgr")));
    assert!(
        signals(report).is_empty(),
        "19,000 and 41,000: neither comparable nor far apart"
    );
}

/// (c) The running Werkorganisatie Druten-Wijchen in 2021 (seed 001): a
/// positive external evaluation, the halted merger behind it, and the
/// councils thinking about their own administrative future. A running
/// partnership is never "ready to start": it runs, with points of attention.
#[test]
fn druten_wijchen_werkorganisatie_in_bedrijf() {
    let outcome = golden("druten-wijchen-werkorganisatie-in-bedrijf");
    let report = outcome.report();
    assert!(report.running);
    assert_eq!(report.verdict.level, VerdictLevel::RunningWithAttention);
    assert_eq!(report.verdict.label, "Loopt, met aandachtspunten");
    assert!(report.reasons.iter().all(|r| !r.text.contains("starten")));
    assert!(report.form_fit.as_ref().unwrap().procedure.is_empty());
    let next = report.next_step.as_ref().unwrap();
    assert!(next.number >= 5 || next.going_back, "{next:?}");
    no_start_wording(report);
}

/// (d) A talk about a municipal merger while old conflicts are unspoken and
/// local parties fear for their identity: the red flag of trust blocks any
/// positive verdict, however the rest scores.
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
    // A merger needs trust on both sides (§7.4): the form does not fit yet.
    assert_eq!(report.form_fit.as_ref().unwrap().fit, Fit::Poor);
    assert!(signals(report).contains(&"urgency-not-shared"));
}

/// (e) Wijchen's literature quickscan (seed 002): an early look at Druten,
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

/// (f) The same council member a few months on: the first two phases are
/// answered, but about a partnership that does not exist yet nothing can be
/// said ("weet niet" throughout the last phase). That is honest, and it
/// does not stand in the way of a verdict.
#[test]
fn wijchen_orientatie_vooruitblik() {
    let outcome = golden("wijchen-orientatie-vooruitblik");
    let report = outcome.report();
    assert_ne!(report.verdict.level, VerdictLevel::InsufficientInformation);
    let fired = rules(report);
    assert!(!fired.contains(&"coverage-low"), "{fired:?}");
    assert!(!fired.contains(&"many-unknown"), "{fired:?}");
    let ahead: usize = Instrument::builtin()
        .statements()
        .filter(|(f, _)| f.phase == "samenwerking-staat")
        .count();
    assert_eq!(
        report.coverage.statements,
        Instrument::builtin().statements().count() - ahead,
        "the look ahead is not counted"
    );
    let next = report.next_step.as_ref().unwrap();
    assert!(next.number <= 3, "{next:?}");
}

/// (g) A small municipality that can carry out its tasks itself for a long
/// time (§8.1 point 3) and sees no clear necessity: §6.3 advises not to
/// start. The verdict says so, instead of "work on the preconditions".
#[test]
fn gemeente_ziet_geen_noodzaak() {
    let outcome = golden("gemeente-ziet-geen-noodzaak");
    let report = outcome.report();
    assert_eq!(report.verdict.level, VerdictLevel::NoReasonToStart);
    assert_eq!(rules(report)[0], "no-reason");
    assert!(report.reasons[0].text.contains("§6.3"));
    // Only the self-analysis of the necessity is advised, and no formal
    // steps of a form that should not be started yet.
    assert!(
        report
            .advice
            .iter()
            .all(|a| a.factor == "noodzaak-onderkend"),
        "{:?}",
        report.advice
    );
    assert!(report.form_fit.as_ref().unwrap().procedure.is_empty());
}

/// (h) Eight people of the running Werkorganisatie Druten-Wijchen (seed 001,
/// after the halted merger): both municipalities, three roles. Wijchen trusts
/// the partnership, Druten much less; the mean hides it, the weakest partner
/// does not. Two executives are below the anonymity minimum and are counted
/// in ‘Overige rollen’ with the smallest role, so nobody's answers follow
/// from the totals.
#[test]
fn druten_wijchen_groep_vertrouwenskloof() {
    let outcome = golden("druten-wijchen-groep-vertrouwenskloof");
    let group = outcome.group();
    assert_eq!(group.respondents, 8);
    assert!(group.report.running);
    level_rank_at_most(&group.report, VerdictLevel::NeedsSteering);
    let gap = group
        .municipality_gaps
        .iter()
        .find(|g| g.factor == "onderling-vertrouwen-en-chemie")
        .expect("a trust gap between Druten and Wijchen");
    assert!(gap.red_flag);
    assert!(gap.gap >= 25.0, "{}", gap.gap);
    let partner = group
        .report
        .reasons
        .iter()
        .find(|r| r.rule == "veto-partner")
        .expect("Druten's distrust decides");
    assert!(partner.text.contains("Druten"), "{}", partner.text);
    let executives = group.roles.iter().find(|r| r.key == "bestuurder").unwrap();
    assert_eq!((executives.n, executives.shown), (2, false));
    assert!(executives.in_other);
    assert!(group.roles.iter().any(|r| r.key == "overige" && r.shown));
    assert!(!group.disclosure.is_empty());
    assert!(group
        .discussion_points
        .contains(&"onderling-vertrouwen-en-chemie".to_string()));
    no_start_wording(&group.report);
}

/// (i) Wijchen, Druten and Beuningen orient together (seed 002, §8.2): three
/// people each from Druten and Wijchen (their names typed in different
/// ways), one from Beuningen. Beuningen's one answer must not follow from the
/// total minus Druten and Wijchen: it is shown together with the smallest
/// municipality as ‘Overige’, and the report says so.
#[test]
fn wijchen_druten_beuningen_verkenning() {
    let outcome = golden("wijchen-druten-beuningen-verkenning");
    let group = outcome.group();
    assert_eq!(group.respondents, 7);
    let keys: Vec<&str> = group
        .municipalities
        .iter()
        .map(|s| s.key.as_str())
        .collect();
    assert_eq!(keys, ["beuningen", "druten", "wijchen", "overige"]);
    let wijchen = &group.municipalities[2];
    assert_eq!((wijchen.label.as_str(), wijchen.n), ("Wijchen", 3));
    let shown: Vec<&str> = group
        .municipalities
        .iter()
        .filter(|s| s.shown)
        .map(|s| s.key.as_str())
        .collect();
    assert_eq!(shown, ["wijchen", "overige"]);
    assert!(group.disclosure[0].contains("Beuningen"));
}

/// The widget loads the built-in instrument one language at a time
/// (`Instrument::builtin_json`, issue 16). Every scenario, as one respondent
/// or as a group, must give the same report in that language as with the
/// full instrument: only the texts of the other language are left out.
#[test]
fn one_language_instrument_gives_the_same_reports() {
    let full = Instrument::builtin();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut scenarios = 0;
    for lang in Lang::ALL {
        let json = Instrument::builtin_json(lang);
        let single = Instrument::from_json(&json)
            .unwrap_or_else(|e| panic!("instrument.{lang}.json does not validate: {e}"));
        assert_eq!(single.languages, [lang.code()]);
        // Only one language's texts: no other language code as a key.
        let other = if lang == Lang::Nl {
            "\"en\":"
        } else {
            "\"nl\":"
        };
        assert!(
            !json.contains(other),
            "{lang}: a text in the other language is left"
        );
        let both = serde_json::to_string(full).unwrap().len();
        assert!(
            json.len() * 100 < both * 65,
            "{lang}: {} of {both} bytes",
            json.len()
        );
        for entry in std::fs::read_dir(&dir).unwrap() {
            let file = entry.unwrap().path();
            let name = file.file_name().unwrap().to_string_lossy().to_string();
            if !name.ends_with(".answers.json") {
                continue;
            }
            let value: Value =
                serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
            let (a, b) = match value {
                Value::Array(items) => {
                    let group: Vec<Answers> = items
                        .into_iter()
                        .map(|v| Answers::from_value(v).unwrap())
                        .collect();
                    let options = GroupOptions::default();
                    (
                        serde_json::to_value(aggregate(full, &group, &options, lang)).unwrap(),
                        serde_json::to_value(aggregate(&single, &group, &options, lang)).unwrap(),
                    )
                }
                one => {
                    let answers = Answers::from_value(one).unwrap();
                    (
                        serde_json::to_value(evaluate(full, &answers, lang)).unwrap(),
                        serde_json::to_value(evaluate(&single, &answers, lang)).unwrap(),
                    )
                }
            };
            assert!(
                a == b,
                "{name} in {lang}: the report differs with instrument.{lang}.json"
            );
            scenarios += 1;
        }
    }
    assert!(scenarios >= 12, "only {scenarios} scenarios compared");
}
