//! The data files' shape as the build script reads them. `deny_unknown_fields`
//! everywhere: a misspelt key in a data file must fail the build, not be silently
//! dropped.

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GateIn {
    pub key: String,
    /// How many examples the intro lists; their wording is in the language packs.
    pub examples: usize,
    /// The options' scores in the order shown; their labels are in the language packs.
    pub options: Vec<u8>,
    pub continue_when: u8,
    #[allow(dead_code)]
    pub source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUpIn {
    pub key: String,
    pub asked_when: String,
    pub options: Vec<u8>,
    #[allow(dead_code)]
    pub source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandIn {
    pub id: String,
    pub min: u8,
    pub max: u8,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct ScoringIn {
    pub max: u8,
    pub positive_at: u8,
    pub positive_source: String,
    pub consider_at: u8,
    pub consider_source: String,
    pub bands: Vec<BandIn>,
    pub bands_source: String,
    pub crisis_item: Option<u8>,
    pub crisis_at: Option<u8>,
    pub crisis_source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScreenerIn {
    pub short_name: String,
    pub items: u8,
    pub positive_at: u8,
    #[allow(dead_code)]
    pub source: String,
}

/// An instrument's structure and scoring. Everything a visitor reads of it (title, items,
/// option labels, credit) is in the language packs, `data/lang/<code>.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstrumentFile {
    pub id: String,
    pub short_name: String,
    /// The validation papers; the first is the citation shown with the results. Where each
    /// language's wording comes from is cited in that language's pack.
    pub sources: Vec<String>,
    pub gate: Option<GateIn>,
    /// The options' scores in the order shown.
    pub options: Vec<u8>,
    /// How many items.
    pub items: usize,
    pub follow_up: Option<FollowUpIn>,
    pub scoring: ScoringIn,
    pub screener: Option<ScreenerIn>,
}

/// Crisis numbers and links by region. What a visitor reads of them (the region's name, the
/// services' names, hours, notes) is in the language packs, so a language never changes which
/// numbers are shown.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrisisFile {
    #[allow(dead_code)]
    pub verified: Option<String>,
    pub regions: Vec<RegionIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionIn {
    pub code: String,
    pub sources: Vec<String>,
    pub emergency: EmergencyIn,
    pub resources: Vec<ResourceIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmergencyIn {
    pub number: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourceIn {
    pub phone: Option<String>,
    pub phone_display: Option<String>,
    pub sms: Option<String>,
    pub sms_display: Option<String>,
    pub url: Option<String>,
}
