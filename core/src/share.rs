//! Share codes: one respondent's answers as a short, typeable, URL-safe string.
//!
//! Layout (then Crockford base32, grouped by hyphens every 5 characters):
//!
//! ```text
//! version u8 | instrument fingerprint u16 | flags u8 (role 0–4, has municipality, has context)
//! [municipality: len u8, UTF-8] [context: stage, urgency, form (index+1 or 0), goals, motives,
//!  domains (bit sets), partners (count, then name len u8 + UTF-8 + inhabitants varint)]
//! responses: per statement in instrument order, 0 = none, 1..=max = scale, max+1 = unknown,
//!            packed in the fewest bits that hold max+1
//! checksum u16 (FNV-1a folded) over everything before it
//! ```
//!
//! Crockford base32 reads aloud well: no I, L, O or U, case does not matter,
//! and on decoding O is read as 0 and I/L as 1. The checksum turns a typo into
//! a clear error instead of different answers.

use crate::answers::{
    Answers, Context, Partner, Respondent, Response, Role, ANSWERS_FORMAT_VERSION,
};
use crate::instrument::Instrument;
use std::collections::BTreeMap;

mod base32;
mod error;
mod find;
mod left;
mod unwrap;
use base32::{checksum, fnv1a, from_base32, group, to_base32, BitReader, BitWriter};
use error::err;
pub use error::ShareError;
pub use find::{find_codes, Found, MAX_FOUND};
use left::{kept_of, MAX_PARTNERS};
pub use left::{left_out_of_share, LeftOut};

/// The share code layout version this crate writes and reads (the code's
/// first byte); a code of another version is refused.
pub const SHARE_VERSION: u8 = 1;

/// Encodes answers as a share code: Crockford base32 with a checksum, in
/// groups of five characters separated by dashes; `with_context` adds the
/// partnership context (a longer code).
///
/// The code holds the role, the municipality, the responses to the
/// instrument's statements (responses to other ids and off the scale are
/// left out) and, with the context, at most 16 partners. Names are cut to
/// 60 bytes (UTF-8). [`left_out_of_share`] names everything a code leaves
/// out, so a front end can say it.
///
/// ```
/// use samenwerkingsscan::{decode_share, encode_share, Answers, Instrument, Response};
/// let instrument = Instrument::builtin();
/// let mut answers = Answers::new(instrument);
/// answers.responses.insert("noodzaak-onderkend.1".into(), Response::Scale(4));
/// let code = encode_share(instrument, &answers, false);
/// assert_eq!(decode_share(instrument, &code).unwrap().responses, answers.responses);
/// assert!(decode_share(instrument, "HELLO-WORLD").is_err());
/// ```
pub fn encode_share(instrument: &Instrument, answers: &Answers, with_context: bool) -> String {
    let mut out = vec![SHARE_VERSION];
    out.extend_from_slice(&fingerprint(instrument).to_be_bytes());
    let role = answers.respondent.role.map_or(0, |r| {
        Role::ALL.iter().position(|x| *x == r).unwrap_or(0) as u8 + 1
    });
    let municipality = answers
        .respondent
        .municipality
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let flags = role | (u8::from(municipality.is_some()) << 3) | (u8::from(with_context) << 4);
    out.push(flags);
    if let Some(name) = municipality {
        put_text(&mut out, name);
    }
    if with_context {
        put_context(&mut out, instrument, &answers.context);
    }
    let max = instrument.scale_max();
    let bits = bits_for(max);
    let mut writer = BitWriter::default();
    for (_, statement) in instrument.statements() {
        let code = match answers.responses.get(&statement.id) {
            Some(Response::Scale(v)) if (1..=max).contains(v) => u32::from(*v),
            Some(Response::Unknown) => u32::from(max) + 1,
            _ => 0,
        };
        writer.push(code, bits);
    }
    out.extend(writer.finish());
    let sum = checksum(&out);
    out.extend_from_slice(&sum.to_be_bytes());
    group(&to_base32(&out))
}

