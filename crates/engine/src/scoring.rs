//! Totals, bands, positive screens, flags and the recommendation level.
//! docs/scoring.md cites the source of every number the data files carry.

use core::fmt;

use serde::Serialize;

use crate::answers::{Answers, Part, Question};
use crate::flow::{steps, Mode};
use crate::instrument::{instrument, InstrumentId};

/// Whether the full instrument or only its short form was scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Screen {
    Full,
    /// Adaptive mode, PHQ-2/GAD-2 below its cut-point: the total is the short form's,
    /// there is no band, and the rest (PHQ-9 item 9 included) was not asked.
    ScreenerNegative,
}

/// The total at which each instrument's screen is positive, as the clinic chose it.
///
/// Each instrument's default is its data's `positive_at`; an instrument with a
/// [`CutoffChoice`](crate::CutoffChoice) may be given another of its published choices
/// (docs/scoring.md: the PC-PTSD-5's 3 or 4, the AUDIT-C's 3, 4 or 5). No other value has
/// that backing, so no other can be chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Cutoffs([u8; InstrumentId::ALL.len()]);

impl Cutoffs {
    /// The total at which the full instrument `id` is positive.
    pub fn positive_at(self, id: InstrumentId) -> u8 {
        self.0[id.index()]
    }

    /// These cut-offs with `id`'s set to `at`; `None` unless `at` is one of its choices.
    pub fn with(self, id: InstrumentId, at: u8) -> Option<Cutoffs> {
        let choice = instrument(id).scoring.cutoff_choice.as_ref()?;
        choice.choices.contains(&at).then(|| {
            let mut chosen = self;
            chosen.0[id.index()] = at;
            chosen
        })
    }

    /// A cut-off for `id` written as text, exactly one digit that is one of its choices: the
    /// attribute, the JSON number and the scorer's option all read it here, so `03` or `4.0`
    /// is refused everywhere alike.
    pub fn parse(id: InstrumentId, text: &str) -> Option<u8> {
        let choice = instrument(id).scoring.cutoff_choice.as_ref()?;
        match text.as_bytes() {
            [digit @ b'0'..=b'9'] => Some(digit - b'0').filter(|at| choice.choices.contains(at)),
            _ => None,
        }
    }

    /// The instrument whose cut-off `attribute` (`ptsd-cutoff`) chooses.
    pub fn instrument_of(attribute: &str) -> Option<InstrumentId> {
        InstrumentId::ALL.into_iter().find(|&id| {
            instrument(id)
                .scoring
                .cutoff_choice
                .as_ref()
                .is_some_and(|choice| choice.attribute == attribute)
        })
    }
}

