//! Reading a saved workshop from a parsed JSON tree, field by field (see
//! `json.rs`): a damaged tally, note or code is named with its JSON path
//! and left out; the votes, notes and participants around it are kept.

use crate::json::{Node, Problems};
use crate::workshop::{Tally, Workshop, MAX_PARTICIPANTS, MAX_VOTES};

/// Decodes a workshop object whose version was checked.
pub(crate) fn decode(root: &Node) -> Workshop {
    let mut problems = Problems::default();
    let p = &mut problems;
    // Of the current format version (the caller checked the file's).
    let mut w = Workshop {
        instrument_id: text(
            p,
            root.get("instrument_id"),
            "$.instrument_id",
            ("the questionnaire id", "de id van de vragenlijst"),
        ),
        title: text(p, root.get("title"), "$.title", ("the title", "de titel")),
        ..Workshop::default()
    };
    for (factor, node) in object(
        p,
        root.get("tallies"),
        "$.tallies",
        ("the votes", "de stemmen"),
    ) {
        let at = format!("$.tallies[\"{}\"]", escape(factor));
        if let Some(tally) = tally(p, node, &at, factor) {
            if !tally.is_empty() {
                w.tallies.insert(factor.clone(), tally);
            }
        }
    }
    for (i, node) in list(
        p,
        root.get("revealed"),
        "$.revealed",
        ("the revealed factors", "de getoonde factoren"),
    )
    .iter()
    .enumerate()
    {
        match node {
            Node::Text(t) => {
                w.revealed.insert(t.clone());
            }
            other => p.wrong(
                format!("$.revealed[{i}]"),
                other,
                ("a revealed factor", "een getoonde factor"),
                ("the id of a factor", "de id van een factor"),
            ),
        }
    }
    for (factor, node) in object(
        p,
        root.get("notes"),
        "$.notes",
        ("the notes", "de aantekeningen"),
    ) {
        match node {
            Node::Text(t) => w.set_note(factor, t),
            Node::Null => {}
            other => p.wrong(
                format!("$.notes[\"{}\"]", escape(factor)),
                other,
                (
                    &format!("the note on ‘{factor}’"),
                    &format!("de aantekening bij ‘{factor}’"),
                ),
                ("a text", "een tekst"),
            ),
        }
    }
    let codes = list(
        p,
        root.get("participants"),
        "$.participants",
        ("the participants", "de deelnemers"),
    );
    for (i, node) in codes.iter().enumerate() {
        match node {
            Node::Text(t) if w.participants.len() < MAX_PARTICIPANTS => {
                w.participants.push(t.clone())
            }
            Node::Text(_) => {}
            other => p.wrong(
                format!("$.participants[{i}]"),
                other,
                ("a participant", "een deelnemer"),
                ("a result code", "een resultaatcode"),
            ),
        }
    }
    let texts = codes.iter().filter(|n| matches!(n, Node::Text(_))).count();
    if texts > MAX_PARTICIPANTS {
        let more = texts - MAX_PARTICIPANTS;
        p.push(
            "$.participants".into(),
            format!("A workshop holds at most {MAX_PARTICIPANTS} participants; the last {more} were left out."),
            format!("Een workshop heeft hoogstens {MAX_PARTICIPANTS} deelnemers; de laatste {more} zijn weggelaten."),
        );
    }
    w.decode_notices = problems.into_notices();
    w
}

/// One factor's votes; `None` (with a notice) when it is not a tally.
fn tally(p: &mut Problems, node: &Node, at: &str, factor: &str) -> Option<Tally> {
    if !matches!(node, Node::Object(_)) {
        p.wrong(
            at.to_string(),
            node,
            (
                &format!("the votes on ‘{factor}’"),
                &format!("de stemmen bij ‘{factor}’"),
            ),
            (
                "a group of fields with counts and unknown",
                "een groep velden met counts en unknown",
            ),
        );
        return None;
    }
    let mut tally = Tally::default();
    let counts = list(
        p,
        node.get("counts"),
        &format!("{at}.counts"),
        ("the votes per point", "de stemmen per punt"),
    );
    for (i, count) in counts.iter().enumerate() {
        tally
            .counts
            .push(votes(p, count, format!("{at}.counts[{i}]"), factor));
    }
    if let Some(unknown) = node.get("unknown").filter(|n| **n != Node::Null) {
        tally.unknown = votes(p, unknown, format!("{at}.unknown"), factor);
    }
    Some(tally)
}

/// A number of votes: a whole number from 0, capped at [`MAX_VOTES`];
/// anything else counts as 0 votes, with a notice.
fn votes(p: &mut Problems, node: &Node, at: String, factor: &str) -> u32 {
    match node.whole() {
        Some(n) if n >= 0 => {
            if n > i128::from(MAX_VOTES) {
                p.push(
                    at,
                    format!("A number of votes on ‘{factor}’ is larger than {MAX_VOTES}; {MAX_VOTES} is used."),
                    format!("Een aantal stemmen bij ‘{factor}’ is groter dan {MAX_VOTES}; {MAX_VOTES} telt mee."),
                );
            }
            u32::try_from(n.min(i128::from(MAX_VOTES))).unwrap_or(MAX_VOTES)
        }
        _ => {
            p.wrong(
                at,
                node,
                (
                    &format!("a number of votes on ‘{factor}’"),
                    &format!("een aantal stemmen bij ‘{factor}’"),
                ),
                (
                    "a whole number of 0 or more",
                    "een heel getal van 0 of meer",
                ),
            );
            0
        }
    }
}

fn text(p: &mut Problems, node: Option<&Node>, at: &str, what: (&str, &str)) -> String {
    match node {
        None | Some(Node::Null) => String::new(),
        Some(Node::Text(t)) => t.clone(),
        Some(other) => {
            p.wrong(at.to_string(), other, what, ("a text", "een tekst"));
            String::new()
        }
    }
}

fn object<'a>(
    p: &mut Problems,
    node: Option<&'a Node>,
    at: &str,
    what: (&str, &str),
) -> &'a [(String, Node)] {
    match node {
        None | Some(Node::Null) => &[],
        Some(Node::Object(fields)) => fields,
        Some(other) => {
            p.wrong(
                at.to_string(),
                other,
                what,
                (
                    "a group of fields: factor id → value",
                    "een groep velden: id van de factor → waarde",
                ),
            );
            &[]
        }
    }
}

fn list<'a>(p: &mut Problems, node: Option<&'a Node>, at: &str, what: (&str, &str)) -> &'a [Node] {
    match node {
        None | Some(Node::Null) => &[],
        Some(Node::List(items)) => items,
        Some(other) => {
            p.wrong(at.to_string(), other, what, ("a list", "een lijst"));
            &[]
        }
    }
}

fn escape(key: &str) -> String {
    key.replace('\\', "\\\\").replace('"', "\\\"")
}
