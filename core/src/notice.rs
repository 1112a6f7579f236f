//! Notices: something in a file that does not count, said where it is (a
//! JSON path) and what it is (a kind that [`Says`] itself in Dutch or
//! English: [`NoticeKind`] here, a workshop's own kinds in
//! `workshop/notice.rs`). The decoders of answers and workshops collect them in
//! a [`NoticeCollector`]; `Answers::check` and `Workshop::check` add the notices
//! that need the instrument.

use crate::json::Node;
use crate::text::shown;
use crate::text::{Lang, Says, Text};
use crate::wording::{Choices, Expected, FoundValue, Subject};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

/// Something in a file that does not count, said where it is: in answers
/// the instrument does not know (and the evaluation therefore ignores), or
/// a damaged part of a workshop file that was left out (`K` is then
/// [`WorkshopNoticeKind`](crate::WorkshopNoticeKind)).
///
/// Serialized as `{"path", "message", "factor"?}` with the message in
/// English (scripts should use `path`); people read [`Notice::text`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice<K = NoticeKind> {
    /// Where: a JSON path into the file, e.g. `$.responses["x.1"]` or
    /// `$.context.stage` (`$` is the whole file).
    pub path: String,
    /// What it is.
    pub kind: K,
    /// The factor whose reading this input would have changed: for an answer
    /// to a retired statement, the factor of the statement that replaced it.
    /// [`compare`](crate::compare) marks such a factor as not comparable.
    pub factor: Option<String>,
}

impl<K: Says> Notice<K> {
    /// A notice at `path` of `kind`, not tied to a factor.
    pub fn new(path: impl Into<String>, kind: K) -> Self {
        Notice {
            path: path.into(),
            kind,
            factor: None,
        }
    }

    /// The notice as a plain sentence in `lang` (without the path).
    pub fn text(&self, lang: Lang) -> String {
        self.kind.say(lang)
    }
}

impl<K: Says> std::fmt::Display for Notice<K> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.text(Lang::En))
    }
}

impl<K: Says> Serialize for Notice<K> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = if self.factor.is_some() { 3 } else { 2 };
        let mut s = serializer.serialize_struct("Notice", fields)?;
        s.serialize_field("path", &self.path)?;
        s.serialize_field("message", &self.text(Lang::En))?;
        if let Some(factor) = &self.factor {
            s.serialize_field("factor", factor)?;
        }
        s.end()
    }
}

/// What a [`Notice`] says. Ids and texts from the file are quoted as
/// they are shown (at most 60 characters, without control or direction
/// characters); counts are whole numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// A value of the wrong kind: where, what the file has, what belongs
    /// there. It does not count.
    Wrong {
        /// The place, in words.
        subject: Subject,
        /// What the file has there.
        found: FoundValue,
        /// What belongs there.
        expected: Expected,
    },
    /// More problems than one decode writes out (200).
    MoreProblems {
        /// How many more.
        count: usize,
    },
    /// A list of context choices longer than the scan reads.
    TooManyChoices {
        /// Which list.
        choices: Choices,
        /// How many the file lists.
        found: usize,
        /// How many are read.
        max: usize,
    },
    /// More partners than the scan reads.
    TooManyPartners {
        /// How many the file lists.
        found: usize,
        /// How many are read.
        max: usize,
    },
    /// A field that has no place in an answers file.
    UnknownField {
        /// The field's name.
        key: String,
    },
    /// The answers were made for another questionnaire.
    OtherQuestionnaire {
        /// The file's questionnaire id.
        theirs: String,
        /// This questionnaire's id.
        ours: String,
    },
    /// An answer to a statement this questionnaire does not have.
    UnknownStatement {
        /// The statement id.
        id: String,
    },
    /// An answer off the scale (points 1 to `max`).
    OffScale {
        /// The statement id.
        id: String,
        /// The answer.
        value: u8,
        /// The scale's highest point.
        max: u8,
    },
    /// An answer to a retired statement: which one replaced it, and
    /// whether the new one was answered already.
    Retired {
        /// The old statement as the respondent saw it.
        old: Text,
        /// The statement that replaced it, in the wording for the same
        /// stage (empty when the instrument has none).
        new: Text,
        /// The version in which it was replaced.
        since: String,
        /// Whether the new statement has an answer on the scale.
        answered: bool,
    },
    /// A stage the questionnaire does not offer.
    UnknownStage {
        /// The id in the file.
        id: String,
    },
    /// An urgency the questionnaire does not offer.
    UnknownUrgency {
        /// The id in the file.
        id: String,
    },
    /// A form of cooperation the questionnaire does not offer.
    UnknownForm {
        /// The id in the file.
        id: String,
    },
    /// A goal, motive or task area the questionnaire does not offer.
    UnknownChoice {
        /// Which list.
        choices: Choices,
        /// The id in the file.
        id: String,
    },
}

