//! A clinic's configuration: one typed [`Config`], read from an optional JSON object
//! and the embedding element's attributes, with every problem reported at once.
//!
//! Limits on strings are counted in characters and documented in docs/scoring.md:
//! they keep a mistaken paste from reshaping the widget, not a security boundary
//! (the UI shows every string as text, never as markup).

mod attrs;

/// The element attributes a configuration is read from, kebab-case; and `config`, which names
/// a JSON script and is resolved by the embedding layer.
pub use attrs::{ATTRIBUTES, CONFIG_ATTRIBUTE};
mod check;
mod facts;
mod fields;
mod json;
mod suggest;

pub use facts::facts;

use core::fmt;

use crate::flow::Mode;
use crate::instrument::InstrumentId;
use crate::lang::Lang;
use crate::precheck::Precheck;
use crate::scoring::Cutoffs;

pub(crate) const MAX_NAME: usize = 100;
pub(crate) const MAX_LABEL: usize = 60;
pub(crate) const MAX_URL: usize = 2000;
pub(crate) const MAX_PHONE: usize = 30;
pub(crate) const MAX_HOURS: usize = 100;
pub(crate) const MAX_RESOURCES: usize = 10;
/// More entries than this cannot be a list of distinct instruments; checking each
/// of a huge list would only bury the one useful problem.
pub(crate) const MAX_INSTRUMENT_ENTRIES: usize = 16;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Non-empty, no duplicates, in the order they are asked.
    pub instruments: Vec<InstrumentId>,
    pub mode: Mode,
    /// `None`: the widget decides from the page or the browser.
    pub lang: Option<Lang>,
    pub clinic_name: Option<String>,
    pub booking: Option<Booking>,
    pub crisis: Crisis,
    /// Keep answers in `sessionStorage` so a reload resumes.
    pub resume: bool,
    pub emit: Emit,
    /// Each instrument's cut-off, the clinic's choice where it may choose (`ptsd-cutoff`,
    /// `auditc-cutoff`).
    pub cutoffs: Cutoffs,
    /// The pre-treatment check asked after the questionnaires, if any.
    pub precheck: Option<Precheck>,
    /// The visitor may take the results away: save them as a FHIR file, show them as a QR code,
    /// and compare them with a file saved earlier (`carry="on"`). Only selfcheck-plus.js has
    /// that code, so selfcheck.js refuses `on` and this is always false there.
    pub carry: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            instruments: InstrumentId::DEFAULT.to_vec(),
            mode: Mode::Full,
            lang: None,
            clinic_name: None,
            booking: None,
            crisis: Crisis {
                region: Some("US"),
                resources: None,
            },
            resume: true,
            emit: Emit::None,
            cutoffs: Cutoffs::default(),
            precheck: None,
            carry: false,
        }
    }
}

impl Config {
    /// Whether the widget needs the extra language pack: the wording of an instrument outside
    /// the default configuration, of a pre-treatment check, or of carrying the results away (the
    /// build puts exactly those in it).
    pub fn needs_extra_texts(&self) -> bool {
        self.precheck.is_some()
            || self.carry
            || self
                .instruments
                .iter()
                .any(|id| !InstrumentId::DEFAULT.contains(id))
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Booking {
    pub url: String,
    pub label: Option<String>,
}

/// Where the crisis panel sends visitors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Crisis {
    /// A code of [`crate::regions`], in its canonical upper case. Its emergency number is
    /// shown whatever the helplines, so a clinic's own list never leaves visitors without one.
    /// `None` only for a clinic's own list without a named region: the default region's
    /// number (911) would be wrong for a clinic elsewhere, so the panel then asks visitors to
    /// call their local emergency number.
    pub region: Option<&'static str>,
    /// The clinic's own helplines, non-empty; they replace the region's.
    pub resources: Option<Vec<CrisisResource>>,
}

/// A clinic's own crisis resource; at least one of `phone`, `sms`, `url`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CrisisResource {
    pub name: String,
    pub phone: Option<String>,
    pub sms: Option<String>,
    pub url: Option<String>,
    pub hours: Option<String>,
}

