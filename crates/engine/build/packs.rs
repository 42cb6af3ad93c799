//! The language packs, `data/lang/<code>.json`: everything a visitor reads, one file per
//! language, in the shape a translator edits. The build checks each pack against the
//! instrument and crisis files and against English, then writes the flat pack the widget
//! downloads (`OUT_DIR/packs/<code>.json`) and the `Lang` enum.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::Value;

use crate::check;
use crate::model::{CrisisFile, InstrumentFile, PrecheckFile};

/// Top-level members of a pack that are about the pack, not shown to a visitor.
const ABOUT_PACK: [&str; 4] = ["lang", "about", "dir", "not_translated"];
/// Members of an instrument's wording that say where it comes from; not shown to a visitor.
const ABOUT_WORDING: [&str; 4] = ["sources", "verified", "checked", "in_english"];
/// The parts of an instrument's wording that a translation may leave in English, with the
/// reason (`in_english`): the credit line and the title, where the translated form's own could
/// not be verified. The questions, answers and instructions are never among them: an instrument
/// whose questions cannot be verified is not translated at all (`not_translated`).
const MAY_STAY_ENGLISH: [&str; 2] = ["title", "credit"];
/// Sections every pack words in full, with exactly English's keys and placeholders.
const SHARED: [&str; 5] = ["ui", "loader", "crisis", "bands", "precheck"];

thread_local! {
    /// Every key of the downloaded packs, with its place: the core pack's texts first, then the
    /// extra pack's (numbered on from the core's).
    static KEY_ORDER: RefCell<BTreeMap<String, usize>> = const { RefCell::new(BTreeMap::new()) };
}

/// A key's place in the downloaded packs. The emitter asks only for keys the packs were checked
/// to have, so a miss is a bug in the build script.
pub fn index_of(key: &str) -> usize {
    KEY_ORDER.with(|order| {
        order
            .borrow()
            .get(key)
            .copied()
            .unwrap_or_else(|| panic!("no text `{key}` in the packs"))
    })
}

/// Texts only a clinic's choice needs (an instrument outside the default configuration, a
/// pre-treatment check) go in a second pack per language, `selfcheck.<code>.extra.json`, which
/// the loader fetches only for a widget configured to show them: the default configuration does
/// not download them.
pub struct Split {
    /// `auditc.`, `bands.auditc.`, `precheck.`, and a few `ui.` keys whole
    pub extra_prefixes: Vec<String>,
}

impl Split {
    pub fn new(instruments: &[&InstrumentFile], in_default: &[&str]) -> Split {
        let mut extra_prefixes = vec!["precheck.".to_string()];
        // Interface wording only those screens use: the count field, the pre-check's topic
        // list, the intro's line for a count's score, and carrying the results away.
        extra_prefixes.extend(
            [
                "ui.count_hint",
                "ui.count_invalid",
                "ui.your_answer",
                "ui.precheck_no_topics",
                "ui.intro_emit_count",
                "ui.carry_",
            ]
            .map(String::from),
        );
        for file in instruments {
            if !in_default.contains(&file.id.as_str()) {
                extra_prefixes.push(format!("{}.", file.id));
                extra_prefixes.push(format!("bands.{}.", file.id));
            }
        }
        Split { extra_prefixes }
    }

    pub fn is_extra(&self, key: &str) -> bool {
        self.extra_prefixes
            .iter()
            .any(|prefix| key.starts_with(prefix))
    }
}

pub struct Pack {
    pub code: String,
    pub variant: String,
    pub rtl: bool,
    /// Flat keys (`ui.start`, `phq9.items.0`, `crisis.US.name`) to the text.
    pub strings: BTreeMap<String, String>,
    /// The instruments this pack words; the others are shown in English.
    pub instruments: Vec<String>,
    /// Keys of worded instruments that stay in English (`phq9.credit`), shown marked as English.
    pub in_english: Vec<String>,
}

pub struct Packs {
    /// English first: it defines which keys exist.
    pub list: Vec<Pack>,
    pub split: Split,
}

/// `fr-CA` → `FrCa`.
fn variant_of(code: &str) -> String {
    code.split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_ascii_uppercase().to_string() + &chars.as_str().to_ascii_lowercase()
            })
        })
        .collect()
}

