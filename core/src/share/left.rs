//! What a share code leaves out of someone's answers: the rule, so that
//! every front end that makes a code can say it (the CLI's `share encode`
//! on stderr) and nobody takes a code for the whole file.

use crate::answers::Answers;
use crate::instrument::Instrument;
use crate::notice::{Notice, NoticeKind};
use crate::text::shown;
use crate::text::{Lang, Says};

/// The longest name a code holds, in bytes (UTF-8): a municipality, a
/// partner. Longer names are cut on a character boundary.
pub(crate) const MAX_TEXT: usize = 60;
/// The most partners a code holds (with its context).
pub(crate) const MAX_PARTNERS: usize = 16;

/// The part of a name a code keeps: at most [`MAX_TEXT`] bytes, cut on a
/// character boundary, without the spaces the cut may leave at its end.
pub(crate) fn kept_of(text: &str) -> &str {
    let mut end = text.len().min(MAX_TEXT);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].trim_end()
}

/// What a share code leaves out; a [`Notice`] of this kind names where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LeftOut {
    /// Something the answers hold that does not count anyway (an answer
    /// to a statement the questionnaire does not ask, off the scale, a
    /// context choice it does not offer).
    Unused(NoticeKind),
    /// The context (partners, stage, goals …): the code was made without it.
    Context,
    /// Partners beyond the most a code holds.
    Partners {
        /// How many the answers name.
        given: usize,
        /// How many the code holds.
        max: usize,
    },
    /// A name longer than a code holds ([`MAX_TEXT`] bytes); it is cut.
    NameCut {
        /// The name as given.
        name: String,
        /// The part the code keeps.
        kept: String,
    },
}

impl Says for LeftOut {
    fn say(&self, lang: Lang) -> String {
        match self {
            LeftOut::Unused(kind) => kind.say(lang),
            LeftOut::Context => lang
                .pick(
                    "De situatie (gemeenten, fase, doelen …) staat niet in deze code: maak de code met de situatie erbij om die mee te geven.",
                    "The context (municipalities, stage, goals …) is not in this code: make the code with the context to include it.",
                )
                .into(),
            LeftOut::Partners { given, max } => lang.pick(
                format!("Er staan {given} gemeenten in de antwoorden; de code bevat de eerste {max}."),
                format!("The answers name {given} municipalities; the code holds the first {max}."),
            ),
            LeftOut::NameCut { name, kept } => {
                let (name, kept) = (shown(name), shown(kept));
                lang.pick(
                    format!("De naam ‘{name}’ is te lang voor een code; de code bevat ‘{kept}’."),
                    format!("The name ‘{name}’ is too long for a code; the code holds ‘{kept}’."),
                )
            }
        }
    }
}

/// Everything [`encode_share`](crate::encode_share) leaves out of
/// `answers`, each with its JSON path: what does not count anyway (see
/// [`Answers::check`]; context choices only when the code carries the
/// context), the context when it is not carried, partners beyond
/// [`MAX_PARTNERS`] and names cut to [`MAX_TEXT`] bytes. Empty when the
/// code holds everything.
///
/// ```
/// use samenwerkingsscan::{left_out_of_share, Answers, Instrument, Lang, Response};
/// let instrument = Instrument::builtin();
/// let mut answers = Answers::new(instrument);
/// answers.responses.insert("no-such-statement".into(), Response::Scale(4));
/// answers.context.stage = Some("preparing".into());
/// let left = left_out_of_share(instrument, &answers, false);
/// assert_eq!(left[0].path, "$.responses[\"no-such-statement\"]");
/// assert_eq!(left[1].path, "$.context");
/// assert!(left[1].text(Lang::En).starts_with("The context"));
/// ```
pub fn left_out_of_share(
    instrument: &Instrument,
    answers: &Answers,
    with_context: bool,
) -> Vec<Notice<LeftOut>> {
    let mut left: Vec<Notice<LeftOut>> = answers
        .check(instrument)
        .into_iter()
        .filter(|n| with_context || !n.path.starts_with("$.context"))
        .map(|n| Notice {
            path: n.path,
            kind: LeftOut::Unused(n.kind),
            factor: n.factor,
        })
        .collect();
    // As `encode_share` cuts: the municipality trimmed, a partner's name
    // as typed.
    let cut = |name: &str| {
        let kept = kept_of(name);
        (kept != name.trim_end()).then(|| LeftOut::NameCut {
            name: name.to_string(),
            kept: kept.to_string(),
        })
    };
    if let Some(kind) = answers
        .respondent
        .municipality
        .as_deref()
        .and_then(|n| cut(n.trim()))
    {
        left.push(Notice::new("$.respondent.municipality", kind));
    }
    let c = &answers.context;
    if !with_context {
        if *c != crate::answers::Context::default() {
            left.push(Notice::new("$.context", LeftOut::Context));
        }
        return left;
    }
    if c.partners.len() > MAX_PARTNERS {
        let kind = LeftOut::Partners {
            given: c.partners.len(),
            max: MAX_PARTNERS,
        };
        left.push(Notice::new("$.context.partners", kind));
    }
    for (i, partner) in c.partners.iter().enumerate().take(MAX_PARTNERS) {
        if let Some(kind) = cut(&partner.name) {
            left.push(Notice::new(format!("$.context.partners[{i}].name"), kind));
        }
    }
    left
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Partner;

    #[test]
    fn partners_beyond_the_most_and_long_names_are_named() {
        let instrument = Instrument::builtin();
        let mut answers = Answers::new(instrument);
        answers.respondent.municipality = Some(format!("  {}  ", "é".repeat(31)));
        answers.context.partners = (0..18)
            .map(|i| Partner {
                name: if i == 2 {
                    "x".repeat(61)
                } else {
                    format!("{}   ", "y".repeat(60))
                },
                inhabitants: None,
            })
            .collect();
        let left = left_out_of_share(instrument, &answers, true);
        let paths: Vec<&str> = left.iter().map(|n| n.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "$.respondent.municipality",
                "$.context.partners",
                "$.context.partners[2].name"
            ]
        );
        assert_eq!(
            left[1].text(Lang::Nl),
            "Er staan 18 gemeenten in de antwoorden; de code bevat de eerste 16."
        );
        // Without the context only the context itself is said.
        let left = left_out_of_share(instrument, &answers, false);
        let paths: Vec<&str> = left.iter().map(|n| n.path.as_str()).collect();
        assert_eq!(paths, ["$.respondent.municipality", "$.context"]);
        // Nothing left out: nothing said.
        assert!(left_out_of_share(instrument, &Answers::new(instrument), false).is_empty());
    }
}
