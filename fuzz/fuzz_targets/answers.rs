//! `Answers::from_json`, then everything a front end does with the result:
//! check, evaluate, and a share code that must decode again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samenwerkingsscan::{evaluate, Answers, Instrument};
use samenwerkingsscan_fuzz::{assert_share_round_trip, check_message, lang_for};

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let instrument = Instrument::builtin();
    match Answers::from_json(&input) {
        Ok(mut answers) => {
            // Every notice (the decoder's and the check's) speaks plainly.
            for notice in answers.check(instrument) {
                assert!(notice.path.starts_with('$'), "a notice without a path: {notice:?}");
                check_message("Answers::check", "en", &input, notice.text("en"));
                check_message("Answers::check", "nl", &input, notice.text("nl"));
            }
            if let Err(e) = Answers::import(instrument, &input) {
                check_message("Answers::import", "en", &input, e.text("en"));
                check_message("Answers::import", "nl", &input, e.text("nl"));
            }
            let _ = answers.unused_responses(instrument);
            let _ = evaluate(instrument, &answers, lang_for(data));
            // What the core writes, it reads back (what it could not read
            // is said once, not written).
            answers.decode_notices.clear();
            let json = answers.to_json();
            let again = Answers::from_json(&json)
                .unwrap_or_else(|e| panic!("to_json does not read back: {e}\n{json}"));
            assert_eq!(again, answers, "to_json → from_json changed the answers");
            for with_context in [false, true] {
                assert_share_round_trip(instrument, &answers, with_context);
            }
        }
        Err(e) => {
            check_message("Answers::from_json", "en", &input, e.text("en"));
            check_message("Answers::from_json", "nl", &input, e.text("nl"));
            check_message("Answers::from_json", "Display", &input, &e.to_string());
        }
    }
});
