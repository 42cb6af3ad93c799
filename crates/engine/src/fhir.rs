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
    match data.loinc() {
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
    match (data.loinc(), screen) {
        (Some(loinc), Screen::Full) => loinc.total.to_string(),
        (_, Screen::Full) => format!("{}-total", data.id.as_str()),
        (_, Screen::ScreenerNegative) => format!("{}-screener-total", data.id.as_str()),
    }
}

fn questionnaire_response(result: &InstrumentResult, authored: &str, lang: Lang) -> Value {
    let data = instrument(result.id);
    let loinc = data.loinc();
    let mut items = Vec::new();
    if let (Some(gate), Some(exposure)) = (&data.gate, result.exposure) {
        // The gate's answer is stored as whether it went on to the items.
        let score = gate
            .options
            .iter()
            .map(|option| option.score)
            .find(|&score| (score == gate.continue_when) == exposure)
            .unwrap_or(gate.continue_when);
        let link = gate_link(data);
        items.push(item(
            &link,
            gate.text.get(lang),
            coded(&link, None, gate.options, score, lang),
        ));
    }
    if let Some(count) = result.times() {
        let link = item_link(data, 0);
        let text = data.items.first().map_or("", |text| text.get(lang));
        items.push(item(&link, text, Some(integer(u64::from(count)))));
    } else {
        for (index, &score) in result.answers.iter().enumerate() {
            let link = item_link(data, index);
            let codes = loinc.map(|l| l.answers[index]);
            let options = data.options_of(index as u8);
            let text = data.items[index].get(lang);
            items.push(item(&link, text, coded(&link, codes, options, score, lang)));
        }
    }
    let follow_up = (&data.follow_up, follow_up_link(data), result.difficulty);
    if let (Some(follow_up), Some((link, codes)), Some(score)) = follow_up {
        let answer = coded(&link, codes, follow_up.options, score, lang);
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

/// A question's linkId, for `bundle` and `read` alike: the gate is `<id>-gate`.
fn gate_link(data: &Instrument) -> String {
    format!("{}-gate", data.id.as_str())
}

/// Item `index` (0-based): its LOINC code, else `<id>-<n>` (1-based; a count question is item 1).
fn item_link(data: &Instrument, index: usize) -> String {
    match data.loinc() {
        Some(loinc) => loinc.items[index].into(),
        None => format!("{}-{}", data.id.as_str(), index + 1),
    }
}

/// The follow-up's linkId (its LOINC code, else `<id>-<key>`) with its LOINC answer codes.
fn follow_up_link(data: &Instrument) -> Option<(String, Option<&'static [&'static str]>)> {
    let follow_up = data.follow_up.as_ref()?;
    Some(match data.loinc().and_then(|l| l.follow_up.as_ref()) {
        Some(codes) => (codes.code.into(), Some(codes.answers)),
        None => (format!("{}-{}", data.id.as_str(), follow_up.key), None),
    })
}

/// The code of the option at `position` (scoring `score`) of question `link`: LOINC's, where
/// `codes` has one per option in the order shown, else selfcheck's `<link>-<score>`.
fn answer_code(
    link: &str,
    codes: Option<&[&str]>,
    position: usize,
    score: u8,
) -> (&'static str, String) {
    match codes.and_then(|codes| codes.get(position)) {
        Some(code) => (LOINC, (*code).to_string()),
        None => (CODE_SYSTEM, format!("{link}-{score}")),
    }
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
    let (system, code) = answer_code(link, codes, position, score);
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

/// The largest saved file read back: a bundle of every instrument is about 12 kB; anything far
/// larger is not one of ours and is refused before it is parsed.
pub const MAX_FILE_BYTES: usize = 64 * 1024;

/// A file saved earlier, read back for "compare with last time".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Earlier {
    /// When it was saved, as the device wrote it.
    pub authored: String,
    pub results: Vec<EarlierResult>,
}

/// One instrument's total in a file saved earlier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EarlierResult {
    pub id: InstrumentId,
    /// Whether the whole instrument or only its short form was answered.
    pub screen: Screen,
    pub total: u8,
}

/// Why a file could not be read. The visitor is told which of the three in plain words; the
/// console gets `NotOurs`'s detail, which names the place in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    TooLarge,
    NotJson(String),
    NotOurs(String),
    /// The browser could not read the file at all (moved, deleted, no permission).
    Unreadable,
}

