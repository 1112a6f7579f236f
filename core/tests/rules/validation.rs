//! Instrument validation.

use super::*;

fn builtin_value() -> Value {
    serde_json::to_value(Instrument::builtin()).unwrap()
}

fn problems(value: &Value) -> Vec<(String, String)> {
    Instrument::from_json(&value.to_string())
        .unwrap_err()
        .problems
        .into_iter()
        .map(|p| (p.path.clone(), p.text(Lang::En)))
        .collect()
}

#[track_caller]
fn assert_problem(value: &Value, path: &str, message: &str) {
    let found = problems(value);
    assert!(
        found.iter().any(|(p, m)| p == path && m.contains(message)),
        "expected {path}: …{message}…, found {found:#?}"
    );
}

#[test]
fn the_builtin_instrument_round_trips_through_json() {
    let parsed = Instrument::from_json(&builtin_value().to_string()).unwrap();
    assert_eq!(&parsed, Instrument::builtin());
}

#[test]
fn duplicate_ids_are_reported_with_their_path() {
    let mut v = builtin_value();
    v["factors"][1]["id"] = v["factors"][0]["id"].clone();
    assert_problem(&v, "$.factors[1].id", "is used twice");

    let mut v = builtin_value();
    v["factors"][2]["statements"][0]["id"] = v["factors"][0]["statements"][0]["id"].clone();
    assert_problem(&v, "$.factors[2].statements[0].id", "is used twice");

    let mut v = builtin_value();
    v["plan_steps"][1]["id"] = v["plan_steps"][0]["id"].clone();
    assert_problem(&v, "$.plan_steps[1].id", "is used twice");
}

#[test]
fn names_longer_than_a_heading_are_reported_with_their_path() {
    use samenwerkingsscan::{MAX_NAME_CHARS, MAX_SHORT_NAME_CHARS};
    let long = |n: usize| {
        json!("Samenwerking "
            .repeat(n)
            .chars()
            .take(n)
            .collect::<String>())
    };
    // At the limit: no problem.
    let mut v = builtin_value();
    v["factors"][0]["name"]["nl"] = long(MAX_NAME_CHARS);
    v["phases"][0]["name"]["en"] = long(MAX_SHORT_NAME_CHARS);
    assert!(Instrument::from_json(&v.to_string()).is_ok());
    // One over: named, with the count and the limit.
    let mut v = builtin_value();
    v["factors"][0]["name"]["nl"] = long(MAX_NAME_CHARS + 1);
    assert_problem(
        &v,
        "$.factors[0].name.nl",
        "has 101 characters; a name has at most 100",
    );
    let mut v = builtin_value();
    v["phases"][1]["name"]["en"] = long(300);
    assert_problem(&v, "$.phases[1].name.en", "at most 60");
    let mut v = builtin_value();
    v["plan_steps"][2]["name"]["nl"] = long(61);
    assert_problem(&v, "$.plan_steps[2].name.nl", "at most 60");
    let mut v = builtin_value();
    v["title"]["en"] = long(500);
    assert_problem(&v, "$.title.en", "at most 100");
}

#[test]
fn missing_translations_are_reported_with_their_path() {
    let mut v = builtin_value();
    v["factors"][0]["name"]
        .as_object_mut()
        .unwrap()
        .remove("en");
    assert_problem(
        &v,
        "$.factors[0].name.en",
        "The text in language ‘en’ is missing",
    );

    let mut v = builtin_value();
    v["factors"][3]["statements"][0]["text"]["nl"] = json!("   ");
    assert_problem(&v, "$.factors[3].statements[0].text.nl", "is missing");

    let mut v = builtin_value();
    v["languages"] = json!(["nl", "en", "fy"]);
    let found = problems(&v);
    assert!(found.iter().any(|(p, _)| p == "$.title.fy"));
    assert!(
        found.len() > instrument().factors.len(),
        "every text lacks Frisian"
    );

    // A language the scan speaks, written otherwise: said once, at its
    // place (its texts are not checked under the misspelled code).
    let mut v = builtin_value();
    v["languages"] = json!(["NL", "en"]);
    assert_problem(&v, "$.languages[0]", "Write the language code ‘NL’ as ‘nl’");
    assert_eq!(problems(&v).len(), 1, "{:#?}", problems(&v));
    // Thousands of problems: the first 200 and one that counts the rest.
    let mut v = builtin_value();
    let many: Vec<String> = (0..50).map(|i| format!("x{i}")).collect();
    v["languages"] = json!(many);
    let found = problems(&v);
    assert_eq!(found.len(), samenwerkingsscan::MAX_PROBLEMS + 1);
    assert!(
        found.last().unwrap().1.starts_with("… and "),
        "{:?}",
        found.last()
    );
    // An id with an invisible character is refused, and quoted without it.
    let mut v = builtin_value();
    v["factors"][0]["id"] = json!("a\u{2060}b");
    assert_problem(&v, "$.factors[0].id", "The id ‘ab’ must be");
    // A code that is no usable id is said once, at its place, cut and
    // cleaned; texts are not checked in it (no copy per text).
    let mut v = builtin_value();
    let odd = format!("x\u{202e}{}", "y".repeat(500));
    v["languages"] = json!(["nl", "en", odd]);
    let found = problems(&v);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, "$.languages[2]");
    assert!(
        !found[0].1.contains('\u{202e}') && found[0].1.len() < 200,
        "{}",
        found[0].1
    );
    // Only languages the scan cannot show: said once, for the list.
    let mut v = builtin_value();
    v["languages"] = json!(["fy"]);
    assert_problem(&v, "$.languages", "in Dutch (‘nl’) or English (‘en’)");
}

