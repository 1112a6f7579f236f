//! Invariants of the core, checked with proptest on generated input:
//! bounds, monotonicity, order independence, share-code round trips and
//! "never panics" for every decoder.

mod common;

use common::instrument;
use proptest::prelude::*;
use proptest::sample::Index;
use samenwerkingsscan::{
    aggregate, decode_share, encode_share, evaluate, name_key, Answers, Context, GroupOptions,
    GroupReport, Instrument, Lang, Partner, Polarity, Report, Respondent, Response, Role,
    VerdictLevel, ANSWERS_FORMAT_VERSION,
};
use serde_json::{json, Map, Value};

/// Modest case counts keep the suite fast in debug builds.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        // Tests run in a shared checkout: no regression files written next to them.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn statement_ids() -> Vec<String> {
    instrument()
        .statements()
        .map(|(_, s)| s.id.clone())
        .collect()
}

// ---------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------

/// Any response, including values off the scale.
fn any_response() -> impl Strategy<Value = Response> + Clone {
    prop_oneof![
        6 => (1u8..=5).prop_map(Response::Scale),
        2 => Just(Response::Unknown),
        1 => any::<u8>().prop_map(Response::Scale),
    ]
}

/// A response on the scale or "weet niet" (what a share code can hold).
fn valid_response() -> impl Strategy<Value = Response> + Clone {
    prop_oneof![
        5 => (1u8..=5).prop_map(Response::Scale),
        1 => Just(Response::Unknown),
    ]
}

/// Per statement: missing or a response; plus a few statements the instrument lacks.
fn responses(
    response: impl Strategy<Value = Response> + Clone,
) -> impl Strategy<Value = Vec<(String, Response)>> {
    let ids = statement_ids();
    let n = ids.len();
    (
        prop::collection::vec(prop::option::weighted(0.8, response.clone()), n),
        prop::collection::vec(("[a-z]{1,8}\\.[0-9]", response), 0..3),
    )
        .prop_map(move |(known, extra)| {
            ids.iter()
                .zip(known)
                .filter_map(|(id, r)| r.map(|r| (id.clone(), r)))
                .chain(extra)
                .collect()
        })
}

fn role() -> impl Strategy<Value = Option<Role>> {
    prop::option::of(prop::sample::select(Role::ALL.to_vec()))
}

fn municipality() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof![
        prop::sample::select(vec![
            "Druten",
            "Wijchen",
            "wijchen",
            " Wijchen ",
            "Nijkerk",
            ""
        ])
        .prop_map(String::from),
        "\\PC{0,12}",
    ])
}

fn ids_of(list: impl Iterator<Item = String>) -> Vec<String> {
    list.collect()
}

/// A context with mostly known, sometimes unknown ids.
fn context() -> impl Strategy<Value = Context> {
    let spec = &instrument().context;
    let pick = |ids: Vec<String>| {
        prop::option::of(prop_oneof![
            4 => prop::sample::select(ids),
            1 => "[a-z-]{1,10}",
        ])
    };
    let subset = |ids: Vec<String>| prop::sample::subsequence(ids.clone(), 0..=ids.len());
    (
        prop::collection::vec(
            ("\\PC{0,10}", prop::option::of(any::<u32>()))
                .prop_map(|(name, inhabitants)| Partner { name, inhabitants }),
            0..7,
        ),
        pick(ids_of(spec.stages.iter().map(|x| x.id.clone()))),
        pick(ids_of(spec.urgency.iter().map(|x| x.id.clone()))),
        pick(ids_of(spec.forms.iter().map(|x| x.id.clone()))),
        subset(ids_of(spec.goals.iter().map(|x| x.id.clone()))),
        subset(ids_of(spec.motives.iter().map(|x| x.id.clone()))),
        subset(ids_of(spec.domains.iter().map(|x| x.id.clone()))),
    )
        .prop_map(
            |(partners, stage, urgency, form, goals, motives, domains)| Context {
                partners,
                stage,
                urgency,
                goals,
                motives,
                form,
                domains,
            },
        )
}

/// Arbitrary answers: any responses (off the scale too), any respondent, any context.
fn any_answers() -> impl Strategy<Value = Answers> {
    (responses(any_response()), role(), municipality(), context()).prop_map(
        |(responses, role, municipality, context)| Answers {
            format_version: ANSWERS_FORMAT_VERSION,
            instrument_id: instrument().id.clone(),
            respondent: Respondent { role, municipality },
            context,
            responses: responses.into_iter().collect(),
            ..Answers::default()
        },
    )
}

/// Cuts a string to at most `max` bytes on a character boundary.
fn cut(text: &str, max: usize) -> String {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_string()
}

/// Answers exactly as a share code holds them: responses on the scale or
/// unknown, known context ids in instrument order, a trimmed municipality of
/// at most 60 bytes, at most 16 partners with names of at most 60 bytes and
/// no zero inhabitants (0 means "not given" in a code).
fn shareable_answers() -> impl Strategy<Value = Answers> {
    let spec = &instrument().context;
    let pick = |ids: Vec<String>| prop::option::of(prop::sample::select(ids));
    let subset = |ids: Vec<String>| prop::sample::subsequence(ids.clone(), 0..=ids.len());
    let context = (
        prop::collection::vec(
            ("\\PC{0,70}", prop::option::of(1u32..=u32::MAX)).prop_map(|(name, inhabitants)| {
                Partner {
                    name: cut(&name, 60).trim_end().to_string(),
                    inhabitants,
                }
            }),
            0..=16,
        ),
        pick(ids_of(spec.stages.iter().map(|x| x.id.clone()))),
        pick(ids_of(spec.urgency.iter().map(|x| x.id.clone()))),
        pick(ids_of(spec.forms.iter().map(|x| x.id.clone()))),
        subset(ids_of(spec.goals.iter().map(|x| x.id.clone()))),
        subset(ids_of(spec.motives.iter().map(|x| x.id.clone()))),
        subset(ids_of(spec.domains.iter().map(|x| x.id.clone()))),
    )
        .prop_map(
            |(partners, stage, urgency, form, goals, motives, domains)| Context {
                partners,
                stage,
                urgency,
                goals,
                motives,
                form,
                domains,
            },
        );
    let ids = statement_ids();
    let n = ids.len();
    (
        prop::collection::vec(prop::option::weighted(0.8, valid_response()), n),
        role(),
        prop::option::of("\\PC{0,70}").prop_map(|m| {
            m.map(|m| cut(m.trim(), 60).trim().to_string())
                .filter(|m| !m.is_empty())
        }),
        context,
    )
        .prop_map(move |(known, role, municipality, context)| Answers {
            format_version: ANSWERS_FORMAT_VERSION,
            instrument_id: instrument().id.clone(),
            respondent: Respondent { role, municipality },
            context,
            responses: ids
                .iter()
                .zip(known)
                .filter_map(|(id, r)| r.map(|r| (id.clone(), r)))
                .collect(),
            ..Answers::default()
        })
}

