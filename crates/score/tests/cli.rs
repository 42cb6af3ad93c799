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

/// Runs JSON Lines through the scorer and returns its records, requiring `code`.
fn score_lines(args: &[&str], lines: &[String], code: i32) -> Vec<Value> {
    let input: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let (out, status, stderr) = score(args, &input);
    assert_eq!(status, Some(code), "{args:?}: {stderr}");
    assert_eq!(out.len(), lines.len(), "{args:?}");
    out
}

/// Every AUDIT-C answer set: three items scored 0-4 each (Bush et al. 1998).
fn every_auditc_answer_set() -> Vec<[u64; 3]> {
    let mut sets = Vec::new();
    for a in 0..=4 {
        for b in 0..=4 {
            for c in 0..=4 {
                sets.push([a, b, c]);
            }
        }
    }
    sets
}

/// What the AUDIT-C papers say of an answer set at cut-off `at`: the total is the sum,
/// positive from `at` up, and 8-12 is named "high"; a positive screen is `recommended`,
/// and the AUDIT-C suggests nothing below its cut-off.
fn auditc_expected(items: [u64; 3], at: u64) -> Value {
    let total: u64 = items.iter().sum();
    let positive = total >= at;
    json!({
        "answers": items,
        "total": total,
        "max": 12,
        "band": if total >= 8 { json!("high") } else { Value::Null },
        "positive": positive,
        "level": if positive { "recommended" } else { "not_indicated" },
    })
}

fn auditc_got(record: &Value) -> Value {
    let result = &record["results"][0];
    assert_eq!(result["id"], json!("auditc"), "{record}");
    json!({
        "answers": result["answers"],
        "total": result["total"],
        "max": result["max"],
        "band": result["band"],
        "positive": result["positive"],
        "level": record["level"],
    })
}

#[test]
fn every_auditc_answer_set_scores_as_the_papers_say_at_every_cut_off() {
    let sets = every_auditc_answer_set();
    assert_eq!(sets.len(), 125);
    let lines: Vec<String> = sets
        .iter()
        .map(|s| json!({ "auditc": s }).to_string())
        .collect();
    // Bradley et al. 2007: positive at 4 unless the clinic chooses otherwise.
    let mut runs = vec![(vec![], 4)];
    for at in [3, 4, 5] {
        runs.push((vec![format!("--auditc-cutoff={at}")], at));
    }
    for (args, at) in runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = score_lines(&args, &lines, 0);
        for (items, record) in sets.iter().zip(&out) {
            assert_eq!(
                auditc_got(record),
                auditc_expected(*items, at),
                "{items:?} at {at}"
            );
        }
    }
}

#[test]
fn the_auditc_cut_off_can_be_given_as_two_arguments_and_leaves_the_ptsd_screen_alone() {
    let lines = [
        json!({ "auditc": [1, 1, 1] }).to_string(),
        THREE_PTSD_YES.trim().to_string(),
    ];
    let out = score_lines(&["--auditc-cutoff", "3"], &lines, 0);
    assert_eq!(out[0]["results"][0]["positive"], json!(true));
    assert_eq!(out[1]["results"][0]["positive"], json!(true), "3 Yes, at 3");
    let out = score_lines(&["--auditc-cutoff", "5", "--ptsd-cutoff", "4"], &lines, 0);
    assert_eq!(out[0]["results"][0]["positive"], json!(false));
    assert_eq!(
        out[1]["results"][0]["positive"],
        json!(false),
        "3 Yes, at 4"
    );
    // The PTSD option alone leaves the AUDIT-C at its default of 4.
    let out = score_lines(
        &["--ptsd-cutoff", "4"],
        &[json!({ "auditc": [2, 1, 1] }).to_string()],
        0,
    );
    assert_eq!(out[0]["results"][0]["positive"], json!(true));
}

