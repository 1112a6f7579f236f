//! Every text the widget shows that does not come from the instrument or the
//! report: one file per language, one struct for both, so a missing
//! translation is a compile error.

mod en;
mod nl;

/// The languages the widget speaks (the instrument and the core speak both).
pub const LANGS: [(&str, &str); 2] = [("nl", "Nederlands"), ("en", "English")];

pub fn texts(lang: &str) -> &'static Texts {
    if lang == "en" {
        &en::TEXTS
    } else {
        &nl::TEXTS
    }
}

/// Normalises any language code to one we speak.
pub fn supported(lang: &str) -> &'static str {
    if lang.to_ascii_lowercase().starts_with("en") {
        "en"
    } else {
        "nl"
    }
}

pub struct Texts {
    pub language: &'static str,
    pub steps_label: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub to_report: &'static str,
    pub progress: fn(usize, usize) -> String,
    pub answered: fn(usize, usize) -> String,

    pub intro_heading: &'static str,
    pub intro_lead: &'static str,
    pub intro_who: &'static str,
    pub intro_how: &'static str,
    pub intro_time: &'static str,
    pub intro_privacy_heading: &'static str,
    pub intro_privacy: &'static str,
    pub intro_source: &'static str,
    pub start: &'static str,
    pub resume: &'static str,

    pub context_heading: &'static str,
    pub context_lead: &'static str,
    pub about_you: &'static str,
    pub about_you_hint: &'static str,
    pub role: &'static str,
    pub role_none: &'static str,
    pub municipality: &'static str,
    pub partners: &'static str,
    pub partners_hint: &'static str,
    pub partner_name: fn(usize) -> String,
    pub partner_inhabitants: fn(usize) -> String,
    pub add_partner: &'static str,
    pub remove_partner: fn(usize) -> String,
    pub stage: &'static str,
    pub urgency: &'static str,
    pub goals: &'static str,
    pub motives: &'static str,
    pub form: &'static str,
    pub form_unknown: &'static str,
    pub domains: &'static str,
    pub choose_none: &'static str,

    pub promoting_title: &'static str,
    pub hindering_title: &'static str,
    pub promoting_hint: &'static str,
    pub hindering_hint: &'static str,

    pub report_heading: &'static str,
    pub verdict_heading: &'static str,
    pub reasons_heading: &'static str,
    pub phases_heading: &'static str,
    pub phase: &'static str,
    pub total: &'static str,
    pub readiness: &'static str,
    pub readiness_hint: &'static str,
    pub risk: &'static str,
    pub risk_hint: &'static str,
    pub factors_heading: &'static str,
    pub chart_label: &'static str,
    pub chart_hint: &'static str,
    pub table_caption: &'static str,
    pub col_factor: &'static str,
    pub col_kind: &'static str,
    pub col_score: &'static str,
    pub col_band: &'static str,
    pub col_answered: &'static str,
    pub more_advice: fn(usize) -> String,
    pub promoting: &'static str,
    pub hindering: &'static str,
    pub not_answered: &'static str,
    pub strengths_heading: &'static str,
    pub risks_heading: &'static str,
    pub gaps_heading: &'static str,
    pub none: &'static str,
    pub advice_heading: &'static str,
    pub next_step_heading: &'static str,
    pub form_fit_heading: &'static str,
    pub fit_good: &'static str,
    pub fit_caution: &'static str,
    pub fit_poor: &'static str,
    pub signals_heading: &'static str,
    pub ignored_heading: &'static str,
    pub print: &'static str,
    pub report_date: fn(&str) -> String,

    pub data_heading: &'static str,
    pub data_lead: &'static str,
    pub export_json: &'static str,
    pub export_csv: &'static str,
    pub import: &'static str,
    pub import_hint: &'static str,
    pub import_failed: &'static str,
    pub import_ready: fn(usize, usize) -> String,
    pub import_notices: &'static str,
    pub import_confirm: &'static str,
    pub import_cancel: &'static str,
    pub imported: &'static str,
    pub share_heading: &'static str,
    pub share_lead: &'static str,
    pub share_link: &'static str,
    pub share_code: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub start_over: &'static str,
    pub start_over_confirm: &'static str,
    pub delete_data: &'static str,
    pub delete_confirm: &'static str,
    pub confirm: &'static str,
    pub cancel: &'static str,
    pub deleted: &'static str,
    pub restarted: &'static str,

    pub saved_at: fn(&str) -> String,
    pub storage_unavailable: &'static str,
    pub storage_full: &'static str,
    pub storage_corrupt: &'static str,
    pub download_corrupt: &'static str,

    pub incoming_heading: &'static str,
    pub incoming_lead: fn(usize) -> String,
    pub incoming_adopt: &'static str,
    pub incoming_keep: &'static str,
    pub incoming_adopted: &'static str,
    pub share_broken: fn(&str) -> String,
    pub dismiss: &'static str,
    pub instrument_broken: &'static str,
}
