//! Two copies of one respondent's answers, changed in two browser tabs (or
//! two windows), merged part by part: for every statement, the context and
//! the respondent, the copy that changed it last wins. Nothing newer is ever
//! overwritten by something older, and nothing is lost that only one copy
//! has.

use super::{Answers, Context, Partner, Respondent};
use std::collections::BTreeMap;

/// When each part of a copy of the answers last changed, in milliseconds
/// since 1970 (the browser's `Date.now()`). Keys: `responses.<statement
/// id>`, `context.<field>` (`partners`, `stage`, `urgency`, `goals`,
/// `motives`, `form`, `domains`), `respondent.role`,
/// `respondent.municipality` (a bare `context` or `respondent` from an older
/// save stands for all its fields), and [`CLEARED`] for the moment the whole
/// copy was emptied or replaced (start over, an import, adopting a shared
/// link). A part without a time counts as changed at 0: before anything
/// else.
pub type Changes = BTreeMap<String, u64>;

/// The key of [`Changes`] for "everything was replaced at this time".
pub const CLEARED: &str = "*";

/// The key of [`Changes`] for one statement's response.
pub fn response_key(statement: &str) -> String {
    format!("responses.{statement}")
}

/// The time to stamp a change made now: `now`, or just after the latest
/// change this copy knows when that is later (a clock that was ahead, then
/// corrected, must not make the next change lose to an older one).
pub fn next_stamp(changes: &Changes, now: u64) -> u64 {
    let latest = changes.values().copied().max().unwrap_or(0);
    now.max(latest.saturating_add(1))
}

/// Stamps the fields of the context that differ between `old` and `new`:
/// a change to the urgency in one tab does not undo partners typed in
/// another.
pub fn stamp_context(changes: &mut Changes, old: &Context, new: &Context, at: u64) {
    for field in CONTEXT_FIELDS {
        if context_field(old, field) != context_field(new, field) {
            changes.insert(format!("context.{field}"), at);
        }
    }
}

/// Stamps the fields of the respondent that differ between `old` and `new`.
pub fn stamp_respondent(changes: &mut Changes, old: &Respondent, new: &Respondent, at: u64) {
    if old.role != new.role {
        changes.insert("respondent.role".into(), at);
    }
    if old.municipality != new.municipality {
        changes.insert("respondent.municipality".into(), at);
    }
}

const CONTEXT_FIELDS: [&str; 7] = [
    "partners", "stage", "urgency", "goals", "motives", "form", "domains",
];

/// One context field, compared and copied as a whole (a debug-free, cheap
/// view: the fields are few and small).
#[derive(PartialEq)]
enum Field<'a> {
    Partners(&'a [Partner]),
    One(&'a Option<String>),
    Many(&'a [String]),
}

fn context_field<'a>(c: &'a Context, field: &str) -> Field<'a> {
    match field {
        "partners" => Field::Partners(&c.partners),
        "stage" => Field::One(&c.stage),
        "urgency" => Field::One(&c.urgency),
        "form" => Field::One(&c.form),
        "goals" => Field::Many(&c.goals),
        "motives" => Field::Many(&c.motives),
        _ => Field::Many(&c.domains),
    }
}

fn copy_context_field(to: &mut Context, from: &Context, field: &str) {
    match field {
        "partners" => to.partners = from.partners.clone(),
        "stage" => to.stage = from.stage.clone(),
        "urgency" => to.urgency = from.urgency.clone(),
        "form" => to.form = from.form.clone(),
        "goals" => to.goals = from.goals.clone(),
        "motives" => to.motives = from.motives.clone(),
        _ => to.domains = from.domains.clone(),
    }
}

