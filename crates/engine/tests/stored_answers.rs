//! Answers as the widget keeps them in `sessionStorage`: the drug question's count and the
//! pre-check's answers travel in the same JSON as the rest, and come back only if every value is
//! one the question takes (a visitor can edit the stored text).

use selfcheck_engine::{json, Answers, InstrumentId::*, Part, Precheck, Question};

fn read(text: &str) -> Result<Answers, String> {
    Answers::from_json(&json::parse(text).unwrap_or_else(|e| panic!("{text}: {e}")))
}

fn count_question() -> Question {
    Question::new(Sqds, Part::Count)
}

#[test]
fn a_count_and_pre_check_answers_round_trip_beside_the_scores() {
    let mut a = Answers::new();
    a.set(Question::new(Auditc, Part::Item(0)), 4).unwrap();
    a.set(Question::new(Auditc, Part::Item(2)), 1).unwrap();
    a.set_count(count_question(), 12).unwrap();
    let ketamine = Precheck::Ketamine;
    a.set_precheck(ketamine, 0, 1).unwrap();
    a.set_precheck(ketamine, 1, 0).unwrap();
    a.set_precheck(ketamine, 3, 2).unwrap();
    a.set_precheck(ketamine, 7, 3).unwrap();
    let text = a.to_json().to_json();
    assert_eq!(
        text,
        r#"{"auditc":{"i":[4,null,1]},"sqds":{"n":12},"ketamine":{"i":[1,0,null,2,null,null,null,3]}}"#
    );
    let back = read(&text).unwrap();
    assert_eq!(back, a);
    assert_eq!(back.count(count_question()), Some(12));
    assert_eq!(back.precheck(ketamine, 7), Some(3));
    assert_eq!(back.precheck(ketamine, 2), None);
}

#[test]
fn every_count_the_question_takes_round_trips_whole() {
    for n in [0u16, 1, 254, 255, 256, 998, 999] {
        let text = format!(r#"{{"sqds":{{"n":{n}}}}}"#);
        let answers = read(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(answers.count(count_question()), Some(n));
        assert_eq!(answers.to_json().to_json(), text);
    }
}

#[test]
fn every_pre_check_answer_value_round_trips_on_every_question() {
    let ketamine = Precheck::Ketamine;
    for (i, question) in ketamine.table().questions.iter().enumerate() {
        for option in question.options {
            let mut a = Answers::new();
            a.set_precheck(ketamine, i as u8, option.score).unwrap();
            assert!(!a.is_empty());
            let back = read(&a.to_json().to_json()).unwrap();
            assert_eq!(back, a, "question {} answer {}", i + 1, option.score);
        }
    }
}

#[test]
fn only_pre_check_answers_leave_the_answers_non_empty_until_dropped() {
    let mut a = read(r#"{"ketamine":{"i":[0]}}"#).unwrap();
    assert!(!a.is_empty());
    a.keep_precheck(Some(Precheck::Ketamine));
    assert!(!a.is_empty(), "the pre-check in use keeps its answers");
    a.keep_precheck(None);
    assert!(a.is_empty());
    assert_eq!(a.to_json().to_json(), "{}");
}

#[test]
fn malformed_stored_counts_and_pre_check_answers_are_refused() {
    for (bad, says) in [
        (r#"{"sqds":{"n":1000}}"#, "allowed a whole number 0-999"),
        (r#"{"sqds":{"n":65536}}"#, "expected a whole number"),
        (r#"{"sqds":{"n":-1}}"#, "expected a whole number"),
        (r#"{"sqds":{"n":1.5}}"#, "expected a whole number"),
        (r#"{"sqds":{"n":1.0}}"#, "expected a whole number"),
        (r#"{"sqds":{"n":"3"}}"#, "expected a whole number"),
        (r#"{"sqds":{"n":null}}"#, "expected a whole number"),
        (r#"{"sqds":{"i":[0]}}"#, "sqds: there is no item 1"),
        (r#"{"sqds":{"x":1}}"#, "unknown field `x`"),
        (r#"{"phq9":{"n":0}}"#, "there is no count"),
        (r#"{"auditc":{"n":4}}"#, "there is no count"),
        (r#"{"auditc":{"i":[5]}}"#, "allowed 0-4"),
        (r#"{"auditc":{"i":[0,0,0,0]}}"#, "there is no item 4"),
        (r#"{"ketamine":{"i":[3]}}"#, "question 1 is 3"),
        (r#"{"ketamine":{"i":[0,0,0,0,0,0,0,4]}}"#, "question 8 is 4"),
        (
            r#"{"ketamine":{"i":[0,0,0,0,0,0,0,0,3]}}"#,
            "question 9 is 3",
        ),
        (
            r#"{"ketamine":{"i":[0,0,0,0,0,0,0,0,0,0]}}"#,
            "no question 10",
        ),
        (r#"{"ketamine":{"i":[-1]}}"#, "expected an answer value"),
        (r#"{"ketamine":{"i":[1.0]}}"#, "expected an answer value"),
        (r#"{"ketamine":{"i":["1"]}}"#, "expected an answer value"),
        (r#"{"ketamine":{"i":1}}"#, "expected only a list `i`"),
        (r#"{"ketamine":{"i":{}}}"#, "expected only a list `i`"),
        (r#"{"ketamine":{"x":[1]}}"#, "expected only a list `i`"),
        (r#"{"ketamine":[1]}"#, "expected an object"),
        (
            r#"{"esketamine":{"i":[1]}}"#,
            "unknown instrument `esketamine`",
        ),
    ] {
        match read(bad) {
            Ok(answers) => panic!("{bad} was accepted: {answers:?}"),
            Err(why) => assert!(why.contains(says), "{bad}: {why:?} does not say {says:?}"),
        }
    }
}
