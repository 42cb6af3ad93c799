//! The build script's data checks, run on broken copies of the real data files: a
//! malformed file must fail the build naming the file's field, not ship.

#[allow(dead_code)]
#[path = "../src/config/check.rs"]
mod check;
#[allow(dead_code)]
#[path = "../build/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "../build/packs.rs"]
mod packs;
#[allow(dead_code)]
#[path = "../src/pseudo.rs"]
mod pseudo;
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
        v["options"][1] = 3.into();
        v["options"][3] = 1.into();
    });
    assert_eq!(problems, ["options"]);
}

#[test]
fn a_maximum_that_does_not_match_the_items_is_refused() {
    assert_eq!(
        instrument_problems("phq9", |v| v["scoring"]["max"] = 26.into()),
        ["scoring.max", "scoring.bands"]
    );
    let dropped = instrument_problems("gad7", |v| v["items"] = 6.into());
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

fn structures() -> Vec<model::InstrumentFile> {
    ["phq9", "gad7", "pcptsd5"]
        .map(|id| serde_json::from_value(data(&format!("instruments/{id}.json"))).unwrap())
        .into()
}

/// The problems with a pack, edited from the shipped one, as `field: message` lines.
fn pack_problems(code: &str, edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut value = data(&format!("lang/{code}.json"));
    edit(&mut value);
    let files = structures();
    let structures: Vec<&model::InstrumentFile> = files.iter().collect();
    let mut problems = Vec::new();
    packs::read_one(code, &value, &structures, &mut |field, message| {
        problems.push(format!("{field}: {message}"))
    });
    problems
}

#[test]
fn the_shipped_packs_pass_every_check() {
    let crisis: model::CrisisFile = serde_json::from_value(data("crisis.json")).unwrap();
    let files = structures();
    let structures: Vec<&model::InstrumentFile> = files.iter().collect();
    let mut errors = Vec::new();
    let root = std::env::current_dir().unwrap();
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).unwrap();
    let read = packs::Packs::read(&structures, &crisis, &mut errors);
    std::env::set_current_dir(root).unwrap();
    assert_eq!(errors, Vec::<String>::new());
    assert_eq!(read.list[0].code, "en", "English comes first");
    assert!(read.list.len() >= 2);
}

#[test]
fn a_pack_missing_an_item_or_with_an_extra_one_is_refused() {
    let missing = pack_problems("es", |v| {
        v["phq9"]["items"].as_array_mut().unwrap().pop();
    });
    assert_eq!(missing, ["phq9.items.8: is missing"]);
    let extra = pack_problems("en", |v| {
        v["gad7"]["items"]
            .as_array_mut()
            .unwrap()
            .push("Extra".into());
    });
    assert_eq!(extra, ["gad7.items.7: is not a text of this instrument"]);
}

#[test]
fn instrument_wording_must_be_cited_and_checked() {
    let uncited = pack_problems("en", |v| v["gad7"]["sources"] = Value::Array(vec![]));
    assert_eq!(uncited.len(), 1);
    assert!(uncited[0].starts_with("gad7.sources: "), "{uncited:?}");
    let unchecked = pack_problems("es", |v| {
        v["phq9"].as_object_mut().unwrap().remove("verified");
    });
    assert_eq!(unchecked.len(), 1);
    assert!(unchecked[0].starts_with("phq9.verified: "), "{unchecked:?}");
}

#[test]
fn an_instrument_left_in_english_must_say_why() {
    let silent = pack_problems("es", |v| {
        v["not_translated"]
            .as_object_mut()
            .unwrap()
            .remove("pcptsd5");
    });
    assert_eq!(
        silent,
        ["not_translated: must give the reason `pcptsd5` is not translated"]
    );
    let english_gap = pack_problems("en", |v| {
        v.as_object_mut().unwrap().remove("gad7");
    });
    assert_eq!(english_gap, ["gad7: English must word every instrument"]);
}

#[test]
fn a_pack_for_another_language_or_an_unknown_section_is_refused() {
    assert_eq!(
        pack_problems("es", |v| v["lang"] = "en".into()),
        ["lang: must be `es`, the file's name"]
    );
    assert_eq!(
        pack_problems("es", |v| v["phq10"] = serde_json::json!({})),
        ["phq10: is neither `ui`, `loader`, `crisis` nor an instrument id"]
    );
    assert_eq!(
        pack_problems("es", |v| v["dir"] = "up".into()),
        ["dir: must be \"ltr\" or \"rtl\""]
    );
}

#[test]
fn only_a_title_or_credit_may_stay_in_english_and_only_with_a_reason() {
    // Portuguese leaves the PHQ-9's title and credit in English; its questions may not.
    assert_eq!(pack_problems("pt-BR", |_| {}), Vec::<String>::new());
    let questions = pack_problems("pt-BR", |v| {
        v["phq9"]["in_english"]["items"] = "not found".into();
    });
    assert_eq!(questions.len(), 1, "{questions:?}");
    assert!(
        questions[0].starts_with("phq9.in_english.items: only"),
        "{questions:?}"
    );
    let silent = pack_problems("pt-BR", |v| v["phq9"]["in_english"]["credit"] = " ".into());
    assert_eq!(
        silent,
        [
            "phq9.in_english.credit: must give the reason",
            "phq9.credit: is missing"
        ]
    );
    let both = pack_problems("pt-BR", |v| v["gad7"]["credit"] = "Desenvolvido por".into());
    assert_eq!(
        both,
        ["gad7.in_english.credit: is listed, but the pack words it"]
    );
    let dropped = pack_problems("pt-BR", |v| {
        v["phq9"]["in_english"]
            .as_object_mut()
            .unwrap()
            .remove("credit");
    });
    assert_eq!(dropped, ["phq9.credit: is missing"]);
}
