//! The core reads bottom-up: every file uses only files before it in
//! [`READING_ORDER`] (ARCHITECTURE.md, "Reading order"). A file that reaches
//! for a later one (a cycle, or a rule in the wrong place) fails here with
//! the name it used.
//!
//! What counts as a use: a path through `crate::` or `super::` in code
//! (comments and the `#[cfg(test)]` part of a file are left out), and the
//! names in a `use crate::{…}` of the crate root's re-exports. A name is
//! found in the file that defines it (`pub`, `pub(crate)` or `pub(super)`).

use std::collections::BTreeMap;
use std::path::Path;

/// Bottom-up: each file may use only the files before it. A directory's
/// `mod.rs` only declares its files and re-exports them.
const READING_ORDER: &[&str] = &[
    "text.rs",
    "json.rs",
    "stage.rs",
    "instrument.rs",
    "validate.rs",
    "answers/model.rs",
    "answers/index.rs",
    "answers/decode.rs",
    "answers/merge.rs",
    "answers/check.rs",
    "answers/file.rs",
    "answers/mod.rs",
    "score.rs",
    "report.rs",
    "verdict.rs",
    "signals.rs",
    "advice.rs",
    "evaluate.rs",
    "disclosure.rs",
    "group.rs",
    "compare.rs",
    "export.rs",
    "share/find.rs",
    "share.rs",
    "workshop/model.rs",
    "workshop/codes.rs",
    "workshop/file.rs",
    "workshop/results.rs",
    "workshop/summary.rs",
    "workshop/report.rs",
    "workshop/mod.rs",
];

