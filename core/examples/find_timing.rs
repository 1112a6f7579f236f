//! How long `find_codes` takes on hostile pastes of 200 KB (the cases of the
//! test `the_work_is_bounded`), or on the files given as arguments (e.g. a
//! slow input a fuzzer kept): `cargo run --release -p samenwerkingsscan
//! --example find_timing [FILE…]`.
use samenwerkingsscan::find_codes;
use std::time::Instant;

fn time(name: &str, text: &str) {
    let t = Instant::now();
    let n = find_codes(text).len();
    println!(
        "{name:14} {:7} bytes  {:8.1} ms  found {n}",
        text.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
}

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if !files.is_empty() {
        for file in files {
            let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
            time(&file, &String::from_utf8_lossy(&bytes));
        }
        return;
    }
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
        time(name, &text);
    }
}
