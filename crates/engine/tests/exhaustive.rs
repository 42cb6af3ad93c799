//! Every answer set of every instrument, in both modes, scored by the engine and
//! checked against an independent formulation written here: own sums, band
//! thresholds as literal numbers from the papers, own level rule. Nothing below
//! calls an engine helper to compute an expected value.

use selfcheck_engine::{
    crisis_raised, is_complete, score, steps, topics, Answers, Cutoffs, Flag, InstrumentId, Level,
    Mode, Part, Precheck, Question, Report, Screen,
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
    let report = score(&[id], mode, Cutoffs::default(), &answers_for(id, items))
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
            let report = score(&[id], Mode::Adaptive, Cutoffs::default(), &answers).unwrap();
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
                score(&[id], Mode::Adaptive, Cutoffs::default(), &answers).is_err(),
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
    pcptsd5_at(exposure, items, Cutoffs::default())
}

fn pcptsd5_at(exposure: bool, items: &[u8], cutoff: Cutoffs) -> Report {
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
    let four = Cutoffs::default().with(InstrumentId::Pcptsd5, 4).unwrap();
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

/// Bush et al. 1998 and Bradley et al. 2007: three items scored 0-4, total 0-12, positive at the
/// clinic's cut-off (3, 4 or 5). selfcheck names 8-12 `high` and nothing below it, and suggests
/// nothing below the cut-off (docs/scoring.md): no `consider`, and no item raises a crisis.
#[test]
fn every_auditc_answer_set_at_every_cut_off_a_clinic_may_choose() {
    let mut count = 0;
    for cutoff in [3u8, 4, 5] {
        let cutoffs = Cutoffs::default()
            .with(InstrumentId::Auditc, cutoff)
            .unwrap();
        for items in every_sequence(3, 5) {
            let answers = answers_for(InstrumentId::Auditc, &items);
            for mode in [Mode::Full, Mode::Adaptive] {
                assert_eq!(steps(&[InstrumentId::Auditc], mode, &answers).len(), 3);
                let report = score(&[InstrumentId::Auditc], mode, cutoffs, &answers)
                    .unwrap_or_else(|e| panic!("{items:?}: {e}"));
                let r = only_result(&report);
                let total = items[0] + items[1] + items[2];
                let positive = total >= cutoff;
                let band = if total >= 8 { Some("high") } else { None };
                let level = if positive {
                    Level::Recommended
                } else {
                    Level::NotIndicated
                };
                let at = format!("{items:?} at {cutoff}");
                assert_eq!(
                    (r.total, r.max, r.screen),
                    (total, 12, Screen::Full),
                    "{at}"
                );
                assert_eq!((r.positive, r.positive_at), (positive, cutoff), "{at}");
                assert_eq!(r.band, band, "{at}");
                assert!(r.flags.is_empty(), "{at}");
                assert_eq!((r.count, r.exposure, r.difficulty), (None, None, None));
                assert_eq!(r.answers, items);
                assert_eq!(report.level, level, "{at}");
            }
            count += 1;
        }
    }
    assert_eq!(count, 3 * 125);
}

/// Smith et al. 2010: how many times in the past year; positive at 1 or more. selfcheck takes
/// 0-999 and its total, a score, is the count capped at 255; there are no bands and nothing below
/// the cut-off is suggested.
#[test]
fn every_count_the_drug_question_takes() {
    let question = Question::new(InstrumentId::Sqds, Part::Count);
    for n in 0u16..=999 {
        let mut answers = Answers::new();
        answers.set_count(question, n).unwrap();
        for mode in [Mode::Full, Mode::Adaptive] {
            assert_eq!(steps(&[InstrumentId::Sqds], mode, &answers), [question]);
            let report = score(&[InstrumentId::Sqds], mode, Cutoffs::default(), &answers)
                .unwrap_or_else(|e| panic!("{n}: {e}"));
            let r = only_result(&report);
            let positive = n >= 1;
            let total = n.min(255) as u8;
            assert_eq!(r.count, Some(n));
            assert_eq!(
                (r.total, r.max, r.screen),
                (total, 255, Screen::Full),
                "{n}"
            );
            assert_eq!(
                (r.positive, r.positive_at, r.band),
                (positive, 1, None),
                "{n}"
            );
            assert!(r.flags.is_empty());
            let level = if positive {
                Level::Recommended
            } else {
                Level::NotIndicated
            };
            assert_eq!(report.level, level, "{n}");
        }
    }
}

#[test]
fn a_count_above_999_is_refused_and_leaves_the_answer_as_it_was() {
    let question = Question::new(InstrumentId::Sqds, Part::Count);
    let mut answers = Answers::new();
    answers.set_count(question, 7).unwrap();
    for refused in [1000u16, 1001, u16::MAX] {
        let err = answers.set_count(question, refused).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("sqds: count is {refused}, allowed a whole number 0-999")
        );
        assert_eq!(answers.count(question), Some(7));
    }
    let unanswered = score(
        &[InstrumentId::Sqds],
        Mode::Full,
        Cutoffs::default(),
        &Answers::new(),
    )
    .unwrap_err();
    assert_eq!(unanswered.missing, [question]);
}

