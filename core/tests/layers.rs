//! The core reads bottom-up: every file uses only files before it in
//! [`READING_ORDER`] (ARCHITECTURE.md, the map of `core/src`). A file that reaches
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
    "numbers.rs",
    "wording.rs",
    "json.rs",
    "mismatch.rs",
    "notice.rs",
    "stage.rs",
    "instrument.rs",
    "problem.rs",
    "validate.rs",
    "answers/model.rs",
    "answers/index.rs",
    "answers/decode.rs",
    "answers/merge.rs",
    "answers/check.rs",
    "answers/file.rs",
    "answers/mod.rs",
    "survey.rs",
    "score.rs",
    "report.rs",
    "verdict.rs",
    "signals.rs",
    "advice.rs",
    "evaluate.rs",
    "disclosure.rs",
    "group/options.rs",
    "group/model.rs",
    "group/names.rs",
    "group/subgroups.rs",
    "group/aggregate.rs",
    "group/mod.rs",
    "compare.rs",
    "export.rs",
    "share/error.rs",
    "share/left.rs",
    "share/base32.rs",
    "share/unwrap.rs",
    "share/find.rs",
    "share.rs",
    "workshop/notice.rs",
    "workshop/model.rs",
    "workshop/codes.rs",
    "workshop/file.rs",
    "workshop/results.rs",
    "workshop/summary.rs",
    "workshop/report.rs",
    "workshop/mod.rs",
];

/// A file's code without comments and without its `#[cfg(test)]` items
/// (a test module is skipped to its closing brace; code after it counts).
fn code(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect();
    let mut kept = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim() == "#[cfg(test)]" {
            // Skip the attribute and the item under it, to its last brace.
            let mut depth = 0i32;
            let mut opened = false;
            i += 1;
            while i < lines.len() {
                for c in lines[i].chars() {
                    match c {
                        '{' => {
                            depth += 1;
                            opened = true;
                        }
                        '}' => depth -= 1,
                        _ => {}
                    }
                }
                let ends =
                    (opened && depth <= 0) || (!opened && lines[i].trim_end().ends_with(';'));
                i += 1;
                if ends {
                    break;
                }
            }
            continue;
        }
        kept.push(lines[i]);
        i += 1;
    }
    kept.join("\n")
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

/// Whether `text` holds `name` as a whole word.
fn uses_name(text: &str, name: &str) -> bool {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .any(|word| word == name)
}

/// Every use of a later file in `sources`, as "a.rs uses X from b.rs,
/// which comes later". A path is resolved by its longest prefix that names
/// a file (`crate::group::GroupOptions::default` → group.rs); a name is
/// found where it is defined (`pub`, `pub(crate)`, `pub(super)`), else in
/// the file the path names (a parent's private helper).
fn violations(sources: &BTreeMap<String, String>, order: &[&str]) -> Vec<String> {
    let place = |file: &str| order.iter().position(|f| *f == file);
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
    let defined_in = |name: &str, module: &str| -> Vec<String> {
        defined
            .iter()
            .filter(|(other, names)| {
                let inside = module.is_empty()
                    || other.starts_with(&format!("{module}/"))
                    || *other == format!("{module}.rs");
                inside && names.iter().any(|n| n == name)
            })
            .map(|(other, _)| other.clone())
            .collect()
    };
    let mut wrong = Vec::new();
    for (file, code) in sources {
        let Some(here) = place(file) else { continue };
        let dir = file.rsplit_once('/').map(|(d, _)| d.to_string());
        for (root, segments, names) in uses(code) {
            // Where the path starts: the crate, or the parent module.
            let base: Vec<String> = match (root, &dir) {
                ("super::", Some(d)) if !file.ends_with("mod.rs") => {
                    d.split('/').map(String::from).collect()
                }
                ("super::", Some(d)) => d
                    .rsplit_once('/')
                    .map(|(p, _)| p.split('/').map(String::from).collect())
                    .unwrap_or_default(),
                _ => Vec::new(),
            };
            let path: Vec<String> = base.iter().chain(&segments).cloned().collect();
            // The longest prefix of the path that names a file.
            let (module, file_of_module, rest) = (0..=path.len())
                .rev()
                .find_map(|k| {
                    let module = path[..k].join("/");
                    module_file(&module).map(|f| (module, Some(f), path[k..].to_vec()))
                })
                .unwrap_or((String::new(), None, path.clone()));
            let looked_up: Vec<String> = match rest.first() {
                // Through a type or item: `crate::m::Type::item`.
                Some(item) => vec![item.clone()],
                None => names.clone(),
            };
            for name in &looked_up {
                let mut targets = defined_in(name, &module);
                if rest.is_empty() {
                    let child = if module.is_empty() {
                        name.clone()
                    } else {
                        format!("{module}/{name}")
                    };
                    targets.extend(module_file(&child));
                }
                let reexported = |f: &String| {
                    sources[f].split(';').any(|item| {
                        let item = item.trim_start();
                        (item.starts_with("pub use ") || item.starts_with("pub(crate) use "))
                            && uses_name(item, name)
                    })
                };
                if targets.is_empty() && file_of_module.as_ref().is_some_and(reexported) {
                    // Re-exported by the file the path names: where it is defined.
                    targets = defined_in(name, "");
                }
                if targets.is_empty() {
                    // A private item of the file the path names.
                    targets.extend(file_of_module.clone());
                }
                let target = targets
                    .into_iter()
                    .filter(|t| t != file)
                    .min_by_key(|t| place(t).unwrap_or(usize::MAX));
                let Some(target) = target else { continue };
                // A directory's mod.rs declares and re-exports its own files.
                let own_child =
                    file.ends_with("mod.rs") && target.starts_with(file.trim_end_matches("mod.rs"));
                if place(&target).is_some_and(|there| there > here) && !own_child {
                    wrong.push(format!(
                        "{file} uses {name} from {target}, which comes later"
                    ));
                }
            }
        }
    }
    wrong
}

