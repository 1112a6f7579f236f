//! Names typed by people, grouped: one key per municipality however it
//! is spelled, its most common spelling, and one context for the group.

use crate::answers::{Context, Partner};
use crate::stage::Stage;
use std::collections::{BTreeMap, BTreeSet};

/// The key that groups spellings of one name: case, accents (composed or
/// combining), apostrophe and dash variants, surrounding or repeated spaces
/// and a full stop, comma, colon or semicolon at the end do not matter.
/// "’s-Hertogenbosch", "'s-hertogenbosch " and "'S-HERTOGENBOSCH" are one
/// municipality; so are "Súdwest-Fryslân" and "Sudwest-Fryslan" typed on a
/// phone without accents.
///
/// ```
/// use samenwerkingsscan::name_key;
/// assert_eq!(name_key("’s-Hertogenbosch"), name_key(" 's-hertogenbosch"));
/// assert_eq!(name_key("Súdwest-Fryslân"), name_key("Sudwest–Fryslan"));
/// assert_eq!(name_key("  Mook en   Middelaar "), "mook en middelaar");
/// assert_eq!(name_key("Sude\u{0301}"), name_key("Sudé"));
/// ```
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    name_key_into(name, &mut out);
    out
}

/// Punctuation at the end of a name ("Druten.", "Wijchen,") is a typing
/// habit, not part of the name.
pub(super) fn trim_end_punctuation(key: &mut String) {
    while key.ends_with(['.', ',', ';', ':']) || key.ends_with(' ') {
        key.pop();
    }
}

