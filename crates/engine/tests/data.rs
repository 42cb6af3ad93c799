//! The shipped data as a whole: complete translations, sources, crisis resources.

use selfcheck_engine::{instrument, regions, InstrumentId, Lang, Precheck, Text};

fn instrument_texts(id: InstrumentId) -> Vec<(String, Text)> {
    let inst = instrument(id);
    let mut texts = vec![
        ("title".into(), inst.title),
        ("topic".into(), inst.topic),
        ("credit".into(), inst.credit),
    ];
    texts.extend(inst.stem.map(|t| ("stem".into(), t)));
    texts.extend(
        inst.options
            .iter()
            .enumerate()
            .map(|(i, o)| (format!("options[{i}]"), o.label)),
    );
    for (item, options) in inst.item_options.iter().enumerate() {
        texts.extend(
            options
                .iter()
                .enumerate()
                .map(|(i, o)| (format!("item_options[{item}][{i}]"), o.label)),
        );
    }
    texts.extend(
        inst.item_note
            .as_ref()
            .map(|n| ("item_note".into(), n.text)),
    );
    texts.extend(
        inst.items
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("items[{i}]"), *t)),
    );
    if let Some(g) = &inst.gate {
        texts.push(("gate.intro".into(), g.intro));
        texts.push(("gate.text".into(), g.text));
        texts.extend(
            g.examples
                .iter()
                .enumerate()
                .map(|(i, t)| (format!("gate.examples[{i}]"), *t)),
        );
        texts.extend(
            g.options
                .iter()
                .enumerate()
                .map(|(i, o)| (format!("gate.options[{i}]"), o.label)),
        );
    }
    if let Some(f) = &inst.follow_up {
        texts.push(("follow_up.text".into(), f.text));
        texts.extend(
            f.options
                .iter()
                .enumerate()
                .map(|(i, o)| (format!("follow_up.options[{i}]"), o.label)),
        );
    }
    texts
        .into_iter()
        .map(|(field, t)| (format!("{id}.{field}"), t))
        .collect()
}

fn precheck_texts(precheck: Precheck) -> Vec<(String, Text)> {
    let table = precheck.table();
    let mut texts = vec![
        ("title".into(), table.title),
        ("intro".into(), table.intro),
        ("topics_heading".into(), table.topics_heading),
    ];
    for (i, q) in table.questions.iter().enumerate() {
        texts.push((format!("questions[{i}].text"), q.text));
        texts.push((format!("questions[{i}].topic"), q.topic));
        texts.extend(
            q.options
                .iter()
                .map(|o| (format!("questions[{i}].options[{}]", o.score), o.label)),
        );
    }
    texts
        .into_iter()
        .map(|(field, t)| (format!("{precheck}.{field}"), t))
        .collect()
}

fn crisis_texts() -> Vec<(String, Text)> {
    let mut texts = Vec::new();
    for r in regions() {
        texts.push((format!("{}.name", r.code), r.name));
        texts.push((format!("{}.emergency.label", r.code), r.emergency.label));
        texts.extend(
            r.emergency
                .note
                .map(|t| (format!("{}.emergency.note", r.code), t)),
        );
        for (i, res) in r.resources.iter().enumerate() {
            let at = format!("{}.resources[{i}]", r.code);
            texts.push((format!("{at}.name"), res.name));
            texts.extend(res.hours.map(|t| (format!("{at}.hours"), t)));
            texts.extend(res.note.map(|t| (format!("{at}.note"), t)));
        }
    }
    texts
}

/// Research fills the Spanish texts; until then `TODO-es` marks each gap and this
/// test lists them.
#[test]
fn no_spanish_placeholder_left() {
    let mut all: Vec<(String, Text)> = InstrumentId::ALL
        .into_iter()
        .flat_map(instrument_texts)
        .collect();
    all.extend(Precheck::ALL.into_iter().flat_map(precheck_texts));
    all.extend(crisis_texts());
    let left: Vec<&str> = all
        .iter()
        .filter(|(_, t)| t.get(Lang::Es).contains("TODO-es"))
        .map(|(f, _)| f.as_str())
        .collect();
    assert!(
        left.is_empty(),
        "{} Spanish placeholders left: {left:?}",
        left.len()
    );
}

