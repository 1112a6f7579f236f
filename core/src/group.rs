//! Many respondents → one group report: a pooled verdict, per factor the
//! spread and consensus, and differences between municipalities and roles.
//!
//! A large gap between partners is itself a risk signal (cf. table 3:
//! ‘verschillende belangen en oriëntaties’, ‘voorlopers en achterblijvers’).
//! Small groups are protected: below `min_group_size` respondents no
//! distribution, spread or subgroup figure is shown.

use crate::answers::{Answers, Context, Notice, Partner, Role};
use crate::answers::{StatementIndex, UNKNOWN_CODE};
use crate::disclosure;
use crate::evaluate::{build_report, GroupRules};
use crate::instrument::Instrument;
use crate::report::{Reason, Report, Signal, VerdictLevel};
use crate::score::{favourability, mean, score_codes, std_dev, Band, FactorScore};
use crate::stage::{Reading, Stage};
use crate::text::{whole, Lang};
use crate::verdict::{Cap, PartnerFlag};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// How [`aggregate`] treats a group: the anonymity minimum and the gap
/// threshold. In JSON either field may be left out (defaults 3 and 25).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GroupOptions {
    /// Fewer respondents than this: no distribution or subgroup figures (anonymity).
    pub min_group_size: usize,
    /// A difference in mean favourability between subgroups from which it is a risk signal.
    pub gap_threshold: f64,
}

impl Default for GroupOptions {
    fn default() -> Self {
        GroupOptions {
            min_group_size: 3,
            gap_threshold: 25.0,
        }
    }
}

impl GroupOptions {
    /// Options from values people give (a CLI flag, a JS option): `None`
    /// keeps the default (3 respondents; 25 points on the 0–100 index).
    ///
    /// # Errors
    ///
    /// [`OptionError::MinGroupSize`] unless the minimum is a whole number
    /// from 1 (to 10⁹); [`OptionError::GapThreshold`] unless the threshold
    /// is a number from 0 to 100.
    pub fn checked(
        min_group_size: Option<f64>,
        gap_threshold: Option<f64>,
    ) -> Result<GroupOptions, OptionError> {
        let mut options = GroupOptions::default();
        if let Some(n) = min_group_size {
            if !(n >= 1.0 && n.fract() == 0.0 && n <= 1e9) {
                return Err(OptionError::MinGroupSize);
            }
            options.min_group_size = n as usize;
        }
        if let Some(x) = gap_threshold {
            if !(0.0..=100.0).contains(&x) {
                return Err(OptionError::GapThreshold);
            }
            options.gap_threshold = x;
        }
        Ok(options)
    }
}

/// A group option out of its range (see [`GroupOptions::checked`]). Its
/// `Display` says what is expected, in English, without the option's name
/// (each front end names it as its users write it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionError {
    /// The anonymity minimum is not a whole number of at least 1.
    MinGroupSize,
    /// The gap threshold is not a number from 0 to 100.
    GapThreshold,
}

impl std::fmt::Display for OptionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            OptionError::MinGroupSize => "must be a whole number of at least 1",
            OptionError::GapThreshold => "must be a number from 0 to 100",
        })
    }
}

impl std::error::Error for OptionError {}

/// Standard deviation (0–100 scale) up to which agreement is high.
pub const CONSENSUS_HIGH_UPTO: f64 = 15.0;
/// Standard deviation (0–100 scale) up to which agreement is medium; above
/// it, low.
pub const CONSENSUS_MEDIUM_UPTO: f64 = 25.0;
/// A range this wide (e.g. "oneens" next to "eens" and more) is a discussion point.
pub const DISCUSSION_RANGE_FROM: f64 = 75.0;

/// How much a group (or a workshop room) agrees on a factor, from the
/// standard deviation of its figures on 0–100 (SCORING.md §8). In JSON:
/// `"high"`, `"medium"` or `"low"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Consensus {
    /// Standard deviation up to [`CONSENSUS_HIGH_UPTO`] (15).
    High,
    /// Standard deviation up to [`CONSENSUS_MEDIUM_UPTO`] (25).
    Medium,
    /// A larger spread: the factor is a discussion point.
    Low,
}

impl Consensus {
    /// How much the group agrees, as one word after "Eensgezindheid" /
    /// "Consensus" (GLOSSARY): groot, redelijk, klein.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Consensus::High => lang.pick("groot", "high"),
            Consensus::Medium => lang.pick("redelijk", "moderate"),
            Consensus::Low => lang.pick("klein", "low"),
        }
    }
}

/// Agreement from the spread (standard deviation on 0–100) of a group's answers.
pub(crate) fn consensus_of(std_dev: f64) -> Consensus {
    if std_dev <= CONSENSUS_HIGH_UPTO {
        Consensus::High
    } else if std_dev <= CONSENSUS_MEDIUM_UPTO {
        Consensus::Medium
    } else {
        Consensus::Low
    }
}

/// Many respondents as one group (SCORING.md §8), as [`aggregate`] returns
/// it. Figures resting on fewer respondents than the anonymity minimum are
/// withheld (`None`, or a row with `shown: false`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupReport {
    /// How many respondents the group holds.
    pub respondents: usize,
    /// The anonymity minimum used (at least 1).
    pub min_group_size: usize,
    /// The verdict and everything else, from the respondents' mean scores,
    /// through the rules for one respondent plus the group rules
    /// (`veto-partner`, `gap-municipalities`, `gap-roles`, the signal
    /// `urgency-differs`).
    pub report: Report,
    /// Per factor, in instrument order: spread, consensus and the people per
    /// scale point.
    pub factors: Vec<GroupFactor>,
    /// One row per municipality (spellings grouped by [`name_key`]), in key
    /// order, then the merged row when disclosure control made one.
    pub municipalities: Vec<Subgroup>,
    /// One row per role given, in order of role id, then the merged row
    /// when disclosure control made one.
    pub roles: Vec<Subgroup>,
    /// Factors on which municipalities differ by at least
    /// [`GroupOptions::gap_threshold`], largest gap first (rule
    /// `gap-municipalities`).
    pub municipality_gaps: Vec<Gap>,
    /// Factors on which roles differ by at least
    /// [`GroupOptions::gap_threshold`], largest gap first (rule `gap-roles`).
    pub role_gaps: Vec<Gap>,
    /// Factors with strong disagreement (low consensus, a wide range, or a
    /// red flag on which the municipalities differ): talk about these.
    /// Factor ids, in instrument order.
    pub discussion_points: Vec<String>,
    /// How small subgroups were protected (disclosure control), in words;
    /// empty when nothing had to be merged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disclosure: Vec<String>,
}

