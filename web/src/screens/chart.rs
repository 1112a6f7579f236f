//! An SVG bar chart of every factor's favourability, grouped by phase.
//! Colours come from CSS classes (no inline styles: strict CSP); the same
//! data is always offered as a table next to it.

use samenwerkingsscan::{Band, FactorResult, PhaseResult, CONCERN_UPTO, STRENGTH_FROM};
use yew::prelude::*;

const WIDTH: f64 = 640.0;
const BAR_MAX: f64 = 520.0;
const ROW: f64 = 36.0;
const PHASE_ROW: f64 = 32.0;

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub factors: Vec<FactorResult>,
    pub phases: Vec<PhaseResult>,
    pub label: AttrValue,
    pub not_answered: AttrValue,
}

pub fn band_class(band: Option<Band>) -> &'static str {
    match band {
        Some(Band::Strength) => "scan-band--strength",
        Some(Band::Attention) => "scan-band--attention",
        Some(Band::Concern) => "scan-band--concern",
        None => "scan-band--none",
    }
}

#[function_component(Chart)]
pub fn chart(props: &ChartProps) -> Html {
    let mut y = 0.0;
    let mut rows = Vec::new();
    for phase in &props.phases {
        rows.push(html! {
            <text class="scan-chart__phase" x="0" y={(y + 22.0).to_string()}>{ phase.name.clone() }</text>
        });
        y += PHASE_ROW;
        for f in props.factors.iter().filter(|f| f.phase == phase.id) {
            let label_y = y + 13.0;
            let bar_y = y + 18.0;
            rows.push(match f.favourability {
                Some(v) => {
                    let w = (v.clamp(0.0, 100.0) / 100.0 * BAR_MAX).max(2.0);
                    html! {
                        <g>
                            <text class="scan-chart__label" x="0" y={label_y.to_string()}>{ f.name.clone() }</text>
                            <rect class={classes!("scan-chart__bar", band_class(f.band))} x="0" y={bar_y.to_string()}
                                width={format!("{w:.1}")} height="12" rx="2" />
                            <text class="scan-chart__value" x={format!("{:.1}", w + 6.0)} y={(bar_y + 11.0).to_string()}>
                                { format!("{}", v.round() as i64) }</text>
                        </g>
                    }
                }
                None => html! {
                    <g>
                        <text class="scan-chart__label" x="0" y={label_y.to_string()}>{ f.name.clone() }</text>
                        <text class="scan-chart__missing" x="0" y={(bar_y + 11.0).to_string()}>{ props.not_answered.clone() }</text>
                    </g>
                },
            });
            y += ROW;
        }
    }
    let height = y + 8.0;
    let guide = |at: f64| {
        let x = format!("{:.1}", at / 100.0 * BAR_MAX);
        html! { <line class="scan-chart__guide" x1={x.clone()} x2={x} y1="0" y2={format!("{height:.0}")} /> }
    };
    html! {
        <svg class="scan-chart" viewBox={format!("0 0 {WIDTH} {height:.0}")} role="img" aria-label={props.label.clone()}
            preserveAspectRatio="xMinYMin meet">
            { guide(CONCERN_UPTO) }
            { guide(STRENGTH_FROM) }
            { for rows }
        </svg>
    }
}
