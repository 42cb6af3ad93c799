//! Saved results as FHIR (src/fhir.rs): what each QuestionnaireResponse says, checked against
//! the answers given and the codes written here from LOINC's own tables. The `fhir` suite of
//! `cargo xtask test` runs the same bundles through a FHIR R4 validator.

use selfcheck_engine::fhir::{self, is_date_time, CODE_SYSTEM, LOINC};
use selfcheck_engine::{score, Answers, Cutoffs, InstrumentId, Lang, Mode, Part, Question};
use serde_json::Value;

const AUTHORED: &str = "2026-11-29T14:05:09+01:00";

/// The answers `set` gives: (instrument, part, value), a count for `Part::Count`.
fn answers_of(set: &[(InstrumentId, Part, u16)]) -> Answers {
    let mut answers = Answers::new();
    for &(id, part, value) in set {
        let question = Question::new(id, part);
        match part {
            Part::Count => answers.set_count(question, value).unwrap(),
            _ => answers.set(question, value as u8).unwrap(),
        }
    }
    answers
}

fn bundle(instruments: &[InstrumentId], mode: Mode, set: &[(InstrumentId, Part, u16)]) -> Value {
    let answers = answers_of(set);
    let report = score(instruments, mode, Cutoffs::default(), &answers).unwrap();
    serde_json::from_str(&fhir::bundle(&report, AUTHORED, Lang::En).unwrap()).unwrap()
}

fn items(id: InstrumentId, values: &[u8]) -> Vec<(InstrumentId, Part, u16)> {
    values
        .iter()
        .enumerate()
        .map(|(i, &v)| (id, Part::Item(i as u8), u16::from(v)))
        .collect()
}

