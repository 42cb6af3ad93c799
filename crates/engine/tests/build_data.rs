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

/// Every instrument file, in `InstrumentId` order.
const INSTRUMENTS: [&str; 5] = ["phq9", "gad7", "pcptsd5", "auditc", "sqds"];

fn precheck_problems(id: &str, edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut value = data(&format!("precheck/{id}.json"));
    edit(&mut value);
    let file: model::PrecheckFile = match serde_json::from_value(value) {
        Ok(f) => f,
        Err(e) => return vec![format!("shape: {e}")],
    };
    let mut fields = Vec::new();
    file.check(id, &mut |field, _| fields.push(field.to_string()));
    fields
}

#[test]
fn the_shipped_data_passes_every_check() {
    for id in INSTRUMENTS {
        assert_eq!(
            instrument_problems(id, |_| {}),
            Vec::<String>::new(),
            "{id}"
        );
    }
    assert_eq!(crisis_problems(|_| {}), Vec::<String>::new());
    assert_eq!(precheck_problems("ketamine", |_| {}), Vec::<String>::new());
}

#[test]
fn a_pre_check_question_must_cite_its_passage_and_raise_topics_on_its_own_answers() {
    assert_eq!(
        precheck_problems("ketamine", |v| v["questions"][2]["source"] = " ".into()),
        ["questions[2].source"]
    );
    // Yes/No/Not sure questions take 1, 0, 2; the count of antidepressants 0-3.
    assert_eq!(
        precheck_problems("ketamine", |v| v["questions"][0]["topic_when"] =
            serde_json::json!([1, 3])),
        ["questions[0].topic_when"]
    );
    assert_eq!(
        precheck_problems("ketamine", |v| v["questions"][7]["topic_when"] =
            serde_json::json!([4])),
        ["questions[7].topic_when"]
    );
    assert_eq!(
        precheck_problems("ketamine", |v| v["questions"][4]["topic_when"] =
            serde_json::json!([])),
        ["questions[4].topic_when"]
    );
    assert_eq!(
        precheck_problems("ketamine", |v| v["questions"][1]["answers"] =
            "yes_no".into()),
        ["questions[1].answers"]
    );
    assert_eq!(
        precheck_problems("ketamine", |v| v["questions"][5]["key"] = "allergy".into()),
        ["questions[5].key"]
    );
    assert_eq!(
        precheck_problems("ketamine", |v| v["questions"][5]["key"] = "Misuse".into()),
        ["questions[5].key"]
    );
    assert_eq!(
        precheck_problems("ketamine", |v| v["sources"] = Value::Array(vec![])),
        ["sources"]
    );
    assert_eq!(
        precheck_problems("ketamine", |v| v["id"] = "esketamine".into()),
        ["id"]
    );
    let misspelt = precheck_problems("ketamine", |v| {
        let q = v["questions"][0].as_object_mut().unwrap();
        let when = q.remove("topic_when").unwrap();
        q.insert("topics_when".into(), when);
    });
    assert!(
        misspelt[0].starts_with("shape: unknown field `topics_when`"),
        "{misspelt:?}"
    );
}

#[test]
fn a_count_instrument_has_no_options_and_one_question() {
    assert_eq!(
        instrument_problems("sqds", |v| v["options"] = serde_json::json!([0, 1])),
        ["count_max"]
    );
    assert_eq!(
        instrument_problems("sqds", |v| v["items"] = 2.into()),
        ["count_max"]
    );
    assert_eq!(
        instrument_problems("sqds", |v| v["count_max"] = 0.into()),
        ["count_max"]
    );
    // The total is the count capped at 255, so the maximum must say so.
    assert_eq!(
        instrument_problems("sqds", |v| v["scoring"]["max"] = 999.into()),
        ["shape: invalid value: integer `999`, expected u8"]
    );
    assert_eq!(
        instrument_problems("sqds", |v| v["scoring"]["max"] = 254.into()),
        ["count_max"]
    );
}

