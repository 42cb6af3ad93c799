//! The configuration contract as data: every attribute and JSON key, what each takes, and the
//! lists behind them (instruments, crisis regions, languages), read from the same constants
//! and enums that the checks use. The build writes it to `dist/selfcheck.facts.json` for the
//! snippet builder and generates the loader's list of observed attributes from [`ATTRIBUTES`],
//! so no other file keeps its own copy of these facts.
//!
//! Native code only calls this (the build and tests); the widget never does, so none of it
//! reaches the wasm.

use super::attrs::{ATTRIBUTES, CONFIG_ATTRIBUTE};
use super::check::SCHEMES_ALLOWED;
use super::fields::{CARRY, RESUME};
use super::json::{KEYS, RESOURCE_KEYS};
use super::{Config, Emit, MAX_HOURS, MAX_LABEL, MAX_NAME, MAX_PHONE, MAX_RESOURCES, MAX_URL};
use crate::crisis::regions;
use crate::flow::Mode;
use crate::instrument::{instrument, InstrumentId};
use crate::json::{Map, Value};
use crate::lang::Lang;
use crate::precheck::Precheck;
use crate::scoring::Cutoffs;

/// What an attribute takes, in words and, where the values are a closed list, as that list.
struct Takes {
    words: String,
    values: Vec<String>,
    max_chars: Option<usize>,
    default: Option<String>,
    /// Values only selfcheck-plus.js accepts: the builder writes that script for them.
    plus_only: Vec<String>,
}

impl Takes {
    fn words(words: impl Into<String>) -> Takes {
        Takes {
            words: words.into(),
            values: Vec::new(),
            max_chars: None,
            default: None,
            plus_only: Vec::new(),
        }
    }

    fn one_of(words: &str, values: impl IntoIterator<Item = impl Into<String>>) -> Takes {
        Takes {
            values: values.into_iter().map(Into::into).collect(),
            ..Takes::words(words)
        }
    }

    fn at_most(self, max_chars: usize) -> Takes {
        Takes {
            max_chars: Some(max_chars),
            ..self
        }
    }

    fn only_in_plus(self, values: &[&str]) -> Takes {
        Takes {
            plus_only: values.iter().map(|value| value.to_string()).collect(),
            ..self
        }
    }

    fn by_default(self, default: impl Into<String>) -> Takes {
        Takes {
            default: Some(default.into()),
            ..self
        }
    }
}

/// The rule a booking link must pass, in words (the code is `check::url`).
fn booking_link_rule() -> String {
    format!(
        "a link; {SCHEMES_ALLOWED}; with a host (`//` and a name) for https: and http:, and no \
         user name or password before `@`; an e-mail address for mailto:; digits and the usual \
         punctuation for tel:; no whitespace, control characters or backslashes; at most \
         {MAX_URL} characters"
    )
}