/// The ketamine pre-check's questions in the order the issue lists them; question 8 is the count
/// of antidepressants tried (0, 1, 2, 3 = "3 or more"), the others are Yes 1 / No 0 / Not sure 2.
const KETAMINE_KEYS: [&str; 9] = [
    "aneurysm_or_avm",
    "bleeding_in_brain",
    "allergy",
    "blood_pressure_heart_stroke",
    "psychosis_or_mania",
    "substance_misuse",
    "pregnancy_or_breastfeeding",
    "antidepressants_tried",
    "not_driving_until_next_day",
];
const ANTIDEPRESSANTS: usize = 7;

/// Every pre-check answer combination, as 9 answer values.
fn every_ketamine_combination() -> impl Iterator<Item = Vec<u8>> {
    // Counting through 3^8 yes/no/not-sure answers and the 4 counts of question 8.
    (0..4u8).flat_map(|antidepressants| {
        every_sequence(8, 3).map(move |mut answers| {
            answers.insert(ANTIDEPRESSANTS, antidepressants);
            answers
        })
    })
}

fn ketamine_answers(values: &[u8]) -> Answers {
    let mut answers = Answers::new();
    for (i, &v) in values.iter().enumerate() {
        answers
            .set_precheck(Precheck::Ketamine, i as u8, v)
            .unwrap_or_else(|e| panic!("{values:?}: {e}"));
    }
    answers
}

/// A topic for every Yes (1) or Not sure (2), and for two or more antidepressants tried (the
/// usual definition of treatment-resistant depression), in question order.
#[test]
fn every_pre_check_combination_lists_exactly_its_topics_in_order() {
    let mut combinations = 0;
    for values in every_ketamine_combination() {
        let expected: Vec<(&str, u8)> = values
            .iter()
            .enumerate()
            .filter(|&(i, &v)| {
                if i == ANTIDEPRESSANTS {
                    v >= 2
                } else {
                    v == 1 || v == 2
                }
            })
            .map(|(i, &v)| (KETAMINE_KEYS[i], v))
            .collect();
        let listed: Vec<(&str, u8)> = topics(Precheck::Ketamine, &ketamine_answers(&values))
            .iter()
            .map(|topic| (topic.question.key, topic.answer.score))
            .collect();
        assert_eq!(listed, expected, "{values:?}");
        combinations += 1;
    }
    assert_eq!(combinations, 26_244);
    assert!(topics(Precheck::Ketamine, &Answers::new()).is_empty());
}

/// Instrument answers made up from `seed`, complete for every instrument in either mode.
fn instrument_answers(seed: usize) -> Answers {
    let digits = |n: usize, base: usize, salt: usize| -> Vec<u8> {
        let mut k = seed.wrapping_mul(2_654_435_761).wrapping_add(salt);
        (0..n)
            .map(|_| {
                let d = (k % base) as u8;
                k /= base;
                d
            })
            .collect()
    };
    let mut a = answers_for(InstrumentId::Phq9, &digits(9, 4, 1));
    for (i, v) in digits(7, 4, 2).into_iter().enumerate() {
        a.set(Question::new(InstrumentId::Gad7, Part::Item(i as u8)), v)
            .unwrap();
    }
    let ptsd = digits(6, 2, 3);
    a.set(Question::new(InstrumentId::Pcptsd5, Part::Gate), ptsd[0])
        .unwrap();
    for (i, &v) in ptsd[1..].iter().enumerate() {
        a.set(Question::new(InstrumentId::Pcptsd5, Part::Item(i as u8)), v)
            .unwrap();
    }
    for (i, v) in digits(3, 5, 4).into_iter().enumerate() {
        a.set(Question::new(InstrumentId::Auditc, Part::Item(i as u8)), v)
            .unwrap();
    }
    a.set(
        Question::new(InstrumentId::Phq9, Part::FollowUp),
        digits(1, 4, 5)[0],
    )
    .unwrap();
    a.set_count(
        Question::new(InstrumentId::Sqds, Part::Count),
        (seed % 1000) as u16,
    )
    .unwrap();
    a
}