/// One factor across a group's respondents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupFactor {
    /// The factor id.
    pub id: String,
    /// The factor's name in the report's language.
    pub name: String,
    /// Respondents who answered at least one statement of the factor on the
    /// scale.
    pub n: usize,
    /// Mean favourability 0–100 (higher is better); `None` when `n` is below
    /// the anonymity minimum.
    pub mean: Option<f64>,
    /// Population standard deviation of the respondents' favourability, in
    /// points on 0–100; `None` below the minimum.
    pub std_dev: Option<f64>,
    /// The lowest respondent's favourability 0–100; `None` below the minimum.
    pub min: Option<f64>,
    /// The highest respondent's favourability 0–100; `None` below the minimum.
    pub max: Option<f64>,
    /// People per scale point (index 0 = point 1): each respondent once, at
    /// their own point for the factor by the factor's rule (the rounded
    /// mean of their answers, or their least favourable answer for a
    /// `Combine::Worst` factor; `person_point`), so the counts add up to `n` (hidden
    /// below the anonymity minimum). People, not answers: a workshop room
    /// reads it next to its own votes (issue 17).
    pub distribution: Option<Vec<u32>>,
    /// People who answered the factor's statements only with "don't know".
    pub unknown: u32,
    /// Agreement from `std_dev`; `None` below the minimum or with fewer than
    /// two answers.
    pub consensus: Option<Consensus>,
    /// A discussion point: low consensus, a range (`max − min`) of at least
    /// [`DISCUSSION_RANGE_FROM`] (75), or a red flag on which the
    /// municipalities differ. Never below the minimum.
    pub discussion: bool,
}

/// One municipality or role of a group, or the merged row (key `overige`) that
/// disclosure control makes (see [`aggregate`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Subgroup {
    /// The normalised name ([`name_key`]) or role id; `"overige"` for the
    /// row of merged subgroups.
    pub key: String,
    /// The most common spelling among the respondents (ties: one with
    /// lower-case letters before one in capitals, then the first in
    /// code-point order), or "A en B samen" ("A and B together") for the
    /// merged row.
    pub label: String,
    /// Respondents in this row, whether or not they answered a given factor.
    pub n: usize,
    /// False when figures are withheld: `n` is below the anonymity minimum,
    /// or the subgroup is counted in the merged row (`in_other`).
    pub shown: bool,
    /// Counted in the merged row instead of on its own.
    #[serde(default, skip_serializing_if = "is_false")]
    pub in_other: bool,
    /// Strength of this row (JSON `readiness`): the weighted mean 0–100 of
    /// its factor figures that may be shown on promoting factors, before the
    /// start without the look ahead; `None` when the row is not shown or has
    /// no such figure.
    pub readiness: Option<f64>,
    /// Risk of this row: the same over the hindering factors (higher is
    /// worse).
    pub risk: Option<f64>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// A factor on which subgroups (municipalities, or roles) differ by at
/// least [`GroupOptions::gap_threshold`] points (SCORING.md §8), from the
/// figures that may be shown; the merged row never takes part.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Gap {
    /// The factor id.
    pub factor: String,
    /// The factor's name in the report's language.
    pub factor_name: String,
    /// The factor is a red flag: municipalities that differ on it make it a
    /// discussion point and keep the verdict at most "promising".
    pub red_flag: bool,
    /// Largest minus smallest subgroup mean favourability, in points 0–100.
    pub gap: f64,
    /// Each subgroup's figure on the factor, in row order.
    pub groups: Vec<SubgroupMean>,
}

/// One subgroup's figure on one factor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SubgroupMean {
    /// The row's key (see [`Subgroup::key`]).
    pub key: String,
    /// The subgroup as the report shows it (see [`Subgroup::label`]).
    pub label: String,
    /// The row's respondents who answered the factor on the scale (at least
    /// the anonymity minimum).
    pub n: usize,
    /// Their mean favourability 0–100 (higher is better).
    pub mean: f64,
}

