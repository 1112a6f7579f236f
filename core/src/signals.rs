//! Objective context that informs the reading of the answers: the partners'
//! sizes, their number, and whether urgency and necessity agree.

use crate::answers::Context;
use crate::instrument::ids;
use crate::instrument::Instrument;
use crate::numbers::whole;
use crate::report::{DimensionResult, FactorResult, Signal};
use crate::score::Band;
use crate::stage::Reading;
use crate::text::shown;
use crate::text::Lang;

/// From this ratio between the largest and smallest partner, sizes differ strongly.
pub const LARGE_SIZE_RATIO: f64 = 3.0;
/// Up to this ratio partners count as comparable in size (cf. seed 003: 20,000–40,000).
pub const COMPARABLE_SIZE_RATIO: f64 = 2.0;
/// From this many partners coordination becomes a theme of its own (§4.4).
pub const MANY_PARTNERS: usize = 5;
/// From this difference (0–100) between the strongest and the weakest of
/// inhoud, structuur and relatie, the balance of §6.1 is named.
pub const DIMENSION_GAP: f64 = 25.0;

/// A partner's name and number of inhabitants.
type Size<'a> = (&'a str, u32);

/// The smallest and the largest partner by inhabitants, among those that
/// give a number; two or more needed.
fn size_extremes(context: &Context) -> Option<(Size<'_>, Size<'_>)> {
    let sizes: Vec<(&str, u32)> = context
        .partners
        .iter()
        .filter_map(|p| {
            p.inhabitants
                .filter(|n| *n > 0)
                .map(|n| (p.name.as_str(), n))
        })
        .collect();
    let small = *sizes.iter().min_by_key(|s| s.1)?;
    let large = *sizes.iter().max_by_key(|s| s.1)?;
    (sizes.len() >= 2).then_some((small, large))
}

/// Largest / smallest number of inhabitants of the partners that give one
/// (two or more needed).
pub(crate) fn size_ratio(context: &Context) -> Option<f64> {
    let ((_, small), (_, large)) = size_extremes(context)?;
    Some(f64::from(large) / f64::from(small))
}

/// §6.1: "samenwerking levert tastbare resultaten op wanneer deze drie
/// invalshoeken op evenwichtige wijze ... aan bod komen". Names the
/// imbalance when the weakest lens is far behind the strongest.
pub(crate) fn dimension_balance(dimensions: &[DimensionResult], lang: Lang) -> Vec<Signal> {
    let scored: Vec<(&DimensionResult, f64)> = dimensions
        .iter()
        .filter_map(|d| d.favourability.map(|v| (d, v)))
        .collect();
    let (Some(strong), Some(weak)) = (
        scored.iter().max_by(|a, b| a.1.total_cmp(&b.1)),
        scored.iter().min_by(|a, b| a.1.total_cmp(&b.1)),
    ) else {
        return Vec::new();
    };
    if strong.1 - weak.1 < DIMENSION_GAP {
        return Vec::new();
    }
    let (sn, sv, wn, wv) = (&strong.0.name, whole(strong.1), &weak.0.name, whole(weak.1));
    vec![Signal {
        code: "dimension-imbalance".into(),
        text: lang.pick(
            format!("‘{wn}’ blijft achter: {wv} van 100, tegen {sv} voor ‘{sn}’. Samenwerking levert pas tastbare resultaten op als inhoud, structuur en relatie in evenwicht zijn (§6.1). Geef ‘{wn}’ nu voorrang."),
            format!("‘{wn}’ lags behind: {wv} out of 100, compared with {sv} for ‘{sn}’. Cooperation only yields tangible results when content, structure and relationship are in balance (§6.1). Give ‘{wn}’ priority now."),
        ),
    }]
}

