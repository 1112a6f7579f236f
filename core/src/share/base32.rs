//! The bits of a share code: a bit stream packed into bytes, Crockford
//! base32 with its padding checked, the checksum, hyphen groups.

use super::error::{err, ShareError};

/// Crockford's base32 alphabet: no I, L, O or U.
pub(super) const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// FNV-1a folded to 16 bits, over everything before it in a code.
pub(super) fn checksum(bytes: &[u8]) -> u16 {
    let h = fnv1a(bytes);
    (h ^ (h >> 16)) as u16
}

/// The FNV-1a hash (32 bits).
pub(super) fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// Writes values of any width, most significant bit first.
#[derive(Default)]
pub(super) struct BitWriter {
    bytes: Vec<u8>,
    bits: u32,
}

impl BitWriter {
    pub(super) fn push(&mut self, value: u32, width: u32) {
        for i in (0..width).rev() {
            if self.bits % 8 == 0 {
                self.bytes.push(0);
            }
            let bit = ((value >> i) & 1) as u8;
            let last = self.bytes.len() - 1;
            self.bytes[last] |= bit << (7 - self.bits % 8);
            self.bits += 1;
        }
    }

    pub(super) fn finish(self) -> Vec<u8> {
        self.bytes
    }
}

/// Reads values of any width, most significant bit first.
pub(super) struct BitReader<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) at: usize,
}

impl BitReader<'_> {
    pub(super) fn take(&mut self, width: u32) -> Result<u32, ShareError> {
        let mut value = 0;
        for _ in 0..width {
            let byte = *self.bytes.get(self.at / 8).ok_or(ShareError::EndsEarly)?;
            value = (value << 1) | u32::from((byte >> (7 - self.at % 8)) & 1);
            self.at += 1;
        }
        Ok(value)
    }

    /// Whether whole bytes beyond the last used one are present.
    pub(super) fn rest_nonzero(&self) -> bool {
        self.bytes.len() > self.at.div_ceil(8)
    }
}

/// Bytes as Crockford base32 (the last character padded with zeros).
pub(super) fn to_base32(bytes: &[u8]) -> String {
    let mut out = String::new();
    let mut w = BitReader { bytes, at: 0 };
    let total = bytes.len() * 8;
    while w.at < total {
        let width = (total - w.at).min(5) as u32;
        let v = w.take(width).unwrap_or(0) << (5 - width);
        out.push(ALPHABET[v as usize] as char);
    }
    out
}

/// Crockford base32 as bytes; O reads as 0, I and L as 1.
pub(super) fn from_base32(text: &str) -> Result<Vec<u8>, ShareError> {
    let mut w = BitWriter::default();
    for c in text.chars() {
        let c = match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        };
        let Some(v) = ALPHABET.iter().position(|&a| a as char == c) else {
            return err(ShareError::BadCharacter { character: c });
        };
        w.push(v as u32, 5);
    }
    // Drop the padding bits of the last character. An encoder pads with
    // zeros and never writes a character of padding only: anything else is
    // a typo at the end (a character added or changed), never other answers.
    let chars = text.chars().count();
    let whole = chars * 5 / 8;
    let mut bytes = w.finish();
    if chars * 5 - whole * 8 >= 5 || bytes[whole.min(bytes.len())..].iter().any(|&b| b != 0) {
        return err(ShareError::Checksum);
    }
    bytes.truncate(whole);
    Ok(bytes)
}

/// A code in groups of five characters joined by hyphens.
pub(super) fn group(code: &str) -> String {
    code.as_bytes()
        .chunks(5)
        .map(|c| std::str::from_utf8(c).unwrap_or_default())
        .collect::<Vec<_>>()
        .join("-")
}
