//! How long `find_codes` takes on hostile pastes of 200 KB (the cases of the
//! test `the_work_is_bounded`): `cargo run --release -p samenwerkingsscan
//! --example find_timing`.
use samenwerkingsscan::find_codes;
use std::time::Instant;
fn main() {
    let line = format!("{}=\n", "=3D".repeat(25));
    let cases = [
        ("=3D lines", line.repeat(200_000 / line.len())),
        ("ABCDE groups", "ABCDE ".repeat(33_000)),
        (
            "junk lines",
            format!("{}\n", "0ABCDEFGHJ".repeat(33)).repeat(600),
        ),
        ("=\\n", "=\n".repeat(100_000)),
        (
            "a%25 lines",
            format!("{}\n", "a%25".repeat(20)).repeat(2500),
        ),
    ];
    for (name, text) in cases {
        let t = Instant::now();
        let n = find_codes(&text).len();
        println!(
            "{name:14} {:7} bytes  {:8.1} ms  found {n}",
            text.len(),
            t.elapsed().as_secs_f64() * 1e3
        );
    }
}
