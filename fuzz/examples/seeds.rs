//! Writes the seed corpora under fuzz/seeds/ (run from fuzz/:
//! `cargo +nightly run --example seeds`). The seeds are committed; run this
//! again only when a format changes.

use samenwerkingsscan::{encode_share, Answers, Instrument, Partner, Response, Role, Workshop};
use std::fs;
use std::path::Path;

fn write(target: &str, name: &str, text: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(target);
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join(name), text).unwrap();
}

fn main() {
    let instrument = Instrument::builtin();
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core");

    // Answers: one made here with every part filled in, two golden files.
    let mut answers = Answers::new(instrument);
    answers.respondent.role = Some(Role::ALL[0]);
    answers.respondent.municipality = Some("Wijchen".into());
    answers.context.partners = vec![
        Partner {
            name: "Druten".into(),
            inhabitants: Some(18_900),
        },
        Partner {
            name: "Wijchen".into(),
            inhabitants: Some(41_300),
        },
    ];
    let spec = &instrument.context;
    answers.context.stage = spec.stages.first().map(|s| s.id.clone());
    answers.context.urgency = spec.urgency.get(1).map(|u| u.id.clone());
    answers.context.goals = spec.goals.iter().take(2).map(|c| c.id.clone()).collect();
    answers.context.motives = spec.motives.iter().take(1).map(|c| c.id.clone()).collect();
    answers.context.form = spec.forms.get(1).map(|f| f.id.clone());
    answers.context.domains = spec.domains.iter().take(2).map(|c| c.id.clone()).collect();
    for (i, (_, statement)) in instrument.statements().enumerate() {
        let response = match i % 7 {
            6 => Response::Unknown,
            n => Response::Scale(n as u8 % 5 + 1),
        };
        answers.responses.insert(statement.id.clone(), response);
    }
    write("answers", "full.json", &compact(&answers.to_json()));
    write(
        "answers",
        "minimal.json",
        r#"{"format_version": 1, "responses": {"noodzaak-onderkend.1": 4, "noodzaak-onderkend.2": "unknown"}}"#,
    );
    for golden in [
        "wijchen-quickscan-weet-niet",
        "druten-wijchen-werkorganisatie-in-bedrijf",
    ] {
        let path = core.join(format!("tests/golden/{golden}.answers.json"));
        // Compact: the pretty files are longer than -max_len=4096.
        let json = compact(&fs::read_to_string(path).unwrap());
        write("answers", &format!("{golden}.json"), &json);
    }

    // Instrument: the data file as it is.
    let json = fs::read_to_string(core.join("data/instrument.json")).unwrap();
    write("instrument", "instrument.json", &json);
    // A small instrument that still validates: English only, the first
    // factor of each phase, no retired statements. Mutations of a 4 KB
    // input reach far more of the validator than those of a 135 KB one.
    let mut small: serde_json::Value = serde_json::from_str(&json).unwrap();
    keep_language(&mut small, "en");
    small["languages"] = serde_json::json!(["en"]);
    small["retired"] = serde_json::json!([]);
    let mut phases_seen = std::collections::HashSet::new();
    let factors = small["factors"].as_array_mut().unwrap();
    factors.retain(|f| phases_seen.insert(f["phase"].to_string()));
    let small = serde_json::to_string(&small).unwrap();
    if let Err(e) = Instrument::from_json(&small) {
        panic!("the small instrument does not validate: {e}");
    }
    write("instrument", "small.json", &small);

    // Share codes: without and with context, and empty answers.
    let with = encode_share(instrument, &answers, true);
    let without = encode_share(instrument, &answers, false);
    write("share", "with-context.txt", &with);
    write("share", "without-context.txt", &without);
    write(
        "share",
        "empty.txt",
        &encode_share(instrument, &Answers::new(instrument), false),
    );

    // share_body: the same codes without version, fingerprint and checksum.
    for (name, code) in [("with-context", &with), ("without-context", &without)] {
        let tail = samenwerkingsscan_fuzz::share_frame::tail(code).unwrap();
        assert_eq!(
            &samenwerkingsscan_fuzz::share_frame::frame(instrument, &tail),
            code
        );
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/share_body");
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join(format!("{name}.bin")), tail).unwrap();
    }

    // Workshop: votes, a note, a revealed factor, two participants.
    let mut workshop = Workshop::new(instrument);
    workshop.title = "Druten en Wijchen, raadsconferentie".into();
    let factors: Vec<String> = instrument
        .factors
        .iter()
        .take(3)
        .map(|f| f.id.clone())
        .collect();
    for (i, factor) in factors.iter().enumerate() {
        for point in 0..=instrument.scale_max() {
            workshop.set_votes(instrument, factor, point, (i as u32 + 1) * u32::from(point));
        }
    }
    workshop.set_note(&factors[0], "Vertrouwen is er, tijd niet.");
    workshop.revealed.insert(factors[0].clone());
    let mut other = answers.clone();
    other.respondent.role = Some(Role::ALL[1]);
    other.responses.insert(
        instrument.statements().next().unwrap().1.id.clone(),
        Response::Scale(1),
    );
    workshop.add_answers(instrument, &answers, "a".into());
    workshop.add_answers(instrument, &other, "b".into());
    write("workshop", "workshop.json", &workshop.to_json());
    // add_codes reads the same input: a pasted list of codes and a link.
    write(
        "workshop",
        "codes.txt",
        &format!("{without}\n{with}\nhttps://example.org/scan#code={without}\n"),
    );
}

fn compact(json: &str) -> String {
    serde_json::to_string(&serde_json::from_str::<serde_json::Value>(json).unwrap()).unwrap()
}

/// Drops every translation but `lang` from the texts (objects with "nl" and "en").
fn keep_language(value: &mut serde_json::Value, lang: &str) {
    match value {
        serde_json::Value::Object(map) => {
            if map.contains_key("nl") && map.contains_key("en") {
                map.retain(|k, _| k == lang);
            }
            map.values_mut().for_each(|v| keep_language(v, lang));
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| keep_language(v, lang)),
        _ => {}
    }
}
