//! `decode_share` on codes that check out: the input is the body after the
//! version and fingerprint (flags, municipality, context, responses); the
//! target adds the rest. Plain mutations of a code almost never pass the
//! checksum, so `share` alone rarely reaches this part of the decoder.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samenwerkingsscan::{decode_share, evaluate, Instrument};
use samenwerkingsscan_fuzz::{assert_share_round_trip, check_message, lang_for, share_frame};
use std::sync::Once;

fuzz_target!(|data: &[u8]| {
    let instrument = Instrument::builtin();
    static FRAMING: Once = Once::new();
    FRAMING.call_once(|| {
        assert!(
            share_frame::framing_matches(instrument),
            "fuzz/src/lib.rs share_frame no longer matches core/src/share.rs"
        );
    });
    let code = share_frame::frame(instrument, data);
    match decode_share(instrument, &code) {
        Ok(answers) => {
            let _ = evaluate(instrument, &answers, lang_for(data));
            let with_context = answers.context != Default::default();
            assert_share_round_trip(instrument, &answers, with_context);
        }
        Err(e) => {
            check_message("decode_share", "en", &code, &e.text("en"));
            check_message("decode_share", "nl", &code, &e.text("nl"));
        }
    }
});
