//! Groups: anonymity, consensus, discussion points, subgroups.

use super::*;

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

#[test]
fn municipality_names_as_typed_reach_reports_cut_and_without_invisible_characters() {
    let odd = format!("Evil\u{202e}<b>\u{1b}[2J{}", "x".repeat(500));
    let mut all: Vec<Answers> = (0..3)
        .map(|_| Scan::uniform(1, 5).municipality(&odd).build())
        .collect();
    all.extend((0..3).map(|_| Scan::uniform(5, 1).municipality("Druten").build()));
    let report = group(&all);
    let json = serde_json::to_string(&report).unwrap();
    for bad in ['\u{202e}', '\u{1b}'] {
        if let Some(i) = json.find(bad) {
            let start = json.floor_char_boundary(i.saturating_sub(200));
            panic!("raw {bad:?} in …{}…", &json[start..i]);
        }
    }
    assert!(!json.contains(&"x".repeat(130)), "a name is cut");
    assert!(report
        .municipalities
        .iter()
        .any(|s| s.label.starts_with("Evil<b>[2J")));
}
