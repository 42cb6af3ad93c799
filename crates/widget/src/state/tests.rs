use super::*;
use selfcheck_engine::{Lang, Level, Precheck};

const PHQ9: InstrumentId = InstrumentId::Phq9;
const GAD7: InstrumentId = InstrumentId::Gad7;
const PCPTSD5: InstrumentId = InstrumentId::Pcptsd5;

fn item(instrument: InstrumentId, index: u8) -> Question {
    Question::new(instrument, Part::Item(index))
}

fn dispatch(state: Rc<Questionnaire>, action: Action) -> Rc<Questionnaire> {
    state.reduce(action)
}

fn started(instruments: &[InstrumentId], mode: Mode) -> Rc<Questionnaire> {
    dispatch(
        Rc::new(Questionnaire::new(instruments, mode)),
        Action::Start,
    )
}

/// Answers the current question with `value` and presses Next.
fn answer(state: Rc<Questionnaire>, value: u8) -> Rc<Questionnaire> {
    let Screen::Asking(question) = state.screen else {
        panic!("not on a question: {:?}", state.screen);
    };
    let state = dispatch(state, Action::Choose { question, value });
    dispatch(state, Action::Next(question))
}

fn answer_all(mut state: Rc<Questionnaire>, values: &[u8]) -> Rc<Questionnaire> {
    for value in values {
        state = answer(state, *value);
    }
    state
}

#[test]
fn start_leads_to_the_first_item_of_the_first_instrument() {
    let state = started(&[GAD7, PHQ9], Mode::Full);
    assert_eq!(state.screen, Screen::Asking(item(GAD7, 0)));
    assert_eq!(
        state.progress(),
        Some(Progress {
            position: 1,
            total: 7 + 9 + 1
        })
    );
}

#[test]
fn next_without_an_answer_stays_put_and_says_an_answer_is_needed() {
    let state = dispatch(started(&[PHQ9], Mode::Full), Action::Next(item(PHQ9, 0)));
    assert_eq!(state.screen, Screen::Asking(item(PHQ9, 0)));
    assert!(state.needs_answer);
    let state = dispatch(
        state,
        Action::Choose {
            question: item(PHQ9, 0),
            value: 1,
        },
    );
    assert!(!state.needs_answer);
}

#[test]
fn choosing_an_option_never_changes_the_screen_by_itself() {
    let state = started(&[PHQ9], Mode::Full);
    let chosen = dispatch(
        state,
        Action::Choose {
            question: item(PHQ9, 0),
            value: 2,
        },
    );
    assert_eq!(chosen.screen, Screen::Asking(item(PHQ9, 0)));
    assert_eq!(chosen.answers.get(item(PHQ9, 0)), Some(2));
}

#[test]
fn a_choice_for_another_question_than_the_one_shown_is_ignored() {
    let state = started(&[PHQ9], Mode::Full);
    let stale = dispatch(
        state.clone(),
        Action::Choose {
            question: item(PHQ9, 4),
            value: 2,
        },
    );
    assert!(Rc::ptr_eq(&state, &stale));
}

#[test]
fn item_nine_above_zero_shows_the_crisis_panel_before_anything_else() {
    let state = answer_all(
        started(&[PHQ9, GAD7], Mode::Full),
        &[0, 0, 0, 0, 0, 0, 0, 0],
    );
    let state = answer(state, 1);
    assert_eq!(state.screen, Screen::Crisis(item(PHQ9, 8)));
    assert!(state.crisis_raised());
    let state = dispatch(state, Action::ContinueAfterCrisis);
    // Item 9 above zero means some item is above zero: the difficulty question follows.
    assert_eq!(
        state.screen,
        Screen::Asking(Question::new(PHQ9, Part::FollowUp))
    );
}

#[test]
fn item_nine_at_zero_goes_straight_on() {
    let state = answer_all(started(&[PHQ9, GAD7], Mode::Full), &[0; 9]);
    assert_eq!(state.screen, Screen::Asking(item(GAD7, 0)));
    assert!(!state.crisis_raised());
}

