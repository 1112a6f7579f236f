//! Autosave in localStorage: versioned, migrated, and never fatal.
//!
//! Storage can be switched off (privacy settings, sandboxed iframes), full, or
//! hold damaged data. In every case the scan keeps working in memory and the
//! user is told once. Damaged data is moved aside, not thrown away, and
//! offered as a download.

use samenwerkingsscan::{Answers, Changes};
use serde::{Deserialize, Serialize};

/// The envelope format this version writes. Version 0 was a bare answers
/// object (still read and migrated).
pub const STORAGE_FORMAT: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub format: u32,
    /// Milliseconds since the epoch (an integer: keeps float formatting out of the wasm).
    pub saved_at: u64,
    /// The language shown when saved ("nl" or "en", from `Lang`), for
    /// whoever reads the stored data; not read back (the page's language
    /// wins). A string, so that a save with any value still loads.
    pub lang: String,
    pub answers: Answers,
    /// When each part of the answers last changed (see `samenwerkingsscan::merge`):
    /// what lets two tabs merge instead of overwrite. Missing in older saves.
    #[serde(default)]
    pub changes: Changes,
}

pub enum Loaded {
    Nothing,
    // Boxed: the other variants are small (clippy::large_enum_variant).
    Saved(Box<Saved>),
    Unavailable,
    Corrupt { raw: String },
}

pub enum SaveResult {
    Saved,
    Unavailable,
    Full,
}

impl From<&SaveResult> for crate::state::StorageStatus {
    fn from(result: &SaveResult) -> Self {
        match result {
            SaveResult::Saved => Self::Working,
            SaveResult::Unavailable => Self::Unavailable,
            SaveResult::Full => Self::Full,
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    // Accessing localStorage itself throws when it is blocked.
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load(key: &str) -> Loaded {
    match read(key) {
        Err(()) => Loaded::Unavailable,
        Ok(None) => Loaded::Nothing,
        Ok(Some(raw)) => match parse(&raw) {
            Some(saved) => Loaded::Saved(Box::new(saved)),
            None => Loaded::Corrupt { raw },
        },
    }
}

/// The raw text under `key`; `Err` when storage is blocked.
pub fn read(key: &str) -> Result<Option<String>, ()> {
    storage().ok_or(())?.get_item(key).map_err(|_| ())
}

/// Writes `json` under `key`. `setItem` replaces the old value in one
/// step or not at all: when it fails (quota, blocked) the previous save is
/// still there, whole, and the caller tells the user.
pub fn write(key: &str, json: &str) -> SaveResult {
    let Some(storage) = storage() else {
        return SaveResult::Unavailable;
    };
    match storage.set_item(key, json) {
        Ok(()) => SaveResult::Saved,
        // QuotaExceededError, or a browser that refuses writes.
        Err(_) => SaveResult::Full,
    }
}

/// Reads any envelope version we know; `None` for anything else.
pub fn parse(raw: &str) -> Option<Saved> {
    #[derive(Deserialize)]
    struct Probe {
        format: Option<u32>,
        responses: Option<serde::de::IgnoredAny>,
    }
    let probe: Probe = serde_json::from_str(raw).ok()?;
    match (probe.format, probe.responses) {
        (Some(STORAGE_FORMAT), _) => serde_json::from_str(raw).ok(),
        // Version 0: the answers object itself.
        (None, Some(_)) => Some(Saved {
            format: STORAGE_FORMAT,
            saved_at: 0,
            lang: "nl".into(),
            answers: Answers::from_json(raw).ok()?,
            changes: Changes::new(),
        }),
        _ => None,
    }
}

/// The stored form of `saved`, for [`write`].
pub fn encode(saved: &Saved) -> Option<String> {
    serde_json::to_string(saved).ok()
}

/// Moves damaged data aside so that autosave does not overwrite it.
pub fn set_aside(key: &str, raw: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(&format!("{key}:beschadigd"), raw);
    }
}

/// Calls `changed` with the new stored text (`None`: deleted) whenever
/// another tab or window changes what is stored under `key` (the browser's
/// `storage` event; this tab's own writes fire none). Listens while the
/// returned listener lives.
pub fn on_change_elsewhere(
    key: String,
    changed: impl Fn(Option<String>) + 'static,
) -> gloo::events::EventListener {
    use wasm_bindgen::JsCast;
    gloo::events::EventListener::new(&gloo::utils::window(), "storage", move |event| {
        if let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() {
            if event.key().as_deref() == Some(key.as_str()) {
                changed(event.new_value());
            }
        }
    })
}

pub fn delete(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
        let _ = storage.remove_item(&format!("{key}:beschadigd"));
    }
}