/// Aggregates respondents into a group report. The result does not depend
/// on the order of `respondents`.
pub fn aggregate(
    instrument: &Instrument,
    respondents: &[Answers],
    options: &GroupOptions,
    lang: Lang,
) -> GroupReport {
    let m = lang;
    let min = options.min_group_size.max(1);
    // Each respondent is read once into response codes, all in one flat
    // table (a row per respondent, see `StatementIndex`); the factor scores
    // made from them are kept per factor (`ScoreTable`), which is how the
    // statistics below walk them.
    let index = StatementIndex::new(instrument);
    let statements: usize = instrument.factors.iter().map(|f| f.statements.len()).sum();
    let mut codes = vec![0u8; respondents.len() * statements];
    // Whether each respondent's responses were all used (no notices to look for).
    let all_used: Vec<bool> = respondents
        .iter()
        .enumerate()
        .map(|(p, answers)| {
            index.write_codes(answers, &mut codes[p * statements..(p + 1) * statements])
        })
        .collect();
    let row = |p: usize| &codes[p * statements..(p + 1) * statements];
    let per_person = ScoreTable::new(
        instrument.factors.len(),
        (0..respondents.len()).map(|p| score_codes(instrument, row(p))),
    );
    let max = instrument.scale_max();
    let mut offsets = Vec::with_capacity(instrument.factors.len());
    let mut at = 0;
    for factor in &instrument.factors {
        offsets.push(at);
        at += factor.statements.len();
    }

    let mut pooled: Vec<FactorScore> = (0..instrument.factors.len())
        .map(|i| pool(per_person.factor(i).iter()))
        .collect();
    // A group large enough to promise anonymity does not show (or use) a
    // factor that fewer than the minimum answered: its figure would be
    // those few people's answers. (A smaller group is told so instead.)
    if respondents.len() >= min {
        for (i, score) in pooled.iter_mut().enumerate() {
            let people = per_person
                .factor(i)
                .iter()
                .filter(|s| s.score.is_some())
                .count();
            if (1..min).contains(&people) {
                score.score = None;
                score.missing += score.answered;
                score.answered = 0;
            }
        }
    }
    let context = merge_contexts(respondents.iter().map(|a| &a.context));
    let reading = Reading::of(context.known_stage());
    // Before the start the look ahead is left out of every index, as in the
    // group's own report.
    let counted: Vec<bool> = instrument
        .factors
        .iter()
        .map(|f| {
            !(reading.before_start() && instrument.phase(&f.phase).is_some_and(|p| p.after_start))
        })
        .collect();

    let factors: Vec<GroupFactor> = instrument
        .factors
        .iter()
        .enumerate()
        .map(|(i, factor)| {
            let favs: Vec<f64> = per_person
                .factor(i)
                .iter()
                .filter_map(|s| s.favourability(factor.polarity))
                .collect();
            // People, not answers (issue 17): each respondent counts once,
            // at their own point for the factor (`person_point`); someone who
            // answered only "weet niet" counts once under unknown.
            let mut distribution = vec![0u32; usize::from(max)];
            let mut unknown = 0;
            let own = offsets[i]..offsets[i] + factor.statements.len();
            for p in 0..respondents.len() {
                let codes = &row(p)[own.clone()];
                let points: Vec<u8> = codes
                    .iter()
                    .copied()
                    .filter(|&c| c != 0 && c != UNKNOWN_CODE)
                    .collect();
                match person_point(&points, factor.combine, factor.polarity) {
                    Some(point) => {
                        if let Some(slot) = distribution.get_mut(usize::from(point) - 1) {
                            *slot += 1;
                        }
                    }
                    None if codes.contains(&UNKNOWN_CODE) => unknown += 1,
                    None => {}
                }
            }
            let n = favs.len();
            let shown = n >= min;
            let sd = std_dev(&favs);
            let lo = favs.iter().copied().reduce(f64::min);
            let hi = favs.iter().copied().reduce(f64::max);
            let range = hi.zip(lo).map(|(h, l)| h - l);
            let consensus = sd.filter(|_| n >= 2).map(consensus_of);
            let discussion = n >= 2
                && (consensus == Some(Consensus::Low)
                    || range.is_some_and(|r| r >= DISCUSSION_RANGE_FROM));
            GroupFactor {
                id: factor.id.clone(),
                name: factor.name.get(lang).to_string(),
                n,
                mean: mean(&favs).filter(|_| shown),
                std_dev: sd.filter(|_| shown),
                min: lo.filter(|_| shown),
                max: hi.filter(|_| shown),
                distribution: shown.then_some(distribution),
                unknown,
                consensus: consensus.filter(|_| shown),
                discussion: discussion && shown,
            }
        })
        .collect();

    let by_municipality = split(respondents, |a| a.respondent.municipality.as_deref());
    let by_role = split(respondents, |a| a.respondent.role.map(|r| r.label(lang)));
    // Roles are keyed by id, not by their label.
    let by_role = Split {
        groups: by_role
            .groups
            .into_values()
            .map(|group| {
                let role = respondents[group.members[0]].respondent.role;
                (role.map(|r| r.id().to_string()).unwrap_or_default(), group)
            })
            .collect(),
        unassigned: by_role.unassigned,
    };
    let mut disclosure = Vec::new();
    let (municipality_parts, note) = protect(
        by_municipality,
        min,
        &Words {
            roles: false,
            lang,
            unnamed: m.pick("wie geen gemeente opgaf", "those who gave no municipality"),
        },
        m,
    );
    disclosure.extend(note);
    let (role_parts, note) = protect(
        by_role,
        min,
        &Words {
            roles: true,
            lang,
            unnamed: m.pick("wie geen rol opgaf", "those who gave no role"),
        },
        m,
    );
    disclosure.extend(note);
    // Figures per factor and row, each checked (see `figures`).
    let mut municipality_figures = Vec::with_capacity(instrument.factors.len());
    let mut role_figures = Vec::with_capacity(instrument.factors.len());
    let mut crossed = BTreeSet::new();
    let place_of = Membership::new(respondents.len(), &municipality_parts);
    let role_of = Membership::new(respondents.len(), &role_parts);
    for i in 0..instrument.factors.len() {
        let mut by_place = figures(instrument, &per_person, &municipality_parts, i, min);
        let mut by_role = figures(instrument, &per_person, &role_parts, i, min);
        audit(
            &per_person,
            i,
            min,
            (&place_of, &mut by_place),
            (&role_of, &mut by_role),
        );
        for f in by_role.iter().filter(|f| f.crossed) {
            crossed.insert(f.key.clone());
        }
        municipality_figures.push(by_place);
        role_figures.push(by_role);
    }
    if !crossed.is_empty() {
        let names: Vec<String> = role_parts
            .iter()
            .filter(|p| crossed.contains(&p.key))
            .map(|p| p.label.clone())
            .collect();
        let list = m.listing(&names);
        disclosure.push(m.pick(
            format!("Bij {list} ontbreken cijfers voor sommige factoren: naast de cijfers per gemeente zouden ze iets verraden over minder dan {min} mensen."),
            format!("For {list} some factors have no figures: alongside the figures per municipality, they would reveal information about fewer than {min} people."),
        ));
    }
    let municipalities = subgroups(
        instrument,
        &municipality_parts,
        &municipality_figures,
        &counted,
    );
    let roles = subgroups(instrument, &role_parts, &role_figures, &counted);
    let municipality_gaps = gaps(
        instrument,
        &municipality_figures,
        options.gap_threshold,
        lang,
    );
    let role_gaps = gaps(instrument, &role_figures, options.gap_threshold, lang);

    let mut rules = GroupRules {
        partners: partner_flags(instrument, &municipality_figures),
        ..GroupRules::default()
    };
    if !municipality_gaps.is_empty() {
        let list = gap_details(&municipality_gaps);
        let flags = municipality_gaps.iter().filter(|g| g.red_flag).count();
        let flagged = flags > 0;
        let t = whole(options.gap_threshold);
        let mut text = m.pick(
            format!("De deelnemers uit de gemeenten verschillen {t} punten of meer op {list} (0 tot 100, hoger is gunstiger)."),
            format!("The participants from the municipalities differ by {t} points or more on {list} (0 to 100, higher is more favourable)."),
        );
        text.push_str(&match flags {
            0 => m.pick(
                " Bespreek samen waar het verschil vandaan komt. Partners moeten open zijn over hun wensen, behoeften en belangen (§8.2).".to_string(),
                " Discuss together where the difference comes from. Partners need to be open about their wishes, needs and interests (§8.2).".to_string(),
            ),
            1 => m.pick(
                " Er zit een rode vlag bij: die moet bij elke gemeente in orde zijn (§5). Bespreek samen waar het verschil vandaan komt.".to_string(),
                " A red flag is among them: it must be in order in every municipality (§5). Discuss together where the difference comes from.".to_string(),
            ),
            n => m.pick(
                format!(" Er zitten {n} rode vlaggen bij: die moeten bij elke gemeente in orde zijn (§5). Bespreek samen waar het verschil vandaan komt."),
                format!(" {n} red flags are among them: they must be in order in every municipality (§5). Discuss together where the difference comes from."),
            ),
        });
        let reason = Reason {
            rule: "gap-municipalities".into(),
            text,
            factors: municipality_gaps.iter().map(|g| g.factor.clone()).collect(),
        };
        let level = if flagged || municipality_gaps.len() >= 3 {
            VerdictLevel::Promising
        } else {
            VerdictLevel::Ready
        };
        rules.caps.push(Cap { level, reason });
    }
    if !role_gaps.is_empty() {
        let list = gap_details(&role_gaps);
        let text = m.pick(
            format!("Bestuurders, raadsleden en ambtenaren verschillen sterk op {list} (0 tot 100, hoger is gunstiger). Werk aan draagvlak in alle lagen (§5, tabel 4)."),
            format!("Executives, council members and officials differ greatly on {list} (0 to 100, higher is more favourable). Build support at every level (§5, table 4)."),
        );
        rules.caps.push(Cap {
            level: VerdictLevel::Ready,
            reason: Reason {
                rule: "gap-roles".into(),
                text,
                factors: role_gaps.iter().map(|g| g.factor.clone()).collect(),
            },
        });
    }

    let mut report = build_report(
        instrument,
        &pooled,
        &context,
        lang,
        group_notices(instrument, respondents, &all_used, &index),
        rules,
    );
    report.signals.extend(urgency_differs(
        instrument,
        respondents,
        &municipality_parts,
        min,
        lang,
    ));
    // A red flag on which the municipalities differ is always worth the
    // conversation, whatever the spread of the whole group.
    let mut factors = factors;
    for f in factors.iter_mut() {
        if municipality_gaps
            .iter()
            .any(|g| g.red_flag && g.factor == f.id)
        {
            f.discussion = true;
        }
    }
    let discussion_points = factors
        .iter()
        .filter(|f| f.discussion)
        .map(|f| f.id.clone())
        .collect();
    GroupReport {
        respondents: respondents.len(),
        min_group_size: min,
        report,
        factors,
        municipalities,
        roles,
        municipality_gaps,
        role_gaps,
        discussion_points,
        disclosure,
    }
}

