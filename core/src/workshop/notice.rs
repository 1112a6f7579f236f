//! What a workshop file holds that does not count: the decoders' notices
//! ([`NoticeKind`]) and the workshop's own (votes beyond the scale,
//! factors the questionnaire does not have, participant codes left out).
//! Its own kind, so that a front end without workshops (the scan's
//! bundle) carries none of these sentences.

use crate::notice::{Notice, NoticeKind};
use crate::text::shown;
use crate::text::{Lang, Says};

/// A notice in a workshop file.
pub type WorkshopNotice = Notice<WorkshopNoticeKind>;

/// Which part of a workshop names a factor the instrument does not have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactorPart {
    /// `tallies`: the votes.
    Votes,
    /// `notes`.
    Note,
    /// `revealed`: the mark "results shown".
    Revealed,
}

impl FactorPart {
    /// The part on one factor, or on several: "de notitie bij" / "the
    /// notes on".
    fn on(self, several: bool, lang: Lang) -> &'static str {
        match (self, several) {
            (FactorPart::Votes, _) => lang.pick("de stemmen bij", "the votes on"),
            (FactorPart::Note, false) => lang.pick("de notitie bij", "the note on"),
            (FactorPart::Note, true) => lang.pick("de notities bij", "the notes on"),
            (FactorPart::Revealed, _) => lang.pick(
                "de markering ‘uitslag getoond’ bij",
                "the mark ‘results shown’ on",
            ),
        }
    }
}

/// What a [`WorkshopNotice`] says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkshopNoticeKind {
    /// A notice every decoder can give (a value of the wrong kind, …).
    File(NoticeKind),
    /// A number of votes above the most a tally holds; the most is used.
    VotesCapped {
        /// The factor id.
        factor: String,
        /// The most votes a tally holds.
        max: u32,
    },
    /// A workshop made with another questionnaire (said when parts of it
    /// did not fit).
    OtherQuestionnaire {
        /// The file's questionnaire id.
        id: String,
    },
    /// A part of a workshop on a factor the questionnaire does not have;
    /// left out.
    UnknownFactor {
        /// Which part.
        part: FactorPart,
        /// The factor id.
        id: String,
    },
    /// As [`WorkshopNoticeKind::UnknownFactor`], for many factors at once.
    UnknownFactors {
        /// Which part.
        part: FactorPart,
        /// How many factors.
        count: usize,
        /// The first few ids.
        some: Vec<String>,
    },
    /// Votes on points beyond the questionnaire's scale; cut.
    BeyondScale {
        /// The factor id.
        factor: String,
        /// How many points the tally has.
        points: usize,
        /// The scale's highest point.
        max: usize,
        /// How many votes were beyond it.
        beyond: u64,
    },
    /// As [`WorkshopNoticeKind::BeyondScale`], for many factors at once.
    ManyBeyondScale {
        /// How many factors.
        factors: usize,
        /// The scale's highest point.
        max: usize,
        /// How many votes were beyond it, in all.
        beyond: u64,
    },
    /// Participant codes that are not valid for this questionnaire; left out.
    InvalidCodes {
        /// How many.
        count: usize,
    },
    /// Participant codes without answers; left out.
    EmptyCodes {
        /// How many.
        count: usize,
    },
    /// Participant codes with the same answers as another; left out.
    RepeatedCodes {
        /// How many.
        count: usize,
    },
    /// More participants than a workshop holds; the last were left out.
    TooManyParticipants {
        /// The most a workshop holds.
        max: usize,
        /// How many were left out.
        over: usize,
    },
}

impl From<NoticeKind> for WorkshopNoticeKind {
    fn from(kind: NoticeKind) -> Self {
        WorkshopNoticeKind::File(kind)
    }
}

