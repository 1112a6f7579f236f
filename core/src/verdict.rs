//! The verdict and its reasons. Each rule either sets or caps the level and,
//! when it fires, says so in words. Thresholds are explained in SCORING.md.
//!
//! The rules decide on one scale (before the start: `NoReasonToStart` …
//! `Ready`); for a running partnership the result is mapped onto the
//! running levels at the end ([`VerdictLevel::for_stage`]) and the texts are
//! phrased for it.

use crate::answers::Context;
use crate::instrument::ids;
use crate::instrument::{FormKind, Instrument, Polarity, Precondition};
use crate::numbers::whole;
use crate::report::{Coverage, FactorResult, PhaseResult, Reason, VerdictLevel};
use crate::score::Band;
use crate::stage::Reading;
use crate::text::Lang;
use std::collections::BTreeSet;

/// Below this share of answered statements the scan does not judge.
pub const MIN_COVERAGE: f64 = 0.6;
/// Every phase needs at least this share answered.
pub const MIN_PHASE_COVERAGE: f64 = 0.4;
/// From this share of "don't know" on, the reasons say so explicitly.
pub const MANY_UNKNOWN: f64 = 0.25;
/// Overall indices for the base level (rule `base`), as (lowest strength,
/// highest risk) on 0–100: at least 70 and at most 35 is "ready".
pub const READY: (f64, f64) = (70.0, 35.0);
/// At least 55 strength and at most 50 risk is "promising" (rule `base`).
pub const PROMISING: (f64, f64) = (55.0, 50.0);
/// At least 40 strength and at most 65 risk is "preconditions first"
/// (rule `base`); outside these bounds the base level is "not ready".
pub const NOT_READY: (f64, f64) = (40.0, 65.0);
/// The preconditions phase must reach this readiness and stay under this risk.
pub const PRECONDITIONS: (f64, f64) = (55.0, 50.0);
/// A red flag this unfavourable is a veto on its own that says "not ready".
pub const SEVERE_VETO_UPTO: f64 = 12.5;
/// The urgency level of §8.1 point 3: "we kunnen nog lange tijd onze taken
/// zelf uitvoeren".
pub const URGENCY_NOT_NEEDED: u8 = 3;

/// A limit on the verdict imposed by a rule outside the single-respondent
/// rules (gaps between municipalities, the form that does not fit).
pub(crate) struct Cap {
    pub level: VerdictLevel,
    pub reason: Reason,
}

/// A red flag in concern within one municipality of a group (its subgroup
/// meets the anonymity minimum), while the group as a whole may look fine.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PartnerFlag {
    pub factor: String,
    /// The municipality as the report shows it.
    pub place: String,
    pub favourability: f64,
}

pub(crate) struct Inputs<'a> {
    pub instrument: &'a Instrument,
    pub factors: &'a [FactorResult],
    pub phases: &'a [PhaseResult],
    pub readiness: Option<f64>,
    pub risk: Option<f64>,
    pub coverage: &'a Coverage,
    pub context: &'a Context,
    pub reading: Reading,
    pub partners: &'a [PartnerFlag],
    pub lang: Lang,
}

struct Decision {
    /// On the before-the-start scale; mapped at the end.
    level: VerdictLevel,
    reasons: Vec<Reason>,
}

