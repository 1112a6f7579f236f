//! Finding share codes in pasted text: a mail, a chat message, a list, with
//! links that a mail client wrapped over lines or a link scanner rewrote.
//! See [`find_codes`].
//!
//! The code's checksum decides between readings: a piece of text is joined
//! with the next line, or read through a layer of encoding, only when that
//! gives a code that checks out and the piece alone does not.

use super::base32::{checksum, from_base32};
use super::unwrap::{decode_escapes, proofpoint_v2, unwrap_layers};
use std::collections::BTreeSet;

/// At most this many codes (valid or not) are returned from one paste; a
/// workshop holds at most 500 participants.
pub const MAX_FOUND: usize = 1_000;
/// Only the first 384 KiB of a paste are read: 500 participants' links,
/// each rewritten by Safe Links and wrapped in a quoted reply (about 520
/// bytes each, 258 KB in all), fit; more only costs time on the page.
const MAX_TEXT_BYTES: usize = 384 << 10;
/// Pieces are joined into at most this many characters (the longest code,
/// with a full context, is about 2 300 with its dashes).
const MAX_JOIN_CHARS: usize = 4_000;
/// A wrapped link or code spans at most this many line breaks.
const MAX_JOIN_BREAKS: usize = 64;
/// Characters read in join attempts over the whole paste: the work stays
/// linear whatever the input. 500 wrapped Safe Links in a quoted reply use
/// 1.25 million of it (the test `five_hundred_wrapped_links_fit_the_budget`),
/// so this is twice what the largest workshop needs; a breaker's 200 KB of
/// `=3D…=` lines, which spends all of it, takes about 250 ms natively
/// (`cargo run --release -p samenwerkingsscan --example find_timing`).
const JOIN_BUDGET: usize = 2_500_000;
/// The budget of a paste of `n` bytes is at most `16 n + 20,000` characters:
/// a wrapped Safe Link (about 520 bytes over 8 lines) needs about 5,000,
/// 500 of them in a quoted reply 1.25 million for 258 KB (about 5 per byte).
const JOIN_READS_PER_BYTE: usize = 16;
const JOIN_BASE: usize = 20_000;
/// What one join attempt costs of the budget besides its characters.
const ATTEMPT_COST: usize = 100;
/// What is shown of an input is cut here.
const SHOWN_CHARS: usize = 80;

/// One code found in pasted text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The code as it was found (its characters and any dashes), ready for
    /// [`decode_share`](super::decode_share). Empty for a link to a code
    /// that holds none.
    pub code: String,
    /// What to show the user for it: the code as pasted (or the link, when
    /// the code is empty), at most 80 characters.
    pub shown: String,
    /// Whether the checksum holds: a complete code, undamaged (for some
    /// questionnaire; decoding tells which).
    pub checks_out: bool,
}

/// Finds the share codes in pasted text, in the order they appear.
///
/// Reads codes and share links (`…#scan-code=CODE`, any namespace; also a
/// code after `code=`, in a fragment `#name=CODE` or elsewhere in a link
/// when it checks out) through what mail clients and link scanners do to
/// them:
///
/// - URL encoding, once or more (`%23scan-code%3D…`, `%2523…`), HTML
///   entities (`&amp;`), quoted-printable (`=3D`, a soft break `=` at a line
///   end) and Proofpoint's rewriting: the code comes from the share link
///   nested in a Safe Links, Proofpoint or Google redirect, never from the
///   redirect's own parameters (`data=…`, `reserved=0`);
/// - angle brackets, quotes, trailing punctuation, surrounding words
///   ("Mijn code is: … groet, Piet");
/// - a link or code wrapped over lines, with or without quote markers
///   (`> `), indentation or soft hyphens, and a code typed in groups
///   separated by spaces. Pieces are joined only when the piece alone does
///   not check out and the join does, so a list of codes, one per line or
///   several on a line, stays a list;
/// - lower case and the look-alikes O (for 0) and I, L (for 1), as
///   [`decode_share`](super::decode_share) reads them.
///
/// Besides the codes that check out, it returns the attempts that do not: a
/// word that looks like a code (at least 20 characters of the alphabet with
/// letters and digits, or groups of five separated by dashes) or a share
/// link whose code is damaged. Other words are passed over. Text without
/// any of these gives one attempt, the text itself, so a paste is never
/// silently ignored; blank text gives nothing.
///
/// Linear in the length of the text (of which the first 384 KiB are read), at
/// most [`MAX_FOUND`] results, never a panic.
///
/// ```
/// use samenwerkingsscan::{encode_share, find_codes, Answers, Instrument};
/// let instrument = Instrument::builtin();
/// let code = encode_share(instrument, &Answers::new(instrument), false);
/// let link = format!("https://example.org/scan/#scan-code={code}")
///     .replace('#', "%23")
///     .replace('=', "%3D");
/// let mail = format!(
///     "Mijn code: <https://eur01.safelinks.protection.outlook.com/?url={link}&data=05%7C01&reserved=0>. Groet, Piet"
/// );
/// let found = find_codes(&mail);
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].code, code);
/// assert!(found[0].checks_out);
/// ```
pub fn find_codes(text: &str) -> Vec<Found> {
    find_within_budget(text).0
}

