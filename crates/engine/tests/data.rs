//! The shipped data as a whole: complete translations, sources, crisis resources.

use selfcheck_engine::{instrument, regions, InstrumentId, Lang, Text};

fn instrument_texts(id: InstrumentId) -> Vec<(String, Text)> {
    let inst = instrument(id);
    let mut texts = vec![
        ("title".into(), inst.title),
        ("topic".into(), inst.topic),
        ("credit".into(), inst.credit),
        ("stem".into(), inst.stem),
    ];
    texts.extend(
        inst.options
            .iter()
            .enumerate()
            .map(|(i, o)| (format!("options[{i}]"), o.label)),
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
