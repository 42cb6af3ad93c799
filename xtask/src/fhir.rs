//! The `fhir` suite: results saved as FHIR (crates/engine/src/fhir.rs), for every instrument and
//! the ways a visit can end, checked by a real FHIR R4 validator (fhir.resources, installed by
//! `setup::fhir_validator`; tests/fhir/validate.py). Bundles broken on purpose must be refused,
//! so the validator is shown able to fail.

use crate::test::Tally;
use crate::util::{project_root, write, Result};
use selfcheck_engine::{
    fhir, next_unanswered, score, Answers, Cutoffs, InstrumentId, Lang, Mode, Part,
};
use std::process::Command;

/// How a sample visit answers each question.
#[derive(Clone, Copy)]
enum Answering {
    /// Each question's first option as shown.
    First,
    /// Each question's last option as shown.
    Last,
    /// Each question's options in turn, question by question.
    Mixed,
}

/// Answers every question `instruments` asks in `mode`, as `answering` says; a count question
/// gets `count`.
fn visit(instruments: &[InstrumentId], mode: Mode, answering: Answering, count: u16) -> Answers {
    let mut answers = Answers::new();
    let mut turn = 0usize;
    while let Some(question) = next_unanswered(instruments, mode, &answers) {
        if question.part == Part::Count {
            answers
                .set_count(question, count)
                .expect("a count in range");
            continue;
        }
        let options = question.options().expect("an asked question has options");
        let option = match answering {
            Answering::First => options.first(),
            Answering::Last => options.last(),
            Answering::Mixed => options.get(turn % options.len()),
        };
        answers
            .set(question, option.expect("options").score)
            .expect("one of its options");
        turn += 1;
    }
    answers
}

/// Every sample bundle, named: each instrument alone in each way of answering, the default
/// configuration in adaptive mode with nothing positive (short forms only), and every
/// instrument at once in each language.
pub fn samples() -> Vec<(String, String)> {
    const AUTHORED: &str = "2026-11-29T14:05:09+01:00";
    let mut out = Vec::new();
    let mut add = |name: String, instruments: &[InstrumentId], mode, answering, count, lang| {
        let answers = visit(instruments, mode, answering, count);
        let report = score(instruments, mode, Cutoffs::default(), &answers)
            .expect("every question answered");
        let json = fhir::bundle(&report, AUTHORED, lang).expect("a valid dateTime");
        out.push((name, json));
    };
    for id in InstrumentId::ALL {
        for (way, answering, count) in [
            ("first", Answering::First, 0),
            ("last", Answering::Last, 999),
            ("mixed", Answering::Mixed, 3),
        ] {
            add(
                format!("{id}-{way}"),
                &[id],
                Mode::Full,
                answering,
                count,
                Lang::En,
            );
        }
    }
    add(
        "default-adaptive-negative".into(),
        &InstrumentId::DEFAULT,
        Mode::Adaptive,
        Answering::First,
        0,
        Lang::En,
    );
    for lang in Lang::ALL {
        add(
            format!("every-instrument-{}", lang.code()),
            &InstrumentId::ALL,
            Mode::Full,
            Answering::Mixed,
            12,
            lang,
        );
    }
    out
}

/// One way to break a bundle, by name.
type Breakage = (&'static str, fn(&mut serde_json::Value));

/// A valid bundle broken in one way each, which the validator must refuse.
fn broken(valid: &str) -> Vec<(&'static str, String)> {
    let bundle: serde_json::Value = serde_json::from_str(valid).expect("the engine writes JSON");
    let edits: [Breakage; 6] = [
        ("status-not-a-status", |b| {
            b["entry"][0]["resource"]["status"] = "done".into()
        }),
        ("status-missing", |b| {
            b["entry"][0]["resource"]
                .as_object_mut()
                .unwrap()
                .remove("status");
        }),
        ("link-id-missing", |b| {
            b["entry"][0]["resource"]["item"][0]
                .as_object_mut()
                .unwrap()
                .remove("linkId");
        }),
        ("integer-as-text", |b| {
            let items = b["entry"][0]["resource"]["item"].as_array_mut().unwrap();
            items.last_mut().unwrap()["answer"][0]["valueInteger"] = "7".into();
        }),
        ("two-values-in-one-answer", |b| {
            b["entry"][0]["resource"]["item"][0]["answer"][0]["valueInteger"] = 1.into();
        }),
        ("bundle-type-misspelt", |b| b["type"] = "collecton".into()),
    ];
    edits
        .into_iter()
        .map(|(name, edit)| {
            let mut copy = bundle.clone();
            edit(&mut copy);
            (name, copy.to_string())
        })
        .collect()
}

/// Writes every sample and every broken bundle to target/fhir/, validates them all in one run
/// of the validator, and counts a sample valid and a broken bundle refused as passed.
pub fn suite() -> Result<Tally> {
    let python = crate::setup::fhir_validator()?;
    let root = project_root();
    let dir = root.join("target/fhir");
    let _ = std::fs::remove_dir_all(&dir);
    let samples = samples();
    let broken = broken(&samples[0].1);
    let mut expected = Vec::new();
    for (name, json) in &samples {
        let path = dir.join(format!("{name}.json"));
        write(&path, json)?;
        expected.push((path, true));
    }
    for (name, json) in &broken {
        let path = dir.join(format!("broken-{name}.json"));
        write(&path, json)?;
        expected.push((path, false));
    }
    let output = Command::new(python)
        .arg(root.join("tests/fhir/validate.py"))
        .args(expected.iter().map(|(path, _)| path))
        .output()
        .map_err(|error| format!("could not run the FHIR validator: {error}"))?;
    let lines = String::from_utf8_lossy(&output.stdout).into_owned();
    let mut tally = Tally::default();
    for (path, valid) in &expected {
        let shown = path.display().to_string();
        let verdict = lines.lines().find(|line| {
            line.split_once(' ')
                .is_some_and(|(_, rest)| rest.starts_with(&shown))
        });
        let pass = match verdict {
            Some(line) if *valid => line.starts_with("ok "),
            Some(line) => line.starts_with("invalid "),
            None => false,
        };
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        match (pass, verdict) {
            (true, _) => println!("  ✔ {name}"),
            (false, Some(line)) => println!("  ✘ {name}: {line}"),
            (false, None) => println!(
                "  ✘ {name}: the validator said nothing of it ({})",
                String::from_utf8_lossy(&output.stderr).trim()
            ),
        }
        if pass {
            tally.passed += 1;
        } else {
            tally.failed += 1;
        }
    }
    Ok(tally)
}