#[test]
fn the_auditc_cut_off_choices_and_partial_band_are_checked() {
    assert_eq!(
        instrument_problems("auditc", |v| v["scoring"]["cutoff_choice"]["choices"] =
            serde_json::json!([3, 5])),
        ["scoring.cutoff_choice.choices"]
    );
    assert_eq!(
        instrument_problems("auditc", |v| v["scoring"]["cutoff_choice"]["choices"] =
            serde_json::json!([5, 4, 3])),
        ["scoring.cutoff_choice.choices"]
    );
    assert_eq!(
        instrument_problems("auditc", |v| v["scoring"]["cutoff_choice"]["choices"] =
            serde_json::json!([4, 13])),
        ["scoring.cutoff_choice.choices"]
    );
    assert_eq!(
        instrument_problems("auditc", |v| v["scoring"]["cutoff_choice"]["attribute"] =
            "auditcCutoff".into()),
        ["scoring.cutoff_choice.attribute"]
    );
    // A partial band may start above 0, but not run past the maximum.
    assert_eq!(
        instrument_problems("auditc", |v| v["scoring"]["bands"][0]["max"] = 13.into()),
        ["scoring.bands[0]"]
    );
    // Without `bands_partial`, 8-12 alone leaves 0-7 without a band.
    let unmarked = instrument_problems("auditc", |v| {
        v["scoring"]
            .as_object_mut()
            .unwrap()
            .remove("bands_partial");
    });
    assert_eq!(unmarked, ["scoring.bands[0]"]);
    assert_eq!(
        instrument_problems("auditc", |v| v["item_note"]["items"] =
            serde_json::json!([2, 4])),
        ["item_note.items"]
    );
    assert_eq!(
        instrument_problems("auditc", |v| v["scoring"]["max"] = 15.into()),
        ["scoring.max"]
    );
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
        // The last band (20-27) now runs past the maximum, and the bands end past it.
        ["scoring.max", "scoring.bands[4]", "scoring.bands"]
    );
    // One item fewer: the maximum and the LOINC codes (one per item) no longer fit.
    let dropped = instrument_problems("gad7", |v| v["items"] = 6.into());
    assert_eq!(dropped, ["loinc.items", "scoring.max"]);
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
    INSTRUMENTS
        .map(|id| serde_json::from_value(data(&format!("instruments/{id}.json"))).unwrap())
        .into()
}

fn precheck_structures() -> Vec<model::PrecheckFile> {
    vec![serde_json::from_value(data("precheck/ketamine.json")).unwrap()]
}

/// `Packs::read` reads `data/lang` from the working directory, which is the whole process's:
/// the tests that move it take turns.
static WORKING_DIRECTORY: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// The errors of reading every pack, after `edit` changes copies of them (code, pack).
fn packs_errors(edit: impl FnOnce(&mut Vec<(String, Value)>)) -> Vec<String> {
    let mut packs: Vec<(String, Value)> = ["en", "es", "pt-BR"]
        .map(|code| (code.to_string(), data(&format!("lang/{code}.json"))))
        .into();
    edit(&mut packs);
    let dir = std::env::temp_dir().join(format!(
        "selfcheck-build-data-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::create_dir_all(dir.join("data/lang")).unwrap();
    for (code, pack) in &packs {
        let text = serde_json::to_string_pretty(pack).unwrap();
        std::fs::write(dir.join(format!("data/lang/{code}.json")), text).unwrap();
    }
    let crisis: model::CrisisFile = serde_json::from_value(data("crisis.json")).unwrap();
    let files = structures();
    let structures: Vec<&model::InstrumentFile> = files.iter().collect();
    let prechecks = precheck_structures();
    let prechecks: Vec<&model::PrecheckFile> = prechecks.iter().collect();
    let mut errors = Vec::new();
    {
        let _turn = WORKING_DIRECTORY.lock().unwrap_or_else(|e| e.into_inner());
        let root = std::env::current_dir().unwrap();
        std::env::set_current_dir(&dir).unwrap();
        packs::Packs::read(&structures, &prechecks, &crisis, &in_default(), &mut errors);
        std::env::set_current_dir(root).unwrap();
    }
    std::fs::remove_dir_all(&dir).unwrap();
    errors
}

fn pack_mut<'a>(packs: &'a mut [(String, Value)], code: &str) -> &'a mut Value {
    &mut packs.iter_mut().find(|(c, _)| c == code).unwrap().1
}

#[test]
fn every_pack_words_every_pre_check_question_and_band() {
    assert_eq!(packs_errors(|_| {}), Vec::<String>::new());
    let untranslated_topic = packs_errors(|packs| {
        pack_mut(packs, "es")["precheck"]["ketamine"]["questions"][3]
            .as_object_mut()
            .unwrap()
            .remove("topic");
    });
    assert_eq!(
        untranslated_topic,
        ["data/lang/es.json: precheck.ketamine.questions.3.topic: is missing (English has it)"]
    );
    let unworded_question = packs_errors(|packs| {
        let questions = pack_mut(packs, "en")["precheck"]["ketamine"]["questions"]
            .as_array_mut()
            .unwrap();
        questions.pop();
    });
    assert!(
        unworded_question.contains(
            &"data/lang/en.json: precheck.ketamine.questions.8.text: is missing".to_string()
        ),
        "{unworded_question:?}"
    );
    let answer_unworded = packs_errors(|packs| {
        pack_mut(packs, "pt-BR")["precheck"]["answers"]["count"]
            .as_object_mut()
            .unwrap()
            .remove("3");
    });
    assert_eq!(
        answer_unworded,
        ["data/lang/pt-BR.json: precheck.answers.count.3: is missing (English has it)"]
    );
    let band_unnamed = packs_errors(|packs| {
        pack_mut(packs, "en")["bands"]["auditc"]
            .as_object_mut()
            .unwrap()
            .remove("high");
    });
    assert!(
        band_unnamed.contains(&"data/lang/en.json: bands.auditc.high: is missing".to_string()),
        "{band_unnamed:?}"
    );
    let stray_band = packs_errors(|packs| {
        pack_mut(packs, "en")["bands"]["auditc"]["low"] = "Low".into();
    });
    assert!(
        stray_band
            .iter()
            .any(|e| e.starts_with("data/lang/en.json: bands.auditc.low: ")),
        "{stray_band:?}"
    );
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
    let prechecks = precheck_structures();
    let prechecks: Vec<&model::PrecheckFile> = prechecks.iter().collect();
    let mut errors = Vec::new();
    let read = {
        let _turn = WORKING_DIRECTORY.lock().unwrap_or_else(|e| e.into_inner());
        let root = std::env::current_dir().unwrap();
        std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).unwrap();
        let read = packs::Packs::read(&structures, &prechecks, &crisis, &in_default(), &mut errors);
        std::env::set_current_dir(root).unwrap();
        read
    };
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
        ["phq10: is neither one of [\"ui\", \"loader\", \"crisis\", \"bands\", \"precheck\"] nor an instrument id"]
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