impl core::fmt::Display for ReadError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            ReadError::TooLarge => write!(f, "the file is larger than {MAX_FILE_BYTES} bytes"),
            ReadError::NotJson(why) => write!(f, "the file is not JSON: {why}"),
            ReadError::NotOurs(why) => write!(f, "the file is not results saved here: {why}"),
            ReadError::Unreadable => write!(f, "the browser could not read the file"),
        }
    }
}

impl ReadError {
    /// What the console may say: the kind of problem and, for a file that is not ours, the
    /// field where it starts (`entry[0].resource.item[10]`), never a value read from the file.
    /// A page's error-reporting tools may send console messages away, and the file holds the
    /// visitor's answers.
    pub fn for_console(&self) -> String {
        match self {
            ReadError::NotJson(_) => "the file is not JSON".into(),
            ReadError::NotOurs(why) => {
                // Every reason starts with its place: `entry[0].resource.item[10]: …`.
                let place = why
                    .split(' ')
                    .next()
                    .unwrap_or_default()
                    .trim_end_matches(':');
                format!("the file is not results saved here (at {place})")
            }
            ReadError::TooLarge | ReadError::Unreadable => self.to_string(),
        }
    }
}

/// Reads a file saved by [`bundle`], hostile input: only exactly the shape `bundle` writes is
/// accepted (the same keys, a known instrument once each, every item one of its questions with
/// one of its answers, a total that is the sum of the answers given), and nothing else.
pub fn read(bytes: &[u8]) -> Result<Earlier, ReadError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge);
    }
    let text = core::str::from_utf8(bytes)
        .map_err(|_| ReadError::NotJson("it is not UTF-8 text".into()))?;
    let value = crate::json::parse(text).map_err(|error| ReadError::NotJson(error.to_string()))?;
    let not_ours = |why: String| ReadError::NotOurs(why);
    let bundle = object(
        &value,
        "the file",
        &["entry", "resourceType", "timestamp", "type"],
    )
    .map_err(not_ours)?;
    expect_str(bundle, "resourceType", "Bundle").map_err(not_ours)?;
    expect_str(bundle, "type", "collection").map_err(not_ours)?;
    let authored = string(bundle, "timestamp").map_err(not_ours)?;
    if !is_date_time(authored) {
        return Err(not_ours(format!(
            "timestamp `{authored}` is not a date and time"
        )));
    }
    let Some(Value::Array(entries)) = bundle.get("entry") else {
        return Err(not_ours("entry is not a list".into()));
    };
    if entries.is_empty() || entries.len() > InstrumentId::ALL.len() {
        return Err(not_ours(format!("entry has {} responses", entries.len())));
    }
    let mut results: Vec<EarlierResult> = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        let at = format!("entry[{index}]");
        let result = read_response(entry, &at, authored).map_err(not_ours)?;
        if results.iter().any(|earlier| earlier.id == result.id) {
            return Err(not_ours(format!("{at}: {} a second time", result.id)));
        }
        results.push(result);
    }
    Ok(Earlier {
        authored: authored.to_string(),
        results,
    })
}

