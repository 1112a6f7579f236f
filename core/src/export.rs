//! Files for spreadsheets: the answers as CSV, with every text cell safe to
//! open in Excel or LibreOffice.

use crate::answers::{Answers, Response};
use crate::instrument::{Instrument, Polarity};
use crate::text::Lang;

/// The template for survey tools (Microsoft Forms, LimeSurvey …) as CSV:
/// one header row, [`table_template`](crate::table_template) (municipality,
/// role, every statement's text in `lang` in the wording for `stage`), with
/// a BOM and `;` in Dutch or `,` in English, as Excel in that language reads
/// it. What the command line's `template` prints and the data panel offers
/// for download; an export with these columns reads back with
/// [`read_table`](crate::read_table), for the same stage.
pub fn template_csv(
    instrument: &Instrument,
    lang: Lang,
    stage: Option<crate::stage::Stage>,
) -> String {
    let separator = lang.pick(';', ',');
    let header: Vec<String> = crate::survey::table_template(instrument, lang, stage)
        .iter()
        .map(|cell| csv_cell(cell, separator))
        .collect();
    format!("\u{feff}{}\r\n", header.join(&separator.to_string()))
}

/// The answers as CSV: one row per statement, with a header and a BOM (so
/// Excel reads UTF-8). Dutch spreadsheets expect `;`, English ones `,`.
/// Every text cell goes through [`csv_cell`].
pub fn answers_csv(instrument: &Instrument, answers: &Answers, lang: Lang) -> String {
    // Excel in a Dutch locale reads ';' as the separator, in English ','.
    let sep = lang.pick(';', ',');
    let header: [&str; 8] = lang.pick(
        [
            "fase",
            "soort",
            "factor_id",
            "factor",
            "stelling_id",
            "stelling",
            "antwoord",
            "antwoord_tekst",
        ],
        [
            "phase",
            "kind",
            "factor_id",
            "factor",
            "statement_id",
            "statement",
            "answer",
            "answer_text",
        ],
    );
    let mut out = String::from("\u{feff}");
    out.push_str(&header.join(&sep.to_string()));
    out.push_str("\r\n");
    for (factor, statement) in instrument.statements() {
        let phase = instrument
            .phase(&factor.phase)
            .map(|p| p.name.get(lang))
            .unwrap_or("");
        let kind = match (factor.polarity, lang) {
            (Polarity::Promoting, Lang::En) => "promoting",
            (Polarity::Hindering, Lang::En) => "hindering",
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
        let row: Vec<String> = cells.iter().map(|c| csv_cell(c, sep)).collect();
        out.push_str(&row.join(&sep.to_string()));
        out.push_str("\r\n");
    }
    out
}

/// One cell of a CSV file: a text that a spreadsheet would run as a formula
/// gets a leading `'` (OWASP, CSV injection: a first character `=`, `+`,
/// `-`, `@`, TAB or CR, their full-width and small forms and the minus sign,
/// also after any leading white space, control or invisible format
/// characters such as a no-break space, a zero-width space or a BOM); a
/// plain number stays a number; then quoted when it holds a `;` or a `,`
/// (either separator: a file opened with the other one must not split a
/// cell into a formula), a quote or a line break. For names, notes and
/// custom instrument texts alike.
pub fn csv_cell(text: &str, sep: char) -> String {
    const TRIGGERS: [char; 15] = [
        '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '−', '﹫',
    ];
    // White space, control characters and invisible format characters
    // (zero-width space and joiners, BOM, direction marks) before the first
    // visible one.
    let invisible = |c: char| {
        c.is_whitespace()
            || c.is_control()
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{00ad}')
    };
    let leading_control = text.starts_with(['\t', '\r', '\n']);
    let first = text.trim_start_matches(invisible).chars().next();
    // A plain number ("4", "-5", "3.5"): checked by hand, because float
    // parsing would add about 15 KB to the wasm.
    let number = {
        let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
        let mut parts = digits.splitn(2, ['.', ',']);
        let whole = parts.next().unwrap_or("");
        let fraction = parts.next();
        !whole.is_empty()
            && whole.bytes().all(|b| b.is_ascii_digit())
            && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
    };
    let safe = if (leading_control || first.is_some_and(|c| TRIGGERS.contains(&c))) && !number {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if safe.contains([sep, ';', ',', '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_every_formula_trigger_defused() {
        assert_eq!(csv_cell("a;b", ';'), "\"a;b\"");
        // The other separator is quoted too: opened with `;`, the English
        // file's `a;=1+1` must not split into a formula cell.
        assert_eq!(csv_cell("a;=1+1", ','), "\"a;=1+1\"");
        assert_eq!(csv_cell("a,=1+1", ';'), "\"a,=1+1\"");
        assert_eq!(csv_cell("say \"hi\"", ','), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("plain", ';'), "plain");
        for hostile in [
            "=SUM(A1)",
            "+A1",
            "-1+1",
            "@cmd",
            "\t=HYPERLINK(\"x\")",
            "\r=1+1",
            "  =1+1",
            "＝1+1",
            "＋1",
            "－1",
            "＠x",
            "\u{a0}=1+1",
            "\u{3000}=1+1",
            "\u{200b}=1+1",
            "\u{feff}=1+1",
            "\n=1+1",
            "\u{2028}=1+1",
            "\u{b}=1+1",
            "\u{c}=1+1",
            "\u{0}=1+1",
            "﹦1+1",
            "﹢1",
            "﹣1",
            "−1+1",
        ] {
            let out = csv_cell(hostile, ',');
            let inner = out.trim_start_matches('"');
            assert!(inner.starts_with('\''), "{hostile:?} → {out:?}");
        }
        // Numbers stay numbers.
        for number in ["4", "-5", "3.5", "+2"] {
            assert_eq!(csv_cell(number, ';'), number);
        }
    }

    #[test]
    fn a_custom_instrument_text_cannot_become_a_formula() {
        let mut instrument = Instrument::builtin().clone();
        instrument.factors[0].statements[0].text = crate::text::Text(
            [
                ("nl".to_string(), "\t=HYPERLINK(\"https://x\")".to_string()),
                ("en".to_string(), "\r=1+1".to_string()),
            ]
            .into_iter()
            .collect(),
        );
        let answers = Answers::new(&instrument);
        for lang in Lang::ALL {
            let csv = answers_csv(&instrument, &answers, lang);
            for line in csv.lines().skip(1) {
                let sep = lang.pick(';', ',');
                for cell in line.split(sep) {
                    let inner = cell.trim_start_matches('"');
                    assert!(
                        !inner.trim_start().starts_with(['=', '\t', '\r']),
                        "{cell:?}"
                    );
                }
            }
        }
    }
}