/// One respondent's own point for a factor on the answer scale (1 = fully
/// disagree … max = fully agree), from their `points` for its statements
/// ("weet niet" left out), by the factor's own rule (SCORING.md): for
/// `Combine::Mean` the mean, rounded to the nearest point with a tie going
/// to the less favourable side (down for a promoting factor, up for a
/// hindering one); for `Combine::Worst` the least favourable answer (the
/// lowest for promoting, the highest for hindering), since "5" and "1" are
/// not a "3" there. `None` without points.
fn person_point(
    points: &[u8],
    combine: crate::instrument::Combine,
    polarity: crate::instrument::Polarity,
) -> Option<u8> {
    use crate::instrument::{Combine, Polarity};
    let promoting = polarity == Polarity::Promoting;
    match combine {
        Combine::Worst if promoting => points.iter().copied().min(),
        Combine::Worst => points.iter().copied().max(),
        Combine::Mean => {
            let sum = points.iter().map(|&p| u32::from(p)).sum::<u32>();
            let n = points.len() as u32;
            if n == 0 {
                return None;
            }
            // Nearest point: ties down for promoting, up for hindering.
            let point = if promoting {
                (2 * sum + n - 1) / (2 * n)
            } else {
                (2 * sum + n) / (2 * n)
            };
            u8::try_from(point).ok()
        }
    }
}

/// The group's factor score: the mean of the respondents' factor scores
/// (each respondent counts once, however many statements they answered).
fn pool<'a>(scores: impl Iterator<Item = &'a FactorScore>) -> FactorScore {
    let mut values = Vec::new();
    let (mut answered, mut unknown, mut missing) = (0, 0, 0);
    for s in scores {
        values.extend(s.score);
        answered += s.answered;
        unknown += s.unknown;
        missing += s.missing;
    }
    FactorScore {
        score: mean(&values),
        answered,
        unknown,
        missing,
    }
}

/// The key that groups spellings of one name: case, accents (composed or
/// combining), apostrophe and dash variants, surrounding or repeated spaces
/// and a full stop, comma, colon or semicolon at the end do not matter.
/// "’s-Hertogenbosch", "'s-hertogenbosch " and "'S-HERTOGENBOSCH" are one
/// municipality; so are "Súdwest-Fryslân" and "Sudwest-Fryslan" typed on a
/// phone without accents.
///
/// ```
/// use samenwerkingsscan::name_key;
/// assert_eq!(name_key("’s-Hertogenbosch"), name_key(" 's-hertogenbosch"));
/// assert_eq!(name_key("Súdwest-Fryslân"), name_key("Sudwest–Fryslan"));
/// assert_eq!(name_key("  Mook en   Middelaar "), "mook en middelaar");
/// assert_eq!(name_key("Sude\u{0301}"), name_key("Sudé"));
/// ```
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    name_key_into(name, &mut out);
    out
}

/// Punctuation at the end of a name ("Druten.", "Wijchen,") is a typing
/// habit, not part of the name.
fn trim_end_punctuation(key: &mut String) {
    while key.ends_with(['.', ',', ';', ':']) || key.ends_with(' ') {
        key.pop();
    }
}

