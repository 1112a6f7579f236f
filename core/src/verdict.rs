//! The verdict and its reasons. Each rule either sets or caps the level and,
//! when it fires, says so in words. Thresholds are explained in SCORING.md.

use crate::evaluate::Cap;
use crate::instrument::{Instrument, Polarity};
use crate::report::{Coverage, FactorResult, PhaseResult, Reason, VerdictLevel};
use crate::score::Band;
use crate::text::{whole, Msg};

/// Below this share of answered statements the scan does not judge.
pub const MIN_COVERAGE: f64 = 0.6;
/// Every phase needs at least this share answered.
pub const MIN_PHASE_COVERAGE: f64 = 0.4;
/// From this share of "don't know" on, the reasons say so explicitly.
pub const MANY_UNKNOWN: f64 = 0.25;
/// Overall indices for the base level.
pub const READY: (f64, f64) = (70.0, 35.0);
pub const PROMISING: (f64, f64) = (55.0, 50.0);
pub const NOT_READY: (f64, f64) = (40.0, 65.0);
/// The preconditions phase must reach this readiness and stay under this risk.
pub const PRECONDITIONS: (f64, f64) = (55.0, 50.0);
/// A red flag this unfavourable is a veto on its own that says "not ready".
pub const SEVERE_VETO_UPTO: f64 = 12.5;

pub(crate) struct Inputs<'a> {
    pub instrument: &'a Instrument,
    pub factors: &'a [FactorResult],
    pub phases: &'a [PhaseResult],
    pub readiness: Option<f64>,
    pub risk: Option<f64>,
    pub coverage: &'a Coverage,
    pub lang: &'a str,
}

struct Decision {
    level: VerdictLevel,
    reasons: Vec<Reason>,
}

impl Decision {
    fn cap(&mut self, level: VerdictLevel, reason: Reason) {
        self.level = self.level.min(level);
        self.reasons.push(reason);
    }
}

fn reason(rule: &str, text: String, factors: Vec<String>) -> Reason {
    Reason {
        rule: rule.to_string(),
        text,
        factors,
    }
}

fn names(factors: &[&FactorResult]) -> String {
    factors
        .iter()
        .map(|f| format!("‘{}’", f.name))
        .collect::<Vec<_>>()
        .join(", ")
}

fn ids(factors: &[&FactorResult]) -> Vec<String> {
    factors.iter().map(|f| f.id.clone()).collect()
}

pub(crate) fn decide(input: &Inputs, caps: Vec<Cap>) -> (VerdictLevel, Vec<Reason>) {
    let m = Msg::of(input.lang);
    let mut d = base_level(input, m);
    vetoes(input, m, &mut d);
    preconditions(input, m, &mut d);
    concerns(input, m, &mut d);
    unanswered_red_flags(input, m, &mut d);
    for cap in caps {
        d.cap(cap.level, cap.reason);
    }
    // Information last: it replaces a guess, but never hides a veto that
    // fired on what *was* answered.
    let (mut reasons, blocking) = information(input, m);
    let vetoed = d.reasons.iter().any(|r| r.rule.starts_with("veto"));
    if blocking {
        if !vetoed {
            d.level = VerdictLevel::InsufficientInformation;
        }
        // The overall reading rests on too little: don't present it as a reason.
        d.reasons.retain(|r| r.rule != "base");
    }
    reasons.append(&mut d.reasons);
    d.reasons = reasons;
    // Most decisive first: rules that lowered the verdict before the base reading.
    let (base, mut rest): (Vec<Reason>, Vec<Reason>) =
        d.reasons.into_iter().partition(|r| r.rule == "base");
    rest.extend(base);
    d.reasons = rest;
    (d.level, d.reasons)
}

