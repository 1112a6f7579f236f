//! Statement ids to positions in instrument order, built once per
//! evaluation: how responses become one code per statement.

use super::{Answers, Response};
use crate::instrument::Instrument;

/// "Don't know" in a respondent's response codes.
pub(crate) const UNKNOWN_CODE: u8 = u8::MAX;

/// Statement id → position in instrument order, built once per evaluation
/// so that many respondents are read in one pass each.
///
/// The ids are kept sorted: a respondent's responses (a `BTreeMap`) iterate
/// in the same order, so reading them is one merge with no hashing and no
/// search (this is what makes aggregating 10,000 respondents fast).
pub(crate) struct StatementIndex<'a> {
    /// `(id, position in instrument order)`, sorted by id.
    sorted: Vec<(&'a str, usize)>,
    max: u8,
}

impl<'a> StatementIndex<'a> {
    pub(crate) fn new(instrument: &'a Instrument) -> Self {
        // Kept sorted while built, not sorted afterwards: a sort of these
        // pairs would add its own 2 KB of generic code to the widget's wasm.
        let mut sorted: Vec<(&str, usize)> = Vec::new();
        for (i, (_, statement)) in instrument.statements().enumerate() {
            let id = statement.id.as_str();
            let at = sorted.partition_point(|(known, _)| *known < id);
            sorted.insert(at, (id, i));
        }
        StatementIndex {
            sorted,
            max: instrument.scale_max(),
        }
    }

    /// Every response with its statement's position, `None` for an id the
    /// instrument does not have; in the responses' (sorted) order.
    pub(crate) fn positions<'b>(
        &'b self,
        answers: &'b Answers,
    ) -> impl Iterator<Item = (&'b str, &'b Response, Option<usize>)> + 'b {
        let mut ids = self.sorted.iter().peekable();
        answers.responses.iter().map(move |(id, response)| {
            let id = id.as_str();
            // Usually the next id is this one: test that first (one compare).
            if let Some(&(_, i)) = ids.next_if(|(known, _)| *known == id) {
                return (id, response, Some(i));
            }
            while ids.next_if(|(known, _)| *known < id).is_some() {}
            let at = ids.next_if(|(known, _)| *known == id).map(|&(_, i)| i);
            (id, response, at)
        })
    }

    /// One code per statement: 0 = not answered (or off the scale, which is
    /// ignored), 1..=max = scale point, [`UNKNOWN_CODE`] = "don't know".
    pub(crate) fn codes(&self, answers: &Answers) -> Vec<u8> {
        let mut codes = vec![0; self.sorted.len()];
        self.write_codes(answers, &mut codes);
        codes
    }

    /// As [`StatementIndex::codes`], into `codes` (one slot per statement).
    /// Returns whether every response was used: known and on the scale (then
    /// [`Answers::check_with`] has nothing to say about the statements).
    pub(crate) fn write_codes(&self, answers: &Answers, codes: &mut [u8]) -> bool {
        let mut all_used = true;
        for (_, response, at) in self.positions(answers) {
            let code = match response {
                Response::Scale(v) if (1..=self.max).contains(v) => *v,
                Response::Scale(_) => 0,
                Response::Unknown => UNKNOWN_CODE,
            };
            match at.and_then(|i| codes.get_mut(i)) {
                Some(slot) if code != 0 => *slot = code,
                _ => all_used = false,
            }
        }
        all_used
    }
}