/// As [`name_key`], into `out` (cleared first): groups of thousands of
/// respondents reuse one buffer instead of allocating a key each.
fn name_key_into(name: &str, out: &mut String) {
    out.clear();
    let mut space = false;
    for c in name.chars() {
        let folded: &str = match c {
            // Combining diacritical marks, zero-width characters, byte-order
            // marks and soft hyphens: dropped (the base letter stays).
            '\u{0300}'..='\u{036F}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'
            | '\u{FEFF}'
            | '\u{00AD}' => continue,
            '’' | '‘' | 'ʼ' | 'ʻ' | '`' | '´' | '′' | '‛' | '＇' => "'",
            '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '﹣' | '－' => "-",
            // Fullwidth forms (some phone keyboards): their ASCII letter.
            '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
                let ascii = char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
                out.push(ascii.to_ascii_lowercase());
                continue;
            }
            'İ' | 'ı' => "i",
            'ŷ' | 'Ŷ' => "y",
            'ŵ' | 'Ŵ' => "w",
            'à'..='å' | 'À'..='Å' | 'ā' | 'Ā' => "a",
            'ç' | 'Ç' => "c",
            'è'..='ë' | 'È'..='Ë' | 'ē' | 'Ē' => "e",
            'ì'..='ï' | 'Ì'..='Ï' => "i",
            'ĳ' | 'Ĳ' => "ij",
            'ñ' | 'Ñ' => "n",
            'ò'..='ö' | 'ø' | 'Ò'..='Ö' | 'Ø' => "o",
            'ù'..='ü' | 'Ù'..='Ü' => "u",
            'ý' | 'ÿ' | 'Ý' => "y",
            c if c.is_whitespace() => {
                space = !out.is_empty();
                continue;
            }
            _ => "",
        };
        if space {
            out.push(' ');
            space = false;
        }
        if !folded.is_empty() {
            out.push_str(folded);
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    trim_end_punctuation(out);
}

/// Counts one spelling (trimmed, inner runs of spaces made one) without
/// allocating when it was seen before.
fn count_spelling(spellings: &mut BTreeMap<String, usize>, name: &str) {
    let trimmed = name.trim();
    let tidy_already = !trimmed.char_indices().any(|(i, c)| {
        c.is_whitespace() && (c != ' ' || trimmed[i + 1..].starts_with(char::is_whitespace))
    });
    let spelling: std::borrow::Cow<str> = if tidy_already {
        trimmed.into()
    } else {
        tidy(trimmed).into()
    };
    if let Some(n) = spellings.get_mut(&*spelling) {
        *n += 1;
    } else {
        spellings.insert(spelling.into_owned(), 1);
    }
}

/// A name as people wrote it, with surrounding spaces removed and inner
/// runs of spaces made one: the candidates for a subgroup's label.
fn tidy(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The most common spelling, so the label does not depend on respondent order.
fn most_common(spellings: &BTreeMap<String, usize>) -> String {
    let best = spellings.values().copied().max().unwrap_or(0);
    // On a tie, a spelling with lower-case letters ("Druten") before one in
    // capitals ("DRUTEN"), then code-point order: independent of the order
    // of respondents.
    let shouting = |s: &str| !s.chars().any(char::is_lowercase);
    spellings
        .iter()
        .filter(|(_, n)| **n == best)
        .min_by_key(|(s, _)| shouting(s))
        .map(|(s, _)| s.clone())
        .unwrap_or_default()
}

/// The respondents of one subgroup, before disclosure control.
struct Group {
    label: String,
    members: Vec<usize>,
}

/// Respondents split by a name: groups by [`name_key`] (sorted), and those
/// who gave none.
struct Split {
    groups: BTreeMap<String, Group>,
    unassigned: Vec<usize>,
}

fn split(respondents: &[Answers], name: impl Fn(&Answers) -> Option<&str>) -> Split {
    let mut groups: BTreeMap<String, (BTreeMap<String, usize>, Vec<usize>)> = BTreeMap::new();
    let mut unassigned = Vec::new();
    let mut key = String::new();
    for (i, answers) in respondents.iter().enumerate() {
        let Some(raw) = name(answers) else {
            unassigned.push(i);
            continue;
        };
        name_key_into(raw, &mut key);
        if key.is_empty() {
            unassigned.push(i);
            continue;
        }
        let entry = match groups.get_mut(key.as_str()) {
            Some(entry) => entry,
            None => groups.entry(key.clone()).or_default(),
        };
        count_spelling(&mut entry.0, raw);
        entry.1.push(i);
    }
    Split {
        groups: groups
            .into_iter()
            .map(|(key, (spellings, members))| {
                let label = most_common(&spellings);
                (key, Group { label, members })
            })
            .collect(),
        unassigned,
    }
}

/// A subgroup after disclosure control.
struct Part {
    key: String,
    label: String,
    members: Vec<usize>,
    shown: bool,
    /// The merged row (not a municipality or role of its own).
    other: bool,
    in_other: bool,
}

/// Complementary suppression, as statistical offices do it: subgroups below
/// the minimum are withheld, and when the withheld respondents (with those
/// who gave no name) number 1 to min − 1, their answers would follow from
/// the whole group's figures minus the shown subgroups. Then the smallest
/// shown subgroup joins them in one merged row of at least `min`.
fn protect(split: Split, min: usize, words: &Words, m: Lang) -> (Vec<Part>, Option<String>) {
    let mut parts: Vec<Part> = split
        .groups
        .into_iter()
        .map(|(key, g)| Part {
            shown: g.members.len() >= min,
            key,
            label: g.label,
            members: g.members,
            other: false,
            in_other: false,
        })
        .collect();
    let hidden: usize = parts
        .iter()
        .filter(|p| !p.shown)
        .map(|p| p.members.len())
        .sum::<usize>()
        + split.unassigned.len();
    if hidden == 0 || hidden >= min || !parts.iter().any(|p| p.shown) {
        return (parts, None);
    }
    // The smallest shown subgroup (then the first key) makes up the rest.
    let smallest = parts
        .iter()
        .enumerate()
        .filter(|(_, p)| p.shown)
        .min_by_key(|(_, p)| p.members.len())
        .map(|(i, _)| i)
        .expect("a shown subgroup");
    parts[smallest].shown = false;
    let mut members = split.unassigned.clone();
    for part in parts.iter_mut().filter(|p| !p.shown) {
        part.in_other = true;
        members.extend(&part.members);
    }
    members.sort_unstable();
    let few: Vec<String> = parts
        .iter()
        .filter(|p| p.in_other && p.members.len() < min)
        .map(|p| words.name(p))
        .collect();
    let joined = words.name(&parts[smallest]);
    let mut rows: Vec<String> = parts
        .iter()
        .filter(|p| p.in_other)
        .map(|p| words.name(p))
        .collect();
    if !split.unassigned.is_empty() {
        rows.push(words.unnamed.to_string());
    }
    let list = m.listing(&rows);
    let mut note = String::new();
    if !few.is_empty() {
        note.push_str(&words.too_few(&m.listing(&few), min, m));
        note.push(' ');
    }
    if !split.unassigned.is_empty() {
        note.push_str(&m.pick(
            format!(
                "{} deelnemer(s): {}.",
                split.unassigned.len(),
                words.unnamed
            ),
            format!(
                "{} participant(s): {}.",
                split.unassigned.len(),
                words.unnamed
            ),
        ));
        note.push(' ');
    }
    let (verb, whose) = if words.roles {
        ("staan de", m.pick("van de", "of the"))
    } else {
        ("staat", m.pick("uit", "from"))
    };
    let whose = if few.is_empty() {
        m.pick("hun antwoorden", "their answers").to_string()
    } else {
        m.pick(
            format!("de antwoorden {whose} {}", m.listing(&few)),
            format!("the answers {whose} {}", m.listing(&few)),
        )
    };
    note.push_str(&m.pick(
        format!("Daarom staan {list} samen in één rij, en {verb} {joined} niet apart. Zo kan niemand {whose} terugrekenen uit het totaal."),
        format!("{list} are therefore combined in one row, and {joined} are not shown separately. That way nobody can work out {whose} from the total."),
    ));
    let mut label = format!("{list} {}", m.pick("samen", "together"));
    if let Some(first) = label.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    parts.push(Part {
        key: "overige".into(),
        label,
        members,
        shown: true,
        other: true,
        in_other: false,
    });
    (parts, Some(note))
}

/// How the disclosure note names the rows of a dimension.
struct Words<'a> {
    /// Roles are named in the plural ("bestuurders"), municipalities as
    /// they are.
    roles: bool,
    lang: Lang,
    unnamed: &'a str,
}

impl Words<'_> {
    fn name(&self, part: &Part) -> String {
        if self.roles {
            Role::ALL
                .iter()
                .find(|r| r.id() == part.key)
                .map_or_else(|| part.label.clone(), |r| r.plural(self.lang).to_string())
        } else {
            part.label.clone()
        }
    }

    fn too_few(&self, few: &str, min: usize, m: Lang) -> String {
        if self.roles {
            m.pick(
                format!("Er deden minder dan {min} {few} mee."),
                format!("Fewer than {min} {few} took part."),
            )
        } else {
            m.pick(
                format!("Uit {few} deden minder dan {min} mensen mee."),
                format!("Fewer than {min} people took part from {few}."),
            )
        }
    }
}

