//! Language and the words around it: [`Lang`] (the one language type,
//! parsed at every boundary), [`Text`] (an instrument's text in several
//! languages), [`OneLanguage`] (an instrument written in one language),
//! the kinds of message that [`Says`] itself, and helpers for running
//! text: lists of places, cut names and titles, source references in the
//! reader's language. Numbers are written in `numbers.rs`.

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// A text in several languages, e.g. `{"nl": "Noodzaak onderkend", "en": "Necessity recognised"}`.
///
/// Serialized as that object, or in one language while [`OneLanguage`]
/// writes a value (the instrument for reading, or as a one-language file).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Text(pub BTreeMap<String, String>);

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match ONE_LANGUAGE.with(|only| only.borrow().clone()) {
            None => self.0.serialize(serializer),
            Some(Only::Plain(lang)) => serializer.serialize_str(self.get(lang)),
            Some(Only::Keyed(lang)) => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry(lang.code(), self.get(lang))?;
                map.end()
            }
        }
    }
}

/// [`Text`] in TypeScript, as the `Serialize` above writes it.
#[cfg(feature = "typescript")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const TEXT_TS: &str = r#"
/**
 * A text of the instrument: an object with every language of the
 * instrument (`{nl: "Noodzaak onderkend", en: "Necessity recognised"}`),
 * or a plain string when the instrument was asked for in one language
 * (`defaultInstrument('nl')`, for reading). An instrument given as input
 * (a custom one) needs the objects.
 */
export type Text = string | { [lang: string]: string };
"#;

/// How every [`Text`] is written while a [`OneLanguage`] is serialized.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Only {
    /// A plain string in the language: `"Noodzaak onderkend"`.
    Plain(Lang),
    /// An object with that language alone: `{"nl": "Noodzaak onderkend"}`.
    Keyed(Lang),
}

thread_local! {
    /// Set only while a [`OneLanguage`] is serialized (on this thread).
    static ONE_LANGUAGE: RefCell<Option<Only>> = const { RefCell::new(None) };
}

/// A value written with every [`Text`] in it in one language, each text
/// chosen as [`Text::get`] does (the language, else Dutch, else English,
/// else any). This is the one way the core, the CLI
/// (`instrument --lang`) and the JS API (`defaultInstrument(lang)`) reduce
/// an instrument to one language: by type, so only real texts change and
/// the keys keep the schema's order.
/// It holds the value (`T`, or a reference `&T`: both serialize).
#[derive(Debug)]
pub struct OneLanguage<T> {
    value: T,
    only: Only,
}

impl<T> OneLanguage<T> {
    /// `value` with every text a plain string in `lang`.
    pub fn plain(value: T, lang: Lang) -> Self {
        OneLanguage {
            value,
            only: Only::Plain(lang),
        }
    }

    /// `value` with every text an object holding `lang` alone.
    pub(crate) fn keyed(value: T, lang: Lang) -> Self {
        OneLanguage {
            value,
            only: Only::Keyed(lang),
        }
    }
}

impl<T: Serialize> Serialize for OneLanguage<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// Puts back what was set before, also when serializing fails.
        struct Restore(Option<Only>);
        impl Drop for Restore {
            fn drop(&mut self) {
                let before = self.0.take();
                ONE_LANGUAGE.with(|only| *only.borrow_mut() = before);
            }
        }
        let _restore = Restore(ONE_LANGUAGE.with(|only| only.replace(Some(self.only.clone()))));
        self.value.serialize(serializer)
    }
}

impl Text {
    /// Builds a Dutch + English text.
    pub fn nl_en(nl: &str, en: &str) -> Self {
        let mut map = BTreeMap::new();
        map.insert(Lang::Nl.code().to_string(), nl.to_string());
        map.insert(Lang::En.code().to_string(), en.to_string());
        Text(map)
    }

    /// The text in `lang`, else Dutch, else English, else any language,
    /// else the empty string: rendering never fails on a missing translation
    /// (validation reports it instead).
    pub fn get(&self, lang: Lang) -> &str {
        [lang, Lang::default(), Lang::En]
            .iter()
            .find_map(|l| self.0.get(l.code()).filter(|s| !s.trim().is_empty()))
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }
}