/// What the widget's completion event carries; results stay on the visitor's device
/// unless a clinic asks for them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Emit {
    /// The event says only that the visitor finished.
    #[default]
    None,
    Level,
    Scores,
}

impl Emit {
    pub const ALL: [Emit; 3] = [Emit::None, Emit::Level, Emit::Scores];

    pub fn as_str(self) -> &'static str {
        match self {
            Emit::None => "none",
            Emit::Level => "level",
            Emit::Scores => "scores",
        }
    }
}

/// One thing wrong with a configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// `bookingUrl`, `crisisResources[1].phone`, `instruments[2]`, `config` for the
    /// document as a whole, or an attribute's name (`booking-url`).
    pub field: String,
    /// What was found and what is allowed.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for Problem {}

/// What was read so far; attributes overwrite what the JSON set.
#[derive(Default)]
pub(crate) struct Draft {
    pub instruments: Option<Vec<InstrumentId>>,
    pub mode: Option<Mode>,
    pub lang: Option<Lang>,
    pub clinic_name: Option<String>,
    pub booking_url: Option<String>,
    pub booking_label: Option<String>,
    /// Where the label came from, to point a problem at it.
    pub booking_label_field: &'static str,
    pub crisis_region: Option<&'static str>,
    pub crisis_resources: Option<Vec<CrisisResource>>,
    pub resume: Option<bool>,
    pub emit: Option<Emit>,
    /// Cut-offs chosen, in the order read; a later one for the same instrument wins.
    pub cutoffs: Vec<(InstrumentId, u8)>,
    pub precheck: Option<Option<Precheck>>,
    pub carry: Option<bool>,
}

#[derive(Default)]
pub(crate) struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(Problem {
            field: field.into(),
            message: message.into(),
        });
    }
}

impl Config {
    /// Reads the clinic's configuration: `json` (an object, keys in camelCase) and
    /// then `attributes` (kebab-case, as on the element), which override it.
    /// Returns every problem found, each with its field path, or the config.
    ///
    /// Attributes the engine does not know are ignored unless they look like a typo
    /// of one it does (`clinic-nme`), because the element also carries `class`,
    /// `id`, `style` and the widget's own attributes.
    pub fn parse(json: Option<&str>, attributes: &[(&str, &str)]) -> Result<Config, Vec<Problem>> {
        let mut draft = Draft::default();
        let mut problems = Problems::default();
        if let Some(text) = json {
            json::read(text, &mut draft, &mut problems);
        }
        attrs::read(attributes, &mut draft, &mut problems);
        // A link that was given but refused is reported already; "add a booking URL" would
        // then tell the clinic to do what they did.
        let url_refused = problems
            .0
            .iter()
            .any(|p| p.field == "bookingUrl" || p.field == "booking-url");
        if draft.booking_label.is_some() && draft.booking_url.is_none() && !url_refused {
            problems.add(
                draft.booking_label_field,
                "a booking label is given without a booking URL; add bookingUrl (or booking-url) or remove the label",
            );
        }
        if !problems.0.is_empty() {
            return Err(problems.0);
        }
        let defaults = Config::default();
        Ok(Config {
            instruments: draft.instruments.unwrap_or(defaults.instruments),
            mode: draft.mode.unwrap_or(defaults.mode),
            lang: draft.lang,
            clinic_name: draft.clinic_name,
            booking: draft.booking_url.map(|url| Booking {
                url,
                label: draft.booking_label,
            }),
            crisis: Crisis {
                region: match (draft.crisis_region, &draft.crisis_resources) {
                    (Some(region), _) => Some(region),
                    (None, Some(_)) => None,
                    (None, None) => defaults.crisis.region,
                },
                resources: draft.crisis_resources,
            },
            resume: draft.resume.unwrap_or(defaults.resume),
            emit: draft.emit.unwrap_or(defaults.emit),
            cutoffs: draft
                .cutoffs
                .iter()
                .fold(defaults.cutoffs, |cutoffs, &(id, at)| {
                    // Every value in the draft passed `fields::cutoff`.
                    cutoffs.with(id, at).unwrap_or(cutoffs)
                }),
            precheck: draft.precheck.unwrap_or(defaults.precheck),
            carry: draft.carry.unwrap_or(defaults.carry),
        })
    }
}
