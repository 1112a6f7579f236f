//! The workshop report's first pages (issue 17): the verdicts with their
//! first reasons, strength and risk per phase, the main discussion points
//! with their notes, and the differences between municipalities and roles.
//! What to show is the core's `WorkshopSummary`; this only lays it out.
//! Printed on its own it fits two A4 pages (tests/e2e/workshop-report.spec.mjs).

use super::results::subgroup_table;
use crate::i18n::{texts, workshop_texts};
use crate::screens::report::{verdict_class, whole};
use samenwerkingsscan::Lang;
use samenwerkingsscan::{figure, number, CONCERN_UPTO, STRENGTH_FROM};
use samenwerkingsscan::{
    Gap, GroupReport, PhaseResult, PointCause, Report, SummaryPoint, SummaryVerdict,
    WorkshopComparison, WorkshopReport,
};
use yew::prelude::*;

/// One source's verdict: its label and summary, the first reasons and the
/// next step of the six-step plan.
fn verdict_card(heading: &str, report: &Report, short: &SummaryVerdict, lang: Lang) -> Html {
    let w = workshop_texts(lang);
    html! {
        <div class={classes!("scan-verdict", "scan-ws-verdict", verdict_class(report.verdict.level))}>
            <p class="scan-verdict__label">{ heading }{ ": " }<strong>{ &report.verdict.label }</strong></p>
            <p>{ &report.verdict.summary }</p>
            <ul class="scan-reasons">{ for short.reasons.iter().map(|r| html! { <li>{ &r.text }</li> }) }</ul>
            if short.more_reasons > 0 {
                <p class="scan-small">{ (w.more_reasons)(short.more_reasons) }</p>
            }

        </div>
    }
}

/// The next step of the six-step plan with what it means: once when the
/// room and the participants point to the same step, else each.
fn next_steps(room: Option<&Report>, group: Option<&Report>, lang: Lang) -> Html {
    let w = workshop_texts(lang);
    let steps: Vec<(&str, &samenwerkingsscan::NextStep)> = [
        (w.next_step_room, room.and_then(|r| r.next_step.as_ref())),
        (w.next_step_group, group.and_then(|g| g.next_step.as_ref())),
    ]
    .into_iter()
    .filter_map(|(who, step)| step.map(|s| (who, s)))
    .collect();
    let same = steps.len() == 2 && steps[0].1.number == steps[1].1.number;
    html! {
        { for steps.iter().enumerate().filter(|(i, _)| !(same && *i == 1)).map(|(_, (who, step))| html! {
            <p><strong>{ if same || steps.len() == 1 { w.next_step } else { who } }{ ": " }
                { format!("{}. {}.", step.number, step.name) }</strong>{ " " }{ &step.description }</p>
        }) }
    }
}

/// Strength and risk per phase, the room's and the participants' side by side.
fn phases_table(room: Option<&Report>, group: Option<&Report>, lang: Lang) -> Html {
    let t = texts(lang);
    let w = workshop_texts(lang);
    let Some(phases) = room.or(group).map(|r| &r.phases) else {
        return html! {};
    };
    let find = |r: Option<&Report>, id: &str| -> Option<PhaseResult> {
        r.and_then(|r| r.phases.iter().find(|p| p.id == id).cloned())
    };
    let cells = |readiness: Option<f64>, risk: Option<f64>, shown: bool| {
        if shown {
            html! { <><td>{ whole(readiness) }</td><td>{ whole(risk) }</td></> }
        } else {
            html! {}
        }
    };
    html! {
        <div class="scan-table-wrap" tabindex="0" role="region" aria-labelledby="scan-ws-summary-phases">
        <table class="scan-table scan-ws-summary-phases">
            <caption id="scan-ws-summary-phases">{ w.summary_phases_caption }</caption>
            <thead><tr>
                <th scope="col">{ t.phase }</th>
                if room.is_some() {
                    <th scope="col">{ w.col_room_strength }</th>
                    <th scope="col">{ w.col_room_risk }</th>
                }
                if group.is_some() {
                    <th scope="col">{ w.col_group_strength }</th>
                    <th scope="col">{ w.col_group_risk }</th>
                }
            </tr></thead>
            <tbody>
                { for phases.iter().map(|p| {
                    let r = find(room, &p.id);
                    let g = find(group, &p.id);
                    html! {
                        <tr>
                            <th scope="row">{ &p.name }
                                if p.looking_ahead { <span class="scan-table__hint">{ t.looking_ahead }</span> }</th>
                            { cells(r.as_ref().and_then(|x| x.readiness), r.as_ref().and_then(|x| x.risk), room.is_some()) }
                            { cells(g.as_ref().and_then(|x| x.readiness), g.as_ref().and_then(|x| x.risk), group.is_some()) }
                        </tr>
                    }
                }) }
                <tr class="scan-table__total">
                    <th scope="row">{ t.total }</th>
                    { cells(room.and_then(|r| r.readiness), room.and_then(|r| r.risk), room.is_some()) }
                    { cells(group.and_then(|r| r.readiness), group.and_then(|r| r.risk), group.is_some()) }
                </tr>
            </tbody>
        </table>
        </div>
    }
}

