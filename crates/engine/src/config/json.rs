//! Walks the configuration's JSON by hand, so that every problem is found, not just
//! the first one serde would stop at.

use crate::json::{Map, Value};

use super::check::quote;
use super::suggest::hint;
use super::{fields, CrisisResource, Draft, Problems};
use super::{MAX_HOURS, MAX_LABEL, MAX_NAME, MAX_RESOURCES};

pub const KEYS: &[&str] = &[
    "instruments",
    "mode",
    "lang",
    "clinicName",
    "bookingUrl",
    "bookingLabel",
    "crisisRegion",
    "crisisResources",
    "resume",
    "emit",
    "ptsdCutoff",
    "auditcCutoff",
    "precheck",
    "carry",
];

pub const RESOURCE_KEYS: &[&str] = &["name", "phone", "sms", "url", "hours"];

/// Names a JSON value's kind, with the value if it is short, for "found" messages.
fn found(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {}", quote(n)),
        Value::String(s) => format!("the string {}", quote(s)),
        Value::Array(a) => format!("an array of {}", a.len()),
        Value::Object(_) => "an object".into(),
    }
}

/// The string at `field`, or a problem saying what was found instead.
fn string<'v>(value: &'v Value, field: &str, problems: &mut Problems) -> Option<&'v str> {
    match value {
        Value::String(s) => Some(s),
        Value::Null => {
            problems.add(
                field,
                "expected a string, found null; leave the field out to use the default",
            );
            None
        }
        other => {
            problems.add(field, format!("expected a string, found {}", found(other)));
            None
        }
    }
}

/// Runs `check` on the string at `field`, recording its problem.
fn checked<T>(
    value: &Value,
    field: &str,
    problems: &mut Problems,
    check: impl FnOnce(&str) -> Result<T, String>,
) -> Option<T> {
    let s = string(value, field, problems)?;
    check(s).map_err(|why| problems.add(field, why)).ok()
}

pub fn read(text: &str, draft: &mut Draft, problems: &mut Problems) {
    let root = match crate::json::parse(text) {
        Ok(v) => v,
        Err(e) => {
            problems.add("config", format!("is not valid JSON: {e}"));
            return;
        }
    };
    let Value::Object(map) = root else {
        problems.add(
            "config",
            format!("expected a JSON object, found {}", found(&root)),
        );
        return;
    };
    for (key, value) in &map {
        let field = key.as_str();
        match field {
            "instruments" => draft.instruments = instruments(value, problems),
            "mode" => draft.mode = checked(value, field, problems, fields::mode),
            "lang" => draft.lang = checked(value, field, problems, fields::lang),
            "clinicName" => {
                draft.clinic_name = checked(value, field, problems, |s| fields::text(s, MAX_NAME))
            }
            "bookingUrl" => draft.booking_url = checked(value, field, problems, fields::url),
            "bookingLabel" => {
                draft.booking_label =
                    checked(value, field, problems, |s| fields::text(s, MAX_LABEL));
                draft.booking_label_field = "bookingLabel";
            }
            "crisisRegion" => draft.crisis_region = checked(value, field, problems, fields::region),
            "crisisResources" => draft.crisis_resources = resources(value, problems),
            "resume" => draft.resume = checked(value, field, problems, fields::resume),
            "emit" => draft.emit = checked(value, field, problems, fields::emit),
            "precheck" => draft.precheck = checked(value, field, problems, fields::precheck),
            "carry" => draft.carry = checked(value, field, problems, fields::carry),
            _ if cutoff_instrument(field).is_some() => {
                if let Some(id) = cutoff_instrument(field) {
                    if let Some(at) = cutoff(id, value, field, problems) {
                        draft.cutoffs.push((id, at));
                    }
                }
            }
            "" => problems.add(
                "config",
                format!(
                    "has a field with an empty name; known fields: {}",
                    KEYS.join(", ")
                ),
            ),
            _ => problems.add(
                field,
                format!("is not a known field{}", unknown_hint(field, KEYS)),
            ),
        }
    }
}

