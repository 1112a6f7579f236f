//! The glossary (`core/GLOSSARY.md`) is used everywhere: the terms it lists
//! under "Niet gebruiken / Do not use" appear in no text people read — the
//! instrument, the core's report texts, the widget's texts and the CLI.

use samenwerkingsscan::Lang;
use std::path::{Path, PathBuf};

/// Every file whose strings people read. Directories are read whole.
const PLACES: &[&str] = &[
    "core/data/instrument.json",
    "core/src",
    "web/src/i18n",
    "cli/src",
    "js/src",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// (wrong, why) from the glossary's last section: lines "- `wrong` — why".
fn wrong_terms() -> Vec<(String, String)> {
    let glossary = std::fs::read_to_string(root().join("core/GLOSSARY.md")).unwrap();
    let section = glossary
        .split("## Niet gebruiken / Do not use")
        .nth(1)
        .expect("GLOSSARY.md has a section 'Niet gebruiken / Do not use'");
    section
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("- `")?;
            let (wrong, why) = rest.split_once('`')?;
            Some((
                wrong.to_string(),
                why.trim_start_matches([' ', '—']).to_string(),
            ))
        })
        .collect()
}

fn texts() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for place in PLACES {
        let path = root().join(place);
        let files: Vec<PathBuf> = if path.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(&path)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == "rs"))
                .collect();
            v.sort();
            v
        } else {
            vec![path]
        };
        for file in files {
            let mut text = std::fs::read_to_string(&file).unwrap();
            if file.ends_with("instrument.json") {
                // Retired statements quote what an older version asked.
                let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
                value.as_object_mut().unwrap().remove("retired");
                text = value.to_string();
            }
            let name = file
                .strip_prefix(root())
                .unwrap_or(&file)
                .display()
                .to_string();
            out.push((name, text));
        }
    }
    out
}

#[test]
fn the_glossary_lists_wrong_terms() {
    let wrong = wrong_terms();
    assert!(wrong.len() >= 30, "{wrong:?}");
    assert!(wrong
        .iter()
        .all(|(w, why)| !w.is_empty() && !why.is_empty()));
}

#[test]
fn known_wrong_terms_are_nowhere() {
    let wrong = wrong_terms();
    let mut found = Vec::new();
    for (file, text) in texts() {
        for (term, why) in &wrong {
            if text.contains(term.as_str()) {
                found.push(format!("{file}: '{term}' ({why})"));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

/// The instrument's own statements keep the rules of the glossary: one
/// respondent's perception, no negation (a "disagree" would be a double
/// negative), and "Ik verwacht dat …" for every look ahead.
#[test]
fn statements_have_no_negation_and_look_ahead_as_expectations() {
    let instrument = samenwerkingsscan::Instrument::builtin();
    let negations = [
        " niet ",
        " niet.",
        " geen ",
        "Geen ",
        " nooit ",
        " niets ",
        "onduidelijk",
        "Niet ",
    ];
    let mut found = Vec::new();
    for statement in instrument.factors.iter().flat_map(|f| &f.statements) {
        let nl = format!(" {} ", statement.text.get(Lang::Nl));
        for n in negations {
            if nl.contains(n) {
                found.push(format!("{}: '{n}' in {nl}", statement.id));
            }
        }
        for (kind, text) in [("and", " en "), ("or", " of ")] {
            // Two ideas joined; a list of examples after "zoals" is one idea.
            let before_example = nl.split("zoals").next().unwrap_or("");
            if before_example.matches(text).count() > 0
                && !ALLOWED_JOINS.contains(&statement.id.as_str())
            {
                found.push(format!("{}: '{kind}' joins two ideas? {nl}", statement.id));
            }
        }
        if let Some(ahead) = &statement.ahead {
            if !ahead.get(Lang::Nl).starts_with("Ik verwacht")
                || !ahead.get(Lang::En).starts_with("I expect")
            {
                found.push(format!(
                    "{}: look ahead without 'Ik verwacht'",
                    statement.id
                ));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

/// Statements where "en"/"of" does not join two ideas (checked by hand).
const ALLOWED_JOINS: &[&str] = &[
    // "kosten en baten" is one thing: the business case.
    "gedegen-onderzoek-en-zorgvuldige-aanpak.1",
    "besluitvorming-op-basis-van-gevoel.3",
    // "procesbegeleider of adviseur": one role, two names for it.
    "onafhankelijke-blik.1",
    // "In een of meer van de gemeenten": a count, not a choice.
    "instabiele-politiek-bestuurlijke-omgeving.1",
    // "eerst over doelen en pas daarna over de vorm": one idea, an order.
    "belangen-bij-elkaar-brengen-eerst-denken-dan-doen.2",
    // "zich zorgen maken of zij …": "of" is "whether".
    "selectie-bij-de-poort.4",
];
