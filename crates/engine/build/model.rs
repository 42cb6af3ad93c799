//! The data files' shape as the build script reads them. `deny_unknown_fields`
//! everywhere: a misspelt key in a data file must fail the build, not be silently
//! dropped.

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextIn {
    pub en: String,
    pub es: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceIn {
    pub score: u8,
    pub label: TextIn,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GateIn {
    pub key: String,
    pub intro: TextIn,
    pub examples: Vec<TextIn>,
    pub text: TextIn,
    pub options: Vec<ChoiceIn>,
    pub continue_when: u8,
    #[allow(dead_code)]
    pub source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUpIn {
    pub key: String,
    pub asked_when: String,
    pub text: TextIn,
    pub options: Vec<ChoiceIn>,
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstrumentFile {
    pub id: String,
    pub short_name: String,
    /// Absent means true; false means the `es` texts repeat the English and the
    /// instrument must not be offered as a Spanish instrument.
    pub es_available: Option<bool>,
    #[allow(dead_code)]
    pub es_note: Option<String>,
    #[allow(dead_code)]
    pub verified: Option<String>,
    pub title: TextIn,
    pub topic: TextIn,
    pub sources: Vec<String>,
    pub credit: TextIn,
    pub gate: Option<GateIn>,
    pub stem: TextIn,
    pub options: Vec<ChoiceIn>,
    pub items: Vec<TextIn>,
    pub follow_up: Option<FollowUpIn>,
    pub scoring: ScoringIn,
    pub screener: Option<ScreenerIn>,
}

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
    pub name: TextIn,
    pub sources: Vec<String>,
    pub emergency: EmergencyIn,
    pub resources: Vec<ResourceIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmergencyIn {
    pub number: String,
    pub label: TextIn,
    pub note: Option<TextIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourceIn {
    pub name: TextIn,
    pub phone: Option<String>,
    pub phone_display: Option<String>,
    pub sms: Option<String>,
    pub sms_display: Option<String>,
    pub url: Option<String>,
    pub hours: Option<TextIn>,
    pub note: Option<TextIn>,
}
