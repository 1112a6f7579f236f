//! Context signals.

use super::*;

fn signal_codes(scan: Scan) -> Vec<String> {
    scan.report().signals.into_iter().map(|s| s.code).collect()
}

#[test]
fn a_large_size_difference_is_a_signal() {
    let scan = Scan::uniform(4, 2)
        .favourability(COMPARABILITY, 50)
        .partner("Nijmegen", 179_000)
        .partner("Druten", 19_000);
    let report = scan.report();
    let signal = report
        .signals
        .iter()
        .find(|s| s.code == "size-difference")
        .unwrap();
    assert!(
        signal
            .text
            .contains("Nijmegen is 9,4 keer zo groot als Druten"),
        "{}",
        signal.text
    );
    let english = evaluate(instrument(), &scan.answers, Lang::En);
    assert!(english.signals[0].text.contains("9.4 times"));
    assert!(!signal_codes(scan).contains(&"size-vs-comparability".to_string()));
}

#[test]
fn a_size_difference_against_comparable_answers_is_a_signal() {
    let codes = signal_codes(
        Scan::favourable()
            .favourability(COMPARABILITY, 100)
            .partner("Nijmegen", 179_000)
            .partner("Druten", 19_000),
    );
    assert_eq!(codes, ["size-difference", "size-vs-comparability"]);
}

#[test]
fn comparable_sizes_are_a_signal_and_the_middle_ground_is_silent() {
    // Seed 003: Bunschoten, Leusden, Nijkerk and Putten, 20,000–40,000 inhabitants.
    let codes = signal_codes(
        Scan::favourable()
            .partner("Bunschoten", 20_000)
            .partner("Leusden", 30_000)
            .partner("Nijkerk", 40_000)
            .partner("Putten", 24_000),
    );
    assert_eq!(codes, ["size-comparable"]);
    let codes = signal_codes(
        Scan::favourable()
            .partner("Wijchen", 41_000)
            .partner("Druten", 19_000),
    );
    assert!(codes.is_empty(), "ratio 2.2 is neither: {codes:?}");
    // Partners without inhabitants or with 0 do not count.
    let mut scan = Scan::favourable()
        .partner("Wijchen", 41_000)
        .partner("Druten", 0);
    scan.answers
        .context
        .partners
        .push(samenwerkingsscan::Partner {
            name: "Beuningen".into(),
            inhabitants: None,
        });
    assert!(signal_codes(scan).is_empty());
}

#[test]
fn many_partners_is_a_signal() {
    let mut scan = Scan::favourable();
    for (i, name) in ["Bunschoten", "Leusden", "Nijkerk", "Putten"]
        .iter()
        .enumerate()
    {
        scan = scan.partner(name, 25_000 + i as u32);
    }
    assert!(!signal_codes(scan.clone()).contains(&"many-partners".to_string()));
    assert_eq!(MANY_PARTNERS, 5);
    let report = scan.partner("Barneveld", 25_010).report();
    let signal = report
        .signals
        .iter()
        .find(|s| s.code == "many-partners")
        .unwrap();
    assert!(signal.text.contains("Met 5 partners"));
}

#[test]
fn short_term_urgency_without_shared_necessity_is_a_signal() {
    let codes = signal_codes(
        Scan::favourable()
            .favourability(NECESSITY, 50)
            .urgency("short-term"),
    );
    assert_eq!(codes, ["urgency-not-shared"]);
    let codes = signal_codes(Scan::favourable().urgency("short-term"));
    assert!(codes.is_empty());
    // Unknown necessity is no evidence either way.
    let codes = signal_codes(Scan::favourable().missing(NECESSITY).urgency("short-term"));
    assert!(codes.is_empty());
}

#[test]
fn no_urgency_is_a_signal() {
    let codes = signal_codes(Scan::favourable().urgency("not-needed"));
    assert_eq!(codes, ["urgency-low"]);
    assert!(signal_codes(Scan::favourable().urgency("medium-term")).is_empty());
}