/// [`find_codes`], and the characters its joins read (for the tests: the
/// work stays linear in the paste).
fn find_within_budget(text: &str) -> (Vec<Found>, usize) {
    let mut end = text.len().min(MAX_TEXT_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let cleaned = clean(&text[..end]);
    let tokens = tokenize(&cleaned);
    // Linear in the text: a short paste never gets the budget of 500
    // wrapped links (a 4 KB paste of junk lines reads at most about
    // 85,000 characters in joins, not 2.5 million).
    let budget = JOIN_BUDGET.min(JOIN_READS_PER_BYTE * end + JOIN_BASE);
    let mut finder = Finder {
        memo: vec![None; tokens.len()],
        tokens,
        budget,
        found: Vec::new(),
    };
    finder.run();
    let spent = budget - finder.budget;
    let mut found = finder.found;
    if found.is_empty() {
        let trimmed = text[..end].trim();
        if !trimmed.is_empty() {
            found.push(Found {
                code: trimmed.chars().take(MAX_JOIN_CHARS).collect(),
                shown: cut(trimmed),
                checks_out: false,
            });
        }
    }
    (found, spent)
}

/// Whether `code` (characters of the alphabet and dashes) is a complete,
/// undamaged code: its checksum holds.
fn checks_out(code: &str) -> bool {
    let compact: String = code.chars().filter(|c| *c != '-').collect();
    if compact.len() < 10 {
        return false;
    }
    match from_base32(&compact) {
        Ok(bytes) if bytes.len() >= 6 => {
            let (body, sum) = bytes.split_at(bytes.len() - 2);
            checksum(body).to_be_bytes() == sum
        }
        _ => false,
    }
}

/// A character a code can hold, look-alikes included (everything ASCII
/// alphanumeric but U).
fn is_code_char(c: char) -> bool {
    c.is_ascii_alphanumeric() && !matches!(c, 'U' | 'u')
}

/// A run of code characters that looks like a code rather than a word or a
/// number: letters and digits, and long or grouped in fives.
fn looks_like_code(run: &str) -> bool {
    let compact = run.chars().filter(|c| *c != '-').count();
    let digit = run.chars().any(|c| c.is_ascii_digit());
    let letter = run.chars().any(|c| c.is_ascii_alphabetic());
    let groups: Vec<usize> = run.split('-').map(str::len).filter(|&n| n > 0).collect();
    let grouped = groups.len() >= 2
        && groups[..groups.len() - 1].iter().all(|&n| n == 5)
        && groups.last().is_some_and(|&n| n <= 5);
    digit && letter && (compact >= 20 || (grouped && compact >= 10))
}

/// Invisible characters out, dash and space look-alikes to their ASCII
/// form, every line break to `\n`.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{2028}' | '\u{2029}' | '\u{85}' => out.push('\n'),
            _ => out.push(c),
        }
    }
    out
}

#[derive(Clone, Copy)]
struct Token<'a> {
    text: &'a str,
    line: usize,
    first: bool,
    last: bool,
}

/// Words by line, without quote markers (`> `) and indentation.
fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    for (line, content) in text.split('\n').enumerate() {
        let content = content.trim_start_matches(|c: char| c == '>' || c.is_whitespace());
        let start = tokens.len();
        tokens.extend(content.split_whitespace().map(|text| Token {
            text,
            line,
            first: false,
            last: false,
        }));
        if let Some(t) = tokens.get_mut(start) {
            t.first = true;
        }
        if tokens.len() > start {
            if let Some(t) = tokens.last_mut() {
                t.last = true;
            }
        }
    }
    tokens
}

/// A code (or attempt) in one reading of a piece of text.
#[derive(Clone, Debug)]
struct Candidate {
    code: String,
    shown: String,
    ok: bool,
}

/// What one piece of text holds: the codes that check out, else the attempts.
#[derive(Clone, Debug, Default)]
struct Reading {
    ok: Vec<Candidate>,
    attempts: Vec<Candidate>,
}

struct Finder<'a> {
    tokens: Vec<Token<'a>>,
    memo: Vec<Option<Reading>>,
    budget: usize,
    found: Vec<Found>,
}