impl Says for NoticeKind {
    fn say(&self, lang: Lang) -> String {
        match self {
            NoticeKind::Wrong {
                subject,
                found,
                expected,
            } => {
                let (what, found, expected) =
                    (subject.words(lang), found.words(lang), expected.words(lang));
                match lang {
                    Lang::Nl => format!(
                        "Bij {what} staat {found}; verwacht: {expected}. Dat telt niet mee."
                    ),
                    Lang::En => format!(
                        "The file has {found} for {what}; expected: {expected}. It does not count."
                    ),
                }
            }
            NoticeKind::MoreProblems { count } => lang.pick(
                format!("… en nog {count} problemen in het bestand."),
                format!("… and {count} more problems in the file."),
            ),
            NoticeKind::TooManyChoices {
                choices,
                found,
                max,
            } => too_many(lang, *found, choices.plural(lang), *max),
            NoticeKind::TooManyPartners { found, max } => {
                too_many(lang, *found, lang.pick("gemeenten", "municipalities"), *max)
            }
            NoticeKind::UnknownField { key } => {
                let key = shown(key);
                lang.pick(
                    format!(
                        "Het veld ‘{key}’ hoort niet in een antwoordenbestand en telt niet mee."
                    ),
                    format!("The field ‘{key}’ is not part of an answers file and does not count."),
                )
            }
            NoticeKind::OtherQuestionnaire { theirs, ours } => {
                let (theirs, ours) = (shown(theirs), shown(ours));
                lang.pick(
                    format!("De antwoorden horen bij vragenlijst ‘{theirs}’, niet bij ‘{ours}’. Stellingen die in allebei staan, tellen wel mee."),
                    format!("The answers belong to questionnaire ‘{theirs}’, not ‘{ours}’. Statements that appear in both still count."),
                )
            }
            NoticeKind::UnknownStatement { id } => {
                let id = shown(id);
                lang.pick(
                    format!("Stelling ‘{id}’ staat niet in deze vragenlijst en telt niet mee."),
                    format!("Statement ‘{id}’ is not in this questionnaire and does not count."),
                )
            }
            NoticeKind::OffScale { id, value, max } => {
                let id = shown(id);
                lang.pick(
                    format!("Het antwoord {value} op ‘{id}’ staat niet op de schaal 1–{max} en telt niet mee."),
                    format!("The answer {value} to ‘{id}’ is not on the scale 1–{max} and does not count."),
                )
            }
            NoticeKind::Retired {
                old,
                new,
                since,
                answered,
            } => {
                let old = old.get(lang).trim_end_matches('.');
                let new = new.get(lang).trim_end_matches('.');
                let since = shown(since);
                let todo = match answered {
                    true => lang.pick(
                        "De nieuwe stelling is al beantwoord; het oude antwoord wordt niet gebruikt.",
                        "The new statement has already been answered, so the old answer is simply not used.",
                    ),
                    false => lang.pick(
                        "Het oude antwoord telt daarom niet mee. Beantwoord de nieuwe stelling.",
                        "The old answer is not counted. Please answer the new statement.",
                    ),
                };
                lang.pick(
                    format!("De stelling ‘{old}’ is in versie {since} vervangen door een stelling die iets anders vraagt: ‘{new}’. {todo}"),
                    format!("The statement ‘{old}’ was replaced in version {since} by a statement that asks something different: ‘{new}’. {todo}"),
                )
            }
            NoticeKind::UnknownStage { id } => unknown(lang, lang.pick("De fase", "The stage"), id),
            NoticeKind::UnknownUrgency { id } => {
                unknown(lang, lang.pick("De urgentie", "The urgency"), id)
            }
            NoticeKind::UnknownForm { id } => unknown(
                lang,
                lang.pick("De samenwerkingsvorm", "The form of cooperation"),
                id,
            ),
            NoticeKind::UnknownChoice { choices, id } => unknown(lang, choices.the(lang), id),
        }
    }
}

