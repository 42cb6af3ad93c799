//! "Compare with last time": each instrument's total in a file saved earlier beside today's, and
//! whether the change reaches the published threshold for a meaningful change (the data's
//! `meaningful_change`, cited in docs/scoring.md). Where no threshold is published the change
//! is shown without a verdict; a short form's total is never compared with the whole
//! instrument's.

#[cfg(plus)]
use crate::fhir::Earlier;
#[cfg(plus)]
use crate::instrument::instrument;
use crate::instrument::InstrumentId;
#[cfg(plus)]
use crate::scoring::{Report, Screen};

/// One instrument asked both times.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Change {
    pub id: InstrumentId,
    pub earlier: u8,
    pub now: u8,
    pub verdict: Verdict,
}

/// What can be said of a change. A higher total means more symptoms on every instrument here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Lower by at least the published threshold (`points`).
    MeaningfullyLower { points: u8 },
    /// Higher by at least the published threshold.
    MeaningfullyHigher { points: u8 },
    /// Changed by less than the published threshold, or not at all.
    BelowThreshold { points: u8 },
    /// No threshold is published for this instrument: only the numbers are shown.
    NoPublishedThreshold,
    /// One of the two was the short form alone (adaptive mode): the totals measure different
    /// things.
    NotComparable,
}

/// Every instrument in `report` that the earlier file also has, in `report`'s order.
#[cfg(plus)]
pub fn compare(earlier: &Earlier, report: &Report) -> Vec<Change> {
    report
        .results
        .iter()
        .filter_map(|now| {
            let before = earlier.results.iter().find(|before| before.id == now.id)?;
            let verdict = if before.screen != Screen::Full || now.screen != Screen::Full {
                Verdict::NotComparable
            } else {
                match instrument(now.id).scoring.meaningful_change {
                    None => Verdict::NoPublishedThreshold,
                    Some(points) if now.total.saturating_add(points) <= before.total => {
                        Verdict::MeaningfullyLower { points }
                    }
                    Some(points) if before.total.saturating_add(points) <= now.total => {
                        Verdict::MeaningfullyHigher { points }
                    }
                    Some(points) => Verdict::BelowThreshold { points },
                }
            };
            Some(Change {
                id: now.id,
                earlier: before.total,
                now: now.total,
                verdict,
            })
        })
        .collect()
}
