//! Subgroups (municipalities, roles) under disclosure control: split by
//! name, small groups merged or withheld, every shown figure audited so that
//! no combination isolates fewer than the minimum, and the gaps between
//! the subgroups that may be shown.

use super::model::{Gap, Subgroup, SubgroupMean};
use super::names::{count_spelling, most_common, name_key_into};
use crate::answers::{Answers, Role};
use crate::disclosure;
use crate::instrument::Instrument;
use crate::numbers::whole;
use crate::score::{favourability, mean, Band, FactorScore};
use crate::text::Lang;
use crate::verdict::PartnerFlag;
use std::collections::BTreeMap;

/// The respondents of one subgroup, before disclosure control.
pub(super) struct Group {
    pub(super) label: String,
    pub(super) members: Vec<usize>,
}

/// Respondents split by a name: groups by [`name_key`] (sorted), and those
/// who gave none.
pub(super) struct Split {
    pub(super) groups: BTreeMap<String, Group>,
    pub(super) unassigned: Vec<usize>,
}

pub(super) fn split(respondents: &[Answers], name: impl Fn(&Answers) -> Option<&str>) -> Split {
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
pub(super) struct Part {
    pub(super) key: String,
    pub(super) label: String,
    pub(super) members: Vec<usize>,
    pub(super) shown: bool,
    /// The merged row (not a municipality or role of its own).
    pub(super) other: bool,
    pub(super) in_other: bool,
}

/// Complementary suppression, as statistical offices do it: subgroups below
/// the minimum are withheld, and when the withheld respondents (with those
/// who gave no name) number 1 to min − 1, their answers would follow from
/// the whole group's figures minus the shown subgroups. Then the smallest
/// shown subgroup joins them in one merged row of at least `min`.
pub(super) fn protect(
    split: Split,
    min: usize,
    words: &Words,
    lang: Lang,
) -> (Vec<Part>, Option<String>) {
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
    let list = lang.listing(&rows);
    let mut note = String::new();
    if !few.is_empty() {
        note.push_str(&words.too_few(&lang.listing(&few), min, lang));
        note.push(' ');
    }
    if !split.unassigned.is_empty() {
        note.push_str(&lang.pick(
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
        ("staan de", lang.pick("van de", "of the"))
    } else {
        ("staat", lang.pick("uit", "from"))
    };
    let whose = if few.is_empty() {
        lang.pick("hun antwoorden", "their answers").to_string()
    } else {
        lang.pick(
            format!("de antwoorden {whose} {}", lang.listing(&few)),
            format!("the answers {whose} {}", lang.listing(&few)),
        )
    };
    note.push_str(&lang.pick(
        format!("Daarom staan {list} samen in één rij, en {verb} {joined} niet apart. Zo kan niemand {whose} terugrekenen uit het totaal."),
        format!("{list} are therefore combined in one row, and {joined} are not shown separately. That way nobody can work out {whose} from the total."),
    ));
    let mut label = format!("{list} {}", lang.pick("samen", "together"));
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
pub(super) struct Words<'a> {
    /// Roles are named in the plural ("bestuurders"), municipalities as
    /// they are.
    pub(super) roles: bool,
    pub(super) lang: Lang,
    pub(super) unnamed: &'a str,
}

impl Words<'_> {
    pub(super) fn name(&self, part: &Part) -> String {
        if self.roles {
            Role::ALL
                .iter()
                .find(|r| r.id() == part.key)
                .map_or_else(|| part.label.clone(), |r| r.plural(self.lang).to_string())
        } else {
            part.label.clone()
        }
    }

    pub(super) fn too_few(&self, few: &str, min: usize, lang: Lang) -> String {
        if self.roles {
            lang.pick(
                format!("Er deden minder dan {min} {few} mee."),
                format!("Fewer than {min} {few} took part."),
            )
        } else {
            lang.pick(
                format!("Uit {few} deden minder dan {min} mensen mee."),
                format!("Fewer than {min} people took part from {few}."),
            )
        }
    }
}

/// Every respondent's factor scores, stored per factor: the group
/// statistics walk one factor over all respondents, so that is contiguous.
pub(super) struct ScoreTable {
    pub(super) by_factor: Vec<Vec<FactorScore>>,
}

impl ScoreTable {
    pub(super) fn new(
        factors: usize,
        people: impl ExactSizeIterator<Item = Vec<FactorScore>>,
    ) -> Self {
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

    pub(super) fn factor(&self, factor: usize) -> &[FactorScore] {
        &self.by_factor[factor]
    }

    pub(super) fn get(&self, person: usize, factor: usize) -> &FactorScore {
        &self.by_factor[factor][person]
    }
}

/// Which rows of one dimension each respondent belongs to: their own
/// subgroup (by position in the parts) and the merged row.
pub(super) struct Membership {
    pub(super) keys: Vec<String>,
    pub(super) own: Vec<Option<usize>>,
    pub(super) merged: Vec<bool>,
}

impl Membership {
    pub(super) fn new(respondents: usize, parts: &[Part]) -> Self {
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
    pub(super) fn bits<'a>(
        &'a self,
        figures: &[&Figure],
        offset: usize,
    ) -> impl Fn(usize) -> u64 + 'a {
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
pub(super) fn audit(
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
pub(super) fn smallest(list: &[Figure]) -> Option<usize> {
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
pub(super) struct Figure {
    pub(super) key: String,
    pub(super) label: String,
    /// The respondents who answered the factor (sorted).
    pub(super) answerers: Vec<usize>,
    pub(super) mean: f64,
    /// The merged row (not a municipality or role of its own).
    pub(super) other: bool,
    /// Withheld by the audit: together with the other figures it would give
    /// away fewer than the minimum.
    pub(super) crossed: bool,
}

impl Figure {
    pub(super) fn shown(&self) -> bool {
        !self.crossed
    }

    pub(super) fn mean(&self) -> SubgroupMean {
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
pub(super) fn figures(
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
pub(super) fn subgroups(
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
pub(super) fn gaps(
    instrument: &Instrument,
    figures: &[Vec<Figure>],
    threshold: f64,
    lang: Lang,
) -> Vec<Gap> {
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
pub(super) fn partner_flags(instrument: &Instrument, figures: &[Vec<Figure>]) -> Vec<PartnerFlag> {
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
pub(super) fn gap_details(gaps: &[Gap]) -> String {
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
