//! Localized text: one string per language code.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The language the core falls back to for its own messages.
pub const DEFAULT_LANG: &str = "nl";

/// A text in several languages, e.g. `{"nl": "Noodzaak onderkend", "en": "Necessity recognised"}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Text(pub BTreeMap<String, String>);

impl Text {
    /// Builds a Dutch + English text.
    pub fn nl_en(nl: &str, en: &str) -> Self {
        let mut map = BTreeMap::new();
        map.insert("nl".to_string(), nl.to_string());
        map.insert("en".to_string(), en.to_string());
        Text(map)
    }

    /// The text in `lang`, else Dutch, else English, else any language,
    /// else the empty string: rendering never fails on a missing translation
    /// (validation reports it instead).
    pub fn get(&self, lang: &str) -> &str {
        [lang, DEFAULT_LANG, "en"]
            .iter()
            .find_map(|l| self.0.get(*l).filter(|s| !s.trim().is_empty()))
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }
}

/// The core's message language: the two it ships with, chosen from any code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Msg {
    Nl,
    En,
}

impl Msg {
    pub(crate) fn of(lang: &str) -> Self {
        if lang.eq_ignore_ascii_case("en") || lang.to_ascii_lowercase().starts_with("en-") {
            Msg::En
        } else {
            Msg::Nl
        }
    }

    /// The language code: `"nl"` or `"en"`.
    pub(crate) fn code(self) -> &'static str {
        self.pick("nl", "en")
    }

    /// Picks the Dutch or English variant.
    pub(crate) fn pick<T>(self, nl: T, en: T) -> T {
        match self {
            Msg::Nl => nl,
            Msg::En => en,
        }
    }

    /// Municipalities for running text: up to five by name, else the
    /// first four and "nog 3 andere gemeenten" (a region of twelve would
    /// fill a reason with names; the tables name them all).
    pub(crate) fn places<S: AsRef<str>>(self, items: &[S]) -> String {
        const NAMED: usize = 5;
        if items.len() <= NAMED {
            return self.listing(items);
        }
        let more = items.len() - (NAMED - 1);
        let mut shown: Vec<String> = items[..NAMED - 1]
            .iter()
            .map(|s| s.as_ref().to_string())
            .collect();
        shown.push(self.pick(
            format!("nog {more} andere gemeenten"),
            format!("{more} other municipalities"),
        ));
        self.listing(&shown)
    }

    /// A list for running text: "A", "A en B", "A, B en C" ("and" in English).
    pub(crate) fn listing<S: AsRef<str>>(self, items: &[S]) -> String {
        match items {
            [] => String::new(),
            [one] => one.as_ref().to_string(),
            [rest @ .., last] => {
                let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
                format!(
                    "{} {} {}",
                    rest.join(", "),
                    self.pick("en", "and"),
                    last.as_ref()
                )
            }
        }
    }
}

/// A source reference (`Advice::source`, e.g. "§5 tabel 4 les 8") in the
/// report's language: the seed's Dutch words for its parts in English when
/// English is asked for. The names of laws and documents stay as they are.
pub(crate) fn source_in(source: &str, lang: &str) -> String {
    match Msg::of(lang) {
        Msg::Nl => source.to_string(),
        Msg::En => source
            .replace("Tabel", "Table")
            .replace("tabel", "table")
            .replace(" les ", " lesson ")
            .replace("inleiding", "introduction"),
    }
}

/// Formats a 0–100 index without decimals, as people read it.
pub(crate) fn whole(value: f64) -> String {
    format!("{}", value.round() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_read_in_english_when_asked() {
        assert_eq!(source_in("§5 tabel 4 les 8", "en"), "§5 table 4 lesson 8");
        assert_eq!(
            source_in("Druten-Wijchen 2021, inleiding", "en"),
            "Druten-Wijchen 2021, introduction"
        );
        assert_eq!(source_in("§5 tabel 4 les 8", "nl"), "§5 tabel 4 les 8");
    }

    #[test]
    fn listing_joins_the_last_item_with_en_or_and() {
        assert_eq!(Msg::Nl.listing::<&str>(&[]), "");
        assert_eq!(Msg::Nl.listing(&["A"]), "A");
        assert_eq!(Msg::Nl.listing(&["A", "B"]), "A en B");
        assert_eq!(Msg::En.listing(&["A", "B", "C"]), "A, B and C");
        let five = ["A", "B", "C", "D", "E"];
        assert_eq!(Msg::Nl.places(&five), "A, B, C, D en E");
        let seven = ["A", "B", "C", "D", "E", "F", "G"];
        assert_eq!(
            Msg::Nl.places(&seven),
            "A, B, C, D en nog 3 andere gemeenten"
        );
        assert_eq!(
            Msg::En.places(&seven),
            "A, B, C, D and 3 other municipalities"
        );
    }

    #[test]
    fn falls_back_to_dutch_then_english_then_anything() {
        let t = Text::nl_en("ja", "yes");
        assert_eq!(t.get("en"), "yes");
        assert_eq!(t.get("de"), "ja");
        let mut only_fr = Text::default();
        only_fr.0.insert("fr".into(), "oui".into());
        assert_eq!(only_fr.get("nl"), "oui");
        assert_eq!(Text::default().get("nl"), "");
    }

    #[test]
    fn message_language_accepts_regional_codes() {
        assert_eq!(Msg::of("en-GB"), Msg::En);
        assert_eq!(Msg::of("nl-NL"), Msg::Nl);
        assert_eq!(Msg::of("fy"), Msg::Nl);
    }
}
