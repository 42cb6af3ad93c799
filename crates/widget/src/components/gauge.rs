use selfcheck_engine::Segment;
use yew::prelude::*;

const WIDTH: f32 = 300.0;

/// `format!("{x:.1}")` for the gauge's non-negative coordinates, without pulling Rust's float
/// formatting (about 3 KB brotli) into the wasm; a test checks it matches for every gauge.
fn tenths(x: f32) -> String {
    // Exact in f64; ties go to even, as Rust's formatting rounds the exact decimal value.
    let tenths = (f64::from(x) * 10.0).round_ties_even() as u32;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// A horizontal scale with the segments the engine chose (its bands, split at the cut-off) and a
/// marker at the score; with `earlier`, an outlined marker at last time's score. Hidden from
/// screen readers: the card's text says the same scores and band, and a name on the gauge would
/// have them read twice. Geometry goes in SVG attributes, not style attributes, which a strict
/// CSP would block.
pub fn gauge(score: u8, max: u8, segments: &[Segment], earlier: Option<u8>) -> Html {
    // A score sits in the middle of its unit, so 0 and the maximum stay inside the bar.
    let span = f32::from(max) + 1.0;
    let at = |value: f32| value / span * WIDTH;
    let marker = at(f32::from(score) + 0.5);
    html! {
        <svg class="gauge" viewBox="0 0 300 34" aria-hidden="true"
            preserveAspectRatio="none" focusable="false">
            { for segments.iter().enumerate().map(|(index, segment)| {
                let start = at(f32::from(segment.min));
                let end = at(f32::from(segment.max) + 1.0);
                html! {
                    <rect class="segment" data-band={index.to_string()} x={tenths(start)} y="10"
                        width={tenths((end - start - 2.0).max(1.0))} height="14" rx="3" />
                }
            }) }
            if let Some(earlier) = earlier {
                <path class="marker-earlier" d={format!("M{0} 1 l-5 0 l5 7.5 l5 -7.5 z", tenths(at(f32::from(earlier) + 0.5)))} />
            }
            <path class="marker" d={format!("M{0} 0 l-6 0 l6 9 l6 -9 z M{0} 9 v18", tenths(marker))} />
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenths_match_rust_float_formatting_for_every_gauge_coordinate() {
        // Every scale up to 40 points, every band edge and every score marker on it.
        for max in 0..=40u8 {
            let span = f32::from(max) + 1.0;
            let at = |value: f32| value / span * WIDTH;
            for half in 0..=2 * (u16::from(max) + 1) {
                let x = at(f32::from(half) / 2.0);
                assert_eq!(tenths(x), format!("{x:.1}"), "max {max}, {half}/2");
                for start in 0..=u16::from(max) {
                    let width = (x - at(f32::from(start)) - 2.0).max(1.0);
                    assert_eq!(tenths(width), format!("{width:.1}"), "max {max}");
                }
            }
        }
    }
}