/// The default configuration's instruments, as the build script lists them.
fn in_default() -> Vec<&'static str> {
    selfcheck_engine::InstrumentId::DEFAULT
        .iter()
        .map(|id| id.as_str())
        .collect()
}

/// The build refuses LOINC codes with a check digit that does not fit (term or answer), a code
/// listed twice, a count that does not match the items or options, and a source that does not
/// cite loinc.org.
#[test]
fn loinc_codes_are_refused_unless_well_formed_and_complete() {
    assert_eq!(instrument_problems("phq9", |_| {}), Vec::<String>::new());
    assert_eq!(
        instrument_problems("phq9", |v| v["loinc"]["items"][0] = "44250-8".into()),
        ["loinc"]
    );
    assert_eq!(
        instrument_problems("gad7", |v| v["loinc"]["answers"][2][0] = "LA6568-0".into()),
        ["loinc"]
    );
    assert_eq!(
        instrument_problems("gad7", |v| v["loinc"]["items"][6] = "69725-0".into()),
        ["loinc"]
    );
    assert_eq!(
        instrument_problems("gad7", |v| {
            v["loinc"]["items"].as_array_mut().unwrap().pop();
        }),
        ["loinc.items"]
    );
    assert_eq!(
        instrument_problems("phq9", |v| {
            v["loinc"]["follow_up"]["answers"]
                .as_array_mut()
                .unwrap()
                .pop();
        }),
        ["loinc.follow_up.answers"]
    );
    assert_eq!(
        instrument_problems("auditc", |v| {
            v["loinc"]["answers"][1].as_array_mut().unwrap().pop();
        }),
        ["loinc.answers.1"]
    );
    assert_eq!(
        instrument_problems("phq9", |v| v["loinc"]["source"] = "LOINC".into()),
        ["loinc.source"]
    );
}

#[test]
fn a_meaningful_change_must_fit_the_scale_and_cite_its_source() {
    assert_eq!(
        instrument_problems("phq9", |v| v["scoring"]["meaningful_change"]["points"] =
            0.into()),
        ["scoring.meaningful_change"]
    );
    assert_eq!(
        instrument_problems("gad7", |v| v["scoring"]["meaningful_change"]["points"] =
            22.into()),
        ["scoring.meaningful_change"]
    );
    assert_eq!(
        instrument_problems("gad7", |v| v["scoring"]["meaningful_change"]["source"] =
            " ".into()),
        ["scoring.meaningful_change"]
    );
}

/// The build's LOINC check digits (build/validate.rs `loinc`), on LOINC's own worked example and
/// known codes. With `loinc_codes_are_refused_unless_well_formed_and_complete` and
/// `the_shipped_data_passes_every_check`, this holds every instrument's codes (the AUDIT-C's
/// panel, items, total and answer lists among them): well formed, fitting, complete, none twice.
#[test]
fn the_loinc_check_digits_are_computed_as_loinc_documents_them() {
    use validate::loinc::{is_answer, is_term};
    // LOINC's worked example: 12345 has check digit 5.
    assert!(is_term("12345-5"));
    assert!(!is_term("12345-4"));
    assert!(!is_term("72109"));
    assert!(!is_term("7210a-2"));
    for code in ["72109-2", "68518-0", "75626-2", "44249-1", "69689-8"] {
        assert!(is_term(code), "{code}");
    }
    // LA codes by the OpenMRS variant the guide names for them (plain mod 10 gives LA6568-0).
    for code in ["LA6568-5", "LA6575-0", "LA6574-3", "LA18929-2", "LA15694-5"] {
        assert!(is_answer(code), "{code}");
    }
    for code in ["LA6568-0", "LA6575-4", "44249-1", "LA-5", "LAx68-5"] {
        assert!(!is_answer(code), "{code}");
    }
}