impl Decision {
    fn cap(&mut self, level: VerdictLevel, reason: Reason) {
        if level.rank() < self.level.rank() {
            self.level = level;
        }
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

/// "‘A’", "‘A’ en ‘B’", "‘A’, ‘B’ en ‘C’" (English: "and").
fn names(lang: Lang, factors: &[&FactorResult]) -> String {
    let quoted: Vec<String> = factors.iter().map(|f| format!("‘{}’", f.name)).collect();
    lang.listing(&quoted)
}

fn ids(factors: &[&FactorResult]) -> Vec<String> {
    factors.iter().map(|f| f.id.clone()).collect()
}

/// Rules whose finding stands even when too little was answered: they rest
/// on what *was* answered.
fn stands_alone(rule: &str) -> bool {
    rule.starts_with("veto") || rule == "no-reason"
}

pub(crate) fn decide(input: &Inputs, caps: Vec<Cap>) -> (VerdictLevel, Vec<Reason>) {
    let lang = input.lang;
    let mut d = base_level(input, lang);
    vetoes(input, lang, &mut d);
    no_reason(input, lang, &mut d);
    // "Look at the preconditions first" would contradict "question the idea
    // itself": without a reason to start there is nothing to prepare.
    if !d.reasons.iter().any(|r| r.rule == "no-reason") {
        preconditions(input, lang, &mut d);
    }
    let councils = councils(input, lang, &mut d);
    concerns(input, lang, &mut d, councils);
    before_start(input, lang, &mut d);
    unanswered_red_flags(input, lang, &mut d);
    for cap in caps {
        d.cap(cap.level, cap.reason);
    }
    // Information last: it replaces a guess, but never hides a veto that
    // fired on what *was* answered.
    let (mut reasons, blocking) = information(input, lang);
    let vetoed = d.reasons.iter().any(|r| stands_alone(&r.rule));
    if blocking {
        if !vetoed {
            d.level = VerdictLevel::InsufficientInformation;
        }
        // The overall reading rests on too little: don't present it as a reason.
        d.reasons.retain(|r| r.rule != "base");
        if !vetoed {
            // What the other rules found rests on too little too: say so.
            let provisional = lang.pick(
                "Voorlopig (op grond van wat wel is beantwoord) – ",
                "Provisionally (based on the answers given), ",
            );
            for r in d.reasons.iter_mut() {
                // "… beantwoord: de fase …", not "…: De fase …".
                if let Some(first) = r.text.get_mut(..1) {
                    first.make_ascii_lowercase();
                }
                r.text.insert_str(0, provisional);
            }
        }
    }
    reasons.append(&mut d.reasons);
    if let Some(text) = input.reading.assumed_text(lang) {
        reasons.push(reason("stage-assumed", text, Vec::new()));
    }
    // Most decisive first: rules that lowered the verdict before the base
    // reading; the stage note last.
    let order = |r: &Reason| match r.rule.as_str() {
        "no-reason" => 0,
        "base" => 2,
        "arrange-before-start" => 3,
        "stage-assumed" => 4,
        _ => 1,
    };
    reasons.sort_by_key(order);
    (d.level.for_stage(input.reading.running()), reasons)
}

fn base_level(input: &Inputs, lang: Lang) -> Decision {
    // An instrument without (counted) factors of one polarity cannot miss
    // that index; before the start the look ahead does not count.
    let has = |p: Polarity| {
        input
            .factors
            .iter()
            .any(|f| f.polarity == p && !f.looking_ahead)
    };
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
    let running = input.reading.running();
    let text = match (level, running) {
        (VerdictLevel::Ready, false) => lang.pick(
            format!("Kracht {rs} en risico {ks} (van 100): wat helpt scoort hoog en wat in de weg staat laag."),
            format!("Strength {rs} and risk {ks} (out of 100): what helps scores high and what stands in the way scores low."),
        ),
        (VerdictLevel::Ready, true) => lang.pick(
            format!("Kracht {rs} en risico {ks} (van 100): wat helpt scoort hoog en wat in de weg staat laag."),
            format!("Strength {rs} and risk {ks} (out of 100): what helps scores high and what stands in the way scores low."),
        ),
        (VerdictLevel::Promising, false) => lang.pick(
            format!("Kracht {rs} en risico {ks} (van 100): voldoende basis, maar nog niet overal sterk."),
            format!("Strength {rs} and risk {ks} (out of 100): a sufficient basis, but not yet strong everywhere."),
        ),
        (VerdictLevel::Promising, true) => lang.pick(
            format!("Kracht {rs} en risico {ks} (van 100): de samenwerking draait op een voldoende basis, maar is nog niet overal sterk."),
            format!("Strength {rs} and risk {ks} (out of 100): the partnership runs on a sufficient basis, but is not strong everywhere."),
        ),
        (VerdictLevel::PreconditionsFirst, false) => lang.pick(
            format!("Kracht {rs} en risico {ks} (van 100): de basis is nog te smal om te starten."),
            format!("Strength {rs} and risk {ks} (out of 100): the foundation is not yet strong enough to start."),
        ),
        (VerdictLevel::PreconditionsFirst, true) => lang.pick(
            format!("Kracht {rs} en risico {ks} (van 100): de basis onder de samenwerking is te smal. Stuur bij."),
            format!("Strength {rs} and risk {ks} (out of 100): the partnership’s foundation is too weak. Adjust course."),
        ),
        (_, false) => lang.pick(
            format!("Kracht {rs} en risico {ks} (van 100): de belemmeringen wegen zwaarder dan wat de samenwerking draagt."),
            format!("Strength {rs} and risk {ks} (out of 100): the hindrances outweigh what supports the partnership."),
        ),
        (_, true) => lang.pick(
            format!("Kracht {rs} en risico {ks} (van 100): de belemmeringen wegen zwaarder dan wat de samenwerking draagt."),
            format!("Strength {rs} and risk {ks} (out of 100): the hindrances outweigh what supports the partnership."),
        ),
    };
    Decision {
        level,
        reasons: vec![reason("base", text, Vec::new())],
    }
}

/// The underlying problem a red flag stands for: its §5 precondition, or
/// the factor itself. Two red flags of one problem count once.
fn problem(f: &FactorResult) -> String {
    match f.precondition {
        Some(p) => format!("{p:?}"),
        None => f.id.clone(),
    }
}

fn vetoes(input: &Inputs, lang: Lang, d: &mut Decision) {
    // A red flag in the look ahead is an expectation to arrange, not a
    // veto (rule `arrange-before-start`).
    let pooled: Vec<&FactorResult> = input
        .factors
        .iter()
        .filter(|f| f.red_flag && f.band == Some(Band::Concern) && !f.looking_ahead)
        .collect();
    // Red flags in concern within a municipality (groups): the weakest
    // partner decides, as if it were one respondent.
    let partner: Vec<(&PartnerFlag, &FactorResult)> = input
        .partners
        .iter()
        .filter_map(|p| {
            let f = input.factors.iter().find(|f| f.id == p.factor)?;
            (f.red_flag && !f.looking_ahead).then_some((p, f))
        })
        .collect();
    if pooled.is_empty() && partner.is_empty() {
        return;
    }
    let problems: BTreeSet<String> = pooled
        .iter()
        .map(|f| problem(f))
        .chain(partner.iter().map(|(_, f)| problem(f)))
        .collect();
    let extreme = pooled
        .iter()
        .any(|f| f.favourability.is_some_and(|v| v <= SEVERE_VETO_UPTO))
        || partner
            .iter()
            .any(|(p, _)| p.favourability <= SEVERE_VETO_UPTO);
    let severe = problems.len() >= 2 || extreme;
    let level = if severe {
        VerdictLevel::NotReady
    } else {
        VerdictLevel::PreconditionsFirst
    };
    let running = input.reading.running();
    if !pooled.is_empty() {
        let list = names(lang, &pooled);
        // One flag or more: "Rode vlag: ‘A’ scoort" / "Rode vlaggen: ‘A’, ‘B’ scoren".
        let (flag_nl, flag_en, scores_nl, scores_en) = if pooled.len() == 1 {
            ("Rode vlag", "Red flag", "scoort", "scores")
        } else {
            ("Rode vlaggen", "Red flags", "scoren", "score")
        };
        let text = match (severe, running) {
            (true, false) => lang.pick(
                format!("{flag_nl}: {list}. Dit raakt de randvoorwaarden van §5: noodzaak, vertrouwen en tijd. Dat blokkeert de samenwerking, ook als de rest goed scoort. Bespreek dit eerst openlijk met de partners."),
                format!("{flag_en}: {list}. This affects the basic preconditions in §5: necessity, trust and time. That blocks the partnership, even if the rest scores well. Discuss it openly with the partners first."),
            ),
            (true, true) => lang.pick(
                format!("{flag_nl}: {list}. Dit raakt de randvoorwaarden van §5: noodzaak, vertrouwen en tijd. Dat raakt de kern van de samenwerking, ook als de rest goed loopt. Bespreek dit eerst openlijk met de partners."),
                format!("{flag_en}: {list}. This affects the basic preconditions in §5: necessity, trust and time. That strikes at the heart of the partnership, even if the rest runs well. Discuss it openly with the partners first."),
            ),
            (false, _) => lang.pick(
                format!("{flag_nl}: {list} {scores_nl} zwak. Een rode vlag weegt zwaarder dan de gemiddelden: daardoor kan het oordeel niet positief zijn."),
                format!("{flag_en}: {list} {scores_en} low. A red flag outweighs the averages, so the verdict cannot be positive."),
            ),
        };
        let rule = if severe { "veto-severe" } else { "veto" };
        d.cap(level, reason(rule, text, ids(&pooled)));
    }
    // One reason per municipality, in the order the flags came (by place).
    let mut places: Vec<&str> = partner.iter().map(|(p, _)| p.place.as_str()).collect();
    places.dedup();
    for place in places {
        let here: Vec<&(&PartnerFlag, &FactorResult)> =
            partner.iter().filter(|(p, _)| p.place == place).collect();
        let list = here
            .iter()
            .map(|(p, f)| {
                format!(
                    "‘{}’ ({} {})",
                    f.name,
                    whole(p.favourability),
                    lang.pick("van 100", "out of 100")
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        let trust = here
            .iter()
            .any(|(_, f)| f.precondition == Some(Precondition::Vertrouwen));
        let (flag_nl, flag_en) = if here.len() == 1 {
            ("Rode vlag", "Red flag")
        } else {
            ("Rode vlaggen", "Red flags")
        };
        let mut text = lang.pick(
            format!("{flag_nl} bij de deelnemers uit {place}: {list}. Dat is een zorgpunt, ook als het gemiddelde van de hele groep beter is. §5 noemt noodzaak, vertrouwen en tijd als voorwaarden voor samenwerking. Daarom telt een zorgpunt in één gemeente mee."),
            format!("{flag_en} among the participants from {place}: {list}. That is a concern, even if the whole group’s average is better. §5 names necessity, trust and time as the preconditions for working together. So a concern in one municipality counts."),
        );
        if trust {
            text.push_str(lang.pick(
                " Het gaat om respect en vertrouwen over en weer (§8.2).",
                " This concerns mutual respect and trust (§8.2).",
            ));
        }
        text.push_str(lang.pick(
            " Bespreek dit eerst met alle partners.",
            " Discuss this with all partners first.",
        ));
        let factors = here.iter().map(|(_, f)| f.id.clone()).collect();
        d.cap(level, reason("veto-partner", text, factors));
    }
}

/// §6.3: "Als de meerwaarde van samenwerking niet duidelijk is en/of als
/// gemeenten of partners zelfstandig taken kunnen uitvoeren tegen gelijke
/// kosten, adviseren wij om hieraan niet te beginnen." Before the start
/// only: without necessity the advice is not "work on the preconditions"
/// (nobody can be told to create a need) but to question the idea itself.
fn no_reason(input: &Inputs, lang: Lang, d: &mut Decision) {
    if !input.reading.before_start() {
        return;
    }
    let Some(necessity) = input
        .factors
        .iter()
        .find(|f| f.precondition == Some(Precondition::Noodzaak) && !f.looking_ahead)
    else {
        return;
    };
    let level = input
        .instrument
        .urgency(input.context.urgency.as_deref())
        .map(|u| u.level);
    let not_needed = level == Some(URGENCY_NOT_NEEDED);
    let places: Vec<&str> = input
        .partners
        .iter()
        .filter(|p| p.factor == necessity.id)
        .map(|p| p.place.as_str())
        .collect();
    let name = &necessity.name;
    // Who says strengthening is needed soon (§8.1 point 1) while the
    // necessity is a concern has a necessity that is not shared: that is a
    // precondition to work on (the red flag), not a reason to stop.
    let short_term = level == Some(1);
    let why = if necessity.band == Some(Band::Concern) && !short_term {
        lang.pick(
            format!("‘{name}’ is een zorgpunt"),
            format!("‘{name}’ is a concern"),
        )
    } else if !places.is_empty() && !short_term {
        let list = lang.places(&places);
        lang.pick(
            format!("‘{name}’ is een zorgpunt in {list}"),
            format!("‘{name}’ is a concern in {list}"),
        )
    } else if not_needed && necessity.answered && necessity.band != Some(Band::Strength) {
        lang.pick(
            format!("u kunt uw taken nog lang zelf goed uitvoeren (§8.1), en ‘{name}’ is geen sterk punt"),
            format!("you can carry out your tasks well on your own for a long time to come (§8.1), and ‘{name}’ is not a strong point"),
        )
    } else {
        if not_needed && !necessity.answered {
            let text = lang.pick(
                format!("U kunt uw taken nog lang zelf goed uitvoeren (§8.1), en over ‘{name}’ is niets bekend. Begin alleen als duidelijk is wat samenwerken oplevert (§6.3)."),
                format!("You can carry out your tasks well on your own for a long time to come (§8.1), and nothing is known about ‘{name}’. Start only if it is clear what working together will achieve (§6.3)."),
            );
            d.cap(
                VerdictLevel::Promising,
                reason("urgency-low", text, vec![necessity.id.clone()]),
            );
        }
        return;
    };
    let text = lang.pick(
        format!("Er is nu geen duidelijke reden om te starten: {why}. Als de meerwaarde van samenwerken niet duidelijk is, of als een gemeente haar taken zelf kan uitvoeren tegen gelijke kosten, adviseert de literatuurscan om er niet aan te beginnen (§6.3). Bespreek eerst of het idee zelf klopt."),
        format!("There is no clear reason to start now: {why}. If the added value of working together is unclear, or a municipality can carry out its tasks itself at the same cost, the literature review advises against starting (§6.3). First discuss whether the idea itself is sound."),
    );
    d.cap(
        VerdictLevel::NoReasonToStart,
        reason("no-reason", text, vec![necessity.id.clone()]),
    );
}

fn preconditions(input: &Inputs, lang: Lang, d: &mut Decision) {
    let (Some(first), Some(phase)) = (input.instrument.phases.first(), input.phases.first()) else {
        return;
    };
    if phase.looking_ahead {
        return;
    }
    let weak: Vec<&FactorResult> = input
        .factors
        .iter()
        .filter(|f| f.phase == first.id && f.band == Some(Band::Concern))
        .collect();
    let low_readiness = phase.readiness.is_some_and(|r| r < PRECONDITIONS.0);
    let high_risk = phase.risk.is_some_and(|k| k > PRECONDITIONS.1);
    // Running, one concern in this phase is a point to steer on like any
    // other (rule `concerns`); the phase as a whole under pressure is more.
    let weak = if input.reading.running() {
        Vec::new()
    } else {
        weak
    };
    if weak.is_empty() && !low_readiness && !high_risk {
        return;
    }
    let name = &phase.name;
    let figure = |v: Option<f64>| v.map(whole).unwrap_or_else(|| "–".into());
    let detail = if weak.is_empty() {
        let (r, k) = (figure(phase.readiness), figure(phase.risk));
        lang.pick(
            format!("kracht {r} en risico {k} van 100"),
            format!("strength {r} and risk {k} out of 100"),
        )
    } else {
        let (nl, en) = if weak.len() == 1 {
            ("zorgpunt", "concern")
        } else {
            ("zorgpunten", "concerns")
        };
        lang.pick(
            format!("{nl}: {}", names(lang, &weak)),
            format!("{en}: {}", names(lang, &weak)),
        )
    };
    let text = if input.reading.running() {
        lang.pick(
            format!("De fase ‘{name}’ staat onder druk ({detail}). Ook een lopende samenwerking heeft deze randvoorwaarden nodig (§5)."),
            format!("The phase ‘{name}’ is under pressure ({detail}). A running partnership needs these preconditions too (§5)."),
        )
    } else {
        lang.pick(
            format!("De fase ‘{name}’ is nog niet op orde ({detail}). Volgens de literatuurscan komen deze randvoorwaarden eerst (§5)."),
            format!("The phase ‘{name}’ is not yet in order ({detail}). According to the literature review, these preconditions come first (§5)."),
        )
    };
    d.cap(
        VerdictLevel::PreconditionsFirst,
        reason("preconditions", text, ids(&weak)),
    );
}

/// §6.4: councils that are not involved start "vroeg of laat een politieke
/// discussie over nut en noodzaak". Returns whether the rule fired (its
/// factor is then not repeated among the other concerns).
fn councils(input: &Inputs, lang: Lang, d: &mut Decision) -> bool {
    let Some(f) = input
        .factors
        .iter()
        .find(|f| f.id == ids::COUNCILS && f.band == Some(Band::Concern) && !f.looking_ahead)
    else {
        return false;
    };
    let text = if input.reading.running() {
        lang.pick(
            "De gemeenteraden zijn nog weinig betrokken bij de samenwerking. Zonder betrokken raden ontstaat vroeg of laat een politieke discussie over nut en noodzaak (§6.4). Spreek vaste momenten af waarop de raden meepraten over doelen en resultaten.".to_string(),
            "The councils have had little involvement in the partnership so far. Without involved councils a political debate about whether it is worthwhile at all will arise sooner or later (§6.4). Agree on set times at which the councils discuss goals and results.".to_string(),
        )
    } else {
        let mut text = lang
            .pick(
                "De gemeenteraden zijn nog weinig betrokken. Zonder betrokken raden ontstaat vroeg of laat een politieke discussie over nut en noodzaak (§6.4). Betrek de raden voordat de belangrijke keuzes vallen.",
                "The councils have had little involvement so far. Without involved councils a political debate about whether it is worthwhile at all will arise sooner or later (§6.4). Involve the councils before the important choices are made.",
            )
            .to_string();
        let kind = input
            .context
            .form
            .as_deref()
            .and_then(|id| input.instrument.form(id))
            .and_then(|f| f.kind);
        let formal = match kind {
            Some(FormKind::BestuurlijkeFusie) => Some(lang.pick(
                " Bij een herindeling zetten de raden de eerste stap: zij stellen het herindelingsontwerp vast, dat acht weken ter inzage ligt. De wetgever beslist (Wet algemene regels herindeling).",
                " In a municipal merger the councils take the first step: they adopt the draft reorganisation plan (herindelingsontwerp), which is available for public inspection for eight weeks. Parliament decides (Wet algemene regels herindeling).",
            )),
            Some(kind) if kind.is_regeling() => Some(lang.pick(
                " Voor een gemeenschappelijke regeling geven de raden eerst hun zienswijze, en daarna hebben de colleges de toestemming van elke gemeenteraad nodig (Wgr, artikel 1).",
                " For a joint arrangement (gemeenschappelijke regeling) the councils first give their views, and after that the executive boards need the consent of every council (Wgr, article 1).",
            )),
            _ => None,
        };
        text.push_str(formal.unwrap_or(""));
        text
    };
    d.cap(
        VerdictLevel::Promising,
        reason("councils", text, vec![f.id.clone()]),
    );
    true
}

fn concerns(input: &Inputs, lang: Lang, d: &mut Decision, councils: bool) {
    let weak: Vec<&FactorResult> = input
        .factors
        .iter()
        .filter(|f| f.band == Some(Band::Concern) && !f.red_flag && !f.looking_ahead)
        .filter(|f| !(councils && f.id == ids::COUNCILS))
        .collect();
    if weak.is_empty() {
        return;
    }
    // Factors another reason already names (a red flag, a weak phase) are
    // not repeated here; the cap still rests on all of them.
    let named: Vec<&str> = d
        .reasons
        .iter()
        .flat_map(|r| r.factors.iter().map(String::as_str))
        .collect();
    let fresh: Vec<&FactorResult> = weak
        .iter()
        .copied()
        .filter(|f| !named.contains(&f.id.as_str()))
        .collect();
    let listed = if fresh.is_empty() { &weak } else { &fresh };
    let list = names(lang, listed);
    let (is_nl, is_en) = if listed.len() == 1 {
        ("is een zorgpunt", "is a concern")
    } else {
        ("zijn zorgpunten", "are concerns")
    };
    let text = match (d.level == VerdictLevel::Ready, input.reading.running()) {
        (true, false) => lang.pick(
            format!(
                "{list} {is_nl}. Daarom is het oordeel hooguit ‘Kansrijk, met aandachtspunten’."
            ),
            format!("{list} {is_en}. So the verdict is at most ‘Promising, with points to watch’."),
        ),
        (true, true) => lang.pick(
            format!("{list} {is_nl}. Daarom is het oordeel hooguit ‘Loopt, met aandachtspunten’."),
            format!("{list} {is_en}. So the verdict is at most ‘Running, with points to watch’."),
        ),
        _ => lang.pick(format!("{list} {is_nl}."), format!("{list} {is_en}.")),
    };
    d.cap(
        VerdictLevel::Promising,
        reason("concerns", text, ids(&weak)),
    );
}

/// Before the start, concerns in the look ahead are points to arrange in the
/// plans: they keep the verdict from "ready to start" (not yet arranged) but
/// never lower it further (§8.3: "Richt deze activiteiten niet
/// alleen op de voorbereiding van de nieuwe organisatie, maar ook op het
/// functioneren ervan na de start").
fn before_start(input: &Inputs, lang: Lang, d: &mut Decision) {
    let ahead: Vec<&FactorResult> = input
        .factors
        .iter()
        .filter(|f| f.looking_ahead && f.band == Some(Band::Concern))
        .collect();
    if ahead.is_empty() {
        return;
    }
    // Something still to arrange before the start means "not ready to
    // start yet": at most promising, never lower (it is an expectation).
    let promising = d.level.rank() >= VerdictLevel::Promising.rank();
    let mut text = lang.pick(
        format!("Regel vóór de start: {}. Uw vooruitblik op de samenwerking zoals die straks draait, laat hier zorgen zien. Dat hoort in de plannen voor de inrichting (§8.3, §8.4).", names(lang, &ahead)),
        format!("Arrange before the start: {}. Your expectations for the partnership once it is running show concerns here. These belong in the set-up plans (§8.3, §8.4).", names(lang, &ahead)),
    );
    if promising {
        text.push_str(lang.pick(
            if ahead.len() == 1 {
                " Zolang het niet geregeld is, bent u nog niet klaar om te starten."
            } else {
                " Zolang die niet geregeld zijn, bent u nog niet klaar om te starten."
            },
            " Until this is settled, you are not yet ready to start.",
        ));
    }
    let reason = reason("arrange-before-start", text, ids(&ahead));
    if promising {
        d.cap(VerdictLevel::Promising, reason);
    } else {
        d.reasons.push(reason);
    }
}

fn unanswered_red_flags(input: &Inputs, lang: Lang, d: &mut Decision) {
    let open: Vec<&FactorResult> = input
        .factors
        .iter()
        .filter(|f| f.red_flag && !f.answered && !f.looking_ahead)
        .collect();
    if open.is_empty() {
        return;
    }
    let text = if input.reading.running() {
        lang.pick(
            format!("Over {} is niets bekend. Dat is een mogelijke rode vlag. Zonder antwoord kan de samenwerking niet het oordeel ‘Loopt goed’ krijgen.", names(lang, &open)),
            format!("Nothing is known about {}. That is a potential red flag. Without an answer the partnership cannot get the verdict ‘Running well’.", names(lang, &open)),
        )
    } else {
        lang.pick(
            format!("Over {} is niets bekend. Dat is een mogelijke rode vlag. Zonder antwoord kan de samenwerking niet het oordeel ‘Klaar om te starten’ krijgen.", names(lang, &open)),
            format!("Nothing is known about {}. That is a potential red flag. Without an answer the partnership cannot get the verdict ‘Ready to start’.", names(lang, &open)),
        )
    };
    d.cap(
        VerdictLevel::Promising,
        reason("red-flag-unanswered", text, ids(&open)),
    );
}

/// The information rules: their reasons, and whether they block a verdict.
/// "many-unknown" alone only informs; it blocks through the coverage rules.
/// Phases answered as a look ahead are not needed (the coverage passed in
/// leaves them out already).
fn information(input: &Inputs, lang: Lang) -> (Vec<Reason>, bool) {
    let mut out = Vec::new();
    let c = input.coverage;
    let pct = crate::numbers::percent;
    if c.ratio < MIN_COVERAGE {
        out.push(reason(
            "coverage-low",
            lang.pick(
                format!("Pas {} van de {} stellingen zijn beantwoord ({}). Voor een oordeel is minstens {} nodig.", c.answered, c.statements, pct(c.ratio), pct(MIN_COVERAGE)),
                format!("Only {} of the {} statements were answered ({}). A verdict needs at least {}.", c.answered, c.statements, pct(c.ratio), pct(MIN_COVERAGE)),
            ),
            Vec::new(),
        ));
    }
    if c.statements > 0 && c.unknown as f64 / c.statements as f64 >= MANY_UNKNOWN {
        out.push(reason(
            "many-unknown",
            lang.pick(
                format!("Bij {} stellingen is ‘weet ik niet / niet van toepassing’ gekozen. Zoek eerst uit hoe het zit, bijvoorbeeld met een zelfanalyse (§8.1).", c.unknown),
                format!("‘Don’t know / not applicable’ was chosen for {} statements. Find out the facts first, for example with a self-assessment (§8.1).", c.unknown),
            ),
            Vec::new(),
        ));
    }
    for phase in input.phases.iter().filter(|p| !p.looking_ahead) {
        if phase.coverage.statements > 0
            && phase.coverage.ratio < MIN_PHASE_COVERAGE
            && c.ratio >= MIN_COVERAGE
        {
            out.push(reason(
                "phase-coverage-low",
                lang.pick(
                    format!(
                        "Van de fase ‘{}’ is maar {} beantwoord; minstens {} is nodig.",
                        phase.name,
                        pct(phase.coverage.ratio),
                        pct(MIN_PHASE_COVERAGE)
                    ),
                    format!(
                        "Only {} of the statements in the phase ‘{}’ were answered; at least {} is needed.",
                        pct(phase.coverage.ratio),
                        phase.name,
                        pct(MIN_PHASE_COVERAGE)
                    ),
                ),
                Vec::new(),
            ));
        }
    }
    let has = |p: Polarity| {
        input
            .factors
            .iter()
            .any(|f| f.polarity == p && !f.looking_ahead)
    };
    if (input.readiness.is_none() && has(Polarity::Promoting))
        || (input.risk.is_none() && has(Polarity::Hindering))
    {
        out.push(reason(
            "polarity-unanswered",
            lang.pick(
                "Van de factoren die helpen óf van de factoren die in de weg staan is nog niets beantwoord. Voor een oordeel zijn beide nodig.".to_string(),
                "The factors that help, or those that stand in the way, have no answers yet. A verdict needs both.".to_string(),
            ),
            Vec::new(),
        ));
    }
    // Before the start the look ahead does not count; say so when it was
    // left open, so that nobody reads the silence as "no worries".
    for phase in input.phases.iter().filter(|p| p.looking_ahead) {
        if phase.coverage.statements > 0 && phase.coverage.answered == 0 {
            out.push(reason(
                "look-ahead-open",
                lang.pick(
                    format!("De vooruitblik op de fase ‘{}’ is niet ingevuld. Dat telt niet mee in het oordeel; bespreek deze punten wel voordat u de samenwerking inricht (§8.4).", phase.name),
                    format!("The look-ahead statements for the phase ‘{}’ were not answered. It does not count towards the verdict; do discuss these points before you set up the partnership (§8.4).", phase.name),
                ),
                Vec::new(),
            ));
        }
    }
    let blocking = out
        .iter()
        .any(|r| !matches!(r.rule.as_str(), "many-unknown" | "look-ahead-open"));
    (out, blocking)
}
