//! The words for places and values in a file, shared by every kind of
//! problem and notice: what a value is ([`FoundValue`]), which place in a
//! file it is at ([`Subject`]) and what belongs there ([`Expected`]). Each
//! gives its words in Dutch or English (`words`: a part of a sentence, not
//! a message, so not [`Says`](crate::Says)); nothing here stores a sentence, so a
//! message is written in one language when it is shown (see
//! `notice.rs`, `validate.rs`).

use crate::text::{shown, Lang};

/// What a file holds at a place, as a message names it: texts quoted (at
/// most 60 characters, see `shown`), whole numbers written out, containers
/// named, not printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FoundValue {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number as written, e.g. `-5` or `300`.
    Number(String),
    /// A number of 10¹⁵ or more (never written out).
    LargeNumber,
    /// A number with decimals.
    Decimal,
    /// A text, as quoted (already cut by `shown`).
    Text(String),
    /// A list.
    List,
    /// A group of fields (a JSON object).
    Object,
    /// Anything else (what a parser could not name).
    Other,
}

impl FoundValue {
    /// "the text ‘zwaar’" / "de tekst ‘zwaar’", lower case, for the middle
    /// of a sentence.
    pub fn words(&self, lang: Lang) -> String {
        match self {
            FoundValue::Null => lang
                .pick("een lege waarde (null)", "an empty value (null)")
                .into(),
            FoundValue::Bool(b) => lang.pick(format!("de waarde {b}"), format!("the value {b}")),
            FoundValue::Number(n) => lang.pick(format!("het getal {n}"), format!("the number {n}")),
            FoundValue::LargeNumber => lang
                .pick("een heel groot getal", "a very large number")
                .into(),
            FoundValue::Decimal => lang
                .pick("een getal met decimalen", "a number with decimals")
                .into(),
            FoundValue::Text(t) => lang.pick(format!("de tekst ‘{t}’"), format!("the text ‘{t}’")),
            FoundValue::List => lang.pick("een lijst", "a list").into(),
            FoundValue::Object => lang
                .pick(
                    "een groep velden (een object)",
                    "a group of fields (an object)",
                )
                .into(),
            FoundValue::Other => lang
                .pick("een ander soort waarde", "another kind of value")
                .into(),
        }
    }
}

/// A list of context choices (`$.context.goals`, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choices {
    /// `goals`: what the partners want to reach.
    Goals,
    /// `motives`: why they consider working together.
    Motives,
    /// `domains`: the task areas.
    Domains,
}

impl Choices {
    /// The field's name in a file: `goals`, `motives`, `domains`.
    pub fn key(self) -> &'static str {
        match self {
            Choices::Goals => "goals",
            Choices::Motives => "motives",
            Choices::Domains => "domains",
        }
    }

    /// One choice, with an article: "een doel" / "a goal".
    fn one(self, lang: Lang) -> &'static str {
        match self {
            Choices::Goals => lang.pick("een doel", "a goal"),
            Choices::Motives => lang.pick("een motief", "a motive"),
            Choices::Domains => lang.pick("een taakveld", "a task area"),
        }
    }

    /// Several, without article: "doelen" / "goals".
    pub(crate) fn plural(self, lang: Lang) -> &'static str {
        match self {
            Choices::Goals => lang.pick("doelen", "goals"),
            Choices::Motives => lang.pick("motieven", "motives"),
            Choices::Domains => lang.pick("taakvelden", "task areas"),
        }
    }

    /// At the start of a sentence: "Het doel" / "The goal".
    pub(crate) fn the(self, lang: Lang) -> &'static str {
        match self {
            Choices::Goals => lang.pick("Het doel", "The goal"),
            Choices::Motives => lang.pick("Het motief", "The motive"),
            Choices::Domains => lang.pick("Het taakveld", "The task area"),
        }
    }
}