/// The language of everything people read: the core's messages, the
/// instrument's texts and the widget's. Parsed once where a language
/// comes in (a CLI flag, a JS option, the element's `lang` attribute) and
/// passed on typed. In JSON: `"nl"` or `"en"`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Dutch, the default: the scan is for Dutch municipalities.
    #[default]
    Nl,
    /// English, for readers and analysts who do not read Dutch.
    En,
}

impl Lang {
    /// Every language, Dutch first.
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The language of a code people or pages give: `"nl"`, `"en"`, or a
    /// regional one (`"nl-BE"`, `"en-GB"`), in any case.
    ///
    /// # Errors
    ///
    /// [`LangError`] for any other code (it names the code and the two
    /// the scan speaks).
    pub fn parse(code: &str) -> Result<Lang, LangError> {
        let base = code.trim().split(['-', '_']).next().unwrap_or_default();
        if base.eq_ignore_ascii_case("nl") {
            Ok(Lang::Nl)
        } else if base.eq_ignore_ascii_case("en") {
            Ok(Lang::En)
        } else {
            Err(LangError(code.to_string()))
        }
    }

    /// The nearest language the scan speaks to any code: English for an
    /// English code, else Dutch. For a host page's `lang` attribute
    /// (`"fy"` or `"de"` reads Dutch), where refusing would leave a blank page.
    pub fn nearest(code: &str) -> Lang {
        Lang::parse(code).unwrap_or_default()
    }

    /// The language code: `"nl"` or `"en"`.
    pub fn code(self) -> &'static str {
        self.pick("nl", "en")
    }

    /// Picks the Dutch or English variant.
    pub fn pick<T>(self, nl: T, en: T) -> T {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }

    /// Municipalities for running text: up to four by name, else the
    /// first three and "nog 3 andere gemeenten" (a region of twelve would
    /// fill a reason with names; the tables name them all). Each name is
    /// cut at [`NAME_IN_TEXT_CHARS`] (a real municipality's name is shorter).
    pub(crate) fn places<S: AsRef<str>>(self, items: &[S]) -> String {
        const NAMED: usize = 4;
        // Names as people typed them: cut, and without invisible characters.
        let name = |s: &S| shown(&shortened(s.as_ref(), NAME_IN_TEXT_CHARS));
        if items.len() <= NAMED {
            let all: Vec<String> = items.iter().map(name).collect();
            return self.listing(&all);
        }
        let more = items.len() - (NAMED - 1);
        let mut shown: Vec<String> = items[..NAMED - 1].iter().map(name).collect();
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

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Lang {
    type Err = LangError;
    fn from_str(code: &str) -> Result<Lang, LangError> {
        Lang::parse(code)
    }
}

/// A language code the scan does not speak (see [`Lang::parse`]); it
/// holds the code as given. Its `Display` is English, for scripts and logs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LangError(pub String);

impl std::fmt::Display for LangError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown language '{}' (use nl or en)", self.0)
    }
}

impl std::error::Error for LangError {}

/// A message that says itself in a language: every kind of notice
/// ([`NoticeKind`](crate::NoticeKind),
/// [`WorkshopNoticeKind`](crate::WorkshopNoticeKind),
/// [`LeftOut`](crate::LeftOut)), of problem with an instrument
/// ([`ProblemKind`](crate::ProblemKind), [`Mismatch`](crate::Mismatch)),
/// and every error ([`JsonError`](crate::JsonError),
/// [`AnswersError`](crate::AnswersError),
/// [`WorkshopError`](crate::WorkshopError),
/// [`ShareError`](crate::ShareError)). They hold facts (ids, counts,
/// places), never sentences: the sentence is written when it is shown, and
/// file text in it is quoted cut and cleaned. A value with a place (a
/// [`Notice`](crate::Notice), a [`Problem`](crate::Problem)) says itself
/// with `text(lang)`.
pub trait Says {
    /// The message as a plain sentence in `lang`.
    fn say(&self, lang: Lang) -> String;
}