impl Says for WorkshopNoticeKind {
    fn say(&self, lang: Lang) -> String {
        match self {
            WorkshopNoticeKind::File(kind) => kind.say(lang),
            WorkshopNoticeKind::VotesCapped { factor, max } => {
                let factor = shown(factor);
                lang.pick(
                    format!("Een aantal stemmen bij ‘{factor}’ is groter dan {max}; er tellen {max} mee."),
                    format!("A number of votes on ‘{factor}’ is larger than {max}; {max} is used."),
                )
            }
            WorkshopNoticeKind::OtherQuestionnaire { id } => {
                let id = shown(id);
                lang.pick(
                    format!("Deze workshop is gemaakt met een andere vragenlijst (‘{id}’). Alleen wat bij deze vragenlijst past, is overgenomen."),
                    format!("This workshop was made with another questionnaire (‘{id}’). Only what fits this questionnaire is kept."),
                )
            }
            WorkshopNoticeKind::UnknownFactor { part, id } => {
                let (on, id) = (part.on(false, lang), shown(id));
                lang.pick(
                    format!("Weggelaten: {on} ‘{id}’. Die factor staat niet in deze vragenlijst."),
                    format!("Left out: {on} ‘{id}’. This questionnaire has no such factor."),
                )
            }
            WorkshopNoticeKind::UnknownFactors { part, count, some } => {
                let on = part.on(true, lang);
                let some = some
                    .iter()
                    .map(|id| format!("‘{}’", shown(id)))
                    .collect::<Vec<_>>()
                    .join(", ");
                lang.pick(
                    format!("Weggelaten: {on} {count} factoren die niet in deze vragenlijst staan (zoals {some})."),
                    format!("Left out: {on} {count} factors this questionnaire does not have (such as {some})."),
                )
            }
            WorkshopNoticeKind::BeyondScale { factor, points, max, beyond } => {
                let factor = shown(factor);
                lang.pick(
                    format!("De stemmen bij ‘{factor}’ hebben {points} punten, maar de schaal van deze vragenlijst heeft er {max}. De {beyond} stemmen na punt {max} tellen niet mee."),
                    format!("The votes on ‘{factor}’ have {points} points, but this questionnaire’s scale has {max}. The {beyond} votes beyond point {max} do not count."),
                )
            }
            WorkshopNoticeKind::ManyBeyondScale { factors, max, beyond } => lang.pick(
                format!("De stemmen bij {factors} factoren hebben meer punten dan de schaal van deze vragenlijst ({max}). De {beyond} stemmen na punt {max} tellen niet mee."),
                format!("The votes on {factors} factors have more points than this questionnaire’s scale of {max}. The {beyond} votes beyond point {max} do not count."),
            ),
            WorkshopNoticeKind::InvalidCodes { count: 1 } => lang.pick(
                "1 code van een deelnemer is niet geldig voor deze vragenlijst: de code is beschadigd, of gemaakt met een andere vragenlijst of een eerdere versie ervan. Die code is weggelaten.",
                "1 participant code is not valid for this questionnaire: it is damaged, or it was made with another questionnaire or an earlier version of it. It was left out.",
            ).into(),
            WorkshopNoticeKind::InvalidCodes { count } => lang.pick(
                format!("{count} codes van deelnemers zijn niet geldig voor deze vragenlijst: de codes zijn beschadigd, of gemaakt met een andere vragenlijst of een eerdere versie ervan. Die codes zijn weggelaten."),
                format!("{count} participant codes are not valid for this questionnaire: they are damaged, or they were made with another questionnaire or an earlier version of it. They were left out."),
            ),
            WorkshopNoticeKind::EmptyCodes { count: 1 } => lang.pick(
                "1 code van een deelnemer bevat geen antwoorden. Die code is weggelaten.",
                "1 participant code holds no answers. It was left out.",
            ).into(),
            WorkshopNoticeKind::EmptyCodes { count } => lang.pick(
                format!("{count} codes van deelnemers bevatten geen antwoorden. Die codes zijn weggelaten."),
                format!("{count} participant codes hold no answers. They were left out."),
            ),
            WorkshopNoticeKind::RepeatedCodes { count: 1 } => lang.pick(
                "1 code van een deelnemer bevat dezelfde antwoorden als een andere code. Dezelfde antwoorden tellen maar één keer: de dubbele code is weggelaten.",
                "1 participant code holds the same answers as another code. The same answers count only once: the second code was left out.",
            ).into(),
            WorkshopNoticeKind::RepeatedCodes { count } => lang.pick(
                format!("{count} codes van deelnemers bevatten dezelfde antwoorden als een andere code. Dezelfde antwoorden tellen maar één keer: de dubbele codes zijn weggelaten."),
                format!("{count} participant codes hold the same answers as another code. The same answers count only once: the repeats were left out."),
            ),
            WorkshopNoticeKind::TooManyParticipants { max, over } => lang.pick(
                format!("Een workshop heeft maximaal {max} deelnemers; de laatste {over} zijn weggelaten."),
                format!("A workshop holds at most {max} participants; the last {over} were left out."),
            ),
        }
    }
}
