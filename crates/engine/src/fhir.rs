//! The results a visitor saves ("Save my results"): a FHIR R4 `Bundle` of type `collection`
//! holding one `QuestionnaireResponse` per instrument asked, LOINC-coded where the instrument's
//! data has LOINC codes (`Instrument::loinc`) and coded under selfcheck's own code system
//! ([`CODE_SYSTEM`]) where it has none. `status` is `completed`, `authored` the device's date and
//! time, and there is no patient: the file identifies no one (docs/fhir.md).
//!
//! Each item carries its answer; the total is an item of its own. A short form answered alone
//! (adaptive mode, PHQ-2 or GAD-2 below its cut-off) keeps its items' LOINC codes, and its total,
//! which is not the long form's, is coded under selfcheck's system.

use crate::instrument::{instrument, Choice, Instrument, InstrumentId};
use crate::json::{Map, Value};
use crate::lang::Lang;
use crate::scoring::{InstrumentResult, Report, Screen};

/// LOINC's system URI (FHIR R4, "Using LOINC with FHIR").
pub const LOINC: &str = "http://loinc.org";

/// selfcheck's FHIR address: its code system and its Questionnaires' canonicals are under it.
/// The project's canonical address is to be settled before the file ships (docs/fhir.md, "Open").
macro_rules! base {
    () => {
        "https://selfcheck.example/fhir"
    };
}
pub const BASE: &str = base!();

/// selfcheck's own codes, for questions LOINC has no verified code for (the PC-PTSD-5, the
/// single drug question) and for a short form's total: `<id>-<n>` for item n (1-based),
/// `<id>-gate`, `<id>-total`, `<id>-screener-total`, and `<question>-<score>` for an answer.
/// Documented in docs/fhir.md.
pub const CODE_SYSTEM: &str = concat!(base!(), "/CodeSystem/selfcheck");

/// The Bundle as JSON text, for every result in `report`; `authored` is a FHIR `dateTime` with
/// seconds and a time-zone offset (`2026-11-29T14:05:09+01:00`), the device's own clock.
pub fn bundle(report: &Report, authored: &str, lang: Lang) -> Result<String, String> {
    if !is_date_time(authored) {
        return Err(format!(
            "`{authored}` is not a FHIR dateTime with seconds and a time zone"
        ));
    }
    let entries = report
        .results
        .iter()
        .map(|result| {
            let mut entry = Map::new();
            entry.push("resource", questionnaire_response(result, authored, lang));
            Value::Object(entry)
        })
        .collect();
    let mut bundle = Map::new();
    bundle.push("resourceType", Value::str("Bundle"));
    bundle.push("type", Value::str("collection"));
    bundle.push("timestamp", Value::str(authored));
    bundle.push("entry", Value::Array(entries));
    Ok(Value::Object(bundle).to_json())
}

/// The canonical of the Questionnaire an instrument's answers belong to: LOINC's form for a
/// LOINC panel (`http://loinc.org/q/44249-1`), otherwise selfcheck's.
pub fn questionnaire_of(data: &Instrument) -> String {
    match &data.loinc {
        Some(loinc) => format!("{LOINC}/q/{}", loinc.panel),
        None => format!("{BASE}/Questionnaire/{}", data.id.as_str()),
    }
}

/// The instrument a Questionnaire canonical names, the inverse of [`questionnaire_of`].
pub fn instrument_of_questionnaire(canonical: &str) -> Option<InstrumentId> {
    InstrumentId::ALL
        .into_iter()
        .find(|&id| questionnaire_of(instrument(id)) == canonical)
}

/// The linkId of an instrument's total: LOINC's total score code, or `<id>-total`; for a short
/// form answered alone, `<id>-screener-total`.
pub fn total_link(data: &Instrument, screen: Screen) -> String {
    match (&data.loinc, screen) {
        (Some(loinc), Screen::Full) => loinc.total.to_string(),
        (_, Screen::Full) => format!("{}-total", data.id.as_str()),
        (_, Screen::ScreenerNegative) => format!("{}-screener-total", data.id.as_str()),
    }
}

