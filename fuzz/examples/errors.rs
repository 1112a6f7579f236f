//! Prints what each decoder says about one input, in English and Dutch, to
//! read a fuzzing finding: `cargo +nightly run --example errors -- FILE`
//! (or the text on standard input).

use samenwerkingsscan::{decode_share, Answers, Instrument, Workshop};
use std::io::Read;

fn main() {
    let input = match std::env::args().nth(1) {
        Some(path) => String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned(),
        None => {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).unwrap();
            String::from_utf8_lossy(&bytes).into_owned()
        }
    };
    let builtin = Instrument::builtin();
    if let Err(e) = Answers::from_json(&input) {
        println!(
            "answers    en: {}\n           nl: {}",
            e.text("en"),
            e.text("nl")
        );
    }
    if let Err(e) = Instrument::from_json(&input) {
        println!("instrument en: {e}");
    }
    match decode_share(builtin, &input) {
        Err(e) => println!(
            "share      en: {}\n           nl: {}",
            e.text("en"),
            e.text("nl")
        ),
        Ok(a) => println!(
            "share      ok: {:?}, {} responses",
            a.respondent,
            a.responses.len()
        ),
    }
    if let Err(e) = Workshop::from_json(&input) {
        println!(
            "workshop   en: {}\n           nl: {}",
            e.text("en"),
            e.text("nl")
        );
    }
}
