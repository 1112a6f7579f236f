//! Next step.

use super::*;

pub(crate) fn step_number(factor_id: &str) -> u8 {
    instrument()
        .plan_step(&factor(factor_id).plan_step)
        .unwrap()
        .number
}

#[test]
fn next_step_is_the_earliest_step_with_a_concern() {
    let mut factors: Vec<_> = ordinary()
        .into_iter()
        .filter(|f| required_phase(&f.phase))
        .collect();
    factors.sort_by_key(|f| step_number(&f.id));
    let (early, late) = (factors[0], factors[factors.len() - 1]);
    assert!(step_number(&early.id) < step_number(&late.id));
    let report = Scan::favourable()
        .stage("orienting")
        .favourability(&late.id, 0)
        .favourability(&early.id, 0)
        .report();
    let next = report.next_step.unwrap();
    assert_eq!(next.id, early.plan_step);
    assert_eq!(next.number, step_number(&early.id));
    let name = |id: &str| {
        report
            .factors
            .iter()
            .find(|f| f.id == id)
            .unwrap()
            .name
            .clone()
    };
    assert!(next.reason.contains(&name(&early.id)));
    assert!(!next.reason.contains(&name(&late.id)));
    assert!(next.reason.contains("zorgpunt"));

    // The later concern alone points at the later step.
    let report = Scan::favourable()
        .stage("orienting")
        .favourability(&late.id, 0)
        .report();
    assert_eq!(report.next_step.unwrap().id, late.plan_step);
}

#[test]
fn a_running_partnership_steers_in_operation_and_goes_back_only_for_red_flags() {
    let early = ordinary()
        .into_iter()
        .find(|f| step_number(&f.id) <= 2 && required_phase(&f.phase))
        .unwrap();
    let next = Scan::favourable()
        .stage("operating")
        .favourability(&early.id, 0)
        .report()
        .next_step
        .unwrap();
    assert_eq!(next.number, 5, "{next:?}");
    assert!(!next.going_back);
    assert!(next.reason.contains("§8.5"));
    let next = Scan::favourable()
        .stage("operating")
        .favourability(TRUST, 25)
        .report()
        .next_step
        .unwrap();
    assert_eq!(next.number, step_number(TRUST));
    assert!(next.going_back);
    let next = Scan::favourable()
        .stage("operating")
        .report()
        .next_step
        .unwrap();
    assert_eq!(next.number, 6);
}

#[test]
fn a_concern_in_a_step_already_passed_means_going_back() {
    // Preparing (steps 3–4) with a concern of step 2, the search for
    // partners: §8.3 says to go back to the second step.
    let early = ordinary()
        .into_iter()
        .find(|f| step_number(&f.id) == 2 && required_phase(&f.phase))
        .unwrap();
    let report = Scan::favourable()
        .stage("preparing")
        .favourability(&early.id, 0)
        .report();
    let next = report.next_step.unwrap();
    assert_eq!(next.number, 2);
    assert!(next.going_back);
    assert!(next.reason.contains("§8.3"), "{}", next.reason);
    // Orienting, the same step lies ahead: no going back.
    let next = Scan::favourable()
        .stage("orienting")
        .favourability(&early.id, 0)
        .report()
        .next_step
        .unwrap();
    assert_eq!(next.number, 2);
    assert!(!next.going_back);
}

#[test]
fn before_the_start_the_running_phase_is_a_look_ahead() {
    let late = ordinary()
        .into_iter()
        .find(|f| !required_phase(&f.phase))
        .unwrap();
    for stage in ["orienting", "preparing"] {
        // Its concerns are points to arrange before the start: not ready
        // yet, but never lower than promising, and they do not choose the
        // next step.
        let report = Scan::favourable()
            .stage(stage)
            .favourability(&late.id, 0)
            .report();
        assert_level(&report, Promising);
        let worse = Scan::uniform(4, 3)
            .stage(stage)
            .favourability(&late.id, 0)
            .report();
        assert_eq!(
            worse.verdict.level,
            Scan::uniform(4, 3).stage(stage).report().verdict.level
        );
        assert_eq!(
            reason(&report, "arrange-before-start").factors,
            std::slice::from_ref(&late.id)
        );
        assert!(report
            .advice
            .iter()
            .any(|a| a.factor == late.id && a.before_start));
        assert!(!report.next_step.unwrap().going_back);
        // Not answered at all, or "weet niet": still a verdict.
        let open = Scan::favourable()
            .stage(stage)
            .phase_missing(&late.phase)
            .report();
        assert_level(&open, Ready);
        let phase = open.phases.iter().find(|p| p.id == late.phase).unwrap();
        assert!(phase.looking_ahead);
    }
    // Running: the same concern caps the verdict, in running words.
    let running = Scan::favourable()
        .stage("operating")
        .favourability(&late.id, 0)
        .report();
    assert_level(&running, RunningWithAttention);
    assert_eq!(running.verdict.label, "Loopt, met aandachtspunten");
    reason(&running, "concerns");
    // And unanswered, it is missing information.
    let open = Scan::favourable()
        .stage("operating")
        .phase_missing(&late.phase)
        .report();
    assert_level(&open, InsufficientInformation);
}

