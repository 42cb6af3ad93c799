//! The scorer never panics on any input, and every record it writes is one line of
//! valid JSON with a line number and either results and a level, or an error.
//!
//! Input: a first byte choosing the format (even: JSON Lines, odd: CSV) and the PC-PTSD-5
//! cut-off (bit 1 clear: 3, set: 4), then stdin.

#![no_main]

use libfuzzer_sys::fuzz_target;
use selfcheck_engine::PtsdCutoff;
use selfcheck_score::{run, Format};

fuzz_target!(|data: &[u8]| {
    let Some((&choice, input)) = data.split_first() else {
        return;
    };
    let format = if choice % 2 == 0 {
        Format::Jsonl
    } else {
        Format::Csv
    };
    let ptsd_cutoff = PtsdCutoff::new(if choice & 2 == 0 { 3 } else { 4 })
        .expect("3 and 4 are the cut-offs that can be chosen");
    let mut out = Vec::new();
    let summary = run(input, &mut out, format, ptsd_cutoff).expect("writing to a Vec cannot fail");
    let text = String::from_utf8(out).expect("output is UTF-8");
    let mut count = 0;
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("each output line is JSON");
        assert!(v["line"].as_u64().is_some_and(|n| n >= 1));
        assert!(
            v.get("error").is_some() != (v.get("results").is_some() && v.get("level").is_some())
        );
        count += 1;
    }
    assert_eq!(count, summary.scored + summary.failed);
});
