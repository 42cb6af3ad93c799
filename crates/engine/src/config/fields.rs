//! Checks of single values, shared by the JSON and attribute readers so that a value
//! means the same and fails the same way in either.

use super::check::{self, quote};
use super::suggest::{hint, list};
use super::{Emit, Problems};
use crate::crisis::regions;
use crate::flow::Mode;
use crate::instrument::{instrument as instrument_data, InstrumentId};
use crate::lang::Lang;
use crate::precheck::Precheck;
use crate::scoring::Cutoffs;

pub fn text(value: &str, max: usize) -> Result<String, String> {
    check::text(value, max).map(|()| value.trim().to_owned())
}

pub fn url(value: &str) -> Result<String, String> {
    if value.chars().count() > super::MAX_URL {
        return Err(format!("is longer than {} characters", super::MAX_URL));
    }
    check::url(value).map(|()| value.to_owned())
}

pub fn phone(value: &str) -> Result<String, String> {
    check::text(value, super::MAX_PHONE)?;
    let value = value.trim();
    check::phone(value).map(|()| value.to_owned())
}

fn keyword<T: Copy>(value: &str, known: &[(&'static str, T)], what: &str) -> Result<T, String> {
    if let Some(&(_, t)) = known.iter().find(|(k, _)| *k == value) {
        return Ok(t);
    }
    let names: Vec<&'static str> = known.iter().map(|(k, _)| *k).collect();
    Err(format!(
        "{} is not a known {what}; allowed: {}{}",
        quote(value),
        list(&names),
        hint(value, &names)
    ))
}

pub fn instrument(value: &str) -> Result<InstrumentId, String> {
    in_this_build(value)?;
    let known = InstrumentId::ALL.map(|i| (i.as_str(), i));
    keyword(value, &known, "instrument")
}

/// In selfcheck.js, a choice only selfcheck-plus.js has is refused by name, with the fix.
fn in_this_build(value: &str) -> Result<(), String> {
    if crate::instrument::PLUS_ONLY.contains(&value) {
        return Err(only_in_plus(value));
    }
    Ok(())
}

fn only_in_plus(value: &str) -> String {
    format!(
        "{} is only in {}: load it instead of {} (the snippet builder writes the tag)",
        quote(value),
        crate::PLUS_SCRIPT,
        crate::DEFAULT_SCRIPT
    )
}

pub fn mode(value: &str) -> Result<Mode, String> {
    let known = Mode::ALL.map(|m| (m.as_str(), m));
    keyword(value, &known, "mode")
}

/// The words of `resume`, and whether each keeps answers for a reload.
pub const RESUME: [(&str, bool); 2] = [("session", true), ("off", false)];

pub fn resume(value: &str) -> Result<bool, String> {
    keyword(value, &RESUME, "resume setting")
}

/// The words of `carry`, and whether each lets the visitor take the results away.
pub const CARRY: [(&str, bool); 2] = [("off", false), ("on", true)];

/// `carry`: `on` needs the code only selfcheck-plus.js has.
pub fn carry(value: &str) -> Result<bool, String> {
    let carry = keyword(value, &CARRY, "carry setting")?;
    if carry && !cfg!(plus) {
        return Err(only_in_plus(value));
    }
    Ok(carry)
}

pub fn emit(value: &str) -> Result<Emit, String> {
    let known = Emit::ALL.map(|e| (e.as_str(), e));
    keyword(value, &known, "emit setting")
}

/// A cut-off for `id` as written: one of its choices, digits only, for an attribute's text and
/// a JSON number's alike.
pub fn cutoff(id: InstrumentId, value: &str) -> Result<u8, String> {
    Cutoffs::parse(id, value).ok_or_else(|| {
        let data = instrument_data(id);
        let allowed: Vec<String> = data
            .scoring
            .cutoff_choice
            .as_ref()
            .map_or(&[][..], |choice| choice.choices)
            .iter()
            .map(u8::to_string)
            .collect();
        let allowed: Vec<&str> = allowed.iter().map(String::as_str).collect();
        // No "did you mean": a near number is not a typo of the cut-off meant.
        format!(
            "{} is not a cut-off that can be chosen for the {}; allowed: {} (the default is {})",
            quote(value),
            data.short_name,
            list(&allowed),
            data.scoring.positive_at
        )
    })
}

/// A pre-treatment check by its id (`ketamine`), or `none` for none.
pub fn precheck(value: &str) -> Result<Option<Precheck>, String> {
    in_this_build(value)?;
    let mut known: Vec<(&str, Option<Precheck>)> = vec![("none", None)];
    known.extend(Precheck::ALL.map(|p| (p.as_str(), Some(p))));
    keyword(value, &known, "pre-check")
}

pub fn lang(value: &str) -> Result<Lang, String> {
    Lang::parse(value).ok_or_else(|| {
        let codes = Lang::ALL.map(Lang::code);
        format!(
            "{} is not a supported language; allowed: {} (a region such as `es-MX` is fine)",
            quote(value),
            list(&codes)
        )
    })
}

pub fn region(value: &str) -> Result<&'static str, String> {
    crate::crisis::region(value).map(|r| r.code).ok_or_else(|| {
        let codes: Vec<&str> = regions().iter().map(|r| r.code).collect();
        let uk = if value.eq_ignore_ascii_case("UK") { "; the United Kingdom is `GB`" } else { "" };
        format!(
            "{} is not a region with crisis resources; allowed: {}{uk}; or give crisisResources instead",
            quote(value),
            list(&codes)
        )
    })
}

/// Checks a list of instrument ids read from `entries` (field path, value) and
/// returns it if every entry is good; duplicates point at the second mention.
pub fn instruments(
    entries: &[(String, &str)],
    list_field: &str,
    problems: &mut Problems,
) -> Option<Vec<InstrumentId>> {
    if entries.is_empty() {
        let ids = InstrumentId::ALL.map(InstrumentId::as_str);
        problems.add(
            list_field,
            format!("is empty; list at least one of {}", list(&ids)),
        );
        return None;
    }
    if entries.len() > super::MAX_INSTRUMENT_ENTRIES {
        problems.add(
            list_field,
            format!(
                "has {} entries; there are only {} instruments",
                entries.len(),
                InstrumentId::ALL.len()
            ),
        );
        return None;
    }
    let mut ids: Vec<(InstrumentId, &str)> = Vec::new();
    let mut ok = true;
    for (field, value) in entries {
        match instrument(value) {
            Ok(id) => {
                if let Some((_, first)) = ids.iter().find(|(seen, _)| *seen == id) {
                    let place = if *first == field.as_str() {
                        String::new()
                    } else {
                        format!(" (first at {first})")
                    };
                    problems.add(
                        field,
                        format!("`{id}` is listed twice{place}; list each instrument once"),
                    );
                    ok = false;
                } else {
                    ids.push((id, field));
                }
            }
            Err(why) => {
                problems.add(field, why);
                ok = false;
            }
        }
    }
    ok.then(|| ids.into_iter().map(|(id, _)| id).collect())
}
