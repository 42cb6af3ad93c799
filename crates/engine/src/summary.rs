//! The results as a few lines of plain text, the content of the QR code a clinician's phone
//! camera reads at the consultation: the date, each instrument's total, maximum and band (or
//! whether it screened positive, for an instrument without bands), whether PHQ-9 item 9 was
//! answered above "Not at all", and the level. Not a URL: reading it opens nothing and sends
//! nothing. Keywords stay English and fixed (`level: recommended`), so that it reads the same
//! whatever the visitor's language; the widget shows these same lines beside the code.

use crate::instrument::{instrument, InstrumentId};
use crate::scoring::{Flag, Report, Screen};

/// The lines, joined by `\n`. `date` is the device's date, `YYYY-MM-DD`.
pub fn qr_text(report: &Report, date: &str) -> String {
    let mut lines = vec![format!("selfcheck {date}")];
    for result in &report.results {
        let name = result.name();
        let judged = match (result.band, result.screen) {
            (Some(band), Screen::Full) => band.replace('_', " "),
            _ if result.positive => "positive".into(),
            _ => "negative".into(),
        };
        // A count is the visitor's number, not a score out of a maximum.
        let scored = match result.times() {
            Some(times) => format!("{times} times"),
            None => format!("{}/{}", result.total, result.max),
        };
        lines.push(format!("{name} {scored} {judged}"));
        if result.id == InstrumentId::Phq9 {
            let item = instrument(InstrumentId::Phq9)
                .scoring
                .crisis
                .as_ref()
                .map_or(9, |c| c.item + 1);
            let raised = result.flags.contains(&Flag::SelfHarm);
            // Only asked in the whole PHQ-9: after a negative PHQ-2 it was not asked at all.
            let said = match result.screen {
                Screen::Full if raised => "above 0",
                Screen::Full => "0",
                Screen::ScreenerNegative => "not asked",
            };
            lines.push(format!("PHQ-9 item {item}: {said}"));
        }
    }
    lines.push(format!(
        "level: {}",
        report.level.as_str().replace('_', " ")
    ));
    lines.join("\n")
}