#[test]
fn instruments_without_a_spanish_version_are_not_offered_in_spanish() {
    assert!(!instrument(InstrumentId::Pcptsd5).offered_in(Lang::Es));
    assert!(instrument(InstrumentId::Phq9).offered_in(Lang::Es));
    assert!(InstrumentId::ALL
        .iter()
        .all(|&id| instrument(id).offered_in(Lang::En)));
}

/// No public-domain Spanish AUDIT-C (the WHO's AUDIT translations are not free for commercial
/// use) and no validated Spanish single drug question exist: both are shown in English, as the
/// PC-PTSD-5 is, in every language but English.
#[test]
fn the_substance_screens_are_shown_in_their_original_english_in_other_languages() {
    for id in [InstrumentId::Auditc, InstrumentId::Sqds] {
        let inst = instrument(id);
        assert_eq!(inst.shown_in(Lang::En), Lang::En);
        // The test-only pseudo-locale words every instrument: it is English, mirrored.
        let translations = Lang::ALL
            .into_iter()
            .filter(|&l| l != Lang::En && l.code() != selfcheck_engine::pseudo::CODE);
        for lang in translations {
            assert!(!inst.offered_in(lang), "{id} offered in {lang}");
            assert_eq!(inst.shown_in(lang), Lang::En, "{id} in {lang}");
        }
    }
}

/// Every text a visitor can read, in every language: a pack may leave an instrument in English,
/// but never leave a text out.
#[test]
fn every_text_of_every_instrument_and_pre_check_is_worded_in_every_language() {
    let mut all: Vec<(String, Text)> = InstrumentId::ALL
        .into_iter()
        .flat_map(instrument_texts)
        .collect();
    all.extend(Precheck::ALL.into_iter().flat_map(precheck_texts));
    for lang in Lang::ALL {
        let empty: Vec<&str> = all
            .iter()
            .filter(|(_, t)| t.get(lang).trim().is_empty())
            .map(|(f, _)| f.as_str())
            .collect();
        assert!(empty.is_empty(), "{lang}: empty texts {empty:?}");
    }
}

/// Bush et al. 1998: three items, each with its own five answers scored 0-4, in the VA's
/// past-year wording; the U.S. standard drink is explained beside items 2 and 3, which count
/// drinks.
#[test]
fn the_auditc_has_three_past_year_items_each_with_its_own_five_answers() {
    let auditc = instrument(InstrumentId::Auditc);
    assert_eq!(auditc.items.len(), 3);
    assert_eq!(auditc.count_max, None);
    assert!(auditc.stem.is_none(), "each question stands alone");
    for i in 0..3u8 {
        let options = auditc.options_of(i);
        let scores: Vec<u8> = options.iter().map(|o| o.score).collect();
        assert_eq!(scores, [0, 1, 2, 3, 4], "item {}", i + 1);
        for lang in Lang::ALL {
            let mut labels: Vec<&str> = options.iter().map(|o| o.label.get(lang)).collect();
            labels.sort_unstable();
            labels.dedup();
            assert_eq!(labels.len(), 5, "item {} in {lang}: {labels:?}", i + 1);
        }
        let text = auditc.items[usize::from(i)].get(Lang::En);
        assert!(text.contains("in the past year"), "{text}");
    }
    // Item 2 asks how many drinks, so its answers are not item 1's how-often answers.
    assert_ne!(
        auditc.options_of(0)[1].label.get(Lang::En),
        auditc.options_of(1)[1].label.get(Lang::En)
    );
    assert!(auditc.note_for(0).is_none());
    for i in [1u8, 2] {
        let note = auditc
            .note_for(i)
            .expect("a standard-drink note")
            .get(Lang::En);
        assert!(note.contains("14 grams"), "{note}");
    }
    assert!(auditc.note_for(3).is_none());
}