/// "The file lists 20 goals; the scan reads at most 12. …"
fn too_many(lang: Lang, found: usize, items: &str, max: usize) -> String {
    let more = found.saturating_sub(max);
    lang.pick(
        format!("Het bestand noemt {found} {items}; de scan leest er maximaal {max}. De laatste {more} tellen niet mee."),
        format!("The file lists {found} {items}; the scan reads at most {max}. The last {more} do not count."),
    )
}

/// "The stage ‘x’ is unknown and does not count."
fn unknown(lang: Lang, the: &str, id: &str) -> String {
    let id = shown(id);
    lang.pick(
        format!("{the} ‘{id}’ is onbekend en telt niet mee."),
        format!("{the} ‘{id}’ is unknown and does not count."),
    )
}

/// Collects the notices of one decode (of kind `K`, which every
/// decoder's [`NoticeKind`] converts into). At most [`MAX_DECODE_NOTICES`] are
/// kept; the rest are counted and said in one closing notice (a file with
/// 100,000 wrong values costs no 100,000 sentences).
pub(crate) struct NoticeCollector<K = NoticeKind> {
    list: Vec<Notice<K>>,
    more: usize,
}

/// The most notices one decode writes out.
pub(crate) const MAX_DECODE_NOTICES: usize = 200;

impl<K> Default for NoticeCollector<K> {
    fn default() -> Self {
        NoticeCollector {
            list: Vec::new(),
            more: 0,
        }
    }
}

impl<K: Says + From<NoticeKind>> NoticeCollector<K> {
    /// Adds a notice of `kind` at `path`.
    pub(crate) fn push(&mut self, path: String, kind: impl Into<K>) {
        if self.list.len() < MAX_DECODE_NOTICES {
            self.list.push(Notice::new(path, kind.into()));
        } else {
            self.more += 1;
        }
    }

    /// The notices, with "and N more" at the end when some were only
    /// counted.
    pub(crate) fn into_notices(self) -> Vec<Notice<K>> {
        let mut notices = self.list;
        if self.more > 0 {
            let more = NoticeKind::MoreProblems { count: self.more };
            notices.push(Notice::new("$", more.into()));
        }
        notices
    }

    /// A value of the wrong kind at `path`: the `subject` there holds
    /// `node`, and `expected` belongs there. It does not count.
    pub(crate) fn wrong(
        &mut self,
        path: String,
        node: &Node,
        subject: Subject,
        expected: Expected,
    ) {
        if self.list.len() >= MAX_DECODE_NOTICES {
            self.more += 1;
            return;
        }
        let found = node.found();
        self.push(
            path,
            NoticeKind::Wrong {
                subject,
                found,
                expected,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_says_itself_in_each_language_and_serializes_in_english() {
        let notice = Notice::new(
            "$.context.stage",
            NoticeKind::UnknownStage {
                id: "x\u{202e}y".into(),
            },
        );
        assert_eq!(
            notice.text(Lang::Nl),
            "De fase ‘xy’ is onbekend en telt niet mee."
        );
        assert_eq!(
            notice.text(Lang::En),
            "The stage ‘xy’ is unknown and does not count."
        );
        assert_eq!(
            serde_json::to_string(&notice).unwrap(),
            r#"{"path":"$.context.stage","message":"The stage ‘xy’ is unknown and does not count."}"#
        );
    }

    #[test]
    fn more_than_the_maximum_is_counted_in_one_notice() {
        let mut problems: NoticeCollector = NoticeCollector::default();
        for _ in 0..MAX_DECODE_NOTICES + 3 {
            problems.wrong("$.a".into(), &Node::Null, Subject::Title, Expected::Text);
        }
        let notices = problems.into_notices();
        assert_eq!(notices.len(), MAX_DECODE_NOTICES + 1);
        assert_eq!(
            notices[0].text(Lang::Nl),
            "Bij de titel staat een lege waarde (null); verwacht: een tekst. Dat telt niet mee."
        );
        assert_eq!(
            notices[MAX_DECODE_NOTICES].text(Lang::En),
            "… and 3 more problems in the file."
        );
    }
}
