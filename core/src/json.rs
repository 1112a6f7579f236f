//! Reading files people made or edited by hand: parse JSON into a small
//! tree first, then decode it field by field, so that every problem can name
//! its JSON path and say in plain words what was found and what was
//! expected, and one wrong value never costs the rest of the file.
//!
//! Why a tree of our own and not `serde_json::Value`: the widget's wasm
//! bundle has no `Value` (its map and number code would add bytes); this
//! tree is one visitor, and the decoders that read it replace the derived
//! ones.
//!
//! The typed parse of an instrument has its own words (`mismatch.rs`); a
//! decoder's notices are collected in `notice.rs`.

use crate::text::{invisible, shown};
use crate::text::{Lang, Says};
use crate::wording::FoundValue;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// The largest file any decoder reads: 1 MB (1,000,000 bytes). An answers
/// file of the built-in instrument is about 5 KB, a workshop file with the
/// maximum number of participants about 60 KB; anything near this limit was
/// not made by the scan, and refusing it before parsing keeps the page
/// responsive (no parsing, no list of a million notices).
pub const MAX_FILE_BYTES: usize = 1_000_000;

/// Why a text is not a JSON tree the scan reads: too large to read, or
/// not readable JSON (said with line and column). Part of every file
/// error ([`AnswersError`](crate::AnswersError),
/// [`WorkshopError`](crate::WorkshopError), an instrument's
/// [`Problem`](crate::Problem)); says itself with [`Says`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonError {
    /// Over [`MAX_FILE_BYTES`]: refused before parsing.
    TooLarge {
        /// The file's size in bytes.
        bytes: usize,
    },
    /// Not readable JSON at a place (1-based, as serde_json counts).
    Unreadable {
        /// Why, in kinds.
        cause: Unreadable,
        /// The line, from 1.
        line: usize,
        /// The column in that line, from 1 (in bytes).
        column: usize,
    },
}

/// Why a text is not readable JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// The text ends before the value does.
    EndsEarly,
    /// Valid JSON, nested more than 128 levels deep.
    TooDeep,
    /// Valid JSON with a number too large to read.
    NumberTooLarge,
    /// A `\u` escape that is no character.
    BadEscape,
    /// Anything else: not JSON there.
    Syntax,
}

