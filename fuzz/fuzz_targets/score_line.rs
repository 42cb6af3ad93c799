//! The scorer never panics on any input, and every record it writes is one line of
//! valid JSON with a line number and either results and a level, or an error.
//!
//! Input: a first byte, then stdin. Bit 0 of the first byte chooses the format (clear:
//! JSON Lines, set: CSV); the bits above it choose each cut-off the data lets a clinic
//! choose, instrument by instrument as `cutoff_choices` lists them (the PC-PTSD-5's 3 or 4
//! from bit 1, then the AUDIT-C's 3, 4 or 5), each taking the rest modulo its number of
//! choices, so the seeds written before the AUDIT-C keep their meaning.

#![no_main]

use libfuzzer_sys::fuzz_target;
use selfcheck_engine::Cutoffs;
use selfcheck_score::{cutoff_choices, run, Format};

fuzz_target!(|data: &[u8]| {
    let Some((&choice, input)) = data.split_first() else {
        return;
    };
    let format = if choice % 2 == 0 {
        Format::Jsonl
    } else {
        Format::Csv
    };
    let mut rest = usize::from(choice >> 1);
    let mut cutoffs = Cutoffs::default();
    for (id, offered) in cutoff_choices() {
        let at = offered.choices[rest % offered.choices.len()];
        rest /= offered.choices.len();
        cutoffs = cutoffs
            .with(id, at)
            .expect("every choice in the data can be chosen");
    }
    let mut out = Vec::new();
    let summary = run(input, &mut out, format, cutoffs).expect("writing to a Vec cannot fail");
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
