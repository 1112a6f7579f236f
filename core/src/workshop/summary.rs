//! The first pages of a workshop report: what a college reads and a
//! facilitator hands out (issue 17). The full report stays as the appendix;
//! this picks from it, so the summary never says what the appendix does not.
//!
//! - the verdicts (room and participants) with their most decisive reasons;
//! - the most important discussion points, ranked by what is at stake, each
//!   with why it is one and the facilitator's note (cut to a paragraph);
//! - the largest differences between municipalities and between roles.
//!
//! Sizes are bounded so the summary fits two A4 pages whatever the workshop
//! holds (e2e `tests/e2e/workshop-report.spec.mjs` prints it and counts).

use super::results::{FactorNote, RoomResult};
use crate::group::{Consensus, Gap, GroupReport, Subgroup, SubgroupMean, DISCUSSION_RANGE_FROM};
use crate::instrument::Instrument;
use crate::report::Reason;
use crate::score::{Band, CONCERN_UPTO};
use crate::text::{cut, shortened, Lang, NAME_IN_TEXT_CHARS};
use serde::{Deserialize, Serialize};

/// Discussion points the summary names; the rest are in the appendix.
pub const SUMMARY_POINTS: usize = 5;
/// Reasons per verdict in the summary ("most decisive first", so the first
/// ones carry the verdict); every reason is in the appendix.
pub const SUMMARY_REASONS: usize = 2;
/// Factors per list of differences (municipalities, roles), largest first.
pub const SUMMARY_GAPS: usize = 2;
/// A note in the summary is cut after this many characters (at a word); the
/// whole note is in the appendix.
pub const SUMMARY_NOTE_CHARS: usize = 120;
/// Rows of the municipality (and role) table in the summary, in the
/// report's order; a region of more partners finds the rest in the appendix.
pub const SUMMARY_SUBGROUPS: usize = 12;
/// A title quoted in the summary (the baseline's, in a heading) is cut
/// after this many characters at a word; the whole title is in the appendix.
pub const SUMMARY_TITLE_CHARS: usize = 60;
/// A municipality or role as the summary names it (table rows, partners
/// in concern, differences) is cut after this many characters at a word:
/// real municipality names are shorter, and a longer one must not double
/// every row. The appendix has them whole. The same limit as in reasons.
pub const SUMMARY_LABEL_CHARS: usize = NAME_IN_TEXT_CHARS;
/// Partners named per discussion point as a concern (lowest figure first);
/// with twelve partners the rest are counted, and all are in the appendix.
pub const SUMMARY_CONCERNS: usize = 2;

/// Why a factor is a discussion point, as the summary says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "snake_case")]
pub enum PointCause {
    /// The room's votes disagree (low agreement or a range of 75 or more).
    RoomDisagrees,
    /// The participants' answers disagree (low agreement or a wide range).
    ParticipantsDisagree,
    /// The municipalities differ on this red flag (§5: in order everywhere).
    MunicipalitiesDiffer,
}

impl PointCause {
    /// The cause in a word or two, in `lang`: "verdeeld" for the room and
    /// the participants (said after that source's band: "Zaal:
    /// Aandachtspunt, verdeeld"), "de gemeenten verschillen" for the gap.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            PointCause::RoomDisagrees | PointCause::ParticipantsDisagree => {
                lang.pick("verdeeld", "divided")
            }
            PointCause::MunicipalitiesDiffer => {
                lang.pick("de gemeenten verschillen", "the municipalities differ")
            }
        }
    }
}