pub(crate) fn from_context(
    instrument: &Instrument,
    factors: &[FactorResult],
    context: &Context,
    reading: Reading,
    lang: Lang,
) -> Vec<Signal> {
    let mut out = Vec::new();
    let mut signal = |code: &str, text: String| {
        out.push(Signal {
            code: code.to_string(),
            text,
        })
    };
    let band = |id: &str| factors.iter().find(|f| f.id == id).and_then(|f| f.band);

    if let Some(((small_name, small), (large_name, large))) = size_extremes(context) {
        let ratio = f64::from(large) / f64::from(small);
        let r = crate::numbers::decimal(ratio, lang);
        // Names as typed: cut and cleaned like every quoted text.
        let name = |n: &str| shown(&crate::text::shortened(n, crate::text::NAME_IN_TEXT_CHARS));
        let (small_name, large_name) = (name(small_name), name(large_name));
        if ratio >= LARGE_SIZE_RATIO {
            signal("size-difference", lang.pick(
                format!("De partners verschillen sterk in grootte: {large_name} is {r} keer zo groot als {small_name}. Let op ‘Vergelijkbaarheid en bekendheid’ en op ‘Voorlopers en achterblijvers’: de grote partner kan gaan domineren."),
                format!("The partners differ greatly in size: {large_name} is {r} times as large as {small_name}. Watch ‘Comparability and familiarity’ and ‘Front-runners and laggards’: the large partner may come to dominate."),
            ));
            if band(ids::COMPARABILITY) == Some(Band::Strength) {
                signal("size-vs-comparability", lang.pick(
                    "De antwoorden noemen de partners goed vergelijkbaar, maar de inwonertallen verschillen sterk. Bespreek of u hetzelfde bedoelt.".to_string(),
                    "The answers rate the partners as highly comparable, but their populations differ greatly. Check that everyone means the same thing.".to_string(),
                ));
            }
        } else if ratio <= COMPARABLE_SIZE_RATIO {
            signal("size-comparable", lang.pick(
                format!("De partners zijn vergelijkbaar van grootte: de grootste is {r} keer zo groot als de kleinste. Dat helpt bij ‘Vergelijkbaarheid en bekendheid’."),
                format!("The partners are comparable in size: the largest is {r} times as large as the smallest. That supports ‘Comparability and familiarity’."),
            ));
        }
    }
    if context.partners.len() >= MANY_PARTNERS {
        let n = context.partners.len();
        signal("many-partners", lang.pick(
            format!("Met {n} partners wordt afstemming zelf een opgave. Hoe meer partners, hoe belangrijker een eenvoudig model (§4.4)."),
            format!("With {n} partners, coordination becomes a task in itself. The more partners, the more a simple model matters (§4.4)."),
        ));
    }
    let necessity = band(ids::NECESSITY);
    let level = instrument
        .urgency(context.urgency.as_deref())
        .map(|u| u.level);
    match level {
        Some(1) if necessity.is_some_and(|b| b != Band::Strength) => signal("urgency-not-shared", lang.pick(
            "U noemt versterking op korte termijn nodig, maar de noodzaak wordt niet breed gedeeld. Zorg dat bestuur en management achter de zelfanalyse staan (§8.1).".to_string(),
            "You say your municipality needs strengthening in the short term, but the necessity is not widely shared. Make sure the executive board and senior management endorse the self-assessment (§8.1).".to_string(),
        )),
        // Before the start the verdict itself says this when the necessity
        // is not a strength (rule `no-reason`); the signal is for the rest.
        Some(crate::verdict::URGENCY_NOT_NEEDED)
            if reading.running() || necessity == Some(Band::Strength) =>
        {
            signal("urgency-low", if reading.running() {
                lang.pick(
                    "U kunt de taken nog lang zelf goed uitvoeren (§8.1). Ga na wat de samenwerking toevoegt: als een gemeente haar taken zelf kan uitvoeren tegen gelijke kosten, adviseert de literatuurscan om er niet aan te beginnen (§6.3). Bespreek of de samenwerking nog meerwaarde heeft.".to_string(),
                    "You can still carry out your tasks well on your own for a long time to come (§8.1). Check what the partnership adds: if a municipality can carry out its tasks itself at the same cost, the literature review advises against starting (§6.3). Discuss whether the partnership still adds value.".to_string(),
                )
            } else {
                lang.pick(
                    "U kunt de taken nog lang zelf goed uitvoeren (§8.1). Begin alleen als de meerwaarde van samenwerken duidelijk is; anders raadt de literatuurscan af om te starten (§6.3).".to_string(),
                    "You can still carry out your tasks well on your own for a long time to come (§8.1). Start only if the added value of working together is clear; otherwise the literature review advises against starting (§6.3).".to_string(),
                )
            })
        }
        _ => {}
    }
    out
}
