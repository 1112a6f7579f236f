//! Embeds the built-in instrument without its indentation: the pretty file
//! in `data/` is what people read and review; the widget ships the minified
//! one (about 16 KB less raw wasm, 1 KB gzip). The content is identical:
//! `instrument::tests` parse both and compare.

use std::path::PathBuf;

fn main() {
    let source = "data/instrument.json";
    println!("cargo:rerun-if-changed={source}");
    let text = std::fs::read_to_string(source).expect("core/data/instrument.json is readable");
    // A JSON syntax error here is a build defect; the unit tests name it.
    let value: serde_json::Value = match serde_json::from_str(&text) {
        Ok(value) => value,
        Err(error) => panic!("core/data/instrument.json is not valid JSON: {error}"),
    };
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("instrument.min.json"), value.to_string())
        .expect("OUT_DIR is writable");
}