/// Decodes a share code made for this instrument. Any other input gives a
/// clear error, never a panic and never silently different answers.
///
/// Dashes, spaces and line breaks are ignored; case does not matter, and O
/// is read as 0, I and L as 1.
///
/// # Errors
/// A [`ShareError`] when the code is empty, holds a character that cannot
/// occur in a code, is too short or too long, does not check out (a typo),
/// is of another [`SHARE_VERSION`], was made for another questionnaire (or
/// a version of it with other statements, or another scale), or holds damaged text or a
/// role, answer or context choice the instrument does not have.
pub fn decode_share(instrument: &Instrument, code: &str) -> Result<Answers, ShareError> {
    let cleaned: String = code
        .chars()
        .filter(|c| !matches!(c, '-' | ' ' | '\n' | '\t' | '\r'))
        .collect();
    if cleaned.is_empty() {
        return err(ShareError::Empty);
    }
    let bytes = from_base32(&cleaned)?;
    if bytes.len() < 6 {
        return err(ShareError::TooShort);
    }
    let (body, sum) = bytes.split_at(bytes.len() - 2);
    if checksum(body).to_be_bytes() != sum {
        return err(ShareError::Checksum);
    }
    let mut r = Reader { bytes: body, at: 0 };
    let version = r.u8()?;
    if version != SHARE_VERSION {
        return err(ShareError::NewerVersion { version });
    }
    if r.u16()? != fingerprint(instrument) {
        return err(ShareError::OtherQuestionnaire);
    }
    let flags = r.u8()?;
    let role = match flags & 0b111 {
        0 => None,
        n => Some(
            *Role::ALL
                .get(usize::from(n) - 1)
                .ok_or(ShareError::UnknownRole)?,
        ),
    };
    let municipality = if flags & 0b1000 != 0 {
        Some(r.text()?)
    } else {
        None
    };
    let context = if flags & 0b1_0000 != 0 {
        read_context(&mut r, instrument)?
    } else {
        Context::default()
    };
    let max = instrument.scale_max();
    let bits = bits_for(max);
    let mut reader = BitReader {
        bytes: &r.bytes[r.at..],
        at: 0,
    };
    let mut responses = BTreeMap::new();
    for (_, statement) in instrument.statements() {
        let code = reader.take(bits)?;
        let response = match code {
            0 => continue,
            c if c <= u32::from(max) => Response::Scale(c as u8),
            c if c == u32::from(max) + 1 => Response::Unknown,
            _ => return err(ShareError::OffScale),
        };
        responses.insert(statement.id.clone(), response);
    }
    if reader.rest_nonzero() {
        return err(ShareError::TooLong);
    }
    Ok(Answers {
        format_version: ANSWERS_FORMAT_VERSION,
        instrument_id: instrument.id.clone(),
        respondent: Respondent { role, municipality },
        context,
        responses,
        decode_notices: Vec::new(),
    })
}

/// Identifies the instrument by its id and statement ids: a code made for a
/// different questionnaire is refused rather than misread.
fn fingerprint(instrument: &Instrument) -> u16 {
    let mut text = instrument.id.clone();
    for (_, s) in instrument.statements() {
        text.push('|');
        text.push_str(&s.id);
    }
    // The scale decides how answers are packed: a code made on a 5-point
    // scale must not be read on a 7-point one. (Not added for 5 points, so
    // every code made so far keeps working.)
    let max = instrument.scale_max();
    if max != 5 {
        text.push_str(&format!("|scale:{max}"));
    }
    let h = fnv1a(text.as_bytes());
    (h ^ (h >> 16)) as u16
}

fn bits_for(max: u8) -> u32 {
    // Values 0..=max+1 must fit.
    u32::BITS - (u32::from(max) + 1).leading_zeros()
}

/// A text of at most [`MAX_TEXT`] bytes, cut on a character boundary and
/// without the spaces the cut may leave at its end (found by fuzzing: "Wi",
/// 66 spaces, "jchen" gave a code that changed when decoded and encoded
/// again, so the same answers could count as two participants).
fn put_text(out: &mut Vec<u8>, text: &str) {
    let kept = kept_of(text);
    out.push(kept.len() as u8);
    out.extend_from_slice(kept.as_bytes());
}

fn put_varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn index_of<'a>(mut ids: impl Iterator<Item = &'a String>, chosen: &Option<String>) -> u8 {
    chosen
        .as_ref()
        .and_then(|c| ids.position(|id| id == c))
        .map_or(0, |i| (i + 1).min(255) as u8)
}

fn put_set<'a>(out: &mut Vec<u8>, ids: impl Iterator<Item = &'a String>, chosen: &[String]) {
    let flags: Vec<bool> = ids.map(|id| chosen.contains(id)).collect();
    let mut w = BitWriter::default();
    for f in &flags {
        w.push(u32::from(*f), 1);
    }
    out.push(flags.len().min(255) as u8);
    out.extend(w.finish());
}

fn put_context(out: &mut Vec<u8>, instrument: &Instrument, c: &Context) {
    let spec = &instrument.context;
    out.push(index_of(spec.stages.iter().map(|x| &x.id), &c.stage));
    out.push(index_of(spec.urgency.iter().map(|x| &x.id), &c.urgency));
    out.push(index_of(spec.forms.iter().map(|x| &x.id), &c.form));
    put_set(out, spec.goals.iter().map(|x| &x.id), &c.goals);
    put_set(out, spec.motives.iter().map(|x| &x.id), &c.motives);
    put_set(out, spec.domains.iter().map(|x| &x.id), &c.domains);
    let partners: Vec<&Partner> = c.partners.iter().take(MAX_PARTNERS).collect();
    out.push(partners.len() as u8);
    for p in partners {
        put_text(out, &p.name);
        put_varint(out, p.inhabitants.unwrap_or(0));
    }
}