/// Any JSON value, up to a few levels deep, with keys and strings that the
/// decoders know mixed in so that generated input gets past the first checks.
fn json_value() -> impl Strategy<Value = Value> {
    let words = vec![
        "unknown",
        "weet-niet",
        "nl",
        "en",
        "promoting",
        "hindering",
        "inhoud",
        "randvoorwaarden",
        "werkdruk.3",
        "noodzaak-onderkend.1",
        "raadslid",
        "orienting",
        "short-term",
        "contract",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (0u64..10).prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |x| x.is_finite())
            .prop_map(|x| json!(x)),
        "\\PC{0,12}".prop_map(Value::String),
        prop::sample::select(words).prop_map(|w| Value::String(w.into())),
    ];
    let keys = prop_oneof![
        prop::sample::select(vec![
            "format_version",
            "instrument_id",
            "respondent",
            "role",
            "municipality",
            "context",
            "partners",
            "name",
            "inhabitants",
            "stage",
            "urgency",
            "goals",
            "motives",
            "form",
            "domains",
            "responses",
            "schema_version",
            "id",
            "version",
            "languages",
            "title",
            "scale",
            "points",
            "value",
            "label",
            "phases",
            "factors",
            "statements",
            "weight",
            "nl",
            "en",
            "werkdruk.3",
            "tallies",
            "counts",
            "unknown",
            "notes",
            "revealed",
            "participants",
        ])
        .prop_map(String::from),
        "[a-z_]{1,10}",
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((keys.clone(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------

fn in_range(what: &str, value: Option<f64>) -> Result<(), TestCaseError> {
    if let Some(v) = value {
        prop_assert!(
            v.is_finite() && (0.0..=100.0).contains(&v),
            "{what} = {v} is outside 0..=100"
        );
    }
    Ok(())
}

fn check_report(report: &Report) -> Result<(), TestCaseError> {
    in_range("readiness", report.readiness)?;
    in_range("risk", report.risk)?;
    let c = &report.coverage;
    prop_assert!((0.0..=1.0).contains(&c.ratio));
    prop_assert_eq!(c.statements, c.answered + c.unknown + c.missing);
    for p in &report.phases {
        in_range(&format!("{} readiness", p.id), p.readiness)?;
        in_range(&format!("{} risk", p.id), p.risk)?;
        prop_assert!((0.0..=1.0).contains(&p.coverage.ratio));
    }
    for f in &report.factors {
        in_range(&format!("{} score", f.id), f.score)?;
        in_range(&format!("{} favourability", f.id), f.favourability)?;
        prop_assert_eq!(f.answered, f.score.is_some());
        prop_assert_eq!(f.band.is_some(), f.score.is_some());
    }
    for r in report
        .strengths
        .iter()
        .chain(&report.risks)
        .chain(&report.gaps)
    {
        in_range(&format!("{} favourability", r.id), r.favourability)?;
    }
    for a in &report.advice {
        prop_assert!(
            a.impact.is_finite() && a.impact >= 0.0,
            "impact {}",
            a.impact
        );
    }
    prop_assert!(!report.reasons.is_empty());
    prop_assert!(!report.verdict.label.is_empty());
    Ok(())
}

fn check_group(group: &GroupReport) -> Result<(), TestCaseError> {
    check_report(&group.report)?;
    for f in &group.factors {
        in_range(&format!("{} mean", f.id), f.mean)?;
        in_range(&format!("{} std_dev", f.id), f.std_dev)?;
        in_range(&format!("{} min", f.id), f.min)?;
        in_range(&format!("{} max", f.id), f.max)?;
        prop_assert!(f.n <= group.respondents);
    }
    for s in group.municipalities.iter().chain(&group.roles) {
        in_range(&format!("{} readiness", s.key), s.readiness)?;
        in_range(&format!("{} risk", s.key), s.risk)?;
        prop_assert_eq!(s.shown, s.n >= group.min_group_size && !s.in_other);
    }
    for g in group.municipality_gaps.iter().chain(&group.role_gaps) {
        in_range(&format!("{} gap", g.factor), Some(g.gap))?;
        for m in &g.groups {
            in_range(&format!("{} mean", m.key), Some(m.mean))?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Bounds and monotonicity
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn every_figure_of_a_report_is_within_bounds(answers in any_answers(), english in any::<bool>()) {
        let report = evaluate(instrument(), &answers, if english { Lang::En } else { Lang::Nl });
        check_report(&report)?;
    }
}

/// The same answers twice, one statement raised from `lo` to `hi` in the second.
fn raised_pair() -> impl Strategy<Value = (Answers, Answers, String)> {
    let ids = statement_ids();
    (responses(any_response()), any::<Index>(), 1u8..=4, 1u8..=4).prop_map(
        move |(base, index, lo, step)| {
            let hi = (lo + step).min(5);
            let id = index.get(&ids).clone();
            let mut before = Answers::new(instrument());
            before.responses = base.into_iter().collect();
            let mut after = before.clone();
            before.responses.insert(id.clone(), Response::Scale(lo));
            after.responses.insert(id.clone(), Response::Scale(hi));
            (before, after, id)
        },
    )
}

fn polarity_of(statement: &str) -> Polarity {
    instrument()
        .statements()
        .find(|(_, s)| s.id == statement)
        .map(|(f, _)| f.polarity)
        .unwrap()
}

fn not_lower(what: &str, before: Option<f64>, after: Option<f64>) -> Result<(), TestCaseError> {
    if let (Some(b), Some(a)) = (before, after) {
        prop_assert!(a >= b - 1e-9, "{what} fell from {b} to {a}");
    }
    prop_assert_eq!(
        before.is_some(),
        after.is_some(),
        "{} appeared or vanished",
        what
    );
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn raising_an_answer_never_lowers_its_index((before, after, id) in raised_pair()) {
        let b = evaluate(instrument(), &before, Lang::Nl);
        let a = evaluate(instrument(), &after, Lang::Nl);
        match polarity_of(&id) {
            Polarity::Promoting => {
                not_lower("readiness", b.readiness, a.readiness)?;
                prop_assert_eq!(b.risk, a.risk);
                for (pb, pa) in b.phases.iter().zip(&a.phases) {
                    not_lower(&format!("readiness of {}", pb.id), pb.readiness, pa.readiness)?;
                    prop_assert_eq!(pb.risk, pa.risk);
                }
            }
            Polarity::Hindering => {
                not_lower("risk", b.risk, a.risk)?;
                prop_assert_eq!(b.readiness, a.readiness);
                for (pb, pa) in b.phases.iter().zip(&a.phases) {
                    not_lower(&format!("risk of {}", pb.id), pb.risk, pa.risk)?;
                    prop_assert_eq!(pb.readiness, pa.readiness);
                }
            }
        }
    }

    /// A more favourable answer never gives a worse verdict (as long as both
    /// are verdicts: a veto can lift and reveal "onvoldoende informatie").
    #[test]
    fn a_more_favourable_answer_never_worsens_the_verdict((before, after, id) in raised_pair()) {
        let (worse, better) = match polarity_of(&id) {
            Polarity::Promoting => (before, after),
            Polarity::Hindering => (after, before),
        };
        let w = evaluate(instrument(), &worse, Lang::Nl).verdict.level;
        let b = evaluate(instrument(), &better, Lang::Nl).verdict.level;
        if w != VerdictLevel::InsufficientInformation && b != VerdictLevel::InsufficientInformation {
            prop_assert!(b >= w, "{:?} became {:?} after a better answer to {}", w, b, id);
        }
    }
}

// ---------------------------------------------------------------------------
// Groups
// ---------------------------------------------------------------------------

fn group_and_shuffle() -> impl Strategy<Value = (Vec<Answers>, Vec<Answers>)> {
    prop::collection::vec(any_answers(), 1..9)
        .prop_flat_map(|group| (Just(group.clone()), Just(group).prop_shuffle()))
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn aggregation_does_not_depend_on_respondent_order(
        (group, shuffled) in group_and_shuffle(),
        min_group_size in 0usize..4,
        gap_threshold in prop::sample::select(vec![0.0, 12.5, 25.0, 50.0]),
    ) {
        let options = GroupOptions { min_group_size, gap_threshold };
        let a = aggregate(instrument(), &group, &options, Lang::Nl);
        let b = aggregate(instrument(), &shuffled, &options, Lang::Nl);
        check_group(&a)?;
        prop_assert_eq!(a, b);
    }

    #[test]
    fn a_group_reports_exactly_the_notices_of_its_respondents(
        group in prop::collection::vec(any_answers(), 1..6),
    ) {
        let sorted = |mut notices: Vec<samenwerkingsscan::ReportNotice>| {
            notices.sort_by(|a, b| (&a.path, &a.message).cmp(&(&b.path, &b.message)));
            notices.dedup();
            notices
        };
        let together = aggregate(instrument(), &group, &GroupOptions::default(), Lang::Nl);
        let each = group.iter().flat_map(|a| evaluate(instrument(), a, Lang::Nl).notices).collect();
        prop_assert_eq!(sorted(together.report.notices), sorted(each));
    }

    #[test]
    fn one_respondent_as_a_group_gives_the_same_verdict_and_indices(answers in any_answers()) {
        let single = evaluate(instrument(), &answers, Lang::Nl);
        let group = aggregate(instrument(), std::slice::from_ref(&answers), &GroupOptions::default(), Lang::Nl);
        prop_assert_eq!(group.report.verdict, single.verdict);
        prop_assert_eq!(group.report.readiness, single.readiness);
        prop_assert_eq!(group.report.risk, single.risk);
    }
}

// ---------------------------------------------------------------------------
// Disclosure control: no hidden respondent follows from the shown figures
// ---------------------------------------------------------------------------

fn small_group() -> impl Strategy<Value = (Vec<Answers>, usize)> {
    let names = prop::option::weighted(
        0.85,
        prop::sample::select(vec![
            "Druten",
            "DRUTEN ",
            "Wijchen",
            "Beuningen",
            "’s-Hertogenbosch",
            "'s-Hertogenbosch",
            "Súdwest-Fryslân",
        ]),
    );
    (
        prop::collection::vec((any_answers(), names), 1..14),
        2usize..5,
    )
        .prop_map(|(people, min)| {
            let group = people
                .into_iter()
                .map(|(mut a, name)| {
                    a.respondent.municipality = name.map(String::from);
                    a
                })
                .collect();
            (group, min)
        })
}

/// Respondents not covered by any shown figure of a dimension must number
/// 0 or at least the minimum; otherwise the total minus the shown figures
/// gives away their answers.
fn check_rest(what: &str, rest: usize, min: usize) -> Result<(), TestCaseError> {
    prop_assert!(
        rest == 0 || rest >= min,
        "{what}: {rest} respondent(s) outside the shown figures (minimum {min})"
    );
    Ok(())
}

proptest! {
    #![proptest_config(config(160))]

    #[test]
    fn no_hidden_subgroup_can_be_recovered_by_subtraction((group, min) in small_group()) {
        let options = GroupOptions { min_group_size: min, gap_threshold: 0.0 };
        let report = aggregate(instrument(), &group, &options, Lang::Nl);
        check_group(&report)?;
        let municipality = |a: &Answers| {
            a.respondent.municipality.as_deref().map(name_key).filter(|k| !k.is_empty())
        };
        let role = |a: &Answers| a.respondent.role.map(|r| r.id().to_string());
        for (what, subgroups, gaps, key) in [
            ("municipalities", &report.municipalities, &report.municipality_gaps, &municipality as &dyn Fn(&Answers) -> Option<String>),
            ("roles", &report.roles, &report.role_gaps, &role),
        ] {
            // Whole rows: readiness and risk per subgroup.
            let shown: Vec<&samenwerkingsscan::Subgroup> = subgroups.iter().filter(|s| s.shown).collect();
            for s in &shown {
                prop_assert!(s.n >= min, "{what}: {} shown with {}", s.label, s.n);
            }
            // Nothing shown: nothing to subtract (the whole group's own
            // figures are the group's, not a subgroup's).
            if !shown.is_empty() {
                let covered: usize = shown.iter().map(|s| s.n).sum();
                check_rest(what, group.len() - covered, min)?;
            }
            // Per factor: the subgroup means in the gap list.
            for gap in gaps.iter() {
                let i = instrument().factors.iter().position(|f| f.id == gap.factor).unwrap();
                let answered = group
                    .iter()
                    .filter(|a| evaluate(instrument(), a, Lang::Nl).factors[i].answered)
                    .count();
                let covered: usize = gap.groups.iter().map(|g| g.n).sum();
                check_rest(&format!("{what}, gap on {}", gap.factor), answered - covered, min)?;
                for g in &gap.groups {
                    // A figure's members are exactly that subgroup's answerers.
                    let members = group
                        .iter()
                        .filter(|a| key(a).as_deref() == Some(g.key.as_str()))
                        .filter(|a| evaluate(instrument(), a, Lang::Nl).factors[i].answered)
                        .count();
                    prop_assert_eq!(members, g.n);
                }
            }
        }
        // The same municipality typed two ways is one subgroup.
        let keys: Vec<&str> = report.municipalities.iter().map(|s| s.key.as_str()).collect();
        let mut unique = keys.clone();
        unique.dedup();
        prop_assert_eq!(keys.len(), unique.len());
        prop_assert!(report.municipalities.iter().filter(|s| s.key.contains("hertogenbosch")).count() <= 1);
    }
}

/// Complete answers (every statement on the scale), so that every figure
/// of a row is a plain mean over its members: what an attacker would use.
fn complete_group() -> impl Strategy<Value = (Vec<Answers>, usize)> {
    let n = statement_ids().len();
    let person = (
        prop::collection::vec(1u8..=5, n),
        prop::option::weighted(
            0.9,
            prop::sample::select(vec!["Druten", "Wijchen", "Beuningen", "Heumen"]),
        ),
        prop::option::weighted(0.9, prop::sample::select(Role::ALL.to_vec())),
    );
    (prop::collection::vec(person, 3..11), 2usize..5).prop_map(|(people, min)| {
        let ids = statement_ids();
        let group = people
            .into_iter()
            .map(|(values, place, role)| {
                let mut a = Answers::new(instrument());
                a.context.stage = Some("operating".into());
                a.respondent.municipality = place.map(String::from);
                a.respondent.role = role;
                for (id, v) in ids.iter().zip(values) {
                    a.responses.insert(id.clone(), Response::Scale(v));
                }
                a
            })
            .collect();
        (group, min)
    })
}

/// The rank of 0/1 rows over the given columns (Gaussian elimination).
fn rank_of(rows: &[Vec<f64>], columns: &[usize]) -> usize {
    let mut m: Vec<Vec<f64>> = rows
        .iter()
        .map(|r| columns.iter().map(|&c| r[c]).collect())
        .collect();
    let mut rank = 0;
    for col in 0..columns.len() {
        let Some(pivot) = (rank..m.len()).find(|&r| m[r][col].abs() > 1e-9) else {
            continue;
        };
        m.swap(rank, pivot);
        let top = m[rank].clone();
        for (r, row) in m.iter_mut().enumerate() {
            if r != rank {
                let f = row[col] / top[col];
                for (value, t) in row.iter_mut().zip(&top).skip(col) {
                    *value -= f * t;
                }
            }
        }
        rank += 1;
    }
    rank
}

proptest! {
    #![proptest_config(config(200))]

    /// Independent of the core's audit: with every statement answered, the
    /// shown rows (readiness) and the group's own figure are sums over sets
    /// of respondents. No set of fewer than the minimum respondents may be
    /// the support of a combination of them (tested at respondent level,
    /// every small set of people).
    #[test]
    fn no_combination_of_shown_rows_isolates_fewer_than_the_minimum((group, min) in complete_group()) {
        let options = GroupOptions { min_group_size: min, gap_threshold: 25.0 };
        // A group below the minimum is reported as it is (SCORING.md §8).
        prop_assume!(group.len() >= min);
        let report = aggregate(instrument(), &group, &options, Lang::Nl);
        let n = group.len();
        let place = |a: &Answers| a.respondent.municipality.as_deref().map(name_key);
        let role = |a: &Answers| a.respondent.role.map(|r| r.id().to_string());
        let mut rows: Vec<Vec<f64>> = vec![vec![1.0; n]];
        for (subgroups, key) in [
            (&report.municipalities, &place as &dyn Fn(&Answers) -> Option<String>),
            (&report.roles, &role),
        ] {
            let named: Vec<&str> = subgroups.iter().filter(|s| s.key != "overige").map(|s| s.key.as_str()).collect();
            for s in subgroups.iter().filter(|s| s.shown && s.readiness.is_some()) {
                let inside = |a: &Answers| {
                    let k = key(a);
                    if s.key == "overige" {
                        // The merged row: everyone whose own row is merged or who gave none.
                        k.as_deref().is_none_or(|k| subgroups.iter().any(|o| o.key == k && o.in_other) || !named.contains(&k))
                    } else {
                        k.as_deref() == Some(s.key.as_str())
                    }
                };
                rows.push(group.iter().map(|a| if inside(a) { 1.0 } else { 0.0 }).collect());
            }
        }
        let all: Vec<usize> = (0..n).collect();
        let full = rank_of(&rows, &all);
        // Every set of fewer than `min` respondents.
        let mut sets: Vec<Vec<usize>> = (0..n).map(|p| vec![p]).collect();
        if min > 2 {
            for a in 0..n {
                for b in a + 1..n {
                    sets.push(vec![a, b]);
                }
            }
        }
        if min > 3 {
            for a in 0..n {
                for b in a + 1..n {
                    for c in b + 1..n {
                        sets.push(vec![a, b, c]);
                    }
                }
            }
        }
        for set in sets.iter().filter(|s| s.len() < min) {
            let rest: Vec<usize> = all.iter().copied().filter(|p| !set.contains(p)).collect();
            prop_assert_eq!(
                rank_of(&rows, &rest), full,
                "respondents {:?} follow from the shown rows (minimum {})", set, min
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Share codes
// ---------------------------------------------------------------------------

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn share_codes_round_trip(answers in shareable_answers()) {
        let code = encode_share(instrument(), &answers, true);
        prop_assert!(code.bytes().all(|b| b == b'-' || ALPHABET.contains(&b)), "{}", code);
        let decoded = decode_share(instrument(), &code);
        prop_assert_eq!(decoded.as_ref(), Ok(&answers));

        let short = encode_share(instrument(), &answers, false);
        let decoded = decode_share(instrument(), &short).unwrap();
        prop_assert_eq!(&decoded.responses, &answers.responses);
        prop_assert_eq!(&decoded.respondent, &answers.respondent);
        prop_assert_eq!(decoded.context, Context::default());
    }

    #[test]
    fn long_municipality_names_are_cut_on_a_character_boundary(name in "\\PC{1,80}") {
        let mut answers = Answers::new(instrument());
        answers.respondent.municipality = Some(name.clone());
        let code = encode_share(instrument(), &answers, false);
        let decoded = decode_share(instrument(), &code).unwrap();
        let trimmed = name.trim();
        match decoded.respondent.municipality {
            Some(m) => {
                prop_assert!(m.len() <= 60);
                prop_assert!(trimmed.starts_with(&m));
                let expected = cut(trimmed, 60);
                prop_assert_eq!(m.as_str(), expected.trim_end());
            }
            None => prop_assert!(trimmed.is_empty()),
        }
    }

    #[test]
    fn arbitrary_answers_encode_to_a_code_that_decodes(answers in any_answers(), with_context in any::<bool>()) {
        // Off-scale values and unknown ids are dropped, never an error.
        let code = encode_share(instrument(), &answers, with_context);
        let decoded = decode_share(instrument(), &code).unwrap();
        let max = instrument().scale_max();
        for (id, response) in &decoded.responses {
            prop_assert_eq!(answers.responses.get(id), Some(response));
            if let Response::Scale(v) = response {
                prop_assert!((1..=max).contains(v));
            }
        }
    }
}

/// Crockford base32 (as in share.rs) so the tests can build codes around
/// arbitrary bodies with a valid checksum, and so reach the deeper parsing.
fn base32_encode(bytes: &[u8]) -> String {
    let mut out = String::new();
    let total = bytes.len() * 8;
    let bit = |i: usize| u32::from((bytes[i / 8] >> (7 - i % 8)) & 1);
    let mut at = 0;
    while at < total {
        let width = (total - at).min(5);
        let mut v = 0;
        for i in 0..width {
            v = (v << 1) | bit(at + i);
        }
        v <<= 5 - width;
        out.push(ALPHABET[v as usize] as char);
        at += width;
    }
    out
}

fn base32_decode(text: &str) -> Vec<u8> {
    let mut bits = Vec::new();
    for c in text.chars().filter(|c| *c != '-') {
        let v = ALPHABET.iter().position(|&a| a as char == c).unwrap() as u8;
        for i in (0..5).rev() {
            bits.push((v >> i) & 1);
        }
    }
    bits.chunks_exact(8)
        .map(|byte| byte.iter().fold(0u8, |acc, b| (acc << 1) | b))
        .collect()
}

fn checksum(bytes: &[u8]) -> [u8; 2] {
    let h = bytes.iter().fold(0x811c_9dc5u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    ((h ^ (h >> 16)) as u16).to_be_bytes()
}

fn with_checksum(mut body: Vec<u8>) -> String {
    let sum = checksum(&body);
    body.extend_from_slice(&sum);
    base32_encode(&body)
}

#[derive(Clone, Debug)]
enum ByteEdit {
    Set(Index, u8),
    Insert(Index, u8),
    Remove(Index),
    Truncate(Index),
}

fn byte_edit() -> impl Strategy<Value = ByteEdit> {
    prop_oneof![
        (any::<Index>(), any::<u8>()).prop_map(|(i, b)| ByteEdit::Set(i, b)),
        (any::<Index>(), any::<u8>()).prop_map(|(i, b)| ByteEdit::Insert(i, b)),
        any::<Index>().prop_map(ByteEdit::Remove),
        any::<Index>().prop_map(ByteEdit::Truncate),
    ]
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn the_test_base32_matches_the_core(answers in shareable_answers()) {
        // Guards the helpers below: re-encoding a real code gives the same code.
        let code = encode_share(instrument(), &answers, true);
        let bytes = base32_decode(&code);
        prop_assert_eq!(base32_encode(&bytes), code.replace('-', ""));
        let (body, sum) = bytes.split_at(bytes.len() - 2);
        prop_assert_eq!(&checksum(body)[..], sum);
    }

    #[test]
    fn decoding_a_damaged_body_with_a_valid_checksum_never_panics(
        answers in shareable_answers(),
        with_context in any::<bool>(),
        edits in prop::collection::vec(byte_edit(), 1..4),
    ) {
        let code = encode_share(instrument(), &answers, with_context);
        let mut bytes = base32_decode(&code);
        bytes.truncate(bytes.len() - 2);
        // Keep version and fingerprint (3 bytes) most of the time: damage the rest.
        for edit in edits {
            let len = bytes.len();
            match edit {
                ByteEdit::Set(i, b) => bytes[3 + i.index(len - 3).min(len - 4)] = b,
                ByteEdit::Insert(i, b) => bytes.insert(3 + i.index(len - 2), b),
                ByteEdit::Remove(i) if len > 4 => {
                    bytes.remove(3 + i.index(len - 3));
                }
                ByteEdit::Truncate(i) => bytes.truncate(3 + i.index(len - 2)),
                ByteEdit::Remove(_) => {}
            }
            if bytes.len() < 4 {
                bytes.push(0);
            }
        }
        let _ = decode_share(instrument(), &with_checksum(bytes));
    }

    #[test]
    fn decoding_any_body_with_a_valid_checksum_never_panics(body in prop::collection::vec(any::<u8>(), 0..80)) {
        let _ = decode_share(instrument(), &with_checksum(body.clone()));
        // The same body behind the real version and fingerprint.
        let header = &base32_decode(&encode_share(instrument(), &Answers::new(instrument()), false))[..3];
        let mut full = header.to_vec();
        full.extend(body);
        let _ = decode_share(instrument(), &with_checksum(full));
    }

    #[test]
    fn decode_share_never_panics_on_any_string(code in "\\PC{0,120}") {
        let _ = decode_share(instrument(), &code);
    }

    #[test]
    fn decode_share_never_panics_on_alphabet_strings(code in "[0-9A-Za-z -]{0,160}") {
        let _ = decode_share(instrument(), &code);
    }

}

/// Every single-character typo in a few real codes, exhaustively: each is
/// an error, or (in the padding bits of the last character) the same answers.
/// Deterministic, so a checksum collision could not make it flaky.
#[test]
fn every_single_typo_is_an_error_or_harmless() {
    let ids = statement_ids();
    let mut samples = vec![Answers::new(instrument())];
    for seed in 1..4u32 {
        let mut answers = Answers::new(instrument());
        answers.respondent.role = Some(Role::ALL[seed as usize % 4]);
        answers.respondent.municipality = Some("Wijchen".into());
        answers.context.partners = vec![Partner {
            name: "Druten".into(),
            inhabitants: Some(19_000),
        }];
        for (i, id) in ids.iter().enumerate() {
            let v = (i as u32 * 7 + seed * 3) % 7;
            match v {
                0 => {}
                6 => {
                    answers.responses.insert(id.clone(), Response::Unknown);
                }
                v => {
                    answers
                        .responses
                        .insert(id.clone(), Response::Scale(v as u8));
                }
            }
        }
        samples.push(answers);
    }
    let mut tried = 0;
    for answers in &samples {
        for with_context in [false, true] {
            let code = encode_share(instrument(), answers, with_context);
            let original = decode_share(instrument(), &code).unwrap();
            let chars: Vec<char> = code.chars().collect();
            for i in 0..chars.len() {
                if chars[i] == '-' {
                    continue;
                }
                for &c in ALPHABET.iter() {
                    if c as char == chars[i] {
                        continue;
                    }
                    let mut typo = chars.clone();
                    typo[i] = c as char;
                    let typo: String = typo.into_iter().collect();
                    tried += 1;
                    if let Ok(decoded) = decode_share(instrument(), &typo) {
                        assert_eq!(decoded, original, "typo at {i} gave other answers: {typo}");
                        assert_eq!(
                            i,
                            chars.len() - 1,
                            "only the last character has padding bits"
                        );
                    }
                }
            }
        }
    }
    assert!(tried > 1000);
}

// ---------------------------------------------------------------------------
// Decoders never panic on arbitrary input, and speak plainly
// ---------------------------------------------------------------------------

/// Words that only a Rust programmer reads: a message people see never
/// contains one (unless the input itself did, e.g. a field named "map").
const RUST_WORDS: [&str; 24] = [
    "u8",
    "u16",
    "u32",
    "u64",
    "usize",
    "i32",
    "i64",
    "f64",
    "f32",
    "bool",
    "Option",
    "Vec<",
    "String",
    "BTreeMap",
    "struct ",
    "enum ",
    "variant",
    "untagged",
    "Raw",
    "sequence",
    " map",
    "identifier",
    "invalid type",
    "invalid value",
];

fn speaks_plainly(message: &str, input: &str) -> Result<(), TestCaseError> {
    for word in RUST_WORDS {
        prop_assert!(
            !message.contains(word) || input.contains(word.trim()),
            "‘{}’ in a message: {}",
            word,
            message
        );
    }
    Ok(())
}

/// Every message about `input`: the error in both languages, or every
/// notice of the answers in both languages.
fn answers_speak_plainly(input: &str) -> Result<(), TestCaseError> {
    match Answers::from_json(input) {
        Err(e) => {
            speaks_plainly(&e.text(Lang::En), input)?;
            speaks_plainly(&e.text(Lang::Nl), input)?;
        }
        Ok(answers) => {
            for n in answers.check(instrument()) {
                prop_assert!(n.path.starts_with('$'), "{}", n.path);
                speaks_plainly(&n.text(Lang::En), input)?;
                speaks_plainly(&n.text(Lang::Nl), input)?;
            }
        }
    }
    if let Err(e) = Answers::import(instrument(), input) {
        speaks_plainly(&e.text(Lang::En), input)?;
        speaks_plainly(&e.text(Lang::Nl), input)?;
    }
    Ok(())
}

fn instrument_speaks_plainly(input: &str) -> Result<(), TestCaseError> {
    if let Err(error) = Instrument::from_json(input) {
        for p in &error.problems {
            prop_assert!(p.path.starts_with('$'), "{}", p.path);
            speaks_plainly(&p.text(Lang::En), input)?;
            speaks_plainly(&p.text(Lang::Nl), input)?;
        }
    }
    Ok(())
}

fn workshop_speaks_plainly(input: &str) -> Result<(), TestCaseError> {
    match samenwerkingsscan::Workshop::from_json(input) {
        Err(e) => {
            speaks_plainly(&e.text(Lang::En), input)?;
            speaks_plainly(&e.text(Lang::Nl), input)?;
        }
        Ok(w) => {
            for n in &w.decode_notices {
                prop_assert!(n.path.starts_with('$'), "{}", n.path);
                speaks_plainly(&n.text(Lang::En), input)?;
                speaks_plainly(&n.text(Lang::Nl), input)?;
            }
        }
    }
    // Fitted to the questionnaire: what it says speaks plainly too, and a
    // second check neither changes nor says anything.
    if let Ok(mut w) = samenwerkingsscan::Workshop::import(instrument(), input) {
        for n in &w.decode_notices {
            prop_assert!(n.path.starts_with('$'), "{}", n.path);
            speaks_plainly(&n.text(Lang::En), input)?;
            speaks_plainly(&n.text(Lang::Nl), input)?;
        }
        let fitted = std::mem::take(&mut w.decode_notices);
        let before = w.clone();
        w.check(instrument());
        prop_assert!(
            w.decode_notices.is_empty(),
            "{:?} after {:?}",
            w.decode_notices,
            fitted
        );
        prop_assert_eq!(w, before);
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn answers_from_json_never_panics_on_any_string(text in "\\PC{0,200}") {
        answers_speak_plainly(&text)?;
    }

    #[test]
    fn every_decoder_speaks_plainly_about_any_json(value in json_value()) {
        let text = value.to_string();
        answers_speak_plainly(&text)?;
        instrument_speaks_plainly(&text)?;
        workshop_speaks_plainly(&text)?;
        if let Err(e) = decode_share(instrument(), &text) {
            speaks_plainly(&e.text(Lang::En), &text)?;
            speaks_plainly(&e.text(Lang::Nl), &text)?;
        }
    }

    #[test]
    fn instrument_from_json_never_panics_on_any_string(text in "\\PC{0,200}") {
        prop_assert!(Instrument::from_json(&text).is_err());
    }

    #[test]
    fn answers_from_arbitrary_json_never_panic_and_evaluate_within_bounds(value in json_value()) {
        if let Ok(answers) = Answers::from_json(&value.to_string()) {
            check_report(&evaluate(instrument(), &answers, Lang::Nl))?;
            let _ = encode_share(instrument(), &answers, true);
        }
    }

    #[test]
    fn answers_shaped_json_never_panics(
        responses in prop::collection::vec((prop::sample::select(statement_ids()), json_value()), 0..8),
        respondent in json_value(),
        context in json_value(),
        version in json_value(),
    ) {
        let value = json!({
            "format_version": version,
            "respondent": respondent,
            "context": context,
            "responses": responses.into_iter().collect::<Map<_, _>>(),
        });
        answers_speak_plainly(&value.to_string())?;
        if let Ok(answers) = Answers::from_json(&value.to_string()) {
            check_report(&evaluate(instrument(), &answers, Lang::Nl))?;
        }
    }

    #[test]
    fn instrument_from_arbitrary_json_never_panics(value in json_value()) {
        let _ = Instrument::from_json(&value.to_string());
    }
}

/// One change at a random place in the built-in instrument's JSON.
#[derive(Clone, Debug)]
enum Edit {
    Delete,
    Replace(Value),
    /// Appends a copy of an array element (duplicate ids) or a key's value under a new key.
    Duplicate,
    /// Swaps a string for another string from the instrument (a wrong reference).
    Rename(Index),
    Number(f64),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => Just(Edit::Delete),
        2 => json_value().prop_map(Edit::Replace),
        2 => Just(Edit::Duplicate),
        2 => any::<Index>().prop_map(Edit::Rename),
        2 => prop::sample::select(vec![0.0, -1.0, 0.49, 0.5, 1.0, 3.0, 3.5, 7.0, 8.0, 255.0, 256.0, 1e9])
            .prop_map(Edit::Number),
    ]
}

fn strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

/// Walks `path` (each step picks a child) and applies `edit` where it ends
/// (at a leaf, or when the path runs out).
fn apply(node: &mut Value, path: &[Index], edit: &Edit, pool: &[String]) {
    let child_count = match node {
        Value::Object(map) => map.len(),
        Value::Array(items) => items.len(),
        _ => 0,
    };
    if path.is_empty() || child_count == 0 {
        match edit {
            Edit::Delete => *node = Value::Null,
            Edit::Replace(v) => *node = v.clone(),
            Edit::Duplicate => {}
            Edit::Rename(i) => *node = Value::String(i.get(pool).clone()),
            Edit::Number(n) => *node = json!(n),
        }
        return;
    }
    let i = path[0].index(child_count);
    let last = path.len() == 1;
    match node {
        Value::Object(map) => {
            let key = map.keys().nth(i).cloned().unwrap();
            match edit {
                Edit::Delete if last => {
                    map.remove(&key);
                }
                Edit::Duplicate if last => {
                    let copy = map[&key].clone();
                    map.insert(format!("{key}_copy"), copy);
                }
                _ => apply(map.get_mut(&key).unwrap(), &path[1..], edit, pool),
            }
        }
        Value::Array(items) => match edit {
            Edit::Delete if last => {
                items.remove(i);
            }
            Edit::Duplicate if last => {
                let copy = items[i].clone();
                items.push(copy);
            }
            _ => apply(&mut items[i], &path[1..], edit, pool),
        },
        _ => unreachable!(),
    }
}

fn builtin_json() -> Value {
    serde_json::to_value(Instrument::builtin()).unwrap()
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn instrument_from_json_never_panics_on_a_mutated_builtin(
        edits in prop::collection::vec((prop::collection::vec(any::<Index>(), 0..7), edit()), 1..5),
        answers in any_answers(),
    ) {
        let mut value = builtin_json();
        let mut pool = Vec::new();
        strings(&value, &mut pool);
        for (path, edit) in &edits {
            apply(&mut value, path, edit, &pool);
        }
        let text = value.to_string();
        match Instrument::from_json(&text) {
            Err(error) => {
                prop_assert!(!error.problems.is_empty());
                instrument_speaks_plainly(&text)?;
            }
            // Still valid: then everything else must cope with it too.
            Ok(custom) => {
                let report = evaluate(&custom, &answers, Lang::Nl);
                check_report(&report)?;
                let group = aggregate(&custom, &[answers.clone(), answers.clone(), answers.clone()], &GroupOptions::default(), Lang::En);
                check_group(&group)?;
                let code = encode_share(&custom, &answers, true);
                let decoded = decode_share(&custom, &code);
                prop_assert!(decoded.is_ok(), "{:?}", decoded);
                let _ = decode_share(instrument(), &code);
                let _ = answers.check(&custom);
            }
        }
    }
}

/// A custom instrument that stays valid: a subset of the factors (at least
/// one per phase), some statements dropped, polarities and red flags flipped,
/// other weights, and a scale of 3 to 7 points.
fn custom_instrument() -> impl Strategy<Value = Instrument> {
    let n = instrument().factors.len();
    (
        prop::collection::vec(prop::bool::weighted(0.7), n),
        prop::collection::vec(prop::bool::weighted(0.15), n),
        prop::collection::vec(prop::bool::weighted(0.15), n),
        prop::collection::vec(prop::sample::select(vec![0.5, 1.0, 1.5, 2.0, 2.5, 3.0]), n),
        prop::collection::vec(1usize..=3, n),
        3u8..=7,
    )
        .prop_map(move |(keep, flip, flag, weights, statements, points)| {
            let mut custom = Instrument::builtin().clone();
            custom.id = "eigen-scan".into();
            // A site's own instrument has no history of retired statements.
            custom.retired.clear();
            let mut keep = keep;
            for phase in &custom.phases {
                let members: Vec<usize> = (0..n)
                    .filter(|&i| custom.factors[i].phase == phase.id)
                    .collect();
                if !members.iter().any(|&i| keep[i]) {
                    keep[members[0]] = true;
                }
            }
            let mut factors = Vec::new();
            for (i, mut f) in custom.factors.drain(..).enumerate() {
                if !keep[i] {
                    continue;
                }
                if flip[i] {
                    f.polarity = match f.polarity {
                        Polarity::Promoting => Polarity::Hindering,
                        Polarity::Hindering => Polarity::Promoting,
                    };
                }
                f.red_flag ^= flag[i];
                if !f.red_flag {
                    // Only a red flag measures a §5 precondition (validated).
                    f.precondition = None;
                }
                f.weight = weights[i];
                f.statements.truncate(statements[i]);
                factors.push(f);
            }
            custom.factors = factors;
            let template = custom.scale.points[0].label.clone();
            custom.scale.points = (1..=points)
                .map(|value| samenwerkingsscan::ScalePoint {
                    value,
                    label: template.clone(),
                })
                .collect();
            custom
        })
}

fn responses_for(custom: &Instrument, values: &[Option<u8>]) -> Answers {
    let max = custom.scale_max();
    let mut answers = Answers::new(custom);
    for ((_, s), v) in custom.statements().zip(values) {
        match v {
            None => {}
            Some(0) => {
                answers.responses.insert(s.id.clone(), Response::Unknown);
            }
            Some(v) => {
                answers
                    .responses
                    .insert(s.id.clone(), Response::Scale((v - 1) % max + 1));
            }
        }
    }
    answers
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn valid_custom_instruments_work_end_to_end(
        custom in custom_instrument(),
        people in prop::collection::vec(
            (prop::collection::vec(prop::option::weighted(0.8, 0u8..=7), 0..130), role(), municipality()),
            1..6,
        ),
    ) {
        let json = serde_json::to_string(&custom).unwrap();
        let parsed = Instrument::from_json(&json);
        prop_assert!(parsed.is_ok(), "{:?}", parsed.err());
        let custom = parsed.unwrap();
        let respondents: Vec<Answers> = people
            .iter()
            .map(|(values, role, municipality)| {
                let mut a = responses_for(&custom, values);
                a.respondent = Respondent { role: *role, municipality: municipality.clone() };
                a
            })
            .collect();
        for answers in &respondents {
            check_report(&evaluate(&custom, answers, Lang::Nl))?;
            let code = encode_share(&custom, answers, false);
            let decoded = decode_share(&custom, &code).unwrap();
            prop_assert_eq!(&decoded.responses, &answers.responses);
            let _ = decode_share(instrument(), &code);
        }
        check_group(&aggregate(&custom, &respondents, &GroupOptions { min_group_size: 1, gap_threshold: 10.0 }, Lang::Nl))?;
    }
}

// ---------------------------------------------------------------------------
// Workshops: any votes, notes, codes and files
// ---------------------------------------------------------------------------

fn any_workshop() -> impl Strategy<Value = samenwerkingsscan::Workshop> {
    let factors = instrument().factors.len();
    (
        prop::collection::vec(
            (0..factors + 1, 0u8..8, prop_oneof![0u32..12, any::<u32>()]),
            0..120,
        ),
        prop::collection::vec(shareable_answers(), 0..6),
        prop::collection::vec((0..factors, "\\PC{0,40}"), 0..4),
    )
        .prop_map(|(votes, people, notes)| {
            let i = instrument();
            let mut w = samenwerkingsscan::Workshop::new(i);
            for (f, point, n) in votes {
                // Index `factors` stands for an id the instrument does not know.
                let id = i.factors.get(f).map_or("onbekend", |f| f.id.as_str());
                w.set_votes(i, id, point, n);
            }
            for answers in &people {
                w.add_answers(i, answers, String::new());
            }
            for (f, text) in notes {
                w.set_note(&i.factors[f].id, &text);
            }
            w
        })
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn workshop_reports_stay_within_bounds(w in any_workshop(), english in any::<bool>()) {
        let lang = if english { Lang::En } else { Lang::Nl };
        let options = GroupOptions::default();
        let report = samenwerkingsscan::workshop_report(instrument(), &w, &options, lang);
        if let Some(room) = &report.room {
            check_report(&room.report)?;
            for f in &room.factors {
                in_range("favourability", f.favourability)?;
                prop_assert!(f.shown || f.distribution.is_none());
                prop_assert!(!f.shown || f.votes >= options.min_group_size as u64);
                if let Some(mean) = f.mean_point {
                    prop_assert!((1.0..=5.0).contains(&mean));
                }
            }
        }
        if let Some(group) = &report.group {
            check_group(group)?;
        }
        // A saved workshop reads back as itself, also fitted to the questionnaire.
        let back = samenwerkingsscan::Workshop::from_json(&w.to_json()).unwrap();
        prop_assert_eq!(&back, &w);
        let imported = samenwerkingsscan::Workshop::import(instrument(), &w.to_json()).unwrap();
        prop_assert_eq!(imported, w);
    }

    #[test]
    fn comparing_any_two_workshops_never_panics(a in any_workshop(), b in any_workshop()) {
        let c = samenwerkingsscan::compare_workshops(instrument(), &a, &b, &GroupOptions::default(), Lang::Nl);
        prop_assert_eq!(c.room.is_some(), a.tallies.values().any(|t| !t.is_empty()) && b.tallies.values().any(|t| !t.is_empty()));
    }

    #[test]
    fn pasted_text_never_corrupts_the_participants(text in "\\PC{0,200}", codes in "[0-9A-Z\\-\\n=,;]{0,200}") {
        let i = instrument();
        let mut w = samenwerkingsscan::Workshop::new(i);
        w.add_codes(i, &text);
        w.add_codes(i, &codes);
        // Every stored code decodes, and none is stored twice.
        prop_assert_eq!(w.participant_answers(i).len(), w.participants.len());
        let mut unique = w.participants.clone();
        unique.sort();
        unique.dedup();
        prop_assert_eq!(unique.len(), w.participants.len());
    }

    #[test]
    fn workshop_from_json_never_panics(text in "\\PC{0,200}", value in json_value()) {
        workshop_speaks_plainly(&text)?;
        workshop_speaks_plainly(&value.to_string())?;
    }
}

proptest! {
    /// A survey table of any cells (headers that are statement ids, texts,
    /// labels or noise; answers of any text) never panics, and every
    /// respondent read holds only statements of the instrument with points
    /// on its scale.
    #[test]
    fn a_survey_table_of_any_cells_reads_or_refuses_without_panicking(
        cells in prop::collection::vec(prop::collection::vec(
            prop_oneof![
                Just("noodzaak-onderkend.1".to_string()),
                Just("Helemaal eens".to_string()),
                Just("4".to_string()),
                Just("Gemeente".to_string()),
                Just("Rol".to_string()),
                "\\PC{0,12}",
            ], 0..8), 0..6),
    ) {
        if let Ok(table) = samenwerkingsscan::read_table(instrument(), &cells) {
            for answers in &table.respondents {
                for (id, response) in &answers.responses {
                    prop_assert!(instrument().statements().any(|(_, s)| &s.id == id));
                    if let Response::Scale(v) = response {
                        prop_assert!((1..=instrument().scale_max()).contains(v));
                    }
                }
            }
            for notice in &table.notices {
                prop_assert!(!notice.text(Lang::Nl).is_empty());
            }
        }
    }
}