impl Default for Cutoffs {
    fn default() -> Cutoffs {
        Cutoffs(InstrumentId::ALL.map(|id| instrument(id).scoring.positive_at))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// The instrument's crisis item reached its threshold (PHQ-9 item 9 ≥ 1).
    SelfHarm,
}

/// The recommendation; declared from lowest to highest so that `max` picks the one
/// that wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    NotIndicated,
    Consider,
    Recommended,
    Urgent,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::NotIndicated => "not_indicated",
            Level::Consider => "consider",
            Level::Recommended => "recommended",
            Level::Urgent => "urgent",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InstrumentResult {
    pub id: InstrumentId,
    /// Item scores in item order, as far as they were asked.
    pub answers: Vec<u8>,
    /// The gate's answer (PC-PTSD-5 exposure), for instruments that have one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exposure: Option<bool>,
    /// The follow-up's answer (PHQ-9 difficulty): reported, never scored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub difficulty: Option<u8>,
    /// The number given, for an instrument that asks one (the single drug question); `total`
    /// is the same number capped at 255.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg(plus)]
    pub count: Option<u16>,
    pub total: u8,
    /// The highest possible `total` for what was scored (6 for a PHQ-2).
    pub max: u8,
    pub screen: Screen,
    pub band: Option<&'static str>,
    pub positive: bool,
    /// The total `positive` was judged against: the short form's cut-point for a negative
    /// PHQ-2/GAD-2, otherwise the instrument's (for the PC-PTSD-5, the clinic's choice). Left
    /// out of the scorer's output: whoever ran it chose the cut-off.
    #[serde(skip)]
    pub positive_at: u8,
    pub flags: Vec<Flag>,
}

impl InstrumentResult {
    /// This instrument's own level; the report's level is the highest of these.
    pub fn level(&self) -> Level {
        let inst = instrument(self.id);
        if self.flags.contains(&Flag::SelfHarm) {
            Level::Urgent
        } else if self.positive {
            Level::Recommended
        } else if self.screen == Screen::Full
            && inst.scoring.consider_at.is_some_and(|at| self.total >= at)
        {
            Level::Consider
        } else {
            Level::NotIndicated
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    pub results: Vec<InstrumentResult>,
    pub level: Level,
}

impl Report {
    pub fn from_results(results: Vec<InstrumentResult>) -> Report {
        let level = level(&results);
        Report { results, level }
    }
}

/// Scored questions still without an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Incomplete {
    pub missing: Vec<Question>,
}

impl fmt::Display for Incomplete {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unanswered: ")?;
        for (i, q) in self.missing.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{q}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Incomplete {}

/// The highest level any result calls for; `NotIndicated` for none.
pub fn level(results: &[InstrumentResult]) -> Level {
    results
        .iter()
        .map(InstrumentResult::level)
        .max()
        .unwrap_or(Level::NotIndicated)
}

/// Scores the instruments in the order given, each against its cut-off in `cutoffs`.
/// Answers to questions outside [`steps`] are ignored; follow-ups are not required,
/// since they are never scored.
pub fn score(
    instruments: &[InstrumentId],
    mode: Mode,
    cutoffs: Cutoffs,
    answers: &Answers,
) -> Result<Report, Incomplete> {
    let mut results = Vec::with_capacity(instruments.len());
    let mut missing = Vec::new();
    for &id in instruments {
        match score_instrument(id, mode, cutoffs, answers) {
            Ok(r) => results.push(r),
            Err(e) => missing.extend(e.missing),
        }
    }
    if missing.is_empty() {
        Ok(Report::from_results(results))
    } else {
        Err(Incomplete { missing })
    }
}

/// Scores one instrument; [`Report::from_results`] combines several, for callers
/// (like the scorer) whose mode differs per instrument.
pub fn score_instrument(
    id: InstrumentId,
    mode: Mode,
    cutoffs: Cutoffs,
    answers: &Answers,
) -> Result<InstrumentResult, Incomplete> {
    let inst = instrument(id);
    let asked = steps(&[id], mode, answers);
    let missing: Vec<Question> = asked
        .iter()
        .copied()
        .filter(|&q| q.part != Part::FollowUp && answers.get(q).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(Incomplete { missing });
    }
    let values: Vec<u8> = asked
        .iter()
        .filter(|q| q.part.is_scored())
        .filter_map(|&q| answers.get(q))
        .collect();
    let exposure = inst
        .gate
        .as_ref()
        .map(|g| answers.get(Question::new(id, Part::Gate)) == Some(g.continue_when));
    let difficulty = asked
        .iter()
        .find(|q| q.part == Part::FollowUp)
        .and_then(|&q| answers.get(q));
    let total: u8 = values.iter().fold(0u8, |sum, &v| sum.saturating_add(v));
    #[cfg(plus)]
    let count = answers.count(Question::new(id, Part::Count));
    #[cfg(not(plus))]
    let count = None;
    let flags = match &inst.scoring.crisis {
        Some(rule)
            if values
                .get(usize::from(rule.item))
                .is_some_and(|&v| v >= rule.at) =>
        {
            vec![Flag::SelfHarm]
        }
        _ => Vec::new(),
    };
    let full = exposure == Some(false) || values.len() == inst.items.len();
    let result = match (&inst.screener, full) {
        (Some(screener), false) => InstrumentResult {
            max: screener.items * inst.top_score(),
            screen: Screen::ScreenerNegative,
            band: None,
            positive: false,
            positive_at: screener.positive_at,
            ..base(id, values, exposure, difficulty, count, total, flags)
        },
        _ => {
            let positive_at = cutoffs.positive_at(id);
            InstrumentResult {
                max: inst.scoring.max,
                screen: Screen::Full,
                band: if exposure == Some(false) {
                    None
                } else {
                    inst.band(total).map(|b| b.id)
                },
                positive: total >= positive_at,
                positive_at,
                ..base(id, values, exposure, difficulty, count, total, flags)
            }
        }
    };
    Ok(result)
}

fn base(
    id: InstrumentId,
    answers: Vec<u8>,
    exposure: Option<bool>,
    difficulty: Option<u8>,
    count: Option<u16>,
    total: u8,
    flags: Vec<Flag>,
) -> InstrumentResult {
    #[cfg(not(plus))]
    let _ = count;
    InstrumentResult {
        id,
        answers,
        exposure,
        difficulty,
        #[cfg(plus)]
        count,
        total,
        max: 0,
        screen: Screen::Full,
        band: None,
        positive: false,
        positive_at: 0,
        flags,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use InstrumentId::*;

    fn with_items(id: InstrumentId, values: &[u8]) -> Answers {
        let mut a = Answers::new();
        for (i, &v) in values.iter().enumerate() {
            a.set(Question::new(id, Part::Item(i as u8)), v).unwrap();
        }
        a
    }

    #[test]
    fn item_nine_above_zero_is_urgent_whatever_the_total() {
        let r = score(
            &[Phq9],
            Mode::Full,
            Cutoffs::default(),
            &with_items(Phq9, &[0, 0, 0, 0, 0, 0, 0, 0, 1]),
        )
        .unwrap();
        assert_eq!(r.level, Level::Urgent);
        assert_eq!(r.results[0].flags, [Flag::SelfHarm]);
        assert_eq!(r.results[0].band, Some("minimal"));
    }

    #[test]
    fn a_missing_item_makes_the_report_incomplete_naming_it() {
        let err = score(
            &[Gad7],
            Mode::Full,
            Cutoffs::default(),
            &with_items(Gad7, &[0, 0, 0]),
        )
        .unwrap_err();
        assert_eq!(err.missing.len(), 4);
        assert_eq!(
            err.to_string(),
            "unanswered: gad7 item 4, gad7 item 5, gad7 item 6, gad7 item 7"
        );
    }

    #[test]
    fn an_unanswered_difficulty_does_not_block_scoring() {
        let r = score(
            &[Phq9],
            Mode::Full,
            Cutoffs::default(),
            &with_items(Phq9, &[2, 1, 1, 1, 1, 1, 1, 1, 1]),
        )
        .unwrap();
        assert_eq!(r.results[0].difficulty, None);
        assert_eq!(r.results[0].band, Some("moderate"));
    }

    #[test]
    fn a_negative_phq2_is_reported_without_band_and_never_considers() {
        let r = score(
            &[Phq9],
            Mode::Adaptive,
            Cutoffs::default(),
            &with_items(Phq9, &[1, 1]),
        )
        .unwrap();
        let p = &r.results[0];
        assert_eq!(
            (p.total, p.max, p.screen, p.band),
            (2, 6, Screen::ScreenerNegative, None)
        );
        assert_eq!(r.level, Level::NotIndicated);
    }

    #[test]
    fn exposure_no_scores_zero_and_negative() {
        let mut a = Answers::new();
        a.set(Question::new(Pcptsd5, Part::Gate), 0).unwrap();
        let r = score(&[Pcptsd5], Mode::Full, Cutoffs::default(), &a).unwrap();
        let p = &r.results[0];
        assert_eq!(
            (p.total, p.positive, p.exposure, p.answers.len()),
            (0, false, Some(false), 0)
        );
    }

    fn ptsd_yes_to(items: &[u8]) -> Answers {
        let mut a = with_items(Pcptsd5, items);
        a.set(Question::new(Pcptsd5, Part::Gate), 1).unwrap();
        a
    }

    #[test]
    fn a_ptsd_score_of_three_is_positive_at_the_default_cut_off_and_not_at_four() {
        let three_yes = ptsd_yes_to(&[1, 1, 1, 0, 0]);
        let at_three = score(&[Pcptsd5], Mode::Full, Cutoffs::default(), &three_yes).unwrap();
        assert_eq!(
            (
                at_three.results[0].positive,
                at_three.results[0].positive_at,
                at_three.level
            ),
            (true, 3, Level::Recommended)
        );
        let four = Cutoffs::default().with(Pcptsd5, 4).unwrap();
        let at_four = score(&[Pcptsd5], Mode::Full, four, &three_yes).unwrap();
        assert_eq!(
            (
                at_four.results[0].positive,
                at_four.results[0].positive_at,
                at_four.level
            ),
            (false, 4, Level::Consider)
        );
        let four_yes = ptsd_yes_to(&[1, 1, 1, 1, 0]);
        let r = score(&[Pcptsd5], Mode::Full, four, &four_yes).unwrap();
        assert_eq!(r.level, Level::Recommended);
    }

    #[test]
    fn the_ptsd_cut_off_leaves_the_other_instruments_alone() {
        let four = Cutoffs::default().with(Pcptsd5, 4).unwrap();
        let r = score(
            &[Gad7],
            Mode::Full,
            four,
            &with_items(Gad7, &[2, 2, 2, 2, 2, 0, 0]),
        )
        .unwrap();
        assert_eq!(
            (r.results[0].positive, r.results[0].positive_at),
            (true, 10)
        );
        let r = score(&[Phq9], Mode::Adaptive, four, &with_items(Phq9, &[1, 1])).unwrap();
        assert_eq!(r.results[0].positive_at, 3, "the PHQ-2's own cut-point");
    }

    #[test]
    fn only_the_published_cut_offs_can_be_chosen_and_the_data_gives_the_default() {
        let defaults = Cutoffs::default();
        assert_eq!(defaults.with(Pcptsd5, 2), None);
        assert_eq!(defaults.with(Pcptsd5, 5), None);
        assert_eq!(defaults.with(Auditc, 6), None);
        assert_eq!(defaults.with(Phq9, 10), None, "the PHQ-9 has no choice");
        let chosen = defaults.with(Pcptsd5, 4).unwrap().with(Auditc, 5).unwrap();
        assert_eq!(
            (chosen.positive_at(Pcptsd5), chosen.positive_at(Auditc)),
            (4, 5)
        );
        // Prins et al. 2016 and the VA: 3 is the PC-PTSD-5's screening cut-point, and the default;
        // Bradley et al. 2007: 4 for the AUDIT-C.
        assert_eq!(
            (defaults.positive_at(Pcptsd5), defaults.positive_at(Auditc)),
            (3, 4)
        );
        for id in InstrumentId::ALL {
            assert_eq!(defaults.positive_at(id), instrument(id).scoring.positive_at);
        }
    }

    #[test]
    fn a_cut_off_is_read_only_as_a_single_digit_among_the_choices() {
        assert_eq!(Cutoffs::parse(Pcptsd5, "3"), Some(3));
        assert_eq!(Cutoffs::parse(Pcptsd5, "4"), Some(4));
        assert_eq!(Cutoffs::parse(Auditc, "5"), Some(5));
        for refused in ["03", "004", "4.0", " 4", "+4", "5", "", "four", "٤"] {
            assert_eq!(Cutoffs::parse(Pcptsd5, refused), None, "{refused:?}");
        }
        assert_eq!(Cutoffs::parse(Phq9, "10"), None);
        assert_eq!(Cutoffs::instrument_of("ptsd-cutoff"), Some(Pcptsd5));
        assert_eq!(Cutoffs::instrument_of("auditc-cutoff"), Some(Auditc));
        assert_eq!(Cutoffs::instrument_of("phq9-cutoff"), None);
    }

    #[test]
    fn results_serialize_in_the_documented_shape() {
        let r = score(
            &[Gad7],
            Mode::Adaptive,
            Cutoffs::default(),
            &with_items(Gad7, &[0, 1]),
        )
        .unwrap();
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(
            json,
            r#"{"results":[{"id":"gad7","answers":[0,1],"total":1,"max":6,"screen":"screener_negative","band":null,"positive":false,"flags":[]}],"level":"not_indicated"}"#
        );
    }

    #[test]
    fn the_highest_level_wins() {
        assert!(Level::Urgent > Level::Recommended);
        assert!(Level::Recommended > Level::Consider);
        assert!(Level::Consider > Level::NotIndicated);
        assert_eq!(level(&[]), Level::NotIndicated);
    }
}
