//! Shared checks of the fuzz targets.

use std::sync::OnceLock;

/// Words that betray a Rust type or a serde internal in a message meant for
/// people (serde's own error texts: "invalid type: string, expected u8",
/// "data did not match any variant of untagged enum Raw", "expected a map").
pub const RUST_WORDS: &[&str] = &[
    "u8",
    "u16",
    "u32",
    "u64",
    "i32",
    "i64",
    "f64",
    "usize",
    "struct ",
    "enum ",
    "variant",
    "untagged",
    "Raw",
    "Option",
    "Vec<",
    "String",
    " map",
    " sequence",
];

/// The message check runs only with `FUZZ_MESSAGES=1` at run time, so the
/// panic-only fuzzing keeps working while some messages still fail it.
pub fn messages_checked() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var("FUZZ_MESSAGES").is_ok_and(|v| v == "1"))
}

/// Panics when `message` (from `decoder`, in `lang`) names a Rust type. A word
/// that is in the input itself is skipped: echoing the input is not a leak.
/// Messages quote input as it reads after decoding (a key spelled
/// `"\u0075\u0036\u0034"` is quoted as "u64") and without its control and
/// invisible characters ("u\u{0}8" is quoted as "u8"), so the input is
/// compared in those forms too.
pub fn check_message(decoder: &str, lang: &str, input: &str, message: &str) {
    if !messages_checked() {
        return;
    }
    let forms = [input.to_string(), visible(input), visible(&unescaped(input))];
    for word in RUST_WORDS {
        let bare = word.trim();
        if message.contains(word) && !forms.iter().any(|f| f.contains(bare)) {
            panic!("{decoder} error ({lang}) names a Rust type ({word:?}): {message}");
        }
    }
}

/// `text` without control and invisible characters (what `json::shown` strips).
fn visible(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !c.is_control()
                && !matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
        })
        .collect()
}

/// `text` with its JSON string escapes decoded wherever they stand (the
/// input need not be valid JSON); a lone surrogate becomes U+FFFD, as the
/// core's decoder reads it.
pub fn unescaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let hex4 = |it: &mut std::iter::Peekable<std::str::Chars>| -> Option<u32> {
        let digits: String = (0..4).filter_map(|_| it.next()).collect();
        (digits.len() == 4).then(|| u32::from_str_radix(&digits, 16).ok()).flatten()
    };
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('u') => {
                let Some(first) = hex4(&mut chars) else { continue };
                let code = if (0xD800..0xDC00).contains(&first) {
                    let mut ahead = chars.clone();
                    match (ahead.next(), ahead.next(), hex4(&mut ahead)) {
                        (Some('\\'), Some('u'), Some(low)) if (0xDC00..0xE000).contains(&low) => {
                            chars = ahead;
                            0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00)
                        }
                        _ => 0xFFFD,
                    }
                } else {
                    first
                };
                out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
            }
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::unescaped;

    #[test]
    fn decodes_json_escapes() {
        assert_eq!(unescaped(r#"{"\u0075\u0036\u0034":1}"#), r#"{"u64":1}"#);
        assert_eq!(unescaped(r"\ud83d\ude00 \ud800x \n\\"), "\u{1f600} \u{fffd}x \n\\");
        assert_eq!(unescaped(r"\u00"), "");
    }
}

/// The language of the reports a run asks for, picked from the input.
pub fn lang_for(data: &[u8]) -> &'static str {
    if data.len() % 2 == 0 {
        "nl"
    } else {
        "en"
    }
}

