//! Property tests: the level rule over any combination, order and mode of the
//! instruments, and the invariants of `steps` and `prune`.

use proptest::prelude::*;
use selfcheck_engine::{
    crisis_raised, is_complete, next_unanswered, prune, score, steps, Answers, InstrumentId, Level,
    Mode, Part, PtsdCutoff, Question,
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
    ];
    for (id, n) in [(Phq9, 9), (Gad7, 7), (Pcptsd5, 5)] {
        qs.extend((0..n).map(|i| Question::new(id, Part::Item(i))));
    }
    qs
}

/// Any valid answers to any questions, consistent with a flow or not.
fn scattered_answers() -> impl Strategy<Value = Answers> {
    let qs = all_questions();
    proptest::collection::vec(proptest::option::of(0u8..4), qs.len()).prop_map(move |values| {
        let mut a = Answers::new();
        for (&q, v) in qs.iter().zip(values) {
            if let Some(v) = v {
                let allowed = q.options().unwrap();
                a.set(q, allowed[usize::from(v) % allowed.len()].score)
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
        let options = q.options().unwrap();
        let pick = usize::from(*picks.next().unwrap()) % options.len();
        answers.set(q, options[pick].score).unwrap();
        asked.push(q);
        lengths.push(steps(instruments, mode, &answers).len());
    }
    (answers, asked, lengths)
}

/// The PC-PTSD-5 cut-offs a clinic may choose (Prins et al. 2016: 3; Bovin et al. 2021: 4).
fn ptsd_cutoff() -> impl Strategy<Value = u8> {
    prop_oneof![Just(3u8), Just(4u8)]
}

/// selfcheck's recommendation rule as docs/scoring.md states it, from raw answers.
fn expected_level(instruments: &[InstrumentId], mode: Mode, ptsd_cut: u8, a: &Answers) -> Level {
    let item = |id, i| a.get(Question::new(id, Part::Item(i)));
    let sum = |id, n: u8| {
        (0..n)
            .filter_map(|i| item(id, i))
            .map(u32::from)
            .sum::<u32>()
    };
    let (mut urgent, mut positive, mut consider) = (false, false, false);
    for &id in instruments {
        let (n, cut, low) = match id {
            Phq9 => (9, 10, 5),
            Gad7 => (7, 10, 5),
            Pcptsd5 => (5, u32::from(ptsd_cut), 1),
        };
        if id == Pcptsd5 && a.get(Question::new(Pcptsd5, Part::Gate)) == Some(0) {
            continue;
        }
        if mode == Mode::Adaptive && id != Pcptsd5 && sum(id, 2) < 3 {
            continue;
        }
        let total = sum(id, n);
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
        picks in proptest::collection::vec(any::<u8>(), 1..40),
    ) {
        let (answers, _, _) = walk(&ids, mode, &picks);
        let cutoff = PtsdCutoff::new(ptsd_cut).unwrap();
        let report = score(&ids, mode, cutoff, &answers).unwrap();
        prop_assert_eq!(report.level, expected_level(&ids, mode, ptsd_cut, &answers));
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
        prop_assert_eq!(crisis_raised(&answers), score(&ids, mode, PtsdCutoff::default(), &answers).unwrap().level == Level::Urgent);
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
