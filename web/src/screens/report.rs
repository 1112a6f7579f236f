//! The report: verdict and reasons first, then phases, the chart with its
//! table, strengths, risks, gaps, advice, the next step and the form.
//! Everything shown comes from the core's report; this only lays it out.

use super::chart::{band_class, Chart};
use crate::i18n::texts;
use samenwerkingsscan::Lang;
use samenwerkingsscan::{Polarity, Report, VerdictLevel};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub report: Rc<Report>,
    pub lang: Lang,
    pub heading: AttrValue,
    /// Shown inside another section (a share link preview): headings one level down.
    #[prop_or_default]
    pub nested: bool,
    /// Nested only: show the heading (else it is for screen readers only).
    #[prop_or_default]
    pub heading_visible: bool,
    /// Nested only: one level further down (`h4`, inner headings `h5`), in
    /// the workshop report's appendix.
    #[prop_or_default]
    pub deeper: bool,
    /// Prefix for element ids, so two nested reports on one page stay unique.
    #[prop_or_default]
    pub id_prefix: AttrValue,
}

/// Advice items shown in full (and printed); the rest fold away.
const TOP_ADVICE: usize = 5;

pub(crate) use samenwerkingsscan::figure as whole;

/// Today's date in the user's language, for a report's heading.
pub(crate) fn today(lang: Lang) -> String {
    js_sys::Date::new_0()
        .to_locale_date_string(
            lang.pick("nl-NL", "en-GB"),
            &wasm_bindgen::JsValue::UNDEFINED,
        )
        .as_string()
        .unwrap_or_default()
}

pub(crate) fn verdict_class(level: VerdictLevel) -> &'static str {
    match level {
        VerdictLevel::Ready | VerdictLevel::RunningWell => "scan-verdict--ready",
        VerdictLevel::Promising | VerdictLevel::RunningWithAttention => "scan-verdict--promising",
        VerdictLevel::PreconditionsFirst | VerdictLevel::NeedsSteering => {
            "scan-verdict--preconditions"
        }
        VerdictLevel::NotReady | VerdictLevel::SeriousProblems | VerdictLevel::NoReasonToStart => {
            "scan-verdict--not-ready"
        }
        VerdictLevel::InsufficientInformation => "scan-verdict--insufficient",
    }
}

/// A section heading at the report's level (`h3`, or `h4` when nested).
/// One function on purpose: `html!` expands every dynamic tag (`<@{h}>`) into
/// three element constructors: 11 inline uses cost 4.6 KB of wasm (1.2 KB gzip).
#[inline(never)]
fn heading(tag: &'static str, id: Option<String>, text: &'static str) -> Html {
    html! { <@{tag} id={id}>{ text }</@> }
}

