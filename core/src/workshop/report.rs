//! The workshop report: the room's hand votes through the same rules as a
//! single scan, the participants' answers through the group rules, kept
//! apart, and a baseline workshop compared with a later one.

use super::results::{FactorNote, RoomResult, TallyResult};
use super::summary::pick;
use super::{Tally, Workshop, WorkshopSummary, MAX_VOTES};
use crate::answers::Context;
use crate::compare::{compare, Comparison};
use crate::evaluate::{build_report, GroupRules};
use crate::group::{aggregate, consensus_of, GroupOptions, GroupReport, DISCUSSION_RANGE_FROM};
use crate::instrument::{Factor, Instrument};
use crate::report::Report;
use crate::score::{favourability, scale_to_score, FactorScore};
use crate::text::Lang;
use crate::Consensus;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The figures for one factor's votes (used by the reveal screen).
pub fn tally_result(
    instrument: &Instrument,
    factor: &Factor,
    tally: Option<&Tally>,
    min_group_size: usize,
    lang: Lang,
) -> TallyResult {
    let max = instrument.scale_max();
    let counts: Vec<u64> = (0..usize::from(max))
        .map(|i| {
            tally
                .and_then(|t| t.counts.get(i))
                .map_or(0, |&c| u64::from(c.min(MAX_VOTES)))
        })
        .collect();
    let votes: u64 = counts.iter().sum();
    let unknown = tally.map_or(0, |t| u64::from(t.unknown.min(MAX_VOTES)));
    let shown = votes >= min_group_size.max(1) as u64;
    let score = mean_score(&counts, max);
    let spread = spread(&counts, max, score);
    let lowest = counts.iter().position(|&c| c > 0);
    let highest = counts.iter().rposition(|&c| c > 0);
    let range = lowest
        .zip(highest)
        .map(|(lo, hi)| scale_to_score(hi as u8 + 1, max) - scale_to_score(lo as u8 + 1, max));
    let consensus = spread.filter(|_| votes >= 2).map(consensus_of);
    let discussion = votes >= 2
        && (consensus == Some(Consensus::Low) || range.is_some_and(|r| r >= DISCUSSION_RANGE_FROM));
    let fav = score.map(|s| favourability(s, factor.polarity));
    TallyResult {
        id: factor.id.clone(),
        name: factor.name.get(lang).to_string(),
        phase: factor.phase.clone(),
        polarity: factor.polarity,
        votes,
        unknown,
        shown,
        distribution: shown.then_some(counts.clone()),
        mean_point: score
            .filter(|_| shown)
            .map(|s| 1.0 + s * f64::from(max.saturating_sub(1)) / 100.0),
        favourability: fav.filter(|_| shown),
        band: fav.filter(|_| shown).map(crate::Band::of),
        consensus: consensus.filter(|_| shown),
        discussion: discussion && shown,
    }
}

/// Mean of the votes on 0–100, `None` without votes.
fn mean_score(counts: &[u64], max: u8) -> Option<f64> {
    let votes: u64 = counts.iter().sum();
    (votes > 0).then(|| {
        let sum: f64 = counts
            .iter()
            .enumerate()
            .map(|(i, &c)| c as f64 * scale_to_score(i as u8 + 1, max))
            .sum();
        sum / votes as f64
    })
}

/// Population standard deviation of the votes on 0–100.
fn spread(counts: &[u64], max: u8, mean: Option<f64>) -> Option<f64> {
    let mean = mean?;
    let votes: u64 = counts.iter().sum();
    let squares: f64 = counts
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let d = scale_to_score(i as u8 + 1, max) - mean;
            c as f64 * d * d
        })
        .sum();
    Some((squares / votes as f64).sqrt())
}

/// A workshop's report, as [`workshop_report`] makes it: the summary first,
/// then the appendix (the room, the participants, the notes).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct WorkshopReport {
    /// The workshop's title as the facilitator gave it.
    pub title: String,
    /// The anonymity minimum used (at least 1): a factor with fewer votes,
    /// or answered by fewer participants, shows no figures.
    pub min_group_size: usize,
    /// From the hand votes; `None` before any factor has votes.
    pub room: Option<RoomResult>,
    /// From the participant codes; `None` without participants.
    pub group: Option<GroupReport>,
    /// In instrument order.
    pub notes: Vec<FactorNote>,
    /// Factors to talk about (room or participants), in instrument order.
    pub discussion_points: Vec<String>,
    /// The first pages: verdicts, the most important discussion points,
    /// the largest differences ([`summarize`]).
    pub summary: WorkshopSummary,
}

/// The summary of `report` (its first pages, see `summary.rs`): what
/// [`workshop_report`] puts in [`WorkshopReport::summary`].
pub fn summarize(instrument: &Instrument, report: &WorkshopReport, lang: Lang) -> WorkshopSummary {
    pick(
        instrument,
        report.room.as_ref(),
        report.group.as_ref(),
        &report.notes,
        &report.discussion_points,
        lang,
    )
}