/// As [`name_key`], into `out` (cleared first): groups of thousands of
/// respondents reuse one buffer instead of allocating a key each.
pub(super) fn name_key_into(name: &str, out: &mut String) {
    out.clear();
    let mut space = false;
    for c in name.chars() {
        let folded: &str = match c {
            // Combining diacritical marks, zero-width characters, byte-order
            // marks and soft hyphens: dropped (the base letter stays).
            '\u{0300}'..='\u{036F}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'
            | '\u{FEFF}'
            | '\u{00AD}' => continue,
            '’' | '‘' | 'ʼ' | 'ʻ' | '`' | '´' | '′' | '‛' | '＇' => "'",
            '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '﹣' | '－' => "-",
            // Fullwidth forms (some phone keyboards): their ASCII letter.
            '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
                let ascii = char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
                out.push(ascii.to_ascii_lowercase());
                continue;
            }
            'İ' | 'ı' => "i",
            'ŷ' | 'Ŷ' => "y",
            'ŵ' | 'Ŵ' => "w",
            'à'..='å' | 'À'..='Å' | 'ā' | 'Ā' => "a",
            'ç' | 'Ç' => "c",
            'è'..='ë' | 'È'..='Ë' | 'ē' | 'Ē' => "e",
            'ì'..='ï' | 'Ì'..='Ï' => "i",
            'ĳ' | 'Ĳ' => "ij",
            'ñ' | 'Ñ' => "n",
            'ò'..='ö' | 'ø' | 'Ò'..='Ö' | 'Ø' => "o",
            'ù'..='ü' | 'Ù'..='Ü' => "u",
            'ý' | 'ÿ' | 'Ý' => "y",
            c if c.is_whitespace() => {
                space = !out.is_empty();
                continue;
            }
            // Invisible characters are no part of a name.
            c if crate::text::invisible(c) => continue,
            _ => "",
        };
        if space {
            out.push(' ');
            space = false;
        }
        if !folded.is_empty() {
            out.push_str(folded);
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    trim_end_punctuation(out);
    // No municipality's name is this long; a key stays a short, inert id.
    if let Some((at, _)) = out.char_indices().nth(KEY_CHARS) {
        out.truncate(at);
    }
}

/// The longest key, in characters: twice the longest label shown.
const KEY_CHARS: usize = 120;

/// Counts one spelling (trimmed, inner runs of spaces made one) without
/// allocating when it was seen before.
pub(super) fn count_spelling(spellings: &mut BTreeMap<String, usize>, name: &str) {
    let trimmed = name.trim();
    let tidy_already = !trimmed.char_indices().any(|(i, c)| {
        c.is_whitespace() && (c != ' ' || trimmed[i + 1..].starts_with(char::is_whitespace))
    });
    let spelling: std::borrow::Cow<str> = if tidy_already {
        trimmed.into()
    } else {
        tidy(trimmed).into()
    };
    if let Some(n) = spellings.get_mut(&*spelling) {
        *n += 1;
    } else {
        spellings.insert(spelling.into_owned(), 1);
    }
}

/// A name as people wrote it, with surrounding spaces removed and inner
/// runs of spaces made one: the candidates for a subgroup's label.
pub(super) fn tidy(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The most common spelling, so the label does not depend on respondent
/// order; as every quoted name, cut at 60 characters and without invisible
/// characters (a label reaches reasons, tables and the workshop summary).
pub(super) fn most_common(spellings: &BTreeMap<String, usize>) -> String {
    let best = spellings.values().copied().max().unwrap_or(0);
    // On a tie, a spelling with lower-case letters ("Druten") before one in
    // capitals ("DRUTEN"), then code-point order: independent of the order
    // of respondents.
    let shouting = |s: &str| !s.chars().any(char::is_lowercase);
    spellings
        .iter()
        .filter(|(_, n)| **n == best)
        .min_by_key(|(s, _)| shouting(s))
        .map(|(s, _)| crate::text::shown(s))
        .unwrap_or_default()
}

/// One context for the group: partners united by [`name_key`] (shown in
/// their most common spelling, the largest number of inhabitants given);
/// the stage and form by majority (a tie on the stage goes to the earlier
/// stage, the cautious reading; on the form to the smallest id); the urgency
/// only when everyone who answered agrees, because a difference in urgency
/// is a signal, never a vote; multiple choices united.
pub fn merge_contexts<'a>(contexts: impl Iterator<Item = &'a Context>) -> Context {
    let mut partners: BTreeMap<String, (BTreeMap<String, usize>, Option<u32>)> = BTreeMap::new();
    let mut stage = BTreeMap::new();
    let mut urgency = BTreeSet::new();
    let mut form = BTreeMap::new();
    let (mut goals, mut motives, mut domains) = (Vec::new(), Vec::new(), Vec::new());
    let mut key = String::new();
    for c in contexts {
        for p in &c.partners {
            name_key_into(&p.name, &mut key);
            if key.is_empty() {
                continue;
            }
            let entry = match partners.get_mut(key.as_str()) {
                Some(entry) => entry,
                None => partners.entry(key.clone()).or_default(),
            };
            count_spelling(&mut entry.0, &p.name);
            entry.1 = entry.1.max(p.inhabitants);
        }
        // A stage the rules do not know is no vote (it would outvote the
        // known ones and be read as "not given").
        if let Some(id) = c.stage.as_ref().filter(|id| Stage::from_id(id).is_some()) {
            *stage.entry(id.clone()).or_insert(0usize) += 1;
        }
        if let Some(id) = &c.form {
            *form.entry(id.clone()).or_insert(0usize) += 1;
        }
        urgency.extend(c.urgency.iter().cloned());
        goals.extend(c.goals.iter().cloned());
        motives.extend(c.motives.iter().cloned());
        domains.extend(c.domains.iter().cloned());
    }
    let majority = |votes: BTreeMap<String, usize>| {
        let best = votes.values().copied().max()?;
        let mut tied: Vec<String> = votes
            .into_iter()
            .filter(|(_, n)| *n == best)
            .map(|(id, _)| id)
            .collect();
        // Known stages in their order, before any other id.
        tied.sort_by_key(|id| (Stage::from_id(id).is_none(), Stage::from_id(id)));
        tied.into_iter().next()
    };
    let unite = |mut v: Vec<String>| {
        v.sort();
        v.dedup();
        v
    };
    Context {
        partners: partners
            .into_values()
            .map(|(spellings, inhabitants)| Partner {
                name: most_common(&spellings),
                inhabitants,
            })
            .collect(),
        stage: majority(stage),
        urgency: (urgency.len() == 1).then(|| urgency.into_iter().next().expect("one")),
        goals: unite(goals),
        motives: unite(motives),
        form: majority(form),
        domains: unite(domains),
    }
}