/// Smith et al. 2010: one question, answered with how many times; positive at 1 or more, no
/// bands, and nothing to consider below that.
#[test]
fn the_drug_question_asks_one_count_and_is_positive_from_one() {
    let sqds = instrument(InstrumentId::Sqds);
    assert_eq!(sqds.items.len(), 1);
    assert!(sqds.options.is_empty() && sqds.item_options.is_empty());
    assert_eq!(sqds.count_max, Some(999));
    assert_eq!(
        (
            sqds.scoring.positive_at,
            sqds.scoring.consider_at,
            sqds.scoring.bands.len()
        ),
        (1, None, 0)
    );
    let text = sqds.items[0].get(Lang::En);
    for needed in [
        "How many times",
        "past year",
        "illegal drug",
        "prescription medication",
    ] {
        assert!(text.contains(needed), "{needed}: {text}");
    }
    for id in [InstrumentId::Auditc, InstrumentId::Sqds] {
        assert!(instrument(id).scoring.crisis.is_none(), "{id}");
        assert!(instrument(id).screener.is_none(), "{id}");
        assert!(instrument(id).gate.is_none(), "{id}");
    }
}

/// The ketamine pre-check: the nine questions the issue lists, Yes 1 / No 0 / Not sure 2, except
/// the number of antidepressants tried (0, 1, 2, 3 or more).
#[test]
fn the_ketamine_pre_check_asks_nine_questions_with_their_answers() {
    let ketamine = Precheck::Ketamine;
    assert_eq!(ketamine.question_count(), 9);
    assert_eq!(Precheck::parse("ketamine"), Some(ketamine));
    for (i, q) in ketamine.table().questions.iter().enumerate() {
        let scores: Vec<u8> = q.options.iter().map(|o| o.score).collect();
        if i == 7 {
            assert_eq!(scores, [0, 1, 2, 3], "{}", q.key);
            assert!(q.options[3].label.get(Lang::En).contains("or more"));
        } else {
            assert_eq!(scores, [1, 0, 2], "{}: Yes, No, Not sure", q.key);
            let labels: Vec<&str> = q.options.iter().map(|o| o.label.get(Lang::En)).collect();
            assert_eq!(labels, ["Yes", "No", "Not sure"], "{}", q.key);
        }
    }
}

/// Each question has its own wording and its own topic, in every language.
#[test]
fn every_pre_check_question_has_its_own_text_and_topic_in_every_language() {
    let questions = Precheck::Ketamine.table().questions;
    for lang in Lang::ALL {
        for part in [
            |q: &selfcheck_engine::PrecheckQuestion| q.text,
            |q: &selfcheck_engine::PrecheckQuestion| q.topic,
        ] {
            let mut texts: Vec<&str> = questions.iter().map(|q| part(q).get(lang)).collect();
            assert!(texts.iter().all(|t| !t.trim().is_empty()), "{lang}");
            texts.sort_unstable();
            texts.dedup();
            assert_eq!(texts.len(), questions.len(), "{lang}: repeated wording");
        }
    }
}