/// Builds the workshop report: the room's votes through the same rules as a
/// single scan, the participants through the group rules.
pub fn workshop_report(
    instrument: &Instrument,
    workshop: &Workshop,
    options: &GroupOptions,
    lang: Lang,
) -> WorkshopReport {
    let min = options.min_group_size.max(1);
    let participants = workshop.participant_answers(instrument);
    let group =
        (!participants.is_empty()).then(|| aggregate(instrument, &participants, options, lang));
    let context = group
        .as_ref()
        .map(|_| crate::merge_contexts(participants.iter().map(|a| &a.context)))
        .unwrap_or_default();
    let room = room_result(instrument, workshop, &context, min, lang);
    let discussed: BTreeSet<&str> = room
        .iter()
        .flat_map(|r| {
            r.factors
                .iter()
                .filter(|f| f.discussion)
                .map(|f| f.id.as_str())
        })
        .chain(
            group
                .iter()
                .flat_map(|g| g.discussion_points.iter().map(String::as_str)),
        )
        .collect();
    let mut report = WorkshopReport {
        title: workshop.title.clone(),
        min_group_size: min,
        discussion_points: instrument
            .factors
            .iter()
            .filter(|f| discussed.contains(f.id.as_str()))
            .map(|f| f.id.clone())
            .collect(),
        notes: instrument
            .factors
            .iter()
            .filter_map(|f| {
                let text = workshop.notes.get(&f.id)?.trim();
                (!text.is_empty()).then(|| FactorNote {
                    factor: f.id.clone(),
                    factor_name: f.name.get(lang).to_string(),
                    text: text.to_string(),
                })
            })
            .collect(),
        room,
        group,
        summary: WorkshopSummary::default(),
    };
    report.summary = summarize(instrument, &report, lang);
    report
}

fn room_result(
    instrument: &Instrument,
    workshop: &Workshop,
    context: &Context,
    min: usize,
    lang: Lang,
) -> Option<RoomResult> {
    let max = instrument.scale_max();
    let results: Vec<TallyResult> = instrument
        .factors
        .iter()
        .map(|f| tally_result(instrument, f, workshop.tallies.get(&f.id), min, lang))
        .collect();
    if results.iter().all(|r| r.votes == 0 && r.unknown == 0) {
        return None;
    }
    // A vote covers all statements of its factor, so coverage is counted in
    // statements like a single scan's. Factors below the anonymity minimum
    // count as not answered: their figures are not shown either.
    let scores: Vec<FactorScore> = instrument
        .factors
        .iter()
        .zip(&results)
        .map(|(factor, r)| {
            let statements = factor.statements.len();
            let counts = r.distribution.clone().unwrap_or_default();
            let score = mean_score(&counts, max).filter(|_| r.shown);
            let (answered, unknown) = match (score.is_some(), r.unknown > 0) {
                (true, _) => (statements, 0),
                (false, true) => (0, statements),
                (false, false) => (0, 0),
            };
            FactorScore {
                score,
                answered,
                unknown,
                missing: statements - answered - unknown,
            }
        })
        .collect();
    Some(RoomResult {
        voters: results
            .iter()
            .map(|r| r.votes + r.unknown)
            .max()
            .unwrap_or(0),
        report: build_report(
            instrument,
            &scores,
            context,
            lang,
            Vec::new(),
            GroupRules::default(),
        ),
        factors: results,
    })
}

/// A later workshop against an earlier one (the nulmeting, §8.6): the
/// room's votes against the room's, the participants against the
/// participants. A part missing on either side is `None`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct WorkshopComparison {
    /// The baseline workshop's title.
    pub baseline_title: String,
    /// The room's votes against the baseline room's; `None` when either
    /// has no votes.
    pub room: Option<Comparison>,
    /// The participants against the baseline's participants; `None` when
    /// either has none.
    pub group: Option<Comparison>,
    /// What the reader must know: the baseline used another questionnaire,
    /// or there is nothing to compare.
    pub notes: Vec<String>,
}

/// Compares a workshop with its baseline (the nulmeting, §8.6): both are
/// reported with [`workshop_report`], then the room with the room and the
/// participants with the participants ([`compare`](crate::compare)).
pub fn compare_workshops(
    instrument: &Instrument,
    baseline: &Workshop,
    current: &Workshop,
    options: &GroupOptions,
    lang: Lang,
) -> WorkshopComparison {
    let before = workshop_report(instrument, baseline, options, lang);
    let after = workshop_report(instrument, current, options, lang);
    let mut notes = Vec::new();
    if !baseline.instrument_id.is_empty() && baseline.instrument_id != instrument.id {
        notes.push(lang.pick(
            format!("De nulmeting is gemaakt met een andere vragenlijst ({}); alleen gelijke factoren worden vergeleken.", baseline.instrument_id),
            format!("The baseline was made with a different questionnaire ({}); only matching factors are compared.", baseline.instrument_id),
        ));
    }
    let pair = |a: Option<&Report>, b: Option<&Report>| a.zip(b).map(|(a, b)| compare(a, b));
    let room = pair(
        before.room.as_ref().map(|r| &r.report),
        after.room.as_ref().map(|r| &r.report),
    );
    let group = pair(
        before.group.as_ref().map(|g| &g.report),
        after.group.as_ref().map(|g| &g.report),
    );
    if room.is_none() && group.is_none() {
        notes.push(lang.pick(
            "Er is niets te vergelijken: de nulmeting en deze workshop hebben geen stemmen of deelnemers van dezelfde soort.".to_string(),
            "There is nothing to compare: the baseline and this workshop have no votes or participants in common.".to_string(),
        ));
    }
    WorkshopComparison {
        baseline_title: baseline.title.clone(),
        room,
        group,
        notes,
    }
}
