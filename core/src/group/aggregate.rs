//! [`aggregate`]: many respondents into one group report, with the
//! group's own rules (gaps between partners and roles, urgency that
//! differs).

use super::model::{consensus_of, Consensus, GroupFactor, GroupReport, DISCUSSION_RANGE_FROM};
use super::names::merge_contexts;
use super::options::GroupOptions;
use super::subgroups::{
    audit, figures, gap_details, gaps, partner_flags, protect, split, subgroups, Membership, Part,
    ScoreTable, Split, Words,
};
use crate::answers::{Answers, Notice};
use crate::answers::{StatementIndex, UNKNOWN_CODE};
use crate::evaluate::{build_report, GroupRules};
use crate::instrument::Instrument;
use crate::numbers::whole;
use crate::report::{Reason, Signal, VerdictLevel};
use crate::score::{mean, score_codes, std_dev, FactorScore};
use crate::stage::Reading;
use crate::text::Lang;
use crate::verdict::Cap;
use std::collections::{BTreeMap, BTreeSet};

/// Aggregates respondents into a group report. The result does not depend
/// on the order of `respondents`.
pub fn aggregate(
    instrument: &Instrument,
    respondents: &[Answers],
    options: &GroupOptions,
    lang: Lang,
) -> GroupReport {
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
            unnamed: lang.pick("wie geen gemeente opgaf", "those who gave no municipality"),
        },
        lang,
    );
    disclosure.extend(note);
    let (role_parts, note) = protect(
        by_role,
        min,
        &Words {
            roles: true,
            lang,
            unnamed: lang.pick("wie geen rol opgaf", "those who gave no role"),
        },
        lang,
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
        let list = lang.listing(&names);
        disclosure.push(lang.pick(
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
        let mut text = lang.pick(
            format!("De deelnemers uit de gemeenten verschillen {t} punten of meer op {list} (0 tot 100, hoger is gunstiger)."),
            format!("The participants from the municipalities differ by {t} points or more on {list} (0 to 100, higher is more favourable)."),
        );
        text.push_str(&match flags {
            0 => lang.pick(
                " Bespreek samen waar het verschil vandaan komt. Partners moeten open zijn over hun wensen, behoeften en belangen (§8.2).".to_string(),
                " Discuss together where the difference comes from. Partners need to be open about their wishes, needs and interests (§8.2).".to_string(),
            ),
            1 => lang.pick(
                " Er zit een rode vlag bij: die moet bij elke gemeente in orde zijn (§5). Bespreek samen waar het verschil vandaan komt.".to_string(),
                " A red flag is among them: it must be in order in every municipality (§5). Discuss together where the difference comes from.".to_string(),
            ),
            n => lang.pick(
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
        let text = lang.pick(
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
pub(super) fn person_point(
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
pub(super) fn pool<'a>(scores: impl Iterator<Item = &'a FactorScore>) -> FactorScore {
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

/// Urgency is not voted on: when respondents chose different levels of the
/// §8.1 scale, that difference is a signal of its own. Municipalities are
/// named only where their figure may be shown and all their respondents
/// agree; otherwise only the counts, and those only from the minimum on.
pub(super) fn urgency_differs(
    instrument: &Instrument,
    respondents: &[Answers],
    parts: &[Part],
    min: usize,
    lang: Lang,
) -> Vec<Signal> {
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
        text: lang.pick(
            format!("De deelnemers vinden samenwerking niet even dringend{detail}. Dat verschil is zelf een gesprekspunt: partners met een andere urgentie haken bij tegenslag eerder af. Bespreek ieders zelfanalyse samen (§8.1, §8.2)."),
            format!("The participants do not find cooperation equally urgent{detail}. That difference is itself worth discussing: partners with a different urgency drop out sooner when things get hard. Discuss each partner’s self-assessment together (§8.1, §8.2)."),
        ),
    }]
}

/// Notices of all respondents, without respondent numbers so that the
/// result does not depend on their order.
pub(super) fn group_notices(
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
