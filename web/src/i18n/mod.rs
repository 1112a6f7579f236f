//! Every text the widget shows that does not come from the instrument or the
//! report: one file per language, one struct for both, so a missing
//! translation is a compile error.

mod en;
mod nl;

use samenwerkingsscan::Lang;

/// The languages the widget speaks (the instrument and the core speak
/// both), each with its own name for the language menu.
pub const LANGS: [(Lang, &str); 2] = [(Lang::Nl, "Nederlands"), (Lang::En, "English")];

#[cfg(feature = "workshop")]
#[inline(never)] // one call, not a copy in every screen (bundle size)
pub fn workshop_texts(lang: Lang) -> &'static WorkshopTexts {
    lang.pick(&nl::WORKSHOP, &en::WORKSHOP)
}

#[inline(never)] // one call, not a copy in every screen (bundle size)
pub fn texts(lang: Lang) -> &'static Texts {
    lang.pick(&nl::TEXTS, &en::TEXTS)
}

/// The language's own name ("English" for `en`).
pub fn name(lang: Lang) -> &'static str {
    lang.pick("Nederlands", "English")
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
    /// The same for a look ahead: agreeing means the problem is expected.
    pub hindering_hint_ahead: &'static str,

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
    /// Above a next step that lies behind the partnership's stage.
    pub going_back: &'static str,
    /// After the name of a phase answered as a look ahead.
    pub looking_ahead: &'static str,
    /// On the question screens of the look-ahead phase, before the start.
    pub look_ahead_lead: &'static str,
    /// After an advice item that is a point to arrange before the start.
    pub before_start: &'static str,
    pub procedure_intro: &'static str,
    pub dimensions_heading: &'static str,
    pub dimensions_hint: &'static str,
    pub form_fit_heading: &'static str,
    pub signals_heading: &'static str,
    pub ignored_heading: &'static str,
    pub print: &'static str,
    /// The button that puts the report on the clipboard (HTML and text).
    pub copy_report: &'static str,
    /// Said when the report is on the clipboard.
    pub report_copied: &'static str,
    /// Said when copying did not work.
    pub report_copy_failed: &'static str,
    pub report_date: fn(&str) -> String,

    pub data_heading: &'static str,
    pub data_lead: &'static str,
    pub export_json: &'static str,
    pub export_csv: &'static str,
    pub import: &'static str,
    pub import_hint: &'static str,
    pub import_failed: &'static str,
    /// The browser could not read a chosen file (moved, or no permission).
    pub file_unreadable: &'static str,
    /// The template for survey tools: the button, and what it is.
    pub template: &'static str,
    /// How to use the template in a survey tool, and what that means for
    /// where the answers are kept.
    pub template_hint: &'static str,
    /// A survey tool's export is being read.
    pub survey_reading: &'static str,
    /// A survey export with this many people's answers (more than one).
    pub survey_many: fn(usize) -> String,
    /// A survey export without an answer the scan can use.
    pub survey_empty: &'static str,
    /// Before the cells of a survey export that do not count.
    pub survey_cells: &'static str,
    /// The import bundle could not load (a technical detail).
    pub survey_unavailable: fn(&str) -> String,
    pub import_ready: fn(usize, usize) -> String,
    pub import_notices: &'static str,
    pub import_confirm: &'static str,
    pub import_cancel: &'static str,
    pub imported: &'static str,
    pub share_heading: &'static str,
    pub share_lead: &'static str,
    pub share_link: &'static str,
    pub share_code: &'static str,
    pub share_code_hint: &'static str,
    /// Under the share heading when some answers cannot go into a code.
    pub share_not_carried: fn(usize) -> String,
    pub to_workshop: &'static str,
    /// Only the scan bundle shows it (while the workshop bundle loads).
    #[cfg_attr(feature = "workshop", allow(dead_code))]
    pub workshop_loading: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    /// Copying was not possible (no clipboard on an http:// page, or refused):
    /// the link is selected instead.
    pub copy_failed: &'static str,
    pub start_over: &'static str,
    pub start_over_confirm: &'static str,
    pub delete_data: &'static str,
    pub delete_confirm: &'static str,
    pub confirm: &'static str,
    pub cancel: &'static str,
    pub deleted: &'static str,
    /// Announced when another tab (or window) deleted the saved answers.
    pub deleted_elsewhere: &'static str,
    /// Announced when answers given in another tab were added here.
    pub merged_elsewhere: &'static str,
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
    /// The custom questionnaire could not be fetched: its address and the
    /// HTTP status the server answered with.
    pub instrument_http: fn(&str, u32) -> String,
    /// … its address and the browser's technical message (no answer at all).
    pub instrument_network: fn(&str, &str) -> String,
    /// `(language name, detail)`: the built-in instrument's texts in the
    /// language asked for could not be loaded (`instrument.<lang>.json`);
    /// the scan stays in this language, the one the message is shown in.
    pub language_failed: fn(&str, &str) -> String,
    /// … its address: the server sent a web page, not JSON.
    pub instrument_not_json: fn(&str) -> String,
}

