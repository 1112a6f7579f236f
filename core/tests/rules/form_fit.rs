//! Form fit.

use super::*;

#[test]
fn heavy_form_with_an_expected_complex_model_is_a_caution() {
    let report = Scan::favourable()
        .form(&heavy_form())
        .favourability(COMPLEXITY, 0)
        .report();
    let fit = report.form_fit.as_ref().unwrap();
    assert_eq!(fit.fit, Fit::Caution, "{:?}", fit.notes);
    assert_eq!(fit.notes.len(), 1);
    let name = &report
        .factors
        .iter()
        .find(|f| f.id == COMPLEXITY)
        .unwrap()
        .name;
    assert!(fit.notes[0].contains(name.as_str()));
    // Expected, not yet arranged: promising, not ready; the form is not
    // the reason.
    assert_level(&report, Promising);
    assert!(!rules(&report).contains(&"form-fit"));
}

#[test]
fn heavy_form_with_workload_is_a_caution_not_a_misfit() {
    for favourability in [0, 50] {
        let report = Scan::favourable()
            .form(&heavy_form())
            .favourability(WORKLOAD, favourability)
            .report();
        let fit = report.form_fit.unwrap();
        assert_eq!(fit.fit, Fit::Caution, "{:?}", fit.notes);
        assert_eq!(fit.notes.len(), 1);
        assert!(fit.notes[0].contains("§8.4"));
    }
}

#[test]
fn heavy_form_with_weak_trust_is_a_caution_and_with_distrust_a_misfit() {
    let fit = Scan::favourable()
        .favourability(TRUST, 50)
        .form(&heavy_form())
        .report()
        .form_fit
        .unwrap();
    assert_eq!(fit.fit, Fit::Caution, "{:?}", fit.notes);
    assert!(fit.notes.iter().any(|n| n.contains("vertrouwen")));
    // Trust in concern: the relationship cannot carry a heavy form (§7.4),
    // and the verdict says so too.
    for scan in [
        Scan::favourable().favourability(TRUST, 25),
        Scan::favourable().favourability(DISTRUST, 25),
    ] {
        let report = scan.form(&heavy_form()).report();
        let fit = report.form_fit.as_ref().unwrap();
        assert_eq!(fit.fit, Fit::Poor, "{:?}", fit.notes);
        assert!(fit.notes[0].contains("§7.4"));
        reason(&report, "form-fit");
        // Trust first: back to the search for partners (§8.3), then the form.
        let next = report.next_step.as_ref().unwrap();
        assert_eq!(next.number, 2);
        assert!(next.going_back);
    }
    // Distrust needing attention alone is not enough.
    let fit = Scan::favourable()
        .favourability(DISTRUST, 50)
        .form(&heavy_form())
        .report()
        .form_fit
        .unwrap();
    assert_eq!(fit.fit, Fit::Good);
}

#[test]
fn heavy_form_with_low_readiness_is_a_caution() {
    let report = Scan::uniform(1, 1)
        .favourability(TRUST, 100)
        .form(&heavy_form())
        .report();
    assert!(report.readiness.unwrap() < PROMISING.0);
    let fit = report.form_fit.unwrap();
    assert_eq!(fit.fit, Fit::Caution);
    assert!(fit.notes.iter().any(|n| n.contains("kracht")));
}

#[test]
fn coordination_for_savings_is_a_caution_but_a_contract_fits() {
    for scan in [
        Scan::favourable().motive("kosten"),
        Scan::favourable().motive("kwetsbaarheid"),
        Scan::favourable().goal("bedrijfsvoering-uniform"),
    ] {
        let report = scan.clone().form(&lightest_form()).report();
        assert!(report.notices.is_empty(), "{:?}", report.notices);
        let fit = report.form_fit.unwrap();
        assert_eq!(fit.fit, Fit::Caution);
        assert_eq!(fit.notes.len(), 1);
        assert!(fit.notes[0].contains("§4.3.1"));
    }
    // §4.3.1 is about network cooperation: a contract (DVO) or a
    // centrumgemeente is credited with economies of scale (§7.2).
    for form in ["contract", "centrumgemeente"] {
        let report = Scan::favourable().motive("kosten").form(form).report();
        let fit = report.form_fit.unwrap();
        assert_eq!(fit.fit, Fit::Good, "{form}: {:?}", fit.notes);
        assert!(
            fit.notes.iter().any(|n| n.contains("§7.2")),
            "{:?}",
            fit.notes
        );
    }
    let quality = Scan::favourable()
        .motive("kwaliteit")
        .form(&lightest_form())
        .report();
    assert_eq!(quality.form_fit.unwrap().fit, Fit::Good);
}