#[function_component(ReportView)]
pub fn report_view(props: &ReportProps) -> Html {
    let t = texts(props.lang);
    let lang = props.lang;
    let r = &props.report;
    let (h_top, h) = if props.nested && props.deeper {
        ("h4", "h5")
    } else if props.nested {
        ("h3", "h4")
    } else {
        ("h2", "h3")
    };
    let date = today(lang);
    let refs = |list: &[samenwerkingsscan::FactorRef]| {
        if list.is_empty() {
            html! { <p>{ t.none }</p> }
        } else {
            html! { <ul>{ for list.iter().map(|f| html! { <li>{ &f.name }</li> }) }</ul> }
        }
    };
    let advice_item = |a: &samenwerkingsscan::AdviceItem| {
        html! {
            <li>
                <p><strong>{ &a.factor_name }</strong>{ " — " }{ a.band.label(lang) }
                    if a.before_start { { " · " }{ t.before_start } }</p>
                <ul>{ for a.steps.iter().map(|s| html! { <li>{ &s.text }{ " " }<span class="scan-source">{ format!("({})", s.source) }</span></li> }) }</ul>
            </li>
        }
    };
    let suffix = if props.nested { "-nested" } else { "" };
    let id = |name: &str| format!("{}scan-{name}{suffix}", props.id_prefix);
    let phases_id = id("phases-title");
    let caption_id = id("factors-caption");
    let title_id = id("report-title");
    let print = Callback::from(|e: MouseEvent| crate::print::print_report(e.target()));
    let copy = Callback::from(|e: MouseEvent| crate::copy::copy_report(e.target()));

    html! {
        <section class="scan-report" aria-labelledby={title_id.clone()}>
            if !props.nested {
                <@{h_top} id={title_id.clone()} tabindex="-1" data-screen-heading="">{ props.heading.clone() }</@>
                <p class="scan-small">{ (t.report_date)(&date) }</p>
            } else {
                <@{h_top} id={title_id.clone()} class={(!props.heading_visible).then_some("scan__sr-only")}>{ props.heading.clone() }</@>
            }
            <div class={classes!("scan-verdict", verdict_class(r.verdict.level))}>
                <p class="scan-verdict__label">{ t.verdict_heading }{ ": " }<strong>{ &r.verdict.label }</strong></p>
                <p>{ &r.verdict.summary }</p>
            </div>

            { heading(h, None, t.reasons_heading) }
            <ul class="scan-reasons">{ for r.reasons.iter().map(|x| html! { <li>{ &x.text }</li> }) }</ul>

            { heading(h, Some(phases_id.clone()), t.phases_heading) }
            // Named by the report's heading too: a workshop shows several reports.
            <div class="scan-table-wrap" tabindex="0" role="region" aria-labelledby={format!("{title_id} {phases_id}")}>
            <table class="scan-table">
                <thead><tr>
                    <th scope="col">{ t.phase }</th>
                    <th scope="col">{ t.readiness }<span class="scan-table__hint">{ t.readiness_hint }</span></th>
                    <th scope="col">{ t.risk }<span class="scan-table__hint">{ t.risk_hint }</span></th>
                    <th scope="col">{ t.col_answered }</th>
                </tr></thead>
                <tbody>
                    { for r.phases.iter().map(|p| html! {
                        <tr>
                            <th scope="row">{ &p.name }
                                if p.looking_ahead { <span class="scan-table__hint">{ t.looking_ahead }</span> }</th>
                            <td>{ whole(p.readiness) }</td>
                            <td>{ whole(p.risk) }</td>
                            <td>{ format!("{} / {}", p.coverage.answered, p.coverage.statements) }</td>
                        </tr>
                    }) }
                    <tr class="scan-table__total">
                        <th scope="row">{ t.total }</th>
                        <td>{ whole(r.readiness) }</td>
                        <td>{ whole(r.risk) }</td>
                        <td>{ format!("{} / {}", r.coverage.answered, r.coverage.statements) }</td>
                    </tr>
                </tbody>
            </table>
            </div>

            <div class="scan-report__columns">
                <div>
                    { heading(h, None, t.strengths_heading) }
                    { refs(&r.strengths) }
                </div>
                <div>
                    { heading(h, None, t.risks_heading) }
                    { refs(&r.risks) }
                </div>
            </div>

            if let Some(step) = &r.next_step {
                { heading(h, None, t.next_step_heading) }
                <div class="scan-next">
                    if step.going_back { <p class="scan-next__back">{ t.going_back }</p> }
                    <p><strong>{ format!("{}. {}", step.number, step.name) }</strong></p>
                    <p>{ &step.description }</p>
                    <p>{ &step.reason }</p>
                </div>
            }

            { heading(h, None, t.advice_heading) }
            if r.advice.is_empty() {
                <p>{ t.none }</p>
            } else {
                <ol class="scan-advice">{ for r.advice.iter().take(TOP_ADVICE).map(advice_item) }</ol>
                if r.advice.len() > TOP_ADVICE {
                    <details class="scan-more scan-no-print">
                        <summary>{ (t.more_advice)(r.advice.len() - TOP_ADVICE) }</summary>
                        <ol class="scan-advice" start={(TOP_ADVICE + 1).to_string()}>
                            { for r.advice.iter().skip(TOP_ADVICE).map(advice_item) }
                        </ol>
                    </details>
                }
            }

            if let Some(fit) = &r.form_fit {
                { heading(h, None, t.form_fit_heading) }
                <p><strong>{ &fit.label }</strong>{ ": " }{ fit.fit.label(lang) }</p>
                <ul>{ for fit.notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                if !fit.procedure.is_empty() {
                    <p>{ t.procedure_intro }</p>
                    <ul>{ for fit.procedure.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                }
            }

            { heading(h, None, t.dimensions_heading) }
            <p class="scan-small">{ t.dimensions_hint }</p>
            <ul class="scan-dimensions">{ for r.dimensions.iter().map(|d| html! {
                <li><strong>{ &d.name }</strong>{ ": " }{ whole(d.favourability) }
                    { " · " }{ d.band.map(|b| b.label(lang)).unwrap_or(t.not_answered) }</li>
            }) }</ul>

            if !r.signals.is_empty() {
                { heading(h, None, t.signals_heading) }
                <ul>{ for r.signals.iter().map(|s| html! { <li>{ &s.text }</li> }) }</ul>
            }

            { heading(h, None, t.gaps_heading) }
            { refs(&r.gaps) }

            { heading(h, None, t.factors_heading) }
            <p class="scan-small">{ t.chart_hint }</p>
            <figure class="scan-figure">
                <Chart factors={r.factors.clone()} phases={r.phases.clone()} label={t.chart_label} not_answered={t.not_answered} />
            </figure>
            // Focusable and labelled: on narrow screens this region scrolls sideways.
            <div class="scan-table-wrap scan-no-print" tabindex="0" role="region" aria-labelledby={format!("{title_id} {caption_id}")}>
                <table class="scan-table scan-table--factors">
                    <caption id={caption_id}>{ t.table_caption }</caption>
                    <thead><tr>
                        <th scope="col">{ t.col_factor }</th>
                        <th scope="col">{ t.phase }</th>
                        <th scope="col">{ t.col_kind }</th>
                        <th scope="col">{ t.col_score }</th>
                        <th scope="col">{ t.col_band }</th>
                    </tr></thead>
                    <tbody>
                        { for r.factors.iter().map(|f| {
                            let phase = r.phases.iter().find(|p| p.id == f.phase).map(|p| p.name.clone()).unwrap_or_default();
                            html! {
                                <tr>
                                    <th scope="row">{ &f.name }</th>
                                    <td>{ phase }</td>
                                    <td>{ if f.polarity == Polarity::Promoting { t.promoting } else { t.hindering } }</td>
                                    <td>{ whole(f.favourability) }</td>
                                    <td><span class={classes!("scan-band", band_class(f.band))}>{ f.band.map(|b| b.label(lang)).unwrap_or(t.not_answered) }</span></td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>

            if !r.notices.is_empty() {
                { heading(h, None, t.ignored_heading) }
                <ul class="scan-small">{ for r.notices.iter().map(|n| html! { <li>{ &n.message }</li> }) }</ul>
            }
            if !props.nested {
                <div class="scan__actions scan-no-print">
                    <button type="button" class="scan-button" onclick={print}>{ t.print }</button>
                    <button type="button" class="scan-button" onclick={copy}
                        data-copied={t.report_copied} data-copy-failed={t.report_copy_failed}>{ t.copy_report }</button>
                </div>
                // Filled by the loader's `copyReport` (see copy.rs).
                <p class="scan-small scan-no-print" role="status" data-copy-status=""></p>
            }
        </section>
    }
}