impl Says for JsonError {
    fn say(&self, lang: Lang) -> String {
        match self {
            JsonError::TooLarge { bytes } => {
                let (whole, tenth) = megabytes(*bytes);
                lang.pick(
                    format!("Het bestand is groter dan 1 MB ({whole},{tenth} MB); de scan leest bestanden tot 1 MB. Is dit het goede bestand?"),
                    format!("The file is larger than 1 MB ({whole}.{tenth} MB); the scan reads files up to 1 MB. Is this the right file?"),
                )
            }
            JsonError::Unreadable {
                cause,
                line,
                column,
            } => {
                let why = match cause {
                    Unreadable::EndsEarly => lang.pick(
                        "het bestand houdt te vroeg op; er mist iets aan het eind",
                        "the file ends too early; something is missing at the end",
                    ),
                    Unreadable::TooDeep => lang.pick(
                        "het is meer dan 128 lagen diep genest",
                        "it is nested more than 128 levels deep",
                    ),
                    Unreadable::NumberTooLarge => lang.pick(
                        "daar staat een getal dat te groot is om te lezen",
                        "there is a number there that is too large to read",
                    ),
                    Unreadable::BadEscape => lang.pick(
                        "daar staat een \\u-code die bij geen enkel teken hoort",
                        "a \\u escape there is not a valid character",
                    ),
                    Unreadable::Syntax => lang.pick(
                        "daar is de tekst geen geldige JSON",
                        "the text is not valid JSON there",
                    ),
                };
                lang.pick(
                    format!(
                        "Dit is geen leesbaar JSON-bestand: {why} (regel {line}, kolom {column})."
                    ),
                    format!(
                        "This is not a readable JSON file: {why} (line {line}, column {column})."
                    ),
                )
            }
        }
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl std::error::Error for JsonError {}

/// `Err` when `text` is over [`MAX_FILE_BYTES`].
pub(crate) fn within_limit(text: &str) -> Result<(), JsonError> {
    match text.len() {
        bytes if bytes > MAX_FILE_BYTES => Err(JsonError::TooLarge { bytes }),
        _ => Ok(()),
    }
}

/// For a front end that knows a file's size before reading it: the message
/// in `lang` when a file of `bytes` bytes is over [`MAX_FILE_BYTES`], else
/// `None`. Read nothing then: the decoders would refuse it anyway, after
/// the cost of reading.
pub fn file_size_problem(bytes: u64, lang: Lang) -> Option<String> {
    let bytes = usize::try_from(bytes).unwrap_or(usize::MAX);
    (bytes > MAX_FILE_BYTES).then(|| JsonError::TooLarge { bytes }.say(lang))
}

/// `bytes` in MB as (whole, tenth), rounded up (a file just over the
/// limit never reads "1.0 MB"): integers only (no float formatting in the
/// wasm).
fn megabytes(bytes: usize) -> (usize, usize) {
    let tenths = bytes.saturating_add(99_999) / 100_000;
    (tenths / 10, tenths % 10)
}

/// A parsed JSON value. Objects keep their order and duplicate keys (the
/// last one wins in [`Node::get`], as in every JSON reader people know).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Node {
    Null,
    Bool(bool),
    /// A whole number that fits `i64`/`u64` (negative ones in `Neg`).
    Whole(u64),
    Neg(i64),
    /// Any other number: with decimals, or too large for `u64`.
    Float(f64),
    Text(String),
    List(Vec<Node>),
    Object(Vec<(String, Node)>),
}

impl Node {
    /// The value of `key` in an object (the last one when repeated).
    pub(crate) fn get(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Object(fields) => fields.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// What this value is, for a message (texts quoted as `shown` cuts
    /// them).
    pub(crate) fn found(&self) -> FoundValue {
        match self {
            Node::Null => FoundValue::Null,
            Node::Bool(b) => FoundValue::Bool(*b),
            Node::Whole(n) => FoundValue::Number(n.to_string()),
            Node::Neg(n) => FoundValue::Number(n.to_string()),
            Node::Float(f) if f.abs() >= 1e15 => FoundValue::LargeNumber,
            Node::Float(_) => FoundValue::Decimal,
            Node::Text(t) => FoundValue::Text(shown(t)),
            Node::List(_) => FoundValue::List,
            Node::Object(_) => FoundValue::Object,
        }
    }

    /// A whole number, also when written with a zero fraction (`4.0`).
    pub(crate) fn whole(&self) -> Option<i128> {
        match self {
            Node::Whole(n) => Some(i128::from(*n)),
            Node::Neg(n) => Some(i128::from(*n)),
            Node::Float(f) if f.fract() == 0.0 && f.abs() < 1e18 => Some(*f as i128),
            _ => None,
        }
    }
}

/// Parses JSON text into a [`Node`].
///
/// # Errors
/// A [`JsonError::Unreadable`] with the place and the cause.
pub(crate) fn parse(text: &str) -> Result<Node, JsonError> {
    serde_json::from_str(text).map_err(|e: serde_json::Error| {
        let detail = e.to_string();
        let cause = match e.classify() {
            serde_json::error::Category::Eof => Unreadable::EndsEarly,
            // Valid JSON in principle, but beyond what is read.
            _ if detail.contains("recursion limit") => Unreadable::TooDeep,
            _ if detail.contains("number out of range") => Unreadable::NumberTooLarge,
            _ if detail.contains("surrogate")
                || detail.contains("unicode code point")
                || detail.contains("hex escape") =>
            {
                Unreadable::BadEscape
            }
            // A tree accepts every value, so the rest are syntax errors.
            _ => Unreadable::Syntax,
        };
        JsonError::Unreadable {
            cause,
            line: e.line(),
            column: e.column(),
        }
    })
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Whole(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(if v >= 0 {
            Node::Whole(v as u64)
        } else {
            Node::Neg(v)
        })
    }
    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Text(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::Text(v))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        Node::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut fields = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Node>()? {
            fields.push((key, value));
        }
        Ok(Node::Object(fields))
    }
}

/// A key as it goes inside `["…"]` in a JSON path: quotes and backslashes
/// escaped, control and direction characters written as `\uXXXX`, and cut
/// after [`KEY_CHARS`] characters with "…", so a path stays one short,
/// inert line wherever it is shown (a report, a terminal, Markdown).
pub(crate) fn escape_key(key: &str) -> String {
    let mut out = String::new();
    for (i, c) in key.chars().enumerate() {
        if i == KEY_CHARS {
            out.push('…');
            break;
        }
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c if invisible(c) => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

/// A key as it follows a path: `.name` when it is a plain word, else
/// `["…"]` (see [`escape_key`]).
pub(crate) fn path_key(key: &str) -> String {
    let plain = key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !key.is_empty() && key.len() <= KEY_CHARS && plain {
        format!(".{key}")
    } else {
        format!("[\"{}\"]", escape_key(key))
    }
}

/// The longest key written out in a JSON path, in characters (the built-in
/// instrument's longest statement id has 58).
pub(crate) const KEY_CHARS: usize = 80;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_kind_of_value() {
        let node = parse(r#"{"a": [1, -2, 4.5, "x", null, true, {}], "a": 3}"#).unwrap();
        assert_eq!(node.get("a"), Some(&Node::Whole(3)));
        match &node {
            Node::Object(fields) => assert_eq!(
                fields[0].1,
                Node::List(vec![
                    Node::Whole(1),
                    Node::Neg(-2),
                    Node::Float(4.5),
                    Node::Text("x".into()),
                    Node::Null,
                    Node::Bool(true),
                    Node::Object(vec![])
                ])
            ),
            _ => panic!("an object"),
        }
    }

    #[test]
    fn syntax_errors_say_where_in_words() {
        let error = parse("{\n  \"a\": }").unwrap_err();
        let (en, nl) = (error.say(Lang::En), error.say(Lang::Nl));
        assert_eq!(
            en,
            "This is not a readable JSON file: the text is not valid JSON there (line 2, column 8)."
        );
        assert!(nl.contains("regel 2, kolom 8"), "{nl}");
        let en = parse("{\"a\": [1,").unwrap_err().to_string();
        assert!(en.contains("ends too early"), "{en}");
    }

    #[test]
    fn found_values_are_described_without_type_names() {
        assert_eq!(
            Node::Float(4.5).found().words(Lang::En),
            "a number with decimals"
        );
        assert_eq!(Node::Neg(-1).found().words(Lang::Nl), "het getal -1");
        assert_eq!(
            Node::Float(1e30).found().words(Lang::En),
            "a very large number"
        );
        assert_eq!(
            Node::Text("x".repeat(70)).found().words(Lang::En),
            format!("the text ‘{}…’", "x".repeat(60))
        );
        assert_eq!(Node::Float(4.0).whole(), Some(4));
        assert_eq!(Node::Float(4.5).whole(), None);
    }

    #[test]
    fn a_long_plain_key_is_cut_in_a_path_too() {
        assert_eq!(path_key("stage"), ".stage");
        let long = "a".repeat(100);
        assert_eq!(path_key(&long), format!("[\"{}…\"]", "a".repeat(KEY_CHARS)));
        assert_eq!(path_key("x\u{2028}y"), "[\"x\\u2028y\"]");
    }

    #[test]
    fn large_files_are_refused_with_the_limit_named() {
        assert!(within_limit("{}").is_ok());
        let big = " ".repeat(13_200_000);
        let error = within_limit(&big).unwrap_err();
        let (en, nl) = (error.to_string(), error.say(Lang::Nl));
        assert_eq!(
            en,
            "The file is larger than 1 MB (13.2 MB); the scan reads files up to 1 MB. Is this the right file?"
        );
        assert!(nl.contains("13,2 MB") && nl.contains("tot 1 MB"));
    }
}
