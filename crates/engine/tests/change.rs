//! "Compare with last time" (src/change.rs), for every pair of totals, against the published
//! thresholds written here: Löwe et al. 2004 (PHQ-9, 5 points) and Toussaint et al. 2020
//! (GAD-7, 4 points); none for the PC-PTSD-5, the AUDIT-C or the drug question.

use selfcheck_engine::change::{compare, Verdict};
use selfcheck_engine::fhir::{Earlier, EarlierResult};
use selfcheck_engine::{
    score, Answers, Cutoffs, InstrumentId, Mode, Part, Question, Report, Screen,
};

/// A full visit of `id` whose item answers add up to `total` (filled from the first item on).
fn report_with_total(id: InstrumentId, total: u8) -> Report {
    let data = selfcheck_engine::instrument(id);
    let top = data.options_of(0).iter().map(|o| o.score).max().unwrap();
    let mut answers = Answers::new();
    if let Some(gate) = &data.gate {
        answers
            .set(Question::new(id, Part::Gate), gate.continue_when)
            .unwrap();
    }
    let mut left = total;
    for item in 0..data.items.len() {
        let value = left.min(top);
        left -= value;
        answers
            .set(Question::new(id, Part::Item(item as u8)), value)
            .unwrap();
    }
    if data.follow_up.is_some() && total > 0 {
        answers.set(Question::new(id, Part::FollowUp), 0).unwrap();
    }
    score(&[id], Mode::Full, Cutoffs::default(), &answers).unwrap()
}

fn earlier(id: InstrumentId, screen: Screen, total: u8) -> Earlier {
    Earlier {
        authored: "2026-10-01T09:00:00Z".into(),
        results: vec![EarlierResult { id, screen, total }],
    }
}

#[test]
fn every_pair_of_phq9_and_gad7_totals_is_judged_by_its_published_threshold() {
    for (id, max, threshold) in [(InstrumentId::Phq9, 27u8, 5u8), (InstrumentId::Gad7, 21, 4)] {
        for now in 0..=max {
            let report = report_with_total(id, now);
            assert_eq!(report.results[0].total, now);
            for before in 0..=max {
                let changes = compare(&earlier(id, Screen::Full, before), &report);
                assert_eq!(changes.len(), 1);
                let expected = if i16::from(before) - i16::from(now) >= i16::from(threshold) {
                    Verdict::MeaningfullyLower { points: threshold }
                } else if i16::from(now) - i16::from(before) >= i16::from(threshold) {
                    Verdict::MeaningfullyHigher { points: threshold }
                } else {
                    Verdict::BelowThreshold { points: threshold }
                };
                assert_eq!(changes[0].verdict, expected, "{id}: {before} then {now}");
                assert_eq!((changes[0].earlier, changes[0].now), (before, now));
            }
        }
    }
}

#[test]
fn without_a_published_threshold_only_the_numbers_are_given() {
    for (id, now) in [(InstrumentId::Pcptsd5, 4), (InstrumentId::Auditc, 9)] {
        let changes = compare(&earlier(id, Screen::Full, 0), &report_with_total(id, now));
        assert_eq!(changes[0].verdict, Verdict::NoPublishedThreshold, "{id}");
        assert_eq!((changes[0].earlier, changes[0].now), (0, now));
    }
}

#[test]
fn a_short_form_is_not_compared_with_the_whole_instrument() {
    let changes = compare(
        &earlier(InstrumentId::Phq9, Screen::ScreenerNegative, 1),
        &report_with_total(InstrumentId::Phq9, 20),
    );
    assert_eq!(changes[0].verdict, Verdict::NotComparable);
}

#[test]
fn only_instruments_asked_both_times_are_compared() {
    let changes = compare(
        &earlier(InstrumentId::Gad7, Screen::Full, 10),
        &report_with_total(InstrumentId::Phq9, 10),
    );
    assert!(changes.is_empty());
}
