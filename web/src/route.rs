//! The step of the scan in the URL fragment, so the browser's back and
//! forward buttons work. Fragments are never sent to a server, and they do
//! not disturb the path or query of the host page the widget lives on.

use crate::pages::Page;

/// The fragment of the page's address, with its `#` (or empty).
pub fn current_hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// The page's own address without fragment: where share links and the
/// workshop's QR code point. Never the host's `<base href>`.
pub fn this_page() -> String {
    let href = gloo::utils::window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Writes `fragment` into the browser's history: a new entry (`push`) or in
/// place of the current one. The URL is absolute from the page's own address
/// (a relative `#…` would resolve against a host's `<base href>` and move the
/// page), and the host's `history.state` (a single-page router's) is carried
/// over, never replaced. `pushState` fires no `hashchange`; back and forward
/// do, and the widget's listeners follow them.
pub fn write_fragment(fragment: &str, push: bool) {
    let window = gloo::utils::window();
    let url = format!("{}{fragment}", this_page());
    let _ = window.history().and_then(|h| {
        let state = h.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        if push {
            h.push_state_with_url(&state, "", Some(&url))
        } else {
            h.replace_state_with_url(&state, "", Some(&url))
        }
    });
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Intro,
    Context,
    /// A page of statements, by index into [`crate::pages::pages`].
    Questions(usize),
    Report,
}

/// What a URL fragment asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Step(Step),
    /// `#scan-code=…`: someone shared their answers.
    Shared(String),
}

/// The fragment namespace of one widget: `scan` for the default storage key,
/// else the key itself, so two scans on one page keep separate steps.
pub fn namespace(storage_key: &str) -> String {
    if storage_key == crate::DEFAULT_STORAGE_KEY {
        "scan".to_string()
    } else {
        storage_key
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect()
    }
}

pub fn fragment(ns: &str, step: Step, pages: &[Page]) -> String {
    let name = match step {
        Step::Intro => "start".to_string(),
        Step::Context => "samenwerking".to_string(),
        Step::Questions(i) => pages
            .get(i)
            .map_or_else(|| "start".to_string(), |p| p.slug.clone()),
        Step::Report => "rapport".to_string(),
    };
    format!("#{ns}={name}")
}

pub fn share_fragment(ns: &str, code: &str) -> String {
    format!("#{ns}-code={code}")
}

/// `#scan-workshop`: the widget is in workshop mode (its own steps are in
/// its autosave, so a reload resumes at the same factor).
pub fn workshop_fragment(ns: &str) -> String {
    format!("#{ns}-workshop")
}

/// Whether a fragment belongs to this widget: `Some(true)` for workshop
/// mode, `Some(false)` for a step or share code of the scan.
pub fn is_workshop(ns: &str, hash: &str) -> Option<bool> {
    let hash = hash.trim_start_matches('#');
    if hash == format!("{ns}-workshop") {
        Some(true)
    } else if hash.starts_with(&format!("{ns}=")) || hash.starts_with(&format!("{ns}-code=")) {
        Some(false)
    } else {
        None
    }
}

/// Whether a fragment belongs to the host page rather than to a scan: a
/// hash route (`#/page`), an anchor (`#main`) … A scan's fragments are
/// `#ns=…`, `#ns-code=…` and `#ns-workshop`, whatever the namespace. A page
/// whose fragment is the host's keeps it: the widget then moves between its
/// steps without the URL.
pub fn is_foreign(hash: &str) -> bool {
    let hash = hash.trim_start_matches('#');
    if hash.is_empty() {
        return false;
    }
    let name_ok = |name: &str| {
        !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    };
    let ours = match hash.split_once('=') {
        Some((name, _)) => name_ok(name),
        None => hash.strip_suffix("-workshop").is_some_and(name_ok),
    };
    !ours
}

/// Reads a fragment (with or without `#`); unknown fragments are not ours.
pub fn parse(ns: &str, hash: &str, pages: &[Page]) -> Option<Route> {
    let hash = hash.trim_start_matches('#');
    if let Some(code) = hash.strip_prefix(&format!("{ns}-code=")) {
        return Some(Route::Shared(code.to_string()));
    }
    let name = hash.strip_prefix(&format!("{ns}="))?;
    let step = match name {
        "start" => Step::Intro,
        "samenwerking" => Step::Context,
        "rapport" => Step::Report,
        other => Step::Questions(pages.iter().position(|p| p.slug == other)?),
    };
    Some(Route::Step(step))
}

/// The steps in order: intro, context, every question page, report.
pub fn sequence(pages: &[Page]) -> Vec<Step> {
    let mut steps = vec![Step::Intro, Step::Context];
    steps.extend((0..pages.len()).map(Step::Questions));
    steps.push(Step::Report);
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::pages;
    use samenwerkingsscan::Instrument;

    #[test]
    fn every_step_survives_the_round_trip_through_its_fragment() {
        let pages = pages(Instrument::builtin());
        for step in sequence(&pages) {
            let hash = fragment("scan", step, &pages);
            assert_eq!(
                parse("scan", &hash, &pages),
                Some(Route::Step(step)),
                "{hash}"
            );
            assert_eq!(is_workshop("scan", &hash), Some(false));
            assert!(!is_foreign(&hash), "{hash}");
        }
    }

    #[test]
    fn the_sequence_runs_from_intro_over_every_page_to_the_report() {
        let pages = pages(Instrument::builtin());
        let steps = sequence(&pages);
        assert_eq!(steps.len(), pages.len() + 3);
        assert_eq!(steps[0], Step::Intro);
        assert_eq!(steps[1], Step::Context);
        assert_eq!(steps[2], Step::Questions(0));
        assert_eq!(steps.last(), Some(&Step::Report));
    }

    #[test]
    fn a_share_code_and_workshop_mode_have_their_own_fragments() {
        let pages = pages(Instrument::builtin());
        let code = share_fragment("scan", "ABC-123");
        assert_eq!(code, "#scan-code=ABC-123");
        assert_eq!(
            parse("scan", &code, &pages),
            Some(Route::Shared("ABC-123".into()))
        );
        let workshop = workshop_fragment("scan");
        assert_eq!(is_workshop("scan", &workshop), Some(true));
        assert_eq!(parse("scan", &workshop, &pages), None);
        assert!(!is_foreign(&workshop));
    }

    #[test]
    fn another_scan_or_the_host_keeps_its_fragments() {
        let pages = pages(Instrument::builtin());
        // A second scan on the page: its own namespace, never ours.
        assert_eq!(namespace(crate::DEFAULT_STORAGE_KEY), "scan");
        assert_eq!(namespace("raad <2026>"), "raad2026");
        let theirs = fragment("raad2026", Step::Report, &pages);
        assert_eq!(parse("scan", &theirs, &pages), None);
        assert_eq!(is_workshop("scan", &theirs), None);
        assert!(!is_foreign(&theirs));
        // The host's anchors and hash routes are foreign.
        for host in ["#main", "#/page/2", "#/a=b", "#=x", "#-workshop"] {
            assert!(is_foreign(host), "{host}");
            assert_eq!(parse("scan", host, &pages), None, "{host}");
        }
        assert!(!is_foreign(""));
        assert!(!is_foreign("#"));
        // An unknown page of ours is no step.
        assert_eq!(parse("scan", "#scan=bestaat-niet", &pages), None);
    }
}