#[test]
fn coordination_with_noncommittal_concern_is_a_caution() {
    let report = Scan::favourable()
        .favourability(NONCOMMITTAL, 0)
        .form(&lightest_form())
        .report();
    let fit = report.form_fit.unwrap();
    assert_eq!(fit.fit, Fit::Caution);
    let name = &report
        .factors
        .iter()
        .find(|f| f.id == NONCOMMITTAL)
        .unwrap()
        .name;
    assert!(fit.notes[0].contains(name.as_str()));
    // A contract or a heavy form is not non-committal: no such note.
    for form in [light_form(), heavy_form()] {
        let other = Scan::favourable()
            .favourability(NONCOMMITTAL, 0)
            .form(&form)
            .report();
        assert_eq!(other.form_fit.unwrap().fit, Fit::Good, "{form}");
    }
}

#[test]
fn a_centrumgemeente_leans_on_one_larger_partner() {
    let fit = |a: u32, b: u32| {
        Scan::favourable()
            .form("centrumgemeente")
            .partner("A", a)
            .partner("B", b)
            .report()
            .form_fit
            .unwrap()
    };
    let equal = fit(30_000, 32_000);
    assert_eq!(equal.fit, Fit::Caution);
    assert!(equal.notes[0].contains("§4.2.3"));
    let larger = fit(20_000, 150_000);
    assert_eq!(larger.fit, Fit::Good);
    assert!(larger.notes.iter().any(|n| n.contains("§4.2.3")));
}

#[test]
fn the_form_rules_know_the_task() {
    // A gemeenschappelijk orgaan cannot employ staff (§7.3).
    let fit = Scan::favourable()
        .goal("bedrijfsvoering-uniform")
        .form("gemeenschappelijk-orgaan")
        .report()
        .form_fit
        .unwrap();
    assert_eq!(fit.fit, Fit::Caution);
    assert!(fit.notes[0].contains("§7.3"));
    // Policy alignment saves little (§4.3.1).
    let fit = Scan::favourable()
        .goal("beleidsafstemming")
        .motive("kosten")
        .form("gemeenschappelijk-orgaan")
        .report()
        .form_fit
        .unwrap();
    assert_eq!(fit.fit, Fit::Caution);
    assert!(fit.notes[0].contains("beleid"));
}

#[test]
fn the_formal_steps_of_a_form_are_named_before_the_start() {
    let fit = |form: &str, stage: &str| {
        Scan::favourable()
            .form(form)
            .stage(stage)
            .report()
            .form_fit
            .unwrap()
    };
    let werkorganisatie = fit("volledige-ambtelijke-fusie", "preparing");
    assert!(werkorganisatie.procedure.iter().any(|p| p.contains("Wgr")));
    assert!(werkorganisatie.procedure.iter().any(|p| p.contains("WOR")));
    assert!(fit("bestuurlijke-fusie", "orienting")
        .procedure
        .iter()
        .any(|p| p.contains("herindelingsontwerp")));
    let contract = fit("contract", "preparing");
    assert!(contract.procedure.iter().any(|p| p.contains("169")));
    assert!(!contract.procedure.iter().any(|p| p.contains("Wgr")));
    assert!(fit("afstemming", "preparing").procedure.is_empty());
    assert!(fit("volledige-ambtelijke-fusie", "operating")
        .procedure
        .is_empty());
}

#[test]
fn lightest_form_with_short_term_urgency_is_a_caution() {
    let fit = |form: &str, urgency: &str| {
        Scan::favourable()
            .form(form)
            .urgency(urgency)
            .report()
            .form_fit
            .unwrap()
            .fit
    };
    assert_eq!(fit(&lightest_form(), "short-term"), Fit::Caution);
    assert_eq!(fit(&lightest_form(), "medium-term"), Fit::Good);
    assert_eq!(fit(&light_form(), "short-term"), Fit::Good);
}

#[test]
fn a_form_that_fits_says_so() {
    for form in [medium_form(), heavy_form(), light_form()] {
        let report = Scan::favourable().form(&form).report();
        let fit = report.form_fit.unwrap();
        assert_eq!(fit.fit, Fit::Good);
        assert_eq!(fit.form, form);
        assert_eq!(fit.notes.len(), 1);
        assert_eq!(fit.heaviness, instrument().form(&form).unwrap().heaviness);
    }
}

#[test]
fn no_form_or_an_unknown_form_gives_no_fit() {
    assert!(Scan::favourable().report().form_fit.is_none());
    let report = Scan::favourable().form("federatie").report();
    assert!(report.form_fit.is_none());
    assert_eq!(report.notices[0].path, "$.context.form");
    // Like everything in a report, the notice is in the report's language.
    assert!(report.notices[0]
        .message
        .contains("samenwerkingsvorm ‘federatie’"));
    let scan = Scan::favourable().form("federatie");
    let english = evaluate(instrument(), &scan.answers, Lang::En);
    assert_eq!(
        english.notices[0].message,
        "The form of cooperation ‘federatie’ is unknown and does not count."
    );
}
