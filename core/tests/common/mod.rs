//! Helpers shared by the integration tests: build answers in words such as
//! "every promoting statement 4, every hindering statement 2, `werkdruk` 5".
//!
//! Nothing here knows statement counts or texts: everything is derived from
//! [`Instrument::builtin`], so the tests survive a rewrite of the instrument's
//! texts as long as ids and structure stay.

#![allow(dead_code)] // each test binary uses a different part

use samenwerkingsscan::Lang;
use samenwerkingsscan::{
    Answers, Factor, Instrument, Partner, Polarity, Report, Response, Role, VerdictLevel,
};

/// The built-in instrument.
pub fn instrument() -> &'static Instrument {
    Instrument::builtin()
}

/// The factor with this id; panics with a readable message when the
/// instrument lacks it (a test assumption, not a product rule).
pub fn factor(id: &str) -> &'static Factor {
    instrument()
        .factor(id)
        .unwrap_or_else(|| panic!("the built-in instrument has no factor '{id}'"))
}

/// The scale value that gives a factor of this polarity the wanted
/// favourability on the built-in 5-point scale: `favourable(p, 100)` is the
/// best answer, `favourable(p, 0)` the worst. Only multiples of 25 exist.
pub fn value_for(polarity: Polarity, favourability: u8) -> u8 {
    assert!(favourability % 25 == 0 && favourability <= 100);
    let promoting = favourability / 25 + 1;
    match polarity {
        Polarity::Promoting => promoting,
        Polarity::Hindering => 6 - promoting,
    }
}

/// Answers built step by step; later steps override earlier ones.
#[derive(Clone, Debug)]
pub struct Scan {
    pub answers: Answers,
}

impl Default for Scan {
    fn default() -> Self {
        Self::new()
    }
}

impl Scan {
    /// No responses yet, at the stage "preparing" (the rules read the
    /// last phase as a look ahead; [`Scan::stage`] changes it, and
    /// [`Scan::no_stage`] leaves it open).
    pub fn new() -> Self {
        Scan {
            answers: Answers::new(instrument()),
        }
        .stage("preparing")
    }

    /// No stage given: the rules assume a partnership that has not started
    /// and say so.
    pub fn no_stage(mut self) -> Self {
        self.answers.context.stage = None;
        self
    }

    /// Every promoting statement `promoting`, every hindering one `hindering`.
    pub fn uniform(promoting: u8, hindering: u8) -> Self {
        Scan::new()
            .all(Polarity::Promoting, promoting)
            .all(Polarity::Hindering, hindering)
    }

    /// The most favourable answers everywhere (promoting 5, hindering 1).
    pub fn favourable() -> Self {
        Scan::uniform(5, 1)
    }

    fn set(mut self, filter: impl Fn(&Factor) -> bool, response: Option<Response>) -> Self {
        for (factor, statement) in instrument().statements() {
            if filter(factor) {
                match response {
                    Some(r) => {
                        self.answers.responses.insert(statement.id.clone(), r);
                    }
                    None => {
                        self.answers.responses.remove(&statement.id);
                    }
                }
            }
        }
        self
    }

    /// Every statement of one polarity.
    pub fn all(self, polarity: Polarity, value: u8) -> Self {
        self.set(|f| f.polarity == polarity, Some(Response::Scale(value)))
    }

    /// Every statement of one factor.
    pub fn factor(self, id: &str, value: u8) -> Self {
        factor(id);
        self.set(|f| f.id == id, Some(Response::Scale(value)))
    }

    /// One factor at a favourability (0, 25, 50, 75 or 100), whatever its polarity.
    pub fn favourability(self, id: &str, favourability: u8) -> Self {
        let value = value_for(factor(id).polarity, favourability);
        self.factor(id, value)
    }

    /// Every statement of one factor "weet niet".
    pub fn unknown(self, id: &str) -> Self {
        factor(id);
        self.set(|f| f.id == id, Some(Response::Unknown))
    }

