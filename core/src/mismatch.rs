//! The one typed parse of an instrument, in words: serde's messages
//! ("invalid type: string \"x\", expected u32") turned into a
//! [`Mismatch`] that says what the file has and what was expected, never a
//! Rust type name; and the JSON path of the place, found from serde's line
//! and column.

use crate::json::{parse, path_key, JsonError, Node};
use crate::text::shown;
use crate::text::{Lang, Says};
use crate::wording::{Expected, FoundValue};

/// What is wrong at a place in a file read as a typed value (an instrument,
/// the JS API's options): a kind that says itself with [`Says`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mismatch {
    /// The text is not JSON the scan reads.
    Unreadable(JsonError),
    /// A required field is not there.
    MissingField(String),
    /// A field appears twice.
    DuplicateField(String),
    /// A field the format does not have; `allowed` lists those it has
    /// (empty when none or unknown).
    UnknownField {
        /// The field's name.
        name: String,
        /// The allowed names, comma-separated.
        allowed: String,
    },
    /// A word a field does not allow; `allowed` lists those it does.
    UnknownValue {
        /// The value.
        name: String,
        /// The allowed words, comma-separated.
        allowed: String,
    },
    /// A value of another kind than expected.
    WrongType {
        /// What the file has.
        found: FoundValue,
        /// What belongs there.
        expected: Expected,
    },
    /// A list of another length than expected.
    WrongLength {
        /// The length found.
        length: String,
        /// What belongs there.
        expected: Expected,
    },
    /// Any other message (already plain: our own), in English.
    Other(String),
}

impl Says for Mismatch {
    fn say(&self, lang: Lang) -> String {
        match self {
            Mismatch::Unreadable(error) => error.say(lang),
            Mismatch::MissingField(f) => {
                let f = shown(f);
                lang.pick(
                    format!("Het veld ‘{f}’ ontbreekt."),
                    format!("The field ‘{f}’ is missing."),
                )
            }
            Mismatch::DuplicateField(f) => {
                let f = shown(f);
                lang.pick(
                    format!("Het veld ‘{f}’ staat er twee keer."),
                    format!("The field ‘{f}’ appears twice."),
                )
            }
            Mismatch::UnknownField { name, allowed } => {
                unknown(lang, lang.pick("Het veld", "The field"), name, allowed)
            }
            Mismatch::UnknownValue { name, allowed } => {
                unknown(lang, lang.pick("De waarde", "The value"), name, allowed)
            }
            Mismatch::WrongType { found, expected } => {
                let (found, expected) = (found.words(lang), expected.words(lang));
                lang.pick(
                    format!("Hier staat {found}; verwacht: {expected}."),
                    format!("The file has {found} here; expected: {expected}."),
                )
            }
            Mismatch::WrongLength { length, expected } => {
                let expected = expected.words(lang);
                lang.pick(
                    format!("De lijst heeft hier {length} onderdelen; verwacht: {expected}."),
                    format!("The list has {length} items here; expected: {expected}."),
                )
            }
            Mismatch::Other(english) => lang.pick(
                "De waarde hier heeft niet de goede vorm.".to_string(),
                capital(english.trim_end_matches('.')) + ".",
            ),
        }
    }
}

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl std::error::Error for Mismatch {}

/// "The field ‘x’ is unknown. Allowed: a, b."
fn unknown(lang: Lang, what: &str, name: &str, allowed: &str) -> String {
    let (name, allowed) = (shown(name), crate::text::shortened(allowed, 300));
    if allowed.is_empty() {
        lang.pick(
            format!("{what} ‘{name}’ is hier onbekend."),
            format!("{what} ‘{name}’ is unknown here."),
        )
    } else {
        lang.pick(
            format!("{what} ‘{name}’ is onbekend. Toegestaan: {allowed}."),
            format!("{what} ‘{name}’ is unknown. Allowed: {allowed}."),
        )
    }
}

