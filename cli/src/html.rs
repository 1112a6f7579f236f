//! `--format html`: the Markdown document as HTML (pulldown-cmark, tables
//! on), in a page of its own that Word and LibreOffice open with its
//! headings, lists and tables. Every text from a file was escaped when the
//! Markdown was written; HTML in the Markdown is written out as text all
//! the same, so nothing from a file becomes markup.

use pulldown_cmark::{html, Event, Options, Parser};
use samenwerkingsscan::Lang;

/// `markdown` as an HTML document in `lang`.
pub fn document(markdown: &str, lang: Lang) -> String {
    let events = Parser::new_ext(markdown, Options::ENABLE_TABLES).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => other,
    });
    let mut body = String::new();
    html::push_html(&mut body, events);
    let title = lang.pick(
        "Samenwerkingsscan – rapport",
        "Partnership readiness scan – report",
    );
    format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>table {{ border-collapse: collapse; }} th, td {{ border: 1px solid #6b6b6b; padding: 0.2em 0.5em; text-align: left; }}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        lang.code()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_a_document_and_html_stays_text() {
        let page = document(
            "# Rapport\n\n- een\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>x</script>\n",
            Lang::Nl,
        );
        assert!(page.starts_with("<!doctype html>\n<html lang=\"nl\">"));
        assert!(page.contains("<h1>Rapport</h1>"));
        assert!(page.contains("<li>een</li>"));
        assert!(page.contains("<table>"));
        assert!(!page.contains("<script>"), "{page}");
        assert!(page.contains("&lt;script&gt;"));
    }
}