    /// Removes every response to one factor.
    pub fn missing(self, id: &str) -> Self {
        factor(id);
        self.set(|f| f.id == id, None)
    }

    /// Every statement of one phase (both polarities) at a favourability.
    pub fn phase_favourability(mut self, phase: &str, favourability: u8) -> Self {
        for factor in instrument().factors.iter().filter(|f| f.phase == phase) {
            self = self.favourability(&factor.id, favourability);
        }
        self
    }

    /// Removes every response in one phase.
    pub fn phase_missing(self, phase: &str) -> Self {
        self.set(|f| f.phase == phase, None)
    }

    /// A raw response to one statement id (may be unknown to the instrument).
    pub fn response(mut self, statement: &str, response: Response) -> Self {
        self.answers
            .responses
            .insert(statement.to_string(), response);
        self
    }

    pub fn role(mut self, role: Role) -> Self {
        self.answers.respondent.role = Some(role);
        self
    }

    pub fn municipality(mut self, name: &str) -> Self {
        self.answers.respondent.municipality = Some(name.to_string());
        self
    }

    pub fn stage(mut self, id: &str) -> Self {
        self.answers.context.stage = Some(id.to_string());
        self
    }

    pub fn urgency(mut self, id: &str) -> Self {
        self.answers.context.urgency = Some(id.to_string());
        self
    }

    pub fn form(mut self, id: &str) -> Self {
        self.answers.context.form = Some(id.to_string());
        self
    }

    pub fn motive(mut self, id: &str) -> Self {
        self.answers.context.motives.push(id.to_string());
        self
    }

    pub fn goal(mut self, id: &str) -> Self {
        self.answers.context.goals.push(id.to_string());
        self
    }

    pub fn partner(mut self, name: &str, inhabitants: u32) -> Self {
        self.answers.context.partners.push(Partner {
            name: name.to_string(),
            inhabitants: Some(inhabitants),
        });
        self
    }

    pub fn build(self) -> Answers {
        self.answers
    }

    /// Evaluates in Dutch.
    pub fn report(&self) -> Report {
        samenwerkingsscan::evaluate(instrument(), &self.answers, Lang::Nl)
    }
}

/// The rule ids of a report's reasons, in order.
pub fn rules(report: &Report) -> Vec<&str> {
    report.reasons.iter().map(|r| r.rule.as_str()).collect()
}

/// The reason with this rule id; panics with the report's reasons otherwise.
pub fn reason<'a>(report: &'a Report, rule: &str) -> &'a samenwerkingsscan::Reason {
    report
        .reasons
        .iter()
        .find(|r| r.rule == rule)
        .unwrap_or_else(|| panic!("rule '{rule}' did not fire; reasons: {:#?}", report.reasons))
}

/// Asserts the verdict level with the reasons in the failure message.
#[track_caller]
pub fn assert_level(report: &Report, level: VerdictLevel) {
    assert_eq!(
        report.verdict.level, level,
        "unexpected verdict; reasons: {:#?}",
        report.reasons
    );
}

/// Ids of the factors that are red flags / are not, in instrument order.
pub fn red_flags() -> Vec<&'static Factor> {
    instrument().factors.iter().filter(|f| f.red_flag).collect()
}

pub fn ordinary() -> Vec<&'static Factor> {
    instrument()
        .factors
        .iter()
        .filter(|f| !f.red_flag)
        .collect()
}

/// Ids of the red flags of the §5 precondition `noodzaak` (before the start
/// their concern means "no reason to start", not "work on it first").
pub fn is_necessity(f: &Factor) -> bool {
    f.precondition == Some(samenwerkingsscan::Precondition::Noodzaak)
}

/// The phases that count before the start (all but the look ahead).
pub fn required_phase(phase: &str) -> bool {
    !instrument().phase(phase).is_some_and(|p| p.after_start)
}

/// The id of the first phase (the preconditions, "randvoorwaarden").
pub fn first_phase() -> &'static str {
    &instrument().phases[0].id
}
