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
//! The second half of this file serves the one typed parse of an
//! instrument: serde's messages put into plain words (`plain_error`) and
//! the JSON path of a problem found from its line and column.

use crate::text::Lang;
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
pub fn file_size_problem(bytes: u64, lang: Lang) -> Option<String> {
    let bytes = usize::try_from(bytes).unwrap_or(usize::MAX);
    too_many_bytes(bytes).map(|(en, nl)| lang.pick(nl, en))
}

fn too_many_bytes(bytes: usize) -> Option<(String, String)> {
    (bytes > MAX_FILE_BYTES).then(|| {
        let (whole, tenth) = megabytes(bytes);
        (
            format!("The file is larger than 1 MB ({whole}.{tenth} MB); the scan reads files up to 1 MB. Is this the right file?"),
            format!("Het bestand is groter dan 1 MB ({whole},{tenth} MB); de scan leest bestanden tot 1 MB. Is dit het goede bestand?"),
        )
    })
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

    /// What this value is, in words, for a message: `(English, Dutch)`.
    /// Texts are quoted (at most 40 characters); numbers are written out
    /// when they are whole; containers are named, not printed.
    pub(crate) fn found(&self) -> (String, String) {
        let quoted = |t: &str| shown(t);
        match self {
            Node::Null => (
                "an empty value (null)".into(),
                "een lege waarde (null)".into(),
            ),
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
        let detail = e.to_string();
        let what = match e.classify() {
            serde_json::error::Category::Eof => (
                "the file ends too early; something is missing at the end",
                "het bestand houdt te vroeg op; er mist iets aan het eind",
            ),
            // Valid JSON in principle, but beyond what is read.
            _ if detail.contains("recursion limit") => (
                "it is nested more than 128 levels deep",
                "het is meer dan 128 lagen diep genest",
            ),
            _ if detail.contains("number out of range") => (
                "there is a number there that is too large to read",
                "daar staat een getal dat te groot is om te lezen",
            ),
            _ if detail.contains("surrogate")
                || detail.contains("unicode code point")
                || detail.contains("hex escape") =>
            {
                (
                    "a \\u escape there is not a valid character",
                    "daar staat een \\u-code die bij geen enkel teken hoort",
                )
            }
            // A tree accepts every value, so the rest are syntax errors.
            _ => (
                "the text is not valid JSON there",
                "daar is de tekst geen geldige JSON",
            ),
        };
        (
            format!(
                "This is not a readable JSON file: {} (line {line}, column {column}).",
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

/// A text from a file as it is quoted in a message: at most 60 characters
/// (then "…"), without control characters or the invisible characters that
/// turn the direction of the text around (a right-to-left override in an
/// id must not reverse the sentence it is quoted in).
pub(crate) fn shown(text: &str) -> String {
    let visible = |c: &char| {
        !c.is_control()
            && !matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
    };
    let mut out: String = text.chars().filter(visible).take(60).collect();
    if text.chars().filter(visible).nth(60).is_some() {
        out.push('…');
    }
    out
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
            c if c.is_control()
                || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}') =>
            {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

/// The longest key written out in a JSON path, in characters (the built-in
/// instrument's longest statement id has 58).
pub(crate) const KEY_CHARS: usize = 80;

/// Collects the problems of one decode: path, English, Dutch. At most
/// [`Problems::MAX`] are written out; the rest are counted and said in one
/// closing notice (a file with 100,000 wrong values costs no 100,000
/// sentences).
#[derive(Default)]
pub(crate) struct Problems {
    list: Vec<(String, String, String)>,
    more: usize,
}

impl Problems {
    pub(crate) const MAX: usize = 200;

    /// Adds a problem in words: `(path, English, Dutch)`.
    pub(crate) fn push(&mut self, path: String, english: String, dutch: String) {
        if self.list.len() < Self::MAX {
            self.list.push((path, english, dutch));
        } else {
            self.more += 1;
        }
    }

    /// The problems as notices, with "and N more" at the end when some
    /// were only counted.
    pub(crate) fn into_notices(self) -> Vec<Notice> {
        let more = self.more;
        let mut notices: Vec<Notice> = self
            .list
            .into_iter()
            .map(|(path, message, dutch)| Notice {
                path,
                message,
                dutch,
                factor: None,
            })
            .collect();
        if more > 0 {
            notices.push(Notice {
                path: "$".into(),
                message: format!("… and {more} more problems in the file."),
                dutch: format!("… en nog {more} problemen in het bestand."),
                factor: None,
            });
        }
        notices
    }

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
        if self.list.len() >= Self::MAX {
            self.more += 1;
            return;
        }
        let (found_en, found_nl) = node.found();
        self.list.push((
            path,
            format!(
                "In the file, {} is {found_en}; it should be {}. It does not count.",
                what.0, expected.0
            ),
            format!(
                "Bij {} staat {found_nl}; verwacht: {}. Dat telt niet mee.",
                what.1, expected.1
            ),
        ));
    }
}

/// Something in a file that does not count, said where it is: in answers
/// the instrument does not know (and the evaluation therefore ignores), or
/// a damaged part of a workshop file that was left out.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Notice {
    /// Where: a JSON path into the file, e.g. `$.responses["x.1"]` or
    /// `$.context.stage` (`$` is the whole file).
    pub path: String,
    /// From [`Answers::check`](crate::Answers::check): in English, in plain sentences (people read it
    /// in an English report; scripts should use `path`). In a
    /// [`Report`](crate::Report): in the report's language, like all its texts.
    pub message: String,
    /// From [`Answers::check`](crate::Answers::check): the same in Dutch (B1). Empty in a report and
    /// when deserialized; not part of equality.
    #[serde(skip)]
    pub dutch: String,
    /// The factor whose reading this input would have changed: for an answer
    /// to a retired statement, the factor of the statement that replaced it.
    /// [`compare`](crate::compare) marks such a factor as not comparable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub factor: Option<String>,
}

/// `dutch` is derived from the same facts as `message` and not serialized:
/// equal notices stay equal through JSON.
impl PartialEq for Notice {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path && self.message == other.message
    }
}

impl Eq for Notice {}

impl Notice {
    /// The message in `lang`: English when asked for, else Dutch.
    pub fn text(&self, lang: Lang) -> &str {
        crate::text::localized(&self.message, &self.dutch, lang)
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
            "This is not a readable JSON file: the text is not valid JSON there (line 2, column 8)."
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
            Node::Text("x".repeat(70)).found().0,
            format!("the text ‘{}…’", "x".repeat(60))
        );
        // Invisible direction marks and control characters are not quoted.
        assert_eq!(shown("ab\u{202e}cd\u{0}"), "abcd");
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
            "The file is larger than 1 MB (13.2 MB); the scan reads files up to 1 MB. Is this the right file?"
        );
        assert!(nl.contains("13,2 MB") && nl.contains("tot 1 MB"));
    }
}

/// A serde error from reading `text` as a typed value (an instrument, the
/// JS API's options, …), for people: `(path, English, Dutch)`. The path
/// is found from the error's line and column ([`path_at`]); the message
/// says in words what the file has and what was expected — serde's own
/// wording names Rust types ("expected u32", "struct Factor"), which means
/// nothing to the person who wrote the file.
pub(crate) fn plain_error(text: &str, e: &serde_json::Error) -> (String, String, String) {
    use serde_json::error::Category;
    let path = path_at(text, e.line(), e.column());
    if matches!(
        e.classify(),
        Category::Syntax | Category::Eof | Category::Io
    ) {
        if let Err((en, nl)) = parse(text) {
            return (path, en, nl);
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
            .map_or_else(
                || {
                    (
                        "another kind of value".to_string(),
                        "een ander soort waarde".to_string(),
                    )
                },
                |node| node.found(),
            );
        return (
            path,
            format!(
                "The file has {} here; expected: one of the allowed words.",
                found.0
            ),
            format!(
                "Hier staat {}; verwacht: een van de toegestane woorden.",
                found.1
            ),
        );
    }
    let full = e.to_string();
    // serde_json appends " at line L column C"; the path says where.
    let bare = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(m, _)| m);
    let (en, nl) = plain_message(bare);
    (path, en, nl)
}

/// A serde error message from any serde format (serde_json, a JavaScript
/// value through serde-wasm-bindgen, …) in plain words in `lang` (Dutch
/// unless English is asked for): "invalid type: string \"x\", expected
/// u32" becomes "The file has the text ‘x’ here; expected: a whole number of
/// 0 or more." — never a Rust type name. The place is not part of it: say
/// it next to the message (a JSON path, a line).
pub fn plain_error_message(message: &str, lang: Lang) -> String {
    let bare = message.rsplit_once(" at line ").map_or(message, |(m, _)| m);
    let (english, dutch) = plain_message(bare);
    lang.pick(dutch, english)
}

/// serde's standard messages in words (see `serde::de::Error`); anything
/// else (our own custom messages, already plain) passes through in English
/// with a general Dutch sentence.
pub(crate) fn plain_message(message: &str) -> (String, String) {
    let quoted = |s: &str| -> String {
        // `name`, "name" → name
        s.trim().trim_matches(|c| c == '`' || c == '"').to_string()
    };
    let options = |s: &str| -> String {
        // "one of `a`, `b`" / "`a` or `b`" / "`a`" → "a, b"
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
        let f = quoted(field);
        return (
            format!("The field ‘{f}’ is missing."),
            format!("Het veld ‘{f}’ ontbreekt."),
        );
    }
    if let Some(field) = message.strip_prefix("duplicate field ") {
        let f = quoted(field);
        return (
            format!("The field ‘{f}’ appears twice."),
            format!("Het veld ‘{f}’ staat er twee keer."),
        );
    }
    for (prefix, en_what, nl_what) in [
        ("unknown field ", "The field", "Het veld"),
        ("unknown variant ", "The value", "De waarde"),
    ] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let (name, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
            let name = quoted(name);
            let allowed = options(expected);
            return if allowed.is_empty() || expected.contains("there are no") {
                (
                    format!("{en_what} ‘{name}’ is unknown here."),
                    format!("{nl_what} ‘{name}’ is hier onbekend."),
                )
            } else {
                (
                    format!("{en_what} ‘{name}’ is unknown. Allowed: {allowed}."),
                    format!("{nl_what} ‘{name}’ is onbekend. Toegestaan: {allowed}."),
                )
            };
        }
    }
    let typed = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "));
    if let Some(rest) = typed {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let (found_en, found_nl) = unexpected(found);
        let (exp_en, exp_nl) = expecting(expected);
        return (
            format!("The file has {found_en} here; expected: {exp_en}."),
            format!("Hier staat {found_nl}; verwacht: {exp_nl}."),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let (length, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let (exp_en, exp_nl) = expecting(expected);
        return (
            format!("The list has {length} items here; expected: {exp_en}."),
            format!("De lijst heeft hier {length} onderdelen; verwacht: {exp_nl}."),
        );
    }
    (
        capital(message.trim_end_matches('.')) + ".",
        "De waarde hier heeft niet de goede vorm.".to_string(),
    )
}

/// serde's `Unexpected` (what the file has) in words.
fn unexpected(found: &str) -> (String, String) {
    let value = |prefix: &str| {
        found
            .strip_prefix(prefix)
            .map(|v| v.trim().trim_matches(|c| c == '`' || c == '"').to_string())
    };
    if let Some(text) = value("string ") {
        let text: String = text.chars().take(40).collect();
        return (format!("the text ‘{text}’"), format!("de tekst ‘{text}’"));
    }
    for prefix in ["integer ", "floating point "] {
        if let Some(number) = value(prefix) {
            return (
                format!("the number {number}"),
                format!("het getal {number}"),
            );
        }
    }
    if let Some(b) = value("boolean ") {
        return (format!("the value {b}"), format!("de waarde {b}"));
    }
    match found {
        "null" | "unit value" | "Option value" => (
            "an empty value (null)".into(),
            "een lege waarde (null)".into(),
        ),
        "sequence" => ("a list".into(), "een lijst".into()),
        "map" => (
            "a group of fields (an object)".into(),
            "een groep velden (een object)".into(),
        ),
        _ => (
            "another kind of value".into(),
            "een ander soort waarde".into(),
        ),
    }
}

/// A visitor's `expecting` text (what was expected) in words.
fn expecting(expected: &str) -> (String, String) {
    let e = expected.trim();
    let words = |en: &str, nl: &str| (en.to_string(), nl.to_string());
    match e {
        "u8" => words(
            "a whole number from 0 to 255",
            "een heel getal van 0 tot en met 255",
        ),
        "u16" => words(
            "a whole number from 0 to 65535",
            "een heel getal van 0 tot en met 65535",
        ),
        "u32" => words(
            "a whole number from 0 to 4294967295",
            "een heel getal van 0 tot en met 4294967295",
        ),
        "u64" | "u128" | "usize" => words(
            "a whole number of 0 or more",
            "een heel getal van 0 of meer",
        ),
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => {
            words("a whole number", "een heel getal")
        }
        "f32" | "f64" => words("a number", "een getal"),
        "a string" | "a borrowed string" | "string" | "a character" | "char" => {
            words("a text", "een tekst")
        }
        "a boolean" | "bool" => words("true or false", "true of false"),
        "a sequence" => words("a list", "een lijst"),
        "a map" | "any JSON value" => words(
            "a group of fields (an object)",
            "een groep velden (een object)",
        ),
        "variant identifier" | "field identifier" => {
            words("one of the allowed words", "een van de toegestane woorden")
        }
        _ if e.starts_with("struct ") || e.starts_with("a map") => words(
            "a group of fields (an object)",
            "een groep velden (een object)",
        ),
        _ if e.starts_with("enum ") => {
            words("one of the allowed words", "een van de toegestane woorden")
        }
        _ if e.starts_with("tuple") || e.starts_with("an array") || e.starts_with("a list") => {
            words("a list", "een lijst")
        }
        _ if e.starts_with("a ") || e.starts_with("an ") || e.starts_with("one of") => {
            // Our own `expecting` texts are already words (English only).
            (e.to_string(), "een waarde die hier past".to_string())
        }
        _ => words("a value that fits here", "een waarde die hier past"),
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
                if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    path.push('.');
                    path.push_str(key);
                } else {
                    path.push_str(&format!("[\"{}\"]", escape_key(key)));
                }
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
        plain_error(json, &e)
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
            .0
            .contains("nested more than 128 levels deep"));
        assert!(parse("[1e999]")
            .unwrap_err()
            .0
            .contains("too large to read"));
        assert!(parse(r#"["\ud800"]"#)
            .unwrap_err()
            .1
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