impl Finder<'_> {
    fn run(&mut self) {
        let mut i = 0;
        while i < self.tokens.len() && self.found.len() < MAX_FOUND {
            let own = self.alone(i);
            if !own.ok.is_empty() {
                self.emit(own.ok);
                i += 1;
            } else if let Some((pieces, ok)) = self.join(i) {
                self.emit(ok);
                i += pieces;
            } else {
                let mut attempts = own.attempts;
                if self.code_follows(i) {
                    // `…#scan-code=` and the code after a space or line break.
                    attempts.retain(|a| !a.code.is_empty());
                }
                self.emit(attempts);
                i += 1;
            }
        }
        self.found.truncate(MAX_FOUND);
    }

    /// Whether a code follows token `i` on its line or starts the next.
    fn code_follows(&mut self, i: usize) -> bool {
        let line = self.tokens[i].line;
        match self.tokens.get(i + 1) {
            Some(next) if next.line <= line + 1 => !self.alone(i + 1).ok.is_empty(),
            _ => false,
        }
    }

    fn emit(&mut self, candidates: Vec<Candidate>) {
        self.found.extend(candidates.into_iter().map(|c| Found {
            code: c.code,
            shown: c.shown,
            checks_out: c.ok,
        }));
    }

    fn alone(&mut self, i: usize) -> Reading {
        if let Some(r) = &self.memo[i] {
            return r.clone();
        }
        let r = read(self.tokens[i].text);
        self.memo[i] = Some(r.clone());
        r
    }

    /// Joins token `i` with the ones after it, as a wrapped link or code:
    /// across a line break (the last word of a line with the first of the
    /// next) or, for a code typed in groups of five, across spaces. Stops
    /// at a piece that is a code by itself. Returns the number of pieces
    /// used and the codes, if a join checks out.
    fn join(&mut self, i: usize) -> Option<(usize, Vec<Candidate>)> {
        let mut joined = self.tokens[i].text.to_string();
        // The same with quoted-printable soft breaks (`=` at a line end) out.
        let mut soft_base = String::new();
        let mut soft_last = self.tokens[i].text.to_string();
        let mut breaks = 0;
        let mut alphanumeric = count_alphanumeric(&joined);
        let mut j = i;
        loop {
            let prev = self.tokens[j];
            let next = *self.tokens.get(j + 1)?;
            let newline = prev.last && next.first && next.line == prev.line + 1;
            let space = next.line == prev.line && is_group(prev.text) && is_pure(next.text);
            if !(newline || space) {
                return None;
            }
            breaks += usize::from(newline);
            if breaks > MAX_JOIN_BREAKS || !self.alone(j + 1).ok.is_empty() {
                return None;
            }
            joined.push_str(next.text);
            alphanumeric += count_alphanumeric(next.text);
            if newline {
                soft_base.push_str(soft_last.strip_suffix('=').unwrap_or(&soft_last));
            } else {
                soft_base.push_str(&soft_last);
            }
            soft_last = next.text.to_string();
            // Without a soft break the two readings are the same text: read once.
            let soft = (soft_base.len() + soft_last.len() != joined.len())
                .then(|| format!("{soft_base}{soft_last}"));
            let cost = joined.len() + soft.as_ref().map_or(0, String::len) + ATTEMPT_COST;
            if joined.len() > MAX_JOIN_CHARS || cost > self.budget {
                return None;
            }
            self.budget -= cost;
            // No decoding makes more letters and digits than there are: fewer
            // than a code's shortest 10 and no reading can check out.
            if alphanumeric >= 10 {
                if is_pure(&joined) {
                    if checks_out(&joined) {
                        let ok = Candidate {
                            shown: cut(&joined),
                            code: joined,
                            ok: true,
                        };
                        return Some((j + 2 - i, vec![ok]));
                    }
                } else {
                    for text in std::iter::once(&joined).chain(soft.as_ref()) {
                        let r = read(text);
                        if !r.ok.is_empty() {
                            return Some((j + 2 - i, r.ok));
                        }
                    }
                }
            }
            j += 1;
        }
    }
}

fn count_alphanumeric(text: &str) -> usize {
    text.bytes().filter(u8::is_ascii_alphanumeric).count()
}

/// A group of a code typed with spaces: five code characters.
fn is_group(text: &str) -> bool {
    is_pure(text) && text.chars().filter(|c| *c != '-').count() == 5
}

/// Only code characters and dashes.
fn is_pure(text: &str) -> bool {
    text.chars().any(is_code_char) && text.chars().all(|c| is_code_char(c) || c == '-')
}

