//! Answers from a parsed JSON tree, field by field: a value of the wrong
//! kind (a response of 4.5, -1, null or "4"; negative inhabitants; a role
//! nobody knows) becomes a notice with its JSON path and is left out, and the
//! rest of the file is kept. Only what makes the whole file unusable (not an
//! object, a version from the future) is an error.

use super::{Answers, Context, Partner, Respondent, Response, Role, ANSWERS_FORMAT_VERSION};
use crate::json::{escape_key, path_key, Node};
use crate::notice::{NoticeCollector, NoticeKind};
use crate::wording::{Choices, Expected, FoundValue, Subject};
use serde::{Deserialize, Deserializer};

/// The fields of an answers object (anything else is named in a notice).
const FIELDS: [&str; 5] = [
    "format_version",
    "instrument_id",
    "respondent",
    "context",
    "responses",
];

/// The most partners an answers file holds: more than any Dutch
/// gemeenschappelijke regeling has members (the context form and the
/// report stay fast; the rest is named in a notice and left out).
pub const MAX_PARTNERS: usize = 50;
/// The most goals, motives or task areas kept from a file (an instrument
/// offers far fewer; the rest is named in a notice and left out).
const MAX_CHOICES: usize = 100;

/// Decodes an answers object whose version was checked. Notices go to
/// [`Answers::decode_notices`].
pub(super) fn decode(root: &Node) -> Answers {
    let mut problems = NoticeCollector::default();
    let p = &mut problems;
    let mut answers = Answers::default();
    if let Node::Object(fields) = root {
        for (key, _) in fields {
            if !FIELDS.contains(&key.as_str()) {
                unknown_field(p, format!("${}", path_key(key)), key);
            }
        }
    }
    answers.format_version = ANSWERS_FORMAT_VERSION;
    answers.instrument_id =
        text(p, root, "$", "instrument_id", Subject::InstrumentId).unwrap_or_default();
    if let Some(node) = present(root.get("respondent")) {
        answers.respondent = respondent(p, node);
    }
    if let Some(node) = present(root.get("context")) {
        answers.context = context(p, node);
    }
    if let Some(node) = present(root.get("responses")) {
        match node {
            Node::Object(fields) => {
                for (id, value) in fields {
                    let path = format!("$.responses[\"{}\"]", escape_key(id));
                    match response(value) {
                        Some(r) => {
                            answers.responses.insert(id.clone(), r);
                        }
                        None => {
                            // A later valid answer to the same id wins, an
                            // unreadable one never removes an earlier one.
                            p.wrong(
                                path,
                                value,
                                Subject::Answer(id.clone()),
                                Expected::ScaleAnswer,
                            );
                        }
                    }
                }
            }
            other => p.wrong(
                "$.responses".into(),
                other,
                Subject::Answers,
                Expected::AnswerMap,
            ),
        }
    }
    answers.decode_notices = problems.into_notices();
    answers
}

/// A response, or `None` when the value is not one: whole numbers 0–255
/// are kept (a point off the scale is named later by `check`, which knows
/// the scale), "unknown" and its aliases are "don't know".
pub(super) fn response(node: &Node) -> Option<Response> {
    match node {
        Node::Text(t) if matches!(t.as_str(), "unknown" | "weet-niet" | "n/a") => {
            Some(Response::Unknown)
        }
        _ => node
            .whole()
            .and_then(|n| u8::try_from(n).ok())
            .map(Response::Scale),
    }
}

/// `None` for a missing field and for `null` (both mean "not given").
fn present(node: Option<&Node>) -> Option<&Node> {
    node.filter(|n| **n != Node::Null)
}

/// A text field of `parent`, or `None` (with a notice when it is there but
/// not a text).
fn text(
    p: &mut NoticeCollector,
    parent: &Node,
    at: &str,
    key: &str,
    what: Subject,
) -> Option<String> {
    match present(parent.get(key))? {
        Node::Text(t) => Some(t.clone()),
        other => {
            p.wrong(format!("{at}.{key}"), other, what, Expected::Text);
            None
        }
    }
}

fn respondent(p: &mut NoticeCollector, node: &Node) -> Respondent {
    let Node::Object(_) = node else {
        p.wrong(
            "$.respondent".into(),
            node,
            Subject::Respondent,
            Expected::RespondentFields,
        );
        return Respondent::default();
    };
    let role = match present(node.get("role")) {
        None => None,
        Some(Node::Text(t)) if Role::from_id(t).is_some() => Role::from_id(t),
        Some(other) => {
            p.wrong(
                "$.respondent.role".into(),
                other,
                Subject::Role,
                Expected::RoleWord,
            );
            None
        }
    };
    Respondent {
        role,
        municipality: text(
            p,
            node,
            "$.respondent",
            "municipality",
            Subject::Municipality,
        ),
    }
}

