//! `decode_share` against the built-in instrument.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samenwerkingsscan::{decode_share, evaluate, Instrument};
use samenwerkingsscan_fuzz::{assert_share_round_trip, check_message, lang_for};

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let instrument = Instrument::builtin();
    match decode_share(instrument, &input) {
        Ok(answers) => {
            let _ = evaluate(instrument, &answers, lang_for(data));
            let with_context = answers.context != Default::default();
            assert_share_round_trip(instrument, &answers, with_context);
        }
        Err(e) => {
            check_message("decode_share", "en", &input, &e.text("en"));
            check_message("decode_share", "nl", &input, &e.text("nl"));
            check_message("decode_share", "Display", &input, &e.to_string());
        }
    }
});
