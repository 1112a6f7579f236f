//! The workshop report: a summary (`summary.rs`) and then, as the appendix,
//! the room's votes and the participants' answers, each through the core's
//! rules, every discussion point and note, and the comparison with a
//! baseline. Prints as the summary alone or the whole report on A4.

use crate::i18n::{texts, workshop_texts};
use crate::screens::chart::band_class;
use crate::screens::report::{today, whole, ReportView};
use samenwerkingsscan::decimal;
use samenwerkingsscan::figure;
use samenwerkingsscan::Lang;
use samenwerkingsscan::{
    compare_workshops, workshop_report, Comparison, Delta, GroupOptions, GroupReport, Instrument,
    RoomResult, Subgroup, Workshop,
};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub instrument: Rc<Instrument>,
    pub lang: Lang,
    pub workshop: Rc<Workshop>,
    pub baseline: Option<Rc<Workshop>>,
}

fn signed(d: &Delta) -> String {
    samenwerkingsscan::change(d.change)
}

#[function_component(WorkshopResults)]
pub fn workshop_results(props: &ResultsProps) -> Html {
    let lang = props.lang;
    let t = texts(lang);
    let w = workshop_texts(lang);
    let options = GroupOptions::default();
    let report = workshop_report(&props.instrument, &props.workshop, &options, lang);
    let comparison = props
        .baseline
        .as_ref()
        .map(|b| compare_workshops(&props.instrument, b, &props.workshop, &options, lang));
    let name_of = |id: &str| {
        props
            .instrument
            .factor(id)
            .map(|f| f.name.get(lang).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    let date = today(lang);
    let print = Callback::from(|e: MouseEvent| crate::print::print_report(e.target()));

    let print_summary = Callback::from(|e: MouseEvent| crate::print::print_summary(e.target()));
    let empty = report.room.is_none() && report.group.is_none();

    html! {
        <section class="scan-report scan-ws-report" aria-labelledby="scan-ws-report-title">
            <h2 id="scan-ws-report-title" tabindex="-1" data-screen-heading="">{ w.report_heading }</h2>
            if !report.title.is_empty() {
                <p class="scan-lead">{ &report.title }</p>
            }
            <p class="scan-small">{ (t.report_date)(&date) }{ " · " }{ (w.anonymity_note)(report.min_group_size) }</p>
            <div class="scan__actions scan-no-print">
                if !empty {
                    <button type="button" class="scan-button" onclick={print_summary}>{ w.print_summary }</button>
                }
                <button type="button" class="scan-button" onclick={print}>{ w.print_full }</button>
            </div>
            if empty {
                // Nothing to sum up yet: no summary, and the appendix only
                // when notes were written before any vote.
                <p>{ w.report_empty }</p>
            } else {
                { super::summary::summary_section(&report, comparison.as_ref(), lang) }
            }

            if !empty || !report.notes.is_empty() {
            <section class="scan-ws-appendix" aria-labelledby="scan-ws-appendix-title">
                <h3 id="scan-ws-appendix-title">{ w.appendix_heading }</h3>
                <p class="scan-small">{ w.appendix_lead }</p>
                <h4>{ w.discussion_heading }</h4>
                if report.discussion_points.is_empty() {
                    <p>{ t.none }</p>
                } else {
                    <ul>{ for report.discussion_points.iter().map(|id| html! { <li>{ name_of(id) }</li> }) }</ul>
                }
                if !report.notes.is_empty() {
                    <h4>{ w.notes_heading }</h4>
                    <dl class="scan-ws-notes">
                        { for report.notes.iter().map(|n| html! { <><dt>{ &n.factor_name }</dt><dd>{ &n.text }</dd></> }) }
                    </dl>
                }

                if let Some(room) = &report.room {
                    { room_section(room, &props.instrument, lang) }
                }
                if let Some(group) = &report.group {
                    { group_section(group, lang) }
                }
                if let Some(c) = &comparison {
                    <h4>{ (w.compare_heading)(if c.baseline_title.is_empty() { w.untitled } else { &c.baseline_title }) }</h4>
                    { for c.notes.iter().map(|n| html! { <p>{ n }</p> }) }
                    if let Some(room) = &c.room {
                        { comparison_tables(room, w.room_heading, "room", lang) }
                    }
                    if let Some(group) = &c.group {
                        { comparison_tables(group, w.group_heading_short, "group", lang) }
                    }
                }
            </section>
            }
        </section>
    }
}

fn room_section(room: &RoomResult, instrument: &Instrument, lang: Lang) -> Html {
    let t = texts(lang);
    let w = workshop_texts(lang);
    let points = instrument.scale.points.len();
    html! {
        <>
            <ReportView report={Rc::new(room.report.clone())} {lang} heading={(w.room_heading_n)(room.voters)}
                nested=true deeper=true heading_visible=true id_prefix="room-" />
            <div class="scan-table-wrap" tabindex="0" role="region" aria-labelledby="scan-ws-room-caption">
            <table class="scan-table">
                <caption id="scan-ws-room-caption">{ w.room_table_caption }</caption>
                <thead><tr>
                    <th scope="col">{ t.col_factor }</th>
                    <th scope="col">{ w.col_votes }</th>
                    <th scope="col">{ (w.mean_of)(points) }</th>
                    <th scope="col">{ t.col_band }</th>
                    <th scope="col">{ w.consensus }</th>
                    <th scope="col">{ w.col_distribution }</th>
                </tr></thead>
                <tbody>
                    { for room.factors.iter().filter(|f| f.votes + f.unknown > 0).map(|f| html! {
                        <tr>
                            <th scope="row">{ &f.name }{ if f.discussion { format!(" ({})", w.discussion_point) } else { String::new() } }</th>
                            <td>{ f.votes }{ if f.unknown > 0 { format!(" + {} ?", f.unknown) } else { String::new() } }</td>
                            <td>{ f.mean_point.map(|m| decimal(m, lang)).unwrap_or_else(|| "–".into()) }</td>
                            <td><span class={classes!("scan-band", band_class(f.band))}>{ f.band.map(|b| b.label(lang)).unwrap_or(if f.shown { t.not_answered } else { w.withheld }) }</span></td>
                            <td>{ f.consensus.map(|c| c.label(lang)).unwrap_or("–") }</td>
                            <td>{ f.distribution.as_ref().map(|d| d.iter().map(u64::to_string).collect::<Vec<_>>().join(" · ")).unwrap_or_else(|| w.withheld.into()) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </>
    }
}

pub(super) fn subgroup_table(
    caption: &str,
    col: &str,
    id: &str,
    groups: &[Subgroup],
    lang: Lang,
) -> Html {
    let t = texts(lang);
    let w = workshop_texts(lang);
    if groups.is_empty() {
        return html! {};
    }
    html! {
        <div class="scan-table-wrap" tabindex="0" role="region" aria-labelledby={id.to_string()}>
        <table class="scan-table">
            <caption id={id.to_string()}>{ caption }</caption>
            <thead><tr>
                <th scope="col">{ col }</th>
                <th scope="col">{ w.col_people }</th>
                <th scope="col">{ t.readiness }</th>
                <th scope="col">{ t.risk }</th>
            </tr></thead>
            <tbody>
                { for groups.iter().map(|g| html! {
                    <tr>
                        <th scope="row">{ &g.label }</th>
                        <td>{ g.n }</td>
                        if g.shown {
                            <td>{ whole(g.readiness) }</td>
                            <td>{ whole(g.risk) }</td>
                        } else if g.in_other {
                            <td colspan="2">{ w.in_other }</td>
                        } else {
                            <td colspan="2">{ w.withheld }</td>
                        }
                    </tr>
                }) }
            </tbody>
        </table>
        </div>
    }
}

/// Factors on which subgroups differ, with each subgroup's figure.
fn gaps(list: &[samenwerkingsscan::Gap], lang: Lang) -> Html {
    let w = workshop_texts(lang);
    html! {
        <ul>{ for list.iter().map(|g| html! {
            <li><strong>{ &g.factor_name }</strong>{ " " }{ (w.gap_of)(g.shown()) }{ ": " }
                { g.groups.iter().map(|s| format!("{} {}", s.label, figure(Some(s.mean)))).collect::<Vec<_>>().join(" · ") }</li>
        }) }</ul>
    }
}

fn group_section(group: &GroupReport, lang: Lang) -> Html {
    let t = texts(lang);
    let w = workshop_texts(lang);
    html! {
        <>
            <ReportView report={Rc::new(group.report.clone())} {lang} heading={(w.group_heading)(group.respondents)}
                nested=true deeper=true heading_visible=true id_prefix="group-" />
            if !group.municipality_gaps.is_empty() || !group.role_gaps.is_empty() {
                <h5>{ w.all_differences }</h5>
            }
            if !group.municipality_gaps.is_empty() {
                <p>{ w.municipality_gaps }</p>
                { gaps(&group.municipality_gaps, lang) }
            }
            if !group.role_gaps.is_empty() {
                <p>{ w.role_gaps }</p>
                { gaps(&group.role_gaps, lang) }
            }
            <div class="scan-table-wrap" tabindex="0" role="region" aria-labelledby="scan-ws-group-caption">
            <table class="scan-table">
                <caption id="scan-ws-group-caption">{ w.group_table_caption }</caption>
                <thead><tr>
                    <th scope="col">{ t.col_factor }</th>
                    <th scope="col">{ w.col_people }</th>
                    <th scope="col">{ t.col_score }</th>
                    <th scope="col">{ w.col_spread }</th>
                    <th scope="col">{ w.consensus }</th>
                    <th scope="col">{ w.col_people_per_point }</th>
                </tr></thead>
                <tbody>
                    { for group.factors.iter().filter(|f| f.n > 0).map(|f| html! {
                        <tr>
                            <th scope="row">{ &f.name }{ if f.discussion { format!(" ({})", w.discussion_point) } else { String::new() } }</th>
                            <td>{ f.n }</td>
                            <td>{ f.mean.map(|m| whole(Some(m))).unwrap_or_else(|| w.withheld.into()) }</td>
                            <td>{ f.min.zip(f.max).map(|(lo, hi)| format!("{}–{}", figure(Some(lo)), figure(Some(hi)))).unwrap_or_else(|| "–".into()) }</td>
                            <td>{ f.consensus.map(|c| c.label(lang)).unwrap_or("–") }</td>
                            <td>{ f.distribution.as_ref().map(|d| d.iter().map(u32::to_string).collect::<Vec<_>>().join(" · ")).unwrap_or_else(|| w.withheld.into()) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </>
    }
}

fn comparison_tables(c: &Comparison, what: &str, id: &str, lang: Lang) -> Html {
    let t = texts(lang);
    let w = workshop_texts(lang);
    let phases_id = format!("scan-ws-compare-{id}-phases");
    let factors_id = format!("scan-ws-compare-{id}-factors");
    let row = |name: &str, d: &Delta| {
        html! {
            <tr>
                <th scope="row">{ name }</th>
                <td>{ whole(d.before) }</td>
                <td>{ whole(d.after) }</td>
                <td>{ signed(d) }</td>
            </tr>
        }
    };
    let head = html! {
        <thead><tr>
            <th scope="col">{ t.col_factor }</th>
            <th scope="col">{ w.col_before }</th>
            <th scope="col">{ w.col_after }</th>
            <th scope="col">{ w.col_change }</th>
        </tr></thead>
    };
    html! {
        <>
            <h5>{ what }{ ": " }{ &c.current_verdict.label(lang) }{ " (" }{ w.before_was }{ " " }{ c.baseline_verdict.label(lang) }{ ")" }</h5>
            <div class="scan-table-wrap" tabindex="0" role="region" aria-labelledby={phases_id.clone()}>
            <table class="scan-table">
                <caption id={phases_id}>{ (w.compare_phases)(what) }</caption>
                { head.clone() }
                <tbody>
                    { row(t.readiness, &c.readiness) }
                    { row(t.risk, &c.risk) }
                    { for c.phases.iter().map(|p| row(&format!("{} – {}", p.name, t.readiness), &p.readiness)) }
                </tbody>
            </table>
            </div>
            <div class="scan-table-wrap" tabindex="0" role="region" aria-labelledby={factors_id.clone()}>
            <table class="scan-table">
                <caption id={factors_id}>{ (w.compare_factors)(what) }</caption>
                { head }
                <tbody>
                    { for c.factors.iter().filter(|f| f.favourability.before.is_some() || f.favourability.after.is_some())
                        .map(|f| row(&f.name, &f.favourability)) }
                </tbody>
            </table>
            </div>
        </>
    }
}
