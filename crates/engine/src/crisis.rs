//! Crisis resources by region, from `data/crisis.json` (which also cites, per region, where the
//! numbers were checked; the build requires those sources but leaves them out of the tables).

use crate::lang::Text;

/// Where to turn in a crisis, for one country or region.
#[derive(Debug)]
pub struct Region {
    /// ISO 3166-1 alpha-2, upper case (`US`, `GB`).
    pub code: &'static str,
    pub name: Text,
    pub emergency: Emergency,
    pub resources: &'static [RegionResource],
}

#[derive(Debug)]
pub struct Emergency {
    pub number: &'static str,
    pub label: Text,
    pub note: Option<Text>,
}

/// A helpline; at least one of `phone`, `sms`, `url` is present (checked at build).
#[derive(Debug)]
pub struct RegionResource {
    pub name: Text,
    /// Dialable: digits and a leading `+` only, ready for a `tel:` link.
    pub phone: Option<&'static str>,
    /// The number grouped as the service writes it (`116 123`); present with `phone`.
    pub phone_display: Option<&'static str>,
    pub sms: Option<&'static str>,
    pub sms_display: Option<&'static str>,
    pub url: Option<&'static str>,
    pub hours: Option<Text>,
    pub note: Option<Text>,
}

include!(concat!(env!("OUT_DIR"), "/crisis.rs"));

pub fn regions() -> &'static [Region] {
    &REGIONS
}

/// The region with this code, ignoring case.
pub fn region(code: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.code.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_region_exists() {
        assert_eq!(region("US").map(|r| r.emergency.number), Some("911"));
    }

    #[test]
    fn region_codes_match_in_any_case() {
        assert_eq!(region("gb").map(|r| r.code), Some("GB"));
        assert!(region("XX").is_none());
    }
}