#[test]
fn every_file_uses_only_files_before_it_in_the_reading_order() {
    let sources = sources();
    let unlisted: Vec<&String> = sources
        .keys()
        .filter(|f| !READING_ORDER.contains(&f.as_str()))
        .collect();
    assert!(
        unlisted.is_empty(),
        "add these files to READING_ORDER (and ARCHITECTURE.md): {unlisted:?}"
    );
    let wrong = violations(&sources, READING_ORDER);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_use_of_a_later_file_is_reported_however_it_is_written() {
    let files = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(f, c)| (f.to_string(), code(c)))
            .collect()
    };
    let order = ["a.rs", "b.rs", "d/x.rs", "d.rs"];
    for (code_a, what) in [
        ("use crate::b::X;", "a use"),
        ("use crate::b::{self, X};", "a group"),
        ("fn f() { crate::b::X::new(); }", "a path through a type"),
        ("fn f() { crate::X::new(); }", "a root re-export"),
        (
            "#[cfg(test)]\nmod tests {}\nuse crate::b::X;",
            "code after the tests",
        ),
    ] {
        let sources = files(&[
            ("a.rs", code_a),
            ("b.rs", "pub struct X;"),
            ("d.rs", ""),
            ("d/x.rs", ""),
        ]);
        assert_eq!(
            violations(&sources, &order),
            ["a.rs uses X from b.rs, which comes later"],
            "{what}"
        );
    }
    // A parent's private helper, used from its child placed before it.
    let sources = files(&[
        ("a.rs", ""),
        ("b.rs", ""),
        ("d.rs", "fn checksum() {}"),
        ("d/x.rs", "use super::checksum;"),
    ]);
    assert_eq!(
        violations(&sources, &order),
        ["d/x.rs uses checksum from d.rs, which comes later"]
    );
    // Earlier files, and a test module's own uses, are fine.
    let sources = files(&[
        (
            "a.rs",
            "pub struct X;\n#[cfg(test)]\nmod tests { use crate::b::Y; }",
        ),
        ("b.rs", "use crate::a::X;\npub struct Y;"),
        ("d.rs", ""),
        ("d/x.rs", ""),
    ]);
    assert!(violations(&sources, &order).is_empty());
}

#[test]
fn paths_names_and_definitions_are_read() {
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
    assert_eq!(
        code("a\n// b\n#[cfg(test)]\nmod tests {\n  x\n}\nc"),
        "a\nc"
    );
}