/// Every respondent's factor scores, stored per factor: the group
/// statistics walk one factor over all respondents, so that is contiguous.
struct ScoreTable {
    by_factor: Vec<Vec<FactorScore>>,
}

impl ScoreTable {
    fn new(factors: usize, people: impl ExactSizeIterator<Item = Vec<FactorScore>>) -> Self {
        // Not `vec![…; n]`: cloning a vector does not keep its capacity.
        let mut by_factor: Vec<Vec<FactorScore>> = (0..factors)
            .map(|_| Vec::with_capacity(people.len()))
            .collect();
        for scores in people {
            for (column, score) in by_factor.iter_mut().zip(scores) {
                column.push(score);
            }
        }
        ScoreTable { by_factor }
    }

    fn factor(&self, factor: usize) -> &[FactorScore] {
        &self.by_factor[factor]
    }

    fn get(&self, person: usize, factor: usize) -> &FactorScore {
        &self.by_factor[factor][person]
    }
}

/// Which rows of one dimension each respondent belongs to: their own
/// subgroup (by position in the parts) and the merged row.
struct Membership {
    keys: Vec<String>,
    own: Vec<Option<usize>>,
    merged: Vec<bool>,
}

impl Membership {
    fn new(respondents: usize, parts: &[Part]) -> Self {
        let mut own = vec![None; respondents];
        let mut merged = vec![false; respondents];
        for (at, part) in parts.iter().enumerate() {
            for &p in &part.members {
                if part.other {
                    merged[p] = true;
                } else {
                    own[p] = Some(at);
                }
            }
        }
        Membership {
            keys: parts.iter().map(|p| p.key.clone()).collect(),
            own,
            merged,
        }
    }

    /// A lookup from respondent to the bits (from `offset`) of the shown
    /// `figures` they are in.
    fn bits<'a>(&'a self, figures: &[&Figure], offset: usize) -> impl Fn(usize) -> u64 + 'a {
        let mut own_bits = vec![0u64; self.keys.len()];
        let mut merged_bit = 0u64;
        for (k, f) in figures.iter().enumerate() {
            let bit = 1u64 << (k + offset);
            if f.other {
                merged_bit |= bit;
            } else if let Some(at) = self.keys.iter().position(|key| *key == f.key) {
                own_bits[at] |= bit;
            }
        }
        move |p| {
            self.own[p].map_or(0, |at| own_bits[at]) | if self.merged[p] { merged_bit } else { 0 }
        }
    }
}

/// Audits the figures of one factor across both dimensions together with
/// the group's own figure (see `disclosure`): while some combination of
/// them isolates fewer than `min` respondents, the smallest role figure is
/// withheld (then, if ever needed, the smallest municipality figure).
fn audit(
    per_person: &ScoreTable,
    i: usize,
    min: usize,
    (place_of, places): (&Membership, &mut [Figure]),
    (role_of, roles): (&Membership, &mut [Figure]),
) {
    let scores = per_person.factor(i);
    let answerers = || (0..scores.len()).filter(|&p| scores[p].score.is_some());
    if answerers().count() < min {
        // The group's figure itself is withheld (or the group is below the
        // minimum, which the report says as a whole).
        return;
    }
    loop {
        let shown_places: Vec<&Figure> = places.iter().filter(|f| f.shown()).collect();
        let shown_roles: Vec<&Figure> = roles.iter().filter(|f| f.shown()).collect();
        let sets = 1 + shown_places.len() + shown_roles.len();
        let leak = sets > disclosure::MAX_SETS || {
            let place_bits = place_of.bits(&shown_places, 1);
            let role_bits = role_of.bits(&shown_roles, 1 + shown_places.len());
            // Few distinct cells: a short list beats a map for thousands of
            // respondents.
            let mut counts: Vec<(u64, usize)> = Vec::new();
            for p in answerers() {
                let mask = 1 | place_bits(p) | role_bits(p);
                match counts.iter_mut().find(|(m, _)| *m == mask) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((mask, 1)),
                }
            }
            let cells: BTreeMap<u64, usize> = counts.into_iter().collect();
            disclosure::leaks(&cells, sets, min)
        };
        if !leak {
            return;
        }
        if let Some(at) = smallest(roles) {
            roles[at].crossed = true;
        } else if let Some(at) = smallest(places) {
            places[at].crossed = true;
        } else {
            return;
        }
    }
}

/// The shown figure with the fewest answerers (on a tie, the later key):
/// the one to withhold first.
fn smallest(list: &[Figure]) -> Option<usize> {
    list.iter()
        .enumerate()
        .filter(|(_, f)| f.shown())
        .min_by(|(_, a), (_, b)| {
            a.answerers
                .len()
                .cmp(&b.answerers.len())
                .then(b.key.cmp(&a.key))
        })
        .map(|(at, _)| at)
}