#[test]
fn every_cut_off_option_comes_from_the_data_and_is_listed_in_the_help() {
    let help = String::from_utf8(run_scorer(&["--help"], "").stdout).unwrap();
    let usage = help
        .lines()
        .find(|l| l.starts_with("Usage:"))
        .expect("a usage line");
    let mut options = 0;
    for (id, choice) in selfcheck_score::cutoff_choices() {
        options += 1;
        let values: Vec<String> = choice.choices.iter().map(u8::to_string).collect();
        assert!(
            usage.contains(&format!("[--{} {}]", choice.attribute, values.join("|"))),
            "{usage}"
        );
        let line = help
            .lines()
            .find(|l| {
                l.trim_start()
                    .starts_with(&format!("--{} N", choice.attribute))
            })
            .unwrap_or_else(|| panic!("no help line for {id}:\n{help}"));
        let default = selfcheck_engine::instrument(id).scoring.positive_at;
        assert!(line.contains(&format!("{default} (default)")), "{line}");
        for value in &values {
            assert!(line.contains(value.as_str()), "{line}");
        }
        // Every choice is taken, with or without an equals sign.
        for value in &values {
            let (_, code, stderr) = score(&[&format!("--{}", choice.attribute), value], "");
            assert_eq!(code, Some(0), "{stderr}");
            let (_, code, stderr) = score(&[&format!("--{}={value}", choice.attribute)], "");
            assert_eq!(code, Some(0), "{stderr}");
        }
    }
    assert!(options >= 2, "the PC-PTSD-5 and the AUDIT-C offer a choice");
}

