//! Tests of reading, checking and writing answers.

use super::*;
use crate::json::MAX_FILE_BYTES;
use crate::{Instrument, Lang};

#[test]
fn unused_responses_counts_what_check_names() {
    let instrument = Instrument::builtin();
    let answers = Answers::from_json(
        r#"{"responses": {"werkdruk.1": 4, "werkdruk.3": 9, "werkdruk.2": "unknown", "noodzaak-onderkend.1": 5, "bestaat.1": 2}}"#,
    )
    .unwrap();
    assert_eq!(answers.unused_responses(instrument), 3);
    let named = answers
        .check(instrument)
        .iter()
        .filter(|n| n.path.starts_with("$.responses"))
        .count();
    assert_eq!(named, 3);
}

#[test]
fn a_version_that_is_not_a_whole_number_is_named() {
    for bad in [
        r#"{"format_version": "1"}"#,
        r#"{"format_version": 1.5}"#,
        r#"{"format_version": -1}"#,
    ] {
        let error = Answers::from_json(bad).unwrap_err();
        assert!(
            error.to_string().starts_with("$.format_version"),
            "{bad}: {}",
            error
        );
        assert_eq!(
            error.text(Lang::Nl),
            "Het versienummer in dit bestand klopt niet. Deze scan leest versie 1."
        );
    }
}

#[test]
fn missing_parts_default_and_unknown_items_are_notices_not_errors() {
    let instrument = Instrument::builtin();
    let answers = Answers::from_json(
        r#"{"responses": {"nope.1": 3, "noodzaak-onderkend.1": 9}, "context": {"stage": "dreaming"}}"#,
    )
    .unwrap();
    assert_eq!(answers.format_version, ANSWERS_FORMAT_VERSION);
    let notices = answers.check(instrument);
    assert_eq!(notices.len(), 3, "{notices:?}");
}

#[test]
fn rejects_newer_formats_with_a_clear_message() {
    let error = Answers::from_json(r#"{"format_version": 99}"#).unwrap_err();
    assert!(error.to_string().contains("newer"));
}

/// The issue's examples: values that are not on the scale, impossible
/// context and unknown roles are notices with a path; the rest survives.
#[test]
fn wrong_values_are_notices_and_the_rest_of_the_file_survives() {
    let instrument = Instrument::builtin();
    let answers = Answers::from_json(
        r#"{"responses": {"werkdruk.1": 4.5, "werkdruk.2": -1, "werkdruk.3": null,
            "noodzaak-onderkend.1": "4", "noodzaak-onderkend.2": 1e30,
            "noodzaak-onderkend.3": 4.0, "bestaat.1": 3, "visievorming.1": [4]},
           "respondent": {"role": "burgemeester", "municipality": 12},
           "context": {"partners": [{"name": "A", "inhabitants": -5}, {"name": "B", "inhabitants": 12000}, 7],
                       "stage": 3, "goals": ["kwaliteit", 2], "motives": "kosten"},
           "typo": 1}"#,
    )
    .unwrap();
    // Kept: the whole numbers (4.0 is 4) and the second partner.
    assert_eq!(answers.responses.len(), 2, "{:?}", answers.responses);
    assert_eq!(
        answers.responses["noodzaak-onderkend.3"],
        Response::Scale(4)
    );
    assert_eq!(answers.context.partners.len(), 2);
    assert_eq!(answers.context.partners[0].name, "A");
    assert_eq!(answers.context.partners[0].inhabitants, None);
    assert_eq!(answers.context.partners[1].inhabitants, Some(12000));
    assert_eq!(answers.context.goals, ["kwaliteit"]);
    // A list longer than any partnership: the first ones are kept.
    let many = format!(
        r#"{{"context": {{"partners": [{}]}}}}"#,
        vec![r#"{"name": "G"}"#; 24_314].join(",")
    );
    let crowded = Answers::from_json(&many).unwrap();
    assert_eq!(crowded.context.partners.len(), decode::MAX_PARTNERS);
    assert!(crowded.decode_notices[0]
        .text(Lang::Nl)
        .contains("De laatste 24264 tellen niet mee"));
    let notices = answers.check(instrument);
    let paths: Vec<&str> = notices.iter().map(|n| n.path.as_str()).collect();
    for path in [
        "$.typo",
        "$.responses[\"werkdruk.1\"]",
        "$.responses[\"werkdruk.2\"]",
        "$.responses[\"werkdruk.3\"]",
        "$.responses[\"noodzaak-onderkend.1\"]",
        "$.responses[\"noodzaak-onderkend.2\"]",
        "$.responses[\"visievorming.1\"]",
        "$.respondent.role",
        "$.respondent.municipality",
        "$.context.partners[0].inhabitants",
        "$.context.partners[2]",
        "$.context.stage",
        "$.context.goals[1]",
        "$.context.motives",
    ] {
        assert!(paths.contains(&path), "{path} missing in {paths:?}");
    }
    let by_path = |p: &str| notices.iter().find(|n| n.path == p).unwrap();
    assert_eq!(
        by_path("$.context.partners[0].inhabitants").text(Lang::En),
        "The file has the number -5 for the population of municipality 1; expected: a whole number of 1 or more. It does not count."
    );
    assert_eq!(
        by_path("$.responses[\"werkdruk.1\"]").text(Lang::Nl),
        "Bij het antwoord op ‘werkdruk.1’ staat een getal met decimalen; verwacht: een heel getal op de schaal, of ‘unknown’ (weet ik niet). Dat telt niet mee."
    );
    assert_eq!(
        by_path("$.responses[\"noodzaak-onderkend.1\"]").text(Lang::En),
        "The file has the text ‘4’ for the answer to ‘noodzaak-onderkend.1’; expected: a whole number on the scale, or ‘unknown’ (don’t know). It does not count."
    );
}