/// A file's code without comments and without its `#[cfg(test)]` part.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every file of `core/src` (but `lib.rs`) with its code, by relative path.
fn sources() -> BTreeMap<String, String> {
    fn walk(dir: &Path, root: &Path, out: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).expect("core/src is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let name = path.strip_prefix(root).unwrap().to_string_lossy();
                let name = name.replace('\\', "/");
                // lib.rs declares; a directory's tests.rs is test code.
                if name != "lib.rs" && !name.ends_with("/tests.rs") {
                    out.insert(name, code(&std::fs::read_to_string(&path).unwrap()));
                }
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    walk(&root, &root, &mut out);
    out
}

/// The names a file defines for others: `pub`, `pub(crate)`, `pub(super)`
/// structs, enums, functions, constants, types, traits and modules.
fn definitions(code: &str) -> Vec<String> {
    let mut names = Vec::new();
    for line in code.lines() {
        let line = line.trim_start();
        let Some(rest) = ["pub(crate) ", "pub(super) ", "pub "]
            .iter()
            .find_map(|p| line.strip_prefix(p))
        else {
            continue;
        };
        for kind in [
            "struct ", "enum ", "fn ", "const ", "type ", "trait ", "mod ",
        ] {
            if let Some(after) = rest.strip_prefix(kind) {
                let name: String = after
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                names.push(name);
            }
        }
    }
    names
}

/// Paths after `crate::` or `super::`: the module segments, then the names
/// used (one, or each of a `{…}` group, nested groups flattened).
fn uses(code: &str) -> Vec<(&'static str, Vec<String>, Vec<String>)> {
    let mut out = Vec::new();
    for root in ["crate::", "super::"] {
        let mut at = 0;
        while let Some(found) = code[at..].find(root) {
            let start = at + found + root.len();
            at = start;
            // Part of a longer word (e.g. `mycrate::`): not a path.
            let before = code[..start - root.len()].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = &code[start..];
            let mut segments = Vec::new();
            let mut names = Vec::new();
            let mut tail = rest;
            loop {
                let word: String = tail
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if word.is_empty() {
                    if tail.starts_with('{') {
                        let end = tail.find('}').unwrap_or(tail.len());
                        names.extend(
                            tail[1..end]
                                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                                .filter(|w| !w.is_empty() && *w != "self")
                                .map(String::from),
                        );
                    }
                    break;
                }
                tail = &tail[word.len()..];
                if let Some(next) = tail.strip_prefix("::") {
                    segments.push(word);
                    tail = next;
                } else {
                    names.push(word);
                    break;
                }
            }
            out.push((root, segments, names));
        }
    }
    out
}

#[test]
fn every_file_uses_only_files_before_it_in_the_reading_order() {
    let sources = sources();
    let listed: Vec<&str> = READING_ORDER.to_vec();
    let unlisted: Vec<&String> = sources
        .keys()
        .filter(|f| !listed.contains(&f.as_str()))
        .collect();
    assert!(
        unlisted.is_empty(),
        "add these files to READING_ORDER (and ARCHITECTURE.md): {unlisted:?}"
    );
    let place = |file: &str| listed.iter().position(|f| *f == file);
    let defined: Vec<(String, Vec<String>)> = sources
        .iter()
        .map(|(file, code)| (file.clone(), definitions(code)))
        .collect();
    // The file a module path names: `answers` → answers/mod.rs, `text` → text.rs.
    let module_file = |module: &str| {
        [format!("{module}.rs"), format!("{module}/mod.rs")]
            .into_iter()
            .find(|f| sources.contains_key(f))
    };
    let mut wrong = Vec::new();
    for (file, code) in &sources {
        let here = place(file).unwrap();
        let dir = file.rsplit_once('/').map(|(d, _)| d.to_string());
        for (root, segments, names) in uses(code) {
            // The directory the path starts from.
            let base = match (root, &dir) {
                ("super::", Some(d)) if !file.ends_with("mod.rs") => d.clone(),
                _ => String::new(),
            };
            let join = |extra: &[String]| {
                let mut parts: Vec<String> = Vec::new();
                if !base.is_empty() {
                    parts.push(base.clone());
                }
                parts.extend(extra.iter().cloned());
                parts.join("/")
            };
            let module = join(&segments);
            for name in &names {
                let mut targets: Vec<String> = Vec::new();
                let full = join(&[segments.clone(), vec![name.clone()]].concat());
                if let Some(f) = module_file(&full) {
                    targets.push(f);
                } else {
                    for (other, names_there) in &defined {
                        let inside = module.is_empty()
                            || other.starts_with(&format!("{module}/"))
                            || *other == format!("{module}.rs");
                        if inside && names_there.contains(name) {
                            targets.push(other.clone());
                        }
                    }
                }
                // A name defined in several places: the earliest one counts.
                let target = targets
                    .into_iter()
                    .filter(|t| t != file)
                    .min_by_key(|t| place(t).unwrap_or(usize::MAX));
                if let Some(target) = target {
                    // A directory's mod.rs declares and re-exports its files.
                    let parent_of = target.ends_with("mod.rs")
                        && file.starts_with(target.trim_end_matches("mod.rs"));
                    if place(&target).is_some_and(|there| there > here)
                        && !(file.ends_with("mod.rs")
                            && target.starts_with(&format!("{}/", dir.clone().unwrap_or_default())))
                        && !parent_of
                    {
                        wrong.push(format!(
                            "{file} uses {name} from {target}, which comes later"
                        ));
                    }
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_check_sees_a_use_of_a_later_file() {
    let found = uses(
        "use crate::group::{aggregate, GroupOptions};\nfn f() { super::model::Tally::default(); }",
    );
    assert_eq!(
        found[0],
        (
            "crate::",
            vec!["group".to_string()],
            vec!["aggregate".to_string(), "GroupOptions".to_string()]
        )
    );
    assert_eq!(found[1].1, ["model".to_string(), "Tally".to_string()]);
    assert_eq!(found[1].2, ["default".to_string()]);
    assert_eq!(
        definitions("pub(crate) fn ids() {}\npub struct A;\nfn private() {}"),
        ["ids", "A"]
    );
    assert_eq!(code("a\n// b\n#[cfg(test)]\nmod tests {}"), "a");
}
