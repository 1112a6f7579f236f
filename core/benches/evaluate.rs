//! Benchmark (not a timed test): evaluate one respondent, aggregate 1,000 and
//! 10,000 respondents, and as the peer in the same run, evaluate each of
//! those respondents separately. Plain `std::time::Instant`: a warm-up, then
//! several runs, and the median is printed.
//!
//! ```sh
//! cargo bench -p samenwerkingsscan
//! ```
//!
//! The target (issue 3) is 10,000 respondents aggregated in under 50 ms
//! natively; the run prints whether it is met but never fails on it.

use samenwerkingsscan::Lang;
use samenwerkingsscan::{
    aggregate, evaluate, Answers, GroupOptions, Instrument, Partner, Response, Role,
};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// A small deterministic generator (Knuth's MMIX LCG), so every run measures
/// the same respondents.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as u32
    }

    fn below(&mut self, n: u32) -> u32 {
        self.next() % n
    }
}

const MUNICIPALITIES: [(&str, u32); 6] = [
    ("Bunschoten", 22_000),
    ("Leusden", 30_500),
    ("Nijkerk", 44_000),
    ("Putten", 24_500),
    ("Druten", 19_000),
    ("Wijchen", 41_000),
];

/// `n` respondents with varied roles, municipalities, context and answers:
/// mostly on the scale with a personal leaning, some "weet niet", some open.
fn respondents(instrument: &Instrument, n: usize, seed: u64) -> Vec<Answers> {
    let mut rng = Lcg(seed);
    let stages = &instrument.context.stages;
    let forms = &instrument.context.forms;
    (0..n)
        .map(|_| {
            let mut answers = Answers::new(instrument);
            answers.respondent.role = Some(Role::ALL[rng.below(4) as usize]);
            let (home, _) = MUNICIPALITIES[rng.below(6) as usize];
            answers.respondent.municipality = Some(home.to_string());
            let first = rng.below(5) as usize;
            answers.context.partners = MUNICIPALITIES[first..first + 2]
                .iter()
                .map(|(name, inhabitants)| Partner {
                    name: name.to_string(),
                    inhabitants: Some(*inhabitants),
                })
                .collect();
            if !stages.is_empty() {
                answers.context.stage =
                    Some(stages[rng.below(stages.len() as u32) as usize].id.clone());
            }
            if !forms.is_empty() {
                answers.context.form =
                    Some(forms[rng.below(forms.len() as u32) as usize].id.clone());
            }
            let leaning = rng.below(3); // 0 sceptical, 1 neutral, 2 positive
            for (factor, statement) in instrument.statements() {
                let roll = rng.below(100);
                let response = if roll < 5 {
                    continue;
                } else if roll < 15 {
                    Response::Unknown
                } else {
                    let base = 1 + rng.below(3) + leaning; // 1..=5
                    let value = match factor.polarity {
                        samenwerkingsscan::Polarity::Promoting => base,
                        samenwerkingsscan::Polarity::Hindering => 6 - base,
                    };
                    Response::Scale(value as u8)
                };
                answers.responses.insert(statement.id.clone(), response);
            }
            answers
        })
        .collect()
}

/// Runs `f` `warmup` times, then `runs` times, each run timing `iterations`
/// calls; returns the median time per call.
fn measure(warmup: usize, runs: usize, iterations: usize, mut f: impl FnMut()) -> Duration {
    for _ in 0..warmup {
        f();
    }
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..iterations {
                f();
            }
            start.elapsed() / iterations as u32
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn show(duration: Duration) -> String {
    let micros = duration.as_secs_f64() * 1e6;
    if micros < 1_000.0 {
        format!("{micros:9.1} µs")
    } else {
        format!("{:9.2} ms", micros / 1_000.0)
    }
}

fn main() {
    // `cargo bench` passes "--bench"; without it (e.g. `cargo test --benches`)
    // the run is a short smoke test on a tenth of the respondents.
    let quick = !std::env::args().any(|a| a == "--bench");
    let (runs, scale) = if quick { (1, 10) } else { (9, 1) };
    let instrument = Instrument::builtin();
    let options = GroupOptions::default();
    println!(
        "samenwerkingsscan benchmark: {} factors, {} statements; median of {runs} runs after warm-up",
        instrument.factors.len(),
        instrument.statements().count()
    );

    let one = &respondents(instrument, 1, 7)[0];
    let single = measure(200, runs, 2_000 / scale, || {
        black_box(evaluate(instrument, black_box(one), Lang::Nl));
    });
    println!("{:<42}{}", "evaluate, 1 respondent", show(single));

    let mut target = None;
    for n in [1_000, 10_000] {
        let n = n / scale;
        let group = respondents(instrument, n, 42 + n as u64);
        let iterations = if n >= 10_000 { 1 } else { 3 };
        let together = measure(2, runs, iterations, || {
            black_box(aggregate(instrument, black_box(&group), &options, Lang::Nl));
        });
        let each = measure(1, runs, iterations, || {
            for answers in &group {
                black_box(evaluate(instrument, black_box(answers), Lang::Nl));
            }
        });
        let label = format!("{n}");
        println!(
            "{:<42}{}",
            format!("aggregate, {label} respondents"),
            show(together)
        );
        println!(
            "{:<42}{}   aggregate / evaluate-each = {:.2}",
            format!("evaluate each of {label} respondents"),
            show(each),
            together.as_secs_f64() / each.as_secs_f64()
        );
        if n == 10_000 {
            target = Some(together);
        }
    }
    if let Some(t) = target {
        let ms = t.as_secs_f64() * 1e3;
        println!(
            "target (issue 3): aggregate 10,000 respondents under 50 ms: {} ({ms:.1} ms)",
            if ms < 50.0 { "met" } else { "NOT met" }
        );
    }

    // Issue 15: importing a file at the size limit (1 MB of statement ids
    // the instrument does not know, and one real answer) must not freeze
    // the page. The peer is parsing the same text into serde_json's `Value`
    // (what any JSON reader must do at least).
    let real = &instrument.factors[0].statements[0].id;
    let mut file = format!("{{\"responses\": {{\"{real}\": 4");
    let mut n = 0;
    while file.len() < samenwerkingsscan::MAX_FILE_BYTES - 40 {
        file.push_str(&format!(", \"onbekend.{n}\": 3"));
        n += 1;
    }
    file.push_str("}}");
    let import = measure(1, runs, 3, || {
        black_box(Answers::import(instrument, black_box(&file)).ok());
    });
    let value = measure(1, runs, 3, || {
        black_box(serde_json::from_str::<serde_json::Value>(black_box(&file)).ok());
    });
    println!(
        "{:<42}{}   import / serde_json::Value = {:.2}",
        format!("import a 1 MB file ({n} unknown ids)"),
        show(import),
        import.as_secs_f64() / value.as_secs_f64()
    );
    println!(
        "{:<42}{}",
        "peer: parse it into serde_json::Value",
        show(value)
    );
}