#[test]
fn a_running_partnership_is_never_ready_to_start() {
    for scan in [Scan::favourable(), Scan::uniform(4, 3), Scan::uniform(3, 2)] {
        let report = scan.stage("operating").report();
        assert!(report.running);
        assert!(
            matches!(
                report.verdict.level,
                RunningWell | RunningWithAttention | NeedsSteering | SeriousProblems
            ),
            "{:?}",
            report.verdict.level
        );
        assert_ne!(report.verdict.label, "Klaar om te starten");
    }
}

#[test]
fn without_a_stage_the_report_says_which_reading_it_assumed() {
    let report = Scan::favourable().no_stage().report();
    assert_eq!(report.stage, None);
    assert!(!report.running);
    assert_eq!(rules(&report).last(), Some(&"stage-assumed"));
    assert_level(&report, Ready);
    let with = Scan::favourable().stage("orienting").report();
    assert!(!rules(&with).contains(&"stage-assumed"));
    assert_eq!(with.stage, Some(samenwerkingsscan::Stage::Orienting));
}

#[test]
fn no_necessity_means_no_reason_to_start() {
    // Necessity in concern: not "work on the preconditions" but question
    // the idea itself (§6.3).
    let report = Scan::favourable().favourability(NECESSITY, 25).report();
    assert_level(&report, NoReasonToStart);
    let why = reason(&report, "no-reason");
    assert!(why.text.contains("§6.3"));
    assert_eq!(report.verdict.label, "Geen reden om nu te starten");
    // "We can do our tasks ourselves for a long time" (§8.1 point 3) and the
    // necessity is not a strength.
    let report = Scan::favourable()
        .favourability(NECESSITY, 50)
        .urgency("not-needed")
        .report();
    assert_level(&report, NoReasonToStart);
    // The same urgency with a clear necessity: only a signal.
    let report = Scan::favourable().urgency("not-needed").report();
    assert_level(&report, Ready);
    assert!(report.signals.iter().any(|s| s.code == "urgency-low"));
    // Running, a lost necessity needs steering (there is no start to skip).
    let report = Scan::favourable()
        .stage("operating")
        .favourability(NECESSITY, 25)
        .report();
    assert_level(&report, NeedsSteering);
}

#[test]
fn councils_left_out_are_named_with_the_formal_step() {
    let id = "tijdige-en-periodieke-betrokkenheid-van-de-gemeenteraden";
    let report = Scan::favourable().favourability(id, 0).report();
    assert_level(&report, Promising);
    let text = &reason(&report, "councils").text;
    assert!(text.contains("§6.4"), "{text}");
    assert!(!rules(&report).contains(&"concerns"));
    // The formal step depends on the form.
    let with_form = |form: &str| {
        let report = Scan::favourable().favourability(id, 0).form(form).report();
        reason(&report, "councils").text.clone()
    };
    assert!(with_form("volledige-ambtelijke-fusie").contains("Wgr"));
    assert!(with_form("bestuurlijke-fusie").contains("herindelingsontwerp"));
    assert!(!with_form("afstemming").contains("Wgr"));
}

#[test]
fn the_balance_of_inhoud_structuur_en_relatie_is_shown() {
    let mut scan = Scan::favourable();
    for f in instrument().factors.iter() {
        if f.dimension == samenwerkingsscan::Dimension::Relatie {
            scan = scan.favourability(&f.id, 50);
        }
    }
    let report = scan.report();
    assert_eq!(report.dimensions.len(), 3);
    let relatie = &report.dimensions[2];
    assert_eq!(relatie.name, "Relatie");
    assert_eq!(relatie.favourability, Some(50.0));
    let signal = report
        .signals
        .iter()
        .find(|s| s.code == "dimension-imbalance")
        .expect("an imbalance signal");
    assert!(signal.text.contains("§6.1"));
    assert!(!Scan::favourable()
        .report()
        .signals
        .iter()
        .any(|s| s.code == "dimension-imbalance"));
}

#[test]
fn next_step_follows_a_clear_point_of_attention() {
    // A factor mean between 37.5 and 50 needs a group (or three statements).
    let target = &late_ordinary(1)[0];
    let respondents = [50, 50, 25].map(|v| Scan::favourable().favourability(target, v).build());
    let report = group(&respondents).report;
    let result = report.factors.iter().find(|f| &f.id == target).unwrap();
    assert_eq!(result.band, Some(Band::Attention));
    assert!(result.favourability.unwrap() < 50.0);
    let next = report.next_step.unwrap();
    assert_eq!(next.id, factor(target).plan_step);
    assert!(next.reason.contains("aandachtspunt"));
}

#[test]
fn without_concerns_the_stage_decides_the_next_step() {
    let expected = |id: &str| {
        instrument()
            .plan_step(id)
            .unwrap_or(&instrument().plan_steps[0])
            .id
            .clone()
    };
    for (stage, step) in [
        (None, "visie-en-doelen"),
        (Some("orienting"), "visie-en-doelen"),
        (Some("preparing"), "inrichting"),
        (Some("operating"), "evaluatie"),
    ] {
        let mut scan = Scan::favourable().no_stage();
        if let Some(stage) = stage {
            scan = scan.stage(stage);
        }
        let next = scan.report().next_step.unwrap();
        assert_eq!(next.id, expected(step), "stage {stage:?}");
        assert!(!next.reason.is_empty());
        assert!(!next.name.is_empty());
    }
    // "Neutraal" is attention but not below 50: still the stage decides.
    let next = Scan::favourable()
        .favourability(&late_ordinary(1)[0], 50)
        .stage("operating")
        .report()
        .next_step
        .unwrap();
    assert_eq!(next.id, expected("evaluatie"));
}
