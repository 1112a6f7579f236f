//! Pasted participant codes (`Workshop::add_codes`, which reads them with
//! `find_codes`): mail text, wrapped and encoded links, anything. Every
//! rejected code's message speaks plainly; nothing panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samenwerkingsscan::{CodeOutcome, Instrument, Workshop};
use samenwerkingsscan_fuzz::check_message;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let instrument = Instrument::builtin();
    let mut workshop = Workshop::new(instrument);
    for outcome in workshop.add_codes(instrument, &input) {
        if let CodeOutcome::Invalid { error, .. } = outcome {
            check_message("Workshop::add_codes", "en", &input, &error.text("en"));
            check_message("Workshop::add_codes", "nl", &input, &error.text("nl"));
        }
    }
    assert!(workshop.participants.len() <= samenwerkingsscan::MAX_PARTICIPANTS);
});