#[test]
fn an_auditc_cut_off_other_than_three_four_or_five_is_a_usage_error() {
    for args in [
        &["--auditc-cutoff", "2"][..],
        &["--auditc-cutoff", "6"],
        &["--auditc-cutoff", "04"],
        &["--auditc-cutoff", "4.0"],
        &["--auditc-cutoff=high"],
        &["--auditc-cutoff="],
        &["--auditc-cutoff"],
        &["--auditc-cutoff", "--ptsd-cutoff"],
    ] {
        let (lines, code, stderr) = score(args, "");
        assert_eq!((lines.len(), code), (0, Some(2)), "{args:?}");
        let first = stderr.lines().next().unwrap_or_default();
        assert!(
            first.contains("--auditc-cutoff") && first.contains("3, 4 or 5"),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn auditc_mistakes_name_the_item_and_what_is_allowed() {
    let cases = [
        ("{\"auditc\":[1,2]}", "auditc: 2 answers given, expected 3"),
        (
            "{\"auditc\":[1,2,3,4]}",
            "auditc: 4 answers given, expected 3",
        ),
        ("{\"auditc\":[1,2,5]}", "auditc: item 3 is 5, allowed 0-4"),
        ("{\"auditc\":[-1,2,0]}", "auditc: item 1 is -1, allowed 0-4"),
        (
            "{\"auditc\":[1,true,0]}",
            "auditc: item 2 is true, expected a whole number",
        ),
        (
            "{\"auditc\":[1,2,\"3\"]}",
            "auditc: item 3 is the string \"3\", expected a whole number",
        ),
        ("{\"auditc\":[1,null,0]}", "auditc: item 2 missing"),
        (
            "{\"auditc\":{\"items\":[1,2,3]}}",
            "auditc: expected an array of 3 answers",
        ),
        (
            "{\"auditc\":[1,1,1],\"auditc_difficulty\":1}",
            "unknown field `auditc_difficulty`",
        ),
    ];
    let lines: Vec<String> = cases.iter().map(|(l, _)| l.to_string()).collect();
    let out = score_lines(&[], &lines, 1);
    for ((line, why), record) in cases.iter().zip(&out) {
        assert!(error_of(record).contains(why), "{line}: {record}");
    }
}

/// What Smith et al. 2010 say of an answer: positive from 1 time up. The engine reports the
/// number whole as `count`; its `answers` and `total` are scores, capped at 255.
fn sqds_expected(times: u64) -> Value {
    let positive = times >= 1;
    json!({
        "count": times,
        "answers": [times.min(255)],
        "total": times.min(255),
        "band": null,
        "positive": positive,
        "level": if positive { "recommended" } else { "not_indicated" },
    })
}

fn sqds_got(record: &Value) -> Value {
    let result = &record["results"][0];
    assert_eq!(result["id"], json!("sqds"), "{record}");
    json!({
        "count": result["count"],
        "answers": result["answers"],
        "total": result["total"],
        "band": result["band"],
        "positive": result["positive"],
        "level": record["level"],
    })
}

#[test]
fn the_drug_question_takes_every_whole_number_up_to_999_and_is_positive_from_one() {
    let times: Vec<u64> = (0..=999).collect();
    let lines: Vec<String> = times
        .iter()
        .map(|n| json!({ "id": n, "sqds": n }).to_string())
        .collect();
    let out = score_lines(&[], &lines, 0);
    for (n, record) in times.iter().zip(&out) {
        assert_eq!(record["id"], json!(n));
        assert_eq!(sqds_got(record), sqds_expected(*n), "{n}");
    }
    // The same from CSV, where the column is the id alone.
    let csv: String = times.iter().map(|n| format!("R{n},{n}\n")).collect();
    let (out, code, _) = score(&["--format", "csv"], &format!("id,sqds\n{csv}"));
    assert_eq!((out.len(), code), (times.len(), Some(0)));
    for (n, record) in times.iter().zip(&out) {
        assert_eq!(record["id"], json!(format!("R{n}")));
        assert_eq!(sqds_got(record), sqds_expected(*n), "{n}");
    }
}

#[test]
fn a_drug_question_answer_that_is_not_a_whole_number_up_to_999_is_refused_naming_the_record() {
    let cases = [
        ("1000", "sqds: count is 1000, allowed a whole number 0-999"),
        (
            "65536",
            "sqds: count is 65536, allowed a whole number 0-999",
        ),
        ("-1", "sqds: count is -1, allowed a whole number 0-999"),
        ("1.5", "sqds: count is 1.5, expected a whole number"),
        ("true", "sqds: count is true, expected a whole number"),
        (
            "\"3\"",
            "sqds: count is the string \"3\", expected a whole number",
        ),
        ("[3]", "sqds: expected one whole number, 0-999"),
        ("null", "sqds: expected one whole number, 0-999"),
        ("{\"times\":3}", "sqds: expected one whole number, 0-999"),
    ];
    let lines: Vec<String> = cases
        .iter()
        .enumerate()
        .map(|(i, (value, _))| format!("{{\"id\":\"S{i}\",\"sqds\":{value}}}"))
        .collect();
    let out = score_lines(&[], &lines, 1);
    for (i, ((value, why), record)) in cases.iter().zip(&out).enumerate() {
        assert_eq!(
            (&record["line"], &record["id"]),
            (&json!(i + 1), &json!(format!("S{i}"))),
            "{value}"
        );
        assert_eq!(error_of(record), *why, "{value}");
    }
    let (out, code, _) = score(
        &["--format", "csv"],
        "id,sqds\nT1,1000\nT2,2.5\nT3,a few\nT4,yes\n",
    );
    assert_eq!(code, Some(1));
    let errors: Vec<&str> = out.iter().map(error_of).collect();
    assert_eq!(
        errors,
        [
            "sqds: count is 1000, allowed a whole number 0-999",
            "sqds: count is `2.5`, expected a whole number",
            "sqds: count is `a few`, expected a whole number",
            "sqds: count is true, expected a whole number",
        ]
    );
}

#[test]
fn alcohol_and_drug_screens_come_after_the_others_and_raise_the_level_together() {
    let line = json!({
        "id": "K1",
        "sqds": 0,
        "auditc": [0, 1, 0],
        "gad7": [0, 0, 0, 0, 0, 0, 0],
    })
    .to_string();
    let out = score_lines(&[], &[line], 0);
    let ids: Vec<&Value> = out[0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["id"])
        .collect();
    assert_eq!(ids, [&json!("gad7"), &json!("auditc"), &json!("sqds")]);
    assert_eq!(out[0]["level"], json!("not_indicated"));
}

#[test]
fn csv_reads_auditc_and_drug_question_columns_and_leaves_out_what_is_empty() {
    let input = "id,auditc_1,auditc_2,auditc_3,sqds,gad7_1,gad7_2\n\
                 L1,1,2,1,3,,\n\
                 L2,,,,,0,1\n\
                 L3,4,4,0,,,\n\
                 L4,,,,0,,\n";
    let (out, code, _) = score(&["--format", "csv", "--auditc-cutoff", "5"], input);
    assert_eq!(code, Some(0));
    let ids = |record: &Value| -> Vec<String> {
        record["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&out[0]), ["auditc", "sqds"]);
    // 1 + 2 + 1 is below the chosen 5; the 3 times of drug use make the row positive.
    let first = &out[0]["results"];
    assert_eq!(
        (&first[0]["total"], &first[0]["positive"]),
        (&json!(4), &json!(false))
    );
    let drugs_alone = json!({ "results": [first[1]], "level": out[0]["level"] });
    assert_eq!(sqds_got(&drugs_alone), sqds_expected(3));
    assert_eq!(ids(&out[1]), ["gad7"]);
    assert_eq!(auditc_got(&out[2]), auditc_expected([4, 4, 0], 5));
    assert_eq!(sqds_got(&out[3]), sqds_expected(0));
    let lines: Vec<u64> = out.iter().map(|r| r["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [2, 3, 4, 5]);
}

#[test]
fn csv_knows_the_new_columns_by_the_names_the_json_uses() {
    let (out, _, _) = score(&["--format", "csv"], "id,sqds_1,auditc_4\n1,1,1\n");
    let why = error_of(&out[0]);
    assert!(
        why.contains("column 2 `sqds_1` is unknown")
            && why.contains("column 3 `auditc_4` is unknown"),
        "{why}"
    );
    assert!(
        why.contains("auditc_1, auditc_2, auditc_3, sqds"),
        "the known columns are listed: {why}"
    );
}

#[test]
fn csv_quoted_fields_keep_commas_quotes_and_line_breaks_and_rows_keep_their_line() {
    let input = "id,gad7_1,gad7_2\n\
                 \"Lee, K.\",0,0\n\
                 \"two\n\nlines\",\"1\",\"0\"\n\
                 \n\
                 \"say \"\"hi\"\"\",0,1\n";
    let (out, code, _) = score(&["--format", "csv"], input);
    assert_eq!(code, Some(0));
    let got: Vec<(&Value, &Value)> = out.iter().map(|r| (&r["line"], &r["id"])).collect();
    assert_eq!(
        got,
        [
            (&json!(2), &json!("Lee, K.")),
            (&json!(3), &json!("two\n\nlines")),
            (&json!(7), &json!("say \"hi\"")),
        ]
    );
}

#[test]
fn csv_with_windows_line_endings_numbers_rows_as_the_file_does() {
    let unix = "id,gad7_1,gad7_2\nA,0,0\n\n\"B\nb\",1,1\nC,0,2\n";
    let (want, _, _) = score(&["--format", "csv"], unix);
    let (got, code, _) = score(&["--format", "csv"], &unix.replace('\n', "\r\n"));
    assert_eq!(code, Some(0));
    // The same rows on the same lines; only the line break inside the quoted id differs.
    let strip = |records: &[Value]| -> Vec<Value> {
        records
            .iter()
            .map(|r| {
                let mut r = r.clone();
                r["id"] = json!(r["id"].as_str().unwrap().replace('\r', ""));
                r
            })
            .collect()
    };
    assert_eq!(strip(&got), strip(&want));
    let lines: Vec<u64> = want.iter().map(|r| r["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [2, 4, 6]);
}

#[test]
fn a_csv_quote_left_open_fails_its_row_instead_of_swallowing_the_rest() {
    let (out, code, _) = score(
        &["--format", "csv"],
        "id,gad7_1,gad7_2\nA,0,0\n\"B,1,1\nC,2,2\nD,3,3\n",
    );
    assert_eq!((out.len(), code), (2, Some(1)));
    assert_eq!(out[1]["line"], json!(3));
    assert!(
        error_of(&out[1]).contains("not closed before the end of the input"),
        "{}",
        out[1]
    );
}

/// The hand-written reader refused a quote inside an unquoted cell; the `csv` crate reads it
/// as written, as spreadsheets and Python's csv module do. A score cell with a quote is
/// still no number, so nothing is scored from a guess.
#[test]
fn a_quote_inside_an_unquoted_csv_cell_is_read_as_written() {
    let (out, code, _) = score(
        &["--format", "csv"],
        "id,gad7_1,gad7_2\nO\"Brien,0,0\nP,0,1\"\n",
    );
    assert_eq!(code, Some(1));
    assert_eq!(out[0]["id"], json!("O\"Brien"));
    assert_eq!(
        error_of(&out[1]),
        "gad7: item 2 is `1\"`, expected a whole number"
    );
}

#[test]
fn a_csv_row_that_is_not_utf8_fails_alone() {
    let out = run_scorer(&["--format", "csv"], b"id,gad7_1,gad7_2\nA,0,\xff\nB,0,0\n");
    let records: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records[0]["line"], json!(2));
    assert!(
        error_of(&records[0]).contains("not valid UTF-8"),
        "{}",
        records[0]
    );
    assert_eq!(records[1]["level"], json!("not_indicated"));
}

#[test]
fn an_input_that_cannot_be_read_gives_one_error_and_ends() {
    // A directory as standard input: every read fails, and the scorer must not retry forever.
    for format in ["jsonl", "csv"] {
        let dir = std::fs::File::open(env!("CARGO_MANIFEST_DIR")).unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_selfcheck-score"))
            .args(["--format", format])
            .stdin(dir)
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(text.lines().count(), 1, "{format}: {text}");
        assert!(text.contains("cannot be read"), "{format}: {text}");
        assert_eq!(out.status.code(), Some(1));
    }
}
