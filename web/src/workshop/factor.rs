//! One factor on the projector: the statements in large type, the vote
//! tally the facilitator enters, and (only after "reveal") the results.

use crate::i18n::{texts, workshop_texts};
use crate::screens::chart::band_class;
use samenwerkingsscan::{decimal, Lang};
use samenwerkingsscan::{
    tally_result, Combine, GroupFactor, Instrument, Polarity, Tally, MAX_VOTES,
};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FactorProps {
    pub instrument: Rc<Instrument>,
    pub index: usize,
    pub lang: Lang,
    pub tally: Option<Tally>,
    pub revealed: bool,
    pub note: AttrValue,
    /// The participants' figures for this factor (from their codes), if any.
    pub participants: Option<GroupFactor>,
    /// The participants' stage (wording of the look-ahead phase), if known.
    pub stage: Option<samenwerkingsscan::Stage>,
    pub min_group_size: usize,
    pub on_votes: Callback<(u8, u32)>,
    pub on_reveal: Callback<()>,
    pub on_note: Callback<String>,
}

/// The built-in statements of one factor run to 290 characters at most
/// (both languages); above this they get smaller type (1.1 em for 1.3 em).
const SMALLER_FROM_CHARS: usize = 320;
/// Above this each statement is cut to a few lines, with "Meer tekst".
const CLAMP_FROM_CHARS: usize = 520;
/// The longest built-in factor name has 59 characters.
const LONG_TITLE_CHARS: usize = 64;

/// The characters of a factor's statements together.
fn text_length(texts: &[&str]) -> usize {
    texts.iter().map(|t| t.chars().count()).sum()
}

/// Counts as a table with a bar per row: readable on a projector and by a
/// screen reader alike (the bars are decoration).
pub fn distribution_table(
    caption: &str,
    labels: &[String],
    counts: &[u64],
    unknown: Option<(String, u64)>,
    count_label: &str,
) -> Html {
    let most = counts
        .iter()
        .copied()
        .chain(unknown.as_ref().map(|u| u.1))
        .max()
        .unwrap_or(0)
        .max(1);
    let row = |label: &str, n: u64| {
        let width = (n * 1000 / most).to_string();
        html! {
            <tr>
                <th scope="row">{ label }</th>
                <td class="scan-ws-count">{ n }</td>
                <td class="scan-ws-bar-cell">
                    <svg class="scan-ws-bar" viewBox="0 0 1000 100" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                        <rect width={width} height="100" />
                    </svg>
                </td>
            </tr>
        }
    };
    html! {
        <table class="scan-table scan-ws-distribution">
            <caption>{ caption }</caption>
            <thead><tr>
                <th scope="col"><span class="scan__sr-only">{ "–" }</span></th>
                <th scope="col">{ count_label }</th>
                <th scope="col"><span class="scan__sr-only">{ "–" }</span></th>
            </tr></thead>
            <tbody>
                { for labels.iter().zip(counts).map(|(l, &n)| row(l, n)) }
                if let Some((label, n)) = unknown { { row(&label, n) } }
            </tbody>
        </table>
    }
}

