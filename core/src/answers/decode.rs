//! Answers from a parsed JSON tree, field by field: a value of the wrong
//! kind (a response of 4.5, -1, null or "4"; negative inhabitants; a role
//! nobody knows) becomes a notice with its JSON path and is left out, and the
//! rest of the file is kept. Only what makes the whole file unusable (not an
//! object, a version from the future) is an error.

use super::{Answers, Context, Partner, Respondent, Response, Role, ANSWERS_FORMAT_VERSION};
use crate::json::{escape_key, shown, Node, Problems};
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

/// Decodes an answers object whose version was checked. Problems go to
/// [`Answers::decode_notices`].
pub(super) fn decode(root: &Node) -> Answers {
    let mut problems = Problems::default();
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
    answers.instrument_id = text(
        p,
        root,
        "$",
        "instrument_id",
        ("the questionnaire id", "de id van de vragenlijst"),
    )
    .unwrap_or_default();
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
                                (
                                    &format!("the answer to ‘{}’", shown(id)),
                                    &format!("het antwoord op ‘{}’", shown(id)),
                                ),
                                (
                                    "a whole number on the scale, or ‘unknown’ (don’t know)",
                                    "een heel getal op de schaal, of ‘unknown’ (weet ik niet)",
                                ),
                            );
                        }
                    }
                }
            }
            other => p.wrong(
                "$.responses".into(),
                other,
                ("the answers", "de antwoorden"),
                (
                    "a group of fields: statement id → answer",
                    "een groep velden: id van de stelling → antwoord",
                ),
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
    p: &mut Problems,
    parent: &Node,
    at: &str,
    key: &str,
    what: (&str, &str),
) -> Option<String> {
    match present(parent.get(key))? {
        Node::Text(t) => Some(t.clone()),
        other => {
            p.wrong(format!("{at}.{key}"), other, what, ("a text", "een tekst"));
            None
        }
    }
}

fn respondent(p: &mut Problems, node: &Node) -> Respondent {
    let Node::Object(_) = node else {
        p.wrong(
            "$.respondent".into(),
            node,
            ("the details under ‘About you’", "de gegevens bij ‘Over u’"),
            (
                "a group of fields with role and municipality",
                "een groep velden met rol en gemeente",
            ),
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
                ("the role", "de rol"),
                (
                    "one of bestuurder, raadslid, ambtenaar, anders",
                    "een van bestuurder, raadslid, ambtenaar, anders",
                ),
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
            ("the municipality", "de gemeente"),
        ),
    }
}

fn context(p: &mut Problems, node: &Node) -> Context {
    let Node::Object(_) = node else {
        p.wrong(
            "$.context".into(),
            node,
            ("the context", "de situatie"),
            (
                "a group of fields (partners, stage, …)",
                "een groep velden (partners, stage, …)",
            ),
        );
        return Context::default();
    };
    let at = "$.context";
    Context {
        partners: partners(p, node),
        stage: text(p, node, at, "stage", ("the stage", "de fase")),
        urgency: text(p, node, at, "urgency", ("the urgency", "de urgentie")),
        form: text(
            p,
            node,
            at,
            "form",
            ("the form of cooperation", "de samenwerkingsvorm"),
        ),
        goals: texts(p, node, "goals", ("a goal", "een doel")),
        motives: texts(p, node, "motives", ("a motive", "een motief")),
        domains: texts(p, node, "domains", ("a task area", "een taakveld")),
    }
}