#[test]
fn back_from_the_crisis_panel_returns_to_item_nine_with_its_answer() {
    let state = answer_all(started(&[PHQ9], Mode::Full), &[0, 0, 0, 0, 0, 0, 0, 0, 3]);
    let state = dispatch(state, Action::Back);
    assert_eq!(state.screen, Screen::Asking(item(PHQ9, 8)));
    assert_eq!(state.answers.get(item(PHQ9, 8)), Some(3));
}

#[test]
fn back_keeps_answers_and_next_returns_to_where_the_visitor_was() {
    let state = answer_all(started(&[PHQ9], Mode::Full), &[1, 2, 3]);
    let state = dispatch(dispatch(state, Action::Back), Action::Back);
    assert_eq!(state.screen, Screen::Asking(item(PHQ9, 1)));
    assert_eq!(state.answers.get(item(PHQ9, 1)), Some(2));
    let state = dispatch(state, Action::Next(item(PHQ9, 1)));
    let state = dispatch(state, Action::Next(item(PHQ9, 2)));
    assert_eq!(state.screen, Screen::Asking(item(PHQ9, 3)));
}

#[test]
fn back_from_the_first_question_returns_to_the_intro() {
    let state = dispatch(started(&[PHQ9], Mode::Full), Action::Back);
    assert_eq!(state.screen, Screen::Intro);
}

#[test]
fn exposure_no_ends_the_ptsd_screen_and_the_count_shrinks() {
    let state = started(&[PCPTSD5], Mode::Full);
    assert_eq!(
        state.progress(),
        Some(Progress {
            position: 1,
            total: 6
        })
    );
    let state = answer(state, 0);
    assert_eq!(state.screen, Screen::Results);
    assert_eq!(
        state.report(Cutoffs::default()).map(|report| report.level),
        Some(Level::NotIndicated)
    );
}

#[test]
fn changing_exposure_to_no_drops_the_item_answers() {
    let state = answer_all(started(&[PCPTSD5, PHQ9], Mode::Full), &[1, 1, 1]);
    assert_eq!(state.screen, Screen::Asking(item(PCPTSD5, 2)));
    let state = dispatch(
        dispatch(dispatch(state, Action::Back), Action::Back),
        Action::Back,
    );
    let gate = Question::new(PCPTSD5, Part::Gate);
    assert_eq!(state.screen, Screen::Asking(gate));
    let state = dispatch(
        state,
        Action::Choose {
            question: gate,
            value: 0,
        },
    );
    assert_eq!(state.answers.get(item(PCPTSD5, 0)), None);
    assert_eq!(
        state.progress(),
        Some(Progress {
            position: 1,
            total: 1 + 9 + 1
        })
    );
    let state = dispatch(state, Action::Next(gate));
    assert_eq!(state.screen, Screen::Asking(item(PHQ9, 0)));
}

#[test]
fn all_zero_phq9_skips_the_difficulty_question() {
    let state = answer_all(started(&[PHQ9], Mode::Full), &[0; 9]);
    assert_eq!(state.screen, Screen::Results);
}

#[test]
fn some_symptom_brings_the_difficulty_question_last() {
    let state = answer_all(started(&[PHQ9], Mode::Full), &[1, 0, 0, 0, 0, 0, 0, 0]);
    assert!(!state.is_last_question());
    let state = answer(state, 0);
    assert_eq!(
        state.screen,
        Screen::Asking(Question::new(PHQ9, Part::FollowUp))
    );
    assert!(state.is_last_question());
    let state = answer(state, 2);
    assert_eq!(state.screen, Screen::Results);
    let report = state.report(Cutoffs::default()).expect("complete");
    assert_eq!(report.results[0].difficulty, Some(2));
}