/// A serde error from reading `text` as a typed value (an instrument, the
/// JS API's options, …), for people: `(path, what is wrong)`. The path is
/// found from the error's line and column ([`path_at`]).
pub(crate) fn plain_error(text: &str, e: &serde_json::Error) -> (String, Mismatch) {
    use serde_json::error::Category;
    let path = path_at(text, e.line(), e.column());
    if matches!(
        e.classify(),
        Category::Syntax | Category::Eof | Category::Io
    ) {
        if let Err(error) = parse(text) {
            return (path, Mismatch::Unreadable(error));
        }
        // Valid JSON that serde_json reports as a syntax error: a number
        // where a word from a list is expected (`"precondition": 7`). Say
        // what is there.
        let found = offset_of(text, e.line(), e.column())
            .and_then(|at| text.get(at..))
            .and_then(|rest| {
                serde_json::Deserializer::from_str(rest)
                    .into_iter::<Node>()
                    .next()
                    .and_then(Result::ok)
            })
            .map_or(FoundValue::Other, |node| node.found());
        return (
            path,
            Mismatch::WrongType {
                found,
                expected: Expected::AllowedWord,
            },
        );
    }
    let full = e.to_string();
    // serde_json appends " at line L column C"; the path says where.
    let bare = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(m, _)| m);
    (path, plain_message(bare))
}

/// A serde error message from any serde format (serde_json, a JavaScript
/// value through serde-wasm-bindgen, …) in plain words in `lang`: "invalid
/// type: string \"x\", expected u32" becomes "The file has the text ‘x’
/// here; expected: a whole number from 0 to 4294967295." — never a Rust
/// type name. The place is not part of it: say it next to the message (a
/// JSON path, a line).
pub fn plain_error_message(message: &str, lang: Lang) -> String {
    let bare = message.rsplit_once(" at line ").map_or(message, |(m, _)| m);
    plain_message(bare).say(lang)
}