/// A source reference (`Advice::source`, e.g. "§5 tabel 4 les 8") in the
/// report's language: the seed's Dutch words for its parts in English when
/// English is asked for. The names of laws and documents stay as they are.
pub(crate) fn source_in(source: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => source.to_string(),
        Lang::En => source
            .replace("Tabel", "Table")
            .replace("tabel", "table")
            .replace(" les ", " lesson ")
            .replace("inleiding", "introduction"),
    }
}

/// A control character, or one of the invisible characters that turn the
/// direction of text around or hide in it (zero-width, direction marks and
/// overrides, isolates, the byte order mark): never quoted as it is.
pub(crate) fn invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00ad}' // soft hyphen
                | '\u{061c}' // Arabic letter mark (a direction mark)
                | '\u{180e}' // Mongolian vowel separator
                | '\u{200b}'..='\u{200f}' // zero-width, direction marks
                | '\u{2028}' | '\u{2029}' // line and paragraph separators
                | '\u{202a}'..='\u{202e}' // direction embeddings and overrides
                | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
                | '\u{2066}'..='\u{2069}' // direction isolates
                | '\u{feff}' // byte order mark
                | '\u{fff9}'..='\u{fffb}' // interlinear annotation
                | '\u{e0000}'..='\u{e007f}' // tag characters
        )
}

/// A text from a file as it is quoted in a message: at most 60 characters
/// (then "…"), without [`invisible`] characters (a right-to-left override
/// in an id must not reverse the sentence it is quoted in). Every kind
/// holds the facts as they were and quotes them through here when it is
/// said.
pub(crate) fn shown(text: &str) -> String {
    let visible = |c: &char| !invisible(*c);
    let mut out: String = text.chars().filter(visible).take(60).collect();
    if text.chars().filter(visible).nth(60).is_some() {
        out.push('…');
    }
    out
}

/// The longest name of a municipality or group quoted in running text or a
/// summary's label, in characters: the longest real Dutch municipality name
/// ("Hardinxveld-Giessendam", "Capelle aan den IJssel") is 22.
pub const NAME_IN_TEXT_CHARS: usize = 30;

/// `text` cut to at most `max` characters at a word (inside a word only when
/// no space falls in its second half), then "…" added; unchanged when it
/// fits. For names and titles quoted where room is short.
pub fn shortened(text: &str, max: usize) -> String {
    cut(text, max).unwrap_or_else(|| text.to_string())
}