/// (linkId, the answer's system and code or the integer) for each item of the first response.
fn answered(bundle: &Value) -> Vec<(String, String)> {
    bundle["entry"][0]["resource"]["item"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            let answer = &item["answer"][0];
            let said = match (&answer["valueCoding"], &answer["valueInteger"]) {
                (Value::Object(coding), _) => format!(
                    "{}|{}",
                    coding["system"].as_str().unwrap(),
                    coding["code"].as_str().unwrap()
                ),
                (_, Value::Number(n)) => n.to_string(),
                _ => panic!("no answer: {item}"),
            };
            (item["linkId"].as_str().unwrap().to_string(), said)
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn a_phq9_carries_loinc_items_answers_difficulty_and_total() {
    let mut set = items(InstrumentId::Phq9, &[0, 1, 2, 3, 0, 1, 2, 3, 1]);
    set.push((InstrumentId::Phq9, Part::FollowUp, 2));
    let b = bundle(&[InstrumentId::Phq9], Mode::Full, &set);
    assert_eq!(b["resourceType"], "Bundle");
    assert_eq!(b["type"], "collection");
    let response = &b["entry"][0]["resource"];
    assert_eq!(response["resourceType"], "QuestionnaireResponse");
    assert_eq!(response["status"], "completed");
    assert_eq!(response["authored"], AUTHORED);
    assert_eq!(response["questionnaire"], "http://loinc.org/q/44249-1");
    // No one is named: no subject, author or source.
    for key in ["subject", "author", "source", "encounter"] {
        assert!(response.get(key).is_none(), "{key}");
    }
    let l = |code: &str| format!("{LOINC}|{code}");
    let expected: Vec<(String, String)> = [
        ("44250-9", l("LA6568-5")),
        ("44255-8", l("LA6569-3")),
        ("44259-0", l("LA6570-1")),
        ("44254-1", l("LA6571-9")),
        ("44251-7", l("LA6568-5")),
        ("44258-2", l("LA6569-3")),
        ("44252-5", l("LA6570-1")),
        ("44253-3", l("LA6571-9")),
        ("44260-8", l("LA6569-3")),
        ("69722-7", l("LA6575-0")),
        ("44261-6", "13".to_string()),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_string(), b))
    .collect();
    assert_eq!(answered(&b), expected);
}

#[test]
fn gad7_items_six_and_seven_keep_loincs_codes() {
    let b = bundle(
        &[InstrumentId::Gad7],
        Mode::Full,
        &items(InstrumentId::Gad7, &[0, 0, 0, 0, 0, 3, 1]),
    );
    let said = answered(&b);
    assert_eq!(said[5], ("69689-8".into(), format!("{LOINC}|LA6571-9")));
    assert_eq!(said[6], ("69736-7".into(), format!("{LOINC}|LA6569-3")));
    assert_eq!(said[7], ("70274-6".into(), "4".into()));
    assert_eq!(
        b["entry"][0]["resource"]["questionnaire"],
        "http://loinc.org/q/69737-5"
    );
}

#[test]
fn a_short_form_alone_keeps_its_item_codes_and_codes_its_total_as_ours() {
    let b = bundle(
        &[InstrumentId::Phq9],
        Mode::Adaptive,
        &items(InstrumentId::Phq9, &[1, 1]),
    );
    assert_eq!(
        answered(&b),
        pairs(&[
            ("44250-9", &format!("{LOINC}|LA6569-3")),
            ("44255-8", &format!("{LOINC}|LA6569-3")),
            ("phq9-screener-total", "2"),
        ])
    );
    let total = &b["entry"][0]["resource"]["item"][2]["text"];
    assert_eq!(total, "PHQ-2 total score");
}

#[test]
fn the_pc_ptsd_5_uses_our_code_system_and_ends_at_exposure_no() {
    let b = bundle(
        &[InstrumentId::Pcptsd5],
        Mode::Full,
        &[(InstrumentId::Pcptsd5, Part::Gate, 0)],
    );
    let ours = |code: &str| format!("{CODE_SYSTEM}|{code}");
    assert_eq!(
        answered(&b),
        vec![
            ("pcptsd5-gate".to_string(), ours("pcptsd5-gate-0")),
            ("pcptsd5-total".to_string(), "0".to_string()),
        ]
    );
    let mut set = vec![(InstrumentId::Pcptsd5, Part::Gate, 1)];
    set.extend(items(InstrumentId::Pcptsd5, &[1, 0, 1, 1, 0]));
    let b = bundle(&[InstrumentId::Pcptsd5], Mode::Full, &set);
    let said = answered(&b);
    assert_eq!(said[0].1, ours("pcptsd5-gate-1"));
    assert_eq!(said[2], ("pcptsd5-2".into(), ours("pcptsd5-2-0")));
    assert_eq!(said[6], ("pcptsd5-total".into(), "3".into()));
    assert_eq!(
        b["entry"][0]["resource"]["questionnaire"],
        format!("{}/Questionnaire/pcptsd5", fhir::BASE)
    );
}

#[test]
fn auditc_answers_carry_each_items_own_loinc_list_and_the_drug_question_its_number() {
    let mut set = items(InstrumentId::Auditc, &[4, 0, 2]);
    set.push((InstrumentId::Sqds, Part::Count, 300));
    let b = bundle(
        &[InstrumentId::Auditc, InstrumentId::Sqds],
        Mode::Full,
        &set,
    );
    let l = |code: &str| format!("{LOINC}|{code}");
    assert_eq!(
        answered(&b),
        vec![
            ("68518-0".to_string(), l("LA18929-2")),
            ("68519-8".to_string(), l("LA15694-5")),
            ("68520-6".to_string(), l("LA18876-5")),
            ("75626-2".to_string(), "6".to_string()),
        ]
    );
    let sqds = &b["entry"][1]["resource"];
    let said: Vec<&Value> = sqds["item"].as_array().unwrap().iter().collect();
    assert_eq!(said[0]["linkId"], "sqds-1");
    assert_eq!(said[0]["answer"][0]["valueInteger"], 300);
    // The total is the number capped at 255, as scored.
    assert_eq!(said[1]["linkId"], "sqds-total");
    assert_eq!(said[1]["answer"][0]["valueInteger"], 255);
}

#[test]
fn authored_must_be_a_date_time_to_the_second_with_its_zone() {
    for good in [
        "2026-11-29T14:05:09+01:00",
        "2026-01-01T00:00:00Z",
        "1999-12-31T23:59:59-05:30",
    ] {
        assert!(is_date_time(good), "{good}");
    }
    for bad in [
        "2026-11-29",
        "2026-11-29T14:05:09",
        "2026-11-29T14:05+01:00",
        "2026-13-29T14:05:09Z",
        "2026-11-29T24:05:09Z",
        "2026-11-29T14:05:09+0100",
        "2026-11-29 14:05:09Z",
        "2026-11-29T14:05:09.123Z",
        "",
    ] {
        assert!(!is_date_time(bad), "{bad}");
    }
    let report = score(&[InstrumentId::Gad7], Mode::Full, Cutoffs::default(), &{
        let mut a = Answers::new();
        for i in 0..7 {
            a.set(Question::new(InstrumentId::Gad7, Part::Item(i)), 0)
                .unwrap();
        }
        a
    })
    .unwrap();
    assert!(fhir::bundle(&report, "yesterday", Lang::En).is_err());
}

/// A visit with the PHQ-9 (with its difficulty), the PC-PTSD-5 and the drug question, saved.
fn saved_visit() -> (selfcheck_engine::Report, String) {
    let set = [
        items(InstrumentId::Phq9, &[1, 2, 0, 3, 1, 0, 0, 2, 0]),
        vec![
            (InstrumentId::Phq9, Part::FollowUp, 1),
            (InstrumentId::Pcptsd5, Part::Gate, 1),
        ],
        items(InstrumentId::Pcptsd5, &[1, 0, 1, 1, 0]),
        vec![(InstrumentId::Sqds, Part::Count, 4)],
    ]
    .concat();
    let answers = answers_of(&set);
    let ids = [
        InstrumentId::Phq9,
        InstrumentId::Pcptsd5,
        InstrumentId::Sqds,
    ];
    let report = score(&ids, Mode::Full, Cutoffs::default(), &answers).unwrap();
    let json = fhir::bundle(&report, AUTHORED, Lang::Es).unwrap();
    (report, json)
}

#[test]
fn a_saved_file_reads_back_as_the_totals_it_was_saved_with() {
    let (report, json) = saved_visit();
    let earlier = fhir::read(json.as_bytes()).unwrap();
    assert_eq!(earlier.authored, AUTHORED);
    let read: Vec<(InstrumentId, u8)> = earlier.results.iter().map(|r| (r.id, r.total)).collect();
    let scored: Vec<(InstrumentId, u8)> = report.results.iter().map(|r| (r.id, r.total)).collect();
    assert_eq!(read, scored);
    assert_eq!(
        read,
        [
            (InstrumentId::Phq9, 9),
            (InstrumentId::Pcptsd5, 3),
            (InstrumentId::Sqds, 4)
        ]
    );
    // A short form alone and an exposure No read back too.
    let b = bundle(
        &[InstrumentId::Gad7],
        Mode::Adaptive,
        &items(InstrumentId::Gad7, &[1, 0]),
    );
    let earlier = fhir::read(b.to_string().as_bytes()).unwrap();
    assert_eq!(
        earlier.results[0].screen,
        selfcheck_engine::Screen::ScreenerNegative
    );
    assert_eq!(earlier.results[0].total, 1);
    let b = bundle(
        &[InstrumentId::Pcptsd5],
        Mode::Full,
        &[(InstrumentId::Pcptsd5, Part::Gate, 0)],
    );
    assert_eq!(
        fhir::read(b.to_string().as_bytes()).unwrap().results[0].total,
        0
    );
}

/// Files that are not results saved here, each refused with a reason and never a panic.
#[test]
fn every_malformed_file_is_refused() {
    use fhir::ReadError;
    let (_, json) = saved_visit();
    let valid: Value = serde_json::from_str(&json).unwrap();
    let edit = |change: &dyn Fn(&mut Value)| {
        let mut copy = valid.clone();
        change(&mut copy);
        copy.to_string().into_bytes()
    };
    fn phq9(v: &mut Value) -> &mut Value {
        &mut v["entry"][0]["resource"]
    }
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("not UTF-8", vec![0xff, 0xfe, b'{']),
        ("null", b"null".to_vec()),
        ("a list", b"[]".to_vec()),
        ("cut short", json.as_bytes()[..json.len() / 2].to_vec()),
        ("nested too deep", "[".repeat(200).into_bytes()),
        ("a Patient", edit(&|v| v["resourceType"] = "Patient".into())),
        (
            "another bundle type",
            edit(&|v| v["type"] = "document".into()),
        ),
        ("an extra key", edit(&|v| v["id"] = "x".into())),
        (
            "no timestamp",
            edit(&|v| {
                v.as_object_mut().unwrap().remove("timestamp");
            }),
        ),
        (
            "a timestamp without a zone",
            edit(&|v| v["timestamp"] = "2026-11-29T14:05:09".into()),
        ),
        (
            "entry not a list",
            edit(&|v| v["entry"] = serde_json::json!({})),
        ),
        ("no entries", edit(&|v| v["entry"] = serde_json::json!([]))),
        (
            "six entries",
            edit(&|v| {
                let first = v["entry"][0].clone();
                v["entry"] = Value::Array(vec![first; 6]);
            }),
        ),
        (
            "an entry that is text",
            edit(&|v| v["entry"][1] = "x".into()),
        ),
        (
            "an entry with a fullUrl",
            edit(&|v| v["entry"][0]["fullUrl"] = "urn:uuid:1".into()),
        ),
        (
            "an entry without a resource",
            edit(&|v| v["entry"][0] = serde_json::json!({})),
        ),
        (
            "an Observation",
            edit(&|v| phq9(v)["resourceType"] = "Observation".into()),
        ),
        (
            "in progress",
            edit(&|v| phq9(v)["status"] = "in-progress".into()),
        ),
        (
            "another time",
            edit(&|v| phq9(v)["authored"] = "2026-11-28T14:05:09+01:00".into()),
        ),
        (
            "an unknown questionnaire",
            edit(&|v| phq9(v)["questionnaire"] = "http://loinc.org/q/55757-9".into()),
        ),
        (
            "one instrument twice",
            edit(&|v| {
                let first = v["entry"][0].clone();
                v["entry"][1] = first;
            }),
        ),
        (
            "items not a list",
            edit(&|v| phq9(v)["item"] = serde_json::json!({})),
        ),
        (
            "no items",
            edit(&|v| phq9(v)["item"] = serde_json::json!([])),
        ),
        (
            "an unknown question",
            edit(&|v| phq9(v)["item"][0]["linkId"] = "12345-5".into()),
        ),
        (
            "a question twice",
            edit(&|v| {
                let first = phq9(v)["item"][0].clone();
                phq9(v)["item"][1] = first;
            }),
        ),
        (
            "a question left out",
            edit(&|v| {
                phq9(v)["item"].as_array_mut().unwrap().remove(3);
            }),
        ),
        (
            "two answers",
            edit(&|v| {
                let a = phq9(v)["item"][0]["answer"][0].clone();
                phq9(v)["item"][0]["answer"] = Value::Array(vec![a.clone(), a]);
            }),
        ),
        (
            "no answer",
            edit(&|v| phq9(v)["item"][0]["answer"] = serde_json::json!([])),
        ),
        (
            "two values",
            edit(&|v| phq9(v)["item"][0]["answer"][0]["valueInteger"] = 1.into()),
        ),
        (
            "an unknown answer code",
            edit(&|v| phq9(v)["item"][0]["answer"][0]["valueCoding"]["code"] = "LA6572-7".into()),
        ),
        (
            "a LOINC code under our system",
            edit(&|v| {
                phq9(v)["item"][0]["answer"][0]["valueCoding"]["system"] = CODE_SYSTEM.into()
            }),
        ),
        (
            "a number for a choice",
            edit(&|v| phq9(v)["item"][0]["answer"][0] = serde_json::json!({"valueInteger": 1})),
        ),
        (
            "display not text",
            edit(&|v| phq9(v)["item"][0]["answer"][0]["valueCoding"]["display"] = 3.into()),
        ),
        (
            "an extra key in an item",
            edit(&|v| phq9(v)["item"][0]["definition"] = "x".into()),
        ),
        (
            "a total that is not the sum",
            edit(&|v| phq9(v)["item"][10]["answer"][0]["valueInteger"] = 8.into()),
        ),
        (
            "the total under another code",
            edit(&|v| phq9(v)["item"][10]["linkId"] = "70274-6".into()),
        ),
        (
            "a negative total",
            edit(&|v| phq9(v)["item"][10]["answer"][0]["valueInteger"] = (-9).into()),
        ),
        (
            "a total as text",
            edit(&|v| phq9(v)["item"][10]["answer"][0]["valueInteger"] = "9".into()),
        ),
        (
            "a fractional total",
            edit(&|v| phq9(v)["item"][10]["answer"][0]["valueInteger"] = 9.5.into()),
        ),
        (
            "a count above 999",
            edit(&|v| {
                v["entry"][2]["resource"]["item"][0]["answer"][0]["valueInteger"] = 1000.into();
                v["entry"][2]["resource"]["item"][1]["answer"][0]["valueInteger"] = 255.into();
            }),
        ),
        ("too large", {
            let mut big = json.clone().into_bytes();
            big.extend(std::iter::repeat_n(b' ', fhir::MAX_FILE_BYTES));
            big
        }),
    ];
    assert!(cases.len() >= 30);
    for (name, bytes) in &cases {
        match fhir::read(bytes) {
            Ok(earlier) => panic!("{name}: read as {earlier:?}"),
            Err(error) => assert!(!error.to_string().is_empty(), "{name}"),
        }
    }
    let reason = |name: &str| {
        let (_, bytes) = cases.iter().find(|(n, _)| *n == name).unwrap();
        fhir::read(bytes).unwrap_err()
    };
    assert_eq!(reason("too large"), ReadError::TooLarge);
    assert!(matches!(reason("cut short"), ReadError::NotJson(_)));
    assert!(
        matches!(reason("a total that is not the sum"), ReadError::NotOurs(why) if why.contains("entry[0].resource.item[10]"))
    );
    // The console gets the field, never a value from the file: the visitor's answers stay out
    // of whatever a page's error tools collect.
    assert_eq!(
        reason("a total that is not the sum").for_console(),
        "the file is not results saved here (at entry[0].resource.item[10])"
    );
    for (name, bytes) in &cases {
        let error = fhir::read(bytes).unwrap_err();
        let console = error.for_console();
        let detail = error.to_string();
        // Every backquoted value and every number in the full reason stays out of the console,
        // except the size limit and the indices of the place.
        for value in detail.split('`').skip(1).step_by(2) {
            assert!(
                !console.contains(&format!("`{value}`")),
                "{name}: {console}"
            );
        }
        assert!(
            console.starts_with("the file is not results saved here (at ")
                || [
                    "the file is not JSON",
                    "the file is larger than 65536 bytes"
                ]
                .contains(&console.as_str()),
            "{name}: {console}"
        );
    }
}
