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