fn questionnaire_response(result: &InstrumentResult, authored: &str, lang: Lang) -> Value {
    let data = instrument(result.id);
    let id = data.id.as_str();
    let loinc = data.loinc.as_ref();
    let mut items = Vec::new();
    if let (Some(gate), Some(exposure)) = (&data.gate, result.exposure) {
        // The gate's answer is stored as whether it went on to the items.
        let score = gate
            .options
            .iter()
            .map(|option| option.score)
            .find(|&score| (score == gate.continue_when) == exposure)
            .unwrap_or(gate.continue_when);
        let link = format!("{id}-gate");
        items.push(item(
            &link,
            gate.text.get(lang),
            coded(&link, None, gate.options, score, lang),
        ));
    }
    if let Some(count) = count_of(result) {
        let link = format!("{id}-1");
        let text = data.items.first().map_or("", |text| text.get(lang));
        items.push(item(&link, text, Some(integer(u64::from(count)))));
    } else {
        for (index, &score) in result.answers.iter().enumerate() {
            let link =
                loinc.map_or_else(|| format!("{id}-{}", index + 1), |l| l.items[index].into());
            let codes = loinc.map(|l| l.answers[index]);
            let options = data.options_of(index as u8);
            let text = data.items[index].get(lang);
            items.push(item(&link, text, coded(&link, codes, options, score, lang)));
        }
    }
    if let (Some(follow_up), Some(score)) = (&data.follow_up, result.difficulty) {
        let codes = loinc.and_then(|l| l.follow_up.as_ref());
        let link = codes.map_or_else(|| format!("{id}-{}", follow_up.key), |f| f.code.into());
        let answer = coded(
            &link,
            codes.map(|f| f.answers),
            follow_up.options,
            score,
            lang,
        );
        items.push(item(&link, follow_up.text.get(lang), answer));
    }
    let total_text = match result.screen {
        Screen::Full => format!("{} total score", data.short_name),
        Screen::ScreenerNegative => format!("{} total score", result.name()),
    };
    let total = u64::from(result.total);
    items.push(item(
        &total_link(data, result.screen),
        &total_text,
        Some(integer(total)),
    ));

    let mut response = Map::new();
    response.push("resourceType", Value::str("QuestionnaireResponse"));
    response.push("questionnaire", Value::str(&questionnaire_of(data)));
    response.push("status", Value::str("completed"));
    response.push("authored", Value::str(authored));
    response.push("item", Value::Array(items));
    Value::Object(response)
}

#[cfg(plus)]
fn count_of(result: &InstrumentResult) -> Option<u16> {
    result.count
}

#[cfg(not(plus))]
fn count_of(_: &InstrumentResult) -> Option<u16> {
    None
}

fn item(link: &str, text: &str, answer: Option<Value>) -> Value {
    let mut item = Map::new();
    item.push("linkId", Value::str(link));
    if !text.is_empty() {
        item.push("text", Value::str(text));
    }
    if let Some(answer) = answer {
        item.push("answer", Value::Array(vec![answer]));
    }
    Value::Object(item)
}

fn integer(n: u64) -> Value {
    let mut value = Map::new();
    value.push("valueInteger", Value::int(n));
    Value::Object(value)
}

/// The chosen option as a `valueCoding`: its LOINC answer code where `codes` has one per
/// option (matched by position, options and codes being in the order shown), else selfcheck's
/// `<question>-<score>`; its display is the words the visitor read.
fn coded(
    link: &str,
    codes: Option<&[&str]>,
    options: &[Choice],
    score: u8,
    lang: Lang,
) -> Option<Value> {
    let position = options.iter().position(|option| option.score == score)?;
    let (system, code) = match codes.and_then(|codes| codes.get(position)) {
        Some(code) => (LOINC, (*code).to_string()),
        None => (CODE_SYSTEM, format!("{link}-{score}")),
    };
    let mut coding = Map::new();
    coding.push("system", Value::str(system));
    coding.push("code", Value::str(&code));
    let display = options[position].label.get(lang);
    if !display.is_empty() {
        coding.push("display", Value::str(display));
    }
    let mut value = Map::new();
    value.push("valueCoding", Value::Object(coding));
    Some(Value::Object(value))
}

/// `YYYY-MM-DDThh:mm:ss` and `Z` or `±hh:mm`: a FHIR `dateTime` to the second with its zone,
/// as the device writes it.
pub fn is_date_time(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |range: core::ops::Range<usize>| {
        bytes
            .get(range)
            .is_some_and(|part| part.iter().all(u8::is_ascii_digit))
    };
    let shape = bytes.len() >= 20
        && digits(0..4)
        && bytes[4] == b'-'
        && digits(5..7)
        && bytes[7] == b'-'
        && digits(8..10)
        && bytes[10] == b'T'
        && digits(11..13)
        && bytes[13] == b':'
        && digits(14..16)
        && bytes[16] == b':'
        && digits(17..19);
    if !shape {
        return false;
    }
    let zone = &text[19..];
    let zone_ok = zone == "Z"
        || (zone.len() == 6
            && (zone.starts_with('+') || zone.starts_with('-'))
            && digits(20..22)
            && bytes[22] == b':'
            && digits(23..25));
    let number =
        |range: core::ops::Range<usize>| -> u32 { text[range].parse().unwrap_or(u32::MAX) };
    zone_ok
        && (1..=12).contains(&number(5..7))
        && (1..=31).contains(&number(8..10))
        && number(11..13) < 24
        && number(14..16) < 60
        && number(17..19) < 60
}