#[test]
fn adaptive_negative_phq2_moves_on_to_the_gad2() {
    let state = answer_all(started(&[PHQ9, GAD7], Mode::Adaptive), &[1, 1]);
    assert_eq!(state.screen, Screen::Asking(item(GAD7, 0)));
    assert_eq!(state.progress().map(|p| p.position), Some(3));
}

#[test]
fn adaptive_positive_phq2_expands_to_the_full_phq9() {
    let state = answer_all(started(&[PHQ9, GAD7], Mode::Adaptive), &[2, 1]);
    assert_eq!(state.screen, Screen::Asking(item(PHQ9, 2)));
    let total = state.progress().map(|p| p.total);
    // 9 items + difficulty + GAD-7 still counted at its upper bound.
    assert_eq!(total, Some(9 + 1 + 7));
}

#[test]
fn the_last_answer_leads_to_results_with_a_report() {
    let state = answer_all(started(&[GAD7], Mode::Full), &[2, 2, 2, 2, 2, 0, 0]);
    assert_eq!(state.screen, Screen::Results);
    let report = state.report(Cutoffs::default()).expect("complete");
    assert_eq!(report.results[0].total, 10);
    assert_eq!(report.level, Level::Recommended);
}

#[test]
fn back_from_results_returns_to_the_last_question() {
    let state = answer_all(started(&[GAD7], Mode::Full), &[0; 7]);
    let state = dispatch(state, Action::Back);
    assert_eq!(state.screen, Screen::Asking(item(GAD7, 6)));
}

#[test]
fn start_over_forgets_everything() {
    let state = answer_all(started(&[GAD7], Mode::Full), &[3, 3]);
    let state = dispatch(state, Action::StartOver);
    assert_eq!(state.screen, Screen::Intro);
    assert!(state.answers.is_empty());
    assert_eq!(state.to_saved(), None);
}

#[test]
fn saved_progress_resumes_at_the_same_question() {
    let state = answer_all(started(&[PHQ9, GAD7], Mode::Full), &[1, 2, 3, 0]);
    let saved = state.to_saved().expect("something to keep");
    let restored = Questionnaire::restore(&[PHQ9, GAD7], Mode::Full, None, &saved);
    assert_eq!(restored.screen, Screen::Asking(item(PHQ9, 4)));
    assert_eq!(restored.answers, state.answers);
    assert!(restored.resumed);
}

#[test]
fn saved_progress_on_the_crisis_panel_resumes_on_the_crisis_panel() {
    let state = answer_all(started(&[PHQ9], Mode::Full), &[0, 0, 0, 0, 0, 0, 0, 0, 2]);
    let restored = Questionnaire::restore(&[PHQ9], Mode::Full, None, &state.to_saved().unwrap());
    assert_eq!(restored.screen, Screen::Crisis(item(PHQ9, 8)));
}

#[test]
fn saved_progress_from_another_configuration_is_ignored() {
    let state = answer_all(started(&[PHQ9, GAD7], Mode::Full), &[1, 2]);
    let saved = state.to_saved().unwrap();
    let other_order = Questionnaire::restore(&[GAD7, PHQ9], Mode::Full, None, &saved);
    assert_eq!(other_order.screen, Screen::Intro);
    assert!(other_order.answers.is_empty());
    let other_mode = Questionnaire::restore(&[PHQ9, GAD7], Mode::Adaptive, None, &saved);
    assert!(other_mode.answers.is_empty());
}

#[test]
fn tampered_or_garbled_progress_starts_afresh() {
    for saved in [
        "",
        "{",
        "null",
        "{\"setup\":\"gad7|full\",\"answers\":{\"gad7\":[9]},\"at\":\"gad7.1\"}",
    ] {
        let state = Questionnaire::restore(&[GAD7], Mode::Full, None, saved);
        assert_eq!(state.screen, Screen::Intro, "{saved}");
        assert!(state.answers.is_empty(), "{saved}");
    }
}