/// `text` cut to at most `max` characters at the last space (or inside a
/// word longer than that), with "…" added; `None` when it fits.
pub(crate) fn cut(text: &str, max: usize) -> Option<String> {
    let end = text.char_indices().nth(max)?.0;
    let head = &text[..end];
    let at_word = head
        .rfind(char::is_whitespace)
        // In characters, like `max` (an index into é or ë counts bytes).
        .filter(|&i| head[..i].chars().count() > max / 2)
        .map_or(head, |i| &head[..i]);
    Some(format!("{}…", at_word.trim_end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_read_in_english_when_asked() {
        assert_eq!(
            source_in("§5 tabel 4 les 8", Lang::En),
            "§5 table 4 lesson 8"
        );
        assert_eq!(
            source_in("Druten-Wijchen 2021, inleiding", Lang::En),
            "Druten-Wijchen 2021, introduction"
        );
        assert_eq!(source_in("§5 tabel 4 les 8", Lang::Nl), "§5 tabel 4 les 8");
    }

    #[test]
    fn a_long_text_is_cut_at_a_word_and_a_short_one_is_kept() {
        assert_eq!(cut("kort", 10), None);
        assert_eq!(cut("precies tien", 12), None);
        assert_eq!(
            cut("de raad wil eerst weten wat het kost", 20).as_deref(),
            Some("de raad wil eerst…")
        );
        // One very long word: cut inside it rather than keep it whole.
        assert_eq!(cut(&"a".repeat(30), 10).as_deref(), Some("aaaaaaaaaa…"));
        // Characters, not bytes: never cut inside a character, and a word
        // break in the first half (counted in characters) is not used.
        assert_eq!(cut(&"é".repeat(30), 10).as_deref(), Some("éééééééééé…"));
        assert_eq!(cut("ééé éééééééééé", 10).as_deref(), Some("ééé éééééé…"));
        assert_eq!(cut("ééééééé ééééééé", 10).as_deref(), Some("ééééééé…"));
        // A name longer than any municipality's is cut in running text.
        let long = "Gemeente met een naam die veel langer is dan welke echte ook";
        assert_eq!(
            Lang::Nl.places(&[long, "Wijchen"]),
            "Gemeente met een naam die… en Wijchen"
        );
    }

    #[test]
    fn listing_joins_the_last_item_with_en_or_and() {
        assert_eq!(Lang::Nl.listing::<&str>(&[]), "");
        assert_eq!(Lang::Nl.listing(&["A"]), "A");
        assert_eq!(Lang::Nl.listing(&["A", "B"]), "A en B");
        assert_eq!(Lang::En.listing(&["A", "B", "C"]), "A, B and C");
        let four = ["A", "B", "C", "D"];
        assert_eq!(Lang::Nl.places(&four), "A, B, C en D");
        let seven = ["A", "B", "C", "D", "E", "F", "G"];
        assert_eq!(Lang::Nl.places(&seven), "A, B, C en nog 4 andere gemeenten");
        assert_eq!(
            Lang::En.places(&seven),
            "A, B, C and 4 other municipalities"
        );
    }

    #[test]
    fn one_language_changes_texts_only_and_only_while_it_is_written() {
        #[derive(Serialize)]
        struct Thing {
            code: &'static str,
            title: Text,
            items: Vec<Text>,
        }
        let thing = Thing {
            code: "nl",
            title: Text::nl_en("Scan", "Scan \"(en)\""),
            items: vec![Text::nl_en("Alleen", " "), Text::default()],
        };
        let plain = serde_json::to_string(&OneLanguage::plain(&thing, Lang::En)).unwrap();
        assert_eq!(
            plain,
            r#"{"code":"nl","title":"Scan \"(en)\"","items":["Alleen",""]}"#
        );
        let keyed = serde_json::to_string(&OneLanguage::keyed(&thing, Lang::Nl)).unwrap();
        assert_eq!(
            keyed,
            r#"{"code":"nl","title":{"nl":"Scan"},"items":[{"nl":"Alleen"},{"nl":""}]}"#
        );
        // Written normally again afterwards: every language.
        let all = serde_json::to_string(&thing.title).unwrap();
        assert_eq!(all, r#"{"en":"Scan \"(en)\"","nl":"Scan"}"#);
    }

    #[test]
    fn falls_back_to_dutch_then_english_then_anything() {
        let t = Text::nl_en("ja", "yes");
        assert_eq!(t.get(Lang::En), "yes");
        assert_eq!(t.get(Lang::Nl), "ja");
        let mut only_fr = Text::default();
        only_fr.0.insert("fr".into(), "oui".into());
        assert_eq!(only_fr.get(Lang::Nl), "oui");
        assert_eq!(Text::default().get(Lang::Nl), "");
    }

    #[test]
    fn message_language_accepts_regional_codes() {
        assert_eq!(Lang::parse("en-GB"), Ok(Lang::En));
        assert_eq!(Lang::parse(" NL "), Ok(Lang::Nl));
        assert_eq!(Lang::parse("nl_BE"), Ok(Lang::Nl));
        assert_eq!(
            Lang::parse("fy").unwrap_err().to_string(),
            "unknown language 'fy' (use nl or en)"
        );
        assert!(Lang::parse("").is_err());
        assert!(Lang::parse("english").is_err());
        assert_eq!(Lang::nearest("fy"), Lang::Nl);
        assert_eq!(Lang::nearest("en-US"), Lang::En);
        assert_eq!("en".parse::<Lang>(), Ok(Lang::En));
        assert_eq!(serde_json::to_string(&Lang::En).unwrap(), "\"en\"");
    }
}
