//! Property tests: the level rule over any combination, order and mode of the
//! instruments, and the invariants of `steps` and `prune`.

use proptest::prelude::*;
use selfcheck_engine::{
    crisis_raised, is_complete, next_unanswered, prune, score, steps, Answers, Cutoffs,
    InstrumentId, Level, Mode, Part, Precheck, Question,
};

use InstrumentId::*;

fn instruments() -> impl Strategy<Value = Vec<InstrumentId>> {
    Just(InstrumentId::ALL.to_vec())
        .prop_shuffle()
        .prop_flat_map(|all| (1..=all.len()).prop_map(move |n| all[..n].to_vec()))
}

fn mode() -> impl Strategy<Value = Mode> {
    prop_oneof![Just(Mode::Full), Just(Mode::Adaptive)]
}

fn all_questions() -> Vec<Question> {
    let mut qs = vec![
        Question::new(Pcptsd5, Part::Gate),
        Question::new(Phq9, Part::FollowUp),
        Question::new(Sqds, Part::Count),
    ];
    for (id, n) in [(Phq9, 9), (Gad7, 7), (Pcptsd5, 5), (Auditc, 3)] {
        qs.extend((0..n).map(|i| Question::new(id, Part::Item(i))));
    }
    qs
}

/// Counts for the drug question: none, the smallest positive, both sides of the 255 cap on the
/// total, and the largest number taken (`Answers::set_count` refuses 1000).
const COUNTS: [u16; 7] = [0, 1, 2, 254, 255, 256, 999];

/// Answers `q` with the `pick`-th of its options (for a count, of [`COUNTS`]).
fn answer_with(a: &mut Answers, q: Question, pick: u8) {
    if q.part == Part::Count {
        a.set_count(q, COUNTS[usize::from(pick) % COUNTS.len()])
            .unwrap();
    } else {
        let options = q.options().unwrap();
        a.set(q, options[usize::from(pick) % options.len()].score)
            .unwrap();
    }
}

/// Any valid answers to any questions, consistent with a flow or not, with pre-check answers
/// among them.
fn scattered_answers() -> impl Strategy<Value = Answers> {
    let qs = all_questions();
    let precheck = Precheck::Ketamine;
    (
        proptest::collection::vec(proptest::option::of(any::<u8>()), qs.len()),
        proptest::collection::vec(proptest::option::of(any::<u8>()), precheck.question_count()),
    )
        .prop_map(move |(values, prechecks)| {
            let mut a = Answers::new();
            for (&q, v) in qs.iter().zip(values) {
                if let Some(v) = v {
                    answer_with(&mut a, q, v);
                }
            }
            for (i, v) in prechecks.into_iter().enumerate() {
                if let Some(v) = v {
                    let i = i as u8;
                    let options = precheck.question(i).unwrap().options;
                    a.set_precheck(precheck, i, options[usize::from(v) % options.len()].score)
                        .unwrap();
                }
            }
            a
        })
}

/// Answers a visitor gives walking through the flow; `picks` choose each option.
fn walk(
    instruments: &[InstrumentId],
    mode: Mode,
    picks: &[u8],
) -> (Answers, Vec<Question>, Vec<usize>) {
    let mut answers = Answers::new();
    let mut asked = Vec::new();
    let mut lengths = vec![steps(instruments, mode, &answers).len()];
    let mut picks = picks.iter().cycle();
    while let Some(q) = next_unanswered(instruments, mode, &answers) {
        answer_with(&mut answers, q, *picks.next().unwrap());
        asked.push(q);
        lengths.push(steps(instruments, mode, &answers).len());
    }
    (answers, asked, lengths)
}

/// The PC-PTSD-5 cut-offs a clinic may choose (Prins et al. 2016: 3; Bovin et al. 2021: 4).
fn ptsd_cutoff() -> impl Strategy<Value = u8> {
    prop_oneof![Just(3u8), Just(4u8)]
}

/// The AUDIT-C cut-offs a clinic may choose (Bradley et al. 2007: 3 for women, 4; the VA: 5).
fn auditc_cutoff() -> impl Strategy<Value = u8> {
    prop_oneof![Just(3u8), Just(4u8), Just(5u8)]
}