/// Merges `theirs` into `mine`, part by part, the later change winning (a
/// tie keeps `mine`, except that an answer beats no answer). A part that one copy removed (an answer taken back)
/// stays removed when the removal is the later change. A part the other
/// copy has but changed before this copy was cleared ([`CLEARED`]) does not
/// come back. Returns the merged answers and their changes; merging the
/// result again with either input changes nothing.
pub fn merge(mine: (&Answers, &Changes), theirs: (&Answers, &Changes)) -> (Answers, Changes) {
    let (mine_answers, mine_changes) = mine;
    let (their_answers, their_changes) = theirs;
    let cleared = |c: &Changes| c.get(CLEARED).copied().unwrap_or(0);
    // When a side last touched `key`: its own stamp, the stamp of the whole
    // it belongs to (`context` for `context.stage`, from older saves), or
    // its clearing (a part missing after a clear was removed at that time).
    let at = |c: &Changes, key: &str| {
        let whole = key
            .split_once('.')
            .filter(|(group, _)| *group != "responses")
            .and_then(|(group, _)| c.get(group))
            .copied()
            .unwrap_or(0);
        c.get(key).copied().unwrap_or(0).max(whole).max(cleared(c))
    };
    let theirs_wins = |key: &str| at(their_changes, key) > at(mine_changes, key);

    let mut answers = mine_answers.clone();
    let mut changes = mine_changes.clone();
    let mut take_time = |key: &str| {
        if let Some(&t) = their_changes.get(key) {
            changes.insert(key.to_string(), t);
        }
    };

    // Every statement either copy has an answer or a change for. An id may
    // come up more than once: the decision depends only on the two inputs,
    // so deciding again changes nothing (and no sort is needed: a sort
    // costs its own 2 KB in the widget's wasm).
    let ids = mine_answers
        .responses
        .keys()
        .chain(their_answers.responses.keys())
        .map(String::as_str)
        .chain(
            mine_changes
                .keys()
                .chain(their_changes.keys())
                .filter_map(|k| k.strip_prefix("responses.")),
        );
    for id in ids {
        let key = response_key(id);
        // At a tie an answer beats no answer: nothing only one copy has is lost.
        let tie_fill = at(their_changes, &key) == at(mine_changes, &key)
            && !mine_answers.responses.contains_key(id)
            && their_answers.responses.contains_key(id);
        if theirs_wins(&key) || tie_fill {
            match their_answers.responses.get(id) {
                Some(r) => answers.responses.insert(id.to_string(), *r),
                None => answers.responses.remove(id),
            };
            take_time(&key);
        }
    }
    for field in CONTEXT_FIELDS {
        let key = format!("context.{field}");
        if theirs_wins(&key) {
            copy_context_field(&mut answers.context, &their_answers.context, field);
            let t = at(their_changes, &key);
            changes.insert(key, t);
        }
    }
    if theirs_wins("respondent.role") {
        answers.respondent.role = their_answers.respondent.role;
        changes.insert(
            "respondent.role".into(),
            at(their_changes, "respondent.role"),
        );
    }
    if theirs_wins("respondent.municipality") {
        answers.respondent.municipality = their_answers.respondent.municipality.clone();
        changes.insert(
            "respondent.municipality".into(),
            at(their_changes, "respondent.municipality"),
        );
    }
    let latest_clear = cleared(mine_changes).max(cleared(their_changes));
    if latest_clear > 0 {
        changes.insert(CLEARED.to_string(), latest_clear);
    }
    if answers.instrument_id.is_empty() {
        answers.instrument_id = their_answers.instrument_id.clone();
    }
    (answers, changes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Response, Role};

    fn copy(responses: &[(&str, u8, u64)]) -> (Answers, Changes) {
        let mut answers = Answers::default();
        let mut changes = Changes::new();
        for &(id, value, at) in responses {
            answers
                .responses
                .insert(id.to_string(), Response::Scale(value));
            changes.insert(response_key(id), at);
        }
        (answers, changes)
    }

    /// The case: tab A answers five statements; tab B, opened
    /// earlier with two answers, then changes statement 1. Nothing is lost
    /// and statement 1 has B's newer answer, whichever tab merges.
    #[test]
    fn the_later_change_wins_per_statement_and_nothing_is_lost() {
        let a = copy(&[
            ("s1", 2, 10),
            ("s2", 2, 11),
            ("s3", 3, 12),
            ("s4", 4, 13),
            ("s5", 5, 14),
        ]);
        let b = copy(&[("s1", 5, 20), ("s2", 1, 5)]);
        for (merged, _) in [
            merge((&a.0, &a.1), (&b.0, &b.1)),
            merge((&b.0, &b.1), (&a.0, &a.1)),
        ] {
            assert_eq!(merged.responses.len(), 5);
            assert_eq!(
                merged.responses["s1"],
                Response::Scale(5),
                "B changed it last"
            );
            assert_eq!(
                merged.responses["s2"],
                Response::Scale(2),
                "A changed it last"
            );
        }
    }

    #[test]
    fn merging_again_changes_nothing() {
        let a = copy(&[("s1", 2, 10), ("s2", 2, 30)]);
        let b = copy(&[("s1", 5, 20), ("s3", 1, 5)]);
        let once = merge((&a.0, &a.1), (&b.0, &b.1));
        assert_eq!(merge((&once.0, &once.1), (&b.0, &b.1)), once);
        assert_eq!(merge((&once.0, &once.1), (&a.0, &a.1)), once);
        let other_way = merge((&b.0, &b.1), (&a.0, &a.1));
        assert_eq!(other_way.0.responses, once.0.responses);
    }

    #[test]
    fn a_later_removal_or_clear_wins_and_an_earlier_one_does_not() {
        let a = copy(&[("s1", 2, 10), ("s2", 3, 10)]);
        // B took s1 back at 20 (a change without an answer).
        let (b_answers, mut b_changes) = copy(&[("s2", 3, 10)]);
        b_changes.insert(response_key("s1"), 20);
        let (merged, _) = merge((&a.0, &a.1), (&b_answers, &b_changes));
        assert!(!merged.responses.contains_key("s1"));
        // C started over at 15: A's answers from before are gone, a later one stays.
        let (c_answers, mut c_changes) = copy(&[("s9", 4, 16)]);
        c_changes.insert(CLEARED.into(), 15);
        let a2 = copy(&[("s1", 2, 10), ("s2", 3, 30)]);
        let (merged, changes) = merge((&a2.0, &a2.1), (&c_answers, &c_changes));
        let ids: Vec<&str> = merged.responses.keys().map(String::as_str).collect();
        assert_eq!(ids, ["s2", "s9"]);
        assert_eq!(changes[CLEARED], 15);
    }

    #[test]
    fn context_and_respondent_follow_the_later_change() {
        let (mut a, mut a_changes) = copy(&[]);
        a.respondent.role = Some(Role::Raadslid);
        a_changes.insert("respondent".into(), 50);
        let (mut b, mut b_changes) = copy(&[]);
        b.respondent.role = Some(Role::Ambtenaar);
        b.context.stage = Some("preparing".into());
        b_changes.insert("respondent".into(), 40);
        b_changes.insert("context".into(), 45);
        let (merged, _) = merge((&a, &a_changes), (&b, &b_changes));
        assert_eq!(merged.respondent.role, Some(Role::Raadslid));
        assert_eq!(merged.context.stage.as_deref(), Some("preparing"));
    }

    /// The breaker's case: tab B types partners, tab A changes the urgency
    /// later. Both stay: the context merges field by field.
    #[test]
    fn context_fields_merge_one_by_one() {
        let (mut a, mut a_changes) = copy(&[]);
        let (mut b, mut b_changes) = copy(&[]);
        let before = b.context.clone();
        b.context.partners = vec![Partner {
            name: "Amersfoort".into(),
            inhabitants: Some(45_000),
        }];
        stamp_context(&mut b_changes, &before, &b.context, 100);
        let before = a.context.clone();
        a.context.urgency = Some("short-term".into());
        stamp_context(&mut a_changes, &before, &a.context, 200);
        assert_eq!(
            a_changes.len(),
            1,
            "only the field that changed: {a_changes:?}"
        );
        for (merged, _) in [
            merge((&a, &a_changes), (&b, &b_changes)),
            merge((&b, &b_changes), (&a, &a_changes)),
        ] {
            assert_eq!(merged.context.partners[0].name, "Amersfoort");
            assert_eq!(merged.context.urgency.as_deref(), Some("short-term"));
        }
    }

    /// A clock that was an hour ahead, then corrected: the next change is
    /// still the latest.
    #[test]
    fn a_new_stamp_is_after_every_stamp_this_copy_knows() {
        let (_, changes) = copy(&[("s1", 2, 5_000_000)]);
        assert_eq!(next_stamp(&changes, 1_000), 5_000_001);
        assert_eq!(next_stamp(&changes, 9_000_000), 9_000_000);
        assert_eq!(next_stamp(&Changes::new(), 7), 7);
    }

    /// Answers saved before changes were recorded (time 0) never
    /// overwrite a change this copy made.
    #[test]
    fn copies_without_times_lose_to_any_change() {
        let a = copy(&[("s1", 2, 10)]);
        let (mut old, _) = copy(&[("s1", 5, 0), ("s2", 4, 0)]);
        old.instrument_id = "van-de-laar-2010".into();
        let (merged, _) = merge((&a.0, &a.1), (&old, &Changes::new()));
        assert_eq!(merged.responses["s1"], Response::Scale(2));
        assert_eq!(
            merged.responses["s2"],
            Response::Scale(4),
            "kept: only the old copy has it"
        );
    }
}
