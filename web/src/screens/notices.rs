//! A list of notices or problems from the core: each with its text in the
//! user's language and its JSON path (for whoever made or edits the file),
//! at most `NOTICES_SHOWN` of them and then "and N more", so that a file
//! with thousands of problems never floods the page.

use samenwerkingsscan::Lang;
use samenwerkingsscan::{more_notices, NOTICES_SHOWN};
use yew::prelude::*;

/// A path as shown: at most 100 characters (an id in a path can be as long
/// as a file makes it).
fn short(path: &str) -> String {
    let mut out: String = path.chars().take(100).collect();
    if path.chars().nth(100).is_some() {
        out.push('…');
    }
    out
}

/// `(path, text)` pairs, already in the user's language, of `total`
/// notices in all (the caller may hold only the first ones).
pub fn notice_list<'a>(
    items: impl Iterator<Item = (&'a str, String)>,
    total: usize,
    lang: Lang,
) -> Html {
    html! {
        <ul class="scan-notices">
            { for items.take(NOTICES_SHOWN).map(|(path, text)| html! {
                <li>{ text }{ " " }<code class="scan-notices__path">{ short(path) }</code></li>
            }) }
            if let Some(more) = more_notices(total, lang) {
                <li>{ more }</li>
            }
        </ul>
    }
}