#[test]
fn a_saved_question_beyond_the_answers_resumes_at_the_first_open_one() {
    let state = answer_all(started(&[GAD7], Mode::Full), &[1, 1]);
    let saved = state.to_saved().unwrap().replace("gad7.2", "gad7.6");
    let restored = Questionnaire::restore(&[GAD7], Mode::Full, None, &saved);
    assert_eq!(restored.screen, Screen::Asking(item(GAD7, 2)));
}

#[test]
fn saved_results_resume_on_results_only_when_complete() {
    let complete = answer_all(started(&[GAD7], Mode::Full), &[0; 7]);
    let saved = complete.to_saved().unwrap();
    assert_eq!(
        Questionnaire::restore(&[GAD7], Mode::Full, None, &saved).screen,
        Screen::Results
    );
    let partial = answer_all(started(&[GAD7], Mode::Full), &[0; 3])
        .to_saved()
        .unwrap();
    let forged = partial.replace("gad7.3", "results");
    assert_eq!(
        Questionnaire::restore(&[GAD7], Mode::Full, None, &forged).screen,
        Screen::Asking(item(GAD7, 3))
    );
}

#[test]
fn a_late_next_for_a_question_already_left_is_ignored() {
    let state = answer_all(started(&[GAD7], Mode::Full), &[1]);
    assert_eq!(state.screen, Screen::Asking(item(GAD7, 1)));
    let late = dispatch(state.clone(), Action::Next(item(GAD7, 0)));
    assert!(Rc::ptr_eq(&state, &late));
}