/// serde's standard messages as kinds (see `serde::de::Error`); anything
/// else (our own custom messages, already plain) is [`Mismatch::Other`].
pub(crate) fn plain_message(message: &str) -> Mismatch {
    let quoted = |s: &str| -> String {
        // `name`, "name" → name
        s.trim().trim_matches(|c| c == '`' || c == '"').to_string()
    };
    let options = |s: &str| -> String {
        // "one of `a`, `b`, `c`" / "`a` or `b`" → a, b, c
        let s = s.trim();
        let s = s.strip_prefix("one of ").unwrap_or(s);
        s.replace(" or ", ", ")
            .split(',')
            .map(quoted)
            .filter(|x| !x.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(field) = message.strip_prefix("missing field ") {
        return Mismatch::MissingField(quoted(field));
    }
    if let Some(field) = message.strip_prefix("duplicate field ") {
        return Mismatch::DuplicateField(quoted(field));
    }
    for (prefix, field) in [("unknown field ", true), ("unknown variant ", false)] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let (name, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
            let name = quoted(name);
            let allowed = match expected.contains("there are no") {
                true => String::new(),
                false => options(expected),
            };
            return match field {
                true => Mismatch::UnknownField { name, allowed },
                false => Mismatch::UnknownValue { name, allowed },
            };
        }
    }
    let typed = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "));
    if let Some(rest) = typed {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return Mismatch::WrongType {
            found: unexpected(found),
            expected: expecting(expected),
        };
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let (length, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return Mismatch::WrongLength {
            length: length.to_string(),
            expected: expecting(expected),
        };
    }
    Mismatch::Other(message.to_string())
}

/// serde's `Unexpected` (what the file has) as a value.
fn unexpected(found: &str) -> FoundValue {
    let value = |prefix: &str| {
        found
            .strip_prefix(prefix)
            .map(|v| v.trim().trim_matches(|c| c == '`' || c == '"').to_string())
    };
    if let Some(text) = value("string ") {
        return FoundValue::Text(shown(&unescape(&text)));
    }
    for prefix in ["integer ", "floating point "] {
        if let Some(number) = value(prefix) {
            return FoundValue::Number(number);
        }
    }
    if let Some(b) = value("boolean ") {
        return FoundValue::Bool(b == "true");
    }
    match found {
        "null" | "unit value" | "Option value" => FoundValue::Null,
        "sequence" => FoundValue::List,
        "map" => FoundValue::Object,
        _ => FoundValue::Other,
    }
}

/// A text as serde's message writes it (Rust's debug escapes: `\"`,
/// `\u{202e}`) back as it was; `shown` then removes what is invisible.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('u') => {
                let code: String = chars
                    .by_ref()
                    .skip_while(|c| *c == '{')
                    .take_while(|c| *c != '}')
                    .collect();
                if let Some(c) = u32::from_str_radix(&code, 16).ok().and_then(char::from_u32) {
                    out.push(c);
                }
            }
            Some('n' | 'r' | 't') => out.push(' '),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// A visitor's `expecting` text (what was expected) as a kind.
fn expecting(expected: &str) -> Expected {
    let e = expected.trim();
    let whole = |max: Option<u64>| Expected::Whole { min: 0, max };
    match e {
        "u8" => whole(Some(u64::from(u8::MAX))),
        "u16" => whole(Some(u64::from(u16::MAX))),
        "u32" => whole(Some(u64::from(u32::MAX))),
        "u64" | "u128" | "usize" => whole(None),
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => Expected::Integer,
        "f32" | "f64" => Expected::Number,
        "a string" | "a borrowed string" | "string" | "a character" | "char" => Expected::Text,
        "a boolean" | "bool" => Expected::TrueFalse,
        "a sequence" => Expected::List,
        "a map" | "any JSON value" => Expected::Object,
        "variant identifier" | "field identifier" => Expected::AllowedWord,
        _ if e.starts_with("struct ") || e.starts_with("a map") => Expected::Object,
        _ if e.starts_with("enum ") => Expected::AllowedWord,
        _ if e.starts_with("tuple") || e.starts_with("an array") || e.starts_with("a list") => {
            Expected::List
        }
        _ if e.starts_with("a ") || e.starts_with("an ") || e.starts_with("one of") => {
            Expected::Described(e.to_string())
        }
        _ => Expected::Fits,
    }
}

/// `text` with its first letter in upper case.
fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The byte offset of `line`/`column` (1-based, as serde_json reports
/// them) in `text`; `None` for line 0 (no place known).
fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    if line == 0 {
        return None;
    }
    let mut line_start = 0;
    for (n, part) in text.split_inclusive('\n').enumerate() {
        if n + 1 == line {
            return Some((line_start + column.saturating_sub(1)).min(text.len()));
        }
        line_start += part.len();
    }
    Some(text.len())
}

/// The JSON path of the value at `line`/`column` (1-based, as serde_json
/// reports them, in bytes) of `text`, e.g. `$.factors[3].weight`; `$` when
/// the place is unknown. A small scan of the text, so that every decoder
/// can name a path without a second, path-tracking parser in the wasm.
/// At a closing `}` or `]` (where "missing field" is reported) the path is
/// the object or list itself.
pub(crate) fn path_at(text: &str, line: usize, column: usize) -> String {
    enum Frame {
        Object { key: Option<String>, in_value: bool },
        List { index: usize },
    }
    let Some(target) = offset_of(text, line, column) else {
        return "$".into();
    };
    let mut stack: Vec<Frame> = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < target && i < bytes.len() {
        match bytes[i] {
            b'{' => stack.push(Frame::Object {
                key: None,
                in_value: false,
            }),
            b'[' => stack.push(Frame::List { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::List { index }) => *index += 1,
                Some(Frame::Object { key, in_value }) => {
                    *key = None;
                    *in_value = false;
                }
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { in_value, .. }) = stack.last_mut() {
                    *in_value = true;
                }
            }
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                let end = j.min(bytes.len());
                if let Some(Frame::Object {
                    key,
                    in_value: false,
                }) = stack.last_mut()
                {
                    let raw = text.get(start..end).unwrap_or_default();
                    *key = Some(
                        serde_json::from_str(&format!("\"{raw}\""))
                            .unwrap_or_else(|_| raw.to_string()),
                    );
                }
                i = end;
            }
            _ => {}
        }
        i += 1;
    }
    let closing = matches!(bytes.get(target), Some(b'}' | b']'));
    let mut path = String::from("$");
    let last = stack.len().saturating_sub(1);
    for (n, frame) in stack.iter().enumerate() {
        let own_place = n == last && closing;
        match frame {
            // A key (also one just read: "unknown field" points at it).
            Frame::Object { key: Some(key), .. } if !own_place => {
                path.push_str(&path_key(key));
            }
            Frame::List { index } if !own_place => path.push_str(&format!("[{index}]")),
            _ => {}
        }
    }
    path
}