/// One discussion point of the summary.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct SummaryPoint {
    /// The factor id.
    pub factor: String,
    /// The factor's name in the report's language.
    pub factor_name: String,
    /// A red flag of the instrument (a factor that must be in order at
    /// every partner, §5).
    pub red_flag: bool,
    /// The room's band, when its votes are shown.
    pub room: Option<Band>,
    /// The participants' band, when their figure is shown.
    pub group: Option<Band>,
    /// Why it is a discussion point (one or more), in this order.
    pub causes: Vec<PointCause>,
    /// Municipalities whose figure on this factor is a concern (0–100,
    /// ≤ 37.5), from the shown gap figures: the group's band may hide them.
    /// At most [`SUMMARY_CONCERNS`], lowest figure first.
    pub partner_concerns: Vec<SubgroupMean>,
    /// Further partners in concern on this factor (in the appendix).
    #[serde(default)]
    pub more_partner_concerns: usize,
    /// The facilitator's note as one paragraph (white space runs, line
    /// breaks too, as one space), cut to [`SUMMARY_NOTE_CHARS`] at a word.
    pub note: Option<String>,
    /// True when `note` was cut (the whole note is in the appendix).
    pub note_cut: bool,
}

/// The verdict of one source (room or participants), shortened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct SummaryVerdict {
    /// The first [`SUMMARY_REASONS`] reasons, most decisive first.
    pub reasons: Vec<Reason>,
    /// Reasons left for the appendix.
    pub more_reasons: usize,
}

/// The summary of a [`WorkshopReport`](crate::WorkshopReport): picks, never new figures.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct WorkshopSummary {
    /// The room's verdict, when the room voted.
    pub room: Option<SummaryVerdict>,
    /// The participants' verdict, when there are participants.
    pub group: Option<SummaryVerdict>,
    /// At most [`SUMMARY_POINTS`], most at stake first.
    pub points: Vec<SummaryPoint>,
    /// Discussion points left for the appendix.
    pub more_points: usize,
    /// Notes on factors that are not among `points` (all in the appendix).
    pub other_notes: usize,
    /// The municipality rows of the group report: at most
    /// [`SUMMARY_SUBGROUPS`], in its order (empty without participants).
    /// Labels cut to [`SUMMARY_LABEL_CHARS`] (so are those in
    /// `partner_concerns` and the gaps).
    pub municipalities: Vec<Subgroup>,
    /// Municipality rows left for the appendix.
    pub more_municipalities: usize,
    /// The role rows, likewise.
    pub roles: Vec<Subgroup>,
    /// Role rows left for the appendix.
    pub more_roles: usize,
    /// The largest municipality differences (at most [`SUMMARY_GAPS`]), red
    /// flags first.
    pub municipality_gaps: Vec<Gap>,
    /// Municipality differences left for the appendix.
    pub more_municipality_gaps: usize,
    /// The largest role differences (at most [`SUMMARY_GAPS`]), red flags
    /// first.
    pub role_gaps: Vec<Gap>,
    /// Role differences left for the appendix.
    pub more_role_gaps: usize,
}

fn rows(all: &[Subgroup]) -> (Vec<Subgroup>, usize) {
    (
        all.iter()
            .take(SUMMARY_SUBGROUPS)
            .map(|row| Subgroup {
                label: shortened(&row.label, SUMMARY_LABEL_CHARS),
                ..row.clone()
            })
            .collect(),
        all.len().saturating_sub(SUMMARY_SUBGROUPS),
    )
}

/// A subgroup's figure with its label shortened for the summary.
fn labelled(mean: &SubgroupMean) -> SubgroupMean {
    SubgroupMean {
        label: shortened(&mean.label, SUMMARY_LABEL_CHARS),
        ..mean.clone()
    }
}

fn short(reasons: &[Reason]) -> SummaryVerdict {
    SummaryVerdict {
        reasons: reasons.iter().take(SUMMARY_REASONS).cloned().collect(),
        more_reasons: reasons.len().saturating_sub(SUMMARY_REASONS),
    }
}

/// The first gaps to show: red flags first (§5: they decide the verdict),
/// then the largest.
fn first(gaps: &[Gap]) -> (Vec<Gap>, usize) {
    let mut ordered: Vec<&Gap> = gaps.iter().collect();
    ordered.sort_by(|a, b| b.red_flag.cmp(&a.red_flag).then(b.gap.total_cmp(&a.gap)));
    (
        ordered
            .into_iter()
            .take(SUMMARY_GAPS)
            .map(|gap| Gap {
                groups: gap.groups.iter().map(labelled).collect(),
                ..gap.clone()
            })
            .collect(),
        gaps.len().saturating_sub(SUMMARY_GAPS),
    )
}