/// The keys an instrument's wording must have, from its structure.
fn instrument_keys(file: &InstrumentFile) -> Vec<String> {
    let id = &file.id;
    let mut keys: Vec<String> = ["title", "topic", "credit"]
        .iter()
        .map(|k| format!("{id}.{k}"))
        .collect();
    if file.has_stem {
        keys.push(format!("{id}.stem"));
    }
    let numbered = |keys: &mut Vec<String>, prefix: String, count: usize| {
        keys.extend((0..count).map(|i| format!("{prefix}.{i}")));
    };
    if file.options_per_item {
        for item in 0..file.items {
            numbered(
                &mut keys,
                format!("{id}.options.{item}"),
                file.options.len(),
            );
        }
    } else {
        numbered(&mut keys, format!("{id}.options"), file.options.len());
    }
    if file.item_note.is_some() {
        keys.push(format!("{id}.item_note"));
    }
    numbered(&mut keys, format!("{id}.items"), file.items);
    if let Some(gate) = &file.gate {
        keys.push(format!("{id}.gate.intro"));
        keys.push(format!("{id}.gate.text"));
        numbered(&mut keys, format!("{id}.gate.examples"), gate.examples);
        numbered(&mut keys, format!("{id}.gate.options"), gate.options.len());
    }
    if let Some(follow_up) = &file.follow_up {
        keys.push(format!("{id}.follow_up.text"));
        numbered(
            &mut keys,
            format!("{id}.follow_up.options"),
            follow_up.options.len(),
        );
    }
    keys.sort();
    keys
}

fn flatten(
    value: &Value,
    prefix: &str,
    out: &mut BTreeMap<String, String>,
    report: &mut dyn FnMut(&str, String),
) {
    match value {
        Value::String(text) => {
            if let Err(why) = check::text(text, 2000) {
                report(prefix, why);
            }
            out.insert(prefix.to_string(), text.clone());
        }
        // An optional text that this place does not have (a resource without a note).
        Value::Null => {}
        Value::Object(members) => {
            for (key, member) in members {
                flatten(member, &format!("{prefix}.{key}"), out, report);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                flatten(item, &format!("{prefix}.{i}"), out, report);
            }
        }
        _ => report(prefix, "must be a text (or null where optional)".into()),
    }
}

fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names
}

pub fn read_one(
    code: &str,
    value: &Value,
    instruments: &[&InstrumentFile],
    report: &mut dyn FnMut(&str, String),
) -> Pack {
    let mut pack = Pack {
        code: code.to_string(),
        variant: variant_of(code),
        rtl: false,
        strings: BTreeMap::new(),
        instruments: Vec::new(),
        in_english: Vec::new(),
    };
    let Some(members) = value.as_object() else {
        report("", "must be a JSON object".into());
        return pack;
    };
    if members.get("lang").and_then(Value::as_str) != Some(code) {
        report("lang", format!("must be `{code}`, the file's name"));
    }
    if !members.get("about").is_some_and(Value::is_string) {
        report(
            "about",
            "must say what the pack is and who translated what (the interface and crisis wording, the instruments)".into(),
        );
    }
    match members.get("dir").map(|dir| dir.as_str()) {
        None | Some(Some("ltr")) => {}
        Some(Some("rtl")) => pack.rtl = true,
        Some(_) => report("dir", "must be \"ltr\" or \"rtl\"".into()),
    }
    let not_translated = members.get("not_translated").and_then(Value::as_object);
    for (key, member) in members {
        if ABOUT_PACK.contains(&key.as_str()) {
            continue;
        }
        // `loader`: the message the loader shows when the widget cannot start, built into
        // selfcheck.js because it must not depend on a download.
        // `bands` and `precheck`: the project's own wording, like `ui`, so every language has
        // all of it, for every instrument.
        if SHARED.contains(&key.as_str()) {
            flatten(member, key, &mut pack.strings, report);
            continue;
        }
        if !instruments.iter().any(|file| &file.id == key) {
            report(
                key,
                format!("is neither one of {SHARED:?} nor an instrument id"),
            );
            continue;
        }
        let Some(wording) = member.as_object() else {
            report(key, "must be an object".into());
            continue;
        };
        let sources = wording.get("sources").and_then(Value::as_array);
        if sources.is_none_or(|sources| sources.is_empty() || !sources.iter().all(Value::is_string))
        {
            report(
                &format!("{key}.sources"),
                "must cite where this wording comes from (at least one text)".into(),
            );
        }
        if !wording.get("verified").is_some_and(Value::is_string) {
            report(
                &format!("{key}.verified"),
                "must say how the wording was checked against its sources".into(),
            );
        }
        for (part, text) in wording {
            if !ABOUT_WORDING.contains(&part.as_str()) {
                flatten(text, &format!("{key}.{part}"), &mut pack.strings, report);
            }
        }
        if let Some(parts) = wording.get("in_english") {
            let Some(parts) = parts.as_object() else {
                report(
                    &format!("{key}.in_english"),
                    "must map a part to the reason it stays in English".into(),
                );
                continue;
            };
            for (part, reason) in parts {
                let at = format!("{key}.in_english.{part}");
                if !MAY_STAY_ENGLISH.contains(&part.as_str()) {
                    report(&at, format!("only {MAY_STAY_ENGLISH:?} may stay in English; an instrument whose questions cannot be verified goes under `not_translated`"));
                } else if reason
                    .as_str()
                    .is_none_or(|reason| reason.trim().is_empty())
                {
                    report(&at, "must give the reason".into());
                } else if pack.strings.contains_key(&format!("{key}.{part}")) {
                    report(&at, "is listed, but the pack words it".into());
                } else {
                    pack.in_english.push(format!("{key}.{part}"));
                }
            }
        }
        pack.instruments.push(key.clone());
    }
    for file in instruments {
        let listed = not_translated.is_some_and(|list| list.contains_key(&file.id));
        let worded = pack.instruments.contains(&file.id);
        if code == "en" && !worded {
            report(&file.id, "English must word every instrument".into());
        } else if !worded && !listed {
            report(
                "not_translated",
                format!("must give the reason `{}` is not translated", file.id),
            );
        } else if worded && listed {
            report(
                &format!("not_translated.{}", file.id),
                "is listed, but the pack words it".into(),
            );
        }
        if worded {
            let expected = instrument_keys(file);
            let prefix = format!("{}.", file.id);
            let found: Vec<&String> = pack
                .strings
                .keys()
                .filter(|k| k.starts_with(&prefix))
                .collect();
            for key in &expected {
                if !pack.strings.contains_key(key) && !pack.in_english.contains(key) {
                    report(key, "is missing".into());
                }
            }
            for key in found {
                if !expected.contains(key) {
                    report(key, "is not a text of this instrument".into());
                }
            }
        }
    }
    pack
}

