//! The command line: formats, errors, exit status.

mod support;

use serde_json::{json, Value};
use support::run_scorer;

fn score(args: &[&str], input: &str) -> (Vec<Value>, Option<i32>, String) {
    let out = run_scorer(args, input);
    let lines = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (
        lines,
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn error_of(v: &Value) -> &str {
    v["error"]
        .as_str()
        .unwrap_or_else(|| panic!("no error in {v}"))
}

#[test]
fn help_prints_usage_and_succeeds() {
    let out = run_scorer(&["--help"], "");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Usage: selfcheck-score"));
}

#[test]
fn unknown_arguments_and_formats_are_usage_errors() {
    for args in [
        &["--bogus"][..],
        &["--format", "xml"],
        &["--format"],
        &["--format=tsv"],
    ] {
        let (lines, code, stderr) = score(args, "");
        assert_eq!((lines.len(), code), (0, Some(2)), "{args:?}");
        assert!(stderr.contains("Usage"), "{args:?}: {stderr}");
    }
}

#[test]
fn help_documents_the_ptsd_cut_off() {
    let out = run_scorer(&["--help"], "");
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("--ptsd-cutoff N"), "{help}");
    assert!(help.contains("3 (default"), "{help}");
}

/// Exposure yes and three of the five items yes: positive at 3, not at 4.
const THREE_PTSD_YES: &str =
    "{\"pcptsd5\":{\"exposure\":true,\"items\":[true,true,true,false,false]}}\n";

#[test]
fn the_ptsd_cut_off_decides_whether_a_total_of_three_is_positive() {
    let (lines, code, _) = score(&[], THREE_PTSD_YES);
    assert_eq!(code, Some(0));
    assert_eq!(
        (&lines[0]["results"][0]["positive"], &lines[0]["level"]),
        (&json!(true), &json!("recommended"))
    );
    for args in [&["--ptsd-cutoff", "4"][..], &["--ptsd-cutoff=4"]] {
        let (lines, code, _) = score(args, THREE_PTSD_YES);
        assert_eq!(code, Some(0), "{args:?}");
        assert_eq!(
            (&lines[0]["results"][0]["positive"], &lines[0]["level"]),
            (&json!(false), &json!("consider")),
            "{args:?}"
        );
    }
    let (lines, _, _) = score(&["--ptsd-cutoff", "3"], THREE_PTSD_YES);
    assert_eq!(lines[0]["level"], json!("recommended"));
}

#[test]
fn the_ptsd_cut_off_leaves_other_instruments_alone() {
    let input = "{\"gad7\":[2,2,2,2,2,0,0]}\n";
    let (lines, _, _) = score(&["--ptsd-cutoff", "4", "--format", "jsonl"], input);
    assert_eq!(lines[0]["level"], json!("recommended"));
}

#[test]
fn a_ptsd_cut_off_other_than_three_or_four_is_a_usage_error() {
    for args in [
        &["--ptsd-cutoff", "5"][..],
        &["--ptsd-cutoff", "2"],
        &["--ptsd-cutoff", "+4"],
        &["--ptsd-cutoff", "4.0"],
        &["--ptsd-cutoff=high"],
        &["--ptsd-cutoff="],
        &["--ptsd-cutoff"],
    ] {
        // No input: the scorer stops before reading it.
        let (lines, code, stderr) = score(args, "");
        assert_eq!((lines.len(), code), (0, Some(2)), "{args:?}");
        assert!(
            stderr.contains("--ptsd-cutoff") && stderr.contains("3 or 4"),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn format_can_be_given_with_an_equals_sign() {
    let (lines, code, _) = score(&["--format=csv"], "gad7_1,gad7_2\n0,0\n");
    assert_eq!(
        (lines[0]["level"].as_str(), code),
        (Some("not_indicated"), Some(0))
    );
}

#[test]
fn blank_lines_are_skipped_but_counted_in_line_numbers() {
    let (lines, code, _) = score(&[], "\n{\"gad7\":[0,0]}\n   \n{\"gad7\":[3,3,3,3,3,3,3]}\n");
    assert_eq!(code, Some(0));
    assert_eq!(
        lines
            .iter()
            .map(|l| l["line"].as_u64().unwrap())
            .collect::<Vec<_>>(),
        [2, 4]
    );
    assert_eq!(lines[1]["results"][0]["band"], json!("severe"));
}

#[test]
fn numeric_ids_are_echoed_as_numbers() {
    let (lines, _, _) = score(&[], "{\"id\":42,\"gad7\":[0,0]}\n");
    assert_eq!(lines[0]["id"], json!(42));
}

#[test]
fn every_jsonl_mistake_gets_its_own_reason() {
    let cases = [
        (
            "{\"phq9\":[0,0,0]}",
            "3 answers given, expected 9 (or 2 for the PHQ-2 alone)",
        ),
        (
            "{\"phq9\":[0,0,0,0,0,0,0,0,-1]}",
            "phq9: item 9 is -1, allowed 0-3",
        ),
        (
            "{\"phq9\":[0,0,0,0,0,0,0,0,1.5]}",
            "phq9: item 9 is 1.5, expected a whole number",
        ),
        (
            "{\"phq9\":[0,0,0,0,0,0,0,0,\"2\"]}",
            "phq9: item 9 is the string \"2\", expected a whole number",
        ),
        ("{\"phq9\":[0,0,0,0,0,0,0,0,null]}", "phq9: item 9 missing"),
        (
            "{\"phq9\":[0,0,0,0,0,0,0,0,0],\"phq9_difficulty\":1}",
            "every item is 0",
        ),
        (
            "{\"phq9\":[0,1],\"phq9_difficulty\":1}",
            "asked only after the full PHQ-9",
        ),
        (
            "{\"phq9\":[1,1,1,1,1,1,1,1,1],\"phq9_difficulty\":4}",
            "phq9: difficulty is 4, allowed 0-3",
        ),
        (
            "{\"gad7_difficulty\":1,\"gad7\":[0,0]}",
            "unknown field `gad7_difficulty`",
        ),
        (
            "{\"pcptsd5\":{\"items\":[true,true,true,true,true]}}",
            "pcptsd5: exposure is missing",
        ),
        (
            "{\"pcptsd5\":{\"exposure\":true}}",
            "pcptsd5: items 1, 2, 3, 4, 5 missing",
        ),
        (
            "{\"pcptsd5\":{\"exposure\":\"yes\"}}",
            "pcptsd5: exposure is the string \"yes\"",
        ),
        (
            "{\"pcptsd5\":{\"exposure\":true,\"items\":[true,true,2,true,true]}}",
            "pcptsd5: item 3 is 2, allowed 0-1",
        ),
        (
            "{\"pcptsd5\":{\"exposure\":true,\"items\":[true],\"extra\":1}}",
            "unknown field `extra`",
        ),
        ("{\"pcptsd5\":[true]}", "expected an object"),
        ("{\"phq9\":{}}", "expected an array of 9 answers"),
        ("{\"id\":\"x\"}", "no answers"),
        (
            "{\"id\":[1],\"gad7\":[0,0]}",
            "id: expected a string or a number",
        ),
        ("[1,2]", "expected a JSON object"),
        ("{\"gad7\":[0,0]", "not valid JSON"),
    ];
    let input: String = cases.iter().map(|(line, _)| format!("{line}\n")).collect();
    let (lines, code, _) = score(&[], &input);
    assert_eq!(code, Some(1));
    assert_eq!(lines.len(), cases.len());
    for ((line, why), out) in cases.iter().zip(&lines) {
        assert!(error_of(out).contains(why), "{line}: {out}");
    }
}

#[test]
fn a_line_with_several_mistakes_lists_them_all() {
    let (lines, _, _) = score(
        &[],
        "{\"phq9\":[9,0,0,0,0,0,0,0,9],\"gad7\":[0,0,0,0,0,0,5]}\n",
    );
    assert_eq!(
        error_of(&lines[0]),
        "phq9: item 1 is 9, allowed 0-3; phq9: item 9 is 9, allowed 0-3; gad7: item 7 is 5, allowed 0-3"
    );
}

#[test]
fn csv_reads_quoted_fields_yes_no_cells_and_a_byte_order_mark() {
    let input = "\u{feff}id,pcptsd5_exposure,pcptsd5_1,pcptsd5_2,pcptsd5_3,pcptsd5_4,pcptsd5_5\n\"Lee, \"\"K\"\"\",Yes,TRUE,1,no,false,0\n";
    let (lines, code, _) = score(&["--format", "csv"], input);
    assert_eq!(code, Some(0));
    assert_eq!(lines[0]["id"], json!("Lee, \"K\""));
    assert_eq!(lines[0]["results"][0]["answers"], json!([1, 1, 0, 0, 0]));
    assert_eq!(lines[0]["level"], json!("consider"));
}

#[test]
fn csv_rows_with_gaps_name_the_missing_items() {
    let header = "phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,phq9_8,phq9_9";
    let (lines, code, _) = score(
        &["--format", "csv"],
        &format!("{header}\n1,1,1,,1,1,1,1,\n1,1,1\n"),
    );
    assert_eq!(code, Some(1));
    assert!(
        error_of(&lines[0]).contains("phq9: items 4, 9 missing"),
        "{}",
        lines[0]
    );
    assert!(
        error_of(&lines[1]).contains("3 fields, but the header has 9"),
        "{}",
        lines[1]
    );
}

#[test]
fn a_bad_csv_header_is_reported_once_on_line_one() {
    let (lines, code, _) = score(&["--format", "csv"], "id,phq9_10,phq9_1,phq9_1\n1,2,3,4\n");
    assert_eq!((lines.len(), code), (1, Some(1)));
    assert_eq!(lines[0]["line"], json!(1));
    let why = error_of(&lines[0]);
    assert!(
        why.contains("column 2 `phq9_10` is unknown") && why.contains("`phq9_1` appears twice"),
        "{why}"
    );
}

#[test]
fn csv_without_instrument_columns_is_refused() {
    let (lines, _, _) = score(&["--format", "csv"], "id\nA\n");
    assert!(error_of(&lines[0]).contains("no instrument columns"));
}

#[test]
fn empty_input_scores_nothing_and_succeeds() {
    for args in [&[][..], &["--format", "csv"]] {
        let (lines, code, _) = score(args, "");
        assert_eq!((lines.len(), code), (0, Some(0)));
    }
}

#[test]
fn invalid_utf8_fails_that_line_only() {
    let out = run_scorer(&[], b"{\"gad7\":[0,\xff]}\n{\"gad7\":[0,0]}\n");
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(error_of(&lines[0]).contains("not valid UTF-8"));
    assert_eq!(lines[1]["level"], json!("not_indicated"));
}
