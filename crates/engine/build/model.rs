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
    /// `None`: below the cut-off the instrument never suggests considering a conversation.
    pub consider_at: Option<u8>,
    pub consider_source: Option<String>,
    /// Other cut-offs a clinic may choose instead of `positive_at`, with the attribute that
    /// chooses one.
    pub cutoff_choice: Option<CutoffChoiceIn>,
    pub bands: Vec<BandIn>,
    /// `true` when the bands name only part of the range (the AUDIT-C's 8-12); otherwise they
    /// must tile 0..=max.
    #[serde(default)]
    pub bands_partial: bool,
    pub bands_source: String,
    pub crisis_item: Option<u8>,
    pub crisis_at: Option<u8>,
    pub crisis_source: Option<String>,
    /// The smallest change of the total between two visits that a published study calls
    /// meaningful, with its source; `None` where none is published.
    pub meaningful_change: Option<MeaningfulChangeIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeaningfulChangeIn {
    pub points: u8,
    #[allow(dead_code)]
    pub source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CutoffChoiceIn {
    /// The element attribute (`ptsd-cutoff`); its JSON key is the camelCase form.
    pub attribute: String,
    /// Every cut-off that can be chosen, the data's `positive_at` among them.
    pub choices: Vec<u8>,
    #[allow(dead_code)]
    pub source: String,
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
    /// Asks one whole number 0..=count_max instead of items with options; `options` is then
    /// empty and `items` 1 (its question).
    pub count_max: Option<u16>,
    /// Each item words its own options (the AUDIT-C: how often, how many); the scores in
    /// `options` are shared. In the packs, `options` is then one list of labels per item.
    #[serde(default)]
    pub options_per_item: bool,
    /// A note shown with some items (the AUDIT-C's US standard drink next to items 2 and 3),
    /// worded in the packs as `item_note`.
    pub item_note: Option<ItemNoteIn>,
    /// LOINC codes where LOINC has them, for files a visitor carries to a clinician; checked
    /// against the sources cited beside them.
    pub loinc: Option<LoincIn>,
    /// Whether the items share an instruction (PHQ-9's "Over the last 2 weeks…"), worded in
    /// the packs as `stem`; false where each question stands alone (AUDIT-C).
    #[serde(default = "yes")]
    pub has_stem: bool,
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

/// A pre-treatment check (`data/precheck/<id>.json`): questions that list topics to discuss
/// with the clinic, never scored. Their wording is in the language packs, `precheck.<id>`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrecheckFile {
    pub id: String,
    /// Where the questions come from, in general; each question cites its own passage.
    pub sources: Vec<String>,
    pub questions: Vec<PrecheckQuestionIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrecheckQuestionIn {
    pub key: String,
    /// `yes_no_unsure` or `count`: the answer kinds the packs word (`precheck.answers.*`).
    pub answers: String,
    /// The answers (by their value) that put the question's topic on the list.
    pub topic_when: Vec<u8>,
    #[allow(dead_code)]
    pub source: String,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemNoteIn {
    /// 1-based item numbers, as on the form.
    pub items: Vec<u8>,
    #[allow(dead_code)]
    pub source: String,
}

/// An instrument's LOINC codes, verified against the sources in `source`: the panel, one code
/// per item in form order, the total, and per item one answer code per option in the order
/// shown (answers are matched by score, never by wording).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoincIn {
    pub source: String,
    pub panel: String,
    pub items: Vec<String>,
    pub total: String,
    pub answers: Vec<Vec<String>>,
    pub follow_up: Option<LoincFollowUpIn>,
}

/// The follow-up question's code and its answers' (the PHQ-9's difficulty question).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoincFollowUpIn {
    pub code: String,
    pub answers: Vec<String>,
}