impl Packs {
    pub fn read(
        instruments: &[&InstrumentFile],
        prechecks: &[&PrecheckFile],
        crisis: &CrisisFile,
        in_default: &[&str],
        errors: &mut Vec<String>,
    ) -> Packs {
        let mut codes: Vec<String> = std::fs::read_dir("data/lang")
            .map(|dir| {
                dir.filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        codes.retain(|name| {
            let json = name.ends_with(".json");
            if !json {
                errors.push(format!("data/lang/{name}: a pack is a .json file"));
            }
            json
        });
        let mut codes: Vec<String> = codes
            .iter()
            .map(|name| name.trim_end_matches(".json").to_string())
            .collect();
        // English first, then by code: English defines the keys every pack must have.
        codes.sort_by_key(|code| (code != "en", code.clone()));
        if codes.first().map(String::as_str) != Some("en") {
            errors.push("data/lang/en.json: the English pack is missing".into());
            return Packs {
                list: Vec::new(),
                split: Split::new(instruments, in_default),
            };
        }
        let mut list = Vec::new();
        for code in codes {
            let file = format!("data/lang/{code}.json");
            let valid_code = code.split('-').enumerate().all(|(i, part)| {
                (if i == 0 { 2..=3 } else { 2..=4 }).contains(&part.len())
                    && part.chars().all(|c| c.is_ascii_alphanumeric())
            }) && code
                .split('-')
                .next()
                .is_some_and(|p| p.chars().all(|c| c.is_ascii_lowercase()));
            if !valid_code {
                errors.push(format!(
                    "{file}: the name must be a BCP 47 tag such as `fr-CA`"
                ));
                continue;
            }
            let value: Value = match std::fs::read_to_string(&file)
                .map_err(|e| e.to_string())
                .and_then(|text| serde_json::from_str(&text).map_err(|e| e.to_string()))
            {
                Ok(value) => value,
                Err(why) => {
                    errors.push(format!("{file}: {why}"));
                    continue;
                }
            };
            let mut report =
                |field: &str, message: String| errors.push(format!("{file}: {field}: {message}"));
            let pack = read_one(&code, &value, instruments, &mut report);
            list.push(pack);
        }
        let packs = Packs {
            list,
            split: Split::new(instruments, in_default),
        };
        packs.check_against_english(instruments, prechecks, crisis, errors);
        packs
    }

    /// Interface and crisis wording: English has the keys the tables need; every pack has
    /// exactly those, with the same placeholders.
    fn check_against_english(
        &self,
        instruments: &[&InstrumentFile],
        prechecks: &[&PrecheckFile],
        crisis: &CrisisFile,
        errors: &mut Vec<String>,
    ) {
        let Some(english) = self.list.first() else {
            return;
        };
        let shared = |key: &&String| {
            SHARED
                .iter()
                .any(|section| key.split('.').next() == Some(section))
        };
        let mut required: Vec<String> = Vec::new();
        for file in instruments {
            required.extend(
                file.scoring
                    .bands
                    .iter()
                    .map(|band| format!("bands.{}.{}", file.id, band.id)),
            );
        }
        for file in prechecks {
            let at = format!("precheck.{}", file.id);
            required.extend(["title", "intro", "topics_heading"].map(|k| format!("{at}.{k}")));
            for (i, q) in file.questions.iter().enumerate() {
                required.push(format!("{at}.questions.{i}.text"));
                required.push(format!("{at}.questions.{i}.topic"));
                if let Some((kind, values)) = crate::validate::PRECHECK_ANSWERS
                    .iter()
                    .find(|(kind, _)| *kind == q.answers)
                {
                    required.extend(
                        values
                            .iter()
                            .map(|v| format!("precheck.answers.{kind}.{v}")),
                    );
                }
            }
        }
        for key in &required {
            if !english.strings.contains_key(key) {
                errors.push(format!("data/lang/en.json: {key}: is missing"));
            }
        }
        for key in english.strings.keys() {
            let owned = key.starts_with("bands.")
                || (key.starts_with("precheck.") && !key.starts_with("precheck.answers."));
            if owned && !required.contains(key) {
                errors.push(format!(
                    "data/lang/en.json: {key}: no instrument band or pre-check question has this text"
                ));
            }
        }
        for region in &crisis.regions {
            let at = format!("crisis.{}", region.code);
            let mut required = vec![format!("{at}.name"), format!("{at}.emergency.label")];
            required
                .extend((0..region.resources.len()).map(|i| format!("{at}.resources.{i}.name")));
            for key in required {
                if !english.strings.contains_key(&key) {
                    errors.push(format!("data/lang/en.json: {key}: is missing"));
                }
            }
        }
        for key in english.strings.keys().filter(shared) {
            if let Some(rest) = key.strip_prefix("crisis.") {
                let code = rest.split('.').next().unwrap_or_default();
                if !crisis.regions.iter().any(|r| r.code == code) {
                    errors.push(format!(
                        "data/lang/en.json: {key}: no region `{code}` in data/crisis.json"
                    ));
                }
            }
        }
        for pack in &self.list[1..] {
            let file = format!("data/lang/{}.json", pack.code);
            for (key, reference) in english.strings.iter().filter(|(k, _)| shared(k)) {
                match pack.strings.get(key) {
                    None => errors.push(format!("{file}: {key}: is missing (English has it)")),
                    Some(text) if placeholders(text) != placeholders(reference) => {
                        errors.push(format!(
                            "{file}: {key}: placeholders {:?} differ from English's {:?}",
                            placeholders(text),
                            placeholders(reference)
                        ))
                    }
                    Some(_) => {}
                }
            }
            for key in pack.strings.keys().filter(shared) {
                if !english.strings.contains_key(key) {
                    errors.push(format!("{file}: {key}: English has no such text"));
                }
            }
        }
    }

    /// Adds the test-only right-to-left pseudo-locale: English, every text mirrored, every
    /// instrument worded (so the questions themselves run right to left).
    pub fn add_pseudo_rtl(&mut self) {
        let Some(english) = self.list.first() else {
            return;
        };
        let pack = Pack {
            code: crate::pseudo::CODE.into(),
            variant: variant_of(crate::pseudo::CODE),
            rtl: true,
            strings: english
                .strings
                .iter()
                .map(|(key, text)| (key.clone(), crate::pseudo::mirror(text)))
                .collect(),
            instruments: english.instruments.clone(),
            in_english: Vec::new(),
        };
        self.list.push(pack);
    }

    pub fn english_has(&self, key: &str) -> bool {
        self.list
            .first()
            .is_some_and(|english| english.strings.contains_key(key))
    }

    /// The `Lang` variants of the packs that word this instrument.
    pub fn offering<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.list
            .iter()
            .filter(move |pack| pack.instruments.iter().any(|i| i == id))
            .map(|pack| pack.variant.as_str())
    }

    /// The packs a visitor downloads, the core one and the extra one: the pack's own texts,
    /// English wording for the instruments it does not translate, and each instrument's citation.
    pub fn runtime(&self, pack: &Pack, instruments: &[&InstrumentFile]) -> (String, String) {
        // The loader's own texts are built into selfcheck.js, never downloaded.
        let mut strings = pack.strings.clone();
        strings.retain(|key, _| !key.starts_with("loader."));
        if let Some(english) = self.list.first() {
            for key in &pack.in_english {
                if let Some(text) = english.strings.get(key) {
                    strings.insert(key.clone(), text.clone());
                }
            }
            for file in instruments {
                if !pack.instruments.contains(&file.id) {
                    let prefix = format!("{}.", file.id);
                    for (key, text) in english.strings.range(prefix.clone()..) {
                        if !key.starts_with(&prefix) {
                            break;
                        }
                        strings.insert(key.clone(), text.clone());
                    }
                }
            }
        }
        for file in instruments {
            if let Some(paper) = file.sources.first() {
                strings.insert(format!("{}.citation", file.id), paper.clone());
            }
        }
        let (core, extra) = self.key_order(instruments);
        // Every pack has English's keys (checked), so the order of one is the order of all;
        // the keys themselves stay out of the download.
        let part = |keys: &[String], name: Option<&str>| {
            let texts: Vec<Value> =
                keys.iter()
                    .map(|key| {
                        Value::String(strings.get(key).cloned().unwrap_or_else(|| {
                            panic!("the {} pack has no text `{key}`", pack.code)
                        }))
                    })
                    .collect();
            let mut out = serde_json::Map::new();
            out.insert("lang".into(), Value::String(pack.code.clone()));
            if let Some(name) = name {
                out.insert("part".into(), Value::String(name.into()));
            }
            out.insert("texts".into(), Value::Array(texts));
            Value::Object(out).to_string()
        };
        assert_eq!(
            strings.len(),
            core.len() + extra.len(),
            "the {} pack's texts are not the build's",
            pack.code
        );
        (part(&core, None), part(&extra, Some("extra")))
    }

    /// The keys of the downloaded packs, in order: English's texts and each instrument's
    /// citation, split into the core pack's and the extra pack's.
    pub fn key_order(&self, instruments: &[&InstrumentFile]) -> (Vec<String>, Vec<String>) {
        let mut keys: Vec<String> = self
            .list
            .first()
            .map(|english| {
                english
                    .strings
                    .keys()
                    .filter(|key| !key.starts_with("loader."))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        keys.extend(
            instruments
                .iter()
                .map(|file| format!("{}.citation", file.id)),
        );
        keys.sort();
        keys.into_iter().partition(|key| !self.split.is_extra(key))
    }

    /// Makes `index_of` answer for these packs.
    pub fn fix_key_order(&self, instruments: &[&InstrumentFile]) {
        let (core, extra) = self.key_order(instruments);
        let order = core
            .into_iter()
            .chain(extra)
            .enumerate()
            .map(|(i, key)| (key, i))
            .collect();
        KEY_ORDER.with(|slot| *slot.borrow_mut() = order);
    }

    /// `Lang`: one variant per pack, English the default.
    pub fn emit_lang(&self, instruments: &[&InstrumentFile]) -> String {
        let (core, extra) = self.key_order(instruments);
        let runtime_len = core.len();
        let extra_len = extra.len();
        let keys: Vec<String> = core.into_iter().chain(extra).collect();
        let mut out = String::new();
        out.push_str("/// A language the widget has a pack for (`data/lang/<code>.json`).\n");
        out.push_str("#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]\npub enum Lang {\n");
        for (i, pack) in self.list.iter().enumerate() {
            if i == 0 {
                out.push_str("    #[default]\n");
            }
            let _ = writeln!(out, "    {},", pack.variant);
        }
        out.push_str("}\n\nimpl Lang {\n");
        let variants: Vec<String> = self
            .list
            .iter()
            .map(|p| format!("Lang::{}", p.variant))
            .collect();
        let _ = writeln!(
            out,
            "    pub const ALL: [Lang; {}] = [{}];\n",
            self.list.len(),
            variants.join(", ")
        );
        out.push_str("    /// The BCP 47 tag of the pack, for `lang` attributes and file names.\n    pub fn code(self) -> &'static str {\n        match self {\n");
        for pack in &self.list {
            let _ = writeln!(
                out,
                "            Lang::{} => {:?},",
                pack.variant, pack.code
            );
        }
        out.push_str("        }\n    }\n\n    /// Whether the language is written right to left.\n    pub fn rtl(self) -> bool {\n        match self {\n");
        for pack in &self.list {
            let _ = writeln!(out, "            Lang::{} => {},", pack.variant, pack.rtl);
        }
        out.push_str("        }\n    }\n}\n\n");
        let _ = writeln!(
            out,
            "/// How many texts each downloaded core pack holds: a pack with fewer is not this build's.\npub const PACK_LEN: usize = {runtime_len};\n/// How many texts each extra pack holds (`Text(PACK_LEN + i)` is its `i`th).\npub const EXTRA_LEN: usize = {extra_len};\n"
        );

        out.push_str("/// Each text of a downloaded pack by its key, for tests and tools (and the widget's wasm\n/// tests, which build the packs in).\n#[cfg(any(not(target_arch = \"wasm32\"), feature = \"built-in-packs\"))]\n");
        let _ = writeln!(
            out,
            "pub(crate) const KEYS: [&str; {}] = {keys:?};\n",
            keys.len()
        );
        let in_english: Vec<String> = self
            .list
            .iter()
            .flat_map(|pack| {
                pack.in_english.iter().map(|key| {
                    let index = keys.iter().position(|k| k == key).expect(
                        "an in_english key is one of the instrument's, checked in read_one",
                    );
                    format!("(Lang::{}, {index})", pack.variant)
                })
            })
            .collect();
        let _ = writeln!(
            out,
            "/// Texts a language leaves in English (a credit line or title whose translation could not\n/// be verified): the widget marks them `lang=\"en\"`.\npub(crate) const IN_ENGLISH: [(Lang, u16); {}] = [{}];\n",
            in_english.len(),
            in_english.join(", ")
        );
        out.push_str("/// The interface strings, by name, for the widget's `UiStrings`.\n#[allow(non_upper_case_globals)]\npub mod ui {\n    use super::Text;\n");
        for (i, key) in keys.iter().enumerate() {
            if let Some(name) = key.strip_prefix("ui.") {
                assert!(
                    (i < runtime_len) != self.split.is_extra(key),
                    "an interface string is in the core pack unless only the extra screens use it"
                );
                let _ = writeln!(out, "    pub const {name}: Text = Text({i});");
            }
        }
        out.push_str("}\n\n");
        out.push_str("/// Each language's `loader` texts (the message when the widget cannot start, the line a\n/// snippet shows while it loads), by name, for `cargo xtask dist` to build into selfcheck.js\n/// and selfcheck.facts.json: they must not depend on downloading a pack.\n#[cfg(not(target_arch = \"wasm32\"))]\n");
        let loader: Vec<String> = self
            .list
            .iter()
            .map(|pack| {
                let texts: Vec<String> = pack
                    .strings
                    .iter()
                    .filter_map(|(key, text)| {
                        key.strip_prefix("loader.")
                            .map(|name| format!("({name:?}, {text:?})"))
                    })
                    .collect();
                format!("&[{}]", texts.join(", "))
            })
            .collect();
        let _ = writeln!(
            out,
            "pub(crate) const LOADER: [&[(&str, &str)]; {}] = [{}];\n",
            self.list.len(),
            loader.join(", ")
        );
        out.push_str("/// The downloaded packs, built in for native code (tests, the batch scorer); the wasm\n/// fetches its pack instead.\n#[cfg(any(not(target_arch = \"wasm32\"), feature = \"built-in-packs\"))]\npub(crate) const BUILT_IN: [&str; ");
        let _ = write!(out, "{}] = [", self.list.len());
        for pack in &self.list {
            let _ = write!(
                out,
                "include_str!(concat!(env!(\"OUT_DIR\"), \"/packs/{}.json\")), ",
                pack.code
            );
        }
        out.push_str("];\n");
        out.push_str("/// The extra packs, likewise.\n#[cfg(any(not(target_arch = \"wasm32\"), feature = \"built-in-packs\"))]\npub(crate) const BUILT_IN_EXTRA: [&str; ");
        let _ = write!(out, "{}] = [", self.list.len());
        for pack in &self.list {
            let _ = write!(
                out,
                "include_str!(concat!(env!(\"OUT_DIR\"), \"/packs/{}.extra.json\")), ",
                pack.code
            );
        }
        out.push_str("];\n");
        out
    }
}