fn base_level(input: &Inputs, m: Msg) -> Decision {
    // An instrument without factors of one polarity cannot miss that index.
    let has = |p: Polarity| input.instrument.factors.iter().any(|f| f.polarity == p);
    let readiness = input
        .readiness
        .or((!has(Polarity::Promoting)).then_some(100.0));
    let risk = input.risk.or((!has(Polarity::Hindering)).then_some(0.0));
    let (Some(r), Some(k)) = (readiness, risk) else {
        // No reading yet: start neutral so that a veto can still lower the
        // verdict; the information rules then refuse to judge the rest.
        return Decision {
            level: VerdictLevel::Ready,
            reasons: Vec::new(),
        };
    };
    let level = if r >= READY.0 && k <= READY.1 {
        VerdictLevel::Ready
    } else if r >= PROMISING.0 && k <= PROMISING.1 {
        VerdictLevel::Promising
    } else if r >= NOT_READY.0 && k <= NOT_READY.1 {
        VerdictLevel::PreconditionsFirst
    } else {
        VerdictLevel::NotReady
    };
    let (rs, ks) = (whole(r), whole(k));
    let text = match level {
        VerdictLevel::Ready => m.pick(
            format!("De bevorderende factoren scoren hoog ({rs} van 100) en de belemmeringen laag ({ks} van 100)."),
            format!("The promoting factors score high ({rs} out of 100) and the hindrances low ({ks} out of 100)."),
        ),
        VerdictLevel::Promising => m.pick(
            format!("Gereedheid {rs} en risico {ks} (van 100): voldoende basis, maar nog niet overal sterk."),
            format!("Readiness {rs} and risk {ks} (out of 100): a sufficient basis, but not strong everywhere."),
        ),
        VerdictLevel::PreconditionsFirst => m.pick(
            format!("Gereedheid {rs} en risico {ks} (van 100): de basis is nog te smal om te starten."),
            format!("Readiness {rs} and risk {ks} (out of 100): the basis is still too narrow to start."),
        ),
        _ => m.pick(
            format!("Gereedheid {rs} en risico {ks} (van 100): de belemmeringen wegen zwaarder dan wat de samenwerking draagt."),
            format!("Readiness {rs} and risk {ks} (out of 100): the hindrances outweigh what supports the partnership."),
        ),
    };
    Decision {
        level,
        reasons: vec![reason("base", text, Vec::new())],
    }
}

fn vetoes(input: &Inputs, m: Msg, d: &mut Decision) {
    let fired: Vec<&FactorResult> = input
        .factors
        .iter()
        .filter(|f| f.red_flag && f.band == Some(Band::Concern))
        .collect();
    if fired.is_empty() {
        return;
    }
    let severe: Vec<&FactorResult> = fired
        .iter()
        .copied()
        .filter(|f| f.favourability.is_some_and(|v| v <= SEVERE_VETO_UPTO))
        .collect();
    let list = names(&fired);
    if fired.len() >= 2 || !severe.is_empty() {
        let text = m.pick(
            format!("Rode vlag: {list}. Zo’n ernstige belemmering blokkeert de samenwerking, hoe goed de rest ook scoort. Bespreek dit eerst openlijk met de partners."),
            format!("Red flag: {list}. A serious obstacle like this blocks the partnership, however well the rest scores. Discuss it openly with the partners first."),
        );
        d.cap(
            VerdictLevel::NotReady,
            reason("veto-severe", text, ids(&fired)),
        );
    } else {
        let text = m.pick(
            format!("Rode vlag: {list} scoort zwak. Daarom is het oordeel niet positief, ook al zijn de gemiddelden dat misschien wel."),
            format!("Red flag: {list} scores weakly. That is why the verdict is not positive, even if the averages might be."),
        );
        d.cap(
            VerdictLevel::PreconditionsFirst,
            reason("veto", text, ids(&fired)),
        );
    }
}

fn preconditions(input: &Inputs, m: Msg, d: &mut Decision) {
    let (Some(first), Some(phase)) = (input.instrument.phases.first(), input.phases.first()) else {
        return;
    };
    let weak: Vec<&FactorResult> = input
        .factors
        .iter()
        .filter(|f| f.phase == first.id && f.band == Some(Band::Concern))
        .collect();
    let low_readiness = phase.readiness.is_some_and(|r| r < PRECONDITIONS.0);
    let high_risk = phase.risk.is_some_and(|k| k > PRECONDITIONS.1);
    if weak.is_empty() && !low_readiness && !high_risk {
        return;
    }
    let name = &phase.name;
    let detail = if weak.is_empty() {
        m.pick(
            format!(
                "gereedheid {} en risico {} van 100",
                phase.readiness.map(whole).unwrap_or("–".into()),
                phase.risk.map(whole).unwrap_or("–".into())
            ),
            format!(
                "readiness {} and risk {} out of 100",
                phase.readiness.map(whole).unwrap_or("–".into()),
                phase.risk.map(whole).unwrap_or("–".into())
            ),
        )
    } else {
        m.pick(
            format!("zorgpunten: {}", names(&weak)),
            format!("concerns: {}", names(&weak)),
        )
    };
    let text = m.pick(
        format!("De fase ‘{name}’ is nog niet op orde ({detail}). Volgens de literatuur kijkt u eerst naar deze randvoorwaarden (§5)."),
        format!("The phase ‘{name}’ is not yet in order ({detail}). The literature says to look at these preconditions first (§5)."),
    );
    d.cap(
        VerdictLevel::PreconditionsFirst,
        reason("preconditions", text, ids(&weak)),
    );
}