/// The issue's 13 MB file, at the size limit: unknown ids are listed
/// (first 20, then "and N more") and dropped; the real answer is kept.
#[test]
fn an_import_drops_unknown_statements_and_caps_what_it_lists() {
    let instrument = Instrument::builtin();
    let real = &instrument.factors[0].statements[0].id;
    let mut json = format!("{{\"responses\": {{\"{real}\": 4");
    let mut n = 0;
    while json.len() < MAX_FILE_BYTES - 40 {
        json.push_str(&format!(", \"onbekend.{n}\": 3"));
        n += 1;
    }
    json.push_str("}}");
    let imported = Answers::import(instrument, &json).unwrap();
    assert_eq!(imported.answers.responses.len(), 1);
    assert_eq!(imported.dropped, n);
    assert_eq!(imported.notices.len(), NOTICES_SHOWN);
    assert_eq!(imported.total_notices, n);
    assert_eq!(
        more_notices(imported.total_notices, Lang::Nl).unwrap(),
        format!("… en nog {} meldingen.", n - NOTICES_SHOWN)
    );
    assert_eq!(more_notices(NOTICES_SHOWN, Lang::En), None);
    assert_eq!(
        more_notices(NOTICES_SHOWN + 1, Lang::En).unwrap(),
        "… and 1 more notice."
    );
    // Off the scale and unknown context choices: named and left out.
    let imported = Answers::import(
        instrument,
        &format!(r#"{{"responses": {{"{real}": 7}}, "context": {{"goals": ["x"], "stage": "dreaming"}}}}"#),
    )
    .unwrap();
    assert!(imported.answers.responses.is_empty());
    assert!(imported.answers.context.goals.is_empty());
    assert_eq!(imported.answers.context.stage, None);
    assert_eq!(imported.total_notices, 3);
    // Retired statements are known: kept, so their notice can say what replaced them.
    let retired = &instrument.retired[0].id;
    let imported = Answers::import(
        instrument,
        &format!("{{\"responses\": {{\"{retired}\": 4}}}}"),
    )
    .unwrap();
    assert_eq!(imported.answers.responses.len(), 1);
    assert_eq!(imported.dropped, 0);
    // Another kind of file.
    let error = Answers::import(instrument, r#"{"tallies": {}}"#).unwrap_err();
    assert_eq!(
        error.text(Lang::Nl),
        "Dit bestand bevat geen antwoorden van de Samenwerkingsscan."
    );
}

#[test]
fn a_list_of_respondents_names_the_one_that_is_wrong() {
    let (all, list) =
        Answers::from_json_many(r#"[{"responses": {}}, {"responses": {"x": 4.5}}]"#).unwrap();
    assert!(list);
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].decode_notices[0].path, "$.responses[\"x\"]");
    let error = Answers::from_json_many(r#"[{}, 7]"#).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("$[1]: answers are a group of fields"),
        "{}",
        error.to_string()
    );
    assert_eq!(
        error.text(Lang::Nl),
        "Respondent 2 in de lijst bevat geen antwoorden van de Samenwerkingsscan."
    );
    let (one, list) = Answers::from_json_many("{}").unwrap();
    assert!(!list && one.len() == 1);
}

#[test]
fn only_an_unusable_whole_is_an_error() {
    for (json, english) in [
        ("[1, 2]", "$: answers are a group of fields"),
        ("\"x\"", "$: answers are a group of fields"),
        ("{\"a\": }", "This is not a readable JSON file"),
    ] {
        let error = Answers::from_json(json).unwrap_err();
        assert!(error.to_string().starts_with(english), "{json}: {}", error);
    }
    let big = format!(
        "{{\"responses\": {{\"x\": 1}}, \"pad\": \"{}\"}}",
        " ".repeat(MAX_FILE_BYTES)
    );
    let error = Answers::from_json(&big).unwrap_err();
    assert!(
        error.to_string().contains("up to 1 MB"),
        "{}",
        error.to_string()
    );
    assert!(error.text(Lang::Nl).contains("tot 1 MB"));
}

#[test]
fn errors_and_notices_speak_dutch_and_english() {
    let cases = [
        (
            "{\"responses\": ",
            "geen leesbaar JSON-bestand: het bestand houdt te vroeg op; er mist iets aan het eind (regel 1, kolom 14)",
        ),
        ("[1, 2]", "bevat geen antwoorden"),
        (r#"{"format_version": 99}"#, "nieuwere versie"),
        (
            r#"{"format_version": 0}"#,
            "versienummer in dit bestand klopt niet",
        ),
        (
            r#"{"format_version": 1.5}"#,
            "versienummer in dit bestand klopt niet",
        ),
    ];
    for (json, dutch) in cases {
        let error = Answers::from_json(json).unwrap_err();
        assert!(
            error.text(Lang::Nl).contains(dutch),
            "{json}: {}",
            error.text(Lang::Nl)
        );
        assert_eq!(error.text(Lang::En), error.to_string());
    }

    let instrument = Instrument::builtin();
    let answers = Answers::from_json(
        r#"{"instrument_id": "other", "responses": {"nope.1": 3, "noodzaak-onderkend.1": 9},
            "context": {"stage": "dreaming", "urgency": "x", "form": "y", "goals": ["z"]}}"#,
    )
    .unwrap();
    let notices = answers.check(instrument);
    assert_eq!(notices.len(), 7, "{notices:?}");
    for notice in &notices {
        let dutch = notice.text(Lang::Nl);
        assert!(
            dutch.ends_with("telt niet mee.") || dutch.contains("tellen wel mee"),
            "{dutch}"
        );
        assert_eq!(
            notice.to_string(),
            format!("{}: {}", notice.path, notice.text(Lang::En))
        );
    }
    // Written for scripts: the path and the English sentence.
    let json: serde_json::Value = serde_json::to_value(&notices[0]).unwrap();
    assert_eq!(json["message"], notices[0].text(Lang::En));
}

#[test]
fn round_trips_through_json() {
    let mut answers = Answers::new(Instrument::builtin());
    answers.respondent.role = Some(Role::Raadslid);
    answers.responses.insert("x.1".into(), Response::Unknown);
    answers.responses.insert("x.2".into(), Response::Scale(2));
    assert_eq!(Answers::from_json(&answers.to_json()).unwrap(), answers);
}

#[test]
fn answered_counts_the_instrument_s_statements_with_a_response() {
    let instrument = Instrument::builtin();
    let mut answers = Answers::new(instrument);
    assert_eq!(answers.answered(instrument), 0);
    let first = &instrument.factors[0].statements[0].id;
    answers.responses.insert(first.clone(), Response::Scale(4));
    answers.responses.insert(
        instrument.factors[1].statements[0].id.clone(),
        Response::Unknown,
    );
    // A statement this questionnaire does not ask is no progress.
    answers
        .responses
        .insert("bestaat-niet.1".into(), Response::Scale(3));
    assert_eq!(answers.answered(instrument), 2);
}

#[test]
fn notices_beyond_what_a_decode_writes_out_are_counted_in_the_total() {
    let instrument = Instrument::builtin();
    let responses: Vec<String> = (0..300).map(|i| format!(r#""x{i}": "vier""#)).collect();
    let json = format!(r#"{{"responses": {{{}}}}}"#, responses.join(","));
    let imported = Answers::import(instrument, &json).unwrap();
    assert_eq!(imported.total_notices, 300);
    assert_eq!(imported.notices.len(), NOTICES_SHOWN);
}
