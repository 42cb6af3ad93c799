use yew::prelude::*;

/// A band of the scale, for drawing only.
#[derive(Clone, PartialEq)]
pub struct Segment {
    pub min: u8,
    pub max: u8,
}

#[derive(Properties, PartialEq)]
pub struct GaugeProps {
    pub score: u8,
    pub max: u8,
    /// The severity bands, or one segment per side of the cut-off when there are none.
    pub segments: Vec<Segment>,
    /// The whole gauge in words: the text equivalent for screen readers.
    pub label: AttrValue,
}

const WIDTH: f32 = 300.0;

/// A horizontal scale with its bands and a marker at the score. Geometry goes in SVG
/// attributes, not style attributes, which a strict CSP would block.
#[component]
pub fn Gauge(props: &GaugeProps) -> Html {
    // A score sits in the middle of its unit, so 0 and the maximum stay inside the bar.
    let span = f32::from(props.max) + 1.0;
    let at = |value: f32| value / span * WIDTH;
    let marker = at(f32::from(props.score) + 0.5);
    html! {
        <svg class="gauge" viewBox="0 0 300 34" role="img" aria-label={props.label.clone()}
            preserveAspectRatio="none" focusable="false">
            { for props.segments.iter().enumerate().map(|(index, segment)| {
                let start = at(f32::from(segment.min));
                let end = at(f32::from(segment.max) + 1.0);
                html! {
                    <rect class={format!("segment segment-{index}")} x={format!("{start:.1}")} y="10"
                        width={format!("{:.1}", (end - start - 2.0).max(1.0))} height="14" rx="3" />
                }
            }) }
            <path class="marker" d={format!("M{:.1} 0 l-6 0 l6 9 l6 -9 z M{:.1} 9 v18", marker, marker)} />
        </svg>
    }
}
