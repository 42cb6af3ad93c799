//! Reading a saved results file back (`fhir::read`, "compare with last time") never panics, and
//! what it accepts is coherent: its date is a date, at least one instrument, none twice, each
//! total within its scale; what it refuses has a reason.
//!
//! Input: the file's bytes, as a visitor's file picker hands them over.

#![no_main]

use libfuzzer_sys::fuzz_target;
use selfcheck_engine::{fhir, instrument};

fuzz_target!(|data: &[u8]| {
    match fhir::read(data) {
        Ok(earlier) => {
            assert!(!earlier.results.is_empty());
            assert!(fhir::is_date_time(&earlier.authored));
            for (i, result) in earlier.results.iter().enumerate() {
                assert!(!earlier.results[..i].iter().any(|r| r.id == result.id));
                assert!(result.total <= instrument(result.id).scoring.max);
            }
        }
        Err(error) => assert!(!error.to_string().is_empty()),
    }
});