#[cfg(test)]
mod plain_tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Factor {
        id: String,
        weight: f64,
        count: u32,
        kind: Kind,
        items: Vec<u8>,
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(rename_all = "lowercase")]
    enum Kind {
        Promoting,
        Hindering,
    }

    fn error(json: &str) -> (String, String, String) {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Root {
            factors: Vec<Factor>,
        }
        let e = serde_json::from_str::<Root>(json).unwrap_err();
        let (path, mismatch) = plain_error(json, &e);
        (path, mismatch.say(Lang::En), mismatch.say(Lang::Nl))
    }

    const OK: &str = r#""id": "a", "weight": 1, "count": 2, "kind": "hindering", "items": [1]"#;

    #[test]
    fn serde_messages_become_words_at_a_path() {
        let cases = [
            (
                format!(r#"{{"factors": [{{{OK}}}, {{"id": "b", "weight": "zwaar"}}]}}"#),
                "$.factors[1].weight",
                "The file has the text ‘zwaar’ here; expected: a number.",
                "Hier staat de tekst ‘zwaar’; verwacht: een getal.",
            ),
            (
                r#"{"factors": [{"id": "b", "weight": 1, "count": -5}]}"#.to_string(),
                "$.factors[0].count",
                "The file has the number -5 here; expected: a whole number from 0 to 4294967295.",
                "Hier staat het getal -5; verwacht: een heel getal van 0 tot en met 4294967295.",
            ),
            (
                r#"{"factors": [{"id": "b", "weight": 1, "count": 1, "kind": "neutral"}]}"#
                    .to_string(),
                "$.factors[0].kind",
                "The value ‘neutral’ is unknown. Allowed: promoting, hindering.",
                "De waarde ‘neutral’ is onbekend. Toegestaan: promoting, hindering.",
            ),
            (
                r#"{"factors": [{"id": "b"}]}"#.to_string(),
                "$.factors[0]",
                "The field ‘weight’ is missing.",
                "Het veld ‘weight’ ontbreekt.",
            ),
            (
                format!(r#"{{"factors": [{{{OK}, "extra": 1}}]}}"#),
                "$.factors[0].extra",
                "The field ‘extra’ is unknown. Allowed: id, weight, count, kind, items.",
                "Het veld ‘extra’ is onbekend. Toegestaan: id, weight, count, kind, items.",
            ),
            (
                r#"{"factors": {"a": 1}}"#.to_string(),
                "$.factors",
                "The file has a group of fields (an object) here; expected: a list.",
                "Hier staat een groep velden (een object); verwacht: een lijst.",
            ),
            (
                r#"{"factors": [{"id": "a", "weight": 1, "count": 2, "kind": "hindering", "items": [1, 2, 300]}]}"#.to_string(),
                "$.factors[0].items[2]",
                "The file has the number 300 here; expected: a whole number from 0 to 255.",
                "Hier staat het getal 300; verwacht: een heel getal van 0 tot en met 255.",
            ),
            (
                "{\"factors\": [{\"id\": \"a\\\"b\", \"weight\": null}]}".to_string(),
                "$.factors[0].weight",
                "The file has an empty value (null) here; expected: a number.",
                "Hier staat een lege waarde (null); verwacht: een getal.",
            ),
        ];
        for (json, path, en, nl) in cases {
            let (p, e, n) = error(&json);
            assert_eq!(
                (p.as_str(), e.as_str(), n.as_str()),
                (path, en, nl),
                "{json}"
            );
        }
    }

    #[test]
    fn a_number_where_a_word_is_expected_is_named_at_its_path() {
        let json = r#"{"factors": [{"id": "a", "weight": 1, "count": 2, "kind": 7}]}"#;
        let (p, e, n) = error(json);
        assert_eq!(p, "$.factors[0].kind");
        assert_eq!(
            e,
            "The file has the number 7 here; expected: one of the allowed words."
        );
        assert_eq!(
            n,
            "Hier staat het getal 7; verwacht: een van de toegestane woorden."
        );
    }

    #[test]
    fn valid_json_beyond_what_is_read_says_why() {
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert!(parse(&deep)
            .unwrap_err()
            .to_string()
            .contains("nested more than 128 levels deep"));
        assert!(parse("[1e999]")
            .unwrap_err()
            .to_string()
            .contains("too large to read"));
        assert!(parse(r#"["\ud800"]"#)
            .unwrap_err()
            .say(Lang::Nl)
            .contains("bij geen enkel teken hoort"));
    }

    #[test]
    fn paths_survive_escapes_and_odd_keys() {
        let json = "{\n \"a b\": {\"x\\\"}\": [0, {\"k\": 5}]}}";
        // The place of 5: line 2.
        let column = json.lines().nth(1).unwrap().find('5').unwrap() + 1;
        assert_eq!(path_at(json, 2, column), "$[\"a b\"][\"x\\\"}\"][1].k");
        assert_eq!(path_at(json, 0, 0), "$");
        assert_eq!(path_at("", 9, 9), "$");
    }
}
