//! What each result says, decided here so that the views only word it: the name a result card
//! shows, its band's label, which explanation applies and against which cut-off, how the score
//! is stated, the gauge's segments, and whether a consultation is offered.

use crate::instrument::instrument;
use crate::lang::Text;
use crate::scoring::{InstrumentResult, Level, Screen};

/// Which sentence explains a result, with the numbers it states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Explanation {
    /// Adaptive mode, the short form (PHQ-2, GAD-2) below its cut-off: the rest was not asked.
    ScreenerNegative {
        name: &'static str,
        score: u8,
        max: u8,
        cutoff: u8,
    },
    /// PC-PTSD-5 exposure No: the items were not asked.
    NoExposure,
    /// The total reached the cut-off it was judged against (the clinic's choice, where it has
    /// one).
    AtOrAboveCutoff {
        cutoff: u8,
    },
    BelowCutoff {
        cutoff: u8,
    },
}

/// How the score is stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScoreShown {
    /// `7 of 27`.
    OfMax { score: u8, max: u8 },
    /// How many times, for an instrument that asks a number (the single drug question).
    #[cfg(plus)]
    Times(u16),
}

/// A stretch of the gauge, drawn as one segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    pub min: u8,
    pub max: u8,
}

impl InstrumentResult {
    /// The short name of what was scored: the short form's (PHQ-2) when only it was asked.
    pub fn name(&self) -> &'static str {
        let data = instrument(self.id);
        match (&data.screener, self.screen) {
            (Some(screener), Screen::ScreenerNegative) => screener.short_name,
            _ => data.short_name,
        }
    }

    /// The band's name as a visitor reads it, for results in a band.
    pub fn band_label(&self) -> Option<Text> {
        let band = self.band?;
        instrument(self.id)
            .scoring
            .bands
            .iter()
            .find(|b| b.id == band)
            .map(|b| b.label)
    }

    pub fn explanation(&self) -> Explanation {
        let cutoff = self.positive_at;
        if self.screen == Screen::ScreenerNegative {
            Explanation::ScreenerNegative {
                name: self.name(),
                score: self.total,
                max: self.max,
                cutoff,
            }
        } else if self.exposure == Some(false) {
            Explanation::NoExposure
        } else if self.positive {
            Explanation::AtOrAboveCutoff { cutoff }
        } else {
            Explanation::BelowCutoff { cutoff }
        }
    }

    /// The number given to a count question (the drug question), whole; `None` for the others
    /// and always in the default build, which has no count question.
    pub fn times(&self) -> Option<u16> {
        #[cfg(plus)]
        return self.count;
        #[cfg(not(plus))]
        None
    }

    pub fn score_shown(&self) -> ScoreShown {
        #[cfg(plus)]
        if let Some(times) = self.count {
            return ScoreShown::Times(times);
        }
        ScoreShown::OfMax {
            score: self.total,
            max: self.max,
        }
    }

    /// The gauge's segments, split at every band edge and at the cut-off the result was judged
    /// against; `None` where a scale would mislead (a count has no maximum to draw).
    pub fn gauge(&self) -> Option<Vec<Segment>> {
        #[cfg(plus)]
        if self.count.is_some() {
            return None;
        }
        let bands = match self.screen {
            Screen::Full => instrument(self.id).scoring.bands,
            Screen::ScreenerNegative => &[],
        };
        // A new segment starts at the cut-off and wherever a band starts or ends. Walking the
        // scale keeps the edges in order without a sort, which would cost the wasm its code.
        let starts_segment =
            |at: u8| at == self.positive_at || bands.iter().any(|b| b.min == at || b.max + 1 == at);
        let mut segments = Vec::new();
        let mut start = 0;
        for at in 1..=self.max {
            if starts_segment(at) {
                segments.push(Segment {
                    min: start,
                    max: at - 1,
                });
                start = at;
            }
        }
        segments.push(Segment {
            min: start,
            max: self.max,
        });
        Some(segments)
    }
}