/// The pre-check decides nothing: with any of its answers beside any instrument answers, the
/// flow, the crisis check and every report are exactly what they are without it.
#[test]
fn pre_check_answers_never_change_a_flow_a_score_or_a_level() {
    let cutoffs = Cutoffs::default()
        .with(InstrumentId::Pcptsd5, 4)
        .and_then(|c| c.with(InstrumentId::Auditc, 3))
        .unwrap();
    let all = InstrumentId::ALL;
    for (seed, values) in every_ketamine_combination().enumerate() {
        let without = instrument_answers(seed);
        let mut with = without.clone();
        for (i, &v) in values.iter().enumerate() {
            with.set_precheck(Precheck::Ketamine, i as u8, v).unwrap();
        }
        assert_ne!(with, without);
        assert!(with.answered().eq(without.answered()), "{values:?}");
        assert_eq!(crisis_raised(&with), crisis_raised(&without));
        for mode in [Mode::Full, Mode::Adaptive] {
            assert_eq!(steps(&all, mode, &with), steps(&all, mode, &without));
            assert!(is_complete(&all, mode, &with));
            for cutoffs in [Cutoffs::default(), cutoffs] {
                assert_eq!(
                    score(&all, mode, cutoffs, &with),
                    score(&all, mode, cutoffs, &without),
                    "{values:?} {mode:?}"
                );
            }
        }
    }
}

/// A positive AUDIT-C or drug question raises the level to at least `recommended`, whatever the
/// PHQ-9 says; an urgent PHQ-9 stays urgent (docs/scoring.md).
#[test]
fn a_positive_substance_screen_raises_the_level_to_at_least_recommended() {
    // One PHQ-9 answer set for every total, without item 9 (0-24) and with it at 1 (1-25).
    let mut phq9_sets: Vec<Vec<u8>> = Vec::new();
    for item9 in [0u8, 1] {
        for total in item9..=24 + item9 {
            let mut items = vec![0u8; 9];
            items[8] = item9;
            let mut left = total - item9;
            for slot in items.iter_mut().take(8) {
                *slot = left.min(3);
                left -= *slot;
            }
            phq9_sets.push(items);
        }
    }
    let counts = [0u16, 1, 2, 255, 999];
    let mut checked = 0;
    for phq9 in &phq9_sets {
        let phq9_total: u32 = phq9.iter().map(|&v| u32::from(v)).sum();
        let phq9_level = level_of_total(phq9_total, phq9[8] >= 1);
        for cutoff in [3u8, 4, 5] {
            let cutoffs = Cutoffs::default()
                .with(InstrumentId::Auditc, cutoff)
                .unwrap();
            for auditc in every_sequence(3, 5) {
                for &n in &counts {
                    let mut a = answers_for(InstrumentId::Phq9, phq9);
                    if phq9_total > 0 {
                        a.set(Question::new(InstrumentId::Phq9, Part::FollowUp), 0)
                            .unwrap();
                    }
                    for (i, &v) in auditc.iter().enumerate() {
                        a.set(Question::new(InstrumentId::Auditc, Part::Item(i as u8)), v)
                            .unwrap();
                    }
                    a.set_count(Question::new(InstrumentId::Sqds, Part::Count), n)
                        .unwrap();
                    let ids = [InstrumentId::Phq9, InstrumentId::Auditc, InstrumentId::Sqds];
                    let report = score(&ids, Mode::Full, cutoffs, &a).unwrap();
                    let auditc_total: u8 = auditc.iter().sum();
                    let substance_positive = auditc_total >= cutoff || n >= 1;
                    let expected = if substance_positive {
                        phq9_level.max(Level::Recommended)
                    } else {
                        phq9_level
                    };
                    assert_eq!(
                        report.level, expected,
                        "PHQ-9 {phq9:?}, AUDIT-C {auditc:?} at {cutoff}, count {n}"
                    );
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 50 * 3 * 125 * 5);
}
