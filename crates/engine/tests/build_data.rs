//! The build script's data checks, run on broken copies of the real data files: a
//! malformed file must fail the build naming the file's field, not ship.

#[allow(dead_code)]
#[path = "../src/config/check.rs"]
mod check;
#[allow(dead_code)]
#[path = "../build/model.rs"]
mod model;
#[path = "../build/validate.rs"]
mod validate;

use serde_json::Value;

fn data(path: &str) -> Value {
    let text =
        std::fs::read_to_string(format!("{}/data/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The fields the checks complain about, or the serde error for a shape problem.
fn instrument_problems(id: &str, edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut value = data(&format!("instruments/{id}.json"));
    edit(&mut value);
    let file: model::InstrumentFile = match serde_json::from_value(value) {
        Ok(f) => f,
        Err(e) => return vec![format!("shape: {e}")],
    };
    let mut fields = Vec::new();
    file.check(id, &mut |field, _| fields.push(field.to_string()));
    fields
}

fn crisis_problems(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut value = data("crisis.json");
    edit(&mut value);
    let file: model::CrisisFile = match serde_json::from_value(value) {
        Ok(f) => f,
        Err(e) => return vec![format!("shape: {e}")],
    };
    let mut fields = Vec::new();
    file.check(&mut |field, _| fields.push(field.to_string()));
    fields
}

#[test]
fn the_shipped_data_passes_every_check() {
    for id in ["phq9", "gad7", "pcptsd5"] {
        assert_eq!(
            instrument_problems(id, |_| {}),
            Vec::<String>::new(),
            "{id}"
        );
    }
    assert_eq!(crisis_problems(|_| {}), Vec::<String>::new());
}

#[test]
fn bands_with_a_gap_or_a_short_end_are_refused() {
    assert_eq!(
        instrument_problems("phq9", |v| v["scoring"]["bands"][1]["min"] = 6.into()),
        ["scoring.bands[1]"]
    );
    assert_eq!(
        instrument_problems("gad7", |v| v["scoring"]["bands"][3]["max"] = 20.into()),
        ["scoring.bands"]
    );
}

#[test]
fn option_scores_out_of_order_are_refused() {
    let problems = instrument_problems("gad7", |v| {
        v["options"][1]["score"] = 3.into();
        v["options"][3]["score"] = 1.into();
    });
    assert_eq!(problems, ["options"]);
}

#[test]
fn a_maximum_that_does_not_match_the_items_is_refused() {
    assert_eq!(
        instrument_problems("phq9", |v| v["scoring"]["max"] = 26.into()),
        ["scoring.max", "scoring.bands"]
    );
    let dropped = instrument_problems("gad7", |v| {
        v["items"].as_array_mut().unwrap().pop();
    });
    assert_eq!(dropped, ["scoring.max"]);
}

#[test]
fn crisis_items_and_screeners_must_fit_the_instrument() {
    assert_eq!(
        instrument_problems("phq9", |v| v["scoring"]["crisis_item"] = 10.into()),
        ["scoring.crisis_item"]
    );
    assert_eq!(
        instrument_problems("phq9", |v| v["screener"]["items"] = 9.into()),
        ["screener.items"]
    );
    assert_eq!(
        instrument_problems("phq9", |v| v["scoring"]["consider_at"] = 10.into()),
        ["scoring.consider_at"]
    );
}

#[test]
fn a_file_named_for_another_instrument_is_refused() {
    assert_eq!(
        instrument_problems("gad7", |v| v["id"] = "phq9".into()),
        ["id"]
    );
}

#[test]
fn misspelt_keys_fail_on_shape() {
    let problems = instrument_problems("pcptsd5", |v| {
        let scoring = v["scoring"].as_object_mut().unwrap();
        let at = scoring.remove("positive_at").unwrap();
        scoring.insert("positve_at".into(), at);
    });
    assert!(
        problems[0].starts_with("shape: unknown field `positve_at`"),
        "{problems:?}"
    );
}

#[test]
fn crisis_numbers_must_be_dialable_and_resources_reachable() {
    assert_eq!(
        crisis_problems(|v| v["regions"][0]["resources"][0]["phone"] = "9 8 8".into()),
        ["regions[0].resources[0].phone"]
    );
    let unreachable = crisis_problems(|v| {
        let r = &mut v["regions"][1]["resources"][0];
        for key in ["phone", "phone_display", "sms", "sms_display", "url"] {
            r[key] = Value::Null;
        }
    });
    assert_eq!(unreachable, ["regions[1].resources[0]"]);
    assert_eq!(
        crisis_problems(|v| v["regions"][2]["code"] = "US".into()),
        ["regions[2].code"]
    );
    assert_eq!(
        crisis_problems(
            |v| v["regions"][0]["resources"][0]["url"] = "http://988lifeline.org".into()
        ),
        ["regions[0].resources[0].url"]
    );
}
