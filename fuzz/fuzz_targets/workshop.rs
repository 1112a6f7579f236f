//! `Workshop::from_json`: every notice and error speaks plainly, and what
//! the core writes it reads back. (The report made from a workshop is not a
//! decoder: the property tests cover it; here it would cost most of each
//! execution.)
#![no_main]

use libfuzzer_sys::fuzz_target;
use samenwerkingsscan::Workshop;
use samenwerkingsscan_fuzz::check_message;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    match Workshop::from_json(&input) {
        Ok(mut workshop) => {
            for notice in &workshop.decode_notices {
                assert!(notice.path.starts_with('$'), "a notice without a path: {notice:?}");
                check_message("Workshop::from_json", "en", &input, notice.text("en"));
                check_message("Workshop::from_json", "nl", &input, notice.text("nl"));
            }
            workshop.decode_notices.clear();
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
});