#[function_component(FactorScreen)]
pub fn factor_screen(props: &FactorProps) -> Html {
    let t = texts(props.lang);
    let w = workshop_texts(props.lang);
    let lang = props.lang;
    let instrument = &props.instrument;
    let Some(factor) = instrument.factors.get(props.index) else {
        return html! {};
    };
    let phase = instrument
        .phase(&factor.phase)
        .map(|p| p.name.get(lang).to_string())
        .unwrap_or_default();
    let labels: Vec<String> = instrument
        .scale
        .points
        .iter()
        .map(|p| p.label.get(lang).to_string())
        .collect();
    let unknown_label = instrument.scale.unknown.get(lang).to_string();
    let count = |point: u8| {
        props.tally.as_ref().map_or(0, |t| {
            if point == 0 {
                t.unknown
            } else {
                t.counts.get(usize::from(point) - 1).copied().unwrap_or(0)
            }
        })
    };
    let vote_input = |point: u8, label: &str| {
        let id = format!("scan-ws-vote-{point}");
        let on_votes = props.on_votes.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let votes = input.value().trim().parse::<u32>().unwrap_or(0);
            on_votes.emit((point, votes));
        });
        let value = count(point);
        html! {
            <div class="scan-ws-vote">
                <label for={id.clone()}>{ label }</label>
                <input type="number" id={id} class="scan-input scan-input--number" min="0" max={MAX_VOTES.to_string()}
                    inputmode="numeric" value={if value == 0 { String::new() } else { value.to_string() }}
                    placeholder="0" data-vote-point={point.to_string()} {oninput} />
            </div>
        }
    };
    let result = tally_result(
        instrument,
        factor,
        props.tally.as_ref(),
        props.min_group_size,
        lang,
    );
    let on_note = {
        let on_note = props.on_note.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            on_note.emit(area.value());
        })
    };
    // The reveal button moves between the columns when the results show:
    // a click on it keeps the focus on it.
    let reveal_ref = use_node_ref();
    let refocus = use_mut_ref(|| false);
    let reveal = {
        let (on_reveal, refocus) = (props.on_reveal.clone(), refocus.clone());
        Callback::from(move |_: MouseEvent| {
            *refocus.borrow_mut() = true;
            on_reveal.emit(());
        })
    };
    {
        let (reveal_ref, refocus) = (reveal_ref.clone(), refocus.clone());
        use_effect_with(props.revealed, move |_| {
            if std::mem::take(&mut *refocus.borrow_mut()) {
                if let Some(button) = reveal_ref.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    // After the reveal the vote inputs fold into one line, so the result
    // and the participants' view fit the projector (issue 17); "adjust the
    // votes" (or a digit key, see `mod.rs`) opens them again.
    let votes_open = use_state(|| false);
    {
        let votes_open = votes_open.clone();
        use_effect_with((props.index, props.revealed), move |_| {
            votes_open.set(false)
        });
    }
    // "Meer tekst" of a long statement list: closed again on another factor.
    let text_open = use_state(|| false);
    {
        let text_open = text_open.clone();
        use_effect_with(props.index, move |_| text_open.set(false));
    }
    // After "Meer tekst"/"Minder tekst" the button has moved: bring it back
    // into view (only as far as needed), so keyboard focus stays visible.
    let more_ref = use_node_ref();
    let toggled = use_mut_ref(|| false);
    {
        let (more_ref, toggled) = (more_ref.clone(), toggled.clone());
        use_effect_with(*text_open, move |_| {
            if std::mem::replace(&mut *toggled.borrow_mut(), false) {
                if let Some(button) = more_ref.cast::<web_sys::Element>() {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    button.scroll_into_view_with_scroll_into_view_options(&options);
                }
            }
        });
    }
    let votes_ref = use_node_ref();
    {
        let votes_ref = votes_ref.clone();
        use_effect_with(*votes_open, move |open| {
            if *open {
                let first = votes_ref
                    .cast::<web_sys::Element>()
                    .and_then(|f| f.query_selector("input").ok().flatten())
                    .and_then(|i| i.dyn_into::<HtmlInputElement>().ok());
                if let Some(input) = first {
                    let _ = input.focus();
                }
            }
        });
    }
    let folded = props.revealed && !*votes_open;
    let kind = if factor.polarity == Polarity::Promoting {
        t.promoting
    } else {
        t.hindering
    };
    let total = result.votes + result.unknown;

    // Long custom texts (issue 17): smaller type within limits first, then
    // each statement cut to a few lines with "Meer tekst" to read it whole,
    // so the vote and the result stay on the projector.
    let texts_shown: Vec<&str> = factor
        .statements
        .iter()
        .map(|s| s.text_for(props.stage, lang))
        .collect();
    let length = text_length(&texts_shown);
    let clamp = length > CLAMP_FROM_CHARS;
    let clamped = clamp && !*text_open;
    let toggle_text = {
        let text_open = text_open.clone();
        Callback::from(move |_: MouseEvent| {
            *toggled.borrow_mut() = true;
            text_open.set(!*text_open)
        })
    };
    let statements = html! {
        <>
            <ul id="scan-ws-statements" class={classes!("scan-ws-statements",
                (length > SMALLER_FROM_CHARS).then_some("scan-ws-statements--long"),
                clamped.then_some("scan-ws-statements--clamped"))}>
                { for texts_shown.iter().map(|text| html! { <li>{ *text }</li> }) }
            </ul>
            if clamp {
                <button type="button" class="scan-button scan-ws-more" ref={more_ref}
                    aria-expanded={(!clamped).to_string()} aria-controls="scan-ws-statements" onclick={toggle_text}>
                    { if clamped { w.more_text } else { w.less_text } }
                </button>
            }
        </>
    };
    let ask = html! {
        <div class="scan-ws-ask">
            <p class="scan-ws-question">{ w.vote_question }</p>
            // How to vote on a factor scored by its worst statement: while
            // voting only (the result keeps the screen).
            if factor.combine == Combine::Worst && !props.revealed {
                <p class="scan-ws-question-note">{ w.vote_worst }</p>
            }
            if factor.polarity == Polarity::Hindering {
                <p class="scan-ws-question-note">{
                    if instrument.phase(&factor.phase).is_some_and(|p| p.looks_ahead(props.stage)) {
                        w.vote_hindering_ahead
                    } else {
                        w.vote_hindering
                    }
                }</p>
            }
        </div>
    };
    // A sensitive factor: how to vote anonymously, beside the statements
    // (the right-hand column is the vote's).
    let sensitive = factor.sensitive.then(|| {
        html! {
            <p class="scan-ws-sensitive">{ w.vote_sensitive }</p>
        }
    });
    let reveal_button = html! {
        <button type="button" class="scan-button scan-button--primary" aria-pressed={props.revealed.to_string()}
            onclick={reveal} aria-keyshortcuts="R" ref={reveal_ref}>
            { if props.revealed { w.hide } else { w.reveal } }
        </button>
    };
    let votes = if folded {
        let open = {
            let votes_open = votes_open.clone();
            Callback::from(move |_: MouseEvent| votes_open.set(true))
        };
        html! {
            <div class="scan__actions scan-ws-votes-folded">
                <p class="scan-ws-total">{ (w.votes_total)(total) }</p>
                <button type="button" class="scan-button" data-votes-open="" onclick={open}>{ w.votes_adjust }</button>
                { reveal_button }
            </div>
        }
    } else {
        html! {
            <>
                <fieldset class="scan-ws-votes" ref={votes_ref}>
                    <legend>{ w.votes_legend }</legend>
                    <p class="scan-hint">{ w.votes_hint }</p>
                    <div class="scan-ws-vote-grid">
                        { for labels.iter().enumerate().map(|(i, l)| vote_input(i as u8 + 1, &format!("{} {l}", i + 1))) }
                        { vote_input(0, &format!("0 {unknown_label}")) }
                    </div>
                    <p class="scan-ws-total">{ (w.votes_total)(total) }</p>
                </fieldset>
                <div class="scan__actions">{ reveal_button }</div>
            </>
        }
    };
    let note = html! {
        <div class="scan-field scan-ws-note-field">
            <label for="scan-ws-note">{ w.note_label }</label>
            <p class="scan-hint" id="scan-ws-note-hint">{ w.note_hint }</p>
            <textarea id="scan-ws-note" class="scan-input scan-ws-note" rows="2" aria-describedby="scan-ws-note-hint"
                value={props.note.clone()} oninput={on_note} />
        </div>
    };
    let results = html! {
        <div class="scan-ws-results">
            if !props.revealed {
                <p class="scan-ws-hidden">{ w.hidden_until_reveal }</p>
            } else if result.votes == 0 {
                <p>{ w.no_votes }</p>
            } else if !result.shown {
                <p>{ (w.too_few_votes)(props.min_group_size) }</p>
            } else {
                // Named for assistive technology; on the wall the figure
                // speaks for itself (issue 17: one screen).
                <h3 class="scan__sr-only">{ w.results_heading }</h3>
                <div class="scan-ws-summary">
                    <p><span class="scan-ws-figure">{ result.mean_point.map(|m| decimal(m, lang)).unwrap_or_default() }</span>
                       { " " }{ (w.mean_of)(labels.len()) }</p>
                    if let Some(band) = result.band {
                        <p><span class={classes!("scan-band", band_class(Some(band)))}>{ band.label(lang) }</span></p>
                    }
                    if let Some(c) = result.consensus {
                        <p>{ w.consensus }{ ": " }<strong>{ c.label(lang) }</strong></p>
                    }
                </div>
                if result.discussion {
                    <p class="scan-ws-discussion"><strong>{ w.discussion_point }</strong>{ " " }{ w.discussion_hint }</p>
                }
                <div class="scan-ws-tables">
                    { distribution_table(w.room_votes, &labels, result.distribution.as_deref().unwrap_or_default(), Some((unknown_label.clone(), result.unknown)), w.col_votes) }
                    if let Some(p) = &props.participants {
                        if let Some(dist) = &p.distribution {
                            <div>
                                { distribution_table(&(w.participant_answers)(p.n + p.unknown as usize), &labels, &dist.iter().map(|&d| u64::from(d)).collect::<Vec<_>>(), Some((unknown_label.clone(), u64::from(p.unknown))), w.col_people) }
                                <p class="scan-hint scan-ws-rule">{ if factor.combine == Combine::Worst { w.participants_rule_worst } else { w.participants_rule_mean } }</p>
                            </div>
                        } else if p.n > 0 {
                            <p>{ (w.participants_too_few)(p.n, props.min_group_size) }</p>
                        }
                    }
                </div>
            }
        </div>
    };
    // Two columns on a projector: the statements and the note on the left;
    // on the right what happens now: the question, the vote inputs and the
    // reveal, then the result (the votes folded into one line above it).
    // Reading order follows the same halves.
    // Before the reveal the "hidden" line sits on the left, so the right
    // column holds the vote alone.
    let (main, side) = if props.revealed {
        (
            html! { <>{ statements }{ sensitive }{ note }</> },
            html! { <>{ ask }{ votes }{ results }</> },
        )
    } else {
        (
            html! { <>{ statements }{ sensitive }{ results }{ note }</> },
            html! { <>{ ask }{ votes }</> },
        )
    };

    html! {
        <section class={classes!("scan-ws-factor", props.revealed.then_some("scan-ws-factor--revealed"))} aria-labelledby="scan-ws-factor-title">
            <p class="scan-ws-meta">
                { (w.factor_of)(props.index + 1, instrument.factors.len()) }{ " · " }{ phase }{ " · " }
                <span class={classes!("scan-ws-kind", (factor.polarity == Polarity::Hindering).then_some("scan-ws-kind--hindering"))}>{ kind }</span>
            </p>
            <h2 id="scan-ws-factor-title" class={classes!("scan-ws-title", (factor.name.get(lang).chars().count() > LONG_TITLE_CHARS).then_some("scan-ws-title--long"))}
                tabindex="-1" data-screen-heading="">{ factor.name.get(lang) }</h2>
            <div class="scan-ws-columns">
                <div class="scan-ws-main">{ main }</div>
                <div class="scan-ws-side">{ side }</div>
            </div>
        </section>
    }
}