fn read_response(entry: &Value, at: &str, authored: &str) -> Result<EarlierResult, String> {
    let entry = object(entry, at, &["resource"])?;
    let at = format!("{at}.resource");
    let response = object(
        entry.get("resource").unwrap_or(&Value::Null),
        &at,
        &[
            "authored",
            "item",
            "questionnaire",
            "resourceType",
            "status",
        ],
    )?;
    expect_str(response, "resourceType", "QuestionnaireResponse")
        .map_err(|e| format!("{at}.{e}"))?;
    expect_str(response, "status", "completed").map_err(|e| format!("{at}.{e}"))?;
    expect_str(response, "authored", authored).map_err(|e| format!("{at}.{e}"))?;
    let canonical = string(response, "questionnaire").map_err(|e| format!("{at}.{e}"))?;
    let id = instrument_of_questionnaire(canonical).ok_or_else(|| {
        format!("{at}.questionnaire `{canonical}` is no questionnaire of this widget")
    })?;
    let data = instrument(id);
    let Some(Value::Array(items)) = response.get("item") else {
        return Err(format!("{at}.item is not a list"));
    };
    let (total_item, asked) = items
        .split_last()
        .ok_or_else(|| format!("{at}.item is empty"))?;
    // Every question the file may carry, with its answers' codes: the same links `bundle` writes.
    let expected = expected_questions(data);
    let mut sum: u16 = 0;
    let mut seen: Vec<&str> = Vec::new();
    let mut items_answered = 0usize;
    for (index, item) in asked.iter().enumerate() {
        let at = format!("{at}.item[{index}]");
        let (link, answer) = read_item(item, &at)?;
        if seen.contains(&link) {
            return Err(format!("{at}: `{link}` a second time"));
        }
        seen.push(link);
        let question = expected
            .iter()
            .find(|question| question.link == link)
            .ok_or_else(|| format!("{at}: `{link}` is no question of the {}", data.short_name))?;
        let score = match (&question.kind, answer) {
            (Kind::Count, Answer::Integer(n)) if n <= u64::from(data.count_max().unwrap_or(0)) => {
                sum = sum.saturating_add(u16::try_from(n).unwrap_or(u16::MAX));
                items_answered += 1;
                continue;
            }
            (Kind::Coded { codes, scored }, Answer::Coding(system, code)) => {
                let score = codes
                    .iter()
                    .find(|(s, c, _)| *s == system && *c == code)
                    .map(|(_, _, score)| *score)
                    .ok_or_else(|| format!("{at}: `{system}|{code}` is no answer to `{link}`"))?;
                if *scored {
                    items_answered += 1;
                }
                scored.then_some(score)
            }
            _ => return Err(format!("{at}: the answer to `{link}` is of the wrong kind")),
        };
        if let Some(score) = score {
            sum = sum.saturating_add(u16::from(score));
        }
    }
    let at_total = format!("{at}.item[{}]", asked.len());
    let (link, answer) = read_item(total_item, &at_total)?;
    let screen = if link == total_link(data, Screen::Full) {
        Screen::Full
    } else if data.screener.is_some() && link == total_link(data, Screen::ScreenerNegative) {
        Screen::ScreenerNegative
    } else {
        return Err(format!(
            "{at_total}: `{link}` is not the {} total",
            data.short_name
        ));
    };
    let Answer::Integer(total) = answer else {
        return Err(format!("{at_total}: the total is not a whole number"));
    };
    let items_expected = match screen {
        Screen::Full => data.items.len(),
        Screen::ScreenerNegative => data.screener.as_ref().map_or(0, |s| usize::from(s.items)),
    };
    // A gate answered "no" ends the instrument with no items.
    let gate_closed = data.gate.is_some() && items_answered == 0;
    if items_answered != items_expected && !gate_closed {
        return Err(format!(
            "{at}: {items_answered} of {items_expected} questions answered"
        ));
    }
    if total != u64::from(sum.min(255)) {
        return Err(format!(
            "{at_total}: the total {total} is not the sum of the answers, {sum}"
        ));
    }
    Ok(EarlierResult {
        id,
        screen,
        total: u8::try_from(total)
            .map_err(|_| format!("{at_total}: the total {total} is too high"))?,
    })
}

/// A question a saved file may answer, by its linkId.
struct Expected {
    link: String,
    kind: Kind,
}

enum Kind {
    /// The drug question's number.
    Count,
    /// An answer code per option: (system, code, score); `scored` for the items, not for the gate
    /// or the follow-up.
    Coded {
        codes: Vec<(&'static str, String, u8)>,
        scored: bool,
    },
}

fn expected_questions(data: &Instrument) -> Vec<Expected> {
    let coded = |link: &str, codes: Option<&[&str]>, options: &[Choice], scored| Kind::Coded {
        codes: options
            .iter()
            .enumerate()
            .map(|(position, option)| {
                let (system, code) = answer_code(link, codes, position, option.score);
                (system, code, option.score)
            })
            .collect(),
        scored,
    };
    let mut out = Vec::new();
    if let Some(gate) = &data.gate {
        let link = gate_link(data);
        out.push(Expected {
            kind: coded(&link, None, gate.options, false),
            link,
        });
    }
    if data.count_max().is_some() {
        out.push(Expected {
            link: item_link(data, 0),
            kind: Kind::Count,
        });
    } else {
        for index in 0..data.items.len() {
            let link = item_link(data, index);
            let codes = data.loinc().map(|l| l.answers[index]);
            let kind = coded(&link, codes, data.options_of(index as u8), true);
            out.push(Expected { link, kind });
        }
    }
    if let (Some((link, codes)), Some(follow_up)) = (follow_up_link(data), &data.follow_up) {
        let kind = coded(&link, codes, follow_up.options, false);
        out.push(Expected { link, kind });
    }
    out
}

enum Answer<'a> {
    Integer(u64),
    Coding(&'a str, &'a str),
}

