//! Reading files people made or edited by hand: parse JSON into a small
//! tree first, then decode it field by field, so that every problem can name
//! its JSON path and say in plain words what was found and what was
//! expected, and one wrong value never costs the rest of the file.
//!
//! Why a tree of our own and not `serde_json::Value`: the widget's wasm
//! bundle has no `Value` (its map and number code would add bytes); this
//! tree is one visitor, and the decoders that read it replace the derived
//! ones.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// The largest file any decoder reads: 1 MB (1,000,000 bytes). An answers
/// file of the built-in instrument is about 5 KB, a workshop file with the
/// maximum number of participants about 60 KB; anything near this limit was
/// not made by the scan, and refusing it before parsing keeps the page
/// responsive (no parsing, no list of a million notices).
pub const MAX_FILE_BYTES: usize = 1_000_000;

/// Why a file is refused before parsing: `(English, Dutch)`, or `None` when
/// `text` is within [`MAX_FILE_BYTES`].
pub(crate) fn too_large(text: &str) -> Option<(String, String)> {
    too_many_bytes(text.len())
}

/// For a front end that knows a file's size before reading it: the message
/// in `lang` (Dutch unless English is asked for) when a file of `bytes`
/// bytes is over [`MAX_FILE_BYTES`], else `None`. Read nothing then: the
/// decoders would refuse it anyway, after the cost of reading.
pub fn file_size_problem(bytes: u64, lang: &str) -> Option<String> {
    let bytes = usize::try_from(bytes).unwrap_or(usize::MAX);
    too_many_bytes(bytes).map(|(en, nl)| crate::text::Msg::of(lang).pick(nl, en))
}

fn too_many_bytes(bytes: usize) -> Option<(String, String)> {
    (bytes > MAX_FILE_BYTES).then(|| {
        let (whole, tenth) = megabytes(bytes);
        (
            format!("The file is {whole}.{tenth} MB; the scan reads files up to 1 MB. Is this the right file?"),
            format!("Het bestand is {whole},{tenth} MB; de scan leest bestanden tot 1 MB. Is dit het goede bestand?"),
        )
    })
}

/// `bytes` in MB as (whole, tenth), rounded: integers only (no float
/// formatting in the wasm).
fn megabytes(bytes: usize) -> (usize, usize) {
    let tenths = bytes.saturating_add(50_000) / 100_000;
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

    /// What this value is, in words, for a message: `(English, Dutch)`.
    /// Texts are quoted (at most 40 characters); numbers are written out
    /// when they are whole; containers are named, not printed.
    pub(crate) fn found(&self) -> (String, String) {
        let quoted = |t: &str| {
            let mut short: String = t.chars().take(40).collect();
            if short.len() < t.len() {
                short.push('…');
            }
            short
        };
        match self {
            Node::Null => ("empty (null)".into(), "leeg (null)".into()),
            Node::Bool(b) => (format!("the value {b}"), format!("de waarde {b}")),
            Node::Whole(n) => (format!("the number {n}"), format!("het getal {n}")),
            Node::Neg(n) => (format!("the number {n}"), format!("het getal {n}")),
            Node::Float(f) if f.abs() >= 1e15 => {
                ("a very large number".into(), "een heel groot getal".into())
            }
            Node::Float(_) => (
                "a number with decimals".into(),
                "een getal met decimalen".into(),
            ),
            Node::Text(t) => (
                format!("the text ‘{}’", quoted(t)),
                format!("de tekst ‘{}’", quoted(t)),
            ),
            Node::List(_) => ("a list".into(), "een lijst".into()),
            Node::Object(_) => (
                "a group of fields (an object)".into(),
                "een groep velden (een object)".into(),
            ),
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

/// Parses JSON text into a [`Node`]; a syntax error says where, in words:
/// `(English, Dutch)`.
pub(crate) fn parse(text: &str) -> Result<Node, (String, String)> {
    serde_json::from_str(text).map_err(|e: serde_json::Error| {
        let (line, column) = (e.line(), e.column());
        let what = match e.classify() {
            serde_json::error::Category::Eof => (
                "the file ends too early (something is missing at the end)",
                "het bestand houdt te vroeg op (er mist iets aan het eind)",
            ),
            // A tree accepts every value, so the rest are syntax errors.
            _ => (
                "the text is not valid JSON there",
                "daar is de tekst geen geldige JSON",
            ),
        };
        (
            format!(
                "Not a readable JSON file: {} (line {line}, column {column}).",
                what.0
            ),
            format!(
                "Dit is geen leesbaar JSON-bestand: {} (regel {line}, kolom {column}).",
                what.1
            ),
        )
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

/// Collects the problems of one decode: path, English, Dutch.
#[derive(Default)]
pub(crate) struct Problems(pub Vec<(String, String, String)>);

impl Problems {
    /// A value of the wrong kind, as a plain sentence in both languages:
    /// where (`what`, lower case, e.g. ("the answer to ‘x’", "het antwoord
    /// op ‘x’")), what the file has there, what was expected, and that it
    /// does not count.
    pub(crate) fn wrong(
        &mut self,
        path: String,
        node: &Node,
        what: (&str, &str),
        expected: (&str, &str),
    ) {
        let (found_en, found_nl) = node.found();
        self.0.push((
            path,
            format!(
                "For {} the file has {found_en}; expected: {}. It does not count.",
                what.0, expected.0
            ),
            format!(
                "Bij {} staat {found_nl}; verwacht: {}. Dat telt niet mee.",
                what.1, expected.1
            ),
        ));
    }
}

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
        let (en, nl) = parse("{\n  \"a\": }").unwrap_err();
        assert_eq!(
            en,
            "Not a readable JSON file: the text is not valid JSON there (line 2, column 8)."
        );
        assert!(nl.contains("regel 2, kolom 8"), "{nl}");
        let (en, _) = parse("{\"a\": [1,").unwrap_err();
        assert!(en.contains("ends too early"), "{en}");
    }

    #[test]
    fn found_values_are_described_without_type_names() {
        assert_eq!(Node::Float(4.5).found().0, "a number with decimals");
        assert_eq!(Node::Neg(-1).found().1, "het getal -1");
        assert_eq!(Node::Float(1e30).found().0, "a very large number");
        assert_eq!(
            Node::Text("x".repeat(50)).found().0,
            format!("the text ‘{}…’", "x".repeat(40))
        );
        assert_eq!(Node::Float(4.0).whole(), Some(4));
        assert_eq!(Node::Float(4.5).whole(), None);
    }

    #[test]
    fn large_files_are_refused_with_the_limit_named() {
        assert!(too_large("{}").is_none());
        let big = " ".repeat(13_200_000);
        let (en, nl) = too_large(&big).unwrap();
        assert_eq!(
            en,
            "The file is 13.2 MB; the scan reads files up to 1 MB. Is this the right file?"
        );
        assert!(nl.contains("13,2 MB") && nl.contains("tot 1 MB"));
    }
}