#[cfg(feature = "workshop")]
/// The texts of workshop mode (kept apart from the scan's `Texts` so each stays readable).
pub struct WorkshopTexts {
    pub mode_name: &'static str,
    pub to_scan: &'static str,
    pub fullscreen: &'static str,
    pub nav_label: &'static str,
    pub jump_label: &'static str,
    pub status: fn(usize, usize, usize) -> String,
    pub storage_corrupt: &'static str,
    pub storage_unavailable: &'static str,
    pub storage_full: &'static str,
    pub revealed: &'static str,
    pub setup_heading: &'static str,
    pub setup_lead: &'static str,
    pub title_label: &'static str,
    pub title_hint: &'static str,
    pub start_voting: &'static str,
    pub to_report: &'static str,
    pub join_heading: &'static str,
    pub join_lead: &'static str,
    pub qr_label: fn(&str) -> String,
    pub codes_heading: &'static str,
    pub codes_lead: &'static str,
    pub codes_label: &'static str,
    pub codes_hint: &'static str,
    pub codes_add: &'static str,
    pub files_label: &'static str,
    pub files_hint: &'static str,
    /// A survey export's name, while it is read.
    pub table_reading: fn(&str) -> String,
    /// A survey export's name and how many of its rows were added.
    pub table_added: fn(&str, usize) -> String,
    /// Rows not added: equal to a participant already there, without a
    /// usable answer, beyond the most participants.
    pub table_duplicate: fn(usize) -> String,
    pub table_empty: fn(usize) -> String,
    /// Rows beyond the most participants (`MAX_PARTICIPANTS`).
    pub table_full: fn(usize) -> String,
    pub table_cells: &'static str,
    /// A survey export's name and why it was not read (a whole sentence).
    pub table_failed: fn(&str, &str) -> String,
    /// The code or file name, and who (municipality, role; may be empty).
    pub code_added: fn(&str, &str) -> String,
    /// The code or file name.
    pub code_duplicate: fn(&str) -> String,
    pub code_invalid: fn(&str, &str) -> String,
    pub code_full: fn(&str) -> String,
    /// After "Toegevoegd": how many answers in the file do not count.
    pub code_not_used: fn(usize) -> String,
    /// A file without one answer this questionnaire can use: its name and how
    /// many answers it has that do not count (0: no answers at all).
    pub code_empty: fn(&str, usize) -> String,
    /// After the first invalid lines of a paste: how many more were not shown.
    pub code_more_invalid: fn(usize) -> String,
    pub no_participants: &'static str,
    pub participants_caption: fn(usize) -> String,
    pub col_municipality: &'static str,
    pub col_role: &'static str,
    pub col_answered: &'static str,
    pub remove: &'static str,
    pub remove_participant: fn(usize) -> String,
    pub participant_unreadable: &'static str,
    pub files_heading: &'static str,
    pub files_lead: &'static str,
    pub save_file: &'static str,
    pub load_file: &'static str,
    pub workshop_loaded: &'static str,
    /// Above the list of what a loaded workshop file held that was left out,
    /// cut or capped.
    pub file_notices: &'static str,
    /// The same above a loaded baseline's list.
    pub baseline_notices: &'static str,
    pub load_confirm: &'static str,
    pub load_replace: &'static str,
    pub load_baseline: &'static str,
    pub baseline_hint: &'static str,
    pub baseline_loaded: &'static str,
    pub baseline_is: fn(&str) -> String,
    pub baseline_drop: &'static str,
    pub untitled: &'static str,
    pub shortcuts_heading: &'static str,
    pub shortcuts_toggle: &'static str,
    pub key_next: &'static str,
    pub key_previous: &'static str,
    pub key_reveal: &'static str,
    pub key_votes: &'static str,
    pub key_fullscreen: &'static str,
    pub key_escape: &'static str,
    pub new_workshop: &'static str,
    pub new_confirm: &'static str,
    pub new_done: &'static str,
    pub factor_of: fn(usize, usize) -> String,
    pub vote_question: &'static str,
    /// Under the vote question for a hindering factor: what ‘eens’ means.
    pub vote_hindering: &'static str,
    /// The same for a look ahead (stage before the start).
    pub vote_hindering_ahead: &'static str,
    /// Beside the statements of a sensitive factor: vote anonymously on paper.
    pub vote_sensitive: &'static str,
    pub votes_legend: &'static str,
    pub votes_hint: &'static str,
    pub votes_total: fn(u64) -> String,
    /// Opens the folded vote inputs after the reveal.
    pub votes_adjust: &'static str,
    pub reveal: &'static str,
    pub hide: &'static str,
    pub hidden_until_reveal: &'static str,
    pub no_votes: &'static str,
    pub too_few_votes: fn(usize) -> String,
    pub results_heading: &'static str,
    pub mean_of: fn(usize) -> String,
    pub consensus: &'static str,
    pub discussion_point: &'static str,
    pub discussion_hint: &'static str,
    pub room_votes: &'static str,
    pub col_votes: &'static str,
    pub participant_answers: fn(usize) -> String,
    /// How one participant is placed, for a factor scored by the mean.
    pub participants_rule_mean: &'static str,
    /// How one participant is placed, for a factor scored by its worst statement.
    pub participants_rule_worst: &'static str,
    /// The vote cue for a factor scored by its worst statement.
    pub vote_worst: &'static str,
    pub participants_too_few: fn(usize, usize) -> String,
    pub note_label: &'static str,
    pub note_hint: &'static str,
    pub report_heading: &'static str,
    pub anonymity_note: fn(usize) -> String,
    pub report_empty: &'static str,
    pub discussion_heading: &'static str,
    pub notes_heading: &'static str,
    pub room_heading: &'static str,
    pub room_heading_n: fn(u64) -> String,
    pub room_table_caption: &'static str,
    pub withheld: &'static str,
    /// A subgroup counted in the merged row (disclosure control).
    pub in_other: &'static str,
    pub col_distribution: &'static str,
    pub group_heading: fn(usize) -> String,
    pub group_heading_short: &'static str,
    pub differences_heading: &'static str,
    pub municipalities_caption: &'static str,
    pub roles_caption: &'static str,
    /// The participants' distribution: people, each at their own point.
    pub col_people_per_point: &'static str,
    pub col_people: &'static str,
    pub no_subgroups: &'static str,
    pub municipality_gaps: &'static str,
    pub role_gaps: &'static str,
    pub gap_of: fn(i64) -> String,
    pub group_table_caption: &'static str,
    pub col_spread: &'static str,
    pub compare_heading: fn(&str) -> String,
    pub before_was: &'static str,
    pub compare_phases: fn(&str) -> String,
    pub compare_factors: fn(&str) -> String,
    pub col_before: &'static str,
    pub col_after: &'static str,
    pub col_change: &'static str,
    /// A long custom statement list on the projector: open and close it whole.
    pub more_text: &'static str,
    pub less_text: &'static str,
    /// The workshop report's first pages (issue 17).
    pub summary_heading: &'static str,
    pub summary_lead: &'static str,
    pub print_summary: &'static str,
    pub print_full: &'static str,
    pub more_reasons: fn(usize) -> String,
    pub next_step: &'static str,
    pub summary_phases_caption: &'static str,
    pub col_room_strength: &'static str,
    pub col_room_risk: &'static str,
    pub col_group_strength: &'static str,
    pub col_group_risk: &'static str,
    pub points_heading: &'static str,
    pub points_lead: &'static str,
    pub no_points: &'static str,
    pub red_flag: &'static str,
    pub room_short: &'static str,
    pub note_prefix: &'static str,
    pub note_cut: &'static str,
    pub more_points: fn(usize) -> String,
    pub more_notes: fn(usize) -> String,
    pub more_gaps: fn(usize) -> String,
    pub appendix_heading: &'static str,
    pub appendix_lead: &'static str,
    pub all_differences: &'static str,
    /// "{what}. Now: {verdict}. At the baseline: {verdict}."
    pub compare_now: fn(&str, &str, &str) -> String,
    /// The bands and the red flag in one line: (concern up to, strength from).
    pub legend: fn(&str, &str) -> String,
    /// "zorgpunt in Beuningen (25)": municipalities whose figure is a concern.
    pub concern_in: fn(&str) -> String,
    /// Announced when another window's work is taken over.
    pub from_other_window: &'static str,
    /// Another window saved newer work this window missed: the choice.
    pub conflict_lead: &'static str,
    pub conflict_keep: &'static str,
    pub conflict_use_other: &'static str,
    pub conflict_download: &'static str,
    /// Subgroup rows left for the appendix: (municipalities, roles).
    pub more_rows: fn(usize, usize) -> String,
    /// ", en nog 2 gemeenten": partners in concern beyond the ones named.
    pub more_partners: fn(usize) -> String,
    /// A gap among many groups in the summary: (lowest, highest, groups).
    pub gap_extremes: fn(&str, &str, usize) -> String,
    /// Said when the room voted and participants answered beforehand.
    pub not_added: &'static str,
    pub next_step_room: &'static str,
    pub next_step_group: &'static str,
    /// The summary's heading over the comparison with the baseline (its title).
    pub since_baseline: fn(&str) -> String,
    /// A verdict with its figures: (label, strength, risk).
    pub verdict_figures: fn(&str, &str, &str) -> String,
}