fn context(p: &mut NoticeCollector, node: &Node) -> Context {
    let Node::Object(_) = node else {
        p.wrong(
            "$.context".into(),
            node,
            Subject::Context,
            Expected::ContextFields,
        );
        return Context::default();
    };
    let at = "$.context";
    Context {
        partners: partners(p, node),
        stage: text(p, node, at, "stage", Subject::Stage),
        urgency: text(p, node, at, "urgency", Subject::Urgency),
        form: text(p, node, at, "form", Subject::Form),
        goals: texts(p, node, Choices::Goals),
        motives: texts(p, node, Choices::Motives),
        domains: texts(p, node, Choices::Domains),
    }
}

/// A list of texts under `$.context.<key>`; other items are named and left out.
fn texts(p: &mut NoticeCollector, context: &Node, choices: Choices) -> Vec<String> {
    let key = choices.key();
    let mut out = Vec::new();
    match present(context.get(key)) {
        None => {}
        Some(Node::List(items)) => {
            if items.len() > MAX_CHOICES {
                p.push(
                    format!("$.context.{key}"),
                    NoticeKind::TooManyChoices {
                        choices,
                        found: items.len(),
                        max: MAX_CHOICES,
                    },
                );
            }
            for (i, node) in items.iter().enumerate().take(MAX_CHOICES) {
                match node {
                    Node::Text(t) => out.push(t.clone()),
                    other => p.wrong(
                        format!("$.context.{key}[{i}]"),
                        other,
                        Subject::Choice(choices),
                        Expected::Text,
                    ),
                }
            }
        }
        Some(other) => p.wrong(
            format!("$.context.{key}"),
            other,
            Subject::ChoiceList(choices),
            Expected::TextList,
        ),
    }
    out
}

fn partners(p: &mut NoticeCollector, context: &Node) -> Vec<Partner> {
    let mut out = Vec::new();
    let items = match present(context.get("partners")) {
        None => return out,
        Some(Node::List(items)) => items,
        Some(other) => {
            p.wrong(
                "$.context.partners".into(),
                other,
                Subject::Partners,
                Expected::PartnerList,
            );
            return out;
        }
    };
    if items.len() > MAX_PARTNERS {
        p.push(
            "$.context.partners".into(),
            NoticeKind::TooManyPartners {
                found: items.len(),
                max: MAX_PARTNERS,
            },
        );
    }
    for (i, node) in items.iter().enumerate().take(MAX_PARTNERS) {
        let at = format!("$.context.partners[{i}]");
        let n = i + 1;
        if !matches!(node, Node::Object(_)) {
            p.wrong(at, node, Subject::Partner(n), Expected::PartnerFields);
            continue;
        }
        let name = text(p, node, &at, "name", Subject::PartnerName(n)).unwrap_or_default();
        let inhabitants = match present(node.get("inhabitants")) {
            None => None,
            Some(value) => match value
                .whole()
                .and_then(|v| u32::try_from(v).ok())
                .filter(|v| *v > 0)
            {
                Some(v) => Some(v),
                None => {
                    // A whole number beyond what is read (over 4 billion)
                    // is said as "a very large number", not as itself: the
                    // expected "1 or more" would read as a contradiction.
                    let found = match value.whole() {
                        Some(v) if v > i128::from(u32::MAX) => FoundValue::LargeNumber,
                        _ => value.found(),
                    };
                    p.push(
                        format!("{at}.inhabitants"),
                        NoticeKind::Wrong {
                            subject: Subject::Inhabitants(n),
                            found,
                            expected: Expected::Whole { min: 1, max: None },
                        },
                    );
                    None
                }
            },
        };
        out.push(Partner { name, inhabitants });
    }
    out
}

fn unknown_field(p: &mut NoticeCollector, path: String, key: &str) {
    p.push(
        path,
        NoticeKind::UnknownField {
            key: key.to_string(),
        },
    );
}

impl<'de> Deserialize<'de> for Response {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let node = Node::deserialize(deserializer)?;
        response(&node).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "an answer is a whole number on the scale or ‘unknown’, not {}",
                node.found().words(crate::text::Lang::En)
            ))
        })
    }
}
