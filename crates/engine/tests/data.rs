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
        let first = instrument(id).citation;
        assert!(first.contains("doi:"), "{id}: {first}");
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