/// Reads one piece of text (no whitespace) in every reading that applies:
/// as it is (URL and HTML encoding undone), as quoted-printable, and as a
/// Proofpoint v2 link. Codes that check out in any reading win; else the
/// attempts of the first reading that has any.
fn read(text: &str) -> Reading {
    let plain = unwrap_layers(text);
    let mut views = Vec::new();
    if text.contains('=') {
        let qp = unwrap_layers(&decode_escapes(text, b'='));
        if qp != plain {
            views.push(qp);
        }
    }
    if plain.to_ascii_lowercase().contains("urldefense") {
        views.push(unwrap_layers(&proofpoint_v2(&plain)));
    }
    views.insert(0, plain);
    let per_view: Vec<Vec<Candidate>> = views.iter().map(|v| in_view(text, v)).collect();
    let ok = distinct(per_view.iter().flatten().filter(|c| c.ok).cloned());
    if !ok.is_empty() {
        return Reading {
            ok,
            attempts: Vec::new(),
        };
    }
    Reading {
        ok,
        attempts: per_view
            .into_iter()
            .find(|a| !a.is_empty())
            .map(|a| distinct(a.into_iter()))
            .unwrap_or_default(),
    }
}

/// The first of every code (a link may hold the same code twice).
fn distinct(candidates: impl Iterator<Item = Candidate>) -> Vec<Candidate> {
    let mut seen = BTreeSet::new();
    candidates
        .filter(|c| seen.insert(canonical(&c.code)))
        .collect()
}

/// Upper case, look-alikes read, dashes out: equal for the same code.
fn canonical(code: &str) -> String {
    code.chars()
        .filter(|c| *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect()
}

/// The codes in one reading of a piece: in a link only the values of its
/// parameters and fragment (a redirect's own parameters hold long
/// code-like blobs), elsewhere every run of code characters.
fn in_view(raw: &str, view: &str) -> Vec<Candidate> {
    let link_chars = ['=', '/', '#', '%', '&', '?', '@', '|'];
    if raw.trim_end_matches('=').contains(link_chars)
        || view.trim_end_matches('=').contains(link_chars)
    {
        let values = keyed(raw, view);
        if !values.is_empty() {
            return values;
        }
        // No share link: a code between slashes or tags, if it checks out.
        runs(view).into_iter().filter(|c| c.ok).collect()
    } else {
        runs(view)
    }
}

/// Every run of code characters that checks out or looks like a code.
fn runs(view: &str) -> Vec<Candidate> {
    view.split(|c: char| !is_code_char(c) && c != '-')
        .filter(|run| run.chars().any(is_code_char))
        .filter_map(|run| {
            let ok = checks_out(run);
            (ok || looks_like_code(run)).then(|| Candidate {
                code: run.to_string(),
                shown: cut(run),
                ok,
            })
        })
        .take(MAX_FOUND)
        .collect()
}

/// The values after `name=` in a link. A value after a name ending in
/// `code` (`#scan-code=`) is an attempt even when damaged; after `#name=`
/// when it looks like a code; any other value only counts when it checks
/// out.
fn keyed(raw: &str, view: &str) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (at, _) in view.match_indices('=') {
        let before = &view[..at];
        let key_start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .last()
            .map_or(at, |(i, _)| i);
        let key = &view[key_start..at];
        let marker = before[..key_start].chars().next_back();
        let after = &view[at + 1..];
        let value_end = after
            .char_indices()
            .find(|(_, c)| !is_code_char(*c) && *c != '-')
            .map_or(after.len(), |(i, _)| i);
        let value = &after[..value_end];
        let ok = checks_out(value);
        let attempt = key.to_ascii_lowercase().ends_with("code")
            || (matches!(marker, Some('#' | '*')) && looks_like_code(value));
        if out.len() >= MAX_FOUND {
            break;
        }
        if ok || attempt {
            out.push(Candidate {
                code: value.to_string(),
                shown: cut(if value.is_empty() { raw } else { value }),
                ok,
            });
        }
    }
    out
}

