//! The layers a mail client or a link scanner puts around a link, undone:
//! URL encoding, quoted-printable, HTML entities, Proofpoint's URL
//! Defense v2 rewriting. `find.rs` reads pasted text through them.

/// URL encoding and HTML entities undone, as often as they were applied
/// (up to four times).
pub(super) fn unwrap_layers(text: &str) -> String {
    let mut current = text.to_string();
    for _ in 0..4 {
        let next = html_entities(&decode_escapes(&current, b'%'));
        if next == current {
            break;
        }
        current = next;
    }
    current
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// `%XX` (or `=XX` for quoted-printable) to the byte it stands for.
pub(super) fn decode_escapes(text: &str, escape: u8) -> String {
    if !text.as_bytes().contains(&escape) {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == escape {
            let pair = bytes
                .get(i + 1)
                .and_then(|&h| hex(h))
                .zip(bytes.get(i + 2).and_then(|&l| hex(l)));
            if let Some((h, l)) = pair {
                out.push(h * 16 + l);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Proofpoint v2 (`urldefense.proofpoint.com/v2/url?u=https-3A__…`): `-XX`
/// is an escaped byte and `_` a slash.
pub(super) fn proofpoint_v2(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'-' => {
                let upper = |b: &u8| b.is_ascii_digit() || (b'A'..=b'F').contains(b);
                match (bytes.get(i + 1), bytes.get(i + 2)) {
                    (Some(h), Some(l)) if upper(h) && upper(l) => {
                        out.push(hex(*h).unwrap_or(0) * 16 + hex(*l).unwrap_or(0));
                        i += 3;
                        continue;
                    }
                    _ => out.push(b'-'),
                }
            }
            b'_' => out.push(b'/'),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;` and numeric
/// character references.
fn html_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let decoded = after
            .char_indices()
            .take(10)
            .find(|(_, c)| *c == ';')
            .and_then(|(end, _)| entity(&after[..end]).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => {
            let number = name.strip_prefix('#')?;
            let value = match number.strip_prefix(['x', 'X']) {
                Some(h) => u32::from_str_radix(h, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(value)
        }
    }
}