/// One subgroup's mean favourability on one factor, as it may be shown.
struct Figure {
    key: String,
    label: String,
    /// The respondents who answered the factor (sorted).
    answerers: Vec<usize>,
    mean: f64,
    /// The merged row (not a municipality or role of its own).
    other: bool,
    /// Withheld by the audit: together with the other figures it would give
    /// away fewer than the minimum.
    crossed: bool,
}

impl Figure {
    fn shown(&self) -> bool {
        !self.crossed
    }

    fn mean(&self) -> SubgroupMean {
        SubgroupMean {
            key: self.key.clone(),
            label: self.label.clone(),
            n: self.answerers.len(),
            mean: self.mean,
        }
    }
}

/// The figures of factor `i` per shown row (the merged row included) that
/// may be shown, as statistical offices check a table before publishing it:
///
/// - a row's figure needs at least `min` respondents who answered the factor;
/// - per factor, the answerers outside every shown figure must be 0 or at
///   least `min`, else the smallest figure is dropped too (complementary
///   suppression), so nobody's answer is the total minus the rest.
///
/// Combinations across municipalities and roles are checked afterwards by
/// [`audit`].
fn figures(
    instrument: &Instrument,
    per_person: &ScoreTable,
    parts: &[Part],
    i: usize,
    min: usize,
) -> Vec<Figure> {
    let factor = &instrument.factors[i];
    let answered = per_person
        .factor(i)
        .iter()
        .filter(|s| s.score.is_some())
        .count();
    let mut out: Vec<Figure> = parts
        .iter()
        .filter(|p| p.shown)
        .filter_map(|part| {
            let mut answerers = Vec::new();
            let mut favs = Vec::new();
            for &p in &part.members {
                if let Some(s) = per_person.get(p, i).score {
                    answerers.push(p);
                    favs.push(favourability(s, factor.polarity));
                }
            }
            answerers.sort_unstable();
            (favs.len() >= min).then(|| Figure {
                key: part.key.clone(),
                label: part.label.clone(),
                answerers,
                mean: mean(&favs).unwrap_or_default(),
                other: part.other,
                crossed: false,
            })
        })
        .collect();
    let rest = answered - out.iter().map(|f| f.answerers.len()).sum::<usize>();
    if (1..min).contains(&rest) {
        if let Some(at) = smallest(&out) {
            out.remove(at);
        }
    }
    out
}

/// The rows of a dimension, their indices from the figures that may be
/// shown (only factors that count: before the start, not the look ahead).
fn subgroups(
    instrument: &Instrument,
    parts: &[Part],
    figures: &[Vec<Figure>],
    counted: &[bool],
) -> Vec<Subgroup> {
    parts
        .iter()
        .map(|part| {
            let index = |polarity| {
                let pairs: Vec<(f64, f64)> = instrument
                    .factors
                    .iter()
                    .enumerate()
                    .filter(|(i, f)| f.polarity == polarity && counted[*i])
                    .filter_map(|(i, f)| {
                        figures[i]
                            .iter()
                            .find(|g| g.key == part.key && g.shown())
                            // Favourability back to agreement (its own inverse).
                            .map(|g| (favourability(g.mean, f.polarity), f.weight))
                    })
                    .collect();
                crate::score::weighted_mean(&pairs).filter(|_| part.shown)
            };
            Subgroup {
                key: part.key.clone(),
                label: part.label.clone(),
                n: part.members.len(),
                shown: part.shown,
                in_other: part.in_other,
                readiness: index(crate::instrument::Polarity::Promoting),
                risk: index(crate::instrument::Polarity::Hindering),
            }
        })
        .collect()
}

/// Differences between the rows of their own (not the merged row) on each
/// factor, from the figures that may be shown.
fn gaps(instrument: &Instrument, figures: &[Vec<Figure>], threshold: f64, lang: Lang) -> Vec<Gap> {
    let mut out: Vec<Gap> = instrument
        .factors
        .iter()
        .zip(figures)
        .filter_map(|(factor, figures)| {
            let groups: Vec<SubgroupMean> = figures
                .iter()
                .filter(|f| f.shown() && !f.other)
                .map(Figure::mean)
                .collect();
            let hi = groups.iter().map(|g| g.mean).reduce(f64::max)?;
            let lo = groups.iter().map(|g| g.mean).reduce(f64::min)?;
            (groups.len() >= 2 && hi - lo >= threshold).then(|| Gap {
                factor: factor.id.clone(),
                factor_name: factor.name.get(lang).to_string(),
                red_flag: factor.red_flag,
                gap: hi - lo,
                groups,
            })
        })
        .collect();
    out.sort_by(|a, b| b.gap.total_cmp(&a.gap).then(a.factor.cmp(&b.factor)));
    out
}

/// The weakest partner decides on red flags: every red flag in concern
/// within a municipality whose figure may be shown.
fn partner_flags(instrument: &Instrument, figures: &[Vec<Figure>]) -> Vec<PartnerFlag> {
    let mut out = Vec::new();
    for (factor, figures) in instrument.factors.iter().zip(figures) {
        if !factor.red_flag {
            continue;
        }
        for g in figures.iter().filter(|f| f.shown() && !f.other) {
            if Band::of(g.mean) == Band::Concern {
                out.push(PartnerFlag {
                    factor: factor.id.clone(),
                    place: g.label.clone(),
                    favourability: g.mean,
                });
            }
        }
    }
    // Grouped by place for the reasons, in label order.
    out.sort_by(|a, b| a.place.cmp(&b.place));
    out
}

