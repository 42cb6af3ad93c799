//! `cargo xtask bench`: selfcheck against SurveyJS in headless Chromium (issue 6).

use crate::util::Result;

pub fn run(_args: &[String]) -> Result {
    Err("the benchmark is not written yet (issue 6)".into())
}
