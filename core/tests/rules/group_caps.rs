//! Group caps.

use super::*;

/// Three respondents per municipality (or role) who differ only on `factors`.
fn split_group(factors: &[&str], by_role: bool) -> Vec<Answers> {
    let mut out = Vec::new();
    for (side, favourability) in [(0, 100), (1, 0)] {
        for _ in 0..3 {
            let mut scan = Scan::favourable();
            for f in factors {
                scan = scan.favourability(f, favourability);
            }
            scan = if by_role {
                scan.role(if side == 0 {
                    Role::Bestuurder
                } else {
                    Role::Ambtenaar
                })
            } else {
                scan.municipality(if side == 0 { "Druten" } else { "Wijchen" })
            };
            out.push(scan.build());
        }
    }
    out
}

pub(crate) fn late_ordinary(n: usize) -> Vec<String> {
    ordinary()
        .into_iter()
        .filter(|f| f.phase != first_phase())
        .take(n)
        .map(|f| f.id.clone())
        .collect()
}

#[test]
fn a_gap_between_municipalities_is_named_without_capping_below_ready() {
    let id = &late_ordinary(1)[0];
    let report = group(&split_group(&[id], false));
    assert_eq!(report.municipality_gaps.len(), 1);
    let gap = &report.municipality_gaps[0];
    assert_eq!(&gap.factor, id);
    assert_eq!(gap.gap, 100.0);
    assert_eq!(gap.groups.len(), 2);
    assert_eq!(
        reason(&report.report, "gap-municipalities").factors,
        std::slice::from_ref(id)
    );
    assert_level(&report.report, Ready);
}

#[test]
fn a_gap_on_a_red_flag_caps_at_promising() {
    // One municipality strong on a red flag, the other in doubt (neutral):
    // a gap, but no concern on either side.
    let flag = &vetoing_flags()[0].id;
    let mut respondents = Vec::new();
    for (place, favourability) in [("Druten", 100), ("Wijchen", 50)] {
        for _ in 0..3 {
            let scan = Scan::favourable().favourability(flag, favourability);
            respondents.push(scan.municipality(place).build());
        }
    }
    let report = group(&respondents);
    assert!(report.municipality_gaps[0].red_flag);
    let gap = reason(&report.report, "gap-municipalities");
    assert!(gap.text.contains("Druten 100, Wijchen 50"), "{}", gap.text);
    assert_level(&report.report, Promising);
}

#[test]
fn the_weakest_partner_decides_on_a_red_flag() {
    // Issue 12: one municipality scores trust at about 31, the other at 85;
    // the mean of about 58 hides it. Trust must exist on both sides.
    let trust = TRUST;
    let mut respondents = Vec::new();
    for (place, values) in [("Druten", [25, 25, 50]), ("Wijchen", [75, 100, 75])] {
        for v in values {
            let scan = Scan::favourable().favourability(trust, v);
            respondents.push(scan.municipality(place).build());
        }
    }
    let report = group(&respondents);
    let pooled = report
        .report
        .factors
        .iter()
        .find(|f| f.id == trust)
        .unwrap();
    assert_ne!(pooled.band, Some(Band::Concern), "the mean alone hides it");
    let veto = reason(&report.report, "veto-partner");
    assert!(veto.text.contains("Druten"), "{}", veto.text);
    assert!(veto.text.contains("§8.2"), "{}", veto.text);
    assert_eq!(veto.factors, [trust]);
    assert_level(&report.report, PreconditionsFirst);

    // A municipality that disagrees with every promoting statement: its
    // red flags are concerns, so the group cannot be positive.
    let mut respondents = Vec::new();
    for place in ["Druten", "Wijchen"] {
        for _ in 0..3 {
            let scan = if place == "Druten" {
                Scan::favourable().all(Polarity::Promoting, 1)
            } else {
                Scan::favourable()
            };
            respondents.push(scan.municipality(place).build());
        }
    }
    let report = group(&respondents);
    assert!(report.report.verdict.level.rank() <= NotReady.rank());
    assert!(rules(&report.report).contains(&"veto-partner"));

    // Below the anonymity minimum a municipality is not named.
    let mut small = respondents.clone();
    small.truncate(2);
    small.extend(respondents[3..].iter().cloned());
    let report = group(&small);
    assert!(!rules(&report.report).contains(&"veto-partner"));
}

#[test]
fn three_gaps_between_municipalities_cap_at_promising() {
    let ids = late_ordinary(3);
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let report = group(&split_group(&refs, false));
    assert_eq!(report.municipality_gaps.len(), 3);
    assert_level(&report.report, Promising);
    let two = group(&split_group(&refs[..2], false));
    assert_level(&two.report, Ready);
}

#[test]
fn a_gap_below_the_threshold_is_no_gap() {
    let id = &late_ordinary(1)[0];
    let mut respondents = split_group(&[id], false);
    // The second municipality 75 instead of 0: a gap of 25 is exactly the threshold.
    for a in &mut respondents[3..] {
        *a = Scan { answers: a.clone() }.favourability(id, 75).build();
    }
    assert_eq!(group(&respondents).municipality_gaps.len(), 1);
    let options = GroupOptions {
        gap_threshold: 26.0,
        ..GroupOptions::default()
    };
    let report = aggregate(instrument(), &respondents, &options, Lang::Nl);
    assert!(report.municipality_gaps.is_empty());
    assert!(!rules(&report.report).contains(&"gap-municipalities"));
}

#[test]
fn a_gap_between_roles_is_named() {
    let id = &late_ordinary(1)[0];
    let report = group(&split_group(&[id], true));
    assert!(report.municipality_gaps.is_empty());
    assert_eq!(report.role_gaps.len(), 1);
    assert_eq!(
        reason(&report.report, "gap-roles").factors,
        std::slice::from_ref(id)
    );
    assert_level(&report.report, Ready);
    let keys: Vec<&str> = report.roles.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, ["ambtenaar", "bestuurder"]);
}

#[test]
fn gaps_need_subgroups_of_the_minimum_size() {
    let id = &late_ordinary(1)[0];
    let mut respondents = split_group(&[id], false);
    respondents.remove(0); // Druten now has two respondents
    let report = group(&respondents);
    assert!(report.municipality_gaps.is_empty());
    let druten = &report.municipalities[0];
    assert_eq!(
        (druten.key.as_str(), druten.n, druten.shown),
        ("druten", 2, false)
    );
}
