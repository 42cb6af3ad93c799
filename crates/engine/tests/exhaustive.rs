//! Every answer set of every instrument, in both modes, scored by the engine and
//! checked against an independent formulation written here: own sums, band
//! thresholds as literal numbers from the papers, own level rule. Nothing below
//! calls an engine helper to compute an expected value.

use selfcheck_engine::{
    score, steps, Answers, Flag, InstrumentId, Level, Mode, Part, PtsdCutoff, Question, Report,
    Screen,
};

/// Kroenke, Spitzer & Williams 2001: 5, 10, 15, 20.
fn phq9_band(total: u32) -> &'static str {
    match total {
        0..=4 => "minimal",
        5..=9 => "mild",
        10..=14 => "moderate",
        15..=19 => "moderately_severe",
        20..=27 => "severe",
        _ => unreachable!("PHQ-9 totals are 0-27"),
    }
}

/// Spitzer, Kroenke, Williams & Löwe 2006: 5, 10, 15.
fn gad7_band(total: u32) -> &'static str {
    match total {
        0..=4 => "minimal",
        5..=9 => "mild",
        10..=14 => "moderate",
        15..=21 => "severe",
        _ => unreachable!("GAD-7 totals are 0-21"),
    }
}

/// selfcheck's recommendation rule for one full PHQ-9 or GAD-7, as docs/scoring.md states it
/// (cut-point 10, consider 5-9).
fn level_of_total(total: u32, self_harm: bool) -> Level {
    if self_harm {
        Level::Urgent
    } else if total >= 10 {
        Level::Recommended
    } else if (5..=9).contains(&total) {
        Level::Consider
    } else {
        Level::NotIndicated
    }
}

/// All `n`-long sequences of values `0..base`, as a counter would run through them.
fn every_sequence(n: u32, base: u8) -> impl Iterator<Item = Vec<u8>> {
    (0..u32::from(base).pow(n)).map(move |mut k| {
        (0..n)
            .map(|_| {
                let digit = (k % u32::from(base)) as u8;
                k /= u32::from(base);
                digit
            })
            .collect()
    })
}

fn answers_for(id: InstrumentId, items: &[u8]) -> Answers {
    let mut a = Answers::new();
    for (i, &v) in items.iter().enumerate() {
        a.set(Question::new(id, Part::Item(i as u8)), v).unwrap();
    }
    a
}

fn only_result(report: &Report) -> &selfcheck_engine::InstrumentResult {
    assert_eq!(report.results.len(), 1);
    &report.results[0]
}

fn check_full(id: InstrumentId, mode: Mode, items: &[u8]) {
    let report = score(&[id], mode, PtsdCutoff::default(), &answers_for(id, items))
        .unwrap_or_else(|e| panic!("{items:?}: {e}"));
    let r = only_result(&report);
    let total: u32 = items.iter().map(|&v| u32::from(v)).sum();
    let (band, max) = match id {
        InstrumentId::Phq9 => (phq9_band(total), 27),
        _ => (gad7_band(total), 21),
    };
    let self_harm = id == InstrumentId::Phq9 && items[8] >= 1;
    assert_eq!(u32::from(r.total), total, "{items:?}");
    assert_eq!(r.max, max);
    assert_eq!(r.screen, Screen::Full);
    assert_eq!(r.band, Some(band), "{items:?}");
    assert_eq!(r.positive, total >= 10, "{items:?}");
    assert_eq!(
        r.flags,
        if self_harm {
            vec![Flag::SelfHarm]
        } else {
            vec![]
        },
        "{items:?}"
    );
    assert_eq!(r.answers, items);
    assert_eq!(report.level, level_of_total(total, self_harm), "{items:?}");
}

#[test]
fn every_phq9_answer_set_scores_as_the_paper_says() {
    let mut count = 0;
    for items in every_sequence(9, 4) {
        check_full(InstrumentId::Phq9, Mode::Full, &items);
        count += 1;
    }
    assert_eq!(count, 262_144);
}

#[test]
fn every_gad7_answer_set_scores_as_the_paper_says() {
    let mut count = 0;
    for items in every_sequence(7, 4) {
        check_full(InstrumentId::Gad7, Mode::Full, &items);
        count += 1;
    }
    assert_eq!(count, 16_384);
}

