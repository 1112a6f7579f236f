//! `Instrument::from_json` (parse + validate); a valid instrument must
//! evaluate empty answers.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samenwerkingsscan::{decode_share, encode_share, evaluate, Answers, Instrument};
use samenwerkingsscan_fuzz::{check_message, lang_for};

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    match Instrument::from_json(&input) {
        Ok(instrument) => {
            let answers = Answers::new(&instrument);
            let _ = evaluate(&instrument, &answers, lang_for(data));
            let code = encode_share(&instrument, &answers, true);
            decode_share(&instrument, &code)
                .unwrap_or_else(|e| panic!("own share code does not decode: {e}; {code}"));
        }
        Err(e) => {
            // Problems are English only (no Dutch text exists for them).
            check_message("Instrument::from_json", "Display", &input, &e.to_string());
            for problem in &e.problems {
                assert!(problem.path.starts_with('$'), "a problem without a path: {problem:?}");
                check_message("Instrument::from_json", "en", &input, problem.text("en"));
                check_message("Instrument::from_json", "nl", &input, problem.text("nl"));
            }
        }
    }
});
