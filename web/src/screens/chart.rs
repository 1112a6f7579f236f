//! An SVG bar chart of every factor's favourability, grouped by phase.
//! Colours come from CSS classes (no inline styles: strict CSP); the same
//! data is always offered as a table next to it. Coordinates are integers
//! in a viewBox scaled ×10, which keeps float formatting out of the wasm.

use samenwerkingsscan::{Band, FactorResult, PhaseResult, CONCERN_UPTO, STRENGTH_FROM};
use yew::prelude::*;

/// All sizes in tenths of a unit of the 640-wide drawing.
const WIDTH: i64 = 6400;
const BAR_MAX: i64 = 5200;
const ROW: i64 = 360;
const PHASE_ROW: i64 = 320;

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

fn bar_length(favourability: f64) -> i64 {
    ((favourability.clamp(0.0, 100.0) * BAR_MAX as f64 / 100.0).round() as i64).max(20)
}

#[function_component(Chart)]
pub fn chart(props: &ChartProps) -> Html {
    let mut y: i64 = 0;
    let mut rows = Vec::new();
    for phase in &props.phases {
        rows.push(html! {
            <text class="scan-chart__phase" x="0" y={(y + 220).to_string()}>{ phase.name.clone() }</text>
        });
        y += PHASE_ROW;
        for f in props.factors.iter().filter(|f| f.phase == phase.id) {
            let label_y = (y + 130).to_string();
            let bar_y = y + 180;
            let label = html! { <text class="scan-chart__label" x="0" y={label_y}>{ f.name.clone() }</text> };
            rows.push(match f.favourability {
                Some(v) => {
                    let w = bar_length(v);
                    html! {
                        <g>
                            { label }
                            <rect class={classes!("scan-chart__bar", band_class(f.band))} x="0" y={bar_y.to_string()}
                                width={w.to_string()} height="120" rx="20" />
                            <text class="scan-chart__value" x={(w + 60).to_string()} y={(bar_y + 110).to_string()}>
                                { samenwerkingsscan::figure(Some(v)) }</text>
                        </g>
                    }
                }
                None => html! {
                    <g>
                        { label }
                        <text class="scan-chart__missing" x="0" y={(bar_y + 110).to_string()}>{ props.not_answered.clone() }</text>
                    </g>
                },
            });
            y += ROW;
        }
    }
    let height = (y + 80).to_string();
    let guide = |at: f64| {
        let x = bar_length(at).to_string();
        html! { <line class="scan-chart__guide" x1={x.clone()} x2={x} y1="0" y2={height.clone()} /> }
    };
    html! {
        <svg class="scan-chart" viewBox={format!("0 0 {WIDTH} {height}")} role="img" aria-label={props.label.clone()}
            preserveAspectRatio="xMinYMin meet">
            { guide(CONCERN_UPTO) }
            { guide(STRENGTH_FROM) }
            { for rows }
        </svg>
    }
}