fn point(p: &SummaryPoint, lang: Lang) -> Html {
    let w = workshop_texts(lang);
    // "Zaal: Aandachtspunt, verdeeld · Deelnemers: Zorgpunt · de gemeenten verschillen"
    let source = |name: &str, band: Option<samenwerkingsscan::Band>, cause: PointCause| {
        band.map(|b| {
            let mut part = format!("{name}: {}", b.label(lang).to_lowercase());
            if p.causes.contains(&cause) {
                part = format!("{part}, {}", cause.label(lang));
            }
            part
        })
    };
    let mut line: Vec<String> = [
        source(w.room_short, p.room, PointCause::RoomDisagrees),
        source(
            w.group_heading_short,
            p.group,
            PointCause::ParticipantsDisagree,
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    if p.causes.contains(&PointCause::MunicipalitiesDiffer) {
        line.push(PointCause::MunicipalitiesDiffer.label(lang).to_string());
    }
    if !p.partner_concerns.is_empty() {
        let list: Vec<String> = p
            .partner_concerns
            .iter()
            .map(|m| format!("{} ({})", m.label, figure(Some(m.mean))))
            .collect();
        let mut named = list.join(", ");
        if p.more_partner_concerns > 0 {
            named.push_str(&(w.more_partners)(p.more_partner_concerns));
        }
        line.push((w.concern_in)(&named));
    }
    html! {
        <li>
            <p><strong>{ &p.factor_name }</strong>
                if p.red_flag { { " · " }<span class="scan-ws-flag">{ w.red_flag }</span> }
                { " — " }{ line.join(" · ") }</p>
            if let Some(note) = &p.note {
                <p class="scan-ws-point-note"><strong>{ w.note_prefix }{ ": " }</strong>{ note }
                    if p.note_cut { { " " }<span class="scan-small">{ w.note_cut }</span> }</p>
            }
        </li>
    }
}

/// Groups shown by name in a gap line of the summary; with more, only the
/// lowest and the highest (the appendix lists them all).
const GAP_GROUPS: usize = 4;

/// "Druten 80 · Wijchen 20", or with many groups "laagst Wijchen 20,
/// hoogst Druten 80 (12 groepen; …)".
fn gap_figures(g: &Gap, lang: Lang) -> String {
    let figure =
        |s: &samenwerkingsscan::SubgroupMean| format!("{} {}", s.label, figure(Some(s.mean)));
    if g.groups.len() <= GAP_GROUPS {
        return g.groups.iter().map(figure).collect::<Vec<_>>().join(" · ");
    }
    let low = g.groups.iter().min_by(|a, b| a.mean.total_cmp(&b.mean));
    let high = g.groups.iter().max_by(|a, b| a.mean.total_cmp(&b.mean));
    match (low, high) {
        (Some(low), Some(high)) => {
            (workshop_texts(lang).gap_extremes)(&figure(low), &figure(high), g.groups.len())
        }
        _ => String::new(),
    }
}

fn gap_list(intro: &str, gaps: &[Gap], more: usize, lang: Lang) -> Html {
    let w = workshop_texts(lang);
    if gaps.is_empty() {
        return html! {};
    }
    html! {
        <>
            <p>{ intro }</p>
            <ul>{ for gaps.iter().map(|g| html! {
                <li><strong>{ &g.factor_name }</strong>{ " " }{ (w.gap_of)(g.shown()) }{ ": " }{ gap_figures(g, lang) }</li>
            }) }</ul>
            if more > 0 {
                <p class="scan-small">{ (w.more_gaps)(more) }</p>
            }
        </>
    }
}

fn differences(group: &GroupReport, report: &WorkshopReport, lang: Lang) -> Html {
    let w = workshop_texts(lang);
    let s = &report.summary;
    html! {
        <>
            <h4>{ w.differences_heading }</h4>
            if group.municipalities.is_empty() && group.roles.is_empty() {
                <p>{ w.no_subgroups }</p>
            }
            <div class="scan-ws-subgroups">
                { subgroup_table(w.municipalities_caption, w.col_municipality, "scan-ws-municipalities", &s.municipalities, lang) }
                { subgroup_table(w.roles_caption, w.col_role, "scan-ws-roles", &s.roles, lang) }
            </div>
            if s.more_municipalities + s.more_roles > 0 {
                <p class="scan-small">{ (w.more_rows)(s.more_municipalities, s.more_roles) }</p>
            }
            { for group.disclosure.iter().map(|note| html! { <p class="scan-small">{ note }</p> }) }
            { gap_list(w.municipality_gaps, &s.municipality_gaps, s.more_municipality_gaps, lang) }
            { gap_list(w.role_gaps, &s.role_gaps, s.more_role_gaps, lang) }
        </>
    }
}

/// The summary section of a workshop report.
pub fn summary_section(
    report: &WorkshopReport,
    comparison: Option<&WorkshopComparison>,
    lang: Lang,
) -> Html {
    let w = workshop_texts(lang);
    let s = &report.summary;
    let room = report.room.as_ref();
    let group = report.group.as_ref();
    html! {
        <section class="scan-ws-report-summary" aria-labelledby="scan-ws-summary-title">
            <h3 id="scan-ws-summary-title">{ w.summary_heading }</h3>
            <p class="scan-small">{ w.summary_lead }</p>
            <div class="scan-ws-verdicts">
                if let (Some(r), Some(short)) = (room, &s.room) {
                    { verdict_card(&(w.room_heading_n)(r.voters), &r.report, short, lang) }
                }
                if let (Some(g), Some(short)) = (group, &s.group) {
                    { verdict_card(&(w.group_heading)(g.respondents), &g.report, short, lang) }
                }
            </div>
            { next_steps(room.map(|r| &r.report), group.map(|g| &g.report), lang) }
            if room.is_some() && group.is_some() {
                <p class="scan-small">{ w.not_added }</p>
            }
            { phases_table(room.map(|r| &r.report), group.map(|g| &g.report), lang) }

            <h4>{ w.points_heading }</h4>
            if s.points.is_empty() {
                <p>{ w.no_points }</p>
            } else {
                <p class="scan-small">{ w.points_lead }{ " " }{ (w.legend)(&number(CONCERN_UPTO, lang).unwrap_or_default(), &number(STRENGTH_FROM, lang).unwrap_or_default()) }</p>
                <ol class="scan-ws-points">{ for s.points.iter().map(|p| point(p, lang)) }</ol>
            }
            if s.more_points > 0 || s.other_notes > 0 {
                <p class="scan-small">
                    if s.more_points > 0 { { (w.more_points)(s.more_points) }{ " " } }
                    if s.other_notes > 0 { { (w.more_notes)(s.other_notes) } }
                </p>
            }

            if let Some(g) = group {
                { differences(g, report, lang) }
            }

            if let Some(c) = comparison {
                <h4>{ (w.since_baseline)(&if c.baseline_title.is_empty() { w.untitled.to_string() } else { samenwerkingsscan::shortened(&c.baseline_title, samenwerkingsscan::SUMMARY_TITLE_CHARS) }) }</h4>
                if let Some(room) = &c.room {
                    <p>{ compared(w.room_heading, room, lang) }</p>
                }
                if let Some(group) = &c.group {
                    <p>{ compared(w.group_heading_short, group, lang) }</p>
                }
                if c.room.is_none() && c.group.is_none() {
                    { for c.notes.iter().map(|n| html! { <p>{ n }</p> }) }
                }
            }
        </section>
    }
}

/// "Stemming in de zaal. Nu: … (kracht 50, risico 50). Bij de nulmeting: … ."
fn compared(what: &str, c: &samenwerkingsscan::Comparison, lang: Lang) -> String {
    let w = workshop_texts(lang);
    let now = (w.verdict_figures)(
        c.current_verdict.label(lang),
        &whole(c.readiness.after),
        &whole(c.risk.after),
    );
    let before = (w.verdict_figures)(
        c.baseline_verdict.label(lang),
        &whole(c.readiness.before),
        &whole(c.risk.before),
    );
    (w.compare_now)(what, &now, &before)
}
