//! Answers notices.

use super::*;

#[test]
fn unknown_and_off_scale_answers_are_notices_and_ignored() {
    let first = &instrument().factors[0];
    let s0 = &first.statements[0].id;
    let mut answers = Scan::uniform(4, 2).build();
    answers
        .responses
        .insert("bestaat-niet.1".into(), Response::Scale(3));
    answers.responses.insert(s0.clone(), Response::Scale(9));
    answers.context.stage = Some("dromen".into());
    answers.context.urgency = Some("gisteren".into());
    answers.context.goals = vec!["wereldvrede".into()];
    answers.context.motives = vec!["kosten".into(), "prestige".into()];
    answers.context.domains = vec!["ruimtevaart".into()];
    answers.instrument_id = "andere-lijst".into();
    let notices = answers.check(instrument());
    let paths: Vec<&str> = notices.iter().map(|n| n.path.as_str()).collect();
    for expected in [
        "$.instrument_id",
        "$.responses[\"bestaat-niet.1\"]",
        &format!("$.responses[\"{s0}\"]"),
        "$.context.stage",
        "$.context.urgency",
        "$.context.goals[0]",
        "$.context.motives[1]",
        "$.context.domains[0]",
    ] {
        assert!(paths.contains(&expected), "{expected} in {paths:?}");
    }
    assert_eq!(notices.len(), 8);
    let report = eval(&answers);
    // In the report, in the report's language (Dutch here).
    let in_report: Vec<_> = report
        .notices
        .iter()
        .map(|n| (&n.path, n.message.clone()))
        .collect();
    let dutch: Vec<_> = notices
        .iter()
        .map(|n| (&n.path, n.text(Lang::Nl)))
        .collect();
    assert_eq!(in_report, dutch);
    // The off-scale value counts as not answered (it is in the responses,
    // so as "unknown" in the coverage), the unknown statement not at all.
    let result = &report.factors[0];
    assert_eq!(result.coverage.answered, first.statements.len() - 1);
    assert_eq!(report.coverage.statements, statement_ids().len());
}

#[test]
fn value_zero_is_off_the_scale() {
    let s0 = instrument().factors[0].statements[0].id.clone();
    let answers = Scan::favourable().response(&s0, Response::Scale(0)).build();
    let notices = answers.check(instrument());
    assert_eq!(notices.len(), 1);
    assert!(notices[0].text(Lang::En).contains("not on the scale"));
}

#[test]
fn answers_json_is_forgiving_about_missing_parts() {
    let answers = Answers::from_json("{}").unwrap();
    assert!(answers.responses.is_empty());
    assert!(answers.check(instrument()).is_empty());
    let answers = Answers::from_json(
        r#"{"format_version": 1, "respondent": {"role": "other"}, "responses": {"werkdruk.1": "weet-niet", "werkdruk.2": "n/a"}}"#,
    )
    .unwrap();
    assert_eq!(answers.respondent.role, Some(Role::Anders));
    assert_eq!(answers.responses["werkdruk.1"], Response::Unknown);
    for bad in [
        r#"{"format_version": 0}"#,
        r#"{"format_version": "1"}"#,
        r#""text""#,
        "null",
    ] {
        assert!(Answers::from_json(bad).is_err(), "{bad}");
    }
    // A wrong value costs only itself: a notice with its path.
    for (damaged, path) in [
        (
            r#"{"responses": {"werkdruk.1": 300}}"#,
            "$.responses[\"werkdruk.1\"]",
        ),
        (r#"{"responses": []}"#, "$.responses"),
    ] {
        let answers = Answers::from_json(damaged).unwrap();
        let notices = answers.check(instrument());
        assert_eq!(notices.len(), 1, "{damaged}: {notices:?}");
        assert_eq!(notices[0].path, path);
    }
}

#[test]
fn an_answers_file_from_before_model_v2_still_loads_and_gets_a_verdict() {
    // Format version 1 as saved by the previous release (BLNP, orienting):
    // it has no answers for the time precondition and the old stage ids are
    // the same. It loads unchanged; the new statements are simply open.
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/v1-voor-model-v2.json"
    ))
    .unwrap();
    let answers = Answers::from_json(&text).expect("a version 1 file loads");
    assert_eq!(answers.format_version, 1);
    let report = eval(&answers);
    // Texts v2 (issue 13): an answer to a statement whose meaning changed
    // is not carried over; each one is named, with the statement to answer.
    let retired: Vec<&str> = instrument().retired.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(report.notices.len(), retired.len(), "{:#?}", report.notices);
    for notice in &report.notices {
        let id = notice
            .path
            .trim_start_matches("$.responses[\"")
            .trim_end_matches("\"]");
        assert!(retired.contains(&id), "{notice:?}");
        assert!(
            notice
                .message
                .contains("vervangen door een stelling die iets anders vraagt"),
            "{notice:?}"
        );
    }
    assert_ne!(report.verdict.level, InsufficientInformation);
    let open = reason(&report, "red-flag-unanswered");
    assert_eq!(open.factors, ["tijd-en-geld-investeren"]);
}

#[test]
fn an_answer_to_a_retired_statement_is_not_reused_for_its_successor() {
    for old in &instrument().retired {
        let answers =
            Answers::from_json(&format!(r#"{{"responses": {{"{}": 5}}}}"#, old.id)).unwrap();
        let report = eval(&answers);
        assert_eq!(report.coverage.answered, 0, "{}", old.id);
        let notice = &report.notices[0];
        assert_eq!(notice.path, format!("$.responses[\"{}\"]", old.id));
        let new = instrument()
            .factors
            .iter()
            .flat_map(|f| &f.statements)
            .find(|s| s.id == old.replaced_by)
            .unwrap();
        assert!(
            notice
                .message
                .contains(new.text_for(None, Lang::Nl).trim_end_matches('.')),
            "{}",
            notice.message
        );
        assert!(
            notice.message.contains(
                old.ahead
                    .as_ref()
                    .unwrap_or(&old.text)
                    .get(Lang::Nl)
                    .trim_end_matches('.')
            ),
            "{}",
            notice.message
        );
    }
}
