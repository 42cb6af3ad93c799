//! The shared table of contract cases (tests/contract/cases.json), run through the engine's own
//! reading of attributes. The snippet builder's end-to-end test runs the same table, so the
//! builder and the widget cannot drift apart on what they accept.

use selfcheck_engine::{Config, ATTRIBUTES, CONFIG_ATTRIBUTE};
use serde_json::Value;

const CASES: &str = include_str!("../../../tests/contract/cases.json");

struct Case {
    attribute: String,
    value: String,
    with: Vec<(String, String)>,
    valid: bool,
    field: Option<String>,
    message: Option<String>,
}

fn text(case: &Value, key: &str) -> Option<String> {
    case.get(key).map(|value| {
        value
            .as_str()
            .unwrap_or_else(|| panic!("`{key}` of {case} is not a string"))
            .to_string()
    })
}

fn cases() -> Vec<Case> {
    let table: Value = serde_json::from_str(CASES).expect("cases.json is JSON");
    let cases = table["cases"].as_array().expect("cases.json has `cases`");
    cases
        .iter()
        .map(|case| Case {
            attribute: text(case, "attribute").expect("every case names its attribute"),
            value: text(case, "value").expect("every case has a value"),
            with: case
                .get("with")
                .and_then(Value::as_object)
                .map(|with| {
                    with.iter()
                        .map(|(name, value)| {
                            let value = value.as_str().expect("`with` values are strings");
                            (name.clone(), value.to_string())
                        })
                        .collect()
                })
                .unwrap_or_default(),
            valid: case["valid"].as_bool().expect("every case says `valid`"),
            field: text(case, "field"),
            message: text(case, "message"),
        })
        .collect()
}

/// What is wrong with the engine's verdict on `case`, if anything.
fn disagreement(case: &Case) -> Option<String> {
    let mut pairs: Vec<(&str, &str)> = case
        .with
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    pairs.push((&case.attribute, &case.value));
    match (Config::parse(None, &pairs), case.valid) {
        (Ok(_), true) => None,
        (Ok(_), false) => Some("accepted, but the table expects it refused".into()),
        (Err(problems), true) => Some(format!(
            "refused, but the table expects it accepted: {problems:?}"
        )),
        (Err(problems), false) => {
            let field = case.field.as_deref().unwrap_or(&case.attribute);
            let message = case.message.as_deref().unwrap_or("");
            if problems.iter().any(|problem| problem.field != field) {
                Some(format!(
                    "a problem with another field than `{field}`: {problems:?}"
                ))
            } else if !problems
                .iter()
                .any(|problem| problem.message.contains(message))
            {
                Some(format!("no message contains {message:?}: {problems:?}"))
            } else {
                None
            }
        }
    }
}

#[test]
fn the_engine_gives_every_case_its_expected_verdict_field_and_message() {
    let cases = cases();
    assert!(!cases.is_empty());
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            disagreement(case).map(|why| format!("{}={:?}: {why}", case.attribute, case.value))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases disagree:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn every_refusal_names_its_message_and_every_attribute_has_both_verdicts() {
    let cases = cases();
    for case in cases.iter().filter(|case| !case.valid) {
        assert!(
            case.message.as_deref().is_some_and(|m| !m.is_empty()),
            "{}={:?} says no message",
            case.attribute,
            case.value
        );
    }
    for attribute in ATTRIBUTES {
        for verdict in [true, false] {
            assert!(
                cases
                    .iter()
                    .any(|case| case.attribute == *attribute && case.valid == verdict),
                "no {} case for `{attribute}`",
                if verdict { "valid" } else { "invalid" }
            );
        }
    }
    assert!(cases.iter().any(|case| case.attribute == CONFIG_ATTRIBUTE));
}

/// The facts list values for the builder's menus: each must be one the engine takes, alone.
#[test]
fn every_value_the_facts_list_is_accepted() {
    let facts: Value = serde_json::from_str(&selfcheck_engine::facts()).expect("facts are JSON");
    let mut checked = 0;
    for attribute in facts["attributes"]
        .as_array()
        .expect("facts list attributes")
    {
        let name = attribute["attribute"].as_str().expect("a name");
        for value in attribute["values"].as_array().into_iter().flatten() {
            let value = value.as_str().expect("values are strings");
            assert!(
                Config::parse(None, &[(name, value)]).is_ok(),
                "{name}={value:?} is listed but refused"
            );
            checked += 1;
        }
    }
    assert!(checked >= ATTRIBUTES.len());
}