/// The pre-check never decides: the issue forbids "eligible", "ineligible", "safe", "unsafe" and
/// "candidate" (and their Spanish and Portuguese words) anywhere in it.
#[test]
fn the_pre_check_never_calls_anyone_eligible_safe_or_a_candidate() {
    let forbidden: &[(&str, &[&str])] = &[
        (
            "en",
            &[
                "eligible",
                "ineligible",
                "eligibility",
                "safe",
                "unsafe",
                "safely",
                "candidate",
            ],
        ),
        (
            "es",
            &[
                "elegible",
                "inelegible",
                "apto",
                "apta",
                "seguro",
                "segura",
                "inseguro",
                "candidato",
                "candidata",
            ],
        ),
        (
            "pt",
            &[
                "elegível",
                "inelegível",
                "apto",
                "apta",
                "seguro",
                "segura",
                "inseguro",
                "candidato",
                "candidata",
            ],
        ),
    ];
    let texts = precheck_texts(Precheck::Ketamine);
    for lang in Lang::ALL {
        // The test-only right-to-left pseudo-locale is English, mirrored.
        let code = if lang.code() == selfcheck_engine::pseudo::CODE {
            "en"
        } else {
            lang.code()
        };
        let primary = code.split('-').next().unwrap();
        let Some((_, words)) = forbidden.iter().find(|(code, _)| *code == primary) else {
            panic!(
                "no forbidden words listed for {lang}; add its words for eligible, safe, candidate"
            );
        };
        for (field, text) in &texts {
            let text = text.get(lang).to_lowercase();
            for word in text.split(|c: char| !c.is_alphanumeric()) {
                assert!(
                    !words.contains(&word),
                    "{lang} {field}: {word:?} in {text:?}"
                );
            }
        }
    }
}

/// Where the data's facts come from: every pre-check question cites its passage, and the new
/// instruments cite at least two sources for their wording.
#[test]
fn the_pre_check_and_the_substance_screens_cite_their_sources() {
    let ketamine = data_json("data/precheck/ketamine.json");
    assert!(!ketamine["sources"].as_array().unwrap().is_empty());
    let questions = ketamine["questions"].as_array().unwrap();
    assert_eq!(questions.len(), Precheck::Ketamine.question_count());
    for q in questions {
        let source = q["source"].as_str().unwrap_or_default();
        assert!(source.len() > 20, "{}: source {source:?}", q["key"]);
    }
    let english = data_json("data/lang/en.json");
    for id in ["auditc", "sqds"] {
        let file = data_json(&format!("data/instruments/{id}.json"));
        let papers = file["sources"].as_array().unwrap();
        assert!(papers.len() >= 2, "{id}: cite the validation papers");
        assert!(
            papers.iter().all(|p| p.as_str().unwrap().contains("doi:")),
            "{id}"
        );
        let wording = english[id]["sources"].as_array().unwrap();
        assert!(wording.len() >= 2, "{id}: the wording needs two sources");
    }
}

fn data_json(path: &str) -> serde_json::Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

#[test]
fn every_instrument_cites_its_validation_paper_first() {
    for id in InstrumentId::ALL {
        let first = instrument(id).citation.get(Lang::En);
        assert!(first.contains("doi:"), "{id}: {first}");
        for lang in Lang::ALL {
            assert_eq!(
                instrument(id).citation.get(lang),
                first,
                "{lang}: one citation"
            );
        }
    }
}

#[test]
fn the_regions_cover_the_documented_countries_each_with_a_helpline() {
    let codes: Vec<&str> = regions().iter().map(|r| r.code).collect();
    for code in ["US", "CA", "GB", "AU", "IE"] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
    for r in regions() {
        assert!(!r.resources.is_empty(), "{} has no resources", r.code);
        for res in r.resources {
            for number in [res.phone, res.sms].into_iter().flatten() {
                assert!(
                    number.chars().all(|c| c.is_ascii_digit() || c == '+'),
                    "{}: {number} is not dialable",
                    r.code
                );
            }
        }
    }
}

#[test]
fn the_us_lifeline_is_988_by_phone_and_text() {
    let us = selfcheck_engine::region("US").unwrap();
    assert_eq!(us.emergency.number, "911");
    assert!(us
        .resources
        .iter()
        .any(|r| r.phone == Some("988") && r.sms == Some("988")));
}