/// A place in an answers or workshop file, as a message names it ("the
/// answer to ‘x’"). Ids and names in it are quoted as `shown` cuts them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    /// `instrument_id`.
    InstrumentId,
    /// One response: `$.responses["<id>"]`.
    Answer(String),
    /// `$.responses`.
    Answers,
    /// `$.respondent`.
    Respondent,
    /// `$.respondent.role`.
    Role,
    /// `$.respondent.municipality`.
    Municipality,
    /// `$.context`.
    Context,
    /// `$.context.stage`.
    Stage,
    /// `$.context.urgency`.
    Urgency,
    /// `$.context.form`.
    Form,
    /// A list of choices itself (`$.context.goals`).
    ChoiceList(Choices),
    /// One item of a list of choices.
    Choice(Choices),
    /// `$.context.partners`.
    Partners,
    /// Partner `n` (from 1).
    Partner(usize),
    /// The name of partner `n`.
    PartnerName(usize),
    /// The inhabitants of partner `n`.
    Inhabitants(usize),
    /// A workshop's `title`.
    Title,
    /// A workshop's `tallies`.
    Tallies,
    /// One factor's tally.
    Votes(String),
    /// A tally's `counts`.
    VotesPerPoint,
    /// One number of votes on a factor.
    VoteCount(String),
    /// A workshop's `revealed`.
    Revealed,
    /// One item of `revealed`.
    RevealedFactor,
    /// A workshop's `notes`.
    Notes,
    /// The note on a factor.
    Note(String),
    /// A workshop's `participants`.
    Participants,
    /// One participant's code.
    Participant,
}

impl Subject {
    /// "the answer to ‘x’" / "het antwoord op ‘x’", lower case.
    pub fn words(&self, lang: Lang) -> String {
        let quoted = |nl: &str, en: &str, id: &str| {
            let id = shown(id);
            lang.pick(format!("{nl} ‘{id}’"), format!("{en} ‘{id}’"))
        };
        let plain = |nl: &str, en: &str| lang.pick(nl, en).to_string();
        match self {
            Subject::InstrumentId => plain("de id van de vragenlijst", "the questionnaire id"),
            Subject::Answer(id) => quoted("het antwoord op", "the answer to", id),
            Subject::Answers => plain("de antwoorden", "the answers"),
            Subject::Respondent => {
                plain("de gegevens bij ‘Over u’", "the details under ‘About you’")
            }
            Subject::Role => plain("de rol", "the role"),
            Subject::Municipality => plain("de gemeente", "the municipality"),
            Subject::Context => plain("de situatie", "the context"),
            Subject::Stage => plain("de fase", "the stage"),
            Subject::Urgency => plain("de urgentie", "the urgency"),
            Subject::Form => plain("de samenwerkingsvorm", "the form of cooperation"),
            Subject::ChoiceList(c) => quoted("het veld", "the field", c.key()),
            Subject::Choice(c) => c.one(lang).to_string(),
            Subject::Partners => plain(
                "de gemeenten die meedoen",
                "the participating municipalities",
            ),
            Subject::Partner(n) => lang.pick(format!("gemeente {n}"), format!("municipality {n}")),
            Subject::PartnerName(n) => lang.pick(
                format!("de naam van gemeente {n}"),
                format!("the name of municipality {n}"),
            ),
            Subject::Inhabitants(n) => lang.pick(
                format!("het aantal inwoners van gemeente {n}"),
                format!("the population of municipality {n}"),
            ),
            Subject::Title => plain("de titel", "the title"),
            Subject::Tallies => plain("de stemmen", "the votes"),
            Subject::Votes(f) => quoted("de stemmen bij", "the votes on", f),
            Subject::VotesPerPoint => plain("de stemmen per punt", "the votes per point"),
            Subject::VoteCount(f) => quoted("een aantal stemmen bij", "a number of votes on", f),
            Subject::Revealed => plain(
                "de factoren waarvan de uitslag is getoond",
                "the factors whose results were shown",
            ),
            Subject::RevealedFactor => plain("een getoonde factor", "a revealed factor"),
            Subject::Notes => plain("de notities", "the notes"),
            Subject::Note(f) => quoted("de notitie bij", "the note on", f),
            Subject::Participants => plain("de deelnemers", "the participants"),
            Subject::Participant => plain("een deelnemer", "a participant"),
        }
    }
}

/// What belongs at a place in a file, as a message says it ("a whole number
/// from 0 to 255").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    /// A whole number from `min`, up to `max` when there is one.
    Whole {
        /// The smallest allowed.
        min: u64,
        /// The largest allowed, if any.
        max: Option<u64>,
    },
    /// Any whole number (also negative).
    Integer,
    /// Any number.
    Number,
    /// A text.
    Text,
    /// `true` or `false`.
    TrueFalse,
    /// A list.
    List,
    /// A list of texts.
    TextList,
    /// A group of fields (a JSON object).
    Object,
    /// One of the words the field allows.
    AllowedWord,
    /// Something the reader could not name more precisely.
    Fits,
    /// As a parser described it, in English ("a date"); in Dutch "a value
    /// that fits here".
    Described(String),
    /// A response: a point on the scale or `unknown`.
    ScaleAnswer,
    /// `$.responses`: statement id → answer.
    AnswerMap,
    /// `$.respondent`: role and municipality.
    RespondentFields,
    /// A role: one of the four words.
    RoleWord,
    /// `$.context`: partners, stage, ….
    ContextFields,
    /// `$.context.partners`: partners with name and inhabitants.
    PartnerList,
    /// One partner: name and inhabitants.
    PartnerFields,
    /// A factor's id.
    FactorId,
    /// A participant's result code.
    ResultCode,
    /// A tally: counts and unknown.
    TallyFields,
    /// Factor id → value.
    FactorMap,
}