/// The framing of a share code (version, instrument fingerprint, checksum,
/// Crockford base32), redone here so that `share_body` can fuzz what lies
/// inside a code that checks out. `framing_matches` guards against drift
/// from core/src/share.rs.
pub mod share_frame {
    use samenwerkingsscan::{encode_share, Answers, Instrument, SHARE_VERSION};

    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    fn fold(bytes: &[u8]) -> u16 {
        let h = bytes.iter().fold(0x811c_9dc5u32, |h, &b| {
            (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
        });
        (h ^ (h >> 16)) as u16
    }

    pub fn fingerprint(instrument: &Instrument) -> u16 {
        let mut text = instrument.id.clone();
        for (_, s) in instrument.statements() {
            text.push('|');
            text.push_str(&s.id);
        }
        fold(text.as_bytes())
    }

    fn to_base32(bytes: &[u8]) -> String {
        let total = bytes.len() * 8;
        let bit = |i: usize| u32::from((bytes[i / 8] >> (7 - i % 8)) & 1);
        (0..total)
            .step_by(5)
            .map(|at| {
                let v = (0..5).fold(0, |v, k| {
                    v << 1 | if at + k < total { bit(at + k) } else { 0 }
                });
                ALPHABET[v as usize] as char
            })
            .collect()
    }

    fn from_base32(text: &str) -> Option<Vec<u8>> {
        let mut bits = Vec::new();
        for c in text.chars().filter(|c| *c != '-') {
            let v = ALPHABET.iter().position(|&a| a as char == c)?;
            bits.extend((0..5).rev().map(|k| (v >> k) & 1));
        }
        let bytes = bits.len() / 8;
        Some(
            (0..bytes)
                .map(|i| {
                    bits[i * 8..i * 8 + 8]
                        .iter()
                        .fold(0u8, |b, &x| b << 1 | x as u8)
                })
                .collect(),
        )
    }

    /// A code for `instrument` whose body after version and fingerprint is `tail`.
    pub fn frame(instrument: &Instrument, tail: &[u8]) -> String {
        let mut body = vec![SHARE_VERSION];
        body.extend_from_slice(&fingerprint(instrument).to_be_bytes());
        body.extend_from_slice(tail);
        let sum = fold(&body);
        body.extend_from_slice(&sum.to_be_bytes());
        let text = to_base32(&body);
        let chunks: Vec<&str> = text
            .as_bytes()
            .chunks(5)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        chunks.join("-")
    }

    /// The inverse of [`frame`] for a code the core made.
    pub fn tail(code: &str) -> Option<Vec<u8>> {
        let bytes = from_base32(code)?;
        (bytes.len() >= 5).then(|| bytes[3..bytes.len() - 2].to_vec())
    }

    /// Whether the framing here still is the core's.
    pub fn framing_matches(instrument: &Instrument) -> bool {
        let code = encode_share(instrument, &Answers::new(instrument), false);
        tail(&code).is_some_and(|t| frame(instrument, &t) == code)
    }
}

/// Encodes `answers`, decodes the code and checks what a code must carry:
/// the decoded answers keep every response, the role and the context
/// choices, and encode to the same code again. Texts are left out: the
/// encoder trims and shortens them, and the decoder accepts codes no encoder
/// writes (an empty municipality, names over 60 bytes, more than 16
/// partners), so `decode → encode → decode` is not the identity on those.
pub fn assert_share_round_trip(
    instrument: &samenwerkingsscan::Instrument,
    answers: &samenwerkingsscan::Answers,
    with_context: bool,
) {
    use samenwerkingsscan::{decode_share, encode_share};
    let code = encode_share(instrument, answers, with_context);
    let decoded = decode_share(instrument, &code)
        .unwrap_or_else(|e| panic!("own share code does not decode: {e}; {code}"));
    let usable = |a: &samenwerkingsscan::Answers| {
        let max = instrument.scale_max();
        instrument
            .statements()
            .filter_map(|(_, s)| match a.responses.get(&s.id) {
                Some(samenwerkingsscan::Response::Scale(v)) if (1..=max).contains(v) => {
                    Some((s.id.clone(), a.responses[&s.id]))
                }
                Some(r @ samenwerkingsscan::Response::Unknown) => Some((s.id.clone(), *r)),
                _ => None,
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        usable(&decoded),
        usable(answers),
        "responses changed; {code}"
    );
    assert_eq!(
        decoded.respondent.role, answers.respondent.role,
        "role changed; {code}"
    );
    if with_context {
        let (a, b) = (&decoded.context, &answers.context);
        let known = |ids: Vec<&String>, chosen: &Option<String>| {
            chosen.clone().filter(|c| ids.contains(&c))
        };
        let spec = &instrument.context;
        assert_eq!(
            a.stage,
            known(spec.stages.iter().map(|x| &x.id).collect(), &b.stage)
        );
        assert_eq!(
            a.urgency,
            known(spec.urgency.iter().map(|x| &x.id).collect(), &b.urgency)
        );
        assert_eq!(
            a.form,
            known(spec.forms.iter().map(|x| &x.id).collect(), &b.form)
        );
        assert_eq!(
            a.partners.len(),
            b.partners.len().min(16),
            "partners lost; {code}"
        );
    }
    let again = encode_share(instrument, &decoded, with_context);
    assert_eq!(again, code, "share code not stable through decode");
}
