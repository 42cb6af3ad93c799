//! The questionnaire engine behind selfcheck: instrument data (PHQ-9, GAD-7,
//! PC-PTSD-5), the order of questions and its branches, exact scoring, the
//! recommendation level, crisis resources, and validation of a clinic's
//! configuration.
//!
//! It is pure Rust and must stay so: no yew, web-sys, js-sys or wasm-bindgen (a
//! test runs `cargo tree` to hold that line), so the widget, the command-line
//! scorer and native tests all share one implementation. It ships inside the
//! widget's wasm, so it stays lean too: serde only (derives for the scorer's output),
//! no regex, url or date crates, and not even serde_json: the little JSON the widget
//! reads and writes goes through [`json`]. Instrument and crisis data are turned into
//! `static` tables by `build.rs`; the words a visitor reads are in one language pack per
//! language ([`pack`]), which the widget downloads; nothing else is parsed at run time
//! except a clinic's configuration and stored answers.
//!
//! The engine never produces HTML and never words advice for visitors: it returns
//! structured results and levels; the UI owns the wording. Every string from a
//! configuration is data, to be shown as text.
//!
//! Branching (PC-PTSD-5 exposure, the PHQ-9 difficulty question, adaptive
//! PHQ-2/GAD-2 expansion) lives only in [`steps`]; a UI asks the engine what comes
//! next instead of re-implementing it.

mod answers;
pub mod change;
mod config;
mod crisis;
// Carrying results away (the saved file, the QR text) runs only in selfcheck-plus.js: compiled
// out of the default build, so its generic code cannot change how the rest is compiled there.
#[cfg(plus)]
pub mod fhir;
mod flow;
mod instrument;
pub mod json;
mod lang;
mod outcome;
pub mod pack;
mod precheck;
pub mod pseudo;
mod scoring;
#[cfg(plus)]
pub mod summary;

/// The script a clinic pastes by default: the default instruments (`InstrumentId::DEFAULT`).
pub const DEFAULT_SCRIPT: &str = "selfcheck.js";

/// The script with every instrument and the pre-treatment checks (the `plus` build). A clinic
/// that chooses any of them loads it instead of selfcheck.js, whose default build leaves their
/// code out to stay small; selfcheck.js names this file when such a choice reaches it.
pub const PLUS_SCRIPT: &str = "selfcheck-plus.js";

pub use answers::{AnswerError, Answers, Part, Question};
pub use config::{
    facts, Booking, Config, Crisis, CrisisResource, Emit, Problem, ATTRIBUTES, CONFIG_ATTRIBUTE,
};
pub use crisis::{region, regions, Emergency, Region, RegionResource};
pub use flow::{
    crisis_raised, estimated_minutes, is_complete, next_unanswered, prune, raises_crisis, steps,
    Mode,
};
pub use instrument::{
    instrument, Band, Choice, CrisisRule, CutoffChoice, FollowUp, Gate, Instrument, InstrumentId,
    ItemNote, Loinc, LoincFollowUp, Scoring, Screener,
};
pub use lang::{ui, Lang, Text, EXTRA_LEN, PACK_LEN};
pub use outcome::{Explanation, ScoreShown, Segment};
pub use precheck::{topics, Precheck, PrecheckQuestion, PrecheckTable, Topic};
pub use scoring::{
    level, score, score_instrument, Cutoffs, Flag, Incomplete, InstrumentResult, Level, Report,
    Screen,
};