/// PHQ-2 (Kroenke, Spitzer & Williams 2003) and GAD-2 (Kroenke et al. 2007): items
/// 1-2, 0-6, positive at 3.
fn every_adaptive_path(id: InstrumentId, rest: u32) -> (u32, u32) {
    let (mut negative, mut expanded) = (0, 0);
    for pair in every_sequence(2, 4) {
        let sum = u32::from(pair[0]) + u32::from(pair[1]);
        let answers = answers_for(id, &pair);
        if sum < 3 {
            assert_eq!(
                steps(&[id], Mode::Adaptive, &answers).len(),
                2,
                "{pair:?}: nothing after a negative screen"
            );
            let report = score(&[id], Mode::Adaptive, PtsdCutoff::default(), &answers).unwrap();
            let r = only_result(&report);
            assert_eq!(
                (u32::from(r.total), r.max, r.screen),
                (sum, 6, Screen::ScreenerNegative)
            );
            assert_eq!((r.band, r.positive, r.flags.len()), (None, false, 0));
            assert_eq!(r.answers, pair);
            // A negative screen of 0-2 never reaches `consider`, which needs a full total.
            assert_eq!(report.level, Level::NotIndicated);
            negative += 1;
        } else {
            assert!(
                score(&[id], Mode::Adaptive, PtsdCutoff::default(), &answers).is_err(),
                "{pair:?}: a positive screen needs the rest"
            );
            for tail in every_sequence(rest, 4) {
                let items: Vec<u8> = pair.iter().chain(&tail).copied().collect();
                check_full(id, Mode::Adaptive, &items);
                expanded += 1;
            }
        }
    }
    (negative, expanded)
}

#[test]
fn every_phq2_path_stops_or_expands_to_the_full_phq9() {
    // 6 pairs sum below 3; the other 10 go on to 4^7 answer sets each.
    assert_eq!(every_adaptive_path(InstrumentId::Phq9, 7), (6, 10 * 16_384));
}

#[test]
fn every_gad2_path_stops_or_expands_to_the_full_gad7() {
    assert_eq!(every_adaptive_path(InstrumentId::Gad7, 5), (6, 10 * 1_024));
}

fn pcptsd5(exposure: bool, items: &[u8]) -> Report {
    pcptsd5_at(exposure, items, PtsdCutoff::default())
}

fn pcptsd5_at(exposure: bool, items: &[u8], cutoff: PtsdCutoff) -> Report {
    let mut a = answers_for(InstrumentId::Pcptsd5, items);
    a.set(
        Question::new(InstrumentId::Pcptsd5, Part::Gate),
        u8::from(exposure),
    )
    .unwrap();
    score(&[InstrumentId::Pcptsd5], Mode::Full, cutoff, &a).unwrap()
}

#[test]
fn pcptsd5_exposure_no_scores_zero_and_asks_nothing_more() {
    let report = pcptsd5(false, &[]);
    let r = only_result(&report);
    assert_eq!(
        (r.total, r.positive, r.exposure, r.band),
        (0, false, Some(false), None)
    );
    assert!(r.answers.is_empty());
    assert_eq!(report.level, Level::NotIndicated);
}

/// Prins et al. 2016: count of Yes, positive at 3; selfcheck's own rule (docs/scoring.md): 1-2
/// is `consider`.
#[test]
fn every_pcptsd5_answer_set_after_exposure_yes_counts_the_yeses() {
    let mut count = 0;
    for items in every_sequence(5, 2) {
        let report = pcptsd5(true, &items);
        let r = only_result(&report);
        let yes = items.iter().filter(|&&v| v == 1).count() as u8;
        assert_eq!(
            (r.total, r.max, r.positive, r.band),
            (yes, 5, yes >= 3, None),
            "{items:?}"
        );
        assert_eq!(r.exposure, Some(true));
        let level = match yes {
            3..=5 => Level::Recommended,
            1..=2 => Level::Consider,
            _ => Level::NotIndicated,
        };
        assert_eq!(report.level, level, "{items:?}");
        count += 1;
    }
    assert_eq!(count, 32);
}

/// Bovin et al. 2021: at the cut-off of 4, positive at 4; 1-3 is then `consider`.
#[test]
fn every_pcptsd5_answer_set_at_the_cut_off_of_four() {
    let four = PtsdCutoff::new(4).unwrap();
    for items in every_sequence(5, 2) {
        let report = pcptsd5_at(true, &items, four);
        let r = only_result(&report);
        let yes = items.iter().filter(|&&v| v == 1).count() as u8;
        assert_eq!((r.total, r.positive), (yes, yes >= 4), "{items:?}");
        let level = match yes {
            4..=5 => Level::Recommended,
            1..=3 => Level::Consider,
            _ => Level::NotIndicated,
        };
        assert_eq!(report.level, level, "{items:?}");
    }
    let no_exposure = pcptsd5_at(false, &[], four);
    assert_eq!(no_exposure.level, Level::NotIndicated);
}