/// An item as `bundle` writes it: `linkId`, an optional `text`, and one answer, a `valueInteger`
/// or a `valueCoding` with `system`, `code` and an optional `display`.
fn read_item<'a>(item: &'a Value, at: &str) -> Result<(&'a str, Answer<'a>), String> {
    let Value::Object(map) = item else {
        return Err(format!("{at} is not an object"));
    };
    let allowed = ["answer", "linkId", "text"];
    if let Some(key) = map.keys().find(|key| !allowed.contains(&key.as_str())) {
        return Err(format!("{at}.{key} is not expected"));
    }
    let link = string(map, "linkId").map_err(|e| format!("{at}.{e}"))?;
    if map.contains_key("text") {
        string(map, "text").map_err(|e| format!("{at}.{e}"))?;
    }
    let Some(Value::Array(answers)) = map.get("answer") else {
        return Err(format!("{at}.answer is not a list"));
    };
    let [answer] = answers.as_slice() else {
        return Err(format!(
            "{at}.answer has {} answers, not one",
            answers.len()
        ));
    };
    let Value::Object(answer) = answer else {
        return Err(format!("{at}.answer[0] is not an object"));
    };
    let keys: Vec<&str> = answer.keys().map(String::as_str).collect();
    match keys.as_slice() {
        ["valueInteger"] => match answer.get("valueInteger") {
            Some(Value::Number(n)) if n.bytes().all(|b| b.is_ascii_digit()) && n.len() <= 6 => {
                Ok((link, Answer::Integer(n.parse().unwrap_or(u64::MAX))))
            }
            _ => Err(format!("{at}.answer[0].valueInteger is not a whole number")),
        },
        ["valueCoding"] => {
            let at = format!("{at}.answer[0].valueCoding");
            let Some(Value::Object(coding)) = answer.get("valueCoding") else {
                return Err(format!("{at} is not an object"));
            };
            if let Some(key) = coding
                .keys()
                .find(|key| !["code", "display", "system"].contains(&key.as_str()))
            {
                return Err(format!("{at}.{key} is not expected"));
            }
            if coding.contains_key("display") {
                string(coding, "display").map_err(|e| format!("{at}.{e}"))?;
            }
            let system = string(coding, "system").map_err(|e| format!("{at}.{e}"))?;
            let code = string(coding, "code").map_err(|e| format!("{at}.{e}"))?;
            Ok((link, Answer::Coding(system, code)))
        }
        _ => Err(format!(
            "{at}.answer[0] has `{}`, not one valueInteger or valueCoding",
            keys.join("`, `")
        )),
    }
}

/// `value` as an object with exactly the keys `keys` (sorted, as parsed objects are).
fn object<'a>(value: &'a Value, at: &str, keys: &[&str]) -> Result<&'a Map, String> {
    let Value::Object(map) = value else {
        return Err(format!("{at} is not an object"));
    };
    let found: Vec<&str> = map.keys().map(String::as_str).collect();
    if found != keys {
        // Joined by hand: `{:?}` would bring Rust's debug formatting into the wasm.
        return Err(format!(
            "{at} has the keys `{}`, not `{}`",
            found.join("`, `"),
            keys.join("`, `")
        ));
    }
    Ok(map)
}

fn string<'a>(map: &'a Map, key: &str) -> Result<&'a str, String> {
    match map.get(key) {
        Some(Value::String(text)) => Ok(text),
        _ => Err(format!("{key} is not text")),
    }
}

fn expect_str(map: &Map, key: &str, expected: &str) -> Result<(), String> {
    let found = string(map, key)?;
    if found == expected {
        Ok(())
    } else {
        Err(format!("{key} is `{found}`, not `{expected}`"))
    }
}