fn unknown_hint(field: &str, keys: &[&'static str]) -> String {
    let h = hint(field, keys);
    if h.is_empty() {
        format!("; known fields: {}", keys.join(", "))
    } else {
        h
    }
}

/// The instrument whose cut-off this JSON key (`ptsdCutoff`) chooses.
fn cutoff_instrument(key: &str) -> Option<super::InstrumentId> {
    super::InstrumentId::ALL.into_iter().find(|&id| {
        crate::instrument::instrument(id)
            .scoring
            .cutoff_choice
            .as_ref()
            .is_some_and(|choice| choice.json_key == key)
    })
}

/// A number, as the papers give cut-offs; a string is refused, as a number is wherever a
/// string is expected, but the message says how to write it.
fn cutoff(
    id: super::InstrumentId,
    value: &Value,
    field: &str,
    problems: &mut Problems,
) -> Option<u8> {
    match value {
        Value::Number(number) => fields::cutoff(id, number)
            .map_err(|why| problems.add(field, why))
            .ok(),
        Value::Null => {
            problems.add(
                field,
                "expected a number, found null; leave the field out to use the default",
            );
            None
        }
        Value::String(s) if fields::cutoff(id, s).is_ok() => {
            problems.add(
                field,
                format!(
                    "expected a number, found {}; write {s} without quotes",
                    found(value)
                ),
            );
            None
        }
        other => {
            problems.add(field, format!("expected a number, found {}", found(other)));
            None
        }
    }
}

fn instruments(value: &Value, problems: &mut Problems) -> Option<Vec<super::InstrumentId>> {
    let Value::Array(items) = value else {
        problems.add(
            "instruments",
            format!(
                "expected an array of instrument ids, found {}",
                found(value)
            ),
        );
        return None;
    };
    if items.len() > super::MAX_INSTRUMENT_ENTRIES {
        problems.add(
            "instruments",
            format!(
                "has {} entries; there are only {} instruments",
                items.len(),
                super::InstrumentId::ALL.len()
            ),
        );
        return None;
    }
    let mut entries = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let field = format!("instruments[{i}]");
        if let Some(s) = string(item, &field, problems) {
            entries.push((field, s));
        }
    }
    if entries.len() < items.len() {
        // The strings among them still get checked, for a complete report.
        if !entries.is_empty() {
            fields::instruments(&entries, "instruments", problems);
        }
        return None;
    }
    fields::instruments(&entries, "instruments", problems)
}

fn resources(value: &Value, problems: &mut Problems) -> Option<Vec<CrisisResource>> {
    let Value::Array(items) = value else {
        problems.add(
            "crisisResources",
            format!(
                "expected an array of {{name, phone, sms, url, hours}} objects, found {}",
                found(value)
            ),
        );
        return None;
    };
    if items.is_empty() {
        problems.add(
            "crisisResources",
            "is empty; give at least one resource, or use crisisRegion",
        );
        return None;
    }
    if items.len() > MAX_RESOURCES {
        problems.add(
            "crisisResources",
            format!(
                "has {} resources; at most {MAX_RESOURCES} are shown, so list the most useful",
                items.len()
            ),
        );
        return None;
    }
    let mut out = Vec::with_capacity(items.len());
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        match resource(item, &format!("crisisResources[{i}]"), problems) {
            Some(r) => out.push(r),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

fn resource(value: &Value, at: &str, problems: &mut Problems) -> Option<CrisisResource> {
    let Value::Object(map) = value else {
        problems.add(
            at,
            format!(
                "expected an object with name, phone, sms, url, hours; found {}",
                found(value)
            ),
        );
        return None;
    };
    let before = problems.0.len();
    let field = |key: &str| format!("{at}.{key}");
    let get =
        |key: &str, problems: &mut Problems, check: &dyn Fn(&str) -> Result<String, String>| {
            map.get(key)
                .and_then(|v| checked(v, &field(key), problems, check))
        };
    let name = get("name", problems, &|s| fields::text(s, MAX_NAME));
    if !map.contains_key("name") {
        problems.add(field("name"), "is missing; every resource needs a name");
    }
    let phone = get("phone", problems, &fields::phone);
    let sms = get("sms", problems, &fields::phone);
    let url = get("url", problems, &fields::url);
    let hours = get("hours", problems, &|s| fields::text(s, MAX_HOURS));
    if !["phone", "sms", "url"].iter().any(|k| map.contains_key(k)) {
        problems.add(
            at,
            "has none of phone, sms, url; give at least one way to reach it",
        );
    }
    unknown(map, at, problems);
    if problems.0.len() > before {
        return None;
    }
    Some(CrisisResource {
        name: name?,
        phone,
        sms,
        url,
        hours,
    })
}

fn unknown(map: &Map, at: &str, problems: &mut Problems) {
    for key in map.keys().filter(|k| !RESOURCE_KEYS.contains(&k.as_str())) {
        if key.is_empty() {
            problems.add(
                at,
                format!(
                    "has a field with an empty name; known fields: {}",
                    RESOURCE_KEYS.join(", ")
                ),
            );
            continue;
        }
        problems.add(
            format!("{at}.{key}"),
            format!("is not a known field{}", unknown_hint(key, RESOURCE_KEYS)),
        );
    }
}