fn read_context(r: &mut Reader, instrument: &Instrument) -> Result<Context, ShareError> {
    let spec = &instrument.context;
    let pick = |i: u8, ids: Vec<&String>| -> Result<Option<String>, ShareError> {
        match i {
            0 => Ok(None),
            n => ids
                .get(usize::from(n) - 1)
                .map(|s| Some((*s).clone()))
                .ok_or(ShareError::UnknownChoice),
        }
    };
    let stage = pick(r.u8()?, spec.stages.iter().map(|x| &x.id).collect())?;
    let urgency = pick(r.u8()?, spec.urgency.iter().map(|x| &x.id).collect())?;
    let form = pick(r.u8()?, spec.forms.iter().map(|x| &x.id).collect())?;
    let goals = r.set(spec.goals.iter().map(|x| &x.id).collect())?;
    let motives = r.set(spec.motives.iter().map(|x| &x.id).collect())?;
    let domains = r.set(spec.domains.iter().map(|x| &x.id).collect())?;
    let count = r.u8()?;
    let mut partners = Vec::new();
    for _ in 0..count {
        let name = r.text()?;
        let n = r.varint()?;
        partners.push(Partner {
            name,
            inhabitants: (n > 0).then_some(n),
        });
    }
    Ok(Context {
        partners,
        stage,
        urgency,
        goals,
        motives,
        form,
        domains,
    })
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn u8(&mut self) -> Result<u8, ShareError> {
        let b = *self.bytes.get(self.at).ok_or(ShareError::EndsEarly)?;
        self.at += 1;
        Ok(b)
    }

    fn u16(&mut self) -> Result<u16, ShareError> {
        Ok(u16::from_be_bytes([self.u8()?, self.u8()?]))
    }

    fn text(&mut self) -> Result<String, ShareError> {
        let len = usize::from(self.u8()?);
        let end = self.at + len;
        let slice = self.bytes.get(self.at..end).ok_or(ShareError::EndsEarly)?;
        self.at = end;
        String::from_utf8(slice.to_vec()).map_err(|_| ShareError::DamagedText)
    }

    fn varint(&mut self) -> Result<u32, ShareError> {
        let mut n: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            n |= u32::from(b & 0x7f).checked_shl(shift).unwrap_or(0);
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        err(ShareError::DamagedNumber)
    }

    fn set(&mut self, ids: Vec<&String>) -> Result<Vec<String>, ShareError> {
        let count = usize::from(self.u8()?);
        if count != ids.len() {
            return err(ShareError::OtherOptions);
        }
        let bytes = count.div_ceil(8);
        let slice = self
            .bytes
            .get(self.at..self.at + bytes)
            .ok_or(ShareError::EndsEarly)?;
        self.at += bytes;
        let mut reader = BitReader {
            bytes: slice,
            at: 0,
        };
        let mut chosen = Vec::new();
        for id in ids {
            if reader.take(1)? == 1 {
                chosen.push(id.clone());
            }
        }
        Ok(chosen)
    }
}

#[cfg(test)]
mod tests {
    use super::base32::ALPHABET;
    use super::*;
    use crate::text::Lang;

    /// Found by fuzzing: a name cut inside a run of spaces encoded those
    /// spaces, and the decoded answers encoded to another code.
    #[test]
    fn a_name_cut_among_spaces_gives_a_stable_code() {
        let instrument = Instrument::builtin();
        let mut answers = Answers::new(instrument);
        answers.respondent.municipality = Some(format!("Wi{}jchen", " ".repeat(66)));
        answers.context.partners = vec![crate::Partner {
            name: format!("Dru{}ten", " ".repeat(70)),
            inhabitants: Some(18_900),
        }];
        let code = encode_share(instrument, &answers, true);
        let decoded = decode_share(instrument, &code).unwrap();
        assert_eq!(decoded.respondent.municipality.as_deref(), Some("Wi"));
        assert_eq!(encode_share(instrument, &decoded, true), code);
    }

    /// Same id and statements, another scale: a code is refused, never
    /// read with the wrong number of points.
    #[test]
    fn a_code_is_refused_by_an_instrument_with_another_scale() {
        let five = Instrument::builtin();
        let mut seven = five.clone();
        for value in 6..=7 {
            let mut point = seven.scale.points[4].clone();
            point.value = value;
            seven.scale.points.push(point);
        }
        let mut answers = Answers::new(five);
        answers
            .responses
            .insert(five.factors[0].statements[0].id.clone(), Response::Scale(5));
        let code = encode_share(five, &answers, false);
        assert!(decode_share(five, &code).is_ok());
        let error = decode_share(&seven, &code).unwrap_err();
        assert!(
            error.text(Lang::En).contains("another questionnaire"),
            "{}",
            error.text(Lang::En)
        );
    }

