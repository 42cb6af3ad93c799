//! The README's configuration reference against the engine's facts: the attribute table and the
//! JSON key table list exactly what the engine reads, each attribute's row names every value,
//! limit and default the engine has, so the README cannot promise what the widget refuses.

use serde_json::Value;
use std::collections::BTreeSet;

const README: &str = include_str!("../../../README.md");

fn facts() -> Value {
    serde_json::from_str(&selfcheck_engine::facts()).expect("the facts are JSON")
}

/// The configuration reference: the README part between its markers.
fn reference() -> &'static str {
    let start = README
        .find("<!-- config:start -->")
        .expect("README marks its configuration reference");
    let end = README[start..]
        .find("<!-- config:end -->")
        .expect("the reference ends")
        + start;
    &README[start..end]
}

/// The rows of the table whose header row starts with `| {first} |`, as their cells.
fn table(first: &str) -> Vec<Vec<&'static str>> {
    let header = format!("| {first} |");
    let mut lines = reference()
        .lines()
        .skip_while(|line| !line.starts_with(&header));
    assert!(lines.next().is_some(), "README has a table headed {header}");
    lines
        .skip(1) // the | --- | line
        .take_while(|line| line.starts_with('|'))
        .map(|line| {
            line.trim_matches('|')
                .split(" | ")
                .map(str::trim)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Every `code` span of a cell.
fn code_spans(cell: &str) -> Vec<&str> {
    cell.split('`').skip(1).step_by(2).collect()
}

fn names(facts: &Value, list: &str, name: &str) -> BTreeSet<String> {
    facts[list]
        .as_array()
        .expect("a list")
        .iter()
        .map(|entry| entry[name].as_str().expect("a name").to_string())
        .collect()
}

#[test]
fn the_attribute_table_lists_exactly_the_attributes_the_engine_reads() {
    let in_readme: BTreeSet<String> = table("attribute")
        .iter()
        .map(|row| code_spans(row[0]).concat())
        .collect();
    assert_eq!(in_readme, names(&facts(), "attributes", "attribute"));
}

#[test]
fn the_json_key_table_lists_exactly_the_keys_the_engine_reads() {
    let in_readme: BTreeSet<String> = table("key")
        .iter()
        .flat_map(|row| code_spans(row[0]))
        .map(str::to_string)
        .collect();
    assert_eq!(in_readme, names(&facts(), "keys", "key"));
}

#[test]
fn each_attribute_row_names_the_engines_values_limit_and_default() {
    let rows = table("attribute");
    let mut missing = Vec::new();
    for attribute in facts()["attributes"].as_array().expect("attributes") {
        let name = attribute["attribute"].as_str().expect("a name");
        let Some(row) = rows.iter().find(|row| code_spans(row[0]) == [name]) else {
            continue; // the test above reports it
        };
        let (values, default) = (
            row.get(1).copied().unwrap_or(""),
            row.get(2).copied().unwrap_or(""),
        );
        for value in attribute["values"].as_array().into_iter().flatten() {
            let value = value.as_str().expect("a value");
            if !code_spans(values).contains(&value) {
                missing.push(format!("`{name}`: the value `{value}`"));
            }
        }
        if let Some(max) = attribute["maxChars"].as_u64() {
            if !values.contains(&format!("up to {max} characters")) {
                missing.push(format!("`{name}`: \"up to {max} characters\""));
            }
        }
        if let Some(wanted) = attribute["default"].as_str() {
            if !code_spans(default).contains(&wanted) {
                missing.push(format!("`{name}`: the default `{wanted}`"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "README.md lacks:\n{}",
        missing.join("\n")
    );
}