#[test]
fn crisis_text_line_tells_spanish_speakers_how_to_reach_its_spanish_service() {
    // Crisis Text Line has served Spanish speakers since 2021 (text AYUDA to 741741); an
    // earlier note told Spanish readers the service was in English only.
    let us = selfcheck_engine::region("US").unwrap();
    let line = us
        .resources
        .iter()
        .find(|r| r.sms == Some("741741"))
        .expect("Crisis Text Line in the US data");
    let note = line.note.expect("a note saying how to text in");
    says_in_every_language(note, "AYUDA");
    // "Atención en inglés" is how the data marks an English-only service.
    assert!(
        !note.get(Lang::Es).contains("Atención en inglés"),
        "{}",
        note.get(Lang::Es)
    );
}

#[test]
fn ireland_gives_both_emergency_numbers_where_the_panel_can_show_them() {
    let ie = selfcheck_engine::region("IE").unwrap();
    assert_eq!(ie.emergency.number, "112");
    let note = ie
        .emergency
        .note
        .expect("the note naming the second number");
    says_in_every_language(note, "999");
}

/// Every language's wording of `text` contains `needle` (a number, a keyword to text).
fn says_in_every_language(text: Text, needle: &str) {
    for lang in Lang::ALL {
        assert!(
            text.get(lang).contains(needle),
            "{lang}: {}",
            text.get(lang)
        );
    }
}

#[test]
fn the_nhs_111_note_names_the_mental_health_route_in_england_and_wales() {
    // England asks for "the mental health option" (no longer a number); Wales is "111 press 2".
    let gb = selfcheck_engine::region("GB").unwrap();
    let nhs = gb
        .resources
        .iter()
        .find(|r| r.phone == Some("111"))
        .expect("NHS 111 in the GB data");
    let note = nhs.note.unwrap().get(Lang::En);
    assert!(
        note.contains("England, choose the mental health option"),
        "{note}"
    );
    assert!(note.contains("Wales, press 2"), "{note}");
}

#[test]
fn the_pc_ptsd_5_credit_names_its_institution_and_public_domain() {
    let credit = instrument(InstrumentId::Pcptsd5).credit;
    for needed in [
        "National Center for PTSD",
        "U.S. Department of Veterans Affairs",
        "public domain",
        "2015",
    ] {
        assert!(
            credit.get(Lang::En).contains(needed),
            "{needed}: {credit:?}"
        );
    }
    // No official Spanish PC-PTSD-5 exists, so there is no Spanish credit to use either.
    assert_eq!(credit.get(Lang::Es), credit.get(Lang::En));
}

/// Every file under `crates/engine/data` and `docs`, as (path, text).
fn data_and_docs() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("data"), root.join("../../docs")];
    let mut files = Vec::new();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                files.push((path.display().to_string(), text));
            }
        }
    }
    files
}

#[test]
fn data_and_docs_cite_only_sources_a_reader_can_follow() {
    let files = data_and_docs();
    assert!(files.iter().any(|(p, _)| p.ends_with("crisis.json")));
    assert!(files.iter().any(|(p, _)| p.ends_with("sources.md")));
    for (path, text) in &files {
        // A research log on someone's machine is no source for a reader of the repository.
        assert!(
            !text.contains("/tmp/"),
            "{path} points outside the repository"
        );
        // Issue numbers mean nothing outside the tracker; the reason is written out instead.
        let lower = text.to_lowercase();
        let numbered = lower
            .match_indices("issue ")
            .any(|(at, m)| lower[at + m.len()..].starts_with(|c: char| c.is_ascii_digit()));
        assert!(!numbered, "{path} refers to an issue number");
    }
}

