//! Files the user takes away: answers as JSON (the core's versioned answers
//! format, which import reads back) and CSV for spreadsheets.

use samenwerkingsscan::{Answers, Instrument, Polarity, Response};
use wasm_bindgen::JsCast;

/// One row per statement. Dutch spreadsheets expect `;`, English ones `,`.
pub fn csv(instrument: &Instrument, answers: &Answers, lang: &str) -> String {
    let sep = if lang == "en" { ',' } else { ';' };
    let header: [&str; 8] = if lang == "en" {
        [
            "phase",
            "kind",
            "factor_id",
            "factor",
            "statement_id",
            "statement",
            "answer",
            "answer_text",
        ]
    } else {
        [
            "fase",
            "soort",
            "factor_id",
            "factor",
            "stelling_id",
            "stelling",
            "antwoord",
            "antwoord_tekst",
        ]
    };
    let mut out = String::from("\u{feff}");
    out.push_str(&header.join(&sep.to_string()));
    out.push_str("\r\n");
    for (factor, statement) in instrument.statements() {
        let phase = instrument
            .phase(&factor.phase)
            .map(|p| p.name.get(lang))
            .unwrap_or("");
        let kind = match (factor.polarity, lang) {
            (Polarity::Promoting, "en") => "promoting",
            (Polarity::Hindering, "en") => "hindering",
            (Polarity::Promoting, _) => "bevorderend",
            (Polarity::Hindering, _) => "belemmerend",
        };
        let (value, text) = match answers.responses.get(&statement.id) {
            Some(Response::Scale(v)) => (
                v.to_string(),
                instrument
                    .scale
                    .points
                    .iter()
                    .find(|p| p.value == *v)
                    .map(|p| p.label.get(lang).to_string())
                    .unwrap_or_default(),
            ),
            Some(Response::Unknown) => (
                "unknown".to_string(),
                instrument.scale.unknown.get(lang).to_string(),
            ),
            None => (String::new(), String::new()),
        };
        let cells = [
            phase,
            kind,
            &factor.id,
            factor.name.get(lang),
            &statement.id,
            statement.text.get(lang),
            &value,
            &text,
        ];
        let row: Vec<String> = cells.iter().map(|c| cell(c, sep)).collect();
        out.push_str(&row.join(&sep.to_string()));
        out.push_str("\r\n");
    }
    out
}

/// Quotes a cell when needed and defuses spreadsheet formulas.
fn cell(text: &str, sep: char) -> String {
    let safe = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if safe.contains([sep, '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

/// Offers `contents` as a file download, entirely in the browser.
pub fn download(file_name: &str, mime: &str, contents: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Some(anchor) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.click();
    }
    // Revoke later: revoking right after the click can cancel the download.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(cell("a;b", ';'), "\"a;b\"");
        assert_eq!(cell("say \"hi\"", ','), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=SUM(A1)", ';'), "'=SUM(A1)");
        assert_eq!(cell("plain", ';'), "plain");
    }
}