    fn sample() -> Answers {
        let instrument = Instrument::builtin();
        let mut answers = Answers::new(instrument);
        answers.respondent = Respondent {
            role: Some(Role::Raadslid),
            municipality: Some("Wijchen".into()),
        };
        answers.context.stage = Some("orienting".into());
        answers.context.form = Some("contract".into());
        answers.context.goals = vec![instrument.context.goals[0].id.clone()];
        answers.context.partners = vec![
            Partner {
                name: "Druten".into(),
                inhabitants: Some(19_000),
            },
            Partner {
                name: "Wijchen".into(),
                inhabitants: Some(41_000),
            },
        ];
        for (i, (_, s)) in instrument.statements().enumerate() {
            let r = if i % 7 == 6 {
                Response::Unknown
            } else {
                Response::Scale((i % 5) as u8 + 1)
            };
            if i % 11 != 0 {
                answers.responses.insert(s.id.clone(), r);
            }
        }
        answers
    }

    #[test]
    fn round_trips_with_and_without_context() {
        let instrument = Instrument::builtin();
        let answers = sample();
        let full = decode_share(instrument, &encode_share(instrument, &answers, true)).unwrap();
        assert_eq!(full, answers);
        let short = decode_share(instrument, &encode_share(instrument, &answers, false)).unwrap();
        assert_eq!(short.responses, answers.responses);
        assert_eq!(short.respondent, answers.respondent);
        assert_eq!(short.context, Context::default());
    }

    #[test]
    fn is_forgiving_about_case_hyphens_and_look_alikes() {
        let instrument = Instrument::builtin();
        let code = encode_share(instrument, &sample(), false);
        let sloppy = code
            .to_lowercase()
            .replace('-', " ")
            .replace('0', "o")
            .replace('1', "l");
        assert_eq!(
            decode_share(instrument, &sloppy).unwrap(),
            decode_share(instrument, &code).unwrap()
        );
    }

    #[test]
    fn a_typo_is_an_error_not_other_answers() {
        let instrument = Instrument::builtin();
        let code = encode_share(instrument, &sample(), false);
        let mut chars: Vec<char> = code.chars().collect();
        let i = chars.len() / 2;
        chars[i] = if chars[i] == 'A' { 'B' } else { 'A' };
        let typo: String = chars.into_iter().collect();
        assert!(decode_share(instrument, &typo).is_err());
        assert!(decode_share(instrument, &code[..code.len() - 3]).is_err());
        assert!(decode_share(instrument, "").is_err());
        assert!(decode_share(instrument, "ÜÜÜ").is_err());
        // Every kind is said in Dutch and in English, and the English is
        // what scripts see (Display).
        for bad in ["", "ÜÜÜ", "00", &typo, &code[..code.len() - 3]] {
            let e = decode_share(instrument, bad).unwrap_err();
            assert_ne!(e.text(Lang::Nl), e.text(Lang::En), "{e:?}");
            assert_eq!(e.text(Lang::En), e.to_string());
        }
        assert_eq!(
            decode_share(instrument, "ÜÜÜ").unwrap_err(),
            ShareError::BadCharacter { character: 'Ü' }
        );
        assert_eq!(
            serde_json::to_string(&ShareError::BadCharacter { character: 'Ü' }).unwrap(),
            r#"{"kind":"bad-character","character":"Ü"}"#
        );
    }

    #[test]
    fn a_character_added_or_changed_at_the_end_is_refused() {
        let instrument = Instrument::builtin();
        let code = encode_share(instrument, &sample(), false);
        assert!(decode_share(instrument, &code).is_ok());
        for extra in ["X", "0", "Z", "00"] {
            assert_eq!(
                decode_share(instrument, &format!("{code}{extra}")).unwrap_err(),
                ShareError::Checksum,
                "{code}{extra}"
            );
        }
        // Every other last character: refused, or (padding bits only) the
        // same answers would need the same character, so exactly one fits.
        let last = code.chars().last().unwrap();
        let stem = &code[..code.len() - 1];
        let fits: Vec<char> = ALPHABET
            .iter()
            .map(|&a| a as char)
            .filter(|&c| decode_share(instrument, &format!("{stem}{c}")).is_ok())
            .collect();
        assert_eq!(fits, [last]);
    }

    #[test]
    fn is_short_enough_to_type() {
        let instrument = Instrument::builtin();
        let code = encode_share(instrument, &sample(), false);
        // 3 bits per statement plus a few header bytes.
        let statements = instrument.statements().count();
        assert!(
            code.len() < statements * 3 / 5 * 6 / 5 + 40,
            "{} chars: {code}",
            code.len()
        );
    }
}
