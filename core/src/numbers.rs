//! Numbers as people read them, written by the core for every front end:
//! 0–100 figures and changes as whole numbers, percentages, means on the
//! scale with one decimal, weights and thresholds with at most three. All
//! with whole-number arithmetic: the wasm then carries no float formatting
//! (about 11 KB).

use crate::text::Lang;

/// Formats a 0–100 index without decimals, as people read it.
pub(crate) fn whole(value: f64) -> String {
    format!("{}", value.round() as i64)
}

/// A 0–100 figure (index, score, mean) as people read it: a whole number,
/// "–" when there is none. The one way every front end writes a figure.
pub fn figure(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), whole)
}

/// A change between two 0–100 figures with its sign: "+12", "-5", "0";
/// "–" when there is none.
pub fn change(value: Option<f64>) -> String {
    match value.map(|v| v.round() as i64) {
        None => "–".to_string(),
        Some(v) if v > 0 => format!("+{v}"),
        Some(v) => format!("{v}"),
    }
}

/// A share (0–1, e.g. a coverage ratio) as a whole percentage: "75%".
pub fn percent(ratio: f64) -> String {
    format!("{}%", whole(ratio * 100.0))
}

/// A mean on the scale (points 1–5, e.g. a workshop's mean vote) as people
/// read it: one decimal, "3,4" in Dutch, "3.4" in English. The one way
/// every front end writes such a mean (0–100 figures are [`figure`]).
pub fn decimal(value: f64, lang: Lang) -> String {
    fixed(value, 1, lang).unwrap_or_else(|| "–".to_string())
}

/// A number that need not be whole (a weight, a threshold like 37.5) as
/// people read it: at most six decimals (3.0004 is not "3"), trailing zeros dropped ("0,5"
/// and "37,5" in Dutch, "0.5" in English, "3"); `None` when it is not
/// finite or 10¹² or more away from 0.
pub fn number(value: f64, lang: Lang) -> Option<String> {
    let text = fixed(value, 6, lang)?;
    Some(match text.contains([',', '.']) {
        true => text
            .trim_end_matches('0')
            .trim_end_matches([',', '.'])
            .to_string(),
        false => text,
    })
}

/// `value` rounded to `decimals` places, written with whole numbers only:
/// the wasm then carries no float formatting (about 11 KB). `None` when
/// it is not finite or 10¹² or more away from 0.
fn fixed(value: f64, decimals: u32, lang: Lang) -> Option<String> {
    if !value.is_finite() || value.abs() >= 1e12 {
        return None;
    }
    let scale = 10_i64.pow(decimals);
    let scaled = (value * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let (whole, part) = (scaled.abs() / scale, scaled.abs() % scale);
    Some(match decimals {
        0 => format!("{sign}{whole}"),
        _ => format!(
            "{sign}{whole}{}{part:0width$}",
            lang.pick(",", "."),
            width = decimals as usize
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_and_changes_read_as_whole_numbers() {
        assert_eq!(figure(Some(62.5)), "63");
        assert_eq!(figure(None), "–");
        assert_eq!(change(Some(11.6)), "+12");
        assert_eq!(change(Some(-4.6)), "-5");
        assert_eq!(change(Some(0.2)), "0");
        assert_eq!(change(None), "–");
    }

    #[test]
    fn decimals_and_numbers_are_written_in_the_readers_notation() {
        assert_eq!(decimal(3.44, Lang::Nl), "3,4");
        assert_eq!(decimal(3.0, Lang::En), "3.0");
        assert_eq!(decimal(f64::NAN, Lang::En), "–");
        assert_eq!(number(0.5, Lang::Nl).unwrap(), "0,5");
        assert_eq!(number(37.5, Lang::En).unwrap(), "37.5");
        assert_eq!(number(3.0, Lang::Nl).unwrap(), "3");
        assert_eq!(number(-0.0004, Lang::En).unwrap(), "-0.0004");
        assert_eq!(number(3.0004, Lang::Nl).unwrap(), "3,0004");
        assert_eq!(number(-0.0000001, Lang::En).unwrap(), "0");
        assert_eq!(number(-2.25, Lang::En).unwrap(), "-2.25");
        assert_eq!(number(1e300, Lang::En), None);
        assert_eq!(percent(0.755), "76%");
    }
}
