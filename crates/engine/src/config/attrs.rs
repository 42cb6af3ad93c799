//! Reads the embedding element's attributes, which override the JSON.

use super::suggest::closest;
use super::{fields, Draft, Problems, MAX_LABEL, MAX_NAME};
use crate::scoring::Cutoffs;

pub const ATTRIBUTES: &[&str] = &[
    "instruments",
    "mode",
    "lang",
    "clinic-name",
    "booking-url",
    "booking-label",
    "crisis-region",
    "resume",
    "emit",
    "ptsd-cutoff",
    "auditc-cutoff",
    "precheck",
    "carry",
];

/// Names the `<script type="application/json">` that holds a configuration object; the
/// embedding layer reads that script, so the attribute readers leave it alone.
pub const CONFIG_ATTRIBUTE: &str = "config";

/// HTML's global attributes: never a typo of ours (`role` is two edits from `mode`).
const GLOBAL: &[&str] = &[
    "accesskey",
    "autocapitalize",
    "autocorrect",
    "autofocus",
    "class",
    "contenteditable",
    "dir",
    "draggable",
    "enterkeyhint",
    "exportparts",
    "hidden",
    "id",
    "inert",
    "inputmode",
    "is",
    "itemid",
    "itemprop",
    "itemref",
    "itemscope",
    "itemtype",
    "nonce",
    "part",
    "popover",
    "role",
    "slot",
    "spellcheck",
    "style",
    "tabindex",
    "title",
    "translate",
    "writingsuggestions",
];

fn is_foreign(name: &str) -> bool {
    name == CONFIG_ATTRIBUTE
        || GLOBAL.contains(&name)
        || ["data-", "aria-", "on"].iter().any(|p| name.starts_with(p))
}

fn keep<T>(field: &str, problems: &mut Problems, result: Result<T, String>) -> Option<T> {
    result.map_err(|why| problems.add(field, why)).ok()
}

pub fn read(attributes: &[(&str, &str)], draft: &mut Draft, problems: &mut Problems) {
    for &(raw_name, value) in attributes {
        // HTML attribute names are case-insensitive; the DOM reports them lower-cased.
        let name = raw_name.to_ascii_lowercase();
        let field = name.as_str();
        match field {
            "instruments" => {
                let entries: Vec<(String, &str)> = value
                    .split(|c: char| c == ',' || c.is_whitespace())
                    .filter(|s| !s.is_empty())
                    .map(|s| (field.to_owned(), s))
                    .collect();
                draft.instruments = fields::instruments(&entries, field, problems);
            }
            "mode" => draft.mode = keep(field, problems, fields::mode(value)),
            "lang" => draft.lang = keep(field, problems, fields::lang(value)),
            "clinic-name" => {
                draft.clinic_name = keep(field, problems, fields::text(value, MAX_NAME))
            }
            "booking-url" => draft.booking_url = keep(field, problems, fields::url(value)),
            "booking-label" => {
                draft.booking_label = keep(field, problems, fields::text(value, MAX_LABEL));
                draft.booking_label_field = "booking-label";
            }
            "crisis-region" => draft.crisis_region = keep(field, problems, fields::region(value)),
            "resume" => draft.resume = keep(field, problems, fields::resume(value)),
            "emit" => draft.emit = keep(field, problems, fields::emit(value)),
            "precheck" => draft.precheck = keep(field, problems, fields::precheck(value)),
            "carry" => draft.carry = keep(field, problems, fields::carry(value)),
            _ if Cutoffs::instrument_of(field).is_some() => {
                if let Some(id) = Cutoffs::instrument_of(field) {
                    if let Some(at) = keep(field, problems, fields::cutoff(id, value)) {
                        draft.cutoffs.push((id, at));
                    }
                }
            }
            _ if is_foreign(field) => {}
            _ => {
                if let Some(meant) = closest(field, ATTRIBUTES) {
                    problems.add(
                        field,
                        format!("is not a known attribute; did you mean `{meant}`?"),
                    );
                }
            }
        }
    }
}
