//! Known wrong terms stay out of every text people read: the instrument,
//! the widget's texts and the CLI's report. (Issue 13: a start of the
//! glossary tests; each entry says why it is wrong.)

use std::path::Path;

/// (wrong, why) — matched case-sensitively as written.
const WRONG: &[(&str, &str)] = &[
    (
        "Alle vragen zijn niet verplicht",
        "ambiguous: 'Geen enkele vraag is verplicht'",
    ),
    ("tegen aan", "one word: 'tegenaan'"),
    ("verder zetten", "'voortzetten'"),
    ("Genegeerde invoer", "jargon: 'Niet gebruikte invoer'"),
    (
        "één bestuurlijk en één ambtelijk trekker",
        "'bestuurlijke … ambtelijke trekker'",
    ),
    (
        "administrators",
        "bestuurders are executives (aldermen, mayors); the website’s administrator is fine",
    ),
    (
        "Neem geen voorlopig besluit zonder business case",
        "§8.3 ties the business case to the definitive decision",
    ),
    (
        "bijvoorbeeld naar inwonertal",
        "no source says so; seed 001 ties the key to what each municipality uses",
    ),
];

const FILES: &[&str] = &[
    "core/data/instrument.json",
    "web/src/i18n/nl.rs",
    "web/src/i18n/en.rs",
    "cli/src/markdown.rs",
    "core/src/verdict.rs",
    "core/src/advice.rs",
    "core/src/signals.rs",
    "core/src/group.rs",
];

#[test]
fn known_wrong_terms_are_nowhere() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut found = Vec::new();
    for file in FILES {
        let text = std::fs::read_to_string(root.join(file)).expect(file);
        for (wrong, why) in WRONG {
            if text.contains(wrong) {
                found.push(format!("{file}: '{wrong}' ({why})"));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}