impl Level {
    /// Whether the results offer a consultation (the clinic's booking link, or the advice to
    /// show the result to a professional): at every level that suggests one.
    pub fn offers_booking(self) -> bool {
        self != Level::NotIndicated
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{score, Answers, Cutoffs, InstrumentId, Mode, Part, Question};

    fn result(
        id: InstrumentId,
        mode: Mode,
        cutoffs: Cutoffs,
        set: &[(Part, u16)],
    ) -> InstrumentResult {
        let mut answers = Answers::new();
        for &(part, value) in set {
            let q = Question::new(id, part);
            match part {
                Part::Count => answers.set_count(q, value).unwrap(),
                _ => answers.set(q, value as u8).unwrap(),
            }
        }
        score(&[id], mode, cutoffs, &answers)
            .unwrap()
            .results
            .remove(0)
    }

    fn items(values: &[u16]) -> Vec<(Part, u16)> {
        values
            .iter()
            .enumerate()
            .map(|(i, &v)| (Part::Item(i as u8), v))
            .collect()
    }

    #[test]
    fn phq9_gauge_follows_its_bands_and_the_card_names_the_band() {
        let r = result(
            InstrumentId::Phq9,
            Mode::Full,
            Cutoffs::default(),
            &items(&[2, 2, 2, 2, 2, 0, 0, 0, 0]),
        );
        let edges: Vec<(u8, u8)> = r.gauge().unwrap().iter().map(|s| (s.min, s.max)).collect();
        assert_eq!(edges, [(0, 4), (5, 9), (10, 14), (15, 19), (20, 27)]);
        assert_eq!(r.band_label(), crate::Text::by_key("bands.phq9.moderate"));
        assert_eq!(r.explanation(), Explanation::AtOrAboveCutoff { cutoff: 10 });
        assert_eq!(r.score_shown(), ScoreShown::OfMax { score: 10, max: 27 });
    }

    #[test]
    fn a_negative_short_form_is_named_and_explained_as_the_short_form() {
        let r = result(
            InstrumentId::Gad7,
            Mode::Adaptive,
            Cutoffs::default(),
            &items(&[1, 0]),
        );
        assert_eq!(r.name(), "GAD-2");
        assert_eq!(
            r.explanation(),
            Explanation::ScreenerNegative {
                name: "GAD-2",
                score: 1,
                max: 6,
                cutoff: 3
            }
        );
        let edges: Vec<(u8, u8)> = r.gauge().unwrap().iter().map(|s| (s.min, s.max)).collect();
        assert_eq!(edges, [(0, 2), (3, 6)]);
        assert_eq!(r.band_label(), None);
    }

    #[test]
    fn the_auditc_gauge_splits_at_the_clinics_cut_off_and_at_its_high_band() {
        let five = Cutoffs::default().with(InstrumentId::Auditc, 5).unwrap();
        let r = result(InstrumentId::Auditc, Mode::Full, five, &items(&[4, 4, 1]));
        let edges: Vec<(u8, u8)> = r.gauge().unwrap().iter().map(|s| (s.min, s.max)).collect();
        assert_eq!(edges, [(0, 4), (5, 7), (8, 12)]);
        assert_eq!(r.band_label(), crate::Text::by_key("bands.auditc.high"));
        let low = result(InstrumentId::Auditc, Mode::Full, five, &items(&[1, 0, 0]));
        assert_eq!(
            (low.band_label(), low.explanation()),
            (None, Explanation::BelowCutoff { cutoff: 5 })
        );
    }

    #[test]
    fn a_count_is_stated_as_times_without_a_gauge() {
        let r = result(
            InstrumentId::Sqds,
            Mode::Full,
            Cutoffs::default(),
            &[(Part::Count, 300)],
        );
        assert_eq!(r.score_shown(), ScoreShown::Times(300));
        assert_eq!(r.gauge(), None);
        assert_eq!(r.explanation(), Explanation::AtOrAboveCutoff { cutoff: 1 });
    }

    #[test]
    fn booking_is_offered_at_every_level_that_suggests_a_consultation() {
        assert!(!Level::NotIndicated.offers_booking());
        for level in [Level::Consider, Level::Recommended, Level::Urgent] {
            assert!(level.offers_booking(), "{level:?}");
        }
    }
}