/// selfcheck's recommendation rule as docs/scoring.md states it, from raw answers.
fn expected_level(
    instruments: &[InstrumentId],
    mode: Mode,
    (ptsd_cut, auditc_cut): (u8, u8),
    a: &Answers,
) -> Level {
    let item = |id, i| a.get(Question::new(id, Part::Item(i)));
    let sum = |id, n: u8| {
        (0..n)
            .filter_map(|i| item(id, i))
            .map(u32::from)
            .sum::<u32>()
    };
    let (mut urgent, mut positive, mut consider) = (false, false, false);
    for &id in instruments {
        // Items, cut-off, and the lowest total that is `consider` (none for the AUDIT-C and the
        // drug question: below the cut-off they suggest nothing).
        let (n, cut, low) = match id {
            Phq9 => (9, 10, 5),
            Gad7 => (7, 10, 5),
            Pcptsd5 => (5, u32::from(ptsd_cut), 1),
            Auditc => (3, u32::from(auditc_cut), u32::from(auditc_cut)),
            Sqds => (0, 1, 1),
        };
        if id == Pcptsd5 && a.get(Question::new(Pcptsd5, Part::Gate)) == Some(0) {
            continue;
        }
        // Only the PHQ-9 and GAD-7 have a short form (PHQ-2, GAD-2) that can stop them.
        if mode == Mode::Adaptive && matches!(id, Phq9 | Gad7) && sum(id, 2) < 3 {
            continue;
        }
        let count = a.count(Question::new(id, Part::Count)).map_or(0, u32::from);
        let total = sum(id, n) + count;
        urgent |= id == Phq9 && item(Phq9, 8).is_some_and(|v| v >= 1);
        positive |= total >= cut;
        consider |= (low..cut).contains(&total);
    }
    if urgent {
        Level::Urgent
    } else if positive {
        Level::Recommended
    } else if consider {
        Level::Consider
    } else {
        Level::NotIndicated
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_level_is_the_highest_that_applies_over_any_instruments(
        ids in instruments(), mode in mode(), ptsd_cut in ptsd_cutoff(),
        auditc_cut in auditc_cutoff(), picks in proptest::collection::vec(any::<u8>(), 1..40),
    ) {
        let (answers, _, _) = walk(&ids, mode, &picks);
        let cutoffs = Cutoffs::default()
            .with(Pcptsd5, ptsd_cut)
            .and_then(|c| c.with(Auditc, auditc_cut))
            .unwrap();
        let report = score(&ids, mode, cutoffs, &answers).unwrap();
        prop_assert_eq!(
            report.level,
            expected_level(&ids, mode, (ptsd_cut, auditc_cut), &answers)
        );
        let order: Vec<_> = report.results.iter().map(|r| r.id).collect();
        prop_assert_eq!(order, ids);
    }

    #[test]
    fn a_walk_ends_complete_and_asks_exactly_the_final_steps(
        ids in instruments(), mode in mode(), picks in proptest::collection::vec(any::<u8>(), 1..40),
    ) {
        let (answers, asked, lengths) = walk(&ids, mode, &picks);
        prop_assert!(is_complete(&ids, mode, &answers));
        prop_assert_eq!(&asked, &steps(&ids, mode, &answers));
        // Undetermined branches count as taken, so the count can only shrink.
        prop_assert!(lengths.windows(2).all(|w| w[1] <= w[0]), "{:?}", lengths);
        prop_assert_eq!(crisis_raised(&answers), score(&ids, mode, Cutoffs::default(), &answers).unwrap().level == Level::Urgent);
    }

    #[test]
    fn prune_is_idempotent_and_keeps_only_questions_in_steps(
        ids in instruments(), mode in mode(), answers in scattered_answers(),
    ) {
        let mut once = answers.clone();
        prune(&ids, mode, &mut once);
        let mut twice = once.clone();
        prune(&ids, mode, &mut twice);
        prop_assert_eq!(&once, &twice);
        let kept = steps(&ids, mode, &once);
        for (q, v) in once.answered() {
            prop_assert!(kept.contains(&q), "{} kept but not asked", q);
            prop_assert_eq!(answers.get(q), Some(v));
        }
        // Nothing still asked was dropped.
        for q in steps(&ids, mode, &once) {
            prop_assert_eq!(once.get(q), answers.get(q));
            prop_assert_eq!(once.count(q), answers.count(q));
        }
        // Pre-check answers belong to no instrument's flow: pruning never loses them.
        let precheck = Precheck::Ketamine;
        for i in 0..precheck.question_count() as u8 {
            prop_assert_eq!(once.precheck(precheck, i), answers.precheck(precheck, i));
        }
    }

    #[test]
    fn exposure_turned_no_removes_every_pcptsd5_item(mode in mode(), answers in scattered_answers()) {
        let mut a = answers;
        a.set(Question::new(Pcptsd5, Part::Gate), 0).unwrap();
        prune(&InstrumentId::ALL, mode, &mut a);
        prop_assert!(a.answered().all(|(q, _)| q.instrument != Pcptsd5 || q.part == Part::Gate));
    }

    #[test]
    fn stored_answers_round_trip_through_json(answers in scattered_answers()) {
        let json = answers.to_json().to_json();
        prop_assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
        let value = selfcheck_engine::json::parse(&json).unwrap();
        prop_assert_eq!(Answers::from_json(&value).unwrap(), answers);
    }
}
