//! Many respondents → one group report: a pooled verdict, per factor the
//! spread and consensus, and differences between municipalities and roles.
//!
//! A large gap between partners is itself a risk signal (cf. table 3:
//! ‘verschillende belangen en oriëntaties’, ‘voorlopers en achterblijvers’).
//! Small groups are protected: below `min_group_size` respondents no
//! distribution, spread or subgroup figure is shown.

use crate::answers::{Answers, Context, Notice, Partner};
use crate::evaluate::{build_report, Cap};
use crate::instrument::Instrument;
use crate::report::{Reason, Report, VerdictLevel};
use crate::score::{
    favourability, mean, score_codes, std_dev, FactorScore, StatementIndex, UNKNOWN_CODE,
};
use crate::text::{whole, Msg};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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

/// Standard deviation (0–100 scale) up to which agreement is high / medium.
pub const CONSENSUS_HIGH_UPTO: f64 = 15.0;
pub const CONSENSUS_MEDIUM_UPTO: f64 = 25.0;
/// A range this wide (e.g. "oneens" next to "eens" and more) is a discussion point.
pub const DISCUSSION_RANGE_FROM: f64 = 75.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Consensus {
    High,
    Medium,
    Low,
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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupReport {
    pub respondents: usize,
    pub min_group_size: usize,
    /// The verdict and everything else, from the respondents' mean scores.
    pub report: Report,
    pub factors: Vec<GroupFactor>,
    pub municipalities: Vec<Subgroup>,
    pub roles: Vec<Subgroup>,
    pub municipality_gaps: Vec<Gap>,
    pub role_gaps: Vec<Gap>,
    /// Factors with strong disagreement: talk about these.
    pub discussion_points: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupFactor {
    pub id: String,
    pub name: String,
    /// Respondents who answered at least one statement of the factor.
    pub n: usize,
    /// Mean favourability 0–100 (hidden below the anonymity minimum).
    pub mean: Option<f64>,
    pub std_dev: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// Count per scale point (index 0 = point 1), over all statements of the factor.
    pub distribution: Option<Vec<u32>>,
    /// "Don't know" answers, over all statements of the factor.
    pub unknown: u32,
    pub consensus: Option<Consensus>,
    pub discussion: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Subgroup {
    pub key: String,
    pub label: String,
    pub n: usize,
    /// False when `n` is below the anonymity minimum: figures are withheld.
    pub shown: bool,
    pub readiness: Option<f64>,
    pub risk: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Gap {
    pub factor: String,
    pub factor_name: String,
    pub red_flag: bool,
    /// Largest minus smallest subgroup mean favourability.
    pub gap: f64,
    pub groups: Vec<SubgroupMean>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SubgroupMean {
    pub key: String,
    pub n: usize,
    pub mean: f64,
}

/// Aggregates respondents into a group report. The result does not depend
/// on the order of `respondents`.
pub fn aggregate(
    instrument: &Instrument,
    respondents: &[Answers],
    options: &GroupOptions,
    lang: &str,
) -> GroupReport {
    let m = Msg::of(lang);
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

    let pooled: Vec<FactorScore> = (0..instrument.factors.len())
        .map(|i| pool(per_person.factor(i).iter()))
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
            // The distribution of the answers to this factor's statements.
            let mut distribution = vec![0u32; usize::from(max)];
            let mut unknown = 0;
            let own = offsets[i]..offsets[i] + factor.statements.len();
            for p in 0..respondents.len() {
                for &code in &row(p)[own.clone()] {
                    match code {
                        0 => {}
                        UNKNOWN_CODE => unknown += 1,
                        v => {
                            if let Some(slot) = distribution.get_mut(usize::from(v) - 1) {
                                *slot += 1;
                            }
                        }
                    }
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

    let by_municipality = split(respondents, |a| {
        a.respondent
            .municipality
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| (s.to_lowercase(), s.to_string()))
    });
    let by_role = split(respondents, |a| {
        a.respondent
            .role
            .map(|r| (r.id().to_string(), r.label(lang).to_string()))
    });
    let municipalities = subgroups(instrument, &per_person, &by_municipality, min);
    let roles = subgroups(instrument, &per_person, &by_role, min);
    let municipality_gaps = gaps(
        instrument,
        &per_person,
        &by_municipality,
        min,
        options.gap_threshold,
        lang,
    );
    let role_gaps = gaps(
        instrument,
        &per_person,
        &by_role,
        min,
        options.gap_threshold,
        lang,
    );

    let mut caps = Vec::new();
    if !municipality_gaps.is_empty() {
        let list = gap_names(&municipality_gaps);
        let flagged = municipality_gaps.iter().any(|g| g.red_flag);
        let text = m.pick(
            format!("De gemeenten kijken verschillend naar {list} (verschil {} punten of meer). Zo’n verschil is zelf een risico: ‘verschillende belangen en oriëntaties’. Bespreek het samen.", whole(options.gap_threshold)),
            format!("The municipalities see {list} differently (a difference of {} points or more). Such a gap is a risk in itself: ‘different interests and orientations’. Discuss it together.", whole(options.gap_threshold)),
        );
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
        caps.push(Cap { level, reason });
    }
    if !role_gaps.is_empty() {
        let text = m.pick(
            format!("Bestuurders, raadsleden en ambtenaren kijken verschillend naar {}. Werk aan draagvlak in alle lagen (§5, tabel 4).", gap_names(&role_gaps)),
            format!("Executives, council members and civil servants see {} differently. Build support at every level (§5, table 4).", gap_names(&role_gaps)),
        );
        caps.push(Cap {
            level: VerdictLevel::Ready,
            reason: Reason {
                rule: "gap-roles".into(),
                text,
                factors: role_gaps.iter().map(|g| g.factor.clone()).collect(),
            },
        });
    }

    let context = merge_contexts(respondents.iter().map(|a| &a.context));
    let report = build_report(
        instrument,
        &pooled,
        &context,
        lang,
        group_notices(instrument, respondents, &all_used, &index),
        caps,
    );
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

/// Respondent indices per subgroup key (sorted by key), with a display label.
fn split(
    respondents: &[Answers],
    key: impl Fn(&Answers) -> Option<(String, String)>,
) -> BTreeMap<String, (String, Vec<usize>)> {
    let mut groups: BTreeMap<String, (String, Vec<usize>)> = BTreeMap::new();
    for (i, answers) in respondents.iter().enumerate() {
        if let Some((key, label)) = key(answers) {
            let entry = groups
                .entry(key)
                .or_insert_with(|| (label.clone(), Vec::new()));
            // The label must not depend on respondent order: keep the smallest spelling.
            if label < entry.0 {
                entry.0 = label;
            }
            entry.1.push(i);
        }
    }
    groups
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

fn subgroups(
    instrument: &Instrument,
    per_person: &ScoreTable,
    groups: &BTreeMap<String, (String, Vec<usize>)>,
    min: usize,
) -> Vec<Subgroup> {
    groups
        .iter()
        .map(|(key, (label, members))| {
            let shown = members.len() >= min;
            let index = |polarity| {
                let pairs: Vec<(f64, f64)> = instrument
                    .factors
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| f.polarity == polarity)
                    .filter_map(|(i, f)| {
                        let values: Vec<f64> = members
                            .iter()
                            .filter_map(|&p| per_person.get(p, i).score)
                            .collect();
                        mean(&values).map(|v| (v, f.weight))
                    })
                    .collect();
                crate::score::weighted_mean(&pairs).filter(|_| shown)
            };
            Subgroup {
                key: key.clone(),
                label: label.clone(),
                n: members.len(),
                shown,
                readiness: index(crate::instrument::Polarity::Promoting),
                risk: index(crate::instrument::Polarity::Hindering),
            }
        })
        .collect()
}

fn gaps(
    instrument: &Instrument,
    per_person: &ScoreTable,
    groups: &BTreeMap<String, (String, Vec<usize>)>,
    min: usize,
    threshold: f64,
    lang: &str,
) -> Vec<Gap> {
    let shown: Vec<(&String, &Vec<usize>)> = groups
        .iter()
        .filter(|(_, (_, members))| members.len() >= min)
        .map(|(key, (_, members))| (key, members))
        .collect();
    if shown.len() < 2 {
        return Vec::new();
    }
    let mut out: Vec<Gap> = instrument
        .factors
        .iter()
        .enumerate()
        .filter_map(|(i, factor)| {
            let groups: Vec<SubgroupMean> = shown
                .iter()
                .filter_map(|(key, members)| {
                    let favs: Vec<f64> = members
                        .iter()
                        .filter_map(|&p| {
                            per_person
                                .get(p, i)
                                .score
                                .map(|s| favourability(s, factor.polarity))
                        })
                        .collect();
                    (favs.len() >= min).then(|| SubgroupMean {
                        key: (*key).clone(),
                        n: favs.len(),
                        mean: mean(&favs).unwrap_or_default(),
                    })
                })
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

fn gap_names(gaps: &[Gap]) -> String {
    gaps.iter()
        .take(5)
        .map(|g| format!("‘{}’", g.factor_name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One context for the group: partners united by name, single choices by
/// majority (ties to the smallest id), multiple choices united.
pub fn merge_contexts<'a>(contexts: impl Iterator<Item = &'a Context>) -> Context {
    let mut partners: BTreeMap<String, Partner> = BTreeMap::new();
    let mut stage = BTreeMap::new();
    let mut urgency = BTreeMap::new();
    let mut form = BTreeMap::new();
    let (mut goals, mut motives, mut domains) = (Vec::new(), Vec::new(), Vec::new());
    for c in contexts {
        for p in &c.partners {
            let key = p.name.trim().to_lowercase();
            if key.is_empty() {
                continue;
            }
            let entry = partners.entry(key).or_insert_with(|| Partner {
                name: p.name.trim().to_string(),
                inhabitants: None,
            });
            if p.name.trim() < entry.name.as_str() {
                entry.name = p.name.trim().to_string();
            }
            entry.inhabitants = entry.inhabitants.max(p.inhabitants);
        }
        for (votes, choice) in [
            (&mut stage, &c.stage),
            (&mut urgency, &c.urgency),
            (&mut form, &c.form),
        ] {
            if let Some(id) = choice {
                *votes.entry(id.clone()).or_insert(0usize) += 1;
            }
        }
        goals.extend(c.goals.iter().cloned());
        motives.extend(c.motives.iter().cloned());
        domains.extend(c.domains.iter().cloned());
    }
    let majority = |votes: BTreeMap<String, usize>| {
        let best = votes.values().copied().max()?;
        votes
            .into_iter()
            .find(|(_, n)| *n == best)
            .map(|(id, _)| id)
    };
    let unite = |mut v: Vec<String>| {
        v.sort();
        v.dedup();
        v
    };
    Context {
        partners: partners.into_values().collect(),
        stage: majority(stage),
        urgency: majority(urgency),
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
    all.sort_by(|a, b| (&a.path, &a.message).cmp(&(&b.path, &b.message)));
    all.dedup();
    all
}