#[test]
fn an_empty_phase_is_reported() {
    let mut v = builtin_value();
    v["phases"].as_array_mut().unwrap().push(json!({
        "id": "nazorg",
        "name": {"nl": "Nazorg", "en": "Aftercare"},
        "description": {"nl": "Na afloop", "en": "Afterwards"}
    }));
    let index = instrument().phases.len();
    assert_problem(&v, &format!("$.phases[{index}]"), "has no factors");
}

#[test]
fn weights_out_of_range_are_reported() {
    for weight in [0.0, 0.49, 3.01, 10.0, -1.0] {
        let mut v = builtin_value();
        v["factors"][4]["weight"] = json!(weight);
        assert_problem(
            &v,
            "$.factors[4].weight",
            "The weight must be from 0.5 to 3",
        );
    }
    for weight in [0.5, 3.0] {
        let mut v = builtin_value();
        v["factors"][4]["weight"] = json!(weight);
        assert!(Instrument::from_json(&v.to_string()).is_ok());
    }
}

#[test]
fn unknown_phase_and_plan_step_references_are_reported() {
    let mut v = builtin_value();
    v["factors"][0]["phase"] = json!("fase-vier");
    v["factors"][5]["plan_step"] = json!("stap-zeven");
    let found = problems(&v);
    assert!(found.contains(&(
        "$.factors[0].phase".into(),
        "There is no phase ‘fase-vier’.".into()
    )));
    assert!(found.contains(&(
        "$.factors[5].plan_step".into(),
        "There is no plan step ‘stap-zeven’.".into()
    )));
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut v = builtin_value();
    v["schema_version"] = json!(2);
    v["factors"][0]["weight"] = json!(9);
    v["factors"][1]["statements"] = json!([]);
    v["factors"][2]["advice"] = json!([]);
    v["context"]["urgency"][0]["level"] = json!(4);
    v["context"]["forms"][0]["heaviness"] = json!(0);
    v["scale"]["points"][1]["value"] = json!(7);
    let paths: Vec<String> = problems(&v).into_iter().map(|(p, _)| p).collect();
    for expected in [
        "$.schema_version",
        "$.factors[0].weight",
        "$.factors[1].statements",
        "$.factors[2].advice",
        "$.context.urgency[0].level",
        "$.context.forms[0].heaviness",
        "$.scale.points[1].value",
    ] {
        assert!(
            paths.iter().any(|p| p == expected),
            "{expected} in {paths:?}"
        );
    }
}

#[test]
fn shape_errors_have_a_path_and_syntax_errors_the_root() {
    let mut v = builtin_value();
    v["factors"][3]["polarity"] = json!("neutral");
    let found = problems(&v);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "$.factors[3].polarity");

    let mut v = builtin_value();
    v["factors"][0]["colour"] = json!("red");
    assert!(problems(&v)[0].1.contains("The field ‘colour’ is unknown"));

    let found = Instrument::from_json("{ not json").unwrap_err().problems;
    assert_eq!(found.len(), 1);
    assert!(found[0].path.starts_with('$'));
    assert!(Instrument::from_json("").is_err());
}
