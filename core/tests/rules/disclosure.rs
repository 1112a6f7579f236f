//! Disclosure control: the attacks a breaker tried (issue 12).

use super::*;

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
            .any(|p| p.path == "$.retired[0].id" && p.text(Lang::En).contains(&asked)),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.path == "$.retired[1].replaced_by"
                && p.text(Lang::En).contains("bestaat-niet.9")),
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