/// A list of texts under `$.context.<key>`; other items are named and left out.
fn texts(p: &mut Problems, context: &Node, key: &str, item: (&str, &str)) -> Vec<String> {
    let mut out = Vec::new();
    match present(context.get(key)) {
        None => {}
        Some(Node::List(items)) => {
            if items.len() > MAX_CHOICES {
                let plural = match key {
                    "goals" => ("goals", "doelen"),
                    "motives" => ("motives", "motieven"),
                    _ => ("task areas", "taakvelden"),
                };
                too_many(
                    p,
                    format!("$.context.{key}"),
                    items.len(),
                    MAX_CHOICES,
                    plural,
                );
            }
            for (i, node) in items.iter().enumerate().take(MAX_CHOICES) {
                match node {
                    Node::Text(t) => out.push(t.clone()),
                    other => p.wrong(
                        format!("$.context.{key}[{i}]"),
                        other,
                        item,
                        ("a text", "een tekst"),
                    ),
                }
            }
        }
        Some(other) => p.wrong(
            format!("$.context.{key}"),
            other,
            (&format!("the field ‘{key}’"), &format!("het veld ‘{key}’")),
            ("a list of texts", "een lijst met teksten"),
        ),
    }
    out
}

fn partners(p: &mut Problems, context: &Node) -> Vec<Partner> {
    let mut out = Vec::new();
    let items = match present(context.get("partners")) {
        None => return out,
        Some(Node::List(items)) => items,
        Some(other) => {
            p.wrong(
                "$.context.partners".into(),
                other,
                (
                    "the participating municipalities",
                    "de gemeenten die meedoen",
                ),
                (
                    "a list of partners with name and inhabitants",
                    "een lijst met partners met naam en inwoners",
                ),
            );
            return out;
        }
    };
    if items.len() > MAX_PARTNERS {
        too_many(
            p,
            "$.context.partners".into(),
            items.len(),
            MAX_PARTNERS,
            ("municipalities", "gemeenten"),
        );
    }
    for (i, node) in items.iter().enumerate().take(MAX_PARTNERS) {
        let at = format!("$.context.partners[{i}]");
        let n = i + 1;
        if !matches!(node, Node::Object(_)) {
            p.wrong(
                at,
                node,
                (&format!("municipality {n}"), &format!("gemeente {n}")),
                (
                    "a group of fields with name and inhabitants",
                    "een groep velden met naam en inwoners",
                ),
            );
            continue;
        }
        let name = text(
            p,
            node,
            &at,
            "name",
            (
                &format!("the name of municipality {n}"),
                &format!("de naam van gemeente {n}"),
            ),
        )
        .unwrap_or_default();
        let inhabitants = match present(node.get("inhabitants")) {
            None => None,
            Some(value) => match value
                .whole()
                .and_then(|v| u32::try_from(v).ok())
                .filter(|v| *v > 0)
            {
                Some(v) => Some(v),
                None => {
                    p.wrong(
                        format!("{at}.inhabitants"),
                        value,
                        (
                            &format!("the population of municipality {n}"),
                            &format!("het aantal inwoners van gemeente {n}"),
                        ),
                        (
                            "a whole number of 1 or more",
                            "een heel getal van 1 of meer",
                        ),
                    );
                    None
                }
            },
        };
        out.push(Partner { name, inhabitants });
    }
    out
}

/// "Only the first `max` … are kept": a list longer than the scan reads.
fn too_many(p: &mut Problems, path: String, found: usize, max: usize, item: (&str, &str)) {
    let more = found - max;
    p.push(
        path,
        format!(
            "The file lists {found} {}; the scan reads at most {max}. The last {more} do not count.",
            item.0
        ),
        format!(
            "Het bestand noemt {found} {}; de scan leest er maximaal {max}. De laatste {more} tellen niet mee.",
            item.1
        ),
    );
}

fn unknown_field(p: &mut Problems, path: String, key: &str) {
    let key = shown(key);
    p.push(
        path,
        format!("The field ‘{key}’ is not part of an answers file and does not count."),
        format!("Het veld ‘{key}’ hoort niet in een antwoordenbestand en telt niet mee."),
    );
}

/// A key as it goes into a path: `.name` when it is a plain word, else
/// `["…"]`.
fn path_key(key: &str) -> String {
    if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        format!(".{key}")
    } else {
        format!("[\"{}\"]", escape_key(key))
    }
}

impl<'de> Deserialize<'de> for Response {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let node = Node::deserialize(deserializer)?;
        response(&node).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "an answer is a whole number on the scale or ‘unknown’, not {}",
                node.found().0
            ))
        })
    }
}
