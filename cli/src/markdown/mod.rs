//! Markdown for a municipal adviser: the verdict and why, the figures per
//! phase, strengths and risks, advice with its sources, the next step of the
//! six-step plan, the fit of the intended form and the context signals; for
//! groups also who answered, what to discuss and where partners or roles
//! differ. All texts from the report are used as they are (already in the
//! report's language); only headings and connecting words are added here.

use samenwerkingsscan::{
    Band, Comparison, Consensus, Delta, FactorRef, Gap, GroupReport, Lang, Polarity, Report,
    Subgroup,
};
use std::fmt::Write;

use samenwerkingsscan::{change as signed, figure as whole, percent};

/// Text for a table cell: as running text (no line breaks, pipes and
/// formatting characters escaped, so no HTML or link from a file renders).
fn cell(text: &str) -> String {
    inline(text)
}

/// Text for running Markdown: characters that would start formatting escaped.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '\\' | '&'
        ) {
            out.push('\\');
        }
        out.push(if c == '\n' || c == '\r' { ' ' } else { c });
    }
    out
}

fn band_word(band: Option<Band>, lang: Lang) -> String {
    band.map_or_else(
        || lang.pick("niet beantwoord", "not answered").to_string(),
        |b| b.label(lang).to_lowercase(),
    )
}

/// "eensgezindheid groot" (the core's word for the consensus), or "–".
fn consensus_word(consensus: Option<Consensus>, l: Lang) -> String {
    consensus.map_or("–".to_string(), |c| {
        format!("{} {}", l.pick("eensgezindheid", "consensus"), c.label(l))
    })
}

fn polarity_of(report: &Report, id: &str) -> Option<Polarity> {
    report
        .factors
        .iter()
        .find(|f| f.id == id)
        .map(|f| f.polarity)
}

mod comparison;
mod group;
mod report;

pub use comparison::comparison;
pub use group::group;
pub use report::report;

#[cfg(test)]
mod tests {
    use super::*;
    use samenwerkingsscan::{
        aggregate, compare, evaluate, Answers, GroupOptions, Instrument, Response, Role,
    };

    fn answers(promoting: u8, hindering: u8) -> Answers {
        let instrument = Instrument::builtin();
        let mut answers = Answers::new(instrument);
        for (factor, statement) in instrument.statements() {
            let v = match factor.polarity {
                Polarity::Promoting => promoting,
                Polarity::Hindering => hindering,
            };
            answers
                .responses
                .insert(statement.id.clone(), Response::Scale(v));
        }
        answers
    }

    fn set_factor(answers: &mut Answers, id: &str, value: u8) {
        let factor = Instrument::builtin().factor(id).unwrap();
        for s in &factor.statements {
            answers
                .responses
                .insert(s.id.clone(), Response::Scale(value));
        }
    }

    #[test]
    fn a_report_has_every_section_in_order() {
        let mut a = answers(4, 2);
        set_factor(&mut a, "werkdruk", 5);
        a.context.stage = Some("preparing".into());
        a.context.form = Some("volledige-ambtelijke-fusie".into());
        a.context.urgency = Some("not-needed".into());
        let report = evaluate(Instrument::builtin(), &a, Lang::Nl);
        let md = super::report(&report);
        let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
        assert_eq!(
            headings,
            [
                "# Samenwerkingsscan: Kansrijk, met aandachtspunten",
                "## Waarom dit oordeel",
                "## Per fase",
                "## Sterke punten",
                "## Risico’s",
                "## Advies, belangrijkste eerst",
                "## Volgende stap",
                "## Past de gekozen vorm?",
                "## Inhoud, structuur en relatie (§6.1)",
                "## Wat opvalt",
                "## Bijlage: alle factoren",
            ]
        );
        assert!(md.contains("**Oordeel: Kansrijk, met aandachtspunten.**"));
        assert!(md.contains("- **Werkdruk**: zorgpunt, 0 van 100 (belemmering)"));
        assert!(md.contains("**Werkdruk** (zorgpunt, regel dit vóór de start)"));
        assert!(md.contains("**Volledige ambtelijke fusie**: "));
        assert!(md.contains("Formele stappen voor deze vorm:"));
        // One row per phase plus the total.
        let section = md.split("## Per fase").nth(1).unwrap();
        let phase_rows = section
            .split("\n## ")
            .next()
            .unwrap()
            .lines()
            .filter(|l| l.starts_with("| ") && !l.starts_with("| Fase"))
            .count();
        assert_eq!(phase_rows, Instrument::builtin().phases.len() + 1);
        // Advice is numbered, with the source of each step.
        assert!(md.contains("1. **Werkdruk** (zorgpunt, regel dit vóór de start)\n   - "));
        assert!(md.contains("_(§"));
        // Every factor in the appendix.
        let appendix = md.split("## Bijlage: alle factoren").nth(1).unwrap();
        assert_eq!(
            appendix.lines().filter(|l| l.starts_with("| ")).count(),
            Instrument::builtin().factors.len() + 1
        );
    }