impl Expected {
    /// "a whole number from 0 to 255" / "een heel getal van 0 tot en met
    /// 255", lower case.
    pub fn words(&self, lang: Lang) -> String {
        let plain = |nl: &str, en: &str| lang.pick(nl, en).to_string();
        match self {
            Expected::Whole {
                min,
                max: Some(max),
            } => lang.pick(
                format!("een heel getal van {min} tot en met {max}"),
                format!("a whole number from {min} to {max}"),
            ),
            Expected::Whole { min, max: None } => lang.pick(
                format!("een heel getal van {min} of meer"),
                format!("a whole number of {min} or more"),
            ),
            Expected::Integer => plain("een heel getal", "a whole number"),
            Expected::Number => plain("een getal", "a number"),
            Expected::Text => plain("een tekst", "a text"),
            Expected::TrueFalse => plain("true of false", "true or false"),
            Expected::List => plain("een lijst", "a list"),
            Expected::TextList => plain("een lijst met teksten", "a list of texts"),
            Expected::Object => plain(
                "een groep velden (een object)",
                "a group of fields (an object)",
            ),
            Expected::AllowedWord => {
                plain("een van de toegestane woorden", "one of the allowed words")
            }
            Expected::Fits => plain("een waarde die hier past", "a value that fits here"),
            Expected::Described(english) => {
                lang.pick("een waarde die hier past".into(), english.clone())
            }
            Expected::ScaleAnswer => plain(
                "een heel getal op de schaal, of ‘unknown’ (weet ik niet)",
                "a whole number on the scale, or ‘unknown’ (don’t know)",
            ),
            Expected::AnswerMap => plain(
                "een groep velden: id van de stelling → antwoord",
                "a group of fields: statement id → answer",
            ),
            Expected::RespondentFields => plain(
                "een groep velden met rol en gemeente",
                "a group of fields with role and municipality",
            ),
            Expected::RoleWord => plain(
                "een van bestuurder, raadslid, ambtenaar, anders",
                "one of bestuurder, raadslid, ambtenaar, anders",
            ),
            Expected::ContextFields => plain(
                "een groep velden (partners, stage, …)",
                "a group of fields (partners, stage, …)",
            ),
            Expected::PartnerList => plain(
                "een lijst met partners met naam en inwoners",
                "a list of partners with name and inhabitants",
            ),
            Expected::PartnerFields => plain(
                "een groep velden met naam en inwoners",
                "a group of fields with name and inhabitants",
            ),
            Expected::FactorId => plain("de id van een factor", "the id of a factor"),
            Expected::ResultCode => plain("een resultaatcode", "a result code"),
            Expected::TallyFields => plain(
                "een groep velden met counts en unknown",
                "a group of fields with counts and unknown",
            ),
            Expected::FactorMap => plain(
                "een groep velden: id van de factor → waarde",
                "a group of fields: factor id → value",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_said_in_both_languages() {
        assert_eq!(
            FoundValue::Text("zwaar".into()).words(Lang::Nl),
            "de tekst ‘zwaar’"
        );
        assert_eq!(
            FoundValue::Number("-5".into()).words(Lang::En),
            "the number -5"
        );
        assert_eq!(
            Subject::Answer("a\u{202e}b".into()).words(Lang::En),
            "the answer to ‘ab’"
        );
        assert_eq!(
            Subject::ChoiceList(Choices::Goals).words(Lang::Nl),
            "het veld ‘goals’"
        );
        assert_eq!(
            Expected::Whole {
                min: 0,
                max: Some(255)
            }
            .words(Lang::Nl),
            "een heel getal van 0 tot en met 255"
        );
        assert_eq!(
            Expected::Described("a date".into()).words(Lang::En),
            "a date"
        );
        assert_eq!(shown("ab\u{202e}cd\u{0}"), "abcd");
    }
}