/// The word of a keyword setting (`resume`, `carry`) that means `value`.
fn word_for(words: &[(&'static str, bool)], value: bool) -> &'static str {
    words
        .iter()
        .find(|(_, means)| *means == value)
        .map_or("", |(word, _)| word)
}

/// `None` for a name the engine does not read: the test below keeps every attribute described.
fn takes(attribute: &str) -> Option<Takes> {
    let defaults = Config::default();
    Some(match attribute {
        "instruments" => Takes::one_of(
            "instrument ids, separated by spaces or commas, each once, asked in that order",
            InstrumentId::ALL.map(InstrumentId::as_str),
        )
        .by_default(
            defaults
                .instruments
                .iter()
                .map(|id| id.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        ),
        "mode" => Takes::one_of(
            "`full` asks every item; `adaptive` asks the short screeners first and the rest only if they are positive",
            Mode::ALL.map(Mode::as_str),
        )
        .by_default(defaults.mode.as_str()),
        "lang" => Takes::one_of(
            "a language code; a region such as `es-MX` is fine; without it, the page's language, else the browser's",
            Lang::ALL.map(Lang::code),
        ),
        "clinic-name" => Takes::words("text").at_most(MAX_NAME),
        "booking-url" => Takes::words(booking_link_rule()).at_most(MAX_URL),
        "booking-label" => {
            Takes::words("text, the booking button's; needs a booking link").at_most(MAX_LABEL)
        }
        "crisis-region" => Takes::one_of(
            "a region code, in any case: the region's helplines and emergency number",
            regions().iter().map(|region| region.code),
        )
        .by_default(defaults.crisis.region.unwrap_or_default()),
        "resume" => Takes::one_of(
            "`session` keeps the answers for a reload of the tab; `off` keeps nothing",
            RESUME.map(|(word, _)| word),
        )
        .by_default(word_for(&RESUME, defaults.resume)),
        "emit" => Takes::one_of(
            "what `selfcheck:complete` and `selfcheck:booking` carry",
            Emit::ALL.map(Emit::as_str),
        )
        .by_default(defaults.emit.as_str()),
        "precheck" => Takes::one_of(
            "a short pre-treatment section after the questionnaires that lists topics to discuss with the clinic; its answers are never in an event",
            ["none"].into_iter().chain(Precheck::ALL.map(Precheck::as_str)),
        )
        .by_default("none"),
        "carry" => Takes::one_of(
            "`on` lets the visitor save the results as a FHIR file, show them as a QR code and compare them with a file saved earlier (selfcheck-plus.js only); `off` offers none of these",
            CARRY.map(|(word, _)| word),
        )
        .by_default(word_for(&CARRY, defaults.carry))
        // `on` runs code only selfcheck-plus.js has.
        .only_in_plus(&[word_for(&CARRY, true)]),
        _ if Cutoffs::instrument_of(attribute).is_some() => {
            let id = Cutoffs::instrument_of(attribute)?;
            let data = instrument(id);
            let choices = data.scoring.cutoff_choice.as_ref()?.choices;
            Takes::one_of(
                &format!("the {} score that screens positive", data.short_name),
                choices.iter().map(u8::to_string),
            )
            .by_default(defaults.cutoffs.positive_at(id).to_string())
        }
        CONFIG_ATTRIBUTE => Takes::words(
            "the id of a `<script type=\"application/json\">` holding a configuration object; attributes override its keys",
        ),
        _ => return None,
    })
}

/// `clinic-name` → `clinicName`: the JSON key of an attribute, as the README states the rule.
fn camel_case(attribute: &str) -> String {
    let mut out = String::with_capacity(attribute.len());
    let mut upper = false;
    for c in attribute.chars() {
        if c == '-' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The JSON key that sets the same thing as `attribute`, if there is one.
fn key_of(attribute: &str) -> Option<&'static str> {
    let key = camel_case(attribute);
    KEYS.iter().copied().find(|known| *known == key)
}

fn strings<'a>(values: impl IntoIterator<Item = &'a str>) -> Value {
    Value::Array(values.into_iter().map(Value::str).collect())
}

fn attribute_entry(attribute: &str) -> Value {
    let takes = takes(attribute).unwrap_or_else(|| Takes::words(""));
    let mut entry = Map::new();
    entry.push("attribute", Value::str(attribute));
    entry.push("key", key_of(attribute).map_or(Value::Null, Value::str));
    entry.push("takes", Value::str(&takes.words));
    if !takes.values.is_empty() {
        entry.push("values", strings(takes.values.iter().map(String::as_str)));
    }
    if let Some(max) = takes.max_chars {
        entry.push("maxChars", Value::int(max as u64));
    }
    entry.push(
        "default",
        takes.default.as_deref().map_or(Value::Null, Value::str),
    );
    if !takes.plus_only.is_empty() {
        entry.push(
            "plusOnly",
            strings(takes.plus_only.iter().map(String::as_str)),
        );
    }
    Value::Object(entry)
}

/// The JSON keys, each with its attribute; what a key without one takes.
fn key_entry(key: &'static str) -> Value {
    let attribute = ATTRIBUTES
        .iter()
        .copied()
        .find(|attribute| key_of(attribute) == Some(key));
    let mut entry = Map::new();
    entry.push("key", Value::str(key));
    entry.push("attribute", attribute.map_or(Value::Null, Value::str));
    let written_as = match key {
        "instruments" => "an array of instrument ids",
        _ if key.ends_with("Cutoff") => "a number",
        "crisisResources" => "an array of objects",
        _ => "a string",
    };
    entry.push("type", Value::str(written_as));
    if key == "crisisResources" {
        entry.push(
            "takes",
            Value::String(format!(
                "1 to {MAX_RESOURCES} helplines that replace the region's, each with the fields {}: a \
                 name (text, at most {MAX_NAME} characters) and at least one of phone, sms and url; \
                 phone and sms are digits, spaces and `+ - ( ) .`, at most {MAX_PHONE} characters; \
                 url as a booking link; hours text, at most {MAX_HOURS} characters",
                RESOURCE_KEYS.join(", ")
            )),
        );
    }
    Value::Object(entry)
}

/// selfcheck.js for what the default build has, else selfcheck-plus.js.
fn script_for(in_default_build: bool) -> &'static str {
    if in_default_build {
        crate::DEFAULT_SCRIPT
    } else {
        crate::PLUS_SCRIPT
    }
}

/// The whole contract as JSON (see the module's documentation).
pub fn facts() -> String {
    let mut facts = Map::new();
    let attributes = ATTRIBUTES
        .iter()
        .copied()
        .chain([CONFIG_ATTRIBUTE])
        .map(attribute_entry);
    facts.push("attributes", Value::Array(attributes.collect()));
    facts.push(
        "keys",
        Value::Array(KEYS.iter().copied().map(key_entry).collect()),
    );
    let instruments = InstrumentId::ALL.map(|id| {
        let data = instrument(id);
        let mut entry = Map::new();
        entry.push("id", Value::str(id.as_str()));
        entry.push("shortName", Value::str(data.short_name));
        entry.push("topic", Value::str(data.topic.get(Lang::En)));
        entry.push(
            "languages",
            strings(data.offered.iter().map(|lang| lang.code())),
        );
        // The attribute that chooses its cut-off, where a clinic may choose one: the snippet
        // builder offers that choice only while the instrument is asked.
        if let Some(choice) = &data.scoring.cutoff_choice {
            entry.push("cutoffAttribute", Value::str(choice.attribute));
        }
        // The script that has it: the default build has the default instruments only.
        entry.push(
            "script",
            Value::str(script_for(InstrumentId::DEFAULT.contains(&id))),
        );
        Value::Object(entry)
    });
    facts.push("instruments", Value::Array(instruments.to_vec()));
    // The two builds' scripts, by role: each instrument and pre-check names the one that has it.
    let mut scripts = Map::new();
    scripts.push("default", Value::str(crate::DEFAULT_SCRIPT));
    scripts.push("plus", Value::str(crate::PLUS_SCRIPT));
    facts.push("scripts", Value::Object(scripts));
    // The pre-checks by name, for the builder's labels; `precheck`'s values list their ids.
    let prechecks = Precheck::ALL.map(|precheck| {
        let mut entry = Map::new();
        entry.push("id", Value::str(precheck.as_str()));
        entry.push("title", Value::str(precheck.table().title.get(Lang::En)));
        entry.push("questions", Value::int(precheck.question_count() as u64));
        entry.push("script", Value::str(script_for(false)));
        Value::Object(entry)
    });
    facts.push("prechecks", Value::Array(prechecks.to_vec()));
    let crisis_regions = regions().iter().map(|region| {
        let mut entry = Map::new();
        entry.push("code", Value::str(region.code));
        entry.push("name", Value::str(region.name.get(Lang::En)));
        entry.push("emergency", Value::str(region.emergency.number));
        Value::Object(entry)
    });
    facts.push("crisisRegions", Value::Array(crisis_regions.collect()));
    let languages = Lang::ALL.map(|lang| {
        let mut entry = Map::new();
        entry.push("code", Value::str(lang.code()));
        entry.push("dir", Value::str(lang.dir()));
        Value::Object(entry)
    });
    facts.push("languages", Value::Array(languages.to_vec()));
    facts.push("bookingLink", Value::String(booking_link_rule()));
    Value::Object(facts).to_json()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_attribute_is_described() {
        for attribute in ATTRIBUTES.iter().chain([&CONFIG_ATTRIBUTE]) {
            let described = takes(attribute).map(|takes| takes.words);
            assert!(
                described.is_some_and(|words| !words.is_empty()),
                "{attribute}"
            );
        }
    }

    #[test]
    fn every_attribute_but_config_has_its_json_key() {
        for attribute in ATTRIBUTES {
            assert!(key_of(attribute).is_some(), "{attribute} has no JSON key");
        }
        assert_eq!(key_of(CONFIG_ATTRIBUTE), None);
    }

    /// The engine reads a cut-off attribute by its instrument's data alone, but the loader
    /// observes, the facts list and the hints suggest only what ATTRIBUTES and KEYS name.
    #[test]
    fn every_cut_off_a_clinic_may_choose_is_listed_as_an_attribute_and_a_key() {
        for id in InstrumentId::ALL {
            if let Some(choice) = &instrument(id).scoring.cutoff_choice {
                assert!(
                    ATTRIBUTES.contains(&choice.attribute),
                    "{id}: add `{}` to ATTRIBUTES in config/attrs.rs",
                    choice.attribute
                );
                assert!(
                    key_of(choice.attribute).is_some(),
                    "{id}: add `{}` to KEYS in config/json.rs",
                    camel_case(choice.attribute)
                );
            }
        }
    }

    #[test]
    fn attribute_names_become_camel_case_keys() {
        assert_eq!(camel_case("clinic-name"), "clinicName");
        assert_eq!(camel_case("ptsd-cutoff"), "ptsdCutoff");
        assert_eq!(camel_case("mode"), "mode");
        // The build writes each cut-off's JSON key by the same rule.
        for id in InstrumentId::ALL {
            if let Some(choice) = &instrument(id).scoring.cutoff_choice {
                assert_eq!(camel_case(choice.attribute), choice.json_key);
            }
        }
    }

    #[test]
    fn every_default_is_one_of_the_values() {
        for attribute in ATTRIBUTES {
            let takes = takes(attribute).unwrap();
            if let (Some(default), false) = (&takes.default, takes.values.is_empty()) {
                for part in default.split(' ') {
                    assert!(
                        takes.values.iter().any(|value| value == part),
                        "{attribute}: {part}"
                    );
                }
            }
        }
    }
}