    #[test]
    fn hindrances_among_the_strengths_are_explained() {
        let report = evaluate(Instrument::builtin(), &answers(5, 1), Lang::Nl);
        let md = super::report(&report);
        let strengths = md
            .split("## Sterke punten")
            .nth(1)
            .unwrap()
            .split("## ")
            .next()
            .unwrap();
        for s in &report.strengths {
            let polarity = report
                .factors
                .iter()
                .find(|f| f.id == s.id)
                .unwrap()
                .polarity;
            let line = strengths
                .lines()
                .find(|l| l.contains(&format!("**{}**", s.name)))
                .unwrap();
            assert_eq!(
                line.contains("deze belemmering speelt nauwelijks"),
                polarity == Polarity::Hindering,
                "{line}"
            );
        }
        assert!(md.contains("Geen zorg- of aandachtspunten."));
        assert!(md.contains("Geen factor vraagt om extra aandacht."));
    }

    #[test]
    fn english_reports_use_english_words() {
        let report = evaluate(
            Instrument::builtin(),
            &Answers::new(Instrument::builtin()),
            Lang::En,
        );
        let md = super::report(&report);
        assert!(md.starts_with("# Partnership readiness scan: Insufficient information"));
        assert!(md.contains("## Why this verdict"));
        assert!(md.contains("## What is still open"));
        assert!(md.contains("| Phase | Strength | Risk | Answered |"));
        assert!(md.contains("| **Total** | **–** | **–** | **0%** |"));
        assert!(!md.contains("Kracht"));
    }

    #[test]
    fn group_reports_hide_small_subgroups_and_show_gaps() {
        let mut respondents = Vec::new();
        for (municipality, trust) in [("Druten", 1), ("Wijchen", 5)] {
            for role in [Role::Raadslid, Role::Ambtenaar, Role::Ambtenaar] {
                let mut a = answers(4, 2);
                set_factor(&mut a, "onderling-vertrouwen-en-chemie", trust);
                a.respondent.municipality = Some(municipality.into());
                a.respondent.role = Some(role);
                respondents.push(a);
            }
        }
        let g = aggregate(
            Instrument::builtin(),
            &respondents,
            &GroupOptions::default(),
            Lang::Nl,
        );
        let md = super::group(&g);
        assert!(md.starts_with("# Samenwerkingsscan, groep: "));
        assert!(md.contains("6 respondenten. Spreiding en deelgroepen worden getoond vanaf 3"));
        assert!(md.contains("| Druten | 3 |"));
        assert!(md.contains("| Ambtenaar | 4 | in de samengevoegde rij | |"));
        // Two council members would follow from the total minus the civil
        // servants: both are shown only together.
        assert!(md.contains("| Raadslid | 2 | in de samengevoegde rij | |"));
        assert!(
            md.contains("| Ambtenaren en raadsleden samen | 6 |"),
            "{md}"
        );
        assert!(md.contains("Er deden minder dan 3 raadsleden mee."));
        assert!(md.contains("## Verschillen tussen gemeenten"));
        assert!(md.contains(
            "- **Onderling vertrouwen en chemie** (mogelijke rode vlag): verschil 100 punten: Druten 0 (n=3), Wijchen 100 (n=3)"
        ));
        assert!(!md.contains("## Verschillen tussen rollen"));
        assert!(md.contains("## Gespreksonderwerpen"));
        assert!(md.contains("- **Onderling vertrouwen en chemie**: gemiddeld 50, van 0 tot 100 (eensgezindheid klein)"));
        assert!(md.contains("## Bijlage: alle factoren in de groep"));
    }

    #[test]
    fn comparisons_show_signed_changes() {
        let instrument = Instrument::builtin();
        let before = evaluate(instrument, &answers(3, 3), Lang::Nl);
        let mut later = answers(3, 3);
        set_factor(&mut later, "werkdruk", 1);
        set_factor(&mut later, "visievorming", 1);
        let after = evaluate(instrument, &later, Lang::Nl);
        let md = super::comparison(&compare(&before, &after), Lang::Nl);
        assert!(md.starts_with("# Samenwerkingsscan: nulmeting en nieuwe meting"));
        assert!(md.contains("- **Werkdruk**: 50 → 100 (+50)"));
        assert!(md.contains("- **Visievorming**: 50 → 0 (-50)"));
        assert!(md.contains("| **Kracht** | 50 |"));
        let same = super::comparison(&compare(&before, &before), Lang::En);
        assert!(same.contains("(the same as the baseline)"));
        assert!(same.contains("No factor clearly improved."));
    }

    #[test]
    fn text_is_escaped_for_markdown() {
        assert_eq!(cell("a | b\nc"), "a \\| b c");
        assert_eq!(inline("*vet* en _schuin_"), "\\*vet\\* en \\_schuin\\_");
        // An entity stays text: "&lt;b&gt;" is shown as typed, not as "<b>".
        assert_eq!(inline("&lt;b&gt;"), "\\&lt;b\\&gt;");
        assert_eq!(whole(Some(49.5)), "50");
        assert_eq!(whole(None), "–");
        assert_eq!(signed(Some(-0.2)), "0");
        assert_eq!(signed(Some(12.4)), "+12");
    }
}