/// Participants disagree on a factor by the spread rules (not a gap).
fn participants_disagree(group: &GroupReport, id: &str) -> bool {
    group.factors.iter().any(|f| {
        f.id == id
            && f.n >= 2
            && (f.consensus == Some(Consensus::Low)
                || f.min
                    .zip(f.max)
                    .is_some_and(|(lo, hi)| hi - lo >= DISCUSSION_RANGE_FROM))
    })
}

/// Builds a workshop report's summary from its parts (the room, the
/// participants, the notes, the discussion points; see
/// [`summarize`](crate::summarize)). Discussion points are ranked by what is
/// at stake, as advice is (`advice::impact`): weight × (100 − the least
/// favourable figure: the room's, the participants', or a municipality's
/// where the municipalities differ) × phase priority (earlier phases
/// first, §5) × 1.5 for a red flag in concern (in the room, the group or at
/// one partner, §5); ties in instrument order.
pub(super) fn pick(
    instrument: &Instrument,
    room: Option<&RoomResult>,
    group: Option<&GroupReport>,
    notes: &[FactorNote],
    discussion_points: &[String],
    lang: Lang,
) -> WorkshopSummary {
    let mut ranked: Vec<(f64, usize, SummaryPoint)> = discussion_points
        .iter()
        .filter_map(|id| {
            let (order, factor) = instrument
                .factors
                .iter()
                .enumerate()
                .find(|(_, f)| &f.id == id)?;
            let tally = room.and_then(|r| r.factors.iter().find(|f| &f.id == id));
            let people = group.and_then(|g| g.factors.iter().find(|f| &f.id == id));
            let room_fav = tally.and_then(|t| t.favourability);
            let group_fav = people.and_then(|p| p.mean);
            let mut partner_concerns: Vec<SubgroupMean> = group
                .and_then(|g| g.municipality_gaps.iter().find(|gap| &gap.factor == id))
                .map(|gap| {
                    gap.groups
                        .iter()
                        .filter(|m| m.mean <= CONCERN_UPTO)
                        .map(labelled)
                        .collect()
                })
                .unwrap_or_default();
            partner_concerns.sort_by(|a, b| a.mean.total_cmp(&b.mean));
            let lowest = [room_fav, group_fav]
                .into_iter()
                .flatten()
                .chain(partner_concerns.iter().map(|m| m.mean))
                .reduce(f64::min)
                .unwrap_or(50.0);
            // As advice: a red flag weighs more when it is a concern, in
            // the room, in the group or at one partner (§5).
            let flagged = factor.red_flag
                && (room_fav.is_some_and(|f| f <= CONCERN_UPTO)
                    || group_fav.is_some_and(|f| f <= CONCERN_UPTO)
                    || !partner_concerns.is_empty());
            let mut causes = Vec::new();
            if tally.is_some_and(|t| t.discussion) {
                causes.push(PointCause::RoomDisagrees);
            }
            if group.is_some_and(|g| participants_disagree(g, id)) {
                causes.push(PointCause::ParticipantsDisagree);
            }
            if group.is_some_and(|g| {
                g.municipality_gaps
                    .iter()
                    .any(|gap| gap.red_flag && &gap.factor == id)
            }) {
                causes.push(PointCause::MunicipalitiesDiffer);
            }
            let note = notes.iter().find(|n| &n.factor == id);
            let (note, note_cut) = match note {
                None => (None, false),
                // One paragraph: the note's line breaks are kept in the
                // appendix, here they would take a line each.
                Some(n) => {
                    let text = n.text.split_whitespace().collect::<Vec<_>>().join(" ");
                    match cut(&text, SUMMARY_NOTE_CHARS) {
                        Some(short) => (Some(short), true),
                        None => (Some(text), false),
                    }
                }
            };
            let stake = crate::advice::impact(instrument, factor, lowest, flagged);
            let more_partner_concerns = partner_concerns.len().saturating_sub(SUMMARY_CONCERNS);
            partner_concerns.truncate(SUMMARY_CONCERNS);
            Some((
                stake,
                order,
                SummaryPoint {
                    factor: factor.id.clone(),
                    factor_name: factor.name.get(lang).to_string(),
                    red_flag: factor.red_flag,
                    room: tally.and_then(|t| t.band),
                    group: group_fav.map(Band::of),
                    causes,
                    partner_concerns,
                    more_partner_concerns,
                    note,
                    note_cut,
                },
            ))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let more_points = ranked.len().saturating_sub(SUMMARY_POINTS);
    let points: Vec<SummaryPoint> = ranked
        .into_iter()
        .take(SUMMARY_POINTS)
        .map(|(_, _, p)| p)
        .collect();
    let other_notes = notes
        .iter()
        .filter(|n| !points.iter().any(|p| p.factor == n.factor))
        .count();
    let (municipality_gaps, more_municipality_gaps) =
        group.map_or((Vec::new(), 0), |g| first(&g.municipality_gaps));
    let (role_gaps, more_role_gaps) = group.map_or((Vec::new(), 0), |g| first(&g.role_gaps));
    let (municipalities, more_municipalities) =
        group.map_or((Vec::new(), 0), |g| rows(&g.municipalities));
    let (roles, more_roles) = group.map_or((Vec::new(), 0), |g| rows(&g.roles));
    WorkshopSummary {
        municipalities,
        more_municipalities,
        roles,
        more_roles,
        room: room.map(|r| short(&r.report.reasons)),
        group: group.map(|g| short(&g.report.reasons)),
        points,
        more_points,
        other_notes,
        municipality_gaps,
        more_municipality_gaps,
        role_gaps,
        more_role_gaps,
    }
}

#[cfg(test)]
mod ranking {
    use super::*;
    use crate::{workshop_report, GroupOptions, Workshop};

    /// The room splits 4–4 between the ends on each factor: every one is a
    /// discussion point at favourability 50, so only the stake orders them.
    fn divided(factors: &[&str]) -> Workshop {
        let instrument = Instrument::builtin();
        let mut w = Workshop::new(instrument);
        for f in factors {
            w.set_votes(instrument, f, 1, 4);
            w.set_votes(instrument, f, 5, 4);
        }
        w
    }

    #[test]
    fn the_summary_names_the_five_points_with_most_at_stake() {
        let instrument = Instrument::builtin();
        let mut w = divided(&[
            "vergelijkbaarheid-en-bekendheid", // 1.0 × 50 × 1.2 = 60
            "onderling-vertrouwen-en-chemie",  // red flag: 2.0 × 50 × 1.1 × 1.5 = 165
            "stapje-voor-stapje-ontwikkelen",  // 1.0 × 50 × 1.0 = 50
            "werkdruk",                        // 50
            "visievorming",                    // 1.0 × 50 × 1.1 = 55
            "de-basis-op-orde",                // 1.5 × 50 × 1.2 = 90
            "heldere-doelstellingen",          // 1.5 × 50 × 1.1 = 82.5
        ]);
        let long = "De wethouders vertrouwen elkaar, de ambtelijke top nog niet. ".repeat(10);
        w.set_note("onderling-vertrouwen-en-chemie", &long);
        w.set_note("werkdruk", "Kort.");
        w.set_note("de-basis-op-orde", "Eerst:\n\n\n- de financiën\n- de ICT");
        let report = workshop_report(instrument, &w, &GroupOptions::default(), Lang::Nl);
        let s = &report.summary;
        let ids: Vec<&str> = s.points.iter().map(|p| p.factor.as_str()).collect();
        assert_eq!(
            ids,
            [
                "onderling-vertrouwen-en-chemie",
                "de-basis-op-orde",
                "heldere-doelstellingen",
                "vergelijkbaarheid-en-bekendheid",
                "visievorming",
            ]
        );
        assert_eq!(s.more_points, 2);
        // The note on a point is there, cut at a word; the one elsewhere is counted.
        let trust = &s.points[0];
        assert!(trust.red_flag);
        assert_eq!(trust.causes, [PointCause::RoomDisagrees]);
        assert_eq!(trust.room, Some(Band::Attention));
        assert_eq!(trust.group, None);
        assert!(trust.note_cut);
        let note = trust.note.as_deref().unwrap();
        let kept = note.strip_suffix('…').unwrap();
        assert!(long.starts_with(kept), "{note}");
        assert!(
            long[kept.len()..].starts_with(' '),
            "cut inside a word: {note}"
        );
        assert!(kept.chars().count() <= SUMMARY_NOTE_CHARS);
        assert_eq!(s.other_notes, 1);
        // A note of lines is one paragraph in the summary.
        assert_eq!(
            s.points[1].note.as_deref(),
            Some("Eerst: - de financiën - de ICT")
        );
        assert!(!s.points[1].note_cut);
        // The room voted and nobody brought a code.
        let room = s.room.as_ref().unwrap();
        assert!(room.reasons.len() <= SUMMARY_REASONS);
        assert_eq!(
            room.reasons.len() + room.more_reasons,
            report.room.as_ref().unwrap().report.reasons.len()
        );
        assert!(s.group.is_none());
        assert!(s.municipality_gaps.is_empty() && s.role_gaps.is_empty());
    }

    #[test]
    fn a_red_flag_in_concern_weighs_half_as_much_again() {
        let instrument = Instrument::builtin();
        // Trust (red flag, weight 2, phase 2) at 30, a concern: 2 × 70 ×
        // 1.1 × 1.5 = 231; without the red-flag weight it would be 154.
        // The basis (weight 1.5, phase 1) at 11: 1.5 × 89 × 1.2 = 160, between.
        let mut w = Workshop::new(instrument);
        for (point, votes) in [(1, 6), (2, 1), (4, 1), (5, 2)] {
            w.set_votes(instrument, "onderling-vertrouwen-en-chemie", point, votes);
        }
        for (point, votes) in [(1, 8), (5, 1)] {
            w.set_votes(instrument, "de-basis-op-orde", point, votes);
        }
        // Necessity (red flag, weight 2, phase 1) at 50, no concern: 2 × 50 × 1.2 = 120.
        w.set_votes(instrument, "noodzaak-onderkend", 1, 4);
        w.set_votes(instrument, "noodzaak-onderkend", 5, 4);
        let report = workshop_report(instrument, &w, &GroupOptions::default(), Lang::Nl);
        let ids: Vec<&str> = report
            .summary
            .points
            .iter()
            .map(|p| p.factor.as_str())
            .collect();
        assert_eq!(
            ids,
            [
                "onderling-vertrouwen-en-chemie",
                "de-basis-op-orde",
                "noodzaak-onderkend"
            ]
        );
        assert_eq!(report.summary.points[0].room, Some(Band::Concern));
        assert!(report
            .summary
            .points
            .iter()
            .all(|p| p.partner_concerns.is_empty()));
    }

    #[test]
    fn a_lower_figure_weighs_more_than_a_higher_one() {
        let instrument = Instrument::builtin();
        let mut w = divided(&["vergelijkbaarheid-en-bekendheid", "het-juiste-momentum"]);
        // Same weight and phase; momentum leans to disagreement with the ends.
        w.set_votes(instrument, "het-juiste-momentum", 1, 6);
        let report = workshop_report(instrument, &w, &GroupOptions::default(), Lang::En);
        let names: Vec<&str> = report
            .summary
            .points
            .iter()
            .map(|p| p.factor.as_str())
            .collect();
        assert_eq!(
            names,
            ["het-juiste-momentum", "vergelijkbaarheid-en-bekendheid"]
        );
        assert_eq!(report.summary.more_points, 0);
    }
}

#[cfg(test)]
mod partners {
    use super::*;
    use crate::{workshop_report, Answers, GroupOptions, Workshop};

    /// Three participants of `municipality`, all answering `point` on every
    /// statement of trust (a red flag) and 3 elsewhere.
    fn add(w: &mut Workshop, municipality: &str, point: u8) {
        let instrument = Instrument::builtin();
        for (i, role) in ["bestuurder", "raadslid", "ambtenaar"].iter().enumerate() {
            let responses: serde_json::Map<String, serde_json::Value> = instrument
                .factors
                .iter()
                .flat_map(|f| f.statements.iter().map(move |s| (f, s)))
                .map(|(f, s)| {
                    let p = if f.id == "onderling-vertrouwen-en-chemie" {
                        point
                    } else {
                        3
                    };
                    (s.id.clone(), p.into())
                })
                .collect();
            let json = serde_json::json!({
                "respondent": {"municipality": municipality, "role": role},
                "responses": responses,
            });
            let answers = Answers::from_json(&json.to_string()).unwrap();
            w.add_answers(instrument, &answers, format!("{municipality}-{i}.json"));
        }
    }

    #[test]
    fn a_point_names_two_partners_in_concern_and_counts_the_rest() {
        let instrument = Instrument::builtin();
        let mut w = Workshop::new(instrument);
        // Trust: one partner in order, five not (the lowest at 1).
        add(&mut w, "Druten", 5);
        for (m, point) in [
            ("Wijchen", 2),
            ("Beuningen", 1),
            ("Heumen", 2),
            ("Berg en Dal", 1),
            ("Mook", 2),
        ] {
            add(&mut w, m, point);
        }
        let report = workshop_report(instrument, &w, &GroupOptions::default(), Lang::Nl);
        let trust = report
            .summary
            .points
            .iter()
            .find(|p| p.factor == "onderling-vertrouwen-en-chemie")
            .expect("trust is a discussion point");
        assert_eq!(trust.partner_concerns.len(), SUMMARY_CONCERNS);
        assert_eq!(trust.more_partner_concerns, 3);
        let means: Vec<f64> = trust.partner_concerns.iter().map(|m| m.mean).collect();
        // The lowest first: both partners at 1 before any at 2.
        assert_eq!(means, [0.0, 0.0]);
        assert!(trust.partner_concerns.iter().all(|m| m.label != "Druten"));
    }

    #[test]
    fn the_summary_lists_twelve_partners_and_counts_the_rest() {
        let instrument = Instrument::builtin();
        let mut w = Workshop::new(instrument);
        for k in 0..SUMMARY_SUBGROUPS + 2 {
            add(&mut w, &format!("Gemeente {k:02}"), 1 + (k % 5) as u8);
        }
        // A name far longer than any municipality's is cut in the summary.
        let long = "Gemeente met een heel lange naam die nergens op lijkt";
        add(&mut w, long, 1);
        let report = workshop_report(instrument, &w, &GroupOptions::default(), Lang::Nl);
        let group = report.group.as_ref().unwrap();
        let s = &report.summary;
        assert_eq!(s.municipalities.len(), SUMMARY_SUBGROUPS);
        assert_eq!(s.more_municipalities, 3);
        // In the report's order, the same rows as the appendix's first twelve.
        assert_eq!(
            s.municipalities[..],
            group.municipalities[..SUMMARY_SUBGROUPS]
        );
        let cut = s
            .municipality_gaps
            .iter()
            .flat_map(|g| &g.groups)
            .find(|m| m.label.starts_with("Gemeente met"));
        assert_eq!(
            cut.map(|m| m.label.as_str()),
            Some("Gemeente met een heel lange…")
        );
        assert!(group
            .municipality_gaps
            .iter()
            .flat_map(|g| &g.groups)
            .any(|m| m.label == long));
        assert_eq!(s.roles, group.roles);
        assert_eq!(s.more_roles, 0);
    }

    #[test]
    fn a_title_is_shortened_at_a_word() {
        let title = "Nulmeting voorjaar 2026, raadsconferentie in het gemeentehuis van Druten";
        let short = shortened(title, SUMMARY_TITLE_CHARS);
        assert_eq!(short, "Nulmeting voorjaar 2026, raadsconferentie in het…");
        assert_eq!(shortened("Nulmeting", SUMMARY_TITLE_CHARS), "Nulmeting");
    }
}
