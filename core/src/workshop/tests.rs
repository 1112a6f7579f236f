//! Tests of a workshop: votes, codes, files and the report.

use super::*;
use crate::{
    encode_share, Answers, Consensus, GroupOptions, Instrument, Lang, Polarity, Response, Role,
};

fn instrument() -> &'static Instrument {
    Instrument::builtin()
}

fn votes(w: &mut Workshop, factor: &str, counts: [u32; 5]) {
    for (i, c) in counts.iter().enumerate() {
        w.set_votes(instrument(), factor, i as u8 + 1, *c);
    }
}

#[test]
fn a_tally_scores_the_factor_and_flags_disagreement() {
    let i = instrument();
    let factor = i.factor("noodzaak-onderkend").unwrap();
    let calm = Tally {
        counts: vec![0, 0, 0, 4, 4],
        unknown: 1,
    };
    let r = tally_result(i, factor, Some(&calm), 3, Lang::Nl);
    assert_eq!((r.votes, r.unknown), (8, 1));
    assert_eq!(r.mean_point, Some(4.5));
    assert_eq!(r.favourability, Some(87.5));
    assert_eq!(r.consensus, Some(Consensus::High));
    assert!(!r.discussion);
    let split = Tally {
        counts: vec![3, 0, 0, 0, 3],
        unknown: 0,
    };
    let r = tally_result(i, factor, Some(&split), 3, Lang::Nl);
    assert_eq!(r.consensus, Some(Consensus::Low));
    assert!(r.discussion);
}

#[test]
fn hindering_votes_turn_around() {
    let i = instrument();
    let factor = i
        .factors
        .iter()
        .find(|f| f.polarity == Polarity::Hindering)
        .unwrap();
    let agree = Tally {
        counts: vec![0, 0, 0, 0, 5],
        unknown: 0,
    };
    let r = tally_result(i, factor, Some(&agree), 3, Lang::Nl);
    assert_eq!(r.favourability, Some(0.0));
}

#[test]
fn small_tallies_are_withheld() {
    let i = instrument();
    let factor = &i.factors[0];
    let two = Tally {
        counts: vec![1, 0, 0, 0, 1],
        unknown: 0,
    };
    let r = tally_result(i, factor, Some(&two), 3, Lang::Nl);
    assert!(!r.shown);
    assert_eq!(
        (r.distribution, r.mean_point, r.discussion),
        (None, None, false)
    );
}

#[test]
fn set_votes_validates_and_caps() {
    let i = instrument();
    let mut w = Workshop::new(i);
    assert!(!w.has_work());
    w.set_votes(i, "no-such-factor", 1, 3);
    w.set_votes(i, &i.factors[0].id, 9, 3);
    assert!(w.tallies.is_empty());
    w.set_votes(i, &i.factors[0].id, 2, u32::MAX);
    assert!(w.has_work());
    assert_eq!(
        w.tallies[&i.factors[0].id].counts,
        vec![0, MAX_VOTES, 0, 0, 0]
    );
    w.set_votes(i, &i.factors[0].id, 2, 0);
    assert!(w.tallies.is_empty(), "an all-zero tally is no tally");
}

#[test]
fn a_title_is_cut_wherever_it_comes_from() {
    let i = instrument();
    let long = "Raadsconferentie ".repeat(300);
    // Loaded from a file.
    let json =
        serde_json::json!({"format_version": 1, "title": long, "participants": []}).to_string();
    let w = Workshop::from_json(&json).unwrap();
    assert_eq!(w.title.chars().count(), MAX_TITLE_CHARS);
    assert!(long.starts_with(&w.title));
    // Set directly (an autosave from before the limit), then checked.
    let mut w = Workshop::new(i);
    w.title = "é".repeat(MAX_TITLE_CHARS + 1);
    w.check(i);
    assert_eq!(w.title, "é".repeat(MAX_TITLE_CHARS));
    // Typed.
    w.set_title(&long);
    assert_eq!(w.title.chars().count(), MAX_TITLE_CHARS);
}