/// "‘Onderling vertrouwen en chemie’ (Druten 31, Wijchen 85), …": what
/// differs and where, for at most five gaps.
fn gap_details(gaps: &[Gap]) -> String {
    gaps.iter()
        .take(5)
        .map(|g| {
            let figures = g
                .groups
                .iter()
                .map(|s| format!("{} {}", s.label, whole(s.mean)))
                .collect::<Vec<_>>()
                .join(", ");
            format!("‘{}’ ({figures})", g.factor_name)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Urgency is not voted on: when respondents chose different levels of the
/// §8.1 scale, that difference is a signal of its own. Municipalities are
/// named only where their figure may be shown and all their respondents
/// agree; otherwise only the counts, and those only from the minimum on.
fn urgency_differs(
    instrument: &Instrument,
    respondents: &[Answers],
    parts: &[Part],
    min: usize,
    lang: Lang,
) -> Vec<Signal> {
    let m = lang;
    let level_of = |a: &Answers| instrument.urgency(a.context.urgency.as_deref());
    let mut counts: BTreeMap<u8, (usize, &str)> = BTreeMap::new();
    for a in respondents {
        if let Some(u) = level_of(a) {
            counts.entry(u.level).or_insert((0, u.label.get(lang))).0 += 1;
        }
    }
    if counts.len() < 2 {
        return Vec::new();
    }
    let mut named = Vec::new();
    for part in parts.iter().filter(|p| p.shown && !p.other) {
        let chosen: Vec<u8> = part
            .members
            .iter()
            .filter_map(|&p| level_of(&respondents[p]).map(|u| u.level))
            .collect();
        let levels: BTreeSet<u8> = chosen.iter().copied().collect();
        // Named only on the answers of at least the minimum number of people.
        if levels.len() == 1 && chosen.len() >= min {
            let level = *levels.iter().next().expect("one level");
            named.push(format!("{}: ‘{}’", part.label, counts[&level].1));
        }
    }
    let detail = if named.len() >= 2 {
        named.join("; ")
    } else if counts.values().all(|(n, _)| *n >= min) {
        counts
            .values()
            .map(|(n, label)| format!("{n} × ‘{label}’"))
            .collect::<Vec<_>>()
            .join("; ")
    } else {
        String::new()
    };
    let detail = if detail.is_empty() {
        String::new()
    } else {
        format!(" ({detail})")
    };
    vec![Signal {
        code: "urgency-differs".into(),
        text: m.pick(
            format!("De deelnemers vinden samenwerking niet even dringend{detail}. Dat verschil is zelf een gesprekspunt: partners met een andere urgentie haken bij tegenslag eerder af. Bespreek ieders zelfanalyse samen (§8.1, §8.2)."),
            format!("The participants do not find cooperation equally urgent{detail}. That difference is itself worth discussing: partners with a different urgency drop out sooner when things get hard. Discuss each partner’s self-assessment together (§8.1, §8.2)."),
        ),
    }]
}

/// One context for the group: partners united by [`name_key`] (shown in
/// their most common spelling, the largest number of inhabitants given);
/// the stage and form by majority (a tie on the stage goes to the earlier
/// stage, the cautious reading; on the form to the smallest id); the urgency
/// only when everyone who answered agrees, because a difference in urgency
/// is a signal, never a vote; multiple choices united.
pub fn merge_contexts<'a>(contexts: impl Iterator<Item = &'a Context>) -> Context {
    let mut partners: BTreeMap<String, (BTreeMap<String, usize>, Option<u32>)> = BTreeMap::new();
    let mut stage = BTreeMap::new();
    let mut urgency = BTreeSet::new();
    let mut form = BTreeMap::new();
    let (mut goals, mut motives, mut domains) = (Vec::new(), Vec::new(), Vec::new());
    let mut key = String::new();
    for c in contexts {
        for p in &c.partners {
            name_key_into(&p.name, &mut key);
            if key.is_empty() {
                continue;
            }
            let entry = match partners.get_mut(key.as_str()) {
                Some(entry) => entry,
                None => partners.entry(key.clone()).or_default(),
            };
            count_spelling(&mut entry.0, &p.name);
            entry.1 = entry.1.max(p.inhabitants);
        }
        // A stage the rules do not know is no vote (it would outvote the
        // known ones and be read as "not given").
        if let Some(id) = c.stage.as_ref().filter(|id| Stage::from_id(id).is_some()) {
            *stage.entry(id.clone()).or_insert(0usize) += 1;
        }
        if let Some(id) = &c.form {
            *form.entry(id.clone()).or_insert(0usize) += 1;
        }
        urgency.extend(c.urgency.iter().cloned());
        goals.extend(c.goals.iter().cloned());
        motives.extend(c.motives.iter().cloned());
        domains.extend(c.domains.iter().cloned());
    }
    let majority = |votes: BTreeMap<String, usize>| {
        let best = votes.values().copied().max()?;
        let mut tied: Vec<String> = votes
            .into_iter()
            .filter(|(_, n)| *n == best)
            .map(|(id, _)| id)
            .collect();
        // Known stages in their order, before any other id.
        tied.sort_by_key(|id| (Stage::from_id(id).is_none(), Stage::from_id(id)));
        tied.into_iter().next()
    };
    let unite = |mut v: Vec<String>| {
        v.sort();
        v.dedup();
        v
    };
    Context {
        partners: partners
            .into_values()
            .map(|(spellings, inhabitants)| Partner {
                name: most_common(&spellings),
                inhabitants,
            })
            .collect(),
        stage: majority(stage),
        urgency: (urgency.len() == 1).then(|| urgency.into_iter().next().expect("one")),
        goals: unite(goals),
        motives: unite(motives),
        form: majority(form),
        domains: unite(domains),
    }
}

/// Notices of all respondents, without respondent numbers so that the
/// result does not depend on their order.
fn group_notices(
    instrument: &Instrument,
    respondents: &[Answers],
    all_used: &[bool],
    index: &StatementIndex,
) -> Vec<Notice> {
    let mut all: Vec<Notice> = respondents
        .iter()
        .zip(all_used)
        .flat_map(|(a, &used)| a.check_with(instrument, (!used).then_some(index)))
        .collect();
    all.sort_by_cached_key(|n| (n.path.clone(), n.text(crate::text::Lang::En)));
    all.dedup();
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_people_give_are_checked_here_for_every_front_end() {
        assert_eq!(
            GroupOptions::checked(None, None),
            Ok(GroupOptions::default())
        );
        let options = GroupOptions::checked(Some(5.0), Some(0.0)).unwrap();
        assert_eq!((options.min_group_size, options.gap_threshold), (5, 0.0));
        for bad in [0.0, -1.0, 2.5, f64::NAN, f64::INFINITY, 1e10] {
            assert_eq!(
                GroupOptions::checked(Some(bad), None),
                Err(OptionError::MinGroupSize),
                "{bad}"
            );
        }
        for bad in [-0.1, 100.5, f64::NAN] {
            assert_eq!(
                GroupOptions::checked(None, Some(bad)),
                Err(OptionError::GapThreshold),
                "{bad}"
            );
        }
        assert_eq!(
            OptionError::GapThreshold.to_string(),
            "must be a number from 0 to 100"
        );
    }
}