fn concerns(input: &Inputs, m: Msg, d: &mut Decision) {
    let weak: Vec<&FactorResult> = input
        .factors
        .iter()
        .filter(|f| f.band == Some(Band::Concern) && !f.red_flag)
        .collect();
    if weak.is_empty() {
        return;
    }
    let text = if d.level == VerdictLevel::Ready {
        m.pick(
            format!("Er zijn zorgpunten ({}). Met zorgpunten is de samenwerking hooguit kansrijk, niet klaar.", names(&weak)),
            format!("There are concerns ({}). With concerns the partnership is at most promising, not ready.", names(&weak)),
        )
    } else {
        m.pick(
            format!("Zorgpunten: {}.", names(&weak)),
            format!("Concerns: {}.", names(&weak)),
        )
    };
    d.cap(
        VerdictLevel::Promising,
        reason("concerns", text, ids(&weak)),
    );
}

fn unanswered_red_flags(input: &Inputs, m: Msg, d: &mut Decision) {
    let open: Vec<&FactorResult> = input
        .factors
        .iter()
        .filter(|f| f.red_flag && !f.answered)
        .collect();
    if open.is_empty() {
        return;
    }
    let text = m.pick(
        format!("Over {} is niets bekend. Dat is een mogelijke rode vlag; zonder antwoord is ‘klaar om te starten’ niet mogelijk.", names(&open)),
        format!("Nothing is known about {}. That is a potential red flag; without an answer ‘ready to start’ is not possible.", names(&open)),
    );
    d.cap(
        VerdictLevel::Promising,
        reason("red-flag-unanswered", text, ids(&open)),
    );
}

/// The information rules: their reasons, and whether they block a verdict.
/// "many-unknown" alone only informs; it blocks through the coverage rules.
fn information(input: &Inputs, m: Msg) -> (Vec<Reason>, bool) {
    let mut out = Vec::new();
    let c = input.coverage;
    let pct = |x: f64| whole(x * 100.0);
    if c.ratio < MIN_COVERAGE {
        out.push(reason(
            "coverage-low",
            m.pick(
                format!("Pas {} van de {} stellingen zijn beantwoord ({}%). Voor een oordeel is minstens {}% nodig.", c.answered, c.statements, pct(c.ratio), pct(MIN_COVERAGE)),
                format!("Only {} of the {} statements were answered ({}%). A verdict needs at least {}%.", c.answered, c.statements, pct(c.ratio), pct(MIN_COVERAGE)),
            ),
            Vec::new(),
        ));
    }
    if c.statements > 0 && c.unknown as f64 / c.statements as f64 >= MANY_UNKNOWN {
        out.push(reason(
            "many-unknown",
            m.pick(
                format!("Bij {} stellingen is ‘weet niet’ gekozen. Zoek eerst uit hoe het zit, bijvoorbeeld met een zelfanalyse (§8.1).", c.unknown),
                format!("‘Don’t know’ was chosen for {} statements. Find out the facts first, for example with a self-analysis (§8.1).", c.unknown),
            ),
            Vec::new(),
        ));
    }
    for phase in input.phases {
        if phase.coverage.statements > 0
            && phase.coverage.ratio < MIN_PHASE_COVERAGE
            && c.ratio >= MIN_COVERAGE
        {
            out.push(reason(
                "phase-coverage-low",
                m.pick(
                    format!(
                        "Van de fase ‘{}’ is maar {}% beantwoord; minstens {}% is nodig.",
                        phase.name,
                        pct(phase.coverage.ratio),
                        pct(MIN_PHASE_COVERAGE)
                    ),
                    format!(
                        "Only {}% of the phase ‘{}’ was answered; at least {}% is needed.",
                        pct(phase.coverage.ratio),
                        phase.name,
                        pct(MIN_PHASE_COVERAGE)
                    ),
                ),
                Vec::new(),
            ));
        }
    }
    let has = |p: Polarity| input.instrument.factors.iter().any(|f| f.polarity == p);
    if (input.readiness.is_none() && has(Polarity::Promoting))
        || (input.risk.is_none() && has(Polarity::Hindering))
    {
        out.push(reason(
            "polarity-unanswered",
            m.pick(
                "Van de factoren die helpen óf van de factoren die in de weg staan is nog niets beantwoord. Voor een oordeel zijn beide nodig.".to_string(),
                "Nothing has been answered yet about either the factors that help or those that stand in the way. A verdict needs both.".to_string(),
            ),
            Vec::new(),
        ));
    }
    let blocking = out.iter().any(|r| r.rule != "many-unknown");
    (out, blocking)
}