#[test]
fn a_file_says_which_answers_a_code_cannot_carry() {
    let i = instrument();
    let mut w = Workshop::new(i);
    // Only answers to retired statements (instrument 2.0): not a participant.
    let old =
        Answers::from_json(r#"{"responses": {"werkdruk.1": 4, "visievorming.2": 2}}"#).unwrap();
    let out = w.add_answers(i, &old, "oud.json".into());
    assert_eq!(
        out,
        CodeOutcome::Empty {
            input: "oud.json".into(),
            not_used: 2
        }
    );
    assert!(w.participants.is_empty());
    // Mixed: added, and the two that do not count are counted.
    let mixed = Answers::from_json(
        r#"{"responses": {"werkdruk.1": 4, "visievorming.2": 2, "werkdruk.3": 5}}"#,
    )
    .unwrap();
    let out = w.add_answers(i, &mixed, "gemengd.json".into());
    assert!(
        matches!(out, CodeOutcome::Added { not_used: 2, .. }),
        "{out:?}"
    );
}

/// Every outcome of a file names the file; a file without one answer
/// the questionnaire can use is no participant.
#[test]
fn every_outcome_of_a_file_names_it_and_an_unusable_file_is_no_participant() {
    let i = instrument();
    let mut w = Workshop::new(i);
    let file = |json: &str| Answers::from_json(json).unwrap();
    let out = w.add_answers(i, &file(r#"{"responses": {}}"#), "leeg.json".into());
    assert_eq!(
        out,
        CodeOutcome::Empty {
            input: "leeg.json".into(),
            not_used: 0
        }
    );
    // Only off the scale, or to a statement no questionnaire has.
    let out = w.add_answers(
        i,
        &file(r#"{"responses": {"noodzaak-onderkend.1": 9, "bestaat.niet": 3}}"#),
        "scheef.json".into(),
    );
    assert_eq!(
        out,
        CodeOutcome::Empty {
            input: "scheef.json".into(),
            not_used: 2
        }
    );
    assert!(w.participants.is_empty());
    let one = file(r#"{"responses": {"noodzaak-onderkend.1": 4}}"#);
    let added = w.add_answers(i, &one, "piet.json".into());
    assert!(matches!(&added, CodeOutcome::Added { .. }), "{added:?}");
    assert_eq!(added.input(), "piet.json");
    let twice = w.add_answers(i, &one, "piet-kopie.json".into());
    assert!(matches!(&twice, CodeOutcome::Duplicate { .. }), "{twice:?}");
    assert_eq!(twice.input(), "piet-kopie.json");
    // "Don't know" is an answer: a participant.
    let unsure = file(r#"{"responses": {"noodzaak-onderkend.1": "unknown"}}"#);
    assert_eq!(
        w.add_answers(i, &unsure, "twijfel.json".into()).input(),
        "twijfel.json"
    );
    assert_eq!(w.participants.len(), 2);
    // Full: named too.
    w.participants = (0..MAX_PARTICIPANTS).map(|n| n.to_string()).collect();
    let full = w.add_answers(
        i,
        &file(r#"{"responses": {"werkdruk.3": 2}}"#),
        "laat.json".into(),
    );
    assert_eq!(
        full,
        CodeOutcome::Full {
            input: "laat.json".into()
        }
    );
}

#[test]
fn pasted_junk_shows_twenty_lines_and_counts_the_rest() {
    let i = instrument();
    let mut answers = Answers::new(i);
    answers
        .responses
        .insert("noodzaak-onderkend.1".into(), Response::Scale(3));
    let code = encode_share(i, &answers, false);
    // Lines that look like codes (the code alphabet, a code's length)
    // but do not check out.
    let junk: String = (0..450u32)
        .map(|n| {
            format!(
                "{:016X}-{:08X}\n",
                u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15),
                n
            )
        })
        .collect();
    let text = format!("{junk}{code}\n{code}\n{junk}");
    let mut w = Workshop::new(i);
    let outcomes = w.add_codes(i, &text);
    let invalid = outcomes
        .iter()
        .filter(|o| matches!(o, CodeOutcome::Invalid { .. }))
        .count();
    assert!(invalid > SHOWN_INVALID, "{invalid}");
    let (shown, hidden) = shown_outcomes(outcomes);
    let shown_invalid = shown
        .iter()
        .filter(|o| matches!(o, CodeOutcome::Invalid { .. }))
        .count();
    assert_eq!(
        (shown_invalid, hidden),
        (SHOWN_INVALID, invalid - SHOWN_INVALID)
    );
    // The added and the duplicate code are always shown, in order.
    assert!(matches!(shown[SHOWN_INVALID], CodeOutcome::Added { .. }));
    assert!(matches!(
        shown[SHOWN_INVALID + 1],
        CodeOutcome::Duplicate { .. }
    ));
    assert_eq!(shown.len(), SHOWN_INVALID + 2);
    assert_eq!(shown_outcomes(Vec::new()), (Vec::new(), 0));
}

#[test]
fn codes_are_checked_and_deduplicated() {
    let i = instrument();
    let mut answers = Answers::new(i);
    answers.respondent.municipality = Some("Druten".into());
    answers.respondent.role = Some(Role::Raadslid);
    answers
        .responses
        .insert("noodzaak-onderkend.1".into(), Response::Scale(4));
    let code = encode_share(i, &answers, true);
    let link = format!("https://example.nl/scan#scan-code={code}");
    let mut broken = code.clone();
    broken.replace_range(6..7, if &code[6..7] == "A" { "B" } else { "A" });
    let mut w = Workshop::new(i);
    let out = w.add_codes(i, &format!("{code}\n\n{link}; {broken}\nhello"));
    assert!(
        matches!(&out[0], CodeOutcome::Added { municipality: Some(m), role: Some(Role::Raadslid), .. } if m == "Druten")
    );
    assert!(matches!(out[1], CodeOutcome::Duplicate { .. }));
    assert!(matches!(out[2], CodeOutcome::Invalid { .. }));
    // A word beside the codes is not a code attempt.
    assert_eq!(out.len(), 3, "{out:?}");
    assert_eq!(w.participants.len(), 1);
    assert_eq!(w.participant_answers(i)[0].responses, answers.responses);
    // Text without any code still says so.
    assert!(matches!(
        &w.add_codes(i, "hello")[..],
        [CodeOutcome::Invalid { input, .. }] if input == "hello"
    ));
}

#[test]
fn codes_survive_mail_clients_and_link_scanners() {
    let i = instrument();
    let mut answers = Answers::new(i);
    answers
        .responses
        .insert("noodzaak-onderkend.1".into(), Response::Scale(2));
    let code = encode_share(i, &answers, false);
    let link = format!("https://gemeente.nl/scan/#scan-code={code}")
        .replace('/', "%2F")
        .replace(':', "%3A")
        .replace('#', "%23")
        .replace('=', "%3D");
    let safe = format!("https://eur01.safelinks.protection.outlook.com/?url={link}&data=05%7C01%7C0ABCDEFGHJKMNPQRSTVWXYZ0123%7C0&reserved=0");
    // Wrapped by a mail client, quoted in a reply.
    let (a, b) = safe.split_at(safe.len() / 2);
    let mut w = Workshop::new(i);
    let out = w.add_codes(i, &format!("> Mijn code:\n> {a}\n> {b}\n> Groet, Piet"));
    assert!(
        matches!(&out[..], [CodeOutcome::Added { code: c, .. }] if *c == code),
        "{out:?}"
    );
}

#[test]
fn the_report_keeps_room_and_participants_apart() {
    let i = instrument();
    let mut w = Workshop::new(i);
    assert_eq!(
        workshop_report(i, &w, &GroupOptions::default(), Lang::Nl).room,
        None
    );
    for f in &i.factors {
        let counts = if f.polarity == Polarity::Promoting {
            [0, 0, 1, 4, 3]
        } else {
            [3, 4, 1, 0, 0]
        };
        votes(&mut w, &f.id, counts);
    }
    w.set_note(&i.factors[1].id, "  Eerst de raden meenemen.  ");
    w.set_note(&i.factors[2].id, "   ");
    let report = workshop_report(i, &w, &GroupOptions::default(), Lang::Nl);
    let room = report.room.expect("votes give a room result");
    assert_eq!(room.voters, 8);
    assert_eq!(room.report.coverage.ratio, 1.0);
    assert_eq!(room.report.verdict.level, crate::VerdictLevel::Ready);
    assert!(report.group.is_none());
    assert_eq!(report.notes.len(), 1);
    assert_eq!(report.notes[0].text, "Eerst de raden meenemen.");
}

#[test]
fn a_baseline_compares_like_with_like() {
    let i = instrument();
    let mut before = Workshop::new(i);
    let mut after = Workshop::new(i);
    for f in &i.factors {
        votes(&mut before, &f.id, [0, 0, 5, 0, 0]);
        votes(&mut after, &f.id, [0, 0, 0, 5, 0]);
    }
    let c = compare_workshops(i, &before, &after, &GroupOptions::default(), Lang::En);
    let room = c.room.expect("both have votes");
    assert!(c.group.is_none());
    let promoting = i
        .factors
        .iter()
        .filter(|f| f.polarity == Polarity::Promoting)
        .count();
    assert_eq!(room.improved.len(), promoting);
    assert!(c.notes.is_empty());
}

#[test]
fn files_round_trip_and_bad_files_say_why() {
    let i = instrument();
    let mut w = Workshop::new(i);
    w.title = "Druten–Wijchen".into();
    votes(&mut w, &i.factors[0].id, [1, 2, 3, 4, 5]);
    w.revealed.insert(i.factors[0].id.clone());
    assert_eq!(Workshop::from_json(&w.to_json()).unwrap(), w);
    assert!(Workshop::from_json("not json").is_err());
    assert!(Workshop::from_json("[]").is_err());
    assert!(Workshop::from_json(r#"{"responses":{}}"#)
        .unwrap_err()
        .to_string()
        .contains("single scan"));
    assert!(Workshop::from_json(r#"{"format_version":99,"tallies":{}}"#)
        .unwrap_err()
        .to_string()
        .contains("newer"));
    for (json, dutch) in [
        ("not json", "geen leesbaar JSON-bestand"),
        ("[]", "bevat geen workshop"),
        (r#"{"responses":{}}"#, "één ingevulde scan"),
        (r#"{"format_version":99,"tallies":{}}"#, "nieuwere versie"),
        (r#"{"format_version":"1","tallies":{}}"#, "versienummer"),
    ] {
        let error = Workshop::from_json(json).unwrap_err();
        assert!(
            error.text(Lang::Nl).contains(dutch),
            "{json}: {}",
            error.text(Lang::Nl)
        );
    }
}

/// A damaged tally, note or code is named with its path; the votes,
/// notes and participants around it are kept.
#[test]
fn a_damaged_part_of_a_workshop_file_costs_only_that_part() {
    let i = instrument();
    let (a, b) = (&i.factors[0].id, &i.factors[1].id);
    let json = format!(
        r#"{{"tallies": {{"{a}": {{"counts": "many"}}, "{b}": {{"counts": [1, -2, 3.5, 20000, 1], "unknown": 2}}}},
            "notes": {{"{a}": 5, "{b}": "Goed gesprek"}}, "revealed": ["{b}", 3],
            "participants": [1, "ABC"], "title": ["x"]}}"#
    );
    let w = Workshop::from_json(&json).unwrap();
    assert!(!w.tallies.contains_key(a.as_str()));
    assert_eq!(w.tallies[b.as_str()].counts, [1, 0, 0, MAX_VOTES, 1]);
    assert_eq!(w.tallies[b.as_str()].unknown, 2);
    assert_eq!(w.notes[b.as_str()], "Goed gesprek");
    assert_eq!(w.participants, ["ABC"]);
    let paths: Vec<&str> = w.decode_notices.iter().map(|n| n.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "$.title".to_string(),
            format!("$.tallies[\"{a}\"].counts"),
            format!("$.tallies[\"{b}\"].counts[1]"),
            format!("$.tallies[\"{b}\"].counts[2]"),
            format!("$.tallies[\"{b}\"].counts[3]"),
            "$.revealed[1]".to_string(),
            format!("$.notes[\"{a}\"]"),
            "$.participants[0]".to_string(),
        ]
    );
    assert!(w.decode_notices[4]
        .text(Lang::Nl)
        .contains("groter dan 9999"));
}

#[test]
fn a_participants_stage_is_kept_so_the_third_phase_reads_as_they_answered() {
    let instrument = Instrument::builtin();
    let mut workshop = Workshop::new(instrument);
    for municipality in ["Druten", "Wijchen", "Druten"] {
        let mut answers = Answers::new(instrument);
        answers.respondent.municipality = Some(municipality.into());
        answers.context.stage = Some("operating".into());
        answers.context.goals = vec!["kwaliteit".into()];
        for (i, (_, s)) in instrument.statements().enumerate() {
            answers
                .responses
                .insert(s.id.clone(), Response::Scale(1 + (i % 5) as u8));
        }
        workshop.add_answers(instrument, &answers, municipality.into());
    }
    // Two participants: the third row equals the first.
    assert_eq!(workshop.participants.len(), 2);
    let decoded = crate::decode_share(instrument, &workshop.participants[0]).unwrap();
    assert_eq!(decoded.context.stage.as_deref(), Some("operating"));
    // Only the stage: the goals stay out.
    assert!(decoded.context.goals.is_empty());
    // Saved and read back, the codes keep it.
    let again = Workshop::import(instrument, &workshop.to_json()).unwrap();
    assert_eq!(again.participants, workshop.participants);
    let report = workshop_report(instrument, &again, &GroupOptions::default(), Lang::Nl);
    let group = report.group.expect("participants");
    assert_eq!(group.report.stage, Some(crate::Stage::Operating));
}
