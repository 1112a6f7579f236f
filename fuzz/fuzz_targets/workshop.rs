//! `Workshop::from_json` → `workshop_report`, and pasted participant codes
//! (`Workshop::add_codes`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use samenwerkingsscan::{workshop_report, CodeOutcome, GroupOptions, Instrument, Workshop};
use samenwerkingsscan_fuzz::{check_message, lang_for};

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let instrument = Instrument::builtin();
    match Workshop::from_json(&input) {
        Ok(mut workshop) => {
            for notice in &workshop.decode_notices {
                assert!(notice.path.starts_with('$'), "a notice without a path: {notice:?}");
                check_message("Workshop::from_json", "en", &input, notice.text("en"));
                check_message("Workshop::from_json", "nl", &input, notice.text("nl"));
            }
            workshop.decode_notices.clear();
            let _ = workshop_report(
                instrument,
                &workshop,
                &GroupOptions::default(),
                lang_for(data),
            );
            let json = workshop.to_json();
            let again = Workshop::from_json(&json)
                .unwrap_or_else(|e| panic!("to_json does not read back: {e}\n{json}"));
            assert_eq!(again, workshop, "to_json → from_json changed the workshop");
        }
        Err(e) => {
            check_message("Workshop::from_json", "en", &input, e.text("en"));
            check_message("Workshop::from_json", "nl", &input, e.text("nl"));
            check_message("Workshop::from_json", "Display", &input, &e.to_string());
        }
    }
    let mut workshop = Workshop::new(instrument);
    for outcome in workshop.add_codes(instrument, &input) {
        if let CodeOutcome::Invalid { error, .. } = outcome {
            check_message("Workshop::add_codes", "en", &input, &error.text("en"));
            check_message("Workshop::add_codes", "nl", &input, &error.text("nl"));
        }
    }
    let _ = workshop_report(instrument, &workshop, &GroupOptions::default(), "nl");
});