#[test]
fn saved_progress_keeps_the_stored_format_byte_for_byte() {
    // The format serde_json wrote before the wasm dropped it for size: progress saved by an
    // older build must still resume.
    let state = answer_all(started(&[PHQ9, GAD7], Mode::Full), &[1, 0]);
    let saved = state.to_saved().unwrap();
    assert_eq!(
        saved,
        r#"{"setup":"phq9,gad7|full","answers":{"phq9":{"i":[1,0]}},"at":"phq9.2"}"#
    );
    let with_extra_field = saved.replacen('{', r#"{"later":1,"#, 1);
    let restored = Questionnaire::restore(&[PHQ9, GAD7], Mode::Full, None, &with_extra_field);
    assert_eq!(restored.screen, Screen::Asking(item(PHQ9, 2)));
}

#[test]
fn reconfiguring_to_the_same_questionnaire_keeps_the_answers() {
    let state = answer_all(started(&[GAD7], Mode::Full), &[2]);
    let same = dispatch(
        state.clone(),
        Action::Reconfigure {
            instruments: Rc::from([GAD7].as_slice()),
            mode: Mode::Full,
            precheck: None,
        },
    );
    assert!(Rc::ptr_eq(&state, &same));
}

#[test]
fn reconfiguring_to_another_questionnaire_starts_afresh() {
    let state = answer_all(started(&[GAD7], Mode::Full), &[2]);
    let other = dispatch(
        state.clone(),
        Action::Reconfigure {
            instruments: Rc::from([PHQ9].as_slice()),
            mode: Mode::Full,
            precheck: None,
        },
    );
    assert_eq!(other.screen, Screen::Intro);
    assert!(other.answers.is_empty());
    assert_eq!(&*other.instruments, &[PHQ9]);
    let adaptive = dispatch(
        state,
        Action::Reconfigure {
            instruments: Rc::from([GAD7].as_slice()),
            mode: Mode::Adaptive,
            precheck: None,
        },
    );
    assert_eq!(adaptive.mode, Mode::Adaptive);
    assert!(adaptive.answers.is_empty());
}

const AUDITC: InstrumentId = InstrumentId::Auditc;
const SQDS: InstrumentId = InstrumentId::Sqds;
const KETAMINE: Precheck = Precheck::Ketamine;

fn count() -> Question {
    Question::new(SQDS, Part::Count)
}

#[test]
fn a_count_is_answered_by_what_is_typed_and_refused_out_of_range() {
    let state = started(&[SQDS], Mode::Full);
    assert_eq!(state.screen, Screen::Asking(count()));
    let typed = |state, text: &str| {
        dispatch(
            state,
            Action::TypeCount {
                question: count(),
                text: text.into(),
            },
        )
    };
    let state = typed(state, "12");
    assert_eq!(state.answers.count(count()), Some(12));
    // Out of range or not a whole number: unanswered, but the text stays in the field.
    for bad in ["1000", "1.5", "-1", "two", ""] {
        let state = typed(state.clone(), bad);
        assert_eq!(state.answers.count(count()), None, "{bad:?}");
        assert_eq!(state.count_text.as_deref(), Some(bad));
        let state = dispatch(state, Action::Next(count()));
        assert!(state.needs_answer, "{bad:?}");
        assert_eq!(state.screen, Screen::Asking(count()));
    }
    let state = dispatch(typed(state, " 0 "), Action::Next(count()));
    assert_eq!(state.screen, Screen::Results);
    assert_eq!(
        state.count_text, None,
        "the typed text belongs to its screen"
    );
    let report = state.report(Cutoffs::default()).expect("complete");
    assert_eq!(
        (report.results[0].count, report.results[0].positive),
        (Some(0), false)
    );
}

/// Answers every pre-check question with `values` (Choose then Next).
fn answer_precheck(mut state: Rc<Questionnaire>, values: &[u8]) -> Rc<Questionnaire> {
    for &value in values {
        let Screen::Precheck(_, index) = state.screen else {
            panic!("not on a pre-check question: {:?}", state.screen);
        };
        state = dispatch(state, Action::ChoosePrecheck { index, value });
        state = dispatch(state, Action::NextPrecheck(index));
    }
    state
}

fn with_precheck(instruments: &[InstrumentId]) -> Rc<Questionnaire> {
    dispatch(
        Rc::new(Questionnaire::new(instruments, Mode::Full).with_precheck(Some(KETAMINE))),
        Action::Start,
    )
}

#[test]
fn the_precheck_follows_the_questionnaires_and_counts_in_the_progress() {
    let state = answer_all(with_precheck(&[AUDITC]), &[0, 0, 0]);
    assert_eq!(state.screen, Screen::Precheck(KETAMINE, 0));
    assert_eq!(
        state.progress(),
        Some(Progress {
            position: 4,
            total: 3 + KETAMINE.question_count()
        })
    );
    // Next without an answer stays; a value that is none of the answers changes nothing.
    let stay = dispatch(state.clone(), Action::NextPrecheck(0));
    assert!(stay.needs_answer);
    let refused = dispatch(state.clone(), Action::ChoosePrecheck { index: 0, value: 7 });
    assert_eq!(refused.answers.precheck(KETAMINE, 0), None);
    let answers: Vec<u8> = (0..KETAMINE.question_count())
        .map(|i| if i == 7 { 3 } else { 0 })
        .collect();
    let done = answer_precheck(state, &answers);
    assert_eq!(done.screen, Screen::Results);
    // Back from the results goes to the last pre-check question, and from its first to the
    // last questionnaire question.
    let back = dispatch(done.clone(), Action::Back);
    assert_eq!(
        back.screen,
        Screen::Precheck(KETAMINE, (KETAMINE.question_count() - 1) as u8)
    );
    let mut state = back;
    for _ in 0..KETAMINE.question_count() {
        state = dispatch(state, Action::Back);
    }
    assert_eq!(state.screen, Screen::Asking(item(AUDITC, 2)));
}

#[test]
fn precheck_answers_never_change_the_scores_and_are_kept_for_a_reload() {
    let plain = answer_all(started(&[AUDITC], Mode::Full), &[4, 4, 4]);
    let mut with = answer_all(with_precheck(&[AUDITC]), &[4, 4, 4]);
    with = answer_precheck(with, &[1, 2, 1, 1, 1, 1, 1, 3, 1]);
    assert_eq!(with.screen, Screen::Results);
    assert_eq!(
        with.report(Cutoffs::default()),
        plain.report(Cutoffs::default())
    );
    let saved = with.to_saved().expect("something to keep");
    let restored = Questionnaire::restore(&[AUDITC], Mode::Full, Some(KETAMINE), &saved);
    assert_eq!(restored.screen, Screen::Results);
    assert_eq!(restored.answers.precheck(KETAMINE, 7), Some(3));
    // Saved without the pre-check, restored for a configuration with one: another questionnaire.
    let other = Questionnaire::restore(&[AUDITC], Mode::Full, None, &saved);
    assert!(other.answers.is_empty());
}

#[test]
fn a_reload_mid_precheck_returns_to_that_question_and_not_past_an_unanswered_one() {
    let state = answer_all(with_precheck(&[SQDS]), &[]);
    let state = dispatch(
        state,
        Action::TypeCount {
            question: count(),
            text: "2".into(),
        },
    );
    let state = answer_precheck(dispatch(state, Action::Next(count())), &[0, 0]);
    assert_eq!(state.screen, Screen::Precheck(KETAMINE, 2));
    let saved = state.to_saved().unwrap();
    let restored = Questionnaire::restore(&[SQDS], Mode::Full, Some(KETAMINE), &saved);
    assert_eq!(restored.screen, Screen::Precheck(KETAMINE, 2));
    let forged = saved.replace("precheck:2", "precheck:5");
    let restored = Questionnaire::restore(&[SQDS], Mode::Full, Some(KETAMINE), &forged);
    assert_eq!(
        restored.screen,
        Screen::Precheck(KETAMINE, 2),
        "the first open question"
    );
}

/// A file saved from a finished run, read back as the widget reads an opened file.
fn earlier_file(values: &[u8]) -> Rc<selfcheck_engine::fhir::Earlier> {
    let state = answer_all(started(&[PHQ9], Mode::Full), values);
    let report = state.report(Cutoffs::default()).expect("a finished run");
    let json = selfcheck_engine::fhir::bundle(&report, "2026-11-20T09:30:00+01:00", Lang::En)
        .expect("a bundle");
    Rc::new(selfcheck_engine::fhir::read(json.as_bytes()).expect("the file reads back"))
}

#[test]
fn an_opened_file_is_kept_on_every_screen_but_never_in_the_saved_progress() {
    let earlier = earlier_file(&[1, 1, 1, 1, 1, 1, 1, 1, 0, 0]);
    let on_intro = Rc::new(Questionnaire::new(&[PHQ9], Mode::Full));
    let opened = dispatch(on_intro, Action::OpenedEarlier(Ok(earlier.clone())));
    assert_eq!(opened.earlier, Some(Ok(earlier.clone())));
    // The visitor goes on answering: the file stays for the results.
    let finished = answer_all(dispatch(opened, Action::Start), &[0; 9]);
    assert_eq!(finished.screen, Screen::Results);
    assert_eq!(finished.earlier, Some(Ok(earlier.clone())));
    // sessionStorage gets the answers, never the file: a reload forgets it ("no history").
    let saved = finished.to_saved().expect("progress to keep");
    assert!(!saved.contains("2026-11-20"), "{saved}");
    let restored = Questionnaire::restore(&[PHQ9], Mode::Full, None, &saved);
    assert_eq!(restored.screen, Screen::Results);
    assert_eq!(restored.earlier, None);
    // A refusal replaces it, and Start over forgets whatever was opened.
    let refused = dispatch(finished, Action::OpenedEarlier(Err(ReadError::TooLarge)));
    assert_eq!(refused.earlier, Some(Err(ReadError::TooLarge)));
    assert_eq!(dispatch(refused, Action::StartOver).earlier, None);
}
