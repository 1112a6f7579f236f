//! How the questionnaire is split into screens: per phase, first what helps,
//! then what stands in the way. Short enough pages, and each page has one
//! polarity so respondents never have to switch what "agree" means mid-page.

use samenwerkingsscan::{Instrument, Polarity};

#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// Used in the URL fragment, e.g. `randvoorwaarden-helpt`.
    pub slug: String,
    pub phase: String,
    pub polarity: Polarity,
    /// Indices into `instrument.factors`.
    pub factors: Vec<usize>,
}

pub fn pages(instrument: &Instrument) -> Vec<Page> {
    let mut out = Vec::new();
    for phase in &instrument.phases {
        for (polarity, suffix) in [
            (Polarity::Promoting, "helpt"),
            (Polarity::Hindering, "remt"),
        ] {
            let factors: Vec<usize> = instrument
                .factors
                .iter()
                .enumerate()
                .filter(|(_, f)| f.phase == phase.id && f.polarity == polarity)
                .map(|(i, _)| i)
                .collect();
            if !factors.is_empty() {
                out.push(Page {
                    slug: format!("{}-{suffix}", phase.id),
                    phase: phase.id.clone(),
                    polarity,
                    factors,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_factor_is_on_exactly_one_page_of_its_phase_and_polarity() {
        let instrument = Instrument::builtin();
        let pages = pages(instrument);
        // Three phases, each with what helps and what stands in the way.
        assert_eq!(pages.len(), 6);
        let mut seen = Vec::new();
        for page in &pages {
            assert!(!page.factors.is_empty(), "{}", page.slug);
            for &i in &page.factors {
                let factor = &instrument.factors[i];
                assert_eq!(factor.phase, page.phase, "{}", factor.id);
                assert_eq!(factor.polarity, page.polarity, "{}", factor.id);
                seen.push(i);
            }
        }
        seen.sort_unstable();
        assert_eq!(seen, (0..instrument.factors.len()).collect::<Vec<_>>());
        let slugs: BTreeSet<&str> = pages.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(slugs.len(), pages.len(), "slugs are unique");
        assert_eq!(pages[0].slug, format!("{}-helpt", instrument.phases[0].id));
        assert_eq!(pages[1].slug, format!("{}-remt", instrument.phases[0].id));
    }

    #[test]
    fn a_phase_without_factors_of_one_polarity_gets_no_empty_page() {
        let mut instrument = Instrument::builtin().clone();
        let first = instrument.phases[0].id.clone();
        instrument
            .factors
            .retain(|f| f.phase != first || f.polarity == Polarity::Promoting);
        let pages = pages(&instrument);
        assert_eq!(pages.len(), 5);
        assert!(pages.iter().all(|p| !p.factors.is_empty()));
    }
}