/// Each LOINC code pinned to its question by the question's own words, as LOINC names it
/// (loinc.org: LL358-3, LL359-1, the PHQ-SADS panel 69729-2): a swap of two valid codes passes
/// every check digit, and one public project swaps the GAD-7's items 6 and 7.
#[test]
fn each_loinc_code_belongs_to_the_question_loinc_names_it_for() {
    let items: [(InstrumentId, &str, &str); 16] = [
        (InstrumentId::Phq9, "Little interest or pleasure", "44250-9"),
        (InstrumentId::Phq9, "Feeling down, depressed", "44255-8"),
        (
            InstrumentId::Phq9,
            "Trouble falling or staying asleep",
            "44259-0",
        ),
        (InstrumentId::Phq9, "Feeling tired", "44254-1"),
        (InstrumentId::Phq9, "Poor appetite", "44251-7"),
        (InstrumentId::Phq9, "Feeling bad about yourself", "44258-2"),
        (InstrumentId::Phq9, "Trouble concentrating", "44252-5"),
        (
            InstrumentId::Phq9,
            "Moving or speaking so slowly",
            "44253-3",
        ),
        (InstrumentId::Phq9, "better off dead", "44260-8"),
        (InstrumentId::Gad7, "Feeling nervous, anxious", "69725-0"),
        (InstrumentId::Gad7, "stop or control worrying", "68509-9"),
        (InstrumentId::Gad7, "Worrying too much", "69733-4"),
        (InstrumentId::Gad7, "Trouble relaxing", "69734-2"),
        (InstrumentId::Gad7, "so restless", "69735-9"),
        (InstrumentId::Gad7, "easily annoyed or irritable", "69689-8"),
        (InstrumentId::Gad7, "Feeling afraid", "69736-7"),
    ];
    for (id, words, code) in items {
        let data = instrument(id);
        let loinc = data.loinc().unwrap();
        let index = data
            .items
            .iter()
            .position(|item| item.get(Lang::En).contains(words))
            .unwrap_or_else(|| panic!("{id}: no item says {words:?}"));
        assert_eq!(loinc.items[index], code, "{id} item {}: {words}", index + 1);
    }
    let answers = [
        ("Not at all", "LA6568-5"),
        ("Several days", "LA6569-3"),
        ("More than half the days", "LA6570-1"),
        ("Nearly every day", "LA6571-9"),
    ];
    for id in [InstrumentId::Phq9, InstrumentId::Gad7] {
        let data = instrument(id);
        let loinc = data.loinc().unwrap();
        for (index, codes) in loinc.answers.iter().enumerate() {
            for (option, code) in data.options_of(index as u8).iter().zip(codes.iter()) {
                let label = option.label.get(Lang::En);
                assert_eq!(
                    answers
                        .iter()
                        .find(|(words, _)| *words == label)
                        .map(|(_, c)| *c),
                    Some(*code),
                    "{id} item {} answer {label:?}",
                    index + 1
                );
            }
        }
    }
    // The difficulty question: LOINC numbers "Very difficult" LA6575-0 and "Extremely
    // difficult" LA6574-3, the reverse of their order on the form.
    let phq9 = instrument(InstrumentId::Phq9);
    let follow_up = phq9.loinc().unwrap().follow_up.as_ref().unwrap();
    assert_eq!(follow_up.code, "69722-7");
    let labels: Vec<(&str, &str)> = phq9
        .follow_up
        .as_ref()
        .unwrap()
        .options
        .iter()
        .map(|option| option.label.get(Lang::En))
        .zip(follow_up.answers.iter().copied())
        .collect();
    assert_eq!(
        labels,
        [
            ("Not difficult at all", "LA6572-7"),
            ("Somewhat difficult", "LA6573-5"),
            ("Very difficult", "LA6575-0"),
            ("Extremely difficult", "LA6574-3"),
        ]
    );
    assert_eq!(
        [phq9.loinc().unwrap().panel, phq9.loinc().unwrap().total],
        ["44249-1", "44261-6"]
    );
    let gad7 = instrument(InstrumentId::Gad7).loinc().unwrap();
    assert_eq!([gad7.panel, gad7.total], ["69737-5", "70274-6"]);
}