fn cut(text: &str) -> String {
    text.chars().take(SHOWN_CHARS).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Answers, Partner, Response, Role};
    use crate::instrument::Instrument;
    use crate::share::encode_share;
    use proptest::prelude::*;

    /// Three different real codes: short, with municipality and role, with context.
    fn codes() -> Vec<String> {
        let instrument = Instrument::builtin();
        (0..3)
            .map(|n| {
                let mut answers = Answers::new(instrument);
                for (i, (_, s)) in instrument.statements().enumerate() {
                    if (i + n) % 3 != 0 {
                        answers
                            .responses
                            .insert(s.id.clone(), Response::Scale((i + n) as u8 % 5 + 1));
                    }
                }
                if n > 0 {
                    answers.respondent.municipality = Some("Wijchen".into());
                    answers.respondent.role = Some(Role::Raadslid);
                }
                if n == 2 {
                    answers.context.partners = vec![Partner {
                        name: "Druten".into(),
                        inhabitants: Some(19_000),
                    }];
                }
                encode_share(instrument, &answers, n == 2)
            })
            .collect()
    }

    fn code() -> String {
        codes().swap_remove(0)
    }

    /// The codes that check out.
    fn valid(text: &str) -> Vec<String> {
        find_codes(text)
            .into_iter()
            .filter(|f| f.checks_out)
            .map(|f| f.code)
            .collect()
    }

    /// Exactly `code` and nothing else, not even an attempt.
    #[track_caller]
    fn only(text: &str, code: &str) {
        let found = find_codes(text);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        assert!(found[0].checks_out, "{text:?}: {found:?}");
        assert_eq!(canonical(&found[0].code), canonical(code), "{text:?}");
    }

    fn url_encode(text: &str) -> String {
        text.chars()
            .map(|c| match c {
                ':' | '/' | '#' | '=' | '?' | '&' | '%' | '|' | '@' => {
                    format!("%{:02X}", c as u32)
                }
                _ => c.to_string(),
            })
            .collect()
    }

    fn safe_links(inner: &str) -> String {
        format!(
            "https://eur01.safelinks.protection.outlook.com/?url={}&data=05%7C02%7Cpiet%40wijchen.nl%7C8a2b4c6d8e0f4a1b9c3d5e7f9a1b3c5d%7C0ABCDEFGHJKMNPQRSTVWXYZ01234567%7C0%7C638412345678901234%7CUnknown%7CTWFpbGZsb3d8eyJWIjoiMC4wLjAwMDAiLCJQIjoiV2luMzIiLCJBTiI6Ik1haWwiLCJXVCI6Mn0%3D%7C0%7C%7C%7C&sdata=Q0RFRkdISktNTlBRUlNUVldYWVo3ODkwMTIzNDU2Nzg5%3D&reserved=0",
            url_encode(inner)
        )
    }

    /// A full workshop by mail: 500 participants' links, each rewritten by
    /// Safe Links and wrapped at 76 columns in a quoted reply, all found
    /// within the work budget.
    #[test]
    fn five_hundred_wrapped_links_fit_the_budget() {
        let instrument = Instrument::builtin();
        let first = &instrument.factors[0].statements[0].id;
        let mut codes = Vec::new();
        let mut mail = String::from("> Hoi,\n");
        for n in 0..500 {
            let mut answers = Answers::new(instrument);
            answers.responses.insert(first.clone(), Response::Scale(3));
            answers.respondent.municipality = Some(format!("Gemeente {n}"));
            let code = encode_share(instrument, &answers, false);
            let link = format!("https://gemeente.nl/scan/#scan-code={code}");
            let safe: Vec<char> = safe_links(&link).chars().collect();
            for line in safe.chunks(76) {
                mail.push_str("> ");
                mail.extend(line);
                mail.push('\n');
            }
            codes.push(code);
        }
        assert!(mail.len() <= MAX_TEXT_BYTES, "{} bytes", mail.len());
        let found: Vec<String> = find_codes(&mail).into_iter().map(|f| f.code).collect();
        let missing = codes.iter().filter(|c| !found.contains(c)).count();
        assert_eq!(
            (found.len(), missing),
            (codes.len(), 0),
            "mail of {} bytes",
            mail.len()
        );
        assert_eq!(found, codes);
    }

    #[test]
    fn a_code_as_typed_or_sloppy() {
        let code = code();
        assert!(code.len() > 40, "{code}");
        only(&code, &code);
        only(&format!("  {code}  \n"), &code);
        let sloppy = code.to_lowercase().replace('0', "o").replace('1', "l");
        only(&sloppy, &code);
        only(&code.replace('-', ""), &code);
        only(&code.replace('-', "\u{2011}"), &code);
        only(
            &format!("\u{FEFF}{}\u{200B}", code.replace('-', "\u{AD}-")),
            &code,
        );
    }

    #[test]
    fn share_links_in_every_form() {
        let code = code();
        for link in [
            format!("https://example.org/scan/#scan-code={code}"),
            format!("https://example.org/scan/#mijn_scan-2-code={code}"),
            format!("https://example.org/scan/?lang=nl#scan-code={code}"),
            format!("https://example.org/scan/#scan={code}"),
            format!("https://example.org/scan/?code={code}&utm_source=mail"),
            format!("#scan-code={code}"),
            format!("scan-code={code}"),
        ] {
            only(&link, &code);
            only(&url_encode(&link), &code);
            only(&url_encode(&url_encode(&link)), &code);
            only(&format!("<{link}>"), &code);
            only(&format!("\"{link}\""), &code);
            only(&format!("({link})."), &code);
            only(&format!("Zie {link}."), &code);
            only(&format!("<a href=\"{link}\">{link}</a>"), &code);
        }
        // The old link with a '%2523' and '&amp;' around it.
        only(
            &format!("https://x.nl/r?u=https%3A%2F%2Fexample.org%2Fscan%2F%2523scan-code%253D{code}&amp;t=1"),
            &code,
        );
    }

    #[test]
    fn redirects_and_link_scanners() {
        let code = code();
        let link = format!("https://gemeente.nl/scan/#scan-code={code}");
        // Microsoft Safe Links, with base32-looking text in its data blob.
        let safe = safe_links(&link);
        only(&safe, &code);
        only(&format!("Mijn code: <{safe}>."), &code);
        // Google's redirect.
        only(
            &format!(
                "https://www.google.com/url?q={}&sa=D&source=editors&ust=1700000000000000&usg=AOvVaw0ABCDEFGHJKMNPQRSTVW",
                url_encode(&link)
            ),
            &code,
        );
        // Proofpoint v2: '-XX' escapes, '_' for '/'.
        let v2: String = link
            .chars()
            .map(|c| match c {
                ':' | '#' | '=' | '-' => format!("-{:02X}", c as u32),
                '/' => "_".into(),
                _ => c.to_string(),
            })
            .collect();
        only(
            &format!("https://urldefense.proofpoint.com/v2/url?u={v2}&d=DwMFaQ&c=0ABCDEFGHJKMNPQRSTVWXYZ&r=abc&m=xyz&s=123&e="),
            &code,
        );
        // Proofpoint v3: '#' replaced by '*'.
        only(
            &format!("https://urldefense.com/v3/__https://gemeente.nl/scan/*scan-code={code}__;Iw!!ABCDEFG0123456789!XYZ$"),
            &code,
        );
        // Safe Links around a link whose code is damaged: one attempt, not the blob.
        let mut broken: Vec<char> = code.chars().collect();
        broken[10] = if broken[10] == 'A' { 'B' } else { 'A' };
        let broken: String = broken.into_iter().collect();
        let found = find_codes(&safe_links(&format!(
            "https://gemeente.nl/scan/#scan-code={broken}"
        )));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(!found[0].checks_out);
        assert_eq!(found[0].shown, broken);
        // A link without a code is passed over; only a lone one is reported.
        assert!(valid(&safe_links("https://gemeente.nl/scan/#scan=rapport")).is_empty());
    }

    #[test]
    fn wrapped_codes_are_joined_at_any_point() {
        let code = code();
        let chars: Vec<char> = code.chars().collect();
        for at in 1..chars.len() {
            let (a, b): (String, String) =
                (chars[..at].iter().collect(), chars[at..].iter().collect());
            for brk in [
                "\n", "\r\n", "\n> ", "\n   ", "\u{AD}\n", "-\n", "=\n", " \n>> ",
            ] {
                only(&format!("> Mijn code is {a}{brk}{b} groet, Piet"), &code);
            }
        }
        // Over several lines.
        let lines: Vec<String> = chars.chunks(12).map(|c| c.iter().collect()).collect();
        only(&lines.join("\n"), &code);
        only(&format!("> {}", lines.join("\n> ")), &code);
        // Typed in groups with spaces, also wrapped.
        only(&code.replace('-', " "), &code);
        let spaced = code.replace('-', " ");
        let mid = spaced.len() / 2 / 6 * 6;
        only(&format!("{} \n{}", &spaced[..mid], &spaced[mid..]), &code);
    }

    #[test]
    fn wrapped_links_are_joined() {
        let code = code();
        let link = format!("https://gemeente.nl/scan/#scan-code={code}");
        let chars: Vec<char> = link.chars().collect();
        for at in 1..chars.len() {
            let (a, b): (String, String) =
                (chars[..at].iter().collect(), chars[at..].iter().collect());
            for brk in ["\n", "\n> ", "\n  "] {
                only(&format!("Link: {a}{brk}{b}\nGroet"), &code);
            }
        }
        // Safe Links wrapped at 76 columns, quoted.
        let safe: Vec<char> = safe_links(&link).chars().collect();
        let lines: Vec<String> = safe.chunks(76).map(|c| c.iter().collect()).collect();
        only(&format!("> Hoi,\n> {}\n> Piet", lines.join("\n> ")), &code);
        // Quoted-printable: '=' as '=3D', soft breaks '=' at 76.
        let qp: Vec<char> = link.replace('=', "=3D").chars().collect();
        let lines: Vec<String> = qp.chunks(75).map(|c| c.iter().collect()).collect();
        only(&lines.join("=\n"), &code);
        only(&link.replace('=', "=3D"), &code);
    }

    #[test]
    fn lists_stay_lists() {
        let codes = codes();
        let list = codes.join("\n");
        assert_eq!(valid(&list), codes);
        assert_eq!(valid(&format!("> {}", codes.join("\n> "))), codes);
        assert_eq!(valid(&codes.join(" ")), codes);
        assert_eq!(valid(&codes.join(",")), codes);
        assert_eq!(
            valid(&format!("{}, {}; {}", codes[0], codes[1], codes[2])),
            codes
        );
        let links: Vec<String> = codes
            .iter()
            .map(|c| format!("https://gemeente.nl/scan/#scan-code={c}"))
            .collect();
        assert_eq!(valid(&links.join("\n")), codes);
        assert_eq!(valid(&links.join(" ")), codes);
        let unspaced: Vec<String> = codes.iter().map(|c| c.replace('-', "")).collect();
        assert_eq!(valid(&unspaced.join("\n")), unspaced);
        // The same code twice is found twice (the workshop says "duplicate").
        assert_eq!(valid(&format!("{0}\n{0}", codes[0])).len(), 2);
        // A damaged code between two good ones: reported, the others intact.
        let mut broken: Vec<char> = codes[1].chars().collect();
        broken[8] = if broken[8] == 'A' { 'B' } else { 'A' };
        let broken: String = broken.into_iter().collect();
        let found = find_codes(&format!("{}\n{broken}\n{}", codes[0], codes[2]));
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(
            found.iter().map(|f| f.checks_out).collect::<Vec<_>>(),
            [true, false, true]
        );
        assert_eq!(found[1].shown, broken.chars().take(80).collect::<String>());
    }

    #[test]
    fn surrounding_text_is_passed_over() {
        let code = code();
        for text in [
            format!("Mijn code is: {code} groet, Piet"),
            format!("Code:{code}"),
            format!("Code: {code}."),
            format!("Hoi allemaal,\n\nhierbij mijn code ({code}).\n\nMet vriendelijke groet,\nPiet Jansen\nGemeente Wijchen\nT 06-12345678\nIBAN NL91ABNA0417164300\nDossier 2024-00123"),
            format!("“{code}”"),
            format!("'{}'", code.to_lowercase()),
        ] {
            only(&text, &code);
        }
    }

    #[test]
    fn attempts_are_reported_but_words_are_not() {
        assert!(find_codes("").is_empty());
        assert!(find_codes(" \n\t ").is_empty());
        // Text without any code: one attempt, the text itself.
        let found = find_codes("hello");
        assert_eq!((found.len(), found[0].checks_out), (1, false));
        assert_eq!(found[0].shown, "hello");
        assert_eq!(find_codes("Hoi Piet, wat is de code?").len(), 1);
        // A truncated code or a link with a damaged code is an attempt.
        let code = code();
        let half = &code[..code.len() / 2];
        let found = find_codes(&format!("Code: {half}\n\nGroet"));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].code.as_str(), found[0].checks_out), (half, false));
        let found = find_codes("Zie https://gemeente.nl/scan/#scan-code= groet");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, "");
        assert!(found[0]
            .shown
            .starts_with("https://gemeente.nl/scan/#scan-code="));
        // Codes between tags or slashes, without a share link.
        let codes = codes();
        assert_eq!(
            valid(&format!(
                "<p>{}</p><p>{}</p>/{}",
                codes[0], codes[1], codes[2]
            )),
            codes
        );
        // Words, numbers and other links beside a code are no attempts.
        only(
            &format!("{code}\nhttps://gemeente.nl/?id=8a2b4c6d8e0f4a1b9c3d5e7f9a1b3c5d&x=0ABCDEFGHJKMNPQRSTVWXYZ\nABCDE groet"),
            &code,
        );
    }

    #[test]
    fn the_longest_code_fits_a_join() {
        let instrument = Instrument::builtin();
        let mut answers = Answers::new(instrument);
        let name = "Ö".repeat(40);
        answers.respondent.municipality = Some(name.clone());
        answers.respondent.role = Some(Role::Raadslid);
        answers.context.partners = (0..20)
            .map(|_| Partner {
                name: name.clone(),
                inhabitants: Some(u32::MAX),
            })
            .collect();
        let spec = &instrument.context;
        answers.context.goals = spec.goals.iter().map(|x| x.id.clone()).collect();
        answers.context.motives = spec.motives.iter().map(|x| x.id.clone()).collect();
        answers.context.domains = spec.domains.iter().map(|x| x.id.clone()).collect();
        for (_, s) in instrument.statements() {
            answers.responses.insert(s.id.clone(), Response::Scale(5));
        }
        let code = encode_share(instrument, &answers, true);
        assert!(code.len() + 200 < MAX_JOIN_CHARS, "{}", code.len());
        // A link with it, wrapped at 72 columns and quoted.
        let link: Vec<char> = format!("https://gemeente.nl/scan/#scan-code={code}")
            .chars()
            .collect();
        let lines: Vec<String> = link.chunks(72).map(|c| c.iter().collect()).collect();
        assert!(lines.len() <= MAX_JOIN_BREAKS);
        only(&format!("> {}", lines.join("\n> ")), &code);
    }

    #[test]
    fn a_short_paste_gets_a_short_budget() {
        // Kept by the fuzzer (`codes`): 932 bytes of wrapped junk whose
        // joins read the whole budget of 2.5 million characters (about 50 ms
        // natively) before the budget followed the length of the paste.
        let bytes = include_bytes!("../../../fuzz/regressions/codes/slow-932-bytes");
        let text = String::from_utf8_lossy(bytes);
        let (found, spent) = find_within_budget(&text);
        assert!(
            spent < 100_000,
            "{spent} characters read for {} bytes",
            text.len()
        );
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn the_work_is_bounded() {
        let code = code();
        // Many codes: at most MAX_FOUND.
        let many = format!("{code}\n").repeat(MAX_FOUND + 20);
        assert_eq!(find_codes(&many).len(), MAX_FOUND);
        // Large hostile pastes finish (and find the code at the end).
        for filler in [
            "ABCDE ".repeat(40_000),
            format!("{}\n", "0ABCDEFGHJ".repeat(33)).repeat(600),
            "a=".repeat(100_000),
            "&".repeat(200_000),
            "%25".repeat(60_000),
            "=\n".repeat(100_000),
            format!("{}\n", "x".repeat(330)).repeat(600),
            "é".repeat(100_000),
        ] {
            let found = find_codes(&format!("{filler}\n\n{code}"));
            assert!(found.len() <= MAX_FOUND);
            assert!(
                found.iter().any(|f| f.checks_out && f.code == code),
                "{}",
                filler.chars().take(20).collect::<String>()
            );
            assert!(found.iter().all(|f| f.shown.chars().count() <= 80));
        }
    }

    fn separator() -> impl Strategy<Value = String> {
        prop::sample::select(vec![" ", "\n", "\t", " \n", "\n> ", "\n\n", "  ", "\r\n"])
            .prop_map(str::to_string)
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 256,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn a_code_in_any_text_is_found(
            before in "\\PC{0,60}",
            after in "\\PC{0,60}",
            sep1 in separator(),
            sep2 in separator(),
            which in 0..3usize,
            lower in any::<bool>(),
        ) {
            let code = codes().swap_remove(which);
            let code = if lower { code.to_lowercase() } else { code };
            let text = format!("{before}{sep1}{code}{sep2}{after}");
            let found = valid(&text);
            prop_assert_eq!(found, vec![code]);
        }

        #[test]
        fn a_code_beside_link_like_text_is_found(
            before in "[0-9A-Za-z=%#&>:/;. \\n-]{0,60}",
            after in "[0-9A-Za-z=%#&>:/;. \\n-]{0,60}",
            sep1 in separator(),
            sep2 in separator(),
            which in 0..3usize,
        ) {
            let code = codes().swap_remove(which);
            for text in [
                format!("{before}{sep1}{code}{sep2}{after}"),
                format!("{before}scan-code={sep1}{code}{sep2}{after}"),
                format!("{before}{sep1}https://x.nl/#scan-code={code}{sep2}{after}"),
            ] {
                prop_assert_eq!(valid(&text), vec![code.clone()], "{:?}", text);
                // `scan-code=` right before the code is not reported as empty.
                if !sep1.contains("\n\n") && !format!("{before}{after}").contains('=') {
                    prop_assert!(!find_codes(&text).iter().any(|f| f.code.is_empty()), "{:?}", text);
                }
            }
        }

        #[test]
        fn any_text_is_read_without_panic(
            text in "\\PC{0,300}",
            mixed in "[0-9A-Za-z%=&#;:/?<>\"'\\-_*. \\n\\r\u{AD}é€😀]{0,300}",
        ) {
            for t in [&text, &mixed] {
                let found = find_codes(t);
                prop_assert!(found.len() <= MAX_FOUND);
                prop_assert!(found.iter().all(|f| f.shown.chars().count() <= SHOWN_CHARS));
                prop_assert_eq!(found.is_empty(), t.trim().is_empty());
            }
        }
    }
}
